"""Demo recognition content in Tả Van (03037): the whole yearly cycle at work.

A few dozen residents across the commune's villages, their households, the Giàng
clan and the primary school, with learning records written straight into the LMS
tables so that some meet the learning-citizen criteria and some do not; dossiers
at every step; then the commune is evaluated for the current year. Safe to run
again: everything is looked up before it is created.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role, group_for
from cms.course_tree import course_index_for
from cms.demo import staff_password
from cms.models import Centre, Commune, CoursePage, Village
from cms.translations import vietnamese_only
from lms.recognition.constants import DossierStatus
from lms.recognition.learning import class_sessions, record_learning
from lms.recognition.models import (
    Answer,
    Clan,
    ClanHousehold,
    Decision,
    Evidence,
    Household,
    HouseholdMembership,
    Indicator,
    Unit,
    UnitMembership,
)
from lms.recognition.services import cycle
from lms.recognition.services.evaluation import evaluate_commune
from lms.recognition.subjects import subject_for

COMMUNE_CODE = "03037"
VILLAGES = ["Tả Van Giáy 1", "Tả Van Giáy 2", "Tả Van Mông", "Séo Mý Tỷ"]
# (household, village index, [(name, birth year, target group, learns)])
HOUSEHOLDS = [
    (
        "Hộ Giàng A Lử",
        2,
        [
            ("Giàng A Lử", 1978, "farmer", 3),
            ("Giàng Thị Mai", 1981, "farmer", 3),
            ("Giàng A Tú", 2012, "pupil", 1),
        ],
    ),
    (
        "Hộ Giàng A Páo",
        2,
        [
            ("Giàng A Páo", 1985, "farmer", 2),
            ("Lò Thị Dung", 1988, "farmer", 3),
            ("Giàng Thị Sênh", 1960, "elderly", 0),
        ],
    ),
    (
        "Hộ Giàng Seo Chu",
        3,
        [("Giàng Seo Chu", 1975, "farmer", 1), ("Vàng Thị Sử", 1979, "farmer", 0)],
    ),
    (
        "Hộ Giàng A Dế",
        3,
        [("Giàng A Dế", 1990, "worker", 3), ("Sùng Thị Mỷ", 1993, "farmer", 2)],
    ),
    (
        "Hộ Hoàng Văn Tâm",
        0,
        [
            ("Hoàng Văn Tâm", 1970, "official", 3),
            ("Lù Thị Hoa", 1974, "official", 3),
            ("Hoàng Thị Lan", 2004, "pupil", 2),
        ],
    ),
    (
        "Hộ Lù Văn Sinh",
        0,
        [
            ("Lù Văn Sinh", 1982, "farmer", 1),
            ("Hoàng Thị Nhung", 1984, "farmer", 0),
            ("Lù Văn Quý", 1955, "elderly", 0),
        ],
    ),
    (
        "Hộ Vàng Văn Thắng",
        1,
        [("Vàng Văn Thắng", 1987, "farmer", 3), ("Lò Thị Thu", 1989, "farmer", 2)],
    ),
    (
        "Hộ Lò Văn Minh",
        1,
        [("Lò Văn Minh", 1992, "worker", 0), ("Hoàng Thị Vân", 1995, "worker", 1)],
    ),
    (
        "Hộ Sùng A Chu",
        2,
        [
            ("Sùng A Chu", 1972, "farmer", 2),
            ("Giàng Thị Pà", 1976, "farmer", 1),
            ("Sùng A Lềnh", 2001, "worker", 3),
        ],
    ),
    ("Hộ Giàng Thị Chớ", 2, [("Giàng Thị Chớ", 1968, "farmer", 0)]),
]
TEACHERS = [
    ("Nguyễn Thị Thu Hà", 1986, 0),
    ("Trần Văn Đức", 1983, 0),
    ("Phạm Thị Ngọc", 1991, 0),
]
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
    b"/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _phone(index: int) -> str:
    return f"0399{index:06d}"


def _courses(centre) -> list:
    courses = list(vietnamese_only(CoursePage.objects.filter(centre=centre).live())[:2])
    if courses:
        return courses
    index = course_index_for(centre)
    for title, slug in [
        ("Kỹ năng số cơ bản", "ky-nang-so-co-ban"),
        ("Kỹ thuật trồng lúa nước", "ky-thuat-trong-lua-nuoc"),
    ]:
        course = vietnamese_only(CoursePage.objects.filter(slug=slug)).first()
        if course is None:
            course = CoursePage(
                title=title,
                slug=slug,
                summary=f"{title}: khoá học mẫu của trung tâm.",
                estimated_hours=4,
                centre=centre,
            )
            index.add_child(instance=course)
        courses.append(course)
    return courses


def _person(index, name, birth_year, target_group, commune, village):
    User = get_user_model()
    person = User.objects.filter(phone=_phone(index)).first()
    if person is None:
        person = User.objects.create_user(
            phone=_phone(index),
            full_name=name,
            birth_year=birth_year,
            target_group=target_group,
            commune=commune,
            village=village,
            # Demo residents hold optional data, so they consented to it.
            data_consent_at=timezone.now(),
            optional_data_consent_at=timezone.now(),
        )
        person.set_unusable_password()
        person.save(update_fields=["password"])
    return person


def _learn(person, level, year, courses, sessions):
    """0: nothing; 1: a little; 2: enough hours only; 3: everything the form asks."""
    if level == 0:
        return
    if level == 1:
        record_learning(person=person, year=year, online_hours=2, classes=sessions[:1])
    elif level == 2:
        record_learning(person=person, year=year, online_hours=25, classes=sessions[:2])
    else:
        record_learning(
            person=person,
            year=year,
            online_hours=22,
            courses=courses[:1],
            classes=sessions,
            certificate=True,
        )


def _answer_everything(dossier, actor):
    for indicator in Indicator.objects.filter(
        criterion__criteria_set=dossier.criteria_set, kind="declared"
    ):
        answer, _created = Answer.objects.update_or_create(
            dossier=dossier,
            indicator=indicator,
            defaults={"met": True, "answered_by": actor, "note": "Có minh chứng."},
        )
        if indicator.evidence_required and not answer.evidence.exists():
            Evidence.objects.create(
                answer=answer,
                file=ContentFile(io.BytesIO(PDF).read(), name="minh-chung.pdf"),
                original_name="minh-chung.pdf",
                uploaded_by=actor,
            )


# Officers who sign in with the demo staff password (.tmp/demo-staff-password).
DEMO_OFFICERS = (
    # phone, name, role, village index or None
    ("0399900001", "Cán bộ Khuyến học xã Tả Van", Role.COMMUNE_OFFICER, None),
    ("0399900002", "Chi hội khuyến học thôn Tả Van Mông", Role.VILLAGE_OFFICER, 2),
    (
        "0399900003",
        "Cán bộ Sở Giáo dục và Đào tạo Lào Cai",
        Role.PROVINCE_OFFICER,
        None,
    ),
)


def _officers(commune, villages):
    """The demo's commune, village and province officers; returns the commune one."""
    User = get_user_model()
    accounts = []
    for phone, full_name, role, village_index in DEMO_OFFICERS:
        officer = User.objects.filter(phone=phone).first()
        if officer is None:
            officer = User.objects.create_user(
                phone=phone,
                full_name=full_name,
                commune=commune,
                village=None if village_index is None else villages[village_index],
                password=staff_password(),
                # Staff accounts are not counted among the commune's residents.
                is_staff=True,
            )
        elif not officer.has_usable_password():
            # Demos loaded before officers could sign in.
            officer.set_password(staff_password())
            officer.save(update_fields=["password"])
        officer.groups.add(group_for(role))
        accounts.append(officer)
    return accounts[0]


