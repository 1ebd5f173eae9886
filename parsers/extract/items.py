"""The numbered items, and the sections every other extractor reads.

A document is cut into sections at its item boundaries: headings, numbered
paragraphs ("1. Welcome"), rows of an Item/Discussion table, bold
pseudo-headings, and labels that name a section ("New Actions",
"Matters arising", "Resolutions").  Each section knows its item (or none)
and its kind, so that the other extractors know where they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.blocks import Grid, grid, lines_of, raw_lines
from parsers.document import Heading, Paragraph, Run, Table
from parsers.extract.result import Result
from parsers.patterns import (ACTIONS_LABEL, DECISIONS_LABEL, FURNITURE_LABEL, NUMBERED_TITLE, PLANNED_LABEL, REVIEW_LABEL,
                              SPEAKER_CUE, first_sentence, item_number)
from parsers.records import Item

_MAX_TITLE_WORDS = 12
_DATE_START = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


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
    if FURNITURE_LABEL.match(t):
        return "other"
    return "item"


def extract(blocks: list, consumed: set[int]) -> Result:
    """Sections (``Result.value``) with their items; warnings for skipped numbers."""
    entries = [b for b in blocks if id(b) not in consumed]
    marks = _unplan([(_boundary(b), b) for b in entries])
    numbered_doc = any(m and m.number for m, _ in marks)
    sections: list[Section] = [Section(None, "front", level=0)]
    for mark, block in marks:
        current = sections[-1]
        if mark is None:
            if isinstance(block, Table) and _is_item_table(block) and current.kind not in ("actions", "review"):
                _table_items(block, sections)
            else:
                current.blocks.append(block)
            continue
        if not _starts_section(mark, current, numbered_doc):
            current.blocks.append(block)
            continue
        kind = mark.kind
        if kind == "other" and mark.number:
            kind = "item"  # "4. Date of next meeting" is an item of the agenda
        item = None
        if kind in ("item", "review") and (mark.number or not numbered_doc):
            item = Item(mark.number, mark.title, None, mark.loc)
        elif kind == "item":
            kind = "other"
        within = current.number if mark.pseudo and item is None and kind in ("actions", "decisions") \
            and current.item is not None and not _table_follows(marks, block) else None
        sections.append(Section(item, kind, mark.title, mark.level, mark.loc, list(mark.rest),
                                numbered=bool(mark.number), from_heading=mark.heading, within=within))
    sections = _fold_groups(_drop_planned(sections))
    items = []
    for s in sections:
        if s.item is not None:
            s.item.text = _first_text(s.blocks)
            items.append(s.item)
    return Result(sections, _numbering_warnings(items))


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


def _table_follows(marks: list, block) -> bool:
    """The label stands over a table (a summary of the meeting's actions)."""
    k = next(i for i, (_, b) in enumerate(marks) if b is block)
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


def _boundary(block) -> _Boundary | None:
    if isinstance(block, Heading):
        text = block.text
        number = block.label
        title = text
        m = NUMBERED_TITLE.match(text)
        if number is None and m and _short_title(m.group("title")):
            number, title = m.group("num").lower(), m.group("title")
        title = title.strip().rstrip(":").strip()
        return _Boundary(number, title, section_kind(title), block.level, block.loc, heading=True)
    if not isinstance(block, Paragraph) or block.style in ("quote", "code"):
        return None
    lines = raw_lines(block)
    if not lines:
        return None
    first = " ".join("".join(r.text for r in lines[0]).split())
    rest = _rest_paragraph(block, lines[1:])
    if block.label and block.level in (None, 0) and _short_title(first) and _titleish(first, lines[0], rest):
        return _Boundary(block.label.lower().rstrip("."), first.rstrip(":"), section_kind(first), 50, block.loc,
                         rest=rest)
    if block.level is None:
        m = NUMBERED_TITLE.match(first)
        if m and _short_title(m.group("title"), numbered=True) and _titleish(m.group("title"), lines[0], rest) \
                and not _a_date(first):
            title = m.group("title").strip().rstrip(":").strip()
            return _Boundary(m.group("num").lower(), title, section_kind(title), 50, block.loc, rest=rest)
    kind = section_kind(first)
    whole_bold = all(r.bold for r in lines[0] if r.text.strip())
    if len(lines) == 1 and kind != "item" and len(first.split()) <= 6 and block.level is None:
        return _Boundary(None, first.rstrip(":").strip(), kind, 60, block.loc, pseudo=True)
    if len(lines) == 1 and whole_bold and block.level is None and _short_title(first) and not _said(first):
        return _Boundary(None, first.rstrip(":").strip(), kind, 60, block.loc, pseudo=True)
    return None


def _a_date(text: str) -> bool:
    """ "6 June 2022" opens with a number but is a date, not item 6."""
    m = _DATE_START.match(text)
    return bool(m)


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
    if _ITEM_HEADER.match(g.header[number].strip(" :")):
        return "status" not in g.kinds
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
        number = item_number(number_text)
        title, blocks = _cell_title(blocks)
        if number is None:
            title = title or number_text
        item = Item(number, title, None, row.loc or table.loc)
        sections.append(Section(item, section_kind(title) if section_kind(title) == "review" else "item", title,
                                40, item.where, blocks, [(g, row)], numbered=number is not None))


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
def _fold_groups(sections: list[Section]) -> list[Section]:
    """An unnumbered heading with nothing under it but sub-headings groups
    them: with one sub-heading the two are one item, with more each
    sub-heading is an item and the group heading is not."""
    out: list[Section] = []
    k = 0
    while k < len(sections):
        s = sections[k]
        if s.from_heading and not s.numbered and s.item is not None and not _has_text(s.blocks):
            children = []
            j = k + 1
            while j < len(sections) and sections[j].level > s.level:
                children.append(sections[j])
                j += 1
            if len(children) == 1 and children[0].kind == "item":
                child = children[0]
                s.blocks = [Paragraph([Run(child.title or "")], loc=child.loc)] + child.blocks
                s.rows = child.rows
                out.append(s)
                k = j
                continue
            if len(children) > 1:
                s.item = None
                s.kind = "other"
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
