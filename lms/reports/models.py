"""What the reports app stores itself: page view counts for the open-resource library.

Everything else the reports show is computed from the learning and recognition
records of other apps (see ``figures.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewDaily(models.Model):
    """How many times one page was viewed on one day (site time zone)."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily page views")
        verbose_name_plural = _("daily page views")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day"], name="one_count_per_page_day"
            )
        ]
        indexes = [models.Index(fields=["day", "page"], name="pageview_day_page")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"


class FactKind(models.TextChoices):
    RECOGNITION = "recognition", _("Learning-model dossiers")
    LEARNING = "learning", _("Courses and learning time")
    CLASSES = "classes", _("In-person classes")


class YearFact(models.Model):
    """Stored yearly figures of one commune at the finest breakdown the reports use.

    A row holds one commune's counts for one year and one combination of village,
    target group and learning model (recognition), village and target group
    (learning), or class topic (classes). Rows are rewritten by
    ``summaries.refresh_summaries`` from the same aggregate queries the reports
    run live, so a province report reads thousands of these instead of millions of
    records.
    """

    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=FactKind.choices)
    commune = models.ForeignKey(
        "cms.Commune", on_delete=models.CASCADE, null=True, related_name="+"
    )
    province = models.ForeignKey(
        "cms.Province", on_delete=models.CASCADE, null=True, related_name="+"
    )
    village = models.ForeignKey(
        "cms.Village", on_delete=models.CASCADE, null=True, related_name="+"
    )
    target_group = models.CharField(max_length=20, blank=True)
    model = models.CharField(max_length=20, blank=True)
    topic = models.CharField(max_length=200, blank=True)
    registered = models.PositiveIntegerField(default=0)
    self_assessed = models.PositiveIntegerField(default=0)
    verified = models.PositiveIntegerField(default=0)
    recognised = models.PositiveIntegerField(default=0)
    enrolments = models.PositiveIntegerField(default=0)
    completed_enrolments = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)
    online_seconds = models.PositiveBigIntegerField(default=0)
    attendances = models.PositiveIntegerField(default=0)
    in_person_hours = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    sessions = models.PositiveIntegerField(default=0)
    class_hours = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    class_attendances = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("yearly figure")
        verbose_name_plural = _("yearly figures")
        indexes = [
            models.Index(fields=["year", "province"], name="yearfact_year_province"),
            models.Index(fields=["year", "commune"], name="yearfact_year_commune"),
        ]

    def __str__(self):
        return f"{self.year} {self.kind} {self.commune_id}"


class SummarisedYear(models.Model):
    """A year whose figures are read from ``YearFact`` rows, and when they were made."""

    year = models.PositiveSmallIntegerField(unique=True)
    refreshed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("summarised year")
        verbose_name_plural = _("summarised years")

    def __str__(self):
        return str(self.year)
