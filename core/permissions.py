"""View mixins for permissions, used the same way by every app.

Model permissions (from the user's role) are the ceiling; a model's `can_be_edited_by(user)`
adds the object rule (a review officer edits only what they lead or are on the team of).
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied


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
