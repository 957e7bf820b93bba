from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.periods import FinancialYear
from inspections.models import OFFER_MARKERS, Inspection, InspectionDocument
from organisation import roles
from reviews.models import InspectionOffer
from tests.factories import (
    InspectionFactory,
    InspectionRecommendationFactory,
    PersonFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

Status = Inspection.Status
OFFERED_KEY = "Offered for inspection on completion of review; inspection not confirmed."
DELAYED_KEY = (
    "Denotes a delayed inspection i.e. offered for inspection 12 months after completion of "
    "review, when improvements have been implemented."
)


def test_the_key_has_seed_001s_words_for_both_markers():
    assert OFFER_MARKERS[InspectionOffer.DELAYED].symbol == "*"
    assert OFFER_MARKERS[InspectionOffer.DELAYED].key == DELAYED_KEY
    assert OFFER_MARKERS[InspectionOffer.ON_COMPLETION].key == OFFERED_KEY


def test_inspection_of_a_review_with_a_delayed_offer_is_marked_with_a_star():
    inspection = InspectionFactory(review=ReviewFactory(inspection_offer=InspectionOffer.DELAYED))
    assert inspection.offer_marker.symbol == "*"


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.OFFERED])
def test_inspection_offered_on_completion_and_not_confirmed_is_marked(status):
    review = ReviewFactory(inspection_offer=InspectionOffer.ON_COMPLETION)
    inspection = InspectionFactory(review=review, status=status)
    assert inspection.offer_marker.key == OFFERED_KEY


def test_offered_marker_goes_once_the_inspection_is_confirmed():
    review = ReviewFactory(inspection_offer=InspectionOffer.ON_COMPLETION)
    assert InspectionFactory(review=review, status=Status.CONFIRMED).offer_marker is None


def test_delayed_marker_stays_once_the_inspection_is_confirmed():
    review = ReviewFactory(inspection_offer=InspectionOffer.DELAYED)
    assert InspectionFactory(review=review, status=Status.CONFIRMED).offer_marker.symbol == "*"


def test_inspection_without_an_offered_review_has_no_marker():
    assert InspectionFactory(review=None).offer_marker is None
    assert InspectionFactory(review=ReviewFactory()).offer_marker is None


def test_joint_inspection_names_its_partner_in_its_full_title():
    assert InspectionFactory(title="HMRF", joint_partner="Manchester").full_title == (
        "HMRF (joint with Manchester)"
    )
    assert InspectionFactory(title="OfSTED").full_title == "OfSTED"


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.PROPOSED, "This inspection is proposed, so it has not happened yet."),
        (Status.OFFERED, "This inspection is offered, so it has not happened yet."),
        (Status.CANCELLED, "This inspection was cancelled"),
    ],
)
def test_no_judgement_before_an_inspection_happens(status, words):
    inspection = InspectionFactory(status=status, timing="December 2003")
    assert words in inspection.judgement_refusal(today=date(2004, 3, 1))


def test_no_judgement_while_the_timing_is_still_to_come():
    inspection = InspectionFactory(status=Status.CONFIRMED, timing="Autumn 2004")
    refusal = inspection.judgement_refusal(today=date(2004, 8, 31))
    assert refusal.startswith("This inspection is planned for Autumn 2004")
    assert inspection.judgement_refusal(today=date(2004, 9, 1)) == ""


@pytest.mark.parametrize("status", [Status.CONFIRMED, Status.REPORT_AWAITED, Status.COMPLETE])
def test_judgement_may_be_recorded_once_the_inspection_has_happened(status):
    inspection = InspectionFactory(status=status, timing="December 2003")
    assert inspection.judgement_refusal(today=date(2004, 2, 1)) == ""
    assert InspectionFactory(status=status).judgement_refusal() == ""


def test_database_refuses_a_score_outside_0_to_3():
    inspection = InspectionFactory(status=Status.COMPLETE)
    inspection.score = 4
    with pytest.raises(IntegrityError, match="inspection_score_0_to_3"), transaction.atomic():
        inspection.save()


def test_database_refuses_a_judgement_on_an_inspection_that_is_not_complete():
    inspection = InspectionFactory(status=Status.CONFIRMED)
    inspection.prospects = Inspection.Prospects.PROMISING
    with (
        pytest.raises(IntegrityError, match="inspection_judgement_only_when_complete"),
        transaction.atomic(),
    ):
        inspection.save()


