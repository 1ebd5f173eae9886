"""Checks across extractors: what a secretary should look at before circulating."""
from __future__ import annotations

from parsers.extract.people import Roster
from parsers.extract.items import Section
from parsers.extract.speech import statements
from parsers.patterns import INITIALS_RE
from parsers.records import Action


def unknown_people(sections: list[Section], actions: list[Action], roster: Roster) -> list[str]:
    """One warning for each set of initials, used as owner or speaker, that no attendee has."""
    if not roster.names:
        return []
    warnings: list[str] = []
    seen: set[str] = set()
    for action in actions:
        for owner in action.owners:
            if owner in seen or owner == "All" or roster.knows(owner) or not INITIALS_RE.match(owner):
                continue
            seen.add(owner)
            where = f"item {action.item}" if action.item else action.where
            warnings.append(f"action owner {owner} ({where}) is not among the attendees")
    first: dict[str, str] = {}
    times: dict[str, int] = {}
    for section in sections:
        for st in statements(section.blocks, roster):
            if st.who is None or st.who in seen or roster.knows(st.who):
                continue
            times[st.who] = times.get(st.who, 0) + 1
            first.setdefault(st.who, f"item {section.number}, {st.loc}" if section.number else st.loc)
    for who, where in first.items():
        # initials are always worth a look; a name or nick once it speaks twice
        if INITIALS_RE.match(who) or times[who] >= 2:
            warnings.append(f"speaker {who} ({where}) is not among the attendees")
    return warnings


def ownerless(actions: list[Action]) -> list[str]:
    out = []
    for action in actions:
        if not action.owners:
            text = action.text if len(action.text) <= 60 else action.text[:57] + "…"
            out.append(f"action '{text}' ({action.where}) has no owner")
    return out
