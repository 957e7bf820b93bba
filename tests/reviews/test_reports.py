from datetime import date

import pytest

from core.periods import FinancialYear, Period
from reviews import reports
from reviews.models import Outcome, ProgressUpdate, Recommendation, Review, Stage
from tests.factories import DirectorFactory

pytestmark = pytest.mark.django_db


def make_review(title, year=2003, period=None, stage=Stage.SCOPING, director=None):
    review = Review(
        title=title,
        programme_year=year,
        stage=stage,
        responsible_director=director or DirectorFactory(full_name="Bruce Jassi"),
    )
    review.planned = Period.parse(period) if period else None
    review.save()
    return review


def test_progress_table_shows_each_live_review_with_its_newest_update():
    engineering = make_review("Engineering & Transportation")
    ProgressUpdate.objects.create(review=engineering, date=date(2003, 12, 1), text="Old news.")
    ProgressUpdate.objects.create(
        review=engineering, date=date(2004, 1, 29), text="Deferred for six months."
    )
    make_review("Housing Strategy & Private Sector")
    make_review("Closed review", stage=Stage.COMPLETED)
    table = reports.progress_table()
    assert table.rows == [
        ["Engineering & Transportation", "Deferred for six months."],
        ["Housing Strategy & Private Sector", "Scoping. No progress has been reported yet."],
    ]


def test_programme_columns_mark_carried_over_reviews_in_both_years():
    make_review("Bereavement Services", year=2002, period="April 2002 – June 2003")
    make_review("Construction Design", period="April 2003 – March 2004")
    in_progress, programme = reports.programme_columns(FinancialYear(2003))
    assert in_progress == ["Bereavement Services\n(Continues into 2003/04)\nBruce Jassi"]
    assert programme == [
        "Bereavement Services\n(Continued from 2002/03)\nBruce Jassi",
        "Construction Design\n(April 2003 – March 2004)\nBruce Jassi",
    ]


def test_recommendations_run_on_with_their_letters():
    review = make_review("Services to Children (0-9)")
    Recommendation.objects.create(review=review, letter="b", text="clear referral routes")
    Recommendation.objects.create(review=review, letter="a", text="early intervention")
    assert reports.recommendations_text(review) == (
        "The key recommendations of the review were: - (a) early intervention, "
        "(b) clear referral routes"
    )


def test_outcomes_are_grouped_under_numbered_themes():
    review = make_review("Community Development")
    for order, (theme, text) in enumerate(
        [
            ("Promoting Local Governance & Renewal", "Greater partnership working"),
            ("Promoting Local Governance & Renewal", "More participation"),
            ("1.5. Performance Management", "Collate CPA information"),
        ]
    ):
        Outcome.objects.create(review=review, theme=theme, text=text, order=order)
    section = reports.outcomes_section(review)
    assert section.text == (
        "### 1.1 Promoting Local Governance & Renewal\n\n- Greater partnership working\n"
        "- More participation\n\n### 1.2 Performance Management\n\n- Collate CPA information"
    )
