"""Reading generated PDFs as a reader's program would: text and embedded fonts."""

from pypdf import PdfReader


def page_lines(page) -> list[str]:
    return [line.strip() for line in page.extract_text().splitlines()]


def flat_text(reader: PdfReader) -> str:
    """All text with line breaks and runs of spaces made one space."""
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def assert_fonts_embedded(reader: PdfReader) -> set[str]:
    """Every font the pages use is an embedded DejaVu subset with a ToUnicode map
    (what lets the Vietnamese text extract), never a core PDF font."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert "DejaVu" in name, name
        described = (
            font["/DescendantFonts"][0].get_object()
            if "/DescendantFonts" in font
            else font
        )
        assert "/FontFile2" in described["/FontDescriptor"].get_object(), name
        assert "/ToUnicode" in font, name
    return set(fonts)


def link_targets(pages) -> list[str]:
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in pages
        for annotation in page.get("/Annots", [])
    ]
