"""StreamField blocks for free-form bodies (lessons, news, centre pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from cms.video.player import player_context


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("heading")
        template = "cms/blocks/heading_block.html"


class LabelledImageBlock(ImageBlock):
    """Wagtail's ImageBlock names its chooser "Image", a label gettext never sees."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["image"].label = _("image")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_block.html"


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("video"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        return context | player_context(media=value["video"], request=request)

    class Meta:
        icon = "media"
        template = "cms/blocks/video_block.html"


class AudioBlock(blocks.StructBlock):
    audio = AudioChooserBlock(label=_("audio"))
    caption = blocks.CharBlock(required=False, label=_("caption"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        return context | player_context(media=value["audio"], request=request)

    class Meta:
        icon = "media"
        template = "cms/blocks/audio_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="note",
        label=_("kind"),
    )
    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"], label=_("text")
    )

    class Meta:
        icon = "warning"
        template = "cms/blocks/callout_block.html"


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("text"),
        template="cms/blocks/paragraph_block.html",
    )
    image = LabelledImageBlock(label=_("image"), template="cms/blocks/image_block.html")
    document = DocumentBlock(label=_("document / PDF"))
    video = VideoBlock(label=_("video"))
    audio = AudioBlock(label=_("audio"))
    quote = QuoteBlock(label=_("quote"))
    callout = CalloutBlock(label=_("call-out"))
    embed = EmbedBlock(label=_("embed"), template="cms/blocks/embed_block.html")
