"""The SQLite store: open it, shape it, save one parse in one transaction.

    >>> db = connect("minutes.db")
    >>> result = save(db, parsers.parse("minutes.md"))
    >>> result.status
    'added'

Every write is one ``BEGIN IMMEDIATE`` transaction that first creates or
migrates the schema, so that concurrent writers into a database that does
not exist yet all succeed, one after the other (WAL, 30 s busy timeout),
and then relinks any series a deferred save left owed (``relink_pending``).

Before anything is written, the file is checked to be a minutes database
(``check_schema``): an SQLite file holding other tables, or a minutes
database with a table gone, is refused rather than given tables.  A file
that cannot be written is opened read-only (``readonly=True``), so that
read commands work in a read-only folder.  Every error names the file.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Iterator

import sqlite_utils

from minutes import schema
from minutes.errors import MinutesError
from minutes.keys import derive_series, person_key
from minutes.matching import save_actions
from minutes.series import relink

if TYPE_CHECKING:  # pragma: no cover
    from parsers.records import Minutes

BUSY_TIMEOUT = 30.0


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


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def connect(path: str, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open the database at ``path`` (WAL, foreign keys on, 30 s busy timeout).

    With ``create=False`` a missing file is an error rather than a new database.
    With ``readonly`` the file is opened for reading only (and must exist); where
    SQLite cannot keep its shared-memory file beside it (a read-only folder, a
    full disk) it is read as an immutable file.  A file that is not a minutes
    database is refused before anything is written to it (``check_schema``).
    """
    path = str(path)
    if (not create or readonly) and path != ":memory:" and not os.path.exists(path):
        raise MinutesError(f"there is no database at {path} (run 'minutes ingest' first)")
    conn = _open(path, readonly)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn, execute_plugins=False)
        check_schema(db, path)
        if not readonly:
            _set_wal(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise MinutesError(describe(path, exc)) from None
    except BaseException:
        conn.close()
        raise
    db.minutes_path = path
    return db


def _open(path: str, readonly: bool) -> sqlite3.Connection:
    if not readonly or path == ":memory:":
        try:
            return sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise MinutesError(describe(path, exc, "cannot open the database")) from None
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    conn = None
    for suffix in ("", "&immutable=1"):
        try:
            conn = sqlite3.connect(uri + suffix, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            if conn is not None:
                conn.close()
            conn = None
            error = exc   # no -shm beside it can be made: read the file as it stands
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise MinutesError(describe(path, exc)) from None
    raise MinutesError(describe(path, error, "cannot open the database"))


def path_of(db: sqlite_utils.Database) -> str:
    """The file a connection from ``connect`` reads (else the main database's file)."""
    path = getattr(db, "minutes_path", None)
    if path is None:
        row = db.execute("PRAGMA database_list").fetchone()
        path = row[2] if row and row[2] else ":memory:"
    return path


def describe(path: str, exc: BaseException, doing: str = "") -> str:
    """One line for a database error, naming the file: what went wrong in words, then SQLite's own."""
    text = str(exc)
    low = text.lower()
    if ("readonly" in low or "read-only" in low or "unable to open" in low) and not writable(path):
        what = "the database is read-only here (the file or its folder cannot be written)"
    elif "locked" in low or "busy" in low:
        what = "the database is busy: another program is writing to it; try again"
    elif "disk is full" in low or "disk full" in low:
        what = "the disk is full"
    elif "readonly" in low or "read-only" in low:
        what = "the database is read-only here"
    elif "not a database" in low or "malformed" in low or "corrupt" in low:
        what = "is not a minutes database: not an SQLite file, or a damaged one"
    elif "disk i/o" in low:
        what = "the system refused to read or write the file (disk I/O error)"
    else:
        what = doing or "database error"
    return f"{path}: {what} ({text})"


def writable(path: str) -> bool:
    """Whether this process may write ``path`` and make files beside it (SQLite's -wal and -shm)."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(folder, os.W_OK) and (not os.path.exists(path) or os.access(path, os.W_OK))


def check_schema(db: sqlite_utils.Database, path: str) -> None:
    """Refuse what is not a minutes database: an SQLite file holding other
    tables, one of a newer version, or a minutes database with a table or a
    column gone (it would be re-created in another shape).  An empty file is
    a new database."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = {name: None for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")}
    if version == 0:
        if tables:
            listed = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            raise MinutesError(f"{path}: is not a minutes database (it holds other tables: {listed}); "
                               "name another file with --db")
        return
    if version > schema.VERSION:
        if "meetings" in tables and "actions" in tables:
            raise MinutesError(f"{path}: was made by a newer version of minutes (schema {version}); "
                               "upgrade minutes to read it")
        raise MinutesError(f"{path}: is not a minutes database (its schema version is {version})")
    for table, columns in schema.shape(version).items():
        if table not in tables:
            raise MinutesError(f"{path}: is not a minutes database, or was changed by hand "
                               f"(table {table} is missing)")
        found = {row[1] for row in db.execute(f"PRAGMA table_info([{table}])")}
        missing = [c for c in columns if c not in found]
        if missing:
            raise MinutesError(f"{path}: is not a minutes database, or was changed by hand "
                               f"(column {table}.{missing[0]} is missing)")


