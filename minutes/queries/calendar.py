"""The actions a calendar shows, each with what a calendar program needs to keep it true.

    >>> rows = calendar_actions(db, owner="TG")
    >>> [(r["id"], r["status"], r["sequence"]) for r in rows]

Every action (open, done and dropped: a calendar that once showed an action
must be told it is closed, not left to show it for ever), as
``queries.outstanding`` gives them, with:

- ``sequence``: how many times it has changed since it was set (every event
  of its history but its creation, its re-issues' included), which only
  grows, so a newer export is a newer revision of each entry;
- ``changed_at``: when it last changed (UTC), and ``closed_at``: when it was
  last marked done or dropped.
"""
from __future__ import annotations

from typing import Any

from minutes.db import fetch
from minutes.queries.actions import outstanding


def calendar_actions(db, *, owner: str | None = None, series: str | None = None) -> list[dict[str, Any]]:
    rows = outstanding(db, status="all", owner=owner, series=series)
    changes: dict[int, dict] = {}
    ids = [r["id"] for r in rows]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for c in fetch(db, "SELECT coalesce(a.carried_from, a.id) AS root, count(e.id) AS n, max(e.at) AS at, "
                       "max(CASE WHEN e.event IN ('done', 'dropped') THEN e.at END) AS closed "
                       "FROM actions a JOIN action_events e ON e.action_id = a.id AND e.event != 'created' "
                       f"WHERE coalesce(a.carried_from, a.id) IN ({', '.join('?' * len(part))}) GROUP BY root",
                       part):
            changes[c["root"]] = c
    for r in rows:
        c = changes.get(r["id"], {})
        r["sequence"] = c.get("n", 0)
        r["changed_at"] = c.get("at")
        r["closed_at"] = c.get("closed") if r["status"] != "open" else None
    return rows
