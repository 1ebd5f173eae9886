"""What a PDF holds, page by page, through pypdfium2 (PDFium): characters with
their boxes and fonts, and the ruling lines drawn on each page.

Only this module touches the PDF library; ``parsers.pdf`` builds the document
model from plain tuples.  Hostile files are refused here before PDFium is
given them (decompression bombs, absurd page counts) or when PDFium cannot
open them (encrypted, damaged), always as a ``ParseError`` naming the file.

Coordinates are points from the top-left corner of the page.
"""
from __future__ import annotations

import ctypes
import re
import time
import zlib
from dataclasses import dataclass, field
from typing import Iterator

from parsers.errors import ParseError

# The most pages read from one PDF: minutes run to tens of pages, an agenda pack
# with its papers to a few hundred.
MAX_PAGES = 2_000
# What the compressed streams of a PDF may inflate to, as a multiple of the size
# limit (a .docx's parts may unpack to as much).
INFLATE_RATIO = 20
# The longest one PDF may take to read (seconds), checked page by page.
TIME_BUDGET = 30.0

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd\b|extrab", re.I)
_FORCE_BOLD = 1 << 18          # the font descriptor's ForceBold flag
_FILL_STROKE = 2               # text render mode: filled and stroked (Word's "fake bold")
_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_OTHER_FILTER = re.compile(rb"/(?:LZWDecode|LZW|ASCIIHexDecode|AHx|ASCII85Decode|A85|RunLengthDecode|RL)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_CHUNK = 1 << 16
_KEEP = 64 << 20  # inflated output kept to feed a second filter of a chain


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float      # the baseline
    size: float
    bold: bool


@dataclass(slots=True)
class Rule:
    """A ruling line: horizontal (``y0 == y1``) or vertical (``x0 == x1``)."""
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: int = 0


def check_streams(path: str, data: bytes, max_size: int) -> None:
    """Refuse a PDF whose compressed streams would inflate past ``INFLATE_RATIO``
    times the size limit: a decompression bomb.  Each stream is inflated in
    bounded chunks and the output thrown away, so the check itself stays small.
    Images are left out: they are never decoded to read the text."""
    budget = max_size * INFLATE_RATIO
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[max(0, m.start() - 4096):m.start()]
        head = head[head.rfind(b"obj") + 3:] if b"obj" in head else head
        if not _FLATE.search(head) or _IMAGE.search(head) or _OTHER_FILTER.search(head):
            continue
        end = data.find(b"endstream", start)
        body = data[start:end if end >= 0 else len(data)]
        for _ in range(len(_FLATE.findall(head))):  # a chain of Flate filters inflates in turn
            body, budget = _inflate(path, body, budget)


def _inflate(path: str, body: bytes, budget: int) -> tuple[bytes, int]:
    """Inflate ``body``; raises once more than ``budget`` bytes come out.
    The output is kept only while it is small (it may feed a second filter)."""
    d = zlib.decompressobj()
    kept: list[bytes] = []
    total = 0
    pos = 0
    try:
        while pos < len(body) or d.unconsumed_tail:
            data = d.unconsumed_tail or body[pos:pos + _CHUNK]
            if not d.unconsumed_tail:
                pos += _CHUNK
            out = d.decompress(data, _CHUNK)
            total += len(out)
            if total > budget:
                raise ParseError(path, "is a likely decompression bomb: its streams would unpack "
                                       f"to more than {INFLATE_RATIO} times the size limit")
            if total <= _KEEP:
                kept.append(out)
            if d.eof:
                break
    except zlib.error:
        pass  # a damaged stream: PDFium decides what it makes of it
    return b"".join(kept), budget - total


def open_pages(path: str, data: bytes, max_size: int) -> Iterator[Page]:
    """The pages of ``data`` one at a time (each closed before the next is read)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if b"%PDF-" not in data[:1024]:
        raise ParseError(path, "is not a PDF file (no %PDF- header)")
    check_streams(path, data, max_size)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ParseError(path, _open_error(str(exc))) from None
    started = time.monotonic()
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise ParseError(path, f"has {count:,} pages, more than the {MAX_PAGES:,} read from one PDF")
        if count == 0:
            raise ParseError(path, "has no pages")
        fonts: dict[int, bool] = {}
        for number in range(count):
            if time.monotonic() - started > TIME_BUDGET:
                raise ParseError(path, f"took more than {TIME_BUDGET:.0f} s to read (stopped at page {number + 1})")
            try:
                page = pdf[number]
            except pdfium.PdfiumError as exc:
                raise ParseError(path, f"page {number + 1} cannot be read ({exc})") from None
            try:
                yield _page(raw, page, number + 1, fonts)
            finally:
                page.close()
    finally:
        pdf.close()


def _open_error(message: str) -> str:
    low = message.lower()
    if "password" in low or "security" in low:
        return "is encrypted: it needs a password to open (save an unprotected copy first)"
    if "format" in low or "not found" in low or "file" in low:
        return "is not a readable PDF (damaged or truncated)"
    return f"cannot be read as a PDF ({message})"


def _page(raw, page, number: int, fonts: dict[int, bool]) -> Page:
    width, height = page.get_size()
    out = Page(number, width, height)
    textpage = page.get_textpage()
    try:
        out.chars = _chars(raw, textpage.raw, height, fonts)
    finally:
        textpage.close()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            out.images += 1
            continue
        out.rules.extend(_rules(raw, obj, height))
    return out


def _chars(raw, tp, height: float, fonts: dict[int, bool]) -> list[Char]:
    n = raw.FPDFText_CountChars(tp)
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(128)
    out: list[Char] = []
    objects: dict[int, bool] = {}
    for i in range(n):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (0, 2, 10, 13, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(tp, i) == 1:
            continue
        obj = raw.FPDFText_GetTextObject(tp, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        bold = objects.get(key)
        if bold is None:
            bold = objects[key] = _bold(raw, obj, buf, fonts) if key else False
        if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
            continue
        raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
        raw.FPDFText_GetMatrix(tp, i, matrix)
        if abs(matrix.b) > 0.1 * abs(matrix.a) or matrix.a <= 0:
            continue  # rotated or mirrored text (a watermark, a margin note): not part of the flow
        size = raw.FPDFText_GetFontSize(tp, i) * (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        if code == 32 or code == 0xA0:
            text = " "
        else:
            text = chr(code) if code < 0xD800 or code > 0xDFFF else "\ufffd"
        # the loose box: the glyph's advance across, the font's ascent and descent up and down
        x0, x1 = min(rect.left, rect.right), max(rect.left, rect.right)
        top_y, bottom_y = height - max(rect.top, rect.bottom), height - min(rect.top, rect.bottom)
        out.append(Char(text, x0, x1, top_y, bottom_y, height - oy.value, size or 1.0, bold))
    return out


def _bold(raw, obj, buf, fonts: dict[int, bool]) -> bool:
    if raw.FPDFTextObj_GetTextRenderMode(obj) == _FILL_STROKE:
        return True
    font = raw.FPDFTextObj_GetFont(obj)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key not in fonts:
        raw.FPDFFont_GetBaseFontName(font, buf, len(buf))
        name = buf.value.decode("latin-1", "replace")
        weight = raw.FPDFFont_GetWeight(font)
        flags = raw.FPDFFont_GetFlags(font)
        fonts[key] = bool(_BOLD_NAME.search(name.split("+")[-1])) or weight >= 600 or (
            flags > 0 and bool(flags & _FORCE_BOLD))
    return fonts[key]


# a ruling line is at most this thick (points); a box is read as its four edges
_THIN = 2.5


def _rules(raw, obj, height: float) -> list[Rule]:
    left, bottom, right, top = obj.get_bounds()
    x0, x1, y0, y1 = left, right, height - top, height - bottom
    w, h = x1 - x0, y1 - y0
    if w <= _THIN and h <= _THIN:
        return []
    if h <= _THIN:
        return [Rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)]
    if w <= _THIN:
        return [Rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)]
    return _segments(raw, obj, height)


def _segments(raw, obj, height: float) -> list[Rule]:
    """The straight horizontal and vertical pieces of a stroked path (a box, a grid)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not stroke.value:
        return []
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return []
    out: list[Rule] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    count = raw.FPDFPath_CountSegments(obj)
    for i in range(min(count, 10_000)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        px = m.a * x.value + m.c * y.value + m.e
        py = height - (m.b * x.value + m.d * y.value + m.f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            points = [(px, py)]
            start = (px, py)
        elif kind == raw.FPDF_SEGMENT_LINETO and points:
            points.append((px, py))
            out.extend(_straight(points[-2], points[-1]))
        else:
            points = [(px, py)] if kind != raw.FPDF_SEGMENT_MOVETO else points
        if raw.FPDFPathSegment_GetClose(seg) and start is not None and points:
            out.extend(_straight(points[-1], start))
    return out


def _straight(a: tuple[float, float], b: tuple[float, float]) -> list[Rule]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 and abs(ax - bx) > _THIN:
        return [Rule(min(ax, bx), ay, max(ax, bx), ay)]
    if abs(ax - bx) <= 0.5 and abs(ay - by) > _THIN:
        return [Rule(ax, min(ay, by), ax, max(ay, by))]
    return []
