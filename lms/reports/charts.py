"""Accessible charts drawn on the server as SVG, with the data table beside them.

Pure functions: labels and numbers in, markup out. No script and no chart library;
each SVG carries ``role="img"``, a ``<title>`` and a ``<desc>`` referenced by
``aria-labelledby``, and every chart comes with the table of its numbers so screen
reader users and people printing the page get the figures themselves. Charts are
drawn for a phone-width viewBox so their text stays legible when scaled down.
"""

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 360
FONT_SIZE = 13
# Colour-blind-safe palette (Okabe–Ito), dark enough for text contrast on white.
PALETTE = ("#0060a8", "#d55e00", "#007a5a", "#a6266e", "#7a5c00", "#444444")


@dataclass(frozen=True)
class Series:
    """One named row of numbers drawn in one colour."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """A drawn chart and the table of the numbers it shows."""

    id: str
    title: str
    desc: str
    svg: SafeString
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]


def fmt(value: float) -> str:
    """A number as people in the active language write it (1.234,5 in Vietnamese)."""
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, decimal_pos=1, force_grouping=True)
    return number_format(int(value), force_grouping=True)


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ not below ``value`` (1 for an empty chart)."""
    if value <= 0:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)


def _root(chart_id: str, title: str, desc: str, height: int) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": "100%",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "font-family": "system-ui, sans-serif",
            "font-size": str(FONT_SIZE),
            "class": "chart",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _text(parent, x, y, content, **attrs) -> ET.Element:
    element = ET.SubElement(
        parent, "text", {"x": f"{x:g}", "y": f"{y:g}", "fill": "#1a1a1a", **attrs}
    )
    element.text = content
    return element


def _legend(svg: ET.Element, series: Sequence[Series], top: float) -> float:
    y = top
    for index, item in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        ET.SubElement(
            svg,
            "rect",
            {
                "x": "0",
                "y": f"{y - 10:g}",
                "width": "12",
                "height": "12",
                "fill": colour,
            },
        )
        _text(svg, 18, y, item.name)
        y += 18
    return y


def _table(
    first_header: str, labels: Sequence[str], series: Sequence[Series]
) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    headers = (first_header, *(item.name for item in series))
    rows = tuple(
        (label, *(item.values[index] for item in series))
        for index, label in enumerate(labels)
    )
    return headers, rows


def _serialize(svg: ET.Element) -> SafeString:
    # ElementTree escapes every text and attribute, so the markup is safe to embed.
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    label_header: str,
) -> Chart:
    """Horizontal grouped bars, one group per label, its name written above it."""
    bar_height, gap = 16, 4
    group_height = FONT_SIZE + 6 + len(series) * (bar_height + gap) + 10
    legend_height = len(series) * 18 + 8
    height = legend_height + max(len(labels), 1) * group_height + 4
    svg = _root(chart_id, title, desc, height)
    top = _legend(svg, series, 14) + 4
    peak = nice_ceiling(max((v for s in series for v in s.values), default=0))
    value_room = 70  # space kept right of the longest bar for its number
    scale = (WIDTH - value_room) / peak
    for index, label in enumerate(labels):
        y = top + index * group_height
        _text(svg, 0, y + FONT_SIZE, label, **{"font-weight": "600"})
        y += FONT_SIZE + 6
        for series_index, item in enumerate(series):
            value = item.values[index]
            length = max(value * scale, 0)
            bar = ET.SubElement(
                svg,
                "rect",
                {
                    "x": "0",
                    "y": f"{y:g}",
                    "width": f"{length:.1f}",
                    "height": str(bar_height),
                    "fill": PALETTE[series_index % len(PALETTE)],
                },
            )
            ET.SubElement(bar, "title").text = f"{label}, {item.name}: {fmt(value)}"
            _text(svg, length + 4, y + bar_height - 4, fmt(value))
            y += bar_height + gap
    headers, rows = _table(label_header, labels, series)
    return Chart(chart_id, title, desc, _serialize(svg), headers, rows)


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    label_header: str,
) -> Chart:
    """Lines over the labels (years), with a zero baseline and a labelled maximum."""
    left, right, plot_top, plot_height = 56, 16, 12, 150
    legend_top = plot_top + plot_height + 36
    height = legend_top + len(series) * 18 + 4
    svg = _root(chart_id, title, desc, height)
    peak = nice_ceiling(max((v for s in series for v in s.values), default=0))
    plot_width = WIDTH - left - right
    step = plot_width / max(len(labels) - 1, 1)

    def point(index: int, value: float) -> tuple[float, float]:
        x = left + (index * step if len(labels) > 1 else plot_width / 2)
        return x, plot_top + plot_height - value / peak * plot_height

    for fraction in (0, 0.5, 1):
        y = plot_top + plot_height - fraction * plot_height
        ET.SubElement(
            svg,
            "line",
            {
                "x1": str(left),
                "x2": str(WIDTH - right),
                "y1": f"{y:g}",
                "y2": f"{y:g}",
                "stroke": "#bbbbbb" if fraction else "#555555",
            },
        )
        _text(svg, left - 6, y + 4, fmt(peak * fraction), **{"text-anchor": "end"})
    for index, label in enumerate(labels):
        x, _y = point(index, 0)
        _text(svg, x, plot_top + plot_height + 18, label, **{"text-anchor": "middle"})
    for series_index, item in enumerate(series):
        colour = PALETTE[series_index % len(PALETTE)]
        points = [point(i, v) for i, v in enumerate(item.values)]
        if len(points) > 1:
            ET.SubElement(
                svg,
                "polyline",
                {
                    "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                    "fill": "none",
                    "stroke": colour,
                    "stroke-width": "2.5",
                },
            )
        for (x, y), label, value in zip(points, labels, item.values, strict=True):
            dot = ET.SubElement(
                svg,
                "circle",
                {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "4", "fill": colour},
            )
            ET.SubElement(dot, "title").text = f"{item.name}, {label}: {fmt(value)}"
    _legend(svg, series, legend_top)
    headers, rows = _table(label_header, labels, series)
    return Chart(chart_id, title, desc, _serialize(svg), headers, rows)
