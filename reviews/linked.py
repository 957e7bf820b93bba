"""Records of other apps linked to a review — its inspections, improvement plans and
minutes — shown on the review page.

Reviews is the app the others build on, so it does not import them; each registers a panel
in its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    order: int  # place on the review page, smallest first
    template: str
    context: Callable  # (review, user) -> template context


PANELS: list[Panel] = []


def register(panel):
    PANELS.append(panel)
    PANELS.sort(key=lambda p: p.order)


def render_panels(review, user):
    # Without the request: the panels need no context processors, which would each run again.
    return [render_to_string(p.template, p.context(review, user)) for p in PANELS]
