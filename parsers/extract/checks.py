"""Checks across extractors: what a secretary should look at before circulating."""
from __future__ import annotations

import re

from parsers.blocks import grid, walk
from parsers.document import Heading, Paragraph, Table
from parsers.extract.people import Roster
from parsers.extract.items import Section
from parsers.extract.speech import statements
from parsers.patterns import INITIALS_RE, sentences
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


# -- what the document plainly has but nothing was read from -----------------------------------------
_ACTION_WORD = re.compile(r"\baction(?:s|ed)?\b\s*[:–—-]|\(\s*action\b|\baction\s+(?:by|point|item)s?\b", re.I)
_DECISION_WORD = re.compile(r"^\W*(?:resolved|agreed|decided|decision|resolution)\b|\b(?:it\s+was|were|was)\s+"
                            r"(?:unanimously\s+)?(?:resolved|agreed|decided|approved|adopted)\b|\bmotion\s+"
                            r"(?:was\s+)?(?:carried|passed)\b", re.I)


def silent_misses(blocks: list, minutes) -> list[str]:
    """A warning, saying where, for each part the document plainly has and the
    extraction read nothing from: an attendance label without attendees, action
    cues or an action column without actions, decision cues without decisions,
    headings without items."""
    from parsers.extract.attendees import status_of_label  # the labels attendance is read from

    out: list[str] = []
    heading = next((b for b in walk(blocks) if isinstance(b, Heading)), None)
    if not minutes.attendees:
        label = next((b for b in walk(blocks) if _labelled(b) and
                      status_of_label(b.text.split("\n", 1)[0].split(":", 1)[0] + ":")), None)
        if label is not None:
            out.append(f"the attendance ('{_short(label.text)}', {label.loc or 'at the top'}) was found but "
                       "no attendee could be read from it")
    if not minutes.actions:
        cue = next((b for b in walk(blocks) if isinstance(b, (Heading, Paragraph)) and _ACTION_WORD.search(b.text)),
                   None)
        column = next((b for b in walk(blocks) if isinstance(b, Table) and
                       any(k in ("action", "owner") for k in grid(b).kinds)), None)
        if cue is not None:
            out.append(f"the minutes mark actions ('{_short(cue.text)}', {cue.loc or 'in the text'}) but no action "
                       "could be read: check them by hand")
        elif column is not None:
            out.append(f"a table has an action or owner column ({column.loc or 'a table'}) but no action could be "
                       "read from it")
    if not minutes.decisions:
        cue = next((b for b in walk(blocks) if isinstance(b, (Heading, Paragraph)) and
                    any(_DECISION_WORD.search(s) for s in sentences(b.text))), None)
        if cue is not None:
            out.append(f"the minutes record decisions ('{_short(cue.text)}', {cue.loc or 'in the text'}) but no "
                       "decision could be read")
    if not minutes.items and heading is not None and sum(1 for b in walk(blocks) if isinstance(b, Heading)) >= 3:
        out.append(f"the minutes have headings ('{_short(heading.text)}', {heading.loc or 'at the top'}) but no "
                   "item could be read from them")
    return out


def _labelled(block) -> bool:
    """A heading, or a paragraph that opens with a label ("Present:", a bold line)."""
    if isinstance(block, Heading):
        return True
    if not isinstance(block, Paragraph) or not block.runs:
        return False
    first = block.text.split("\n", 1)[0]
    return ":" in first[:40] or (block.runs[0].bold and len(first.split()) <= 6)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:47] + "…"
