"""The criteria sets seeded from DOMAIN.md, and an idempotent loader.

Texts are data in Vietnamese. Every value DOMAIN.md marks unconfirmed (thresholds,
points, the split of the 15 citizen criteria) is flagged ``unconfirmed`` so that a
province officer reviews it in the admin; the loader never overwrites a set that
already exists, so their edits survive.
"""

import datetime
from decimal import Decimal

# (code, text, kind, metric, threshold, points, level, required, evidence, unconfirmed)
C, R, D = "computed", "rollup", "declared"


def ind(code, text, kind=D, metric="", threshold=None, points=None, level=1, **kw):
    return {
        "code": code,
        "text": text,
        "kind": kind,
        "metric": metric,
        "threshold": None if threshold is None else Decimal(str(threshold)),
        "points": None if points is None else Decimal(str(points)),
        "level": level,
        "required": kw.get("required", True),
        "evidence_required": kw.get("evidence", False),
        "unconfirmed": kw.get("unconfirmed", True),
    }


CITIZEN_SOURCE = "QĐ 677/QĐ-TTg (03/6/2022); QĐ 324/QĐ-KHVN (Hội Khuyến học Việt Nam)"

_CITIZEN_FORMS = {
    "official": ("Cán bộ, công chức, viên chức", 40, "Hoàn thành bồi dưỡng bắt buộc"),
    "worker": ("Người lao động trong doanh nghiệp", 30, "Tham gia đào tạo nghề"),
    "resident": ("Người dân ở nông thôn, cộng đồng", 20, "Tham gia lớp tại TTHTCĐ"),
    "pupil": ("Học sinh, sinh viên", 30, "Hoàn thành chương trình học"),
}


def _citizen_set(scope):
    label, hours, training = _CITIZEN_FORMS[scope]
    return {
        "code": f"citizen-{scope}",
        "name": f"Công dân học tập – {label}",
        "model": "citizen",
        "scope": scope,
        "legal_source": CITIZEN_SOURCE,
        "valid_from": datetime.date(2022, 6, 3),
        "notes": "Cách chia 15 tiêu chí vào 3 nhóm năng lực, ngưỡng và điểm đạt "
        "chưa được đối chiếu với văn bản chính thức: cán bộ tỉnh cần rà soát.",
        "criteria": [
            (
                "1",
                "Năng lực tự học và học tập suốt đời",
                None,
                [
                    ind("1.1", "Có kế hoạch học tập cá nhân trong năm", D),
                    ind(
                        "1.2",
                        f"Tổng số giờ học trong năm đạt tối thiểu {hours} giờ",
                        C,
                        "learning_hours",
                        hours,
                    ),
                    ind(
                        "1.3",
                        "Hoàn thành ít nhất 1 khoá học trong năm",
                        C,
                        "courses_completed",
                        1,
                    ),
                    ind(
                        "1.4",
                        f"{training}: dự ít nhất 2 buổi học trực tiếp",
                        C,
                        "classes_attended",
                        2,
                        required=False,
                    ),
                    ind(
                        "1.5",
                        "Vận dụng kiến thức đã học vào công việc, cuộc sống",
                        D,
                        evidence=True,
                    ),
                ],
            ),
            (
                "2",
                "Năng lực sử dụng công cụ tương tác (số, ngôn ngữ)",
                None,
                [
                    ind("2.1", "Sử dụng điện thoại thông minh hoặc máy tính để học", D),
                    ind(
                        "2.2",
                        "Học trực tuyến tối thiểu 5 giờ trong năm",
                        C,
                        "online_hours",
                        5,
                    ),
                    ind(
                        "2.3",
                        "Có ít nhất 1 chứng chỉ, chứng nhận trong năm",
                        C,
                        "certificates",
                        1,
                        required=False,
                    ),
                    ind("2.4", "Sử dụng dịch vụ công trực tuyến hoặc thanh toán số", D),
                    ind(
                        "2.5",
                        "Đọc sách, báo hoặc học ngoại ngữ, tiếng dân tộc",
                        D,
                        required=False,
                    ),
                ],
            ),
            (
                "3",
                "Năng lực xây dựng và duy trì quan hệ xã hội",
                None,
                [
                    ind("3.1", "Tham gia hoạt động của cộng đồng, đoàn thể", D),
                    ind("3.2", "Chấp hành pháp luật, quy định của địa phương", D),
                    ind("3.3", "Chia sẻ kiến thức với gia đình, hàng xóm", D),
                    ind("3.4", "Xây dựng gia đình văn hoá, hoà thuận", D),
                    ind(
                        "3.5",
                        "Tham gia hoạt động khuyến học, khuyến tài",
                        D,
                        required=False,
                    ),
                ],
            ),
        ],
    }


