"""xAPI out: learning records as xAPI 1.0.3 statements sent to a Learning Record Store.

Each learning record (enrolment, time and media progress, lesson and course
completion, quiz attempt, attendance, recognition) adds its statement to an outbox
in the record's own transaction (``outbox``); the worker's periodic job sends the
outbox in batches and backs off while the LRS is down (``sender``). Nothing here
makes an HTTP call in a learner's request. Off unless ``XAPI_LRS_URL`` is set.
"""
