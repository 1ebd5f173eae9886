"""The write side: save a parse, correct what is stored, repair what a crash left.

    >>> db = minutes.db.connect("minutes.db")
    >>> result = save(db, parsers.parse("minutes.md"))
    >>> result.status
    'added'

Every write is one transaction (``minutes.db.transaction``, which brings the
schema up to date first).  ``save`` stores one parse and relinks its series
(``minutes.store.links``) in the same transaction; with ``defer`` it only
marks the series owed a relink (``pending_relink``), and ``repair`` relinks
every series owed one: once per batch of an ingest, and before any other
write to a database an ingest left owed (a crash, a full disk).

A file already stored is ``unchanged`` (whichever meeting it holds, as its
source, a duplicate or an older version), unless ``series`` names another
series: then its meeting is ``moved`` there, never stored twice.  A new file
of a meeting already stored, by another name than its files, is a
``duplicate`` when it says the same things (``minutes.tracking.versions.said``:
the same minutes as Word, web page and text), recorded without changing the
meeting; otherwise (or by the same name: a file edited) it is a corrected
version, which replaces the parse (``updated``) and keeps the actions'
history.  ``replace`` makes any new file of the meeting its source.

The corrections by hand live beside: ``set_status`` (done, reopen, drop),
``edits`` (an action's text, owners, due date, item), ``forget`` (a document
or a meeting), ``people`` (merge, rename), ``series`` (rename, merge, move);
each is logged (``audit``).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutes.db import fetch, now, schema_is_current, transaction
from minutes.errors import MinutesError
from minutes.store import meeting
from minutes.store.actions import save_actions, set_status
from minutes.store.audit import Change, actor, record
from minutes.store.links import relink
from minutes.store.people import drop_orphans
from minutes.store.rekey import rekey_if_owed
from minutes.store.series import meeting_key, move_meeting
from minutes.tracking.keys import derive_series
from minutes.tracking.versions import reading, reading_stored, said, said_stored

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils

    from parsers.records import Minutes

__all__ = ["SaveResult", "save", "links_of", "set_status", "actor", "repair", "needs_repair", "relink_pending",
           "meeting_key", "owed", "log_ingest", "Change", "store_parse", "move", "correct"]


@dataclass
class SaveResult:
    status: str                      # added, updated, duplicate, moved or unchanged
    meeting_id: int
    meeting: str                     # the meeting's name, e.g. "2015-12-09 ICAT Steering Group"
    detail: str = ""                 # a duplicate's source, a move's series
    actions_added: int = 0
    actions_kept: int = 0
    actions_gone: list[tuple[int, str]] = field(default_factory=list)   # (id, text) no longer in the minutes
    updates_linked: int = 0          # updates on earlier actions linked to them
    warnings: list[str] = field(default_factory=list)   # from linking this meeting's updates
    sha256: str | None = None        # the file's
    parse_warnings: list[str] = field(default_factory=list)   # what the parser could not read cleanly


def repair(db: sqlite_utils.Database) -> list[str]:
    """Bring the database up to date in one transaction: the schema migrated, people's
    names worked out again where a migration owes it, and every series owed a
    relink (by deferred saves, or an ingest cut short) relinked.

    Returns the series relinked."""
    with transaction(db):
        return owed(db)


def owed(db: sqlite_utils.Database) -> list[str]:
    """Do, inside a write transaction, what the database is owed (``repair``'s work)."""
    rekey_if_owed(db)
    return relink_pending(db)


def needs_repair(db: sqlite_utils.Database) -> bool:
    """Whether ``repair`` has anything to do: a migration, people to rekey, or a series owed a relink."""
    return not schema_is_current(db) or db.execute(
        "SELECT 1 FROM pending_relink UNION ALL SELECT 1 FROM pending_rekey LIMIT 1").fetchone() is not None


def relink_pending(db: sqlite_utils.Database) -> list[str]:
    """Relink every series a deferred save marked; call inside a write transaction.

    Returns the series relinked."""
    pending = [r[0] for r in db.execute("SELECT series FROM pending_relink ORDER BY series")]
    if pending:
        stamp = now()
        for series in pending:
            relink(db, series, stamp)
        db.execute("DELETE FROM pending_relink")
    return pending


def save(db: sqlite_utils.Database, minutes: "Minutes", *, size: int | None = None,
         series: str | None = None, defer: bool = False, replace: bool = False) -> SaveResult:
    """Store one parse in one transaction: added, updated (a corrected version), duplicate,
    moved (``series`` names another series for a file already stored) or unchanged.

    The meeting's series is relinked in the same transaction; with ``defer``
    it is only marked owed (``pending_relink``), for ``relink_pending`` once
    per batch, and the result carries no warnings or linked updates yet.
    ``replace`` makes the file the meeting's source even when it says the
    same things as the stored one.
    """
    with transaction(db):
        if defer:
            rekey_if_owed(db)
        else:
            owed(db)
        return store_parse(db, minutes, size=size, series=series, defer=defer, replace=replace)


def store_parse(db: sqlite_utils.Database, m: "Minutes", *, size: int | None = None, series: str | None = None,
                defer: bool = False, replace: bool = False) -> SaveResult:
    """``save``'s work, inside the caller's write transaction."""
    stamp = now()
    path = m.source.path
    held = fetch(db, "SELECT m.id, m.name, m.series FROM documents d JOIN meetings m ON m.id = d.meeting_id "
                 "WHERE d.sha256 = ?", [m.source.sha256])
    if held:
        if series and held[0]["series"] != series:
            moved = _moved(db, held[0], series, stamp, defer, m.source.sha256)
            if not replace:
                return moved
        elif not replace:
            return SaveResult("unchanged", held[0]["id"], held[0]["name"], sha256=m.source.sha256)
        series = series or held[0]["series"]   # --replace: read again into the meeting it holds
    series = series or derive_series(m.meeting.title, os.path.splitext(os.path.basename(path))[0])
    key = meeting_key(series, m.meeting.date, path)
    row = db.execute("SELECT m.id, d.name FROM meetings m JOIN documents d ON d.id = m.document_id "
                     "WHERE m.key = ?", [key]).fetchone()
    name = " ".join(x for x in (m.meeting.date, series) if x)
    if row and not replace and not _same_name(db, row[0], path) and said(m) == said_stored(db, row[0]):
        meeting.save_document(db, m, size, stamp, row[0], "duplicate")
        detail = f"the same minutes as {row[1]}"
        if reading(m) != reading_stored(db, row[0]):
            detail += ("; its headings, items or questions read differently: ingest it with --replace to keep "
                       "this file's reading")
        return SaveResult("duplicate", row[0], name, detail=detail, sha256=m.source.sha256,
                          parse_warnings=list(m.warnings))
    doc_id = meeting.save_document(db, m, size, stamp)
    mt = m.meeting
    fields = {"name": name, "series": series, "title": mt.title, "subtitle": mt.subtitle,
               "date": mt.date, "start_time": mt.start_time, "end_time": mt.end_time,
               "location": mt.location, "key": key, "document_id": doc_id,
               "warnings": json.dumps(m.warnings, ensure_ascii=False), "updated_at": stamp}
    if row:
        meeting_id = row[0]
        db["meetings"].update(meeting_id, fields)
        db.execute("UPDATE documents SET role = 'older' WHERE meeting_id = ? AND id != ?", [meeting_id, doc_id])
        before = [r[0] for r in db.execute("SELECT person_id FROM attendees WHERE meeting_id = ?", [meeting_id])]
        for table in ("attendees", "items", "questions", "updates", "decisions"):
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])
    else:
        meeting_id = db["meetings"].insert({**fields, "created_at": stamp}).last_pk
        before = []
    db.execute("UPDATE documents SET meeting_id = ?, role = 'source' WHERE id = ?", [meeting_id, doc_id])
    attendees = meeting.save_attendees(db, m, meeting_id, series)
    item_ids = meeting.save_items(db, m, meeting_id)
    meeting.save_questions(db, m, meeting_id, item_ids)
    meeting.insert(db, "updates", [
        {"meeting_id": meeting_id, "item_id": item_ids.get(u.item), "item": u.item, "ref": u.ref,
         "owners": ", ".join(u.owners), "text": u.text, "status": u.status, "note": u.note,
         "due": u.due, "locator": u.where, "position": i} for i, u in enumerate(m.updates)])
    meeting.insert(db, "decisions", [
        {"meeting_id": meeting_id, "item_id": item_ids.get(d.item), "item": d.item, "text": d.text,
         "locator": d.where, "position": i} for i, d in enumerate(m.decisions)])
    added, kept, gone = save_actions(db, meeting_id, m.actions, attendees, item_ids,
                                     source=os.path.basename(path), stamp=stamp)
    if before:
        drop_orphans(db, before)   # names of the old version no attendee has now
    result = SaveResult("updated" if row else "added", meeting_id, name, actions_added=added, actions_kept=kept,
                        actions_gone=gone, sha256=m.source.sha256, parse_warnings=list(m.warnings))
    if defer:
        db.execute("INSERT OR IGNORE INTO pending_relink (series) VALUES (?)", [series])
        return result
    relink(db, series, stamp)
    return links_of(db, result)