FAMILY = {
    "code": "family-qd448",
    "name": "Gia đình học tập (cấu trúc QĐ 448)",
    "model": "family",
    "scope": "all",
    "legal_source": "QĐ 448/QĐ-KHVN (2015), Hội Khuyến học Việt Nam",
    "valid_from": datetime.date(2015, 1, 1),
    "pass_points": Decimal("80"),
    "notes": "Điểm tiêu chí 3, 4 và điểm đạt (80) chưa được xác nhận.",
    "criteria": [
        (
            "1",
            "Việc học của trẻ em",
            Decimal(30),
            [
                ind(
                    "1.1",
                    "Trẻ trong độ tuổi đi học đều đến trường, hoàn thành phổ cập",
                    points=10,
                    unconfirmed=False,
                ),
                ind(
                    "1.2",
                    "Kết quả học tập từ trung bình trở lên, hạnh kiểm tốt",
                    points=10,
                    unconfirmed=False,
                ),
                ind(
                    "1.3",
                    "Ngoan, lễ phép, tham gia hoạt động ở địa phương",
                    points=10,
                    unconfirmed=False,
                ),
            ],
        ),
        (
            "2",
            "Việc học của người lớn",
            Decimal(30),
            [
                ind(
                    "2.1",
                    "Người từ 19–60 tuổi biết chữ từ mức độ 1 trở lên",
                    points=10,
                    unconfirmed=False,
                ),
                ind(
                    "2.2",
                    "Mọi người lớn tham gia ít nhất 1 hoạt động học tập trong năm",
                    R,
                    "adults_learning_share",
                    100,
                    10,
                    unconfirmed=False,
                ),
                ind(
                    "2.3",
                    "Tỉ lệ người lớn đạt Công dân học tập (%)",
                    R,
                    "adults_citizen_share",
                    50,
                    10,
                ),
            ],
        ),
        (
            "3",
            "Điều kiện học tập của gia đình",
            Decimal(20),
            [
                ind("3.1", "Có góc học tập, tủ sách gia đình", points=10),
                ind("3.2", "Có thiết bị, kết nối Internet phục vụ học tập", points=10),
            ],
        ),
        (
            "4",
            "Hiệu quả của việc học",
            Decimal(20),
            [
                ind(
                    "4.1",
                    "Kinh tế gia đình ổn định hoặc cải thiện nhờ học tập",
                    points=10,
                ),
                ind("4.2", "Đạt danh hiệu Gia đình văn hoá", points=10, evidence=True),
            ],
        ),
    ],
}

CLAN = {
    "code": "clan-2022",
    "name": "Dòng họ học tập",
    "model": "clan",
    "scope": "all",
    "legal_source": "Tiêu chí Dòng họ học tập, Hội Khuyến học Việt Nam (7/2022)",
    "valid_from": datetime.date(2022, 7, 1),
    "notes": "Khoảng 7 tiêu chí; nội dung và ngưỡng chưa được xác nhận.",
    "criteria": [
        (
            "1",
            "Tổ chức và phong trào học tập của dòng họ",
            None,
            [
                ind("1.1", "Có Ban khuyến học dòng họ và kế hoạch học tập hằng năm"),
                ind("1.2", "Có quỹ khuyến học dòng họ", evidence=True),
                ind("1.3", "Khen thưởng con cháu học giỏi, người học tập tốt"),
            ],
        ),
        (
            "2",
            "Kết quả học tập của các gia đình trong dòng họ",
            None,
            [
                ind(
                    "2.1",
                    "Tỉ lệ hộ đạt Gia đình học tập (%)",
                    R,
                    "households_family_share",
                    50,
                ),
                ind(
                    "2.2",
                    "Tỉ lệ người lớn đạt Công dân học tập (%)",
                    R,
                    "adults_citizen_share",
                    40,
                ),
            ],
        ),
        (
            "3",
            "Tác động của việc học tập",
            None,
            [
                ind("3.1", "Không có con cháu vi phạm pháp luật, mắc tệ nạn xã hội"),
                ind(
                    "3.2",
                    "Tham gia tích cực phong trào xây dựng xã hội học tập ở địa phương",
                ),
            ],
        ),
    ],
}

