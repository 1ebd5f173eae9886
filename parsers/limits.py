"""The limits on what is read, each defined once (see the README's Limits).

Every reader and the application take them from here; the package entry
point (``parsers``) re-exports them for callers.
"""
from __future__ import annotations

# The most text read from one file by default (bytes): the size of an HTML or
# text file, or what the XML parts of a .docx unpack to.  Callers may raise it.
DEFAULT_MAX_SIZE = 10 * 1024 * 1024
# A .docx or PDF file itself (images included) may be this many times the limit.
DOCX_FILE_RATIO = 10
# What a .docx's parts may unpack to, and a PDF's compressed streams inflate to,
# as a multiple of the limit: past it, a likely zip or decompression bomb.
UNPACK_RATIO = 20


def size_text(n: int) -> str:
    """A byte count for people: "12 MB", "700 KB", "312 bytes"."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
