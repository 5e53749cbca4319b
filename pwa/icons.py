"""The app's icons, drawn with Pillow: an open book on the site's header blue.

The PNGs and favicon.ico under pwa/static/pwa/icons/ are generated once and
committed; run ``python -m pwa.icons`` after changing the drawing.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICON_DIR = Path(__file__).parent / "static" / "pwa" / "icons"
BLUE = (11, 61, 110)  # .site-header background in cms/static/cms/css/site.css
WHITE = (255, 255, 255)
GOLD = (246, 190, 0)

# name → (size, maskable): maskable icons keep the drawing inside the central 80 %
# "safe zone" and fill the whole square, so launchers may crop them to any shape.
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-192.png": (192, True),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),
}
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


def draw_icon(size: int, *, maskable: bool) -> Image.Image:
    """One square icon of ``size`` pixels."""
    scale = 4  # drawn large, then reduced: smooth edges without anti-aliasing support
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BLUE)
        inset = big * 0.22
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.18, fill=BLUE)
        inset = big * 0.14
    _draw_book(draw, left=inset, top=inset, width=big - 2 * inset)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _draw_book(draw: ImageDraw.ImageDraw, *, left: float, top: float, width: float):
    """Two pages opening from a spine, a sun rising above: learning all life long."""
    unit = width / 10
    cx = left + width / 2
    # The sun above the book.
    draw.ellipse(
        (cx - 1.4 * unit, top + 0.6 * unit, cx + 1.4 * unit, top + 3.4 * unit),
        fill=GOLD,
    )
    spine_top, spine_bottom = top + 4.2 * unit, top + 9.2 * unit
    for side in (-1, 1):
        outer = cx + side * 4.8 * unit
        draw.polygon(
            [
                (cx, spine_top + 0.6 * unit),
                (outer, spine_top),
                (outer, spine_bottom - 0.6 * unit),
                (cx, spine_bottom),
            ],
            fill=WHITE,
        )
        # Lines of text on each page.
        for row in range(3):
            y = spine_top + (1.4 + 1.1 * row) * unit
            near, far = cx + side * 0.9 * unit, cx + side * 3.9 * unit
            draw.line(
                [(near, y + 0.25 * unit), (far, y)],
                fill=BLUE,
                width=max(1, round(0.32 * unit)),
            )


def write_icons(directory: Path = ICON_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (size, maskable) in ICONS.items():
        icon = draw_icon(size, maskable=maskable)
        if name == "apple-touch-icon.png":
            icon = icon.convert("RGB")  # iOS shows transparency as black
        path = directory / name
        icon.save(path, optimize=True)
        written.append(path)
    favicon = directory / "favicon.ico"
    draw_icon(48, maskable=False).save(favicon, sizes=FAVICON_SIZES)
    written.append(favicon)
    return written


if __name__ == "__main__":
    for path in write_icons():
        print(path)
