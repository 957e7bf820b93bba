from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.versioning import StaleEdit
from inspections.models import Inspection, InspectionRecommendation
from inspections.services import record_judgement
from tests.factories import InspectionFactory, InspectionRecommendationFactory

pytestmark = pytest.mark.django_db

HIGH, MEDIUM = InspectionRecommendation.Priority.HIGH, InspectionRecommendation.Priority.MEDIUM


def rows(*texts):
    return [
        {"number": number, "text": text, "priority": MEDIUM}
        for number, text in enumerate(texts, start=1)
    ]


def record(inspection, recommendations, **changes):
    values = {
        "inspection": inspection,
        "expected_version": inspection.version,
        "score": Inspection.Score.FAIR,
        "prospects": Inspection.Prospects.PROMISING,
        "report_date": date(2004, 2, 20),
        "recommendations": recommendations,
        **changes,
    }
    record_judgement(**values)


def test_recording_a_judgement_completes_the_inspection_with_its_recommendations():
    inspection = InspectionFactory(status=Inspection.Status.REPORT_AWAITED, timing="December 2003")
    record(inspection, rows("Publish standards", "Survey the stock", "Collect the rent"))
    inspection.refresh_from_db()
    assert (inspection.status, inspection.score, inspection.prospects) == (
        Inspection.Status.COMPLETE,
        1,
        "promising",
    )
    assert inspection.report_date == date(2004, 2, 20)
    assert inspection.version == 2
    assert [(r.number, r.text) for r in inspection.recommendations.all()] == [
        (1, "Publish standards"),
        (2, "Survey the stock"),
        (3, "Collect the rent"),
    ]


def test_recording_again_keeps_unchanged_recommendations_and_removes_dropped_ones():
    inspection = InspectionFactory(status=Inspection.Status.COMPLETE)
    kept = InspectionRecommendationFactory(inspection=inspection, number=1, text="Keep me")
    changed = InspectionRecommendationFactory(inspection=inspection, number=2, text="Old")
    InspectionRecommendationFactory(inspection=inspection, number=3, text="Drop me")
    record(
        inspection,
        [
            {"number": 1, "text": "Keep me", "priority": kept.priority},
            {"number": 2, "text": "New", "priority": HIGH},
            {"number": 4, "text": "Added", "priority": MEDIUM},
        ],
    )
    assert list(inspection.recommendations.values_list("pk", "number", "text")) == [
        (kept.pk, 1, "Keep me"),
        (changed.pk, 2, "New"),
        (inspection.recommendations.get(number=4).pk, 4, "Added"),
    ]
    assert kept.history.count() == 1  # not saved again
    assert InspectionRecommendation.history.filter(number=3, history_type="-").exists()


def test_judgement_on_an_inspection_that_has_not_happened_is_refused_and_changes_nothing():
    inspection = InspectionFactory(status=Inspection.Status.PROPOSED)
    with pytest.raises(ValidationError, match="has not happened yet"):
        record(inspection, rows("Anything"))
    inspection.refresh_from_db()
    assert inspection.score is None
    assert not inspection.recommendations.exists()


def test_judgement_after_someone_elses_save_is_refused_and_saves_no_recommendation():
    inspection = InspectionFactory()
    stale_version = inspection.version
    other = Inspection.objects.get(pk=inspection.pk)
    other.save_if_unchanged(other.version)
    with pytest.raises(StaleEdit):
        record(inspection, rows("Lost"), expected_version=stale_version)
    assert not InspectionRecommendation.objects.exists()
    assert Inspection.objects.get(pk=inspection.pk).score is None
