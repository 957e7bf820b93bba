"""The five roles, as Django groups, and the model permissions each one carries.

Object-level rules (a review officer edits only the reviews they lead or are on the team of)
are enforced in the views; the groups give the model-level ceiling.
"""

from fnmatch import fnmatch

from django.contrib.auth.models import Group, Permission

ADMINISTRATOR = "Administrator"
BEST_VALUE_OFFICER = "Best value officer"
REVIEW_OFFICER = "Review officer"
MEMBER = "Member"
MEMBER_EXEMPT = "Member with exempt access"

ROLES = [ADMINISTRATOR, BEST_VALUE_OFFICER, REVIEW_OFFICER, MEMBER, MEMBER_EXEMPT]

DOMAIN_APPS = ["reviews", "inspections", "committees", "improvement_plans", "reports"]
READ = [f"{app}.view_*" for app in [*DOMAIN_APPS, "organisation"]]

# Patterns of "app_label.codename", matched with fnmatch against every permission there is.
ROLE_PERMISSIONS = {
    ADMINISTRATOR: ["*"],
    BEST_VALUE_OFFICER: [*READ, *(f"{app}.*" for app in DOMAIN_APPS)],
    REVIEW_OFFICER: [
        *READ,
        "reviews.*",
        # Inspections of their own reviews: the details and papers, not the judgement.
        "inspections.change_inspection",
        "inspections.add_inspectiondocument",
        "improvement_plans.*",
        "committees.*_meeting",
        "committees.*_minuteitem",
        "committees.*_boardrequest",
        "reports.*_committeereport",
    ],
    MEMBER: READ,
    MEMBER_EXEMPT: [*READ, "reports.view_exempt_report"],
}

# Only a best value officer issues reports, and Part 2 is for them and exempt members alone.
WITHHELD = {
    MEMBER: ["reports.view_exempt_report"],
    REVIEW_OFFICER: [
        "reviews.delete_*",
        "improvement_plans.delete_*",
        "reports.issue_*",
        "reports.view_exempt_report",
        "committees.delete_*",
        "reports.delete_*",
    ],
}


def permission_names(role, all_names):
    """The permissions of `role` among `all_names` ("app_label.codename" strings)."""
    wanted = ROLE_PERMISSIONS[role]
    withheld = WITHHELD.get(role, [])
    return {
        name
        for name in all_names
        if any(fnmatch(name, pattern) for pattern in wanted)
        and not any(fnmatch(name, pattern) for pattern in withheld)
    }


def sync_roles(using="default"):
    """Create the role groups and give each exactly its permissions. Safe to repeat."""
    permissions = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    for role in ROLES:
        group, _ = Group.objects.using(using).get_or_create(name=role)
        names = permission_names(role, permissions)
        group.permissions.set([permissions[name] for name in names])


def sync_roles_after_migrate(sender, using="default", **kwargs):
    if sender.label == "organisation" or sender.label in DOMAIN_APPS:
        sync_roles(using)


def role_of(user):
    """The user's role name, or None: the highest-ranking group they belong to."""
    if user.is_superuser:
        return ADMINISTRATOR
    names = {group.name for group in user.groups.all()}
    return next((role for role in ROLES if role in names), None)


def edits_everything(user):
    """Best value officers and administrators change every record their role may change;
    review officers only those of the reviews they lead or are on the team of."""
    return role_of(user) in {ADMINISTRATOR, BEST_VALUE_OFFICER}
