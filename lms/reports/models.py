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
