from datetime import date
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from inspections import demo as inspections_demo
from inspections.models import Inspection, InspectionDocument
from organisation import demo as organisation_demo
from organisation import roles
from reviews.models import InspectionOffer
from tests.factories import (
    DirectorFactory,
    InspectionFactory,
    InspectionRecommendationFactory,
    InspectorateFactory,
    PersonFactory,
    ReviewFactory,
)
from tests.inspections.html import select, text
from tests.reviews.sample_files import PDF

pytestmark = pytest.mark.django_db

OK, FORBIDDEN = "ok", 403


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def judgement_post(inspection, *texts, **changes):
    data = {
        "score": "1",
        "prospects": "promising",
        "report_date_0": "20",
        "report_date_1": "2",
        "report_date_2": "2004",
        "version": str(inspection.version),
        "recommendations-TOTAL_FORMS": str(len(texts)),
        "recommendations-INITIAL_FORMS": "0",
    }
    for index, text_ in enumerate(texts):
        data |= {
            f"recommendations-{index}-number": str(index + 1),
            f"recommendations-{index}-text": text_,
            f"recommendations-{index}-priority": "medium",
        }
    return data | changes


def inspection_post(inspection, **changes):
    return {
        "title": inspection.title,
        "programme_year": str(inspection.financial_year),
        "kind": inspection.kind,
        "status": inspection.status,
        "review": inspection.review_id or "",
        "timing": "December 2003",
        "version": str(inspection.version),
        **changes,
    }


# ---------------------------------------------------------------------------------------------
# Permissions: every role on every page, GET and POST.

ROLES = [
    roles.ADMINISTRATOR,
    roles.BEST_VALUE_OFFICER,
    "review officer of the review",
    "review officer of another review",
    roles.MEMBER,
    roles.MEMBER_EXEMPT,
]
EDITORS = {roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER, "review officer of the review"}
JUDGES = {roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER}


def allowed(page, role):
    if page in {
        "programme",
        "inspection-list",
        "inspection-detail",
        "inspection-history",
        "document-download",
    }:
        return True
    if page in {"inspection-create", "inspection-record-judgement"}:
        return role in JUDGES
    return role in EDITORS  # inspection-update, document-create, document-remove


PAGES = [
    ("programme", "GET"),
    ("inspection-list", "GET"),
    ("inspection-detail", "GET"),
    ("inspection-history", "GET"),
    ("document-download", "GET"),
    ("inspection-create", "GET"),
    ("inspection-create", "POST"),
    ("inspection-update", "GET"),
    ("inspection-update", "POST"),
    ("inspection-record-judgement", "GET"),
    ("inspection-record-judgement", "POST"),
    ("document-create", "GET"),
    ("document-create", "POST"),
    ("document-remove", "GET"),
    ("document-remove", "POST"),
]


@pytest.fixture
def user_of(make_user):
    def make(role):
        if role.startswith("review officer"):
            return make_user(roles.REVIEW_OFFICER, person=PersonFactory())
        return make_user(role, person=PersonFactory())

    return make


