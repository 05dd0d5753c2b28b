import pytest

from challenge_app.models import Placement
from challenge_app.rag import Status
from challenge_app.travel import (
    Direction,
    default_placement,
    direction_of_travel,
    is_hard_to_shift,
    red_streak,
)

IMP, S, D, U = Direction.IMPROVING, Direction.STABLE, Direction.DECLINING, Direction.UNKNOWN
NF = Direction.NO_FIGURE
G, A, R, N, Y = Status.GREEN, Status.AMBER, Status.RED, Status.NONE, Status.YET_TO_REPORT


@pytest.mark.parametrize(
    "current, previous, polarity, kind, expected",
    [
        (24, 27, "lower", "contract", IMP),  # a fall in re-referrals is an improvement
        (27, 24, "lower", "contract", D),
        (90, 88, "higher", "contract", IMP),
        (88, 90, "higher", "contract", D),
        (15, 15, "lower", "contract", S),
        (0.1 + 0.2, 0.3, "higher", "contract", S),  # float noise is not movement
        (24, None, "lower", "contract", U),  # no previous figure
        (None, 24, "lower", "contract", NF),  # no figure yet for this period
        (None, None, "higher", "contract", NF),
        (None, 1702, None, "volumetric", NF),
        (1843, 1702, None, "volumetric", U),  # no "better" for context figures
    ],
)
def test_direction_of_travel(current, previous, polarity, kind, expected):
    assert direction_of_travel(current, previous, polarity, kind) is expected


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([R, R], True),
        ([G, R, R, R], True),
        ([R], False),
        ([R, G], False),
        ([R, A, R], False),
        ([R, N, R], False),  # a missing quarter breaks the streak
        ([R, R, Y], False),  # so does a quarter yet to report
        ([], False),
    ],
)
def test_hard_to_shift(statuses, expected):
    assert is_hard_to_shift(red_streak(statuses)) is expected


@pytest.mark.parametrize(
    "status, direction, expected",
    [
        (R, IMP, Placement.APPENDIX2),
        (R, D, Placement.APPENDIX2),
        (A, IMP, Placement.APPENDIX1),
        (A, S, Placement.APPENDIX2),
        (A, D, Placement.APPENDIX2),
        (G, IMP, Placement.APPENDIX1),
        (G, S, Placement.APPENDIX1),
        (G, U, Placement.APPENDIX1),
        (G, D, Placement.APPENDIX2),
        (N, IMP, Placement.NONE),
        (Y, NF, Placement.NONE),  # nothing to say until the figure arrives
    ],
)
def test_default_placement(status, direction, expected):
    assert default_placement(status, direction) is expected


def test_red_streak_from_latest_stops_at_the_first_quarter_that_is_not_red():
    def judged():
        yield R
        yield R
        yield G
        raise AssertionError("looked further back than the streak")

    from challenge_app.travel import red_streak_from_latest

    assert red_streak_from_latest(judged()) == 2
