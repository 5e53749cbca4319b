"""The media bucket on the local S3 API: streaming files keep their content type,
and players on another origin may read renditions (CORS)."""

import json

import pytest
import requests
from botocore.exceptions import ClientError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from cms.media_types import STREAMING_TYPES

PLAYER_ORIGIN = "https://hoctap.example.vn"


@pytest.mark.parametrize(("extension", "content_type"), STREAMING_TYPES.items())
def test_streaming_files_are_stored_with_their_content_type(
    s3_storage_settings, extension, content_type
):
    bucket, client = s3_storage_settings
    name = default_storage.save(
        f"media/renditions/1/240p/seg_000{extension}", ContentFile(b"x")
    )
    assert client.head_object(Bucket=bucket, Key=name)["ContentType"] == content_type


def test_the_cors_command_lets_players_on_another_origin_read_renditions(
    s3_storage_settings, s3_endpoint, settings
):
    bucket, client = s3_storage_settings
    settings.MEDIA_CORS_ORIGINS = [PLAYER_ORIGIN]
    client.put_bucket_policy(
        Bucket=bucket,
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{bucket}/media/*",
                    }
                ],
            }
        ),
    )
    key = default_storage.save(
        "media/renditions/1/master.m3u8", ContentFile(b"#EXTM3U\n")
    )
    with pytest.raises(ClientError):
        client.get_bucket_cors(Bucket=bucket)

    call_command("configure_storage_cors")

    [rule] = client.get_bucket_cors(Bucket=bucket)["CORSRules"]
    assert rule["AllowedOrigins"] == [PLAYER_ORIGIN]
    assert sorted(rule["AllowedMethods"]) == ["GET", "HEAD"]
    response = requests.get(
        f"{s3_endpoint}/{bucket}/{key}", headers={"Origin": PLAYER_ORIGIN}, timeout=10
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == PLAYER_ORIGIN
    # Sent only under the bucket's own CORS rules, not by the server by default.
    assert response.headers["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert response.headers["Content-Type"] == "application/vnd.apple.mpegurl"
    # A player that preflights (hls.js with a Range header) is answered from the
    # same rules and a page on an origin not named is refused. moto answers a
    # preflight only at the bucket's address (at an object's it says 403 whatever
    # the rules), so the rules are asked there.
    preflight = {"Access-Control-Request-Method": "GET"}
    allowed = requests.options(
        f"{s3_endpoint}/{bucket}",
        headers={"Origin": PLAYER_ORIGIN, **preflight},
        timeout=10,
    )
    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == PLAYER_ORIGIN
    assert allowed.headers["Access-Control-Allow-Methods"] == "GET, HEAD"
    stranger = requests.options(
        f"{s3_endpoint}/{bucket}",
        headers={"Origin": "https://copycat.example", **preflight},
        timeout=10,
    )
    assert stranger.status_code == 403
    assert "This CORS request is not allowed" in stranger.text


def test_the_cors_command_says_so_when_media_are_local(capsys):
    call_command("configure_storage_cors")
    assert "no bucket" in capsys.readouterr().out
