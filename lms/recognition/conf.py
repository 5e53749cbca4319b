"""Configuration of the yearly cycle: deadlines and recognising authorities.

Both change with local practice (since July 2025 who recognises a commune is not
settled), so they come from the ``RECOGNITION`` setting, with these defaults.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings

DEFAULTS = {
    # (month, day) in the year of the data.
    "REGISTRATION_DEADLINE": (3, 31),
    # (month, day) in the following year: TT 24/2023 asks dossiers by 15 January.
    "DOSSIER_DEADLINE": (1, 15),
    "AUTHORITIES": {
        "citizen": ("Hội Khuyến học xã {commune}", "Chủ tịch Hội Khuyến học", ""),
        "family": ("Ủy ban nhân dân xã {commune}", "Chủ tịch", ""),
        "clan": ("Ủy ban nhân dân xã {commune}", "Chủ tịch", ""),
        "community": ("Ủy ban nhân dân xã {commune}", "Chủ tịch", ""),
        "commune": ("Ủy ban nhân dân tỉnh {province}", "Chủ tịch", ""),
        "unit": ("Ủy ban nhân dân xã {commune}", "Chủ tịch", ""),
    },
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
class Authority:
    authority: str
    signer_title: str
    signer_name: str


def authority_for(model: str, commune) -> Authority:
    authority, title, name = {**DEFAULTS["AUTHORITIES"], **_value("AUTHORITIES")}[model]
    return Authority(
        authority=authority.format(
            commune=commune.name.removeprefix("Xã ").removeprefix("Phường "),
            province=commune.province.name,
        ),
        signer_title=title,
        signer_name=name,
    )
