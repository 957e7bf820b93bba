"""Fuzzy periods: the spellings councils write, and every period reading back as it is shown."""

import calendar
import re
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.periods import (
    ACCEPTED_SPELLINGS,
    FinancialYear,
    Period,
    PeriodError,
    Precision,
    financial_years,
)

D = date
DAY, MONTH, SEASON, YEAR = Precision.DAY, Precision.MONTH, Precision.SEASON, Precision.YEAR


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("December 2003", D(2003, 12, 1), D(2003, 12, 31), MONTH),
        ("December, 2003", D(2003, 12, 1), D(2003, 12, 31), MONTH),
        ("Dec 2003", D(2003, 12, 1), D(2003, 12, 31), MONTH),
        ("Sept 2003", D(2003, 9, 1), D(2003, 9, 30), MONTH),
        ("Sep 2003", D(2003, 9, 1), D(2003, 9, 30), MONTH),
        ("February 2004", D(2004, 2, 1), D(2004, 2, 29), MONTH),
        ("March/April 2003", D(2003, 3, 1), D(2003, 4, 30), MONTH),
        ("July-September 2003", D(2003, 7, 1), D(2003, 9, 30), MONTH),
        ("July–September 2003", D(2003, 7, 1), D(2003, 9, 30), MONTH),
        ("July - September, 2003", D(2003, 7, 1), D(2003, 9, 30), MONTH),
        ("April-June, 2003", D(2003, 4, 1), D(2003, 6, 30), MONTH),
        ("Sept 2003 – March 2004", D(2003, 9, 1), D(2004, 3, 31), MONTH),
        ("Dec 2003 – June 2004", D(2003, 12, 1), D(2004, 6, 30), MONTH),
        ("April 2003 – March 2004", D(2003, 4, 1), D(2004, 3, 31), MONTH),
        ("May – Dec 2003", D(2003, 5, 1), D(2003, 12, 31), MONTH),
        ("Sept 2003 to March 2004", D(2003, 9, 1), D(2004, 3, 31), MONTH),
        ("sept. 2003 — march 2004", D(2003, 9, 1), D(2004, 3, 31), MONTH),
        ("Summer 2003", D(2003, 6, 1), D(2003, 8, 31), SEASON),
        ("Autumn, 2004", D(2004, 9, 1), D(2004, 11, 30), SEASON),
        ("Spring 2004", D(2004, 3, 1), D(2004, 5, 31), SEASON),
        ("Winter 2003", D(2003, 12, 1), D(2004, 2, 29), SEASON),
        ("2005", D(2005, 1, 1), D(2005, 12, 31), YEAR),
        ("4th April 2003", D(2003, 4, 4), D(2003, 4, 4), DAY),
        ("4 April 2003", D(2003, 4, 4), D(2003, 4, 4), DAY),
        ("23rd February 2004", D(2004, 2, 23), D(2004, 2, 23), DAY),
        ("  4   APRIL   2003 ", D(2003, 4, 4), D(2003, 4, 4), DAY),
        ("4 April – 10 May 2003", D(2003, 4, 4), D(2003, 5, 10), DAY),
        ("2005/06", D(2005, 4, 1), D(2006, 3, 31), MONTH),
        ("2005-2006", D(2005, 4, 1), D(2006, 3, 31), MONTH),
        ("early 2007", D(2007, 1, 1), D(2007, 4, 30), MONTH),
        ("Mid 2007", D(2007, 5, 1), D(2007, 8, 31), MONTH),
        ("mid-2007", D(2007, 5, 1), D(2007, 8, 31), MONTH),
        ("LATE 2007", D(2007, 9, 1), D(2007, 12, 31), MONTH),
    ],
)
def test_council_spellings(text, start, end, precision):
    assert Period.parse(text) == Period(start, end, precision)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("4th April 2003", "4 April 2003"),
        ("Dec 2003", "December 2003"),
        ("July - September, 2003", "July–September 2003"),
        ("Sept 2003 – March 2004", "September 2003 – March 2004"),
        ("autumn, 2004", "Autumn 2004"),
        ("2005", "2005"),
        ("2005/06", "April 2005 – March 2006"),
        ("early 2007", "January–April 2007"),
        ("late 2007", "September–December 2007"),
    ],
)
def test_canonical_spelling(text, canonical):
    assert str(Period.parse(text)) == canonical


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Autumn-ish 2004", '"ish" is not a month or season'),
        ("", "Enter a period"),
        ("   ", "Enter a period"),
        ("Smarch 2003", '"Smarch" is not a month or season'),
        ("July 2004 – March 2004", "The end of the period must not be before its start"),
        ("1989", "Give a year between 1990 and 2100"),
        ("June 2101", "Give a year between 1990 and 2100"),
        ("December", '"December" needs a year'),
        ("May 2003 – June", '"June" needs a year'),
        ("30 February 2004", "February 2004 has only 29 days"),
        ("Summer – Autumn 2004", "Only months or days can make a range"),
        ("4 April – June 2003", "both as days"),
        ("2003/05", 'A financial year runs into the next year, as in "2003/04"'),
        ("late 1989", "Give a year between 1990 and 2100"),
        ("early", '"early" needs a year'),
        ("May – June – July 2003", "give one date, or two"),
    ],
)
def test_rejected_spellings(text, message):
    with pytest.raises(PeriodError, match=re.escape(message)) as error:
        Period.parse(text)
    # The form adds a full stop and the accepted spellings after the message.
    assert not str(error.value).endswith(".")


