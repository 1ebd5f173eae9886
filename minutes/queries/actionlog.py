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
from minutes.db import fetch
from minutes.errors import MinutesError
from minutes.queries.actions import outstanding
from minutes.tracking.keys import alike
from minutes.tracking.owners import owner_label
from minutes.tracking.refs import find_series
from minutes.tracking.versions import SIMILAR

NO_OWNER = "(no owner)"
NO_ORGANISATION = "(no organisation)"
NO_ITEM = "(no item)"


@dataclass
class Owner:
    name: str | None
    initials: str | None
    organisation: str | None
    label: str                       # "Tom Griffin (TG)"


@dataclass
class Latest:
    """The latest word on an action: what a later meeting said, or a change by hand."""
    day: str | None                  # ISO
    text: str                        # "Awaiting the finance team", "done: figures sent"
    source: str                      # "meeting" (its minutes said so) or "hand"
    meeting: str = ""                # the meeting that said it (its name)


@dataclass
class Entry:
    number: int                      # the action's id (what 'minutes done' takes)
    ref: str                         # the minutes' own number ("4.2"), else the item's ("4"), else ""
    text: str
    owners: list[Owner]
    meeting: str                     # the meeting's date (ISO), or its name when undated
    meeting_name: str
    series: str
    item: str                        # "4 Financial standing"
    due: str                         # ISO date, or the phrase as written
    due_date: str | None             # ISO, when the due is a date
    due_text: str                    # the deadline as written, where it differs ("by the next meeting")
    status: str
    overdue: bool                    # open and its due date has passed
    latest: Latest | None

    @property
    def owner_text(self) -> str:
        return "; ".join(o.label for o in self.owners)

    @property
    def organisation_text(self) -> str:
        return "; ".join(dict.fromkeys(o.organisation for o in self.owners if o.organisation))


@dataclass
class ActionLog:
    series: str | None               # None: every series (one owner's list)
    last_meeting: str                # name of the latest meeting of the log
    last_date: str | None
    prepared: str                    # today, ISO
    by: str
    since: str | None
    owner: str | None = None         # whose list it is ("Tom Griffin (TG)"), when one owner's
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
    def body(self) -> str:
        """Who the log is for: the series, or "All series"."""
        return self.series or "All series"

    @property
    def title(self) -> str:
        if self.owner:
            return f"Actions of {self.owner} — {self.body}"
        return f"Action log — {self.body}"


def _only_series(db, every: bool = False) -> str | None:
    """The database's one series, when no series is named; with ``every``, None (all of them) when it has several."""
    names = [r["series"] for r in fetch(db, "SELECT DISTINCT series FROM meetings ORDER BY series")]
    if not names:
        raise MinutesError("there are no meetings yet (see 'minutes ingest')")
    if len(names) > 1:
        if every:
            return None
        raise MinutesError(f"the database holds {len(names)} series ({'; '.join(names[:5])}"
                           f"{'; …' if len(names) > 5 else ''}): choose one with --series")
    return names[0]


def action_log(db, series: str | None = None, *, by: str = "owner", since: str | None = None,
               owner: str | None = None, today: date | None = None) -> ActionLog:
    """The open actions of ``series`` (and those closed since ``since``), grouped ``by`` owner,
    organisation or item; ``owner`` keeps one person's (then every series, unless one is named).
    Without ``series`` or ``owner``, the database must hold one series."""
    if by not in GROUPINGS:
        raise MinutesError(f"unknown grouping {by!r}: use {', '.join(GROUPINGS)}")
    today = today or date.today()
    name = find_series(db, series) if series else _only_series(db, every=bool(owner))
    rows = [r for r in outstanding(db, status="all", series=name, owner=owner, today=today)
            if name is None or r["series"] == name]
    closed = _closed_dates(db, [r["id"] for r in rows if r["status"] != "open"])
    rows = [r for r in rows if r["status"] == "open"
            or (since and (closed.get(r["id"]) or r["meeting_date"] or "") >= since)]
    last = _last_meeting(db, name, rows)
    organisations = _organisations(db, rows)
    latest = _latest(db, rows)
    entries = [_entry(r, organisations, latest.get(r["id"]), today) for r in rows]
    log = ActionLog(name, last["name"], last["date"], today.isoformat(), by, since,
                    _whose(entries, owner) if owner else None)
    log.groups = _group(entries, by)
    return log


def _last_meeting(db, series: str | None, rows: list[dict]) -> dict:
    """The latest meeting of the series (or, for one owner's list over every series, of the rows)."""
    if series is not None:
        return fetch(db, "SELECT name, date FROM meetings WHERE series = ? ORDER BY date DESC, id DESC LIMIT 1",
                     [series])[0]
    ids = sorted({r["meeting_id"] for r in rows})
    found = fetch(db, f"SELECT name, date FROM meetings WHERE id IN ({', '.join('?' * len(ids)) or 'NULL'}) "
                  "ORDER BY date DESC, id DESC LIMIT 1", ids)
    return found[0] if found else {"name": "", "date": None}


