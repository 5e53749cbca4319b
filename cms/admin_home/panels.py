"""The staff member's tasks on the admin home page, in large type."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from cms.admin_home import selectors
from cms.constants import VIDEO_LESSON_FLOW_URL


class StaffTasksPanel(Component):
    """The "Thêm bài học" button, audio and video not yet playable, reviews awaiting."""

    name = "staff_tasks"
    template_name = "cms/admin_home/staff_tasks_panel.html"
    order = 10  # before Wagtail's own panels

    def __init__(self, request):
        user = request.user
        self.may_add_lesson = selectors.courses_for_new_lesson(user).exists()
        self.media_files = selectors.media_in_progress(user)
        self.reviews = selectors.reviews_awaiting(user)

    def render_html(self, parent_context=None):
        if not (self.may_add_lesson or self.media_files or self.reviews):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            "may_add_lesson": self.may_add_lesson,
            "add_lesson_url": reverse("cms_admin_home:add_lesson"),
            "video_flow_url": VIDEO_LESSON_FLOW_URL,
            "media_files": self.media_files,
            "reviews": self.reviews,
        }