def test_every_example_in_the_form_message_parses():
    examples = re.findall(r'"([^"]+)"', ACCEPTED_SPELLINGS)
    assert len(examples) == 11
    for example in examples:
        Period.parse(example)


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        (D(2003, 7, 4), D(2003, 7, 31), MONTH),
        (D(2003, 7, 1), D(2003, 7, 30), MONTH),
        (D(2003, 7, 1), D(2003, 9, 30), SEASON),
        (D(2003, 1, 1), D(2004, 12, 31), YEAR),
        (D(2003, 7, 2), D(2003, 7, 1), DAY),
    ],
)
def test_periods_must_be_whole_units(start, end, precision):
    with pytest.raises(PeriodError):
        Period(start, end, precision)


def test_precision_is_read_from_its_stored_string():
    assert Period(D(2003, 12, 1), D(2003, 12, 31), "month").precision is MONTH


@pytest.mark.parametrize(
    ("text", "fuzzy"),
    [
        ("4 April 2003", False),
        ("4 April – 10 May 2003", False),
        ("December 2003", False),
        ("March/April 2003", True),
        ("Summer 2003", True),
        ("2005", True),
    ],
)
def test_is_fuzzy(text, fuzzy):
    assert Period.parse(text).is_fuzzy is fuzzy


def test_overlaps_and_contains_include_both_ends():
    summer = Period.parse("Summer 2003")
    assert summer.contains(D(2003, 6, 1)) and summer.contains(D(2003, 8, 31))
    assert not summer.contains(D(2003, 5, 31)) and not summer.contains(D(2003, 9, 1))
    assert summer.overlaps(D(2003, 8, 31), D(2003, 12, 1))
    assert summer.overlaps(D(2003, 1, 1), D(2003, 6, 1))
    assert not summer.overlaps(D(2003, 9, 1), D(2003, 12, 1))


@pytest.mark.parametrize("text", ["2003/04", "2003/2004", "2003-04", " 2003 – 2004 "])
def test_financial_year_spellings(text):
    year = FinancialYear.parse(text)
    assert year == FinancialYear(2003)
    assert (year.start, year.end) == (D(2003, 4, 1), D(2004, 3, 31))
    assert str(year) == "2003/04"
    assert str(year.as_period()) == "April 2003 – March 2004"


