"""Bytes in, format and decoded text out.  Encodings are decided here only."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from parsers.errors import ParseError

TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text", ".mdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
DOCX_EXTENSIONS = {".docx", ".docm", ".dotx"}
PDF_EXTENSIONS = {".pdf"}
# Every extension read as minutes, in a stable order (what a folder scan picks up).
EXTENSIONS = (tuple(sorted(DOCX_EXTENSIONS)) + tuple(sorted(PDF_EXTENSIONS)) + tuple(sorted(HTML_EXTENSIONS))
              + tuple(sorted(TEXT_EXTENSIONS)))

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|\?xml)", re.I | re.S)
# Signatures of files that are not minutes in any format this tool reads.
_FOREIGN = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls), not a .docx: save it as .docx"),
    (b"{\\rtf", "an RTF file: save it as .docx first"),
    (b"\x89PNG", "an image, not minutes"),
    (b"\xff\xd8\xff", "an image, not minutes"),
    (b"GIF8", "an image, not minutes"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls
# A UTF-8 sequence of two to four bytes.
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass
class Sniffed:
    format: str          # "docx", "pdf", "html" or "markdown"
    data: bytes
    text: str | None     # decoded text for html and markdown


def sniff(path: str, data: bytes) -> Sniffed:
    """Decide the format of ``data`` (read from ``path``) and decode text formats."""
    ext = extension(path)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if ext in HTML_EXTENSIONS | TEXT_EXTENSIONS:
            raise ParseError(path, "is a zip archive, not a text or HTML file")
        return Sniffed("docx", data, None)
    if is_pdf(data, path):
        return Sniffed("pdf", data, None)
    if ext in PDF_EXTENSIONS:
        raise ParseError(path, "is not a PDF file (no %PDF- header)")
    for magic, what in _FOREIGN:
        if data.startswith(magic):
            raise ParseError(path, f"is {what}")
    if ext in DOCX_EXTENSIONS:
        raise ParseError(path, "is not a Word .docx file (not a zip archive)")
    if not data.strip():
        raise ParseError(path, "is empty")
    text = decode(path, data)
    if ext in HTML_EXTENSIONS or (ext not in TEXT_EXTENSIONS and _HTML_START.match(data[:4096].lstrip(codecs.BOM_UTF8))):
        return Sniffed("html", data, text)
    return Sniffed("markdown", data, text)


def is_pdf(data: bytes, path: str = "") -> bool:
    """A PDF by its bytes: it starts with "%PDF-"; a file named .pdf may have
    some junk before it (PDF readers look for it in the first kilobyte)."""
    return data[:5] == b"%PDF-" or (extension(path) in PDF_EXTENSIONS and b"%PDF-" in data[:1024])


def decode(path: str, data: bytes) -> str:
    """Decode text from its BOM, its own declaration, UTF-8 or detection."""
    encoding = _bom_encoding(data) or _declared_encoding(data)
    text = None
    if encoding:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = _utf16_without_bom(data)
    if text is None:
        if _looks_binary(data):
            raise ParseError(path, "is a binary file, not text, HTML or a .docx")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_utf8(data) or _detect(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def extension(path: str) -> str:
    name = str(path).lower()
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    # Browsers read "iso-8859-1" and "ascii" as windows-1252; so do we.
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        return "cp1252"
    return name


def _looks_binary(data: bytes) -> bool:
    """More than a few NULs or control bytes: stray NULs in a text are dropped,
    an executable, an image or a compressed file is refused."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 20)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a BOM: a NUL in every other byte of a Latin text."""
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 2 or sample.count(b"\x00") < len(sample) // 3:
        return None
    for offset, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        nuls = sample[offset::2].count(b"\x00")
        if nuls > len(sample) // 2 * 0.9 and sample[1 - offset::2].count(b"\x00") < len(sample) // 20:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a file pasted together, a truncated
    character): the good sequences read as UTF-8, each bad byte as Windows-1252."""
    sequences = _UTF8_SEQ.findall(data)
    good = len(sequences)
    bad = sum(1 for b in data if b >= 0x80) - sum(len(m) for m in sequences)
    if not good or bad > 2 * good:
        return None
    return data.decode("utf-8", errors="cp1252-fallback")


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("cp1252-fallback", _cp1252_fallback)


def _detect(data: bytes) -> str:
    """Not UTF-8: Windows-1252 (what Word and most Western pages write) when it
    fits every byte, else what charset-normalizer finds."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8",):
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace")