VILLAGE = {
    "code": "community-village",
    "name": "Cộng đồng học tập cấp thôn, tổ dân phố",
    "model": "community",
    "scope": "village",
    "legal_source": "Tiêu chí Cộng đồng học tập cấp thôn, Hội Khuyến học Việt Nam; "
    "chỉ tiêu QĐ 387/QĐ-TTg",
    "valid_from": datetime.date(2022, 3, 25),
    "criteria": [
        (
            "1",
            "Kết quả xây dựng các mô hình học tập",
            None,
            [
                ind(
                    "1.1",
                    "Tỉ lệ hộ đạt Gia đình học tập (%)",
                    R,
                    "households_family_share",
                    70,
                ),
                ind(
                    "1.2",
                    "Tỉ lệ người lớn đạt Công dân học tập (%)",
                    R,
                    "adults_citizen_share",
                    40,
                ),
            ],
        ),
        (
            "2",
            "Điều kiện và tổ chức",
            None,
            [
                ind("2.1", "Có kế hoạch xây dựng cộng đồng học tập hằng năm của thôn"),
                ind("2.2", "Có điểm sinh hoạt văn hoá, đọc sách của thôn"),
                ind("2.3", "Đạt danh hiệu thôn văn hoá", evidence=True),
            ],
        ),
    ],
}


def _commune_indicators():
    return [
        (
            "1",
            "Sự lãnh đạo của cấp uỷ, chính quyền xã",
            None,
            [
                ind(
                    "1.1",
                    "Tuyên truyền nâng cao nhận thức về học tập suốt đời",
                    unconfirmed=False,
                ),
                ind(
                    "1.2",
                    "Có kế hoạch xây dựng xã hội học tập hằng năm, thực hiện đầy đủ",
                    evidence=True,
                    unconfirmed=False,
                ),
                ind(
                    "1.3",
                    "Tổ chức và báo cáo Tuần lễ học tập suốt đời",
                    unconfirmed=False,
                ),
            ],
        ),
        (
            "2",
            "Nguồn lực và môi trường học tập",
            None,
            [
                ind("2.1", "Bố trí đủ kinh phí hằng năm", unconfirmed=False),
                ind("2.2", "Huy động được nguồn lực xã hội", unconfirmed=False),
                ind(
                    "2.3",
                    "Có cơ chế phối hợp giữa Hội Khuyến học, đoàn thể, trường học, "
                    "thiết chế văn hoá",
                    unconfirmed=False,
                ),
            ],
        ),
        (
            "3",
            "Hoạt động của TTHTCĐ, thư viện, trung tâm văn hoá – thể thao",
            None,
            [
                ind("3.1", "TTHTCĐ tổ chức các lớp, chuyên đề theo nhu cầu người dân"),
                ind(
                    "3.2",
                    "Tỉ lệ người lớn tham gia học tập trong năm (%)",
                    R,
                    "adults_learning_share",
                    30,
                ),
                ind(
                    "3.3",
                    "Tỉ lệ người lớn tham gia học tập trong năm (%) – mức độ 2",
                    R,
                    "adults_learning_share",
                    50,
                    level=2,
                ),
            ],
        ),
        (
            "4",
            "Kết quả phổ cập giáo dục, xoá mù chữ",
            None,
            [
                ind(
                    "4.1",
                    "Đạt chuẩn phổ cập giáo dục, xoá mù chữ mức độ 1",
                    evidence=True,
                ),
                ind("4.2", "Đạt chuẩn xoá mù chữ mức độ 2", level=2, evidence=True),
            ],
        ),
        (
            "5",
            "Hiệu quả xây dựng cộng đồng học tập",
            None,
            [
                ind(
                    "5.1",
                    "Tỉ lệ hộ đạt Gia đình học tập (%)",
                    R,
                    "households_family_share",
                    50,
                ),
                ind(
                    "5.2",
                    "Tỉ lệ thôn, tổ dân phố đạt Cộng đồng học tập (%)",
                    R,
                    "villages_community_share",
                    50,
                ),
                ind(
                    "5.3",
                    "Tỉ lệ người lớn đạt Công dân học tập (%)",
                    R,
                    "adults_citizen_share",
                    30,
                ),
                ind(
                    "5.4",
                    "Tỉ lệ hộ đạt Gia đình học tập (%) – mức độ 2",
                    R,
                    "households_family_share",
                    70,
                    level=2,
                ),
                ind(
                    "5.5",
                    "Tỉ lệ thôn, tổ dân phố đạt Cộng đồng học tập (%) – mức độ 2",
                    R,
                    "villages_community_share",
                    65,
                    level=2,
                ),
                ind(
                    "5.6",
                    "Tỉ lệ người lớn đạt Công dân học tập (%) – mức độ 2",
                    R,
                    "adults_citizen_share",
                    40,
                    level=2,
                ),
            ],
        ),
    ]


