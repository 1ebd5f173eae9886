"""The action log of a series: what the secretary puts in the next agenda pack.

    >>> log = action_log(db, "Steering Group", by="organisation")
    >>> [(label, [r.number for r in rows]) for label, rows in log.groups]

The series' open actions (and, with ``since``, those closed on or after that
date), each with its owners (name, initials, organisation), the meeting and
item that set it, its due date and its latest update: the last change in its
history, or the last update a later meeting of the series gave on it.
Plain data out; ``minutes.output.actionlog`` writes it as DOCX, HTML, Markdown or CSV.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from minutes.choices import GROUPINGS
from minutes.db import fetch, like_escape
from minutes.errors import MinutesError
from minutes.queries.actions import outstanding
from minutes.tracking.keys import alike
from minutes.tracking.owners import owner_label
from minutes.tracking.versions import SIMILAR

NO_OWNER = "(no owner)"
NO_ORGANISATION = "(no organisation)"


@dataclass
class Owner:
    name: str | None
    initials: str | None
    organisation: str | None
    label: str                       # "Tom Griffin (TG)"


@dataclass
class Entry:
    number: int                      # the action's id (what 'minutes done' takes)
    text: str
    owners: list[Owner]
    meeting: str                     # the meeting's date, or its name when undated
    meeting_name: str
    item: str                        # "4 Financial standing"
    due: str
    status: str
    latest: str                      # "2015-03-10 done: figures sent", or ""

    @property
    def owner_text(self) -> str:
        return "; ".join(o.label for o in self.owners)

    @property
    def organisation_text(self) -> str:
        return "; ".join(dict.fromkeys(o.organisation for o in self.owners if o.organisation))


@dataclass
class ActionLog:
    series: str
    last_meeting: str                # name of the series' latest meeting
    last_date: str | None
    prepared: str                    # today, ISO
    by: str
    since: str | None
    groups: list[tuple[str, list[Entry]]] = field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        """Each action once, in the order of the log."""
        seen: dict[int, Entry] = {}
        for _, rows in self.groups:
            for r in rows:
                seen.setdefault(r.number, r)
        return list(seen.values())

    @property
    def title(self) -> str:
        return f"Action log — {self.series}"


def find_series(db, series: str) -> str:
    """The one series named ``series`` (exactly, or else by part of its name)."""
    names = [r["series"] for r in fetch(db, "SELECT DISTINCT series FROM meetings WHERE lower(series) = lower(?)",
                                         [series.strip()])]
    if not names:
        names = [r["series"] for r in fetch(db, "SELECT DISTINCT series FROM meetings WHERE series LIKE ? "
                                                 "ESCAPE '\\' ORDER BY series", [like_escape(series.strip())])]
    if not names:
        raise MinutesError(f"there is no series matching {series!r} (see 'minutes meetings')")
    if len(names) > 1:
        raise MinutesError(f"{series!r} matches {len(names)} series ({'; '.join(names[:5])}); give more of the name")
    return names[0]


def action_log(db, series: str, *, by: str = "owner", since: str | None = None,
               today: date | None = None) -> ActionLog:
    """The open actions of ``series`` (and those closed since ``since``), grouped ``by`` owner or organisation."""
    if by not in GROUPINGS:
        raise MinutesError(f"unknown grouping {by!r}: use owner or organisation")
    name = find_series(db, series)
    rows = [r for r in outstanding(db, status="all", series=name, today=today) if r["series"] == name]
    closed = _closed_dates(db, [r["id"] for r in rows if r["status"] != "open"])
    rows = [r for r in rows if r["status"] == "open"
            or (since and (closed.get(r["id"]) or r["meeting_date"] or "") >= since)]
    last = fetch(db, "SELECT name, date FROM meetings WHERE series = ? ORDER BY date DESC, id DESC LIMIT 1", [name])[0]
    organisations = _organisations(db, rows)
    latest = _latest(db, name, rows)
    entries = [_entry(r, organisations, latest.get(r["id"], "")) for r in rows]
    log = ActionLog(name, last["name"], last["date"], (today or date.today()).isoformat(), by, since)
    log.groups = _group(entries, by)
    return log


def _entry(r: dict, organisations: dict, latest: str) -> Entry:
    owners = [Owner(o.get("name"), o.get("initials"),
                    None if o.get("all") else organisations.get((r["meeting_id"], o.get("person_id"))),
                    owner_label(o)) for o in r["owners"]]
    return Entry(r["id"], r["text"], owners, r["meeting_date"] or r["meeting_title"] or "",
                 r["meeting_title"] or "", " ".join(x for x in (r["item"], r["item_title"]) if x),
                 r["due"] or r.get("due_text") or "", r["status"], latest)


def _group(entries: list[Entry], by: str) -> list[tuple[str, list[Entry]]]:
    """One group per owner (or organisation); an action with two is in both; the unknown last."""
    groups: dict[str, list[Entry]] = {}
    none = NO_OWNER if by == "owner" else NO_ORGANISATION
    for e in entries:
        labels = [o.label for o in e.owners] if by == "owner" else [o.organisation for o in e.owners]
        for label in dict.fromkeys(x for x in labels if x) or [none]:
            groups.setdefault(label, []).append(e)
    return sorted(groups.items(), key=lambda g: (g[0] == none, g[0].casefold()))


def _closed_dates(db, ids: list[int]) -> dict[int, str]:
    """The day each closed action was last closed."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    day = "coalesce(on_date, substr(at, 1, 10))" if "on_date" in _columns(db, "action_events") else "substr(at, 1, 10)"
    return {r["action_id"]: r["day"] for r in fetch(
        db, f"SELECT action_id, max({day}) AS day FROM action_events WHERE event IN ('done', 'dropped') "
        f"AND action_id IN ({marks}) GROUP BY action_id", ids)}


