from datetime import date

import pytest

from core.templatetags.council_dates import cabinet_date, scrutiny_date


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2004, 2, 23), "23RD FEBRUARY 2004"),
        (date(2004, 7, 1), "1ST JULY 2004"),
        (date(2004, 7, 11), "11TH JULY 2004"),
        (date(2004, 7, 22), "22ND JULY 2004"),
    ],
)
def test_scrutiny_header_dates_are_written_as_the_council_does(day, expected):
    assert scrutiny_date(day) == expected


def test_cabinet_dates_are_written_as_the_council_does():
    assert cabinet_date(date(2003, 4, 2)) == "2nd April, 2003"
    assert cabinet_date(None) == ""
