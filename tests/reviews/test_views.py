from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from core.periods import FinancialYear
from organisation import roles
from reviews.models import (
    ChallengeEvidence,
    Outcome,
    ProgressUpdate,
    Recommendation,
    Review,
    ReviewDocument,
    Stage,
)
from reviews.services import change_stage
from tests.factories import (
    ChallengeEvidenceFactory,
    DeferralFactory,
    DirectorateFactory,
    DirectorFactory,
    OutcomeFactory,
    PersonFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewDocumentFactory,
    ReviewFactory,
    StageChangeFactory,
)
from tests.reviews import sample_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    """A review officer, and the review they lead."""
    user = make_user(roles.REVIEW_OFFICER, person=PersonFactory(full_name="Wes Cuell"))
    user.first_name, user.last_name = "Wes", "Cuell"
    user.save()
    return user


def programme(client, **params):
    return client.get(reverse("reviews:review-list"), params)


def titles(response):
    return [review.title for review in response.context["reviews"]]


# Programme


def test_programme_shows_the_years_reviews_and_marks_those_carried_over(client, member):
    ReviewFactory(title="Construction Design", programme_year=2003)
    ReviewFactory(
        title="Grounds Maintenance",
        programme_year=2002,
        planned_start=date(2002, 4, 1),
        planned_end=date(2004, 3, 31),
    )
    client.force_login(member)
    response = programme(client, year="2003/04")
    assert titles(response) == ["Construction Design", "Grounds Maintenance"]
    assert "Carried over from 2002/03" in response.text
    assert "<title>Review programme 2003/04" in response.text
    response = programme(client, year="2002/03")
    assert titles(response) == ["Grounds Maintenance"]
    assert "Carried over" not in response.text


def test_programme_defaults_to_the_current_financial_year(client, member):
    current = FinancialYear.current()
    ReviewFactory(title="This year", programme_year=current.start_year)
    ReviewFactory(title="Long ago", programme_year=2003)
    client.force_login(member)
    response = programme(client)
    assert titles(response) == ["This year"]
    assert response.context["year"] == current


def test_programme_opens_on_the_latest_year_with_reviews_when_this_year_has_none(client, member):
    ReviewFactory(title="Construction Design", programme_year=2003)
    ReviewFactory(
        title="Older",
        programme_year=2002,
        planned_start=date(2002, 4, 1),
        planned_end=date(2003, 3, 31),
    )
    client.force_login(member)
    response = programme(client)
    assert response.context["year"] == FinancialYear(2003)
    assert titles(response) == ["Construction Design"]
    assert '<h1 class="govuk-heading-l">Review programme 2003/04</h1>' in response.text
    assert "No reviews match" not in response.text


def test_a_deferral_into_a_far_year_does_not_move_the_programme_others_open_on(
    client, member, bv_officer
):
    deferred = ReviewFactory(title="Youth Service", programme_year=2003, stage=Stage.SCOPING)
    ReviewFactory(title="Construction Design", programme_year=2003)
    current = FinancialYear.current()
    change_stage(
        review=deferred,
        to=Stage.DEFERRED,
        by=bv_officer,
        note="Recruitment difficulties",
        new_target=current.next().as_period(),
    )
    deferred.refresh_from_db()
    assert deferred.planned_end > current.end
    client.force_login(member)
    response = programme(client)
    assert response.context["year"] == FinancialYear(2003)
    assert titles(response) == ["Construction Design", "Youth Service"]
    # Still listed, carried over, in the years its new plan reaches when they are asked for.
    assert titles(programme(client, year=str(current))) == ["Youth Service"]


