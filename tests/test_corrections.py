"""Corrections by hand, through the command line and read back from the database: forget a
file or a meeting, edit an action; each with --dry-run, each in the audit log ('minutes
history', the Datasette canned query)."""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from minutes.cli import cli
from minutes.output import datasette

JUNE = """# Harbour Board

Date: 4 June 2024

## Present

| Name | Initials |
| --- | --- |
| Cllr Mallory Doe | MD |
| Rhys Evans | RE |
| Ann Lee | AL |

## 1. Moorings

Action: MD to renew the mooring licences by 30/06/2024.

## 2. Finance

RESOLVED that the accounts be approved.

Action: RE to pay the harbour dues.
"""

JULY = """# Harbour Board

Date: 2 July 2024

## Present

| Name | Initials |
| --- | --- |
| Mallory Doe | MD |
| Rhys Evans | RE |

## 1. Actions of the previous meeting

| No. | Action | Owner | Status |
| --- | --- | --- | --- |
| 1 | Renew the mooring licences | MD | Done |
| 2 | Pay the harbour dues | RE | Carried forward |

## 2. Slipway

Action: AL to survey the slipway.
"""


def run(*args: str, db: str, ok: bool = True, **kwargs):
    result = CliRunner().invoke(cli, [*args, "--db", db], catch_exceptions=False, **kwargs)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def rows(db: str, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def dump(db: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [line for line in conn.iterdump() if "ingest_log" not in line]
    finally:
        conn.close()


@pytest.fixture
def board(tmp_path):
    """Two meetings of the Harbour Board, the June one also as a second file (the same minutes)."""
    (tmp_path / "june.md").write_text(JUNE, encoding="utf-8")
    (tmp_path / "june-copy.txt").write_text(JUNE + "\n\n", encoding="utf-8")   # another file, the same minutes
    (tmp_path / "july.md").write_text(JULY, encoding="utf-8")
    db = str(tmp_path / "m.db")
    run("ingest", str(tmp_path / "june.md"), str(tmp_path / "june-copy.txt"), str(tmp_path / "july.md"), db=db)
    return tmp_path, db


def action_id(db: str, text: str) -> int:
    return rows(db, "SELECT id FROM actions WHERE text LIKE ? ORDER BY id LIMIT 1", [f"%{text}%"])[0][0]


# --- forget ------------------------------------------------------------------------------

def test_forget_a_meeting_removes_everything_read_from_it_and_logs_hand_statuses(board):
    tmp, db = board
    dues = action_id(db, "harbour dues")
    run("done", str(dues), "--note", "paid by cheque", "--by", "treasurer", db=db)
    june = rows(db, "SELECT id FROM meetings WHERE date = '2024-06-04'")[0][0]
    result = run("forget", "2024-06-04", "--by", "clerk", "--note", "wrong body", db=db)
    assert result.stdout.startswith(f"Forgot meeting {june} (2024-06-04 Harbour Board)")
    assert f"kept in the log: action {dues} [done] Pay the harbour dues: done by treasurer" in result.stdout
    assert rows(db, "SELECT count(*) FROM meetings") == [(1,)]
    for table in ("attendees", "items", "actions", "decisions", "updates"):
        assert rows(db, f"SELECT count(*) FROM {table} WHERE meeting_id = ?", [june]) == [(0,)], table
    assert rows(db, "SELECT name FROM documents") == [("july.md",)]   # both files of June went with it
    assert rows(db, "SELECT count(*) FROM people WHERE name = 'Ann Lee'") == [(0,)]   # nobody names her now
    # The July meeting's updates reported on June's actions: unlinked now, and said so.
    assert rows(db, "SELECT count(*) FROM updates WHERE action_id IS NOT NULL") == [(0,)]
    assert "no earlier meeting of Harbour Board" in run("show", "2024-07-02", db=db).stdout
    # The audit log keeps who, when, what, why, and the status set by hand.
    log = json.loads(run("history", "--json", db=db).stdout)
    forgot = [c for c in log if c["command"] == "forget"][0]
    assert (forgot["actor"], forgot["note"], forgot["target"]) == ("clerk", "wrong body", f"meeting {june}")
    kept = forgot["detail"]["kept"][0]
    assert (kept["id"], kept["by_hand"][0]["note"], kept["by_hand"][0]["actor"]) == (dues, "paid by cheque",
                                                                                     "treasurer")
    assert "wrong body" in run("history", db=db).stdout


def test_forget_a_duplicate_keeps_the_meeting_and_forgetting_the_source_reads_the_other_file(board):
    tmp, db = board
    june = rows(db, "SELECT id, document_id FROM meetings WHERE date = '2024-06-04'")[0]
    assert rows(db, "SELECT name, role FROM documents WHERE meeting_id = ? ORDER BY id", [june[0]]) == [
        ("june.md", "source"), ("june-copy.txt", "duplicate")]
    mooring = action_id(db, "mooring")
    run("edit", str(mooring), "--owner", "RE", db=db)
    result = run("forget", str(tmp / "june.md"), db=db)
    assert "is now read from june-copy.txt, the same minutes" in result.stdout
    assert "read again from" in result.stdout
    assert rows(db, "SELECT d.name, d.role FROM meetings m JOIN documents d ON d.id = m.document_id "
                    "WHERE m.id = ?", [june[0]]) == [("june-copy.txt", "source")]
    # the same actions, with their ids, and the owner set by hand still in force
    assert rows(db, "SELECT owners FROM actions WHERE id = ?", [mooring]) == [("RE",)]
    assert rows(db, "SELECT locator FROM actions WHERE id = ?", [mooring])[0][0].startswith("line")
    result = run("forget", "june-copy.txt", db=db)      # its name as stored: the last file, so the meeting goes
    assert "Forgot document" in result.stdout and "and its meeting" in result.stdout
    assert rows(db, "SELECT count(*) FROM meetings WHERE id = ?", [june[0]]) == [(0,)]


def test_forget_the_source_when_the_other_file_is_gone_keeps_what_was_read(board):
    tmp, db = board
    (tmp / "june-copy.txt").unlink()
    result = run("forget", str(tmp / "june.md"), db=db)
    assert "june-copy.txt could not be read again" in result.stdout
    assert rows(db, "SELECT d.name FROM meetings m JOIN documents d ON d.id = m.document_id "
                    "WHERE m.date = '2024-06-04'") == [("june-copy.txt",)]


def test_forget_a_source_whose_older_version_cannot_be_read_is_refused_and_changes_nothing(tmp_path):
    path = tmp_path / "june.md"
    db = str(tmp_path / "m.db")
    path.write_text(JUNE, encoding="utf-8")
    run("ingest", str(path), db=db)
    path.write_text(JUNE.replace("pay the harbour dues", "pay the harbour dues and the pilot's fee"), "utf-8")
    assert "updated" in run("ingest", str(path), db=db).stdout      # a corrected version, by the same name
    assert [r[0] for r in rows(db, "SELECT role FROM documents ORDER BY id")] == ["older", "source"]
    before = dump(db)
    meeting = rows(db, "SELECT id FROM meetings")[0][0]
    result = run("forget", str(path), db=db, ok=False)   # the source; the older version's file is overwritten
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"Error: {path} is the source of meeting {meeting} (2024-06-04 Harbour Board) and its older version {path} "
        f"cannot be read again ({path} has changed since it was ingested): put that file back, or forget the "
        f"whole meeting (minutes forget {meeting})\n")
    assert dump(db) == before
    assert "Forgot meeting" in run("forget", str(meeting), db=db).stdout
    assert rows(db, "SELECT count(*) FROM documents") == [(0,)]


def test_forget_dry_run_changes_nothing_and_says_what_it_would_do(board):
    tmp, db = board
    before = dump(db)
    result = run("forget", "2024-07-02", "--dry-run", db=db)
    assert result.stdout.startswith("Dry run: nothing was changed. Without --dry-run:\n  Forgot meeting")
    assert dump(db) == before
    assert rows(db, "SELECT count(*) FROM changes") == [(0,)]
    data = json.loads(run("forget", "2024-07-02", "--dry-run", "--json", db=db).stdout)
    assert data["dry_run"] is True and data["command"] == "forget" and data["id"] is not None
    assert dump(db) == before


@pytest.mark.parametrize("target, message", [
    ("2031-01-01", "there is no stored file or meeting matching '2031-01-01' (see 'minutes meetings')"),
    ("Harbour", "'Harbour' matches 2 meetings"),
])
def test_forget_what_is_not_stored_is_one_line_and_changes_nothing(board, target, message):
    tmp, db = board
    before = dump(db)
    result = run("forget", target, db=db, ok=False)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and message in result.stderr and result.stderr.count("\n") == 1
    assert dump(db) == before


def test_forget_a_file_never_ingested_names_it(board):
    tmp, db = board
    other = tmp / "other.md"
    other.write_text("# Something\n\nDate: 1 May 2020\n", encoding="utf-8")
    result = run("forget", str(other), db=db, ok=False)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {other}: this file is not stored (no file ingested had its content; " \
                            "see 'minutes meetings')\n"


def test_forget_moves_what_was_set_by_hand_to_the_action_that_re_issues_it(tmp_path):
    june = JUNE
    july = JULY.replace("## 2. Slipway", "## 2. Dues\n\nAction: RE to pay the harbour dues.\n\n## 3. Slipway")
    (tmp_path / "june.md").write_text(june, encoding="utf-8")
    (tmp_path / "july.md").write_text(july, encoding="utf-8")
    db = str(tmp_path / "m.db")
    run("ingest", str(tmp_path / "june.md"), str(tmp_path / "july.md"), db=db)
    first, again = [r[0] for r in rows(db, "SELECT id FROM actions WHERE text = 'Pay the harbour dues' ORDER BY id")]
    assert rows(db, "SELECT carried_from FROM actions WHERE id = ?", [again]) == [(first,)]
    run("drop", str(first), "--note", "the council pays them now", db=db)
    result = run("forget", "2024-06-04", db=db)
    assert f"action {first}: what was set by hand moved to action {again}, which re-issues it" in result.stdout
    assert rows(db, "SELECT status, carried_from FROM actions WHERE id = ?", [again]) == [("dropped", None)]
    events = json.loads(run("history", str(again), "--json", db=db).stdout)["history"]
    assert [(e["event"], e["note"]) for e in events if e["source"] == "hand"] == [
        ("dropped", "the council pays them now")]


# --- edit ----------------------------------------------------------------------------------

def test_edit_owner_due_text_and_item_are_kept_by_later_ingests(board):
    tmp, db = board
    dues = action_id(db, "harbour dues")
    result = run("edit", str(dues), "--owner", "MD", "--due", "2024-09-30", "--text", "Pay the harbour dues for 2024",
                 "--item", "1", "--note", "misread", "--by", "clerk", db=db)
    assert result.stdout.splitlines()[0] == (f"Action {dues} edited: text: Pay the harbour dues -> Pay the harbour "
                                             "dues for 2024; owners: RE -> MD; due: (none) -> 2024-09-30; item: 2 -> 1")

    def stored():
        return rows(db, "SELECT a.text, a.owners, a.due, a.item, i.number, p.name FROM actions a "
                        "LEFT JOIN items i ON i.id = a.item_id LEFT JOIN action_owners o ON o.action_id = a.id "
                        "LEFT JOIN people p ON p.id = o.person_id WHERE a.id = ?", [dues])

    edited = [("Pay the harbour dues for 2024", "MD", "2024-09-30", "1", "1", "Cllr Mallory Doe")]
    assert stored() == edited
    assert [r["id"] for r in json.loads(run("actions", "--owner", "md", "--json", db=db).stdout)].count(dues) == 1
    # A corrected version of June's minutes (the same name: an edit of the file) keeps the edit.
    (tmp / "june.md").write_text(JUNE.replace("## 2. Finance", "## 2. Finance and audit"), encoding="utf-8")
    assert "updated" in run("ingest", str(tmp / "june.md"), db=db).stdout
    assert stored() == edited
    assert rows(db, "SELECT count(*) FROM actions WHERE text LIKE 'Pay the harbour dues%'") == [(1,)]
    history = json.loads(run("history", str(dues), "--json", db=db).stdout)["history"]
    hand = [e for e in history if e["source"] == "hand"]
    assert [(e["event"], e["actor"]) for e in hand] == [("edited", "clerk")]
    assert "owners: RE -> MD" in hand[0]["note"] and "(misread)" in hand[0]["note"]
    log = json.loads(run("history", "--json", db=db).stdout)
    assert log[-1]["command"] == "edit" and log[-1]["detail"]["fields"]["owners"] == {"was": "RE", "now": "MD"}


def test_a_due_date_set_by_hand_wins_over_minutes_held_before_and_gives_way_to_later_ones(tmp_path):
    db = str(tmp_path / "m.db")
    (tmp_path / "june.md").write_text(JUNE, encoding="utf-8")
    run("ingest", str(tmp_path / "june.md"), db=db)
    mooring = action_id(db, "mooring")
    assert rows(db, "SELECT due FROM actions WHERE id = ?", [mooring]) == [("2024-06-30",)]
    run("edit", str(mooring), "--due", "none", db=db)
    assert rows(db, "SELECT due FROM actions WHERE id = ?", [mooring]) == [(None,)]
    run("edit", str(mooring), "--due", "2024-08-31", db=db)
    assert rows(db, "SELECT due FROM actions WHERE id = ?", [mooring]) == [("2024-08-31",)]
    # Another version of the June minutes (its own due date unchanged) keeps the date set by hand.
    (tmp_path / "june.md").write_text(JUNE.replace("## 2. Finance", "## 2. Finance and audit"), encoding="utf-8")
    assert "updated" in run("ingest", str(tmp_path / "june.md"), db=db).stdout
    assert rows(db, "SELECT due FROM actions WHERE id = ?", [mooring]) == [("2024-08-31",)]
    # Minutes of a meeting held long after the edit give a new due date: theirs is in force.
    later = JULY.replace("Date: 2 July 2024", "Date: 2 July 2099").replace("| Status |", "| Status | Due |").replace(
        "| --- |\n| 1", "| --- | --- |\n| 1").replace("| MD | Done |", "| MD | Ongoing | 30/09/2099 |").replace(
        "| RE | Carried forward |", "| RE | Carried forward | |")
    (tmp_path / "later.md").write_text(later, encoding="utf-8")
    run("ingest", str(tmp_path / "later.md"), db=db)
    assert rows(db, "SELECT due FROM actions WHERE id = ?", [mooring]) == [("2099-09-30",)]


@pytest.mark.parametrize("args, message", [
    (["--item", "9"], "has no item '9' (its items: 1, 2)"),
    (["--owner", " "], "give the action's new owners"),
    (["--text", "Pay the harbour dues"], "already reads so: nothing to change"),
    (["--due", "31/12/2024"], "Invalid value for '--due'"),
    ([], "give what to change"),
])
def test_a_bad_edit_is_one_line_and_changes_nothing(board, args, message):
    tmp, db = board
    dues = action_id(db, "harbour dues")
    before = dump(db)
    result = run("edit", str(dues), *args, db=db, ok=False)
    assert result.exit_code in (1, 2) and message in result.stderr and result.stderr.count("\n") == 1
    assert dump(db) == before


def test_edit_unknown_action_and_dry_run(board):
    tmp, db = board
    result = run("edit", "999", "--text", "x", db=db, ok=False)
    assert result.exit_code == 1 and result.stderr == "Error: there is no action with id 999\n"
    dues = action_id(db, "harbour dues")
    before = dump(db)
    result = run("edit", str(dues), "--text", "Pay everything", "--dry-run", db=db)
    assert "Dry run: nothing was changed" in result.stdout and "text: Pay the harbour dues -> Pay everything" \
        in result.stdout
    assert dump(db) == before


# --- the audit log --------------------------------------------------------------------------

def test_every_correction_is_in_history_and_in_the_datasette_query(board):
    tmp, db = board
    dues = action_id(db, "harbour dues")
    run("done", str(dues), "--by", "treasurer", db=db)
    run("reopen", str(dues), "--note", "cheque bounced", db=db)
    run("edit", str(dues), "--text", "Pay the harbour dues again", db=db)
    run("people", "rename", "Rhys Evans", "Rhys ap Evans", db=db)
    run("series", "rename", "Harbour Board", "Harbour Trust Board", db=db)
    run("forget", "2024-07-02", db=db)
    log = json.loads(run("history", "--json", db=db).stdout)
    assert [c["command"] for c in log] == ["done", "reopen", "edit", "people rename", "series rename", "forget"]
    assert log[0]["actor"] == "treasurer" and log[1]["note"] == "cheque bounced"
    assert all(c["at"] and c["actor"] and c["summary"] for c in log)
    text = run("history", "--width", "0", db=db).stdout
    assert 'series "Harbour Board" renamed "Harbour Trust Board"' in text and "cheque bounced" in text
    assert [c["command"] for c in json.loads(run("history", "--command", "rename", "--json", db=db).stdout)] == [
        "people rename", "series rename"]
    assert len(json.loads(run("history", "--by", "treasurer", "--json", db=db).stdout)) == 1
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    found = conn.execute(datasette.QUERIES["corrections"]["sql"], {"words": ""}).fetchall()
    assert [r["command"] for r in found] == [c["command"] for c in reversed(log)]
    assert [r["target"] for r in conn.execute(datasette.QUERIES["corrections"]["sql"], {"words": "treasurer"})] == [
        f"action {dues}"]
    conn.close()


def test_history_without_corrections_says_so(board):
    tmp, db = board
    assert run("history", db=db).stdout == "No correction has been made by hand.\n"
    assert json.loads(run("history", "--json", db=db).stdout) == []
