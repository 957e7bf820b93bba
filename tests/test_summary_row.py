"""The one summary list row ({% summary_row %}) every record page uses."""

from django.template import Context, Template


def render(source, **context):
    return Template("{% load bestvalue %}" + source).render(Context(context))


def test_the_block_is_the_value_and_an_empty_one_is_not_recorded():
    html = render(
        "{% summary_row 'Venue' %}<a href='/x'>{{ venue }}</a>{% endsummary_row %}", venue="<Hall>"
    )
    assert '<dt class="govuk-summary-list__key">Venue</dt>' in html
    assert "<a href='/x'>&lt;Hall&gt;</a>" in html
    assert "Not recorded" in render("{% summary_row 'Venue' %} {{ venue }} {% endsummary_row %}")


def test_a_row_links_only_in_a_list_with_actions():
    source = (
        "{% summary_row 'Lead director' actions=can_edit action_url='/edit/' anchor='id_lead' %}"
        "Wes{% endsummary_row %}"
    )
    editor = render(source, can_edit=True)
    assert (
        'href="/edit/#id_lead">Change<span class="govuk-visually-hidden"> lead director</span>'
        in editor
    )
    assert "--no-actions" not in editor
    assert "href" not in render(source, can_edit=False)


def test_a_row_without_a_link_lines_up_with_those_that_have_one():
    html = render("{% summary_row 'Period' actions=True %}2004{% endsummary_row %}")
    assert "govuk-summary-list__row--no-actions" in html
    assert "govuk-summary-list__actions" not in html


def test_a_link_can_say_something_other_than_change():
    html = render(
        "{% summary_row 'Stage' actions=True action_url='/status/' action='Update status' "
        "action_hidden='of the review' %}Scoping{% endsummary_row %}"
    )
    assert 'Update status<span class="govuk-visually-hidden"> of the review</span>' in html
