from datetime import date, time

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
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE", "First Wednesday of every other month"),
        ("FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE", "First Wednesday of every 3 months"),
        ("FREQ=MONTHLY;BYDAY=1MO,3MO", "First and third Monday of each month"),
        ("FREQ=MONTHLY;BYDAY=-2TH", "Second to last Thursday of each month"),
        ("FREQ=WEEKLY;BYDAY=MO", "Every Monday"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "Every Monday and Thursday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "Every other Monday"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", "Every 3 weeks on Friday"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "Day 15 of each month"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", "Days 1 and 15 of each month"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "The last day of each month"),
        ("FREQ=YEARLY", "Once each year"),
        ("FREQ=DAILY", "Every day"),
        ("FREQ=MONTHLY;BYMONTH=1,4;BYDAY=-1TH", "Last Thursday of January and April"),
        ("FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=4", "Day 4 of July"),
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=6", "Every Monday, 6 times"),
        (
            "FREQ=MONTHLY;BYDAY=1MO;UNTIL=20051231",
            "First Monday of each month, until 31 December 2005",
        ),
    ],
)
def test_rules_are_described_in_words(rule, words):
    assert rules.describe(rule) == words


def test_the_usual_time_is_said_with_the_rule():
    assert rules.describe(LAST_THURSDAY, time(10)) == "Last Thursday of each month at 10am"
    assert rules.describe("FREQ=WEEKLY;BYDAY=TU", time(19, 30)) == "Every Tuesday at 7.30pm"


# Typed in words


@pytest.mark.parametrize(
    ("typed", "rule", "at"),
    [
        ("last Thursday of each month at 10am", LAST_THURSDAY, time(10)),
        ("Last Monday of each month", "FREQ=MONTHLY;BYDAY=-1MO", None),
        ("every other Tuesday at 6pm", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", time(18)),
        ("first Monday of each month at 7.30pm", "FREQ=MONTHLY;BYDAY=1MO", time(19, 30)),
        ("On the last Thursday of the month, 10 a.m.", LAST_THURSDAY, time(10)),
        ("monthly on the last thursday", LAST_THURSDAY, None),
        ("Every Wednesday at 14:00", "FREQ=WEEKLY;BYDAY=WE", time(14)),
        ("Wednesdays", "FREQ=WEEKLY;BYDAY=WE", None),
        ("every Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH", None),
        ("every second Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None),
        ("second Tuesday of each month", "FREQ=MONTHLY;BYDAY=2TU", None),
        ("fortnightly on Thursdays", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", None),
        ("every 3 weeks on Friday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", None),
        ("every three weeks on Fri", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", None),
        ("first and third Monday of each month", "FREQ=MONTHLY;BYDAY=1MO,3MO", None),
        ("1st Wed of every other month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE", None),
        ("day 15 of each month", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        ("the 1st of every month at midday", "FREQ=MONTHLY;BYMONTHDAY=1", time(12)),
        ("the last day of each month", "FREQ=MONTHLY;BYMONTHDAY=-1", None),
    ],
)
def test_rules_typed_in_words_are_understood(typed, rule, at):
    assert rules.from_words(typed) == (rule, at)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter when the committee meets"),
        ("LASTMONDAYOFEACHMONTH", "“lastmondayofeachmonth” is not a word a meeting rule uses"),
        ("every Thurday", "“thurday” is not a word a meeting rule uses"),
        ("last Thursday of each week", "Only a month has a first or last Thursday"),
        ("every month", "Say which day the committee meets"),
        ("monthly on Tuesdays", "Say which week of the month"),
        ("every last", "Say which day comes after “last”"),
        ("every 13 weeks on Monday", "Meetings can be from 1 to 12 weeks apart"),
        ("day 15 on Mondays", "not both"),
        ("day 32 of each month", "A month has days 1 to 31"),
        ("every Monday at 25pm", "“25pm” is not a time"),
        ("every Monday at 6", "“6” is not a time. Write it like 10am, 6pm"),
    ],
)
def test_words_not_understood_say_what_is_wrong_and_give_examples(typed, message):
    with pytest.raises(ValidationError) as error:
        rules.from_words(typed)
    (said,) = error.value.messages
    assert message in said
    if "time" not in message:
        assert "“last Thursday of each month at 10am”" in said


BUILT = [
    ({"frequency": "weekly", "weekday": "WE"}, "FREQ=WEEKLY;BYDAY=WE"),
    ({"frequency": "weeks", "weekday": "TU", "interval": 2}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
    ({"frequency": "monthly", "weekday": "TH", "week": "-1"}, LAST_THURSDAY),
    ({"frequency": "monthly", "weekday": "MO", "week": "1"}, "FREQ=MONTHLY;BYDAY=1MO"),
]


@pytest.mark.parametrize(("answers", "rule"), BUILT)
def test_the_builder_makes_a_rule_and_reads_it_back(answers, rule):
    assert rules.build(**answers) == rule
    assert rules.builder_answers(rule) == answers
    rules.validate(rule)


@pytest.mark.parametrize("rule", ["FREQ=YEARLY", "FREQ=MONTHLY;BYDAY=1MO,3MO", "FREQ=DAILY"])
def test_rules_the_builder_cannot_make_are_left_to_words(rule):
    assert rules.builder_answers(rule) is None


@pytest.mark.parametrize(
    "rule",
    [rule for _, rule in BUILT]
    + [
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR",
        "FREQ=WEEKLY;BYDAY=MO,TH",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE",
        "FREQ=MONTHLY;BYDAY=1MO,3MO",
        "FREQ=MONTHLY;BYMONTHDAY=1,15",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
    ],
)
@pytest.mark.parametrize("at", [None, time(10), time(19, 30)])
def test_words_of_a_rule_read_back_as_the_same_rule(rule, at):
    assert rules.from_words(rules.describe(rule, at)) == (rule, at)