def test_programme_filters_by_lead_officer_and_shows_the_column(client, member):
    lead = PersonFactory(full_name="Wes Cuell")
    ReviewFactory(title="Tenant participation", lead_officer=lead)
    ReviewFactory(title="Youth Service", lead_officer=PersonFactory(full_name="Ann Other"))
    ReviewFactory(title="Lifelong Learning")
    PersonFactory(full_name="Leads Nothing")
    client.force_login(member)
    response = programme(client, year="2003/04")
    assert '<th scope="col" class="govuk-table__header">Lead officer</th>' in response.text
    assert "Wes Cuell</td>" in response.text
    offered = [
        str(person) for person in response.context["filterset"].form.fields["lead_officer"].queryset
    ]
    assert offered == ["Ann Other", "Wes Cuell"]
    assert titles(programme(client, year="2003/04", lead_officer=lead.pk)) == [
        "Tenant participation"
    ]


def test_programme_explains_an_unknown_year_and_shows_the_current_one(client, member):
    client.force_login(member)
    response = programme(client, year="2003/05")
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Select a valid choice" in response.text
    assert response.context["year"] == FinancialYear.current()


def test_programme_filters_by_directorate_director_stage_and_text(client, member):
    housing = DirectorateFactory(name="Housing")
    townsend = DirectorFactory(full_name="John Townsend")
    ReviewFactory(title="Tenant participation", directorates=[housing])
    ReviewFactory(title="ALMO Support Services", responsible_director=townsend)
    ReviewFactory(title="Youth Service", stage=Stage.DEFERRED)
    ReviewFactory(title="Lifelong Learning", scope="Adult education and libraries")
    client.force_login(member)
    year = "2003/04"
    assert titles(programme(client, year=year, directorate=housing.pk)) == ["Tenant participation"]
    assert titles(programme(client, year=year, responsible_director=townsend.pk)) == [
        "ALMO Support Services"
    ]
    assert titles(programme(client, year=year, stage="deferred")) == ["Youth Service"]
    assert titles(programme(client, year=year, text="libraries")) == ["Lifelong Learning"]


def test_programme_sorts_by_stage_in_lifecycle_order(client, member):
    ReviewFactory(title="A", stage=Stage.COMPLETED)
    ReviewFactory(title="B", stage=Stage.PROPOSED)
    ReviewFactory(title="C", stage=Stage.VISION)
    client.force_login(member)
    assert titles(programme(client, year="2003/04", sort="stage")) == ["B", "C", "A"]
    assert titles(programme(client, year="2003/04")) == ["A", "B", "C"]


def test_programme_is_paginated_and_pages_keep_the_filters(client, member):
    for number in range(30):
        ReviewFactory(title=f"Review {number:02}", stage=Stage.SCOPING)
    client.force_login(member)
    response = programme(client, year="2003/04", stage="scoping")
    assert len(response.context["reviews"]) == 25
    assert "?year=2003%2F04&amp;stage=scoping&amp;page=2" in response.text
    second = programme(client, year="2003/04", stage="scoping", page=2)
    assert titles(second) == [f"Review {number}" for number in range(25, 30)]


@pytest.mark.parametrize("rows", [10, 200])
def test_programme_queries_do_not_grow_with_the_reviews(
    client, member, django_assert_max_num_queries, rows
):
    directorate = DirectorateFactory()
    for _ in range(rows):
        ReviewFactory(directorates=[directorate])
    client.force_login(member)
    # One of them is each chooser's options: directorates, directors and lead officers.
    with django_assert_max_num_queries(12):
        response = programme(client, year="2003/04")
    assert len(response.context["reviews"]) == min(rows, 25)


def late_and_not(today):
    """A late review deferred twice, and a completed, an unplanned and a deferred-ahead one."""
    late = ReviewFactory(title="Late review", stage=Stage.CHALLENGE)
    DeferralFactory(review=late, deferred_on=date(2003, 6, 1), reason="Budget")
    DeferralFactory(review=late, deferred_on=date(2003, 9, 1), reason="Recruitment difficulties")
    ReviewFactory(title="Completed review", stage=Stage.COMPLETED)
    ReviewFactory(title="Unplanned review", planned_start=None, planned_end=None)
    ahead = ReviewFactory(
        title="Deferred ahead",
        stage=Stage.DEFERRED,
        planned_start=date(2003, 4, 1),
        planned_end=today + timedelta(days=90),
        planned_precision="day",
    )
    DeferralFactory(review=ahead)
    return late


