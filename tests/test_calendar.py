"""Due actions as iCalendar: read back with a calendar parser, and checked
against the rules of the format (CRLF lines folded at 75 octets)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from click.testing import CliRunner
from icalendar import Calendar
from report_db import HOSTILE, SERIES, build, db, db_path  # noqa: F401 (db, db_path are fixtures)

from minutes import queries
from minutes.cli import cli
from minutes.db import connect
from minutes.output import ical

STAMP = datetime(2015, 3, 20, 9, 0, tzinfo=timezone.utc)


def due_calendar(db, owner=None, series=None, **options):
    """The calendar of the open actions in ``db`` (of ``owner``, of ``series``), as the command line makes it."""
    return ical.due_calendar(queries.calendar_actions(db, owner=owner, series=series), owner=owner, series=series,
                             **options)




def components(data: bytes, kind: str):
    return [c for c in Calendar.from_ical(data).walk(kind)]


def test_one_all_day_event_per_open_action_with_a_due_date(db):
    result = due_calendar(db, stamp=STAMP)
    events = components(result.data, "VEVENT")
    assert result.count == len(events) == 2 and result.closed == 0
    by_day = {e.decoded("dtstart"): e for e in events}
    assert set(by_day) == {date(2015, 4, 1), date(2015, 3, 31)}
    tg = by_day[date(2015, 3, 31)]
    assert tg.decoded("dtend") == date(2015, 4, 1)
    assert str(tg["summary"]) == f"Action 3 ({HOSTILE} (TG)): Draft the <i>tender</i> timetable | phase 1"
    description = str(tg["description"])
    assert f"Set at: 10 Mar 2015 {SERIES}, item 2 Tender timetable" in description
    assert str(tg["status"]) == "CONFIRMED" and tg.decoded("sequence") == 0
    assert len({str(e["uid"]) for e in events}) == 2


def test_uids_are_stable_across_exports(db):
    first = [str(e["uid"]) for e in components(due_calendar(db).data, "VEVENT")]
    again = [str(e["uid"]) for e in components(due_calendar(db).data, "VEVENT")]
    assert first == again


def test_owner_filter_and_todos(db):
    result = due_calendar(db, owner="dp", todo=True, stamp=STAMP)
    todos = components(result.data, "VTODO")
    assert [t.decoded("due") for t in todos] == [date(2015, 4, 1)]
    assert str(todos[0]["status"]) == "NEEDS-ACTION"
    assert components(result.data, "VEVENT") == []
    assert due_calendar(db, owner="nobody").count == 0


def test_valid_ical_text(db):
    data = due_calendar(db, stamp=STAMP).data
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    cal = Calendar.from_ical(data)
    assert str(cal["version"]) == "2.0" and str(cal["prodid"])
    for event in cal.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event)
    begins = [line for line in lines if line.startswith("BEGIN:")]
    ends = [line for line in lines if line.startswith("END:")]
    assert len(begins) == len(ends)


def test_cli_writes_the_file(db_path, tmp_path):
    out = tmp_path / "due.ics"
    result = CliRunner().invoke(cli, ["report", "calendar", "--owner", "TG", "-o", str(out)],
                                env={"MINUTES_DB": db_path}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Wrote 1 action to" in result.stderr
    assert len(components(out.read_bytes(), "VEVENT")) == 1


def test_a_due_that_is_not_a_date_is_a_warning(tmp_path):
    db = connect(build(tmp_path))
    db.execute("UPDATE actions SET due = 'after the election' WHERE text LIKE 'Agree the rules%'")
    result = due_calendar(db)
    db.close()
    assert result.count == 2
    assert len(result.warnings) == 1 and "'after the election', which is not a date" in result.warnings[0]
    assert [line.split(" (")[0] for line in result.left_out] == ["action 1", "action 4"]
    assert result.left_out[0].startswith("action 1 (PG, 20 Jan 2015) has no due date: Get further information")
