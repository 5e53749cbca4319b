"""The recognising authorities every province starts from, per the circulars.

Plain data for the migration that seeds them (and for tests that rebuild them);
province officers then edit their own rows in the admin.
"""

DEFAULT_AUTHORITIES = [
    # (model, level, authority, signer title, legal basis)
    (
        "citizen",
        "commune",
        "Hội Khuyến học xã {commune}",
        "Chủ tịch Hội Khuyến học",
        "QĐ 677/QĐ-TTg; hướng dẫn của Hội Khuyến học Việt Nam",
    ),
    ("family", "commune", "Uỷ ban nhân dân xã {commune}", "Chủ tịch", "QĐ 448/QĐ-KHVN"),
    ("clan", "commune", "Uỷ ban nhân dân xã {commune}", "Chủ tịch", ""),
    ("community", "commune", "Uỷ ban nhân dân xã {commune}", "Chủ tịch", ""),
    (
        "commune",
        "province",
        "Uỷ ban nhân dân tỉnh {province}",
        "Chủ tịch",
        "TT 25/2023/TT-BGDĐT (thẩm quyền sau 7/2025: chưa xác nhận)",
    ),
    ("unit", "commune", "Uỷ ban nhân dân xã {commune}", "Chủ tịch", ""),
    (
        "unit",
        "province",
        "Uỷ ban nhân dân tỉnh {province}",
        "Chủ tịch",
        "TT 24/2023/TT-BGDĐT",
    ),
]


def load_default_authorities(RecognisingAuthority) -> None:
    for model, level, authority, title, basis in DEFAULT_AUTHORITIES:
        RecognisingAuthority.objects.get_or_create(
            model=model,
            level=level,
            province=None,
            defaults={
                "authority": authority,
                "signer_title": title,
                "legal_basis": basis,
            },
        )
