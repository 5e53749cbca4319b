"""Personal files on the local S3 API, with the storage options the environment
variables build in config/settings/base.py (not options written for the test)."""

import runpy

import pytest
import requests
from django.core.files.base import ContentFile

from lms.private_files import file_response, private_storage, unguessable_name

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def private_on_s3(s3_bucket, monkeypatch, settings):
    endpoint, bucket, client = s3_bucket
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", bucket)
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", endpoint)
    monkeypatch.setenv("AWS_S3_REGION_NAME", "us-east-1")
    monkeypatch.setenv("AWS_S3_ADDRESSING_STYLE", "path")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "cdn.example.vn")
    built = runpy.run_path(str(settings.BASE_DIR / "config" / "settings" / "base.py"))
    settings.STORAGES = {**settings.STORAGES, "private": built["STORAGES"]["private"]}
    # The bucket is shared: its policy lets anyone read the public media prefix.
    client.put_bucket_policy(
        Bucket=bucket,
        Policy=(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",'
            f'"Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/media/*"}}]}}'
        ),
    )
    return endpoint, bucket, client


def test_a_personal_file_is_private_and_read_through_a_signed_url(private_on_s3):
    endpoint, bucket, client = private_on_s3
    name = private_storage.save(
        unguessable_name("evidence/2026", "CCCD.pdf"), ContentFile(PDF)
    )
    key = f"private/{name}"
    assert client.get_object(Bucket=bucket, Key=key)["Body"].read() == PDF
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert all(g["Grantee"].get("Type") == "CanonicalUser" for g in grants)

    unsigned = f"{endpoint}/{bucket}/{key}"
    assert requests.get(unsigned, timeout=10).status_code == 403

    field_file = type("F", (), {"name": name, "storage": private_storage})()
    response = file_response(field_file, filename="CCCD.pdf")
    assert response.status_code == 302
    # Signed by the bucket itself: a CDN domain cannot sign.
    assert response.url.startswith(f"{endpoint}/{bucket}/{key}?")
    download = requests.get(response.url, timeout=10)
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["Cache-Control"] == "private, no-store"
    assert download.headers["Content-Type"] == "application/pdf"
