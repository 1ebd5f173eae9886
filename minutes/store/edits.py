"""An action edited by hand: its text, owners, due date or item, as the secretary corrects them.

    >>> change = edit_action(db, 12, {"owners": "JS", "due": "2024-03-31"}, note="misread owner")

An edit is a row of ``action_edits`` (the field, the value before and after,
who, when and why), a hand ``edited`` event in the action's history and an
entry in the audit log.  What it sets is in the action's row at once, so that
every list, report and search shows it; and it stays: a later ingest of the
same minutes or of another version of them keeps the edited text, owners and
item (``in_force``, read by ``minutes.store.actions``), and the series walk
keeps a due date set by hand against minutes of meetings held on or before
the day it was set (``minutes.tracking.series``), as it does a status.
"""
from __future__ import annotations

from minutes.db import fetch, now, transaction
from minutes.errors import MinutesError
from minutes.store.audit import Change, actor, record
from minutes.store.links import relink
from minutes.tracking.owners import resolve_owner
from minutes.tracking.series import tracked_id

FIELDS = ("text", "owners", "due", "item")


def owners_written(text: str | None) -> list[str]:
    """Owners as typed ("JS, AK"): one per comma."""
    return [o.strip() for o in (text or "").split(",") if o.strip()]


def in_force(db, action_ids: list[int]) -> dict[int, dict[str, str | None]]:
    """The fields edited by hand of each action (the latest edit of each field)."""
    out: dict[int, dict[str, str | None]] = {}
    for chunk in range(0, len(action_ids), 500):
        ids = action_ids[chunk:chunk + 500]
        for r in fetch(db, f"SELECT action_id, field, value FROM action_edits WHERE action_id IN "
                       f"({', '.join('?' * len(ids))}) ORDER BY id", ids):
            out.setdefault(r["action_id"], {})[r["field"]] = r["value"]
    return out


def _check(db, row: dict, field: str, value: str | None) -> str | None:
    if field in ("text", "owners"):
        value = " ".join((value or "").split())
        if not value:
            raise MinutesError(f"give the action's new {'text' if field == 'text' else 'owners (initials or names)'}")
        if field == "owners":
            value = ", ".join(owners_written(value))
    if field == "item" and value is not None:
        numbers = [r[0] for r in db.execute("SELECT number FROM items WHERE meeting_id = ? AND number IS NOT NULL "
                                            "ORDER BY position", [row["meeting_id"]])]
        if value not in numbers:
            listed = ", ".join(numbers[:20]) or "none"
            raise MinutesError(f"the meeting of action {row['id']} ({row['meeting']}) has no item {value!r} "
                               f"(its items: {listed})")
    return value


def edit_action(db, action_id: int, fields: dict[str, str | None], *, note: str | None = None,
                by: str | None = None, dry_run: bool = False) -> Change:
    """Set ``fields`` (text, owners, due, item; ``None`` clears a due date or an item) of an action by hand.

    A re-issued action stands for the action it carries forward: the edit is
    made there.  Nothing to change is an error."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise MinutesError(f"an action has no field {sorted(unknown)[0]!r}: use {', '.join(FIELDS)}")
    with transaction(db, dry_run=dry_run):
        asked, action_id = action_id, tracked_id(db, action_id)
        row = fetch(db, "SELECT a.id, a.text, a.owners, a.due, a.item, a.meeting_id, m.series, m.name AS meeting "
                    "FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?", [action_id])[0]
        stamp, by = now(), by or actor()
        done, lines = {}, []
        for field in FIELDS:
            if field not in fields:
                continue
            value = _check(db, row, field, fields[field])
            if value == row[field]:
                continue
            done[field] = {"was": row[field], "now": value}
            lines.append(f"{field}: {row[field] or '(none)'} -> {value or '(none)'}")
            db.execute("INSERT INTO action_edits (action_id, field, value, was, at, on_date, actor, note) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [action_id, field, value, row[field], stamp, stamp[:10], by,
                                                           note])
        if not done:
            raise MinutesError(f"action {action_id} already reads so: nothing to change")
        _apply(db, row, {f: d["now"] for f, d in done.items()}, stamp)
        db.execute("INSERT INTO action_events (action_id, meeting_id, at, on_date, event, actor, source, note) "
                   "VALUES (?, ?, ?, ?, 'edited', ?, 'hand', ?)",
                   [action_id, row["meeting_id"], stamp, stamp[:10], by,
                    "; ".join(lines) + (f" ({note})" if note else "")])
        relink(db, row["series"], stamp)
        reissue = f" (action {asked} re-issues it)" if asked != action_id else ""
        return record(db, Change("edit", f"action {action_id}", f"action {action_id} edited: " + "; ".join(lines)
                                 + reissue, detail={"action": action_id, "fields": done}, dry_run=dry_run),
                      by, note, stamp)


def _apply(db, row: dict, values: dict[str, str | None], stamp: str) -> None:
    """The edited fields into the action's row (and its owners, resolved against the meeting's attendees)."""
    sets = {f: v for f, v in values.items() if f in ("text", "owners", "due", "item")}
    if "item" in values:
        found = db.execute("SELECT id FROM items WHERE meeting_id = ? AND number = ? ORDER BY position LIMIT 1",
                           [row["meeting_id"], values["item"]]).fetchone() if values["item"] else None
        sets["item_id"] = found[0] if found else None
    db.execute(f"UPDATE actions SET {', '.join(f'{c} = ?' for c in sets)}, updated_at = ? WHERE id = ?",
               [*sets.values(), stamp, row["id"]])
    if "owners" in values:
        attendees = fetch(db, "SELECT id, person_id, name, initials, role, status FROM attendees WHERE meeting_id = ?",
                          [row["meeting_id"]])
        db.execute("DELETE FROM action_owners WHERE action_id = ?", [row["id"]])
        owners = []
        for written in owners_written(values["owners"]):
            for o in resolve_owner(written, attendees):
                owners.append({**o, "action_id": row["id"], "meeting_id": row["meeting_id"], "position": len(owners)})
        if owners:
            db["action_owners"].insert_all(owners)
