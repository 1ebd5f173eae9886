"""The command line: CliRunner on a temporary database; stdout, stderr, exit code."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from minutes_factory import board

from minutes import store
from minutes.cli import cli
from minutes.db import connect

MD = "# Steering Group Meeting #3\n\nDate: 9 December 2015\n\n## 1. Welcome\n\nTG opened the meeting.\n"


@pytest.fixture
def db_path(tmp_path):
    path = str(tmp_path / "m.db")
    db = connect(path)
    minutes = board()
    minutes.actions[1].text += " \x1b[31mnow\x1b[0m"
    store.save(db, minutes)
    db.close()
    return path


def run(args, db_path=None, **kwargs):
    env = {"MINUTES_DB": db_path} if db_path else {}
    return CliRunner().invoke(cli, args, env=env, catch_exceptions=False, **kwargs)


def all_commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", all_commands())
def test_every_command_has_help_with_an_example(name):
    result = run([name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_actions_grouped_by_owner(db_path):
    result = run(["actions"], db_path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Daxa Pancholi (DP) (1)" in out and "PG (1)" in out and "All attendees (1)" in out
    assert "\x1b" not in out and "[31m" not in out  # escape sequences stripped, text kept
    assert "Circulate the market position statement now" in out


def test_actions_owner_json_returns_exactly_that_action(db_path):
    result = run(["actions", "--owner", "pg", "--json"], db_path)
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert row["owners"] == [{"name": None, "initials": "PG"}]
    assert row["text"].startswith("Get further information")
    assert row["status"] == "open" and row["due"] is None and row["where"] == "line 12"
    assert row["meeting"]["date"] == "2015-01-20" and row["meeting"]["title"] == "Delivery Group Meeting #4"
    assert row["item"] == {"number": "4", "title": "Financial standing"}


def test_actions_csv_and_markdown(db_path):
    rows = list(csv.DictReader(io.StringIO(run(["actions", "--csv"], db_path).stdout)))
    assert len(rows) == 3 and rows[1]["owners"] == "Daxa Pancholi (DP); Stephanie McBurney (SMcB)"
    md = run(["actions", "--markdown", "--owner", "dp"], db_path).stdout
    assert md.startswith("| id | owners |") and md.count("\n") == 4  # DP's own action and the one for All


def test_actions_injection_matches_nothing(db_path):
    assert json.loads(run(["actions", "--owner", "' OR '1'='1", "--json"], db_path).stdout) == []
    assert json.loads(run(["actions", "--owner", "%", "--json"], db_path).stdout) == []


def test_bad_date_is_a_usage_error(db_path):
    result = run(["actions", "--since", "last week"], db_path)
    assert result.exit_code == 2
    assert result.stderr == ("Error: Invalid value for '--since': 'last week' is not a date like 2024-02-08 "
                             "(see 'minutes actions --help')\n")


def test_done_reopen_drop_and_history(db_path):
    aid = json.loads(run(["actions", "--owner", "pg", "--json"], db_path).stdout)[0]["id"]
    result = run(["done", str(aid), "--note", "sent", "--by", "chair"], db_path)
    assert result.exit_code == 0 and result.stdout.startswith(f"Action {aid} is now done:")
    assert run(["actions", "--owner", "pg", "--json"], db_path).stdout.strip() == "[]"
    assert run(["reopen", str(aid)], db_path).exit_code == 0
    assert run(["drop", str(aid), "--note", "overtaken"], db_path).exit_code == 0
    history = run(["history", str(aid), "--json"], db_path)
    events = json.loads(history.stdout)["history"]
    assert [e["event"] for e in events] == ["created", "done", "reopened", "dropped"]
    assert events[1]["actor"] == "chair" and events[3]["note"] == "overtaken"
    assert "dropped" in run(["history", str(aid)], db_path).stdout


@pytest.mark.parametrize("command", [["done", "99"], ["reopen", "99"], ["drop", "99", "--note", "x"],
                                     ["history", "99"]])
def test_unknown_action_id(db_path, command):
    result = run(command, db_path)
    assert result.exit_code == 1
    assert result.stderr == "Error: there is no action with id 99\n"


def test_missing_database_is_a_clear_error(tmp_path):
    result = run(["actions", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: there is no database at")
    assert not (tmp_path / "none.db").exists()


def test_ingest_reports_each_file_and_summary(tmp_path):
    db = str(tmp_path / "cli.db")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "sg.md").write_text(MD, encoding="utf-8")
    result = run(["ingest", "--db", db, str(tmp_path / "docs"), str(tmp_path / "missing.md")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()  # a failed file's one line is its error, on stderr
    assert lines[0].startswith("added") and "sg.md" in lines[0]
    assert not any("missing.md" in line for line in lines)
    assert lines[-1] == "2 files: 1 added, 0 updated, 0 unchanged, 1 failed"
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'missing.md'}: no such file or folder", "Error: 1 of 2 files failed"]
    assert "Usage" not in result.output
    again = run(["ingest", str(tmp_path / "docs" / "*.md")], db)
    assert again.exit_code == 0 and again.stdout.startswith("unchanged")


def test_ingest_default_database_in_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MINUTES_DB", raising=False)
    (tmp_path / "a.md").write_text(MD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "a.md"])
    assert result.exit_code == 0, result.output
    connect(str(tmp_path / "minutes.db"), create=False).close()


def test_check_prints_warnings_and_strict_fails(tmp_path, monkeypatch):
    import minutes.ingest as module

    md = tmp_path / "a.md"
    md.write_text(MD, encoding="utf-8")
    monkeypatch.setattr(module, "check_files",
                        lambda files, **kw: iter([(str(md), ["action owner PG (item 4) is not among the attendees"], None)]))
    result = run(["check", str(md)])
    assert result.exit_code == 0
    assert result.stdout == f"{md}: 1 warning\n  - action owner PG (item 4) is not among the attendees\n"
    strict = run(["check", str(md), "--strict"])
    assert strict.exit_code == 1 and strict.stderr == "Error: 1 file with warnings (--strict)\n"


def test_check_missing_file(tmp_path):
    result = run(["check", str(tmp_path / "nope.md")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {tmp_path / 'nope.md'}: no such file or folder\nError: 1 file could not be read\n"


def test_meetings_show_people_search_decisions(db_path):
    meetings = run(["meetings"], db_path)
    assert meetings.exit_code == 0 and "Delivery Group" in meetings.stdout
    show = run(["show", "2015-01-20"], db_path)
    assert "Attendees (3):" in show.stdout and "A (DP): No more than a third" in show.stdout
    assert "#1 [open] PG: Get further information" in show.stdout
    assert run(["show", "nothing"], db_path).stderr == \
        "Error: there is no meeting matching 'nothing' (see 'minutes meetings')\n"
    people = run(["people", "--json"], db_path)
    assert {p["name"] for p in json.loads(people.stdout)} == {"Daxa Pancholi", "Pamela Richardson",
                                                             "Stephanie McBurney"}
    search = run(["search", "tender"], db_path)
    assert "[tender]" in search.stdout and "decision" in search.stdout
    decisions = run(["decisions", "--json"], db_path)
    assert json.loads(decisions.stdout)[0]["text"] == "The tender will be split into two lots"


def test_pg_action_survives_reingest_and_an_edited_copy(tmp_path):
    """Done when: marked done, the same file again and an edited copy leave it done with its history."""
    db = str(tmp_path / "m.db")
    conn = connect(db)
    store.save(conn, board())
    aid = json.loads(run(["actions", "--owner", "pg", "--json"], db).stdout)[0]["id"]
    run(["done", str(aid), "--note", "sent"], db)
    store.save(conn, board())
    edited = board(sha="edited")
    edited.actions[0].text = "Get further information about the financial standing of consortiums"
    assert store.save(conn, edited).status == "updated"
    conn.close()
    assert json.loads(run(["actions", "--owner", "pg", "--json"], db).stdout) == []
    done = json.loads(run(["actions", "--owner", "pg", "--status", "done", "--json"], db).stdout)
    assert [a["id"] for a in done] == [aid]
    events = json.loads(run(["history", str(aid), "--json"], db).stdout)["history"]
    assert [e["event"] for e in events] == ["created", "done", "edited"]


def test_actions_imports_no_parser_backend(db_path):
    import subprocess
    import sys

    code = ("import sys; from minutes.cli import cli\n"
            "try:\n    cli(['actions', '--db', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('bs4', 'lxml', 'docx', 'markdown_it') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, db_path], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