@pytest.mark.parametrize(("page", "method"), PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_permissions(client, user_of, role, page, method):
    user = user_of(role)
    review = ReviewFactory()
    if role == "review officer of the review":
        review.team.add(user.person)
    elif role == "review officer of another review":
        ReviewFactory(lead_officer=user.person)
    inspection = InspectionFactory(review=review, timing="December 2003")
    document = InspectionDocument.objects.create(
        inspection=inspection,
        title="Report",
        file=SimpleUploadedFile("report.pdf", PDF),
        content_type="application/pdf",
        size=len(PDF),
    )
    args = {
        "programme": [],
        "inspection-list": [],
        "inspection-create": [],
        "document-download": [inspection.pk, document.pk],
        "document-remove": [inspection.pk, document.pk],
    }.get(page, [inspection.pk])
    url = reverse(f"inspections:{page}", args=args)
    data = {
        "inspection-create": {**inspection_post(inspection), "review": ""},
        "inspection-update": inspection_post(inspection, title="Renamed"),
        "inspection-record-judgement": judgement_post(inspection, "Publish standards"),
        "document-create": {
            "title": "Final report",
            "kind": "report",
            "file": SimpleUploadedFile("final.pdf", PDF),
        },
    }.get(page)
    client.force_login(user)

    response = client.get(url) if method == "GET" else client.post(url, data)

    if not allowed(page, role):
        assert response.status_code == FORBIDDEN
        inspection.refresh_from_db()
        assert inspection.title != "Renamed" and inspection.score is None
        assert InspectionDocument.objects.count() == 1
    elif method == "GET":
        assert response.status_code == 200
    else:
        assert response.status_code == 302, response.context and [
            form.errors for form in [response.context.get("form")] if form
        ]


def test_member_sees_the_inspection_without_any_controls(client, member):
    inspection = InspectionFactory(timing="December 2003")
    client.force_login(member)
    page = client.get(inspection.get_absolute_url()).text
    programme = client.get(reverse("inspections:programme")).text
    for words in ["Record judgement", "Upload a document", ">Change<", "Add an inspection"]:
        assert words not in page + programme


def test_best_value_officer_sees_the_controls(client, bv_officer):
    inspection = InspectionFactory(timing="December 2003")
    client.force_login(bv_officer)
    page = client.get(inspection.get_absolute_url()).text
    for words in ["Record judgement", "Upload a document", "Change<span"]:
        assert words in page


# ---------------------------------------------------------------------------------------------
# The programme page.


def programme_rows(html, year):
    (table,) = [
        table
        for table in select(html, "table.bv-programme")
        if text(table.find(".//{*}caption")) == f"Inspections {year}"
    ]
    rows = []
    for row in table.iter("{http://www.w3.org/1999/xhtml}tr"):
        cells = row.findall("{http://www.w3.org/1999/xhtml}td")
        if len(cells) != 3:
            continue
        title_html = cells[0]
        link = title_html.find(".//{*}a")
        markers = [text(m) for m in title_html.iter() if "bv-offer-marker" in m.get("class", "")]
        rows.append((text(link), "".join(markers), text(cells[1]), text(cells[2])))
    return rows


def load_seed_programme():
    organisation_demo.load()
    for title, offer in [
        ("Grounds Maintenance", InspectionOffer.DELAYED),
        ("Construction Design", InspectionOffer.ON_COMPLETION),
        ("Bereavement Services", InspectionOffer.ON_COMPLETION),
        ("Lifelong Learning", InspectionOffer.ON_COMPLETION),
        ("Youth Service", InspectionOffer.NONE),
    ]:
        ReviewFactory(title=title, inspection_offer=offer, programme_year=2003)
    inspections_demo.load()


SEED_2003_04 = [
    ("Peer Review", "", "March–April 2003", "Martin Smith"),
    ("Children's Fund", "", "March 2003", "Anne Williams"),
    ("Best Value Process", "", "4 April 2003", "Martin Smith"),
    ("(i) Performance management – QPE Meetings", "", "April–June 2003", "Martin Smith"),
    (
        "(ii) Corporate Direction – policy into practice, street scene services, other tracers",
        "",
        "July–September 2003",
        "John Willis",
    ),
    ("Culture, Arts & Heritage", "", "May–December 2003", "Jill Baker"),
    ("Housing – DA 6 Month report", "", "July 2003", "Bob Osborne"),
    ("Community Engagement", "", "July–September 2003", "Anne Williams"),
    ("Planning", "", "Summer 2003", "Malcolm Sykes"),
    ("OfSTED", "", "September 2003", "Jill Baker"),
    ("Housing re-inspection", "", "December 2003", "John Townsend"),
    # Seed 000's interim inspection; its review is not loaded here, so it has no director.
    ("Housing Strategy & Private Sector", "", "interim inspection", ""),
]
SEED_2004_05 = [
    ("ALMO Inspection", "", "July 2004", "John Townsend"),
    ("SSI Adults", "", "Autumn 2004", "Anne Williams"),
    ("Leisure", "", "possible re-inspection", "Jill Baker"),
    ("Culture, Arts & Heritage", "", "Staged inspection", "Jill Baker"),
    ("SSI Children", "", "2005", "Anne Williams"),
    ("Grounds Maintenance", "*", "", "Bruce Jassi"),
    ("Supporting People", "", "", "Anne Williams"),
    ("Youth Service", "", "possible staged inspection", "Jill Baker"),
    ("Construction Design", "†", "", "Malcolm Sykes"),
    ("Registration of Births, Deaths & Marriages", "", "", "Alan Westwood"),
    ("YOT Inspection", "", "", "Anne Williams"),
    ("Basic Command Unit Inspection", "", "", "Charles Green"),
    ("HMRF (joint with Manchester)", "", "ongoing preparatory work", "Charles Green"),
    ("Bereavement Services", "†", "", "Bruce Jassi"),
    ("Lifelong Learning", "†", "", "Jill Baker"),
    ("CPA Refresh", "", "", "John Willis"),
]


def test_programme_for_2003_04_shows_seed_001s_inspections_directors_timings_and_markers(
    client, member
):
    load_seed_programme()
    client.force_login(member)
    response = client.get(reverse("inspections:programme"), {"year": "2003/04"})
    html = response.text
    assert text(select(html, "h1")[0]) == "Inspection programme 2003/04 and 2004/05"
    assert sorted(programme_rows(html, "2003/04")) == sorted(SEED_2003_04)
    assert sorted(programme_rows(html, "2004/05")) == sorted(SEED_2004_05)
    key = [text(item) for item in select(html, "dl.bv-key dt, dl.bv-key dd")]
    assert key == [
        "*",
        "Denotes a delayed inspection i.e. offered for inspection 12 months after completion "
        "of review, when improvements have been implemented.",
        "†",
        "Offered for inspection on completion of review; inspection not confirmed.",
    ]


def test_programme_is_in_timing_order_within_a_year(client, member):
    InspectionFactory(title="Later", timing="December 2003")
    InspectionFactory(title="Sooner", timing="May 2003")
    InspectionFactory(title="Undated")
    client.force_login(member)
    html = client.get(reverse("inspections:programme"), {"year": "2003/04"}).text
    assert [row[0] for row in programme_rows(html, "2003/04")] == ["Sooner", "Later", "Undated"]


def test_markers_tell_screen_readers_the_keys_words(client, member):
    review = ReviewFactory(inspection_offer=InspectionOffer.DELAYED)
    InspectionFactory(title="Grounds Maintenance", programme_year=2004, review=review)
    client.force_login(member)
    html = client.get(reverse("inspections:programme"), {"year": "2004/05"}).text
    (cell,) = select(html, "table.bv-programme td:first-child")[:1]
    assert "Grounds Maintenance * (Denotes a delayed inspection i.e." in text(cell)
    assert select(html, ".bv-offer-marker")[0].get("aria-hidden") == "true"


def test_programme_with_a_year_that_cannot_be_read_says_so_and_shows_the_default(client, member):
    client.force_login(member)
    response = client.get(reverse("inspections:programme"), {"year": "2003/05"})
    assert response.status_code == 200
    summary = text(select(response.text, ".govuk-error-summary")[0])
    assert 'A financial year runs into the next year, as in "2003/04"' in summary
    assert response.context["year"] == Inspection.objects.default_programme_year()


def test_programme_links_to_the_years_before_and_after(client, member):
    client.force_login(member)
    html = client.get(reverse("inspections:programme"), {"year": "2003/04"}).text
    assert select(html, "a[rel=prev]")[0].get("href") == "?year=2002/03"
    assert select(html, "a[rel=next]")[0].get("href") == "?year=2004/05"


def make_programme(count):
    """`count` inspections over two years, each with a review, an inspectorate and a director."""
    inspectorate, director = InspectorateFactory(), DirectorFactory()
    review = ReviewFactory(inspection_offer=InspectionOffer.ON_COMPLETION)
    for index in range(count):
        InspectionFactory(
            programme_year=2003 + index % 2,
            review=ReviewFactory(responsible_director=director) if index % 3 else review,
            inspectorate=inspectorate,
            lead_director=director if index % 2 else DirectorFactory(),
            status=Inspection.Status.OFFERED,
            timing="Autumn 2003",
        )


@pytest.mark.parametrize("count", [10, 200])
def test_programme_page_queries_do_not_grow_with_inspections(
    client, member, django_assert_max_num_queries, count
):
    make_programme(count)
    client.force_login(member)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("inspections:programme"), {"year": "2003/04"})
    assert len(select(response.text, ".bv-programme__title")) == count


