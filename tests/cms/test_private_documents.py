"""Documents of resources under review: only their authors and reviewers read them."""

import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from accounts.roles import Role, group_for
from cms.models import OpenResourcePage
from cms.models.pages import ResourceFile
from cms.review import submit_for_review

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 so tay nuoi ong"


def make_document(title="Sổ tay nuôi ong", name="so-tay.pdf"):
    return Document.objects.create(title=title, file=ContentFile(CONTENT, name=name))


def draft_resource(section, licence, *, document=None, body=None, slug="nuoi-ong"):
    page = section.add_child(
        instance=OpenResourcePage(
            title="Sổ tay nuôi ong lấy mật",
            slug=slug,
            summary="Cách đặt thùng ong.",
            licence=licence,
            institution=section.institution,
            language="vi",
            live=False,
            files=[ResourceFile(document=document)] if document else [],
            body=body or [],
        )
    )
    page.save_revision()
    return page


@pytest.fixture
def draft_document(sections, licences):
    document = make_document()
    page = draft_resource(sections[0], licences["CC-BY-4.0"], document=document)
    return document, page


@pytest.fixture
def live_document(resource):
    document = make_document("Phòng bệnh đạo ôn", "dao-on.pdf")
    ResourceFile.objects.create(page=resource, document=document)
    return document


def test_a_draft_resources_document_is_refused_to_visitors_and_other_people(
    client, draft_document, resident, other_contributor
):
    document, _page = draft_document
    assert client.get(document.url).status_code == 404
    for user in (resident, other_contributor):
        client.force_login(user)
        assert client.get(document.url).status_code == 404


def test_its_author_and_reviewers_read_it_uncached(
    client, draft_document, contributor, reviewer
):
    document, page = draft_document
    admin = get_user_model().objects.create_superuser(
        username="quantri", email="", password="mat-khau-1", full_name="Quản trị"
    )
    # Library editors review submissions, not drafts still being written.
    submit_for_review(page=page, user=contributor)
    for user in (contributor, reviewer, admin):
        client.force_login(user)
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == CONTENT
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_reviewer_of_the_workflow_task_reads_it_while_it_is_under_review(
    client, draft_document, contributor
):
    """Approving in the workflow needs no page rights: the task's group is enough."""
    document, page = draft_document
    editor = get_user_model().objects.create_user(
        phone="0911000008", password="mat-khau-1", full_name="Biên tập viên"
    )
    editor.groups.add(group_for(Role.LIBRARY_EDITOR))
    client.force_login(editor)
    assert client.get(document.url).status_code == 404  # not submitted yet
    submit_for_review(page=page, user=contributor)
    assert client.get(document.url).status_code == 200


def test_documents_of_live_pages_and_unused_documents_stay_public(
    client, live_document
):
    unused = make_document("Biểu mẫu", "bieu-mau.pdf")
    for document in (live_document, unused):
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == CONTENT
        assert "no-store" not in response.get("Cache-Control", "")


def test_publishing_the_resource_makes_its_document_public(client, draft_document):
    document, page = draft_document
    page.get_latest_revision().publish()
    assert client.get(document.url).status_code == 200


def test_a_document_embedded_in_a_drafts_body_is_private(client, sections, licences):
    document = make_document()
    draft_resource(
        sections[0],
        licences["CC-BY-4.0"],
        body=[("document", {"document": document, "caption": ""})],
    )
    assert client.get(document.url).status_code == 404


def test_a_document_added_in_a_later_draft_edit_is_private(
    client, sections, licences, resource, contributor
):
    """Wagtail keeps such edits in revisions only, for drafts and live pages alike."""
    draft = draft_resource(sections[0], licences["CC-BY-4.0"])
    added_to_draft, added_to_live = make_document(), make_document("Bản mới")
    draft.files = [ResourceFile(document=added_to_draft)]
    draft.save_revision()
    resource.body = [("document", {"document": added_to_live, "caption": ""})]
    resource.save_revision()
    assert not ResourceFile.objects.filter(document=added_to_draft).exists()
    for document in (added_to_draft, added_to_live):
        assert client.get(document.url).status_code == 404
    client.force_login(contributor)
    for document in (added_to_draft, added_to_live):
        assert client.get(document.url).status_code == 200
    client.logout()
    resource.get_latest_revision().publish()
    assert client.get(added_to_live.url).status_code == 200


def test_a_rich_text_link_in_a_draft_makes_the_document_private(
    client, sections, licences
):
    document = make_document()
    draft = draft_resource(sections[0], licences["CC-BY-4.0"])
    link = f'<p><a id="{document.pk}" linktype="document">Tải về</a></p>'
    draft.body = [("paragraph", link)]
    draft.save_revision()
    assert client.get(document.url).status_code == 404


def test_the_public_media_route_refuses_document_files(client, live_document):
    name = live_document.file.name
    assert name.startswith("documents/")
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}./{name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}x/../{name}").status_code == 404
    other = Document.objects.model.file.field.storage.save(
        "original_images/a.txt", ContentFile(b"public")
    )
    assert client.get(f"{settings.MEDIA_URL}{other}").status_code == 200


def test_the_api_lists_only_documents_of_live_pages(
    client, draft_document, live_document
):
    document, _page = draft_document
    unused = make_document("Biểu mẫu", "bieu-mau.pdf")
    listed = {item["id"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert listed == {live_document.pk}
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{unused.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{live_document.pk}/").status_code == 200


def test_on_s3_drafts_stay_private_and_live_documents_stream_through_the_app(
    client, s3_storage_settings, s3_endpoint, sections, licences, resource, contributor
):
    bucket, s3 = s3_storage_settings
    # Images and video are public, as the bucket policy in compose.yaml makes them.
    s3.put_bucket_policy(
        Bucket=bucket,
        Policy=(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
            '"Action":"s3:GetObject","Resource":['
            f'"arn:aws:s3:::{bucket}/media/*","arn:aws:s3:::{bucket}/images/*"]}}]}}'
        ),
    )
    draft = make_document()
    draft_resource(sections[0], licences["CC-BY-4.0"], document=draft)
    live = make_document("Phòng bệnh đạo ôn", "dao-on.pdf")
    ResourceFile.objects.create(page=resource, document=live)
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert {draft.file.name, live.file.name} <= keys
    # Nothing in the documents prefix is readable from the bucket without the app.
    bare = requests.get(f"{s3_endpoint}/{bucket}/{draft.file.name}", timeout=10)
    assert bare.status_code == 403

    assert client.get(draft.url).status_code == 404
    response = client.get(live.url)
    assert response.status_code == 200  # streamed, not a redirect to the bucket
    assert b"".join(response.streaming_content) == CONTENT
    client.force_login(contributor)
    response = client.get(draft.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
