"""`manage.py load_demo`: everything a new user needs to see the platform at work."""

from django.core.management.base import BaseCommand

from cms.demo import attach_demo_video, load_cms_demo
from cms.search_index import rebuild_index
from cms.video.backfill import backfill_sizes
from cms.video.demo import attach_sri_video, demo_video, sri_video
from lms.demo import ensure_admin, load_lms_demo
from lms.recognition.demo import load_recognition_demo


class Command(BaseCommand):
    help = "Load the demo content (safe to run again: nothing is added twice)."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="Port shown in the output.")

    def handle(self, *args, port, **options):
        load_cms_demo()
        attach_demo_video(demo_video())  # transcoded by the worker `make run` starts
        attach_sri_video(sri_video())  # Hmông track and subtitles, by the worker too
        backfill_sizes()  # media transcoded before sizes were recorded
        login, password = ensure_admin()
        learner = load_lms_demo()
        load_recognition_demo()
        rebuild_index()  # searchable now, before the worker has indexed anything
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(
            f"Admin: http://127.0.0.1:{port}/admin/  "
            f"login: {login}  password: {password}"
        )
        self.stdout.write(
            f"Demo resident (Tả Van): http://127.0.0.1:{port}/hoc-tap-cua-toi/  "
            f"login: {learner['resident']}  password: {learner['password']}  "
            f"(centre staff: {learner['staff']}, same password, /quan-ly/)"
        )
