"""Let players on other origins read the public renditions in the media bucket.

Run once at set-up (and after changing MEDIA_CORS_ORIGINS). hls.js fetches playlists
and segments with XMLHttpRequest, which the browser allows from another origin (the
bucket or its CDN) only when the bucket answers with CORS headers. Reads only: the
rules grant no method but GET and HEAD, and no access that the bucket policy denies.
"""

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError


def cors_rules(origins: list[str]) -> dict:
    return {
        "CORSRules": [
            {
                "AllowedOrigins": origins,
                "AllowedMethods": ["GET", "HEAD"],
                "AllowedHeaders": ["*"],
                # Range requests and their answers: players seek in MP4 downloads.
                "ExposeHeaders": [
                    "Accept-Ranges",
                    "Content-Length",
                    "Content-Range",
                    "ETag",
                ],
                "MaxAgeSeconds": 86400,
            }
        ]
    }


class Command(BaseCommand):
    help = (
        "Apply CORS rules (GET and HEAD from MEDIA_CORS_ORIGINS) to the media bucket."
    )

    def handle(self, *args, **options):
        bucket = getattr(default_storage, "bucket", None)
        if bucket is None:
            self.stdout.write("Media are stored on this machine: no bucket to set up.")
            return
        rules = cors_rules(settings.MEDIA_CORS_ORIGINS)
        try:
            bucket.meta.client.put_bucket_cors(
                Bucket=bucket.name, CORSConfiguration=rules
            )
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code == "NotImplemented":
                # MinIO sets CORS for the whole server (MINIO_API_CORS_ALLOW_ORIGIN).
                self.stdout.write(
                    "This object store has no per-bucket CORS; configure it on the "
                    "server instead."
                )
                return
            raise CommandError(f"CORS not applied to {bucket.name}: {error}") from error
        self.stdout.write(
            f"CORS on {bucket.name}: GET and HEAD from "
            f"{', '.join(settings.MEDIA_CORS_ORIGINS)}."
        )
