"""Databases that are not (or no longer) minutes databases are refused and left
as they were; every database error names the database file."""
from __future__ import annotations

import hashlib
import os
import pathlib
import sqlite3

import pytest
from click.testing import CliRunner
from minutes_factory import board

from minutes import store
from minutes.cli import cli
from minutes.db import connect

FIXTURE = os.path.join(os.path.dirname(__file__), os.pardir, "fixtures", "sample.txt")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def digest(path) -> str:
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def one_error(result, db: str) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("Error: ") for line in lines), result.stderr
    assert db in lines[0], lines
    return lines[0]


@pytest.fixture
def minutes_db(tmp_path) -> str:
    path = str(tmp_path / "board.db")
    db = connect(path)
    store.save(db, board())
    db.close()
    return path


def foreign(path: str, *statements: str) -> str:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("args", [["ingest", FIXTURE], ["actions"], ["meetings"], ["done", "1"], ["people"]])
def test_an_unrelated_database_is_refused_and_left_unchanged(tmp_path, args):
    db = foreign(str(tmp_path / "contacts.db"), "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
                 "INSERT INTO contacts (name) VALUES ('Ann')")
    before = digest(db)
    line = one_error(run(*args, "--db", db), db)
    assert "is not a minutes database" in line and "contacts" in line
    assert digest(db) == before and sorted(os.listdir(tmp_path)) == ["contacts.db"]


@pytest.mark.parametrize("args", [["ingest", FIXTURE], ["people"], ["actions"]])
def test_a_minutes_database_with_a_table_dropped_is_refused_not_rebuilt(minutes_db, args):
    foreign(minutes_db, "PRAGMA foreign_keys = OFF", "DROP TABLE people")
    line = one_error(run(*args, "--db", minutes_db), minutes_db)
    assert "table people is missing" in line
    with sqlite3.connect(minutes_db) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'people'").fetchone()[0] == 0
    conn.close()


def test_a_database_of_a_newer_version_is_named(minutes_db):
    foreign(minutes_db, "PRAGMA user_version = 99")
    for args in (["actions"], ["ingest", FIXTURE], ["done", "1"]):
        line = one_error(run(*args, "--db", minutes_db), minutes_db)
        assert "newer version of minutes (schema 99)" in line


def test_a_damaged_file_is_named(tmp_path):
    db = tmp_path / "board.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    for args in (["actions"], ["ingest", FIXTURE]):
        one_error(run(*args, "--db", str(db)), str(db))


def test_a_locked_database_is_named(minutes_db, monkeypatch):
    monkeypatch.setattr("minutes.db.BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(minutes_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        line = one_error(run("done", "1", "--db", minutes_db), minutes_db)
        assert "locked" in line
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_empty_file_becomes_a_new_database(tmp_path):
    db = tmp_path / "new.db"
    db.write_bytes(b"")
    result = run("ingest", FIXTURE, "--db", str(db))
    assert result.exit_code == 0, result.output
