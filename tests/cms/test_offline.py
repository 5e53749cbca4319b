"""What saving a lesson for offline use fetches, and the size shown before it."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms.models import LessonMedia, LessonPage
from cms.models.media import TranscodeStatus
from cms.offline import PAGE_BYTES, download_bytes, offline_copy


def ready_media(name, size, *, kind="video"):
    path = default_storage.save(f"media/renditions/{name}", ContentFile(b"x" * size))
    return LessonMedia.objects.create(
        title=name,
        type=kind,
        file="media/original.mp4",
        transcode_status=TranscodeStatus.READY,
        hls_playlist="media/renditions/master.m3u8",
        download_file=path,
    )


def test_size_comes_from_the_storage_once_then_from_the_cache(db):
    media = ready_media("download.mp4", 2_100_000)
    assert download_bytes(media) == 2_100_000
    default_storage.delete(media.download_file)
    assert download_bytes(media) == 2_100_000  # remembered: renditions never change


def test_size_recorded_at_transcode_wins(db):
    media = ready_media("recorded.mp4", 10)
    media.download_bytes = 654_321  # what the transcoder stores (player's part)
    assert download_bytes(media) == 654_321


def test_missing_file_has_no_size(db):
    media = ready_media("gone.mp4", 10)
    default_storage.delete(media.download_file)
    media.download_file = "media/renditions/never-there.mp4"
    assert download_bytes(media) is None


def test_lesson_copy_counts_its_video_audio_and_images(course, db):
    video = ready_media("video.mp4", 2_000_000)
    audio = ready_media("audio.m4a", 500_000, kind="audio")
    pending = LessonMedia.objects.create(title="Đang xử lý", file="media/p.mp4")
    lesson = course.add_child(
        instance=LessonPage(
            title="Bài có video",
            body=[
                ("video", {"video": video, "caption": ""}),
                ("audio", {"audio": audio, "caption": ""}),
                ("video", {"video": pending, "caption": ""}),
                ("paragraph", "<p>Chữ</p>"),
            ],
        )
    )
    copy = offline_copy(lesson)
    assert copy.media_urls == [video.download_url, audio.download_url]
    assert copy.media_bytes == 2_500_000
    assert copy.images == 0
    assert copy.bytes == 2_500_000 + PAGE_BYTES


def test_lesson_page_offers_saving_with_the_size_first(client, course, db):
    video = ready_media("shown.mp4", 2_200_000)
    lesson = course.add_child(
        instance=LessonPage(
            title="Bài xem video", body=[("video", {"video": video, "caption": ""})]
        )
    )
    html = client.get(lesson.url).content.decode()
    assert "Lưu để học khi không có mạng" in html
    assert "Tốn khoảng 2,2\xa0MB dữ liệu và chỗ trống trên máy." in html
    assert f'data-files="{video.download_url}"' in html
    assert "cms/js/save-lesson.js" in html
