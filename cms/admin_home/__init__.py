"""The Wagtail admin made plain for older centre staff.

One "Thêm bài học" entry that leads to a new lesson in one of their courses, the
publish button in sight, a home page listing their tasks in large type, and menus
without two entries of the same name.
"""
