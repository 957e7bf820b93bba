"""Meeting rules: when a committee meets, stored as an RFC 5545 RRULE ("FREQ=MONTHLY;BYDAY=-1TH").

The RRULE stays inside: people build a rule from a few choices (`build`), or type it in
words (`from_words`: "last Thursday of each month at 10am"), and every page shows it in words
(`describe`).

dateutil expands a rule into dates. It loops until the year 9999 when a rule can never match
(the 30th of February), so only a subset of RFC 5545 is accepted, one where every rule either
matches regularly or ends: that keeps every page that lists meeting dates fast.
"""

import re
from datetime import date, datetime, time

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db import models

from core import times
from core.periods import MONTH_NAMES

EXAMPLE = "for example FREQ=MONTHLY;BYDAY=-1TH for the last Thursday of each month"
FREQUENCIES = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"}
# Spelled out rather than taken from `calendar.day_name`, which follows the server's locale.
WEEKDAYS = {
    "MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
    "SA": "Saturday", "SU": "Sunday",
}  # fmt: skip
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


# In words -------------------------------------------------------------------------------------

ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


def describe(text, at: time | None = None):
    """The rule in the council's words, "Last Thursday of each month at 10am": every page, list
    and history that shows a rule shows this. `at` is the committee's usual time."""
    try:
        parts = split(normalise(text))
        _check_structure(parts)
    except ValidationError:
        # Only a rule stored before rules were checked can get here: show it rather than fail.
        return text
    words = _days_in_words(parts)
    if "COUNT" in parts:
        words += f", {parts['COUNT']} times" if parts["COUNT"] != "1" else ", once only"
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%d").date()
        words += f", until {until.day} {MONTH_NAMES[until.month - 1]} {until.year}"
    if at is not None:
        words += f" at {times.in_words(at)}"
    return words[0].upper() + words[1:]


def _ordinal(number):
    if number in ORDINAL_WORDS:
        return ORDINAL_WORDS[number]
    return f"{ORDINAL_WORDS[-number]} to last"  # -2: "second to last"


def _days_in_words(parts):
    """When a checked rule meets, in words, without its count, end or time."""
    unit = FREQUENCIES[parts["FREQ"]]
    interval = int(parts.get("INTERVAL", "1"))
    every = {1: f"each {unit}", 2: f"every other {unit}"}.get(interval, f"every {interval} {unit}s")
    months = [MONTH_NAMES[int(month) - 1] for month in parts.get("BYMONTH", "").split(",") if month]
    # "Last Thursday of January and July": named months stand for "each month".
    of = f" of {_join(months)}" if months else f" of {every}"
    if months and interval > 1:
        of += f", {every}"
    if "BYMONTHDAY" in parts:
        days = [int(day) for day in parts["BYMONTHDAY"].split(",")]
        if all(day > 0 for day in days):
            return f"day{'s' * (len(days) > 1)} {_join([str(day) for day in days])}{of}"
        return _join([f"day {day}" if day > 0 else f"the {_ordinal(day)} day" for day in days]) + of
    if "BYDAY" in parts:
        days = [BYDAY_PATTERN.match(day).groups() for day in parts["BYDAY"].split(",")]
        if not any(ordinal for ordinal, _ in days):
            names = _join([WEEKDAYS[code] for _, code in days])
            if unit != "week":
                return f"every {names}" + (f" in {_join(months)}" if months else "")
            if interval == 1:
                return f"every {names}"
            return f"every other {names}" if interval == 2 else f"{every} on {names}"
        # "First and third Monday", "first Monday and last Thursday".
        by_day = {}
        for ordinal, code in days:
            by_day.setdefault(code, []).append(_ordinal(int(ordinal)) if ordinal else "every")
        return (
            _join([f"{_join(ordinals)} {WEEKDAYS[code]}" for code, ordinals in by_day.items()]) + of
        )
    if unit == "day":
        return "every day" if interval == 1 else f"every {interval} days"
    return f"once {every}" + (f" in {_join(months)}" if months else "")


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


# The rule builder ------------------------------------------------------------------------------


class Frequency(models.TextChoices):
    """How often, as the committee form's rule builder asks it."""

    WEEKLY = "weekly", "Every week"
    WEEKS = "weeks", "Every few weeks"
    MONTHLY = "monthly", "Once a month"


WEEK_OF_MONTH = [(str(number), word.capitalize()) for number, word in ORDINAL_WORDS.items()]
WEEK_OF_MONTH.remove(("5", "Fifth"))  # not every month has one
MOST_WEEKS_APART = 12  # INTERVAL's bound in `_check_structure`


