"""Meetings, the challenge records written at them, and follow-up actions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime

from sqlite_utils import Database

from challenge_app.codes import natural_key
from challenge_app.models import LIST_FIELDS, TEXT_FIELDS, Action, Challenge, Meeting, Placement
from challenge_app.periods import parse_quarter
from challenge_app.publication import AppendixPosition


def _meeting(row: dict) -> Meeting:
    return Meeting(
        id=row["id"],
        title=row["title"],
        date=date.fromisoformat(row["date"]),
        period=row["period"],
        kind=row["kind"],
        attendees=tuple(json.loads(row["attendees"])),
        apologies=tuple(json.loads(row["apologies"])),
    )


def _challenge(row: dict) -> Challenge:
    return Challenge(
        meeting_id=row["meeting_id"],
        code=row["code"],
        placement=Placement(row["placement"]) if row["placement"] else None,
        updated_at=row["updated_at"],
        **{
            name: tuple(json.loads(row[name])) if name in LIST_FIELDS else row[name]
            for name in TEXT_FIELDS
        },
    )


def _stored(value: str | tuple[str, ...]) -> str:
    """A text field as its column holds it: lists (the questions) as JSON."""
    return value if isinstance(value, str) else json.dumps(list(value), ensure_ascii=False)


# One challenge record written, or left alone (keeping its ``updated_at``) when
# nothing the officer wrote, nor the placement, differs from what is stored.
_CHANGEABLE = (*TEXT_FIELDS, "placement")
_UPSERT_CHALLENGE = f"""
    INSERT INTO challenges (meeting_id, code, {", ".join(_CHANGEABLE)}, updated_at)
    VALUES ({", ".join("?" * (len(_CHANGEABLE) + 3))})
    ON CONFLICT (meeting_id, code) DO UPDATE SET
      {", ".join(f"{c} = excluded.{c}" for c in (*_CHANGEABLE, "updated_at"))}
    WHERE {" OR ".join(f"challenges.{c} IS NOT excluded.{c}" for c in _CHANGEABLE)}"""


def _action(row: dict) -> Action:
    return Action(
        id=row["id"],
        meeting_id=row["meeting_id"],
        text=row["text"],
        code=row["code"],
        owner=row["owner"],
        due=date.fromisoformat(row["due"]) if row["due"] else None,
        status=row["status"],
    )


class MeetingRepo:
    def __init__(self, db: Database):
        self.db = db

    # -- meetings ---------------------------------------------------------
    def all(self) -> list[Meeting]:
        """Every meeting, newest first (the officer usually wants the latest)."""
        return [
            _meeting(row)
            for row in self.db.query("SELECT * FROM meetings ORDER BY date DESC, id DESC")
        ]

    def get(self, meeting_id: int) -> Meeting | None:
        rows = list(self.db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
        return _meeting(rows[0]) if rows else None

    def latest_for_period(self, period: str) -> Meeting | None:
        """The latest meeting reviewing ``period``: what ``export --period`` means."""
        rows = list(
            self.db.query(
                "SELECT * FROM meetings WHERE period = ? ORDER BY date DESC, id DESC LIMIT 1",
                [str(parse_quarter(period))],
            )
        )
        return _meeting(rows[0]) if rows else None

    def save(self, meeting: Meeting) -> Meeting:
        """Insert a new meeting (``id`` None) or update an existing one."""
        values = {
            "title": meeting.title,
            "date": meeting.date.isoformat(),
            "period": meeting.period,
            "kind": meeting.kind,
            "attendees": json.dumps(list(meeting.attendees)),
            "apologies": json.dumps(list(meeting.apologies)),
        }
        with self.db.atomic():
            if meeting.id is None:
                cursor = self.db.execute(
                    """INSERT INTO meetings (title, date, period, kind, attendees, apologies)
                       VALUES (:title, :date, :period, :kind, :attendees, :apologies)""",
                    values,
                )
                meeting_id = cursor.lastrowid
            else:
                meeting_id = meeting.id
                self.db.execute(
                    """UPDATE meetings SET title = :title, date = :date, period = :period,
                       kind = :kind, attendees = :attendees, apologies = :apologies
                       WHERE id = :id""",
                    {**values, "id": meeting_id},
                )
        return self.get(meeting_id)

    def find(self, period: str, day: date, title: str) -> Meeting | None:
        rows = list(
            self.db.query(
                "SELECT * FROM meetings WHERE period = ? AND date = ? AND title = ?",
                [period, day.isoformat(), title],
            )
        )
        return _meeting(rows[0]) if rows else None

    # -- challenge records ------------------------------------------------
    def challenges(self, meeting_id: int) -> dict[str, Challenge]:
        """Every challenge record of a meeting, keyed by measure code."""
        return {
            row["code"]: _challenge(row)
            for row in self.db.query("SELECT * FROM challenges WHERE meeting_id = ?", [meeting_id])
        }

    def challenge(self, meeting_id: int, code: str) -> Challenge | None:
        rows = list(
            self.db.query(
                "SELECT * FROM challenges WHERE meeting_id = ? AND code = ?", [meeting_id, code]
            )
        )
        return _challenge(rows[0]) if rows else None

    def save_challenge(self, challenge: Challenge) -> Challenge:
        """Write one challenge record (insert or replace), stamped with the time."""
        self.upsert_challenges([challenge])
        return self.challenge(challenge.meeting_id, challenge.code)

    # -- the officer's order within each appendix ---------------------------
    def appendix_positions(self, meeting_id: int) -> dict[str, AppendixPosition]:
        """Each ordered measure's position, keyed by code, with the appendix it is for."""
        return {
            row["code"]: AppendixPosition(Placement(row["placement"]), row["position"])
            for row in self.db.query(
                "SELECT code, placement, position FROM appendix_order WHERE meeting_id = ?",
                [meeting_id],
            )
        }

    def set_appendix_order(
        self, meeting_id: int, placement: Placement, codes: Sequence[str]
    ) -> None:
        """Make ``codes`` the order of ``placement`` at this meeting, first to last.

        Every measure of the appendix is numbered, so a later move only has
        to swap neighbours; positions left from an earlier order of the same
        appendix are dropped. Each code must have a challenge record (what is
        published always has one).
        """
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM appendix_order WHERE meeting_id = ? AND placement = ?",
                [meeting_id, placement.value],
            )
            self.set_positions(
                meeting_id,
                {
                    code: AppendixPosition(placement, index)
                    for index, code in enumerate(codes, start=1)
                },
            )

    def set_positions(self, meeting_id: int, positions: Mapping[str, AppendixPosition]) -> None:
        """Record positions as given (a pack carries them one record at a time)."""
        rows = [(meeting_id, code, p.placement.value, p.position) for code, p in positions.items()]
        with self.db.atomic():
            self.db.conn.executemany(
                """INSERT INTO appendix_order (meeting_id, code, placement, position)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (meeting_id, code) DO UPDATE SET
                     placement = excluded.placement, position = excluded.position""",
                rows,
            )

    def challenges_for_measure(self, code: str) -> list[Challenge]:
        """One measure's challenge records at every meeting (what the Previous
        meetings panel reads, in one query rather than one per meeting)."""
        return [
            _challenge(row)
            for row in self.db.query("SELECT * FROM challenges WHERE code = ?", [code])
        ]

    # -- the provider's written responses (the response workbook) --------
    def written_on(self, meeting_id: int) -> dict[str, tuple[str, tuple[str, ...], str]]:
        """Code -> (council comment, questions, provider response) of every record.

        What a returned response workbook is checked against, read without
        the rest of each record (notes, headline): a year of long records is
        several megabytes of text that the check has no use for.
        """
        rows = self.db.execute(
            """SELECT code, council_comment, questions, provider_response FROM challenges
               WHERE meeting_id = ?""",
            [meeting_id],
        ).fetchall()
        return {
            code: (comment, tuple(json.loads(qs)), response) for code, comment, qs, response in rows
        }

    def record_responses(
        self, meeting_id: int, responses: Iterable[tuple[str, str, bool]]
    ) -> list[str]:
        """Set provider responses, each ``(code, text, over_recorded)``; return the codes written.

        Without ``over_recorded`` a response is written only where none is
        recorded (blank), so words typed in the program since the workbook
        was compared are never overwritten. Each code at most once. One
        transaction.

        The responses are written by one ``UPDATE`` from a temporary table,
        not one ``UPDATE`` each: every statement that writes through the
        search index's triggers makes FTS5 flush what it holds to a segment
        of its own (its savepoint), so 300 statements wrote 300 tiny segments
        and merged them, three times the cost of indexing the texts at once.
        """
        rows = list(responses)
        if not rows:
            return []
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db.atomic():
            self.db.execute(
                "CREATE TEMP TABLE returned_responses "
                "(code TEXT PRIMARY KEY, body TEXT NOT NULL, over_recorded INTEGER NOT NULL)"
            )
            try:
                self.db.conn.executemany(
                    "INSERT INTO temp.returned_responses VALUES (?, ?, ?)", rows
                )
                cursor = self.db.execute(
                    """UPDATE challenges SET provider_response = r.body, updated_at = ?
                       FROM temp.returned_responses r
                       WHERE challenges.meeting_id = ? AND challenges.code = r.code
                         AND (r.over_recorded
                              OR trim(challenges.provider_response, ' ' || char(9, 10, 13)) = '')
                       RETURNING challenges.code""",
                    [stamp, meeting_id],
                )
                written = {code for (code,) in cursor.fetchall()}
            finally:
                self.db.execute("DROP TABLE temp.returned_responses")
        return [code for code, _, _ in rows if code in written]

    # -- follow-up actions ------------------------------------------------
    def actions_for(self, meeting: Meeting) -> list[Action]:
        """The meeting's own actions, plus earlier meetings' actions still open
        at its date (or closed at it): open actions carry forward until closed."""
        rows = self.db.query(
            """SELECT a.* FROM actions a JOIN meetings m ON m.id = a.meeting_id
               WHERE a.meeting_id = :id
                  OR (m.date < :date AND (a.status = 'open' OR a.closed_date >= :date))
               ORDER BY m.date, a.id""",
            {"id": meeting.id, "date": meeting.date.isoformat()},
        )
        actions = [_action(row) for row in rows]
        return sorted(actions, key=lambda a: (a.code is None, natural_key(a.code or "")))

    def own_actions(self, meeting_id: int) -> list[Action]:
        return [
            _action(row)
            for row in self.db.query(
                "SELECT * FROM actions WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def actions_for_measure(self, code: str) -> list[Action]:
        """The actions raised on one measure at every meeting, in the order entered."""
        return [
            _action(row)
            for row in self.db.query("SELECT * FROM actions WHERE code = ? ORDER BY id", [code])
        ]

    def save_action(self, action: Action, closed_on: date | None = None) -> Action:
        """Insert or update an action; ``closed_on`` records when it stopped being open."""
        values = {
            "meeting_id": action.meeting_id,
            "code": action.code or None,
            "text": action.text,
            "owner": action.owner,
            "due": action.due.isoformat() if action.due else None,
            "status": action.status,
            "closed_date": None if action.is_open else (closed_on or date.today()).isoformat(),
        }
        with self.db.atomic():
            if action.id is None:
                action_id = self.db.execute(
                    """INSERT INTO actions (meeting_id, code, text, owner, due, status,
                         closed_date)
                       VALUES (:meeting_id, :code, :text, :owner, :due, :status, :closed_date)""",
                    values,
                ).lastrowid
            else:
                action_id = action.id
                self.db.execute(
                    """UPDATE actions SET meeting_id = :meeting_id, code = :code, text = :text,
                         owner = :owner, due = :due, status = :status,
                         closed_date = CASE WHEN :status = 'open' THEN NULL
                                            ELSE COALESCE(closed_date, :closed_date) END
                       WHERE id = :id""",
                    {**values, "id": action_id},
                )
        row = next(self.db.query("SELECT * FROM actions WHERE id = ?", [action_id]))
        return _action(row)

    def delete_action(self, action_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM actions WHERE id = ?", [action_id])

    # -- bulk writes (challenge packs merge many records in one go) -------
    def ids_by_key(self) -> dict[tuple[str, str, str], int]:
        """Every meeting's id keyed by (period, date, title), the key packs match on."""
        return {
            (row["period"], row["date"], row["title"]): row["id"]
            for row in self.db.query("SELECT id, period, date, title FROM meetings")
        }

    def upsert_by_key(self, meetings: Iterable[Meeting]) -> dict[tuple[str, str, str], int]:
        """Insert meetings, or update the one with the same period, date and title;
        returns every meeting's id by that key."""
        rows = [
            {
                "title": m.title,
                "date": m.date.isoformat(),
                "period": m.period,
                "kind": m.kind,
                "attendees": json.dumps(list(m.attendees), ensure_ascii=False),
                "apologies": json.dumps(list(m.apologies), ensure_ascii=False),
            }
            for m in meetings
        ]
        with self.db.atomic():
            self.db.conn.executemany(
                """INSERT INTO meetings (title, date, period, kind, attendees, apologies)
                   VALUES (:title, :date, :period, :kind, :attendees, :apologies)
                   ON CONFLICT (period, date, title) DO UPDATE SET kind = excluded.kind,
                     attendees = excluded.attendees, apologies = excluded.apologies""",
                rows,
            )
        return self.ids_by_key()

    def upsert_challenges(self, challenges: Iterable[Challenge]) -> None:
        """Write many challenge records at once. A record whose content has not
        changed keeps its ``updated_at``, so merging the same data twice is no change."""
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        rows = [
            (
                c.meeting_id,
                c.code,
                *(_stored(value) for value in c.texts().values()),
                c.placement.value if c.placement else None,
                stamp,
            )
            for c in challenges
        ]
        with self.db.atomic():
            self.db.conn.executemany(_UPSERT_CHALLENGE, rows)

    def all_actions(self) -> list[Action]:
        """Every action of every meeting, each meeting's in the order they were entered."""
        return [
            _action(row) for row in self.db.query("SELECT * FROM actions ORDER BY meeting_id, id")
        ]

    def save_actions(self, actions: Iterable[tuple[Action, date]]) -> None:
        """Insert (``id`` None) or update many actions; each comes with the date to
        record as its closing date if it is closed and none is recorded yet."""
        inserts, updates = [], []
        for action, closed_on in actions:
            values = {
                "id": action.id,
                "meeting_id": action.meeting_id,
                "code": action.code or None,
                "text": action.text,
                "owner": action.owner,
                "due": action.due.isoformat() if action.due else None,
                "status": action.status,
                "closed_date": None if action.is_open else closed_on.isoformat(),
            }
            (inserts if action.id is None else updates).append(values)
        with self.db.atomic():
            self.db.conn.executemany(
                """INSERT INTO actions (meeting_id, code, text, owner, due, status, closed_date)
                   VALUES (:meeting_id, :code, :text, :owner, :due, :status, :closed_date)""",
                inserts,
            )
            self.db.conn.executemany(
                """UPDATE actions SET meeting_id = :meeting_id, code = :code, text = :text,
                     owner = :owner, due = :due, status = :status,
                     closed_date = CASE WHEN :status = 'open' THEN NULL
                                        ELSE COALESCE(closed_date, :closed_date) END
                   WHERE id = :id""",
                updates,
            )
