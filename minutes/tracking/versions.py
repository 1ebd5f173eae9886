"""Versions of one meeting's minutes: which action of the corrected version is which old one.

A corrected version of a meeting replaces its parse, but an action that
still appears (same owners and text, or a text at least ``SIMILAR`` alike)
is the same action: it keeps its id, its status set by hand and its history
(``minutes.store`` writes that).  Another file that says the same things as
the stored meeting (``said``) is not a version but a duplicate: the same
minutes as Word, web page and text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.db import fetch
from minutes.tracking.keys import action_key, alike, fold, person_key, similarity

if TYPE_CHECKING:  # pragma: no cover
    from parsers.records import Action, Minutes

SIMILAR = 0.8


def minutes_text(row: dict) -> str:
    """The text an action row's minutes give (folded; its key keeps it), whatever was edited by hand."""
    return row["key"].split("|", 1)[1] if "|" in row.get("key", "") else row["text"]


def match(new: list["Action"], old: list[dict]) -> dict[int, dict]:
    """Pair new actions (by index) with old action rows: equal keys first, then similar text."""
    pairs: dict[int, dict] = {}
    free = {o["id"]: o for o in old}
    for i, a in enumerate(new):
        k = action_key(a.owners, a.text)
        hit = next((o for o in free.values() if o["key"] == k), None)
        if hit:
            pairs[i] = free.pop(hit["id"])
    written = {o["id"]: minutes_text(o) for o in old}
    scored = sorted(((similarity(a.text, written[o["id"]]), i, o["id"])
                     for i, a in enumerate(new) if i not in pairs for o in free.values()
                     if alike(a.text, written[o["id"]], SIMILAR)),
                    reverse=True)
    for score, i, oid in scored:
        if i not in pairs and oid in free:
            pairs[i] = free.pop(oid)
    return pairs


# --- the same minutes in another file ---------------------------------------------------
# Two files hold the same minutes when they say the same things: the same people
# attending (each once, as present, apologies, ...), the same actions (owners,
# text and status), the same updates on earlier actions and the same decisions,
# compared as folded text.  Where else their readings differ (item titles,
# questions, the heading's title or place) is told apart (``reading``), so that
# a file read differently is never silently taken for another.

def _said(attendees, actions, updates, decisions) -> tuple:
    return (sorted(set(attendees)), sorted(actions), sorted(updates), sorted(decisions))


def said(m: "Minutes") -> tuple:
    """What the parse ``m`` says, to compare with ``said_stored``."""
    return _said([(person_key(a.name), a.status or "present") for a in m.attendees],
                 [(action_key(a.owners, a.text), a.status or "open") for a in m.actions],
                 [(fold(u.ref), fold(", ".join(u.owners)), fold(u.text), u.status or "") for u in m.updates],
                 [fold(d.text) for d in m.decisions])


def said_stored(db, meeting_id: int) -> tuple:
    """What the stored meeting ``meeting_id`` says (as its minutes read: no change by hand)."""
    rows = [(table, fetch(db, sql, [meeting_id])) for table, sql in (
        ("attendees", "SELECT name, status FROM attendees WHERE meeting_id = ?"),
        ("actions", "SELECT key, minutes_status FROM actions WHERE meeting_id = ? AND in_minutes = 1"),
        ("updates", "SELECT ref, owners, text, status FROM updates WHERE meeting_id = ?"),
        ("decisions", "SELECT text FROM decisions WHERE meeting_id = ?"))]
    found = dict(rows)
    return _said([(person_key(r["name"]), r["status"]) for r in found["attendees"]],
                 [(r["key"], r["minutes_status"]) for r in found["actions"]],
                 [(fold(r["ref"]), fold(r["owners"]), fold(r["text"]), r["status"] or "") for r in found["updates"]],
                 [fold(r["text"]) for r in found["decisions"]])


def reading(m: "Minutes") -> tuple:
    """The rest of what a parse reads: its heading, item titles and questions."""
    mt = m.meeting
    return (tuple(fold(x) for x in (mt.title, mt.subtitle, mt.location, mt.start_time, mt.end_time)),
            sorted((fold(i.number), fold(i.title)) for i in m.items), sorted(fold(q.text) for q in m.questions))


def reading_stored(db, meeting_id: int) -> tuple:
    mt = fetch(db, "SELECT title, subtitle, location, start_time, end_time FROM meetings WHERE id = ?",
               [meeting_id])[0]
    items = fetch(db, "SELECT number, title FROM items WHERE meeting_id = ?", [meeting_id])
    questions = fetch(db, "SELECT text FROM questions WHERE meeting_id = ?", [meeting_id])
    return (tuple(fold(mt[k]) for k in ("title", "subtitle", "location", "start_time", "end_time")),
            sorted((fold(i["number"]), fold(i["title"])) for i in items), sorted(fold(q["text"]) for q in questions))
