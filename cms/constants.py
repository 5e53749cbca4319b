"""Names the admin shows that are data, not messages: gettext never sees them."""

# Wagtail's migrations call both roots "Root"; the page chooser and collection
# lists show these names to staff.
ROOT_PAGE_TITLE = "Gốc"
ROOT_COLLECTION_NAME = "Dùng chung"

# The phone flow for video and audio lessons (issue 15, /quan-ly/bai-hoc-video/); the
# admin links to it beside the full editor.
VIDEO_LESSON_FLOW_URL = "/quan-ly/bai-hoc-video/"
