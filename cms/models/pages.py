"""Wagtail page types and the rules of the page tree.

Home → centres, course index → courses → lessons, library → institution sections →
open resources, news index → news. Structured facts live in typed fields; only free-form
bodies are StreamFields.
"""

import math

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from cms.blocks import BodyBlock
from cms.language_choice import chooser_links, missing_language, redirect_to_preferred
from cms.page_cache import request_version
from cms.page_lookup import live_page_at
from cms.process_memo import ProcessMemo
from cms.serializers import (
    InstitutionSerializer,
    LessonSummarySerializer,
    LicenceSerializer,
    SubjectSerializer,
    TranslatorSerializer,
)
from cms.text import fold
from cms.translations import (
    language_of,
    localized,
    source_page,
    source_wordings,
    with_fallback,
)
from cms.view_restrictions import ViewRestrictionsMixin

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


def _stream_text(value) -> str:
    if not value:
        return ""
    return " ".join(
        strip_tags(part) for part in value.stream_block.get_searchable_content(value)
    )


class FoldedSearchMixin:
    """Indexes a folded copy of a page's text, so "nong nghiep" finds "Nông nghiệp".

    The query is folded the same way (cms.search), which makes matching accent-, case-
    and punctuation-insensitive on every search backend.
    """

    def search_parts(self) -> list[str]:
        return [self.title]

    def search_title(self) -> str:
        return fold(self.title)

    def search_text(self) -> str:
        return fold(" ".join(part for part in self.search_parts() if part))


FOLDED_SEARCH_FIELDS = [
    index.SearchField("search_title", boost=3),
    index.SearchField("search_text"),
]


class HomePage(ViewRestrictionsMixin, Page):
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

    def route(self, request, path_components):
        """Find the page by its whole path in one query.

        Wagtail walks the tree, two queries and two model loads per level; a lesson
        sits four levels down (cms.page_lookup remembers which page type is where).
        A path not found this way (no such page, or a page type that routes its own
        sub-paths) takes Wagtail's walk.
        """
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            # Translated trees share url_paths: look in this home's language only.
            page = live_page_at(url_path, locale_id=self.locale_id)
            if page is not None:
                return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Listings in this home's language: each centre and course once.
        context["centres"] = (
            CentrePage.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("centre")[:12]
        )
        context["courses"] = (
            CoursePage.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("subject", "cover_image")
            .order_by("-first_published_at")[:6]
        )
        context["resources"] = with_files_size(
            OpenResourcePage.objects.live()
            .select_related("licence", "institution")
            .order_by("-first_published_at")
        )[:6]
        context["news"] = NewsPage.objects.live().order_by("-date")[:4]
        context["course_index"] = CourseIndexPage.objects.live().first()
        context["library"] = ResourceLibraryPage.objects.live().first()
        return context


class CentrePage(ViewRestrictionsMixin, Page):
    """The public page of one community learning centre."""

    # A foreign key, not one-to-one: the centre's page in Hmông is the same centre's.
    centre = models.ForeignKey(
        Centre, verbose_name=_("centre"), on_delete=models.PROTECT, related_name="pages"
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.live()
            .filter(centre_id=self.centre_id, locale_id=self.locale_id)
            .select_related("subject")
            .order_by("title")
        )
        context["news"] = (
            NewsPage.objects.live().descendant_of(self).order_by("-date")[:5]
        )
        return context


