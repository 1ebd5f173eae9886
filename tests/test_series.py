"""Actions across the meetings of a series (minutes.tracking.series): linking, carry-forward,
status from later minutes, order of ingest, due dates, the carried report."""
from __future__ import annotations

import html
import itertools
import json
import os
import shutil
from datetime import date

import pytest
import sqlite_utils
from click.testing import CliRunner

from minutes import queries, store
from minutes.cli import cli
from minutes.db import connect
from minutes.ingest import ingest_paths

REAL = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "real")
PEOPLE = "Paul Green (PG), Daxa Patel (DP), Ann Lee (AL)"
REVIEW = ["No.", "Action", "Owner", "Status"]
NEW = ["No.", "Action", "Owner", "Due"]
BUDGET = "Circulate the revised budget to members"
# (day, actions of the previous meeting, this meeting's actions)
MEETINGS = [
    ("10 January 2024", None, [("1", BUDGET, "PG", ""), ("2", "Draft the risk register", "DP", "31/03/2024"),
                               ("3", "Book the venue for the away day by the next meeting", "AL", "")]),
    ("14 February 2024", [("1", BUDGET, "PG", "Ongoing"), ("2", "Draft the risk register", "DP", "Done")], None),
    ("20 March 2024", [("1", BUDGET, "PG", "Complete"), ("7", "Repaint the office", "AL", "Done")], None),
]


def markdown(day, review, actions):
    def table(head, rows):
        return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                         + ["| " + " | ".join(r) + " |" for r in rows])
    parts = [f"# Finance Committee\n\nDate: {day}\n\nPresent: {PEOPLE}\n"]
    parts.append("## 1. Actions of the previous meeting\n\n" + table(REVIEW, review) if review
                 else "## 1. Welcome\n\nAL opened the meeting.")
    if actions:
        parts.append("## 2. Actions\n\n" + table(NEW, actions))
    parts.append("## 3. Any other business\n\nNone.")
    return "\n\n".join(parts) + "\n"


