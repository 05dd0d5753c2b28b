import pytest

from challenge_app.rag import Status
from challenge_app.summary import (
    Rated,
    area_label,
    count_text,
    summarise,
    summary_table,
    summary_totals,
)

G, A, R, N = Status.GREEN, Status.AMBER, Status.RED, Status.NONE

# DOMAIN.md's 2016/17 Q1 quarter.
Q1 = [
    Rated("A1", "Social Care Pathway", "contract", G),
    Rated("A2", "Social Care Pathway", "contract", R),
    Rated("A3", "Social Care Pathway", "contract", R),
    Rated("A4", "Social Care Pathway", "contract", G),
    Rated("A06", "Social Care Pathway", "contract", G),
    Rated("A09", "Social Care Pathway", "contract", G),
    Rated("A8", "Social Care Pathway", "contract", R),
    Rated("B9", "Children in Care", "contract", G),
    Rated("B13", "Children in Care", "contract", G),
    Rated("B14", "Children in Care", "contract", R),
    Rated("C14", "Workforce", "contract", R),
    Rated("E1", "Social Care Pathway", "volumetric", N),
    Rated("F03", "Youth Offending Services", "contract", G),
]


def counts(row):
    return [row.counts[s] for s in (R, A, G, N)]


def test_summary_of_the_domain_quarter():
    rows = summary_table(reversed(Q1))
    assert [r.area for r in rows] == [
        "Social Care Pathway",
        "Children in Care",
        "Workforce",
        "Youth Offending Services",
    ]
    assert [counts(r) for r in rows] == [[3, 0, 4, 0], [1, 0, 2, 0], [1, 0, 0, 0], [0, 0, 1, 0]]
    assert counts(summary_totals(rows)) == [5, 0, 7, 0]


def test_volumetric_measures_are_left_out_but_unrated_contract_ones_count():
    rows = summary_table(
        [Rated("X1", "Finance", "volumetric", N), Rated("X2", "Finance", "contract", N)]
    )
    assert [(r.area, counts(r)) for r in rows] == [("Finance", [0, 0, 0, 1])]


def test_empty():
    assert summary_table([]) == []


Y = Status.YET_TO_REPORT


@pytest.mark.parametrize(
    "measures, expected_rows, expected_listed",
    [
        # The reference report's case: Workforce has one measure rated and one yet to report.
        (
            [
                Rated("C14", "Workforce", "contract", R, "Agency staff"),
                Rated("C15", "Workforce", "contract", Y, "Social workers registered"),
            ],
            [("Workforce (one additional measure yet to report)", [1, 0, 0, 0])],
            ["C15 Social workers registered"],
        ),
        # An area whose only measure is yet to report keeps its row, with empty counts.
        (
            [
                Rated("A1", "Social Care Pathway", "contract", G, "Re-referrals"),
                Rated("F03", "Youth Offending Services", "contract", Y, "Custody rate"),
            ],
            [
                ("Social Care Pathway", [0, 0, 1, 0]),
                ("Youth Offending Services (one measure yet to report)", [0, 0, 0, 0]),
            ],
            ["F03 Custody rate"],
        ),
        # Several in one area; the list is in natural code order across areas.
        (
            [
                Rated("B10", "Children in Care", "contract", Y, "Ten"),
                Rated("A2", "Social Care Pathway", "contract", Y, "Two"),
                Rated("B9", "Children in Care", "contract", Y, "Nine"),
                Rated("B13", "Children in Care", "contract", A, "Thirteen"),
            ],
            [
                ("Social Care Pathway (one measure yet to report)", [0, 0, 0, 0]),
                ("Children in Care (two additional measures yet to report)", [0, 1, 0, 0]),
            ],
            ["A2 Two", "B9 Nine", "B10 Ten"],
        ),
        # Volumetric measures never wait in the summary: they are not in it.
        ([Rated("E1", "Social Care Pathway", "volumetric", Y, "Contacts")], [], []),
    ],
)
def test_yet_to_report_is_noted_beside_its_area_and_listed(
    measures, expected_rows, expected_listed
):
    summary = summarise(measures)
    assert [(r.label, counts(r)) for r in summary.rows] == expected_rows
    assert [m.listing for m in summary.yet_to_report] == expected_listed
    assert summary.totals.total == sum(sum(c) for _, c in expected_rows)


@pytest.mark.parametrize(
    "area, waiting, counted, expected",
    [
        ("Workforce", 0, 3, "Workforce"),
        ("Workforce", 1, 3, "Workforce (one additional measure yet to report)"),
        ("Workforce", 2, 0, "Workforce (two measures yet to report)"),
        ("Finance", 12, 1, "Finance (12 additional measures yet to report)"),
    ],
)
def test_area_label(area, waiting, counted, expected):
    assert area_label(area, waiting, counted=counted) == expected


@pytest.mark.parametrize("count, text", [(0, ""), (1, "1"), (12, "12")])
def test_zero_is_an_empty_cell(count, text):
    assert count_text(count) == text
