"""Reading one file for the store: its bytes, its sha256, its parse (no database).

    >>> p = prepare("minutes.docx", known=frozenset())
    >>> p.minutes.meeting.date

``prepare`` is a pure function of the file, so that it runs in worker
processes (``minutes.ingest``).  ``-`` is standard input, read whole within
the size limit (``read_stdin``) and parsed under a name whose extension is
its ``--format`` (``stdin_name``), else by its content.  ``reread`` reads a
stored file again, checking it is still what was stored; ``check_files``
parses without storing, for ``minutes check``.
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from minutes.errors import MinutesError
from minutes.paths import find_files
from parsers.limits import DEFAULT_MAX_SIZE

if TYPE_CHECKING:  # pragma: no cover
    from parsers.records import Minutes

STDIN = "-"
# The formats ``--format`` names for standard input -> the extension the parsers read it by.
STDIN_FORMATS = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "markdown": ".md", "text": ".txt"}

@dataclass
class Prepared:
    """What a worker hands the writer: a parse, a known file, or a failure."""
    path: str
    size: int = 0
    sha256: str = ""
    minutes: "Minutes | None" = None
    error: str | None = None
    unchanged: bool = False
    held: bool = False           # stored already, in another series than --series names: to be moved


def read_stdin(max_size: int, stream=None) -> bytes:
    """Standard input, whole, refused past the size limit (a PDF or a .docx may be larger, as from a file)."""
    from parsers.limits import DOCX_FILE_RATIO, size_text

    stream = stream or sys.stdin.buffer
    limit = max_size * DOCX_FILE_RATIO
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise MinutesError(f"{STDIN}: standard input is over the limit of {size_text(limit)} (see --max-size)")
    return data


def stdin_name(fmt: str | None) -> str:
    """The name standard input is read and stored by: ``stdin`` with its format's extension."""
    return "stdin" + STDIN_FORMATS.get(fmt or "", "")


def prepare(path: str, max_size: int = DEFAULT_MAX_SIZE, known: frozenset[str] = frozenset(),
            elsewhere: frozenset[str] = frozenset(), data: bytes | None = None, name: str | None = None) -> Prepared:
    """Read and parse one file (no database).  A file whose sha256 is ``known`` (stored
    already) is not parsed: unchanged, or held (to be moved) when it is ``elsewhere``
    (stored in another series than --series names).  ``data`` is the file's bytes when
    they are read already (standard input), parsed as ``name``."""
    from parsers import ParseError, parse_bytes, read_file_bytes

    try:
        if data is None:
            data = read_file_bytes(path, max_size)
        sha = hashlib.sha256(data).hexdigest()
        if sha in known:
            return Prepared(path, len(data), sha, unchanged=sha not in elsewhere, held=sha in elsewhere)
        return Prepared(path, len(data), sha, minutes=parse_bytes(name or path, data, max_size))
    except ParseError as exc:
        return Prepared(path, error=exc.reason)
    except Exception as exc:  # a parser bug must not stop the batch
        return Prepared(path, error=f"could not be parsed ({type(exc).__name__}: {exc})")


def reread(path: str, sha256: str, max_size: int = DEFAULT_MAX_SIZE) -> "Minutes":
    """A stored file read and parsed again (``minutes forget`` when its meeting's source goes):
    ``MinutesError`` when it is gone, unreadable or no longer what was stored."""
    from parsers import ParseError, parse_bytes, read_file_bytes

    try:
        data = read_file_bytes(path, max_size)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise MinutesError(f"{path} has changed since it was ingested")
        return parse_bytes(path, data, max_size)
    except ParseError as exc:
        raise MinutesError(str(exc)) from None


def check_files(paths: Iterable[str], max_size: int = DEFAULT_MAX_SIZE, stdin: bytes | None = None,
                stdin_format: str | None = None) -> Iterator[tuple[str, list[str], str | None]]:
    """Parse without storing: (path, warnings, error) for each file (``-``: the bytes ``stdin``)."""
    paths = list(paths)
    files, missing = find_files([p for p in paths if p != STDIN])
    for r in missing:
        if r.status == "skipped":
            yield r.path, [f"skipped: {r.detail}"], None
        else:
            yield r.path, [], r.detail
    if STDIN in paths:
        p = prepare(STDIN, max_size, data=stdin or b"", name=stdin_name(stdin_format))
        yield STDIN, (p.minutes.warnings if p.minutes else []), p.error
    for path in files:
        p = prepare(path, max_size)
        yield path, (p.minutes.warnings if p.minutes else []), p.error
