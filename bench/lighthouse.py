"""Lighthouse (mobile) on the home, course, text-lesson and video-lesson pages.

Prints the performance, accessibility, best-practices and SEO scores of each page
(targets: 95 or more, and 100 for accessibility) and the failing audits that cost
points. Lighthouse's own mobile set-up is used: a Moto G-class screen, simulated slow
4G and a 4x slower CPU.

Needs a served site with the demo (`make run`, embedded settings, DEBUG off) and
Lighthouse from npm, run with Debian's Chromium:

    apt-get install -y nodejs npm chromium
    npm install --prefix /tmp/lighthouse lighthouse
    make run PORT=8000 &
    LIGHTHOUSE=/tmp/lighthouse/node_modules/.bin/lighthouse \\
        .venv/bin/python bench/lighthouse.py --base-url http://127.0.0.1:8000

The pages are found in the site's database (settings `config.settings.embedded`).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.embedded")

import django  # noqa: E402

django.setup()

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)


def pages() -> dict[str, str]:
    """Paths of the four pages: the first course with a video lesson, and a text one."""
    from cms.models import LessonPage

    lessons = LessonPage.objects.live().order_by("path")
    video = next(
        lesson
        for lesson in lessons
        if any(block.block_type == "video" for block in lesson.body)
    )
    text = next(
        lesson
        for lesson in lessons
        if not any(block.block_type in ("video", "audio") for block in lesson.body)
    )
    return {
        "home": "/",
        "course": video.get_parent().url,
        "text lesson": text.url,
        "video lesson": video.url,
    }


def run_lighthouse(lighthouse: str, url: str, *, attempts: int = 2) -> dict:
    """One Lighthouse run; tried again once, as Chromium sometimes fails to start on
    a busy machine."""
    try:
        return _run_lighthouse(lighthouse, url)
    except subprocess.CalledProcessError as error:
        if attempts <= 1:
            message = f"lighthouse failed on {url}:\n{error.stderr[-2000:]}"
            raise SystemExit(message) from error
        return run_lighthouse(lighthouse, url, attempts=attempts - 1)


def _run_lighthouse(lighthouse: str, url: str) -> dict:
    output = subprocess.run(
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={
            **os.environ,
            "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def losses(report: dict) -> list[str]:
    """Audits that cost points, with their weight in the category."""
    found = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                found.append(
                    f"{key}: {ref['id']} ({audit['score']:.2f}) "
                    f"{audit.get('displayValue', '')}".rstrip()
                )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--lighthouse", default=os.environ.get("LIGHTHOUSE", "lighthouse")
    )
    args = parser.parse_args()
    print(f"{'page':<14} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  bytes")
    details = []
    for name, path in pages().items():
        report = run_lighthouse(args.lighthouse, args.base_url.rstrip("/") + path)
        scores = [
            round(100 * (report["categories"][key]["score"] or 0)) for key in CATEGORIES
        ]
        weight = report["audits"]["total-byte-weight"]["numericValue"]
        print(f"{name:<14} " + " ".join(f"{s:>5}" for s in scores) + f"  {weight:.0f}")
        details.append((name, path, losses(report)))
    for name, path, lost in details:
        if lost:
            print(f"\n{name} ({path}):")
            for line in lost:
                print(f"  {line}")


if __name__ == "__main__":
    main()
