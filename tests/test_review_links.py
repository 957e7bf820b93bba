"""The review page shows the records other apps link to it: inspections, plans, minutes."""

import pytest

from tests.factories import (
    ActionFactory,
    BoardRequestFactory,
    CommitteeReportFactory,
    ImprovementPlanFactory,
    InspectionFactory,
    KeyIssueFactory,
    MinuteItemFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def linked_review(count):
    review = ReviewFactory(title="Housing management")
    for number in range(count):
        InspectionFactory(review=review, title=f"Housing inspection {number}")
        plan = ImprovementPlanFactory(review=review, title=f"Housing plan {number}")
        ActionFactory(key_issue=KeyIssueFactory(plan=plan))
        item = MinuteItemFactory(review=review, heading=f"Housing item {number}")
        BoardRequestFactory(raised_at=item.meeting, review=review, asked_for=f"Ask {number}")
        CommitteeReportFactory(review=review, subject=f"Housing report {number}")
    InspectionFactory(title="Another review's inspection")
    return review


def test_the_review_page_lists_its_inspections_plans_minutes_and_open_requests(client, member):
    review = linked_review(2)
    client.force_login(member)
    page = client.get(review.get_absolute_url()).text
    for heading in ("Inspections", "Improvement plans", "Minutes and requests"):
        assert f">{heading}</h2>" in page
    for text in (
        "Housing inspection 1",
        "Housing plan 1",
        "Housing item 1",
        "Ask 1",
        "Housing report 1",
    ):
        assert text in page
    assert "Another review&#x27;s inspection" not in page
    assert page.index(">Inspections</h2>") < page.index(">Improvement plans</h2>")


def test_a_review_without_linked_records_says_so(client, member):
    client.force_login(member)
    page = client.get(ReviewFactory().get_absolute_url()).text
    assert "No inspections of this review are planned." in page
    assert "This review has no improvement plan yet." in page


@pytest.mark.parametrize("count", [2, 40])
def test_linked_records_add_a_fixed_number_of_queries(
    client, member, django_assert_max_num_queries, count
):
    review = linked_review(count)
    client.force_login(member)
    with django_assert_max_num_queries(23):  # RAG counts: one query for all plans
        assert client.get(review.get_absolute_url()).status_code == 200
