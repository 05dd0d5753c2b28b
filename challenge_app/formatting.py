"""How figures are written in the window and the report.

"Q1 = 88%  July = 88%" and "Target: 92%  Tolerance: 90%" are what the
scrutiny report prints in its first column; the UI shows the same strings so
the officer sees on screen what will be handed in.
"""

from __future__ import annotations

from challenge_app.periods import Month, Quarter

_MAX_DECIMALS = 3


def format_number(value: float) -> str:
    """Thousands separators, no trailing zeros: 1843 -> "1,843", 87.70 -> "87.7"."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.{_MAX_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unit_kind(unit: str | None) -> str:
    u = (unit or "").strip().lower().replace(",", "").replace(" ", "")
    if u in ("%", "percent", "percentage", "pct"):
        return "percent"
    if u.startswith("per100000") or u.startswith("rateper100000") or u == "per100k":
        return "per100k"
    if u in ("weeks", "week", "wks"):
        return "weeks"
    if u in ("£000s", "£000", "£k", "£000's", "gbp000s"):
        return "gbp_thousands"
    if u in ("days", "day"):
        return "days"
    return "count" if u in ("", "count", "number", "no", "no.") else "other"


def format_value(value: float | None, unit: str | None, *, compact: bool = False) -> str:
    """A value written in its measure's unit; an empty string for no value.

    ``compact`` is for narrow table cells, where "0.02 per 100,000" would be cut
    to "0.02 per …": the rate is written "0.02 /100k" instead. Reports and
    tool tips use the full form.
    """
    if value is None:
        return ""
    number = format_number(value)
    kind = _unit_kind(unit)
    if kind == "percent":
        return f"{number}%"
    if kind == "per100k":
        return f"{number} /100k" if compact else f"{number} per 100,000"
    if kind == "weeks":
        return f"{number} week" if value == 1 else f"{number} weeks"
    if kind == "days":
        return f"{number} day" if value == 1 else f"{number} days"
    if kind == "gbp_thousands":
        return f"£{number}k"
    if kind == "other":
        return f"{number} {unit.strip()}"
    return number


def performance_line(
    quarter: Quarter,
    value: float | None,
    month: Month | None,
    month_value: float | None,
    unit: str | None,
) -> str:
    """``Q1 = 24%  July = 24%``; a missing figure is written as "no figure"."""
    parts = [f"Q{quarter.number} = {format_value(value, unit) or 'no figure'}"]
    if month is not None and month_value is not None:
        parts.append(f"{month.name} = {format_value(month_value, unit)}")
    return "  ".join(parts)


def target_line(target: float | None, tolerance: float | None, unit: str | None) -> str:
    """``Target: 92%  Tolerance: 90%``, or "No target specified"."""
    if target is None:
        return "No target specified"
    parts = [f"Target: {format_value(target, unit)}"]
    if tolerance is not None:
        parts.append(f"Tolerance: {format_value(tolerance, unit)}")
    return "  ".join(parts)
