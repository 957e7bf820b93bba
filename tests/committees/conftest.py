from datetime import date

import pytest

from tests.factories import CommitteeFactory


@pytest.fixture
def board(db):
    """A board that meets on the last Thursday of each month, as seed 000's does."""
    return CommitteeFactory(
        name="CDMT Improvement and Procurement Board",
        kind="board",
        meeting_rule="FREQ=MONTHLY;BYDAY=-1TH",
        rule_from=date(2003, 4, 1),
    )
