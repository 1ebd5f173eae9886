"""For auditors, as text: the meetings, the people, the decisions, search results.

Rows come from ``minutes.queries``; each function gives the text of one
command in the format asked (``None`` for the aligned table).
"""
from __future__ import annotations

from minutes.output.formats import clean, render, to_json

MEETING_COLUMNS = ["id", "date", "series", "title", "attendees", "items", "actions", "open_actions", "decisions",
                   "document"]
PEOPLE_COLUMNS = ["id", "name", "initials", "email", "meetings", "open_actions", "actions"]
DECISION_COLUMNS = ["id", "meeting_date", "series", "item", "text", "where"]
SEARCH_COLUMNS = ["kind", "id", "meeting", "item", "snippet"]
# What ``queries.search`` marks a match with (private-use characters, never in a text):
# shown as [brackets], or in bold on a terminal.
MARK = ("\ue000", "\ue001")
BOLD = ("\x1b[1m", "\x1b[0m")


def meetings(rows: list[dict], fmt: str | None) -> str:
    return render(rows, MEETING_COLUMNS, fmt or "table", {"title": 50, "series": 30})


def people(rows: list[dict], fmt: str | None) -> str:
    if fmt == "json":
        return to_json(rows)
    flat = [{"id": p["id"], "name": p["name"], "initials": p["initials"] or "", "email": p["email"] or "",
             "meetings": [m["date"] or m["id"] for m in p["meetings"]],
             "open_actions": p["open_actions"], "actions": len(p["actions"])} for p in rows]
    return render(flat, PEOPLE_COLUMNS, fmt or "table", {"meetings": 60})


def decisions(rows: list[dict], fmt: str | None) -> str:
    return render(rows, DECISION_COLUMNS, fmt or "table", {"text": 90, "series": 30})


def search(rows: list[dict], fmt: str | None, bold: bool = False) -> str:
    """The results, each match in [brackets]; with ``bold``, in bold instead, and
    the text already made safe for a terminal (only the bold codes remain)."""
    for r in rows:
        r["meeting"] = r.pop("meeting_date") or r["meeting_title"]
        r["item"] = " ".join(x for x in (r["item"], r.pop("item_title")) if x)
        snippet = clean(r["snippet"], one_line=True)
        r["snippet"] = snippet.replace(MARK[0], "[").replace(MARK[1], "]")
        if bold:
            r["snippet"] = snippet
    out = render(rows, SEARCH_COLUMNS, fmt or "table", {"item": 30, "snippet": 200})
    if bold:
        out = out.replace(MARK[0], BOLD[0]).replace(MARK[1], BOLD[1])
    return out
