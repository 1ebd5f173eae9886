"""The statuses an action has, and the changes people make to them by hand.

A status set by hand (``minutes done``, ``reopen``, ``drop``) is a history
event of its own; the series walk folds those events in (``HAND_STATUS``).
"""
from __future__ import annotations

STATUSES = ("open", "done", "dropped")
# command -> (new status, history event, statuses it may start from)
CHANGES = {
    "done": ("done", "done", ("open", "dropped")),
    "reopen": ("open", "reopened", ("done", "dropped")),
    "drop": ("dropped", "dropped", ("open", "done")),
}
# a history event by hand -> the status it sets
HAND_STATUS = {event: status for status, event, _ in CHANGES.values()}
