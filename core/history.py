"""History in words: who changed what and when, from django-simple-history's records."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models

HIDDEN_FIELDS = {"version", "id"}
# What each kind of historical row says was done; a model may say it in its own words with
# an optional `history_actions` mapping (a document is uploaded and removed).
ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}


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


def _related_pks(model_field, value):
    """The primary keys a foreign-key or many-to-many value refers to."""
    if isinstance(value, list):  # many-to-many: the through rows, as dicts of primary keys
        target = model_field.m2m_reverse_field_name()
        return [row[target] for row in value]
    if isinstance(model_field, models.ForeignKey) and value not in (None, ""):
        return [value]
    return []


def _display(model_field, value, names):
    if value in (None, "") or value == []:
        return "(none)" if isinstance(value, list) else "(blank)"
    # A field that stores a code (a meeting rule's RRULE) says what it means.
    if hasattr(model_field, "value_in_words"):
        return model_field.value_in_words(value)
    if model_field.is_relation:
        return ", ".join(
            names.get((model_field.related_model, pk), f"#{pk}")
            for pk in _related_pks(model_field, value)
        )
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    return str(value)


def _names(wanted):
    """{(model, pk): str(object)} for every related object named in the changes, one query
    per related model rather than one per change."""
    names = {}
    for model, pks in wanted.items():
        for item in model._default_manager.filter(pk__in=pks):
            names[(model, item.pk)] = str(item)
    return names


def withheld(record, user):
    """Whether `user` may not see this historical row: its model says, through an optional
    `history_withheld(record, user)` (a report's rows from while it was Part 2)."""
    rule = getattr(record.instance_type, "history_withheld", None)
    return rule is not None and rule(record, user)


def entries(records, *, user):
    """HistoryEntry for each historical record `user` may see, newest first, with field-level
    differences.

    `records` are historical rows of one or more models; each is compared with the row
    before it of the same object. A row compared with a withheld one shows no differences,
    since the old values are what is withheld.
    """
    records = sorted(records, key=lambda r: (r.history_date, r.history_id), reverse=True)
    previous_of = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        key = (record.instance_type, record.id)
        record._previous = previous_of.get(key)
        previous_of[key] = record
    hidden = {record for record in records if withheld(record, user)}
    records = [record for record in records if record not in hidden]
    deltas = {}
    wanted = defaultdict(set)
    for record in records:
        previous = record._previous
        if record.history_type == "~" and previous is not None and previous not in hidden:
            deltas[record] = [
                (record.instance_type._meta.get_field(c.field), c)
                for c in record.diff_against(record._previous).changes
                if c.field not in HIDDEN_FIELDS
            ]
            for model_field, change in deltas[record]:
                if model_field.is_relation:
                    for value in (change.old, change.new):
                        wanted[model_field.related_model].update(_related_pks(model_field, value))
    names = _names(wanted)
    result = []
    for record in records:
        actions = ACTIONS | getattr(record.instance_type, "history_actions", {})
        action = actions[record.history_type]
        changes = [
            Change(
                str(model_field.verbose_name).capitalize(),
                _display(model_field, change.old, names),
                _display(model_field, change.new, names),
            )
            for model_field, change in deltas.get(record, [])
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
