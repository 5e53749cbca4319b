"""Signing keys, issuer profiles and the credentials issued, as stored rows."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SigningKey(models.Model):
    """One Ed25519 key pair; the newest one not retired signs, all stay published."""

    key_id = models.CharField(max_length=40, unique=True)
    public_key_multibase = models.CharField(max_length=100)
    # A Fernet token (see lms.credentials.keys): never the key in clear.
    private_key_encrypted = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")

    def __str__(self):
        return self.key_id


class IssuerKind(models.TextChoices):
    CENTRE = "centre", _("Community learning centre")
    AUTHORITY = "authority", _("Recognising authority")


class Issuer(models.Model):
    """An issuer profile (OB 3.0 ``Profile``): a centre or a recognising authority.

    Its id is ``did:web:<host>:openbadges:issuers:<slug>``; its status list
    allocates one index per credential it issues.
    """

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=IssuerKind.choices)
    name = models.CharField(_("name"), max_length=200)
    centre = models.OneToOneField(
        "cms.Centre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    commune = models.ForeignKey(
        "cms.Commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    next_status_index = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")

    def __str__(self):
        return self.name


class IssuedCredential(models.Model):
    """One signed OpenBadgeCredential, kept as issued so it verifies unchanged.

    Its revocation bit is read from the source (certificate revoked, dossier
    revoked) or from ``erased_at`` when the holder deleted their personal data.
    """

    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="+")
    status_index = models.PositiveIntegerField()
    certificate = models.OneToOneField(
        "lms.Certificate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="open_badge",
    )
    dossier = models.OneToOneField(
        "recognition.Dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="open_badge",
    )
    document = models.JSONField()
    issued_at = models.DateTimeField()
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "status_index"], name="one_credential_per_status_bit"
            ),
            models.CheckConstraint(
                condition=Q(certificate__isnull=False, dossier__isnull=True)
                | Q(certificate__isnull=True, dossier__isnull=False),
                name="credential_of_certificate_or_dossier",
            ),
        ]

    def __str__(self):
        return self.document.get("id", str(self.pk))
