"""Turn records and rows into text: tables, JSON, CSV, Markdown.  No printing."""
from __future__ import annotations

import csv
import io
import json
import re

from minutes.keys import owner_label
from parsers.records import Minutes


def minutes_summary(m: Minutes) -> str:
    """A readable summary of one parse: meeting, attendees, items, actions, warnings."""
    mt = m.meeting
    lines = [mt.title or "(untitled meeting)"]
    if mt.subtitle:
        lines.append(mt.subtitle)
    when = " ".join(x for x in (mt.date, mt.start_time and f"from {mt.start_time}",
                                mt.end_time and f"to {mt.end_time}") if x)
    if when:
        lines.append(when)
    if mt.location:
        lines.append(mt.location)
    lines.append("")
    lines.append(f"Attendees ({len(m.attendees)}):")
    for a in m.attendees:
        extra = ", ".join(x for x in (a.role, a.organisation) if x)
        ini = f" ({a.initials})" if a.initials else ""
        status = "" if a.status == "present" else f" [{a.status}]"
        lines.append(f"  {a.name}{ini}{' - ' + extra if extra else ''}{status}")
    lines.append("")
    lines.append(f"Items ({len(m.items)}):")
    for it in m.items:
        lines.append(f"  {it.number or '-'}  {it.title or ''}")
    lines.append("")
    lines.append(f"Questions: {len(m.questions)}   Decisions: {len(m.decisions)}   "
                 f"Updates on earlier actions: {len(m.updates)}")
    lines.append("")
    lines.append(f"Actions ({len(m.actions)}):")
    for ac in m.actions:
        owners = ", ".join(ac.owners) or "(no owner)"
        item = f"item {ac.item}: " if ac.item else ""
        lines.append(f"  [{owners}] {item}{ac.text}")
    if m.warnings:
        lines.append("")
        lines.append(f"Warnings ({len(m.warnings)}):")
        lines.extend(f"  - {w}" for w in m.warnings)
    return "\n".join(lines)


# --- rows to text -----------------------------------------------------------

# Control characters, a zero-width space and the direction marks: dropped.  The
# zero-width (non-)joiners stay: they are part of Persian and emoji spellings.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# Embeddings, overrides and isolates would make a terminal show text in another
# order than it is written ("Eve \u202egpj.exe" shows as "Eve exe.jpg"): each is
# shown as what it is, [U+202E], and stays in the data as written.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# In JSON: the same, and the C1 controls, escaped (the data read back is unchanged).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: object, one_line: bool = False) -> str:
    """Text safe for a terminal: escape sequences and control characters removed,
    direction overrides shown as [U+202E]."""
    if text is None:
        return ""
    s = _UNSAFE.sub("", _ANSI.sub("", str(text)))
    if not s.isascii():
        s = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", s)
    return " ".join(s.split()) if one_line else s


def _cell(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return clean(value, one_line=True)


def table(rows: list[dict], columns: list[str], widths: dict[str, int] | None = None) -> str:
    """An aligned plain-text table with a header; long cells cut to ``widths``."""
    widths = widths or {}
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    for line in cells:
        for i, c in enumerate(columns):
            limit = widths.get(c)
            if limit and len(line[i]) > limit:
                line[i] = line[i][:limit - 1] + "…"
    sizes = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.ljust(n) for c, n in zip(columns, sizes)).rstrip(),
           "  ".join("-" * n for n in sizes)]
    out += ["  ".join(v.ljust(n) for v, n in zip(line, sizes)).rstrip() for line in cells]
    return "\n".join(out)


def to_json(data: object, indent: int = 2) -> str:
    """JSON as written (not ASCII-escaped), but with direction overrides and C1
    controls escaped (\\u202e), so that a terminal shows it in order."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text if text.isascii() else _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: control characters removed, and a
    leading ' before text it would run as a formula ("=HYPERLINK(…)", "@SUM",
    "-2+3")."""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if not isinstance(value, str):
        return value  # our own numbers and None
    value = clean(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: list[dict], columns: list[str], line_end: str = "\n") -> str:
    """The one CSV writer: a header row, then one row per dict, each ending in ``line_end``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=line_end)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([csv_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def markdown(rows: list[dict], columns: list[str]) -> str:
    from minutes.exports import md_escape  # markup in the text stays text

    def md(v: object) -> str:
        return md_escape(_cell(v))
    out = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    out += ["| " + " | ".join(md(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(out)


def render(rows: list[dict], columns: list[str], fmt: str, widths: dict[str, int] | None = None) -> str:
    """Rows as ``table``, ``json``, ``csv`` or ``markdown``."""
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows, columns).removesuffix("\n")
    if fmt == "markdown":
        return markdown(rows, columns)
    return table(rows, columns, widths)


# --- actions ------------------------------------------------------------------

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


def actions_by_owner(groups: list[tuple[str, list[dict]]]) -> str:
    """The chair's list: one table per owner."""
    if not groups:
        return "No actions."
    cols = ["id", "text", "meeting", "item", "due", "age"]
    widths = {"text": 70, "item": 30}
    parts = []
    for label, rows in groups:
        flat = [action_flat(r) for r in rows]
        if any(r["status"] != "open" for r in rows):
            cols_here = cols[:2] + ["status"] + cols[2:]
        else:
            cols_here = cols
        parts.append(f"{clean(label, True)} ({len(rows)})\n" + _indent(table(flat, cols_here, widths)))
    return "\n\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


