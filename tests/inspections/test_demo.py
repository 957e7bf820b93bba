from datetime import date

import pytest

from inspections import demo
from inspections.models import Inspection, InspectionRecommendation, Inspectorate
from organisation import demo as organisation_demo
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def organisation():
    organisation_demo.load()


def test_demo_loads_both_years_of_seed_001_and_seed_000s_interim_inspection():
    demo.load()
    assert Inspection.objects.filter(programme_year=2003).count() == 12
    assert Inspection.objects.filter(programme_year=2004).count() == 16
    peer_review = Inspection.objects.get(title="Peer Review")
    assert (str(peer_review.timing), str(peer_review.lead_director)) == (
        "March–April 2003",
        "Martin Smith",
    )
    assert str(peer_review.inspectorate) == "IDeA"
    hmrf = Inspection.objects.get(title="HMRF")
    assert (hmrf.kind, hmrf.joint_partner) == (Inspection.Kind.JOINT, "Manchester")
    interim = Inspection.objects.get(title="Housing Strategy & Private Sector")
    assert interim.status == Inspection.Status.REPORT_AWAITED
    assert interim.inspectorate.name == "Housing Inspectorate"
    assert "interim inspection" in interim.notes


def test_demo_has_one_judged_inspection_with_three_recommendations():
    demo.load()
    judged = Inspection.objects.get(score__isnull=False)
    assert (judged.title, str(judged.timing)) == ("Housing re-inspection", "December 2003")
    assert (judged.get_score_display(), judged.prospects) == ("Fair (1 star)", "promising")
    assert judged.report_date == date(2004, 2, 20)
    assert judged.recommendations.count() == 3


def test_demo_is_idempotent():
    demo.load()
    counts = [model.objects.count() for model in (Inspection, InspectionRecommendation)]
    demo.load()
    assert [model.objects.count() for model in (Inspection, InspectionRecommendation)] == counts
    assert Inspectorate.objects.count() == 7


def test_demo_without_reviews_links_none_and_links_them_once_they_are_loaded():
    demo.load()
    assert not Inspection.objects.filter(review__isnull=False).exists()
    grounds = ReviewFactory(title="Grounds Maintenance")
    housing = ReviewFactory(title="Housing Strategy & Private Sector")
    demo.load()
    assert Inspection.objects.get(title="Grounds Maintenance").review == grounds
    interim = Inspection.objects.get(title="Housing Strategy & Private Sector")
    assert (interim.review, interim.lead_director) == (housing, housing.responsible_director)
