"""Background tasks: the bulk evaluation of a commune, with progress."""

from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks import task

from lms.recognition.models import EvaluationRun
from lms.recognition.services.evaluation import evaluate_commune, planned_total


@task()
def evaluate_commune_task(run_id: int) -> dict:
    """Run the evaluation a ``EvaluationRun`` row asks for, updating its progress."""
    run = EvaluationRun.objects.select_related("commune").get(pk=run_id)
    models = run.models_requested or None
    run.status = EvaluationRun.Status.RUNNING
    run.total = planned_total(
        commune=run.commune,
        models=models or ["citizen", "family", "clan", "community", "unit", "commune"],
    )
    run.done = 0
    run.save(update_fields=["status", "total", "done"])

    def progress(done: int) -> None:
        EvaluationRun.objects.filter(pk=run_id).update(
            done=F("done") + done, updated_at=Now()
        )

    try:
        counts = evaluate_commune(
            commune=run.commune, year=run.year, models=models, progress=progress
        )
    except Exception as error:
        EvaluationRun.objects.filter(pk=run_id).update(
            status=EvaluationRun.Status.FAILED,
            error=str(error)[:2000],
            finished_at=timezone.now(),
            updated_at=Now(),
        )
        raise
    EvaluationRun.objects.filter(pk=run_id).update(
        status=EvaluationRun.Status.DONE,
        counts=counts,
        finished_at=timezone.now(),
        updated_at=Now(),
    )
    return counts


def start_run(*, commune, year: int, models=None, user=None) -> EvaluationRun:
    """Record a run and queue it; the immediate backend runs it at once."""
    run = EvaluationRun.objects.create(
        commune=commune, year=year, models_requested=models or [], requested_by=user
    )
    evaluate_commune_task.enqueue(run.pk)
    run.refresh_from_db()
    return run
