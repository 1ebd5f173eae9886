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
# What an action log is grouped by: each owner, or each owner's organisation.
GROUPINGS = ("owner", "organisation")
# The files an action log is written as.
LOG_FORMATS = ("docx", "markdown", "html", "csv")
