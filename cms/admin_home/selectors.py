"""What a staff member may add to and what waits for them, from Wagtail's rights."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from cms.models import CoursePage, LessonMedia
from cms.models.media import TranscodeStatus

# Media still on its way to a playable lesson, or stopped on an error.
UNFINISHED = (
    TranscodeStatus.QUEUED,
    TranscodeStatus.PROCESSING,
    TranscodeStatus.FAILED,
)


def courses_for_new_lesson(user) -> QuerySet[CoursePage]:
    """Courses under which this person may add a lesson page, by title."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return CoursePage.objects.filter(pk__in=pages.values("pk")).order_by("title")


def media_in_progress(user, *, limit: int = 10) -> list[LessonMedia]:
    """Audio and video of this person's collections not yet playable, newest first."""
    policy = policy_registry.get_by_type(LessonMedia)
    return list(
        policy.instances_user_has_permission_for(user, "change")
        .filter(transcode_status__in=UNFINISHED)
        .only("id", "title", "type", "transcode_status", "transcode_percent")
        .order_by("-created_at")[:limit]
    )


def reviews_awaiting(user, *, limit: int = 10) -> list[TaskState]:
    """Page workflow steps this person may approve or reject now, oldest first.

    The revision carries the page's id and title, so no page is loaded per row.
    """
    return list(
        TaskState.objects.reviewable_by(user)
        .filter(revision__base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("revision")
        .order_by("started_at")[:limit]
    )
