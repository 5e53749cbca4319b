"""People: residents who learn and the staff who serve them.

A resident signs in with a phone number or an email; many have no email. The
username is derived from whichever they gave, so Wagtail's admin keeps working.
"""

import rules
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.content_languages import choices_for_staff
from lms.phone import normalize_phone, validate_phone

# The username of an account whose personal data was erased at the person's request.
ERASED_USERNAME_PREFIX = "deleted-"


class TargetGroup(models.TextChoices):
    OFFICIAL = "official", _("Officials and civil servants")
    WORKER = "worker", _("Workers and employees")
    FARMER = "farmer", _("Farmers and rural residents")
    PUPIL = "pupil", _("Pupils and students")
    ELDERLY = "elderly", _("Elderly people")
    OTHER = "other", _("Others")


class LearnerManager(UserManager):
    def _create_user(self, username, email, password, **extra_fields):
        phone = extra_fields.get("phone") or ""
        if phone:
            extra_fields["phone"] = phone = normalize_phone(phone)
        email = self.normalize_email(email) if email else ""
        username = username or phone or email.lower()
        if not username:
            raise ValueError("A user needs a phone number or an email.")
        return super()._create_user(username, email, password, **extra_fields)

    def create_user(self, username=None, email=None, password=None, **extra_fields):
        return super().create_user(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: a resident, a staff member or a contributor."""

    phone = models.CharField(
        _("phone number"), max_length=15, blank=True, validators=[validate_phone]
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True
    )
    commune = models.ForeignKey(
        "cms.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
    )
    village = models.ForeignKey(
        "cms.Village",
        verbose_name=_("village or residential group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="residents",
    )
    target_group = models.CharField(
        _("target group"),
        max_length=20,
        choices=TargetGroup.choices,
        default=TargetGroup.OTHER,
    )
    data_consent_at = models.DateTimeField(
        _("consented to personal data processing at"), null=True, blank=True
    )
    # Year of birth, target group and village are optional: kept only with this
    # second consent (Law 91/2025/QH15), cleared when it is withdrawn.
    optional_data_consent_at = models.DateTimeField(
        _("consented to optional data at"), null=True, blank=True
    )
    # Set when centre staff gave a temporary password: the next sign-in asks for a
    # new one that only the person knows.
    password_is_temporary = models.BooleanField(
        _("temporary password"), default=False, editable=False
    )
    # A temporary password stops working a day after it was given
    # (TEMPORARY_PASSWORD_HOURS).
    temporary_password_issued_at = models.DateTimeField(
        _("temporary password given at"), null=True, blank=True, editable=False
    )

    # The language the person reads lessons in, kept beside the browser's cookie so
    # it follows them after signing in on another phone (cms.content_languages).
    content_language = models.CharField(
        _("language of lessons"),
        max_length=10,
        blank=True,
        choices=choices_for_staff(),
    )

    objects = LearnerManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                fields=["phone"], condition=~models.Q(phone=""), name="unique_phone"
            ),
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="unique_email_ci"
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self):
        return self.full_name or super().get_full_name()

    def get_short_name(self):
        return (
            self.full_name.split()[-1] if self.full_name else super().get_short_name()
        )

    def has_perm(self, perm, obj=None):
        # Object rules bind admins too (nobody verifies their own dossier); each rule
        # says itself where an admin may act.
        admin = self.is_active and self.is_superuser
        if obj is not None and admin and rules.perm_exists(perm):
            return rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    @property
    def personal_data_erased(self) -> bool:
        return not self.is_active and self.username.startswith(ERASED_USERNAME_PREFIX)

    @property
    def has_consented(self) -> bool:
        return self.data_consent_at is not None

    def give_consent(self) -> None:
        self.data_consent_at = timezone.now()
