from crispy_forms_gds.templatetags.crispy_forms_gds import field_errors
from django import forms as django_forms
from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import times
from core.status import STATUS_COLOURS

register = template.Library()


def _form_errors(form):
    """(anchor, message) pairs for one form, in field order; non-field errors first.

    A hidden field (a record's version, say) has nowhere to show its error but here.
    """
    if not form.is_bound or not form.errors:
        return []
    visible = form.visible_fields()
    first_anchor = visible[0].auto_id if visible else "main-content"
    pairs = [(first_anchor, message) for message in form.non_field_errors()]
    for field in form.hidden_fields():
        pairs.extend((first_anchor, message) for message in field.errors)
    for field in visible:
        for anchor, messages in field_errors(field):
            pairs.extend((_input_id(field, anchor), message) for message in messages)
    return pairs


def _input_id(field, anchor):
    """Radios and checkboxes have no element with the field's id: link to the first one."""
    if anchor == field.auto_id and isinstance(
        field.field.widget, django_forms.RadioSelect | django_forms.CheckboxSelectMultiple
    ):
        return f"{anchor}_1"
    return anchor


def _errors(item):
    if isinstance(item, django_forms.BaseFormSet):
        pairs = [("main-content", message) for message in item.non_form_errors()]
        for form in item.forms:
            pairs.extend(_form_errors(form))
        return pairs
    return _form_errors(item)


@register.simple_tag
def error_list(form=None, forms=None):
    """Every error of the given form(s) and formset(s), for the page's error summary."""
    items = [item for item in [form, *(forms or [])] if item is not None]
    return [pair for item in items for pair in _errors(item)]


@register.filter
def clock(value):
    """A time of day as the council writes it: "10am", "7.30pm" (core.times)."""
    return times.in_words(value) if value is not None else ""


@register.simple_tag
def page_numbers(page):
    """The page numbers a pagination bar links to, with the paginator's ELLIPSIS for gaps."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


@register.inclusion_tag("components/tag.html")
def status_tag(status, label, count=None):
    """`status` (as stored) as a tag saying `label`, in the one colour core.status gives it.

    With a count, the tag says "2 Red" and keeps to one line.
    """
    if count is None:
        return {"label": label, "colour": STATUS_COLOURS[status]}
    return {"label": f"{count} {label}", "colour": STATUS_COLOURS[status], "nowrap": True}


@register.simple_block_tag
def summary_row(
    content, label, actions=False, action_url="", anchor="", action="Change", action_hidden=""
):
    """One row of a summary list: `label`, and the block as its value ("Not recorded" if empty).

    `actions` says whether the list has links for this reader. If it has, `action_url` gives
    the row its link ("Change", or `action`) to `anchor` on that page, and screen readers hear
    what it changes (`action_hidden`, or the label); a row without one still lines up.
    """
    return render_to_string(
        "components/summary_row.html",
        {
            "label": label,
            # The block was rendered, and escaped, by the template it stands in.
            "value": mark_safe(content.strip()),
            "actions": actions,
            "action_url": action_url if actions else "",
            "anchor": anchor,
            "action": action,
            "action_hidden": action_hidden or str(label).lower(),
        },
    )


@register.simple_block_tag
def table(content, caption, *headers, caption_size="", classes="", empty=""):
    """A GOV.UK table: `caption`, a column header for each of `headers`, and the block as its
    body's rows. The caption is for screen readers unless `caption_size` ("s", "m") shows it.
    With `empty`, a block that wrote no rows gives that sentence instead of an empty table.
    """
    if empty and not content.strip():
        return format_html('<p class="govuk-body">{}</p>', empty)
    return render_to_string(
        "components/table.html",
        {
            "caption": caption,
            "headers": headers,
            "caption_size": caption_size,
            "classes": classes,
            # The rows were rendered, and escaped, by the template they stand in.
            "rows": mark_safe(content),
        },
    )
