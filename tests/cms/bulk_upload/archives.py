"""Building awkward uploads without holding them in memory: huge members, lying
headers, damaged members and very long manifests."""

import io
import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook

MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zeros_zip(target, *, name: str, megabytes: int, extra: dict | None = None):
    """A ZIP whose member `name` expands to `megabytes` of zeros, written in chunks."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(name, "w") as member:
            chunk = bytes(MB)
            for _ in range(megabytes):
                member.write(chunk)
        for other, data in (extra or {}).items():
            archive.writestr(other, data)
    return target


def lie_about_size(data: bytes, *, declared: int) -> bytes:
    """Rewrite every header's uncompressed size of a one-member, non-zip64 ZIP."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = patched.index(signature)
        patched[start + offset : start + offset + 4] = struct.pack("<I", declared)
    return bytes(patched)


def damage(data: bytes, *, member: str) -> bytes:
    """Flip a byte inside one member's compressed data: its CRC no longer matches."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    header = info.header_offset
    name_length, extra_length = struct.unpack("<HH", data[header + 26 : header + 30])
    start = header + 30 + name_length + extra_length
    patched = bytearray(data)
    patched[start + info.compress_size // 2] ^= 0xFF
    return bytes(patched)


def long_xlsx(path: Path, *, rows: int) -> Path:
    """A manifest of `rows` good-looking rows, written in openpyxl's streaming mode."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["title", "licence", "summary", "files"])
    for number in range(rows):
        sheet.append([f"Tài liệu {number}", "CC-BY-4.0", "Tóm tắt", "a.pdf"])
    workbook.save(path)
    return path


def long_csv(rows: int) -> bytes:
    lines = ["title,licence,summary,files"]
    lines += [f"Tài liệu {number},CC-BY-4.0,Tóm tắt,a.pdf" for number in range(rows)]
    return "\n".join(lines).encode()
