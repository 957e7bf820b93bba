"""Who may do what, page by page: role × page × GET/POST."""

import pytest
from django.urls import reverse

from organisation import roles
from reviews.models import Review
from tests.factories import (
    ChallengeEvidenceFactory,
    OutcomeFactory,
    PersonFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewDocumentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EDITORS = {"administrator", "bv_officer", "lead_officer", "team_member"}
CREATORS = EDITORS | {"other_officer"}
EVERYONE = CREATORS | {"member", "exempt_member"}

# (URL name, which review parts its arguments need, who may use it)
PAGES = [
    ("review-list", None, EVERYONE),
    ("review-detail", "review", EVERYONE),
    ("review-history", "review", EVERYONE),
    ("document-download", "document", EVERYONE),
    ("review-create", None, CREATORS),
    ("review-update", "review", EDITORS),
    ("review-status-update", "review", EDITORS),
    ("progress-create", "review-only", EDITORS),
    ("progress-update", "progress", EDITORS),
    ("recommendation-create", "review-only", EDITORS),
    ("recommendation-update", "recommendation", EDITORS),
    ("outcome-create", "review-only", EDITORS),
    ("outcome-update", "outcome", EDITORS),
    ("evidence-create", "review-only", EDITORS),
    ("evidence-update", "evidence", EDITORS),
    ("document-create", "review-only", EDITORS),
    ("document-remove", "document", EDITORS),
]
READ_ONLY = {"review-list", "review-detail", "review-history", "document-download"}
# A POST that needs no data: a permitted one does what it says and goes back.
DONE_ON_POST = {"document-remove"}


@pytest.fixture
def world(make_user):
    """A review with one of each part, and a user of each kind."""
    users = {
        "administrator": make_user(roles.ADMINISTRATOR),
        "bv_officer": make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory()),
        "lead_officer": make_user(roles.REVIEW_OFFICER, person=PersonFactory()),
        "team_member": make_user(roles.REVIEW_OFFICER, person=PersonFactory()),
        "other_officer": make_user(roles.REVIEW_OFFICER, person=PersonFactory()),
        "member": make_user(roles.MEMBER),
        "exempt_member": make_user(roles.MEMBER_EXEMPT),
    }
    review = ReviewFactory(
        lead_officer=users["lead_officer"].person, team=[users["team_member"].person]
    )
    ReviewFactory(lead_officer=users["other_officer"].person)  # theirs, not this one
    parts = {
        "review": review,
        "progress": ProgressUpdateFactory(review=review),
        "recommendation": RecommendationFactory(review=review),
        "outcome": OutcomeFactory(review=review),
        "evidence": ChallengeEvidenceFactory(review=review),
        "document": ReviewDocumentFactory(review=review),
    }
    return users, parts


def url_of(name, needs, parts):
    if needs is None:
        return reverse(f"reviews:{name}")
    review = parts["review"]
    if needs in ("review", "review-only"):
        return reverse(f"reviews:{name}", args=[review.pk])
    return reverse(f"reviews:{name}", args=[review.pk, parts[needs].pk])


CASES = [
    pytest.param(who, name, needs, allowed, method, id=f"{who}-{name}-{method}")
    for name, needs, allowed in PAGES
    for method in (["get"] if name in READ_ONLY else ["get", "post"])
    for who in sorted(EVERYONE)
]


@pytest.mark.parametrize(("who", "name", "needs", "allowed", "method"), CASES)
def test_permission_matrix(client, world, who, name, needs, allowed, method):
    users, parts = world
    client.force_login(users[who])
    review = parts["review"]
    before = (review.version, Review.objects.count())
    # An empty POST is enough: a permitted one comes back as the form with its errors.
    response = getattr(client, method)(url_of(name, needs, parts))
    done = 302 if method == "post" and name in DONE_ON_POST else 200
    assert response.status_code == (done if who in allowed else 403)
    review.refresh_from_db()
    assert (review.version, Review.objects.count()) == before


def test_a_members_post_changes_nothing_even_with_valid_data(client, world):
    users, parts = world
    review = parts["review"]
    client.force_login(users["member"])
    response = client.post(
        reverse("reviews:review-status-update", args=[review.pk]),
        {"stage": "challenge", "version": review.version},
    )
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.stage == "scoping"


def test_someone_without_a_role_cannot_read_reviews(client, world):
    client.force_login(UserFactory())
    assert client.get(reverse("reviews:review-list")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    _, parts = world
    response = client.get(parts["review"].get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
