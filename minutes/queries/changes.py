"""For auditors: the corrections made by hand (the audit log), the series, the ingest log.

Plain rows out, no writes, no printing; ``minutes.output.changes`` turns them into text.
"""
from __future__ import annotations

import json
from typing import Any

from minutes.db import fetch, like_escape


def changes(db, *, since: str | None = None, until: str | None = None, by: str | None = None,
            command: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The audit log, oldest first (the latest ``limit`` entries): who changed what, when, and why."""
    where, params = [], []
    if since:
        where.append("substr(at, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append("substr(at, 1, 10) <= ?")
        params.append(until)
    if by:
        where.append("actor = ?")
        params.append(by)
    if command:
        where.append("command LIKE ? ESCAPE '\\'")
        params.append(like_escape(command))
    sql = ("SELECT id, at, actor, command, target, summary, note, detail FROM changes"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id DESC")
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = fetch(db, sql, params)[::-1]
    for r in rows:
        r["detail"] = json.loads(r["detail"] or "{}")
    return rows


def series(db) -> list[dict[str, Any]]:
    """Each series: its meetings (first and last date), open actions and people."""
    return fetch(db, """
        SELECT m.series, count(*) AS meetings, min(m.date) AS first, max(m.date) AS last,
          (SELECT count(*) FROM actions a JOIN meetings x ON x.id = a.meeting_id
            WHERE x.series = m.series AND a.status = 'open' AND a.carried_from IS NULL) AS open_actions,
          (SELECT count(DISTINCT t.person_id) FROM attendees t JOIN meetings x ON x.id = t.meeting_id
            WHERE x.series = m.series) AS people
        FROM meetings m GROUP BY m.series ORDER BY m.series COLLATE NOCASE""")


def ingest_log(db, *, limit: int | None = None) -> list[dict[str, Any]]:
    """What each ingest read, the latest ``limit`` files, oldest first."""
    sql = "SELECT id, at, actor, path, status, meeting, detail FROM ingest_log ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return fetch(db, sql)[::-1]
