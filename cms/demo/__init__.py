"""Demo content for `make run`: realistic, Vietnamese, and loaded idempotently.

A second run finds everything by its natural key (code, name, slug under its parent)
and adds nothing twice.
"""

import datetime
import io
import secrets
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model
from wagtail.models import Page

from accounts.roles import Role, group_for
from cms.course_tree import centre_course_index, move_courses_under_centres
from cms.models import (
    Centre,
    CentrePage,
    Commune,
    CourseIndexPage,
    CoursePage,
    Institution,
    InstitutionLibraryPage,
    LessonMedia,
    LessonPage,
    Licence,
    NewsIndexPage,
    NewsPage,
    OpenResourcePage,
    ResourceFile,
    ResourceLibraryPage,
    ResourceTranslator,
    Subject,
    TargetGroup,
    Village,
)
from cms.place_rights import sync_place_groups
from cms.places_loader import load_administrative_units
from cms.review import (
    ensure_institution_group,
    ensure_review_workflow,
    institution_collection,
    make_contributor,
    submit_for_review,
)
from cms.roles import sync_role_groups
from cms.site_setup import ensure_home_page
from cms.text import fold
from cms.translations import vietnamese_only

from . import content
from .translation import load_hmong_lesson

STAFF_PASSWORD_FILE = Path(settings.BASE_DIR) / ".tmp" / "demo-staff-password"
PDF_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

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


@transaction.atomic
def load_cms_demo() -> list[Centre]:
    """Centres, their pages, courses, the open library, news and demo staff."""
    home = ensure_home_page()
    sync_role_groups()
    load_administrative_units()
    centres = load_centres()
    load_reference_data()
    centre_pages = {
        centre.commune.code: ensure_centre_page(home, centre) for centre in centres
    }
    load_courses(home, centre_pages)
    load_hmong_lesson()
    load_library(home)
    load_news(home)
    sync_place_groups()
    return centres


def ensure_centre_page(home: Page, centre: Centre) -> CentrePage:
    """The centre's page, found by its centre (title and slug may have been edited)."""
    existing = vietnamese_only(CentrePage.objects.filter(centre=centre)).first()
    if existing is not None:
        return existing
    return ensure_child(
        home,
        CentrePage,
        slug=slugify_vi(centre.name),
        title=centre.name,
        centre=centre,
        intro=f"{centre.name} là nơi người dân trong địa phương học tập suốt "
        "đời: lớp xoá mù chữ, tin học, ngoại ngữ, chuyển giao kỹ thuật nông "
        "nghiệp và chăm sóc sức khoẻ.",
    )


def load_centres() -> list[Centre]:
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


def slugify_vi(text: str) -> str:
    return fold(text).replace(" ", "-")[:80]


def ensure_child(parent: Page, model, *, slug: str, **fields):
    """The live child page with this slug, created and published once."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page


def load_reference_data() -> None:
    for slug, name in content.SUBJECTS:
        Subject.objects.get_or_create(slug=slug, defaults={"name": name})
    for slug, name in content.TARGET_GROUPS:
        TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name})
    for code, name, url, explanation in content.LICENCES:
        Licence.objects.get_or_create(
            code=code, defaults={"name": name, "url": url, "explanation": explanation}
        )
    for name, short_name, website in content.INSTITUTIONS:
        Institution.objects.get_or_create(
            name=name, defaults={"short_name": short_name, "website": website}
        )


def load_courses(home: Page, centre_pages: dict[str, CentrePage]) -> None:
    """Each course under its centre's "Khoá học"; the top index is the catalogue."""
    if not CourseIndexPage.objects.child_of(home).exists():
        ensure_child(
            home,
            CourseIndexPage,
            slug="khoa-hoc",
            title="Khoá học",
            intro="Các khoá học ngắn, miễn phí, học trên điện thoại hoặc tại trung "
            "tâm.",
        )
    move_courses_under_centres()  # databases from before: courses left the catalogue
    for spec in content.COURSES:
        centre_page = centre_pages[spec["centre"]]
        index = centre_course_index(centre_page)
        course = (
            CoursePage.objects.filter(
                centre_id=centre_page.centre_id, slug=spec["slug"]
            )
            .order_by("path")
            .first()
        )
        if course is None:
            course = index.add_child(
                instance=CoursePage(
                    slug=spec["slug"],
                    title=spec["title"],
                    summary=spec["summary"],
                    subject=Subject.objects.get(slug=spec["subject"]),
                    level=spec["level"],
                    estimated_hours=Decimal(spec["hours"]),
                    centre=centre_page.centre,
                )
            )
            course.target_groups.set(
                TargetGroup.objects.filter(slug__in=spec["target_groups"])
            )
            course.save_revision().publish()
        for lesson in spec["lessons"]:
            ensure_child(
                course,
                LessonPage,
                slug=lesson["slug"],
                title=lesson["title"],
                summary=lesson["summary"],
                estimated_minutes=lesson["minutes"],
                is_required=lesson["required"],
                body=lesson["body"],
            )


