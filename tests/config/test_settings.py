"""The scale set-up is chosen by environment variables alone."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_django(code: str, env: dict[str, str | None]) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    full_env.update({k: v for k, v in env.items() if v is not None})
    for key in [k for k, v in env.items() if v is None]:
        full_env.pop(key, None)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_s3_variables_move_media_to_object_storage(s3_bucket):
    endpoint, bucket, client = s3_bucket
    result = run_django(
        "from django.core.files.base import ContentFile;"
        "from django.core.files.storage import storages; s = storages['default'];"
        "name = s.save('lessons/bai-1.txt', ContentFile('Bài học'.encode()));"
        "print(type(s).__name__, name, s.open(name).read().decode())",
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 50,
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_ADDRESSING_STYLE": "path",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "lessons/bai-1.txt", "Bài", "học"]
    stored = client.get_object(Bucket=bucket, Key="lessons/bai-1.txt")
    assert stored["Body"].read().decode() == "Bài học"


def test_embedded_default_uses_local_files_and_sqlite():
    result = run_django(
        "from django.conf import settings as s;"
        "from django.core.files.storage import storages; d = storages['default'];"
        "print(type(d).__name__, s.DATABASES['default']['ENGINE'])",
        {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": None},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["FileSystemStorage", "django.db.backends.sqlite3"]


def test_production_refuses_to_start_without_secret_key():
    result = run_django(
        "", {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_deploy_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "CREDENTIAL_KEY_SECRET": secrets.token_urlsafe(32),
            "ALLOWED_HOSTS": "hoctap.example.vn",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_checks_ask_for_a_shared_credential_secret():
    """Several machines each with their own generated secret would lock each other
    out of the signing keys: the deploy check says so."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "CREDENTIAL_KEY_SECRET": "",
            "ALLOWED_HOSTS": "hoctap.example.vn",
        },
    )
    assert result.returncode != 0
    assert "credentials.E001" in result.stderr + result.stdout
