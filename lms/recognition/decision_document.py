"""What a recognition decision (quyết định công nhận) says, laid out by
`decision_pdf`: header, legal bases, three articles, recipients, signer and the
annex listing every subject it recognised.

Built from one decision with two queries (the decision's dossiers with their
places and criteria sets), so a decision of a thousand residents costs the same.
The wording follows the usual form of a decision of individual competence under
Nghị định 30/2020/NĐ-CP (Phụ lục III, mẫu 1.3).
"""

from dataclasses import dataclass

from django.urls import reverse

from lms.official_layout import place_and_date
from lms.recognition.rules import decided_by_province
from lms.recognition.titles import title_words


@dataclass(frozen=True)
class AnnexRow:
    name: str
    village: str
    commune: str
    code: str
    verify_url: str


@dataclass(frozen=True)
class DecisionDocument:
    parent_authority: str
    authority: str
    number_line: str  # Số: 07/QĐ-UBND
    place_date: str  # Tả Van, ngày 05 tháng 12 năm 2026
    about: str  # Về việc công nhận danh hiệu “Công dân học tập” năm 2026
    competence: str  # CHỦ TỊCH UỶ BAN NHÂN DÂN XÃ TẢ VAN
    bases: tuple[str, ...]
    articles: tuple[str, ...]
    recipients: tuple[str, ...]
    signer_title: str
    signer_name: str
    annex_title: str
    annex_reference: str
    annex_columns: tuple[str, ...]
    rows: tuple[AnnexRow, ...]


def issuer(signer_title: str, authority: str) -> str:
    """Who issues the decision: the signer's office in the authority.

    "Chủ tịch" + "Uỷ ban nhân dân xã Tả Van" → "Chủ tịch Uỷ ban nhân dân xã Tả
    Van"; a title that already names the body ("Chủ tịch Hội Khuyến học") is not
    repeated: "Chủ tịch Hội Khuyến học xã Tả Van".
    """
    title, body = signer_title.split(), authority.split()
    lower_title = [w.lower() for w in title]
    lower_body = [w.lower() for w in body]
    overlap = next(
        (
            n
            for n in range(min(len(title), len(body)), 0, -1)
            if lower_title[-n:] == lower_body[:n]
        ),
        0,
    )
    return " ".join(title + body[overlap:])


def verify_url(code: str, *, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("recognition:verify", args=[code])


def issuing_place(decision, dossier) -> str:
    """Where the decision is issued: the province for what it decides, else the
    commune (the place of the place-and-date line)."""
    commune = decision.commune
    return commune.province.name if decided_by_province(dossier) else commune.name


def _annex_rows(dossiers, *, base_url: str) -> tuple[AnnexRow, ...]:
    return tuple(
        AnnexRow(
            name=d.subject_name,
            village=d.village.name if d.village_id else "",
            commune=d.commune.name,
            code=d.public_code or "",
            verify_url=verify_url(d.public_code, base_url=base_url)
            if d.public_code
            else "",
        )
        for d in dossiers
    )


def decision_document(decision, *, base_url: str) -> DecisionDocument:
    dossiers = list(
        decision.dossiers.select_related("commune__province", "village", "unit")
        .select_related("criteria_set")
        .order_by("village__name", "subject_name", "pk")
    )
    words = title_words(decision.model)
    place = issuing_place(decision, dossiers[0]) if dossiers else decision.commune.name
    title = f"“{words.title}” năm {decision.year}"
    # A legal source may name several texts: "QĐ 677/QĐ-TTg; QĐ 324/QĐ-KHVN".
    sources = dict.fromkeys(
        part.strip()
        for d in dossiers
        for part in d.criteria_set.legal_source.split(";")
        if part.strip()
    )
    bases = (
        *(f"Căn cứ {source};" for source in sources),
        f"Xét kết quả đánh giá, thẩm định hồ sơ đề nghị công nhận danh hiệu {title}.",
    )
    carried_out_by = [f"Các bộ phận có liên quan của {decision.authority}"]
    if words.noun in ("công dân", "gia đình"):
        carried_out_by.append("Trưởng các thôn")
    articles = (
        f"Công nhận danh hiệu {title} cho {len(dossiers)} {words.noun} có tên trong "
        "danh sách kèm theo Quyết định này.",
        f"Quyết định này có hiệu lực kể từ ngày ký. Mỗi {words.noun} có tên tại Điều 1 "
        "được cấp Giấy chứng nhận; việc công nhận được kiểm tra trực tuyến bằng mã QR "
        "in trong danh sách kèm theo.",
        f"{', '.join(carried_out_by)} và các {words.noun} có tên tại Điều 1 chịu "
        "trách nhiệm thi hành Quyết định này.",
    )
    recipients = (
        "Như Điều 3;",
        *(
            (f"{decision.parent_authority} (để báo cáo);",)
            if decision.parent_authority
            else ()
        ),
        "Lưu: VT.",
    )
    issued_by = issuer(decision.signer_title, decision.authority)
    return DecisionDocument(
        parent_authority=decision.parent_authority,
        authority=decision.authority,
        number_line=f"Số: {decision.number}",
        place_date=place_and_date(place, decision.date),
        about=f"Về việc công nhận danh hiệu {title}",
        competence=issued_by.upper(),
        bases=bases,
        articles=articles,
        recipients=recipients,
        signer_title=decision.signer_title,
        signer_name=decision.signer_name,
        annex_title=f"DANH SÁCH {words.noun.upper()} ĐƯỢC CÔNG NHẬN DANH HIỆU "
        f"“{words.title.upper()}” NĂM {decision.year}",
        annex_reference=f"(Kèm theo Quyết định số {decision.number} ngày "
        f"{decision.date:%d/%m/%Y} của {issued_by})",
        annex_columns=("TT", words.column, "Thôn", "Xã", "Mã xác thực"),
        rows=_annex_rows(dossiers, base_url=base_url),
    )
