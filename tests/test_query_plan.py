"""The chair's queries use indexes (EXPLAIN QUERY PLAN on a small database).

bench/run.py times them on 1,000,000 actions; here the plan is checked, so
that a change to the SQL or the schema that falls back to a scan fails fast.
"""
from __future__ import annotations

import pytest

from minutes import queries
from minutes.db import connect, transaction

STAMP = "2024-01-01T00:00:00+00:00"


@pytest.fixture
def db(tmp_path):
    db = connect(str(tmp_path / "q.db"))
    with transaction(db):
        pass
    c = db.conn
    c.execute("BEGIN")
    c.executemany("INSERT INTO people (id, name, initials, key) VALUES (?, ?, ?, ?)",
                  [(p, f"Person {p}", f"P{p}", f"person {p}") for p in range(1, 21)])
    for m in range(1, 31):
        c.execute("INSERT INTO documents (id, name, path, sha256, ingested_at) VALUES (?, ?, ?, ?, ?)",
                  [m, f"{m}.docx", f"{m}.docx", f"{m:064x}", STAMP])
        c.execute("INSERT INTO meetings (id, name, series, date, key, document_id, created_at, updated_at) "
                  "VALUES (?, ?, 'Board', ?, ?, ?, ?, ?)", [m, f"Board {m}", f"2020-01-{m:02d}", f"Board|{m}", m,
                                                           STAMP, STAMP])
        for p in range(1, 21):
            c.execute("INSERT INTO attendees (id, meeting_id, person_id, name, initials, status, position) "
                      "VALUES (?, ?, ?, ?, ?, 'present', ?)", [m * 100 + p, m, p, f"Person {p}", f"P{p}", p])
        for k in range(20):
            aid = m * 100 + k
            c.execute("INSERT INTO actions (id, meeting_id, owners, text, key, status, minutes_status, position, "
                      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [aid, m, f"P{k + 1}", f"task {aid}", f"k{aid}", "open" if k < 2 else "done", "open", k,
                       STAMP, STAMP])
            c.execute("INSERT INTO action_owners (action_id, meeting_id, written, person_id, attendee_id, position) "
                      "VALUES (?, ?, ?, ?, ?, 0)", [aid, m, f"P{k + 1}", k + 1, m * 100 + k + 1])
    c.execute("COMMIT")
    c.execute("ANALYZE")
    yield db
    db.close()


def plan_of(db, call) -> str:
    """The query plan of the SELECT on actions that ``call`` runs."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        db.conn.set_trace_callback(None)
    sql = next(s for s in seen if s.lstrip().upper().startswith("SELECT") and "FROM actions a" in s)
    return "\n".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())


def test_one_owners_list_is_found_through_indexes(db):
    plan = plan_of(db, lambda: queries.outstanding(db, owner="p3"))
    assert "idx_action_owners_lower_written" in plan
    assert "idx_attendees_lower_initials" in plan
    assert "idx_action_owners_person_id_action_id" in plan
    for table in ("action_owners", "attendees", "actions", "a"):
        assert f"SCAN {table}\n" not in plan + "\n", plan


def test_one_owners_list_finds_written_initials_and_names(db):
    assert {r["id"] for r in queries.outstanding(db, owner="p1")} == {m * 100 for m in range(1, 31)}
    assert {r["id"] for r in queries.outstanding(db, owner="Person 2")} == {m * 100 + 1 for m in range(1, 31)}
    assert queries.outstanding(db, owner="nobody") == []


def test_open_actions_are_never_a_scan_of_every_action(db):
    # SQLite may start from the status index or walk meetings by date (no sort);
    # either way the actions table itself is searched through an index
    plan = plan_of(db, lambda: queries.outstanding(db))
    assert "SEARCH a USING INDEX" in plan or "SEARCH a USING COVERING INDEX" in plan, plan
    assert "SCAN a\n" not in plan + "\n", plan
