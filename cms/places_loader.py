"""Loading the current administrative units from the vietnam-provinces package."""

from dataclasses import dataclass

from django.db import transaction
from vietnam_provinces import Province as SourceProvince
from vietnam_provinces import Ward as SourceWard

from cms.models import Commune, Province
from cms.text import fold


@dataclass(frozen=True)
class LoadResult:
    provinces: int
    provinces_created: int
    communes: int
    communes_created: int


def _province_code(code) -> str:
    return f"{int(code):02d}"


def _commune_code(code) -> str:
    return f"{int(code):05d}"


@transaction.atomic
def load_administrative_units() -> LoadResult:
    """Create missing units and refresh names; a second run changes nothing."""
    existing_provinces = {p.code: p for p in Province.objects.all()}
    new_provinces = []
    for source in SourceProvince.iter_all():
        code = _province_code(source.code)
        fields = {
            "name": source.name,
            "division_type": source.division_type.value,
            "codename": source.codename,
        }
        province = existing_provinces.get(code)
        if province is None:
            new_provinces.append(Province(code=code, **fields))
        elif any(getattr(province, k) != v for k, v in fields.items()):
            Province.objects.filter(pk=province.pk).update(**fields)
    Province.objects.bulk_create(new_provinces)
    provinces = {p.code: p for p in Province.objects.all()}

    existing = {c.code: c for c in Commune.objects.all()}
    new_communes = []
    for source in SourceWard.iter_all():
        code = _commune_code(source.code)
        province = provinces[_province_code(source.province_code)]
        fields = {
            "name": source.name,
            "division_type": source.division_type.value,
            "codename": source.codename,
            "province_id": province.pk,
            "search_text": fold(f"{source.name} {province.name}"),
        }
        commune = existing.get(code)
        if commune is None:
            # bulk_create skips save(), so search_text is filled in above.
            new_communes.append(Commune(code=code, is_current=True, **fields))
        elif any(getattr(commune, k) != v for k, v in fields.items()):
            Commune.objects.filter(pk=commune.pk).update(**fields)
    Commune.objects.bulk_create(new_communes, batch_size=500)
    return LoadResult(
        provinces=len(provinces),
        provinces_created=len(new_provinces),
        communes=Commune.objects.current().count(),
        communes_created=len(new_communes),
    )
