"""Rewrite the stored yearly figures the reports read (run nightly, for example)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from lms.reports.summaries import drop_summaries, refresh_summaries


class Command(BaseCommand):
    help = (
        "Store the report figures of the given years (default: this year and the "
        "previous one) so large areas report quickly; --drop goes back to live "
        "figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", dest="years")
        parser.add_argument("--drop", action="store_true")

    def handle(self, *args, years=None, drop=False, **options):
        current = timezone.localdate().year
        years = years or [current - 1, current]
        if drop:
            drop_summaries(years=years)
            self.stdout.write(f"live figures for {', '.join(map(str, years))}")
            return
        for year, rows in refresh_summaries(years=years).items():
            self.stdout.write(f"{year}: {rows} rows")
