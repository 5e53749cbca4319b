"""Background tasks of the media pipeline (run on the ``video`` queue).

The dubbed tracks' own task is ``cms.video.audio_tracks.make_audio_track``.
"""

from django_tasks import task

from cms.models import AudioTrack
from cms.models.media import MediaCaption

from .audio_tracks import requeue_tracks
from .pipeline import run_transcode
from .playlists import publish_play_set


@task(queue_name="video")
def transcode_media(media_id: int, attempt: int) -> str:
    outcome = run_transcode(media_id=media_id, attempt=attempt)
    if outcome == "ready" and (
        MediaCaption.objects.filter(media_id=media_id).exists()
        or AudioTrack.objects.filter(media_id=media_id).exists()
    ):
        # ffmpeg's new master knows no languages: list the subtitles and the tracks
        # made for the previous ladder (their sound still fits), then redo the
        # tracks, whose downloads hold the old picture.
        publish_play_set(media_id=media_id)
        requeue_tracks(media_id=media_id)
    return outcome


@task(queue_name="video")
def publish_playlists(media_id: int) -> str:
    return publish_play_set(media_id=media_id) or ""
