"""A document uploaded by mistake is removed (core.views.DocumentRemoveView), from a review
or an inspection: GET asks, POST removes; whoever may edit the parent may; the parent's
history says so; the stored file stays; issued committee reports do not change."""

import hashlib

import pytest
from django.urls import reverse

from inspections.models import InspectionDocument
from organisation import roles
from reports import kinds
from reports import services as report_services
from reviews.models import ReviewDocument
from tests.factories import (
    CommitteeReportFactory,
    InspectionDocumentFactory,
    InspectionFactory,
    PersonFactory,
    ReviewDocumentFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


class Review:
    """A review document and the review's addresses."""

    model = ReviewDocument
    factory = ReviewDocumentFactory

    @staticmethod
    def make(review=None, **fields):
        return ReviewDocumentFactory(review=review or ReviewFactory(), **fields)

    @staticmethod
    def parent(document):
        return document.review

    @staticmethod
    def remove_url(document, parent=None):
        parent_pk = parent.pk if parent else document.review_id
        return reverse("reviews:document-remove", args=[parent_pk, document.pk])

    @staticmethod
    def history_url(parent):
        return reverse("reviews:review-history", args=[parent.pk])

    what = "review document"


class Inspection:
    """An inspection document (of an inspection of a review) and the inspection's addresses."""

    model = InspectionDocument
    factory = InspectionDocumentFactory

    @staticmethod
    def make(review=None, **fields):
        inspection = InspectionFactory(review=review or ReviewFactory())
        return InspectionDocumentFactory(inspection=inspection, **fields)

    @staticmethod
    def parent(document):
        return document.inspection

    @staticmethod
    def remove_url(document, parent=None):
        parent_pk = parent.pk if parent else document.inspection_id
        return reverse("inspections:document-remove", args=[parent_pk, document.pk])

    @staticmethod
    def history_url(parent):
        return reverse("inspections:inspection-history", args=[parent.pk])

    what = "inspection document"


KINDS = [pytest.param(Review, id="review"), pytest.param(Inspection, id="inspection")]


@pytest.fixture
def officer(make_user):
    """A review officer on the team of the review whose documents are removed."""
    return make_user(roles.REVIEW_OFFICER, person=PersonFactory())


def on_team(officer):
    return ReviewFactory(team=[officer.person])


@pytest.mark.parametrize("kind", KINDS)
def test_the_confirmation_page_asks_and_changes_nothing(client, officer, kind):
    document = kind.make(on_team(officer), title="Draft vision report (wrong file)")
    client.force_login(officer)
    response = client.get(kind.remove_url(document))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Remove “Draft vision report (wrong file)”" in html
    assert "Remove document</button>" in html
    assert 'method="post"' in html
    assert kind.model.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_removing_takes_the_document_off_keeps_its_file_and_says_so_in_the_history(
    client, officer, kind
):
    document = kind.make(on_team(officer), title="Draft vision report (wrong file)")
    parent, stored = kind.parent(document), document.file.name
    client.force_login(officer)
    response = client.post(kind.remove_url(document))
    assert response.status_code == 302
    assert response.url == f"{parent.get_absolute_url()}#documents"
    assert not kind.model.objects.filter(pk=document.pk).exists()
    assert document.file.storage.exists(stored)  # history still names it

    page = client.get(response.url).content.decode()
    assert "“Draft vision report (wrong file)” has been removed" in page
    assert kind.remove_url(document) not in page

    entries = client.get(kind.history_url(parent)).context["entries"]
    (removed,) = [entry for entry in entries if entry.action == "Removed"]
    assert (removed.what.lower(), removed.record, removed.who) == (
        kind.what,
        "Draft vision report (wrong file)",
        officer.get_full_name(),
    )
    assert {entry.action for entry in entries if entry.what.lower() == kind.what} == {
        "Uploaded",
        "Removed",
    }
    history = client.get(kind.history_url(parent)).content.decode()
    assert f"Removed {kind.what}: Draft vision report (wrong file)" in history


@pytest.mark.parametrize("kind", KINDS)
def test_a_document_of_another_parent_is_not_found(client, officer, kind):
    document = kind.make(on_team(officer))
    other = kind.parent(kind.make(on_team(officer)))
    client.force_login(officer)
    for method in (client.get, client.post):
        assert method(kind.remove_url(document, parent=other)).status_code == 404
    assert kind.model.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_document_removed_already_is_not_found(client, officer, kind):
    document = kind.make(on_team(officer))
    client.force_login(officer)
    assert client.post(kind.remove_url(document)).status_code == 302
    assert client.post(kind.remove_url(document)).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        (roles.ADMINISTRATOR, True),
        (roles.BEST_VALUE_OFFICER, True),
        ("review officer on the review", True),
        ("review officer of another review", False),
        (roles.MEMBER, False),
        (roles.MEMBER_EXEMPT, False),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_whoever_may_edit_the_parent_may_remove_its_documents(
    client, make_user, kind, who, allowed, method
):
    role = roles.REVIEW_OFFICER if who.startswith("review officer") else who
    user = make_user(role, person=PersonFactory())
    review = ReviewFactory()
    if who == "review officer on the review":
        review.team.add(user.person)
    elif who == "review officer of another review":
        ReviewFactory(lead_officer=user.person)
    document = kind.make(review)
    client.force_login(user)
    response = getattr(client, method)(kind.remove_url(document))
    if not allowed:
        assert response.status_code == 403
    else:
        assert response.status_code == (200 if method == "get" else 302)
    still_there = kind.model.objects.filter(pk=document.pk).exists()
    assert still_there == (method == "get" or not allowed)


@pytest.mark.parametrize("kind", KINDS)
def test_only_those_who_may_remove_are_offered_the_link(client, officer, member, kind):
    document = kind.make(on_team(officer))
    parent = kind.parent(document)
    for user, offered in ((officer, True), (member, False)):
        client.force_login(user)
        page = client.get(parent.get_absolute_url()).content.decode()
        assert (kind.remove_url(document) in page) == offered


def test_an_issued_report_is_unchanged_when_a_document_of_its_review_is_removed(client, bv_officer):
    review = ReviewFactory(title="Youth Service")
    paper = Review.make(review, title="Youth Service vision report", is_background_paper=True)
    report = CommitteeReportFactory(review=review, kind="review_progress")
    kinds.prefill(report)
    report.save()
    assert "Youth Service vision report" in report.background_papers
    issued = report_services.issue_report(report, by=bv_officer, expected_version=report.version)
    pdf, sha, version = bytes(issued.pdf), issued.sha256, issued.version

    client.force_login(bv_officer)
    assert client.post(Review.remove_url(paper)).status_code == 302

    issued.refresh_from_db()
    assert (bytes(issued.pdf), issued.sha256, issued.version) == (pdf, sha, version)
    assert hashlib.sha256(bytes(issued.pdf)).hexdigest() == sha
    assert "Youth Service vision report" in issued.background_papers
    response = client.get(reverse("reports:report-pdf", args=[issued.pk]))
    assert response.content == pdf


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("count", [2, 60])
def test_the_confirmation_runs_a_bounded_number_of_queries(
    client, officer, django_assert_max_num_queries, kind, count
):
    document = kind.make(on_team(officer))
    parent = kind.parent(document)
    kind.factory.create_batch(count, **{kind.model.parent_field: parent})
    client.force_login(officer)
    with django_assert_max_num_queries(10):
        assert client.get(kind.remove_url(document)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.post(kind.remove_url(document)).status_code == 302
