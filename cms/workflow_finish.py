"""What happens when the library's review approves: the approved draft goes live.

Named by the WAGTAIL_FINISH_WORKFLOW_ACTION setting, which Wagtail imports while its
own models load: this module imports nothing at module level.
"""


def publish_approved(workflow_state, user=None):
    """Publish what the workflow approved.

    Wagtail's default also asks the approver's publish right on the page. Library
    editors hold none on purpose: a publish right would let them publish their own work
    without review. Who may approve is decided by the task
    (`cms.models.LibraryReviewTask.get_actions`), and every task of the workflow has
    approved when this runs.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
