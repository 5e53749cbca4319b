"""`manage.py runplatform`: the web server and a task worker that is kept alive."""

import os
import sys

from django.core.management.base import BaseCommand

from cms.supervisor import Supervisor


class Command(BaseCommand):
    help = (
        "Start gunicorn and the task worker, restarting the worker whenever it "
        "exits; Ctrl-C or SIGTERM stops both."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument(
            "--web-workers", default=os.environ.get("WEB_CONCURRENCY", "2")
        )

    def handle(self, *args, host, port, web_workers, **options):
        supervisor = Supervisor(
            web_command=[
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
            worker_command=[sys.executable, "manage.py", "worker", "--verbosity", "1"],
        )
        supervisor.install_signal_handlers()
        self.stdout.write(f"Serving on http://{host}:{port}/ (Ctrl-C stops)")
        self.stdout.flush()
        code = supervisor.run()
        if code:
            sys.exit(code)
