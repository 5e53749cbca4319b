from cms.models import Commune, Province
from cms.places_loader import load_administrative_units


def test_load_gives_34_provinces_and_3321_communes(db):
    assert Province.objects.count() == 34
    assert Commune.objects.current().count() == 3321
    ta_van = Commune.objects.get(code="03037")
    assert ta_van.name == "Xã Tả Van"
    assert ta_van.province.name == "Lào Cai"
    assert ta_van.search_text == "xa ta van lao cai"


def test_second_load_changes_nothing(db):
    before = list(Commune.objects.order_by("code").values_list("pk", "code", "name"))
    result = load_administrative_units()
    assert result.provinces_created == 0 and result.communes_created == 0
    assert Province.objects.count() == 34
    after = list(Commune.objects.order_by("code").values_list("pk", "code", "name"))
    assert after == before


def test_merged_commune_from_older_data_is_not_current(db):
    """An older commune imported with its district stays, pointing at its successor."""
    from cms.models import District

    ta_van = Commune.objects.get(code="03037")
    district = District.objects.create(
        code="082", name="Thị xã Sa Pa", province=ta_van.province
    )
    old = Commune.objects.create(
        code="03040",
        name="Xã Lao Chải (cũ)",
        division_type="xã",
        codename="lao_chai",
        province=ta_van.province,
        former_district=district,
        is_current=False,
        successor=ta_van,
    )
    assert old not in Commune.objects.current()
    assert list(ta_van.predecessors.all()) == [old]
    assert load_administrative_units().communes == 3321