# ---------------------------------------------------------------------------------------------
# The list.


@pytest.mark.parametrize("count", [10, 200])
def test_list_page_queries_do_not_grow_with_inspections(
    client, member, django_assert_max_num_queries, count
):
    make_programme(count)
    client.force_login(member)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("inspections:inspection-list"), {"year": "2003/04"})
    assert response.context["paginator"].count == count // 2


def test_list_filters_by_year_inspectorate_kind_status_and_director(client, member):
    ssi = InspectorateFactory(name="Social Services Inspectorate", abbreviation="SSI")
    anne = DirectorFactory(full_name="Anne Williams")
    wanted = InspectionFactory(
        title="SSI Adults",
        programme_year=2004,
        inspectorate=ssi,
        kind=Inspection.Kind.SERVICE,
        status=Inspection.Status.PROPOSED,
        lead_director=anne,
    )
    InspectionFactory(title="Other year", programme_year=2003, inspectorate=ssi, lead_director=anne)
    InspectionFactory(title="Other inspectorate", programme_year=2004, lead_director=anne)
    InspectionFactory(
        title="Other status", programme_year=2004, inspectorate=ssi, lead_director=anne
    )
    InspectionFactory(title="Other director", programme_year=2004, inspectorate=ssi)
    client.force_login(member)
    response = client.get(
        reverse("inspections:inspection-list"),
        {
            "year": "2004/05",
            "inspectorate": ssi.pk,
            "kind": "service",
            "status": "proposed",
            "director": anne.pk,
        },
    )
    assert list(response.context["object_list"]) == [wanted]


