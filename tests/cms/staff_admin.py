"""A centre with its staff member, one course and one lesson: the admin tests' world."""

from dataclasses import dataclass

from accounts.roles import Role, group_for
from cms.course_tree import centre_course_index
from cms.models import Centre, CentrePage, CourseIndexPage, CoursePage, LessonPage
from cms.place_rights import centre_collection

from .conftest import add_course, make_staff


@dataclass
class CentreWorld:
    centre: Centre
    centre_page: CentrePage
    course_index: CourseIndexPage
    course: CoursePage
    lesson: LessonPage
    staff: object


def build_centre(home_page, commune, *, phone="0912000002", slug="tt-ta-van"):
    centre = Centre.objects.create(commune=commune, name=f"Trung tâm {commune.name}")
    centre_page = home_page.add_child(
        instance=CentrePage(title=centre.name, slug=slug, centre=centre)
    )
    index = centre_course_index(centre_page)
    course = add_course(index, "Trồng lúa SRI", lessons=1)
    centre_collection(centre)
    staff = make_staff(phone, commune=commune)
    staff.groups.add(group_for(Role.CENTRE_STAFF))
    return CentreWorld(
        centre=centre,
        centre_page=centre_page,
        course_index=index,
        course=course,
        lesson=course.get_children().specific().get(),
        staff=staff,
    )
