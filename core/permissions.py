"""Who may see and change which records: one API, used by views, form choosers and services.

Model permissions (from the user's role) are the ceiling. On top of them each record's
QuerySet answers `visible_to(user)` and `editable_by(user)`, from one `editing_rule(user)`:
True (every record), False (none) or a Q of the records the user may change. A record's
`can_be_edited_by(user)` asks the same rule.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, Value, When


class RecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Records `user` may read: all of them, for anyone with the view permission, unless
        a model hides some (a Part 2 report)."""
        return self

    def editing_rule(self, user):
        """True, False or a Q. By default the change permission decides alone; models whose
        officers edit only their own records say more."""
        return user.has_perm(f"{self.model._meta.app_label}.change_{self.model._meta.model_name}")

    def editable_by(self, user):
        rule = self.editing_rule(user)
        if rule is True:
            return self
        if rule is False:
            return self.none()
        return self.filter(rule)

    def with_can_edit(self, user):
        """Annotate `can_edit`, whether `user` may change each record: one query for a list."""
        rule = self.editing_rule(user)
        if isinstance(rule, bool):
            return self.annotate(can_edit=Value(rule))
        # A Case rather than the bare condition, which is NULL (not False) when a lead is blank.
        return self.annotate(can_edit=Case(When(rule, then=Value(True)), default=Value(False)))


class EditableRecord:
    """For models whose manager is a RecordQuerySet."""

    def can_be_edited_by(self, user):
        rule = type(self)._default_manager.all().editing_rule(user)
        if isinstance(rule, bool):
            return rule
        return type(self)._default_manager.filter(rule, pk=self.pk).exists()


class ObjectEditMixin(PermissionRequiredMixin):
    """Refuse GET and POST alike (403) unless the user may edit `edit_target()`.

    `edit_target()` is the object itself by default; views of a record's parts (a review's
    recommendation, a plan's action) return the parent whose rule applies.
    """

    def edit_target(self):
        return self.get_object()

    def has_permission(self):
        return super().has_permission() and self.edit_target().can_be_edited_by(self.request.user)

    def handle_no_permission(self):
        raise PermissionDenied("You cannot change this record.")
