"""Read gettext catalogues of the installed Wagtail packages and of this overlay.

A small reader for the ``.po`` format (no third-party dependency): the overlay's tests
use it to measure how much of Wagtail's admin the overlay covers, and
``python -m cms.admin_vi.catalogue`` lists the Wagtail messages still untranslated
after a Wagtail upgrade.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

OVERLAY_DIR = Path(__file__).resolve().parent / "locale" / "vi" / "LC_MESSAGES"

PLACEHOLDER = re.compile(r"%\(\w+\)[sdfir]|%[sdfir]|\{\w*\}")


@dataclass
class Entry:
    """One message of a catalogue: its key (context, msgid) and its translations."""

    msgid: str
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr) and "fuzzy" not in self.flags


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def read_po(path: Path) -> list[Entry]:
    """Parse a ``.po`` file into entries, skipping the header and obsolete entries."""
    entries: list[Entry] = []
    current: Entry | None = None
    field_name, index = "", 0
    flags: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is not None:
                _extend(current, field_name, index, _unquote(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgctxt" or (
            keyword == "msgid" and (current is None or current.msgstr)
        ):
            if current is not None and current.msgid:
                entries.append(current)
            current = Entry(msgid="", flags=flags)
            flags = set()
        if current is None:
            continue
        field_name, _, number = keyword.partition("[")
        index = int(number.rstrip("]") or 0)
        if field_name == "msgstr":
            current.msgstr.extend([""] * (index + 1 - len(current.msgstr)))
        _extend(current, field_name, index, _unquote(rest))
    if current is not None and current.msgid:
        entries.append(current)
    return entries


def _extend(entry: Entry, field_name: str, index: int, text: str) -> None:
    if field_name == "msgstr":
        entry.msgstr[index] += text
    else:
        setattr(entry, field_name, (getattr(entry, field_name) or "") + text)


def placeholders(text: str) -> list[str]:
    """The python-format and brace-format placeholders of a message, sorted."""
    return sorted(PLACEHOLDER.findall(text))


def missing_placeholders(entry: Entry) -> list[str]:
    """Placeholders of the msgid (or msgid_plural) that a translation leaves out."""
    wanted = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
    missing = []
    for msgstr in entry.msgstr:
        missing.extend(sorted(wanted - set(placeholders(msgstr))))
    return missing


def wagtail_catalogues(domain: str = "django", language: str = "en") -> list[Path]:
    """The catalogues shipped by the installed Wagtail and wagtailmedia packages."""
    import wagtail
    import wagtailmedia

    roots = [Path(wagtail.__file__).parent, Path(wagtailmedia.__file__).parent]
    found: list[Path] = []
    for root in roots:
        found.extend(sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po")))
    return found


def wagtail_msgids(domain: str = "django") -> dict[tuple[str | None, str], Entry]:
    """Every message Wagtail and wagtailmedia mark for translation, by (ctxt, id)."""
    messages: dict[tuple[str | None, str], Entry] = {}
    for path in wagtail_catalogues(domain):
        for entry in read_po(path):
            messages.setdefault(entry.key, entry)
    return messages


def main() -> int:
    domain = sys.argv[1] if len(sys.argv) > 1 else "django"
    overlay = {entry.key: entry for entry in read_po(OVERLAY_DIR / f"{domain}.po")}
    wanted = wagtail_msgids(domain)
    untranslated = [
        entry
        for key, entry in wanted.items()
        if key not in overlay or not overlay[key].translated
    ]
    for entry in untranslated:
        print(repr(entry.msgid))
    covered = len(wanted) - len(untranslated)
    print(f"{covered} of {len(wanted)} Wagtail messages translated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
