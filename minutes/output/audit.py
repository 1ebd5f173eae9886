"""For auditors, as text: the meetings, the people, the decisions, search results.

Rows come from ``minutes.queries``; each function gives the text of one
command in the format asked (``None`` for the aligned table).
"""
from __future__ import annotations

from minutes.output.formats import Style, clean, render, style_of

MEETING_COLUMNS = ["id", "date", "series", "title", "attendees", "items", "actions", "open_actions", "decisions",
                   "document"]
PEOPLE_COLUMNS = ["id", "name", "initials", "email", "series", "meetings", "open_actions", "actions"]
DECISION_COLUMNS = ["id", "meeting_date", "series", "item", "text", "where"]
SEARCH_COLUMNS = ["kind", "id", "meeting", "item", "snippet"]
# What ``queries.search`` marks a match with (private-use characters, never in a text):
# shown as [brackets], or in bold on a terminal.
MARK = ("\ue000", "\ue001")
BOLD = ("\x1b[1m", "\x1b[0m")


def meetings(rows: list[dict], style: "Style | str | None") -> str:
    return render(rows, MEETING_COLUMNS, style, {"title": 50, "series": 30, "document": 40})


def people(rows: list[dict], style: "Style | str | None") -> str:
    style = style_of(style)
    if style.data:
        return render([], [], style, records=rows)
    flat = [{"id": p["id"], "name": p["name"], "initials": p["initials"] or "", "email": p["email"] or "",
             "series": sorted({m["series"] for m in p["meetings"]}),
             "meetings": [m["date"] or m["id"] for m in p["meetings"]],
             "open_actions": p["open_actions"], "actions": len(p["actions"])} for p in rows]
    return render(flat, PEOPLE_COLUMNS, style, {"name": 40, "email": 40, "meetings": 40, "series": 30})


def decisions(rows: list[dict], style: "Style | str | None") -> str:
    return render(rows, DECISION_COLUMNS, style, {"text": 90, "series": 30, "item": 30, "where": 30})


def search(rows: list[dict], style: "Style | str | None", bold: bool = False) -> str:
    """The results, each match in [brackets]; with ``bold``, in bold instead, and
    the text already made safe for a terminal (only the bold codes remain)."""
    for r in rows:
        r["meeting"] = r.pop("meeting_date") or r["meeting_title"]
        r["item"] = " ".join(x for x in (r["item"], r.pop("item_title")) if x)
        snippet = clean(r["snippet"], one_line=True)
        r["snippet"] = snippet.replace(MARK[0], "[").replace(MARK[1], "]")
        if bold:
            r["snippet"] = snippet
    out = render(rows, SEARCH_COLUMNS, style, {"item": 30, "snippet": 200})
    if bold:   # a match cut short by the table's width is closed at the end of its line
        out = "\n".join(line + BOLD[1] * (line.count(MARK[0]) > line.count(MARK[1])) for line in out.split("\n"))
        out = out.replace(MARK[0], BOLD[0]).replace(MARK[1], BOLD[1])
    return out
