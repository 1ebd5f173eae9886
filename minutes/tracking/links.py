"""What an update or a re-issued action of a later meeting reports on, among the actions read before it.

Used by the series walk (``minutes.tracking.series``), meeting by meeting:

- an action a meeting sets is the earlier action *re-issued* ("carried
  forward") when the latest earlier meeting that used its number has that
  number with a similar text, or an earlier action has the same owners and
  text, and that action is still open;
- an update (a row of "Actions of the previous meeting", "Matters arising")
  reports on the action numbered as it is in the most recent earlier meeting
  that used the number, else on the one open action whose owners and text
  are alike.  Two candidates alike, or none, is a warning, never a guess.
"""
from __future__ import annotations

import re

from minutes.tracking.keys import fold, similarity
from minutes.tracking.owners import is_all, owner_set

REF_TEXT_MIN = 0.35   # a match by number whose text is less alike than this is not trusted
TEXT_MIN = 0.6        # owner plus text: the least similarity accepted
TEXT_ONLY_MIN = 0.8   # text alone (the update or the action names no owner)
MARGIN = 0.1          # the best text match must beat the next one by this much
REISSUE_MIN = 0.6     # same number and at least this alike: the same action carried forward


def norm_ref(ref: str | None) -> str | None:
    """"Action 2.10." -> "2.10"; case and decoration do not matter."""
    if not ref:
        return None
    m = re.search(r"\d+(?:\.\d+)*[a-z]?", ref.casefold())
    return m.group(0) if m else fold(ref) or None


def short(text: str, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


def row_label(u: dict) -> str:
    """How a warning names an update row: "action 7 'Repaint the office' (ZZ, item 1, line 12)"."""
    where = ", ".join(x for x in (u["owners"], u["item"] and f"item {u['item']}", u["locator"]) if x)
    ref = f"action {u['ref']} " if u["ref"] else ""
    return f"{ref}'{short(u['text'])}'" + (f" ({where})" if where else "")


class Earlier:
    """The actions of the meetings of a series read so far, and what a later
    meeting's action or update is matched to among them."""

    def __init__(self, date: dict[int, str | None], state: dict[int, str]) -> None:
        self.date = date                               # meeting id -> its date
        self.state = state                             # tracked action id -> its status as of now (the walk's)
        self.root: dict[int, int] = {}                 # action id -> tracked action id
        self.members: dict[int, list[dict]] = {}       # tracked action id -> its rows, oldest first
        self.rows: list[dict] = []                     # action rows of the meetings already read
        self.ids: set[int] = set()
        self.by_ref: dict[str, list[dict]] = {}        # norm_ref -> rows of dated meetings already read
        self.by_key: dict[str, list[dict]] = {}        # action key -> rows already read

    def track(self, a: dict, root: int | None = None) -> None:
        """Record ``a`` as a new tracked action, or as a row of the tracked action ``root``."""
        if root is None:
            self.root[a["id"]] = a["id"]
            self.members[a["id"]] = [a]
        else:
            self.root[a["id"]] = root
            self.members[root].append(a)

    def add(self, rows: list[dict], day: str | None) -> None:
        """The action rows of a meeting just read (dated ``day``) become earlier actions."""
        self.rows.extend(rows)
        self.ids.update(a["id"] for a in rows)
        for a in rows:
            self.by_key.setdefault(a["key"], []).append(a)
            ref = norm_ref(a["ref"])
            if ref and day:
                self.by_ref.setdefault(ref, []).append(a)

    def numbered(self, ref: str | None, text: str) -> tuple[dict | None, float, list[dict]]:
        """The row of the latest earlier meeting numbered ``ref``: (best, its similarity, all such rows)."""
        ref = norm_ref(ref)
        rows = self.by_ref.get(ref, []) if ref else []
        if not rows:
            return None, 0.0, []
        last = max(self.date[a["meeting_id"]] for a in rows)
        rows = [a for a in rows if self.date[a["meeting_id"]] == last]
        scored = sorted(((similarity(text, a["text"]) if text else 1.0, -i, a) for i, a in enumerate(rows)),
                        key=lambda x: x[:2], reverse=True)
        return scored[0][2], scored[0][0], rows

    def reissue_of(self, a: dict, claimed: set[int]) -> int | None:
        """The open tracked action that ``a`` re-issues, if any (none of those ``claimed``)."""
        best, score, _ = self.numbered(a["ref"], a["text"])
        if best is not None and score >= REISSUE_MIN:
            r = self.root[best["id"]]
            if r not in claimed and self.state.get(r) == "open":
                return r
        for e in self.by_key.get(a["key"], ()):
            r = self.root[e["id"]]
            if e["key"] == a["key"] and r not in claimed and self.state.get(r) == "open":
                return r
        return None

    def match(self, u: dict) -> tuple[int | None, str | None, float | None, str | None]:
        """The tracked action update ``u`` reports on: (action, how, confidence, warning)."""
        best, score, rows = self.numbered(u["ref"], u["text"])
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
                       f"('{short(best['text'], 40)}') but not its text: not linked")
        return found, "owner+text" if found else None, confidence, warning

    def _by_text(self, u: dict) -> tuple[int | None, float | None, str | None]:
        owners = owner_set(u["owners"])
        anyone = not owners or any(is_all(o) for o in owners)
        scores: dict[int, float] = {}
        for r, rows in self.members.items():
            if self.state.get(r) != "open" or r not in self.ids:
                continue
            theirs = set().union(*(owner_set(a["owners"]) for a in rows))
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
