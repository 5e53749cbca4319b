"""The LMS page tree and Chromium fixtures, shared with the LMS's browser tests."""

from tests.lms.browser.conftest import browser  # noqa: F401
from tests.lms.conftest import centre, course, course_index  # noqa: F401
