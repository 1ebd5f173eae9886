"""Ingest files, folders and globs into the store, one transaction per document.

    >>> report = ingest_paths("minutes.db", ["fixtures/"])
    >>> [(r.path, r.status) for r in report.results]

Reading and parsing (``prepare``) is a pure function of the file, so that
``jobs > 1`` parses in worker processes while this process alone writes.
A file whose content is stored already (as any meeting's source, duplicate
or older version) is not parsed again: it is ``unchanged``, and nothing is
written but its line in the ingest log; with ``--series`` naming another
series, its meeting is moved there.  ``-`` is standard input (``STDIN``),
read whole (within the size limit) and parsed in this process.
The readers are imported lazily: commands that only read the database never
load lxml, python-docx or markdown-it-py.  What is read (the extensions) and
how much (the size limit) are the parsers' own constants.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import sqlite3
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from minutes import store
from minutes.db import connect, describe, path_of, schema_is_current
from minutes.errors import MinutesError
from minutes.ingest.read import STDIN, STDIN_FORMATS, Prepared, check_files, prepare, read_stdin, reread, stdin_name
from minutes.paths import find_files
from parsers.limits import DEFAULT_MAX_SIZE

__all__ = ["FileResult", "IngestReport", "ingest_paths", "check_files", "prepare", "reread", "read_stdin",
           "stdin_name", "STDIN", "STDIN_FORMATS", "Prepared", "default_jobs"]

BATCH = 50          # documents stored between two relinks of their series (and reports of them)
SERIAL_BELOW = 2    # fewer files than this many per worker: parse them here, start no workers


# What each file's status is, in the order a summary counts them.
STATUSES = ("added", "updated", "duplicate", "moved", "unchanged", "failed")


@dataclass
class FileResult:
    path: str
    status: str                  # added, updated, duplicate, moved, unchanged, failed, or skipped (a link to a folder)
    detail: str = ""             # the reason of a failure, or what changed
    meeting: str = ""
    gone: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # updates that could not be linked
    sha256: str | None = None
    meeting_id: int | None = None
    parse_warnings: list[str] = field(default_factory=list)   # what the parser could not read cleanly

    def as_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "meeting": self.meeting or None,
                "meeting_id": self.meeting_id, "detail": self.detail or None, "sha256": self.sha256,
                "actions_gone": [{"id": i, "text": t} for i, t in self.gone], "warnings": self.warnings,
                "parse_warnings": self.parse_warnings}


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)     # what failed beyond one file (the database's own)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0 or bool(self.errors)

    def counts(self) -> dict[str, int]:
        return {s: self.count(s) for s in (*STATUSES, "skipped")}

    def summary(self) -> str:
        words = {"duplicate": "duplicates"}
        parts = [f"{self.count(s)} {words.get(s, s)}" for s in STATUSES
                 if s not in ("duplicate", "moved") or self.count(s)]
        skipped = self.count("skipped")
        n = len(self.results) - skipped
        links = f"; {skipped} link{'s' if skipped != 1 else ''} to folders skipped" if skipped else ""
        return f"{n} file{'s' if n != 1 else ''}: " + ", ".join(parts) + links


def _known(db, series: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The sha256 of every file stored (a meeting's source, duplicate or older version), and
    of those stored in another series than ``series`` (when it is given)."""
    if not schema_is_current(db):
        return frozenset(), frozenset()
    rows = db.execute("SELECT d.sha256, m.series FROM documents d JOIN meetings m ON m.id = d.meeting_id").fetchall()
    return frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if series and r[1] != series)


def _write(db, prepared: Prepared, series: str | None, replace: bool = False) -> FileResult | store.SaveResult:
    """Store one parse in its own transaction, its series' relink deferred to the batch's end.
    A failure (the disk is full) leaves the database as it was before this file."""
    if prepared.error:
        return FileResult(prepared.path, "failed", prepared.error)
    if prepared.unchanged:
        return FileResult(prepared.path, "unchanged", sha256=prepared.sha256)
    try:
        if prepared.held:
            return store.move(db, prepared.sha256, series, defer=True)
        return store.save(db, prepared.minutes, size=prepared.size, series=series, defer=True, replace=replace)
    except MinutesError as exc:
        return FileResult(prepared.path, "failed", f"not stored: {exc}")
    except sqlite3.Error as exc:
        return FileResult(prepared.path, "failed", f"not stored: {describe(path_of(db), exc)}")


