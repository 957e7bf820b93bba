"""The dashboard: figures that link to the lists behind them, charts with text, few queries."""

from datetime import timedelta
from html import escape
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from core.periods import FinancialYear
from organisation import roles
from overview.dashboard import PLANS_SHOWN, WORK_SHOWN
from reports.models import CommitteeReport
from reviews.models import Stage
from tests.factories import (
    ActionFactory,
    BoardRequestFactory,
    CommitteeReportFactory,
    DeferralFactory,
    InspectionFactory,
    KeyIssueFactory,
    MeetingFactory,
    PersonFactory,
    ProgressUpdateFactory,
    ReviewFactory,
    StageChangeFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n):
    return TODAY + timedelta(days=n)


def council(size, officer=None):
    """`size` of everything; `officer` (a Person) leads, is on the team of and is asked for
    as much as anyone else, with a deferred review among them."""
    year = FinancialYear.containing(TODAY).start_year
    for n in range(size):
        review = ReviewFactory(
            programme_year=year,
            stage="scoping" if n % 2 else "challenge",
            lead_officer=officer if n % 2 else PersonFactory(),
            team=[officer] if officer and not n % 2 else [],
        )
        ProgressUpdateFactory(review=review, date=days(-90 - n))
        ActionFactory(milestone_date=days(-1 - n), start_date=days(-100))  # red
        ActionFactory(milestone_date=days(5), start_date=days(-10))  # amber
        InspectionFactory(timing_start=days(10), timing_end=days(40), title=f"Inspection {n}")
        meeting = MeetingFactory(date=days(7 + n))
        BoardRequestFactory(
            due_meeting=meeting,
            raised_at=MeetingFactory(date=days(-30 - n)),
            asked_of=officer if n % 2 else None,
        )
        CommitteeReportFactory()
    deferred = ReviewFactory(programme_year=year, stage=Stage.DEFERRED, lead_officer=officer)
    StageChangeFactory(review=deferred, from_stage=Stage.VISION, to_stage=Stage.DEFERRED)


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
@pytest.mark.parametrize("role", [roles.REVIEW_OFFICER, roles.BEST_VALUE_OFFICER, roles.MEMBER])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, make_user, django_assert_max_num_queries, size, role
):
    user = make_user(role, person=PersonFactory())
    council(size, officer=user.person)
    client.force_login(user)
    # Each list under "Your work" is counted once it is longer than it shows.
    with django_assert_max_num_queries(25):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    work = response.context["work"]
    if role == roles.MEMBER:
        assert work is None
        return
    # The officer's own; a best value officer's are everyone's, theirs among them.
    assert work.reviews.count >= size + 1
    assert len(work.reviews.rows) == min(work.reviews.count, WORK_SHOWN)
    assert work.requests.count >= size // 2
    assert work.updates_owed.count >= size // 2


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


