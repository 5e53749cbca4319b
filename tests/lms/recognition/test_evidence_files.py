"""Evidence files: private storage, random names, one permission-checking door."""

import runpy
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.recognition.models import Evidence, Indicator
from lms.recognition.services import cycle
from lms.recognition.services.evidence_files import move_public_evidence
from lms.recognition.subjects import subject_for
from tests.conftest import moto_storage_options

from .conftest import PDF, YEAR, household_of

pytestmark = pytest.mark.django_db

ORIGINAL = "CCCD Giàng Thị Dung.pdf"


def add_evidence(dossier, actor, name=ORIGINAL) -> Evidence:
    indicator = Indicator.objects.filter(
        criterion__criteria_set=dossier.criteria_set, kind="declared"
    ).first()
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    errors = cycle.save_answers(
        dossier=dossier,
        actor=actor,
        answers=[cycle.AnswerInput(indicator.pk, True, files=(upload,))],
    )
    assert errors == []
    return Evidence.objects.get(answer__dossier=dossier, original_name=name)


@pytest.fixture
def person(make_person):
    return make_person("Giàng Thị Dung")


@pytest.fixture
def evidence(person):
    dossier = cycle.register(
        subject=subject_for("citizen", person), year=YEAR, actor=person
    )
    return add_evidence(dossier, person)


def url(evidence):
    return reverse("recognition:evidence", args=[evidence.pk])


def test_evidence_is_stored_outside_media_under_a_random_name(client, evidence):
    name = evidence.file.name
    assert name.startswith(f"evidence/{YEAR}/") and name.endswith(".pdf")
    assert "Giàng" not in name and "CCCD" not in name
    path = Path(evidence.file.path)
    assert path.is_file()
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
    with pytest.raises(NotImplementedError):
        evidence.file.url  # noqa: B018


def test_anonymous_visitors_are_sent_to_sign_in(client, evidence):
    response = client.get(url(evidence))
    assert response.status_code == 302
    assert response.url.startswith(reverse("lms:login"))


def test_other_residents_and_other_communes_get_404(
    client, evidence, make_person, far_officer
):
    for user in (make_person("Lò Văn Páo"), far_officer):
        client.force_login(user)
        assert client.get(url(evidence)).status_code == 404


