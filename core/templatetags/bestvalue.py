from crispy_forms_gds.templatetags.crispy_forms_gds import field_errors
from django import forms as django_forms
from django import template

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
def summary_for(row, source):
    """The one-line summary a search source gives for its row."""
    return source.summary(row)


@register.simple_tag
def page_numbers(page):
    """The page numbers a pagination bar links to, with the paginator's ELLIPSIS for gaps."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
