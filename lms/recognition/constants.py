"""Enumerations shared by the recognition models, engine and views."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LearningModel(models.TextChoices):
    CITIZEN = "citizen", _("Learning citizen")
    FAMILY = "family", _("Learning family")
    CLAN = "clan", _("Learning clan")
    COMMUNITY = "community", _("Learning community (village)")
    COMMUNE = "commune", _("Learning community (commune)")
    UNIT = "unit", _("Learning unit")


class Scope(models.TextChoices):
    """Who a criteria set applies to inside its model (form, level of government)."""

    ALL = "all", _("Everyone in the model")
    OFFICIAL = "official", _("Officials and civil servants")
    WORKER = "worker", _("Enterprise workers")
    RESIDENT = "resident", _("Rural and community residents")
    PUPIL = "pupil", _("Pupils and students")
    VILLAGE = "village", _("Village or residential group")
    COMMUNE = "commune", _("Commune")
    UNIT_COMMUNE = "unit_commune", _("Units under a commune")
    UNIT_PROVINCE = "unit_province", _("Units under a province")


class SetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


class IndicatorKind(models.TextChoices):
    COMPUTED = "computed", _("Computed from platform data")
    ROLLUP = "rollup", _("Aggregated from members")
    DECLARED = "declared", _("Declared with evidence")


class Metric(models.TextChoices):
    """Keys of the figures computed and roll-up indicators read from a snapshot."""

    LEARNING_HOURS = "learning_hours", _("Learning hours in the year")
    ONLINE_HOURS = "online_hours", _("Online learning hours in the year")
    IN_PERSON_HOURS = "in_person_hours", _("In-person learning hours in the year")
    COURSES_COMPLETED = "courses_completed", _("Courses completed in the year")
    CERTIFICATES = "certificates", _("Certificates earned in the year")
    CLASSES_ATTENDED = "classes_attended", _("Classes attended at the centre")
    ADULTS_LEARNING_SHARE = (
        "adults_learning_share",
        _("Share of adults who learned in the year (%)"),
    )
    ADULTS_CITIZEN_SHARE = (
        "adults_citizen_share",
        _("Share of adults recognised as learning citizens (%)"),
    )
    MEMBERS_CITIZEN_SHARE = (
        "members_citizen_share",
        _("Share of members recognised as learning citizens (%)"),
    )
    HOUSEHOLDS_FAMILY_SHARE = (
        "households_family_share",
        _("Share of households recognised as learning families (%)"),
    )
    VILLAGES_COMMUNITY_SHARE = (
        "villages_community_share",
        _("Share of villages recognised as learning communities (%)"),
    )
    CLANS_CLAN_SHARE = (
        "clans_clan_share",
        _("Share of clans recognised as learning clans (%)"),
    )
    UNITS_UNIT_SHARE = (
        "units_unit_share",
        _("Share of units recognised as learning units (%)"),
    )


COMPUTED_METRICS = {
    Metric.LEARNING_HOURS,
    Metric.ONLINE_HOURS,
    Metric.IN_PERSON_HOURS,
    Metric.COURSES_COMPLETED,
    Metric.CERTIFICATES,
    Metric.CLASSES_ATTENDED,
}

# The figures each model's subjects have, the registry an indicator's metric is
# chosen from: computed from a person's records, or rolled up from members. The
# roll-up rules (services/rollups.py) compute exactly these, so an officer can
# add an indicator on any of them without code (a test keeps the two equal).
MODEL_METRICS = {
    "citizen": tuple(sorted(COMPUTED_METRICS)),
    "family": (Metric.ADULTS_LEARNING_SHARE, Metric.ADULTS_CITIZEN_SHARE),
    "clan": (
        Metric.HOUSEHOLDS_FAMILY_SHARE,
        Metric.ADULTS_CITIZEN_SHARE,
        Metric.ADULTS_LEARNING_SHARE,
    ),
    "community": (
        Metric.HOUSEHOLDS_FAMILY_SHARE,
        Metric.ADULTS_CITIZEN_SHARE,
        Metric.ADULTS_LEARNING_SHARE,
    ),
    "unit": (Metric.MEMBERS_CITIZEN_SHARE,),
    "commune": (
        Metric.HOUSEHOLDS_FAMILY_SHARE,
        Metric.VILLAGES_COMMUNITY_SHARE,
        Metric.CLANS_CLAN_SHARE,
        Metric.UNITS_UNIT_SHARE,
        Metric.ADULTS_CITIZEN_SHARE,
        Metric.ADULTS_LEARNING_SHARE,
    ),
}


class DossierStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    SELF_ASSESSED = "self_assessed", _("Self-assessed, waiting for verification")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned for changes")
    RECOGNISED = "recognised", _("Recognised")
    REVOKED = "revoked", _("Recognition revoked")


class UnitKind(models.TextChoices):
    AGENCY = "agency", _("Agency")
    SCHOOL = "school", _("School")
    ENTERPRISE = "enterprise", _("Enterprise")
    OTHER = "other", _("Other organisation")


class AuditAction(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ANSWERED = "answered", _("Answered")
    EVIDENCE_ADDED = "evidence_added", _("Added evidence")
    SUBMITTED = "submitted", _("Submitted the self-assessment")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned")
    RECOGNISED = "recognised", _("Recognised")
    RECOGNISED_BY_OVERRIDE = (
        "recognised_by_override",
        _("Recognised without meeting the criteria, with a written reason"),
    )
    REVOKED = "revoked", _("Revoked")
    EVALUATED = "evaluated", _("Evaluated")
    CRITERIA_VERSIONED = "criteria_versioned", _("Created a new criteria version")
    CORRECTED = "corrected", _("Corrected")


# A person is an adult (counted in family roll-ups) from this age in the year.
ADULT_AGE = 18