COMMUNE = {
    "code": "community-commune-tt25",
    "name": "Cộng đồng học tập cấp xã (TT 25/2023)",
    "model": "commune",
    "scope": "commune",
    "legal_source": "Thông tư 25/2023/TT-BGDĐT (hiệu lực 12/02/2024)",
    "valid_from": datetime.date(2024, 2, 12),
    "notes": "Chỉ số của tiêu chí 3, 4, 5 chưa được xác nhận. Cơ quan công nhận "
    "sau 7/2025 cấu hình trong RECOGNITION_AUTHORITIES.",
    "criteria": _commune_indicators(),
}

UNIT_TT24 = {
    "code": "unit-tt24",
    "name": "Đơn vị học tập (TT 24/2023)",
    "model": "unit",
    "scope": "unit_province",
    "legal_source": "Thông tư 24/2023/TT-BGDĐT (11/12/2023)",
    "valid_from": datetime.date(2024, 1, 26),
    "criteria": [
        (
            "1",
            "Xây dựng và thực hiện kế hoạch học tập",
            None,
            [
                ind(
                    "1.1",
                    "Có kế hoạch học tập hằng năm và thực hiện",
                    evidence=True,
                    unconfirmed=False,
                ),
                ind(
                    "1.2",
                    "Có quy định về quyền được đào tạo, khuyến khích học tập",
                    unconfirmed=False,
                ),
                ind("1.3", "Bố trí đủ kinh phí đào tạo, bồi dưỡng", unconfirmed=False),
                ind(
                    "1.4",
                    "Chuyển đổi số, có công cụ học tập cho thành viên",
                    unconfirmed=False,
                ),
                ind(
                    "1.5", "Tham gia các hoạt động học tập suốt đời", unconfirmed=False
                ),
            ],
        ),
        (
            "2",
            "Mức độ 2",
            None,
            [
                ind(
                    "2.1",
                    "Ít nhất 90% thành viên đạt Công dân học tập (95% người học "
                    "với cơ sở giáo dục)",
                    R,
                    "members_citizen_share",
                    90,
                    level=2,
                    unconfirmed=False,
                ),
                ind(
                    "2.2",
                    "Chia sẻ tri thức với đơn vị khác",
                    level=2,
                    unconfirmed=False,
                ),
                ind(
                    "2.3",
                    "Đạt danh hiệu thi đua",
                    level=2,
                    evidence=True,
                    unconfirmed=False,
                ),
                ind(
                    "2.4",
                    "Đạt mức chuyển đổi số (đối với cơ sở giáo dục)",
                    level=2,
                    required=False,
                ),
            ],
        ),
    ],
}

UNIT_COMMUNE = {
    **UNIT_TT24,
    "code": "unit-commune",
    "name": "Đơn vị học tập cấp xã (Hội Khuyến học)",
    "scope": "unit_commune",
    "legal_source": "Tiêu chí của Hội Khuyến học Việt Nam, theo TT 24/2023",
    "notes": "Áp dụng cấu trúc TT 24/2023 cho đơn vị thuộc xã: chưa xác nhận.",
}

UNIT_TT22 = {
    "code": "unit-tt22",
    "name": "Đơn vị học tập (TT 22/2020, thang 100 điểm)",
    "model": "unit",
    "scope": "unit_province",
    "status": "retired",
    "legal_source": "Thông tư 22/2020/TT-BGDĐT (thay bởi TT 24/2023)",
    "valid_from": datetime.date(2020, 9, 21),
    "valid_to": datetime.date(2024, 1, 25),
    "pass_points": Decimal(50),
    "bands": [
        {"label": "Tốt", "min": 85},
        {"label": "Khá", "min": 70},
        {"label": "Trung bình", "min": 50},
    ],
    "criteria": [
        (
            "1",
            "Điều kiện",
            Decimal(30),
            [
                ind("1.1", "Có kế hoạch học tập", points=10, unconfirmed=False),
                ind(
                    "1.2",
                    "Có quy định khuyến khích học tập",
                    points=10,
                    unconfirmed=False,
                ),
                ind("1.3", "Có kinh phí, trang thiết bị", points=10, unconfirmed=False),
            ],
        ),
        (
            "2",
            "Kết quả học tập của thành viên",
            Decimal(30),
            [
                ind(
                    "2.1",
                    "100% thành viên có kế hoạch tự học được duyệt",
                    points=10,
                    unconfirmed=False,
                ),
                ind("2.2", "Chấp hành kỷ luật", points=5, unconfirmed=False),
                ind(
                    "2.3", "Hoàn thành bồi dưỡng bắt buộc", points=10, unconfirmed=False
                ),
                ind(
                    "2.4", "Đạt ít nhất Lao động tiên tiến", points=5, unconfirmed=False
                ),
            ],
        ),
        (
            "3",
            "Tác động",
            Decimal(40),
            [
                ind(
                    "3.1",
                    "100% thành viên đạt năng lực Công dân học tập",
                    R,
                    "members_citizen_share",
                    100,
                    25,
                    unconfirmed=False,
                ),
                ind("3.2", "Các tác động khác của việc học tập", points=15),
            ],
        ),
    ],
}

