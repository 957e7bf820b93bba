from datetime import date

import pytest
from django.core.exceptions import ValidationError

from committees import rules

LAST_THURSDAY = "FREQ=MONTHLY;BYDAY=-1TH"


def test_last_thursday_of_each_month_gives_the_last_thursdays():
    assert rules.dates(LAST_THURSDAY, date(2003, 4, 1), after=date(2004, 1, 1), count=3) == [
        date(2004, 1, 29),
        date(2004, 2, 26),
        date(2004, 3, 25),
    ]


def test_inclusive_dates_include_a_meeting_on_the_day_itself():
    day = date(2004, 1, 29)
    assert rules.dates(LAST_THURSDAY, day, after=day, count=1, inclusive=True) == [day]
    assert rules.dates(LAST_THURSDAY, day, after=day, count=1) == [date(2004, 2, 26)]


def test_interval_counts_from_the_day_the_rule_applies_from():
    every_other_monday = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
    assert rules.dates(every_other_monday, date(2004, 1, 5), after=date(2004, 1, 6), count=2) == [
        date(2004, 1, 19),
        date(2004, 2, 2),
    ]


def test_a_rule_with_a_count_or_an_end_date_ends():
    rule = "FREQ=MONTHLY;BYDAY=-1TH;COUNT=2"
    assert len(rules.dates(rule, date(2004, 1, 1), after=date(2004, 1, 1), count=5)) == 2
    assert rules.first_date("FREQ=MONTHLY;BYDAY=-1TH;UNTIL=20040101", date(2004, 3, 1)) is None


@pytest.mark.parametrize(
    "typed",
    ["freq=monthly;byday=-1th", "RRULE:FREQ=MONTHLY;BYDAY=-1TH", " FREQ=MONTHLY; BYDAY=-1TH "],
)
def test_rules_are_stored_in_one_spelling(typed):
    assert rules.normalise(typed) == LAST_THURSDAY


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("every last thursday", "is not a rule part"),
        ("BYDAY=-1TH", "Start the rule with how often"),
        ("FREQ=HOURLY", "committees meet on days"),
        ("FREQ=MONTHLY;BYDAY=-1XX", "is not a day"),
        ("FREQ=MONTHLY;BYDAY=9TH", "is not a day"),
        ("FREQ=WEEKLY;BYDAY=-1TH", "needs FREQ=MONTHLY"),
        ("FREQ=MONTHLY;BYHOUR=10", "is not accepted"),
        ("FREQ=MONTHLY;FREQ=WEEKLY", "given twice"),
        ("FREQ=MONTHLY;INTERVAL=0", "INTERVAL must be"),
        ("FREQ=MONTHLY;COUNT=3;UNTIL=20051231", "either COUNT or UNTIL"),
        ("FREQ=MONTHLY;UNTIL=2005-12-31", "Write UNTIL as a date"),
        ("FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=TH", "not both"),
        ("FREQ=MONTHLY;BYMONTH=13", "BYMONTH must be"),
        ("FREQ=MONTHLY;WKST=XX", "not a meeting rule dateutil understands"),
    ],
)
def test_a_rule_that_is_not_valid_says_what_to_do(rule, message):
    with pytest.raises(ValidationError, match=message):
        rules.validate(rule)


@pytest.mark.parametrize(
    "rule",
    [
        # dateutil searches to the year 9999 for these (seconds each); they are refused first.
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
        "FREQ=MONTHLY;INTERVAL=0",
    ],
)
def test_rules_that_would_never_give_a_date_are_refused_without_searching(rule):
    with pytest.raises(ValidationError):
        rules.validate(rule)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (LAST_THURSDAY, "Last Thursday of each month"),
        ("FREQ=MONTHLY;BYDAY=2TU", "Second Tuesday of each month"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE", "First Wednesday of every 2 months"),
        ("FREQ=WEEKLY;BYDAY=MO", "Every Monday"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "Every Monday and Thursday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "Monday, every 2 weeks"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "Day 15 of each month"),
        ("FREQ=YEARLY", "Once each year"),
        ("FREQ=MONTHLY;BYMONTH=1,4;BYDAY=-1TH", "FREQ=MONTHLY;BYMONTH=1,4;BYDAY=-1TH"),
    ],
)
def test_rules_are_described_in_words_or_shown_as_they_are(rule, words):
    assert rules.describe(rule) == words
