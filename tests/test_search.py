"""Search (core/search.py): words, names and related rows; counts and snippets; visibility.

Most tests run twice: with PostgreSQL's full-text search, and with the fallback every other
database uses (SQLite, for `make run`), which `matching` forces on PostgreSQL too.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from core import search
from organisation import roles
from reviews.models import Review
from tests.factories import (
    ActionFactory,
    BoardRequestFactory,
    CommitteeReportFactory,
    DeferralFactory,
    DirectorFactory,
    PersonFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["full text", "every word"])
def matching(request, monkeypatch):
    if request.param == "full text" and not search.uses_full_text():
        pytest.skip("full-text search and trigram similarity need PostgreSQL")
    if request.param == "every word":
        monkeypatch.setattr(search, "uses_full_text", lambda: False)
    return request.param


@pytest.fixture
def full_text():
    if not search.uses_full_text():
        pytest.skip("full-text search and trigram similarity need PostgreSQL")


@pytest.fixture
def director():
    # Every person a test makes is named: a random surname could be like the one searched for.
    return DirectorFactory(full_name="Bruce Jassi")


@pytest.fixture
def reviews(director):
    return [
        Review.objects.create(
            title=title, scope=scope, programme_year=2003, responsible_director=director
        )
        for title, scope in [
            ("Engineering & Transportation", "Highways, traffic management and parking"),
            ("Housing Strategy & Private Sector", "Renovation grants and loans"),
            ("Sports and Leisure", "Leisure centres and a possible Leisure Trust"),
        ]
    ]


@pytest.fixture
def officer_work(director):
    """Martin Smith leads a review and an action, is on another review's team, and is asked
    for a report by the board; Wes Cuell leads a third review."""
    smith = PersonFactory(full_name="Martin Smith")
    cuell = PersonFactory(full_name="Wes Cuell")
    led = ReviewFactory(title="Procurement", lead_officer=smith, responsible_director=director)
    on_team = ReviewFactory(
        title="Bereavement Services", team=[smith, cuell], responsible_director=director
    )
    other = ReviewFactory(title="Youth Service", lead_officer=cuell, responsible_director=director)
    action = ActionFactory(
        description="Benchmark procurement costs",
        lead_officer=smith,
        key_issue__plan__review=other,
    )
    request = BoardRequestFactory(asked_for="A report on the invest-to-save bid", asked_of=smith)
    return {"led": led, "on_team": on_team, "other": other, "action": action, "request": request}


def found(groups):
    return {group.source.kind: [str(result.record) for result in group.results] for group in groups}


def test_finds_reviews_by_words_in_their_scope(matching, reviews, member):
    assert found(search.search("grants", member))["Reviews"] == [
        "Housing Strategy & Private Sector"
    ]


def test_every_word_must_match(matching, reviews, member):
    assert found(search.search("leisure trust", member))["Reviews"] == ["Sports and Leisure"]
    assert search.search("leisure highways", member) == []


def test_an_empty_search_finds_nothing(reviews, member):
    assert search.search("   ", member) == []


def test_a_lead_officers_name_finds_their_reviews_and_actions(matching, officer_work, member):
    groups = found(search.search("Martin Smith", member))
    assert sorted(groups["Reviews"]) == ["Bereavement Services", "Procurement"]
    assert groups["Improvement plan actions"] == [str(officer_work["action"])]
    assert groups["Board requests"] == [str(officer_work["request"])]
    assert sorted(found(search.search("Wes Cuell", member))["Reviews"]) == [
        "Bereavement Services",
        "Youth Service",
    ]


def test_a_misspelt_surname_still_finds_the_persons_work(full_text, officer_work, member):
    groups = found(search.search("Smyth", member))
    assert sorted(groups["Reviews"]) == ["Bereavement Services", "Procurement"]
    assert groups["Improvement plan actions"] == [str(officer_work["action"])]
    assert groups["Board requests"] == [str(officer_work["request"])]


def test_a_word_unlike_any_name_finds_no_one(full_text, officer_work, member):
    assert search.search("Zebedee", member) == []


@pytest.mark.parametrize("words", ["recruitment", "deferred", "Recruitment difficulties"])
def test_deferral_reasons_and_progress_updates_find_the_review_once(
    matching, director, member, words
):
    review = ReviewFactory(title="Engineering & Transportation", responsible_director=director)
    DeferralFactory(review=review, reason="Recruitment difficulties")
    DeferralFactory(review=review, reason="Recruitment difficulties, again")
    ProgressUpdateFactory(
        review=review, text="Completion has been deferred due to recruitment difficulties."
    )
    ProgressUpdateFactory(review=review, text="The recruitment position is reported in April.")
    ReviewFactory(title="Youth Service", responsible_director=director)
    groups = search.search(words, member)
    assert found(groups) == {"Reviews": ["Engineering & Transportation"]}
    assert groups[0].count == 1


def test_a_recommendation_finds_its_review(matching, director, member):
    RecommendationFactory(
        review=ReviewFactory(title="Community Development", responsible_director=director),
        text="A Borough wide service directory.",
    )
    assert found(search.search("directory", member)) == {"Reviews": ["Community Development"]}


def test_the_page_counts_results_in_total_and_per_group(matching, client, director, member):
    for number in range(3):
        ReviewFactory(title=f"Leisure review {number}", responsible_director=director)
    ActionFactory(
        description="Leisure Trust feasibility",
        key_issue__plan__review__responsible_director=director,
    )
    client.force_login(member)
    page = client.get(reverse("search"), {"q": "leisure"}).text
    assert "4 results for ‘leisure’" in page
    assert "Reviews <span" in page and "(3)</span>" in page
    assert "(1)</span>" in page


def test_only_the_first_results_are_listed_with_the_count_of_all(matching, director, member):
    for number in range(4):
        ReviewFactory(title=f"Leisure review {number}", responsible_director=director)
    [group] = search.search("leisure", member, per_kind=3)
    assert (len(group.results), group.count, group.more) == (3, 4, True)


def test_the_snippet_marks_the_matching_words(matching, client, director, member):
    review = ReviewFactory(title="Engineering & Transportation", responsible_director=director)
    ProgressUpdateFactory(
        review=review,
        text="Completion of the review has been deferred for six months due to recruitment "
        "difficulties. Scrutiny Panel to receive an update in April.",
    )
    client.force_login(member)
    page = client.get(reverse("search"), {"q": "recruitment"}).text
    assert "<mark>recruitment</mark> difficulties" in page
    assert "1 result for ‘recruitment’" in page


def test_a_snippet_escapes_what_it_shows(matching, client, director, member):
    ReviewFactory(
        title="Engineering & Transportation",
        scope='<script>alert("recruitment")</script> & <b>recruitment</b> plans',
        responsible_director=director,
    )
    client.force_login(member)
    page = client.get(reverse("search"), {"q": "recruitment"}).text
    snippet = page.split('class="govuk-body-s bv-snippet">')[1].split("</span>")[0]
    # ts_headline leaves HTML tags out of its text; the fallback shows them, escaped.
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<mark>recruitment</mark>" in snippet and "&amp;" in snippet


def test_the_fallback_snippet_is_cut_round_the_first_match_and_marks_every_one():
    document = "Title\n" + "word " * 60 + "the Recruitment position\n\nrecruitment & <i>"
    html = search.snippet(document, ["recruitment"], size=60)
    assert html.startswith("… ") and "word word" in html
    assert "the <mark>Recruitment</mark> position · <mark>recruitment</mark> &amp; &lt;i&gt;" in (
        html
    )
    assert search.snippet("Short text", ["absent"]) == "Short text"


def test_a_headline_is_escaped_and_only_its_matches_marked():
    headline = f"a <b>&</b> {search.START}Recruitment{search.STOP}\nb"
    assert search.marked(headline) == "a &lt;b&gt;&amp;&lt;/b&gt; <mark>Recruitment</mark> · b"


@pytest.mark.parametrize("role", [roles.MEMBER, roles.REVIEW_OFFICER])
def test_part_2_reports_are_not_found_without_exempt_access(matching, make_user, role):
    contact = PersonFactory(full_name="Martin Smith")
    CommitteeReportFactory(
        subject="Leisure Trust redundancy costs",
        part=2,
        exempt_paragraph=3,
        contact_officer=contact,
        review__responsible_director=contact,
    )
    user = make_user(role)
    for words in ["Leisure Trust redundancy", "Martin Smith"]:
        assert "Committee reports" not in found(search.search(words, user))
    exempt = make_user(roles.MEMBER_EXEMPT)
    assert found(search.search("Leisure Trust redundancy", exempt))["Committee reports"] == [
        "Leisure Trust redundancy costs"
    ]


def test_a_report_is_found_by_its_reference(matching, member):
    CommitteeReportFactory(subject="Leisure Trust progress", reference="BVC 40/05")
    assert found(search.search("BVC 40/05", member))["Committee reports"] == [
        "Leisure Trust progress"
    ]


def test_someone_without_a_role_finds_nothing(matching, reviews):
    assert search.search("grants", UserFactory()) == []


def test_the_demo_finds_the_review_deferred_for_recruitment_and_its_officers_work(matching, member):
    call_command("load_demo")
    for words in ["recruitment", "deferred"]:
        assert "Engineering & Transportation" in found(search.search(words, member))["Reviews"]
    groups = found(search.search("Wes Cuell", member))
    assert "Engineering & Transportation" in groups["Reviews"]
    assert groups["Improvement plan actions"]


def test_search_page_says_when_nothing_matches(client, member):
    client.force_login(member)
    response = client.get(reverse("search"), {"q": "zebra crossings"})
    assert response.status_code == 200
    assert "Nothing matches “zebra crossings”" in response.text


def test_a_search_with_a_null_character_asks_for_it_to_be_removed(client, member):
    client.force_login(member)
    response = client.get(reverse("search"), {"q": "leisure\x00trust"})
    assert response.status_code == 200
    html = response.text
    assert "govuk-error-summary" in html
    assert 'href="#search-q"' in html
    assert "Remove the hidden null character from the text" in html


def test_a_search_over_200_characters_is_refused_with_a_message(client, member):
    client.force_login(member)
    response = client.get(reverse("search"), {"q": "leisure " * 1000})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "Search for 200 characters or fewer" in response.text


def make_council(size, director):
    """`size` of everything search reads: reviews with their related rows, actions, board
    requests, minutes and reports, all mentioning leisure."""
    for number in range(size):
        review = ReviewFactory(
            title=f"Leisure review {number}",
            responsible_director=director,
            lead_officer=director,
            team=[director],
        )
        DeferralFactory(review=review, reason="Leisure recruitment")
        ProgressUpdateFactory(review=review, text="Leisure progress")
        RecommendationFactory(review=review, text="Leisure recommendation")
        ActionFactory(description="Leisure action", key_issue__plan__review=review)
        BoardRequestFactory(asked_for="Leisure request", asked_of=director)
        CommitteeReportFactory(subject="Leisure report", review=review, contact_officer=director)


@pytest.mark.parametrize("size", [2, 12])
def test_search_makes_one_query_a_source_at_any_size(
    matching, client, director, member, size, django_assert_max_num_queries
):
    make_council(size, director)
    client.force_login(member)
    # The session, the user, their permissions (two) and their role (for the navigation).
    with django_assert_max_num_queries(len(search.SOURCES) + 5):
        page = client.get(reverse("search"), {"q": "leisure"}).text
    # Reviews, actions, board requests and reports.
    assert f"{4 * size} results for ‘leisure’" in page


@pytest.mark.parametrize("words", ['"', "-", "!", "'", "a:*", "(", "& |", "\x02", "<mark>"])
def test_any_words_are_searched_without_an_error(matching, client, reviews, member, words):
    client.force_login(member)
    assert client.get(reverse("search"), {"q": words}).status_code == 200
