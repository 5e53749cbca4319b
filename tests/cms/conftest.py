"""A small CMS page tree for the CMS tests."""

import pytest
from django.contrib.auth import get_user_model

from accounts.roles import Role, group_for
from cms.models import (
    CourseIndexPage,
    CoursePage,
    Institution,
    InstitutionLibraryPage,
    LessonPage,
    Licence,
    NewsIndexPage,
    NewsPage,
    OpenResourcePage,
    ResourceLibraryPage,
    Subject,
    TargetGroup,
)
from cms.review import (
    ensure_institution_group,
    ensure_review_workflow,
    make_contributor,
)


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def add_course(index, title, *, lessons=4, subject=None, **fields):
    course = index.add_child(
        instance=CoursePage(
            title=title, summary=fields.pop("summary", title), subject=subject, **fields
        )
    )
    for number in range(1, lessons + 1):
        course.add_child(
            instance=LessonPage(
                title=f"{title}: bài {number}",
                summary=f"Tóm tắt bài {number}",
                is_required=number % 2 == 1,
                body=paragraph(f"Nội dung bài {number} của khoá {title}."),
            )
        )
    return course


@pytest.fixture
def subjects(db):
    return {
        slug: Subject.objects.create(name=name, slug=slug)
        for slug, name in [
            ("nong-nghiep", "Nông nghiệp"),
            ("suc-khoe", "Sức khoẻ"),
            ("ky-nang-so", "Kỹ năng số"),
        ]
    }


@pytest.fixture
def target_group(db):
    return TargetGroup.objects.create(name="Nông dân", slug="nong-dan")


@pytest.fixture
def licences(db):
    return {
        code: Licence.objects.create(code=code, name=name)
        for code, name in [("CC-BY-4.0", "CC BY 4.0"), ("CC0-1.0", "CC0 1.0")]
    }


@pytest.fixture
def institutions(db):
    return [
        Institution.objects.create(
            name="Trường Đại học Sư phạm Hà Nội", short_name="HNUE"
        ),
        Institution.objects.create(
            name="Trường Đại học Nông Lâm Thái Nguyên", short_name="TUAF"
        ),
    ]


@pytest.fixture
def course_index(home_page):
    return home_page.add_child(
        instance=CourseIndexPage(title="Khoá học", slug="khoa-hoc")
    )


@pytest.fixture
def course(course_index, subjects, target_group):
    course = add_course(
        course_index,
        "Kỹ thuật trồng lúa cải tiến SRI",
        subject=subjects["nong-nghiep"],
        summary="Cấy thưa, tưới ướt khô xen kẽ, giảm giống và phân đạm.",
    )
    course.target_groups.add(target_group)
    course.save_revision().publish()
    return course


@pytest.fixture
def library(home_page):
    library = home_page.add_child(
        instance=ResourceLibraryPage(title="Thư viện học liệu mở", slug="thu-vien")
    )
    ensure_review_workflow(library)
    return library


@pytest.fixture
def sections(library, institutions):
    sections = []
    for institution in institutions:
        section = library.add_child(
            instance=InstitutionLibraryPage(
                title=institution.name, institution=institution
            )
        )
        ensure_institution_group(section)
        sections.append(section)
    return sections


@pytest.fixture
def resource(sections, licences, subjects):
    page = sections[0].add_child(
        instance=OpenResourcePage(
            title="Phòng bệnh đạo ôn trên lúa",
            summary="Cách nhận biết và phòng bệnh đạo ôn.",
            licence=licences["CC-BY-4.0"],
            institution=sections[0].institution,
            language="vi",
            original_language="en",
            original_title="Rice blast prevention",
        )
    )
    page.subjects.add(subjects["nong-nghiep"])
    page.save_revision().publish()
    return page


@pytest.fixture
def news(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
    return index.add_child(
        instance=NewsPage(title="Khai giảng lớp tin học cho người cao tuổi")
    )


def make_staff(phone, **fields):
    return get_user_model().objects.create_user(
        phone=phone, password="mat-khau-1", full_name="Cán bộ", **fields
    )


@pytest.fixture
def contributor(sections):
    user = make_staff("0911000001")
    make_contributor(user=user, institution=sections[0].institution)
    return user


@pytest.fixture
def other_contributor(sections):
    user = make_staff("0911000002")
    make_contributor(user=user, institution=sections[1].institution)
    return user


@pytest.fixture
def reviewer(db):
    """A library editor: approves or rejects open resources."""
    user = make_staff("0911000003")
    user.groups.add(group_for(Role.LIBRARY_EDITOR))
    return user
