"""A create form saves once, however often the same page is sent (core/submissions.py)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import get_resolver, reverse
from django.views.generic import CreateView

from core.models import FormSubmission
from core.submissions import OneTimeSubmitMixin
from reviews.models import ProgressUpdate, Review
from tests.factories import ReviewFactory
from tests.forms import submitted


def progress_page(client, review):
    response = client.get(reverse("reviews:progress-create", args=[review.pk]))
    assert response.status_code == 200
    data = submitted(response.context["form"])
    data["text"] = "Consultation with tenants finished"
    return data


@pytest.mark.django_db
def test_the_same_page_sent_twice_saves_once_and_says_so(client, bv_officer):
    review = ReviewFactory()
    client.force_login(bv_officer)
    data = progress_page(client, review)
    url = reverse("reviews:progress-create", args=[review.pk])
    first = client.post(url, data)
    second = client.post(url, data, follow=True)
    assert first.status_code == 302
    assert second.redirect_chain[0][0] == first["Location"]
    assert "sent more than once" in second.content.decode()
    assert ProgressUpdate.objects.filter(review=review).count() == 1


@pytest.mark.django_db
def test_a_page_sent_back_with_errors_keeps_its_token_for_the_corrected_send(client, bv_officer):
    review = ReviewFactory()
    client.force_login(bv_officer)
    data = progress_page(client, review)
    url = reverse("reviews:progress-create", args=[review.pk])
    refused = client.post(url, {**data, "text": ""})
    assert refused.status_code == 200
    assert not FormSubmission.objects.exists()
    assert client.post(url, data).status_code == 302
    assert ProgressUpdate.objects.filter(review=review).count() == 1


@pytest.mark.django_db
def test_two_pages_opened_separately_save_two_records(client, bv_officer):
    review = ReviewFactory()
    client.force_login(bv_officer)
    url = reverse("reviews:progress-create", args=[review.pk])
    client.post(url, progress_page(client, review))
    client.post(url, progress_page(client, review))
    assert ProgressUpdate.objects.filter(review=review).count() == 2


@pytest.mark.django_db(transaction=True)
def test_eight_parallel_posts_of_one_page_save_one_row(bv_officer):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    review = ReviewFactory()
    client = Client()
    client.force_login(bv_officer)
    data = progress_page(client, review)
    url = reverse("reviews:progress-create", args=[review.pk])
    start = threading.Barrier(8)
    statuses = []

    def post():
        officer = Client()
        officer.force_login(bv_officer)
        start.wait()
        try:
            statuses.append(officer.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 8
    assert ProgressUpdate.objects.filter(review=review).count() == 1
    assert Review.objects.filter(pk=review.pk).exists()


def every_view_class(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from every_view_class(pattern.url_patterns)
        elif hasattr(pattern.callback, "view_class"):
            yield pattern.callback.view_class


def test_every_create_page_is_guarded():
    views = set(every_view_class(get_resolver().url_patterns))
    creates = {view for view in views if issubclass(view, CreateView)}
    assert len(creates) >= 10
    assert [view for view in creates if not issubclass(view, OneTimeSubmitMixin)] == []