def build(*, frequency, weekday, week=None, interval=None):
    """The rule the builder's answers make: weekly (every `interval` weeks) or monthly (on
    `week`, 1 to 4 or -1 for the last, of the month)."""
    if frequency == Frequency.MONTHLY:
        return _rule({"FREQ": "MONTHLY", "BYDAY": f"{week}{weekday}"})
    every = interval if frequency == Frequency.WEEKS else 1
    return _rule({"FREQ": "WEEKLY", "INTERVAL": every, "BYDAY": weekday})


def builder_answers(text):
    """The builder's answers that make rule `text`, or None when the builder cannot make it."""
    try:
        parts = split(normalise(text))
    except ValidationError:
        return None
    day = BYDAY_PATTERN.match(parts.get("BYDAY", ""))
    if day is None or set(parts) - {"FREQ", "INTERVAL", "BYDAY"}:
        return None
    ordinal, weekday = day.groups()
    interval = int(parts.get("INTERVAL", "1")) if parts.get("INTERVAL", "1").isdigit() else 0
    if (
        parts["FREQ"] == "MONTHLY"
        and interval == 1
        and ordinal
        and ordinal.lstrip("+") in {"1", "2", "3", "4", "-1"}
    ):
        return {"frequency": Frequency.MONTHLY, "weekday": weekday, "week": ordinal.lstrip("+")}
    if parts["FREQ"] == "WEEKLY" and not ordinal and 1 <= interval <= MOST_WEEKS_APART:
        if interval == 1:
            return {"frequency": Frequency.WEEKLY, "weekday": weekday}
        return {"frequency": Frequency.WEEKS, "weekday": weekday, "interval": interval}
    return None


def _rule(parts):
    """The stored spelling of `parts`, leaving out an interval of 1."""
    return ";".join(
        f"{name}={value}"
        for name, value in parts.items()
        if not (name == "INTERVAL" and int(value) == 1)
    )


# Typed in words --------------------------------------------------------------------------------

WORDS_EXAMPLES = (
    "“last Thursday of each month at 10am”, “every other Tuesday at 6pm”, “first Monday of "
    "each month at 7.30pm”, “every Wednesday at 2pm”, “every 3 weeks on Friday” or "
    "“day 15 of each month”"
)
_DAY_NAMES = {name.lower(): code for code, name in WEEKDAYS.items()} | {
    "mon": "MO", "tue": "TU", "tues": "TU", "wed": "WE", "weds": "WE", "thu": "TH",
    "thur": "TH", "thurs": "TH", "fri": "FR", "sat": "SA", "sun": "SU",
}  # fmt: skip
_ORDINALS = {word: number for number, word in ORDINAL_WORDS.items()} | {
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}  # fmt: skip
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_UNITS = {
    "week": "week", "weeks": "week", "weekly": "week",
    "month": "month", "months": "month", "monthly": "month",
}  # fmt: skip
_EVERY = {"every", "each", "weekly", "monthly"}
# Words that join the others and change nothing: "on the last Thursday of each month".
_FILLERS = {"on", "the", "of", "in", "and", "&", "a", "meets", "meet", "meeting", "meetings"}
_AT = re.compile(r"(?:^|\s)at\s+(?P<time>.+)$")
_TRAILING_TIME = re.compile(
    r"\s(?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s*m\.?|\d{1,2}[.:]\d{2}|midday|noon|midnight)$"
)
_DAY_OF_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


def from_words(text):
    """(rule, time or None) for a rule typed in words: "last Thursday of each month at 10am"
    is ("FREQ=MONTHLY;BYDAY=-1TH", 10:00). ValidationError, with examples, if not understood."""
    cleaned = " ".join(text.lower().replace(",", " ").split()).strip(" .")
    if not cleaned:
        raise ValidationError(f"Enter when the committee meets, for example {WORDS_EXAMPLES}")
    cleaned, at = _time_in(cleaned)
    rule = _Reading(cleaned).rule()
    validate(rule)  # a backstop: the reading only makes rules that pass
    return rule, at


def _time_in(cleaned):
    """The words without their time, and the time ("at 10am", or a time at the end)."""
    match = _AT.search(cleaned) or _TRAILING_TIME.search(cleaned)
    if match is None:
        return cleaned, None
    try:
        at = times.parse(match["time"])
    except times.TimeError as error:
        raise ValidationError(str(error), code="invalid") from None
    return cleaned[: match.start()].strip(), at


