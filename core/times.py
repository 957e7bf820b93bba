"""Times of day as councils write them: "10am", "6pm", "7.30pm", "18:00", "midday"."""

import re
from datetime import time

EXAMPLES = "10am, 6pm, 7.30pm or 18:00"

_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*[.:]\s*(?P<minute>\d{2}))?\s*(?:(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)
_WORDS = {"midday": time(12), "noon": time(12), "12 noon": time(12), "midnight": time(0)}


class TimeError(ValueError):
    """Text that is not a time of day; the message is shown to users, without a full stop."""


def parse(text: str) -> time:
    """The time of day in `text`: "6pm", "6 p.m.", "7.30pm"; without am or pm, the 24-hour
    clock ("18:00", "9.30"). A bare hour ("6") is refused: morning or evening?"""
    cleaned = " ".join(text.lower().split())
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    match = _TIME.fullmatch(cleaned)
    if not match or not (match["half"] or match["minute"]):
        raise TimeError(f"“{text.strip()}” is not a time. Write it like {EXAMPLES}")
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            raise TimeError(f"“{text.strip()}” is not a time: with am or pm, the hour is 1 to 12")
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        raise TimeError(f"“{text.strip()}” is not a time. Write it like {EXAMPLES}")
    return time(hour, minute)


def in_words(value: time) -> str:
    """ "10am", "7.30pm", "midday": as the council's papers write a time."""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f".{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'pm' if value.hour >= 12 else 'am'}"