def load_library(home: Page) -> None:
    library = ensure_child(
        home,
        ResourceLibraryPage,
        slug="thu-vien",
        title="Thư viện học liệu mở",
        intro="Tài liệu do các trường đại học số hoá và dịch sang tiếng Việt, dùng "
        "tự do theo giấy phép ghi trên từng tài liệu.",
    )
    ensure_review_workflow(library)
    institutions = [
        Institution.objects.get(name=spec[0]) for spec in content.INSTITUTIONS
    ]
    sections = []
    for institution in institutions:
        section = ensure_child(
            library,
            InstitutionLibraryPage,
            slug=slugify_vi(institution.name),
            title=institution.name,
            institution=institution,
        )
        ensure_institution_group(section)
        sections.append(section)
    contributors = [
        ensure_staff(
            username=f"ctv.{slugify_vi(section.institution.short_name)}",
            full_name=name,
        )
        for section, name in zip(
            sections, ["Trần Thị Lan", "Hoàng Văn Đức"], strict=True
        )
    ]
    for user, section in zip(contributors, sections, strict=True):
        make_contributor(user=user, institution=section.institution)
    # The demo's reviewer edits the open library (she no longer reviews as centre
    # staff: approval belongs to library editors).
    reviewer = ensure_staff(username="canbo.tavan", full_name="Giàng Thị Mai")
    reviewer.groups.remove(group_for(Role.CENTRE_STAFF))
    reviewer.groups.add(group_for(Role.LIBRARY_EDITOR))

    for spec in content.RESOURCES:
        section = sections[spec["institution"]]
        if OpenResourcePage.objects.child_of(section).filter(title=spec["title"]):
            continue
        page = new_resource(section, spec)
        page.save_revision().publish()
    spec = content.PENDING_RESOURCE
    section = sections[spec["institution"]]
    if not OpenResourcePage.objects.child_of(section).filter(title=spec["title"]):
        user = contributors[spec["institution"]]
        page = new_resource(section, spec, live=False, owner=user)
        submit_for_review(page=page, user=user)


def new_resource(section, spec: dict, *, live: bool = True, owner=None):
    page = section.add_child(
        instance=OpenResourcePage(
            slug=slugify_vi(spec["title"]),
            title=spec["title"],
            summary=spec["summary"],
            original_title=spec.get("original_title", ""),
            language=spec.get("language", "vi"),
            original_language=spec.get("original_language", "vi"),
            licence=Licence.objects.get(code=spec["licence"]),
            institution=section.institution,
            source_citation=spec["source"],
            source_url=spec.get("source_url", ""),
            publication_year=spec["year"],
            live=live,
            owner=owner,
        )
    )
    page.subjects.set(Subject.objects.filter(slug__in=spec["subjects"]))
    for order, (name, affiliation) in enumerate(spec.get("translators", [])):
        page.translators.add(
            ResourceTranslator(name=name, affiliation=affiliation, sort_order=order)
        )
    document = get_document_model()(
        title=spec["title"], collection=institution_collection(section.institution)
    )
    document.file.save(f"{page.slug}.pdf", ContentFile(resource_pdf(spec)), save=False)
    document.save()
    page.files.add(ResourceFile(document=document))
    page.save()
    return page


def resource_pdf(spec: dict) -> bytes:
    """A one-page PDF standing in for the digitised material."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    font = "Helvetica"
    if PDF_FONT.exists():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(PDF_FONT)))
        font = "DejaVuSans"
    pdf.setFont(font, 16)
    pdf.drawString(50, 780, spec["title"][:70])
    pdf.setFont(font, 11)
    text = pdf.beginText(50, 750)
    words, line = spec["summary"].split(), ""
    for word in words:
        if len(line) + len(word) > 85:
            text.textLine(line)
            line = ""
        line = f"{line} {word}".strip()
    text.textLine(line)
    text.textLine("")
    text.textLine(spec["source"][:90])
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def load_news(home: Page) -> None:
    index = ensure_child(home, NewsIndexPage, slug="tin-tuc", title="Tin tức")
    today = timezone.localdate()
    for spec in content.NEWS:
        ensure_child(
            index,
            NewsPage,
            slug=spec["slug"],
            title=spec["title"],
            date=today - datetime.timedelta(days=spec["days_ago"]),
            intro=spec["intro"],
            body=spec["body"],
        )


def staff_password() -> str:
    """One random password for the demo staff, kept in .tmp/ (ignored by git)."""
    if STAFF_PASSWORD_FILE.exists():
        return STAFF_PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    STAFF_PASSWORD_FILE.parent.mkdir(exist_ok=True)
    STAFF_PASSWORD_FILE.write_text(password + "\n")
    STAFF_PASSWORD_FILE.chmod(0o600)
    return password


def ensure_staff(*, username: str, full_name: str):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.vn",
            password=staff_password(),
            full_name=full_name,
        )
    return user


def attach_demo_video(media: LessonMedia) -> LessonPage | None:
    """Put the demo video at the top of the smartphone course's first lesson, once."""
    lesson = (
        LessonPage.objects.filter(slug=content.VIDEO_LESSON_SLUG).order_by("pk").first()
    )
    if lesson is None:
        return None
    if any(block.block_type == "video" for block in lesson.body):
        return lesson
    caption = "Xem video ngắn trước khi đọc bài (có thể chọn “Chỉ nghe”)."
    lesson.body.insert(0, ("video", {"video": media, "caption": caption}))
    lesson.save_revision().publish()
    return lesson