SEED_SETS = [
    *(_citizen_set(scope) for scope in _CITIZEN_FORMS),
    FAMILY,
    CLAN,
    VILLAGE,
    COMMUNE,
    UNIT_TT24,
    UNIT_COMMUNE,
    UNIT_TT22,
]


def load_seed_sets(CriteriaSet, Criterion, Indicator) -> int:
    """Create each seed set as version 1 unless its code exists; return how many.

    Takes the model classes so a data migration can pass its historical models.
    """
    created = 0
    for spec in SEED_SETS:
        if CriteriaSet.objects.filter(code=spec["code"]).exists():
            continue
        criteria_set = CriteriaSet.objects.create(
            code=spec["code"],
            version=1,
            name=spec["name"],
            model=spec["model"],
            scope=spec["scope"],
            legal_source=spec["legal_source"],
            valid_from=spec.get("valid_from"),
            valid_to=spec.get("valid_to"),
            status=spec.get("status", "active"),
            pass_points=spec.get("pass_points"),
            bands=spec.get("bands", []),
            notes=spec.get("notes", ""),
        )
        for c_order, (number, title, points, indicators) in enumerate(spec["criteria"]):
            criterion = Criterion.objects.create(
                criteria_set=criteria_set,
                number=number,
                title=title,
                points=points,
                sort_order=c_order,
            )
            Indicator.objects.bulk_create(
                Indicator(criterion=criterion, sort_order=i_order, **indicator)
                for i_order, indicator in enumerate(indicators)
            )
        created += 1
    return created


# Version 2 of the commune set (TT 25/2023, criterion 5): the shares of learning
# clans and learning units, with the QĐ 387/QĐ-TTg targets for 2025 (clans 65 %,
# units 80 %) placed at level 2 like the family (70 %) and village (65 %) targets.
# Unconfirmed: TT 25 does not publish these indicators; officers edit them.
COMMUNE_SHARES = [
    ind(
        "5.7",
        "Tỉ lệ dòng họ đạt Dòng họ học tập (%) – mức độ 2 (QĐ 387: 65 %)",
        R,
        "clans_clan_share",
        65,
        level=2,
    ),
    ind(
        "5.8",
        "Tỉ lệ đơn vị đạt Đơn vị học tập (%) – mức độ 2 (QĐ 387: 80 %)",
        R,
        "units_unit_share",
        80,
        level=2,
    ),
]
COMMUNE_SHARES_NOTE = (
    "Phiên bản 2: thêm tỉ lệ dòng họ học tập (65 %) và đơn vị học tập (80 %) "
    "theo QĐ 387/QĐ-TTg vào tiêu chí 5, mức độ 2 (chưa xác nhận)."
)


def add_commune_shares(CriteriaSet, Criterion, Indicator) -> bool:
    """Add the clan and unit shares to the active commune set as a new version.

    The set is in use wherever seed data was migrated, so it is never edited in
    place: its copy (``versioning.copy_set``) gets the two indicators and becomes
    the active version, the old one retired. Does nothing when a version already
    measures either share (an officer added them) or there is no active set.
    """
    from lms.recognition.services.versioning import copy_set

    code = COMMUNE["code"]
    metrics = [indicator["metric"] for indicator in COMMUNE_SHARES]
    if Indicator.objects.filter(
        criterion__criteria_set__code=code, metric__in=metrics
    ).exists():
        return False
    active = (
        CriteriaSet.objects.filter(code=code, status="active")
        .order_by("-version")
        .first()
    )
    if active is None:
        return False
    copy = copy_set(active, status="active", models=(CriteriaSet, Criterion, Indicator))
    copy.notes = f"{copy.notes}\n{COMMUNE_SHARES_NOTE}".strip()
    copy.save(update_fields=["notes"])
    criterion = Criterion.objects.get(criteria_set=copy, number="5")
    last = Indicator.objects.filter(criterion=criterion).count()
    Indicator.objects.bulk_create(
        Indicator(criterion=criterion, sort_order=last + order, **indicator)
        for order, indicator in enumerate(COMMUNE_SHARES)
    )
    CriteriaSet.objects.filter(pk=active.pk).update(status="retired")
    return True
