"""History in words: who changed what and when, from django-simple-history's records."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models

HIDDEN_FIELDS = {"version", "id"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    what: str  # "Review", "Progress update" …
    action: str  # "Created", "Changed", "Deleted"
    record: str
    changes: list[Change] = field(default_factory=list)


def _display(record, field_name, value):
    model_field = record.instance_type._meta.get_field(field_name)
    if value in (None, ""):
        return "(blank)"
    if isinstance(value, list):  # many-to-many: the through rows, as dicts of primary keys
        if not value:
            return "(none)"
        target = model_field.m2m_reverse_field_name()
        related = model_field.related_model._default_manager.filter(
            pk__in=[row[target] for row in value]
        )
        return ", ".join(str(item) for item in related)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    return str(value)


def _label(record, field_name):
    return str(record.instance_type._meta.get_field(field_name).verbose_name).capitalize()


def entries(records):
    """HistoryEntry for each historical record, newest first, with field-level differences.

    `records` are historical rows of one or more models; each is compared with the row
    before it of the same object.
    """
    records = sorted(records, key=lambda r: (r.history_date, r.history_id), reverse=True)
    previous_of = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        key = (record.instance_type, record.id)
        record._previous = previous_of.get(key)
        previous_of[key] = record
    result = []
    for record in records:
        action = {"+": "Created", "~": "Changed", "-": "Deleted"}[record.history_type]
        changes = []
        if record.history_type == "~" and record._previous is not None:
            delta = record.diff_against(record._previous)
            changes = [
                Change(
                    _label(record, c.field),
                    _display(record, c.field, c.old),
                    _display(record, c.field, c.new),
                )
                for c in delta.changes
                if c.field not in HIDDEN_FIELDS
            ]
        user = record.history_user
        result.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.get_username()) if user else "System",
                what=str(record.instance_type._meta.verbose_name).capitalize(),
                action=action,
                record=str(record.instance),
                changes=changes,
            )
        )
    return result
