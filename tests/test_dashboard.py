"""The dashboard: figures that link to the lists behind them, charts with text, few queries."""

from datetime import timedelta
from html import escape
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from core.periods import FinancialYear
from overview.dashboard import PLANS_SHOWN
from reports.models import CommitteeReport
from tests.factories import (
    ActionFactory,
    BoardRequestFactory,
    CommitteeReportFactory,
    InspectionFactory,
    KeyIssueFactory,
    MeetingFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n):
    return TODAY + timedelta(days=n)


def council(size):
    year = FinancialYear.containing(TODAY).start_year
    for n in range(size):
        ReviewFactory(programme_year=year, stage="scoping" if n % 2 else "challenge")
        ActionFactory(milestone_date=days(-1 - n), start_date=days(-100))  # red
        ActionFactory(milestone_date=days(5), start_date=days(-10))  # amber
        InspectionFactory(timing_start=days(10), timing_end=days(40), title=f"Inspection {n}")
        meeting = MeetingFactory(date=days(7 + n))
        BoardRequestFactory(due_meeting=meeting, raised_at=MeetingFactory(date=days(-30 - n)))
        CommitteeReportFactory()


def test_figures_link_to_the_filtered_lists_behind_them(client, member):
    council(3)
    client.force_login(member)
    page = client.get(reverse("home")).text
    red = reverse("improvement_plans:due-action-list") + "?rag=red"
    assert f'href="{red}"' in page
    assert '<span class="bv-figure__value">3</span> <span class="bv-figure__label">Red' in page
    drafts = reverse("reports:report-list") + "?status=draft"
    assert f'href="{drafts}"' in page
    assert "Inspection 2" in page
    assert "Due: A report to the next meeting" in page


def test_late_reviews_are_counted_and_linked_to_the_programme_of_late_reviews(client, member):
    year = FinancialYear.containing(TODAY)
    earlier = year.previous()
    ReviewFactory(
        title="Late this year",
        programme_year=year.start_year,
        planned_start=year.start,
        planned_end=days(-1),
        planned_precision="day",
        stage="challenge",
    )
    ReviewFactory(
        title="Late from last year",
        programme_year=earlier.start_year,
        planned_start=earlier.start,
        planned_end=earlier.end,
        planned_precision="day",
    )
    ReviewFactory(
        title="Done",
        programme_year=year.start_year,
        planned_start=year.start,
        planned_end=days(-1),
        planned_precision="day",
        stage="completed",
    )
    ReviewFactory(
        title="On time",
        programme_year=year.start_year,
        planned_start=year.start,
        planned_end=days(30),
        planned_precision="day",
    )
    client.force_login(member)
    page = client.get(reverse("home")).text
    late = reverse("reviews:review-list") + "?" + urlencode({"year": str(year), "late": "on"})
    assert f'href="{escape(late)}"' in page
    assert '<span class="bv-figure__value">2</span> <span class="bv-figure__label">Late' in page
    listed = client.get(late)
    assert [review.title for review in listed.context["reviews"]] == [
        "Late from last year",
        "Late this year",
    ]


def test_red_actions_list_shows_only_the_red_ones(client, member):
    council(3)
    client.force_login(member)
    response = client.get(reverse("improvement_plans:due-action-list"), {"rag": "red"})
    assert response.status_code == 200
    assert response.text.count("govuk-tag--red") >= 3
    assert "govuk-tag--orange" not in response.text


def test_the_charts_have_a_title_a_description_and_their_numbers_as_a_table(client, member):
    council(4)
    client.force_login(member)
    page = client.get(reverse("home")).text
    assert '<title id="stage-chart-title">Reviews by stage' in page
    assert "Scoping: 2, Challenge (4 Cs): 2" in page
    assert "Reviews by stage" in page and "as a table" in page
    assert '<title id="rag-chart-title">Improvement plan actions by RAG status</title>' in page


def test_an_officer_sees_their_own_actions_first(client, review_officer):
    ActionFactory(lead_officer=review_officer.person, milestone_date=days(-3), start_date=days(-9))
    client.force_login(review_officer)
    page = client.get(reverse("home")).text
    assert page.index("Your actions") < page.index("Actions across all plans")
    assert reverse("improvement_plans:my-action-list") + "?rag=red" in page


def test_part_2_drafts_are_not_counted_for_members(client, member, exempt_member):
    CommitteeReportFactory(part=CommitteeReport.Part.EXEMPT, exempt_paragraph=1)
    client.force_login(member)
    assert '<span class="bv-figure__value">0</span> <span class="bv-figure__label">Reports' in (
        client.get(reverse("home")).text
    )
    client.force_login(exempt_member)
    assert '<span class="bv-figure__value">1</span> <span class="bv-figure__label">Reports' in (
        client.get(reverse("home")).text
    )


@pytest.mark.parametrize("size", [2, 25])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, review_officer, django_assert_max_num_queries, size
):
    council(size)
    client.force_login(review_officer)
    with django_assert_max_num_queries(17):
        assert client.get(reverse("home")).status_code == 200


def test_the_plans_most_in_need_of_attention_are_listed_first_and_the_rest_linked(client, member):
    calm = ActionFactory(key_issue__plan__title="Calm plan").key_issue.plan  # green only
    worst = KeyIssueFactory(plan__title="Worst plan")
    for n in range(3):
        ActionFactory(key_issue=worst, milestone_date=days(-1 - n), start_date=days(-100))
    for n in range(PLANS_SHOWN):
        ActionFactory(key_issue__plan__title=f"Slipping plan {n}", milestone_date=days(5))
    client.force_login(member)
    page = client.get(reverse("home")).text
    start = page.index("with the most red and amber actions")
    table = page[start : page.index("</table>", start)]
    assert table.index("Worst plan") < table.index("Slipping plan 0")
    assert table.count("govuk-table__row") == PLANS_SHOWN + 1  # the header row too
    assert calm.title not in table
    assert f"of {PLANS_SHOWN + 1} with any" in page
    assert f"All {PLANS_SHOWN + 2} improvement plans" in page


def test_a_deferral_into_a_far_year_does_not_move_the_dashboards_programme(client, member):
    ReviewFactory(title="Construction Design", programme_year=2003)
    far = FinancialYear.containing(TODAY).next()
    ReviewFactory(
        title="Youth Service",
        programme_year=2003,
        stage="deferred",
        planned_start=far.start,
        planned_end=far.end,
    )
    client.force_login(member)
    response = client.get(reverse("home"))
    assert response.context["year"] == FinancialYear(2003)
    assert "Reviews by stage, 2003/04 programme" in response.text
