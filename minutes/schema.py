"""The database shape, declared once.  Over 300 lines: every released migration
stays here as it was written (a database of any age is brought up to date by them).

``MIGRATIONS[n]`` takes a database from ``user_version`` n to n + 1; the
store applies the missing ones inside the writer's transaction.  Plain
tables with a ``name`` or ``title`` label column, explicit foreign keys with
an index on each, and external-content FTS5 tables named ``<table>_fts``
(the convention sqlite-utils and Datasette detect).
"""
from __future__ import annotations

import functools
import sqlite3

TABLES = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT,
    size INTEGER,
    ingested_at TEXT NOT NULL
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    series TEXT NOT NULL,
    title TEXT,
    subtitle TEXT,
    date TEXT,
    start_time TEXT,
    end_time TEXT,
    location TEXT,
    key TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    warnings TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    initials TEXT,
    key TEXT NOT NULL UNIQUE
);
CREATE TABLE attendees (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    initials TEXT,
    role TEXT,
    organisation TEXT,
    status TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (meeting_id, person_id)
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    number TEXT,
    title TEXT,
    text TEXT,
    locator TEXT,
    position INTEGER NOT NULL
);
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    asker TEXT,
    text TEXT NOT NULL,
    locator TEXT,
    position INTEGER NOT NULL
);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    speaker TEXT,
    text TEXT,
    position INTEGER NOT NULL
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    owners TEXT NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    due TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    minutes_status TEXT NOT NULL,
    in_minutes INTEGER NOT NULL DEFAULT 1,
    ref TEXT,
    locator TEXT,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE action_owners (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    written TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id),
    attendee_id INTEGER REFERENCES attendees(id) ON DELETE SET NULL,
    all_attendees INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL
);
CREATE TABLE action_events (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    at TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('created', 'done', 'reopened', 'dropped', 'note', 'edited')),
    actor TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('minutes', 'hand')),
    note TEXT
);
CREATE TABLE updates (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    ref TEXT,
    owners TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT,
    note TEXT,
    due TEXT,
    locator TEXT,
    position INTEGER NOT NULL
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    text TEXT NOT NULL,
    locator TEXT,
    position INTEGER NOT NULL
);
"""

INDEXES = {
    "meetings": ["document_id", "series, date", "date"],
    "attendees": ["meeting_id", "person_id"],
    "items": ["meeting_id"],
    "questions": ["meeting_id", "item_id"],
    "answers": ["meeting_id", "question_id"],
    "actions": ["meeting_id", "item_id", "status", "due"],
    "action_owners": ["action_id", "meeting_id", "person_id, action_id", "written", "attendee_id"],
    "action_events": ["action_id", "meeting_id"],
    "updates": ["meeting_id", "item_id"],
    "decisions": ["meeting_id", "item_id"],
}

# table -> the columns searched in full text
SEARCHED = {
    "items": ["title", "text"],
    "questions": ["text"],
    "answers": ["text"],
    "actions": ["text", "owners"],
    "decisions": ["text"],
}


def _index_sql() -> str:
    out = []
    for table, columns in INDEXES.items():
        for cols in columns:
            name = f"idx_{table}_" + "_".join(c.strip() for c in cols.split(","))
            out.append(f"CREATE INDEX {name} ON {table} ({cols});")
    return "\n".join(out)


def _fts_sql() -> str:
    out = []
    for table, cols in SEARCHED.items():
        col_list = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        out.append(f"""
CREATE VIRTUAL TABLE {table}_fts USING FTS5 ({col_list}, content="{table}", content_rowid="id");
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {table}_fts (rowid, {col_list}) VALUES (new.id, {new});
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
  INSERT INTO {table}_fts ({table}_fts, rowid, {col_list}) VALUES ('delete', old.id, {old});
END;
CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN
  INSERT INTO {table}_fts ({table}_fts, rowid, {col_list}) VALUES ('delete', old.id, {old});
  INSERT INTO {table}_fts (rowid, {col_list}) VALUES (new.id, {new});
END;""")
    return "\n".join(out)


# Actions across the meetings of a series (minutes.tracking.series): an action re-issued
# by a later meeting points at the action it carries forward; an update row
# points at the action it reports on, with how it was matched; events carry the
# day they happened (``on_date``: the meeting's date for what its minutes say,
# else the day it was recorded - a person's change, a corrected version) and
# ``derived`` marks the events the series recomputes from the minutes.
SERIES = """
ALTER TABLE actions ADD COLUMN due_text TEXT;
ALTER TABLE actions ADD COLUMN carried_from INTEGER REFERENCES actions(id) ON DELETE SET NULL;
CREATE INDEX idx_actions_carried_from ON actions (carried_from);
CREATE INDEX idx_actions_ref ON actions (ref);
ALTER TABLE updates ADD COLUMN action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL;
ALTER TABLE updates ADD COLUMN matched_by TEXT;
ALTER TABLE updates ADD COLUMN confidence REAL;
CREATE INDEX idx_updates_action_id ON updates (action_id);
ALTER TABLE action_events ADD COLUMN on_date TEXT;
ALTER TABLE action_events ADD COLUMN derived INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idx_action_events_on_date ON action_events (on_date);
ALTER TABLE meetings ADD COLUMN link_warnings TEXT NOT NULL DEFAULT '[]';
UPDATE actions SET due_text = due;
UPDATE action_events SET on_date = CASE WHEN event = 'created'
    THEN (SELECT m.date FROM meetings m WHERE m.id = action_events.meeting_id) END;
