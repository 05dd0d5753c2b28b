from datetime import date

import pytest

from challenge_app.errors import InputError
from challenge_app.periods import (
    FinancialYear,
    Month,
    Quarter,
    latest_month_window,
    offered_quarters,
    parse_month,
    parse_period,
    parse_quarter,
    usual_meeting_date,
)


@pytest.mark.parametrize(
    "text, start",
    [("2016/17", 2016), ("2016/2017", 2016), ("1999/00", 1999), (" 2020 / 21 ", 2020)],
)
def test_financial_year_parses(text, start):
    assert FinancialYear.parse(text) == FinancialYear(start)


@pytest.mark.parametrize("text", ["2016/18", "2016-17", "16/17", "2016", "", "2016/2018"])
def test_financial_year_refuses(text):
    with pytest.raises(InputError):
        FinancialYear.parse(text)


def test_financial_year_text():
    assert str(FinancialYear(2016)) == "2016/17"
    assert str(FinancialYear(1999)) == "1999/00"


@pytest.mark.parametrize(
    "day, year",
    [(date(2016, 4, 1), 2016), (date(2016, 3, 31), 2015), (date(2017, 1, 15), 2016)],
)
def test_financial_year_containing(day, year):
    assert FinancialYear.containing(day) == FinancialYear(year)


@pytest.mark.parametrize(
    "text, quarter, months",
    [
        ("2016/17 Q1", Quarter(2016, 1), ["2016-04", "2016-05", "2016-06"]),
        ("2016/17 Q2", Quarter(2016, 2), ["2016-07", "2016-08", "2016-09"]),
        ("2016/17 Q3", Quarter(2016, 3), ["2016-10", "2016-11", "2016-12"]),
        ("2016/17 Q4", Quarter(2016, 4), ["2017-01", "2017-02", "2017-03"]),
        ("2016/17 q1", Quarter(2016, 1), ["2016-04", "2016-05", "2016-06"]),
    ],
)
def test_quarters_and_their_months(text, quarter, months):
    q = parse_quarter(text)
    assert q == quarter
    assert [str(m) for m in q.months()] == months


@pytest.mark.parametrize(
    "text, message",
    [
        ("2016/17 Q5", "quarters run Q1 to Q4"),
        ("2016/17 Q0", "quarters run Q1 to Q4"),
        ("2016/18 Q1", "must be followed by 17"),
        ("Q1 2016/17", "expected the form 2016/17 Q1"),
        ("2016 Q1", "expected the form 2016/17 Q1"),
    ],
)
def test_bad_quarters_say_what_is_wrong(text, message):
    with pytest.raises(InputError, match=message):
        parse_quarter(text)


@pytest.mark.parametrize(
    "text, message",
    [
        ("2016-13", "months run 01 to 12"),
        ("2016-00", "months run 01 to 12"),
        ("July", "expected a quarter"),
    ],
)
def test_bad_months(text, message):
    with pytest.raises(InputError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    "month, quarter",
    [
        ("2016-04", "2016/17 Q1"),
        ("2016-06", "2016/17 Q1"),
        ("2016-07", "2016/17 Q2"),
        ("2016-12", "2016/17 Q3"),
        ("2017-01", "2016/17 Q4"),
        ("2017-03", "2016/17 Q4"),
    ],
)
def test_quarter_a_month_belongs_to(month, quarter):
    assert str(parse_month(month).quarter) == quarter


@pytest.mark.parametrize(
    "quarter, previous",
    [("2016/17 Q1", "2015/16 Q4"), ("2016/17 Q2", "2016/17 Q1"), ("2016/17 Q4", "2016/17 Q3")],
)
def test_previous_quarter(quarter, previous):
    assert str(parse_quarter(quarter).previous()) == previous
    assert str(parse_quarter(previous).next()) == quarter


@pytest.mark.parametrize(
    "quarter, long",
    [
        ("2016/17 Q1", "Quarter 1 2016/17 (April to June 2016)"),
        ("2016/17 Q4", "Quarter 4 2016/17 (January to March 2017)"),
    ],
)
def test_long_display(quarter, long):
    assert parse_quarter(quarter).long() == long


def test_parse_period_round_trips_text():
    for text in ["2016/17 Q1", "2016-07", "1999/00 Q4"]:
        assert str(parse_period(text)) == text


def test_month_names_and_previous():
    assert Month(2016, 7).name == "July"
    assert Month(2016, 1).previous() == Month(2015, 12)


@pytest.mark.parametrize(
    "meeting, last",
    [
        (None, "2016-09"),  # no date: up to three months after the quarter
        (date(2016, 8, 2), "2016-07"),  # meeting in August: July is the latest month
        (date(2016, 7, 5), "2016-06"),
        (date(2017, 1, 1), "2016-09"),  # a late meeting still stops three months on
    ],
)
def test_latest_month_window(meeting, last):
    first, end = latest_month_window(Quarter(2016, 1), meeting)
    assert str(first) == "2016-04"
    assert str(end) == last


@pytest.mark.parametrize(
    "period, expected",
    [
        (Quarter(2016, 1), date(2016, 8, 1)),  # Apr-Jun: early August (a Monday)
        (Quarter(2016, 2), date(2016, 11, 1)),
        (Quarter(2016, 3), date(2017, 2, 1)),  # across the calendar year
        (Quarter(2015, 4), date(2016, 5, 2)),  # 1 May 2016 was a Sunday
        (Month(2016, 7), date(2016, 9, 1)),
        (Month(2016, 12), date(2017, 2, 1)),
        (Quarter(2016, 4), date(2017, 5, 1)),
        (Month(2016, 8), date(2016, 10, 3)),  # 1 October 2016 was a Saturday
    ],
)
def test_usual_meeting_date(period, expected):
    assert usual_meeting_date(period) == expected


@pytest.mark.parametrize(
    "with_figures, today, expected",
    [
        # figures up to Q1: Q2 (its figures on their way) first, then newest first
        (
            [Quarter(2015, 4), Quarter(2016, 1), Quarter(2015, 3)],
            date(2026, 12, 1),  # today's date plays no part when there are figures
            ["2016/17 Q2", "2016/17 Q1", "2015/16 Q4", "2015/16 Q3"],
        ),
        # a gap in the figures is not filled in
        (
            [Quarter(2014, 1), Quarter(2016, 1)],
            date(2016, 9, 1),
            ["2016/17 Q2", "2016/17 Q1", "2014/15 Q1"],
        ),
        # no figures at all: the quarter just ended and the one running
        ([], date(2016, 9, 1), ["2016/17 Q2", "2016/17 Q1"]),
    ],
)
def test_offered_quarters(with_figures, today, expected):
    assert [str(q) for q in offered_quarters(with_figures, today)] == expected


def test_quarters_with_figures_newest_first(demo_store):
    quarters = demo_store.measures.quarters_with_figures()
    assert quarters[0] == Quarter(2016, 1)
    assert quarters == sorted(quarters, reverse=True)
    assert len(quarters) == len(set(quarters))
