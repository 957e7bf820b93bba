"""Dates as the council writes them on its reports."""

from django import template
from django.contrib.humanize.templatetags.humanize import ordinal
from django.utils.dateformat import format as date_format

register = template.Library()


@register.filter
def scrutiny_date(value):
    """23RD FEBRUARY 2004, as in the header block of a scrutiny report."""
    if not value:
        return ""
    return f"{ordinal(value.day)} {date_format(value, 'F Y')}".upper()


@register.filter
def cabinet_date(value):
    """2nd April, 2003, as on a Cabinet report."""
    if not value:
        return ""
    return f"{ordinal(value.day)} {date_format(value, 'F, Y')}"
