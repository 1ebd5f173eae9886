"""The numbered items, and the sections every other extractor reads.

A document is cut into sections at its item boundaries, decided from its
structure before its sentences are read:

- headings: the two shallowest levels of the headings that are not
  containers ("Minutes", "Notes", "Proceedings") are items; deeper ones are
  parts of an item's discussion; a numbered heading is an item at any level;
- numbered paragraphs and list entries, in every numbering scheme
  (``split_number``): a run of entries is a run of items when the entries
  divide the text between them (most are followed by their own discussion);
  entries that follow one another with nothing between them are a list inside
  a discussion ("The petition must: 1. … 2. …");
- sub-items: a titled entry under a numbered item ("b) **Grass cutting** …"
  under item 2 is 2b, a bold "1." entry nested under item 6 is 6.1);
- rows of an Item/Discussion table; bold pseudo-headings where nothing is
  numbered; labels that name a section ("New Actions", "Matters arising").

Each section knows its item (or none) and its kind, so that the other
extractors know where they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.blocks import Grid, grid, lines_of, raw_lines
from parsers.document import block_text, Heading, Paragraph, Run, Table
from parsers.extract.forms import LABEL_STYLE
from parsers.extract.result import Result
from parsers.patterns import (ACTIONS_LABEL, DECISIONS_LABEL, FURNITURE_LABEL, NEXT_MEETING, PLANNED_LABEL, REVIEW_LABEL,
                              SPEAKER_CUE, column_kind, date_in, first_sentence, item_number, parse_time,
                              split_number)
from parsers.records import Item
from parsers.vocabulary import MONTHS, WEEKDAYS, words_pattern

_MAX_TITLE_WORDS = 12
_MAX_ENTRY_TITLE_WORDS = 30  # the title of an entry in a run of items may be a whole sentence
_DATE_START = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)
# "20:06 Open", "Close 22:10": a heading that only says when the meeting opened or closed
_TIME_HEADING = re.compile(r"^\W*(?:(?:meeting\s+)?(?:open(?:ed|s)?|start(?:ed|s)?|close[ds]?|end(?:ed|s)?|"
                           r"finish(?:ed)?)\W*(?:at\s+)?[\d.:]+\s*(?:[ap]\.?m\.?|hrs?)?"
                           r"|[\d.:]+\s*(?:[ap]\.?m\.?|hrs?)?\s*[-–—:]?\s*(?:meeting\s+)?(?:open(?:ed|s)?|start(?:ed|s)?|"
                           r"close[ds]?|end(?:ed|s)?|finish(?:ed)?))\W*$", re.I)
_LETTER = re.compile(r"^[a-z]$")


@dataclass
class Section:
    item: Item | None
    kind: str                      # item, front, other, actions, review, decisions
    title: str | None = None
    level: int = 99                # heading level; 50 numbered paragraph; 60 pseudo-heading
    loc: str = ""
    blocks: list = field(default_factory=list)
    rows: list = field(default_factory=list)   # (Grid, row) of an item table
    numbered: bool = False
    from_heading: bool = False

    # the item a section belongs to without being one ("Actions:" under item 4)
    within: str | None = None
    # the sub-items of an item table's row, titled in its discussion cell ("1. **Hadleigh hours**")
    parts: list = field(default_factory=list)

    @property
    def number(self) -> str | None:
        return self.item.number if self.item else self.within


@dataclass
class _Boundary:
    number: str | None
    title: str | None
    kind: str
    level: int
    loc: str
    rest: list = field(default_factory=list)    # blocks that follow the title in the same block
    rows: list = field(default_factory=list)
    heading: bool = False
    pseudo: bool = False
    entry: int | None = None                    # list level of a numbered entry (-1: a typed number)
    titled: bool = True                         # the entry reads as a title, not a sentence
    bold: bool = False


def section_kind(title: str | None) -> str:
    t = " ".join((title or "").split()).strip(" :.")
    if not t:
        return "item"
    if ACTIONS_LABEL.match(t):
        return "actions"
    if DECISIONS_LABEL.match(t):
        return "decisions"
    if REVIEW_LABEL.search(t):
        return "review"
    if FURNITURE_LABEL.match(t) or _TIME_HEADING.match(t) or _only_furniture_words(t):
        return "other"
    return "item"


_FURNITURE_WORDS = {"date", "time", "times", "location", "venue", "place", "and", "&", "meeting", "details",
                    "of", "the"}


def _only_furniture_words(title: str) -> bool:
    """ "Date, Time and Location", "Meeting details": the meeting's particulars, not an item."""
    words = [w for w in re.split(r"[\s,/]+", re.sub(r"\([^)]*\)", " ", title.lower())) if w]
    return len(words) >= 2 and all(w in _FURNITURE_WORDS for w in words) and \
        any(w in ("date", "time", "times", "location", "venue", "place") for w in words)


