"""A small hand-counted data set: two communes of one province and one elsewhere.

Minh lived in Tả Van (village "Thôn Một") until mid-2025, then moved to the
neighbouring commune: his early records stay in Tả Van, his later ones do not.
A dossier left in draft and a revoked recognition must not count as recognised.
Expected figures are written out in the tests, counted by hand from this file.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import Centre, CourseIndexPage, CoursePage, Village
from lms.models import Attendance, ClassSession, DailyLearning, Enrolment, TargetGroup
from lms.recognition.models import CriteriaSet, Decision, Dossier, Household

YEAR = 2025


def at(day: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(day + " 10:00"))


def decision(model, year, commune) -> Decision:
    """A recognition decision of the commune for the model and year."""
    signer = get_user_model().objects.get_or_create(
        username="can-bo-ky", defaults={"full_name": "Cán bộ ký", "is_staff": True}
    )[0]
    return Decision.objects.create(
        number=f"{year}/QĐ-{model}",
        date=date(year, 5, 1),
        model=model,
        year=year,
        commune=commune,
        created_by=signer,
    )


@dataclass
class World:
    a: object
    b: object
    c: object
    v1: object
    v2: object
    v3: object
    hoa: object
    lan: object
    minh: object
    tuan: object


def build(*, home_page, a, b, c) -> World:
    User = get_user_model()
    v1 = Village.objects.create(commune=a, name="Thôn Một")
    v2 = Village.objects.create(commune=a, name="Thôn Hai")
    v3 = Village.objects.create(commune=b, name="Thôn Ba")

    def person(phone, commune, village, group, name):
        return User.objects.create_user(
            phone=phone,
            full_name=name,
            commune=commune,
            village=village,
            target_group=group,
        )

    hoa = person("0911000001", a, v1, TargetGroup.FARMER, "Hoa")
    lan = person("0911000002", a, v2, TargetGroup.PUPIL, "Lan")
    # Minh lives in commune B now; in the first half of 2025 he lived in A.
    minh = person("0911000003", b, v3, TargetGroup.WORKER, "Minh")
    tuan = person("0911000004", a, v2, TargetGroup.OTHER, "Tuấn")
    draftee = person("0911000005", a, v2, TargetGroup.OTHER, "Nháp")
    elsewhere = person("0911000006", c, None, TargetGroup.OTHER, "Hà Nội")

    index = home_page.add_child(instance=CourseIndexPage(title="Khoá học", slug="kh"))
    c1 = index.add_child(instance=CoursePage(title="Lúa", slug="lua", summary="s"))
    c2 = index.add_child(instance=CoursePage(title="Số", slug="so", summary="s"))

    def enrol(learner, course, commune, on, done=None):
        Enrolment.objects.create(
            learner=learner,
            course=course,
            commune=commune,
            enrolled_at=at(on),
            completed_at=at(done) if done else None,
            percent=100 if done else 10,
        )

    enrol(hoa, c1, a, "2025-02-01", "2025-03-01")
    enrol(hoa, c2, a, "2025-05-01")
    enrol(lan, c1, a, "2024-12-20", "2025-01-10")
    enrol(minh, c1, a, "2025-02-15", "2025-09-01")
    enrol(minh, c2, b, "2025-08-01")
    enrol(elsewhere, c1, c, "2025-03-01", "2025-04-01")

    for learner, day, commune, seconds in [
        (hoa, "2025-01-05", a, 3600),
        (hoa, "2025-06-01", a, 1800),
        (hoa, "2024-12-31", a, 3600),
        (minh, "2025-03-01", a, 7200),
        (minh, "2025-10-01", b, 3600),
        (elsewhere, "2025-03-01", c, 36000),
    ]:
        DailyLearning.objects.create(
            learner=learner,
            day=date.fromisoformat(day),
            commune=commune,
            online_seconds=seconds,
        )

    centre_a = Centre.objects.create(commune=a, name="TTHTCĐ A")
    centre_b = Centre.objects.create(commune=b, name="TTHTCĐ B")

    def session(centre, topic, day, hours, *attendances):
        s = ClassSession.objects.create(
            centre=centre,
            topic=topic,
            date=date.fromisoformat(day),
            hours=Decimal(hours),
        )
        for learner, present, commune in attendances:
            Attendance.objects.create(
                session=s, learner=learner, present=present, commune=commune
            )

    session(
        centre_a,
        "Trồng lúa",
        "2025-04-01",
        "2.0",
        (hoa, True, a),
        (minh, True, a),
        (lan, False, a),
    )
    session(centre_a, "Pháp luật", "2025-11-01", "1.5", (hoa, True, a), (minh, True, b))
    session(centre_b, "Trồng lúa", "2025-11-05", "3.0", (minh, True, b))
    session(centre_a, "Pháp luật", "2024-06-01", "1.0", (hoa, True, a))

    def dossier(model, subject, commune, village, status, year=YEAR, **steps):
        person_ = subject if isinstance(subject, User) else None
        # A title is held only by a decision: recognised (and revoked) have one.
        decided = status in ("recognised", "revoked")
        Dossier.objects.create(
            decision=decision(model, year, commune) if decided else None,
            model=model,
            year=year,
            subject_key=f"{model}:{subject.pk}",
            subject_name=str(subject),
            person=person_,
            household=subject if isinstance(subject, Household) else None,
            commune=commune,
            village=village,
            criteria_set=CriteriaSet.objects.filter(model=model).first(),
            status=status,
            registered_at=at(f"{year}-02-01"),
            **{f"{step}_at": at(f"{year}-{month}-01") for step, month in steps.items()},
        )

    done = {"self_assessed": "03", "verified": "04"}
    dossier("citizen", hoa, a, v1, "recognised", recognised="05", **done)
    dossier("citizen", lan, a, v2, "self_assessed", self_assessed="03")
    # Registered while living in A; returned after he moved: still A's dossier.
    dossier("citizen", minh, a, v1, "returned", self_assessed="03", returned="07")
    dossier("citizen", tuan, a, v2, "revoked", recognised="05", revoked="08", **done)
    dossier("citizen", draftee, a, v2, "draft")
    dossier("citizen", elsewhere, c, None, "recognised", recognised="05", **done)
    dossier("citizen", hoa, a, v1, "recognised", year=YEAR - 1, **done)
    household = Household.objects.create(name="Hộ bà Hoa", commune=a, village=v1)
    dossier("family", household, a, v1, "verified", **done)
    return World(a, b, c, v1, v2, v3, hoa, lan, minh, tuan)
