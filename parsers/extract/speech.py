"""Who said what: the statements of a section, each with its speaker."""
from __future__ import annotations

from dataclasses import dataclass
from parsers.blocks import Line, lines_of
from parsers.document import Heading, Paragraph
from parsers.extract.people import Roster
from parsers.patterns import INITIALS_RE, IRC_CUE, NOT_SPEAKERS, SPEAKER_CUE


@dataclass(slots=True)
class Statement:
    who: str | None        # the speaker as written, or None for narrative
    text: str              # what was said, without the speaker cue
    bold: bool             # the words said (not just the cue) are bold
    line: Line

    @property
    def loc(self) -> str:
        return self.line.loc


def speaker(line: Line, roster: Roster, in_dialogue: bool = False) -> tuple[str, str] | None:
    """``("PR", "How does …?")`` when the line opens with a speaker cue.

    A name nobody in the attendance has counts only in bold ("**Tzviya
    Siegman:**") or, ``in_dialogue``, among lines of known speakers."""
    irc = IRC_CUE.match(line.text)
    if irc and irc.group("rest").strip():
        return irc.group("who").replace("_", " "), irc.group("rest").strip()
    m = SPEAKER_CUE.match(line.text)
    if not m or not m.group("rest").strip():
        return None
    who, sep, rest = m.group("who").strip(), m.group("sep").strip(), m.group("rest").strip()
    if NOT_SPEAKERS.match(who.strip("<>")) and not (INITIALS_RE.match(who) and roster.knows(who)):
        return None  # "So: …", "Note: …" — but "SO" is someone where the attendance says so
    if who.startswith("<"):
        return who.strip("<>"), rest
    known = roster.knows(who)
    if INITIALS_RE.match(who):
        return (who, rest) if sep == ":" or known else None
    if who[0].islower():  # an IRC nick ("mk: …"), not a list entry ("doc: add …") unless the attendance has it
        return (who, rest) if sep == ":" and len(who) <= 12 and " " not in who and (line.level is None or known) \
            else None
    lead = line.lead_bold.rstrip(":–—- ").strip()
    if known or (lead and lead == who and _person_like(who)):
        return who.replace("_", " "), rest
    if in_dialogue and sep == ":" and _person_like(who) and len(who.split()) <= 2:
        return who, rest
    return None


def _person_like(who: str) -> bool:
    words = who.replace("_", " ").split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() and not w.isupper() or len(w) <= 3 for w in words) \
        and not any(ch.isdigit() for ch in who)


def statements(blocks: list, roster: Roster, skip_quotes: bool = False) -> list[Statement]:
    """Statements of the paragraphs of ``blocks`` (tables are not entered).

    Worked out once per block and roster: several extractors read them."""
    paras = [b for b in blocks if isinstance(b, (Paragraph, Heading))
             and not (skip_quotes and getattr(b, "style", None) in ("quote", "code"))]
    known = sum(_said(block, roster, False)[1] for block in paras)
    in_dialogue = known >= 2  # "Trevor: …" among lines of known speakers is a speaker too
    if len(paras) == 1:
        return _said(paras[0], roster, in_dialogue)[0]
    return [st for block in paras for st in _said(block, roster, in_dialogue)[0]]


def _said(block: Paragraph | Heading, roster: Roster, in_dialogue: bool) -> tuple[list[Statement], int]:
    """The statements of one block and how many of them have a speaker."""
    memo = block.said_memo  # [roster, statements, speakers among them, statements in dialogue]
    if memo is None or memo[0] is not roster:  # the roster itself, not its id: an id is reused once freed
        out = [_statement(line, roster, False) for line in lines_of(block)]
        memo = block.said_memo = [roster, out, sum(1 for st in out if st.who is not None), None]
    if not in_dialogue:
        return memo[1], memo[2]
    if memo[3] is None:  # in dialogue only narrative lines may turn out to be speech: the list is shared
        # (a speaker known only from the dialogue around it is cued with a colon)
        dialogue = [_statement(st.line, roster, True) if st.who is None and ":" in st.line.text else st
                    for st in memo[1]]
        same = all(a is b or b.who is None for a, b in zip(memo[1], dialogue))
        memo[3] = memo[1] if same else dialogue
    return memo[3], memo[2]


def _statement(line: Line, roster: Roster, in_dialogue: bool) -> Statement:
    found = speaker(line, roster, in_dialogue)
    if found:
        who, rest = found
        return Statement(who, rest, _said_in_bold(line, rest), line)
    return Statement(None, line.text, line.bold, line)


def _said_in_bold(line: Line, rest: str) -> bool:
    bold = line.bold_text()
    return bool(bold) and len(bold) >= 0.8 * len(line.text) and line.runs[0].bold
