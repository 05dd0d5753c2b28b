"""How single cells of a provider file are read: the tolerant forms and the refusals."""

from datetime import date, datetime, time

import pytest

from challenge_app.imports.cells import (
    CellError,
    parse_code,
    parse_kind,
    parse_number,
    parse_period_cell,
    parse_polarity,
    parse_text,
    parse_year,
)
from challenge_app.periods import Month, Quarter


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("24", 24.0),
        (" 87.7 ", 87.7),
        ("24%", 24.0),
        ("24 %", 24.0),
        ("1,843", 1843.0),
        ("12,345.5", 12345.5),
        ("£1,234", 1234.0),
        ("-3", -3.0),
        (".5", 0.5),
        (1843, 1843.0),
        (0.07, 0.07),
        (None, None),
        ("   ", None),
    ],
)
def test_numbers_in_the_forms_providers_write_them(cell, expected):
    assert parse_number(cell) == expected


@pytest.mark.parametrize(
    "cell, says",
    [
        ("n/a", "'n/a' is not a number"),
        ("-", "is not a number"),
        ("1,84", "is not a number"),
        ("nan", "is not a number"),
        ("inf", "is not a number"),
        ("#DIV/0!", "Excel error (#DIV/0!)"),
        (True, "TRUE/FALSE"),
        (datetime(2016, 7, 1), "date"),
        (float("nan"), "not a number"),
    ],
)
def test_things_that_are_not_numbers_are_refused(cell, says):
    with pytest.raises(CellError, match=says.replace("(", r"\(").replace(")", r"\)")):
        parse_number(cell)


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("2016/17 Q1", Quarter(2016, 1)),
        ("Q1 2016/17", Quarter(2016, 1)),
        ("q2 2016/2017", Quarter(2016, 2)),
        ("2016/17Q3", Quarter(2016, 3)),
        ("  2016/17   q4 ", Quarter(2016, 4)),
        ("2016-07", Month(2016, 7)),
        ("2016-7", Month(2016, 7)),
        ("July 2016", Month(2016, 7)),
        ("Jul 2016", Month(2016, 7)),
        ("Jul-16", Month(2016, 7)),
        ("sept 2016", Month(2016, 9)),
        (datetime(2016, 7, 1), Month(2016, 7)),
        (date(2017, 1, 31), Month(2017, 1)),
        (None, None),
    ],
)
def test_periods_are_read_and_normalised(cell, expected):
    assert parse_period_cell(cell) == expected


@pytest.mark.parametrize(
    "cell, says",
    [
        ("2016/17 Q5", "quarters run Q1 to Q4"),
        ("2016/18 Q1", "2016 must be followed by 17"),
        ("2016-13", "months run 01 to 12"),
        ("Quarter one", "not a quarter; expected the form 2016/17 Q1"),
        ("Jly 2016", "not a period"),
        (201607, "'201607' is not a period"),
        (time(12, 0), "not a period"),
    ],
)
def test_periods_that_cannot_be_read_say_why(cell, says):
    with pytest.raises(CellError, match=says):
        parse_period_cell(cell)


def test_years_are_normalised_and_dates_or_numbers_refused():
    assert parse_year("2016/17") == "2016/17"
    assert parse_year(" 2016/2017 ") == "2016/17"
    assert parse_year("") is None
    with pytest.raises(CellError, match=r"Excel has turned this cell into a date \(01 Dec 2016\)"):
        parse_year(datetime(2016, 12, 1))
    with pytest.raises(CellError, match="write it as 2016/17"):
        parse_year(2016)
    with pytest.raises(CellError, match="must be followed by 17"):
        parse_year("2016/18")


def test_codes_typed_as_numbers_keep_their_digits():
    assert parse_code(101) == "101"
    assert parse_code(101.0) == "101"
    assert parse_code(" A09 ") == "A09"
    assert parse_code("D17c") == "D17c"
    assert parse_code("") is None
    with pytest.raises(CellError, match="Excel has turned this code into a date"):
        parse_code(datetime(2016, 1, 1))


def test_kind_and_polarity_any_case_and_clear_refusals():
    assert parse_kind("Contract") == "contract"
    assert parse_kind(" VOLUMETRIC ") == "volumetric"
    assert parse_kind("") is None
    with pytest.raises(CellError, match="expected contract or volumetric"):
        parse_kind("contractual")
    assert parse_polarity("Higher") == "higher"
    assert parse_polarity("Lower is better") == "lower"
    assert parse_polarity(None) is None
    with pytest.raises(CellError, match="'sideways' is not a polarity; expected higher or lower"):
        parse_polarity("sideways")


def test_text_cells_collapse_spaces_and_read_numbers_as_digits():
    assert parse_text("  Social   Care Pathway ") == "Social Care Pathway"
    assert parse_text(2016) == "2016"
    assert parse_text(None) is None
