"""Re-ingest is idempotent and says so: the same files again report 'unchanged' and leave the
database byte-identical apart from its ingest log; the same minutes in several files keep
one source, whatever the order; an existing database made before all this keeps working."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes import schema
from minutes.cli import cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
OLD = Path(__file__).resolve().parent / "data" / "minutes-schema5.sql"


def run(*args: str, db: str, ok: bool = True):
    result = CliRunner().invoke(cli, [*args, "--db", db], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def rows(db: str, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def without_ingest_log(db: str, into: Path) -> bytes:
    """The database's bytes with its ingest log emptied: a copy, vacuumed (its pages laid out afresh)."""
    copy = into.with_suffix(".copy.db")
    shutil.copyfile(db, copy)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db + suffix):
            shutil.copyfile(db + suffix, str(copy) + suffix)
    conn = sqlite3.connect(copy)
    conn.execute("DELETE FROM ingest_log")
    conn.commit()
    conn.execute(f"VACUUM INTO '{into}'")
    conn.close()
    return into.read_bytes()


def dump(db: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [line for line in conn.iterdump() if "ingest_log" not in line]
    finally:
        conn.close()


@pytest.fixture
def fixtures(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "fixtures", ignore=shutil.ignore_patterns("*.py", "*.json"))
    return tmp_path / "fixtures"


def test_reingesting_the_fixtures_reports_every_file_unchanged_and_changes_no_byte_but_the_log(fixtures, tmp_path):
    db = str(tmp_path / "minutes.db")
    first = json.loads(run("ingest", str(fixtures), "--json", db=db).stdout)
    n = len(first["files"])
    assert n == len(list(fixtures.rglob("*.*"))) and first["summary"]["failed"] == 0
    assert first["summary"]["duplicate"] == 3          # the sample as text, Word, web page and PDF: one meeting
    before_dump, before = dump(db), without_ingest_log(db, tmp_path / "before.db")
    log_before = rows(db, "SELECT count(*) FROM ingest_log")[0][0]
    for _ in range(2):
        again = run("ingest", str(fixtures), db=db)
        lines = again.stdout.splitlines()
        assert all(line.startswith("unchanged  ") for line in lines[:-1]) and len(lines) == n + 1
        assert lines[-1] == f"{n} files: 0 added, 0 updated, {n} unchanged, 0 failed"
    assert dump(db) == before_dump
    assert without_ingest_log(db, tmp_path / "after.db") == before
    # ...and the ingest log has one row per file per run, each with what it found
    assert rows(db, "SELECT count(*) FROM ingest_log")[0][0] == log_before + 2 * n
    assert rows(db, "SELECT DISTINCT status FROM ingest_log WHERE id > ?", [log_before]) == [("unchanged",)]
    assert "unchanged" in run("history", "--ingests", "--limit", "1", db=db).stdout


@pytest.mark.parametrize("order", [["sample-web.html", "sample.txt", "sample-word.docx", "sample-word.pdf"],
                                   ["sample-word.pdf", "sample-word.docx", "sample.txt", "sample-web.html"]])
def test_the_same_minutes_in_several_files_keep_one_stable_source(fixtures, tmp_path, order):
    db = str(tmp_path / "m.db")
    statuses = [json.loads(run("ingest", str(fixtures / name), "--json", db=db).stdout)["files"][0]["status"]
                for name in order]
    assert statuses == ["added", "duplicate", "duplicate", "duplicate"]
    source = rows(db, "SELECT d.name FROM meetings m JOIN documents d ON d.id = m.document_id")
    assert source == [(order[0],)]
    assert rows(db, "SELECT count(*), count(DISTINCT meeting_id) FROM documents") == [(4, 1)]
    for name in reversed(order):
        assert json.loads(run("ingest", str(fixtures / name), "--json", db=db).stdout)["files"][0]["status"] \
            == "unchanged"
    assert rows(db, "SELECT d.name FROM meetings m JOIN documents d ON d.id = m.document_id") == source
    assert rows(db, "SELECT count(*) FROM actions") == [(1,)]


def test_a_duplicate_that_reads_differently_says_so_and_replace_makes_it_the_source(fixtures, tmp_path):
    db = str(tmp_path / "m.db")
    run("ingest", str(fixtures / "sample-word.docx"), db=db)
    result = run("ingest", str(fixtures / "sample-word.pdf"), db=db)
    assert "duplicate" in result.stdout and "the same minutes as sample-word.docx" in result.stdout
    assert "read differently: ingest it with --replace" in result.stdout
    action = rows(db, "SELECT id, locator FROM actions")[0]
    result = run("ingest", str(fixtures / "sample-word.pdf"), "--replace", db=db)
    assert result.stdout.startswith("updated") and "1 kept" in result.stdout
    assert rows(db, "SELECT d.name FROM meetings m JOIN documents d ON d.id = m.document_id") == [("sample-word.pdf",)]
    after = rows(db, "SELECT id, locator FROM actions")[0]
    assert after[0] == action[0] and after[1] != action[1] and after[1].startswith("page")


def load_old(path: str) -> None:
    """A database of schema version 5, as the release before corrections left it."""
    conn = sqlite3.connect(path)
    for script in schema.MIGRATIONS[:5]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 5")
    conn.executescript(OLD.read_text(encoding="utf-8"))
    conn.commit()
    conn.close()


def test_an_existing_database_is_upgraded_and_keeps_working(fixtures, tmp_path):
    db = str(tmp_path / "old.db")
    load_old(db)
    assert rows(db, "SELECT count(*) FROM people WHERE name = 'Councillor Ann Lee'") == [(1,)]   # one, two bodies
    listed = run("actions", "--json", db=db)      # a read command brings it up to date
    assert rows(db, "PRAGMA user_version") == [(schema.VERSION,)]
    assert rows(db, "SELECT count(*) FROM pending_rekey") == [(0,)]
    assert 1 not in [a["id"] for a in json.loads(listed.stdout)]          # still done, as set by hand
    life = json.loads(run("history", "1", "--json", db=db).stdout)
    assert [(e["event"], e["actor"], e["note"]) for e in life["history"] if e["source"] == "hand"] == [
        ("done", "chair", "figures sent")]
    # People are now matched within a series: the one Ann Lee of two bodies is two people, each
    # with her own attendance, and every attendee has a name in their meeting's series.
    lees = rows(db, "SELECT DISTINCT p.id, m.series FROM people p JOIN attendees a ON a.person_id = p.id "
                    "JOIN meetings m ON m.id = a.meeting_id WHERE p.name LIKE '%Ann Lee' ORDER BY p.id")
    assert [s for _, s in lees] == ["Meeting of the Planning Committee", "Residents' Forum"]
    assert len({p for p, _ in lees}) == 2
    assert rows(db, "SELECT count(*) FROM attendees a JOIN meetings m ON m.id = a.meeting_id WHERE NOT EXISTS "
                    "(SELECT 1 FROM person_names n WHERE n.person_id = a.person_id AND n.series = m.series)") == [(0,)]
    assert rows(db, "SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM attendees a "
                    "WHERE a.person_id = p.id)") == [(0,)]
    assert json.loads(run("actions", "--owner", "ann lee", "--json", db=db).stdout)[0]["text"] == \
        "Publish the opening hours"
    # Re-ingest: the files the old database had lost track of are duplicates once, then unchanged
    # (one fixture is newer than the old database: it is added, once).
    files = json.loads(run("ingest", str(fixtures), "--json", db=db).stdout)["files"]
    assert {f["path"].rsplit("/", 1)[1] for f in files if f["status"] == "added"} <= {"steering-group-2018-11.md"}
    assert [f["path"].rsplit("/", 1)[1] for f in files if f["status"] == "duplicate"] == [
        "sample-web.html", "sample-word.docx", "sample-word.pdf"]
    assert not [f for f in files if f["status"] in ("updated", "failed")]
    summary = json.loads(run("ingest", str(fixtures), "--json", db=db).stdout)["summary"]
    assert summary["unchanged"] == len(files)
    # The meeting the old README's '--series' step stored twice: forget the copy, move the other.
    twice = rows(db, "SELECT id, series FROM meetings WHERE date = '2019-03-14' ORDER BY id")
    assert [s for _, s in twice] == ["Harbour Data Steering Committee", "Harbour Data"]
    result = run("forget", str(twice[1][0]), db=db)
    assert "kept: steering-group.md, which another meeting holds too" in result.stdout
    result = run("ingest", str(fixtures / "styles" / "steering-group.md"), "--series", "Harbour Data", db=db)
    assert result.stdout.startswith("moved")
    assert rows(db, "SELECT id, series FROM meetings WHERE date = '2019-03-14'") == [(twice[0][0], "Harbour Data")]
    run("people", db=db)
    run("series", db=db)
    run("history", db=db)


def test_an_old_read_only_database_is_refused_in_one_line(tmp_path):
    db = str(tmp_path / "old.db")
    load_old(db)
    os.chmod(db, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        if os.access(db, os.W_OK):
            pytest.skip("this user can write a read-only file (root)")
        result = run("actions", db=db, ok=False)
        assert result.exit_code == 1 and result.stderr.count("\n") == 1
        assert "must be upgraded by a command that can write to it" in result.stderr
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(db, 0o644)
