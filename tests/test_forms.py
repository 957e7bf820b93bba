"""The form plumbing every app shares (core/forms.py)."""

from django import forms

from core.forms import DateInputField, GDSFormMixin


class NoteForm(GDSFormMixin, forms.Form):
    note = forms.CharField()
    day = DateInputField(label="Day")


def note_form(**data):
    return NoteForm({"note": "Agreed", "day_0": "1", "day_1": "4", "day_2": "2004", **data})


def test_text_with_a_null_character_is_refused_with_a_plain_message():
    form = note_form(note="Agreed\x00")
    assert form.errors["note"] == [
        "Remove the hidden null character from the text. It was probably pasted in"
    ]


def test_a_year_too_large_for_a_date_is_refused_not_a_crash():
    form = note_form(day_2="99999999999")
    assert form.errors["day"] == ["Enter a real date, for example 29 1 2027"]


def test_a_day_the_month_does_not_have_gets_the_same_plain_message():
    form = note_form(day_0="31", day_1="2")
    assert form.errors["day"] == ["Enter a real date, for example 29 1 2027"]


def test_a_real_date_still_cleans_to_a_date():
    assert note_form().is_valid()
