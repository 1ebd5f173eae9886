"""Writing a report to a file: never over the database, never half.

    >>> write_file("actions.docx", data, db_path="minutes.db")

The target may not be the database (by any path or link to it), one of its
side files (``-wal``, ``-shm``, ``-journal``) or any other SQLite file.  The
data goes to a temporary file beside the target, which is synced and then
renamed over it: a write that fails (the disk is full) leaves the old file
as it was and nothing behind.  A link is written through, and a file that
is replaced keeps its permissions.
"""
from __future__ import annotations

import contextlib
import os
import tempfile

from minutes.errors import MinutesError

_SQLITE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")  # database, its WAL
_SIDE_FILES = ("-wal", "-shm", "-journal")


def check_target(path: str, db_path: str | None) -> str:
    """The real file ``path`` names (links followed); ``MinutesError`` when it must not be written."""
    real = os.path.realpath(path)
    if os.path.isdir(real):
        raise MinutesError(f"{path}: is a folder: name a file to write")
    if db_path and db_path != ":memory:":
        db_real = os.path.realpath(db_path)
        if real == db_real or _same_file(real, db_real):
            raise MinutesError(f"{path}: is the database ({db_path}); write the report to another file")
        if any(real == db_real + side for side in _SIDE_FILES):
            raise MinutesError(f"{path}: is the database's own file ({db_path}); write the report to another file")
    try:
        with open(real, "rb") as fh:
            head = fh.read(16)
    except OSError:
        head = b""
    if head.startswith(_SQLITE_MAGIC):
        raise MinutesError(f"{path}: is an SQLite database; write the report to another file")
    return real


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_file(path: str, data: bytes, db_path: str | None = None) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module's docstring)."""
    real = check_target(path, db_path)
    folder = os.path.dirname(real) or "."
    try:
        mode = os.stat(real).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise MinutesError(f"{path}: cannot write ({exc.strerror or exc})") from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(real)}.", suffix=".tmp")
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
        tmp = None
    except OSError as exc:
        raise MinutesError(f"{path}: cannot write ({exc.strerror or exc}); the file was left as it was") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _sync_folder(folder)


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (where the system allows a folder to be synced)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
