import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from core.periods import FinancialYear
from reviews.models import Deferral, Outcome, Recommendation, Review, Stage, StageChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=None)


def programme(year):
    return {review.title: review for review in Review.objects.for_programme(FinancialYear(year))}


def test_demo_has_the_2002_03_reviews_and_the_2003_04_programme_of_seed_001(demo):
    in_2002 = programme(2002)
    in_2003 = programme(2003)
    assert len(in_2002) == 11
    assert in_2002["Home to School/CSSD Transport"].responsible_director.full_name == "Jill Baker"
    assert str(in_2003["Registration of Births, Deaths & Marriages"].planned) == (
        "September 2003 – March 2004"
    )
    assert str(in_2003["Youth Service"].planned) == "April–October 2003"
    assert in_2003["Lifelong Learning"].get_inspection_offer_display() == (
        "Offered for inspection on completion; not confirmed"
    )
    carried = {title for title, review in in_2003.items() if review.is_carried_over}
    assert carried == {
        "Bereavement Services",
        "Residential Care for Children",
        "Grounds Maintenance",
    }
    assert in_2003["Grounds Maintenance"].inspection_offer == "delayed"
    assert Review.objects.filter(title="Bereavement Services").count() == 1


def test_engineering_and_transportation_is_deferred_until_july_2004(demo):
    review = Review.objects.get(title="Engineering & Transportation")
    assert (review.stage, str(review.planned)) == (Stage.DEFERRED, "July 2004")
    deferral = Deferral.objects.get(review=review)
    assert (str(deferral.old_target), str(deferral.new_target), deferral.reason) == (
        "January 2004",
        "July 2004",
        "Recruitment difficulties",
    )
    assert StageChange.objects.get(review=review).to_stage == Stage.DEFERRED
    assert review.latest_progress_update().text.startswith(
        "Completion of the review has been deferred for six months (until July 2004)"
    )
    assert review.allowed_stages()[0] == Stage.CHALLENGE


def test_housing_strategy_expects_to_complete_in_april(demo):
    review = Review.objects.get(title="Housing Strategy & Private Sector")
    assert review.latest_progress_update().text.startswith(
        "The review team expect to complete the review in April."
    )


def test_community_development_has_the_outcomes_of_seed_002_under_five_themes(demo):
    review = Review.objects.get(title="Community Development")
    themes = review.outcomes_by_theme()
    assert [theme for theme, _ in themes] == [
        "1.1. Promoting Local Governance & Renewal",
        "1.2. Enabling the Delivery of Better Services",
        "1.3. Promoting Greater Community Involvement & Cohesion",
        "1.4. The Role of the CDU",
        "1.5. Performance Management",
    ]
    # The paper prints 21, two of them twice over.
    assert Outcome.objects.filter(review=review).count() == 19


def test_services_to_children_0_9_is_superseded_with_recommendations_a_to_f(demo):
    review = Review.objects.get(title="Services to Children (0-9)")
    assert review.stage == Stage.SUPERSEDED
    letters = list(review.recommendations.values_list("letter", flat=True))
    assert letters == ["a", "b", "c", "d", "e", "f"]
    assert Recommendation.objects.get(review=review, letter="d").text == (
        "a Borough wide service directory to provide information about services available "
        "and how these are accessed"
    )
    assert "Children and Learning Department" in review.stage_changes.get().note
    assert review.directorates.count() == 2


def test_the_demo_review_officer_may_edit_their_reviews_only(demo):
    wes = User.objects.get(username="reviewofficer")
    editable = set(Review.objects.editable_by(wes).values_list("title", flat=True))
    assert editable == {
        "Engineering & Transportation",
        "Children's services for 0-10 year olds",
        "Children's Services for 11-17 year olds",
        "Services to Children (0-9)",
    }


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = [
        model.objects.count() for model in (Review, Deferral, StageChange, Outcome, Recommendation)
    ]
    call_command("load_demo", stdout=None)
    assert counts == [
        model.objects.count() for model in (Review, Deferral, StageChange, Outcome, Recommendation)
    ]
