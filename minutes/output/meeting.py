"""One meeting as readable text: a parse (``minutes parse``) or a stored meeting (``minutes show``).

Both are laid out by ``_layout``: the title, subtitle, time and place, then
the attendees and the items; a parse then gives its counts and actions as
read, a stored meeting its questions, actions with their ids and status,
updates with their links, and decisions.  A stored meeting's fields are
each made one safe line here; a parse's summary is made safe as a whole by
the command line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from minutes.output.actions import action_flat, action_record
from minutes.output.formats import clean, to_json

if TYPE_CHECKING:  # pragma: no cover
    from parsers.records import Minutes

_MEETING = ("title", "subtitle", "date", "start_time", "end_time", "location")
_ATTENDEE = ("name", "initials", "role", "organisation", "status")
_ITEM = ("number", "title", "text")


def _as_is(value: object, one_line: bool = False) -> str:
    return "" if value is None else str(value)


def _one_line(value: object, one_line: bool = True) -> str:
    return clean(value, one_line=True)


def _layout(meeting: dict, title: str, attendees: list[dict], items: list[dict], c: Callable[..., str],
            after_place: list[str] = (), item_text: bool = False) -> list[str]:
    """The head of a meeting (title to place, then ``after_place``), its attendees and its items."""
    lines = [title]
    if meeting["subtitle"]:
        lines.append(c(meeting["subtitle"]))
    when = " ".join(x for x in (meeting["date"], meeting["start_time"] and f"from {meeting['start_time']}",
                                meeting["end_time"] and f"to {meeting['end_time']}") if x)
    lines += [x for x in (when, c(meeting["location"])) if x]
    lines += list(after_place)
    lines += ["", f"Attendees ({len(attendees)}):"]
    for a in attendees:
        extra = ", ".join(c(x) for x in (a["role"], a["organisation"]) if x)
        status = "" if a["status"] == "present" else f" [{a['status']}]"
        lines.append(f"  {c(a['name'])}{' (' + c(a['initials']) + ')' if a['initials'] else ''}"
                     f"{' - ' + extra if extra else ''}{status}")
    lines += ["", f"Items ({len(items)}):"]
    for it in items:
        lines.append(f"  {c(it['number'] or '-')}  {c(it['title'])}")
        if item_text and it["text"]:
            lines += ["      " + c(t) for t in clean(it["text"]).splitlines() if t.strip()]
    return lines


def _listed(heading: str, entries: list[str]) -> list[str]:
    return ["", f"{heading} ({len(entries)}):"] + [f"  - {e}" for e in entries]


def minutes_summary(m: "Minutes") -> str:
    """A readable summary of one parse: meeting, attendees, items, actions, warnings."""
    def fields(record, names):
        return {n: getattr(record, n) for n in names}

    lines = _layout(fields(m.meeting, _MEETING), m.meeting.title or "(untitled meeting)",
                    [fields(a, _ATTENDEE) for a in m.attendees], [fields(i, _ITEM) for i in m.items], _as_is)
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
        lines += _listed("Warnings", m.warnings)
    return "\n".join(lines)


def meeting_text(d: dict) -> str:
    """One stored meeting (``minutes.queries.show_meeting``) as readable text."""
    m = d["meeting"]
    c = _one_line
    head = f"Series: {c(m['series'])}   Meeting id: {m['id']}   Source: {c(m['document'])}"
    lines = _layout(m, c(m["title"] or m["name"]), d["attendees"], d["items"], c, [head], item_text=True)
    if d["questions"]:
        lines += ["", f"Questions ({len(d['questions'])}):"]
        for q in d["questions"]:
            lines.append(f"  Q ({c(q['asker'] or '?')}, item {c(q['item'] or '-')}): {c(q['text'])}")
            lines += [f"    A ({c(a['speaker'] or '?')}): {c(a['text'])}" for a in q["answers"]]
    lines += ["", f"Actions ({len(d['actions'])}):"]
    for r in d["actions"]:
        f = action_flat(r)
        lines.append(f"  #{f['id']} [{f['status']}] {c(f['owners']) or '(no owner)'}: {c(f['text'])}"
                     + (f" (due {c(f['due'])})" if f["due"] else ""))
    if d["updates"]:
        lines += ["", f"Updates on earlier actions ({len(d['updates'])}):"]
        lines += [f"  {c(u['ref'] or '-')} [{u['status']}] {c(u['owners'])}: {c(u['text'])}"
                  f"  -> {_link(u)}" for u in d["updates"]]
    lines += ["", f"Decisions ({len(d['decisions'])}):"]
    lines += [f"  item {c(x['item'] or '-')}: {c(x['text'])}" for x in d["decisions"]]
    if m["warnings"]:
        lines += _listed("Warnings from the parse", [c(w) for w in m["warnings"]])
    if m.get("link_warnings"):
        lines += _listed("Warnings from linking to earlier meetings", [c(w) for w in m["link_warnings"]])
    return "\n".join(lines)


def meeting_json(d: dict) -> str:
    """One stored meeting as JSON (``minutes show --json``): its actions in the shape of ``minutes actions``."""
    return to_json({**d, "actions": [action_record(r) for r in d["actions"]]})


def _link(u: dict) -> str:
    if not u.get("action_id"):
        return "not linked"
    how = "by number" if u["matched_by"] == "ref" else f"by owner and text, confidence {u['confidence']:.2f}"
    return f"action #{u['action_id']} ({how})"