def test_programme_tags_late_reviews_with_their_deferrals(client, member):
    late_and_not(timezone.localdate())
    client.force_login(member)
    response = programme(client, year="2003/04")
    assert {review.title: review.is_late for review in response.context["reviews"]} == {
        "Completed review": False,
        "Deferred ahead": False,
        "Late review": True,
        "Unplanned review": False,
    }
    assert response.text.count('<strong class="govuk-tag govuk-tag--red">Late</strong>') == 1
    assert "Deferred 2 times; latest: Recruitment difficulties" in response.text


def test_programme_late_only_adds_late_reviews_of_earlier_programmes(client, member):
    late_and_not(timezone.localdate())
    ReviewFactory(
        title="Older late review",
        programme_year=2002,
        planned_start=date(2002, 4, 1),
        planned_end=date(2003, 3, 31),
    )
    client.force_login(member)
    assert "Older late review" not in titles(programme(client, year="2003/04"))
    response = programme(client, year="2003/04", late="on")
    assert titles(response) == ["Late review", "Older late review"]
    assert "2 late reviews in 2003/04 and earlier programmes" in response.text
    assert "Carried over from 2002/03" in response.text


# Review page


def test_review_page_shows_every_part(client, member):
    review = ReviewFactory(title="Community Development", stage=Stage.DEFERRED)
    ProgressUpdateFactory(review=review, date=date(2003, 12, 18), text="Older news")
    ProgressUpdateFactory(review=review, date=date(2004, 1, 29), text="Second draft presented")
    DeferralFactory(review=review, reason="Recruitment difficulties", agreed_by="CDMT Board")
    RecommendationFactory(review=review, letter="a", text="An early intervention service")
    OutcomeFactory(review=review, theme="1.5. Performance Management", text="Collate CPA data")
    ChallengeEvidenceFactory(review=review, c="consult", evidence="Residents' panel")
    ReviewDocumentFactory(review=review, title="Vision report")
    client.force_login(member)
    response = client.get(review.get_absolute_url())
    text = response.text
    assert text.index("Second draft presented") < text.index("Older news")
    assert "29 January 2004" in text
    assert "Deferred until <strong>July 2004</strong>: Recruitment difficulties" in text
    for shown in [
        "An early intervention service",
        "1.5. Performance Management",
        "Collate CPA data",
        "Residents&#x27; panel",
        "Vision report",
        "govuk-tag--orange",
    ]:
        assert shown in text


@pytest.mark.parametrize("rows", [10, 200])
def test_review_page_queries_do_not_grow_with_reviews_or_parts(
    client, member, django_assert_max_num_queries, rows
):
    reviews = [ReviewFactory() for _ in range(rows)]
    review = reviews[0]
    parts = rows // 10
    for number in range(parts):
        ProgressUpdateFactory(review=review, recorded_by=member)
        RecommendationFactory(review=review)
        OutcomeFactory(review=review, theme=f"Theme {number}")
        StageChangeFactory(review=review, changed_by=member)
        DeferralFactory(review=review, recorded_by=member)
        ReviewDocumentFactory(review=review)
    review.team.set([PersonFactory() for _ in range(parts)])
    review.directorates.set([DirectorateFactory() for _ in range(parts)])
    client.force_login(member)
    with django_assert_max_num_queries(22):
        response = client.get(review.get_absolute_url())
    assert response.status_code == 200


def test_a_late_review_page_warns_since_when_with_its_deferrals(client, member):
    late = late_and_not(timezone.localdate())
    client.force_login(member)
    text = client.get(late.get_absolute_url()).text
    assert "This review is late: it was planned to end by 31 March 2004" in text
    assert 'href="#deferrals">deferred 2 times</a>, most recently on 1 September 2003' in text
    assert "Recruitment difficulties" in text
    for title in ["Completed review", "Unplanned review", "Deferred ahead"]:
        review = Review.objects.get(title=title)
        assert "This review is late" not in client.get(review.get_absolute_url()).text


