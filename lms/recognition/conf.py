"""Configuration of the yearly cycle: deadlines and recognising authorities.

Deadlines come from the ``RECOGNITION`` setting. Authorities are data
(``RecognisingAuthority``) that province officers edit: since July 2025 who
recognises a commune is not settled, and provinces decide.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q

from lms.recognition.models import DecidingLevel, RecognisingAuthority
from lms.recognition.rules import decided_by_province

DEFAULTS = {
    # (month, day) in the year of the data.
    "REGISTRATION_DEADLINE": (3, 31),
    # (month, day) in the following year: TT 24/2023 asks dossiers by 15 January.
    "DOSSIER_DEADLINE": (1, 15),
}
# Used only if the seeded rows were deleted: the People's Committee of the level.
FALLBACK_AUTHORITIES = {
    "commune": ("Uỷ ban nhân dân xã {commune}", "Chủ tịch"),
    "province": ("Uỷ ban nhân dân tỉnh {province}", "Chủ tịch"),
}


def _value(name):
    return getattr(settings, "RECOGNITION", {}).get(name, DEFAULTS[name])


def registration_deadline(year: int) -> datetime.date:
    month, day = _value("REGISTRATION_DEADLINE")
    return datetime.date(year, month, day)


def dossier_deadline(year: int) -> datetime.date:
    month, day = _value("DOSSIER_DEADLINE")
    return datetime.date(year + 1, month, day)


@dataclass(frozen=True)
class CycleDates:
    """The dates of one year's cycle: register by, then hand in the dossier by."""

    year: int
    registration_deadline: datetime.date
    dossier_deadline: datetime.date


def cycle_dates(year: int) -> CycleDates:
    return CycleDates(
        year=year,
        registration_deadline=registration_deadline(year),
        dossier_deadline=dossier_deadline(year),
    )


def registration_cycle(*, today: datetime.date) -> CycleDates:
    """The cycle a resident can still register for on ``today``: this year's until
    its registration deadline, then next year's (on 3 December, 31 March next year)."""
    this_year = cycle_dates(today.year)
    if today <= this_year.registration_deadline:
        return this_year
    return cycle_dates(today.year + 1)


@dataclass(frozen=True)
class Authority:
    authority: str
    signer_title: str
    signer_name: str
    parent_authority: str = ""


def authority_for(dossier) -> Authority:
    """Who signs the decision for this dossier: the province's own row, else the
    default row (both edited by province officers in the admin)."""
    province = decided_by_province(dossier)
    level = DecidingLevel.PROVINCE if province else DecidingLevel.COMMUNE
    commune = dossier.commune
    rows = RecognisingAuthority.objects.filter(
        Q(province_id=commune.province_id) | Q(province__isnull=True),
        model=dossier.model,
        level=level,
    ).order_by(F("province_id").asc(nulls_last=True))
    row = rows.first()
    if row is None:
        authority, title = FALLBACK_AUTHORITIES[level]
        row = RecognisingAuthority(authority=authority, signer_title=title)
    names = {
        "commune": commune.name.removeprefix("Xã ").removeprefix("Phường "),
        "province": commune.province.name,
    }
    return Authority(
        authority=row.authority.format(**names),
        parent_authority=row.parent_authority.format(**names),
        signer_title=row.signer_title,
        signer_name=row.signer_name,
    )