def test_list_with_an_unknown_filter_value_explains_instead_of_failing(client, member):
    InspectionFactory()
    client.force_login(member)
    response = client.get(reverse("inspections:inspection-list"), {"status": "postponed"})
    assert response.status_code == 200
    assert "Select a valid choice" in text(select(response.text, ".govuk-error-summary")[0])
    assert response.context["paginator"].count == 0


def test_list_pages_keep_the_filters_in_their_links(client, member):
    for _ in range(30):
        InspectionFactory(programme_year=2004)
    client.force_login(member)
    html = client.get(reverse("inspections:inspection-list"), {"year": "2004/05"}).text
    assert select(html, "a[rel=next]")[0].get("href") == "?year=2004%2F05&page=2"


# ---------------------------------------------------------------------------------------------
# Detail, history and the review page's fragment.


@pytest.mark.parametrize("count", [3, 30])
def test_detail_page_queries_do_not_grow_with_recommendations_or_documents(
    client, member, django_assert_max_num_queries, count
):
    inspection = InspectionFactory(
        status=Inspection.Status.COMPLETE,
        score=1,
        prospects="promising",
        report_date=date(2004, 2, 20),
        review=ReviewFactory(),
    )
    for number in range(1, count + 1):
        InspectionRecommendationFactory(inspection=inspection, number=number)
        InspectionDocument.objects.create(
            inspection=inspection,
            title=f"Paper {number}",
            file=f"inspections/{number}.pdf",
            content_type="application/pdf",
            size=1000,
            uploaded_by=member,
        )
    client.force_login(member)
    with django_assert_max_num_queries(8):
        response = client.get(inspection.get_absolute_url())
    assert len(select(response.text, "#recommendations + table tbody tr")) == count


def test_detail_page_shows_the_judgement_recommendations_documents_and_review(client, member):
    review = ReviewFactory(title="Grounds Maintenance", inspection_offer=InspectionOffer.DELAYED)
    inspection = InspectionFactory(
        title="Grounds Maintenance",
        review=review,
        status=Inspection.Status.COMPLETE,
        score=1,
        prospects="promising",
        report_date=date(2004, 2, 20),
    )
    InspectionRecommendationFactory(inspection=inspection, number=1, text="Survey the stock")
    InspectionDocument.objects.create(
        inspection=inspection,
        title="Inspection report",
        file="inspections/report.pdf",
        content_type="application/pdf",
        size=2048,
    )
    client.force_login(member)
    html = client.get(inspection.get_absolute_url()).text
    summary = text(select(html, "#judgement + dl")[0])
    assert "Service score Fair (1 star)" in summary
    assert "Prospects for improvement Promising" in summary
    assert "Date of the report 20 February 2004" in summary
    assert "R1 Survey the stock Medium" in text(select(html, "#recommendations + table")[0])
    assert "Inspection report (Inspection report, 2.0 KB" in text(
        select(html, "#documents + ul")[0]
    )
    assert "Grounds Maintenance (2003/04) * Denotes a delayed inspection" in html_text(html)


