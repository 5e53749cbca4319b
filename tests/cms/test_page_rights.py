"""Page and collection rights by place: every role × every page kind and action.

Each cell is asked of Wagtail itself (its page permission tester, its explorer and its
collection policies through ``has_perm``), so the table says what the admin lets the
person do; one real admin request per page kind checks the same answer over HTTP.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from accounts.roles import Role, group_for
from cms.course_tree import centre_course_index
from cms.models import Centre, CentrePage, OpenResourcePage, Village
from cms.place_rights import centre_collection

from .conftest import add_course, make_staff

ROLES = [
    "resident",
    "staff_here",
    "staff_other",
    "staff_no_commune",
    "village_officer",
    "commune_officer_here",
    "province_officer_here",
    "province_officer_other",
    "contributor_here",
    "contributor_other",
    "library_editor",
    "admin",
]
PAGES = [
    "centre_page",
    "course",
    "lesson",
    "other_course",
    "section",
    "resource",
    "home",
]
ACTIONS = ["view", "edit", "publish", "unpublish", "delete"]

THIS_CENTRE = {"centre_page", "course", "lesson"}
# Pages each role may edit; the other actions follow from the rules below.
EDITABLE = {
    "resident": set(),
    "staff_here": THIS_CENTRE,
    "staff_other": {"other_course"},
    "staff_no_commune": set(),
    "village_officer": set(),
    "commune_officer_here": THIS_CENTRE,
    "province_officer_here": THIS_CENTRE,
    "province_officer_other": {"other_course"},
    "contributor_here": {"section", "resource"},
    "contributor_other": set(),
    "library_editor": set(),
    "admin": set(PAGES),
}
# Their rights sit on a centre page, a child of the home page.
CENTRE_ROLES = {
    "staff_here",
    "staff_other",
    "commune_officer_here",
    "province_officer_here",
    "province_officer_other",
}
# Contributors draft; only the workflow publishes their work.
DRAFTS_ONLY = {"contributor_here"}
# Leaves only: a page with children needs the bulk-delete right nobody but admins have.
LEAVES = {"lesson", "other_course", "resource"}


def expected(role: str, page: str, action: str) -> bool:
    editable = page in EDITABLE[role]
    if role == "admin":
        return True
    if action == "view":  # the explorer shows one's pages, from their parent down
        return editable or (page == "home" and role in CENTRE_ROLES)
    if action == "edit":
        return editable
    if action in ("publish", "unpublish"):
        return editable and role not in DRAFTS_ONLY
    if action == "delete":
        return editable and role not in DRAFTS_ONLY and page in LEAVES
    raise AssertionError(action)


@pytest.fixture
def world(
    home_page,
    commune,
    other_commune,
    sections,
    resource,
    contributor,
    other_contributor,
):
    """Two centres in two provinces, the library, and one person per role."""
    centres = {}
    for key, place in (("here", commune), ("other", other_commune)):
        centre = Centre.objects.create(commune=place, name=f"Trung tâm {place.name}")
        page = home_page.add_child(
            instance=CentrePage(title=centre.name, slug=f"tt-{key}", centre=centre)
        )
        centres[key] = (centre, page, centre_course_index(page))
    course = add_course(centres["here"][2], "Trồng lúa SRI", lessons=1)
    other_course = add_course(centres["other"][2], "Sức khoẻ người cao tuổi", lessons=0)
    village = Village.objects.create(commune=commune, name="Tả Van Giáy 1")

    def person(phone, role, place, **fields):
        user = make_staff(phone, commune=place, **fields)
        if role is not None:
            user.groups.add(group_for(role))
        return user

    people = {
        "resident": person("0912000001", None, commune),
        "staff_here": person("0912000002", Role.CENTRE_STAFF, commune),
        "staff_other": person("0912000003", Role.CENTRE_STAFF, other_commune),
        "staff_no_commune": person("0912000004", Role.CENTRE_STAFF, None),
        "village_officer": person(
            "0912000005", Role.VILLAGE_OFFICER, commune, village=village
        ),
        "commune_officer_here": person("0912000006", Role.COMMUNE_OFFICER, commune),
        "province_officer_here": person("0912000007", Role.PROVINCE_OFFICER, commune),
        "province_officer_other": person(
            "0912000008", Role.PROVINCE_OFFICER, other_commune
        ),
        "contributor_here": contributor,
        "contributor_other": other_contributor,
        "library_editor": person("0912000009", Role.LIBRARY_EDITOR, None),
        "admin": get_user_model().objects.create_superuser(
            username="quantri", password="mat-khau-1", full_name="Quản trị"
        ),
    }
    pages = {
        "centre_page": centres["here"][1],
        "course": course,
        "lesson": course.get_children().get(),
        "other_course": other_course,
        "section": sections[0],
        "resource": resource,
        "home": home_page,
    }
    collections = {
        "here": centre_collection(centres["here"][0]),
        "other": centre_collection(centres["other"][0]),
    }
    return {"people": people, "pages": pages, "collections": collections}


def fresh(user):
    """The user as a new request sees them: no cached roles or permissions."""
    return get_user_model().objects.get(pk=user.pk)


def actual(user, page: Page, action: str) -> bool:
    if action == "view":
        return (
            page_permission_policy.explorable_instances(user)
            .filter(pk=page.pk)
            .exists()
        )
    tester = page.permissions_for_user(user)
    return {
        "edit": tester.can_edit,
        "publish": tester.can_publish,
        "unpublish": tester.can_unpublish,
        "delete": tester.can_delete,
    }[action]()


def test_page_rights_table(world):
    wrong = []
    for role in ROLES:
        user = fresh(world["people"][role])
        for page_key in PAGES:
            page = world["pages"][page_key].specific
            for action in ACTIONS:
                if actual(user, page, action) != expected(role, page_key, action):
                    wrong.append(
                        (role, page_key, action, expected(role, page_key, action))
                    )
    assert wrong == []


def test_the_table_has_allowed_and_refused_cells_for_every_action():
    for action in ACTIONS:
        cells = {expected(r, p, action) for r in ROLES for p in PAGES}
        assert cells == {True, False}, action


FILE_ACTIONS = [
    "add_image",
    "choose_image",
    "add_document",
    "choose_document",
    "add_media",
    "choose_media",
]
UPLOADERS = {
    "staff_here": "here",
    "commune_officer_here": "here",
    "staff_other": "other",
}
CHOOSERS = {"province_officer_here": "here", "province_officer_other": "other"}


def may_use_files(role: str, where: str, action: str) -> bool:
    if role == "admin":
        return True
    if UPLOADERS.get(role) == where:
        return True
    return CHOOSERS.get(role) == where and action.startswith("choose")


def test_collection_rights_table(world):
    wrong = []
    for role in ROLES:
        user = fresh(world["people"][role])
        for where, collection in world["collections"].items():
            for action in FILE_ACTIONS:
                allowed = user.has_perm(f"cms.{action}_in_collection", collection)
                if allowed != may_use_files(role, where, action):
                    wrong.append((role, where, action, not allowed))
    assert wrong == []


def test_rules_agree_with_wagtail(world):
    """``has_perm`` on pages asks Wagtail's tester: one truth for views and admin."""
    for role in ("staff_here", "staff_other", "contributor_here", "admin"):
        user = fresh(world["people"][role])
        for page_key in PAGES:
            page = world["pages"][page_key].specific
            assert user.has_perm("cms.change_page", page) == expected(
                role, page_key, "edit"
            )
            assert user.has_perm("cms.publish_page", page) == expected(
                role, page_key, "publish"
            )


