"""Operations on an inspection that change several rows and must happen together or not at all."""

from django.core.exceptions import ValidationError
from django.db import transaction

from inspections.models import Inspection, InspectionRecommendation


def record_judgement(
    *, inspection, expected_version, score, prospects, report_date, recommendations, today=None
):
    """Record the inspectors' judgement and recommendations, and complete the inspection.

    `recommendations` is the whole list afterwards: dicts of number, text and priority.
    A recommendation keeps its row (and its history) while its number stays; numbers no
    longer listed are deleted. Raises ValidationError for an inspection that has not
    happened, and StaleEdit if someone else saved it after `expected_version`.
    """
    if refusal := inspection.judgement_refusal(today):
        raise ValidationError(refusal, code="not_happened")
    wanted = {row["number"]: row for row in recommendations}
    with transaction.atomic():
        inspection.score = score
        inspection.prospects = prospects
        inspection.report_date = report_date
        inspection.status = Inspection.Status.COMPLETE
        inspection.save_if_unchanged(expected_version)
        for recommendation in InspectionRecommendation.objects.filter(inspection=inspection):
            row = wanted.pop(recommendation.number, None)
            if row is None:
                recommendation.delete()
            elif (recommendation.text, recommendation.priority) != (row["text"], row["priority"]):
                recommendation.text, recommendation.priority = row["text"], row["priority"]
                recommendation.save()
        for number, row in sorted(wanted.items()):
            InspectionRecommendation.objects.create(
                inspection=inspection, number=number, text=row["text"], priority=row["priority"]
            )
