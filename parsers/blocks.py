"""Helpers over the document model: walking blocks, lines of a paragraph, table grids."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from parsers.document import Block, Cell, Heading, Paragraph, Run, Table, squash
from parsers.patterns import INITIALS, STATUS_CELL, column_kind, date_in, split_at_inner_cues
from parsers.vocabulary import OPEN_ENDINGS

# words and signs a sentence does not end on: a line stopping on one was cut
_JOIN_WORDS = frozenset(OPEN_ENDINGS)
_JOIN_SIGNS = frozenset("-,(/&")
_CONTINUES = re.compile(r"^(?:[a-z(]|…|\.\.\.|[-–—]\s*[a-z])")
_ENDS = re.compile(r"[.!?:;)\]\"'’”]\s*$")
# a line that opens a new entry: a speaker, an action or a numbered point
_STARTS_ENTRY = re.compile(rf"^(?:{INITIALS}\s*:|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?\s*(?::|\s[–—-]\s)|"
                           r"\W*actions?\b|\d+[.)]\s|[-*•]\s)", re.I)
_BOLD_THEN_CUE = re.compile(rf"^\s*{INITIALS}\s*:\s")


@dataclass(slots=True)
class Line:
    """A logical line of a paragraph: what one speaker said, one list entry, …"""

    runs: list[Run]
    loc: str = ""
    style: str | None = None
    level: int | None = None
    label: str | None = None
    text: str = field(init=False)

    def __post_init__(self) -> None:
        # one plain run, as the model keeps it, is shared rather than copied
        self.text = squash(self.runs[0].text if len(self.runs) == 1 else "".join(r.text for r in self.runs))

    @property
    def bold(self) -> bool:
        """The whole line is bold."""
        chars = [r for r in self.runs if r.text.strip()]
        return bool(chars) and all(r.bold for r in chars)

    @property
    def lead_bold(self) -> str:
        """The bold text the line starts with ("" when it starts plain)."""
        out = []
        for run in self.runs:
            if not run.text.strip() and out:
                out.append(run.text)
                continue
            if not run.bold:
                break
            out.append(run.text)
        return squash("".join(out))

    def bold_text(self) -> str:
        return squash("".join(r.text for r in self.runs if r.bold))


def walk(blocks: list[Block]) -> Iterator[Block]:
    """Every block, depth first, including those inside table cells (no recursion)."""
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
            continue
        yield block
        if isinstance(block, Table):
            stack.append(iter([b for row in block.rows for cell in row.cells for b in cell.blocks]))


def paragraphs(blocks: list[Block]) -> Iterator[Paragraph]:
    for block in walk(blocks):
        if isinstance(block, Paragraph):
            yield block


_RULE_LINE = re.compile(r"^\s*([*=_~#-])\1{2,}\s*$")  # "*****", "-----": a rule typed as text


def raw_lines(para: Paragraph | Heading) -> list[list[Run]]:
    """The runs of each source line of a paragraph (split at ``\\n``); a line
    that is only a rule drawn with one sign ("*****", "=====") is no line."""
    if not any("\n" in run.text for run in para.runs):  # one line: the common case
        if len(para.runs) == 1 and _RULE_LINE.match(para.runs[0].text):
            return []
        return [para.runs] if para.runs else []
    lines: list[list[Run]] = [[]]
    for run in para.runs:
        parts = run.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append(Run(part, run.bold))
    return [ln for ln in lines if "".join(r.text for r in ln).strip() and
            not _RULE_LINE.match("".join(r.text for r in ln))]


def _split_at_cues(runs: list[Run]) -> list[list[Run]]:
    """Split a line where another speaker starts: after a bold question, or
    after a sentence end followed by initials and a colon."""
    if not any(":" in run.text for run in runs):  # no cue without a colon
        return [runs]
    pieces: list[list[Run]] = [[]]
    for k, run in enumerate(runs):
        if k and runs[k - 1].bold and not run.bold and pieces[-1] and _BOLD_THEN_CUE.match(run.text):
            pieces.append([])
        parts = split_at_inner_cues(run.text)
        if len(parts) == 1:
            pieces[-1].append(run)  # runs are never changed once built: shared, not copied
            continue
        for j, part in enumerate(parts):
            if j and pieces[-1]:
                pieces.append([])
            if part:
                pieces[-1].append(Run(part, run.bold))
    return [p for p in pieces if any(r.text.strip() for r in p)]


def lines_of(block: Paragraph | Heading, join_wraps: bool = True) -> list[Line]:
    """Logical lines: source lines, split where a new speaker starts, with
    lines that a wrap or a page end cut joined again.  Worked out once per
    block: several extractors read the same lines."""
    if not join_wraps:
        return _lines_of(block, False)  # rare: the header reads a few blocks so
    if block.lines_memo is None:
        block.lines_memo = _lines_of(block, True)
    return block.lines_memo


def _lines_of(block: Paragraph | Heading, join_wraps: bool) -> list[Line]:
    style = getattr(block, "style", None)
    level = getattr(block, "level", None)
    label = getattr(block, "label", None)
    out: list[Line] = []
    for runs in raw_lines(block):
        for piece in _split_at_cues(runs):
            line = Line(piece, block.loc, style, level, label if not out else None)
            if join_wraps and out and _is_wrap(out[-1].text, line.text, getattr(block, "wrapped", False)):
                out[-1] = Line(out[-1].runs + [Run(" ")] + piece, out[-1].loc, style, level, out[-1].label)
            else:
                out.append(line)
    return out


_WRAP_WIDTH = 55  # a line this long that stops mid-sentence was wrapped, not ended


def _is_wrap(before: str, after: str, wrapped: bool) -> bool:
    """Lines one sentence runs across: the next goes on in lower case, this
    one stops on a word that cannot end it, or (where the source wraps its
    text) a long line stops mid-sentence."""
    if _CONTINUES.match(after) or _stops_open(before):
        return True
    return wrapped and len(before) >= _WRAP_WIDTH and not _ENDS.search(before) and not _STARTS_ENTRY.match(after)


def _stops_open(text: str) -> bool:
    """``text`` ends on a sign or a whole word that cannot end a sentence (no
    regex: a case-blind alternation of words costs more than the rest of the line)."""
    if text[-1:] in _JOIN_SIGNS:
        return True
    tail = text[-8:]  # the words are at most six letters: a longer run is none of them
    k = len(tail)
    while k and (tail[k - 1].isalnum() or tail[k - 1] == "_"):
        k -= 1
    return (k > 0 or len(text) <= 8) and tail[k:].lower() in _JOIN_WORDS


def struck(runs: list[Run]) -> bool:
    """The text of ``runs`` is struck through (a task crossed out as done): from
    some point to its end, and that struck part is most of it, so that a cue
    such as "Action:" before it may stay plain."""
    if not any(run.struck for run in runs):
        return False
    total = tail = 0
    for run in runs:
        n = sum(1 for ch in run.text if ch.isalnum())
        if not n:
            continue
        total += n
        tail = tail + n if run.struck else 0
    return total > 0 and tail * 2 > total


def cell_struck(cell: Cell) -> bool:
    """Every line of the cell that holds text is struck through."""
    if not any(run.struck for block in cell.blocks for run in getattr(block, "runs", ())):
        return False  # (the common case, asked cheaply)
    lines = [ln for ln in cell_lines(cell) if ln.text.strip()]
    return bool(lines) and all(struck(ln.runs) for ln in lines)


def cell_lines(cell: Cell) -> list[Line]:
    return [ln for b in cell.blocks if isinstance(b, (Paragraph, Heading)) for ln in lines_of(b)]


# -- tables --------------------------------------------------------------------
@dataclass
class Grid:
    """A table seen through its header: which column holds what."""

    table: Table
    header: list[str]
    kinds: list[str | None]
    body: list  # rows after the header

    def column(self, kind: str) -> int | None:
        return self.kinds.index(kind) if kind in self.kinds else None

    def cell(self, row, kind: str) -> Cell | None:
        k = self.column(kind)
        if k is None or k >= len(row.cells):
            return None
        return row.cells[k]

    def text(self, row, kind: str) -> str:
        cell = self.cell(row, kind)
        return squash(cell.text) if cell else ""


def grid(table: Table) -> Grid:
    """Name each column of a table by what it holds: its header's words, and
    what its cells hold where the header says nothing or the cells say
    otherwise (``column_contents``).  Worked out once per table."""
    memo = table.grid_memo
    if memo is None:
        memo = table.grid_memo = _grid(table)
    return memo


def _grid(table: Table) -> Grid:
    rows = [r for r in table.rows if any(c.text for c in r.cells)]
    if not rows:
        return Grid(table, [], [], [])
    head = rows[0]
    header = [squash(c.text) for c in _expand(head.cells)]
    kinds = [column_kind(h) for h in header]
    if not any(kinds):
        return Grid(table, [], [None] * len(header), rows)
    body = [_Expanded(r) for r in rows[1:]]
    return Grid(table, header, column_contents(kinds, body), body)


_NUMBERED_CELL = re.compile(r"^(?:([A-Z][a-z]{1,12})\s+)?\d{1,3}[a-z]?\.?$")
# what a column's cells may say they are, by the share of filled cells that look so
_CONTENT_SHARE = 0.7
_SAMPLE = 60  # cells looked at in a column
_OWNERISH = re.compile(rf"^(?:(?:{INITIALS}|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,2}}|all|everyone)"
                       rf"(?:\s*(?:/|,|&|\+|\band\b)\s*)?)+$")


def column_contents(kinds: list[str | None], body: list) -> list[str | None]:
    """The kinds of a table's columns where their cells disagree with the header:
    a column headed "Owner" that holds sentences while the one headed "Task"
    holds names has the two swapped (a template's headers shifted against its
    contents); a column headed with no known word that holds dates is a due
    column, one of short names an owner column."""
    # what the cells hold, asked only of the columns whose kind it can change (and the
    # first): a discussion column's long cells are the most costly to look at
    if len(body) > 2 * _SAMPLE:  # a long table: rows spread down it say what its columns hold
        step = len(body) / (2 * _SAMPLE)
        body = [body[int(k * step)] for k in range(2 * _SAMPLE)]
    seen = [_cell_kind([r.cells[k].text for r in body if k < len(r.cells)])
            if k == 0 or kind in (None, "owner", "action", "due") else "?" for k, kind in enumerate(kinds)]
    out = list(kinds)
    owner, action = (out.index(k) if k in out else None for k in ("owner", "action"))
    if owner is not None and action is not None and seen[owner] == "text" and seen[action] == "owner":
        out[owner], out[action] = "action", "owner"
    due = out.index("due") if "due" in out else None
    if due is not None and seen[due] != "due":
        found = next((k for k, s in enumerate(seen) if s == "due" and out[k] in (None, "action", "owner")), None)
        if found is not None and seen[due] in ("owner", "text"):
            out[due], out[found] = out[found], "due"
    for k, kind in enumerate(out):
        if kind is None and seen[k] in ("due", "status") and seen[k] not in out:
            out[k] = seen[k]
    if seen[:1] == ["number"] and "number" not in out and out[0] in (None, "action", "text"):
        out[0] = "number"  # "Task 1", "Task 2" down the first column number its rows
        if "text" not in out:  # the first column of sentences after it is what each row is about
            first_text = next((k for k in range(1, len(out)) if seen[k] == "text" and out[k] in (None, "action")), None)
            if first_text is not None:
                out[first_text] = "text"
    return out


def _cell_kind(texts: list[str]) -> str | None:
    """What most of a column's cells are: "owner" (initials or a few capitalised
    names), "due" (dates), "status" (done / open words), "text" (sentences)."""
    filled = [t for t in texts if t and t.strip()]
    if len(filled) > _SAMPLE:  # a long table's column: cells spread down it say what it holds
        step = len(filled) / _SAMPLE
        filled = [filled[int(k * step)] for k in range(_SAMPLE)]
    filled = [squash(t) for t in filled]
    if not filled:
        return None
    need = _CONTENT_SHARE * len(filled)
    numbered = [_NUMBERED_CELL.match(t) for t in filled]
    if sum(1 for m in numbered if m) >= need and len({(m.group(1) or "").lower() for m in numbered if m}) == 1:
        return "number"  # "1", "2", … or "Task 1", "Task 2", …
    words = [len(t.split()) for t in filled]
    short = [t for t, n in zip(filled, words) if n <= 6]  # a date, a status, a name: a few words
    if len(short) >= need:
        dated = {t for t in set(short) if date_in(t)}
        if sum(1 for t in short if t in dated) >= need:
            return "due"
        if sum(1 for t in short if STATUS_CELL.match(t)) >= need:
            return "status"
        if sum(1 for t, n in zip(filled, words) if n <= 4 and t not in dated and _OWNERISH.match(t)) >= need:
            return "owner"
    if sum(1 for n in words if n >= 4) >= need:
        return "text"
    return None


class _Expanded:
    """A row whose cells are laid out one per grid column (colspans repeated as empty)."""

    __slots__ = ("row", "cells", "loc", "is_header")

    def __init__(self, row) -> None:
        self.row = row
        self.cells = _expand(row.cells)
        self.loc = row.loc
        self.is_header = row.is_header


def _expand(cells: list[Cell]) -> list[Cell]:
    if all(cell.colspan == 1 for cell in cells):
        return cells
    out: list[Cell] = []
    for cell in cells:
        out.append(cell)
        out.extend(Cell([]) for _ in range(cell.colspan - 1))
    return out
