"""Panels through which an app shows its records on a page of an app below it: the review
page shows inspections, plans, minutes and reports; the meeting page shows its agenda.

The page's app does not import the apps above it; each of those registers its panels from
its AppConfig.ready().
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

REVIEW = "review"
MEETING = "meeting"


@dataclass(frozen=True)
class Panel:
    order: int  # place on the page, smallest first
    template: str
    context: Callable  # (the page's record, user) -> template context


PANELS: dict[str, list[Panel]] = defaultdict(list)


def register(page, panel):
    PANELS[page].append(panel)
    PANELS[page].sort(key=lambda p: p.order)


def render(page, record, user):
    # Without the request: the panels need no context processors, which would each run again.
    return [render_to_string(p.template, p.context(record, user)) for p in PANELS[page]]