def extract(blocks: list, consumed: set[int]) -> Result:
    """Sections (``Result.value``) with their items; warnings for skipped numbers."""
    marks = [(_boundary(b), b) for b in blocks if id(b) not in consumed]
    marks = _form_labels(marks)
    marks = _attendance_headings(marks, blocks, consumed)
    marks = _unplan(marks)
    marks = _heading_depth(marks)
    marks = _under_headings(marks)
    marks = _runs(marks)
    marks = _plain_headings(marks)
    if not any(m and (m.number or m.heading or m.pseudo) and m.kind == "item" for m, _ in marks):
        marks = _bullet_items(marks)
    numbered_doc = any(m and m.number and m.kind in ("item", "review", "other") for m, _ in marks)
    # unnumbered headings beside numbered ones ("## 6. Misc", "## Next meeting") are items too
    top = min((m.level for m, _ in marks if m and m.heading and m.number), default=0)
    sections: list[Section] = [Section(None, "front", level=0)]
    for k, (mark, block) in enumerate(marks):
        current = sections[-1]
        if mark is None:
            if isinstance(block, Table) and _is_item_table(block) and current.kind not in ("actions", "review"):
                _table_items(block, sections)
            else:
                current.blocks.append(block)
            continue
        beside = mark.heading and mark.level <= top
        if not _starts_section(mark, current, numbered_doc and not beside):
            current.blocks.append(block)
            continue
        kind = mark.kind
        if kind == "other" and mark.number:
            kind = "item"  # "4. Date of next meeting" is an item of the agenda
        item = None
        if kind in ("item", "review") and (mark.number or not numbered_doc or beside):
            item = Item(mark.number, mark.title, None, mark.loc)
        elif kind == "item":
            kind = "other"
        within = current.number if mark.pseudo and item is None and kind in ("actions", "decisions") \
            and current.item is not None and not _table_follows(marks, k) else None
        # an entry whose title is a sentence ("1. The minutes were approved.") is also said
        said = [block] if mark.entry is not None and not mark.titled and not mark.rest else list(mark.rest)
        sections.append(Section(item, kind, mark.title, mark.level, mark.loc, said,
                                numbered=bool(mark.number), from_heading=mark.heading, within=within))
    sections = _one_child(_drop_planned(sections))
    if not numbered_doc:
        _discussion_containers(sections)
    items = []
    for s in sections:
        if s.item is not None:
            s.item.text = _first_text(s.blocks)
            items.append(s.item)
    return Result(sections, _numbering_warnings(items))


