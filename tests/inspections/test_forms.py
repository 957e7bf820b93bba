import pytest

from core.periods import FinancialYear
from inspections.forms import (
    InspectionForm,
    JudgementForm,
    ProgrammeYearForm,
    RecommendationFormSet,
)
from inspections.models import Inspection
from tests.factories import (
    DirectorFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def inspection_data(**changes):
    return {
        "title": "SSI Adults",
        "programme_year": "2004/05",
        "kind": Inspection.Kind.SERVICE,
        "timing": "Autumn, 2004",
        "status": Inspection.Status.PROPOSED,
        "version": 1,
        **changes,
    }


def test_inspection_form_reads_the_councils_spelling_of_timing_and_year(bv_officer):
    form = InspectionForm(inspection_data(), user=bv_officer, instance=Inspection())
    assert form.is_valid(), form.errors
    inspection = form.save()
    assert (str(inspection.timing), inspection.programme_year) == ("Autumn 2004", 2004)


def test_unknown_period_spelling_says_what_is_accepted(bv_officer):
    form = InspectionForm(
        inspection_data(timing="Michaelmas 2004"), user=bv_officer, instance=Inspection()
    )
    assert not form.is_valid()
    (message,) = form.errors["timing"]
    assert message.startswith('"Michaelmas" is not a month or season.')
    assert 'Enter a period such as "December 2026"' in message


def test_unknown_programme_year_spelling_is_a_form_error(bv_officer):
    form = InspectionForm(
        inspection_data(programme_year="2004/06"), user=bv_officer, instance=Inspection()
    )
    assert not form.is_valid()
    assert form.errors["programme_year"] == [
        'A financial year runs into the next year, as in "2004/05"'
    ]


def test_edit_form_shows_timing_and_year_as_the_council_writes_them(bv_officer):
    inspection = InspectionFactory(timing="July-September, 2003", programme_year=2003)
    form = InspectionForm(user=bv_officer, instance=inspection)
    assert form["timing"].value() == "July–September 2003"
    assert form["programme_year"].value() == "2003/04"


def test_review_officer_can_link_only_reviews_they_may_edit(review_officer):
    own = ReviewFactory(lead_officer=review_officer.person)
    ReviewFactory()
    form = InspectionForm(user=review_officer, instance=InspectionFactory(review=own))
    assert list(form.fields["review"].queryset) == [own]


def test_lead_director_choices_are_directors_plus_the_current_one(bv_officer):
    director = DirectorFactory()
    former = DirectorFactory(active=False)
    form = InspectionForm(user=bv_officer, instance=InspectionFactory(lead_director=former))
    assert set(form.fields["lead_director"].queryset) >= {director, former}
    assert bv_officer.person not in form.fields["lead_director"].queryset


def test_programme_year_form_reads_the_year_or_says_what_to_enter():
    assert ProgrammeYearForm({"year": "2003/04"}).chosen_year() == FinancialYear(2003)
    form = ProgrammeYearForm({"year": "next year"})
    assert form.chosen_year() is None
    assert form.errors["year"] == ['Enter a financial year such as "2026/27"']


def judgement_data(**changes):
    return {
        "score": "1",
        "prospects": "promising",
        "report_date_0": "20",
        "report_date_1": "2",
        "report_date_2": "2004",
        "version": "1",
        **changes,
    }


def test_judgement_form_refuses_a_score_outside_0_to_3():
    form = JudgementForm(judgement_data(score="4"), instance=InspectionFactory())
    assert not form.is_valid()
    assert form.errors["score"] == ["Select a service score from 0 to 3 stars"]


def test_judgement_form_refuses_an_inspection_that_has_not_happened():
    form = JudgementForm(
        judgement_data(), instance=InspectionFactory(status=Inspection.Status.OFFERED)
    )
    assert not form.is_valid()
    assert "has not happened yet" in form.non_field_errors()[0]


def test_judgement_form_refuses_a_report_date_in_the_future_or_not_a_date():
    form = JudgementForm(judgement_data(report_date_2="2999"), instance=InspectionFactory())
    assert form.errors["report_date"] == ["The date of the report must be today or in the past"]
    form = JudgementForm(judgement_data(report_date_0="31"), instance=InspectionFactory())
    assert form.errors["report_date"] == [
        "The date of the report must be a real date, for example 20 11 2026"
    ]


def formset_data(*rows, initial=0):
    data = {
        "recommendations-TOTAL_FORMS": str(len(rows)),
        "recommendations-INITIAL_FORMS": str(initial),
    }
    for index, (number, text) in enumerate(rows):
        data |= {
            f"recommendations-{index}-number": str(number),
            f"recommendations-{index}-text": text,
            f"recommendations-{index}-priority": "medium",
        }
    return data


def test_blank_rows_are_ignored_and_written_ones_kept():
    formset = RecommendationFormSet(
        formset_data((1, "Publish standards"), (2, ""), (3, "   ")),
        inspection=InspectionFactory(),
    )
    assert formset.is_valid(), formset.errors
    assert [row["text"] for row in formset.recommendations()] == ["Publish standards"]


def test_two_recommendations_with_one_number_are_an_error_beside_the_second():
    formset = RecommendationFormSet(
        formset_data((1, "First"), (1, "Second")), inspection=InspectionFactory()
    )
    assert not formset.is_valid()
    assert formset.forms[1].errors["number"] == [
        "Recommendation 1 is already used: give each recommendation its own number"
    ]


def test_a_written_recommendation_needs_a_number():
    formset = RecommendationFormSet(
        formset_data(("", "Unnumbered")), inspection=InspectionFactory()
    )
    assert not formset.is_valid()
    assert formset.forms[0].errors["number"] == ["Enter the number of the recommendation"]


def test_existing_recommendations_come_first_and_the_blank_row_is_numbered_on():
    inspection = InspectionFactory(status=Inspection.Status.COMPLETE)
    InspectionRecommendationFactory(inspection=inspection, number=1)
    InspectionRecommendationFactory(inspection=inspection, number=4)
    formset = RecommendationFormSet(inspection=inspection)
    numbers = [form["number"].value() for form in formset.forms]
    assert numbers == [1, 4, 5]


def test_adding_a_row_keeps_what_was_typed_and_numbers_the_new_row():
    data = formset_data((1, "First"), (2, "Second"))
    formset = RecommendationFormSet.with_another_row(data, inspection=InspectionFactory())
    assert formset.total_form_count() == 3
    assert [form["text"].value() for form in formset.forms] == ["First", "Second", None]
    assert formset.forms[2]["number"].value() == "3"


def test_removing_an_existing_recommendation_drops_it_from_the_list():
    inspection = InspectionFactory(status=Inspection.Status.COMPLETE)
    InspectionRecommendationFactory(inspection=inspection, number=1, text="Go")
    data = formset_data((1, "Go"), initial=1) | {"recommendations-0-DELETE": "on"}
    formset = RecommendationFormSet(data, inspection=inspection)
    assert formset.is_valid(), formset.errors
    assert formset.recommendations() == []
