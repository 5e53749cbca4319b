"""`manage.py runplatform`: web server and task worker together, stopped together."""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start gunicorn and the task worker; Ctrl-C or SIGTERM stops both."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument(
            "--web-workers", default=os.environ.get("WEB_CONCURRENCY", "2")
        )

    def handle(self, *args, host, port, web_workers, **options):
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"{host}:{port}",
                "--workers",
                str(web_workers),
                "--threads",
                "4",
                "--timeout",
                "120",
                "--access-logfile",
                "-",
            ],
            start_new_session=True,
        )
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--verbosity", "1"],
            start_new_session=True,
        )
        children = [web, worker]
        self.stdout.write(f"Serving on http://{host}:{port}/ (Ctrl-C stops)")

        # Children run in their own sessions so that a Ctrl-C or a SIGTERM sent to
        # our process group reaches them exactly once, from here; a second signal
        # would make the task worker abandon its current task.
        def stop(signum, frame):
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        stop(None, None)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