# -- what each block could start -------------------------------------------------------------
def _boundary(block) -> _Boundary | None:
    if isinstance(block, Heading):
        text = block.text
        number, title = block.label, text
        found = split_number(text) if number is None else None
        if found and _short_title(found[1], numbered=True) and not _a_date(text) and not parse_time(text[:8] or "x"):
            number, title = found
        title = title.strip().rstrip(":").strip()
        kind = "item" if NEXT_MEETING.match(title) else section_kind(title)  # a heading of its own: an item
        return _Boundary(number.lower().rstrip(".") if number else None, title, kind, block.level,
                         block.loc, heading=True)
    if not isinstance(block, Paragraph) or block.style in ("quote", "code"):
        return None
    lines = raw_lines(block)
    if not lines:
        return None
    if block.wrapped and len(lines) > 1 and (block.label or block.level is None):
        joined = lines_of(block)  # a title the source wrapped ("… in ELDERPARK" / "WORKSPACE")
        if joined and len(joined[0].runs) > len(lines[0]) and joined[0].text != lines[0]:
            lines = [joined[0].runs] + [ln.runs for ln in joined[1:]]
    first = " ".join("".join(r.text for r in lines[0]).split())
    rest = _rest_paragraph(block, lines[1:])
    whole_bold = all(r.bold for r in lines[0] if r.text.strip())
    if block.label and not _a_date(first):
        title, run_in = _entry_title(first, lines[0])
        if run_in is not None:
            rest = [run_in] + rest
        number = block.label.lower().rstrip(".")
        titled = _short_title(title) and _titleish(title, lines[0], rest)
        return _Boundary(number, title.rstrip(":"), section_kind(title), 50, block.loc, rest=rest,
                         entry=block.level or 0, titled=titled, bold=whole_bold)
    if block.level is None:
        found = split_number(first)
        if found and not _a_date(first):
            number, text = found
            runs = _without_number(lines[0], first, text)
            title, run_in = _entry_title(text, runs)
            if run_in is not None:
                rest = [run_in] + rest
            titled = _short_title(title, numbered=True) and _titleish(title, lines[0], rest)
            bold = bool(runs) and runs[0].bold and bool(runs[0].text.strip())  # a bold lead after the number
            return _Boundary(number, title.strip().rstrip(":").strip(), section_kind(title), 50, block.loc,
                             rest=rest, entry=-1, titled=titled, bold=whole_bold or bold)
    kind = section_kind(first)
    if len(lines) == 1 and kind != "item" and len(first.split()) <= 6 and block.level is None:
        return _Boundary(None, first.rstrip(":").strip(), kind, 60, block.loc, pseudo=True)
    if len(lines) == 1 and whole_bold and block.level is None and _short_title(first) and not _said(first):
        return _Boundary(None, first.rstrip(":").strip(), kind, 60, block.loc, pseudo=True)
    return None


def _without_number(runs: list[Run], first: str, text: str) -> list[Run]:
    """The runs of a line without its typed number ("2. **Budget** …" -> "**Budget** …")."""
    cut = len(first) - len(text)
    out: list[Run] = []
    for run in runs:
        if cut <= 0:
            out.append(run)
            continue
        stripped = run.text.lstrip()
        lead = len(run.text) - len(stripped)
        if lead + len(stripped) <= cut:
            cut -= lead + len(stripped)
            continue
        out.append(Run(stripped[max(0, cut - lead):], run.bold))
        cut = 0
    return out


_RUN_IN = re.compile(r"^(?P<title>(?:[A-Z0-9'’&/,()-]+\s+){0,11}?[A-Z0-9'’&/,()-]{2,})\s+(?P<rest>[A-Z][a-z].*)$")


def _entry_title(text: str, runs: list[Run]) -> tuple[str, Paragraph | None]:
    """The title of a numbered line and what is run into it: a bold lead
    ("**Night bus services**: the operator …"), a lead before a colon
    ("Food Pantry Project – 2018: Dr. Ali reported …"), an upper-case title
    ("FINANCE The clerk reported …"), else the whole line."""
    text = " ".join(text.split())
    lead = ""
    for run in runs:
        if not run.bold:
            break
        lead += run.text
    lead = " ".join(lead.split()).rstrip(":").strip()
    if lead and lead != text.rstrip(":") and len(lead.split()) <= _MAX_TITLE_WORDS and text.startswith(lead):
        after = text[len(lead):]
        # the bold words lead a sentence ("**Roads**: the council …"), they do not start a title
        if after.lstrip()[:1] in (":", "–", "—", "-", ".") or len(after.split()) > 8 or after.rstrip().endswith("."):
            after = after.lstrip(" :.–—-")
            if after:
                return lead, Paragraph([Run(after)])
    head, sep, after = text.partition(": ")
    if sep and 1 <= len(head.split()) <= _MAX_TITLE_WORDS and len(after.split()) >= 3 and \
            len(text.split()) > _MAX_TITLE_WORDS and not _a_speaker(head) and \
            (after.rstrip().endswith((".", "!", "?")) or ". " in after):  # what follows is a sentence
        return head, Paragraph([Run(after.strip())])
    m = _RUN_IN.match(text)
    if m and sum(ch.isupper() for ch in m.group("title")) >= 4:
        return m.group("title"), Paragraph([Run(m.group("rest"))])
    return text, None


def _a_speaker(head: str) -> bool:
    """ "JT", "Jane Smith": who speaks, before a colon (a title has more words, or small ones)."""
    words = head.split()
    return len(words) <= 2 and all(w[:1].isupper() for w in words)


def _a_date(text: str) -> bool:
    """ "6 June 2022" opens with a number but is a date, not item 6."""
    return bool(_DATE_START.match(text))


