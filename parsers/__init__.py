"""Read minutes (HTML, DOCX, PDF, Markdown/text) into the parse records.

    >>> from parsers import parse
    >>> minutes = parse("fixtures/sample.txt")
    >>> minutes.to_dict()["meeting"]["date"]

``read(path)`` gives the intermediate document model alone.  The package
never imports ``minutes`` (the application) and never prints.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
import stat
from typing import Iterator

from parsers.document import Document, TooManyBlocks, block_budget, block_text
from parsers.errors import ParseError
from parsers.limits import DEFAULT_MAX_SIZE, DOCX_FILE_RATIO, size_text
from parsers.records import Minutes, Source
from parsers.sniff import sniff

__all__ = ["parse", "parse_bytes", "read", "read_bytes", "ParseError", "DEFAULT_MAX_SIZE",
           "read_file_bytes", "size_text"]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def _too_big(path: str, size: int, limit: int) -> ParseError:
    return ParseError(path, f"is {size_text(size)}, over the limit of {size_text(limit)} "
                            "(raise it with --max-size)")


def read_file_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file, checked before and after opening it.

    Folders, pipes, devices and sockets are refused without being opened for
    reading in blocking mode, so that a named pipe never hangs the caller."""
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
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ParseError(path, f"cannot be read ({exc.strerror or exc})") from None
    with open(fd, "rb") as fh:
        st = os.fstat(fd)  # the file opened may not be the one checked
        if not stat.S_ISREG(st.st_mode):
            raise ParseError(path, "is not a regular file")
        try:
            head = fh.read(4)
            limit = _file_limit(path, head, max_size)
            if st.st_size > limit:
                raise _too_big(path, st.st_size, limit)
            # as much as the file holds (a read of the whole limit would allocate it all)
            data = head + fh.read(max(0, st.st_size + 1 - len(head)))
            while st.st_size < len(data) <= limit:   # the file grows while it is read
                more = fh.read(min(1 << 20, limit + 1 - len(data)))
                if not more:
                    break
                data += more
        except OSError as exc:
            raise ParseError(path, f"cannot be read ({exc.strerror or exc})") from None
        except MemoryError:
            raise ParseError(path, "is too large to read") from None
    if len(data) > limit:  # the file grew while it was read
        raise _too_big(path, len(data), limit)
    return data


def _file_limit(path: str, head: bytes, max_size: int) -> int:
    from parsers.sniff import DOCX_EXTENSIONS, PDF_EXTENSIONS, extension

    if head.startswith(_ZIP_MAGIC) or head.startswith(b"%PDF") or extension(path) in DOCX_EXTENSIONS | PDF_EXTENSIONS:
        return max_size * DOCX_FILE_RATIO
    return max_size


def read_bytes(path: str, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """The document model of ``data``, which was read from ``path``.

    Every failure is a ``ParseError`` naming ``path``."""
    try:
        with _collector_paused():
            return _with_text(path, data, _read_bytes(path, data, max_size))
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(path, "is nested too deeply to read") from None
    except MemoryError:
        raise ParseError(path, "is too large to read") from None
    except TooManyBlocks as exc:
        raise ParseError(path, str(exc)) from None


_FRAMESET = re.compile(rb"<frameset\b", re.I)


def _with_text(path: str, data: bytes, document: Document) -> Document:
    """``document``, unless it holds no text at all: a byte-order mark alone,
    a page of frames, a Word file of empty paragraphs is refused, not stored
    as an empty meeting.  A document whose reader skipped text says so in a
    warning and is kept."""
    if document.warnings or any(block_text(b).strip() for b in document.blocks):
        return document
    if document.format == "html" and _FRAMESET.search(data[:65536]):
        raise ParseError(path, "has no text: it is a frameset; read the pages its frames show")
    raise ParseError(path, "has no text")


def _read_bytes(path: str, data: bytes, max_size: int) -> Document:
    from parsers.sniff import is_pdf

    packed = data.startswith(_ZIP_MAGIC) or is_pdf(data, path)
    if packed and len(data) > max_size * DOCX_FILE_RATIO:
        raise _too_big(path, len(data), max_size * DOCX_FILE_RATIO)
    if not packed and len(data) > max_size:
        raise _too_big(path, len(data), max_size)
    found = sniff(path, data)
    with block_budget():
        if found.format == "pdf":
            from parsers import pdf as pdf_reader

            return pdf_reader.read(path, data, max_size)
        if found.format == "docx":
            from parsers import docx as docx_reader

            return docx_reader.read(path, data, max_size=max_size)
        if found.format == "html":
            from parsers import html as html_reader

            return html_reader.read(found.text)
        from parsers import text as text_reader

        return text_reader.read(found.text)


def read(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    return read_bytes(path, read_file_bytes(path, max_size), max_size)


def parse_bytes(path: str, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> Minutes:
    from parsers.extract import extract

    with _collector_paused():
        document = read_bytes(path, data, max_size)
        source = Source(path=str(path), format=document.format, sha256=hashlib.sha256(data).hexdigest())
        return extract(document, source)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one document is parsed.

    The model, its lines and the records are a large graph without cycles
    that grows by hundreds of thousands of objects on a long document; the
    collector would walk all of it again each time it runs, about an eighth
    of the time of a large parse.  Nothing is lost: reference counting frees
    as before, and whatever cycle there is waits for the next collection.
    (Mercurial's util.nogc does the same while it builds large structures.)
    The collector is left as it was found, also when parsing fails."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Minutes:
    """Parse one file into ``Minutes``; raises ``ParseError`` when nothing can be read."""
    return parse_bytes(str(path), read_file_bytes(str(path), max_size), max_size)
