"""Actions across versions of the same minutes: resolve owners, match, keep history.

A corrected version of a meeting replaces its parse, but an action that
still appears (same owners and text, or a text at least ``SIMILAR`` alike)
keeps its id, its status set by hand and its history.  Actions that no
longer appear are kept, marked ``dropped`` with the note
"no longer in the minutes" (unless someone already closed them by hand).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.due import phrase_in
from minutes.keys import action_key, fold, is_all, similarity

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils
    from parsers.records import Action

SIMILAR = 0.8
GONE_NOTE = "no longer in the minutes"
ACTOR = "minutes"


def resolve_owner(written: str, attendees: list[dict]) -> list[dict]:
    """The attendees ``written`` names: initials, full name, unique first name, role, or All.

    Returns owner rows (written, person_id, attendee_id, all_attendees); an
    owner no attendee matches is kept as written with no person.
    """
    if is_all(written):
        present = [a for a in attendees if a["status"] in ("present", "in_attendance")] or attendees
        if present:
            return [{"written": written, "person_id": a["person_id"], "attendee_id": a["id"],
                     "all_attendees": 1} for a in present]
        return [{"written": written, "person_id": None, "attendee_id": None, "all_attendees": 1}]
    w = written.strip()
    f = fold(w)
    tests = [
        lambda a: a["initials"] == w,
        lambda a: bool(a["initials"]) and a["initials"].casefold() == w.casefold(),
        lambda a: fold(a["name"]) == f,
        lambda a: bool(f) and fold(a["name"]).split()[:1] == [f],
        lambda a: bool(a["role"]) and fold(a["role"]) == f,
    ]
    for test in tests:
        found = [a for a in attendees if test(a)]
        if len(found) == 1:
            return [{"written": w, "person_id": found[0]["person_id"], "attendee_id": found[0]["id"],
                     "all_attendees": 0}]
    return [{"written": w, "person_id": None, "attendee_id": None, "all_attendees": 0}]


def _owner_rows(action_id: int, meeting_id: int, owners: list[str], attendees: list[dict]) -> list[dict]:
    rows = []
    for written in owners:
        for row in resolve_owner(written, attendees):
            rows.append({**row, "action_id": action_id, "meeting_id": meeting_id, "position": len(rows)})
    return rows


def match(new: list["Action"], old: list[dict]) -> dict[int, dict]:
    """Pair new actions (by index) with old action rows: equal keys first, then similar text."""
    pairs: dict[int, dict] = {}
    free = {o["id"]: o for o in old}
    for i, a in enumerate(new):
        k = action_key(a.owners, a.text)
        hit = next((o for o in free.values() if o["key"] == k), None)
        if hit:
            pairs[i] = free.pop(hit["id"])
    scored = sorted(((similarity(a.text, o["text"]), i, o["id"])
                     for i, a in enumerate(new) if i not in pairs for o in free.values()),
                    reverse=True)
    for score, i, oid in scored:
        if score < SIMILAR:
            break
        if i not in pairs and oid in free:
            pairs[i] = free.pop(oid)
    return pairs


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
               "due": a.due, "due_text": a.due or getattr(a, "due_text", None) or phrase_in(a.text), "minutes_status": a.status or "open",
               "in_minutes": 1, "ref": a.ref, "locator": a.where, "position": i, "updated_at": stamp}
        o = pairs.get(i)
        if o is None:
            action_id, next_id = next_id, next_id + 1
            new_rows.append({"id": action_id, **row, "status": row["minutes_status"], "created_at": stamp})
            event(action_id, "created", f"from {source}")
        else:
            action_id = o["id"]
            if o["key"] != row["key"] or o["due_text"] != row["due_text"] or o["item"] != a.item:
                event(action_id, "edited", f"the minutes now read: {row['owners'] or '(no owner)'}: {a.text}")
            status = o["status"]
            if not set_by_hand(db, action_id):
                if not o["in_minutes"] or row["minutes_status"] != o["minutes_status"]:
                    status = row["minutes_status"]
                if status != o["status"]:
                    kind = "reopened" if status == "open" else status
                    event(action_id, kind, "back in the minutes" if not o["in_minutes"] else "as the minutes say")
            del row["due"]  # the due date in force is the series' to say (minutes.series)
            db["actions"].update(action_id, {**row, "status": status})
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
