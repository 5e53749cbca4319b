"""The bulk upload page end to end: a ZIP and a manifest in, drafts and a report out."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import WorkflowState

from accounts.roles import Role, group_for
from cms.models import Institution, OpenResourcePage
from cms.review import make_contributor

from ..conftest import make_staff

URL = "/admin/bulk-upload/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MANIFEST = (
    "title,original_title,language,original_language,licence,translators,subjects,"
    "summary,source,source_url,publication_year,files\n"
    "Nuôi cá ruộng,Rice-fish farming,vi,en,CC-BY-4.0,Nguyễn Văn A; Trần Thị B,"
    "Nông nghiệp,Thả cá trong ruộng lúa.,Bản dịch,https://example.org,2023,"
    "ca-ruong.pdf\n"
    "Sai giấy phép,,vi,,CC-BY-9.9,,,Tóm tắt.,,,2023,ong.pdf\n"
    "Thiếu tệp,,vi,,CC0-1.0,,,Tóm tắt.,,,,khong-co.pdf\n"
    "Nuôi ong lấy mật,,vi,,cc0 1.0,,Nông nghiệp,Đặt thùng ong.,,,,ong.pdf\n"
)


def bundle(files: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("goi.zip", buffer.getvalue(), "application/zip")


def test_good_rows_are_kept_and_bad_rows_reported(
    client, contributor, sections, licences, subjects
):
    client.force_login(contributor)
    response = client.post(
        URL,
        {
            "archive": bundle({"tai-lieu/ca-ruong.pdf": PDF, "ong.pdf": PDF}),
            "manifest": SimpleUploadedFile("manifest.csv", MANIFEST.encode()),
        },
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert [(row.number, row.ok) for row in report.rows] == [
        (2, True),
        (3, False),
        (4, False),
        (5, True),
    ]
    html = response.content.decode()
    assert "Giấy phép “CC-BY-9.9” không có" in html
    assert "“khong-co.pdf” không có trong tệp ZIP" in html

    created = OpenResourcePage.objects.child_of(sections[0]).order_by("title")
    assert [page.title for page in created] == ["Nuôi cá ruộng", "Nuôi ong lấy mật"]
    fish = created[0]
    assert not fish.live
    assert fish.institution == sections[0].institution
    assert fish.original_language == "en"
    assert [t.name for t in fish.translators.all()] == ["Nguyễn Văn A", "Trần Thị B"]
    assert [s.slug for s in fish.subjects.all()] == ["nong-nghiep"]
    document = fish.files.get().document
    assert document.file.read() == PDF
    assert fish.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_duplicate_of_an_existing_resource_is_refused(
    client, contributor, resource, licences
):
    client.force_login(contributor)
    manifest = (
        "title,licence,summary,files\n"
        "Phòng bệnh Đạo ôn trên lúa,CC-BY-4.0,Tóm tắt,a.pdf\n"
    )
    response = client.post(
        URL,
        {"archive": bundle({"a.pdf": PDF, "manifest.csv": manifest.encode()})},
    )
    [row] = response.context["report"].rows
    assert not row.ok
    assert "đã có trong mục" in row.errors[0]


def test_a_file_that_is_not_a_zip_keeps_the_form_with_a_message(
    client, contributor, sections
):
    client.force_login(contributor)
    response = client.post(
        URL,
        {
            "archive": SimpleUploadedFile("goi.zip", b"not a zip"),
            "manifest": SimpleUploadedFile("manifest.csv", MANIFEST.encode()),
        },
    )
    assert response.status_code == 200
    assert response.context["report"] is None
    assert "không phải là tệp ZIP" in response.content.decode()
    assert 'name="archive"' in response.content.decode()


def test_a_zip_without_a_manifest_is_refused(client, contributor, sections):
    client.force_login(contributor)
    response = client.post(URL, {"archive": bundle({"a.pdf": PDF})})
    assert "Thiếu bảng kê" in response.content.decode()
    assert not OpenResourcePage.objects.exists()


def test_residents_may_not_bulk_upload(client, resident):
    client.force_login(resident)
    response = client.get(URL)
    assert response.status_code in (302, 403)


def test_the_menu_shows_the_upload_to_contributors(client, contributor, sections):
    client.force_login(contributor)
    response = client.get(reverse("wagtailadmin_home"))
    assert URL in response.content.decode()


def test_a_reviewer_chooses_the_section(client, reviewer, sections, licences):
    client.force_login(reviewer)
    page = client.get(URL)
    assert page.status_code == 200 and 'name="section"' in page.content.decode()
    manifest = "title,licence,summary,files\nSổ tay nuôi ong,CC0-1.0,Tóm tắt,a.pdf\n"
    response = client.post(
        URL,
        {
            "archive": bundle({"a.pdf": PDF, "manifest.csv": manifest.encode()}),
            "section": sections[1].pk,
        },
    )
    [row] = response.context["report"].rows
    assert row.ok, row.errors
    assert OpenResourcePage.objects.child_of(sections[1]).get().owner == reviewer


def test_who_may_bulk_upload_is_one_rule(
    client, contributor, reviewer, resident, sections
):
    """Contributors with a section and library editors may; centre staff, residents
    and a contributor whose institution has no section may not, page and menu alike."""
    staff = make_staff("0911000077")
    staff.groups.add(group_for(Role.CENTRE_STAFF))
    homeless = make_staff("0911000078")
    make_contributor(
        user=homeless, institution=Institution.objects.create(name="Trường X")
    )
    for user, allowed in [
        (contributor, True),
        (reviewer, True),
        (staff, False),
        (resident, False),
        (homeless, False),
    ]:
        assert user.has_perm("cms.bulk_upload_resources") is allowed
        client.force_login(user)
        assert (client.get(URL).status_code == 200) is allowed
        home = client.get(reverse("wagtailadmin_home"))
        if home.status_code == 200:  # residents have no admin at all
            assert (URL in home.content.decode()) is allowed
