"""`manage.py worker`: the CMS worker, plus the reports' summary refresh when enabled.

The reports app is listed before `cms`, so Django runs this command for `worker`.
"""

from cms.management.commands.worker import Command as CmsWorkerCommand
from lms.reports.schedule import start_refresh_loop, start_view_count_flush_loop


class Command(CmsWorkerCommand):
    def handle(self, *args, **options):
        stop = start_refresh_loop()
        stop_flush = start_view_count_flush_loop()
        try:
            super().handle(*args, **options)
        finally:
            stop_flush.set()
            if stop is not None:
                stop.set()
