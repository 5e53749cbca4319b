"""WebVTT captions per language: only files a player can read are accepted."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.utils import translation

from cms.models.media import MediaCaption
from cms.video.captions import validate_language_code, webvtt_problem

GOOD = (
    "WEBVTT\n\n00:00.000 --> 00:02.500\nXin chào bà con.\n\n"
    "00:02.500 --> 00:04.000\nHôm nay ta học trồng lúa.\n"
).encode()


def problem(data: bytes) -> str | None:
    with translation.override("vi"):
        return webvtt_problem(data)


def test_good_file_with_bom_and_hours_passes():
    assert problem(GOOD) is None
    assert (
        problem(b"\xef\xbb\xbf" + GOOD.replace(b"00:00.000", b"00:00:00.000")) is None
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Tệp phụ đề trống."),
        (b"1\n00:00:01,000 --> 00:00:02,000\nSRT\n", "dòng đầu tiên phải là WEBVTT"),
        ("WEBVTT\n\nChỉ có chữ\n".encode(), "không có câu phụ đề nào"),
        (b"WEBVTT\n\n00:01 --> 00:02\nSai\n", "Dòng 3 ghi thời gian sai"),
        (b"WEBVTT\n\n00:00.000 --> 00:01.000\nNg\xe0y m\xf9a\n", "UTF-8"),
    ],
)
def test_bad_files_are_explained(data, expected):
    assert expected in problem(data)


def test_language_code_is_checked():
    validate_language_code("hmn")
    validate_language_code("vi-VN")
    with pytest.raises(ValidationError):
        validate_language_code("Tiếng Việt")


def test_one_caption_per_language(make_media, clips):
    media = make_media(clips["text"])  # model rows need no real media here
    caption = MediaCaption(media=media, language="vi", label="Tiếng Việt")
    caption.file.save("vi.vtt", ContentFile(GOOD), save=False)
    caption.full_clean()
    caption.save()
    bad = MediaCaption(media=media, language="en", label="English")
    bad.file.save("en.vtt", ContentFile(b"not vtt"), save=False)
    with pytest.raises(ValidationError) as caught:
        bad.full_clean()
    assert "file" in caught.value.message_dict
    with pytest.raises(IntegrityError):
        MediaCaption.objects.create(
            media=media, language="vi", label="lại", file=caption.file.name
        )