def test_changing_the_status_of_a_judged_inspection_is_a_validation_error_on_status():
    inspection = InspectionFactory(status=Status.COMPLETE, score=1, report_date=date(2004, 2, 20))
    inspection.status = Status.CONFIRMED
    with pytest.raises(ValidationError) as raised:
        inspection.full_clean()
    assert raised.value.message_dict["status"] == [
        "This inspection has a judgement, so its status must stay “Complete”."
    ]


def test_database_refuses_recommendation_number_0():
    with pytest.raises(IntegrityError, match="number_positive"), transaction.atomic():
        InspectionRecommendationFactory(number=0)


def test_database_refuses_a_document_over_20_mb_or_of_another_type():
    inspection = InspectionFactory()
    pdf = "application/pdf"
    with pytest.raises(IntegrityError, match="at_most_20_mb"), transaction.atomic():
        InspectionDocument.objects.create(
            inspection=inspection, title="Big", file="x.pdf", content_type=pdf, size=20 * 2**20 + 1
        )
    with pytest.raises(IntegrityError, match="type_allowed"), transaction.atomic():
        InspectionDocument.objects.create(
            inspection=inspection, title="Exe", file="x.exe", content_type="text/x", size=10
        )


def test_programme_years_are_the_years_with_inspections():
    InspectionFactory(programme_year=2004)
    InspectionFactory(programme_year=2003)
    InspectionFactory(programme_year=2004)
    assert Inspection.objects.programme_years() == [FinancialYear(2003), FinancialYear(2004)]


def test_default_programme_is_this_years_when_this_year_or_next_has_inspections():
    InspectionFactory(programme_year=2004)
    today = date(2003, 6, 1)
    assert Inspection.objects.default_programme_year(today) == FinancialYear(2003)


def test_default_programme_is_the_latest_two_years_with_inspections_when_none_are_current():
    InspectionFactory(programme_year=2003)
    InspectionFactory(programme_year=2004)
    today = date(2026, 6, 1)
    assert Inspection.objects.default_programme_year(today) == FinancialYear(2003)


def test_default_programme_with_no_inspections_is_this_years():
    assert Inspection.objects.default_programme_year(date(2004, 2, 1)) == FinancialYear(2003)


def test_two_year_programme_puts_each_inspection_under_its_year():
    first = InspectionFactory(programme_year=2003, title="OfSTED")
    second = InspectionFactory(programme_year=2004, title="ALMO Inspection")
    InspectionFactory(programme_year=2005)
    programme = Inspection.objects.two_year_programme(FinancialYear(2003))
    assert programme == [(FinancialYear(2003), [first]), (FinancialYear(2004), [second])]


def test_for_review_gives_that_reviews_inspections_only():
    review = ReviewFactory()
    mine = InspectionFactory(review=review)
    InspectionFactory(review=ReviewFactory())
    assert list(Inspection.objects.for_review(review)) == [mine]


@pytest.mark.parametrize(
    ("role", "edits_own", "edits_other"),
    [
        (roles.ADMINISTRATOR, True, True),
        (roles.BEST_VALUE_OFFICER, True, True),
        (roles.REVIEW_OFFICER, True, False),
        (roles.MEMBER, False, False),
        (roles.MEMBER_EXEMPT, False, False),
    ],
)
def test_who_edits_an_inspection(make_user, role, edits_own, edits_other):
    user = make_user(role, person=PersonFactory())
    own_review = ReviewFactory(lead_officer=user.person)
    own = InspectionFactory(review=own_review)
    other = InspectionFactory(review=ReviewFactory())
    assert own.can_be_edited_by(user) is edits_own
    assert other.can_be_edited_by(user) is edits_other


def test_review_team_member_edits_the_inspection_but_cannot_record_its_judgement(
    review_officer,
):
    review = ReviewFactory()
    review.team.add(review_officer.person)
    inspection = InspectionFactory(review=review)
    assert inspection.can_be_edited_by(review_officer)
    assert not inspection.can_have_judgement_recorded_by(review_officer)


def test_best_value_officer_records_judgements(bv_officer):
    assert InspectionFactory().can_have_judgement_recorded_by(bv_officer)
