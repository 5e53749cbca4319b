"""Wagtail API v2: pages by type, images, documents and the resource/course fields."""

from cms.models import ResourceTranslator


def test_open_resource_fields(client, resource):
    resource.translators.add(
        ResourceTranslator(name="Lê Thị Thu Hà", affiliation="Khoa Ngoại ngữ")
    )
    resource.save_revision().publish()
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "cms.OpenResourcePage",
            "fields": "licence,language,original_language,translators,institution,"
            "subjects,original_title",
        },
    )
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["licence"]["code"] == "CC-BY-4.0"
    assert item["language"] == "vi"
    assert item["original_language"] == "en"
    assert item["original_title"] == "Rice blast prevention"
    assert item["translators"] == [
        {"name": "Lê Thị Thu Hà", "affiliation": "Khoa Ngoại ngữ"}
    ]
    assert item["institution"]["name"] == "Trường Đại học Sư phạm Hà Nội"
    assert [subject["slug"] for subject in item["subjects"]] == ["nong-nghiep"]


def test_course_fields_list_lessons_in_order(client, course):
    response = client.get(
        f"/api/v2/pages/{course.pk}/",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "cms.CoursePage"
    assert data["subject"]["name"] == "Nông nghiệp"
    assert data["level"] == "beginner"
    assert float(data["estimated_hours"]) == 1.0
    assert [lesson["title"][-5:] for lesson in data["lessons"]] == [
        "bài 1",
        "bài 2",
        "bài 3",
        "bài 4",
    ]
    assert [lesson["is_required"] for lesson in data["lessons"]] == [
        True,
        False,
        True,
        False,
    ]


def test_lessons_by_type(client, course):
    response = client.get(
        "/api/v2/pages/",
        {"type": "cms.LessonPage", "fields": "estimated_minutes,is_required"},
    )
    items = response.json()["items"]
    assert len(items) == 4
    assert {"estimated_minutes", "is_required"} <= set(items[0])


def test_drafts_are_not_exposed(client, course):
    course.unpublish()
    response = client.get("/api/v2/pages/", {"type": "cms.CoursePage"})
    assert response.json()["meta"]["total_count"] == 0


def test_images_and_documents_endpoints(client, db):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200
