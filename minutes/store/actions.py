"""A meeting's actions across versions of its minutes, and the changes people make by hand.

``save_actions`` inserts a meeting's actions, or — for a corrected version —
keeps each action that still appears (``minutes.tracking.versions``) with its
id, its status set by hand and its history.  Actions that no longer appear
are kept, marked ``dropped`` with the note "no longer in the minutes"
(unless someone already closed them by hand).  ``set_status`` is one change
by hand (``minutes done``, ``reopen``, ``drop``): the action's status and one
history row and its entry in the audit log, nothing else (the series is not
walked again for it).  What was edited by hand (``minutes.store.edits``)
stays as edited whatever version of the minutes is stored.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.choices import CHANGES
from minutes.db import now, transaction
from minutes.errors import MinutesError
from minutes.store.audit import Change, actor, record
from minutes.store.edits import in_force, owners_written
from minutes.tracking.due import phrase_in
from minutes.tracking.keys import action_key
from minutes.tracking.owners import resolve_owner
from minutes.tracking.series import tracked_id
from minutes.tracking.versions import match

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils
    from parsers.records import Action

GONE_NOTE = "no longer in the minutes"
ACTOR = "minutes"


def _owner_rows(action_id: int, meeting_id: int, owners: list[str], attendees: list[dict]) -> list[dict]:
    rows = []
    for written in owners:
        for row in resolve_owner(written, attendees):
            rows.append({**row, "action_id": action_id, "meeting_id": meeting_id, "position": len(rows)})
    return rows


def set_by_hand(db: "sqlite_utils.Database", action_id: int) -> bool:
    return db.execute("SELECT 1 FROM action_events WHERE action_id = ? AND source = 'hand' "
                      "AND event IN ('done', 'reopened', 'dropped') LIMIT 1", [action_id]).fetchone() is not None


def save_actions(db: "sqlite_utils.Database", meeting_id: int, actions: list["Action"],
                 attendees: list[dict], item_ids: dict, *, source: str, stamp: str
                 ) -> tuple[int, int, list[tuple[int, str]]]:
    """Insert, update or retire this meeting's actions.  Returns (added, kept, gone)."""
    cols = ("id", "key", "text", "status", "minutes_status", "in_minutes", "due_text", "item")
    old = [dict(zip(cols, r)) for r in db.execute(
        f"SELECT {', '.join(cols)} FROM actions WHERE meeting_id = ? ORDER BY position", [meeting_id])]
    pairs = match(actions, old)
    edited = in_force(db, [o["id"] for o in pairs.values()])
    events: list[dict] = []
    owners: list[dict] = []
    matched = [o["id"] for o in pairs.values()]
    if matched:  # their owners are written afresh; actions no longer in the minutes keep theirs
        db.execute(f"DELETE FROM action_owners WHERE action_id IN ({', '.join('?' * len(matched))})", matched)

    def event(action_id: int, kind: str, note: str | None) -> None:
        events.append({"action_id": action_id, "meeting_id": meeting_id, "at": stamp, "event": kind,
                       "actor": ACTOR, "source": "minutes", "note": note})

    # New actions get the ids one insert at a time would give (max + 1, ...: the
    # writer's transaction is alone), so that they are inserted in one batch.
    next_id = db.execute("SELECT coalesce(max(id), 0) FROM actions").fetchone()[0] + 1
    new_rows: list[dict] = []
    for i, a in enumerate(actions):
        row = {"meeting_id": meeting_id, "item_id": item_ids.get(a.item), "item": a.item,
               "owners": ", ".join(a.owners), "text": a.text, "key": action_key(a.owners, a.text),
               "due": a.due, "due_text": a.due or getattr(a, "due_text", None) or phrase_in(a.text),
               "minutes_status": a.status or "open", "in_minutes": 1, "ref": a.ref, "locator": a.where, "position": i, "updated_at": stamp}
        o = pairs.get(i)
        if o is None:
            action_id, next_id = next_id, next_id + 1
            new_rows.append({"id": action_id, **row, "status": row["minutes_status"], "created_at": stamp})
            event(action_id, "created", f"from {source}")
        else:
            action_id = o["id"]
            hand = edited.get(action_id, {})
            if o["key"] != row["key"] or o["due_text"] != row["due_text"] or o["item"] != hand.get("item", a.item):
                event(action_id, "edited", f"the minutes now read: {row['owners'] or '(no owner)'}: {a.text}")
            status = o["status"]
            if not set_by_hand(db, action_id):
                if not o["in_minutes"] or row["minutes_status"] != o["minutes_status"]:
                    status = row["minutes_status"]
                if status != o["status"]:
                    kind = "reopened" if status == "open" else status
                    event(action_id, kind, "back in the minutes" if not o["in_minutes"] else "as the minutes say")
            del row["due"]  # the due date in force is the series' to say (minutes.tracking.series)
            for column in ("text", "owners", "item"):
                if column in hand:
                    row[column] = hand[column]
            if "item" in hand:
                row["item_id"] = item_ids.get(hand["item"])
            db["actions"].update(action_id, {**row, "status": status})
            if "owners" in hand:
                owners.extend(_owner_rows(action_id, meeting_id, owners_written(hand["owners"]), attendees))
                continue
        owners.extend(_owner_rows(action_id, meeting_id, a.owners, attendees))
    gone = []
    for o in old:
        if o["id"] in matched or not o["in_minutes"]:
            continue
        gone.append((o["id"], o["text"]))
        change = {"in_minutes": 0, "item_id": item_ids.get(o["item"]), "updated_at": stamp}
        if o["status"] == "open":
            db["actions"].update(o["id"], {**change, "status": "dropped"})
            event(o["id"], "dropped", GONE_NOTE)
        else:
            db["actions"].update(o["id"], change)
            event(o["id"], "note", GONE_NOTE)
    if new_rows:
        db["actions"].insert_all(new_rows, batch_size=500)
    if owners:
        db["action_owners"].insert_all(owners, batch_size=500)
    if events:
        db["action_events"].insert_all(events, batch_size=500)
    return len(new_rows), len(pairs), gone


