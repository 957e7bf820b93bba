"""The timeline page: reviews and inspections as bars, fuzzy timing and deferrals shown."""

from datetime import date

import pytest
from django.urls import reverse

from core.periods import Period
from tests.factories import DeferralFactory, InspectionFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def review(title, timing, **fields):
    period = Period.parse(timing)
    return ReviewFactory(
        title=title,
        programme_year=2003,
        planned_start=period.start,
        planned_end=period.end,
        planned_precision=period.precision.value,
        **fields,
    )


def test_bars_for_reviews_and_inspections_with_fuzzy_timing_and_deferrals(client, member):
    review("Youth Service", "April 2003 – October 2003", stage="challenge")
    deferred = review("Engineering & Transportation", "July 2004", stage="deferred")
    DeferralFactory(review=deferred, deferred_on=date(2004, 1, 29), reason="Recruitment")
    InspectionFactory(title="SSI Adults", programme_year=2004, timing="Autumn, 2004")
    client.force_login(member)
    text = client.get(reverse("timeline"), {"year": "2003/04"}).text
    assert "Timeline 2003/04 and 2004/05" in text
    assert "Youth Service" in text and "Inspection: SSI Adults" in text
    assert 'stroke-dasharray="5 3"' in text  # Autumn 2004 is fuzzy
    assert "Deferred on 29 January 2004: Recruitment" in text
    assert "<path d=" in text  # the deferral's diamond
    filtered = client.get(reverse("timeline"), {"year": "2003/04", "stage": "challenge"}).text
    assert "Youth Service" in filtered and "Engineering" not in filtered


def test_a_late_review_is_marked_late_in_words(client, member):
    review("Youth Service", "April 2003 – October 2003", stage="challenge")
    review("Libraries", "April 2003 – October 2003", stage="completed")
    deferred = review("Engineering & Transportation", "July 2004", stage="deferred")
    DeferralFactory(review=deferred, deferred_on=date(2004, 1, 29), reason="Recruitment")
    client.force_login(member)
    text = client.get(reverse("timeline"), {"year": "2003/04"}).text
    assert '<tspan font-weight="bold">Late:</tspan> Youth Service' in text
    assert "Late: planned to end by 31 October 2003. Challenge (4 Cs)" in text
    assert "Late: planned to end by 31 July 2004. Deferred on 29 January 2004" in text
    assert "Late: planned to end by 31 October 2003. Completed" not in text
    assert "the 2 late ones" in text
    late_only = client.get(reverse("timeline"), {"year": "2003/04", "late": "on"}).text
    assert "Youth Service" in late_only and "Libraries" not in late_only


@pytest.mark.parametrize("count", [3, 40])
def test_the_timeline_runs_a_fixed_number_of_queries(
    client, member, django_assert_max_num_queries, count
):
    for n in range(count):
        deferred = review(f"Review {n}", "2003", stage="deferred")
        DeferralFactory(review=deferred)
        InspectionFactory(programme_year=2003, timing="Summer 2003")
    client.force_login(member)
    # The filters are the programme's: one query each for the directorate, director and
    # lead officer choosers' options.
    with django_assert_max_num_queries(13):
        assert client.get(reverse("timeline"), {"year": "2003/04"}).status_code == 200