def test_the_subject_reads_the_file_inline_and_uncached(client, evidence, person):
    client.force_login(person)
    response = client.get(url(evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''CCCD")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_officers_who_verify_or_recognise_read_it(
    client, evidence, village_officer, commune_officer, province_officer
):
    for user in (village_officer, commune_officer):
        client.force_login(user)
        assert client.get(url(evidence)).status_code == 200
    # The province follows a citizen's dossier but decides nothing on it.
    client.force_login(province_officer)
    assert client.get(url(evidence)).status_code == 404


def test_the_household_head_reads_the_family_dossier_evidence(
    client, make_person, commune_officer
):
    head, member = make_person("Giàng A Lử"), make_person("Giàng Thị Mai")
    household = household_of(head, member)
    dossier = cycle.register(
        subject=subject_for("family", household), year=YEAR, actor=head
    )
    evidence = add_evidence(dossier, head, name="so-ho-khau.jpg.pdf")
    client.force_login(head)
    assert client.get(url(evidence)).status_code == 200
    client.force_login(make_person("Lò Văn Páo"))
    assert client.get(url(evidence)).status_code == 404


def test_the_dossier_page_links_the_view_not_the_file(client, evidence, person):
    client.force_login(person)
    html = client.get(
        reverse("recognition:dossier", args=[evidence.answer.dossier_id])
    ).content.decode()
    assert f'href="{url(evidence)}"' in html
    assert evidence.file.name not in html


def test_a_non_pdf_image_type_is_downloaded_not_shown(client, person):
    dossier = cycle.register(
        subject=subject_for("citizen", person), year=YEAR, actor=person
    )
    evidence = add_evidence(dossier, person)
    Evidence.objects.filter(pk=evidence.pk).update(original_name="ghi-chu.svg")
    client.force_login(person)
    response = client.get(url(evidence))
    assert response["Content-Disposition"].startswith("attachment;")


def test_deleting_evidence_removes_its_file(
    evidence, django_capture_on_commit_callbacks
):
    path = Path(evidence.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        evidence.delete()
    assert not path.exists()


def test_cascade_and_queryset_deletes_remove_files_too(
    person, django_capture_on_commit_callbacks
):
    dossier = cycle.register(
        subject=subject_for("citizen", person), year=YEAR, actor=person
    )
    paths = [
        Path(add_evidence(dossier, person, name=f"{n}.pdf").file.path) for n in "ab"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        dossier.answers.all().delete()
    assert not any(path.exists() for path in paths)


def test_old_public_evidence_moves_to_private_storage(evidence):
    """What migration 0006 runs: public copy out, private copy in, missing ones kept."""
    old = default_storage.save(
        f"recognition/evidence/{YEAR}/{ORIGINAL}", ContentFile(PDF)
    )
    evidence.file.delete(save=False)
    Evidence.objects.filter(pk=evidence.pk).update(file=old)
    lost = Evidence.objects.create(
        answer=evidence.answer,
        original_name="mat.pdf",
        file="recognition/evidence/x.pdf",
    )

    result = move_public_evidence(
        evidence_model=Evidence, public=default_storage, private=storages["private"]
    )

    assert (result.moved, result.missing) == (1, 1)
    evidence.refresh_from_db()
    assert evidence.file.name.startswith(f"evidence/{YEAR}/")
    assert "Giàng" not in evidence.file.name
    assert evidence.file.read() == PDF
    assert not default_storage.exists(old)
    lost.refresh_from_db()
    assert lost.file.name == "recognition/evidence/x.pdf"


def test_s3_settings_keep_evidence_in_a_private_signed_location(monkeypatch):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "media")
    monkeypatch.setenv("AWS_PRIVATE_BUCKET_NAME", "media-private")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "cdn.example.vn")
    base = runpy.run_path(str(settings.BASE_DIR / "config" / "settings" / "base.py"))
    private = base["STORAGES"]["private"]["OPTIONS"]
    assert private["bucket_name"] == "media-private"
    assert private["location"] == "private"
    assert private["default_acl"] == "private"
    assert private["querystring_auth"] is True
    assert private["querystring_expire"] == 60
    assert private["custom_domain"] is None
    public = base["STORAGES"]["default"]["OPTIONS"]
    assert public["querystring_auth"] is False
    assert public["custom_domain"] == "cdn.example.vn"


# On the S3 API server ------------------------------------------------------


@pytest.fixture
def s3_private(s3_bucket, settings):
    endpoint, bucket, client = s3_bucket
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": moto_storage_options(
                endpoint,
                bucket,
                location="private",
                default_acl="private",
                querystring_auth=True,
                querystring_expire=60,
            ),
        },
    }
    # Public renditions are readable by anyone, as in production.
    client.put_bucket_policy(
        Bucket=bucket,
        Policy=(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
            f'"Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/media/*"}}]}}'
        ),
    )
    return endpoint, bucket, client


def test_on_s3_the_object_is_private_and_the_view_redirects_to_a_signed_url(
    client, s3_private, person, make_person, django_capture_on_commit_callbacks
):
    endpoint, bucket, s3 = s3_private
    dossier = cycle.register(
        subject=subject_for("citizen", person), year=YEAR, actor=person
    )
    evidence = add_evidence(dossier, person)
    key = f"private/{evidence.file.name}"
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert key in keys and "Giàng" not in key
    assert requests.get(f"{endpoint}/{bucket}/{key}", timeout=10).status_code == 403

    assert client.get(url(evidence)).status_code == 302  # to sign-in
    client.force_login(make_person("Lò Văn Páo"))
    assert client.get(url(evidence)).status_code == 404

    client.force_login(person)
    response = client.get(url(evidence))
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    signed = response.url
    assert signed.startswith(f"{endpoint}/{bucket}/{key}?")
    assert "Signature" in signed and "Expires=" in signed
    download = requests.get(signed, timeout=10)
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["Content-Disposition"].startswith("inline; filename*=")

    with django_capture_on_commit_callbacks(execute=True):
        evidence.delete()
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix=key)
