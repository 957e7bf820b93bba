"""What a browser would send back from forms as they were rendered."""

from django import forms


def page_submitted(response):
    """What the browser would send back from a page's form and its formsets (context "parts",
    as on the minutes page) as it was rendered."""
    forms = [response.context["form"]]
    for formset in response.context["parts"].all:
        forms += [formset.management_form, *formset.forms]
    return submitted(*forms)


def submitted(*page_forms):
    """The POST data of `page_forms` (forms and formsets' management forms) left untouched."""
    data = {}

    def put(name, value):
        if value is None or value is False:
            return
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value)

    for form in page_forms:
        for field in form:
            widget, value = field.field.widget, field.value()
            if isinstance(widget, forms.MultiWidget):
                # Day, month and year boxes: each sends its own part.
                parts = value if isinstance(value, list | tuple) else widget.decompress(value)
                for suffix, part in zip(widget.widgets_names, parts, strict=True):
                    put(field.html_name + suffix, part)
            else:
                put(field.html_name, value)
    return data
