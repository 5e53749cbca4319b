"""The flow without JavaScript (plain multipart), its status page, trims and swaps."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import LessonMedia, LessonPage, ResumableUpload
from cms.models.media import TranscodeStatus
from lms.models import LessonProgress, Quiz
from lms.services.quizzes import right_choices

from .conftest import upload

pytestmark = pytest.mark.ffmpeg
FLOW = reverse("lms:lesson-flow")


@pytest.fixture
def staff_client(client, world):
    client.force_login(world["staff"])
    return client


def send(client, data, *, files=None, capture=None):
    payload = {"title": "Bài 1: Gieo mạ", "text": "Dòng một.\nDòng hai.", **data}
    payload.update(files or {})
    if capture is None:
        return client.post(FLOW, payload)
    with capture(execute=True):
        return client.post(FLOW, payload)


def only_lesson() -> LessonPage:
    return LessonPage.objects.get(slug="bai-1-gieo-ma")


def test_staff_home_links_to_the_flow(staff_client):
    page = staff_client.get(reverse("lms:staff")).content.decode()
    assert f'href="{FLOW}"' in page
    assert "Bài học video mới" in page
    assert "Bài học của tôi" in page


def test_plain_form_makes_a_draft_lesson_with_its_real_length(
    staff_client, world, phone_clips, django_capture_on_commit_callbacks
):
    """No JavaScript: the file comes in the form; a 3 s clip is a 1-minute lesson,
    the media is queued, and the status page says so in words, refreshing itself."""
    files = {"file": upload(phone_clips["video"])}
    response = send(staff_client, {"course": world["course"].pk}, files=files)
    lesson = only_lesson()
    assert response.status_code == 302
    assert response.url == reverse("lms:lesson-flow-status", args=[lesson.pk])
    assert not lesson.live and lesson.owner == world["staff"]
    assert lesson.get_parent().pk == world["course"].pk
    assert lesson.estimated_minutes == 1
    media = LessonMedia.objects.get()
    assert media.type == "video" and 2.9 < media.duration < 3.2
    world["centre"].refresh_from_db()
    assert media.collection_id == world["centre"].collection_id
    assert [b.block_type for b in lesson.body] == ["video", "paragraph", "paragraph"]
    page = staff_client.get(response.url).content.decode()
    assert "Đang chờ xử lý video" in page
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "Bản nháp" in page


def test_processing_words_and_ready(staff_client, world, phone_clips):
    send(staff_client, {"course": world["course"].pk},
         files={"file": upload(phone_clips["video"])})  # fmt: skip
    lesson = only_lesson()
    status_url = reverse("lms:lesson-flow-status", args=[lesson.pk])
    LessonMedia.objects.update(
        transcode_status=TranscodeStatus.PROCESSING, transcode_percent=40
    )
    assert "Đang xử lý video: 40 %" in staff_client.get(status_url).content.decode()


def test_publish_at_once_transcodes_and_shows_the_lesson(
    staff_client, world, phone_clips, django_capture_on_commit_callbacks
):
    """Asked to publish by someone who may: lesson live in the course; the immediate
    task backend transcodes on commit, so the status page says it is ready."""
    files = {"file": upload(phone_clips["video"])}
    response = send(
        staff_client,
        {"course": world["course"].pk, "publish": "on"},
        files=files,
        capture=django_capture_on_commit_callbacks,
    )
    lesson = only_lesson()
    assert lesson.live
    media = LessonMedia.objects.get()
    assert media.transcode_status == TranscodeStatus.READY
    page = staff_client.get(response.url).content.decode()
    assert "Video đã sẵn sàng" in page and "http-equiv" not in page
    assert media.poster_url in page
    course_page = staff_client.get(world["course"].url).content.decode()
    assert "Bài 1: Gieo mạ" in course_page
    lesson_page = staff_client.get(lesson.url).content.decode()
    # The player offers each rendition's own playlist, and the MP4 without JavaScript.
    assert media.download_url in lesson_page
    assert any(
        media.file.storage.url(rendition["playlist"]) in lesson_page
        for rendition in media.renditions
    )


def test_new_course_by_name_goes_under_the_centre(staff_client, world, phone_clips):
    files = {"file": upload(phone_clips["video"])}
    send(staff_client, {"new_course": "Nuôi gà thả vườn"}, files=files)
    lesson = only_lesson()
    course = lesson.get_parent().specific
    assert course.title == "Nuôi gà thả vườn"
    assert course.centre == world["centre"]
    assert course.get_parent().get_parent().pk == world["centre_page"].pk


def test_quiz_questions_become_the_lessons_quiz(staff_client, world, phone_clips):
    data = {
        "course": world["course"].pk,
        "q1-text": "Gieo mạ vào mùa nào?",
        "q1-answer_1": "Mùa xuân",
        "q1-answer_2": "Mùa đông",
        "q1-right": "1",
        "q2-text": "Ngâm thóc bao lâu?",
        "q2-answer_1": "1 giờ",
        "q2-answer_3": "1 ngày",
        "q2-right": "3",
    }
    send(staff_client, data, files={"file": upload(phone_clips["video"])})
    quiz = Quiz.objects.get(lesson=only_lesson())
    questions = list(quiz.questions.order_by("sort_order"))
    assert [q.text for q in questions] == ["Gieo mạ vào mùa nào?", "Ngâm thóc bao lâu?"]
    assert right_choices(questions[0]) == (0,)
    assert right_choices(questions[1]) == (1,)  # the second answer given


def test_half_written_question_is_refused(staff_client, world, phone_clips):
    data = {"course": world["course"].pk, "q1-text": "Câu hỏi?", "q1-answer_1": "A"}
    response = send(staff_client, data, files={"file": upload(phone_clips["video"])})
    assert response.status_code == 200
    assert "Cần ít nhất hai câu trả lời." in response.content.decode()
    assert not LessonPage.objects.filter(slug="bai-1-gieo-ma").exists()


def test_audio_lesson_with_a_photo(
    staff_client, world, phone_clips, django_capture_on_commit_callbacks
):
    """A recorded talk and a photo: an audio block and an image, transcoded to the
    audio-only rendition."""
    files = {
        "file": upload(phone_clips["audio"], "audio/mp4"),
        "photo": upload(phone_clips["photo"], "image/jpeg"),
    }
    send(staff_client, {"course": world["course"].pk}, files=files,
         capture=django_capture_on_commit_callbacks)  # fmt: skip
    lesson = only_lesson()
    assert [b.block_type for b in lesson.body][:2] == ["image", "audio"]
    media = LessonMedia.objects.get()
    assert media.type == "audio" and media.transcode_status == TranscodeStatus.READY
    assert [r.get("short_side") for r in media.renditions] == [0] or all(
        not r.get("short_side") for r in media.renditions
    )
    assert media.audio_only_url
    page = staff_client.get(reverse("lms:lesson-flow-status", args=[lesson.pk]))
    assert "Âm thanh đã sẵn sàng" in page.content.decode()


def test_a_file_that_is_not_media_is_refused_with_nothing_stored(
    staff_client, world, phone_clips, tmp_path
):
    notes = tmp_path / "notes.mp4"
    notes.write_text("không phải video " * 50, encoding="utf-8")
    response = send(
        staff_client, {"course": world["course"].pk}, files={"file": upload(notes)}
    )
    assert response.status_code == 200
    assert "không phải là tệp âm thanh hay video" in response.content.decode()
    assert not LessonMedia.objects.exists()
    assert not LessonPage.objects.filter(slug="bai-1-gieo-ma").exists()


def test_staff_of_another_commune_cannot_choose_or_post_to_this_course(
    client, world, phone_clips
):
    client.force_login(world["far_staff"])
    page = client.get(FLOW).content.decode()
    assert f'value="{world["course"].pk}"' not in page
    assert f'value="{world["other_course"].pk}"' in page
    response = send(
        client,
        {"course": world["course"].pk},
        files={"file": upload(phone_clips["video"])},
    )
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="bai-1-gieo-ma").exists()
    assert not LessonMedia.objects.exists()


def test_others_lessons_are_not_found_and_residents_are_refused(
    staff_client, client, world, phone_clips
):
    send(staff_client, {"course": world["course"].pk},
         files={"file": upload(phone_clips["video"])})  # fmt: skip
    lesson = only_lesson()
    client.force_login(world["far_staff"])
    for name in ("lesson-flow-status", "lesson-flow-trim", "lesson-flow-replace"):
        assert client.get(reverse(f"lms:{name}", args=[lesson.pk])).status_code == 404
    client.force_login(world["resident"])
    assert client.get(FLOW).status_code == 403


def test_resumable_upload_is_used_by_id_then_let_go(staff_client, world, phone_clips):
    """The JavaScript path: the file arrives by tus; the form names the upload."""
    data = phone_clips["video"].read_bytes()
    tus = {"HTTP_TUS_RESUMABLE": "1.0.0"}
    created = staff_client.post(
        reverse("lms:lesson-flow-uploads"),
        HTTP_UPLOAD_LENGTH=str(len(data)),
        HTTP_UPLOAD_METADATA="filename VklEXzIwMjYxMjAzLm1wNA==",
        **tus,
    )
    assert created.status_code == 201
    location = created["Location"]
    patched = staff_client.generic(
        "PATCH", location, data, content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET="0", **tus,
    )  # fmt: skip
    assert patched.status_code == 204 and patched["Upload-Offset"] == str(len(data))
    upload_id = location.rstrip("/").rsplit("/", 1)[1]
    response = send(staff_client, {"course": world["course"].pk, "upload": upload_id})
    assert response.status_code == 302
    media = LessonMedia.objects.get()
    assert media.file.name.endswith(".mp4") and "VID_20261203" in media.file.name
    assert media.file.size == len(data)
    assert not ResumableUpload.objects.exists()


def test_trim_keeps_the_original(
    staff_client, world, phone_clips, django_capture_on_commit_callbacks
):
    send(staff_client, {"course": world["course"].pk, "publish": "on"},
         files={"file": upload(phone_clips["video"])},
         capture=django_capture_on_commit_callbacks)  # fmt: skip
    lesson = only_lesson()
    original = LessonMedia.objects.get()
    digest = hashlib.sha256(original.file.read()).hexdigest()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("lms:lesson-flow-trim", args=[lesson.pk]),
            {"cut_start": "0.5", "cut_end": "1"},
        )
    assert response.status_code == 302
    trimmed = LessonMedia.objects.exclude(pk=original.pk).get()
    assert 1.3 < trimmed.duration < 1.7
    assert trimmed.transcode_status == TranscodeStatus.READY
    original.refresh_from_db()
    assert 2.9 < original.duration < 3.2
    assert hashlib.sha256(original.file.read()).hexdigest() == digest
    lesson.refresh_from_db()
    assert lesson.live and lesson.body[0].value["video"].pk == trimmed.pk


def test_trim_must_leave_a_second(staff_client, world, phone_clips):
    send(staff_client, {"course": world["course"].pk},
         files={"file": upload(phone_clips["video"])})  # fmt: skip
    response = staff_client.post(
        reverse("lms:lesson-flow-trim", args=[only_lesson().pk]),
        {"cut_start": "1.5", "cut_end": "1"},
    )
    assert "Phải còn lại ít nhất một giây." in response.content.decode()
    assert LessonMedia.objects.count() == 1


def test_replacing_the_video_keeps_learners_progress(
    staff_client, world, phone_clips, resident, django_capture_on_commit_callbacks
):
    """Progress is per lesson page: the same page with a new video keeps it."""
    send(staff_client, {"course": world["course"].pk, "publish": "on"},
         files={"file": upload(phone_clips["video"])})  # fmt: skip
    lesson = only_lesson()
    old = LessonMedia.objects.get()
    progress = LessonProgress.objects.create(
        learner=resident, lesson=lesson, seconds_spent=2
    )
    response = staff_client.post(
        reverse("lms:lesson-flow-replace", args=[lesson.pk]),
        {"file": upload(phone_clips["audio"], "audio/mp4")},
    )
    assert response.status_code == 302
    new = LessonMedia.objects.exclude(pk=old.pk).get()
    lesson.refresh_from_db()
    assert lesson.live and lesson.body[0].block_type == "audio"
    assert lesson.body[0].value["audio"].pk == new.pk
    assert LessonProgress.objects.get(pk=progress.pk).seconds_spent == 2
    assert LessonMedia.objects.filter(pk=old.pk).exists()


def test_my_lessons_list_in_constant_queries(staff_client, world, phone_clips):
    """The staff home costs the same queries with one lesson of mine or three."""

    def home_queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            page = staff_client.get(reverse("lms:staff")).content.decode()
        return len(queries), page

    counts = []
    for title in ("Bài một", "Bài hai", "Bài ba"):
        send(staff_client, {"course": world["course"].pk, "title": title},
             files={"file": upload(phone_clips["video"])})  # fmt: skip
        counts.append(home_queries()[0])
    assert counts[0] == counts[2]
    page = home_queries()[1]
    for title in ("Bài một", "Bài hai", "Bài ba"):
        assert title in page
    assert page.count("Đang chờ xử lý video") == 3