class CourseIndexPage(ViewRestrictionsMixin, Page):
    """A list of courses."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage", "cms.CentrePage"]
    subpage_types = ["cms.CoursePage"]

    class Meta:
        verbose_name = _("course index")

    def is_centre_index(self) -> bool:
        return CentrePage.objects.ancestor_of(self).exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The site's top-level index is the catalogue of every course; a centre's
        # own index lists the courses under it.
        scope = self if self.is_centre_index() else self.get_parent()
        courses = (
            CoursePage.objects.live()
            .descendant_of(scope)
            .select_related("subject", "cover_image")
            .order_by("title")
        )
        subject = request.GET.get("subject", "")
        if subject:
            courses = courses.filter(subject__slug=subject)
        context["courses"] = courses
        context["subjects"] = Subject.objects.filter(courses__isnull=False).distinct()
        context["selected_subject"] = subject
        return context


class ChosenLanguageMixin:
    """Course and lesson pages: the language chooser, and the resident's chosen
    language picks the page version (cms.language_choice)."""

    def serve(self, request, *args, **kwargs):
        redirect = redirect_to_preferred(request, self)
        return redirect or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["content_language"] = language_of(self)
        context["language_links"] = chooser_links(self)
        context["missing_language"] = missing_language(request, self)
        return context


_course_parts = ProcessMemo(maxsize=500)
# A lesson's course and its lessons, by the course's tree path.
_lesson_parts = ProcessMemo(maxsize=500)


class CoursePage(ChosenLanguageMixin, ViewRestrictionsMixin, FoldedSearchMixin, Page):
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
        *FOLDED_SEARCH_FIELDS,
    ]
    api_fields = [
        APIField("summary"),
        APIField("subject", serializer=SubjectSerializer()),
        APIField("level"),
        APIField("estimated_hours"),
        APIField("language"),
        APIField("lessons", serializer=LessonSummarySerializer(source="*")),
    ]
    parent_page_types = ["cms.CourseIndexPage"]
    subpage_types = ["cms.LessonPage"]
    # Read with the page when it is served (cms.page_lookup): the facts list.
    serve_related = ("subject",)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def search_parts(self) -> list[str]:
        return [
            self.title,
            self.summary,
            self.subject.name if self.subject_id else "",
            _stream_text(self.description),
        ]

    def save(self, *args, **kwargs):
        # A course made under a centre's page belongs to that centre.
        if self.centre_id is None and self.path:
            centre_page = CentrePage.objects.ancestor_of(self).first()
            if centre_page is not None:
                self.centre_id = centre_page.centre_id
        return super().save(*args, **kwargs)

    def lessons(self):
        """The live lessons in the editor's order, in one query."""
        return LessonPage.objects.live().child_of(self).order_by("path")

    def localized_lessons(self, fields) -> list:
        """The Vietnamese course's lessons, each in this page's language where a
        translation is live: a course translated in part still lists every lesson."""
        source = source_page(self)
        lessons = list(source.lessons().only(*fields))
        if source.pk == self.pk:
            return lessons
        return localized(lessons, self.locale_id, fields)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview shows the draft's target groups: not the ones remembered.
        if getattr(request, "is_preview", False):
            lessons, target_groups = self.listed_parts()
        else:
            lessons, target_groups = _course_parts.get(
                request_version(), self.pk, self.listed_parts
            )
        context["lessons"] = lessons
        context["required_count"] = sum(1 for lesson in lessons if lesson.is_required)
        context["total_minutes"] = sum(lesson.estimated_minutes for lesson in lessons)
        context["target_groups"] = target_groups
        return context

    def listed_parts(self) -> tuple[tuple, tuple]:
        """The live lessons and the target groups the course page lists.

        Kept per process under the page cache's version token (cms.process_memo):
        they change only when a lesson or the course is published, unpublished,
        moved or deleted, and the page shows them to every visitor, signed in or
        not (for whom the page cache does not answer).
        """
        lessons = tuple(
            self.localized_lessons(
                (
                    "id",
                    "title",
                    "slug",
                    "url_path",
                    "path",
                    "depth",
                    "summary",
                    "is_required",
                    "estimated_minutes",
                    "locale_id",
                    "translation_key",
                )
            )
        )
        return lessons, tuple(self.target_groups.all())


def media_minutes_of(body) -> int:
    """Whole minutes of the video and audio in a lesson body, as probed from the
    files (0 when none is probed yet)."""
    seconds = sum(
        float(block.value[block.block_type].duration or 0)
        for block in body or []
        if block.block_type in ("video", "audio") and block.value[block.block_type]
    )
    return math.ceil(seconds / 60)


class LessonForm(WagtailAdminPageForm):
    """A new lesson whose minutes nobody typed takes them from its media: a 20 s
    clip is "1 phút", not the field's default 15."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and "estimated_minutes" not in self.changed_data:
            minutes = media_minutes_of(cleaned.get("body"))
            if minutes:
                cleaned["estimated_minutes"] = minutes
        return cleaned


class LessonPage(ChosenLanguageMixin, ViewRestrictionsMixin, FoldedSearchMixin, Page):
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
        *FOLDED_SEARCH_FIELDS,
    ]
    api_fields = [
        APIField("summary"),
        APIField("estimated_minutes"),
        APIField("is_required"),
        APIField("body"),
    ]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = []
    base_form_class = LessonForm

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def search_parts(self) -> list[str]:
        return [self.title, self.summary, _stream_text(self.body)]

    def media_minutes(self) -> int:
        """Minutes of the lesson's video and audio as probed from the files (0 when
        none is probed yet; the staff-entered estimate is then the label)."""
        return media_minutes_of(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview may show a lesson not saved, or moved, in the draft.
        if getattr(request, "is_preview", False):
            course, siblings = self.course_and_lessons()
        else:
            course, siblings = _lesson_parts.get(
                request_version(), self.path[: -self.steplen], self.course_and_lessons
            )
        context["course"] = course
        # An alias of a lesson may sit outside a course: it is then its own list.
        if not isinstance(course, CoursePage):
            siblings = [self]
        position = next(
            (
                i
                for i, lesson in enumerate(siblings)
                if lesson.translation_key == self.translation_key
            ),
            None,
        )
        if position is not None:
            context["previous_lesson"] = siblings[position - 1] if position else None
            context["next_lesson"] = (
                siblings[position + 1] if position + 1 < len(siblings) else None
            )
            context["lesson_number"] = position + 1
        context["lesson_count"] = len(siblings)
        context["media_minutes"] = self.media_minutes()
        context["body_blocks"] = self.body_blocks()
        return context

    def course_and_lessons(self) -> tuple[Page, tuple]:
        """The lesson's course and the course's live lessons (in this page's
        language where translated), as the lesson's navigation shows them.

        Kept per process under the page cache's version token (cms.process_memo),
        as the course page keeps its own list: they change only when a page is
        published, unpublished, moved or deleted.
        """
        # A lesson's parent is a course (parent_page_types): one query for its
        # specific row, not get_parent() and then .specific.
        course = (
            CoursePage.objects.filter(path=self.path[: -self.steplen]).first()
            or self.get_parent().specific
        )
        if not isinstance(course, CoursePage):
            return course, ()
        return course, tuple(
            course.localized_lessons(
                ("id", "title", "slug", "url_path", "path", "depth", "locale_id")
                + ("translation_key",)
            )
        )

    def body_blocks(self) -> list[tuple[object, bool]]:
        """(block, shown in Vietnamese) pairs: a translation falls back to the
        Vietnamese lesson's block where it left one untranslated."""
        source = source_page(self)
        if source.pk == self.pk:
            return [(block, False) for block in self.body]
        return with_fallback(self.body, source.body, source_wordings(source))


