"""Names the admin shows that are data, not messages: gettext never sees them."""

# Wagtail's migrations call both roots "Root"; the page chooser and collection
# lists show these names to staff.
ROOT_PAGE_TITLE = "Gốc"
ROOT_COLLECTION_NAME = "Dùng chung"
# Wagtail's default workflow and its one task, both "Moderators approval".
DEFAULT_WORKFLOW_NAME = "Quy trình duyệt nội dung"
DEFAULT_TASK_NAME = "Kiểm duyệt nội dung"

# The phone flow for video and audio lessons (issue 15, /quan-ly/bai-hoc-video/); the
# admin links to it beside the full editor.
VIDEO_LESSON_FLOW_URL = "/quan-ly/bai-hoc-video/"
