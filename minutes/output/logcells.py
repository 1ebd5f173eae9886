"""What every format of the action log shows: its columns, each row's cells, its headings.

    >>> cells(log, log.entries[0])
    ['2.1', 'Circulate the statement', 'Daxa Pancholi (DP)', …, '1 Apr 2015 (overdue)', '']

Shared by ``actionlog`` (HTML, Markdown, CSV) and ``worddoc`` (DOCX), so that
every format carries the same rows, with dates as people write them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.output.dates import day_text
from minutes.output.formats import clean

if TYPE_CHECKING:  # pragma: no cover
    from minutes.queries.actionlog import ActionLog, Entry

SECTION = "Summary of actions"
COLUMNS = ["Ref", "Action", "Owner", "Organisation", "Meeting", "Due", "Latest update"]
OVERDUE = "(overdue)"


def columns(log: "ActionLog") -> list[str]:
    return COLUMNS[:6] + ["Status"] + COLUMNS[6:] if log.since else COLUMNS


def meeting_cell(log: "ActionLog", e: "Entry") -> str:
    """"20 Jan 2015, item 4 Questions" (with the series first when the log spans every series)."""
    parts = [e.series] if log.series is None else []
    parts.append(day_text(e.meeting))
    return ", ".join(p for p in parts if p) + (f", item {e.item}" if e.item else "")


def due_cell(e: "Entry") -> str:
    """"31 Mar 2015", "30 Nov 2023 (November meeting)", "by the next meeting"; then "(overdue)" when it is."""
    due = day_text(e.due) + (f" ({e.due_text})" if e.due_text and e.due_date else "")
    return f"{due} {OVERDUE}" if e.overdue else due


def latest_cell(e: "Entry") -> str:
    """"Awaiting the finance team (meeting of 10 Mar 2015)", "Done: figures sent (12 Mar 2015, by hand)"."""
    if e.latest is None:
        return ""
    text = e.latest.text[:1].upper() + e.latest.text[1:]
    when = day_text(e.latest.day)
    where = f"meeting of {when}" if e.latest.source == "meeting" else f"{when}, by hand"
    return f"{text} ({where})" if when else text


def cells(log: "ActionLog", e: "Entry") -> list[str]:
    row = [e.ref, e.text, e.owner_text, e.organisation_text, meeting_cell(log, e), due_cell(e)]
    row += [e.status] if log.since else []
    return [clean(c, one_line=True) for c in row + [latest_cell(e)]]


def group_label(log: "ActionLog", label: str) -> str:
    """A group's heading row; for items, the meeting's date written out ("20 Jan 2015 — item 4")."""
    if log.by == "item":
        head, sep, rest = label.partition(" — ")
        label = day_text(head) + sep + rest
    return clean(label, one_line=True)


def as_at(log: "ActionLog") -> str:
    """"Actions as at the meeting of 10 Mar 2015" (the log's latest meeting)."""
    meeting = day_text(log.last_date) if log.last_date else log.last_meeting
    return clean(f"Actions as at the meeting of {meeting}", one_line=True) if meeting else "Actions"


def heading(log: "ActionLog") -> str:
    """The body and meeting, as the top of each page shows them."""
    return clean(f"{log.body} — {as_at(log)}", one_line=True)


def intro(log: "ActionLog") -> str:
    scope = "Open actions" + (f" and actions closed since {day_text(log.since)}" if log.since else "")
    counted = [e for e in log.entries if e.status == "open"]
    late = sum(e.overdue for e in counted)
    count = f"{len(counted)} open action{'s' if len(counted) != 1 else ''}" + (f", {late} overdue" if late else "")
    last = day_text(log.last_date) if log.last_date else log.last_meeting
    grouped = {"owner": "owner", "organisation": "organisation", "item": "meeting and item"}[log.by]
    return clean(f"{scope}, grouped by {grouped}, as at the meeting of {last}: {count}. "
                 f"Prepared on {day_text(log.prepared)}.", one_line=True)


def empty(log: "ActionLog") -> str:
    return "There are no open actions." if not log.since else \
        f"There are no open actions or actions closed since {day_text(log.since)}."
