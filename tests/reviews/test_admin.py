import pytest
from django.urls import reverse

from reviews.models import ReviewDocument
from tests.factories import (
    ChallengeEvidenceFactory,
    DeferralFactory,
    OutcomeFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewDocumentFactory,
    ReviewFactory,
    StageChangeFactory,
)
from tests.reviews import sample_files

pytestmark = pytest.mark.django_db

FACTORIES = {
    "review": ReviewFactory,
    "stagechange": StageChangeFactory,
    "deferral": DeferralFactory,
    "progressupdate": ProgressUpdateFactory,
    "recommendation": RecommendationFactory,
    "outcome": OutcomeFactory,
    "challengeevidence": ChallengeEvidenceFactory,
    "reviewdocument": ReviewDocumentFactory,
}


@pytest.mark.parametrize("model", FACTORIES)
def test_administrator_lists_changes_and_sees_the_history_of_each_model(
    client, administrator, model
):
    record = FACTORIES[model]()
    client.force_login(administrator)
    for page, args in [
        ("changelist", []),
        ("add", []),
        ("change", [record.pk]),
        ("history", [record.pk]),
    ]:
        url = reverse(f"admin:reviews_{model}_{page}", args=args)
        assert client.get(url).status_code == 200, url


def test_an_admin_save_moves_the_version_on(client, administrator):
    recommendation = RecommendationFactory(text="Old")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:reviews_recommendation_change", args=[recommendation.pk]),
        {
            "review": recommendation.review_id,
            "letter": recommendation.letter,
            "text": "New",
            "status": "agreed",
            "version": recommendation.version,  # as the admin's page sends it
        },
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert (recommendation.text, recommendation.version) == ("New", 2)


def test_the_admin_checks_uploads_by_content_too(client, administrator):
    review = ReviewFactory()
    client.force_login(administrator)
    response = client.post(
        reverse("admin:reviews_reviewdocument_add"),
        {
            "review": review.pk,
            "title": "Report",
            "kind": "other",
            "file": sample_files.upload("report.pdf", sample_files.EXE),
        },
    )
    assert response.status_code == 200
    assert "is not a real PDF" in response.text
    assert not ReviewDocument.objects.exists()
