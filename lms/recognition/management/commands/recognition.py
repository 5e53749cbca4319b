"""`manage.py recognition evaluate --year 2026 [--commune CODE] [--model citizen]`."""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.models import Commune
from lms.recognition.services.evaluation import evaluate_commune

MODEL_CHOICES = {
    "citizen": ["citizen"],
    "family": ["family"],
    "clan": ["clan"],
    "community": ["community", "commune"],
    "unit": ["unit"],
}


class Command(BaseCommand):
    help = "Evaluate the learning models of one commune (or every one with residents)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        evaluate = sub.add_parser("evaluate", help="Run the bulk evaluation.")
        evaluate.add_argument("--year", type=int, required=True)
        evaluate.add_argument("--commune", help="Commune code, e.g. 03037.")
        evaluate.add_argument("--model", choices=sorted(MODEL_CHOICES))

    def handle(self, *args, action, year, commune=None, model=None, **options):
        if commune:
            communes = list(Commune.objects.filter(code=commune))
            if not communes:
                raise CommandError(f"No commune with code {commune}.")
        else:
            ids = (
                get_user_model()
                .objects.exclude(commune=None)
                .values_list("commune_id", flat=True)
                .distinct()
            )
            communes = list(Commune.objects.filter(pk__in=ids).order_by("code"))
        models = MODEL_CHOICES[model] if model else None
        for place in communes:
            started = time.monotonic()
            counts = evaluate_commune(commune=place, year=year, models=models)
            self.stdout.write(
                f"{place.code} {place.name} {year} ({time.monotonic() - started:.1f} s)"
            )
            for name, figures in counts.items():
                dossiers = figures.pop("dossiers", {})
                parts = [f"{k}={v}" for k, v in sorted(figures.items())]
                parts += [f"{k}={v}" for k, v in sorted(dossiers.items())]
                self.stdout.write(f"  {name}: {' '.join(parts) or '-'}")
