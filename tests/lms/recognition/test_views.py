"""Resident checklist, registration, officer queue and published list pages."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from lms.recognition.models import Dossier, Indicator
from lms.recognition.services import cycle
from lms.recognition.services.evaluation import evaluate_commune

from .conftest import YEAR, household_of, pdf_file, register_and_answer

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year


def test_checklist_shows_met_and_missing_before_registering(client, make_person):
    person = make_person("Lò Thị Hương")
    client.force_login(person)
    page = client.get(reverse("recognition:checklist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "1.2" in html and "3.5" in html
    assert reverse("recognition:register_citizen") in html
    assert re.search(r"Đã đạt \d+ trên 15 tiêu chí", html)  # how far, at a glance


def test_register_answer_and_submit_from_the_checklist(client, make_person):
    person = make_person("Lò Thị Hương")
    client.force_login(person)
    response = client.post(reverse("recognition:register_citizen"))
    dossier = Dossier.objects.get(person=person, year=THIS_YEAR)
    assert response.url == reverse("recognition:dossier", args=[dossier.pk])
    indicators = Indicator.objects.filter(
        criterion__criteria_set=dossier.criteria_set, kind="declared"
    )
    first, second = indicators[0], indicators[1]
    response = client.post(
        reverse("recognition:answers", args=[dossier.pk]),
        {
            f"i{first.pk}-met": "on",
            f"i{first.pk}-note": "Kế hoạch học tin học",
            f"i{first.pk}-files": [SimpleUploadedFile("a.exe", b"MZ")],
            f"i{second.pk}-met": "on",
            f"i{second.pk}-files": [pdf_file()],
            "then": "submit",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "a.exe" in html
    dossier.refresh_from_db()
    assert dossier.status == "registered"  # not submitted: a file was refused
    assert dossier.answers.filter(met=True).count() == 2
    assert dossier.answers.get(indicator=first).note == "Kế hoạch học tin học"
    client.post(reverse("recognition:submit", args=[dossier.pk]))
    dossier.refresh_from_db()
    assert dossier.status == "self_assessed"


def test_officer_queue_filters_and_bulk_accepts(
    client,
    learner,
    make_person,
    villages,
    commune_officer,
    django_assert_max_num_queries,
):
    first = register_and_answer(learner, year=THIS_YEAR)
    second = register_and_answer(
        make_person("Sùng Thị Mỷ", village=villages[1]), year=THIS_YEAR
    )
    client.force_login(commune_officer)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("recognition:queue"))
    assert first.subject_name in page.content.decode()
    filtered = client.get(reverse("recognition:queue"), {"village": villages[1].pk})
    assert first.subject_name not in filtered.content.decode()
    assert second.subject_name in filtered.content.decode()
    client.post(
        reverse("recognition:bulk"),
        {"action": "accept", "dossier": [first.pk, second.pk]},
    )
    assert set(Dossier.objects.values_list("status", flat=True)) == {"verified"}
    decision = {
        "action": "recognise",
        "dossier": [first.pk, second.pk],
        "number": "05/QĐ-UBND",
        "date": f"{THIS_YEAR}-12-20",
    }
    refused = client.post(reverse("recognition:bulk"), decision, follow=True)
    # Neither meets the criteria: without a written reason nothing is recognised.
    assert "không đạt tiêu chí" in refused.content.decode()
    assert set(Dossier.objects.values_list("status", flat=True)) == {"verified"}
    reason = "Đã kiểm tra minh chứng giấy tại xã"
    client.post(reverse("recognition:bulk"), {**decision, "override_reason": reason})
    assert set(Dossier.objects.values_list("status", flat=True)) == {"recognised"}
    listing = client.get(reverse("recognition:published", args=[THIS_YEAR]))
    assert "05/QĐ-UBND" in listing.content.decode()
    assert first.subject_name in listing.content.decode()
    assert reason in listing.content.decode()


def test_queue_query_count_does_not_grow(
    client, make_person, commune_officer, django_assert_max_num_queries
):
    for index in range(6):
        register_and_answer(make_person(f"Người {index}"), year=THIS_YEAR)
    client.force_login(commune_officer)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("recognition:queue")).status_code == 200


def test_officer_returns_with_comments_the_resident_sees(
    client, learner, commune_officer
):
    dossier = register_and_answer(learner, year=THIS_YEAR)
    indicator = Indicator.objects.filter(
        criterion__criteria_set=dossier.criteria_set, kind="declared"
    ).first()
    client.force_login(commune_officer)
    client.post(
        reverse("recognition:return", args=[dossier.pk]),
        {f"comment-{indicator.pk}": "Cần ảnh chụp giấy khen"},
    )
    dossier.refresh_from_db()
    assert dossier.status == "returned"
    client.force_login(learner)
    page = client.get(reverse("recognition:checklist"))
    assert "Cần ảnh chụp giấy khen" in page.content.decode()


def test_other_commune_officer_gets_404(client, learner, far_officer):
    """As for a missing dossier: sequential ids say nothing of what exists."""
    dossier = register_and_answer(learner, year=THIS_YEAR)
    client.force_login(far_officer)
    assert (
        client.get(reverse("recognition:dossier", args=[dossier.pk])).status_code == 404
    )
    missing = reverse("recognition:dossier", args=[dossier.pk + 1000])
    assert client.get(missing).status_code == 404
    client.post(
        reverse("recognition:bulk"), {"action": "accept", "dossier": [dossier.pk]}
    )
    dossier.refresh_from_db()
    assert dossier.status == "self_assessed"


def test_residents_cannot_open_the_queue(client, learner):
    client.force_login(learner)
    assert client.get(reverse("recognition:queue")).status_code == 403


def test_head_of_household_registers_the_family(client, make_person):
    head = make_person("Giàng A Lử")
    household = household_of(head, make_person("Giàng Thị Mai"))
    client.force_login(head)
    page = client.get(reverse("recognition:register", args=["gia-dinh"]))
    assert household.name in page.content.decode()
    client.post(
        reverse("recognition:register", args=["gia-dinh"]), {"subject": household.pk}
    )
    dossier = Dossier.objects.get(model="family", household=household)
    assert dossier.registered_by == head
    page = client.get(reverse("recognition:dossier", args=[dossier.pk]))
    assert page.status_code == 200 and "2.3" in page.content.decode()


def test_status_tag_shows_this_years_progress(learner, commune):
    register_and_answer(learner, year=THIS_YEAR)
    evaluate_commune(commune=commune, year=THIS_YEAR, models=["citizen"])
    html = Template("{% load recognition_tags %}{% recognition_status user %}").render(
        Context({"user": learner})
    )
    assert reverse("recognition:checklist") in html
    assert "15" in html


def test_certificate_pdf_has_vietnamese_text(client, learner, commune_officer):
    import io

    from pypdf import PdfReader

    dossier = register_and_answer(learner)
    cycle.accept(dossiers=[dossier], officer=commune_officer)
    dossier.refresh_from_db()
    cycle.recognise(
        dossiers=[dossier],
        officer=commune_officer,
        number="07/QĐ-KH",
        date=datetime.date(YEAR, 12, 30),
        signer_name="Vàng A Chứ",
    )
    client.force_login(learner)
    response = client.get(reverse("recognition:certificate", args=[dossier.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "GIẤY CHỨNG NHẬN" in text
    assert "Giàng Thị Dung" in text
    assert "CÔNG DÂN HỌC TẬP NĂM 2026" in text
    assert "Vàng A Chứ" in text and "07/QĐ-KH" in text


def test_evaluation_run_page_starts_the_task(client, learner, commune, commune_officer):
    from lms.recognition.models import EvaluationRun

    client.force_login(commune_officer)
    client.post(reverse("recognition:runs") + f"?year={YEAR}")
    run = EvaluationRun.objects.get()
    assert run.status == "done" and run.done == run.total and run.total > 0
    assert run.counts["citizen"]["not_passed"] >= 1
    html = client.get(reverse("recognition:runs")).content.decode()
    assert "100%" in html
    # Counts in words, not code keys; a finished run does not reload the page.
    assert "Công dân học tập" in html and "Chưa đạt" in html
    # Titles held and "meets, awaiting" are two separate figures.
    assert "Đã được công nhận" in html and "Đạt tiêu chí, đang chờ thẩm định" in html
    assert "not_passed" not in html
    assert 'http-equiv="refresh"' not in html


def test_evaluation_run_page_follows_a_run_and_tells_when_it_stalled(
    client, commune, commune_officer
):
    from lms.recognition.models import EvaluationRun

    run = EvaluationRun.objects.create(
        commune=commune, year=YEAR, status="running", total=100, done=40
    )
    client.force_login(commune_officer)
    html = client.get(reverse("recognition:runs")).content.decode()
    assert 'http-equiv="refresh"' in html and "40/100" in html
    assert "có thể đã dừng" not in html
    EvaluationRun.objects.filter(pk=run.pk).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=20)
    )
    html = client.get(reverse("recognition:runs")).content.decode()
    assert "có thể đã dừng" in html
    assert 'http-equiv="refresh"' not in html


def test_my_learning_page_shows_the_recognition_status(client, learner):
    """The LMS "My learning" page is extended with this year's citizen status."""
    register_and_answer(learner, year=THIS_YEAR)
    client.force_login(learner)
    html = client.get("/hoc-tap-cua-toi/").content.decode()
    assert "recognition-status" in html
    assert reverse("recognition:checklist") in html


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example"])
def test_bulk_action_never_redirects_off_site(client, learner, commune_officer, url):
    dossier = register_and_answer(learner, year=THIS_YEAR)
    client.force_login(commune_officer)
    response = client.post(
        reverse("recognition:bulk"),
        {"action": "accept", "dossier": [dossier.pk], "next": url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("recognition:queue")


def test_bulk_action_returns_to_the_filtered_queue(client, learner, commune_officer):
    client.force_login(commune_officer)
    back = reverse("recognition:queue") + "?village=1"
    response = client.post(
        reverse("recognition:bulk"), {"action": "accept", "next": back}
    )
    assert response["Location"] == back


def test_checklist_on_3_december_offers_next_years_registration(
    client, make_person, monkeypatch
):
    """Plain words: no internal code, "being reviewed" said once with what it means,
    next year's registration deadline, and where the hours come from."""
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 12, 3))
    person = make_person("Lò Thị Hương")
    client.force_login(person)
    html = client.get(reverse("recognition:checklist")).content.decode()
    assert "citizen-" not in html and " v1" not in html
    assert html.count("đang được rà soát") == 1
    assert "tỉnh có thể thay đổi mức cần đạt" in html
    assert "Hạn đăng ký năm 2026 đã hết vào ngày 31/03/2026." in html
    assert "Đăng ký trước ngày 31/03/2027 để được đánh giá năm 2027." in html
    assert "?year=2027" in html
    assert "Con số này lấy từ:" in html


def test_checklist_before_31_march_registers_for_this_year(
    client, make_person, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 3, 31))
    person = make_person("Lò Thị Hương")
    client.force_login(person)
    html = client.get(reverse("recognition:checklist")).content.decode()
    assert "Đăng ký trước ngày 31/03/2026 để được đánh giá năm 2026." in html
    assert "Hạn đăng ký năm" not in html
