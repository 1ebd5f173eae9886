"""Actions as an iCalendar file that stays true, for any calendar program.

    >>> result = due_calendar(queries.calendar_actions(db, owner="TG"), owner="TG", alarms=[timedelta(days=2)])
    >>> open("actions.ics", "wb").write(result.data)

One all-day event on its due date per action (or, with ``todo=True``, one
to-do due that day), saying which meeting and item set it and who owns it.
Each action keeps one UID for ever, and each export carries its
``SEQUENCE`` (how often it has changed), so importing a newer file updates
the entries instead of doubling them.  An action that is done or dropped is
not left out (the entry already imported would stay for ever) but marked:
a to-do ``COMPLETED`` (with when) or ``CANCELLED``, an event ``CANCELLED``
with "Done:" or "Dropped:" before its summary.  Open actions may carry
alarms (``VALARM``, some time before the due date).  The actions without a
due date, and those whose due is a phrase, are named in ``left_out`` for
the command to list.  Written with the ``icalendar`` library (named ``ical``
here so as not to shadow the standard ``calendar`` module).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from minutes.output.dates import day_text
from minutes.output.formats import clean
from minutes.tracking.owners import owner_label

PRODID = "-//minutes//due actions//EN"
CLOSED = {"done": "Done", "dropped": "Dropped"}


@dataclass
class CalendarResult:
    data: bytes
    count: int                                            # entries written
    closed: int = 0                                       # of them, done or dropped
    left_out: list[str] = field(default_factory=list)     # open actions with no date, one line each
    warnings: list[str] = field(default_factory=list)     # kept for callers of the first version

    @property
    def open(self) -> int:
        return self.count - self.closed


def _due_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def _utc(text: str | None) -> datetime | None:
    """A stored UTC time ("2015-03-10T09:00:00Z", or a bare date) as an aware datetime."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=moment.tzinfo or timezone.utc).astimezone(timezone.utc).replace(microsecond=0)


def due_calendar(rows: list[dict], *, owner: str | None = None, series: str | None = None, todo: bool = False,
                 alarms: list[timedelta] | tuple = (), stamp: datetime | None = None) -> CalendarResult:
    """The actions of ``rows`` (as ``queries.calendar_actions`` gives them; rows without ``sequence``
    count as never changed) that have a due date, as iCalendar bytes; ``owner`` and ``series`` (what
    the rows were chosen by) name the calendar; each open action gets an alarm ``alarms`` before it is due."""
    from icalendar import Calendar, Event, Todo

    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean("Actions due" + "".join(f" — {x}" for x in (series, owner) if x), True))
    result = CalendarResult(b"", 0)
    for r in rows:
        day = _due_date(r["due"])
        status = r.get("status", "open")
        if day is None:
            if status == "open":
                result.left_out.append(_left_out(r))
            continue
        entry = Todo() if todo else Event()
        entry.add("uid", _uid(r))
        entry.add("dtstamp", stamp)
        entry.add("sequence", int(r.get("sequence") or 0))
        changed = _utc(r.get("changed_at")) or _utc(r.get("created_at"))
        if changed:
            entry.add("last-modified", changed)
        owners = "; ".join(owner_label(o) for o in r["owners"]) or "no owner"
        summary = f"Action {r['id']} ({owners}): {r['text']}"
        if todo:
            entry.add("due", day)
            entry.add("status", {"open": "NEEDS-ACTION", "done": "COMPLETED"}.get(status, "CANCELLED"))
            if status == "done":
                entry.add("percent-complete", 100)
                entry.add("completed", _utc(r.get("closed_at")) or stamp)
        else:
            entry.add("dtstart", day)
            entry.add("dtend", day + timedelta(days=1))
            entry.add("transp", "TRANSPARENT")
            entry.add("status", "CONFIRMED" if status == "open" else "CANCELLED")
        if status != "open":
            summary = f"{CLOSED.get(status, status.title())}: {summary}"
            result.closed += 1
        entry.add("summary", clean(summary, True))
        entry.add("description", _description(r, owners))
        entry.add("categories", ["Action"])
        if status == "open":
            for before in alarms:
                entry.add_component(_alarm(before, summary, todo))
        cal.add_component(entry)
        result.count += 1
    result.warnings = [line for line in result.left_out if "which is not a date" in line]
    result.data = cal.to_ical()
    return result


def _alarm(before: timedelta, summary: str, todo: bool):
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", clean(f"Due in {_span(before)}: {summary}", True))
    alarm.add("trigger", -before, parameters={"RELATED": "END"} if todo else {})
    return alarm


def _span(before: timedelta) -> str:
    days, seconds = before.days, before.seconds
    parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
    if seconds // 3600:
        parts.append(f"{seconds // 3600} hour{'s' if seconds // 3600 != 1 else ''}")
    if seconds % 3600 // 60:
        parts.append(f"{seconds % 3600 // 60} minute{'s' if seconds % 3600 // 60 != 1 else ''}")
    return " ".join(parts) or "no time"


def _left_out(r: dict) -> str:
    owners = "; ".join(owner_label(o) for o in r["owners"]) or "no owner"
    due = r["due"] or r.get("due_text")
    why = f"is due {clean(due, True)!r}, which is not a date" if due else "has no due date"
    return clean(f"action {r['id']} ({owners}, {day_text(r['meeting_date']) or r['meeting_title'] or ''}) {why}: "
                 f"{r['text']}", True)


def _description(r: dict, owners: str) -> str:
    meeting = " ".join(x for x in (day_text(r["meeting_date"]), r["meeting_title"] or r["series"]) if x)
    item = " ".join(x for x in (r["item"], r["item_title"]) if x)
    lines = [f"Action {r['id']}: {r['text']}", f"Owner: {owners}", f"Set at: {meeting}"
             + (f", item {item}" if item else ""), f"Due: {day_text(r['due'])}"]
    status = r.get("status", "open")
    lines.append(f"When it is done: minutes done {r['id']}" if status == "open" else
                 f"Status: {status}" + (f" ({day_text(r['closed_at'])})" if r.get("closed_at") else ""))
    return "\n".join(clean(line, True) for line in lines)


def _uid(r: dict) -> str:
    """Stable across exports of the same database: the action's id, meeting and series."""
    digest = hashlib.sha1(f"{r['series']}|{r['meeting_date']}|{r['id']}".encode()).hexdigest()[:16]
    return f"action-{r['id']}-{digest}@minutes"