@transaction.atomic
def load_recognition_demo(year: int | None = None) -> dict:
    """Create the Tả Van recognition demo for ``year`` and evaluate the commune."""
    year = year or timezone.localdate().year
    commune = Commune.objects.get(code=COMMUNE_CODE)
    villages = [
        Village.objects.get_or_create(commune=commune, name=name)[0]
        for name in VILLAGES
    ]
    centre = Centre.objects.filter(commune=commune).first()
    if centre is None:
        centre = Centre.objects.create(
            commune=commune, name="Trung tâm học tập cộng đồng xã Tả Van"
        )
    courses = _courses(centre)
    sessions = class_sessions(
        centre=centre,
        year=year,
        topics=[
            "Pháp luật về đất đai",
            "Chăn nuôi lợn đen",
            "Sử dụng điện thoại thông minh",
        ],
    )
    officer = _officers(commune, villages)
    joined = datetime.date(year - 3, 1, 1)
    index = 0
    households, people = [], []
    for household_name, village_index, members in HOUSEHOLDS:
        village = villages[village_index]
        household_people = []
        for name, birth_year, target_group, level in members:
            index += 1
            person = _person(index, name, birth_year, target_group, commune, village)
            _learn(person, level, year, courses, sessions)
            household_people.append((person, level))
        head = household_people[0][0]
        household, _created = Household.objects.get_or_create(
            name=household_name,
            commune=commune,
            defaults={"village": village, "head": head},
        )
        for person, _level in household_people:
            if not HouseholdMembership.objects.filter(
                person=person, left_on__isnull=True
            ).exists():
                HouseholdMembership.objects.create(
                    household=household, person=person, joined_on=joined
                )
        households.append(household)
        people.extend(household_people)

    clan, _created = Clan.objects.get_or_create(
        name="Dòng họ Giàng",
        commune=commune,
        defaults={"village": villages[2], "representative": people[0][0]},
    )
    for household in households:
        if household.name.startswith("Hộ Giàng"):
            ClanHousehold.objects.get_or_create(clan=clan, household=household)

    unit, _created = Unit.objects.get_or_create(
        name="Trường Tiểu học Tả Van",
        commune=commune,
        defaults={"kind": "school", "village": villages[0]},
    )
    teachers = []
    for name, birth_year, level in TEACHERS:
        index += 1
        teacher = _person(index, name, birth_year, "official", commune, villages[0])
        _learn(teacher, 3 if level == 0 else level, year, courses, sessions)
        teachers.append(teacher)
    if unit.head_id is None:
        unit.head = teachers[0]
        unit.save(update_fields=["head"])
    for teacher in teachers:
        if not UnitMembership.objects.filter(
            unit=unit, person=teacher, left_on__isnull=True
        ).exists():
            UnitMembership.objects.create(unit=unit, person=teacher, joined_on=joined)

    _cycle(year, people, teachers, households, clan, unit, villages, officer)
    return evaluate_commune(commune=commune, year=year)


