"""Calendars that stay true: an ICS written before and after 'minutes done', read back with
icalendar, shows the same entry (one UID) completed or cancelled with a higher SEQUENCE; open
actions without a due date are listed on standard error; alarms before the due date."""
from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from minutes import store
from minutes.cli import cli
from minutes.db import connect
from minutes_factory import board
from parsers.records import Action


@pytest.fixture
def db_path(tmp_path):
    path = str(tmp_path / "board.db")
    db = connect(path)
    store.save(db, board(actions=[
        Action("4", ["DP"], "Write to the bidders", due="2015-02-01", where="line 12"),
        Action("4", ["PR"], "Book the hall for the market event", due="2015-02-10", where="line 13"),
        Action("1", ["DP"], "Read the tender pack", where="line 14"),
    ]))
    db.close()
    return path


def run(db_path, *args):
    result = CliRunner().invoke(cli, list(args), env={"MINUTES_DB": db_path}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def entries(path, kind):
    with open(path, "rb") as fh:
        return {str(c["uid"]): c for c in Calendar.from_ical(fh.read()).walk(kind)}


def uid_of(found: dict, text: str) -> str:
    return next(uid for uid, c in found.items() if text in str(c["summary"]))


@pytest.mark.parametrize("todo", [True, False])
def test_done_marks_the_same_entry_completed_with_a_higher_sequence(db_path, tmp_path, todo):
    kind, flag = ("VTODO", ["--todo"]) if todo else ("VEVENT", [])
    before, after = tmp_path / "before.ics", tmp_path / "after.ics"
    run(db_path, "report", "calendar", *flag, "-o", str(before))
    run(db_path, "done", "1", "--note", "letters sent")
    result = run(db_path, "report", "calendar", *flag, "-o", str(after))
    assert "Wrote 2 actions (1 of them done or dropped)" in result.stderr
    old, new = entries(before, kind), entries(after, kind)
    assert set(old) == set(new) and len(new) == 2                  # the same UIDs: nothing doubled, nothing left out
    uid = uid_of(old, "Write to the bidders")
    assert new[uid].decoded("sequence") > old[uid].decoded("sequence")
    if todo:
        assert str(old[uid]["status"]) == "NEEDS-ACTION" and str(new[uid]["status"]) == "COMPLETED"
        assert new[uid].decoded("percent-complete") == 100 and new[uid].decoded("completed")
    else:
        assert str(old[uid]["status"]) == "CONFIRMED" and str(new[uid]["status"]) == "CANCELLED"
        assert str(new[uid]["summary"]).startswith("Done: Action 1 (Daxa Pancholi (DP))")
    other = uid_of(old, "Book the hall")
    assert new[other].decoded("sequence") == old[other].decoded("sequence") == 0


def test_dropped_is_cancelled_and_reopened_is_open_again_each_a_newer_revision(db_path, tmp_path):
    seen = []
    for step in (None, ("drop", "2", "--note", "no hall needed"), ("reopen", "2")):
        if step:
            run(db_path, *step)
        out = tmp_path / f"{len(seen)}.ics"
        run(db_path, "report", "calendar", "--todo", "-o", str(out))
        todo = entries(out, "VTODO")[uid_of(entries(out, "VTODO"), "Book the hall")]
        seen.append((str(todo["status"]), todo.decoded("sequence")))
    assert [s for s, _ in seen] == ["NEEDS-ACTION", "CANCELLED", "NEEDS-ACTION"]
    assert seen[0][1] < seen[1][1] < seen[2][1]


def test_actions_without_a_due_date_are_listed_on_standard_error(db_path):
    result = run(db_path, "report", "calendar")
    lines = [line for line in result.stderr.splitlines() if line.startswith("Not in the calendar")]
    assert lines == ["Not in the calendar: action 3 (Daxa Pancholi (DP), 20 Jan 2015) has no due date: "
                     "Read the tender pack"]
    assert "Read the tender pack" not in result.stdout


def test_alarms_before_the_due_date_on_open_actions_only(db_path, tmp_path):
    run(db_path, "done", "2")
    out = tmp_path / "alarms.ics"
    run(db_path, "report", "calendar", "--todo", "--alarm", "2d", "--alarm", "1w", "-o", str(out))
    found = entries(out, "VTODO")
    open_one = found[uid_of(found, "Write to the bidders")]
    alarms = open_one.walk("VALARM")
    assert sorted(a.decoded("trigger") for a in alarms) == [-timedelta(days=7), -timedelta(days=2)]
    assert all(str(a["action"]) == "DISPLAY" and a["trigger"].params["RELATED"] == "END" for a in alarms)
    assert found[uid_of(found, "Book the hall")].walk("VALARM") == []
    events = tmp_path / "events.ics"
    run(db_path, "report", "calendar", "--alarm", "36h", "-o", str(events))
    alarm = entries(events, "VEVENT")[uid_of(entries(events, "VEVENT"), "Write to the bidders")].walk("VALARM")[0]
    assert alarm.decoded("trigger") == -timedelta(hours=36) and "Due in 1 day 12 hours" in str(alarm["description"])


@pytest.mark.parametrize("args, message", [
    (["--alarm", "soon"], "'soon' is not a span of time"),
    (["--alarm", "0d"], "'0d' is not between a minute and a year"),
    (["-o", "{dir}/due.txt"], "due.txt: a calendar is not written as .txt: name it .ics"),
])
def test_bad_calendar_arguments_are_one_line(db_path, tmp_path, args, message):
    args = [a.format(dir=tmp_path) for a in args]
    result = CliRunner().invoke(cli, ["report", "calendar", *args], env={"MINUTES_DB": db_path})
    assert result.exit_code in (1, 2) and message in result.stderr
    assert result.stderr.count("\n") == 1 and list(tmp_path.glob("due*")) == []
