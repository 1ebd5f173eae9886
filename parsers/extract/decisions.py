"""Decisions: "RESOLVED that …", "Agreed: …", "Decision: …", "It was agreed
that …", a Resolutions/Decisions section, and a section whose title says it
approved what it lists ("Grants approved")."""
from __future__ import annotations

import re

from parsers.blocks import lines_of
from parsers.document import Heading, Paragraph
from parsers.extract.alike import Text, at_least
from parsers.extract.items import Section
from parsers.extract.people import Roster
from parsers.extract.result import Result
from parsers.extract.speech import statements
from parsers.patterns import CARRIED, DECISION_CUE, DECISION_HEADING, PASSIVE_DECISION, sentences
from parsers.records import Decision

_LINK_LABEL = re.compile(r"^\[([^\]]+)\]\([^)]*\)")


def extract(sections: list[Section], roster: Roster) -> Result:
    out: list[Decision] = []
    for section in sections:
        item = section.number
        if section.kind == "decisions":
            for line in _lines(section.blocks):
                text = _strip_cue(line.text)
                if text:
                    out.append(Decision(item, text, line.loc))
            continue
        listed = [ln for ln in _lines(section.blocks) if ln.level is not None]
        if section.title and DECISION_HEADING.search(section.title) and listed \
                and section.kind in ("item", "other"):
            joined = "; ".join(ln.text.rstrip(".").replace(": ", " ", 1) for ln in listed)
            out.append(Decision(item, f"{section.title}: {joined}.", section.loc))
        pending = None   # "RESOLVED:" alone: the decision is the next line
        for said in statements(section.blocks, roster):
            line = said.line
            if pending is not None:
                out.append(Decision(item, _strip_cue(said.text), pending.loc))
                pending = None
                continue
            # which cues the line could hold, asked once; the sentences of a line that could hold a
            # passive or "carried" are asked again (their regexes cost more than the question)
            low = said.text.lower()  # one copy for the three questions, not kept (memory)
            passive = PASSIVE_DECISION if PASSIVE_DECISION.could_match(said.text, low) else None
            carried = CARRIED if CARRIED.could_match(said.text, low) else None
            cue = DECISION_CUE.regex if DECISION_CUE.could_match(said.text, low) else None
            if not (passive or carried or cue):
                continue
            for sentence in sentences(said.text) or [said.text]:
                if ((passive and passive.match(sentence)) or (carried and carried.search(sentence))) \
                        and len(sentence.split()) >= 4 and not sentence.lower().startswith("apologies"):
                    out.append(Decision(item, sentence.rstrip("."), line.loc))
                    break
                m = cue.match(sentence) if cue else None
                if m:
                    text = _strip_cue(sentence)
                    if not sentence[m.end():].strip(" :.–—-"):
                        pending = line
                    elif text and len(text.split()) >= 2:
                        out.append(Decision(item, text, line.loc))
                    break
    return Result(_dedupe(out))


def _lines(blocks: list):
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield from lines_of(block)


def _strip_cue(text: str) -> str:
    text = _LINK_LABEL.sub(r"\1", text.strip())
    m = DECISION_CUE.match(text)
    if m and text[m.end():].strip() and not re.match(r"(?:as|by|with|in|on|at|for)\b", text[m.end():].strip(), re.I):
        text = text[m.end():].strip()  # "Agreed as a true record" keeps its verb
    text = text.strip(" :–—-")
    return text[:1].upper() + text[1:]


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    """A decision stated twice (in its item, then in a list of resolutions) is one."""
    out: list[Decision] = []
    seen: list[Text] = []
    for d in decisions:
        key = Text(d.text.lower())
        if any(at_least(key, other, 0.85) for other in seen):
            continue
        out.append(d)
        seen.append(key)
    return out
