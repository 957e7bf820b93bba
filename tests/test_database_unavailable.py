"""While the database is away, pages say so (503) instead of failing with a server error."""

import pytest
from django.db import OperationalError, connection

from reviews import views


@pytest.mark.django_db
def test_a_page_answers_503_with_a_plain_message_while_the_database_is_away(
    client, member, monkeypatch
):
    client.force_login(member)

    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    response = client.get("/reviews/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Try again in a minute" in response.text
    monkeypatch.undo()
    assert client.get("/reviews/").status_code == 200


@pytest.mark.django_db
def test_a_view_that_loses_the_database_part_way_answers_503(client, member, monkeypatch):
    client.force_login(member)

    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views.ProgrammeView, "get_queryset", lost)
    response = client.get("/reviews/")
    assert response.status_code == 503
    assert "Try again in a minute" in response.text
