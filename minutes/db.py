"""The database connection: open it, check it is a minutes database, shape it.

    >>> db = connect("minutes.db")
    >>> with transaction(db):
    ...     db.execute("...")

``transaction`` is one ``BEGIN IMMEDIATE`` transaction that first creates or
migrates the schema, so that concurrent writers into a database that does
not exist yet all succeed, one after the other (WAL, 30 s busy timeout).
It does nothing else: relinking what a cut-short ingest left owed is the
store's ``repair``.

Before anything is written, the file is checked to be a minutes database
(``check_schema``): an SQLite file holding other tables, or a minutes
database with a table gone, is refused rather than given tables.  A file
that cannot be written is opened read-only (``readonly=True``), so that
read commands work in a read-only folder.  Every error names the file.
Row helpers (``fetch``, ``like_escape``) serve both the write and the read side.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import urllib.parse
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Iterator

from minutes import schema
from minutes.errors import MinutesError

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils

BUSY_TIMEOUT = 30.0


def now() -> str:
    """The time now, as stored (UTC, to the second)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def connect(path: str, create: bool = True, readonly: bool = False) -> "sqlite_utils.Database":
    """Open the database at ``path`` (WAL, foreign keys on, 30 s busy timeout).

    With ``create=False`` a missing file is an error rather than a new database.
    With ``readonly`` the file is opened for reading only (and must exist); where
    SQLite cannot keep its shared-memory file beside it (a read-only folder, a
    full disk) it is read as an immutable file.  A file that is not a minutes
    database is refused before anything is written to it (``check_schema``).
    """
    import sqlite_utils   # here, not above: the command line loads it only when it opens a database

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
def transaction(db: sqlite_utils.Database, dry_run: bool = False) -> Iterator[sqlite_utils.Database]:
    """One ``BEGIN IMMEDIATE`` transaction that starts by bringing the schema up to date.

    With ``dry_run`` everything it did is rolled back at the end: what a change
    would do is worked out by doing it, and nothing is kept."""
    db.execute("BEGIN IMMEDIATE")
    try:
        ensure_schema(db)
        yield db
    except BaseException:
        if db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):   # the first error is the one to tell
                db.execute("ROLLBACK")
        raise
    try:
        db.execute("ROLLBACK" if dry_run else "COMMIT")
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


def fetch(db, sql: str, params: list | tuple = ()) -> list[dict[str, Any]]:
    """The rows of a query as dicts, by column name."""
    cur = db.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def like_literal(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (ESCAPE '\\'), to build a pattern from."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_escape(text: str) -> str:
    """``text`` as a LIKE pattern that matches it literally anywhere (ESCAPE '\\')."""
    return "%" + like_literal(text) + "%"