def move(db: sqlite_utils.Database, sha256: str, series: str, *, defer: bool = False) -> SaveResult:
    """The meeting of the stored file ``sha256`` put in ``series`` (``ingest --series`` on a
    file stored in another series), in one transaction: moved, or unchanged."""
    with transaction(db):
        rekey_if_owed(db)
        held = fetch(db, "SELECT m.id, m.name, m.series FROM documents d JOIN meetings m ON m.id = d.meeting_id "
                     "WHERE d.sha256 = ?", [sha256])
        if not held:
            raise MinutesError("the file is no longer stored (forgotten meanwhile): ingest it again")
        if held[0]["series"] == series:
            return SaveResult("unchanged", held[0]["id"], held[0]["name"], sha256=sha256)
        return _moved(db, held[0], series, now(), defer, sha256)


def _same_name(db: sqlite_utils.Database, meeting_id: int, path: str) -> bool:
    """Whether a file of this name holds the meeting already: then this one is a new version of it."""
    return db.execute("SELECT 1 FROM documents WHERE meeting_id = ? AND name = ? LIMIT 1",
                      [meeting_id, os.path.basename(path)]).fetchone() is not None


def _moved(db: sqlite_utils.Database, held: dict, series: str, stamp: str, defer: bool, sha256: str) -> SaveResult:
    """A stored file ingested with another ``--series``: its meeting moved there (and logged)."""
    change = move_meeting(db, held["id"], series, stamp, defer=defer)
    record(db, change, stamp=stamp)
    name = db.execute("SELECT name FROM meetings WHERE id = ?", [held["id"]]).fetchone()[0]
    return SaveResult("moved", held["id"], name, detail=f"moved from the series {held['series']} to {series}",
                      sha256=sha256)


