"""The one pagination component every list uses."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def render(number, **context):
    page = Paginator(range(300), 10).page(number)
    request = RequestFactory().get("/reviews/", {"year": "2003/04", "page": number})
    return render_to_string(
        "components/pagination.html", {"page_obj": page, **context}, request=request
    )


def test_links_keep_the_filters_and_elide_distant_pages():
    html = render(15)
    assert 'href="?year=2003%2F04&amp;page=14" rel="prev"' in html
    assert 'href="?year=2003%2F04&amp;page=16" rel="next"' in html
    assert 'aria-label="Page 15" aria-current="page"' in html
    assert 'aria-label="Page 30"' in html and 'aria-label="Page 20"' not in html
    assert "&ctdot;" in html


def test_a_second_list_on_a_page_is_named_and_a_single_page_shows_nothing():
    assert 'aria-label="Past meetings"' in render(1, label="Past meetings")
    one_page = Paginator(range(5), 10).page(1)
    assert render_to_string("components/pagination.html", {"page_obj": one_page}).strip() == ""
