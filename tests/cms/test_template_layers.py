"""Templates in layers: CMS templates never load an LMS tag library."""

import re
from pathlib import Path

from django.conf import settings
from django.template import engines

TEMPLATES = Path(settings.BASE_DIR) / "templates"
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def lms_tag_libraries() -> set[str]:
    """Names of the tag libraries that live in the lms package (and its apps)."""
    libraries = engines["django"].engine.template_libraries
    return {
        name
        for name, library in libraries.items()
        if any(f.__module__.startswith("lms") for f in library.tags.values())
    }


def cms_templates() -> list[Path]:
    """CMS page and block templates, the shared frame and the includes CMS uses."""
    return [
        *sorted((TEMPLATES / "cms").rglob("*.html")),
        *sorted((TEMPLATES / "includes").rglob("*.html")),
        TEMPLATES / "base.html",
    ]


def test_the_lms_libraries_are_known():
    """The scan below looks for real names (a rename would make it pass vacuously)."""
    assert {"lms_tags", "officer_nav"} <= lms_tag_libraries()


def test_no_cms_template_loads_an_lms_tag_library():
    forbidden = lms_tag_libraries()
    offenders = []
    for path in cms_templates():
        for match in LOAD.finditer(path.read_text()):
            names = set(match.group(1).split()) - {"from"}
            if names & forbidden:
                offenders.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)}")
    assert offenders == []
