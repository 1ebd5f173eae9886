"""Ingest files, folders and globs into the store, one transaction per document.

    >>> report = ingest_paths("minutes.db", ["fixtures/"])
    >>> [(r.path, r.status) for r in report.results]

Reading and parsing (``prepare``) is a pure function of the file, so that
``jobs > 1`` parses in worker processes while this process alone writes.
The readers are imported lazily: commands that only read the database never
load lxml, python-docx or markdown-it-py.  What is read (the extensions) and
how much (the size limit) are the parsers' own constants.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from minutes import store
from minutes.db import connect, describe, path_of, schema_is_current
from minutes.errors import MinutesError
from minutes.paths import find_files
from parsers.limits import DEFAULT_MAX_SIZE

if TYPE_CHECKING:  # pragma: no cover
    from parsers.records import Minutes

BATCH = 50          # documents stored between two relinks of their series (and reports of them)
SERIAL_BELOW = 2    # fewer files than this many per worker: parse them here, start no workers


@dataclass
class FileResult:
    path: str
    status: str                  # added, updated, unchanged, failed, or skipped (a link to a folder)
    detail: str = ""             # the reason of a failure, or what changed
    meeting: str = ""
    gone: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # updates that could not be linked


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)     # what failed beyond one file (the database's own)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0 or bool(self.errors)

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("added", "updated", "unchanged", "failed")]
        skipped = self.count("skipped")
        n = len(self.results) - skipped
        links = f"; {skipped} link{'s' if skipped != 1 else ''} to folders skipped" if skipped else ""
        return f"{n} file{'s' if n != 1 else ''}: " + ", ".join(parts) + links


@dataclass
class Prepared:
    """What a worker hands the writer: a parse, a known file, or a failure."""
    path: str
    size: int = 0
    sha256: str = ""
    minutes: "Minutes | None" = None
    error: str | None = None
    unchanged: bool = False


def prepare(path: str, max_size: int = DEFAULT_MAX_SIZE, known: frozenset[str] = frozenset()) -> Prepared:
    """Read and parse one file (no database); a file whose sha256 is ``known`` is not parsed."""
    from parsers import ParseError, parse_bytes, read_file_bytes

    try:
        data = read_file_bytes(path, max_size)
        sha = hashlib.sha256(data).hexdigest()
        if sha in known:
            return Prepared(path, len(data), sha, unchanged=True)
        return Prepared(path, len(data), sha, minutes=parse_bytes(path, data, max_size))
    except ParseError as exc:
        return Prepared(path, error=exc.reason)
    except Exception as exc:  # a parser bug must not stop the batch
        return Prepared(path, error=f"could not be parsed ({type(exc).__name__}: {exc})")


def _known(db, series: str | None) -> frozenset[str]:
    """sha256 of the current source of every stored meeting (of ``series``, if given)."""
    if not schema_is_current(db):
        return frozenset()
    sql = "SELECT d.sha256 FROM meetings m JOIN documents d ON d.id = m.document_id"
    rows = db.execute(sql + " WHERE m.series = ?", [series]) if series else db.execute(sql)
    return frozenset(r[0] for r in rows)


def _write(db, prepared: Prepared, series: str | None) -> FileResult | store.SaveResult:
    """Store one parse in its own transaction, its series' relink deferred to the batch's end.
    A failure (the disk is full) leaves the database as it was before this file."""
    if prepared.error:
        return FileResult(prepared.path, "failed", prepared.error)
    if prepared.unchanged:
        return FileResult(prepared.path, "unchanged")
    try:
        return store.save(db, prepared.minutes, size=prepared.size, series=series, defer=True)
    except MinutesError as exc:
        return FileResult(prepared.path, "failed", f"not stored: {exc}")
    except sqlite3.Error as exc:
        return FileResult(prepared.path, "failed", f"not stored: {describe(path_of(db), exc)}")


def _result(path: str, saved: store.SaveResult) -> FileResult:
    detail = ""
    if saved.status != "unchanged":
        detail = f"{saved.actions_added} new action{'s' * (saved.actions_added != 1)}"
        if saved.status == "updated":
            detail += f", {saved.actions_kept} kept"
        if saved.actions_gone:
            detail += f", {len(saved.actions_gone)} no longer in the minutes"
        if saved.updates_linked:
            detail += f", {saved.updates_linked} update{'s' * (saved.updates_linked != 1)} on earlier actions linked"
    return FileResult(path, saved.status, detail, saved.meeting, saved.actions_gone, saved.warnings)


def _finish(db, batch: list[tuple[str, FileResult | store.SaveResult]], report: IngestReport) -> list[FileResult]:
    """Relink the series the batch touched (one transaction), then the batch's results.

    A relink that fails (the disk is full) leaves the meetings stored and
    their series owed a relink, which the next write makes: their results
    say so, and so does the report."""
    owed = None
    if any(isinstance(w, store.SaveResult) for _, w in batch):
        try:
            store.repair(db)   # the series the batch deferred, each relinked once
        except (MinutesError, sqlite3.Error) as exc:
            owed = str(exc) if isinstance(exc, MinutesError) else describe(path_of(db), exc)
            report.errors.append(f"{owed}: the meetings stored are not yet linked to the earlier meetings "
                                 "of their series; the next ingest links them")
    out = []
    for path, w in batch:
        if not isinstance(w, store.SaveResult):
            out.append(w)
        elif owed:
            result = _result(path, w)
            result.warnings.append("stored, but not yet linked to the earlier meetings of its series")
            out.append(result)
        else:
            out.append(_result(path, store.links_of(db, w)))
    return out


def ingest_paths(db_path: str, paths: Iterable[str], series: str | None = None, jobs: int | None = None,
                 max_size: int = DEFAULT_MAX_SIZE,
                 progress: Callable[[FileResult, int], None] | None = None) -> IngestReport:
    """Ingest every file ``paths`` names; one transaction per document, failures reported.

    ``jobs`` worker processes parse (default: one per core; serial for a few
    files).  Documents are stored one transaction each; the series they
    belong to are relinked once per ``BATCH`` documents, and the results of
    those documents are reported then: ``progress(result, total)`` per file.
    """
    files, unread = find_files(paths)
    missing = [FileResult(u.path, u.status, u.detail) for u in unread]
    total = len(files) + len(missing)
    report = IngestReport()
    for r in missing:
        report.results.append(r)
        if progress:
            progress(r, total)
    if not files:
        return report
    db = connect(db_path)
    try:
        _store_all(db, files, total, report, series, max_size, jobs, progress)
    except sqlite3.Error as exc:   # the database's own failure, not one file's
        raise MinutesError(describe(db_path, exc)) from None
    finally:
        db.close()
    return report


def _store_all(db, files: list[str], total: int, report: IngestReport, series: str | None, max_size: int,
               jobs: int | None, progress: Callable[[FileResult, int], None] | None) -> None:
    store.repair(db)   # the schema, and series a cut-short ingest left owed
    known = _known(db, series)
    batch: list[tuple[str, FileResult | store.SaveResult]] = []
    prepared_files = _prepared(files, max_size, known, jobs)
    while True:
        prepared = next(prepared_files, None)
        if prepared is not None:
            batch.append((prepared.path, _write(db, prepared, series)))
        if batch and (prepared is None or len(batch) >= BATCH):
            for result in _finish(db, batch, report):
                report.results.append(result)
                if progress:
                    progress(result, total)
            batch = []
        if prepared is None:
            break


def default_jobs() -> int:
    return os.cpu_count() or 1


def _prepared(files: list[str], max_size: int, known: frozenset[str], jobs: int | None) -> Iterator[Prepared]:
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(files) < SERIAL_BELOW * jobs:   # starting workers costs more than it saves
        for path in files:
            yield prepare(path, max_size, known)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_orphan_watch, initargs=(os.getpid(),)) as pool:
        yield from pool.map(prepare, files, [max_size] * len(files), [known] * len(files))


def _orphan_watch(parent: int) -> None:
    """In a worker: exit when the ingest that started it is gone (killed with -9, say),
    rather than parse on for nobody."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def check_files(paths: Iterable[str], max_size: int = DEFAULT_MAX_SIZE) -> Iterator[tuple[str, list[str], str | None]]:
    """Parse without storing: (path, warnings, error) for each file."""
    files, missing = find_files(paths)
    for r in missing:
        if r.status == "skipped":
            yield r.path, [f"skipped: {r.detail}"], None
        else:
            yield r.path, [], r.detail
    for path in files:
        p = prepare(path, max_size)
        yield path, (p.minutes.warnings if p.minutes else []), p.error