def _said(text: str) -> bool:
    """ "PR: How does …" is something said, not a title ("Tasks completed:" is)."""
    m = SPEAKER_CUE.match(text)
    return bool(m and m.group("rest").strip())


def _rest_paragraph(block: Paragraph, lines: list) -> list:
    if not lines:
        return []
    runs: list[Run] = []
    for k, line in enumerate(lines):
        if k:
            runs.append(Run("\n"))
        runs.extend(line)
    para = Paragraph(runs, style=block.style, level=block.level, loc=block.loc)
    return [] if para.is_empty else [para]


def _share_lines(block: Paragraph, rest: Paragraph, title: str) -> None:
    """Give ``rest`` (``block`` without its first line) the lines ``block`` has
    after its first, when cutting that line changed nothing below it: the
    title was a line of its own, and a line break in ``block`` was never a wrap.
    The table row keeps ``block``, the section ``rest``: one set of lines serves both."""
    whole = lines_of(block)
    if whole and not block.wrapped and whole[0].text.rstrip(":") == title:
        rest.lines_memo = whole[1:]


def _short_title(text: str, numbered: bool = False) -> bool:
    """Short enough for a title; a question is a title only after a number
    ("5. Where should ICAT move to?")."""
    words = text.split()
    return 0 < len(words) <= _MAX_TITLE_WORDS and (numbered or not text.rstrip().endswith("?"))


def _titleish(title: str, runs: list, rest: list) -> bool:
    """A numbered line is a title, not a numbered sentence: bold, short with
    more text below, or without a full stop."""
    if all(r.bold for r in runs if r.text.strip()):
        return True
    t = title.strip()
    return len(t.split()) <= 4 or not t.endswith(".")


# -- deciding which boundaries are items --------------------------------------------------------
def _form_labels(marks: list) -> list:
    """A label of a form is an item where a discussion follows it (a paragraph of
    some length, a table, several entries), not where it names a field ("Subject",
    "Date, time and venue") over a value."""
    out = list(marks)
    for k, (mark, block) in enumerate(out):
        if mark is None or getattr(block, "style", None) != LABEL_STYLE or mark.kind != "item":
            continue
        after = []
        for _, nxt in out[k + 1:]:
            if getattr(nxt, "style", None) == LABEL_STYLE or isinstance(nxt, Table):
                break  # the next label, or a table the label is the caption of
            after.append(nxt)
        long_text = any(isinstance(b, Paragraph) and len(b.text.split()) >= 8 for b in after)
        if not (long_text or len([b for b in after if isinstance(b, Paragraph)]) >= 2):
            out[k] = (None, block)
    return out


def _attendance_headings(marks: list, blocks: list, consumed: set[int]) -> list:
    """An unnumbered heading whose whole content was read as attendance ("Roll call",
    "Who was there") is an attendance part, not an item."""
    position = {id(b): k for k, b in enumerate(blocks)}
    out = []
    for mark, block in marks:
        if mark is not None and mark.heading and not mark.number and mark.kind == "item":
            k = position[id(block)] + 1
            under = []
            while k < len(blocks) and not isinstance(blocks[k], Heading):
                under.append(blocks[k])
                k += 1
            if under and all(id(b) in consumed for b in under):
                mark.kind = "other"
        out.append((mark, block))
    return out


def _unplan(marks: list) -> list:
    """The numbered list under an "Agenda" heading is the plan, not the items."""
    out, planned = [], False
    for mark, block in marks:
        if mark is not None and mark.heading:
            planned = bool(PLANNED_LABEL.match((mark.title or "").strip(" :")))
        elif planned and mark is not None and getattr(block, "level", None) is not None:
            mark = None
        out.append((mark, block))
    return out


_DISCUSSION_CONTAINER = re.compile(r"^(?:topics(?:\s+discussed)?|discussions?|notes|general discussion)\W*$",
                                   re.I)


def _discussion_containers(sections: list[Section]) -> None:
    """A heading such as "Topics" or "Discussion" holds items when headings come under it;
    where what it holds is the discussion itself, it is an item."""
    for k, s in enumerate(sections):
        if s.item is not None or s.kind != "other" or not s.title or not _DISCUSSION_CONTAINER.match(s.title.strip()):
            continue
        nxt = sections[k + 1] if k + 1 < len(sections) else None
        if nxt is not None and nxt.level > s.level:
            continue  # its own items follow
        if not any(block_text(b).strip() for b in s.blocks):
            continue
        s.item, s.kind = Item(None, s.title.strip().rstrip(":"), None, s.loc), "item"


