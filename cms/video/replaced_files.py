"""Files that a dubbed track or a caption no longer uses leave storage.

A replaced recording or subtitle file, and a deleted track's recording, HLS
segments and MP4 download, or a deleted caption's file, are retired once the
transaction that let go of them commits (a rolled-back change keeps them); the
worker deletes them after the grace period if nothing refers to them by then
(cms.video.retirement, cms.video.stored_refs). A track's replaced renditions are
retired by ``audio_tracks.run_track`` only once the new ones are published, so a
failed new attempt leaves the old one playing.
"""

import posixpath

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from cms.models import AudioTrack
from cms.models.media import MediaCaption

from .audio_tracks import track_prefix
from .retirement import retire

FILE_FIELDS = {AudioTrack: "recording", MediaCaption: "file"}


def _retire_on_commit(names) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [retire(prefix=name) for name in names])


def remember_stored_file(sender, instance, **kwargs):
    """The file the row held before this save (one query, for a row saved again)."""
    field = FILE_FIELDS[sender]
    instance._stored_before = (
        sender.objects.filter(pk=instance.pk).values_list(field, flat=True).first()
        if instance.pk
        else None
    )


def retire_replaced_file(sender, instance, **kwargs):
    before = getattr(instance, "_stored_before", None)
    if before and before != getattr(instance, FILE_FIELDS[sender]).name:
        _retire_on_commit([before])


def track_files(track: AudioTrack) -> list[str]:
    """Every stored name of a track: its recording and all its attempts' renditions
    (``.../tracks/<id>``, an attempt still being made included)."""
    return [track.recording.name, posixpath.dirname(track_prefix(track, 0))]


def retire_deleted_track(sender, instance, **kwargs):
    _retire_on_commit(track_files(instance))


def retire_deleted_caption(sender, instance, **kwargs):
    _retire_on_commit([instance.file.name])


def connect_signals() -> None:
    for model in FILE_FIELDS:
        pre_save.connect(
            remember_stored_file, sender=model, dispatch_uid=f"stored-{model.__name__}"
        )
        post_save.connect(
            retire_replaced_file,
            sender=model,
            dispatch_uid=f"replaced-{model.__name__}",
        )
    post_delete.connect(
        retire_deleted_track, sender=AudioTrack, dispatch_uid="deleted-track-files"
    )
    post_delete.connect(
        retire_deleted_caption, sender=MediaCaption, dispatch_uid="deleted-caption-file"
    )
