from datetime import date

import pytest
from crispy_forms.utils import render_crispy_form
from django.urls import reverse

from core.periods import ACCEPTED_SPELLINGS, Period
from organisation.models import Person
from reviews.forms import (
    ChallengeEvidenceForm,
    DocumentForm,
    RecommendationForm,
    ReviewForm,
    StatusForm,
)
from reviews.models import ChallengeEvidence, Recommendation, ReviewDocument, Stage, WardScope
from tests.factories import (
    ChallengeEvidenceFactory,
    DirectorFactory,
    RecommendationFactory,
    ReviewFactory,
    WardFactory,
)
from tests.reviews import sample_files

pytestmark = pytest.mark.django_db


def dated(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def review_data(**overrides):
    director = DirectorFactory()
    return {
        "title": "Engineering & Transportation",
        "programme_year": "2003/04",
        "responsible_director": director.pk,
        "ward_scope": WardScope.ALL,
        "planned": "Sept 2003 – March 2004",
        "inspection_offer": "none",
        "version": 1,
        **overrides,
    }


def test_review_form_reads_the_programme_year_and_planned_period():
    form = ReviewForm(data=review_data())
    assert form.is_valid(), form.errors
    review = form.save()
    assert review.programme_year == 2003
    assert review.planned == Period.parse("September 2003 – March 2004")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "planned",
            "Autumn-ish 2004",
            f'"ish" is not a month or season. {ACCEPTED_SPELLINGS}',
        ),
        (
            "planned",
            "March 2004 – January 2004",
            f"The end of the period must not be before its start. {ACCEPTED_SPELLINGS}",
        ),
        ("programme_year", "2003/05", 'A financial year runs into the next year, as in "2003/04"'),
    ],
)
def test_review_form_explains_bad_periods_and_years(field, value, message):
    form = ReviewForm(data=review_data(**{field: value}))
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_listed_wards_must_be_chosen():
    form = ReviewForm(data=review_data(ward_scope=WardScope.LIST))
    assert form.errors["wards"] == ["Select the wards affected, or choose None or All"]


def test_wards_are_cleared_unless_listed():
    ward = WardFactory()
    form = ReviewForm(data=review_data(ward_scope=WardScope.ALL, wards=[ward.pk]))
    assert form.is_valid(), form.errors
    assert list(form.save().wards.all()) == []


def test_status_form_offers_the_allowed_stages_and_a_date_for_each_that_may_be_passed():
    form = StatusForm(review=ReviewFactory(stage=Stage.OPTIONS))
    assert [value for value, _ in form.fields["stage"].choices] == [
        "approved",
        "implementation",
        "completed",
        "deferred",
        "withdrawn",
        "superseded",
    ]
    assert [name for name in form.fields if name.startswith("passed_on_")] == [
        "passed_on_approved",
        "passed_on_implementation",
    ]
    assert form.fields["passed_on_approved"].label == "Date it reached Approved"


def test_status_form_asks_no_passed_dates_when_one_stage_is_left():
    form = StatusForm(review=ReviewFactory(stage=Stage.IMPLEMENTATION))
    assert not [name for name in form.fields if name.startswith("passed_on_")]
    assert "If it passed other stages" not in render_crispy_form(form)


def test_status_form_explains_a_bad_new_target():
    review = ReviewFactory(stage=Stage.SCOPING)
    form = StatusForm(
        review=review,
        data={"stage": "deferred", "new_target": "Autumn-ish 2004", "version": review.version},
    )
    assert not form.is_valid()
    assert form.errors["new_target"][0].startswith('"ish" is not a month or season.')


def test_status_form_collects_the_dates_given_for_stages_passed():
    review = ReviewFactory(stage=Stage.SCOPING)
    form = StatusForm(
        review=review,
        data={
            "stage": "approved",
            **dated("changed_on", date(2004, 3, 25)),
            **dated("passed_on_vision", date(2003, 11, 27)),
            "version": review.version,
        },
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["passed_on"] == {Stage.VISION: date(2003, 11, 27)}


def test_no_directors_yet_says_where_they_are_added():
    data = review_data(responsible_director="")
    Person.objects.update(is_director=False)
    form = ReviewForm(data=data)
    field = form.fields["responsible_director"]
    assert reverse("admin:organisation_person_add") in field.help_text
    assert form.errors["responsible_director"] == [
        "Choose the responsible director. There are none to choose from yet: ask an "
        "administrator to add the council’s directors"
    ]


def test_a_council_with_directors_gets_no_such_hint():
    DirectorFactory()
    assert ReviewForm().fields["responsible_director"].help_text == ""


def test_recommendation_letter_is_stored_without_brackets_in_lower_case():
    review = ReviewFactory()
    form = RecommendationForm(
        instance=Recommendation(review=review),
        data={"letter": "(B)", "text": "A service directory", "status": "agreed", "version": 1},
    )
    assert form.is_valid(), form.errors
    assert form.save().letter == "b"


def test_a_letter_already_used_gets_a_message_beside_it():
    review = ReviewFactory()
    RecommendationFactory(review=review, letter="a")
    form = RecommendationForm(
        instance=Recommendation(review=review),
        data={"letter": "a", "text": "Another", "status": "agreed", "version": 1},
    )
    assert form.errors["letter"] == [
        "This review already has a recommendation (a): choose another letter"
    ]


def test_a_letter_must_be_letters():
    form = RecommendationForm(
        instance=Recommendation(review=ReviewFactory()),
        data={"letter": "1", "text": "Another", "status": "agreed", "version": 1},
    )
    assert form.errors["letter"] == ["Enter the letter in lower case, for example b"]


def test_evidence_for_a_c_already_recorded_gets_a_message_beside_it():
    review = ReviewFactory()
    ChallengeEvidenceFactory(review=review, c="compare")
    form = ChallengeEvidenceForm(
        instance=ChallengeEvidence(review=review),
        data={"c": "compare", "evidence": "More comparisons", "version": 1},
    )
    assert form.errors["c"] == [
        "This review already has evidence for Compare: change that evidence instead"
    ]


def test_document_form_records_the_checked_type_and_size():
    content = sample_files.docx()
    form = DocumentForm(
        instance=ReviewDocument(review=ReviewFactory()),
        data={"title": "Vision report", "kind": "vision_report"},
        files={"file": sample_files.upload("vision.docx", content)},
    )
    assert form.is_valid(), form.errors
    assert form.instance.content_type.endswith("wordprocessingml.document")
    assert form.instance.size == len(content)


def test_document_form_refuses_an_exe_renamed_pdf_beside_the_field():
    form = DocumentForm(
        instance=ReviewDocument(review=ReviewFactory()),
        data={"title": "Report", "kind": "other"},
        files={"file": sample_files.upload("report.pdf", sample_files.EXE)},
    )
    assert form.errors["file"] == [
        "The file is called .pdf but is not a real PDF. Upload a PDF, DOCX, ODT or XLSX file"
    ]


def test_a_director_who_has_left_stays_choosable_on_their_reviews_only():
    retired = DirectorFactory(full_name="Alan Westwood", active=False)
    review = ReviewFactory(responsible_director=retired)
    assert retired in ReviewForm(instance=review).fields["responsible_director"].queryset
    assert retired not in ReviewForm().fields["responsible_director"].queryset


def test_deferral_fields_are_refused_for_other_stages_rather_than_dropped():
    review = ReviewFactory(stage=Stage.SCOPING)
    form = StatusForm(
        review=review,
        data={"stage": "challenge", "new_target": "July 2004", "version": review.version},
    )
    assert form.errors["new_target"] == ["Leave this empty unless you defer the review"]
