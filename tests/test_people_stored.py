"""Names and e-mail addresses as stored and shown: the people table keeps each
person's address; names in any script are stored as written (NFC, joiners
kept); a right-to-left override is stored as written and shown visibly, never
obeyed, on a terminal and escaped in JSON."""
from __future__ import annotations

import json
import os
import sqlite3
import unicodedata

import pytest
from click.testing import CliRunner

from minutes import schema
from minutes.cli import cli
from minutes.db import connect, transaction

RLO = "\u202e"
MD = """# Harbour Board

Date: 4 June 2024

## Present

| Name | Initials |
| --- | --- |
| Mallory Doe <mallory.doe@example.org> | MD |
| {persian} | PK |
| {decomposed} | RD |
| Eve {rlo}gpj.exe{pdf} Lund | EL |

## 1. Moorings

Action: MD to renew the mooring licences.
""".format(persian="پریسا\u200cکاظمی", decomposed=unicodedata.normalize("NFD", "Renée Doré"), rlo=RLO,
           pdf="\u202c")


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "minutes.md"
    path.write_text(MD, encoding="utf-8")
    db = str(tmp_path / "m.db")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def run(*args: str, db: str):
    result = CliRunner().invoke(cli, [*args, "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def people_rows(db: str) -> dict[str, tuple]:
    with sqlite3.connect(db) as conn:
        rows = {r[0]: r[1:] for r in conn.execute("SELECT name, initials, email FROM people")}
    conn.close()
    return rows


def test_the_people_table_stores_the_email_address(db_path):
    assert people_rows(db_path)["Mallory Doe"] == ("MD", "mallory.doe@example.org")
    mallory = [p for p in json.loads(run("people", "--json", db=db_path)) if p["name"] == "Mallory Doe"][0]
    assert mallory["email"] == "mallory.doe@example.org"
    assert "mallory.doe@example.org" in run("people", db=db_path)


def test_names_are_stored_as_written_in_nfc_with_their_joiners(db_path):
    names = people_rows(db_path)
    assert "پریسا\u200cکاظمی" in names and "Renée Doré" in names
    assert "پریسا\u200cکاظمی" in run("people", db=db_path)   # the joiner is not stripped on output either


def test_a_right_to_left_override_is_stored_as_written_and_shown_visibly(db_path):
    stored = [n for n in people_rows(db_path) if n.startswith("Eve")][0]
    assert stored == f"Eve {RLO}gpj.exe\u202c Lund"
    shown = run("people", db=db_path)
    assert RLO not in shown and "Eve [U+202E]gpj.exe[U+202C] Lund" in shown
    text = run("people", "--json", db=db_path)
    assert RLO not in text and "\\u202e" in text
    assert stored in {p["name"] for p in json.loads(text)}


def test_parse_json_escapes_overrides_and_keeps_the_data(tmp_path):
    path = tmp_path / "minutes.md"
    path.write_text(MD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(path), "--json"], catch_exceptions=False)
    assert result.exit_code == 0 and RLO not in result.stdout
    assert f"Eve {RLO}gpj.exe\u202c Lund" in {a["name"] for a in json.loads(result.stdout)["attendees"]}
    summary = CliRunner().invoke(cli, ["parse", str(path)], catch_exceptions=False).stdout
    assert RLO not in summary and "Eve [U+202E]gpj.exe[U+202C] Lund" in summary


def test_the_people_table_gains_the_email_column_by_migration(tmp_path):
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path)
    before = schema.MIGRATIONS.index(schema.EMAIL)
    for script in schema.MIGRATIONS[:before]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.commit()
    conn.close()
    db = connect(path)
    with transaction(db):
        pass
    assert "email" in {c.name for c in db["people"].columns}
    db.close()
