"""What the response workbook holds: its sheet, its columns, and which measures, in what order.

Kept apart from writing and reading so the two can never disagree about it
(INTERFACES.md, "Response workbook").
"""

from __future__ import annotations

from dataclasses import dataclass

from challenge_app.board import BoardRow
from challenge_app.export.appendix_sheet import MEASURE_HEADING
from challenge_app.export.report import Report
from challenge_app.export.safe_text import clean
from challenge_app.models import Challenge, Parties, Placement

SHEET = "Responses"
CODE_HEADING = "Code"
QUESTIONS_HEADING = "Questions raised"

#: Columns, left to right; the response column is the last.
CODE, MEASURE, COMMENT, QUESTIONS, RESPONSE = 1, 2, 3, 4, 5
WIDTHS = (9, 30, 42, 36, 60)


@dataclass(frozen=True)
class Headings:
    """Row 1's words. The comment and response columns are named after the parties."""

    code: str
    measure: str
    comment: str
    questions: str
    response: str

    @classmethod
    def for_parties(cls, parties: Parties) -> Headings:
        return cls(
            CODE_HEADING,
            MEASURE_HEADING,
            parties.comment_heading,
            QUESTIONS_HEADING,
            parties.response_heading,
        )

    def as_row(self) -> list[str]:
        return [self.code, self.measure, self.comment, self.questions, self.response]


def joined_questions(questions: tuple[str, ...]) -> str:
    """The questions raised, one a line (blank ones left out)."""
    return "\n".join(q for q in questions if q.strip())


def questions_text(questions: tuple[str, ...]) -> str:
    """The questions raised, one a line, as the workbook shows them."""
    return clean(joined_questions(questions))


def comment_text(challenge: Challenge | None) -> str:
    """The council's comment as the workbook shows it."""
    return clean(challenge.council_comment) if challenge is not None else ""


def asks_for_response(challenge: Challenge | None) -> bool:
    """A measure is in the workbook when the council commented on it or asked about it."""
    if challenge is None:
        return False
    return bool(comment_text(challenge).strip() or questions_text(challenge.questions).strip())


def requested_rows(report: Report) -> list[BoardRow]:
    """The measures to ask about, in appendix order.

    Appendix 1's measures as the appendix lists them, then Appendix 2's, then
    any measure not reported that the council still wrote on, in natural
    code order: the order the provider will see them in the report.
    """
    published = [*report.placed(Placement.APPENDIX1), *report.placed(Placement.APPENDIX2)]
    in_appendices = {row.code for row in published}
    rest = (row for row in report.board if row.code not in in_appendices)
    return [row for row in (*published, *rest) if asks_for_response(row.challenge)]
