"""Demo committees: the boards, panels and Cabinet that the council papers (seeds) address."""

from bestvalue.committees.models import Committee

COMMITTEES = [
    (
        "CDMT Improvement and Procurement Board",
        Committee.Kind.BOARD,
        "The Corporate Directors Management Team's board: considers Best Value review "
        "reports, gives feedback and input into the reviews, monitors their progress and "
        "ensures the improvement plans are carried out.",
    ),
    ("Best Value Scrutiny Panel", Committee.Kind.SCRUTINY_PANEL, ""),
    ("Children's Services Scrutiny Panel", Committee.Kind.SCRUTINY_PANEL, ""),
    ("Cabinet", Committee.Kind.CABINET, ""),
    ("Infrastructure Overview & Scrutiny Committee", Committee.Kind.OVERVIEW_AND_SCRUTINY, ""),
    ("Best Value Project Board", Committee.Kind.BOARD, ""),
]


def load():
    for name, kind, description in COMMITTEES:
        Committee.objects.update_or_create(
            name=name, defaults={"kind": kind, "description": description}
        )