def _organisations(db, rows: list[dict]) -> dict[tuple[int, int], str]:
    """(meeting id, person id) -> the organisation the person had at that meeting, or at their latest one."""
    people = sorted({o["person_id"] for r in rows for o in r["owners"] if o.get("person_id")})
    if not people:
        return {}
    seen = fetch(db, "SELECT a.person_id, a.meeting_id, a.organisation FROM attendees a "
                 "JOIN meetings m ON m.id = a.meeting_id WHERE a.organisation IS NOT NULL AND a.organisation != '' "
                 f"AND a.person_id IN ({', '.join('?' * len(people))}) ORDER BY m.date, m.id", people)
    latest = {s["person_id"]: s["organisation"] for s in seen}
    at = {(s["meeting_id"], s["person_id"]): s["organisation"] for s in seen}
    return {(r["meeting_id"], o["person_id"]): at.get((r["meeting_id"], o["person_id"]), latest.get(o["person_id"]))
            for r in rows for o in r["owners"] if o.get("person_id") in latest}


def _latest(db, series: str, rows: list[dict]) -> dict[int, str]:
    """The latest update of each action: its last recorded change, or a later meeting's update on it."""
    ids = [r["id"] for r in rows]
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    day = "coalesce(on_date, substr(at, 1, 10))" if "on_date" in _columns(db, "action_events") else "substr(at, 1, 10)"
    found: dict[int, tuple[str, str]] = {}
    for e in fetch(db, f"SELECT action_id, {day} AS day, event, note FROM action_events WHERE event != 'created' "
                   f"AND action_id IN ({marks}) ORDER BY {day}, id", ids):
        found[e["action_id"]] = (e["day"], f"{e['day']} {e['event']}" + (f": {e['note']}" if e["note"] else ""))
    linked = "action_id" in _columns(db, "updates")    # updates linked to their action by the series walk
    updates = fetch(db, f"SELECT m.date, u.text, u.status, u.note, {'u.action_id' if linked else 'NULL'} AS action_id "
                    "FROM updates u JOIN meetings m ON m.id = u.meeting_id "
                    "WHERE m.series = ? AND m.date IS NOT NULL ORDER BY m.date, u.position", [series])
    for r in rows:
        for u in updates:
            if u["action_id"] is not None:
                if u["action_id"] != r["id"]:
                    continue
            elif u["date"] <= (r["meeting_date"] or "") or not alike(u["text"], r["text"], SIMILAR):
                continue
            if u["date"] >= found.get(r["id"], ("", ""))[0]:
                said = u["note"] or u["status"] or ""
                found[r["id"]] = (u["date"], f"{u['date']} meeting: {said}".rstrip(": "))
    return {k: v[1] for k, v in found.items()}


def _columns(db, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()}