def log_ingest(db: sqlite_utils.Database, rows: list[dict], stamp: str, by: str | None = None) -> None:
    """One row of ``ingest_log`` per file an ingest read (path, sha256, status, meeting, detail), in one transaction."""
    if rows:
        with transaction(db):
            db["ingest_log"].insert_all([{**r, "at": stamp, "actor": by or actor()} for r in rows], batch_size=500)


def links_of(db: sqlite_utils.Database, result: SaveResult) -> SaveResult:
    """Fill in the result's linked updates and linking warnings from what is stored."""
    row = db.execute("SELECT link_warnings, (SELECT count(*) FROM updates WHERE meeting_id = m.id "
                     "AND action_id IS NOT NULL) FROM meetings m WHERE id = ?", [result.meeting_id]).fetchone()
    if row:
        result.warnings, result.updates_linked = json.loads(row[0]), row[1]
    return result


def correct(db, change, *args, by: str | None = None, note: str | None = None, dry_run: bool = False) -> Change:
    """``change(db, *args, stamp)`` in one transaction (rolled back for a dry run), and logged:
    the way each correction by hand is made.  Returns the ``Change``."""
    with transaction(db, dry_run=dry_run):
        rekey_if_owed(db)
        stamp = now()
        done = change(db, *args, stamp)
        done.dry_run = dry_run
        return record(db, done, by, note, stamp)
