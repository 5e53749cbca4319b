"""Bulk upload limits: time and peak memory to refuse or stream awkward uploads.

Each case runs in a fresh subprocess and reports the growth of its peak resident
memory (ru_maxrss) over the process after start-up, so C allocations count too.
Cases: a 300,000-row XLSX manifest (openpyxl write-only, no <dimension>) and CSV
manifest, refused at row 502; a ZIP of about 200 KB holding 200 MB of zeros, refused
from its directory, refused while streaming when its header claims 1 KB, and
streamed to a temporary file when the limit allows it.

Run: .venv/bin/python bench/bulk_upload.py
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

CASE = """
import io, json, resource, sys, time, zipfile
import django
django.setup()
from cms.bulk_upload import archive, manifest
from cms.bulk_upload.limits import Limits
case, path = sys.argv[1], sys.argv[2]
limits = Limits(max_rows=500, max_files_per_row=10, max_files=500,
                max_expanded_bytes=int(sys.argv[3]), max_manifest_bytes=8 << 20)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
outcome = "accepted"
try:
    if case in ("xlsx", "csv"):
        with open(path, "rb") as handle:
            manifest.read_manifest("m." + case, handle, max_rows=500, max_bytes=8 << 20)
    else:
        with zipfile.ZipFile(path) as bundle:
            members = archive.members(bundle, limits)
            staged = archive.stage(bundle, members["lon.pdf"], archive.Budget(limits))
            outcome = f"streamed {staged.size >> 20} MB"
except Exception as error:
    outcome = f"refused: {error}"
elapsed = time.perf_counter() - started
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
result = {"seconds": elapsed, "peak_growth_mb": grown / 1024, "outcome": outcome}
print(json.dumps(result))
"""


def run(case: str, path: Path, limit: int) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", CASE, case, str(path), str(limit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    from tests.cms.bulk_upload.archives import (
        lie_about_size,
        long_csv,
        long_xlsx,
        zeros_zip,
    )

    work = Path(tempfile.mkdtemp(prefix="bench-bulk-"))
    long_xlsx(work / "long.xlsx", rows=300_000)
    (work / "long.csv").write_bytes(long_csv(300_000))
    zeros = zeros_zip(work / "zeros.zip", name="lon.pdf", megabytes=200)
    (work / "lying.zip").write_bytes(lie_about_size(zeros.read_bytes(), declared=1024))
    mb = 1 << 20
    cases = [
        ("300,000-row XLSX manifest", "xlsx", work / "long.xlsx", 500 * mb),
        ("300,000-row CSV manifest", "csv", work / "long.csv", 500 * mb),
        ("200 MB member, limit 100 MB", "zip", zeros, 100 * mb),
        ("200 MB member claiming 1 KB", "zip", work / "lying.zip", 100 * mb),
        ("200 MB member, limit 300 MB", "zip", zeros, 300 * mb),
    ]
    for label, case, path, limit in cases:
        result = run(case, path, limit)
        print(
            f"{label} ({path.stat().st_size / mb:.1f} MB uploaded): "
            f"{result['seconds']:.2f} s, peak memory +{result['peak_growth_mb']:.1f} MB"
            f" — {result['outcome'][:70]}"
        )


if __name__ == "__main__":
    main()
