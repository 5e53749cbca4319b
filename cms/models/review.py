"""The library's approval step: library editors review, never their own work."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Revision


class LibraryReviewTask(AbstractGroupApprovalTask):
    """Group approval where the submitter and the revision's editors may not decide.

    Separation of duties: a library editor who submitted a resource, or edited the
    revision under review, sees no approve or reject action and cannot post one (the
    workflow action view asks `get_actions`). Another library editor decides.
    """

    @staticmethod
    def _in_progress_state(obj):
        workflow_state = getattr(obj, "current_workflow_state", None)
        if workflow_state is None:
            return None, None
        return workflow_state, workflow_state.current_task_state

    def is_own_work(self, obj, user) -> bool:
        """Did this user submit the object, or author a revision now under review?"""
        workflow_state, task_state = self._in_progress_state(obj)
        if workflow_state is None:
            return False
        if workflow_state.requested_by_id == user.pk:
            return True
        if task_state is not None and task_state.revision.user_id == user.pk:
            return True
        # Edits made while the review runs are the reviewer's own work too.
        return (
            Revision.objects.for_instance(obj)
            .filter(user_id=user.pk, created_at__gte=workflow_state.created_at)
            .exists()
        )

    def get_actions(self, obj, user):
        if self.is_own_work(obj, user):
            return []
        return super().get_actions(obj, user)

    def user_can_lock(self, obj, user):
        # Locking is a reviewer's tool; the author does not lock reviewers out.
        return super().user_can_lock(obj, user) and not self.is_own_work(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(
            revision__user=user
        )

    @classmethod
    def get_description(cls):
        return _(
            "Library editors approve; nobody approves their own submission or edit"
        )

    class Meta:
        verbose_name = _("library review task")
        verbose_name_plural = _("library review tasks")
