"""Actions as text and records: the chair's list by owner, one action's life, the JSON shape.

Rows come from ``minutes.queries``; nothing here reads the database.
"""
from __future__ import annotations

from dataclasses import replace

from minutes.output.formats import Style, clean, render, style_of, table
from minutes.tracking.owners import by_owner, owner_label

ACTION_COLUMNS = ["id", "owners", "text", "status", "due", "meeting", "item", "age", "where"]


def action_record(r: dict) -> dict:
    """The JSON shape of one action (``minutes actions --json``)."""
    return {
        "id": r["id"],
        "owners": [{"name": o.get("name"), "initials": o.get("initials")} for o in r["owners"]],
        "text": r["text"], "status": r["status"], "due": r["due"],
        "meeting": {"id": r["meeting_id"], "date": r["meeting_date"], "title": r["meeting_title"],
                    "series": r["series"]},
        "item": {"number": r["item"], "title": r["item_title"]} if r["item"] or r["item_title"] else None,
        "where": r["where"] or None, "age_days": r["age_days"], "in_minutes": bool(r["in_minutes"]),
        "ref": r.get("ref"), "carried_from": r.get("carried_from"),
    }


def action_flat(r: dict) -> dict:
    """One action as a flat row for tables, CSV and Markdown."""
    item = " ".join(x for x in (r["item"], r["item_title"]) if x)
    return {"id": r["id"], "owners": "; ".join(owner_label(o) for o in r["owners"]), "text": r["text"],
            "status": r["status"] + ("" if r["in_minutes"] else " (no longer in the minutes)")
            + (f" (re-issue of #{r['carried_from']})" if r.get("carried_from") else ""),
            "due": r["due"] or "", "meeting": r["meeting_date"] or r["meeting_title"] or "",
            "item": item, "age": "" if r["age_days"] is None else f"{r['age_days']}d", "where": r["where"] or ""}


def actions_by_owner(groups: list[tuple[str, list[dict]]], style: Style | None = None) -> str:
    """The chair's list: one table per owner."""
    if not groups:
        return "No actions."
    style = style or Style()
    inner = replace(style, width=style.width - 2 if style.width else style.width)   # each table is indented
    cols = ["id", "text", "meeting", "item", "due", "age"]
    widths = {"text": 70, "item": 30, "status": 40, "meeting": 30}
    parts = []
    for label, rows in groups:
        flat = [action_flat(r) for r in rows]
        if any(r["status"] != "open" for r in rows):
            cols_here = cols[:2] + ["status"] + cols[2:]
        else:
            cols_here = cols
        parts.append(f"{clean(label, True)} ({len(rows)})\n" + _indent(render(flat, cols_here, inner, widths)))
    return "\n\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


CARRIED_COLUMNS = ["id", "owners", "text", "meeting", "meetings_open", "due", "age", "last_update"]


def carried_flat(r: dict) -> dict:
    """One carried-forward action as a flat row (``minutes actions --carried``)."""
    return {**action_flat(r), "meetings_open": r["meetings_open"], "last_update": r["last_update"] or ""}


def carried_record(r: dict) -> dict:
    """The JSON shape of one carried-forward action (``minutes actions --carried --json``)."""
    return {**action_record(r), "meetings_open": r["meetings_open"], "last_update": r["last_update"]}


HISTORY_COLUMNS = ["date", "event", "document", "actor", "source", "note"]


def history_text(action: dict, events: list[dict], style: Style | None = None) -> str:
    """The life of an action: one line per event, with the document or person it came from."""
    style = style or Style()
    head = f"Action {action['id']} [{action['status']}]: {clean(action['text'], True)}"
    if action.get("due"):
        head += f" (due {action['due']})"
    rows = [{"date": e.get("date") or e["at"][:10], "event": e["event"],
             "from": e.get("document") or e["actor"] if e["source"] == "minutes" else f"{e['actor']} (by hand)",
             "note": e["note"] or ""} for e in events]
    return head + "\n\n" + render(rows, ["date", "event", "from", "note"], style, {"note": 90, "from": 40})


def actions_text(rows: list[dict], style: "Style | str | None") -> str:
    """``minutes actions``: the chair's list by owner, or the rows as JSON, CSV, TSV or Markdown."""
    style = style_of(style)
    if style.data:
        return render([], [], style, records=[action_record(r) for r in rows])
    if style.fmt != "table":
        return render([action_flat(r) for r in rows], ACTION_COLUMNS, style)
    return actions_by_owner(by_owner(rows), style)


def carried_text(rows: list[dict], style: "Style | str | None") -> str:
    """``minutes actions --carried``: the actions open across meetings, and for how many."""
    style = style_of(style)
    if style.data:
        return render([], [], style, records=[carried_record(r) for r in rows])
    if not rows and style.fmt == "table":
        return "No action carried forward."
    return render([carried_flat(r) for r in rows], CARRIED_COLUMNS, style, {"text": 60, "last_update": 60, "owners": 40,
                                                                   "meeting": 30})


def life_text(action: dict, events: list[dict], style: "Style | str | None") -> str:
    """``minutes history ID``: the life of an action, one line per event, or as JSON, CSV, TSV or Markdown."""
    style = style_of(style)
    if style.fmt == "json":
        return render([], [], style, records={"action": action_record(action), "history": events})
    if style.fmt == "table":
        return history_text(action, events, style)
    return render(events, HISTORY_COLUMNS, style)
