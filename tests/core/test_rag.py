import pytest

from challenge_app.rag import Status, rag_status

G, A, R, N, Y = Status.GREEN, Status.AMBER, Status.RED, Status.NONE, Status.YET_TO_REPORT

# DOMAIN.md's worked examples (2016/17 Q1):
# code, polarity, kind, value, target, tolerance, status
DOMAIN_EXAMPLES = [
    ("A1", "lower", "contract", 24, 24, 28, G),
    ("A2", "higher", "contract", 88, 92, 90, R),
    ("A3", "higher", "contract", 82, 95, 90, R),
    ("A4", "higher", "contract", 87, 80, 75, G),
    ("A06", "lower", "contract", 2.1, 3, 5, G),
    ("A09", "lower", "contract", 8, 16, 20, G),
    ("A8", "higher", "contract", 87, 95, 90, R),
    ("B9", "higher", "contract", 72, 70, 60, G),
    ("B13", "higher", "contract", 87.7, 85, 80, G),
    ("B14", "higher", "contract", 39.3, 45, 40, R),
    ("C14", "lower", "contract", 15, 8, 12, R),
    ("E1", None, "volumetric", 1843, None, None, N),
    ("F03", "lower", "contract", 0.02, 0.42, 0.75, G),
]


@pytest.mark.parametrize(
    "code, polarity, kind, value, target, tolerance, expected", DOMAIN_EXAMPLES
)
def test_domain_worked_examples(code, polarity, kind, value, target, tolerance, expected):
    assert rag_status(value, target, tolerance, polarity, kind) is expected


@pytest.mark.parametrize(
    "value, target, tolerance, polarity, kind, expected",
    [
        # edges, higher is better
        (92, 92, 90, "higher", "contract", G),  # exactly on target
        (90, 92, 90, "higher", "contract", A),  # exactly on tolerance
        (91.99, 92, 90, "higher", "contract", A),
        (89.99, 92, 90, "higher", "contract", R),
        # edges, lower is better
        (24, 24, 28, "lower", "contract", G),
        (28, 24, 28, "lower", "contract", A),
        (24.01, 24, 28, "lower", "contract", A),
        (28.01, 24, 28, "lower", "contract", R),
        # target but no tolerance: anything worse than target is Red
        (91, 92, None, "higher", "contract", R),
        (92, 92, None, "higher", "contract", G),
        (25, 24, None, "lower", "contract", R),
        # never rated
        (50, None, 40, "higher", "contract", N),  # no target
        # a target but no figure for the period: yet to report, never "No target"
        (None, 92, 90, "higher", "contract", Y),
        (None, 24, None, "lower", "contract", Y),  # no tolerance either
        (None, 0, 5, "lower", "contract", Y),  # a zero target is still a target
        (None, None, 90, "higher", "contract", N),  # no target and no figure
        (None, 40, 30, "higher", "volumetric", N),  # volumetric is never rated
        (None, 40, 30, None, "contract", N),  # no polarity: could not be rated anyway
        (50, 40, 30, "higher", "volumetric", N),  # volumetric, even with figures
        (50, 40, 30, None, "contract", N),  # no polarity
        # zero is a real value and a real target
        (0, 0, 500, "lower", "contract", G),
        (0, 5, 3, "higher", "contract", R),
    ],
)
def test_rag_edges(value, target, tolerance, polarity, kind, expected):
    assert rag_status(value, target, tolerance, polarity, kind) is expected


@pytest.mark.parametrize(
    "status, wording, letter",
    [
        (R, "Outside tolerance", "R"),
        (A, "Inside tolerance", "A"),
        (G, "On or better than target", "G"),
        (N, "No target specified", "–"),
        (Y, "Yet to report", "Y"),
    ],
)
def test_report_wording_and_letters(status, wording, letter):
    assert status.report_wording == wording
    assert status.letter == letter


def test_every_status_is_distinct_in_words_letters_and_look():
    statuses = list(Status)
    for attribute in ("report_wording", "letter", "short"):
        assert len({getattr(s, attribute) for s in statuses}) == len(statuses), attribute
    assert [s for s in statuses if s.outlined] == [Y]
    assert len({(s.colour, s.outlined) for s in statuses}) == len(statuses)