def html_text(html):
    return text(select(html, "main")[0])


@pytest.mark.parametrize("count", [2, 20])
def test_history_lists_changes_to_the_inspection_and_its_recommendations(
    client, member, django_assert_max_num_queries, count
):
    inspection = InspectionFactory()
    for number in range(1, count + 1):
        recommendation = InspectionRecommendationFactory(inspection=inspection, number=number)
        recommendation.text = "Changed"
        recommendation.save()
    InspectionRecommendationFactory(inspection=inspection, number=99).delete()
    client.force_login(member)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("inspections:inspection-history", args=[inspection.pk]))
    entries = response.context["entries"]
    assert len(entries) == 1 + 2 * count + 2
    assert {entry.what for entry in entries} == {"Inspection", "Inspection recommendation"}
    assert "Deleted inspection recommendation: R99" in html_text(response.text)


@pytest.mark.parametrize("count", [2, 20])
def test_review_page_fragment_lists_the_reviews_inspections_with_their_judgements(
    django_assert_max_num_queries, count
):
    review = ReviewFactory(inspection_offer=InspectionOffer.ON_COMPLETION)
    InspectionFactory(
        review=review,
        title="Housing re-inspection",
        status=Inspection.Status.COMPLETE,
        score=1,
        prospects="promising",
        report_date=date(2004, 2, 20),
    )
    for _ in range(count - 1):
        InspectionFactory(review=review, status=Inspection.Status.OFFERED)
    InspectionFactory(review=ReviewFactory())
    with django_assert_max_num_queries(1):
        html = render_to_string(
            "inspections/_review_inspections.html",
            {"inspections": Inspection.objects.for_review(review)},
        )
    rows = select(html, "tbody tr")
    assert len(rows) == count
    judged = next(row for row in rows if "Housing re-inspection" in text(row))
    assert "Fair (1 star); prospects promising Report of 20 February 2004" in text(judged)
    assert len(select(html, ".bv-offer-marker")) == count - 1


# ---------------------------------------------------------------------------------------------
# Creating and changing.


def test_best_value_officer_adds_an_inspection(client, bv_officer):
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:inspection-create"),
        {
            "title": "SSI Children",
            "programme_year": "2004/05",
            "kind": "service",
            "status": "proposed",
            "timing": "2005",
            "version": "1",
        },
    )
    inspection = Inspection.objects.get(title="SSI Children")
    assert response.url == inspection.get_absolute_url()
    assert (str(inspection.timing), inspection.programme_year) == ("2005", 2004)
    assert inspection.history.get().history_user == bv_officer


def test_unknown_period_spelling_is_shown_beside_the_field_and_in_the_summary(client, bv_officer):
    inspection = InspectionFactory()
    client.force_login(bv_officer)
    url = reverse("inspections:inspection-update", args=[inspection.pk])
    response = client.post(url, inspection_post(inspection, timing="Tuesday 2004"))
    assert response.status_code == 200
    summary = text(select(response.text, ".govuk-error-summary")[0])
    beside = text(select(response.text, "#div_id_timing .govuk-error-message")[0])
    assert '"Tuesday" is not a month or season' in summary
    assert '"Tuesday" is not a month or season' in beside


def test_second_officer_saving_the_same_inspection_gets_a_conflict_not_an_overwrite(
    client, bv_officer, administrator
):
    inspection = InspectionFactory(title="Planning")
    stale = inspection_post(inspection, title="Planning (their version)")
    client.force_login(administrator)
    client.post(
        reverse("inspections:inspection-update", args=[inspection.pk]),
        inspection_post(inspection, title="Planning (first)"),
    )
    client.force_login(bv_officer)
    response = client.post(reverse("inspections:inspection-update", args=[inspection.pk]), stale)
    assert response.status_code == 200
    assert "changed this record on" in response.text
    assert "Title: Planning → Planning (first)" in response.text
    inspection.refresh_from_db()
    assert inspection.title == "Planning (first)"


