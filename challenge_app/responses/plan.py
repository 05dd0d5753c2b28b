"""What a returned response workbook would change, worked out before anything is written.

The workbook is checked against the database as a whole, and every problem
found is reported at once; any problem refuses the whole workbook:

* it was written from another database, or for a meeting this database does
  not have, or (in the program) for a meeting other than the one open;
* a row names a code that is no measure here, or names one twice;
* the council's comment or questions in a row differ from those recorded,
  because they were changed in the workbook, or edited in Challenge after the
  workbook was sent: the response may answer words the council no longer
  stands by.

The responses then fall into four kinds: blank (skipped), the same as
recorded (nothing to do), new (no response recorded yet), and conflicts (a
different response is recorded): never overwritten unless the officer says
so, per measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from challenge_app.errors import InputError, Problem
from challenge_app.export.safe_text import clean
from challenge_app.limits import quoted
from challenge_app.models import Meeting
from challenge_app.responses.layout import joined_questions
from challenge_app.responses.workbook_in import ReturnedRow, ReturnedWorkbook
from challenge_app.store import Store


@dataclass(frozen=True)
class NewResponse:
    code: str
    title: str
    row: int
    text: str


@dataclass(frozen=True)
class Conflict:
    """A returned response that differs from the one recorded."""

    code: str
    title: str
    row: int
    recorded: str
    returned: str


@dataclass(frozen=True)
class ResponsePlan:
    returned: ReturnedWorkbook
    meeting: Meeting
    new: list[NewResponse] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    blank: list[str] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.new or self.conflicts)


def _other_meeting(returned: ReturnedWorkbook, why: str) -> InputError:
    return InputError(
        Problem(
            f"this response workbook is for the meeting '{returned.identity.label}', {why}",
            str(returned.path),
        )
    )


def _meeting(store: Store, returned: ReturnedWorkbook, expected: Meeting | None) -> Meeting:
    identity = returned.identity
    if not identity.database_id or identity.database_id != store.settings.database_id:
        raise _other_meeting(
            returned,
            "sent from another database; import it into the database it was sent from",
        )
    meeting = store.meetings.get(identity.meeting_id)
    if meeting is None or meeting.period != identity.period:
        raise _other_meeting(returned, "which is no longer in this database")
    if expected is not None and expected.id != meeting.id:
        raise _other_meeting(
            returned,
            f"not the one open ('{expected.label}'); choose that meeting and import it again",
        )
    return meeting


def _same(in_workbook: str, recorded: str) -> bool:
    """The council's words unchanged (spaces at either end aside).

    Compared as they are first: the workbook holds the recorded text cleaned
    (``safe_text.clean``), which is nearly always the text itself, and
    cleaning megabytes of it only to compare is a good part of an import.
    """
    if in_workbook.strip() == recorded.strip():
        return True
    return clean(in_workbook).strip() == clean(recorded).strip()


def _check_council_text(
    returned: ReturnedWorkbook,
    row: ReturnedRow,
    written: tuple[str, tuple[str, ...], str] | None,
    council: str,
) -> list[Problem]:
    comment, questions = (written[0], written[1]) if written else ("", ())
    problems = []
    cols = returned.columns
    checks = (
        (row.comment, comment, cols.comment, f"{council} comment for {row.code} is"),
        (
            row.questions,
            joined_questions(questions),
            cols.questions,
            f"questions for {row.code} are",
        ),
    )
    for in_workbook, recorded, column, what in checks:
        if not _same(in_workbook, recorded):
            problems.append(
                returned.problem(
                    f"the {what} not what the meeting has recorded: changed in the workbook, "
                    "or edited in Challenge after it was sent. Send a fresh workbook "
                    "(Request responses) or put the words back as they were",
                    row.row,
                    column,
                )
            )
    return problems


def make_plan(
    store: Store, returned: ReturnedWorkbook, expected: Meeting | None = None
) -> ResponsePlan:
    """Compare ``returned`` with its meeting; ``InputError`` listing every problem found.

    ``expected`` is the meeting the officer has open, if any: a workbook for
    another meeting is refused rather than read into a meeting not on screen.
    """
    meeting = _meeting(store, returned, expected)
    assert meeting.id is not None
    titles = store.measures.titles()
    written_on = store.meetings.written_on(meeting.id)
    council = store.settings.parties().council
    plan = ResponsePlan(returned, meeting)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    cols = returned.columns
    for row in returned.rows:
        if row.code not in titles:
            problems.append(
                returned.problem(
                    f"{quoted(row.code)} is not a measure of this meeting; "
                    "the codes in this column must stay as they were sent",
                    row.row,
                    cols.code,
                )
            )
            continue
        if row.code in seen:
            problems.append(
                returned.problem(
                    f"{row.code} appears twice (also in row {seen[row.code]}); keep one row",
                    row.row,
                    cols.code,
                )
            )
            continue
        seen[row.code] = row.row
        written = written_on.get(row.code)
        problems += _check_council_text(returned, row, written, council)
        recorded = written[2] if written else ""
        if not row.response.strip():
            plan.blank.append(row.code)
        elif clean(recorded) == row.response:
            plan.unchanged.append(row.code)
        elif not recorded.strip():
            plan.new.append(NewResponse(row.code, titles[row.code], row.row, row.response))
        else:
            plan.conflicts.append(
                Conflict(row.code, titles[row.code], row.row, recorded, row.response)
            )
    if problems:
        raise InputError(problems)
    return plan
