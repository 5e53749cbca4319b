"""The parts every official document and report shares, after Nghị định
30/2020/NĐ-CP (Phụ lục I: thể thức văn bản hành chính).

Decisions, certificates, XLSX reports and print views take their national header,
their place-and-date line and their signature labels from here, so that they read
the same on paper. These are fixed Vietnamese texts of the State, not interface
strings: they are printed as they are whatever the reader's language.
"""

import datetime

NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # quốc hiệu (spelling: docs/spelling.md)
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # tiêu ngữ, hyphens between its three parts

# The two signatures under a statistical report (biểu mẫu báo cáo thống kê).
PREPARED_BY = "Người lập biểu"
PREPARED_BY_HINT = "(Ký, ghi rõ họ tên)"
HEAD_OF_UNIT = "Thủ trưởng đơn vị"
HEAD_OF_UNIT_HINT = "(Ký, ghi rõ họ tên, đóng dấu)"

_PLACE_PREFIXES = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Tỉnh ", "Thành phố ")


def bare_place_name(name: str) -> str:
    """ "Xã Tả Van" → "Tả Van": the place-and-date line names the place alone."""
    for prefix in _PLACE_PREFIXES:
        if name.startswith(prefix):
            return name.removeprefix(prefix)
    return name


def date_words(day: datetime.date) -> str:
    """ "ngày 05 tháng 12 năm 2026": days below 10 and months 1 and 2 take a
    leading zero (Nghị định 30/2020, Phụ lục I, mục 4)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: datetime.date) -> str:
    """ "Tả Van, ngày 05 tháng 12 năm 2026"."""
    return f"{bare_place_name(place)}, {date_words(day)}"