def test_status_of_a_judged_inspection_cannot_be_changed_away_from_complete(client, bv_officer):
    inspection = InspectionFactory(
        status=Inspection.Status.COMPLETE, score=2, report_date=date(2004, 2, 20)
    )
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:inspection-update", args=[inspection.pk]),
        inspection_post(inspection, status="confirmed"),
    )
    assert response.status_code == 200
    assert "its status must stay “Complete”" in text(
        select(response.text, "#div_id_status .govuk-error-message")[0]
    )


# ---------------------------------------------------------------------------------------------
# Recording the judgement.


def test_best_value_officer_records_a_judgement_with_three_recommendations(client, bv_officer):
    inspection = InspectionFactory(status=Inspection.Status.REPORT_AWAITED, timing="December 2003")
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:inspection-record-judgement", args=[inspection.pk]),
        judgement_post(inspection, "Publish standards", "Survey the stock", "Collect the rent"),
    )
    assert response.url == inspection.get_absolute_url()
    inspection.refresh_from_db()
    assert inspection.status == Inspection.Status.COMPLETE
    assert inspection.recommendations.count() == 3
    assert inspection.history.first().history_user == bv_officer


def test_judgement_saved_after_someone_elses_change_is_a_conflict_and_saves_nothing(
    client, bv_officer, administrator
):
    inspection = InspectionFactory(title="Planning", timing="Summer 2003")
    stale = judgement_post(inspection, "Lost recommendation")
    client.force_login(administrator)
    client.post(
        reverse("inspections:inspection-update", args=[inspection.pk]),
        inspection_post(inspection, title="Planning (renamed)", timing="Summer 2003"),
    )
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:inspection-record-judgement", args=[inspection.pk]), stale
    )
    assert response.status_code == 200
    summary = text(select(response.text, ".govuk-error-summary")[0])
    assert "Title: Planning → Planning (renamed)" in summary
    assert "Lost recommendation" in response.text  # kept for saving again
    inspection.refresh_from_db()
    assert (inspection.score, inspection.status) == (None, Inspection.Status.CONFIRMED)
    assert not inspection.recommendations.exists()


def test_add_another_recommendation_keeps_the_typing_and_saves_nothing(client, bv_officer):
    inspection = InspectionFactory(timing="December 2003")
    client.force_login(bv_officer)
    data = judgement_post(inspection, "Publish standards", score="") | {"add_recommendation": "1"}
    response = client.post(
        reverse("inspections:inspection-record-judgement", args=[inspection.pk]), data
    )
    assert response.status_code == 200
    assert not select(response.text, ".govuk-error-summary, .govuk-error-message")
    assert text(select(response.text, "title")[0]).startswith("Record the judgement")
    assert select(response.text, "#id_report_date_0")[0].get("value") == "20"
    assert select(response.text, "input[name=prospects][checked]")[0].get("value") == "promising"
    assert select(response.text, "input[name=version]")[0].get("value") == "1"
    rows = select(response.text, "fieldset.bv-recommendation")
    assert [text(row.find(".//{*}legend")) for row in rows] == [
        "Recommendation 1",
        "Recommendation 2",
    ]
    assert "Publish standards" in text(rows[0])
    assert select(response.text, "#id_recommendations-1-number")[0].get("value") == "2"
    inspection.refresh_from_db()
    assert inspection.score is None


def test_judgement_with_a_score_outside_0_to_3_is_refused_with_a_message(client, bv_officer):
    inspection = InspectionFactory(timing="December 2003")
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:inspection-record-judgement", args=[inspection.pk]),
        judgement_post(inspection, "One", score="5"),
    )
    assert response.status_code == 200
    assert "Select a service score from 0 to 3 stars" in text(
        select(response.text, ".govuk-error-summary")[0]
    )
    assert response.context["form"].errors["score"]
    inspection.refresh_from_db()
    assert inspection.score is None and not inspection.recommendations.exists()


