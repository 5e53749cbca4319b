"""Every body block renders through its template."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.embeds.finders import get_finders
from wagtail.embeds.finders.base import EmbedFinder
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.blocks import BodyBlock
from cms.models import LessonMedia

EMBED_URL = "https://video.example.org/watch/123"


class StaticFinder(EmbedFinder):
    """Answers for the test URL without the network."""

    def accept(self, url):
        return url == EMBED_URL

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Hướng dẫn làm mạ khay",
            "type": "video",
            "html": '<iframe src="https://video.example.org/embed/123"></iframe>',
            "width": 640,
            "height": 360,
        }


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Ruộng lúa", file=get_test_image_file(size=(1600, 900))
    )


@pytest.fixture
def document(db):
    document = get_document_model()(title="Sổ tay SRI")
    document.file.save("so-tay-sri.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document


def render(block_type, value):
    stream = BodyBlock().to_python([{"type": block_type, "value": value}])
    return stream.render_as_block()


def test_heading():
    html = render("heading", {"text": "Chuẩn bị mạ", "level": "h3"})
    assert "<h3>Chuẩn bị mạ</h3>" in html


def test_paragraph():
    html = render("paragraph", "<p>Cấy <b>thưa</b></p>")
    assert '<div class="rich-text"><p>Cấy <b>thưa</b></p></div>' in html


def test_image_is_a_picture_with_webp_and_srcset(image):
    html = render(
        "image", {"image": image.pk, "alt_text": "Ruộng", "decorative": False}
    )
    assert "<picture>" in html
    assert 'type="image/webp"' in html
    assert "srcset=" in html and " 800w" in html and " 400w" in html
    assert 'alt="Ruộng"' in html
    assert 'loading="lazy"' in html


def test_document_links_the_file_with_its_size(document):
    html = render("document", {"document": document.pk, "caption": "Bản in"})
    assert document.url in html
    assert "Sổ tay SRI" in html and "PDF" in html and "Bản in" in html


def test_quote():
    html = render(
        "quote", {"text": "Cấy thưa thì lúa đẻ nhiều", "attribution": "Bà Mai"}
    )
    assert "<blockquote" in html and "– Bà Mai" in html


@pytest.mark.parametrize(
    ("kind", "label"), [("note", "Lưu ý"), ("tip", "Mẹo"), ("warning", "Cảnh báo")]
)
def test_callout(kind, label):
    html = render("callout", {"kind": kind, "text": "<p>Đeo găng tay</p>"})
    assert f"callout-{kind}" in html and label in html and "Đeo găng tay" in html


@pytest.fixture
def static_finder(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.cms.test_blocks.StaticFinder"}]
    get_finders.cache_clear()
    yield
    get_finders.cache_clear()


def test_embed_renders_the_provider_html_and_a_link(db, static_finder):
    html = render("embed", EMBED_URL)
    assert '<iframe src="https://video.example.org/embed/123">' in html
    assert f'href="{EMBED_URL}"' in html


@pytest.mark.parametrize("block_type", ["video", "audio"])
def test_media_blocks_render(db, block_type):
    """The media helper owns these templates; here they only have to render."""
    media = LessonMedia(title="Bài giảng", type=block_type, duration=3)
    media.file.save("bai-giang.mp4", ContentFile(b"\x00" * 16), save=False)
    media.save()
    html = render(block_type, {block_type: media.pk, "caption": ""})
    assert f"<{block_type}" in html
