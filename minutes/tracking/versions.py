"""Versions of one meeting's minutes: which action of the corrected version is which old one.

A corrected version of a meeting replaces its parse, but an action that
still appears (same owners and text, or a text at least ``SIMILAR`` alike)
is the same action: it keeps its id, its status set by hand and its history
(``minutes.store`` writes that).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.tracking.keys import action_key, alike, similarity

if TYPE_CHECKING:  # pragma: no cover
    from parsers.records import Action

SIMILAR = 0.8


def match(new: list["Action"], old: list[dict]) -> dict[int, dict]:
    """Pair new actions (by index) with old action rows: equal keys first, then similar text."""
    pairs: dict[int, dict] = {}
    free = {o["id"]: o for o in old}
    for i, a in enumerate(new):
        k = action_key(a.owners, a.text)
        hit = next((o for o in free.values() if o["key"] == k), None)
        if hit:
            pairs[i] = free.pop(hit["id"])
    scored = sorted(((similarity(a.text, o["text"]), i, o["id"])
                     for i, a in enumerate(new) if i not in pairs for o in free.values()
                     if alike(a.text, o["text"], SIMILAR)),
                    reverse=True)
    for score, i, oid in scored:
        if i not in pairs and oid in free:
            pairs[i] = free.pop(oid)
    return pairs
