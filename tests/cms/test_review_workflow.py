"""Contributors draft in their institution's section; reviewers approve or reject."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import OpenResourcePage
from cms.review import institution_collection


def resource_form(licence, **overrides):
    data = {
        "title": "Sổ tay nuôi ong lấy mật",
        "slug": "so-tay-nuoi-ong",
        "summary": "Cách đặt thùng ong, chia đàn và quay mật.",
        "original_title": "",
        "original_language": "vi",
        "language": "vi",
        "source_citation": "",
        "source_url": "",
        "licence": licence.pk,
        "publication_year": "2024",
        "translators": inline_formset([]),
        "files": inline_formset([]),
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(section):
    return reverse(
        "wagtailadmin_pages:add", args=("cms", "openresourcepage", section.pk)
    )


def test_contributor_submits_a_draft_in_their_section(
    client, contributor, sections, licences
):
    """Creating through the admin makes a draft of their institution, in review."""
    client.force_login(contributor)
    response = client.post(
        add_url(sections[0]),
        {**resource_form(licences["CC-BY-4.0"]), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content[:2000]
    page = OpenResourcePage.objects.get(slug="so-tay-nuoi-ong")
    assert not page.live
    assert page.institution == sections[0].institution
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_contributor_cannot_publish(client, contributor, sections, licences):
    """Asking to publish leaves the page a draft: contributors have no publish right."""
    client.force_login(contributor)
    client.post(
        add_url(sections[0]),
        {**resource_form(licences["CC-BY-4.0"]), "action-publish": "1"},
    )
    page = OpenResourcePage.objects.get(slug="so-tay-nuoi-ong")
    assert not page.live
    assert not page.permissions_for_user(contributor).can_publish()
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(
        edit,
        {
            **resource_form(licences["CC-BY-4.0"], title="Đã sửa"),
            "action-publish": "1",
        },
    )
    page.refresh_from_db()
    assert not page.live


def test_contributor_cannot_edit_another_institutions_resource(
    client, other_contributor, resource, licences
):
    """Another university's contributor is refused the edit view; nothing changes."""
    client.force_login(other_contributor)
    edit = reverse("wagtailadmin_pages:edit", args=(resource.pk,))
    response = client.get(edit)
    assert response.status_code in (302, 403)
    revisions_before = resource.revisions.count()
    client.post(
        edit,
        {**resource_form(licences["CC-BY-4.0"], title="Bị sửa trái phép")},
    )
    resource.refresh_from_db()
    assert resource.title == "Phòng bệnh đạo ôn trên lúa"
    assert resource.revisions.count() == revisions_before
    response = client.get(add_url(resource.get_parent()))
    assert response.status_code in (302, 403)


def test_contributor_explorer_shows_only_their_section(
    client, contributor, resource, sections
):
    client.force_login(contributor)
    response = client.get(reverse("wagtailadmin_explore", args=(sections[0].pk,)))
    assert response.status_code == 200
    assert "Phòng bệnh đạo ôn trên lúa" in response.content.decode()
    response = client.get(reverse("wagtailadmin_explore", args=(sections[1].pk,)))
    assert response.status_code in (302, 403)


def test_other_contributors_do_not_find_the_resource_in_admin_search(
    client, contributor, other_contributor, resource
):
    search = reverse("wagtailadmin_pages:search")
    client.force_login(contributor)
    assert resource.title in client.get(search, {"q": "Phòng bệnh"}).content.decode()
    client.force_login(other_contributor)
    response = client.get(search, {"q": "Phòng bệnh"})
    assert response.status_code == 200
    assert resource.title not in response.content.decode()


def document(title, collection):
    return Document.objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 test", name="tai-lieu.pdf"),
        collection=collection,
    )


def test_contributors_choose_only_their_institutions_files(
    client, contributor, admin_user, sections
):
    """Universities do not see each other's files; admins see them all."""
    own = document(
        "Giáo trình trồng chè", institution_collection(sections[0].institution)
    )
    other = document(
        "Tài liệu nuôi cá", institution_collection(sections[1].institution)
    )
    shared = document("Biểu mẫu của trung tâm", Collection.get_first_root_node())
    chooser = reverse("wagtaildocs_chooser:choose")
    client.force_login(contributor)
    html = client.get(chooser).json()["html"]
    assert own.title in html
    assert other.title not in html and shared.title not in html
    client.force_login(admin_user)
    html = client.get(chooser).json()["html"]
    assert all(d.title in html for d in (own, other, shared))


@pytest.fixture
def submitted(client, contributor, sections, licences):
    client.force_login(contributor)
    client.post(
        add_url(sections[0]),
        {**resource_form(licences["CC-BY-4.0"]), "action-submit": "1"},
    )
    client.logout()
    page = OpenResourcePage.objects.get(slug="so-tay-nuoi-ong")
    return page, page.current_workflow_task_state


def workflow_action(page, action, task_state):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)
    )


def test_reviewer_approves_and_the_resource_goes_live(client, reviewer, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    response = client.post(
        workflow_action(page, "approve", task_state), {"comment": ""}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


def test_reviewer_rejects_with_a_comment_the_contributor_reads(
    client, reviewer, contributor, submitted
):
    page, task_state = submitted
    client.force_login(reviewer)
    comment = "Thiếu nguồn trích dẫn của bản gốc, xin bổ sung."
    client.post(workflow_action(page, "reject", task_state), {"comment": comment})
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == comment

    client.force_login(contributor)
    workflow_state = task_state.workflow_state
    response = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=(page.pk, workflow_state.pk),
        )
    )
    assert response.status_code == 200
    assert comment in response.content.decode()


def test_contributor_cannot_approve_their_own_submission(
    client, contributor, submitted
):
    page, task_state = submitted
    client.force_login(contributor)
    client.post(workflow_action(page, "approve", task_state), {"comment": ""})
    page.refresh_from_db()
    assert not page.live