def html_page(day, review, actions):
    def table(head, rows):
        return ("<table><tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>"
                + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
                + "</table>")
    parts = [f"<h1>Finance Committee</h1><p>Date: {day}</p><p>Present: {PEOPLE}</p>"]
    parts.append("<h2>1. Actions of the previous meeting</h2>" + table(REVIEW, review) if review
                 else "<h2>1. Welcome</h2><p>AL opened the meeting.</p>")
    if actions:
        parts.append("<h2>2. Actions</h2>" + table(NEW, actions))
    parts.append("<h2>3. Any other business</h2><p>None.</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def word(path, day, review, actions):
    import docx

    d = docx.Document()
    d.add_heading("Finance Committee", 0)
    d.add_paragraph(f"Date: {day}")
    d.add_paragraph(f"Present: {PEOPLE}")

    def table(head, rows):
        t = d.add_table(rows=1 + len(rows), cols=len(head))
        for r, row in enumerate([head] + rows):
            for i, text in enumerate(row):
                t.cell(r, i).text = text
    if review:
        d.add_heading("1. Actions of the previous meeting", 1)
        table(REVIEW, review)
    else:
        d.add_heading("1. Welcome", 1)
        d.add_paragraph("AL opened the meeting.")
    if actions:
        d.add_heading("2. Actions", 1)
        table(NEW, actions)
    d.add_heading("3. Any other business", 1)
    d.add_paragraph("None.")
    d.save(path)


def write_series(folder, fmt, meetings=MEETINGS):
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (day, review, actions) in enumerate(meetings, 1):
        path = folder / f"finance-{n}.{fmt}"
        if fmt == "md":
            path.write_text(markdown(day, review, actions), encoding="utf-8")
        elif fmt == "html":
            path.write_text(html_page(day, review, actions), encoding="utf-8")
        else:
            word(str(path), day, review, actions)
        paths.append(str(path))
    return paths


def state(db_path):
    """Statuses, due dates, histories and link warnings, without ids or timestamps."""
    db = connect(db_path, create=False)
    try:
        rows = queries.outstanding(db, status="all")
        actions = {}
        for r in rows:
            events = [(e["date"], e["event"], e["source"], e["document"], e["note"])
                      for e in queries.history(db, r["id"])]
            actions[r["text"]] = (r["status"], r["due"], r["meeting_date"], events)
        warnings = {m: json.loads(w) for m, w in db.execute("SELECT date, link_warnings FROM meetings")}
        return actions, warnings
    finally:
        db.close()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_three_meetings_in_any_order_give_the_same_statuses_and_history(tmp_path, fmt):
    paths = write_series(tmp_path / "docs", fmt)
    results = []
    for n, order in enumerate(itertools.permutations(paths)):
        db_path = str(tmp_path / f"{n}.db")
        for path in order:  # one file at a time, as meetings arrive
            report = ingest_paths(db_path, [path])
            assert not report.failed, report.results[0].detail
        results.append(state(db_path))
    assert all(r == results[0] for r in results[1:])
    actions, warnings = results[0]
    status, due, set_on, events = actions[BUDGET]
    assert (status, set_on) == ("done", "2024-01-10")
    assert [(e[0], e[1], e[2]) for e in events] == [
        ("2024-01-10", "created", "minutes"), ("2024-02-14", "note", "minutes"), ("2024-03-20", "done", "minutes")]
    assert [e[3] for e in events] == [f"finance-{n}.{fmt}" for n in (1, 2, 3)]
    assert events[1][4] == "reported open by the minutes of 2024-02-14, item 1: Ongoing"
    assert events[2][4] == "closed by the minutes of 2024-03-20, item 1: Complete"
    assert actions["Draft the risk register"][:2] == ("done", "2024-03-31")
    venue = actions["Book the venue for the away day by the next meeting"]
    assert venue[:2] == ("open", "2024-02-14")   # "by the next meeting": the series knows its date
    assert len(warnings["2024-03-20"]) == 1
    assert "action 7 'Repaint the office'" in warnings["2024-03-20"][0] and "not linked" in warnings["2024-03-20"][0]
    assert warnings["2024-01-10"] == warnings["2024-02-14"] == []


def test_two_meetings_link_by_number_and_store_the_link(tmp_path):
    paths = write_series(tmp_path / "docs", "md", MEETINGS[:2])
    db_path = str(tmp_path / "m.db")
    ingest_paths(db_path, paths[::-1])
    with sqlite_utils.Database(db_path) as db:
        rows = list(db.query("SELECT u.ref, a.text, u.matched_by, u.confidence FROM updates u "
                             "JOIN actions a ON a.id = u.action_id ORDER BY u.position"))
    assert [(r["ref"], r["matched_by"], r["confidence"]) for r in rows] == [("1", "ref", 1.0), ("2", "ref", 1.0)]
    assert rows[0]["text"] == BUDGET


def test_rows_without_numbers_link_by_owner_and_text_with_a_confidence(tmp_path):
    first = [("", BUDGET, "PG", ""), ("", "Draft the risk register", "DP", "")]
    review = [("", "Circulated the revised budget to all members", "PG", "Done"),
              ("", "Draft the risk register", "AL", "Done")]           # right text, wrong owner
    paths = write_series(tmp_path / "docs", "md", [MEETINGS[0][:2] + (first,), (MEETINGS[1][0], review, None)])
    db_path = str(tmp_path / "m.db")
    report = ingest_paths(db_path, paths)
    with sqlite_utils.Database(db_path) as db:
        linked = list(db.query("SELECT matched_by, confidence FROM updates WHERE action_id IS NOT NULL"))
        status = dict(db.execute("SELECT text, status FROM actions").fetchall())
    assert len(linked) == 1 and linked[0]["matched_by"] == "owner+text" and 0.6 <= linked[0]["confidence"] < 1
    assert status == {BUDGET: "done", "Draft the risk register": "open"}
    assert report.results[1].warnings == [
        "update 'Draft the risk register' (AL, item 1, line 13) matches no open action of an earlier meeting: "
        "not linked"]


def test_two_alike_actions_are_a_warning_not_a_guess(tmp_path):
    first = [("", "Send the budget to the board", "PG", ""), ("", "Send the budget to the bank", "DP", "")]
    review = [("", "Send the budget", "PG, DP", "Done")]
    paths = write_series(tmp_path / "docs", "md", [MEETINGS[0][:2] + (first,), (MEETINGS[1][0], review, None)])
    db_path = str(tmp_path / "m.db")
    report = ingest_paths(db_path, paths)
    (warning,) = report.results[1].warnings
    assert warning.startswith("update 'Send the budget' (PG, DP, item 1, line 12) could be action #")
    with sqlite_utils.Database(db_path) as db:
        assert {r[0] for r in db.execute("SELECT status FROM actions")} == {"open"}


def test_a_status_set_by_hand_is_not_overridden_by_older_minutes(tmp_path):
    paths = write_series(tmp_path / "docs", "md")
    db_path = str(tmp_path / "m.db")
    ingest_paths(db_path, paths[:1])
    db = connect(db_path)
    venue = next(r["id"] for r in queries.outstanding(db) if r["text"].startswith("Book the venue"))
    budget = next(r["id"] for r in queries.outstanding(db) if r["text"] == BUDGET)
    store.set_status(db, venue, "drop", note="no away day this year", by="chair")
    store.set_status(db, budget, "done", note="sent by email", by="chair")
    db.close()
    ingest_paths(db_path, [paths[2], paths[1]])   # the 2024 minutes are older than the change by hand
    db = connect(db_path)
    try:
        assert queries.get_action(db, venue)["status"] == "dropped"
        assert queries.get_action(db, budget)["status"] == "done"
        events = [(e["event"], e["source"]) for e in queries.history(db, budget)]
        assert events == [("created", "minutes"), ("note", "minutes"), ("done", "minutes"), ("done", "hand")]
    finally:
        db.close()


REISSUE = [
    ("10 January 2024", None, [("2.1", BUDGET, "PG", ""), ("2.2", "Draft the risk register", "DP", "")]),
    ("14 February 2024", [("2.1", BUDGET, "PG", "Not done"), ("2.2", "Draft the risk register", "DP", "Done")],
     [("2.1", BUDGET + " by end of March", "PG", ""), ("3.1", "Renew the insurance", "AL", "")]),
    ("20 March 2024", [("2.1", BUDGET, "PG", "Carried forward"), ("3.1", "Renew the insurance", "AL", "Ongoing")],
     [("2.1", BUDGET, "PG", "30/04/2024")]),
]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_a_reissued_action_is_carried_forward_not_duplicated(tmp_path, order):
    paths = write_series(tmp_path / "docs", "md", REISSUE)
    db_path = str(tmp_path / "m.db")
    for i in order:
        ingest_paths(db_path, [paths[i]])
    db = connect(db_path)
    try:
        rows = queries.outstanding(db)
        assert [(r["text"], r["meeting_date"], r["ref"]) for r in rows] == [
            (BUDGET, "2024-01-10", "2.1"), ("Renew the insurance", "2024-02-14", "3.1")]
        assert rows[0]["due"] == "2024-04-30"          # the latest due date the minutes gave
        carried = queries.carried(db, series="finance", today=date(2024, 5, 1))
        assert [(r["text"], r["meetings_open"]) for r in carried] == [
            (BUDGET, 3), ("Renew the insurance", 2)]
        assert carried[0]["last_update"] == "2024-03-20: Carried forward"
        assert queries.outstanding(db, overdue=True, today=date(2024, 5, 1))[0]["text"] == BUDGET
        events = [(e["date"], e["event"], e["document"]) for e in queries.history(db, rows[0]["id"])]
        assert events == [
            ("2024-01-10", "created", "finance-1.md"),
            ("2024-02-14", "created", "finance-2.md"),        # the re-issue, as the minutes wrote it
            ("2024-02-14", "note", "finance-2.md"),           # reported "Not done"
            ("2024-02-14", "note", "finance-2.md"),           # re-issued, due end of March
            ("2024-02-14", "edited", "finance-2.md"),
            ("2024-03-20", "created", "finance-3.md"),
            ("2024-03-20", "note", "finance-3.md"),
            ("2024-03-20", "note", "finance-3.md"),
            ("2024-03-20", "edited", "finance-3.md")]
        reissue = db.execute("SELECT id FROM actions WHERE carried_from = ? ORDER BY id", [rows[0]["id"]]).fetchall()
        assert len(reissue) == 2
        done = store.set_status(db, reissue[0][0], "done", by="chair")   # a re-issue stands for the action
        assert done["id"] == rows[0]["id"] and done["status"] == "done"
    finally:
        db.close()


def test_icat_minutes_ingest_as_one_series_in_either_order(tmp_path):
    real = [os.path.join(REAL, n) for n in ("icat-sg-2015-12-09.md", "icat-sg-2016-10-20.md")]
    if not all(map(os.path.exists, real)):
        pytest.skip("the real ICAT minutes are not in ../shared/corpus/real")
    ends = []
    for n, order in enumerate([real, real[::-1]]):
        db_path = str(tmp_path / f"{n}.db")
        for path in order:
            report = ingest_paths(db_path, [path])
            assert not report.failed, report.results[0].detail
        db = connect(db_path)
        try:
            assert {r[0] for r in db.execute("SELECT series FROM meetings")} == {"ICAT Steering Group"}
            linked = dict(db.execute("SELECT u.ref, a.ref FROM updates u JOIN meetings m ON m.id = u.meeting_id "
                                     "JOIN actions a ON a.id = u.action_id WHERE m.date = '2016-10-20'"))
            assert linked == {"2.2": "2.2", "2.4": "2.4", "2.7": "2.7", "2.10": "2.10", "2.11": "2.11"}
            rows = queries.outstanding(db, status="all")
            set_2015 = {r["ref"]: r["status"] for r in rows if r["meeting_date"] == "2015-12-09"}
            assert set_2015 == {"2.2": "done", "2.4": "open", "2.7": "done", "2.10": "done", "2.11": "done"}
            check = next(r for r in rows if r["ref"] == "2.4")
            assert [r["ref"] for r in rows].count("2.4") == 1     # re-issued in 2016, tracked once
            history = queries.history(db, check["id"])
            assert {e["document"] for e in history} == {"icat-sg-2015-12-09.md", "icat-sg-2016-10-20.md"}
            ends.append(state(db_path))
        finally:
            db.close()
    assert ends[0] == ends[1]


def dump(db_path):
    """Every table's rows without ids' order dependence on time: timestamps left out."""
    skip = {"at", "created_at", "updated_at", "ingested_at"}
    with sqlite_utils.Database(db_path) as db:
        out = {}
        for table in db.table_names():
            if table.endswith(("_fts", "_data", "_idx", "_docsize", "_config", "_content")):
                continue
            cols = [c for c in db[table].columns_dict if c not in skip]
            out[table] = sorted(map(repr, db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
        return out


def test_jobs_two_gives_the_same_database_as_jobs_one(tmp_path):
    folder = tmp_path / "docs"
    write_series(folder, "md")
    write_series(folder / "word", "docx", REISSUE)
    for name in ("icat-sg-2015-12-09.md", "icat-sg-2016-10-20.md"):
        if os.path.exists(os.path.join(REAL, name)):
            shutil.copy(os.path.join(REAL, name), folder)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    runner = CliRunner()
    for db_path, jobs in ((one, "1"), (two, "2")):
        result = runner.invoke(cli, ["ingest", str(folder), "--db", db_path, "--jobs", jobs],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert dump(one) == dump(two)


def test_cli_ingest_warns_history_and_carried(tmp_path):
    later = ("24 April 2024", [("9", "Repaint the office", "AL", "Done")], None)
    paths = write_series(tmp_path / "docs", "md", REISSUE + [later])
    db_path = str(tmp_path / "m.db")
    runner = CliRunner()
    out = runner.invoke(cli, ["ingest", "--db", db_path, *paths], catch_exceptions=False)
    assert out.exit_code == 0
    assert "2 updates on earlier actions linked" in out.stdout
    assert ("warning: update action 9 'Repaint the office' (AL, item 1, line 12) matches no open action "
            "of an earlier meeting: not linked") in out.stdout
    carried = runner.invoke(cli, ["actions", "--db", db_path, "--series", "Finance", "--carried"])
    assert carried.exit_code == 0 and "meetings_open" in carried.stdout
    lines = [line for line in carried.stdout.splitlines() if BUDGET[:20] in line]
    assert len(lines) == 1 and " 4 " in lines[0] and "2024-03-20: Carried forward" in lines[0]
    aid = json.loads(runner.invoke(cli, ["actions", "--db", db_path, "--json"]).stdout)[0]["id"]
    history = runner.invoke(cli, ["history", str(aid), "--db", db_path])
    assert history.exit_code == 0
    assert "finance-1.md" in history.stdout and "finance-2.md" in history.stdout
    assert "reported open by the minutes of 2024-02-14" in history.stdout
    show = runner.invoke(cli, ["show", "2024-02-14", "--db", db_path])
    assert f"-> action #{aid} (by number)" in show.stdout


def test_an_ingest_cut_short_before_its_relink_is_repaired_by_the_next_command(tmp_path):
    from minutes.ingest import prepare

    paths = write_series(tmp_path / "docs", "md")
    whole, cut = str(tmp_path / "whole.db"), str(tmp_path / "cut.db")
    ingest_paths(whole, paths)
    db = connect(cut)
    try:
        for path in paths:   # each document committed, the series' relink owed (as if killed then)
            store.save(db, prepare(path).minutes, defer=True)
        assert db.execute("SELECT series FROM pending_relink").fetchall() == [("Finance Committee",)]
    finally:
        db.close()
    result = CliRunner().invoke(cli, ["actions", "--db", cut, "--json"])
    assert result.exit_code == 0, result.output
    assert state(cut) == state(whole)
    with sqlite_utils.Database(cut) as db:
        assert db.execute("SELECT count(*) FROM pending_relink").fetchone()[0] == 0