# One real admin request per page kind: (page, allowed role, refused role).
HTTP_CASES = [
    ("centre_page", "commune_officer_here", "staff_other"),
    ("course", "staff_here", "staff_no_commune"),
    ("lesson", "province_officer_here", "province_officer_other"),
    ("other_course", "staff_other", "staff_here"),
    ("section", "contributor_here", "staff_here"),
    ("resource", "contributor_here", "library_editor"),
    ("home", "admin", "staff_here"),
]


@pytest.mark.parametrize(("page_key", "allowed", "refused"), HTTP_CASES)
def test_admin_edit_view_follows_the_table(client, world, page_key, allowed, refused):
    page = world["pages"][page_key]
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.force_login(world["people"][allowed])
    assert client.get(edit).status_code == 200
    client.force_login(world["people"][refused])
    assert client.get(edit).status_code in (302, 403)
    # Refused to unpublish and to delete: the page stays live and in place.
    client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    page.refresh_from_db()
    assert page.live


def test_centre_staff_unpublish_their_own_lesson_over_http(client, world):
    lesson = world["pages"]["lesson"]
    client.force_login(world["people"]["staff_here"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(lesson.pk,)))
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert not lesson.live


def test_media_library_opens_for_centre_staff_with_a_place_only(client, world):
    media = reverse("wagtailmedia:index")
    client.force_login(world["people"]["staff_here"])
    assert client.get(media).status_code == 200
    client.force_login(world["people"]["staff_no_commune"])
    assert client.get(media).status_code in (302, 403)


