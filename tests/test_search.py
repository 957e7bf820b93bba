import pytest
from django.urls import reverse

from core import search
from reviews.models import Review
from tests.factories import DirectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviews():
    director = DirectorFactory()
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


def kinds_and_titles(groups):
    return {source.kind: [str(row) for row in rows] for source, rows, _ in groups}


def test_finds_reviews_by_words_in_their_scope(reviews, member):
    assert kinds_and_titles(search.search("grants", member))["Reviews"] == [
        "Housing Strategy & Private Sector"
    ]


def test_every_word_must_match(reviews, member):
    assert kinds_and_titles(search.search("leisure trust", member))["Reviews"] == [
        "Sports and Leisure"
    ]
    assert search.search("leisure highways", member) == []


def test_an_empty_search_finds_nothing(reviews, member):
    assert search.search("   ", member) == []


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
