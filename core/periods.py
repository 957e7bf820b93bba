"""Fuzzy periods of time, as council programmes write them: "Autumn 2004", "July–September 2003",
"early 2007", "2005/06".

A `Period` is a first and last day plus the precision it was given with, so it can be filtered
and sorted like a date range yet shown back the way the council wrote it. `FinancialYear` is the
local-government year, 1 April – 31 March, that programmes and budgets are set for.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import date

MIN_YEAR, MAX_YEAR = 1990, 2100

# Spelled out rather than taken from `calendar.month_name`, which follows the server's locale.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = (
    {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
    | {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
    | {"sept": 9}
)
# Meteorological seasons, as the Met Office counts them: three whole months each, keyed by the
# first. Winter 2003 is December 2003 – February 2004.
SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}
_SEASONS = {name.lower(): month for month, name in SEASON_NAMES.items()}

# Early, mid and late: a year in thirds, as programmes use them ("early 2007").
PARTS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

ACCEPTED_SPELLINGS = (
    'Enter a period such as "December 2026", "4 April 2027", "March/April 2027", '
    '"July–September 2027", "Sept 2026 – March 2027", "Summer 2027", "early 2027", '
    '"mid 2027", "late 2027", "2027" or a financial year, "2026/27".'
)

_DASHES = re.compile("[\u2010-\u2015\u2212]")  # hyphens, en and em dashes, minus sign
_SEPARATOR = re.compile(r"\s*(?:[-/]|\bto\b)\s*", re.IGNORECASE)
_POINT = re.compile(
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<name>[a-z]+)?\s*(?P<year>\d{4})?",
    re.IGNORECASE,
)
_FINANCIAL_YEAR = re.compile(r"(\d{4})\s*[-/]\s*(\d{2}|\d{4})")
_PART_OF_YEAR = re.compile(r"(?P<part>[a-z]+)[\s-]+(?P<year>\d{4})", re.IGNORECASE)


class Precision(enum.StrEnum):
    """How exactly a period was given; the value is what the database column holds."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


class PeriodError(ValueError):
    """Text or dates that make no period. Messages are shown to users, without a full stop."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    precision: Precision

    def __post_init__(self) -> None:
        # Precision may arrive as the bare string from a database column.
        object.__setattr__(self, "precision", Precision(self.precision))
        if self.end < self.start:
            raise PeriodError("The end of the period must not be before its start")
        if not self._is_whole():
            # Otherwise str() would silently widen or narrow the dates.
            raise PeriodError(
                f"A {self.precision} period cannot run from {_day(self.start)} to {_day(self.end)}"
            )

    def _is_whole(self) -> bool:
        start, end = self.start, self.end
        match self.precision:
            case Precision.DAY:
                return True
            case Precision.MONTH:
                return start.day == 1 and end == _month_end(end.year, end.month)
            case Precision.SEASON:
                return start.month in SEASON_NAMES and (start, end) == _season(
                    start.year, start.month
                )
        return (start, end) == (date(start.year, 1, 1), date(start.year, 12, 31))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read any of the spellings in `ACCEPTED_SPELLINGS`, and a few looser ones."""
        cleaned = _clean(text)
        if not cleaned:
            raise PeriodError("Enter a period")
        if _FINANCIAL_YEAR.fullmatch(cleaned):
            return FinancialYear.parse(cleaned).as_period()
        match = _PART_OF_YEAR.fullmatch(cleaned)
        if match and match["part"].lower() in PARTS_OF_YEAR:
            first, last = PARTS_OF_YEAR[match["part"].lower()]
            year = _Point.checked_year(int(match["year"]))
            return cls(date(year, first, 1), _month_end(year, last), Precision.MONTH)
        parts = _SEPARATOR.split(cleaned)
        if len(parts) > 2:
            raise PeriodError(f'Could not read "{cleaned}": give one date, or two joined by a dash')
        points = [_Point.read(part) for part in parts]
        if len(points) == 1:
            (point,) = points
            return cls(*point.bounds(point.year_or_error()), point.precision)

        first, last = points
        kinds = {first.precision, last.precision}
        if not kinds <= {Precision.DAY, Precision.MONTH}:
            raise PeriodError('Only months or days can make a range, as in "July–September 2003"')
        if len(kinds) > 1:
            raise PeriodError("Give both ends of the range as months, or both as days")
        # "May – Dec 2003": a year given only once belongs to both ends.
        last_year = last.year_or_error()
        start = first.bounds(first.year or last_year)[0]
        return cls(start, last.bounds(last_year)[1], first.precision)

    def __str__(self) -> str:
        start, end = self.start, self.end
        match self.precision:
            case Precision.DAY:
                return _day(start) if start == end else f"{_day(start)} – {_day(end)}"
            case Precision.SEASON:
                return f"{SEASON_NAMES[start.month]} {start.year}"
            case Precision.YEAR:
                return str(start.year)
        first, last = MONTH_NAMES[start.month - 1], MONTH_NAMES[end.month - 1]
        if start.year != end.year:
            return f"{first} {start.year} – {last} {end.year}"
        if start.month != end.month:
            return f"{first}–{last} {end.year}"
        return f"{first} {end.year}"

    def overlaps(self, start: date, end: date) -> bool:
        """Whether any day of the period falls in `start`–`end` (both inclusive)."""
        return self.start <= end and start <= self.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def is_fuzzy(self) -> bool:
        """True when the period is only known to within more than a single month."""
        if self.precision == Precision.MONTH:
            return (self.start.year, self.start.month) != (self.end.year, self.end.month)
        return self.precision in (Precision.SEASON, Precision.YEAR)


