"""Corrections as text: what one did (or would do), the audit log, the series.

Rows and changes come from ``minutes.store`` and ``minutes.queries`` as plain
dicts; nothing here reads the database.
"""
from __future__ import annotations

from minutes.output.formats import Style, clean, render, style_of

CHANGE_COLUMNS = ["id", "at", "actor", "command", "target", "summary", "note"]
SERIES_COLUMNS = ["series", "meetings", "first", "last", "open_actions", "people"]
INGEST_LOG_COLUMNS = ["id", "at", "actor", "path", "status", "meeting", "detail"]


def change_text(change: dict) -> str:
    """What a correction did, or with ``dry_run`` would do: its summary, then its details."""
    summary = clean(change["summary"], True)
    lines = [summary[:1].upper() + summary[1:]] + [f"  {clean(line, True)}" for line in change.get("lines", [])]
    if change.get("dry_run"):
        lines = ["Dry run: nothing was changed. Without --dry-run:"] + ["  " + line for line in lines]
    return "\n".join(lines)


def change_record(change: dict) -> dict:
    """The JSON shape of one correction (``--json``)."""
    return {k: change.get(k) for k in ("id", "at", "actor", "command", "target", "summary", "note", "dry_run",
                                       "lines", "detail")}


def changes(rows: list[dict], style: "Style | str | None") -> str:
    """``minutes history``: the audit log, one line per correction."""
    style = style_of(style)
    if style.data:
        return render([], [], style, records=rows)
    if not rows and style.fmt == "table":
        return "No correction has been made by hand."
    flat = [{**r, "at": r["at"].replace("T", " ").removesuffix("+00:00"), "note": r["note"] or ""} for r in rows]
    return render(flat, CHANGE_COLUMNS, style, {"summary": 90, "note": 40, "target": 30})


def series(rows: list[dict], style: "Style | str | None") -> str:
    """``minutes series``: each series with its meetings, open actions and people."""
    style = style_of(style)
    if not rows and style.fmt == "table":
        return "No meeting is stored."
    return render([{**r, "first": r["first"] or "", "last": r["last"] or ""} for r in rows], SERIES_COLUMNS, style,
                  {"series": 60})


def ingest_log(rows: list[dict], style: "Style | str | None") -> str:
    """``minutes history --ingests``: what each ingest read."""
    style = style_of(style)
    flat = [{**r, "at": r["at"].replace("T", " ").removesuffix("+00:00"), "meeting": r["meeting"] or "",
             "detail": r["detail"] or ""} for r in rows]
    return render(flat, INGEST_LOG_COLUMNS, style, {"path": 50, "detail": 60, "meeting": 40})
