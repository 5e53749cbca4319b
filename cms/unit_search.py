"""Finding a commune by what a person types: accent-, case- and order-insensitive."""

from dataclasses import dataclass

from cms.models import Commune
from cms.text import fold

# Words people type before a name that say nothing about which unit they mean.
_DIVISION_WORDS = {
    "xa",
    "phuong",
    "dac",
    "khu",
    "thi",
    "tran",
    "tinh",
    "thanh",
    "pho",
    "tp",
}


@dataclass(frozen=True)
class UnitMatch:
    code: str
    name: str
    division_type: str
    province_code: str
    province_name: str


def _rank(commune_name: str, province_name: str, words: list[str]) -> tuple:
    name = fold(commune_name)
    name_words = name.split()
    bare_name = " ".join(w for w in name_words if w not in _DIVISION_WORDS)
    phrase = " ".join(words)
    significant = " ".join(w for w in words if w not in _DIVISION_WORDS)
    in_name = sum(1 for w in words if w in name_words)
    return (
        0 if phrase == name or significant == bare_name else 1,
        0 if bare_name.startswith(significant) else 1,
        -in_name,
        len(name),
        commune_name,
    )


def search_communes(query: str, *, limit: int = 20) -> list[UnitMatch]:
    """Current communes whose name and province contain every word of the query."""
    words = fold(query).split()
    if not words:
        return []
    candidates = Commune.objects.current().select_related("province")
    for word in words:
        candidates = candidates.filter(search_text__contains=word)
    ranked = sorted(
        candidates[:500], key=lambda c: _rank(c.name, c.province.name, words)
    )
    return [
        UnitMatch(
            code=c.code,
            name=c.name,
            division_type=c.division_type,
            province_code=c.province.code,
            province_name=c.province.name,
        )
        for c in ranked[:limit]
    ]
