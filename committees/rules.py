"""Meeting rules: when a committee meets, as an RFC 5545 RRULE ("FREQ=MONTHLY;BYDAY=-1TH").

dateutil expands a rule into dates. It loops until the year 9999 when a rule can never match
(the 30th of February), so only a subset of RFC 5545 is accepted, one where every rule either
matches regularly or ends: that keeps every page that lists meeting dates fast.
"""

import calendar
import re
from datetime import date, datetime, time

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models

EXAMPLE = "for example FREQ=MONTHLY;BYDAY=-1TH for the last Thursday of each month"
FREQUENCIES = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"}
WEEKDAYS = dict(zip(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], calendar.day_name, strict=True))
ORDINALS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth", -1: "Last"}
BYDAY_PATTERN = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
# Longest each month can be, in a leap year: a day that fits none of the chosen months never
# comes round.
MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def normalise(text):
    """The rule as stored: upper case, no spaces, without an "RRULE:" prefix."""
    text = re.sub(r"\s+", "", text or "").upper()
    return text.removeprefix("RRULE:")


def split(text):
    """{"FREQ": "MONTHLY", "BYDAY": "-1TH"} from a normalised rule; ValidationError if garbled."""
    parts = {}
    for piece in filter(None, text.split(";")):
        name, equals, value = piece.partition("=")
        if not equals or not value:
            raise ValidationError(
                f"“{piece}” is not a rule part. Write parts as NAME=VALUE separated by "
                f"semicolons, {EXAMPLE}",
                code="invalid",
            )
        if name not in PARTS:
            raise ValidationError(
                f"“{name}” is not accepted in a meeting rule. Use only "
                + ", ".join(sorted(PARTS))
                + f", {EXAMPLE}",
                code="invalid",
            )
        if name in parts:
            raise ValidationError(f"{name} is given twice. Give it once.", code="invalid")
        parts[name] = value
    return parts


def _numbers(parts, name, low, high, *, signed=False):
    """The comma-separated whole numbers of a part; negative ones only where `signed`."""
    try:
        numbers = [int(value) for value in parts[name].split(",")]
    except ValueError:
        numbers = []
    if not numbers or any(not low <= (abs(n) if signed else n) <= high for n in numbers):
        also = f" (or -{high} to -{low}, counting from the end)" if signed else ""
        raise ValidationError(
            f"{name} must be whole numbers from {low} to {high}{also}, separated by commas.",
            code="invalid",
        )
    return numbers


def _check_structure(parts):
    """Refuse the rules dateutil would search for ever, with a message saying what to do."""
    if "FREQ" not in parts:
        raise ValidationError(f"Start the rule with how often the committee meets, {EXAMPLE}")
    if parts["FREQ"] not in FREQUENCIES:
        raise ValidationError(
            "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: committees meet on days, not "
            "hours or minutes."
        )
    if "INTERVAL" in parts:
        _numbers(parts, "INTERVAL", 1, 12)
    if "COUNT" in parts:
        _numbers(parts, "COUNT", 1, 1000)
        if "UNTIL" in parts:
            raise ValidationError("Give either COUNT or UNTIL, not both.")
    if "UNTIL" in parts and not re.fullmatch(r"\d{8}", parts["UNTIL"]):
        raise ValidationError("Write UNTIL as a date, for example UNTIL=20051231.")
    if "BYDAY" in parts:
        for day in parts["BYDAY"].split(","):
            match = BYDAY_PATTERN.match(day)
            if not match:
                raise ValidationError(
                    f"“{day}” is not a day. Use MO, TU, WE, TH, FR, SA or SU, with 1 to 4 or "
                    "-1 in front for the first to fourth or last of the month, for example -1TH."
                )
            if match.group(1) and parts["FREQ"] not in ("MONTHLY", "YEARLY"):
                raise ValidationError(
                    f"“{day}” needs FREQ=MONTHLY or FREQ=YEARLY: only a month or year has a "
                    "first or last Thursday."
                )
    months = _numbers(parts, "BYMONTH", 1, 12) if "BYMONTH" in parts else range(1, 13)
    if "BYMONTHDAY" in parts:
        if "BYDAY" in parts:
            raise ValidationError(
                "Give either BYDAY (a day of the week) or BYMONTHDAY (a date in the month), "
                "not both."
            )
        days = _numbers(parts, "BYMONTHDAY", 1, 31, signed=True)
        if not any(abs(day) <= MONTH_LENGTHS[month - 1] for day in days for month in months):
            raise ValidationError(
                "No month chosen has that day: the rule would never give a meeting date."
            )


def parse(text, start: date):
    """The dateutil rule for `text` (normalised) applying from `start`, or ValidationError.

    A rule that ends (UNTIL, COUNT) may have no dates left after `start`: see `first_date`.
    """
    parts = split(text)
    _check_structure(parts)
    try:
        rule = rrulestr(text, dtstart=datetime.combine(start, time()))
    except (ValueError, TypeError, IndexError, KeyError) as error:
        raise ValidationError(
            f"This is not a meeting rule dateutil understands ({error}). Write it as an "
            f"RFC 5545 RRULE, {EXAMPLE}.",
            code="invalid",
        ) from None
    return rule


# Structure and syntax do not depend on the start date; any fixed one will do.
VALIDATION_START = date(2000, 1, 1)


def validate(text):
    """Model-field validator: is this a meeting rule at all?"""
    if text:
        parse(normalise(text), VALIDATION_START)


def first_date(text, start: date):
    """The rule's first date on or after `start`, or None when it has ended by then."""
    found = dates(text, start, after=start, count=1, inclusive=True)
    return found[0] if found else None


def dates(text, start: date, *, after: date, count: int, inclusive=False):
    """Up to `count` dates of the rule (applying from `start`) after `after`."""
    rule = parse(text, start)
    result = []
    moment = rule.after(datetime.combine(after, time()), inc=inclusive)
    while moment is not None and len(result) < count:
        result.append(moment.date())
        moment = rule.after(moment)
    return result


def describe(text):
    """The rule in the council's words ("Last Thursday of each month"), or the rule itself."""
    try:
        parts = split(text)
    except ValidationError:
        return text
    unit = FREQUENCIES.get(parts.get("FREQ"))
    if unit is None or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"}:
        return text
    interval = parts.get("INTERVAL", "1")
    every = f"each {unit}" if interval == "1" else f"every {interval} {unit}s"
    if "BYMONTHDAY" in parts and unit == "month":
        days = parts["BYMONTHDAY"].split(",")
        if any(day.startswith("-") for day in days):
            return text
        return f"Day {_join(days)} of {every}"
    if "BYDAY" in parts:
        days = [BYDAY_PATTERN.match(day).groups() for day in parts["BYDAY"].split(",")]
        ordinals = {ordinal for ordinal, _ in days}
        if len(ordinals) > 1:
            return text
        names = _join([WEEKDAYS[code] for _, code in days])
        (ordinal,) = ordinals
        if ordinal:
            return f"{ORDINALS[int(ordinal)]} {names} of {every}"
        if unit == "week":
            return f"Every {names}" if interval == "1" else f"{names}, {every}"
        return text
    if "BYMONTHDAY" not in parts and "BYDAY" not in parts:
        return f"Once {every}".capitalize()
    return text


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class MeetingRuleField(models.CharField):
    """An RRULE, stored normalised, validated with dateutil."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.validators.append(validate)

    def to_python(self, value):
        return normalise(super().to_python(value))