@pytest.mark.parametrize("text", ["2003/05", "2003/2003", "2003", "03/04", "", "1989/90"])
def test_financial_year_rejects(text):
    with pytest.raises(PeriodError):
        FinancialYear.parse(text)


def test_financial_year_across_the_century():
    assert str(FinancialYear(1999)) == "1999/00"
    assert FinancialYear.parse("1999/00") == FinancialYear(1999)


def test_current_financial_year():
    assert FinancialYear.current() == FinancialYear.containing(date.today())


def test_carried_over_period_is_in_both_financial_years():
    period = Period.parse("Dec 2003 – June 2004")
    assert financial_years(period) == [FinancialYear(2003), FinancialYear(2004)]


# Property tests ---------------------------------------------------------------------------------

YEARS = st.integers(1995, 2040)
DATES = st.dates(D(1995, 1, 1), D(2040, 12, 31))
MONTHS = st.tuples(YEARS, st.integers(1, 12))


def month_end(year, month):
    return D(year, month, calendar.monthrange(year, month)[1])


def season(year, name):
    first = {"Spring": 3, "Summer": 6, "Autumn": 9, "Winter": 12}[name]
    if first == 12:
        return Period(D(year, 12, 1), month_end(year + 1, 2), SEASON)
    return Period(D(year, first, 1), month_end(year, first + 2), SEASON)


days = DATES.map(lambda day: Period(day, day, DAY))
day_ranges = st.lists(DATES, min_size=2, max_size=2).map(sorted).map(lambda d: Period(*d, DAY))
months = MONTHS.map(lambda m: Period(D(*m, 1), month_end(*m), MONTH))
month_ranges = (
    st.lists(MONTHS, min_size=2, max_size=2)
    .map(sorted)
    .map(lambda m: Period(D(*m[0], 1), month_end(*m[1]), MONTH))
)
seasons = st.builds(season, YEARS, st.sampled_from(["Spring", "Summer", "Autumn", "Winter"]))
years = YEARS.map(lambda year: Period(D(year, 1, 1), D(year, 12, 31), YEAR))
periods = st.one_of(days, day_ranges, months, month_ranges, seasons, years)

# Ways people retype a period that must not change what it means.
retypings = st.sampled_from(
    [
        str.upper,
        str.lower,
        lambda text: f"  {text}  ",
        lambda text: text.replace(" – ", " to ").replace("–", " to "),
        lambda text: text.replace("–", " - "),
        lambda text: text.replace("–", "—"),
        lambda text: text.replace(" ", "  "),
    ]
)


@given(periods)
def test_every_period_reads_back_as_shown(period):
    assert Period.parse(str(period)) == period


@given(periods, retypings)
def test_retyped_periods_mean_the_same(period, retype):
    assert Period.parse(retype(str(period))) == period


@given(periods)
def test_period_contains_its_ends_and_nothing_outside(period):
    assert period.contains(period.start) and period.contains(period.end)
    assert not period.contains(period.start - timedelta(days=1))
    assert not period.contains(period.end + timedelta(days=1))
    assert period.overlaps(period.end, period.end + timedelta(days=30))
    assert not period.overlaps(period.end + timedelta(days=1), period.end + timedelta(days=30))


@given(periods)
def test_financial_years_cover_the_period_without_gaps(period):
    found = financial_years(period)
    assert found[0].start <= period.start and period.end <= found[-1].end
    assert all(a.next() == b for a, b in pairwise(found))


@given(DATES)
def test_financial_year_containing(day):
    year = FinancialYear.containing(day)
    assert year.start <= day <= year.end


@given(YEARS.map(FinancialYear))
def test_financial_years_follow_on(year):
    assert FinancialYear.parse(str(year)) == year
    assert year.next().start == year.end + timedelta(days=1)
    assert year.next().previous() == year
    assert year < year.next()
    assert financial_years(year.as_period()) == [year]
