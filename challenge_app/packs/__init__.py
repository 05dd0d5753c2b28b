"""Challenge packs: the whole of a database in one JSON file (INTERFACES.md).

For backup, for handing a meeting to a colleague, and for tests. ``schema``
reads and checks a pack, ``export`` writes one, ``plan`` says what merging
one would change, ``merge`` does it in one transaction.
"""

from challenge_app.packs.conflicts import (
    Conflict,
    ConflictKey,
    Difference,
    take_all,
    take_none,
    take_only,
)
from challenge_app.packs.export import export_pack, pack_from_store, pack_to_json, pack_to_text
from challenge_app.packs.merge import merge_pack
from challenge_app.packs.model import (
    FORMAT,
    VERSION,
    Pack,
    PackAction,
    PackChallenge,
    PackMeasure,
    PackMeeting,
)
from challenge_app.packs.plan import MergePlan, Tally, plan_merge
from challenge_app.packs.schema import PackFile, parse_pack, parse_pack_text, read_pack

__all__ = [
    "FORMAT",
    "VERSION",
    "Conflict",
    "ConflictKey",
    "Difference",
    "MergePlan",
    "Pack",
    "PackAction",
    "PackChallenge",
    "PackFile",
    "PackMeasure",
    "PackMeeting",
    "Tally",
    "export_pack",
    "merge_pack",
    "pack_from_store",
    "pack_to_json",
    "pack_to_text",
    "parse_pack",
    "parse_pack_text",
    "plan_merge",
    "read_pack",
    "take_all",
    "take_none",
    "take_only",
]