def _plain_headings(marks: list) -> list:
    """A short plain line over a list ("Topics", "Additional Notes"): the heading of
    what the list holds, as a bold line would be.  Not a lead-in that ends with a
    colon ("Members noted:"), and not a sentence."""
    out = list(marks)
    for k, (mark, block) in enumerate(out[:-1]):
        nxt = out[k + 1][1]
        if k == 0 or mark is not None or not isinstance(block, Paragraph) or block.level is not None or block.label \
                or not isinstance(nxt, Paragraph) or nxt.level is None or nxt.label:
            continue
        lines = raw_lines(block)
        text = " ".join(block.text.split())
        if len(lines) != 1 or not text[:1].isupper() or len(text.split()) > 5 or text[-1:] in ".:;,?!" \
                or _said(text) or any(ch.isdigit() for ch in text) or _VERBISH.search(text):
            continue
        out[k] = (_Boundary(None, text, section_kind(text), 60, block.loc, pseudo=True), block)
    return out


_VERBISH = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must|do|does|did|be)\b", re.I)


def _bullet_items(marks: list) -> list:
    """Minutes with no heading or number that divides them, whose body is one list:
    its short top-level entries ("Updated website demo – Chi", "AOB") are the items,
    when several of them have entries under them."""
    out = list(marks)
    entries = [k for k, (mark, block) in enumerate(out) if mark is None and isinstance(block, Paragraph)
               and block.level == 0 and not block.label]
    titled = [k for k in entries if _bullet_title(out[k][1])]
    nested = [k for k in titled if k + 1 < len(out) and isinstance(out[k + 1][1], Paragraph)
              and (out[k + 1][1].level or 0) >= 1]
    if len(titled) < 3 or len(nested) < 2:
        return out
    for k in titled:
        block = out[k][1]
        title = " ".join("".join(r.text for r in raw_lines(block)[0]).split()).rstrip(":")
        out[k] = (_Boundary(None, title, section_kind(title), 70, block.loc,
                            rest=_rest_paragraph(block, raw_lines(block)[1:]), pseudo=True), block)
    return out


def _bullet_title(block: Paragraph) -> bool:
    lines = raw_lines(block)
    first = " ".join("".join(r.text for r in lines[0]).split()) if lines else ""
    words = first.split()
    return 0 < len(words) <= 12 and not re.search(r"[.!?]$", first.strip()) and not re.match(r"^[A-Z]{2,}:\s", first) \
        and not _said(first)


def _runs(marks: list) -> list:
    """Numbered entries, by run: items where they divide the text, a list where
    they follow one another; titled entries nested under an item are its sub-items."""
    out = list(marks)
    runs: list[list[int]] = []       # indexes into out of the top entries of each run
    open_run: list[int] | None = None
    for k, (mark, _) in enumerate(out):
        if mark is None:
            continue
        if mark.heading:
            open_run = None
            continue
        if mark.entry is None or mark.entry > 0 or _scheme(mark.number) == "letter":
            continue  # lettered lines are sub-items or points, never a run of items
        if open_run is not None and out[open_run[-1]][0].entry == mark.entry and not _restarts(out, open_run, mark):
            open_run.append(k)
        else:
            open_run = [k]
            runs.append(open_run)
    for run in runs:
        followed = sum(1 for k in run if _has_own_text(out, k))
        dividing = len(run) == 1 or followed * 2 >= len(run)
        for k in run:
            mark = out[k][0]
            if not dividing or (len(run) == 1 and not mark.titled):
                out[k] = (None, out[k][1])
            elif not mark.titled and len(mark.title.split()) > _MAX_ENTRY_TITLE_WORDS:
                out[k] = (None, out[k][1])
    return _sub_items(out)


def _scheme(number: str | None) -> str:
    """How an entry is numbered: "digit" (4, 4.2, 25/001), "letter" (b) or "roman" (iv)."""
    if not number:
        return ""
    if _LETTER.match(number):
        return "letter"
    return "digit" if number[:1].isdigit() else "roman"


def _restarts(out: list, run: list[int], mark: _Boundary) -> bool:
    """A list that starts again at 1 after the run reached higher begins a new run."""
    last = out[run[-1]][0].number or ""
    return mark.number in ("1", "a", "i") and last not in ("", "1", "a", "i") and mark.entry >= 0


