from django.utils import timezone
from django_tasks import task

from .summaries import refresh_summaries


@task()
def refresh_summaries_task(years: list[int] | None = None) -> dict[str, int]:
    """Rewrite the stored figures; by default of this year and the previous one."""
    current = timezone.localdate().year
    written = refresh_summaries(years=years or [current - 1, current])
    return {str(year): rows for year, rows in written.items()}
