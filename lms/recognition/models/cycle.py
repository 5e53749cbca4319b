"""The yearly cycle: dossiers, answers with evidence, verification, decisions.

A dossier is one subject's (person, household, clan, village, commune or unit)
candidacy for one learning model in one year. Evaluations are stored snapshots of
the engine's result, one per (model, year, subject), rewritten by each run until
the dossier is recognised; recognition freezes a copy on the dossier.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.private_files import get_private_storage, unguessable_name
from lms.recognition.constants import DossierStatus, LearningModel


def subject_key(kind: str, pk) -> str:
    """The stable text key of a subject, e.g. ``person:12`` or ``village:3``."""
    return f"{kind}:{pk}"


class ResultField(models.JSONField):
    """JSON kept out of Django's UNNEST bulk-insert path on PostgreSQL, which
    quotes large JSON arrays in Python. Bulk runs now write through
    ``services.evaluation_store`` (COPY); this guards any other bulk_create."""

    def get_placeholder(self, value, compiler, connection):
        return "%s"


class Dossier(models.Model):
    """One subject's candidacy for one learning model in one year."""

    model = models.CharField(
        _("learning model"), max_length=20, choices=LearningModel.choices
    )
    year = models.PositiveSmallIntegerField(_("year"))
    subject_key = models.CharField(max_length=40)
    subject_name = models.CharField(_("subject"), max_length=200)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recognition_dossiers",
    )
    household = models.ForeignKey(
        "recognition.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    clan = models.ForeignKey(
        "recognition.Clan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    unit = models.ForeignKey(
        "recognition.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    # Where the subject lives: kept on the row so reports count with plain queries.
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="recognition_dossiers",
    )
    village = models.ForeignKey(
        "cms.Village",
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recognition_dossiers",
    )
    criteria_set = models.ForeignKey(
        "recognition.CriteriaSet",
        verbose_name=_("criteria set"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DossierStatus.choices,
        default=DossierStatus.REGISTERED,
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("registered at"))
    self_assessed_at = models.DateTimeField(
        _("self-assessed at"), null=True, blank=True
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    recognised_at = models.DateTimeField(_("recognised at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    submitted_late = models.BooleanField(_("submitted late"), default=False)
    decision = models.ForeignKey(
        "recognition.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    # Set when an officer recognised the dossier although its criteria were not met.
    override_reason = models.TextField(
        _("reason for recognising without meeting the criteria"), blank=True
    )
    # The unguessable key of the public verify page printed as a QR code.
    public_code = models.CharField(
        max_length=16, unique=True, null=True, blank=True, editable=False
    )
    # The evaluation as it stood when recognised: later runs never touch it.
    recognised_result = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-year", "model", "subject_name"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "year", "subject_key"],
                name="one_dossier_per_subject_model_year",
            )
        ]
        indexes = [models.Index(fields=["commune", "year", "model", "status"])]

    def __str__(self):
        return f"{self.subject_name} – {self.get_model_display()} {self.year}"


class Answer(models.Model):
    """A declared answer to one indicator of a dossier."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="answers"
    )
    indicator = models.ForeignKey(
        "recognition.Indicator", on_delete=models.PROTECT, related_name="answers"
    )
    met = models.BooleanField(_("met"), default=False)
    value = models.DecimalField(
        _("value"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("explanation"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "indicator"], name="one_answer_per_indicator"
            )
        ]

    def __str__(self):
        return f"{self.dossier} / {self.indicator.code}"


def evidence_path(instance, filename):
    # A random name: the original (often the person's name) stays in the database.
    return unguessable_name(f"evidence/{instance.answer.dossier.year}", filename)


class Evidence(models.Model):
    """A file (PDF or image) supporting a declared answer, kept in private storage."""

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(
        _("file"),
        upload_to=evidence_path,
        storage=get_private_storage,
        max_length=300,
    )
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.original_name


class Verification(models.Model):
    """An officer's check of a dossier: accepted, or returned with comments."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="verifications"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    note = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.dossier}: {self.get_outcome_display()}"


class VerificationComment(models.Model):
    """An officer's comment on one indicator when returning a dossier."""

    verification = models.ForeignKey(
        Verification, on_delete=models.CASCADE, related_name="comments"
    )
    indicator = models.ForeignKey(
        "recognition.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    comment = models.TextField(_("comment"))

    def __str__(self):
        return f"{self.indicator.code}: {self.comment}"


class Decision(models.Model):
    """A recognition decision (quyết định công nhận) covering one or more dossiers."""

    number = models.CharField(_("decision number"), max_length=60)
    date = models.DateField(_("decision date"))
    authority = models.CharField(_("authority"), max_length=200)
    # Kept as issued: a later change of the authority rows must not alter a decision.
    parent_authority = models.CharField(
        _("parent authority"), max_length=200, blank=True
    )
    signer_name = models.CharField(_("signer"), max_length=120)
    signer_title = models.CharField(_("signer's title"), max_length=120)
    model = models.CharField(max_length=20, choices=LearningModel.choices)
    year = models.PositiveSmallIntegerField()
    commune = models.ForeignKey(
        "cms.Commune", on_delete=models.PROTECT, related_name="recognition_decisions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.number} ({self.date:%d/%m/%Y})"


class Evaluation(models.Model):
    """The stored result of evaluating one subject against a criteria set version."""

    model = models.CharField(max_length=20, choices=LearningModel.choices)
    year = models.PositiveSmallIntegerField()
    subject_key = models.CharField(max_length=40)
    commune = models.ForeignKey(
        "cms.Commune", on_delete=models.PROTECT, related_name="recognition_evaluations"
    )
    village = models.ForeignKey(
        "cms.Village",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recognition_evaluations",
    )
    criteria_set = models.ForeignKey(
        "recognition.CriteriaSet", on_delete=models.PROTECT, related_name="evaluations"
    )
    set_version = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    level = models.PositiveSmallIntegerField(default=0)
    points = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    band = models.CharField(max_length=40, blank=True)
    explanation = ResultField()
    # Hash of the result: a run rewrites only the rows whose result changed.
    digest = models.CharField(max_length=32, default="", editable=False)
    evaluated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "year", "subject_key"],
                name="one_evaluation_per_subject_model_year",
            )
        ]
        indexes = [models.Index(fields=["commune", "year", "model", "passed"])]

    def __str__(self):
        return f"{self.subject_key} {self.model} {self.year}"


class EvaluationRun(models.Model):
    """A bulk evaluation of a commune for a year, with its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    commune = models.ForeignKey(
        "cms.Commune", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    models_requested = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default="queued")
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Moved on by every progress step: a run that stops moving lost its worker.
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.commune_id} {self.year} {self.status}"

    @property
    def active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