def _has_own_text(out: list, k: int) -> bool:
    """The entry is followed by text of its own before the next entry of its run:
    a rest in its own block, deeper entries, paragraphs or tables."""
    mark, block = out[k]
    if mark.rest:
        return True
    nxt = out[k + 1] if k + 1 < len(out) else None
    if nxt is None:
        return False
    nmark, nblock = nxt
    if nmark is not None and nmark.entry is not None and nmark.entry <= max(mark.entry, 0) and not nmark.heading \
            and _scheme(nmark.number) == _scheme(mark.number):
        return False
    return not (nmark is not None and nmark.heading)


def _sub_items(out: list) -> list:
    """Titled entries nested under a numbered item: a lettered line ("b) **Roads** …")
    right under item 2 (or under 2a) is 2b; a bold entry one level under item 6 is 6.1."""
    parent: _Boundary | None = None
    result = []
    for mark, block in out:
        if mark is not None and mark.number and (mark.entry is None or mark.entry <= 0) and \
                not _LETTER.match(mark.number) and mark.kind in ("item", "review", "other"):
            parent = mark
            result.append((mark, block))
            continue
        lettered = mark is not None and mark.number is not None and _LETTER.match(mark.number) is not None \
            and (mark.entry is None or mark.entry <= 0)
        if lettered and not (parent is not None and mark.bold):
            result.append((None, block))  # lettered points of a discussion: titled by no bold lead
            continue
        if mark is not None and mark.heading:
            parent = mark if mark.number else None
            result.append((mark, block))
            continue
        nested = mark is not None and mark.entry is not None and mark.entry >= 1
        if parent is None or not isinstance(block, Paragraph):
            result.append((None if nested else mark, block))
            continue
        sub = _sub_item(mark, block, parent)
        result.append((sub if sub is not None else (None if nested else mark), block))
    return result


def _sub_item(mark: _Boundary | None, block: Paragraph, parent: _Boundary) -> _Boundary | None:
    if mark is None:
        # a nested entry of Word or HTML numbering (label "1" one level down), titled and bold
        return None
    if mark.entry is not None and mark.entry >= 1:
        lines = raw_lines(block)
        if not lines or not mark.bold or not _short_title(mark.title or ""):
            return None
        number = mark.number or ""
        if number.isdigit() and "." not in number:
            number = f"{parent.number}.{number}"
        elif _LETTER.match(number):
            number = f"{parent.number}{number}"
        mark.number, mark.entry = number, 0
        return mark
    if mark.number and _LETTER.match(mark.number) and (mark.bold or mark.titled) and mark.rest is not None:
        if not (mark.bold or (mark.titled and len((mark.title or "").split()) <= 8)):
            return None
        mark.number = f"{parent.number}{mark.number}"
        return mark
    return mark


def _heading_depth(marks: list) -> list:
    """Unnumbered headings are items at the two shallowest levels of the
    document's (non-container) headings; deeper ones are parts of an item.
    A first heading alone at its level is the document's title, not a level of items."""
    headings = [m for m, _ in marks if m is not None and m.heading]
    for mark in headings:
        if not mark.number and mark.kind == "item" and _names_the_meeting(mark.title or ""):
            mark.kind = "other"
    if headings and sum(1 for m in headings if m.level == headings[0].level) == 1 and len(headings) > 1:
        if not headings[0].number:
            headings[0].kind = "other"
    levels = sorted({m.level for m in headings if m.kind == "item"})
    allowed = set(levels[:2])
    out = []
    for mark, block in marks:
        if mark is not None and mark.heading and mark.kind == "item" and not mark.number \
                and mark.level not in allowed:
            mark = None
        out.append((mark, block))
    return out


def _names_the_meeting(title: str) -> bool:
    """ "Minutes for 2025-01-17", "Wednesday 13 March 2024": a heading that dates the
    meeting is its title, not an item."""
    if not date_in(title):
        return False
    rest = re.sub(r"\d+", " ", title)
    words = [w for w in re.split(r"[\W_]+", rest) if w and not _DATE_WORD.match(w)]
    return len(words) <= 4


_DATE_WORD = re.compile(rf"^(?:minutes?|meeting|for|of|the|on|held|notes?|st|nd|rd|th|sept|"
                        rf"{words_pattern(MONTHS + WEEKDAYS + tuple(m[:3] for m in MONTHS))})$", re.I)


