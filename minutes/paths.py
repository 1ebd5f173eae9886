"""Files, folders and globs as the files of minutes to read.

    >>> files, unread = find_files(["minutes/", "archive/**/*.docx"])

A folder is read recursively for every extension the parsers read
(``parsers.sniff.EXTENSIONS``).  A folder named, or the fixed part of a
pattern, may itself be a link; below it, links to folders are never followed
(they could lead out of the folder, or round in a loop), and each is
reported.  Links to files are read.
"""
from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from parsers.sniff import EXTENSIONS


@dataclass
class Unread:
    """A path named that gives no file: ``failed`` (nothing there), or ``skipped`` (a link to a folder)."""
    path: str
    status: str
    detail: str


def find_files(paths: Iterable[str]) -> tuple[list[str], list[Unread]]:
    """Expand files, folders (recursively, by extension) and globs; report what matches
    nothing (failed) and the links to folders not followed (skipped).

    A folder named, or the fixed part of a pattern, may itself be a link; below
    it, links to folders are never followed (they could lead out of the folder,
    or round in a loop), and each is reported.  Links to files are read."""
    files: list[str] = []
    others: list[Unread] = []
    seen: set[str] = set()
    skipped: list[str] = []

    def add(p: str) -> None:
        real = os.path.realpath(p)
        if real not in seen:
            seen.add(real)
            files.append(p)

    for arg in paths:
        if os.path.isdir(arg):
            found = list(_walk(arg, skipped))
            if not found:
                others.append(Unread(arg, "failed", "is a folder with no minutes in it ("
                                         + ", ".join(EXTENSIONS) + ")"))
            for p in found:
                add(p)
        elif os.path.lexists(arg):  # a broken link or a loop: read_file_bytes says why
            add(arg)
        elif glob.has_magic(arg):
            hits = sorted(_glob(arg, skipped))
            if not hits:
                others.append(Unread(arg, "failed", "no file matches this pattern"))
            for hit in hits:
                for p in (_walk(hit, skipped) if os.path.isdir(hit) else [hit]):
                    add(p)
        else:
            others.append(Unread(arg, "failed", "no such file or folder"))
    for link in dict.fromkeys(skipped):
        others.append(Unread(link, "skipped", f"a link to the folder {os.path.realpath(link)}: not followed"))
    return files, others


def _walk(folder: str, skipped: list[str]) -> Iterator[str]:
    """The minutes files under ``folder``, by name; links to folders below it go to ``skipped``."""
    for root, dirs, names in os.walk(folder):   # never descends into a link (followlinks=False)
        for d in dirs:
            if not d.startswith(".") and os.path.islink(os.path.join(root, d)):
                skipped.append(os.path.join(root, d))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        for name in sorted(names):
            if name.lower().endswith(EXTENSIONS) and not name.startswith((".", "~$")):
                yield os.path.join(root, name)


def _glob(pattern: str, skipped: list[str]) -> Iterator[str]:
    """``glob.glob(pattern, recursive=True)``, except that a ``*`` or ``**`` never
    goes through a link to a folder (glob's own ``**`` follows them, and loops on
    a cycle): such links go to ``skipped``.  Names starting with a dot match
    only a pattern that starts with one, as in glob."""
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    base = os.sep.join(parts[:fixed]) or (os.sep if pattern.startswith(os.sep) else "")
    yield from _match(base, parts[fixed:], skipped)


def _match(folder: str, parts: list[str], skipped: list[str]) -> Iterator[str]:
    part, rest = parts[0], parts[1:]
    if part == "**":
        if rest:
            yield from _match(folder, rest, skipped)
        for sub in _entries(folder, "*", skipped, folders_only=True):
            if not rest:
                yield sub
            yield from _match(sub, parts, skipped)
        if not rest:
            yield from (p for p in _entries(folder, "*", skipped) if not os.path.isdir(p))
        return
    if not glob.has_magic(part):   # a name the pattern gives: followed, link or not
        path = os.path.join(folder, part) if folder else part
        if not rest:
            if os.path.lexists(path):
                yield path
        elif os.path.isdir(path):
            yield from _match(path, rest, skipped)
        return
    for path in _entries(folder, part, skipped, folders_only=bool(rest)):
        if rest:
            yield from _match(path, rest, skipped)
        else:
            yield path


def _entries(folder: str, part: str, skipped: list[str], folders_only: bool = False) -> Iterator[str]:
    """The names in ``folder`` that ``part`` matches, as paths; a link to a folder
    goes to ``skipped`` instead (a folder matched is read, and so would be followed)."""
    try:
        entries = sorted(os.scandir(folder or os.curdir), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and not part.startswith("."):
            continue
        if not fnmatch.fnmatchcase(entry.name, part):
            continue
        path = os.path.join(folder, entry.name) if folder else entry.name
        is_dir = entry.is_dir()
        if is_dir and entry.is_symlink():
            skipped.append(path)
            continue
        if folders_only and not is_dir:
            continue
        yield path


def sha256_of(path: str) -> str:
    """The SHA-256 of a file's content (what the store knows a file by), read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
