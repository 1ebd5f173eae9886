"""The database for auditors, in Datasette: labels, descriptions, canned queries.

    >>> json.dump(metadata("board"), open("metadata.json", "w"))
    $ datasette board.db --metadata metadata.json

``metadata(name)`` describes the database Datasette calls ``name`` (the file
name without ``.db``): a label column for every table, so that each foreign
key shows a name; a description of each table and column; and canned
queries (outstanding actions by owner, actions by organisation, the decision
history of a series, an action's full history, the corrections made by hand).  Full-text search needs no
metadata: Datasette finds the ``<table>_fts`` tables itself.  The owner
query names owners as ``minutes actions --owner`` does (``OWNER_TESTS``).
``minutes.serve`` runs Datasette with it.
"""
from __future__ import annotations

import os

from minutes.schema import SEARCHED
from minutes.tracking.owners import row_named

# table -> (label column, description, {column: description})
TABLES: dict[str, tuple[str, str, dict[str, str]]] = {
    "documents": ("name", "Each file ingested, by its SHA-256 (a corrected version is a new document).",
                  {"name": "File name", "path": "Path as given to 'minutes ingest'", "sha256": "SHA-256 of the file",
                   "meeting_id": "The meeting it holds",
                   "role": "source (what the meeting is read from), duplicate (the same minutes in another file) "
                           "or older (a version since corrected)",
                   "format": "docx, html, markdown or text", "size": "Size in bytes",
                   "ingested_at": "When it was stored (UTC)"}),
    "meetings": ("name", "One row per meeting: a series and a date (the latest version of its minutes).",
                 {"name": "Date and series", "series": "The meeting series (from the title, or --series)",
                  "title": "Title as written", "date": "Meeting date (YYYY-MM-DD)",
                  "key": "Series and date: the same key is the same meeting",
                  "document_id": "The document these minutes come from",
                  "warnings": "What the parser could not read cleanly (JSON list)"}),
    "people": ("name", "Each person named as an attendee, once across the meetings of a series (or more, when "
                         "merged by hand).",
               {"name": "Name as first written (or as set by hand)", "initials": "Initials as last written",
                "key": "The series and folded name the person was first known by",
                "email": "E-mail address as last written (or set by hand)",
                "email_by_hand": "1 when the address was set with 'minutes people set-email' (no minutes override it)",
                "by_hand": "1 when the name was set by hand"}),
    "attendees": ("name", "Who was at (or sent apologies to) each meeting.",
                  {"meeting_id": "The meeting", "person_id": "The person", "status": "present, apologies, absent "
                   "or in_attendance", "organisation": "Organisation as written in these minutes"}),
    "items": ("title", "Agenda items of each meeting, with their text.",
              {"number": "Item number as written", "title": "Item title", "text": "What the minutes say",
               "locator": "Where in the document"}),
    "questions": ("text", "Questions asked at meetings.", {"asker": "Who asked (as written)", "item": "Item number"}),
    "answers": ("text", "Answers to those questions.", {"question_id": "The question", "speaker": "Who answered"}),
    "actions": ("text", "Actions the meetings set; status is kept across versions of the minutes and by hand.",
                {"owners": "Owners as written", "text": "The action", "due": "Due date or phrase as written",
                 "status": "open, done or dropped (as now tracked)", "minutes_status": "Status the minutes gave",
                 "in_minutes": "1 while the latest version of the minutes still has it", "ref": "Number as written",
                 "locator": "Where in the document", "meeting_id": "The meeting that set it",
                 "item_id": "The item it was set under"}),
    "action_owners": ("written", "Owners of each action, resolved to people where the initials or name match.",
                      {"written": "Owner as written", "person_id": "The person, when resolved",
                       "attendee_id": "Their attendance at the meeting", "all_attendees": "1 when written as All"}),
    "action_events": ("event", "The history of each action: created, done, reopened, dropped, edited, notes.",
                      {"at": "When (UTC)", "actor": "Who: a login name, or minutes", "source": "minutes or hand",
                       "note": "Why, or what changed"}),
    "updates": ("text", "Updates that minutes give on earlier meetings' actions (matters arising).",
                {"ref": "Action number as written", "status": "Status the update gives", "note": "The update"}),
    "decisions": ("text", "Decisions recorded in the minutes.", {"item": "Item number", "text": "The decision"}),
    "person_names": ("key", "The names each person is known by in a series (people are matched only within a "
                     "series, unless merged by hand).",
                     {"person_id": "The person", "series": "The meeting series", "key": "Folded name without titles",
                      "by_hand": "1 when set by 'minutes people merge' or 'rename'"}),
    "action_edits": ("field", "What was edited by hand on each action ('minutes edit'); no version of the minutes "
                     "overrides it.", {"field": "text, owners, due or item", "value": "The value set",
                                       "was": "The value before", "at": "When (UTC)", "actor": "Who",
                                       "note": "Why"}),
    "changes": ("summary", "The audit log: every correction made by hand (forget, edit, done/reopen/drop, people "
                "merge/rename, series rename/merge, a meeting moved by ingest --series).",
                {"at": "When (UTC)", "actor": "Who: a login name, or --by", "command": "The command",
                 "target": "What it changed", "summary": "What it did", "note": "Why (--note)",
                 "detail": "What it did, as data (JSON): what was removed, statuses and notes set by hand included"}),
    "ingest_log": ("path", "Every file each 'minutes ingest' read, and what it found.",
                   {"at": "When the ingest ran (UTC)", "actor": "Who ran it", "path": "The file as named",
                    "status": "added, updated, duplicate, moved, unchanged, failed or skipped",
                    "meeting_id": "The meeting it holds", "detail": "What changed, or why it failed"}),
    "pending_rekey": ("what", "People whose names are owed working out again after an upgrade; the next write "
                      "does it.", {"what": "What is owed"}),
    "pending_relink": ("series", "Series stored but not yet relinked (an ingest was cut short); the next "
                       "write relinks them.", {"series": "The meeting series"}),
}

