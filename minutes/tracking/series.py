"""Actions across the meetings of a series: link updates, carry forward, derive status.

    >>> walk = walk_series(db, "ICAT Steering Group")
    >>> status, due = walk.outcome()[0][action_id]

A series is the meetings of one body (``meetings.series``), in date order.
After every document is stored, the store walks the whole series again from
what is stored (``minutes.store.links`` writes what the walk found), so that
ingesting documents in any order gives one end state:

1. Walk the dated meetings oldest first.  Each action a meeting sets is either
   a new *tracked* action, or — when an earlier meeting already has an action
   with the same number (``ref``) and a similar text, or the same owners and
   text, still open — that action re-issued ("carried forward"): the row is
   kept (it is what the minutes say) but points at the tracked action through
   ``carried_from`` and is not listed on its own.
2. Each update (a row of "Actions of the previous meeting", "Matters arising")
   is linked to the tracked action it reports on: by its number in the most
   recent earlier meeting that used that number, else by owner plus similar
   text among the actions still open at that date (``minutes.tracking.links``).
   The link, how it was made and the confidence of a text match are stored on
   the update row; a row that matches nothing, or two actions alike, is a
   warning on its meeting, never a guess.
3. The status of a tracked action is the fold, in date order, of what the
   minutes said (its own meeting, then each update or re-issue) and of what
   people did by hand (``minutes done/reopen/drop``): a change by hand wins
   over minutes of meetings held on or before that day.  The due date in force
   is the last one given, phrases resolved against the meeting's date and the
   series' next meeting ("by the next meeting"); a due date set by hand
   (``minutes edit --due``) wins, as a status does, over minutes of meetings
   held on or before the day it was set.
4. The events those links imply are ``derived`` rows of ``action_events``,
   rewritten on every relink (their ``on_date`` is the meeting's date), so
   that ``minutes history`` tells the same story whatever the order of ingest.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from minutes.choices import HAND_STATUS
from minutes.db import fetch
from minutes.errors import UnknownAction
from minutes.tracking.due import phrase_in, resolve_due
from minutes.tracking.links import Earlier, short


@dataclass(order=True)
class Evidence:
    key: tuple                              # (date, 0 minutes / 1 hand, order within the day)
    status: str | None = field(compare=False, default=None)
    kind: str = field(compare=False, default="set")   # set, reissued, update, hand
    meeting_id: int | None = field(compare=False, default=None)
    note: str | None = field(compare=False, default=None)
    due: str | None = field(compare=False, default=None)


def tracked_id(db, action_id: int) -> int:
    """The action ``action_id`` carries forward (itself when it was not re-issued)."""
    row = db.execute("SELECT carried_from FROM actions WHERE id = ?", [action_id]).fetchone()
    if row is None:
        raise UnknownAction(action_id)
    return row[0] or action_id


def walk_series(db, series: str) -> "Walk":
    """The series ``series`` read from the database and walked, oldest meeting first."""
    walk = Walk(db, series)
    walk.run()
    return walk


class Walk:
    """One pass over a series, oldest meeting first: what each action is, and its evidence."""

    def __init__(self, db, series: str) -> None:
        self.series = series
        self.meetings = fetch(db, "SELECT id, date FROM meetings WHERE series = ? "
                             "ORDER BY date IS NULL, date, id", [series])
        self.date = {m["id"]: m["date"] for m in self.meetings}
        self.dates = sorted({m["date"] for m in self.meetings if m["date"]})
        self.actions = fetch(db, "SELECT a.id, a.meeting_id, a.ref, a.owners, a.text, a.key, a.minutes_status, "
                            "a.in_minutes, a.due_text, a.item, a.locator, a.position, a.status, a.due, "
                            "a.carried_from FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                            "WHERE m.series = ? ORDER BY m.date IS NULL, m.date, m.id, a.position", [series])
        self.updates = fetch(db, "SELECT u.id, u.meeting_id, u.ref, u.owners, u.text, u.status, u.note, u.due, "
                            "u.item, u.locator, u.position, u.action_id, u.matched_by, u.confidence "
                            "FROM updates u JOIN meetings m ON m.id = u.meeting_id WHERE m.series = ? "
                            "ORDER BY m.date, m.id, u.position", [series])
        self.hand = fetch(db, "SELECT e.id, e.action_id, e.event, coalesce(e.on_date, substr(e.at, 1, 10)) AS day "
                         "FROM action_events e JOIN actions a ON a.id = e.action_id "
                         "JOIN meetings m ON m.id = a.meeting_id WHERE m.series = ? AND e.source = 'hand' "
                         "AND e.event IN ('done', 'reopened', 'dropped') ORDER BY day, e.id", [series])
        self.hand_due = fetch(db, "SELECT e.id, e.action_id, e.value, e.on_date AS day FROM action_edits e "
                              "JOIN actions a ON a.id = e.action_id JOIN meetings m ON m.id = a.meeting_id "
                              "WHERE m.series = ? AND e.field = 'due' ORDER BY e.id", [series])
        self.state: dict[int, str] = {}                # status as of the meeting being read
        self.earlier = Earlier(self.date, self.state)
        self.evidence: dict[int, list[Evidence]] = {}
        self.mine: dict[int, list[dict]] = {}          # meeting id -> its action rows, by position
        for a in self.actions:
            self.mine.setdefault(a["meeting_id"], []).append(a)
        self.ups: dict[int, list[dict]] = {}           # meeting id -> its update rows, by position
        for u in self.updates:
            self.ups.setdefault(u["meeting_id"], []).append(u)
        self.links: dict[int, tuple[int | None, str | None, float | None]] = {}
        self.warnings: dict[int, list[str]] = {m["id"]: [] for m in self.meetings}
        self._queued: list[tuple[Evidence, int]] = []
        self._hand_left = list(self.hand)

    @property
    def root(self) -> dict[int, int]:
        """Action id -> the tracked action it is (itself, or the action it re-issues)."""
        return self.earlier.root

    def next_meeting(self, day: str | None) -> str | None:
        if not day:
            return None
        k = bisect.bisect_right(self.dates, day)
        return self.dates[k] if k < len(self.dates) else None

    def due(self, written: str | None, day: str | None) -> str | None:
        return resolve_due(written, day, self.next_meeting(day))

    # -- status as of a day ----------------------------------------------------------
    def _catch_up(self, day: str | None) -> None:
        """Apply what happened before ``day`` (all of it when ``day`` is None) to ``state``."""
        ready = [(e, r) for e, r in self._queued if day is None or e.key[0] < day]
        self._queued = [(e, r) for e, r in self._queued if not (day is None or e.key[0] < day)]
        keep = []
        for h in self._hand_left:
            if h["action_id"] in self.root and (day is None or h["day"] < day):
                ready.append((Evidence((h["day"], 1, h["id"]), HAND_STATUS[h["event"]], "hand"),
                              self.root[h["action_id"]]))
            else:
                keep.append(h)
        self._hand_left = keep
        for e, r in sorted(ready, key=lambda x: x[0]):
            self.state[r] = e.status or self.state.get(r, "open")

    def _add(self, root: int, e: Evidence) -> None:
        self.evidence.setdefault(root, []).append(e)
        self._queued.append((e, root))

    # -- the walk ----------------------------------------------------------------------
    def run(self) -> None:
        for m in self.meetings:
            day = m["date"]
            if day:
                self._catch_up(day)
            mine = self.mine.get(m["id"], [])
            claimed: set[int] = set()
            for a in mine:
                r = self.earlier.reissue_of(a, claimed) if day else None
                if r is None:
                    self.earlier.track(a)
                    base = a["minutes_status"] if a["in_minutes"] else "dropped"
                    self._add(a["id"], Evidence((day or "", 0, -1, a["position"]), base, "set", m["id"],
                                                due=self.due(a["due_text"], day)))
                else:
                    claimed.add(r)
                    self.earlier.track(a, r)
                    self._add(r, Evidence((day, 0, 1, a["position"]), a["minutes_status"] if a["in_minutes"]
                                          else None, "reissued", m["id"],
                                          f"carried forward: re-issued{' as action ' + a['ref'] if a['ref'] else ''}"
                                          f" by the minutes of {day}" + (f", item {a['item']}" if a["item"] else ""),
                                          self.due(a["due_text"], day)))
            self._link_updates(m)
            self.earlier.add(mine, day)
        self._catch_up(None)

    def _link_updates(self, m: dict) -> None:
        day = m["date"]
        ups = self.ups.get(m["id"], [])
        if not ups:
            return
        if not day:
            self.warnings[m["id"]].append(
                f"the meeting has no date, so its {len(ups)} update{'s' * (len(ups) != 1)} on earlier actions "
                "could not be linked")
            return
        if not self.earlier.rows:
            items = sorted({u["item"] for u in ups if u["item"]})
            where = f" (item {', '.join(items)})" if items else ""
            self.warnings[m["id"]].append(
                f"{len(ups)} update{'s' * (len(ups) != 1)} on earlier actions{where} not linked: no earlier "
                f"meeting of {self.series} is stored")
            return
        for u in ups:
            r, how, confidence, warning = self.earlier.match(u)
            self.links[u["id"]] = (r, how, confidence)
            if warning:
                self.warnings[m["id"]].append(warning)
            if r is None:
                continue
            status = {"done": "closed", "dropped": "dropped"}.get(u["status"], "reported open")
            note = (f"{status} by the minutes of {day}" + (f", item {u['item']}" if u["item"] else "")
                    + (f": {short(u['note'], 200)}" if u["note"] else ""))
            self._add(r, Evidence((day, 0, 0, u["position"]), u["status"] or "open", "update", m["id"], note,
                                  self.due(u["due"] or phrase_in(u["note"]), day)))

    # -- the end state -------------------------------------------------------------------
    def outcome(self) -> tuple[dict[int, tuple[str, str | None]], list[dict]]:
        """Status and due date per tracked action, and the derived events."""
        hand: dict[int, list[Evidence]] = {}
        for h in self.hand:
            r = self.root.get(h["action_id"])
            if r is not None:
                hand.setdefault(r, []).append(Evidence((h["day"], 1, h["id"]), HAND_STATUS[h["event"]], "hand"))
        for h in self.hand_due:   # a due date set by hand ('minutes edit --due'), cleared with None
            r = self.root.get(h["action_id"])
            if r is not None:
                hand.setdefault(r, []).append(Evidence((h["day"], 1, h["id"]), None, "hand due", due=h["value"]))
        result, events = {}, []
        for r, evidence in self.evidence.items():
            status, due = "open", None
            for e in sorted(evidence + hand.get(r, [])):
                if e.kind == "hand due":
                    due = e.due
                    continue
                before = status
                status = e.status or status
                if e.kind in ("update", "reissued"):
                    kind = "note" if status == before else ("reopened" if status == "open" else status)
                    events.append({"action_id": r, "meeting_id": e.meeting_id, "event": kind, "note": e.note,
                                   "on_date": e.key[0]})
                if e.due and e.due != due:
                    if e.kind != "set":
                        events.append({"action_id": r, "meeting_id": e.meeting_id, "event": "edited",
                                       "note": f"due date now {e.due} (the minutes of {e.key[0]})",
                                       "on_date": e.key[0]})
                    due = e.due
            result[r] = (status, due)
        return result, events