def _under_headings(marks: list) -> list:
    """Where unnumbered headings are the items, a numbered list under one of them
    is part of its discussion."""
    if sum(1 for m, _ in marks if m is not None and m.heading and not m.number and m.kind == "item") < 2:
        return marks
    out, inside = [], False
    for mark, block in marks:
        if mark is not None and mark.heading:
            inside = not mark.number and mark.kind == "item"
        elif inside and mark is not None and mark.entry is not None:
            mark = None
        out.append((mark, block))
    return out


def _drop_planned(sections: list[Section]) -> list[Section]:
    """Sub-headings of an "Agenda" or "Links" heading list what was planned;
    when the minutes have items of their own elsewhere, those are not items."""
    planned: set[int] = set()
    level = None
    for k, s in enumerate(sections):
        if not s.from_heading:
            continue
        if level is not None and s.level > level:
            planned.add(k)
            continue
        level = s.level if PLANNED_LABEL.match((s.title or "").strip(" :")) else None
    if planned and any(s.item is not None for k, s in enumerate(sections) if k not in planned):
        for k in planned:
            sections[k].item, sections[k].kind = None, "other"
    return sections


def _table_follows(marks: list, k: int) -> bool:
    """The label stands over a table (a summary of the meeting's actions)."""
    return k + 1 < len(marks) and isinstance(marks[k + 1][1], Table)


def _starts_section(mark: _Boundary, current: Section, numbered_doc: bool) -> bool:
    if mark.kind != "item":
        return True                      # a label that names a section
    if mark.number:
        return True
    if current.kind in ("actions", "review", "decisions") and mark.pseudo:
        return False                     # "George" above George's actions
    if numbered_doc:
        return False                     # a bold line inside a numbered item
    return True


# -- item tables -----------------------------------------------------------------
_ITEM_HEADER = re.compile(r"^(?:agenda\s+)?(?:item|items|minute\s*(?:no\.?|number)|min\.?\s*no\.?)(?:\s*(?:no\.?|number))?$", re.I)


def _is_item_table(table: Table) -> bool:
    """An Item / Discussion (/ Action) table: a number column and a text
    column; one headed "Item" may also have Action by / Due columns, while
    "No. / Detail / Owner / Status" is a table of actions."""
    g = grid(table)
    number = g.column("number")
    if number is None or _text_column(g) is None or "name" in g.kinds:
        return False
    if _ITEM_HEADER.match(g.header[number].strip(" :")) or g.kinds[number] != column_kind(g.header[number]):
        return "status" not in g.kinds  # headed "Item", or numbered by what its cells hold ("Task 1", …)
    return not any(k in g.kinds for k in ("owner", "status", "due"))


def _table_items(table: Table, sections: list[Section]) -> None:
    g = grid(table)
    for row in g.body:
        number_text = g.text(row, "number")
        text_cell = g.cell(row, _text_column(g))
        blocks = list(text_cell.blocks) if text_cell else []
        current = sections[-1]
        if not number_text:
            if current.rows or current.item is not None:
                current.blocks.extend(blocks)
                current.rows.append((g, row))
            else:
                current.blocks.extend(blocks)
            continue
        number = item_number(number_text) or _counted(number_text)
        title, blocks = _cell_title(blocks)
        if title is None and number is not None:
            title, blocks = _topic_cell(g, row, text_cell, blocks)
        if number is None:
            title = title or number_text
        item = Item(number, title, None, row.loc or table.loc)
        blocks, parts = _cell_parts(number, blocks, item.where) if number else (blocks, [])
        sections.append(Section(item, section_kind(title) if section_kind(title) == "review" else "item", title,
                                40, item.where, blocks, [(g, row)], numbered=number is not None, parts=parts))
        sections.extend(parts)


def _cell_parts(number: str, blocks: list, where: str) -> tuple[list, list]:
    """A discussion cell that titles its parts as numbered bold entries ("1. **Hadleigh
    Library hours**", "2. **Beccles …**"): each is a sub-item of the row's item (4.1,
    4.2) holding what follows it.  Returns the blocks before the first part and the parts."""
    head: list = []
    parts: list[Section] = []
    for block in blocks:
        label = getattr(block, "label", None)
        if isinstance(block, Paragraph) and block.level is not None and label and \
                (label.isdigit() or _LETTER.match(label)) and block.runs and \
                all(r.bold for r in block.runs if r.text.strip()) and _short_title(block.text.strip()):
            sub = f"{number}.{label}" if label.isdigit() else f"{number}{label}"
            title = " ".join(block.text.split()).rstrip(":")
            parts.append(Section(Item(sub, title, None, where), "item", title, 41, where, [], numbered=True))
            continue
        (parts[-1].blocks if parts else head).append(block)
    return head, parts


