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
from parsers.limits import UNPACK_RATIO

# The most pages read from one PDF: minutes run to tens of pages, an agenda pack
# with its papers to a few hundred.
MAX_PAGES = 2_000
# The longest one PDF may take to read (seconds), checked page by page.
TIME_BUDGET = 30.0
# The most characters on one page (a dense page of minutes has 5,000) and in one PDF.
MAX_PAGE_CHARS = 100_000
MAX_CHARS = 2_000_000

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd\b|extrab", re.I)
_FORCE_BOLD = 1 << 18          # the font descriptor's ForceBold flag
_FILL_STROKE = 2               # text render mode: filled and stroked (Word's "fake bold")
_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_OTHER_FILTER = re.compile(rb"/(?:LZWDecode|LZW|ASCIIHexDecode|AHx|ASCII85Decode|A85|RunLengthDecode|RL)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_CHUNK = 1 << 16


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
    """Refuse a PDF whose compressed streams would inflate past ``UNPACK_RATIO``
    times the size limit: a decompression bomb.  Each stream is inflated in
    bounded chunks, through every Flate filter of its chain, and the output
    thrown away, so the check itself stays small.  Images are left out: they
    are never decoded to read the text."""
    budget = [max_size * UNPACK_RATIO]
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[max(0, m.start() - 4096):m.start()]
        head = head[head.rfind(b"obj") + 3:] if b"obj" in head else head
        if not _FLATE.search(head) or _IMAGE.search(head) or _OTHER_FILTER.search(head):
            continue
        end = data.find(b"endstream", start)
        body = memoryview(data)[start:end if end >= 0 else len(data)]
        chain = [zlib.decompressobj() for _ in _FLATE.findall(head)]
        for pos in range(0, len(body), _CHUNK):
            if not _feed(path, chain, bytes(body[pos:pos + _CHUNK]), budget):
                break


def _feed(path: str, chain: list, data: bytes, budget: list[int]) -> bool:
    """Push ``data`` through the chain of inflaters, counting what comes out of
    each against ``budget``; False once the stream has ended or is damaged."""
    if not chain:
        return True
    d = chain[0]
    try:
        while data:
            out = d.decompress(data, _CHUNK)
            budget[0] -= len(out)
            if budget[0] < 0:
                raise ParseError(path, "is a likely decompression bomb: its streams would unpack "
                                       f"to more than {UNPACK_RATIO} times the size limit")
            if out and not _feed(path, chain[1:], out, budget):
                return False
            data = d.unconsumed_tail
            if d.eof:
                return False
    except zlib.error:
        return False  # a damaged stream: PDFium decides what it makes of it
    return True


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
        chars = 0
        for number in range(count):
            if time.monotonic() - started > TIME_BUDGET:
                raise ParseError(path, f"took more than {TIME_BUDGET:.0f} s to read (stopped at page {number + 1})")
            try:
                page = pdf[number]
            except pdfium.PdfiumError as exc:
                raise ParseError(path, f"page {number + 1} cannot be read: the PDF is damaged "
                                       f"({str(exc).rstrip('.')})") from None
            try:
                read = _page(raw, page, path, number + 1, fonts)
            except pdfium.PdfiumError as exc:
                raise ParseError(path, f"page {number + 1} cannot be read: the PDF is damaged ({exc})") from None
            finally:
                page.close()
            chars += len(read.chars)
            if chars > MAX_CHARS:
                raise ParseError(path, f"has more than {MAX_CHARS:,} characters (stopped at page "
                                       f"{number + 1}), too many to be minutes")
            yield read
    finally:
        pdf.close()


def _open_error(message: str) -> str:
    low = message.lower()
    if "password" in low or "security" in low:
        return "is encrypted: it needs a password to open (save an unprotected copy first)"
    if "format" in low or "not found" in low or "file" in low:
        return "is not a readable PDF (damaged or truncated)"
    return f"cannot be read as a PDF ({message})"


def _page(raw, page, path: str, number: int, fonts: dict[int, bool]) -> Page:
    width, height = page.get_size()
    out = Page(number, width, height)
    textpage = page.get_textpage()
    try:
        out.chars = _chars(raw, textpage.raw, height, fonts, path, number)
    finally:
        textpage.close()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            out.images += 1
            continue
        out.rules.extend(_rules(raw, obj, height))
    return out


_FAST: dict[str, object] = {}


def _fast(raw, name: str, restype, *argtypes):
    """A PDFium function called with plain addresses and returning a plain value:
    the library's own binding converts every argument and, for a pointer
    result, makes an object in a reference cycle, once per character."""
    fn = _FAST.get(name)
    if fn is None:
        address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
        fn = _FAST[name] = ctypes.CFUNCTYPE(restype, *argtypes)(address)
    return fn


def _chars(raw, tp, height: float, fonts: dict[int, bool], path: str, number: int) -> list[Char]:
    n = raw.FPDFText_CountChars(tp)
    if n > MAX_PAGE_CHARS:
        raise ParseError(path, f"page {number} has {n:,} characters, more than the {MAX_PAGE_CHARS:,} "
                               "read from one page")
    if n <= 0:
        return []
    vp, ci = ctypes.c_void_p, ctypes.c_int
    text_object = _fast(raw, "FPDFText_GetTextObject", vp, vp, ci)
    loose_box = _fast(raw, "FPDFText_GetLooseCharBox", ci, vp, ci, vp)
    page = ctypes.cast(tp, vp).value
    codes = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(tp, 0, n, codes)
    wide = got - 1 != n  # characters outside the BMP: one at a time
    rect = raw.FS_RECTF()
    box = ctypes.addressof(rect)
    matrix = raw.FS_MATRIX()
    buf = ctypes.create_string_buffer(128)
    out: list[Char] = []
    # per text object (one Tj or TJ): weight, size, baseline, or None when it is not read
    objects: dict[int, tuple[bool, float, float] | None] = {}
    for i, code in enumerate(codes[:n]):
        if wide:
            code = raw.FPDFText_GetUnicode(tp, i)
        if code == 0xFFFE:  # the bulk text's mark for a hyphen that ends a line
            code = 2
        if code in (10, 13, 0xFFFF) or (code < 32 and code not in (2, 9)) or 0x7F <= code < 0xA0:
            continue  # line ends PDFium adds, glyphs with no character (a signature font's)
        key = text_object(page, i)
        if not key:
            continue  # a space or line end PDFium made up: the layout is worked out here
        style = objects.get(key, False)
        if style is False:
            raw.FPDFText_GetMatrix(tp, i, matrix)
            if abs(matrix.b) > 0.1 * abs(matrix.a) or matrix.a <= 0:
                style = None  # rotated or mirrored text (a watermark, a margin note): not the flow
            else:
                obj = ctypes.cast(vp(key), raw.FPDF_PAGEOBJECT)
                size = raw.FPDFText_GetFontSize(tp, i) * (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
                style = (_bold(raw, obj, buf, fonts), size or 1.0, height - matrix.f)
            objects[key] = style
        if style is None or not loose_box(page, i, box):
            continue
        if code in (2, 0xAD):  # PDFium's mark for a hyphen that ends a line; a soft hyphen
            text = "-"
        elif code == 32 or code == 0xA0:
            text = " "
        else:  # (PDFium gives a ligature glyph, "ﬁ", as the letters it joins)
            text = chr(code) if code < 0xD800 or code > 0xDFFF else "\ufffd"
        # the loose box: the glyph's advance across, the font's ascent and descent up and down
        # upright text (the rest was left out above): left <= right, top >= bottom
        out.append(Char(text, rect.left, rect.right, height - rect.top, height - rect.bottom,
                        style[2], style[1], style[0]))
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
