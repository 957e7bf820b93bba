"""The parts of committee reports that come from reviews (assembled by committees)."""

import re
from itertools import groupby

from django.db.models import Prefetch

from core.periods import FinancialYear
from core.report_layout import Section, Table
from reviews.models import ProgressUpdate, Review


def _newest_progress():
    return Prefetch(
        "progress_updates",
        queryset=ProgressUpdate.objects.order_by("-date", "-created_at"),
        to_attr="progress_newest_first",
    )


def progress_table(reviews=None):
    """Seed 000 section 5: every live review and its newest progress update."""
    reviews = (reviews or Review.objects.live()).prefetch_related(_newest_progress())
    rows = [
        [
            review.title,
            review.progress_newest_first[0].text
            if review.progress_newest_first
            else f"{review.get_stage_display()}. No progress has been reported yet.",
        ]
        for review in reviews.order_by("title")
    ]
    return Table(["Review", "Progress"], rows)


def programme_entry(review, year: FinancialYear):
    """A review as the programme table prints it: title, timing or carry-over note, director."""
    if review.programme_year < year.start_year:
        note = f"(Continued from {FinancialYear(review.programme_year)})"
    elif review.planned and review.planned.end > year.end:
        note = f"(Continues into {year.next()})"
    elif review.planned:
        note = f"({review.planned})"
    else:
        note = ""
    parts = [review.title, note, review.responsible_director.full_name]
    return "\n".join(part for part in parts if part)


def programme_columns(year: FinancialYear):
    """Seed 001 columns (1) and (2): last year's reviews still in progress, and this year's."""
    previous = year.previous()
    in_progress = Review.objects.for_programme(previous).filter(
        programme_year__lte=previous.start_year
    )
    this_year = Review.objects.for_programme(year)
    return (
        [programme_entry(review, previous) for review in in_progress.order_by("title")],
        [programme_entry(review, year) for review in this_year.order_by("title")],
    )


def recommendations_text(review):
    """Seed 003 paragraph 6: the lettered recommendations run on in one paragraph."""
    lettered = ", ".join(f"({r.letter}) {r.text}" for r in review.recommendations.all())
    return f"The key recommendations of the review were: - {lettered}" if lettered else ""


def background_papers(review):
    return [document.title for document in review.documents.filter(is_background_paper=True)]


def outcomes_section(review, number=1):
    """Seed 002 section 1: outcomes under their numbered themes, as bullet lists."""
    parts = []
    outcomes = review.outcomes.order_by("order", "pk")
    for index, (theme, items) in enumerate(groupby(outcomes, key=lambda o: o.theme), start=1):
        bullets = "\n".join(f"- {outcome.text}" for outcome in items)
        # Themes copied from a paper may carry the paper's own number ("1.2. Enabling …").
        theme = re.sub(r"^[\d.]+\s+", "", theme)
        parts.append(f"### {number}.{index} {theme}\n\n{bullets}")
    return Section("Additional potential outcomes", "\n\n".join(parts))