def _topic_cell(g: Grid, row, text_cell, blocks: list) -> tuple[str | None, list]:
    """A row whose text column holds one short sentence and whose other columns
    hold the discussion ("Task 2 | Discussing the platform | Decided to use …"):
    the sentence is the topic, the other cells what was said about it."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    if len(paragraphs) != 1 or len(blocks) != 1 or len(paragraphs[0].text.split()) > _MAX_ENTRY_TITLE_WORDS:
        return None, blocks
    others = [c for k, c in enumerate(row.cells) if c is not text_cell and k < len(g.kinds)
              and g.kinds[k] in (None, "notes") and c.text.strip()]
    if not others:
        return None, blocks
    return paragraphs[0].text.strip(), [b for c in others for b in c.blocks]


def _counted(text: str) -> str | None:
    """ "Task 3" in a column that counts its rows so: 3."""
    m = re.match(r"^[A-Z][a-z]{1,12}\s+(\d{1,3}[a-z]?)\.?$", text.strip())
    return m.group(1) if m else None


def _text_column(g: Grid) -> str | None:
    """The column of the discussion: "Discussion"/"Minute", else "Notes"."""
    return "text" if g.column("text") is not None else ("notes" if g.column("notes") is not None else None)


def _cell_title(blocks: list) -> tuple[str | None, list]:
    """The bold first line of a discussion cell is the item's title."""
    if not blocks or not isinstance(blocks[0], (Paragraph, Heading)):
        return None, blocks
    first = blocks[0]
    lines = raw_lines(first)
    if not lines:
        return None, blocks
    head = lines[0]
    title = " ".join("".join(r.text for r in head).split()).rstrip(":")
    bold = isinstance(first, Heading) or all(r.bold for r in head if r.text.strip())
    # a bold first line, or (in plain text) a short one that is not a sentence
    if _short_title(title) and (bold or (len(title.split()) <= 8 and not title.endswith((".", "?", "!"))
                                         and not _said(title))):
        rest = _rest_paragraph(first, lines[1:]) if isinstance(first, Paragraph) else []
        if rest:
            _share_lines(first, rest[0], title)
        return title, rest + blocks[1:]
    return None, blocks


# -- groups ------------------------------------------------------------------------
def _one_child(sections: list[Section]) -> list[Section]:
    """An unnumbered heading with nothing under it but one sub-heading: the two
    are one item (a heading with several sub-headings is an item, and so is each
    of them)."""
    out: list[Section] = []
    k = 0
    while k < len(sections):
        s = sections[k]
        if s.from_heading and not s.numbered and s.item is not None and not _has_text(s.blocks):
            j = k + 1
            children = []
            while j < len(sections) and sections[j].level > s.level:
                children.append(sections[j])
                j += 1
            if len(children) == 1 and children[0].kind == "item" and children[0].item is not None \
                    and not children[0].numbered and not children[0].rows:
                child = children[0]
                s.blocks = [Paragraph([Run(child.title or "")], loc=child.loc)] + child.blocks
                out.append(s)
                k = j
                continue
        out.append(s)
        k += 1
    return out


def _has_text(blocks: list) -> bool:
    return any((b.text if not isinstance(b, Table) else True) for b in blocks)


def _first_text(blocks: list) -> str | None:
    for block in blocks:
        if isinstance(block, Paragraph):
            lines = lines_of(block)
            if lines:
                return first_sentence(lines[0].text)
        elif isinstance(block, Table):
            continue
    return None


def _numbering_warnings(items: list[Item]) -> list[str]:
    warnings = []
    previous = None
    for item in items:
        if item.number is None or not item.number.isdigit():
            continue
        n = int(item.number)
        if previous is not None and n > previous + 1:
            missing = f"item {previous + 1}" if n == previous + 2 else f"items {previous + 1}-{n - 1}"
            warnings.append(f"item numbers skip from {previous} to {n} ({item.where}): is {missing} missing?")
        previous = n
    return warnings
