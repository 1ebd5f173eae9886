"""Read minutes (HTML, DOCX, Markdown/text) into the parse records.

    >>> from parsers import parse
    >>> minutes = parse("fixtures/sample.txt")
    >>> minutes.to_dict()["meeting"]["date"]

``read(path)`` gives the intermediate document model alone.  The package
never imports ``minutes`` (the application) and never prints.
"""
from __future__ import annotations

import hashlib
import os
import stat

from parsers.document import Document
from parsers.errors import ParseError
from parsers.records import Minutes, Source
from parsers.sniff import sniff

__all__ = ["parse", "parse_bytes", "read", "read_bytes", "ParseError", "DEFAULT_MAX_SIZE"]

# Largest file read by default (bytes); callers may raise it.
DEFAULT_MAX_SIZE = 50 * 1024 * 1024


def read_file_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file, checked before opening it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ParseError(path, "no such file") from None
    except OSError as exc:
        raise ParseError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ParseError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise ParseError(path, "is not a regular file")
    if st.st_size > max_size:
        raise ParseError(path, f"is {st.st_size:,} bytes, over the limit of {max_size:,} (raise it with --max-size)")
    try:
        with open(path, "rb") as fh:
            return fh.read(max_size + 1)
    except OSError as exc:
        raise ParseError(path, f"cannot be read ({exc.strerror or exc})") from None


def read_bytes(path: str, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """The document model of ``data``, which was read from ``path``."""
    found = sniff(path, data)
    try:
        if found.format == "docx":
            from parsers import docx as docx_reader

            return docx_reader.read(path, data, max_size=max_size)
        if found.format == "html":
            from parsers import html as html_reader

            return html_reader.read(found.text)
        from parsers import text as text_reader

        return text_reader.read(found.text)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(path, "is nested too deeply to read") from None
    except MemoryError:
        raise ParseError(path, "is too large to read") from None


def read(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    return read_bytes(path, read_file_bytes(path, max_size), max_size)


def parse_bytes(path: str, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> Minutes:
    from parsers.extract import extract

    document = read_bytes(path, data, max_size)
    source = Source(path=str(path), format=document.format, sha256=hashlib.sha256(data).hexdigest())
    return extract(document, source)


def parse(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Minutes:
    """Parse one file into ``Minutes``; raises ``ParseError`` when nothing can be read."""
    return parse_bytes(str(path), read_file_bytes(str(path), max_size), max_size)