def test_rights_follow_a_change_of_commune_and_of_role(world):
    """Moving to another commune moves the rights; losing the role loses them."""
    course = world["pages"]["course"]
    other_course = world["pages"]["other_course"]
    user = fresh(world["people"]["staff_here"])
    user.commune = world["pages"]["other_course"].specific.centre.commune
    user.save()
    user = fresh(user)
    assert not course.permissions_for_user(user).can_edit()
    assert other_course.permissions_for_user(user).can_edit()
    user.groups.remove(group_for(Role.CENTRE_STAFF))
    user = fresh(user)
    assert not other_course.permissions_for_user(user).can_edit()


def test_staff_get_rights_when_their_centre_page_is_made(home_page, other_commune):
    """A centre page made after its staff joined gives them rights at once."""
    user = make_staff("0912000020", commune=other_commune)
    user.groups.add(group_for(Role.CENTRE_STAFF))
    centre = Centre.objects.create(commune=other_commune, name="Trung tâm mới")
    page = home_page.add_child(
        instance=CentrePage(title=centre.name, slug="tt-moi", centre=centre)
    )
    assert page.permissions_for_user(fresh(user)).can_publish()
    course = add_course(centre_course_index(page), "Tin học cơ bản", lessons=0)
    assert course.centre == centre  # from the ancestor centre page


def test_catalogue_lists_every_course_and_a_centre_index_its_own(client, world):
    pages = world["pages"]
    catalogue = pages["home"].add_child(
        instance=type(pages["course"].get_parent().specific)(
            title="Khoá học", slug="khoa-hoc"
        )
    )
    html = client.get(catalogue.url).content.decode()
    assert pages["course"].title in html and pages["other_course"].title in html
    html = client.get(pages["course"].get_parent().url).content.decode()
    assert pages["course"].title in html and pages["other_course"].title not in html


# --- Library review: library editors approve, never their own work. ---------------


def workflow_action(page, action, task_state):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)
    )


@pytest.fixture
def editors(world, sections):
    """Two library editors; the first also contributes for institution I."""
    from cms.review import make_contributor

    first = make_staff("0912000030")
    make_contributor(user=first, institution=sections[0].institution)
    second = make_staff("0912000031")
    for user in (first, second):
        user.groups.add(group_for(Role.LIBRARY_EDITOR))
    return first, second


