"""Small PDFs built in the tests.

``Page`` draws text and rules at exact places (points from the top-left
corner, as the reader counts them) with the standard fonts, so that each
reader rule can be shown on a page of a few lines; ``raw_pdf`` writes PDF
objects by hand, for the hostile files no PDF writer would make.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field

FONTS = {"R": "Helvetica", "B": "Helvetica-Bold", "S": "Symbol"}
WIDTH, HEIGHT = 595, 842  # A4


def width(text: str, font: str = "R", size: float = 11) -> float:
    """How wide ``text`` is set in one of ``FONTS`` (points)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, FONTS[font], size)


def _escape(text: str) -> bytes:
    data = text.encode("cp1252")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


@dataclass
class Page:
    ops: list[bytes] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, size: float = 11, font: str = "R") -> "Page":
        """``text`` with its baseline at ``y`` points from the top, starting at ``x``."""
        self.ops.append(b"BT /%s %g Tf %g %g Td (%s) Tj ET" % (font.encode(), size, x, HEIGHT - y, _escape(text)))
        return self

    def symbol_bullet(self, x: float, y: float, size: float = 11) -> "Page":
        """The Symbol font's bullet (code 0xB7), as Word writes list bullets."""
        self.ops.append(b"BT /S %g Tf %g %g Td (\xb7) Tj ET" % (size, x, HEIGHT - y))
        return self

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> "Page":
        self.ops.append(b"%g w %g %g m %g %g l S" % (width, x0, HEIGHT - y0, x1, HEIGHT - y1))
        return self

    def grid(self, xs: list[float], ys: list[float]) -> "Page":
        """A ruled table: a rule across at each of ``ys``, one down at each of ``xs``."""
        for y in ys:
            self.line(xs[0], y, xs[-1], y)
        for x in xs:
            self.line(x, ys[0], x, ys[-1])
        return self

    def ligature(self, x: float, y: float, after: str, size: float = 11) -> "Page":
        """A glyph whose text is the ligature U+FB01 ("ﬁ"), then ``after`` set right after it."""
        self.ops.append(b"BT /S %g Tf %g %g Td (f) Tj /R %g Tf (%s) Tj ET" % (size, x, HEIGHT - y, size, _escape(after)))
        return self

    def image(self) -> "Page":
        self.ops.append(b"q 400 0 0 600 90 120 cm /Im1 Do Q")
        return self


def pdf(*pages: Page, compress: bool = True) -> bytes:
    """A PDF of ``pages`` (standard fonts; an image XObject for ``Page.image``)."""
    fonts = " ".join(f"/{k} {3 + i} 0 R" for i, k in enumerate(FONTS))
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    cmap = len(objects) + len(FONTS) + 1
    for name in FONTS.values():
        # Word's PDFs map the Symbol font's bullet to U+F0B7 (the private use area); and
# here its "f" (code 0x66) to the ligature "ﬁ", as a font's ToUnicode map may
        extra = b" /ToUnicode %d 0 R" % cmap if name == "Symbol" else b" /Encoding /WinAnsiEncoding"
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s%s >>" % (name.encode(), extra))
    objects.append(_stream(b"<<", SYMBOL_CMAP, compress))
    image = len(objects) + 1
    objects.append(_stream(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8", bytes(range(0, 256, 4)), compress))
    kids = []
    for page in pages:
        content = len(objects) + 1
        objects.append(_stream(b"<<", b"\n".join(page.ops), compress))
        kids.append(len(objects) + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << %s >> /XObject << /Im1 %d 0 R >> >> >>"
                       % (WIDTH, HEIGHT, content, fonts.encode(), image))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return raw_pdf(objects)


SYMBOL_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Symbol-F0 def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <B7> <F0B7> <66> <FB01> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _stream(head: bytes, data: bytes, compress: bool) -> bytes:
    if compress:
        data = zlib.compress(data)
        head += b" /Filter /FlateDecode"
    return head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (object 1 is the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
