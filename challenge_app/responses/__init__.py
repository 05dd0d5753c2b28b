"""Phase two of the split screen: the provider's written responses, out and back.

1. ``write_request(store, meeting, out)`` writes the response workbook the
   officer sends to the provider (``workbook_out``; layout in ``layout``,
   the meeting it belongs to recorded by ``identity``).
2. ``read_returned(path)`` reads the filled-in workbook on its own (``workbook_in``).
3. ``make_plan(store, returned)`` checks it against its meeting and sorts the
   responses into new, unchanged, blank and conflicting (``plan``).
4. ``apply_responses(store, plan, take)`` records them in one transaction,
   a conflict only if the officer takes it (``apply``).
"""

from challenge_app.responses.apply import Recorded, apply_responses
from challenge_app.responses.plan import Conflict, NewResponse, ResponsePlan, make_plan
from challenge_app.responses.workbook_in import ReturnedWorkbook, read_returned
from challenge_app.responses.workbook_out import RequestResult, write_request

__all__ = [
    "Conflict",
    "NewResponse",
    "Recorded",
    "RequestResult",
    "ResponsePlan",
    "ReturnedWorkbook",
    "apply_responses",
    "make_plan",
    "read_returned",
    "write_request",
]
