from datetime import time

import pytest

from core import times
from core.forms import TimeField


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("6pm", time(18)),
        ("6 PM", time(18)),
        ("6 p.m.", time(18)),
        ("7.30pm", time(19, 30)),
        ("7:30 pm", time(19, 30)),
        ("10am", time(10)),
        ("12pm", time(12)),
        ("12am", time(0)),
        ("midday", time(12)),
        ("18:00", time(18)),
        ("9.30", time(9, 30)),
    ],
)
def test_times_as_people_write_them(typed, meant):
    assert times.parse(typed) == meant


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("6", "“6” is not a time. Write it like 10am, 6pm, 7.30pm or 18:00"),
        ("six", "“six” is not a time"),
        ("13pm", "with am or pm, the hour is 1 to 12"),
        ("25:00", "“25:00” is not a time"),
        ("7.75pm", "“7.75pm” is not a time"),
    ],
)
def test_what_is_not_a_time_says_how_to_write_one(typed, message):
    with pytest.raises(times.TimeError, match=message):
        times.parse(typed)


@pytest.mark.parametrize(
    ("value", "words"),
    [(time(10), "10am"), (time(18), "6pm"), (time(19, 30), "7.30pm"), (time(12), "midday")],
)
def test_times_are_written_as_the_papers_write_them(value, words):
    assert times.in_words(value) == words
    assert times.parse(words) == value


def test_the_time_field_reads_6pm_and_shows_it_back():
    field = TimeField(required=False)
    assert field.clean("6pm") == time(18)
    assert field.clean("") is None
    assert field.prepare_value(time(18)) == "6pm"
    with pytest.raises(Exception, match="is not a time"):
        field.clean("6")