def set_status(db, action_id: int, change: str, note: str | None = None, by: str | None = None,
               dry_run: bool = False) -> dict:
    """Mark an action done, reopen it or drop it; writes a history row and an audit log entry.

    A re-issued action stands for the action it carries forward: the change is
    made there, and to every re-issue of it.  Returns the action changed: its
    ``id``, new ``status`` and ``text``, and the ``change`` as logged.
    """
    status, event, allowed = CHANGES[change]
    with transaction(db, dry_run=dry_run):
        asked, action_id = action_id, tracked_id(db, action_id)
        row = db.execute("SELECT status, meeting_id, text FROM actions WHERE id = ?", [action_id]).fetchone()
        if row[0] not in allowed:
            raise MinutesError(f"action {action_id} is already {row[0]}")
        stamp = now()
        by = by or actor()
        db.execute("UPDATE actions SET status = ?, updated_at = ? WHERE id = ? OR carried_from = ?",
                   [status, stamp, action_id, action_id])
        db.execute("INSERT INTO action_events (action_id, meeting_id, at, on_date, event, actor, source, note) "
                   "VALUES (?, ?, ?, ?, ?, ?, 'hand', ?)",
                   [action_id, row[1], stamp, stamp[:10], event, by, note])
        reissue = f" (action {asked} re-issues it)" if asked != action_id else ""
        logged = record(db, Change(change, f"action {action_id}",
                                   f"action {action_id} {status} (was {row[0]}): {row[2]}" + reissue,
                                   detail={"action": action_id, "status": status, "was": row[0]},
                                   dry_run=dry_run), by, note, stamp)
    return {"id": action_id, "status": status, "text": row[2], "change": logged}
