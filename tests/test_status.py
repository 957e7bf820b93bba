"""The one mapping of status to tag colour (core/status.py) and the tag it colours."""

import pytest
from django.template import Context, Template

from committees.models import BoardRequest, Meeting
from core.charts import COLOURS
from core.status import STATUS_COLOURS
from improvement_plans.models import RAG
from inspections.models import Inspection
from reports.models import CommitteeReport
from reviews.models import Stage

SHOWN_AS_TAGS = [
    Stage,
    Inspection.Status,
    Meeting.Status,
    BoardRequest.Status,
    CommitteeReport.Status,
    RAG,
]
DERIVED = {"outstanding"}  # BoardRequest.shown_status


@pytest.mark.parametrize("choices", SHOWN_AS_TAGS, ids=lambda choices: choices.__qualname__)
def test_every_status_shown_as_a_tag_has_its_colour(choices):
    assert set(choices.values) <= set(STATUS_COLOURS)


def test_every_colour_is_for_a_status_and_one_that_tags_and_charts_have():
    statuses = {value for choices in SHOWN_AS_TAGS for value in choices.values} | DERIVED
    assert set(STATUS_COLOURS) == statuses
    assert set(STATUS_COLOURS.values()) <= set(COLOURS)


def render(source, **context):
    return Template("{% load bestvalue %}" + source).render(Context(context))


def test_a_status_tag_says_its_label_in_the_status_colour():
    html = render("{% status_tag 'cancelled' 'Cancelled' %}")
    assert html == '<strong class="govuk-tag govuk-tag--red">Cancelled</strong>\n'


def test_a_counted_status_tag_keeps_to_one_line():
    html = render("{% status_tag 'amber' 'Amber' 2 %}")
    assert html == '<strong class="govuk-tag govuk-tag--orange bv-nowrap">2 Amber</strong>\n'
