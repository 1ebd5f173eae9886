"""Actions read back: outstanding by owner, one action, its history, those carried forward.

    >>> db = minutes.db.connect("minutes.db", create=False)
    >>> rows = outstanding(db, owner="pg")
    >>> groups = by_owner(rows)

Every function takes an open database and returns plain rows (dicts and
lists); nothing is written, and formatting belongs to ``minutes.output``.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from minutes.choices import STATUSES
from minutes.db import fetch, like_escape
from minutes.errors import MinutesError, UnknownAction
from minutes.tracking.owners import actions_named
from minutes.tracking.refs import find_meeting
from minutes.tracking.series import tracked_id

ISO_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"


def _age(day: str | None, today: date) -> int | None:
    try:
        return (today - date.fromisoformat((day or "")[:10])).days
    except ValueError:
        return None


def meeting_filters(since: str | None, until: str | None, series: str | None) -> tuple[list[str], list]:
    """SQL conditions (on meetings ``m``) and their parameters for --since/--until/--series."""
    where, params = [], []
    if since:
        where.append("m.date >= ?")
        params.append(since)
    if until:
        where.append("m.date <= ?")
        params.append(until)
    if series:
        where.append("m.series LIKE ? ESCAPE '\\'")
        params.append(like_escape(series))
    return where, params


def outstanding(db, *, owner: str | None = None, status: str = "open", series: str | None = None,
                meeting: str | None = None, since: str | None = None, until: str | None = None,
                overdue: bool = False, today: date | None = None, ids: list[int] | None = None,
                include_carried: bool = False) -> list[dict[str, Any]]:
    """Actions (open ones by default), oldest meeting first, each with its owners.

    An action re-issued by a later meeting is listed once, as the action first
    set (``include_carried`` adds the re-issued rows too, as ``show`` does).
    """
    today = today or date.today()
    where, params = [], []
    if ids is None and not include_carried:
        where.append("a.carried_from IS NULL")
    if status != "all":
        if status not in STATUSES:
            raise MinutesError(f"unknown status {status!r}: use open, done, dropped or all")
        where.append("a.status = ?")
        params.append(status)
    if ids is not None:
        where.append(f"a.id IN ({', '.join('?' * len(ids)) or 'NULL'})")
        params += list(ids)
    if meeting:
        where.append("a.meeting_id = ?")
        params.append(find_meeting(db, meeting))
    more, more_params = meeting_filters(since, until, series)
    where += more
    params += more_params
    if overdue:
        where.append("a.status = 'open' AND a.due GLOB ? AND substr(a.due, 1, 10) < ?")
        params += [ISO_DATE, today.isoformat()]
    if owner:
        named, named_params = actions_named(owner)
        where.append(f"a.id IN ({named})")
        params += named_params
    sql = ("SELECT a.id, a.text, a.status, a.due, a.due_text, a.ref, a.carried_from, a.item, "
           "i.title AS item_title, a.locator AS 'where', "
           "a.in_minutes, a.created_at, m.id AS meeting_id, m.date AS meeting_date, m.title AS meeting_title, "
           "m.series FROM actions a JOIN meetings m ON m.id = a.meeting_id "
           "LEFT JOIN items i ON i.id = a.item_id"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date, m.id, a.position")
    rows = fetch(db, sql, params)
    owners = owners_of(db, [r["id"] for r in rows])
    for r in rows:
        r["owners"] = owners.get(r["id"], [])
        r["age_days"] = _age(r["meeting_date"] or r["created_at"], today)
    return rows


def owners_of(db, action_ids: list[int]) -> dict[int, list[dict]]:
    """Owners per action; "All" collapses to one owner."""
    out: dict[int, list[dict]] = {}
    for chunk in range(0, len(action_ids), 500):
        ids = action_ids[chunk:chunk + 500]
        for r in fetch(db, "SELECT o.action_id, o.written, o.all_attendees, o.person_id, p.name, "
                       "coalesce(t.initials, p.initials) AS initials FROM action_owners o "
                       "LEFT JOIN people p ON p.id = o.person_id LEFT JOIN attendees t ON t.id = o.attendee_id "
                       f"WHERE o.action_id IN ({', '.join('?' * len(ids))}) ORDER BY o.action_id, o.position",
                       ids):
            owners = out.setdefault(r["action_id"], [])
            if r["all_attendees"]:
                if not any(o.get("all") for o in owners):
                    owners.append({"name": "All attendees", "initials": r["written"], "person_id": None,
                                   "all": True})
                continue
            owners.append({"name": r["name"], "initials": r["initials"] or (None if r["name"] else r["written"]),
                           "person_id": r["person_id"]})
    return out


def get_action(db, action_id: int) -> dict:
    """One action, in the shape of ``outstanding`` rows."""
    rows = outstanding(db, status="all", ids=[action_id])
    if not rows:
        raise UnknownAction(action_id)
    return rows[0]


def history(db, action_id: int) -> list[dict]:
    """The whole life of an action, oldest first, document by document.

    Events of the action and of its re-issues, in the order they happened:
    by meeting date for what minutes said, by the day it was recorded for
    what people did and for corrected versions.  ``document`` names the
    minutes an event came from.
    """
    root = tracked_id(db, action_id)
    return fetch(db, "SELECT coalesce(e.on_date, substr(e.at, 1, 10)) AS date, e.event, e.actor, e.source, "
                 "e.note, e.at, e.action_id, m.date AS meeting_date, "
                 "CASE WHEN e.source = 'minutes' THEN d.name END AS document "
                 "FROM action_events e JOIN actions a ON a.id = e.action_id "
                 "LEFT JOIN meetings m ON m.id = e.meeting_id LEFT JOIN documents d ON d.id = m.document_id "
                 "WHERE a.id = ? OR a.carried_from = ? "
                 "ORDER BY date IS NULL, date, e.derived, e.id", [root, root])


def life(db, action_id: int) -> tuple[dict, list[dict]]:
    """An action (the one it re-issues, if it is a re-issue) and its whole history."""
    events = history(db, action_id)
    return get_action(db, tracked_id(db, action_id)), events


def carried(db, *, series: str | None = None, owner: str | None = None, minimum: int = 2,
            today: date | None = None) -> list[dict[str, Any]]:
    """Open actions that have stayed open across ``minimum`` or more meetings of their series.

    ``meetings_open`` counts the meetings of the series from the one that set
    the action to the latest; ``last_update`` is what the latest minutes said.
    """
    rows = outstanding(db, series=series, owner=owner, today=today)
    dates: dict[str, list[str]] = {}
    for series_name, day in db.execute("SELECT series, date FROM meetings WHERE date IS NOT NULL ORDER BY date"):
        dates.setdefault(series_name, []).append(day)
    notes = {r["action_id"]: r for r in fetch(
        db, "SELECT u.action_id, m.date, u.note, u.status FROM updates u JOIN meetings m ON m.id = u.meeting_id "
        "WHERE u.action_id IS NOT NULL ORDER BY m.date, u.position")}
    out = []
    for r in rows:
        held = [d for d in dates.get(r["series"], []) if r["meeting_date"] and d >= r["meeting_date"]]
        r["meetings_open"] = len(held)
        last = notes.get(r["id"])
        r["last_update"] = f"{last['date']}: {last['note'] or last['status']}" if last else None
        if r["meetings_open"] >= minimum:
            out.append(r)
    return sorted(out, key=lambda r: (-r["meetings_open"], r["meeting_date"] or "", r["id"]))
