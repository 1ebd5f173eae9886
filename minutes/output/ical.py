"""Due actions as an iCalendar file, for any calendar program.

    >>> result = due_calendar(queries.outstanding(db, owner="TG"), owner="TG")
    >>> open("actions.ics", "wb").write(result.data)

One all-day event on its due date per open action (or, with ``todo=True``,
one to-do due that day), saying which meeting and item set it and who owns
it.  Each has a stable UID, so importing a newer file updates the entries
instead of doubling them.  Written with the ``icalendar`` library (named
``ical`` here so as not to shadow the standard ``calendar`` module).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from minutes.output.formats import clean
from minutes.tracking.owners import owner_label

PRODID = "-//minutes//due actions//EN"


@dataclass
class CalendarResult:
    data: bytes
    count: int
    warnings: list[str] = field(default_factory=list)


def _due_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def due_calendar(rows: list[dict], *, owner: str | None = None, series: str | None = None, todo: bool = False,
                 stamp: datetime | None = None) -> CalendarResult:
    """The actions of ``rows`` (open actions, as ``queries.outstanding`` gives them) that have a
    due date, as iCalendar bytes; actions whose due is not a date are warned about.  ``owner``
    and ``series`` (what the rows were chosen by) name the calendar."""
    from icalendar import Calendar, Event, Todo

    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean("Actions due" + "".join(f" — {x}" for x in (series, owner) if x), True))
    warnings: list[str] = []
    count = 0
    for r in rows:
        day = _due_date(r["due"])
        if day is None:
            if r["due"]:
                warnings.append(f"action {r['id']} is due {clean(r['due'], True)!r}, which is not a date: "
                                "not in the calendar")
            continue
        entry = Todo() if todo else Event()
        entry.add("uid", _uid(r))
        entry.add("dtstamp", stamp)
        if todo:
            entry.add("due", day)
            entry.add("status", "NEEDS-ACTION")
        else:
            entry.add("dtstart", day)
            entry.add("dtend", day + timedelta(days=1))
            entry.add("transp", "TRANSPARENT")
        owners = "; ".join(owner_label(o) for o in r["owners"]) or "no owner"
        entry.add("summary", clean(f"Action {r['id']} ({owners}): {r['text']}", True))
        entry.add("description", _description(r, owners))
        entry.add("categories", ["Action"])
        cal.add_component(entry)
        count += 1
    return CalendarResult(cal.to_ical(), count, warnings)


def _description(r: dict, owners: str) -> str:
    meeting = " ".join(x for x in (r["meeting_date"], r["meeting_title"] or r["series"]) if x)
    item = " ".join(x for x in (r["item"], r["item_title"]) if x)
    lines = [f"Action {r['id']}: {r['text']}", f"Owner: {owners}", f"Set at: {meeting}"
             + (f", item {item}" if item else ""), f"Due: {r['due']}",
             f"When it is done: minutes done {r['id']}"]
    return "\n".join(clean(line, True) for line in lines)


def _uid(r: dict) -> str:
    """Stable across exports of the same database: the action's id, meeting and series."""
    digest = hashlib.sha1(f"{r['series']}|{r['meeting_date']}|{r['id']}".encode()).hexdigest()[:16]
    return f"action-{r['id']}-{digest}@minutes"
