import xml.etree.ElementTree as ET

from lms.reports.charts import Series, bar_chart, line_chart, nice_ceiling

NS = {"svg": "http://www.w3.org/2000/svg"}


def _parse(chart):
    return ET.fromstring(str(chart.svg))


def _assert_accessible(root, chart):
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert (title.get("id"), title.text) == (title_id, chart.title)
    assert (desc.get("id"), desc.text) == (desc_id, chart.desc)


def test_bar_chart_is_well_formed_accessible_svg_with_its_table():
    """Every bar carries its value; the table repeats the numbers."""
    chart = bar_chart(
        chart_id="c1",
        title="Ghi danh theo thôn",
        desc="Số lượt ghi danh năm 2026",
        labels=["Thôn Lủ Khấu", "Bản Hò"],
        series=[Series("Ghi danh", (12, 3)), Series("Hoàn thành", (5, 0))],
        label_header="Thôn",
    )
    root = _parse(chart)
    _assert_accessible(root, chart)
    bars = root.findall("svg:rect", NS)[2:]  # after the two legend swatches
    assert [bar.find("svg:title", NS).text for bar in bars] == [
        "Thôn Lủ Khấu, Ghi danh: 12",
        "Thôn Lủ Khấu, Hoàn thành: 5",
        "Bản Hò, Ghi danh: 3",
        "Bản Hò, Hoàn thành: 0",
    ]
    widths = [float(bar.get("width")) for bar in bars]
    assert widths[0] > widths[1] > widths[2] > widths[3] == 0
    assert chart.headers == ("Thôn", "Ghi danh", "Hoàn thành")
    assert chart.rows == (("Thôn Lủ Khấu", 12, 5), ("Bản Hò", 3, 0))


def test_chart_text_is_escaped():
    chart = bar_chart(
        chart_id="c2",
        title="<script>alert(1)</script>",
        desc="a & b",
        labels=["<b>x</b>"],
        series=[Series("n", (1,))],
        label_header="x",
    )
    root = _parse(chart)
    assert root.find("svg:title", NS).text == "<script>alert(1)</script>"
    assert "<script>" not in str(chart.svg)
    assert not root.findall(".//svg:script", NS)


def test_line_chart_draws_one_point_per_year_and_series():
    chart = line_chart(
        chart_id="trend",
        title="Xu hướng",
        desc="Công nhận qua các năm",
        labels=["2024", "2025", "2026"],
        series=[Series("Đăng ký", (10, 20, 40)), Series("Công nhận", (2, 5, 9))],
        label_header="Năm",
    )
    root = _parse(chart)
    _assert_accessible(root, chart)
    assert len(root.findall("svg:polyline", NS)) == 2
    dots = root.findall("svg:circle", NS)
    assert len(dots) == 6
    assert dots[2].find("svg:title", NS).text == "Đăng ký, 2026: 40"
    # Higher values sit higher on the page (smaller y).
    ys = [float(dot.get("cy")) for dot in dots[:3]]
    assert ys[0] > ys[1] > ys[2]


def test_empty_chart_is_still_valid():
    chart = line_chart(
        chart_id="e", title="t", desc="d", labels=[], series=[], label_header="x"
    )
    _assert_accessible(_parse(chart), chart)


def test_nice_ceiling():
    assert [nice_ceiling(v) for v in (0, 1, 3, 7, 12, 480, 5000)] == [
        1,
        1,
        5,
        10,
        20,
        500,
        5000,
    ]