CARRIED_COLUMNS = ["id", "owners", "text", "meeting", "meetings_open", "due", "age", "last_update"]


def carried_flat(r: dict) -> dict:
    """One carried-forward action as a flat row (``minutes actions --carried``)."""
    return {**action_flat(r), "meetings_open": r["meetings_open"], "last_update": r["last_update"] or ""}


def history_text(action: dict, events: list[dict]) -> str:
    """The life of an action: one line per event, with the document or person it came from."""
    head = f"Action {action['id']} [{action['status']}]: {clean(action['text'], True)}"
    if action.get("due"):
        head += f" (due {action['due']})"
    rows = [{"date": e.get("date") or e["at"][:10], "event": e["event"],
             "from": e.get("document") or e["actor"] if e["source"] == "minutes" else f"{e['actor']} (by hand)",
             "note": e["note"] or ""} for e in events]
    return head + "\n\n" + table(rows, ["date", "event", "from", "note"], {"note": 90, "from": 40})


def meeting_text(d: dict) -> str:
    """One stored meeting as readable text."""
    m = d["meeting"]
    c = clean
    lines = [c(m["title"] or m["name"], True)]
    if m["subtitle"]:
        lines.append(c(m["subtitle"], True))
    when = " ".join(x for x in (m["date"], m["start_time"] and f"from {m['start_time']}",
                                m["end_time"] and f"to {m['end_time']}") if x)
    lines += [x for x in (when, c(m["location"], True)) if x]
    lines.append(f"Series: {c(m['series'], True)}   Meeting id: {m['id']}   Source: {c(m['document'], True)}")
    lines += ["", f"Attendees ({len(d['attendees'])}):"]
    for a in d["attendees"]:
        extra = ", ".join(c(x, True) for x in (a["role"], a["organisation"]) if x)
        lines.append(f"  {c(a['name'], True)}{' (' + c(a['initials'], True) + ')' if a['initials'] else ''}"
                     f"{' - ' + extra if extra else ''}{'' if a['status'] == 'present' else ' [' + a['status'] + ']'}")
    lines += ["", f"Items ({len(d['items'])}):"]
    for it in d["items"]:
        lines.append(f"  {c(it['number'] or '-', True)}  {c(it['title'], True)}")
        if it["text"]:
            lines += ["      " + c(t, True) for t in c(it["text"]).splitlines() if t.strip()]
    if d["questions"]:
        lines += ["", f"Questions ({len(d['questions'])}):"]
        for q in d["questions"]:
            lines.append(f"  Q ({c(q['asker'] or '?', True)}, item {c(q['item'] or '-', True)}): {c(q['text'], True)}")
            lines += [f"    A ({c(a['speaker'] or '?', True)}): {c(a['text'], True)}" for a in q["answers"]]
    lines += ["", f"Actions ({len(d['actions'])}):"]
    for r in d["actions"]:
        f = action_flat(r)
        lines.append(f"  #{f['id']} [{f['status']}] {c(f['owners'], True) or '(no owner)'}: {c(f['text'], True)}"
                     + (f" (due {c(f['due'], True)})" if f["due"] else ""))
    if d["updates"]:
        lines += ["", f"Updates on earlier actions ({len(d['updates'])}):"]
        lines += [f"  {c(u['ref'] or '-', True)} [{u['status']}] {c(u['owners'], True)}: {c(u['text'], True)}"
                  f"  -> {_link(u)}" for u in d["updates"]]
    lines += ["", f"Decisions ({len(d['decisions'])}):"]
    lines += [f"  item {c(x['item'] or '-', True)}: {c(x['text'], True)}" for x in d["decisions"]]
    if m["warnings"]:
        lines += ["", f"Warnings from the parse ({len(m['warnings'])}):"]
        lines += [f"  - {c(w, True)}" for w in m["warnings"]]
    if m.get("link_warnings"):
        lines += ["", f"Warnings from linking to earlier meetings ({len(m['link_warnings'])}):"]
        lines += [f"  - {c(w, True)}" for w in m["link_warnings"]]
    return "\n".join(lines)


def _link(u: dict) -> str:
    if not u.get("action_id"):
        return "not linked"
    how = "by number" if u["matched_by"] == "ref" else f"by owner and text, confidence {u['confidence']:.2f}"
    return f"action #{u['action_id']} ({how})"
