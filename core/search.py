"""Search across the programme: reviews, inspections, actions, minutes and reports.

Each app registers what it offers (`register(Source(...))` in its AppConfig.ready), including
which rows a user may see, so exempt (Part 2) material never reaches a user without access.
PostgreSQL ranks with full-text search; other databases fall back to matching every word.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q


@dataclass
class Source:
    kind: str  # the group heading, e.g. "Reviews"
    visible_to: Callable  # user -> QuerySet of the rows that user may find
    fields: list[str]
    summary: Callable = str  # row -> one line under the title


SOURCES: list[Source] = []


def register(source):
    if all(existing.kind != source.kind for existing in SOURCES):
        SOURCES.append(source)


def _matches(queryset, fields, text):
    if connection.vendor == "postgresql":
        vector = SearchVector(*fields, config="english")
        query = SearchQuery(text, search_type="websearch", config="english")
        return (
            queryset.annotate(search_document=vector)
            .filter(search_document=query)
            .annotate(search_rank=SearchRank(vector, query))
            .order_by("-search_rank")
        )
    words = text.split()
    per_word = [reduce(or_, (Q(**{f"{f}__icontains": word}) for f in fields)) for word in words]
    return queryset.filter(reduce(and_, per_word))


def search(text, user, per_kind=20):
    """[(kind, rows, more)] for every source with a match, in registration order."""
    text = (text or "").strip()
    if not text:
        return []
    groups = []
    for source in SOURCES:
        rows = list(_matches(source.visible_to(user), source.fields, text)[: per_kind + 1])
        if rows:
            groups.append((source, rows[:per_kind], len(rows) > per_kind))
    return groups