def _cycle(year, people, teachers, households, clan, unit, villages, officer):
    """Dossiers at every step: registered, submitted, returned, verified, recognised."""
    citizens = [p for p, _level in people if p.birth_year and year - p.birth_year >= 18]
    citizens += teachers
    dossiers = []
    for number, person in enumerate(citizens[:20]):
        dossier = cycle.register(
            subject=subject_for("citizen", person), year=year, actor=person
        )
        dossiers.append(dossier)
        if dossier.status != DossierStatus.REGISTERED or number % 5 == 4:
            continue
        _answer_everything(dossier, person)
        cycle.submit(dossier=dossier, actor=person)
    number = f"01/QĐ-KH-{year}"
    submitted = [d for d in dossiers if d.status == DossierStatus.SELF_ASSESSED]
    if submitted and not Decision.objects.filter(number=number).exists():
        first = submitted[0]
        declared = Indicator.objects.filter(
            criterion__criteria_set=first.criteria_set, kind="declared"
        ).first()
        cycle.return_dossier(
            dossier=first,
            officer=officer,
            comments={declared.pk: "Đề nghị bổ sung kế hoạch học tập có chữ ký."},
        )
        to_verify = submitted[1:7]
        cycle.accept(dossiers=to_verify, officer=officer)
        for dossier in to_verify:
            dossier.refresh_from_db()
        cycle.recognise(
            dossiers=to_verify[:3],
            officer=officer,
            number=number,
            date=datetime.date(year, 12, 1),
            signer_name="Giàng Seo Phủ",
            # Shows officers what a recognition by override looks like.
            override_reason="Học đủ các lớp tại trung tâm; minh chứng giấy đã được "
            "kiểm tra trực tiếp tại xã.",
        )
    for household in households[:4]:
        dossier = cycle.register(
            subject=subject_for("family", household), year=year, actor=household.head
        )
        if dossier.status == DossierStatus.REGISTERED:
            _answer_everything(dossier, household.head)
            cycle.submit(dossier=dossier, actor=household.head)
    for subject, actor in [
        (subject_for("clan", clan), clan.representative),
        (subject_for("unit", unit), unit.head),
        (subject_for("community", villages[2]), officer),
    ]:
        dossier = cycle.register(subject=subject, year=year, actor=actor)
        if dossier.status == DossierStatus.REGISTERED:
            _answer_everything(dossier, actor)
            cycle.submit(dossier=dossier, actor=actor)
