"""One definition of who counts as a resident, used by registration and figures."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.roles import Role, group_for
from cms.models import Village
from lms.residents import of_age, residents

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(commune, other_commune):
    village = Village.objects.create(commune=commune, name="Thôn Một")
    User = get_user_model()
    counter = iter(range(100))

    def person(name, **fields):
        return User.objects.create_user(
            phone=f"0916{next(counter):06d}",
            full_name=name,
            commune=fields.pop("commune", commune),
            **fields,
        )

    officer = person("Cán bộ xã")
    officer.groups.add(group_for(Role.COMMUNE_OFFICER))
    editor = person("Biên tập")
    editor.groups.add(group_for(Role.LIBRARY_EDITOR))
    return {
        "adult": person("Người lớn", village=village, birth_year=2000),
        "child": person("Trẻ em", village=village, birth_year=2015),
        "unknown": person("Không rõ tuổi", birth_year=None),
        "inactive": person("Đã khoá", is_active=False),
        "staff": person("Nhân viên", is_staff=True),
        "officer": officer,
        "editor": editor,
        "elsewhere": person("Nơi khác", commune=other_commune),
        "village": village,
    }


def names(queryset):
    return set(queryset.values_list("full_name", flat=True))


def test_residents_are_active_people_without_staff_flag_or_role(people, commune):
    assert names(residents(commune=commune)) == {
        "Người lớn",
        "Trẻ em",
        "Không rõ tuổi",
    }
    assert "Nơi khác" in names(residents())


def test_residents_of_a_village_and_of_age_on_a_date(people, commune):
    assert names(residents(village=people["village"])) == {"Người lớn", "Trẻ em"}
    end_2026 = datetime.date(2026, 12, 31)
    adults = residents(commune=commune, on=end_2026, min_age=18)
    # An unknown year of birth counts, as the roll-ups always did.
    assert names(adults) == {"Người lớn", "Không rõ tuổi"}
    assert names(
        residents(commune=commune, on=datetime.date(2017, 1, 1), min_age=18)
    ) == {"Không rõ tuổi"}


def test_age_rule_in_python_matches_the_query():
    on = datetime.date(2026, 6, 1)
    assert of_age(2008, on=on, min_age=18) and not of_age(2009, on=on, min_age=18)
    assert of_age(None, on=on, min_age=18) and of_age(2020, on=on, min_age=None)


def test_registration_on_behalf_offers_residents_only(client, people, commune):
    staff = get_user_model().objects.create_user(
        phone="0917000001", full_name="Cán bộ trung tâm", commune=commune
    )
    staff.groups.add(group_for(Role.CENTRE_STAFF))
    client.force_login(staff)
    html = client.get(reverse("recognition:register", args=["cong-dan"])).content
    html = html.decode()
    assert "Người lớn" in html and "Trẻ em" in html
    for name in ("Cán bộ xã", "Biên tập", "Nhân viên", "Đã khoá", "Nơi khác"):
        assert name not in html
    response = client.post(
        reverse("recognition:register", args=["cong-dan"]),
        {"subject": people["officer"].pk},
    )
    assert response.status_code == 404