@pytest.mark.parametrize(
    ("status", "timing", "message"),
    [
        ("proposed", "December 2003", "This inspection is proposed, so it has not happened yet."),
        ("offered", "", "This inspection is offered, so it has not happened yet."),
        ("cancelled", "", "This inspection was cancelled, so it has no judgement to record."),
        ("confirmed", "2099", "This inspection is planned for 2099, so it has not happened yet."),
    ],
)
def test_judgement_on_an_inspection_that_has_not_happened_is_refused(
    client, bv_officer, status, timing, message
):
    inspection = InspectionFactory(status=status, **({"timing": timing} if timing else {}))
    client.force_login(bv_officer)
    url = reverse("inspections:inspection-record-judgement", args=[inspection.pk])
    page = client.get(url)
    assert message in text(select(page.text, ".govuk-warning-text")[0])
    assert not select(page.text, "form[method=post] #id_score")
    response = client.post(url, judgement_post(inspection, "Too soon"))
    assert response.status_code == 200
    assert message in response.text
    inspection.refresh_from_db()
    assert (inspection.status, inspection.score) == (status, None)
    assert not inspection.recommendations.exists()


@pytest.mark.parametrize("count", [3, 30])
def test_judgement_page_queries_do_not_grow_with_recommendations(
    client, bv_officer, django_assert_max_num_queries, count
):
    inspection = InspectionFactory(status=Inspection.Status.COMPLETE)
    for number in range(1, count + 1):
        InspectionRecommendationFactory(inspection=inspection, number=number)
    client.force_login(bv_officer)
    with django_assert_max_num_queries(9):
        response = client.get(
            reverse("inspections:inspection-record-judgement", args=[inspection.pk])
        )
    rows = select(response.text, "fieldset.bv-recommendation")
    assert len(rows) == count + 1
    removable = [row for row in rows if "Remove this recommendation" in text(row)]
    assert len(removable) == count  # every recorded one, not the blank row


# ---------------------------------------------------------------------------------------------
# Documents.


def test_officer_uploads_a_report_and_members_download_it(client, bv_officer, member):
    inspection = InspectionFactory()
    client.force_login(bv_officer)
    client.post(
        reverse("inspections:document-create", args=[inspection.pk]),
        {"title": "Final report", "kind": "report", "file": SimpleUploadedFile("r.pdf", PDF)},
    )
    document = inspection.documents.get()
    assert (document.content_type, document.size, document.uploaded_by) == (
        "application/pdf",
        len(PDF),
        bv_officer,
    )
    client.force_login(member)
    response = client.get(document.get_absolute_url())
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_long_file_name_of_several_bytes_a_character_uploads_and_keeps_its_name(
    client, bv_officer, member
):
    name = "文" * 90 + ".pdf"  # 270 bytes in UTF-8: over the filesystem's 255 as a file name
    inspection = InspectionFactory()
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:document-create", args=[inspection.pk]),
        {"title": "Final report", "kind": "report", "file": SimpleUploadedFile(name, PDF)},
    )
    assert response.status_code == 302
    document = inspection.documents.get()
    assert document.filename == name
    client.force_login(member)
    response = client.get(document.get_absolute_url())
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(name)}"
    assert b"".join(response.streaming_content) == PDF


def test_upload_that_is_not_a_document_is_refused_beside_the_field(client, bv_officer):
    inspection = InspectionFactory()
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:document-create", args=[inspection.pk]),
        {"title": "Report", "kind": "report", "file": SimpleUploadedFile("r.pdf", b"MZ\x90")},
    )
    assert response.status_code == 200
    assert "is called .pdf but is not a real PDF" in text(
        select(response.text, "#div_id_file .govuk-error-message")[0]
    )
    assert not inspection.documents.exists()


def test_download_of_a_document_whose_file_is_gone_is_not_found(client, member):
    inspection = InspectionFactory()
    document = InspectionDocument.objects.create(
        inspection=inspection,
        title="Gone",
        file="inspections/gone.pdf",
        content_type="application/pdf",
        size=10,
    )
    client.force_login(member)
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_report_date_too_large_for_a_date_gets_a_message(client, bv_officer):
    inspection = InspectionFactory(status=Inspection.Status.REPORT_AWAITED, timing="December 2003")
    client.force_login(bv_officer)
    response = client.post(
        reverse("inspections:inspection-record-judgement", args=[inspection.pk]),
        judgement_post(inspection) | {"report_date_2": "2147483648"},
    )
    assert response.status_code == 200
    assert "The date of the report must be a real date" in response.text
