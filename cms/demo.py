"""Demo content for `make run`: realistic, Vietnamese, and loaded idempotently."""

from cms.models import Centre, Commune, Village
from cms.places_loader import load_administrative_units
from cms.roles import sync_role_groups
from cms.site_setup import ensure_home_page

DEMO_CENTRES = [
    {
        "commune_code": "03037",  # Xã Tả Van, Lào Cai
        "name": "Trung tâm học tập cộng đồng xã Tả Van",
        "address": "Thôn Tả Van Giáy 1, xã Tả Van, tỉnh Lào Cai",
        "phone": "0214 3871 234",
        "schedule": "Thứ Hai đến thứ Sáu: 7:30–11:30 và 13:30–17:00. "
        "Lớp buổi tối: thứ Ba và thứ Năm, 19:00–21:00.",
        "villages": ["Tả Van Giáy 1", "Tả Van Giáy 2", "Tả Van Mông", "Séo Mý Tỷ"],
    },
    {
        "commune_code": "00070",  # Phường Hoàn Kiếm, Hà Nội
        "name": "Trung tâm học tập cộng đồng phường Hoàn Kiếm",
        "address": "Số 2 phố Lê Thạch, phường Hoàn Kiếm, Hà Nội",
        "phone": "024 3825 1234",
        "schedule": "Thứ Hai đến thứ Bảy: 8:00–11:30 và 14:00–20:00.",
        "villages": ["Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 3"],
    },
]


def load_cms_demo() -> list[Centre]:
    ensure_home_page()
    sync_role_groups()
    load_administrative_units()
    centres = []
    for spec in DEMO_CENTRES:
        commune = Commune.objects.get(code=spec["commune_code"])
        kind = (
            Village.Kind.RESIDENTIAL_GROUP
            if spec["villages"][0].startswith("Tổ")
            else Village.Kind.VILLAGE
        )
        for name in spec["villages"]:
            Village.objects.get_or_create(
                commune=commune, name=name, defaults={"kind": kind}
            )
        centre, _created = Centre.objects.update_or_create(
            commune=commune,
            defaults={k: spec[k] for k in ("name", "address", "phone", "schedule")},
        )
        centres.append(centre)
    return centres
