"""Who said what: the statements of a section, each with its speaker."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from parsers.blocks import Line, lines_of
from parsers.document import Heading, Paragraph, Table
from parsers.extract.attendees import Roster
from parsers.patterns import INITIALS_RE, IRC_CUE, NOT_SPEAKERS, SPEAKER_CUE


@dataclass
class Statement:
    who: str | None        # the speaker as written, or None for narrative
    text: str              # what was said, without the speaker cue
    bold: bool             # the words said (not just the cue) are bold
    line: Line

    @property
    def loc(self) -> str:
        return self.line.loc


def speaker(line: Line, roster: Roster) -> tuple[str, str] | None:
    """``("PR", "How does …?")`` when the line opens with a speaker cue."""
    irc = IRC_CUE.match(line.text)
    if irc and irc.group("rest").strip():
        return irc.group("who").replace("_", " "), irc.group("rest").strip()
    m = SPEAKER_CUE.match(line.text)
    if not m or not m.group("rest").strip():
        return None
    who, sep, rest = m.group("who").strip(), m.group("sep").strip(), m.group("rest").strip()
    if NOT_SPEAKERS.match(who.strip("<>")):
        return None
    if who.startswith("<"):
        return who.strip("<>"), rest
    known = roster.knows(who)
    if INITIALS_RE.match(who):
        return (who, rest) if sep == ":" or known else None
    if who[0].islower():
        return (who, rest) if sep == ":" and len(who) <= 12 and " " not in who else None
    lead = line.lead_bold.rstrip(":–—- ").strip()
    if known or (lead and lead == who):
        return who.replace("_", " "), rest
    return None


def statements(blocks: list, roster: Roster, skip_quotes: bool = False) -> Iterator[Statement]:
    """Statements of the paragraphs of ``blocks`` (tables are not entered)."""
    for block in blocks:
        if isinstance(block, Table) or not isinstance(block, (Paragraph, Heading)):
            continue
        if skip_quotes and getattr(block, "style", None) in ("quote", "code"):
            continue
        for line in lines_of(block):
            found = speaker(line, roster)
            if found:
                who, rest = found
                yield Statement(who, rest, _said_in_bold(line, rest), line)
            else:
                yield Statement(None, line.text, line.bold, line)


def _said_in_bold(line: Line, rest: str) -> bool:
    bold = line.bold_text()
    return bool(bold) and len(bold) >= 0.8 * len(line.text) and line.runs[0].bold