def _whose(entries: list[Entry], owner: str) -> str:
    """The owner of one owner's list as labelled ("Tom Griffin (TG)"): the one its entries share that
    the words typed name (by initials, else part of the name); else the words as typed."""
    common: set[str] | None = None
    named: set[str] = set()
    typed = owner.strip().casefold()
    for e in entries:
        common = {o.label for o in e.owners} if common is None else common & {o.label for o in e.owners}
        named |= {o.label for o in e.owners if (o.initials or "").casefold() == typed}
        named |= {o.label for o in e.owners if not o.initials and typed in (o.name or "").casefold()}
    found = (common or set()) & named if named else (common or set())
    found = found or {label for label in common or set() if typed in label.casefold()}
    return sorted(found)[0] if len(found) == 1 else owner


def _ref(r: dict) -> str:
    """The action's number in the minutes ("4.2"), else the number of the item (the minute) that set it."""
    return (r.get("ref") or r.get("item") or "").strip()


def _entry(r: dict, organisations: dict, latest: Latest | None, today: date) -> Entry:
    owners = [Owner(o.get("name"), o.get("initials"),
                    None if o.get("all") else organisations.get((r["meeting_id"], o.get("person_id"))),
                    owner_label(o)) for o in r["owners"]]
    due_date = _iso_day(r["due"])
    return Entry(r["id"], _ref(r), r["text"], owners, r["meeting_date"] or r["meeting_title"] or "",
                 r["meeting_title"] or "", r["series"], " ".join(x for x in (r["item"], r["item_title"]) if x),
                 r["due"] or r.get("due_text") or "", due_date,
                 r.get("due_text") if r.get("due_text") and r.get("due_text") != r["due"] else "", r["status"],
                 r["status"] == "open" and due_date is not None and due_date < today.isoformat(), latest)


def _iso_day(text: str | None) -> str | None:
    try:
        return date.fromisoformat((text or "")[:10]).isoformat()
    except ValueError:
        return None


def _group(entries: list[Entry], by: str) -> list[tuple[str, list[Entry]]]:
    """Each action once: under its owners together (a joint action under all of them, one row),
    its owners' organisations together, or the meeting and item that set it; the unknown last."""
    if by == "item":
        items: dict[tuple, list[Entry]] = {}
        for e in entries:   # already in meeting order
            key = (e.meeting, e.series, e.item)
            items.setdefault(key, []).append(e)
        return [(_item_label(e0), rows) for (_, _, _), rows in items.items() for e0 in rows[:1]]
    groups: dict[str, list[Entry]] = {}
    none = NO_OWNER if by == "owner" else NO_ORGANISATION
    for e in entries:
        labels = [o.label for o in e.owners] if by == "owner" else [o.organisation for o in e.owners]
        label = "; ".join(dict.fromkeys(x for x in labels if x)) or none
        groups.setdefault(label, []).append(e)
    return sorted(groups.items(), key=lambda g: (g[0] == none, g[0].casefold()))


def _item_label(e: Entry) -> str:
    """"2015-01-20 — item 4 Questions" (the date is written out by the output)."""
    return " — ".join(x for x in (e.meeting, f"item {e.item}" if e.item else NO_ITEM) if x)


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


def _latest(db, rows: list[dict]) -> dict[int, Latest]:
    """The latest word on each action: its last recorded change, or a later meeting's update on it."""
    ids = [r["id"] for r in rows]
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    day = "coalesce(e.on_date, substr(e.at, 1, 10))" if "on_date" in _columns(db, "action_events") \
        else "substr(e.at, 1, 10)"
    found: dict[int, Latest] = {}
    for e in fetch(db, f"SELECT e.action_id, {day} AS day, e.event, e.note, e.source, m.name AS meeting "
                   "FROM action_events e LEFT JOIN meetings m ON m.id = e.meeting_id WHERE e.event != 'created' "
                   f"AND e.action_id IN ({marks}) ORDER BY {day}, e.id", ids):
        said = e["event"] + (f": {e['note']}" if e["note"] else "")
        found[e["action_id"]] = Latest(e["day"], said, "hand" if e["source"] == "hand" else "meeting",
                                       e["meeting"] if e["source"] != "hand" else "")
    linked = "action_id" in _columns(db, "updates")    # updates linked to their action by the series walk
    series = sorted({r["series"] for r in rows})
    updates = fetch(db, f"SELECT m.date, m.name, m.series, u.text, u.status, u.note, "
                    f"{'u.action_id' if linked else 'NULL'} AS action_id FROM updates u "
                    "JOIN meetings m ON m.id = u.meeting_id "
                    f"WHERE m.series IN ({', '.join('?' * len(series))}) AND m.date IS NOT NULL "
                    "ORDER BY m.date, u.position", series)
    for r in rows:
        for u in updates:
            if u["action_id"] is not None:
                if u["action_id"] != r["id"]:
                    continue
            elif u["series"] != r["series"] or u["date"] <= (r["meeting_date"] or "") \
                    or not alike(u["text"], r["text"], SIMILAR):
                continue
            if u["date"] >= (found[r["id"]].day or "" if r["id"] in found else ""):
                found[r["id"]] = Latest(u["date"], u["note"] or u["status"] or "", "meeting", u["name"])
    return found


def _columns(db, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()}