@pytest.fixture
def own_submission(editors, resource):
    from cms.review import submit_for_review

    submitter = editors[0]
    page = resource.get_parent().add_child(
        instance=OpenResourcePage(
            title="Sổ tay nuôi ong",
            summary="Nuôi ong lấy mật.",
            licence=resource.licence,
            institution=resource.institution,
            live=False,
            owner=submitter,
        )
    )
    submit_for_review(page=page, user=submitter)
    page.refresh_from_db()
    return page, page.current_workflow_task_state


def test_a_library_editor_never_approves_their_own_submission(
    client, editors, own_submission
):
    page, task_state = own_submission
    submitter = fresh(editors[0])
    assert task_state.task.specific.get_actions(page, submitter) == []
    assert not submitter.has_perm("cms.approve_page", page)
    client.force_login(submitter)
    client.post(workflow_action(page, "approve", task_state), {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_another_library_editor_approves(client, editors, own_submission):
    page, task_state = own_submission
    assert fresh(editors[1]).has_perm("cms.approve_page", page)
    client.force_login(editors[1])
    client.post(workflow_action(page, "approve", task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_centre_staff_cannot_approve(client, world, own_submission):
    page, task_state = own_submission
    staff = fresh(world["people"]["staff_here"])
    assert not staff.has_perm("cms.approve_page", page)
    client.force_login(staff)
    client.post(workflow_action(page, "approve", task_state), {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_an_editor_who_edited_the_draft_under_review_cannot_approve_it(
    client, world, editors, own_submission
):
    page, task_state = own_submission
    other_editor = editors[1]
    page.summary = "Nuôi ong lấy mật, sửa bởi biên tập viên."
    page.save_revision(user=other_editor)
    assert task_state.task.specific.get_actions(page, fresh(other_editor)) == []
    third = make_staff("0912000032")
    third.groups.add(group_for(Role.LIBRARY_EDITOR))
    assert fresh(third).has_perm("cms.approve_page", page)


# --- Quizzes: centre staff write them for their own centre's courses. --------------


@pytest.fixture
def quizzes(world):
    from lms.models import Quiz

    pages = world["pages"]
    return {
        "here": Quiz.objects.create(title="Kiểm tra SRI", course=pages["course"]),
        "lesson": Quiz.objects.create(title="Bài 1", lesson=pages["lesson"].specific),
        "other": Quiz.objects.create(
            title="Kiểm tra sức khoẻ", course=pages["other_course"]
        ),
    }


def test_centre_staff_list_and_edit_only_their_centres_quizzes(client, world, quizzes):
    client.force_login(world["people"]["staff_here"])
    html = client.get(reverse("wagtailsnippets_lms_quiz:list")).content.decode()
    assert quizzes["here"].title in html and quizzes["lesson"].title in html
    assert quizzes["other"].title not in html
    edit = "wagtailsnippets_lms_quiz:edit"
    assert client.get(reverse(edit, args=(quizzes["here"].pk,))).status_code == 200
    response = client.get(reverse(edit, args=(quizzes["other"].pk,)))
    assert response.status_code in (302, 403)
    delete = reverse("wagtailsnippets_lms_quiz:delete", args=(quizzes["other"].pk,))
    client.post(delete)
    assert type(quizzes["other"]).objects.filter(pk=quizzes["other"].pk).exists()
    client.force_login(world["people"]["staff_no_commune"])
    html = client.get(reverse("wagtailsnippets_lms_quiz:list")).content.decode()
    assert not any(quiz.title in html for quiz in quizzes.values())


def test_a_quiz_attaches_only_to_the_authors_courses(world):
    from lms.models import Quiz
    from lms.wagtail_hooks import QuizViewSet

    Form = QuizViewSet.edit_handler.bind_to_model(Quiz).get_form_class()
    staff = fresh(world["people"]["staff_here"])
    data = {"title": "Kiểm tra", "pass_mark": 70, "questions-TOTAL_FORMS": 0}
    data.update({"questions-INITIAL_FORMS": 0, "questions-MIN_NUM_FORMS": 0})
    refused = Form(
        {**data, "course": world["pages"]["other_course"].pk}, for_user=staff
    )
    assert not refused.is_valid() and "course" in refused.errors
    allowed = Form({**data, "course": world["pages"]["course"].pk}, for_user=staff)
    allowed.is_valid()
    assert "course" not in allowed.errors


# --- Designating library editors: province officers and admins. --------------------


def test_a_province_officer_designates_and_removes_a_library_editor(client, world):
    from accounts.roles import has_role

    officer = world["people"]["province_officer_here"]
    person = world["people"]["staff_other"]
    url = reverse("cms_library_editors:list")
    client.force_login(officer)
    assert client.get(url).status_code == 200
    client.post(url, {"login": person.phone})
    assert has_role(fresh(person), Role.LIBRARY_EDITOR)
    client.post(url, {"login": officer.phone})  # nobody designates themselves
    assert not has_role(fresh(officer), Role.LIBRARY_EDITOR)
    client.post(reverse("cms_library_editors:remove", args=(person.pk,)))
    assert not has_role(fresh(person), Role.LIBRARY_EDITOR)


@pytest.mark.parametrize(
    "role", ["staff_here", "commune_officer_here", "library_editor"]
)
def test_others_cannot_designate_library_editors(client, world, role):
    client.force_login(world["people"][role])
    url = reverse("cms_library_editors:list")
    assert client.get(url).status_code in (302, 403)
    resident = world["people"]["resident"]
    client.post(url, {"login": resident.phone})
    assert not resident.groups.filter(name=group_for(Role.LIBRARY_EDITOR).name)


def test_an_older_databases_review_task_is_replaced_and_its_reviews_kept(
    client, library, contributor, sections, licences
):
    """The old task shared by centre staff and officers gives way to library editors."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    from cms.models import LibraryReviewTask
    from cms.review import WORKFLOW_NAME, ensure_review_workflow, submit_for_review

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    old = GroupApprovalTask.objects.create(name="Cán bộ trung tâm, xã hoặc tỉnh duyệt")
    old.groups.set([group_for(Role.CENTRE_STAFF)])
    WorkflowTask.objects.create(workflow=workflow, task=old.task_ptr, sort_order=0)
    page = sections[0].add_child(
        instance=OpenResourcePage(
            title="Tài liệu cũ",
            summary="Gửi trước khi nâng cấp.",
            licence=licences["CC0-1.0"],
            institution=sections[0].institution,
            live=False,
        )
    )
    submit_for_review(page=page, user=contributor)

    ensure_review_workflow(library)

    [task] = [wt.task.specific for wt in WorkflowTask.objects.filter(workflow=workflow)]
    assert isinstance(task, LibraryReviewTask)
    old.refresh_from_db()
    assert not old.active
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    assert task_state.task_id == task.pk  # the review under way was kept
    editor = make_staff("0912000040")
    editor.groups.add(group_for(Role.LIBRARY_EDITOR))
    client.force_login(editor)
    client.post(workflow_action(page, "approve", task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_a_centre_given_to_another_commune_takes_its_page_rights_along(world):
    """Staff of the former commune and province lose the page; the new ones gain it."""
    from cms.models import Commune

    centre_page = world["pages"]["centre_page"].specific
    centre = centre_page.centre
    new_commune = (
        Commune.objects.exclude(province=centre.commune.province)
        .exclude(centre__isnull=False)
        .first()
    )
    newcomer = make_staff("0912000050", commune=new_commune)
    newcomer.groups.add(group_for(Role.CENTRE_STAFF))
    centre.commune = new_commune
    centre.save()
    for role in ("staff_here", "province_officer_here"):
        user = fresh(world["people"][role])
        assert not centre_page.permissions_for_user(user).can_edit(), role
    assert centre_page.permissions_for_user(fresh(newcomer)).can_publish()