def work_of(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    return response.context["work"], response.text


def titles(work_list):
    return [row.title for row in work_list.rows]


def test_a_review_officers_dashboard_lists_their_reviews_requests_and_the_updates_they_owe(
    client, review_officer
):
    me = review_officer.person
    running = {"planned_start": days(-200), "planned_end": days(100), "planned_precision": "day"}
    late = ReviewFactory(title="Engineering & Transportation", lead_officer=me, stage="challenge")
    ProgressUpdateFactory(review=late, date=days(-10))
    DeferralFactory(review=late, reason="Recruitment difficulties")
    stale = ReviewFactory(title="Community Development", lead_officer=me, stage="vision", **running)
    ProgressUpdateFactory(review=stale, date=days(-61))
    fresh = ReviewFactory(title="Sports and Leisure", lead_officer=me, **running)
    ProgressUpdateFactory(review=fresh, date=days(-60))
    # On the team, not the lead: theirs to work on, not theirs to report.
    ReviewFactory(title="Housing Strategy", team=[me], stage="options", **running)
    ReviewFactory(title="Services to Children (0-9)", lead_officer=me, stage="superseded")
    due = MeetingFactory(date=days(20))
    mine = BoardRequestFactory(
        asked_of=me,
        asked_for="A report on the feasibility of the invest-to-save proposal",
        raised_at=MeetingFactory(committee=due.committee, date=days(-8)),
        due_meeting=due,
    )
    BoardRequestFactory(
        asked_of=me,
        status="answered",
        answer="Done.",
        answered_at_meeting=due,
        asked_for="An answered request",
    )

    work, page = work_of(client, review_officer)

    assert not work.whole_programme
    assert titles(work.reviews) == [  # late first, then by planned end
        "Engineering & Transportation",
        "Community Development",
        "Housing Strategy",
        "Sports and Leisure",
    ]
    assert titles(work.updates_owed) == ["Engineering & Transportation", "Community Development"]
    assert work.requests.rows == [mine]
    assert page.index("Your work") < page.index("Actions across all plans")
    assert "Next stage: Options analysis &amp; improvement plan. Planned: " in page
    assert "Deferred 1 time; latest: Recruitment difficulties" in page
    assert "Late: planned to end by 31 March 2004." in page
    assert f"No progress update since {stale.progress_updates.get().date:%-d %B %Y}." in page
    assert reverse("reviews:progress-create", args=[stale.pk]) in page
    assert reverse("reviews:progress-create", args=[fresh.pk]) not in page
    assert f'href="{due.get_absolute_url()}">{due}</a>' in page
    assert "An answered request" not in page


def test_another_officers_reviews_requests_and_updates_do_not_appear(client, review_officer):
    other = PersonFactory()
    ReviewFactory(title="Youth Service", lead_officer=other, team=[PersonFactory()])
    BoardRequestFactory(asked_of=other, asked_for="Reprovision of Buckle Close")
    BoardRequestFactory(asked_for="Asked of a post, not of me")

    work, page = work_of(client, review_officer)

    assert (work.reviews.rows, work.updates_owed.rows, work.requests.rows) == ([], [], [])
    assert "Youth Service" not in page and "Buckle Close" not in page
    assert "You owe no progress updates." in page
    assert "No open board request is asked of you." in page


def test_a_best_value_officer_sees_the_whole_programmes_work(client, make_user):
    officer = PersonFactory(full_name="Wes Cuell")
    ReviewFactory(title="Youth Service", lead_officer=officer)
    ReviewFactory(title="Construction Design")  # no lead officer: still owes an update
    BoardRequestFactory(asked_of=officer, asked_of_text="", asked_for="Reprovision of Buckle Close")

    work, page = work_of(client, make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory()))

    assert work.whole_programme
    assert titles(work.updates_owed) == ["Construction Design", "Youth Service"]
    assert "Lead officer: Wes Cuell." in page and "Lead officer: not set." in page
    assert "Reprovision of Buckle Close" in page and "Asked of Wes Cuell." in page
    assert "The programme's work" in page


def test_each_list_shows_the_most_urgent_and_says_how_many_there_are(client, review_officer):
    for n in range(WORK_SHOWN + 2):
        ReviewFactory(title=f"Review {n:02}", lead_officer=review_officer.person)

    work, page = work_of(client, review_officer)

    assert (len(work.updates_owed.rows), work.updates_owed.count) == (WORK_SHOWN, WORK_SHOWN + 2)
    assert f"The {WORK_SHOWN} most urgent of {WORK_SHOWN + 2}." in page


@pytest.mark.parametrize("role", [roles.MEMBER, roles.MEMBER_EXEMPT])
def test_members_have_no_work_of_their_own_to_do(client, make_user, role):
    member = make_user(role, person=PersonFactory())
    ReviewFactory(lead_officer=member.person)

    work, page = work_of(client, member)

    assert work is None
    assert "Your work" not in page and "The programme's work" not in page