class ResourceLibraryPage(ViewRestrictionsMixin, Page):
    """The open-resource library: institution sections and resources under them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.InstitutionLibraryPage", "cms.OpenResourcePage"]

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request, root=self))
        context["sections"] = InstitutionLibraryPage.objects.live().child_of(self)
        return context


class InstitutionLibraryPage(ViewRestrictionsMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request, root=self))
        return context


class OpenResourceForm(WagtailAdminPageForm):
    """A resource made in an institution's section belongs to that institution."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page.specific if self.parent_page else None
        if isinstance(parent, InstitutionLibraryPage):
            cleaned_data["institution"] = parent.institution
            self.instance.institution = parent.institution
        return cleaned_data


class OpenResourcePage(ViewRestrictionsMixin, FoldedSearchMixin, Page):
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
        *FOLDED_SEARCH_FIELDS,
    ]
    api_fields = [
        APIField("summary"),
        APIField("original_title"),
        APIField("language"),
        APIField("original_language"),
        APIField("source_citation"),
        APIField("source_url"),
        APIField("publication_year"),
        APIField("licence", serializer=LicenceSerializer()),
        APIField("institution", serializer=InstitutionSerializer(allow_null=True)),
        APIField("translators", serializer=TranslatorSerializer(many=True)),
        APIField("subjects", serializer=SubjectSerializer(many=True)),
    ]
    base_form_class = OpenResourceForm
    parent_page_types = ["cms.ResourceLibraryPage", "cms.InstitutionLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("open resource")
        verbose_name_plural = _("open resources")

    @property
    def is_translation(self) -> bool:
        return self.original_language != self.language

    def search_parts(self) -> list[str]:
        return [
            self.title,
            self.original_title,
            self.summary,
            self.source_citation,
            _stream_text(self.body),
        ]


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


def with_files_size(resources):
    """Each resource with ``files_size``: its files' bytes together, for the cards."""
    total = (
        ResourceFile.objects.filter(page=models.OuterRef("pk"))
        .values("page")
        .annotate(total=models.Sum("document__file_size"))
        .values("total")
    )
    return resources.annotate(files_size=models.Subquery(total))


def library_listing(request, *, root: Page) -> dict:
    """Open resources under `root`, filtered by the query's subject and licence."""
    resources = with_files_size(
        OpenResourcePage.objects.live()
        .descendant_of(root)
        .select_related("licence", "institution")
        .order_by("-first_published_at", "title")
    )
    subject = request.GET.get("subject", "")
    licence = request.GET.get("licence", "")
    if subject:
        resources = resources.filter(subjects__slug=subject)
    if licence:
        resources = resources.filter(licence__code=licence)
    return {
        "resources": resources,
        "subjects": Subject.objects.filter(resources__isnull=False).distinct(),
        "licences": Licence.objects.filter(resources__isnull=False).distinct(),
        "selected_subject": subject,
        "selected_licence": licence,
    }


class NewsIndexPage(ViewRestrictionsMixin, Page):
    """News of a centre's activities."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage", "cms.CentrePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = NewsPage.objects.live().child_of(self).order_by("-date")
        return context


class NewsPage(ViewRestrictionsMixin, FoldedSearchMixin, Page):
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
        *FOLDED_SEARCH_FIELDS,
    ]
    api_fields = [APIField("date"), APIField("intro"), APIField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def search_parts(self) -> list[str]:
        return [self.title, self.intro, _stream_text(self.body)]