def _set_wal(conn: sqlite3.Connection) -> None:
    # Switching to WAL needs a moment alone with the file; the busy handler
    # does not always cover it, so retry within the busy timeout.
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database, *, repair: bool = True) -> Iterator[sqlite_utils.Database]:
    """One ``BEGIN IMMEDIATE`` transaction that starts by bringing the schema up to date
    and (unless ``repair`` is false) relinking the series deferred saves left owed."""
    db.execute("BEGIN IMMEDIATE")
    try:
        ensure_schema(db)
        if repair:
            relink_pending(db)
        yield db
    except BaseException:
        if db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):   # the first error is the one to tell
                db.execute("ROLLBACK")
        raise
    try:
        db.execute("COMMIT")
    except sqlite3.Error:
        if db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Apply the migrations this database has not had yet (idempotent)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != schema.VERSION:   # another process may have changed it since connect() looked
        check_schema(db, path_of(db))
    for script in schema.MIGRATIONS[version:]:
        for statement in schema.statements(script):   # not executescript: it would COMMIT first
            db.execute(statement)
    if version != schema.VERSION:
        db.execute(f"PRAGMA user_version = {schema.VERSION}")


def schema_is_current(db: sqlite_utils.Database) -> bool:
    return db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


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


def is_pending(db: sqlite_utils.Database) -> bool:
    """Whether some series is owed a relink (a deferred save was cut short)."""
    return schema_is_current(db) and db.execute("SELECT 1 FROM pending_relink LIMIT 1").fetchone() is not None


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
    with transaction(db, repair=not defer):
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
    doc_id = _save_document(db, m, size, stamp)
    mt = m.meeting
    meeting = {"name": name, "series": series, "title": mt.title, "subtitle": mt.subtitle,
               "date": mt.date, "start_time": mt.start_time, "end_time": mt.end_time,
               "location": mt.location, "key": key, "document_id": doc_id,
               "warnings": json.dumps(m.warnings, ensure_ascii=False), "updated_at": stamp}
    if row:
        meeting_id = row[0]
        db["meetings"].update(meeting_id, meeting)
        for table in ("attendees", "items", "questions", "updates", "decisions"):
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])
    else:
        meeting_id = db["meetings"].insert({**meeting, "created_at": stamp}).last_pk
    attendees = _save_attendees(db, m, meeting_id, series)
    item_ids = _save_items(db, m, meeting_id)
    _save_questions(db, m, meeting_id, item_ids)
    _insert(db, "updates", [
        {"meeting_id": meeting_id, "item_id": item_ids.get(u.item), "item": u.item, "ref": u.ref,
         "owners": ", ".join(u.owners), "text": u.text, "status": u.status, "note": u.note,
         "due": u.due, "locator": u.where, "position": i} for i, u in enumerate(m.updates)])
    _insert(db, "decisions", [
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


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    if rows:
        db[table].insert_all(rows, batch_size=500)


def _save_document(db: sqlite_utils.Database, m: "Minutes", size: int | None, stamp: str) -> int:
    doc = {"name": os.path.basename(m.source.path), "path": m.source.path, "sha256": m.source.sha256,
           "format": m.source.format, "size": size, "ingested_at": stamp}
    found = db.execute("SELECT id FROM documents WHERE sha256 = ?", [m.source.sha256]).fetchone()
    if found:
        db["documents"].update(found[0], doc)
        return found[0]
    return db["documents"].insert(doc).last_pk


def _save_attendees(db: sqlite_utils.Database, m: "Minutes", meeting_id: int, series: str) -> list[dict]:
    """Insert the attendees (one per person) and return them with their ids."""
    rows: list[dict] = []
    seen: set[int] = set()
    for position, a in enumerate(m.attendees):
        person_id = _person(db, a.name, a.initials, series, a.email)
        if person_id in seen:
            continue
        seen.add(person_id)
        rows.append({"meeting_id": meeting_id, "person_id": person_id, "name": a.name,
                     "initials": a.initials, "role": a.role, "organisation": a.organisation,
                     "status": a.status or "present", "position": position})
    _insert(db, "attendees", rows)
    ids = dict(db.execute("SELECT person_id, id FROM attendees WHERE meeting_id = ?", [meeting_id]).fetchall())
    for r in rows:
        r["id"] = ids[r["person_id"]]
    return rows


def _person(db: sqlite_utils.Database, name: str, initials: str | None, series: str,
            email: str | None = None) -> int:
    """The person with this name; or, in the same series, the same initials and first name.
    Initials and e-mail address are kept as last written."""
    key = person_key(name)
    found = db.execute("SELECT id FROM people WHERE key = ?", [key]).fetchone()
    if not found and initials and key:
        found = db.execute(
            "SELECT DISTINCT p.id FROM people p JOIN attendees a ON a.person_id = p.id "
            "JOIN meetings m ON m.id = a.meeting_id WHERE m.series = ? AND a.initials = ? "
            "AND (p.key = ? OR p.key LIKE ? ESCAPE '\\')",
            [series, initials, key.split()[0], _like_prefix(key.split()[0])]).fetchall()
        found = found[0] if len(found) == 1 else None
    if found:
        if initials:
            db.execute("UPDATE people SET initials = ? WHERE id = ?", [initials, found[0]])
        if email:
            db.execute("UPDATE people SET email = ? WHERE id = ?", [email, found[0]])
        return found[0]
    return db["people"].insert({"name": name, "initials": initials, "key": key, "email": email}).last_pk


def _like_prefix(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + " %"


def _save_items(db: sqlite_utils.Database, m: "Minutes", meeting_id: int) -> dict[str | None, int]:
    _insert(db, "items", [{"meeting_id": meeting_id, "number": it.number, "title": it.title,
                           "text": it.text, "locator": it.where, "position": i}
                          for i, it in enumerate(m.items)])
    ids: dict[str | None, int] = {}
    for item_id, number in db.execute("SELECT id, number FROM items WHERE meeting_id = ? ORDER BY position",
                                      [meeting_id]).fetchall():
        if number is not None:
            ids.setdefault(number, item_id)
    return ids


def _save_questions(db: sqlite_utils.Database, m: "Minutes", meeting_id: int,
                    item_ids: dict[str | None, int]) -> None:
    _insert(db, "questions", [
        {"meeting_id": meeting_id, "item_id": item_ids.get(q.item), "item": q.item, "asker": q.asker,
         "text": q.text, "locator": q.where, "position": i} for i, q in enumerate(m.questions)])
    qids = [r[0] for r in db.execute("SELECT id FROM questions WHERE meeting_id = ? ORDER BY position",
                                     [meeting_id]).fetchall()]
    _insert(db, "answers", [
        {"meeting_id": meeting_id, "question_id": qid, "speaker": a.by, "text": a.text, "position": j}
        for qid, q in zip(qids, m.questions) for j, a in enumerate(q.answers)])