UPDATE action_events SET on_date = substr(at, 1, 10) WHERE on_date IS NULL;
"""

# Indexes for one owner's list (``queries.outstanding(owner=...)``): owners are
# matched case-insensitively on what was written and on attendees' initials.
OWNER_INDEXES = """
CREATE INDEX idx_action_owners_lower_written ON action_owners (lower(written));
CREATE INDEX idx_attendees_lower_initials ON attendees (lower(initials));
"""

# Series whose links are owed (``store.save(..., defer=True)``): a batch of
# documents is stored one transaction each, and each series it touched is
# relinked once at the end; a crash in between leaves the series named here,
# and the next write relinks it first.
PENDING = """
CREATE TABLE pending_relink (series TEXT PRIMARY KEY);
"""

# A person's e-mail address, where an attendee list gives one ("Mallory Doe <md@x.org>").
EMAIL = """
ALTER TABLE people ADD COLUMN email TEXT;
"""

# An e-mail address set by hand ('minutes people set-email'), which no minutes override.
EMAIL_BY_HAND = """
ALTER TABLE people ADD COLUMN email_by_hand INTEGER NOT NULL DEFAULT 0;
"""

# Corrections by hand, and what each file holds:
# - ``documents.meeting_id`` and ``role``: the meeting a file holds, as its
#   ``source``, a ``duplicate`` (the same minutes in another file or format) or an
#   ``older`` version, so that every file of a meeting is known and re-ingesting
#   it changes nothing;
# - ``people.by_hand``: a name or initials set by hand, which ingest keeps;
# - ``person_names``: the names a person is known by in a series (people are
#   matched only within a series unless merged by hand, ``by_hand``); the keys are
#   worked out again by the store (``pending_rekey``: the titles of
#   ``parsers.vocabulary`` and the series rule are not SQL);
# - ``action_edits``: an action's text, owners, due date or item set by hand,
#   which no version of its minutes overrides;
# - ``changes``: the audit log, one row per correction (who, when, what);
# - ``ingest_log``: one row per file each ingest read, whatever it found.
CORRECTIONS = """
ALTER TABLE documents ADD COLUMN meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN role TEXT CHECK (role IN ('source', 'duplicate', 'older'));
CREATE INDEX idx_documents_meeting_id ON documents (meeting_id);
UPDATE documents SET meeting_id = (SELECT m.id FROM meetings m WHERE m.document_id = documents.id
    ORDER BY m.updated_at DESC, m.id DESC LIMIT 1);
UPDATE documents SET role = 'source' WHERE meeting_id IS NOT NULL;
ALTER TABLE people ADD COLUMN by_hand INTEGER NOT NULL DEFAULT 0;
CREATE TABLE person_names (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    series TEXT NOT NULL,
    key TEXT NOT NULL,
    by_hand INTEGER NOT NULL DEFAULT 0,
    UNIQUE (series, key)
);
CREATE INDEX idx_person_names_person_id ON person_names (person_id);
CREATE TABLE pending_rekey (what TEXT PRIMARY KEY);
INSERT INTO pending_rekey (what) VALUES ('people');
CREATE TABLE action_edits (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    field TEXT NOT NULL CHECK (field IN ('text', 'owners', 'due', 'item')),
    value TEXT,
    was TEXT,
    at TEXT NOT NULL,
    on_date TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT
);
CREATE INDEX idx_action_edits_action_id ON action_edits (action_id);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    command TEXT NOT NULL,
    target TEXT NOT NULL,
    summary TEXT NOT NULL,
    note TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_changes_at ON changes (at);
CREATE TABLE ingest_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    meeting TEXT,
    detail TEXT
);
CREATE INDEX idx_ingest_log_meeting_id ON ingest_log (meeting_id);
"""

# Each entry is one migration script; never edit a released one, append.
MIGRATIONS: list[str] = [TABLES + _index_sql() + _fts_sql(), SERIES, OWNER_INDEXES, PENDING, EMAIL, EMAIL_BY_HAND,
                         CORRECTIONS]
VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """The statements of a migration script, one by one (a trigger's body is one)."""
    out, buf = [], ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out


@functools.lru_cache(maxsize=None)
def shape(version: int) -> dict[str, tuple[str, ...]]:
    """The tables (with their columns) that a database at ``version`` has: the
    migrations up to it, applied to an empty database in memory (without the
    indexes, triggers and full-text tables, which add no column: those are
    named with their content table's columns)."""
    conn = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            for statement in statements(script):
                if not statement.upper().startswith(("CREATE INDEX", "CREATE TRIGGER", "CREATE VIRTUAL")):
                    conn.execute(statement)
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {n: tuple(r[1] for r in conn.execute(f"PRAGMA table_info([{n}])")) for n in names}
    finally:
        conn.close()
    if version:
        out.update({f"{table}_fts": tuple(columns) for table, columns in SEARCHED.items()})
    return out
