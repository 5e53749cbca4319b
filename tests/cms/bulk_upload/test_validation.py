"""Checking rows against a snapshot of the library: pure, no database."""

from cms.bulk_upload.manifest import ManifestRow
from cms.bulk_upload.validation import (
    Library,
    licence_key,
    parse_language,
    split_list,
    validate_rows,
)

LIBRARY = Library(
    licences={licence_key("CC-BY-4.0"): 1, licence_key("CC BY-SA 4.0"): 2},
    subjects={"nong nghiep": 10, "suc-khoe": 11},
    existing_titles=frozenset({"so tay trong ngo"}),
    file_names=frozenset({"a.pdf", "b.pdf", "virus.exe"}),
    allowed_extensions=frozenset({"pdf"}),
    current_year=2026,
)


def row(number=2, **values):
    base = {
        "title": "Kỹ thuật nuôi cá ruộng",
        "licence": "CC-BY-4.0",
        "summary": "Tóm tắt",
        "files": "a.pdf",
    }
    return ManifestRow(number=number, values={**base, **values})


def test_a_good_row_becomes_a_draft():
    [result] = validate_rows(
        [
            row(
                language="vi",
                original_language="Tiếng Anh",
                translators="Nguyễn Văn A; Trần Thị B",
                subjects="Nông nghiệp; suc-khoe",
                publication_year="2024",
                files="a.pdf;b.pdf",
            )
        ],
        LIBRARY,
    )
    assert result.ok
    draft = result.draft
    assert draft.licence_id == 1
    assert draft.original_language == "en"
    assert draft.translators == ("Nguyễn Văn A", "Trần Thị B")
    assert draft.subject_ids == (10, 11)
    assert draft.files == ("a.pdf", "b.pdf")
    assert draft.publication_year == 2024


def test_licence_codes_match_whatever_their_spelling():
    assert licence_key("cc by 4.0") == licence_key("CC-BY-4.0")
    [result] = validate_rows([row(licence="cc-by-sa-4.0")], LIBRARY)
    assert result.draft.licence_id == 2


def test_each_bad_row_says_why():
    rows = [
        row(2, licence="CC-BY-9.9"),
        row(3, title="Sổ tay trồng ngô", files="a.pdf"),
        row(4, title="Khác", files="thieu.pdf"),
        row(5, title="Năm sai", publication_year="năm ngoái"),
        row(6, title="Năm tương lai", publication_year="2099"),
        row(7, title="Tệp lạ", files="virus.exe"),
        row(8, title="", summary=""),
        row(9, title="Ngôn ngữ", language="klingon"),
        row(10, title="Chủ đề", subjects="Thiên văn"),
        row(11, title="Địa chỉ", source_url="không phải url"),
    ]
    results = validate_rows(rows, LIBRARY)
    reasons = {result.number: " ".join(result.errors) for result in results}
    assert "Giấy phép “CC-BY-9.9” không có" in reasons[2]
    assert "đã có trong mục" in reasons[3]
    assert "“thieu.pdf” không có trong tệp ZIP" in reasons[4]
    assert "không phải là năm" in reasons[5]
    assert "không phải là năm" in reasons[6]
    assert "không được chấp nhận" in reasons[7]
    assert "Thiếu tên" in reasons[8] and "Thiếu tóm tắt" in reasons[8]
    assert "Ngôn ngữ “klingon”" in reasons[9]
    assert "Chủ đề “Thiên văn”" in reasons[10]
    assert "không phải là địa chỉ web" in reasons[11]
    assert not any(result.ok for result in results)


def test_a_title_repeated_in_the_file_fails_on_the_repeat_only():
    results = validate_rows(
        [row(2, title="Nuôi ong"), row(3, title="NUÔI ONG!"), row(4, title="Khác")],
        LIBRARY,
    )
    assert [result.ok for result in results] == [True, False, True]
    assert "trùng với dòng 2" in results[1].errors[0]


def test_helpers():
    assert split_list(" a ; b;;c ") == ["a", "b", "c"]
    assert parse_language("TIẾNG VIỆT") == "vi"
    assert parse_language("en") == "en"
    assert parse_language("xx") is None


def test_a_row_with_a_formula_is_refused_with_the_column_named():
    [result] = validate_rows(
        [row(title='=HYPERLINK("https://evil.example/","Một")', summary="=1+1")],
        LIBRARY,
    )
    assert result.draft is None
    assert result.errors == [
        "Ô “title” chứa công thức; hãy nhập chính nội dung chữ.",
        "Ô “summary” chứa công thức; hãy nhập chính nội dung chữ.",
    ]


def test_text_starting_with_a_dash_or_at_sign_is_kept_as_text():
    [result] = validate_rows(
        [row(summary="- Bài 1: làm đất\n- Bài 2: gieo mạ", translators="@nhom-dich")],
        LIBRARY,
    )
    assert result.ok
    assert result.draft.summary.startswith("- Bài 1")
