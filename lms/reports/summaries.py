"""Stored yearly figures, so that a province report reads thousands of rows, not
millions of records.

``refresh_summaries`` rewrites a year's ``YearFact`` rows from ``live_facts`` (the
very queries the reports run live) and marks the year as summarised; from then on
reports read that year from the stored rows and say when they were made. Run it
from the ``refresh_report_summaries`` command or the ``refresh_summaries_task``
task, for example every night for the current and the previous year.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .facts import live_facts
from .models import FactKind, SummarisedYear, YearFact
from .scope import platform


def _rows(year: int) -> list[YearFact]:
    facts = live_facts(platform(), year)
    rows = []
    for (commune, province, village, group, model), funnel in facts.recognition.items():
        rows.append(
            YearFact(
                year=year,
                kind=FactKind.RECOGNITION,
                commune_id=commune,
                province_id=province,
                village_id=village,
                target_group=group or "",
                model=model,
                registered=funnel.registered,
                self_assessed=funnel.self_assessed,
                verified=funnel.verified,
                recognised=funnel.recognised,
            )
        )
    for (commune, province, village, group), learning in facts.learning.items():
        rows.append(
            YearFact(
                year=year,
                kind=FactKind.LEARNING,
                commune_id=commune,
                province_id=province,
                village_id=village,
                target_group=group or "",
                enrolments=learning.enrolments,
                completed_enrolments=learning.completed_enrolments,
                completions=learning.completions,
                online_seconds=learning.online_seconds,
                attendances=learning.attendances,
                in_person_hours=learning.in_person_hours,
            )
        )
    for (commune, province, topic), classes in facts.classes.items():
        rows.append(
            YearFact(
                year=year,
                kind=FactKind.CLASSES,
                commune_id=commune,
                province_id=province,
                topic=topic,
                sessions=classes.sessions,
                class_hours=classes.hours,
                class_attendances=classes.attendances,
            )
        )
    return rows


def refresh_summaries(*, years: Iterable[int]) -> dict[int, int]:
    """Rewrite the stored figures of each year; returns the rows written per year."""
    written = {}
    for year in years:
        rows = _rows(year)
        with transaction.atomic():
            YearFact.objects.filter(year=year).delete()
            YearFact.objects.bulk_create(rows, batch_size=2000)
            SummarisedYear.objects.update_or_create(
                year=year, defaults={"refreshed_at": timezone.now()}
            )
        written[year] = len(rows)
    return written


def drop_summaries(*, years: Iterable[int]) -> None:
    """Go back to live figures for these years."""
    with transaction.atomic():
        YearFact.objects.filter(year__in=list(years)).delete()
        SummarisedYear.objects.filter(year__in=list(years)).delete()