def test_editors_see_change_links_and_members_do_not(client, officer, member):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    response = client.get(review.get_absolute_url())
    assert reverse("reviews:review-status-update", args=[review.pk]) in response.text
    assert ">Change<" in response.text
    client.force_login(member)
    response = client.get(review.get_absolute_url())
    assert reverse("reviews:review-status-update", args=[review.pk]) not in response.text
    assert "Change<" not in response.text
    assert "Add a" not in response.text


# Update status


def on(day):
    """The status form's "Date of the change", as its day, month and year boxes send it."""
    return {"changed_on_0": day.day, "changed_on_1": day.month, "changed_on_2": day.year}


def today():
    return on(timezone.localdate())


def test_deferring_through_the_status_form(client, officer):
    review = ReviewFactory(lead_officer=officer.person, stage=Stage.CHALLENGE)
    url = reverse("reviews:review-status-update", args=[review.pk])
    client.force_login(officer)
    response = client.post(
        url,
        {
            "stage": "deferred",
            "note": "Recruitment difficulties",
            "new_target": "July 2004",
            "agreed_by": "CDMT Board",
            "progress": "Completion deferred for six months.",
            "version": review.version,
            **today(),
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == review.get_absolute_url()
    review.refresh_from_db()
    assert (review.stage, str(review.planned)) == (Stage.DEFERRED, "July 2004")
    assert "The review’s status has been updated" in response.text
    assert ProgressUpdate.objects.get(review=review).recorded_by == officer


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"stage": "scoping"},
            "stage",
            "A review at “Challenge (4 Cs)” cannot move to “Scoping”. Choose one of: Vision "
            "report, Options analysis &amp; improvement plan, Approved, Implementation &amp; "
            "monitoring, Completed, Deferred, Withdrawn, Superseded.",
        ),
        ({"stage": "vision", "changed_on_2": ""}, "changed_on", "Enter the day, month and year"),
        ({"stage": "deferred", "new_target": "July 2004"}, "note", "Enter the reason"),
        (
            {"stage": "deferred", "note": "Staff", "new_target": "Autumn-ish 2004"},
            "new_target",
            "&quot;ish&quot; is not a month or season",
        ),
        ({"stage": "withdrawn"}, "note", "Enter a note saying why the review is withdrawn"),
        ({}, "stage", "Choose the stage the review has reached"),
    ],
)
def test_status_form_shows_why_a_change_is_refused(client, officer, data, field, message):
    review = ReviewFactory(lead_officer=officer.person, stage=Stage.CHALLENGE)
    client.force_login(officer)
    response = client.post(
        reverse("reviews:review-status-update", args=[review.pk]),
        {"version": review.version, **today(), **data},
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.text
    assert response.text.count(message) == 2  # in the error summary and beside the field
    review.refresh_from_db()
    assert review.stage == Stage.CHALLENGE


def test_status_form_refuses_a_stale_change_with_a_conflict_message(client, officer, bv_officer):
    review = ReviewFactory(lead_officer=officer.person, stage=Stage.CHALLENGE)
    opened_at = review.version
    client.force_login(bv_officer)
    client.post(
        reverse("reviews:review-update", args=[review.pk]),
        {**_review_post_data(review), "title": "Engineering and Transportation"},
    )
    client.force_login(officer)
    response = client.post(
        reverse("reviews:review-status-update", args=[review.pk]),
        {"stage": "vision", "version": opened_at, **today()},
    )
    assert "after you opened it" in response.text
    assert "Your changes have not been saved" in response.text
    review.refresh_from_db()
    assert review.stage == Stage.CHALLENGE


@pytest.mark.parametrize("rows", [5, 100])
def test_the_status_page_runs_the_same_queries_however_long_the_history(
    client, bv_officer, django_assert_max_num_queries, rows
):
    review = ReviewFactory(stage=Stage.DEFERRED)
    for _ in range(rows):
        StageChangeFactory(review=review, from_stage=Stage.SCOPING, to_stage=Stage.DEFERRED)
    client.force_login(bv_officer)
    url = reverse("reviews:review-status-update", args=[review.pk])
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
    data = {"stage": "approved", "version": review.version, **today()}
    # Each of the five stages reached is a row and its history row: bounded by the stage line.
    with django_assert_max_num_queries(32):
        assert client.post(url, data).status_code == 302
    assert review.stage_changes.count() == rows + 5  # resumed at Scoping, then on to Approved


def test_a_closed_review_offers_no_stage_change(client, bv_officer):
    review = ReviewFactory(stage=Stage.COMPLETED)
    client.force_login(bv_officer)
    response = client.get(reverse("reviews:review-status-update", args=[review.pk]))
    assert "its stage cannot change any more" in response.text
    assert 'name="stage"' not in response.text


# Create and edit a review


def _review_post_data(review, **overrides):
    return {
        "title": review.title,
        "scope": review.scope,
        "programme_year": str(review.financial_year),
        "responsible_director": review.responsible_director_id,
        "lead_officer": review.lead_officer_id or "",
        "team": [person.pk for person in review.team.all()],
        "ward_scope": review.ward_scope,
        "planned": str(review.planned or ""),
        "inspection_offer": review.inspection_offer,
        "version": review.version,
        **overrides,
    }


def test_creating_a_review_puts_it_in_the_programme(client, bv_officer):
    director = DirectorFactory(full_name="Malcolm Sykes")
    client.force_login(bv_officer)
    response = client.post(
        reverse("reviews:review-create"),
        {
            "title": "Construction Design",
            "programme_year": "2003/04",
            "responsible_director": director.pk,
            "ward_scope": "all",
            "planned": "April 2003 – March 2004",
            "inspection_offer": "on_completion",
            "version": 1,
        },
    )
    review = Review.objects.get(title="Construction Design")
    assert response.url == review.get_absolute_url()
    assert (review.stage, review.programme_year, str(review.planned)) == (
        Stage.PROPOSED,
        2003,
        "April 2003 – March 2004",
    )


def test_the_second_of_two_edits_is_refused_and_nothing_is_overwritten(client, officer, bv_officer):
    review = ReviewFactory(title="Engineering & Transportation", lead_officer=officer.person)
    url = reverse("reviews:review-update", args=[review.pk])
    client.force_login(officer)
    officer_form = client.get(url).context["form"]
    client.force_login(bv_officer)
    bv_form = client.get(url).context["form"]
    assert officer_form["version"].value() == bv_form["version"].value()

    client.force_login(bv_officer)
    first = client.post(url, _review_post_data(review, scope="Roads and street lighting"))
    assert first.status_code == 302
    client.force_login(officer)
    second = client.post(url, _review_post_data(review, scope="Highways only"))

    assert second.status_code == 200
    message = second.context["form"].non_field_errors()[0]
    assert message.startswith(f"{bv_officer.get_full_name()} changed this record on ")
    assert "Scope: The services in scope. → Roads and street lighting" in message
    assert "Highways only" in second.text  # what the officer typed is kept
    review.refresh_from_db()
    assert review.scope == "Roads and street lighting"
    # Saving again, deliberately, keeps the officer's version.
    again = client.post(
        url, _review_post_data(review, scope="Highways only", version=review.version)
    )
    assert again.status_code == 302
    review.refresh_from_db()
    assert review.scope == "Highways only"


# Parts


@pytest.mark.parametrize(
    ("name", "data", "model", "check"),
    [
        (
            "progress-create",
            {"date_0": "29", "date_1": "1", "date_2": "2004", "text": "On target"},
            ProgressUpdate,
            lambda part: (part.date, part.text) == (date(2004, 1, 29), "On target"),
        ),
        (
            "recommendation-create",
            {"letter": "(a)", "text": "A service directory", "status": "agreed"},
            Recommendation,
            lambda part: (part.letter, part.status) == ("a", "agreed"),
        ),
        (
            "outcome-create",
            {"theme": "1.4. The Role of the CDU", "text": "An agreed strategy", "order": "1"},
            Outcome,
            lambda part: part.theme == "1.4. The Role of the CDU",
        ),
        (
            "evidence-create",
            {"c": "compete", "evidence": "Market tested"},
            ChallengeEvidence,
            lambda part: part.c == "compete",
        ),
    ],
)
def test_an_editor_adds_each_part(client, officer, name, data, model, check):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    response = client.post(reverse(f"reviews:{name}", args=[review.pk]), {"version": 1, **data})
    assert response.status_code == 302, response.context["form"].errors
    part = model.objects.get(review=review)
    assert check(part)
    assert part.history.get().history_user == officer


@pytest.mark.parametrize("day_month_year", [("31", "2", "2004"), ("1", "2", "99999999999")])
def test_a_progress_date_that_is_not_a_date_gets_a_message(client, officer, day_month_year):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    day, month, year = day_month_year
    response = client.post(
        reverse("reviews:progress-create", args=[review.pk]),
        {"date_0": day, "date_1": month, "date_2": year, "text": "On target", "version": 1},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == ["Enter a real date, for example 29 1 2027"]


@pytest.mark.parametrize(
    ("name", "factory", "data"),
    [
        (
            "progress-update",
            ProgressUpdateFactory,
            {"date_0": "1", "date_1": "2", "date_2": "2004", "text": "Changed"},
        ),
        ("recommendation-update", RecommendationFactory, {"letter": "a", "text": "Changed"}),
        ("outcome-update", OutcomeFactory, {"theme": "Theme", "text": "Changed", "order": "0"}),
        ("evidence-update", ChallengeEvidenceFactory, {"c": "compare", "evidence": "Changed"}),
    ],
)
def test_a_stale_edit_of_a_part_is_refused(client, officer, bv_officer, name, factory, data):
    review = ReviewFactory(lead_officer=officer.person)
    part = factory(review=review)
    if name == "recommendation-update":
        data["status"] = "proposed"
    url = reverse(f"reviews:{name}", args=[review.pk, part.pk])
    client.force_login(bv_officer)
    assert client.post(url, {**data, "version": part.version}).status_code == 302
    client.force_login(officer)
    response = client.post(url, {**data, "version": part.version})
    assert response.status_code == 200
    assert "after you opened it" in response.text


def test_a_part_of_another_review_is_not_found(client, bv_officer):
    part = RecommendationFactory()
    other = ReviewFactory()
    client.force_login(bv_officer)
    url = reverse("reviews:recommendation-update", args=[other.pk, part.pk])
    assert client.get(url).status_code == 404


# Documents


def upload(client, review, name, content):
    return client.post(
        reverse("reviews:document-create", args=[review.pk]),
        {
            "title": "Vision report",
            "kind": "vision_report",
            "is_background_paper": "on",
            "file": sample_files.upload(name, content),
        },
    )


def test_an_uploaded_document_downloads_as_an_attachment_of_its_type(client, officer, member):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    assert upload(client, review, "vision.pdf", sample_files.PDF).status_code == 302
    document = ReviewDocument.objects.get(review=review)
    assert (document.content_type, document.size, document.is_background_paper) == (
        "application/pdf",
        len(sample_files.PDF),
        True,
    )
    client.force_login(member)
    response = client.get(document.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="vision.pdf"'
    assert b"".join(response.streaming_content) == sample_files.PDF


def test_a_long_file_name_of_several_bytes_a_character_uploads_and_keeps_its_name(
    client, officer, member
):
    name = "文" * 90 + ".pdf"  # 270 bytes in UTF-8: over the filesystem's 255 as a file name
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    assert upload(client, review, name, sample_files.PDF).status_code == 302
    document = ReviewDocument.objects.get(review=review)
    assert document.filename == name
    client.force_login(member)
    assert name in client.get(review.get_absolute_url()).text
    response = client.get(document.get_absolute_url())
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(name)}"
    assert b"".join(response.streaming_content) == sample_files.PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", sample_files.EXE, "is not a real PDF"),
        ("report.pdf", sample_files.PDF + b"\0" * (25 * 1024 * 1024), "20 MB or smaller"),
        ("setup.exe", sample_files.EXE, "must be a PDF, DOCX, ODT or XLSX file"),
    ],
)
def test_a_bad_upload_gets_a_clear_message(client, officer, name, content, message):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    response = upload(client, review, name, content)
    assert response.status_code == 200
    assert message in response.text
    assert "There is a problem" in response.text
    assert not ReviewDocument.objects.exists()


