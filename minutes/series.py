"""Actions across the meetings of a series: link updates, carry forward, derive status.

    >>> with store.transaction(db):
    ...     warnings = relink(db, "ICAT Steering Group", store.now())

A series is the meetings of one body (``meetings.series``), in date order.
After every document is stored, ``relink`` recomputes the whole series from
what is stored, so that ingesting documents in any order gives one end state:

1. Walk the dated meetings oldest first.  Each action a meeting sets is either
   a new *tracked* action, or — when an earlier meeting already has an action
   with the same number (``ref``) and a similar text, or the same owners and
   text, still open — that action re-issued ("carried forward"): the row is
   kept (it is what the minutes say) but points at the tracked action through
   ``carried_from`` and is not listed on its own.
2. Each update (a row of "Actions of the previous meeting", "Matters arising")
   is linked to the tracked action it reports on: by its number in the most
   recent earlier meeting that used that number, else by owner plus similar
   text among the actions still open at that date.  The link, how it was made
   and the confidence of a text match are stored on the update row; a row that
   matches nothing, or two actions alike, is a warning on its meeting, never
   a guess.
3. The status of a tracked action is the fold, in date order, of what the
   minutes said (its own meeting, then each update or re-issue) and of what
   people did by hand (``minutes done/reopen/drop``): a change by hand wins
   over minutes of meetings held on or before that day.  The due date in force
   is the last one given, phrases resolved against the meeting's date and the
   series' next meeting ("by the next meeting").
4. The events those links imply are ``derived`` rows of ``action_events``,
   rewritten on every relink (their ``on_date`` is the meeting's date), so
   that ``minutes history`` tells the same story whatever the order of ingest.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any

from minutes.due import phrase_in, resolve_due
from minutes.keys import fold, is_all, similarity

REF_TEXT_MIN = 0.35   # a match by number whose text is less alike than this is not trusted
TEXT_MIN = 0.6        # owner plus text: the least similarity accepted
TEXT_ONLY_MIN = 0.8   # text alone (the update or the action names no owner)
MARGIN = 0.1          # the best text match must beat the next one by this much
REISSUE_MIN = 0.6     # same number and at least this alike: the same action carried forward
HAND_STATUS = {"done": "done", "reopened": "open", "dropped": "dropped"}


@dataclass(order=True)
class Evidence:
    key: tuple                              # (date, 0 minutes / 1 hand, order within the day)
    status: str | None = field(compare=False, default=None)
    kind: str = field(compare=False, default="set")   # set, reissued, update, hand
    meeting_id: int | None = field(compare=False, default=None)
    note: str | None = field(compare=False, default=None)
    due: str | None = field(compare=False, default=None)


def _rows(db, sql: str, params: list) -> list[dict[str, Any]]:
    cur = db.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def norm_ref(ref: str | None) -> str | None:
    """"Action 2.10." -> "2.10"; case and decoration do not matter."""
    if not ref:
        return None
    m = re.search(r"\d+(?:\.\d+)*[a-z]?", ref.casefold())
    return m.group(0) if m else fold(ref) or None


def _owners(text: str | None) -> set[str]:
    return {fold(o) for o in (text or "").split(",") if fold(o)}


def _short(text: str, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def row_label(u: dict) -> str:
    """How a warning names an update row: "action 7 'Repaint the office' (ZZ, item 1, line 12)"."""
    where = ", ".join(x for x in (u["owners"], u["item"] and f"item {u['item']}", u["locator"]) if x)
    ref = f"action {u['ref']} " if u["ref"] else ""
    return f"{ref}'{_short(u['text'])}'" + (f" ({where})" if where else "")


class _Walk:
    """One pass over a series, oldest meeting first."""

    def __init__(self, db, series: str) -> None:
        self.series = series
        self.meetings = _rows(db, "SELECT id, date FROM meetings WHERE series = ? "
                              "ORDER BY date IS NULL, date, id", [series])
        self.date = {m["id"]: m["date"] for m in self.meetings}
        self.dates = sorted({m["date"] for m in self.meetings if m["date"]})
        self.actions = _rows(db, "SELECT a.id, a.meeting_id, a.ref, a.owners, a.text, a.key, a.minutes_status, "
                             "a.in_minutes, a.due_text, a.item, a.locator, a.position, a.status, a.due, "
                             "a.carried_from FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                             "WHERE m.series = ? ORDER BY m.date IS NULL, m.date, m.id, a.position", [series])
        self.updates = _rows(db, "SELECT u.id, u.meeting_id, u.ref, u.owners, u.text, u.status, u.note, u.due, "
                             "u.item, u.locator, u.position, u.action_id, u.matched_by, u.confidence "
                             "FROM updates u JOIN meetings m ON m.id = u.meeting_id WHERE m.series = ? "
                             "ORDER BY m.date, m.id, u.position", [series])
        self.hand = _rows(db, "SELECT e.id, e.action_id, e.event, coalesce(e.on_date, substr(e.at, 1, 10)) AS day "
                          "FROM action_events e JOIN actions a ON a.id = e.action_id "
                          "JOIN meetings m ON m.id = a.meeting_id WHERE m.series = ? AND e.source = 'hand' "
                          "AND e.event IN ('done', 'reopened', 'dropped') ORDER BY day, e.id", [series])
        self.root: dict[int, int] = {}                 # action id -> tracked action id
        self.members: dict[int, list[dict]] = {}       # tracked action id -> its rows, oldest first
        self.evidence: dict[int, list[Evidence]] = {}
        self.state: dict[int, str] = {}                # status as of the meeting being read
        self.seen: list[dict] = []                     # action rows of the meetings already read
        self.seen_ids: set[int] = set()
        self.seen_by_ref: dict[str, list[dict]] = {}   # norm_ref -> rows of dated meetings already read
        self.seen_by_key: dict[str, list[dict]] = {}   # action key -> rows already read
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
                r = self._reissue_of(a, claimed) if day else None
                if r is None:
                    self.root[a["id"]] = a["id"]
                    self.members[a["id"]] = [a]
                    base = a["minutes_status"] if a["in_minutes"] else "dropped"
                    self._add(a["id"], Evidence((day or "", 0, -1, a["position"]), base, "set", m["id"],
                                                due=self.due(a["due_text"], day)))
                else:
                    claimed.add(r)
                    self.root[a["id"]] = r
                    self.members[r].append(a)
                    self._add(r, Evidence((day, 0, 1, a["position"]), a["minutes_status"] if a["in_minutes"]
                                          else None, "reissued", m["id"],
                                          f"carried forward: re-issued{' as action ' + a['ref'] if a['ref'] else ''}"
                                          f" by the minutes of {day}" + (f", item {a['item']}" if a["item"] else ""),
                                          self.due(a["due_text"], day)))
            self._link_updates(m)
            self.seen.extend(mine)
            self.seen_ids.update(a["id"] for a in mine)
            for a in mine:
                self.seen_by_key.setdefault(a["key"], []).append(a)
                ref = norm_ref(a["ref"])
                if ref and day:
                    self.seen_by_ref.setdefault(ref, []).append(a)
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
        if not self.seen:
            items = sorted({u["item"] for u in ups if u["item"]})
            where = f" (item {', '.join(items)})" if items else ""
            self.warnings[m["id"]].append(
                f"{len(ups)} update{'s' * (len(ups) != 1)} on earlier actions{where} not linked: no earlier "
                f"meeting of {self.series} is stored")
            return
        for u in ups:
            r, how, confidence, warning = self._match(u, day)
            self.links[u["id"]] = (r, how, confidence)
            if warning:
                self.warnings[m["id"]].append(warning)
            if r is None:
                continue
            status = {"done": "closed", "dropped": "dropped"}.get(u["status"], "reported open")
            note = (f"{status} by the minutes of {day}" + (f", item {u['item']}" if u["item"] else "")
                    + (f": {_short(u['note'], 200)}" if u["note"] else ""))
            self._add(r, Evidence((day, 0, 0, u["position"]), u["status"] or "open", "update", m["id"], note,
                                  self.due(u["due"] or phrase_in(u["note"]), day)))

    # -- matching ----------------------------------------------------------------------------
    def _by_ref(self, ref: str | None, text: str) -> tuple[dict | None, float, list[dict]]:
        """The row of the latest earlier meeting numbered ``ref``: (best, its similarity, all such rows)."""
        ref = norm_ref(ref)
        rows = self.seen_by_ref.get(ref, []) if ref else []
        if not rows:
            return None, 0.0, []
        last = max(self.date[a["meeting_id"]] for a in rows)
        rows = [a for a in rows if self.date[a["meeting_id"]] == last]
        scored = sorted(((similarity(text, a["text"]) if text else 1.0, -i, a) for i, a in enumerate(rows)),
                        key=lambda x: x[:2], reverse=True)
        return scored[0][2], scored[0][0], rows

    def _reissue_of(self, a: dict, claimed: set[int]) -> int | None:
        best, score, _ = self._by_ref(a["ref"], a["text"])
        if best is not None and score >= REISSUE_MIN:
            r = self.root[best["id"]]
            if r not in claimed and self.state.get(r) == "open":
                return r
        for e in self.seen_by_key.get(a["key"], ()):
            r = self.root[e["id"]]
            if e["key"] == a["key"] and r not in claimed and self.state.get(r) == "open":
                return r
        return None

    def _match(self, u: dict, day: str) -> tuple[int | None, str | None, float | None, str | None]:
        best, score, rows = self._by_ref(u["ref"], u["text"])
        label = row_label(u)
        if best is not None:
            roots = {self.root[a["id"]] for a in rows}
            close = [a for a in rows if (similarity(u["text"], a["text"]) if u["text"] else 1.0) >= score - MARGIN]
            if len(roots) > 1 and len({self.root[a["id"]] for a in close}) > 1:
                ids = " or ".join(f"#{r}" for r in sorted(roots))
                return None, None, None, f"update {label} could be action {ids} (the same number twice): not linked"
            if not u["text"] or score >= REF_TEXT_MIN:
                return self.root[best["id"]], "ref", 1.0, None
        found, confidence, warning = self._by_text(u)
        if found is None and best is not None and not warning:
            warning = (f"update {label} has the number of action #{self.root[best['id']]} "
                       f"('{_short(best['text'], 40)}') but not its text: not linked")
        return found, "owner+text" if found else None, confidence, warning

    def _by_text(self, u: dict) -> tuple[int | None, float | None, str | None]:
        owners = _owners(u["owners"])
        anyone = not owners or any(is_all(o) for o in owners)
        scores: dict[int, float] = {}
        for r, rows in self.members.items():
            if self.state.get(r) != "open" or r not in self.seen_ids:
                continue
            theirs = set().union(*(_owners(a["owners"]) for a in rows))
            mutual = not anyone and bool(theirs) and not any(is_all(o) for o in theirs)
            if mutual and not owners & theirs:
                continue
            score = max(similarity(u["text"], a["text"]) for a in rows)
            if score >= (TEXT_MIN if mutual else TEXT_ONLY_MIN):
                scores[r] = score
        label = row_label(u)
        if not scores:
            return None, None, f"update {label} matches no open action of an earlier meeting: not linked"
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MARGIN:
            ids = " or ".join(f"#{r}" for r, _ in ranked[:3])
            return None, None, f"update {label} could be action {ids} (owner and text alike): not linked"
        return ranked[0][0], round(ranked[0][1], 2), None

    # -- the end state -------------------------------------------------------------------
    def outcome(self) -> tuple[dict[int, tuple[str, str | None]], list[dict]]:
        """Status and due date per tracked action, and the derived events."""
        hand: dict[int, list[Evidence]] = {}
        for h in self.hand:
            r = self.root.get(h["action_id"])
            if r is not None:
                hand.setdefault(r, []).append(Evidence((h["day"], 1, h["id"]), HAND_STATUS[h["event"]], "hand"))
        result, events = {}, []
        for r, evidence in self.evidence.items():
            status, due = "open", None
            for e in sorted(evidence + hand.get(r, [])):
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


def relink(db, series: str, stamp: str) -> dict[int, list[str]]:
    """Recompute links, carry-forward, status, due dates and derived events of ``series``.

    Call inside a write transaction.  Returns the linking warnings per meeting id.
    """
    walk = _Walk(db, series)
    walk.run()
    result, events = walk.outcome()
    for a in walk.actions:
        r = walk.root[a["id"]]
        status, due = result[r]
        carried = None if r == a["id"] else r
        if (a["status"], a["due"], a["carried_from"]) != (status, due, carried):
            db.execute("UPDATE actions SET status = ?, due = ?, carried_from = ?, updated_at = ? WHERE id = ?",
                       [status, due, carried, stamp, a["id"]])
    for u in walk.updates:
        link = walk.links.get(u["id"], (None, None, None))
        if (u["action_id"], u["matched_by"], u["confidence"]) != link:
            db.execute("UPDATE updates SET action_id = ?, matched_by = ?, confidence = ? WHERE id = ?",
                       [*link, u["id"]])
    ids = [a["id"] for a in walk.actions]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join("?" * len(part))
        db.execute(f"DELETE FROM action_events WHERE derived = 1 AND action_id IN ({marks})", part)
        db.execute("UPDATE action_events SET on_date = CASE WHEN event = 'created' THEN "
                   "coalesce((SELECT date FROM meetings WHERE id = meeting_id), substr(at, 1, 10)) "
                   f"ELSE substr(at, 1, 10) END WHERE on_date IS NULL AND action_id IN ({marks})", part)
    if events:
        db["action_events"].insert_all(
            [{**e, "at": stamp, "actor": "minutes", "source": "minutes", "derived": 1} for e in events],
            batch_size=500)
    for mid, warnings in walk.warnings.items():
        db.execute("UPDATE meetings SET link_warnings = ? WHERE id = ?",
                   [json.dumps(warnings, ensure_ascii=False), mid])
    return walk.warnings
