"""Write what a walk of a series found: links, carry-forward, status, due dates, derived events.

    >>> with transaction(db):
    ...     warnings = relink(db, "ICAT Steering Group", now())

``minutes.tracking.series`` reads a series and works out its end state; this
writes the rows that differ from it, and rewrites the derived history events.
"""
from __future__ import annotations

import json

from minutes.tracking.series import walk_series


def relink(db, series: str, stamp: str) -> dict[int, list[str]]:
    """Recompute links, carry-forward, status, due dates and derived events of ``series``.

    Call inside a write transaction.  Returns the linking warnings per meeting id.
    """
    walk = walk_series(db, series)
    result, events = walk.outcome()
    for a in walk.actions:
        r = walk.root[a["id"]]
        status, due = result[r]
        carried = None if r == a["id"] else r
        if (a["status"], a["due"], a["carried_from"]) != (status, due, carried):
            db.execute("UPDATE actions SET status = ?, due = ?, carried_from = ?, updated_at = ? WHERE id = ?",
                       [status, due, carried, stamp, a["id"]])
    for u in walk.updates:
        link = walk.links.get(u["id"], (None, None, None))
        if (u["action_id"], u["matched_by"], u["confidence"]) != link:
            db.execute("UPDATE updates SET action_id = ?, matched_by = ?, confidence = ? WHERE id = ?",
                       [*link, u["id"]])
    ids = [a["id"] for a in walk.actions]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join("?" * len(part))
        db.execute(f"DELETE FROM action_events WHERE derived = 1 AND action_id IN ({marks})", part)
        db.execute("UPDATE action_events SET on_date = CASE WHEN event = 'created' THEN "
                   "coalesce((SELECT date FROM meetings WHERE id = meeting_id), substr(at, 1, 10)) "
                   f"ELSE substr(at, 1, 10) END WHERE on_date IS NULL AND action_id IN ({marks})", part)
    if events:
        db["action_events"].insert_all(
            [{**e, "at": stamp, "actor": "minutes", "source": "minutes", "derived": 1} for e in events],
            batch_size=500)
    for mid, warnings in walk.warnings.items():
        db.execute("UPDATE meetings SET link_warnings = ? WHERE id = ?",
                   [json.dumps(warnings, ensure_ascii=False), mid])
    return walk.warnings
