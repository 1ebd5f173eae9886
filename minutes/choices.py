"""The fixed choices of the application, each defined once: the library checks
what it is given against them, and the command line offers them as its options.

A status set by hand (``minutes done``, ``reopen``, ``drop``) is a history
event of its own; the series walk folds those events in (``HAND_STATUS``).
This module imports nothing, so that the command line can offer the choices
without loading the library.
"""
from __future__ import annotations

# The statuses of an action.
STATUSES = ("open", "done", "dropped")
# command -> (new status, history event, statuses it may start from)
CHANGES = {
    "done": ("done", "done", ("open", "dropped")),
    "reopen": ("open", "reopened", ("done", "dropped")),
    "drop": ("dropped", "dropped", ("open", "done")),
}
# a history event by hand -> the status it sets
HAND_STATUS = {event: status for status, event, _ in CHANGES.values()}
# What an action log is grouped by: its owners, their organisations, or the meeting and item that set it.
GROUPINGS = ("owner", "organisation", "item")
# The files an action log is written as, and the extensions of each.
LOG_FORMATS = ("docx", "markdown", "html", "csv")
LOG_EXTENSIONS = {"docx": (".docx",), "markdown": (".md", ".markdown", ".txt"), "html": (".html", ".htm"),
                  "csv": (".csv", ".txt")}
# The paper a Word action log is set on (A4, as in the UK, unless asked).
PAPERS = ("a4", "letter")
# The files a calendar is written as.
CALENDAR_EXTENSIONS = (".ics", ".ical", ".icalendar")