def test_an_upload_without_a_title_or_file_says_what_to_enter(client, officer):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    response = client.post(
        reverse("reviews:document-create", args=[review.pk]), {"kind": "vision_report"}
    )
    assert response.status_code == 200
    assert "Enter a title for the document" in response.text
    assert "Select a file" in response.text
    assert not ReviewDocument.objects.exists()


def test_an_upload_records_who_uploaded_it_and_returns_to_the_documents(client, officer):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    response = upload(client, review, "vision.pdf", sample_files.PDF)
    assert response["Location"] == f"{review.get_absolute_url()}#documents"
    assert ReviewDocument.objects.get(review=review).uploaded_by == officer


def test_a_document_of_another_review_is_not_found(client, member):
    document = ReviewDocumentFactory()
    client.force_login(member)
    url = reverse("reviews:document-download", args=[ReviewFactory().pk, document.pk])
    assert client.get(url).status_code == 404


def test_a_document_whose_file_is_missing_is_not_found(client, member):
    document = ReviewDocumentFactory()
    document.file.storage.delete(document.file.name)
    client.force_login(member)
    assert client.get(document.get_absolute_url()).status_code == 404


# History


def test_history_shows_who_changed_the_review_and_its_parts(client, officer, member):
    review = ReviewFactory(lead_officer=officer.person, stage=Stage.SCOPING)
    client.force_login(officer)
    client.post(
        reverse("reviews:review-update", args=[review.pk]),
        _review_post_data(
            review, directorates=[DirectorateFactory(name="Environmental Services").pk]
        ),
    )
    review.refresh_from_db()
    client.post(
        reverse("reviews:review-status-update", args=[review.pk]),
        {
            "stage": "deferred",
            "note": "Recruitment difficulties",
            "new_target": "July 2004",
            "version": review.version,
            **today(),
        },
    )
    client.force_login(member)
    response = client.get(reverse("reviews:review-history", args=[review.pk]))
    entries = response.context["entries"]
    assert {entry.what for entry in entries} >= {"Review", "Deferral", "Stage change"}
    assert {entry.who for entry in entries if entry.what != "Review"} == {"Wes Cuell"}
    changes = {(c.label, c.old, c.new) for entry in entries for c in entry.changes}
    assert ("Stage", "Scoping", "Deferred") in changes
    assert ("Directorates", "(none)", "Environmental Services") in changes
    assert "Deferred until July 2004" in response.text


@pytest.mark.parametrize("rows", [10, 200])
def test_history_queries_do_not_grow_with_the_parts_added(
    client, member, django_assert_max_num_queries, rows
):
    review = ReviewFactory()
    for _ in range(rows // 10):
        ProgressUpdateFactory(review=review)
        RecommendationFactory(review=review)
    client.force_login(member)
    with django_assert_max_num_queries(14):
        client.get(reverse("reviews:review-history", args=[review.pk]))


@pytest.mark.parametrize("version", ["", "one"])
def test_a_page_sent_back_without_its_version_says_so_in_the_error_summary(
    client, officer, version
):
    review = ReviewFactory(lead_officer=officer.person)
    client.force_login(officer)
    response = client.post(
        reverse("reviews:evidence-create", args=[review.pk]),
        {"c": "challenge", "evidence": "Benchmarked", "version": version},
    )
    assert response.status_code == 200
    summary = response.content.decode().split('class="govuk-error-summary"')[1]
    assert "could not be checked against the saved record" in summary.split("</ul>")[0]
