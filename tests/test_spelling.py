"""One spelling style: the tone mark on the main vowel ("khoá", "hoá", "thuỷ").

See docs/spelling.md. The other style ("khóa", "hóa", "thủy") must not appear in
templates, translations or demo content.
"""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# "oa", "oe", "uy" closing a syllable with the mark on the first letter; "qu" is a
# consonant, so "quý" and "quà" are right in both styles.
OTHER_STYLE = re.compile(r"(?<![qQ])(?:[òóỏõọÒÓỎÕỌ][aAeE]|[ùúủũụÙÚỦŨỤ][yY])(?![\wÀ-ỹ])")

DEMO_CONTENT = [
    "cms/course_tree.py",
    "cms/demo/__init__.py",
    "cms/demo/content.py",
    "lms/demo.py",
    "lms/recognition/authority_defaults.py",
    "lms/recognition/conf.py",
    "lms/recognition/criteria/seed.py",
    "lms/recognition/demo.py",
]


def msgstrs(path: Path) -> str:
    """Only the translations of a .po file (msgids are the source's business)."""
    text, keep = [], False
    for line in path.read_text().splitlines():
        if line.startswith("msgstr"):
            keep = True
        elif line.startswith(("msgid", "#")) or not line.strip():
            keep = False
        if keep:
            text.append(line)
    return "\n".join(text)


def offending(name: str, text: str) -> list[str]:
    return [f"{name}: {m.group(0)}" for m in OTHER_STYLE.finditer(text)]


def test_the_pattern_tells_the_styles_apart():
    assert offending("x", "khóa học, văn hóa, thủy sản, sức khỏe, Ủy ban") == [
        "x: óa",
        "x: óa",
        "x: ủy",
        "x: ỏe",
        "x: Ủy",
    ]
    assert offending("x", "khoá học, văn hoá, thuỷ sản, quý, hoàn toàn, ngoài") == []


def test_templates_use_one_style():
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        found += offending(str(path.relative_to(ROOT)), path.read_text())
    assert found == []


def test_translations_use_one_style():
    found = []
    for path in sorted(ROOT.glob("**/locale/vi/LC_MESSAGES/*.po")):
        if ".venv" not in path.parts:
            found += offending(str(path.relative_to(ROOT)), msgstrs(path))
    assert found == []


def test_demo_content_uses_one_style():
    found = []
    for name in DEMO_CONTENT:
        found += offending(name, (ROOT / name).read_text())
    assert found == []