class _Reading:
    """One pass over the words, noting what each says; `rule()` then checks they fit."""

    def __init__(self, cleaned):
        self.days = {}  # weekday code: [ordinals], in the order typed
        self.month_days = []
        self.unit = None
        self.interval = None
        # "Every second Tuesday": an ordinal straight after "every".
        self.every_then_ordinal = False
        pending = []  # ordinals waiting for their day: "first and third" … "Monday"
        previous, numbering_days = "", False
        for word in cleaned.split():
            if word in _FILLERS:
                continue
            code = _DAY_NAMES.get(word) or _DAY_NAMES.get(word.removesuffix("s"))
            if code:
                self.days.setdefault(code, []).extend(pending)
                pending = []
            elif word in ("day", "days"):
                self.month_days += pending
                pending = []
            elif word in _ORDINALS:
                self.every_then_ordinal |= previous in _EVERY
                pending.append(_ORDINALS[word])
            elif word.isdigit() or word in _NUMBERS:
                number = int(word) if word.isdigit() else _NUMBERS[word]
                if numbering_days:  # "day 15", "days 1 and 15"
                    self.month_days.append(number)
                else:
                    self.interval = number
            elif match := _DAY_OF_MONTH.fullmatch(word):
                self.month_days.append(int(match[1]))
            elif word in ("other", "alternate", "fortnight", "fortnightly"):
                self.interval = 2
                if word.startswith("fortnight"):
                    self.unit = "week"
            elif word in _UNITS or word in _EVERY:
                self.unit = _UNITS.get(word, self.unit)
            else:
                raise self.error(f"“{word}” is not a word a meeting rule uses")
            numbering_days = word in ("day", "days") or (numbering_days and word.isdigit())
            previous = word
        # "The first of each month", "the last of the month": days of the month.
        if pending and self.unit == "month":
            self.month_days += pending
        elif pending:
            raise self.error(
                f"Say which day comes after “{ORDINAL_WORDS[pending[-1]]}”, as in “last "
                "Thursday of each month”"
            )

    def error(self, problem):
        return ValidationError(
            f"{problem}. Write when the committee meets like {WORDS_EXAMPLES}", code="invalid"
        )

    def rule(self):
        ordinals = [number for numbers in self.days.values() for number in numbers]
        if self.every_then_ordinal and self.unit is None and len(set(ordinals)) == 1:
            # "Every second Tuesday" is fortnightly; "second Tuesday of each month" is not.
            self.interval, self.unit = ordinals[0], "week"
            self.days = {code: [] for code in self.days}
            ordinals = []
        if self.days and self.month_days:
            raise self.error("Give a day of the week or a date in the month, not both")
        if not self.days and not self.month_days:
            raise self.error("Say which day the committee meets")
        interval = self.interval or 1
        unit = self.unit or ("month" if ordinals or self.month_days else "week")
        if not 1 <= interval <= MOST_WEEKS_APART:
            raise self.error(f"Meetings can be from 1 to {MOST_WEEKS_APART} {unit}s apart")
        if self.month_days:
            if unit != "month":
                raise self.error(
                    "A date in the month needs “each month”, as in “day 15 of each month”"
                )
            if any(not 1 <= day <= 31 for day in self.month_days if day > 0):
                raise self.error("A month has days 1 to 31")
            days = ",".join(str(day) for day in self.month_days)
            return _rule({"FREQ": "MONTHLY", "INTERVAL": interval, "BYMONTHDAY": days})
        if ordinals and unit != "month":
            name = WEEKDAYS[next(iter(self.days))]
            raise self.error(
                f"Only a month has a first or last {name}: write “of each month”, as in “last "
                f"{name} of each month”"
            )
        if unit == "month" and not ordinals:
            raise self.error("Say which week of the month, as in “first Monday of each month”")
        byday = ",".join(
            f"{number}{code}" for code, numbers in self.days.items() for number in numbers or [""]
        )
        return _rule(
            {
                "FREQ": "MONTHLY" if unit == "month" else "WEEKLY",
                "INTERVAL": interval,
                "BYDAY": byday,
            }
        )


class MeetingRuleField(models.CharField):
    """An RRULE, stored normalised, validated with dateutil, shown in words."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.validators.append(validate)

    def to_python(self, value):
        return normalise(super().to_python(value))

    def value_in_words(self, value):
        """How a record's history shows the rule (core.history)."""
        return describe(value)
