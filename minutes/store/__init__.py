"""The write side: save a parse, change a status, repair what a crash left.

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
``set_status`` changes one action by hand and walks no series.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutes.db import now, schema_is_current, transaction
from minutes.store import meeting
from minutes.store.actions import actor, save_actions, set_status
from minutes.store.links import relink
from minutes.tracking.keys import derive_series

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils

    from parsers.records import Minutes

__all__ = ["SaveResult", "save", "links_of", "set_status", "actor", "repair", "needs_repair", "relink_pending",
           "meeting_key"]


@dataclass
class SaveResult:
    status: str                      # added, updated or unchanged
    meeting_id: int
    meeting: str                     # the meeting's name, e.g. "2015-12-09 ICAT Steering Group"
    actions_added: int = 0
    actions_kept: int = 0
    actions_gone: list[tuple[int, str]] = field(default_factory=list)   # (id, text) no longer in the minutes
    updates_linked: int = 0          # updates on earlier actions linked to them
    warnings: list[str] = field(default_factory=list)   # from linking this meeting's updates


def repair(db: sqlite_utils.Database) -> list[str]:
    """Bring the database up to date in one transaction: the schema migrated, and
    every series owed a relink (by deferred saves, or an ingest cut short) relinked.

    Returns the series relinked."""
    with transaction(db):
        return relink_pending(db)


def needs_repair(db: sqlite_utils.Database) -> bool:
    """Whether ``repair`` has anything to do: a migration, or a series owed a relink."""
    return not schema_is_current(db) or db.execute("SELECT 1 FROM pending_relink LIMIT 1").fetchone() is not None


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


def meeting_key(series: str, date: str | None, path: str) -> str:
    """Same series and date: the same meeting.  Undated minutes are keyed by file name."""
    return f"{series}|{date}" if date else f"{series}|file:{os.path.basename(path)}"


def save(db: sqlite_utils.Database, minutes: "Minutes", *, size: int | None = None,
         series: str | None = None, defer: bool = False) -> SaveResult:
    """Store one parse in one transaction: added, updated (a corrected version) or unchanged.

    The meeting's series is relinked in the same transaction; with ``defer``
    it is only marked owed (``pending_relink``), for ``relink_pending`` once
    per batch, and the result carries no warnings or linked updates yet.
    """
    with transaction(db):
        if not defer:
            relink_pending(db)
        return _save(db, minutes, size, series, defer)


def _save(db: sqlite_utils.Database, m: "Minutes", size: int | None, series: str | None,
          defer: bool = False) -> SaveResult:
    stamp = now()
    path = m.source.path
    series = series or derive_series(m.meeting.title, os.path.splitext(os.path.basename(path))[0])
    key = meeting_key(series, m.meeting.date, path)
    row = db.execute("SELECT m.id, d.sha256 FROM meetings m JOIN documents d ON d.id = m.document_id "
                     "WHERE m.key = ?", [key]).fetchone()
    name = " ".join(x for x in (m.meeting.date, series) if x)
    if row and row[1] == m.source.sha256:
        return SaveResult("unchanged", row[0], name)
    doc_id = meeting.save_document(db, m, size, stamp)
    mt = m.meeting
    record = {"name": name, "series": series, "title": mt.title, "subtitle": mt.subtitle,
               "date": mt.date, "start_time": mt.start_time, "end_time": mt.end_time,
               "location": mt.location, "key": key, "document_id": doc_id,
               "warnings": json.dumps(m.warnings, ensure_ascii=False), "updated_at": stamp}
    if row:
        meeting_id = row[0]
        db["meetings"].update(meeting_id, record)
        for table in ("attendees", "items", "questions", "updates", "decisions"):
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])
    else:
        meeting_id = db["meetings"].insert({**record, "created_at": stamp}).last_pk
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
    result = SaveResult("updated" if row else "added", meeting_id, name, added, kept, gone)
    if defer:
        db.execute("INSERT OR IGNORE INTO pending_relink (series) VALUES (?)", [series])
        return result
    relink(db, series, stamp)
    return links_of(db, result)


def links_of(db: sqlite_utils.Database, result: SaveResult) -> SaveResult:
    """Fill in the result's linked updates and linking warnings from what is stored."""
    row = db.execute("SELECT link_warnings, (SELECT count(*) FROM updates WHERE meeting_id = m.id "
                     "AND action_id IS NOT NULL) FROM meetings m WHERE id = ?", [result.meeting_id]).fetchone()
    if row:
        result.warnings, result.updates_linked = json.loads(row[0]), row[1]
    return result
