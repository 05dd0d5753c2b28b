import random

import pytest

from challenge_app.codes import natural_sorted

ORDERED = ["A1", "A2", "A3", "A4", "A06", "A8", "A09", "A10", "B9", "B13", "B14", "C14",
           "D17", "D17c", "E1", "E20-22", "F03", "F4"]  # fmt: skip


def test_natural_order_of_the_contract_schedule():
    shuffled = ORDERED[:]
    random.Random(1).shuffle(shuffled)
    assert natural_sorted(shuffled) == ORDERED


@pytest.mark.parametrize(
    "codes, expected",
    [
        (["A10", "A2"], ["A2", "A10"]),
        (["A09", "A10", "A1"], ["A1", "A09", "A10"]),
        (["b2", "A3"], ["A3", "b2"]),  # letters compare without case
        (["A6", "A06"], ["A06", "A6"]),  # same number: the text decides, and always the same way
        (["E20-22", "E20-3"], ["E20-3", "E20-22"]),
        (["A²", "A2", "A10"], ["A2", "A10", "A²"]),  # non-ASCII digits sort as letters
    ],
)
def test_natural_order_cases(codes, expected):
    assert natural_sorted(codes) == expected