@dataclass(frozen=True)
class _Point:
    """One end of a period as written: its year may be missing, to be taken from the other end."""

    precision: Precision
    year: int | None
    month: int  # for a season, its first month
    day: int
    text: str

    @classmethod
    def read(cls, text: str) -> _Point:
        match = _POINT.fullmatch(text)
        if not text or not match:
            raise PeriodError(f'Could not read "{text}" as a date')
        day, name = match["day"], match["name"]
        year = cls.checked_year(int(match["year"])) if match["year"] else None
        if name is None:
            if day:
                raise PeriodError(f'"{text}" needs a month, as in "4 April 2027"')
            return cls(Precision.YEAR, year, 1, 1, text)
        if name.lower() in _MONTHS:
            precision = Precision.DAY if day else Precision.MONTH
            return cls(precision, year, _MONTHS[name.lower()], int(day or 1), text)
        if name.lower() in _SEASONS:
            if day:
                raise PeriodError(f'"{text}" gives a day of a season: give a month instead')
            return cls(Precision.SEASON, year, _SEASONS[name.lower()], 1, text)
        if name.lower() in PARTS_OF_YEAR and year is None:
            raise PeriodError(f'"{text}" needs a year, as in "{text} 2007"')
        raise PeriodError(f'"{name}" is not a month or season')

    @staticmethod
    def checked_year(year: int) -> int:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise PeriodError(f"Give a year between {MIN_YEAR} and {MAX_YEAR}")
        return year

    def year_or_error(self) -> int:
        if self.year is None:
            raise PeriodError(f'"{self.text}" needs a year, as in "{self.text} 2027"')
        return self.year

    def bounds(self, year: int) -> tuple[date, date]:
        match self.precision:
            case Precision.DAY:
                days = calendar.monthrange(year, self.month)[1]
                if self.day > days:
                    month = MONTH_NAMES[self.month - 1]
                    raise PeriodError(f"{month} {year} has only {days} days")
                return date(year, self.month, self.day), date(year, self.month, self.day)
            case Precision.MONTH:
                return date(year, self.month, 1), _month_end(year, self.month)
            case Precision.SEASON:
                return _season(year, self.month)
        return date(year, 1, 1), date(year, 12, 31)


@dataclass(frozen=True, order=True)
class FinancialYear:
    """A local-government financial year, named by the year it starts in: 2003 is 2003/04."""

    start_year: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Read "2003/04", "2003/2004" or "2003-04"."""
        match = _FINANCIAL_YEAR.fullmatch(_clean(text))
        if not match:
            raise PeriodError('Enter a financial year such as "2026/27"')
        first, second = int(match[1]), match[2]
        if not MIN_YEAR <= first <= MAX_YEAR:
            raise PeriodError(f"Give a year between {MIN_YEAR} and {MAX_YEAR}")
        following = first + 1 if len(second) == 4 else (first + 1) % 100
        if int(second) != following:
            raise PeriodError(f'A financial year runs into the next year, as in "{cls(first)}"')
        return cls(first)

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def current(cls) -> FinancialYear:
        return cls.containing(date.today())

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    def __str__(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    def next(self) -> FinancialYear:
        return FinancialYear(self.start_year + 1)

    def previous(self) -> FinancialYear:
        return FinancialYear(self.start_year - 1)

    def as_period(self) -> Period:
        return Period(self.start, self.end, Precision.MONTH)


def financial_years(period: Period) -> list[FinancialYear]:
    """Every financial year the period touches: a carried-over review shows in each of them."""
    first = FinancialYear.containing(period.start).start_year
    last = FinancialYear.containing(period.end).start_year
    return [FinancialYear(year) for year in range(first, last + 1)]


def default_programme_year(years, today: date, span: int = 1) -> FinancialYear:
    """The programme to open on when none is asked for, from the years that have records.

    This year's, if it (or, for a programme of `span` years, one of the years it shows) has
    records; otherwise the latest `span` years that have any, so a council whose programme
    is in the past still sees its last one; with none at all, this year's.
    `years` are programme years (start years), never years reached by planned dates: one
    record deferred into a far year must not move the programme everyone opens on.
    """
    current = FinancialYear.containing(today)
    years = set(years)
    if not years or years & set(range(current.start_year, current.start_year + span)):
        return current
    latest = max(years)
    return FinancialYear(
        min(year for year in range(latest - span + 1, latest + 1) if year in years)
    )


def _clean(text: str) -> str:
    text = _DASHES.sub("-", text).replace(",", " ")
    text = re.sub(r"(?<=[a-z])\.", " ", text, flags=re.IGNORECASE)  # "Sept. 2003"
    return " ".join(text.split())


def _day(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _season(year: int, first_month: int) -> tuple[date, date]:
    last_year, last_month = divmod(year * 12 + first_month + 1, 12)
    return date(year, first_month, 1), _month_end(last_year, last_month + 1)
