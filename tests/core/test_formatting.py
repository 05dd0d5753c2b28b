import pytest

from challenge_app.formatting import format_value, performance_line, target_line
from challenge_app.periods import Month, Quarter


@pytest.mark.parametrize(
    "value, unit, text",
    [
        (24, "%", "24%"),
        (87.7, "%", "87.7%"),
        (2.10, "%", "2.1%"),
        (1843, "count", "1,843"),
        (1843, "", "1,843"),
        (0.02, "per 100000", "0.02 per 100,000"),
        (402, "per 100,000", "402 per 100,000"),
        (14.5, "weeks", "14.5 weeks"),
        (1250, "£000s", "£1,250k"),
        (-3.5, "%", "-3.5%"),
        (0, "%", "0%"),
        (12, "cases", "12 cases"),
        (None, "%", ""),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


@pytest.mark.parametrize(
    "value, unit, text",
    [(0.02, "per 100000", "0.02 /100k"), (24, "%", "24%"), (14.5, "weeks", "14.5 weeks")],
)
def test_compact_form_for_table_cells(value, unit, text):
    assert format_value(value, unit, compact=True) == text


def test_performance_line_as_the_report_prints_it():
    assert performance_line(Quarter(2016, 1), 88, Month(2016, 7), 88, "%") == "Q1 = 88%  July = 88%"
    assert performance_line(Quarter(2016, 1), None, None, None, "%") == "Q1 = no figure"


def test_target_line():
    assert target_line(92, 90, "%") == "Target: 92%  Tolerance: 90%"
    assert target_line(8, None, "%") == "Target: 8%"
    assert target_line(None, None, "count") == "No target specified"
