"""Criteria as versioned data: a set holds criteria, a criterion holds indicators.

A set that has been used (a dossier or an evaluation points at it) is never changed
in place; `services.versioning` copies it into a new version instead, so every past
evaluation keeps the rules it was made under.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from lms.recognition.constants import (
    COMPUTED_METRICS,
    MODEL_METRICS,
    IndicatorKind,
    LearningModel,
    Metric,
    Scope,
    SetStatus,
)


class CriteriaSet(ClusterableModel):
    """One version of the rules for one learning model and scope."""

    code = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_("Shared by every version of the same set, e.g. citizen-resident."),
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name = models.CharField(_("name"), max_length=200)
    model = models.CharField(
        _("learning model"), max_length=20, choices=LearningModel.choices
    )
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.ALL
    )
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SetStatus.choices, default=SetStatus.DRAFT
    )
    pass_points = models.DecimalField(
        _("pass mark (points)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Leave empty when every required indicator of level 1 must be met."
        ),
    )
    bands = models.JSONField(
        _("score bands"),
        default=list,
        blank=True,
        help_text=_('Highest first, e.g. [{"label": "Tốt", "min": 85}].'),
    )
    notes = models.TextField(_("notes"), blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("code"),
                FieldPanel("model"),
                FieldPanel("scope"),
                FieldPanel("legal_source"),
            ],
            heading=_("Set"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("valid_from"),
                FieldPanel("valid_to"),
                FieldPanel("pass_points"),
                FieldPanel("bands"),
                FieldPanel("notes"),
            ],
            heading=_("Validity and pass rule"),
        ),
        InlinePanel("criteria", heading=_("Criteria"), label=_("Criterion")),
    ]

    class Meta:
        ordering = ["model", "scope", "code", "-version"]
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"], name="unique_criteria_set_version"
            )
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})"


class Criterion(ClusterableModel):
    """One numbered criterion of a set (e.g. "2. Adults' learning", 30 points)."""

    criteria_set = ParentalKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="criteria"
    )
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("points")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return f"{self.number}. {self.title}"


class Indicator(models.Model):
    """One checkable item: computed, rolled up from members, or declared."""

    criterion = models.ForeignKey(
        Criterion,
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    code = models.CharField(_("code"), max_length=12)
    text = models.CharField(_("text"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    metric = models.CharField(
        _("metric"),
        max_length=40,
        blank=True,
        choices=Metric.choices,
        help_text=_(
            "For computed and roll-up indicators: the figure compared, from the "
            "figures the platform computes for this learning model."
        ),
    )
    threshold = models.DecimalField(
        _("threshold"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    points = models.DecimalField(
        _("points"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    level = models.PositiveSmallIntegerField(
        _("level"), default=1, help_text=_("1 or 2 (mức độ).")
    )
    required = models.BooleanField(_("required"), default=True)
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    unconfirmed = models.BooleanField(
        _("unconfirmed"),
        default=False,
        help_text=_("Not checked against the official text yet: please review."),
    )
    help_text = models.TextField(_("guidance"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("criterion"),
        FieldPanel("code"),
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldPanel("metric"),
        FieldPanel("threshold"),
        FieldPanel("points"),
        FieldPanel("level"),
        FieldPanel("required"),
        FieldPanel("evidence_required"),
        FieldPanel("unconfirmed"),
        FieldPanel("help_text"),
    ]

    class Meta:
        ordering = ["criterion__sort_order", "sort_order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "code"], name="unique_indicator_code"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.text}"

    def clean(self):
        """A figure needs a metric the platform computes for the set's model."""
        super().clean()
        if self.kind == IndicatorKind.DECLARED:
            if self.metric:
                raise ValidationError(
                    {"metric": _("A declared indicator has no metric: leave it empty.")}
                )
            return
        if not self.metric:
            raise ValidationError(
                {"metric": _("Choose the figure this indicator compares.")}
            )
        computed = self.metric in COMPUTED_METRICS
        if computed != (self.kind == IndicatorKind.COMPUTED):
            message = (
                _("This figure is computed from a person's records: choose that kind.")
                if computed
                else _("This figure is aggregated from members: choose that kind.")
            )
            raise ValidationError({"kind": message})
        model = self.criterion.criteria_set.model if self.criterion_id else None
        if model and self.metric not in MODEL_METRICS.get(model, ()):
            offered = ", ".join(
                str(Metric(m).label) for m in MODEL_METRICS.get(model, ())
            )
            raise ValidationError(
                {
                    "metric": _(
                        "The platform does not compute this figure for %(model)s. "
                        "Available: %(offered)s."
                    )
                    % {
                        "model": LearningModel(model).label,
                        "offered": offered or "–",
                    }
                }
            )