def _result(path: str, saved: store.SaveResult) -> FileResult:
    detail = saved.detail
    if saved.status in ("added", "updated"):
        detail = f"{saved.actions_added} new action{'s' * (saved.actions_added != 1)}"
        if saved.status == "updated":
            detail += f", {saved.actions_kept} kept"
        if saved.actions_gone:
            detail += f", {len(saved.actions_gone)} no longer in the minutes"
        if saved.updates_linked:
            detail += f", {saved.updates_linked} update{'s' * (saved.updates_linked != 1)} on earlier actions linked"
    return FileResult(path, saved.status, detail, saved.meeting, saved.actions_gone, saved.warnings,
                      sha256=saved.sha256, meeting_id=saved.meeting_id, parse_warnings=saved.parse_warnings)


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
                 progress: Callable[[FileResult, int], None] | None = None, *, replace: bool = False,
                 stdin: bytes | None = None, stdin_format: str | None = None) -> IngestReport:
    """Ingest every file ``paths`` names; one transaction per document, failures reported.

    ``jobs`` worker processes parse (default: one per core; serial for a few
    files).  Documents are stored one transaction each; the series they
    belong to are relinked once per ``BATCH`` documents, and the results of
    those documents are reported then: ``progress(result, total)`` per file.
    A path ``-`` is ``stdin`` (its bytes), read as ``stdin_format`` (else by
    its content).  Each file's result is kept in the ingest log.
    """
    paths = list(paths)
    files, unread = find_files([p for p in paths if p != STDIN])
    files = [STDIN] * (STDIN in paths) + files   # standard input first
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
        _store_all(db, files, total, report, series, max_size, jobs, progress, replace,
                   (stdin or b"", stdin_format))
    except sqlite3.Error as exc:   # the database's own failure, not one file's
        raise MinutesError(describe(db_path, exc)) from None
    finally:
        db.close()
    return report


def _log_rows(results: list[FileResult]) -> list[dict]:
    return [{"path": r.path, "sha256": r.sha256, "status": r.status, "meeting_id": r.meeting_id,
             "meeting": r.meeting or None, "detail": r.detail or None} for r in results]


def _store_all(db, files: list[str], total: int, report: IngestReport, series: str | None, max_size: int,
               jobs: int | None, progress: Callable[[FileResult, int], None] | None, replace: bool,
               stdin: tuple[bytes, str | None]) -> None:
    from minutes.db import now

    store.repair(db)   # the schema, and series a cut-short ingest left owed
    stamp = now()
    known, elsewhere = _known(db, series)
    if replace:    # --replace: every file is read, and made its meeting's source
        known = elsewhere = frozenset()
    log = _log_rows(report.results)
    batch: list[tuple[str, FileResult | store.SaveResult]] = []
    prepared_files = _prepared([f for f in files if f != STDIN], max_size, known, elsewhere, jobs)
    if files[0] == STDIN:
        first = prepare(STDIN, max_size, known, elsewhere, data=stdin[0], name=stdin_name(stdin[1]))
        prepared_files = itertools.chain([first], prepared_files)
    while True:
        prepared = next(prepared_files, None)
        if prepared is not None:
            batch.append((prepared.path, _write(db, prepared, series, replace)))
        if batch and (prepared is None or len(batch) >= BATCH):
            results = _finish(db, batch, report)
            for result in results:
                report.results.append(result)
                if progress:
                    progress(result, total)
            try:
                store.log_ingest(db, log + _log_rows(results), stamp)
            except (MinutesError, sqlite3.Error) as exc:
                report.errors.append(f"{exc if isinstance(exc, MinutesError) else describe(path_of(db), exc)}: "
                                     "the ingest log could not be written")
            log, batch = [], []
        if prepared is None:
            break


def default_jobs() -> int:
    return os.cpu_count() or 1


def _prepared(files: list[str], max_size: int, known: frozenset[str], elsewhere: frozenset[str],
              jobs: int | None) -> Iterator[Prepared]:
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(files) < SERIAL_BELOW * jobs:   # starting workers costs more than it saves
        for path in files:
            yield prepare(path, max_size, known, elsewhere)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_orphan_watch, initargs=(os.getpid(),)) as pool:
        n = len(files)
        yield from pool.map(prepare, files, [max_size] * n, [known] * n, [elsewhere] * n)


def _orphan_watch(parent: int) -> None:
    """In a worker: exit when the ingest that started it is gone (killed with -9, say),
    rather than parse on for nobody."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
