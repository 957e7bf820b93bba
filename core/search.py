"""Search across the programme: reviews, inspections, actions, minutes, requests and reports.

Each app registers what it offers from its `contributions.py` (`register(Model, "Kind",
text=[…], names=[…])`). A source is searched as one document per record: its columns, its
people's names and the text of its related rows (a review's deferrals, progress updates and
recommendations), so a record is found through any of them and listed once. Only the rows
`visible_to(user)` are searched, so exempt (Part 2) material never reaches a user without
access.

PostgreSQL matches the words with full-text search (websearch syntax, English stemming),
ranks, and marks the matches in a snippet with `ts_headline`; names also match when
misspelt, by trigram similarity to their words (pg_trgm, core migration 0002). Other
databases (SQLite for `make run`) fall back to matching every word anywhere in the document,
with a snippet cut around the first match.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramStrictWordSimilarity,
)
from django.db import connection, models
from django.db.models import (
    Aggregate,
    Case,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Coalesce
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe

CONFIG = "english"
# pg_trgm's own default threshold. Strict word similarity compares the search with whole
# words of the names: "Smyth" is 0.33 like "Martin Smith", "leisure" 0.27 like "Leigh".
NAME_SIMILARITY = 0.3
# Between columns and related rows in a document; a snippet shows each on its own as " · ".
SEPARATOR = "\n"
# What ts_headline puts round a match: characters no one types, so that the headline can be
# escaped whole and only these become <mark> tags.
START, STOP = "\x02", "\x03"
SNIPPET_CHARACTERS = 160  # the SQLite fallback's snippet, about what ts_headline shows


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    kind: str  # the group heading, e.g. "Reviews"
    text: tuple[str, ...]  # columns searched; through "__", those of related rows too
    names: tuple[str, ...] = ()  # people's names, found also when misspelt (PostgreSQL)
    related: tuple[str, ...] = ()  # what the summary and the link read, fetched with the row
    summary: Callable = str  # row -> one line under its title

    def rows(self, user):
        """What `user` may find: nothing without the view permission, as on the record's own
        page, and otherwise the records `visible_to` them."""
        options = self.model._meta
        if not user.has_perm(f"{options.app_label}.view_{options.model_name}"):
            return self.model._default_manager.none()
        return self.model._default_manager.visible_to(user).select_related(*self.related)

    def document(self, paths):
        """The text of `paths` for each row, as one value."""
        return _Lines(*(_text(self.model, path) for path in paths))


@dataclass(frozen=True)
class Result:
    record: models.Model
    summary: str
    snippet: SafeString  # the matching words in context, marked


@dataclass(frozen=True)
class Group:
    source: Source
    results: list[Result]
    count: int  # every match, of which `results` are the first

    @property
    def more(self):
        return self.count > len(self.results)


SOURCES: list[Source] = []


def register(model, kind, *, text, names=(), related=(), summary=str):
    if all(existing.kind != kind for existing in SOURCES):
        SOURCES.append(Source(model, kind, tuple(text), tuple(names), tuple(related), summary))


def uses_full_text():
    return connection.vendor == "postgresql"


def search(text, user, per_kind=20):
    """[Group] for every source with a match, in registration order: one query each."""
    text = (text or "").strip()
    if not text:
        return []
    find = full_text if uses_full_text() else every_word
    groups = []
    for source in SOURCES:
        matches, snippet_of = find(source, source.rows(user), text)
        # The count of every match comes with the first rows, in the same query.
        rows = list(matches.annotate(search_count=Window(models.Count("pk")))[:per_kind])
        if rows:
            results = [Result(row, source.summary(row), snippet_of(row)) for row in rows]
            groups.append(Group(source, results, rows[0].search_count))
    return groups


def full_text(source, rows, text):
    """PostgreSQL: (rows whose document matches `text` as a web search, or whose people's
    names are like it, best first; row -> its snippet)."""
    document = source.document([*source.names, *source.text])
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    vector = SearchVector(document, config=CONFIG)
    found = Q(search_vector=query)
    relevance = SearchRank(vector, query)
    if source.names:
        rows = rows.alias(
            name_similarity=TrigramStrictWordSimilarity(text, source.document(source.names))
        )
        found |= Q(name_similarity__gte=NAME_SIMILARITY)
        relevance += Case(
            When(name_similarity__gte=NAME_SIMILARITY, then=F("name_similarity")),
            default=Value(0.0),
            output_field=FloatField(),
        )
    headline = SearchHeadline(
        document,
        query,
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=25,
        min_words=10,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    rows = (
        rows.alias(search_vector=vector)
        .filter(found)
        .annotate(search_headline=headline)
        .order_by(relevance.desc(), "pk")
    )
    return rows, lambda row: marked(row.search_headline)


def every_word(source, rows, text):
    """Any database: (rows whose document holds every word of `text`, in the model's own
    order; row -> its snippet)."""
    words = text.split()
    rows = rows.annotate(search_document=source.document([*source.names, *source.text]))
    for word in words:
        rows = rows.filter(search_document__icontains=word)
    return rows, lambda row: snippet(row.search_document, words)


def marked(headline):
    """A ts_headline as HTML: the text escaped, its matches in <mark>."""
    html = escape(_one_line(headline)).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # everything but the tags was escaped


def snippet(document, words, size=SNIPPET_CHARACTERS):
    """About `size` characters of `document` around the first of `words` found, escaped,
    every match in <mark>: the fallback for ts_headline."""
    text = _one_line(document)
    longest_first = sorted(words, key=len, reverse=True)
    pattern = re.compile("(" + "|".join(map(re.escape, longest_first)) + ")", re.IGNORECASE)
    first = pattern.search(text)
    start = 0
    if first and first.start() > size // 3:
        start = text.find(" ", first.start() - size // 3) + 1
    end = text.find(" ", start + size)
    end = len(text) if end == -1 else end
    # split() with a group alternates: text, match, text, match, …
    pieces = pattern.split(text[start:end].strip(" ·"))
    html = "".join(
        format_html("<mark>{}</mark>", piece) if i % 2 else conditional_escape(piece)
        for i, piece in enumerate(pieces)
    )
    # Every piece was escaped.
    return mark_safe(("… " if start else "") + html + (" …" if end < len(text) else ""))


def _one_line(text):
    return " · ".join(line.strip() for line in (text or "").splitlines() if line.strip())


def _text(model, path):
    """A column's text; through a to-many relation, every related row's, as one value (a
    subquery, so that a record with many related rows is still one row)."""
    if not _crosses_many(model, path):
        return F(path)
    rows = model._default_manager.filter(pk=OuterRef("pk")).order_by().values("pk")
    return Subquery(rows.annotate(text=_Joined(path)).values("text"))


def _crosses_many(model, path):
    for name in path.split(LOOKUP_SEP)[:-1]:
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


class _Lines(Func):
    """Each expression's text ('' for none) on its own line. A flat `||` chain: SQLite's
    parser overflows on Concat's nested pairs once a document has a dozen parts."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = TextField()

    def __init__(self, *expressions):
        parts = []
        for expression in expressions:
            parts += [Value(SEPARATOR), Coalesce(expression, Value(""), output_field=TextField())]
        super().__init__(*parts[1:])


class _Joined(Aggregate):
    """Related rows' text in one value: string_agg, or SQLite's group_concat."""

    function = "STRING_AGG"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(expression, Value(SEPARATOR))

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)