# The facets each table page offers: an action's status (open, done, dropped) first of all.
FACETS = {"actions": ("status",), "meetings": ("series",), "attendees": ("status",), "action_events": ("event",)}

_OWNER = "coalesce(p.name, o.written, '(no owner)')"
_NAMED = row_named(":owner", "\n       or ")   # the words typed name the owner row as they do for 'minutes actions --owner'

QUERIES: dict[str, dict[str, str]] = {
    "outstanding_by_owner": {
        "title": "Outstanding actions by owner",
        "description": "Open actions, one row per owner (leave owner empty for all; initials or part of a name).",
        "sql": f"""select {_OWNER} as owner, coalesce(t.initials, p.initials, o.written) as initials,
  a.id as action_id, a.text as action, a.due, m.series, m.date as meeting_date, a.item
from actions a
join meetings m on m.id = a.meeting_id
left join action_owners o on o.action_id = a.id
left join people p on p.id = o.person_id
left join attendees t on t.id = o.attendee_id
where a.status = 'open'
  and (:owner = '' or {_NAMED})
order by owner collate nocase, m.date, a.position""",
    },
    "actions_by_organisation": {
        "title": "Actions by organisation",
        "description": "Each partner's actions, open ones first (organisation and status may be left empty).",
        "sql": f"""select coalesce(nullif(t.organisation, ''), '(no organisation)') as organisation,
  {_OWNER} as owner, a.id as action_id, a.text as action, a.status, a.due, m.series, m.date as meeting_date
from actions a
join meetings m on m.id = a.meeting_id
left join action_owners o on o.action_id = a.id
left join people p on p.id = o.person_id
left join attendees t on t.id = o.attendee_id
where (:organisation = '' or t.organisation like '%' || :organisation || '%')
  and (:status = '' or a.status = :status)
order by organisation collate nocase, a.status != 'open', m.date, a.position""",
    },
    "decision_history": {
        "title": "Decision history of a series",
        "description": "Every decision of the meetings whose series contains the words given, oldest first.",
        "sql": """select m.date as meeting_date, m.series, d.item, i.title as item_title, d.text as decision,
  d.locator, m.id as meeting_id
from decisions d
join meetings m on m.id = d.meeting_id
left join items i on i.id = d.item_id
where m.series like '%' || :series || '%'
order by m.date, m.id, d.position""",
    },
    "action_history": {
        "title": "An action's full history",
        "description": "The action (by id) as set, then every change: from the minutes and by hand.",
        "sql": """select e.at, e.event, e.actor, e.source, e.note, m.name as meeting, a.text as action,
  a.owners, a.status as status_now
from action_events e
join actions a on a.id = e.action_id
join meetings m on m.id = e.meeting_id
where e.action_id = :action_id
order by e.at, e.id""",
    },
    "corrections": {
        "title": "Corrections made by hand (the audit log)",
        "description": "Who changed what, and when: forgotten files and meetings, edited actions, statuses set by "
                       "hand, people and series merged or renamed (leave the words empty for all).",
        "sql": """select c.at, c.actor, c.command, c.target, c.summary, c.note, c.detail
from changes c
where :words = '' or c.summary like '%' || :words || '%' or c.target like '%' || :words || '%'
  or c.actor like '%' || :words || '%' or c.command like '%' || :words || '%'
order by c.id desc""",
    },
}


def metadata(name: str = "minutes") -> dict:
    """Datasette metadata for the database Datasette calls ``name``."""
    tables = {}
    for table, (label, description, columns) in TABLES.items():
        tables[table] = {"label_column": label, "description": description, "columns": columns}
        if table in FACETS:
            tables[table]["facets"] = list(FACETS[table])
        if table in SEARCHED:
            tables[table]["fts_table"] = f"{table}_fts"
            tables[table]["fts_pk"] = "id"
    return {
        "title": "Minutes",
        "description": "Meetings, attendees, items, questions, actions and decisions read from minutes by "
                       "'minutes ingest'. Search any table with a search box; canned queries below.",
        "databases": {name: {"tables": tables, "queries": QUERIES}},
    }


def database_name(db_path: str) -> str:
    """The name Datasette gives the database file (its name without the extension)."""
    return os.path.splitext(os.path.basename(db_path))[0]
