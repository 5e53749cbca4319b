"""Wagtail page types and the rules of the page tree.

Home → centres, course index → courses → lessons, library → institution sections →
open resources, news index → news. Structured facts live in typed fields; only free-form
bodies are StreamFields.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BodyBlock

from .centres import Centre
from .snippets import Institution, Licence, Subject, TargetGroup


class Language(models.TextChoices):
    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    CHINESE = "zh", _("Chinese")
    HMONG = "hmn", _("Hmong")
    TAY = "tyz", _("Tày")
    THAI = "tha", _("Thái")
    KHMER = "km", _("Khmer")
    OTHER = "other", _("Other")


class HomePage(Page):
    """The site's front page."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "cms.CentrePage",
        "cms.CourseIndexPage",
        "cms.ResourceLibraryPage",
        "cms.NewsIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class CentrePage(Page):
    """The public page of one community learning centre."""

    centre = models.OneToOneField(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="page"
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("centre"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CourseIndexPage", "cms.NewsIndexPage"]

    class Meta:
        verbose_name = _("centre page")


class CourseIndexPage(Page):
    """A list of courses."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage", "cms.CentrePage"]
    subpage_types = ["cms.CoursePage"]

    class Meta:
        verbose_name = _("course index")


class CoursePage(Page):
    """A course: ordered lessons (its child pages), some of them required."""

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    summary = models.TextField(_("summary"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.ForeignKey(
        Subject,
        verbose_name=_("subject"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courses",
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="courses"
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=1
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    centre = models.ForeignKey(
        Centre,
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("target_groups"),
                FieldPanel("level"),
                FieldPanel("estimated_hours"),
                FieldPanel("language"),
                FieldPanel("centre"),
            ],
            heading=_("Course facts"),
        ),
        FieldPanel("description"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("subject"),
        index.FilterField("language"),
        index.RelatedFields("subject", [index.SearchField("name")]),
    ]
    parent_page_types = ["cms.CourseIndexPage"]
    subpage_types = ["cms.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")


class LessonPage(Page):
    """One lesson of a course: text, PDF, images, audio and video in its body."""

    summary = models.TextField(_("summary"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=15
    )
    is_required = models.BooleanField(
        _("required for completing the course"), default=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("is_required")],
            heading=_("Lesson facts"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")


class ResourceLibraryPage(Page):
    """The open-resource library: institution sections and resources under them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.InstitutionLibraryPage", "cms.OpenResourcePage"]

    class Meta:
        verbose_name = _("resource library")


class InstitutionLibraryPage(Page):
    """One institution's section of the library, where its contributors work."""

    institution = models.OneToOneField(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="library_section",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("institution"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["cms.ResourceLibraryPage"]
    subpage_types = ["cms.OpenResourcePage"]

    class Meta:
        verbose_name = _("institution library section")


class OpenResourcePage(Page):
    """A digitised or translated open material, with licence, source and translators."""

    summary = models.TextField(_("summary"))
    original_title = models.CharField(_("original title"), max_length=255, blank=True)
    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    source_citation = models.TextField(_("source / citation"), blank=True)
    source_url = models.URLField(_("source URL"), blank=True)
    licence = models.ForeignKey(
        Licence,
        verbose_name=_("licence"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("contributing institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
    )
    subjects = ParentalManyToManyField(
        Subject, verbose_name=_("subjects"), blank=True, related_name="resources"
    )
    publication_year = models.PositiveSmallIntegerField(
        _("publication year"), null=True, blank=True
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("original_title"),
                FieldPanel("original_language"),
                FieldPanel("language"),
                FieldPanel("source_citation"),
                FieldPanel("source_url"),
                FieldPanel("publication_year"),
            ],
            heading=_("Source"),
        ),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("institution"), FieldPanel("subjects")],
            heading=_("Licence and institution"),
        ),
        InlinePanel("translators", label=_("translators")),
        InlinePanel("files", label=_("attached files")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("original_title"),
        index.SearchField("body"),
        index.FilterField("licence"),
        index.FilterField("language"),
        index.FilterField("institution"),
    ]
    parent_page_types = ["cms.ResourceLibraryPage", "cms.InstitutionLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("open resource")
        verbose_name_plural = _("open resources")

    @property
    def is_translation(self) -> bool:
        return self.original_language != self.language


class ResourceTranslator(Orderable):
    """A person who translated an open resource."""

    page = ParentalKey(
        OpenResourcePage, on_delete=models.CASCADE, related_name="translators"
    )
    name = models.CharField(_("name"), max_length=150)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliation")]

    def __str__(self):
        return self.name


class ResourceFile(Orderable):
    """A file (PDF, e-book, slides) attached to an open resource."""

    page = ParentalKey(OpenResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("document")]


class NewsIndexPage(Page):
    """News of a centre's activities."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage", "cms.CentrePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")


class NewsPage(Page):
    """One news item."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
