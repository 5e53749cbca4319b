"""Write a learning report for a year and an area to a file (XLSX, CSV or JSON)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from lms.reports import exports, presentation, scope
from lms.reports.figures import COMPARISON_YEARS, build_report


class Command(BaseCommand):
    help = (
        "Write the figures the dashboard shows for a year and an area (the whole "
        "platform, a province, a commune or a village) to an XLSX, CSV or JSON file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        area = parser.add_mutually_exclusive_group()
        area.add_argument("--province", default="", help="province code")
        area.add_argument("--commune", default="", help="commune code")
        area.add_argument("--village", default="", help="village number (id)")
        parser.add_argument("--format", choices=["xlsx", "csv", "json"], default="xlsx")
        parser.add_argument("--output", required=True, help="file to write")
        parser.add_argument(
            "--compare",
            type=int,
            default=COMPARISON_YEARS,
            help="how many earlier years to compare with",
        )

    def handle(self, *args, **options):
        with translation.override("vi"):
            try:
                area = scope.from_codes(
                    province=options["province"],
                    commune=options["commune"],
                    village=options["village"],
                )
            except LookupError as error:
                raise CommandError(str(error)) from error
            report = build_report(
                scope=area, year=options["year"], compare=options["compare"]
            )
            fmt = options["format"]
            if fmt == "json":
                content = json.dumps(
                    presentation.as_dict(report), ensure_ascii=False, indent=2
                ).encode()
            elif fmt == "csv":
                content = exports.to_csv(report, presentation.tables(report))
            else:
                content = exports.to_xlsx(report, presentation.tables(report))
        output = Path(options["output"])
        output.write_bytes(content)
        self.stdout.write(
            f"{output} ({len(content)} bytes): {area.label}, {report.year}"
        )
