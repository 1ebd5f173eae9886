"""The store: schema, one transaction per document, stable keys across versions."""
from __future__ import annotations

import multiprocessing
import sqlite3

import pytest
import sqlite_utils
from minutes_factory import board

from minutes import queries, schema, store
from minutes.tracking.keys import derive_series
from parsers.records import Action
from minutes.db import connect, transaction

TABLES = ["documents", "meetings", "people", "attendees", "items", "questions", "answers", "actions",
          "action_owners", "action_events", "updates", "decisions"]


@pytest.fixture
def db(tmp_path):
    database = connect(str(tmp_path / "m.db"))
    yield database
    database.close()


def counts(db) -> dict[str, int]:
    return {t: db[t].count for t in TABLES}


def test_schema_tables_keys_indexes_and_fts(db):
    with transaction(db):
        pass
    names = set(db.table_names())
    assert set(TABLES) <= names
    for t in ["items", "questions", "answers", "actions", "decisions"]:
        assert db[t].detect_fts() == f"{t}_fts"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    fks = {(fk.column, fk.other_table) for fk in db["action_owners"].foreign_keys}
    assert {("action_id", "actions"), ("person_id", "people"), ("meeting_id", "meetings")} <= fks
    for t in TABLES[3:]:
        assert "meeting_id" in db[t].columns_dict
    indexed = {tuple(i.columns) for i in db["action_owners"].indexes}
    assert ("person_id", "action_id") in indexed
    assert ("status",) in {tuple(i.columns) for i in db["actions"].indexes}


def test_ensure_schema_is_idempotent(db):
    for _ in range(2):
        with transaction(db):
            pass
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def test_save_stores_every_part(db):
    result = store.save(db, board(), size=123)
    assert result.status == "added"
    assert result.meeting == "2015-01-20 Delivery Group"
    c = counts(db)
    assert c["documents"] == 1 and c["meetings"] == 1 and c["attendees"] == 3 and c["people"] == 3
    assert c["items"] == 2 and c["questions"] == 1 and c["answers"] == 1 and c["actions"] == 3
    assert c["decisions"] == 1 and c["updates"] == 1
    assert c["action_events"] == 3  # one 'created' each
    meeting = next(db["meetings"].rows)
    assert meeting["series"] == "Delivery Group" and meeting["location"] == "Town Hall"
    assert next(db["documents"].rows)["size"] == 123


def test_owners_resolved_to_attendees_unknown_kept_all_expanded(db):
    store.save(db, board())
    rows = {r["text"][:4]: r for r in queries.outstanding(db)}
    assert rows["Get "]["owners"] == [{"name": None, "initials": "PG", "person_id": None}]
    assert [o["initials"] for o in rows["Circ"]["owners"]] == ["DP", "SMcB"]
    assert rows["Circ"]["owners"][0]["name"] == "Daxa Pancholi"
    all_rows = db.execute("SELECT count(*) FROM action_owners WHERE all_attendees = 1").fetchone()[0]
    assert all_rows == 2  # the two present attendees, not the one who sent apologies
    assert rows["Read"]["owners"] == [{"name": "All attendees", "initials": "All", "person_id": None, "all": True}]


def test_same_document_twice_changes_nothing(db):
    store.save(db, board())
    before = counts(db)
    assert store.save(db, board()).status == "unchanged"
    assert counts(db) == before


def test_corrected_version_keeps_status_and_history(db):
    store.save(db, board())
    pg = queries.outstanding(db, owner="PG")[0]
    store.set_status(db, pg["id"], "done", note="sent", by="chair")
    corrected = board(sha="v2", actions=[
        Action("4", ["PG"], "Get further information on the financial standing of consortiums"),
        Action("4", ["DP", "SMcB"], "Circulate the market position statement", due="2015-02-01"),
    ])
    result = store.save(db, corrected)
    assert result.status == "updated" and result.actions_kept == 2 and result.actions_added == 0
    assert [text for _, text in result.actions_gone] == ["Read the tender pack before the next meeting"]
    again = queries.get_action(db, pg["id"])
    assert again["status"] == "done"
    assert again["text"].startswith("Get further information on the financial")
    events = [e["event"] for e in queries.history(db, pg["id"])]
    assert events == ["created", "done", "edited"]
    gone = queries.outstanding(db, status="dropped")
    assert len(gone) == 1 and not gone[0]["in_minutes"]
    assert queries.history(db, gone[0]["id"])[-1]["note"] == "no longer in the minutes"
    assert db["meetings"].count == 1 and db["documents"].count == 2 and db["actions"].count == 3
    assert db["attendees"].count == 3 and db["people"].count == 3


def test_action_back_in_the_minutes_is_reopened(db):
    store.save(db, board())
    store.save(db, board(sha="v2", actions=[]))
    assert queries.outstanding(db) == []
    store.save(db, board(sha="v3"))
    assert len(queries.outstanding(db)) == 3
    assert db["actions"].count == 3


def test_same_person_across_meetings_is_one_person(db):
    store.save(db, board())
    later = board(sha="later", date="2015-02-20")
    later.attendees[0].name = "Dr Daxa Pancholi"
    store.save(db, later)
    assert db["meetings"].count == 2
    assert db["people"].count == 3
    assert db["attendees"].count == 6


def test_failure_leaves_nothing_behind(db, monkeypatch):
    """Even the schema is part of the transaction; a failure halfway leaves no row."""
    import minutes.store as module

    def broken(*args, **kwargs):
        raise sqlite3.IntegrityError("boom")

    with transaction(db):
        pass
    monkeypatch.setattr(module, "save_actions", broken)
    with pytest.raises(sqlite3.IntegrityError):
        store.save(db, board())
    assert all(n == 0 for n in counts(db).values())
    assert not db.conn.in_transaction


def test_series_override_and_undated_meetings(db):
    store.save(db, board(date=None), series="Board")
    store.save(db, board(sha="other", date=None, path="other.md"), series="Board")
    assert [m["key"] for m in db["meetings"].rows] == ["Board|file:board.md", "Board|file:other.md"]


@pytest.mark.parametrize("title, series", [
    ("ICAT Steering Group Meeting #3", "ICAT Steering Group"),
    ("DSF Board monthly meeting, February 8, 2024", "DSF Board monthly meeting"),
    ("Minutes of the Finance Committee, 8th March 2023", "Finance Committee"),
    ("Publishing Working Group Telco — Minutes", "Publishing Working Group Telco"),
    ("Board meeting 2023-01-05", "Board meeting"),
    ("MINUTES MEETING #5", "Minutes"),
])
def test_derive_series(title, series):
    assert derive_series(title) == series


def _ingest_one(args):
    path, n = args
    database = connect(path)
    try:
        return store.save(database, board(sha=f"c{n}", date=f"2015-01-{n + 1:02d}")).status
    finally:
        database.close()


def test_eight_concurrent_writers_into_a_new_database(tmp_path):
    path = str(tmp_path / "new.db")
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(8) as pool:
        statuses = pool.map(_ingest_one, [(path, n) for n in range(8)])
    assert statuses == ["added"] * 8
    with sqlite_utils.Database(path) as database:
        assert database["meetings"].count == 8
        assert database["actions"].count == 24
