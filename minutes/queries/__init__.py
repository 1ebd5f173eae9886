"""The read side: rows out of the database, no writes, no formatting.

actions (outstanding actions by owner, one action, its history, those
carried forward), audit (meetings, one meeting in full, people, decisions,
full-text search), changes (the audit log of corrections, the series, the
ingest log), actionlog (a series' action log for the agenda pack), calendar
(every action with how often it changed, for calendars that stay true) and
remind (each owner's open actions and where to send them).
"""
from __future__ import annotations

from minutes.queries.actionlog import ActionLog, action_log, find_series
from minutes.queries.actions import (carried, find_meeting, get_action, history, life, meeting_filters,
                                     outstanding, owners_of)
from minutes.queries.audit import decisions, meetings, people, search, show_meeting
from minutes.queries.changes import changes, ingest_log, series
from minutes.tracking.refs import find_person
from minutes.queries.calendar import calendar_actions
from minutes.queries.remind import Reminders, owed_by_owner
from minutes.tracking.series import tracked_id

__all__ = ["ActionLog", "action_log", "find_series", "calendar_actions", "Reminders", "owed_by_owner", "carried", "find_meeting", "get_action",
           "history", "life", "meeting_filters", "outstanding", "owners_of", "decisions", "meetings", "people",
           "search", "show_meeting", "tracked_id", "changes", "ingest_log", "series", "find_person"]
