from challenge_app.rag import Status
from challenge_app.summary import Rated, summary_table, summary_totals

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
