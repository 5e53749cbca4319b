"""The embedded default's process supervisor: gunicorn plus a task worker kept alive.

The web server is the platform: if gunicorn itself exits (its own master already
restarts its workers, so this means the port is taken or the configuration is
wrong) the supervisor stops and says why. The task worker is restarted whenever it
exits, after a delay that doubles up to a cap and starts small again once it has
run well for a while; the web server never stops because of it. SIGINT or SIGTERM
stops both cleanly.
"""

import logging
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from cms.backoff import Backoff

logger = logging.getLogger(__name__)
POLL_SECONDS = 0.2
STOP_TIMEOUT_SECONDS = 15


def _spawn(command: Sequence[str]) -> subprocess.Popen:
    # Children run in their own sessions so that a Ctrl-C or a SIGTERM sent to our
    # process group reaches them exactly once, from here; a second signal would
    # make the task worker abandon its current task.
    return subprocess.Popen(command, start_new_session=True)  # noqa: S603


@dataclass
class Supervisor:
    web_command: Sequence[str]
    worker_command: Sequence[str]
    backoff: Backoff = field(default_factory=lambda: Backoff(first=1.0, cap=60.0))
    stopping: bool = False
    web: subprocess.Popen | None = None
    worker: subprocess.Popen | None = None
    worker_started: float = 0.0
    restart_at: float | None = None

    def request_stop(self, signum=None, frame=None) -> None:
        self.stopping = True

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGTERM, self.request_stop)

    def start_worker(self) -> None:
        self.worker = _spawn(self.worker_command)
        self.worker_started = time.monotonic()
        self.restart_at = None
        logger.info("Task worker started (pid %s)", self.worker.pid)

    def check_worker(self) -> None:
        """Schedule a restart of an exited worker, or do a restart that is due."""
        now = time.monotonic()
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.start_worker()
            return
        code = self.worker.poll()
        if code is None:
            return
        if now - self.worker_started > self.backoff.cap:
            self.backoff.reset()  # it had been running well: restart quickly
        delay = self.backoff.next_delay()
        self.restart_at = now + delay
        logger.warning(
            "Task worker (pid %s) exited with code %s; restarting in %.0f s",
            self.worker.pid,
            code,
            delay,
        )

    def run(self) -> int:
        """Run until a stop signal (0) or until the web server exits (its code)."""
        self.web = _spawn(self.web_command)
        logger.info("Web server started (pid %s)", self.web.pid)
        self.start_worker()
        code = 0
        while not self.stopping:
            web_code = self.web.poll()
            if web_code is not None:
                logger.error("Web server exited with code %s; stopping", web_code)
                code = web_code or 1
                break
            self.check_worker()
            time.sleep(POLL_SECONDS)
        self.stop()
        return code

    def stop(self) -> None:
        children = [c for c in (self.web, self.worker) if c is not None]
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        logger.info("Web server and task worker stopped")
