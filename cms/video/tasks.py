"""The background task that transcodes one upload (runs on the ``video`` queue)."""

from django_tasks import task

from .pipeline import run_transcode


@task(queue_name="video")
def transcode_media(media_id: int, attempt: int) -> str:
    return run_transcode(media_id=media_id, attempt=attempt)
