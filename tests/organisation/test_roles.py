import pytest
from django.contrib.auth.models import Group

from organisation import roles
from organisation.roles import permission_names

pytestmark = pytest.mark.django_db

ALL = [
    "reviews.view_review",
    "reviews.change_review",
    "reviews.delete_review",
    "organisation.change_ward",
    "organisation.view_ward",
    "reports.issue_committeereport",
    "reports.view_exempt_report",
]


def test_every_role_exists_as_a_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


def test_members_only_read():
    assert permission_names(roles.MEMBER, ALL) == {"reviews.view_review", "organisation.view_ward"}


def test_exempt_members_also_read_part_2_reports():
    assert "reports.view_exempt_report" in permission_names(roles.MEMBER_EXEMPT, ALL)
    assert "reports.view_exempt_report" not in permission_names(roles.MEMBER, ALL)


def test_review_officers_edit_reviews_but_neither_delete_nor_issue():
    names = permission_names(roles.REVIEW_OFFICER, ALL)
    assert "reviews.change_review" in names
    assert "reviews.delete_review" not in names
    assert "reports.issue_committeereport" not in names


def test_only_administrators_manage_reference_data():
    for role in roles.ROLES:
        granted = "organisation.change_ward" in permission_names(role, ALL)
        assert granted == (role == roles.ADMINISTRATOR)


def test_role_of_a_user_is_their_group(make_user):
    assert roles.role_of(make_user(roles.REVIEW_OFFICER)) == roles.REVIEW_OFFICER


def test_syncing_twice_changes_nothing():
    roles.sync_roles()
    before = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    roles.sync_roles()
    assert before == {g.name: set(g.permissions.all()) for g in Group.objects.all()}


def test_review_officers_change_inspections_and_add_papers_but_do_not_judge_them():
    names = permission_names(
        roles.REVIEW_OFFICER,
        [
            "inspections.view_inspection",
            "inspections.change_inspection",
            "inspections.add_inspectiondocument",
            "inspections.add_inspection",
            "inspections.delete_inspection",
            "inspections.record_judgement",
        ],
    )
    assert names == {
        "inspections.view_inspection",
        "inspections.change_inspection",
        "inspections.add_inspectiondocument",
    }
    assert "inspections.record_judgement" in permission_names(
        roles.BEST_VALUE_OFFICER, ["inspections.record_judgement"]
    )


def test_administrators_and_best_value_officers_set_up_house_styles_everyone_reads_them():
    names = [
        "reports.view_housestyle",
        "reports.add_housestyle",
        "reports.change_housestyle",
        "reports.add_committeestyle",
        "reports.change_committeestyle",
        "reports.delete_committeestyle",
    ]
    for role in roles.ROLES:
        granted = permission_names(role, names)
        if role in (roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER):
            assert granted == set(names), role
        else:
            assert granted == {"reports.view_housestyle"}, role
