"""Markdown, plain text and PDF-converted text -> Document.

Markdown goes through markdown-it-py (tables on).  Two things markdown-it
cannot see are handled first, line by line:

* tab-separated tables, as PDF converters write them: a header row such as
  ``Name<TAB>Role<TAB>Organisation``, rows whose cells may hold HTML
  fragments, rows split by blank lines inside a cell, page-break rows such as
  ``--<TAB>-----``, and loose paragraphs between two fragments of one table
  (they continue the cell above);
* front matter (``---`` … ``---``) and kramdown attribute lines
  (``{: .no_toc}``), which are metadata, not text.

HTML found in the text is read by ``parsers.html``.
"""
from __future__ import annotations

import importlib
import re
import types
from typing import Iterator

from markdown_it import MarkdownIt

from parsers import frontmatter, html as html_reader
from parsers.document import (MAX_BLOCKS, MAX_COLUMNS, Cell, Document, Heading, Paragraph, Row, Run,
                              Table, TooManyBlocks, make_paragraph)
from parsers.patterns import HEADER_WORDS, column_kind, ends_sentence, item_number

_KRAMDOWN_ATTR = re.compile(r"^\s*\{:[^}]*\}\s*$")
_PAGE_BREAK_CELL = re.compile(r"^[\s\-–—_=|]*$")
_SOFT_BREAK = re.compile(r"(?<![\\ ])\n|(?<=[^ ] )\n")  # a line end without "\\" or two spaces before it
_HAS_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_NEWLINES = re.compile(r"\r\n?")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _split_row(row: str) -> list[str]:
    """markdown-it's ``escapedSplit`` (cells of a table row; ``\\|`` is a pipe
    in a cell), with ``str.split`` instead of a Python loop over every
    character, which took half of markdown-it's time on minutes in tables."""
    if "\\|" not in row:
        return row.split("|")
    return [cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(row)]


def _table_rule():
    """markdown-it's own table rule, calling ``_split_row`` for its rows."""
    rule = importlib.import_module("markdown_it.rules_block.table").table
    if "escapedSplit" not in rule.__code__.co_names:  # another version of markdown-it
        return rule
    names = dict(rule.__globals__, escapedSplit=_split_row)
    return types.FunctionType(rule.__code__, names, rule.__name__, rule.__defaults__, rule.__closure__)


# Blocks first; the inline tokens of each paragraph are parsed one at a time
# (``inline_runs``) and dropped once read, and very long ones are read as text.
# (text_join only joins the inline children, which the block parse leaves empty.)
_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable(["inline", "text_join"])
_MD.block.ruler.at("table", _table_rule(), {"alt": ["paragraph", "reference"]})
_LONG_INLINE = 50_000
# The characters at which one of the inline rules below may start something
# other than text (and those that markdown-it's normalize rule replaces):
# without them, markdown-it's inline parse is one text token.
_INLINE_MARK = re.compile(r"[\n\r\0\\`*_\[!<&~]")
_PLAIN_INLINE = _MD.get_active_rules()["inline"] == [
    "text", "newline", "escape", "backticks", "strikethrough", "emphasis", "link", "image", "autolink",
    "html_inline", "entity"]


def read(text: str) -> Document:
    text = text.lstrip("\ufeff")
    meta, end = frontmatter.split(text)
    if end:  # keep line numbers: the front matter becomes blank lines
        text = "\n" * text[:end].count("\n") + text[end:]
    lines = text.split("\n")
    if "{:" in text:
        lines = ["" if _KRAMDOWN_ATTR.match(line) else line for line in lines]
    reader = _Reader(lines, tabs="\t" in text)
    reader.run()
    return Document(reader.blocks, "markdown", reader.warnings, meta)


class _Reader:
    def __init__(self, lines: list[str], tabs: bool = True) -> None:
        self.lines = lines
        self.tabs = tabs                       # the text has tabs: it may have tab-separated rows
        self.blocks: list = []
        self.warnings: list[str] = []
        self.table: Table | None = None       # the last tab-separated table
        self.after_table = 0                   # len(blocks) when that table last grew
        self.tables = 0
        self.page_break = False                # the last table row read was a page break

    # -- segmentation ----------------------------------------------------
    def run(self) -> None:
        lines, i, start = self.lines, 0, 0
        fenced = False
        while self.tabs and i < len(lines):
            line = lines[i]
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            if not fenced and _is_tab_row(line) and (_cells(line)[0].strip() or self.table is not None) \
                    and not (self.table is None and _lone_numbered_line(lines, i)):
                self._markdown(start, i)
                i = self._tab_region(i)
                start = i
                continue
            i += 1
        self._markdown(start, len(lines))

    def _markdown(self, start: int, end: int) -> None:
        if start >= end or not any(line.strip() for line in self.lines[start:end]):
            return
        blocks: list = []
        for a, b in _chunks(self.lines, start, end):
            _chunk_blocks(self.lines, a, b, blocks)
        if self.page_break and blocks and self.table is not None and self.table.rows:
            # a sentence cut by the last page break of a table ends below it
            cell = _main_cell(self.table)
            if isinstance(blocks[0], Paragraph) and cell.blocks and isinstance(cell.blocks[-1], Paragraph) \
                    and _cut_sentence(cell.blocks[-1], blocks[0]):
                _append_blocks(cell, [blocks.pop(0)])
        self.page_break = False
        self.blocks.extend(blocks)

    def _tab_region(self, i: int) -> int:
        """Read tab-separated rows from line ``i``; returns the first line after them."""
        lines = self.lines
        # a blank line, page break or loose text came before this row (as
        # before the first row of a fragment that follows a table)
        after_gap = self.table is not None
        first = True
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                after_gap = True
                i += 1
                continue
            if not _is_tab_row(line, in_table=not first or self.table is not None):
                # blank lines before the next text are not part of the table
                break
            if after_gap and "\t" not in line.rstrip() and not _numbered_rows(self.table):
                break  # text after a blank line whose tabs are only at its end: not a row
            cells = _cells(line)
            loc = f"line {i + 1}"
            i += 1
            if all(_PAGE_BREAK_CELL.match(c) for c in cells):
                after_gap = self.page_break = True
                first = first and self.table is None  # the table goes on after its page break
                continue
            self.page_break = False
            header = _is_header(cells)
            repeated = header and not first and _repeats_header(cells, self.table)
            if self.table is not None and (after_gap or _numbered_rows(self.table)) and not header \
                    and _cut_short(cells, self.table):
                # the converter dropped the empty leading cells of a split row
                cells = [""] * (_width(self.table) - len(cells)) + cells
            continuation = not cells[0].strip()
            if first and continuation and self.table is not None:
                self._absorb_loose_text()
                after_gap = True
            elif first or (header and not repeated) or self.table is None:
                self._start_table(loc)
            first = False
            row = Row([_cell(c, loc) for c in cells], is_header=header, loc=loc)
            if continuation and after_gap and self.table.rows:
                _merge_rows(self.table.rows[-1], row)
            else:
                self.table.rows.append(row)
            after_gap = False
        self.after_table = len(self.blocks)
        return i

    def _start_table(self, loc: str) -> None:
        self.tables += 1
        self.table = Table([], loc=f"table {self.tables} ({loc})")
        self.blocks.append(self.table)

    def _absorb_loose_text(self) -> None:
        """Paragraphs between two fragments of one table continue the cell above."""
        loose = self.blocks[self.after_table:]
        if any(isinstance(b, (Heading, Table)) for b in loose) or not self.table.rows:
            return
        del self.blocks[self.after_table:]
        _append_blocks(_main_cell(self.table), loose)


def _is_tab_row(line: str, in_table: bool = False) -> bool:
    """A line with a tab between two pieces of text.  Tabs only at its end
    start no table, but inside one they are a row with empty cells at its end."""
    text = line.rstrip("\n") if in_table else line.rstrip()
    return "\t" in text and bool(text.strip()) and len(_cells(text)) >= 2


def _lone_numbered_line(lines: list[str], i: int) -> bool:
    """ "1.<TAB>Matters arising" on its own, no tab row around it: a numbered
    heading laid out with a tab, not a table."""
    cells = [c for c in _cells(lines[i]) if c.strip()]
    if len(cells) != 2 or item_number(cells[0]) is None:
        return False
    around = [lines[k] for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return not any(_is_tab_row(line) for line in around)


def _cells(line: str) -> list[str]:
    return line.rstrip("\n").split("\t")


def _width(table: Table) -> int:
    return max((len(r.cells) for r in table.rows), default=0)


def _numbered_rows(table: Table) -> bool:
    """The table's first column holds item numbers ("Item", "No."): running text
    there can only be the rest of the row above."""
    head = table.rows[0] if table.rows else None
    return bool(head and head.is_header and head.cells and column_kind(head.cells[0].text) == "number")


def _cut_short(cells: list[str], table: Table) -> bool:
    """A row with fewer cells than its table whose first cell is running text
    (in a table of numbered rows: anything but a number)."""
    if len(cells) >= _width(table):
        return False
    first = _HAS_TAG.sub(" ", cells[0]).strip()
    if _numbered_rows(table):
        return bool(first) and item_number(first) is None
    return len(first.split()) > 3


def _repeats_header(cells: list[str], table: Table | None) -> bool:
    """A header row under the rows of ``table`` whose first column means what
    the table's first column means: the header again (a page's repeated
    header, a pasted row), not the start of another table."""
    head = table.rows[0] if table is not None and table.rows else None
    if head is None or not head.is_header or len(table.rows) < 2 or not head.cells:
        return False
    kind = column_kind(cells[0])
    return kind is not None and kind == column_kind(head.cells[0].text)


def _is_header(cells: list[str]) -> bool:
    words = [c.strip().lower().rstrip(":") for c in cells if c.strip()]
    if len(words) < 2 or any(_HAS_TAG.search(c) for c in cells):
        return False
    known = sum(1 for w in words if w in HEADER_WORDS)
    return known * 2 >= len(words) and known >= 1


def _cell(source: str, loc: str) -> Cell:
    """A cell of a tab-separated row; what it holds is placed at the row's line."""
    source = source.strip()
    if not source:
        return Cell([])
    if _HAS_TAG.search(source):
        blocks = html_reader.read_fragment(source)
        for block in blocks:
            block.loc = loc  # the fragment's own line numbers count from the cell
        return Cell(blocks)
    # one line of a row: inline Markdown only ("1." is an item number, not a list)
    para = make_paragraph(_inline_source_runs(source), loc=loc)
    return Cell([para] if para else [])


def _main_column(table: Table) -> int:
    """The column holding the most text (the discussion)."""
    totals: dict[int, int] = {}
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            totals[k] = totals.get(k, 0) + len(cell.text)
    return max(totals, key=lambda k: (totals[k], -k)) if totals else 0


def _main_cell(table: Table) -> Cell:
    """The discussion cell of the table's last row."""
    last, col = table.rows[-1], _main_column(table)
    while len(last.cells) <= col:
        last.cells.append(Cell([]))
    return last.cells[col]


def _merge_rows(above: Row, row: Row) -> None:
    """The rest of a row that a blank line or a page break split off."""
    for k, cell in enumerate(row.cells):
        if k < len(above.cells):
            _append_blocks(above.cells[k], cell.blocks)
        else:
            above.cells.append(cell)


def _append_blocks(cell: Cell, blocks: list) -> None:
    """Append ``blocks`` to ``cell``, joining a sentence cut at a page end."""
    blocks = list(blocks)
    if blocks and cell.blocks and isinstance(cell.blocks[-1], Paragraph) \
            and isinstance(blocks[0], Paragraph) and _cut_sentence(cell.blocks[-1], blocks[0]):
        last, nxt = cell.blocks[-1], blocks.pop(0)
        cell.blocks[-1] = Paragraph(last.runs + [Run(" ")] + nxt.runs, label=last.label,
                                    style=last.style, level=last.level, loc=last.loc)
    cell.blocks.extend(blocks)


def _cut_sentence(before: Paragraph, after: Paragraph) -> bool:
    tail, head = before.text.rstrip(), after.text.lstrip()
    return bool(tail and head) and not ends_sentence(tail) and head[0].islower()


# -- Markdown --------------------------------------------------------------
# markdown-it holds every token of what it parses (hundreds of bytes each), so
# long texts are parsed in chunks that end at a blank line before unindented
# text (where a new block starts anyway), and table rows are cut to MAX_COLUMNS
# cells before parsing: memory stays bounded whatever the file.
_CHUNK = 64 * 1024
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_PIPE = re.compile(r"(?<!\\)\|")


def _chunks(lines: list[str], start: int, end: int) -> Iterator[tuple[int, int]]:
    """(first, end) line ranges of at most about ``_CHUNK`` characters where possible."""
    first, size, fenced = start, 0, False
    for i in range(start, end):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
        if size >= _CHUNK and not fenced and i > first and not lines[i - 1].strip() \
                and line[:1].strip():
            yield first, i
            first, size = i, 0
        size += len(line) + 1
    if first < end:
        yield first, end


def _cap_columns(source: str) -> str:
    """Table rows cut to ``MAX_COLUMNS`` cells (the pipes after that are escaped);
    more cells than a document may hold is refused before markdown-it sees them."""
    if source.count("|") <= MAX_COLUMNS:
        return source
    lines = source.split("\n")
    cells = 0
    for k, line in enumerate(lines):
        pipes = line.count("|")
        if pipes > MAX_COLUMNS + 1:
            marks = list(_PIPE.finditer(line))[MAX_COLUMNS + 1:]
            for m in reversed(marks):
                line = line[:m.start()] + "\\|" + line[m.end():]
            lines[k] = line
        cells += min(pipes, MAX_COLUMNS + 1)
    if cells > MAX_BLOCKS * 2:
        raise _too_many()
    return "\n".join(lines)


def _too_many() -> TooManyBlocks:
    return TooManyBlocks(f"has more than {MAX_BLOCKS:,} paragraphs and table cells, too many to be minutes")


# A long table (a log of actions) is parsed a window of rows at a time, each
# window under the table's header and delimiter rows again: markdown-it reads
# a row by the header alone, so the rows are those of one parse, and the
# tokens held at once are those of one window.
_WINDOW = 32 * 1024


def _chunk_blocks(lines: list[str], start: int, end: int, out: list) -> None:
    """Append the blocks of ``lines[start:end]`` to ``out``."""
    pos, head, table = start, None, None  # the header line and the Table of a table going on
    counted = False
    while pos < end:
        cut = _window_end(lines, pos, end)
        above = [lines[head], lines[head + 1]] if head is not None else []
        tokens = _MD.parse(_cap_columns("\n".join(above + lines[pos:cut])))
        at_end = _table_at_end(tokens, len(above) + cut - pos) if cut < end else None
        if at_end is not None:
            if above and at_end[0] == 0:
                at_end = head, at_end[1]  # the table going on goes on
            else:
                at_end = pos - len(above) + at_end[0], at_end[1]
                if not _rows_fit(lines, at_end[0], at_end[1], end):
                    at_end = None
        if cut < end and at_end is None:
            # the window does not end inside a table: the rest is read in one piece
            cut = end
            tokens = _MD.parse(_cap_columns("\n".join(above + lines[pos:cut])))
        elif cut < end and not counted:
            # the cells of the whole text are refused before any is read, as in one piece
            counted = True
            if sum(min(line.count("|"), MAX_COLUMNS + 1) for line in lines[start:end]) > MAX_BLOCKS * 2:
                raise _too_many()
        blocks = _token_blocks(tokens, pos - len(above), skip_header=head is not None)
        del tokens
        if table is not None:  # the rows of the window go on the table above
            table.rows.extend(blocks.pop(0).rows)
        out.extend(blocks)
        head, table = (at_end[0], out[-1]) if at_end is not None else (None, None)
        pos = cut


def _window_end(lines: list[str], start: int, end: int) -> int:
    """Where a window from ``start`` may end: at ``_WINDOW`` characters, between
    two lines that could be table rows; else ``end``."""
    size = 0
    for i in range(start, end):
        if size >= _WINDOW and "|" in lines[i] and "|" in lines[i - 1]:
            return i
        size += len(lines[i]) + 1
    return end


def _table_at_end(tokens, n_lines: int) -> tuple[int, int] | None:
    """(header line, columns) of a table that the tokens end with, at the top
    level and reaching the last line (``n_lines``), else None."""
    if not tokens or tokens[-1].type != "table_close" or tokens[-1].level != 0:
        return None
    i = len(tokens) - 1
    while tokens[i].type != "table_open":
        i -= 1
    opening = tokens[i]
    if not opening.map or opening.map[1] != n_lines:
        return None
    columns = 0
    while tokens[i].type != "thead_close":
        columns += tokens[i].type == "th_open"
        i += 1
    return opening.map[0], columns


def _rows_fit(lines: list[str], head: int, columns: int, end: int) -> bool:
    """markdown-it ends a table whose rows miss more than 65,536 cells in all
    (MAX_AUTOCOMPLETED_CELLS), counting from its header: windows would count
    from their own start.  True when no count can get there, whatever rows
    the table has (a blank line ends it)."""
    missing = 0
    for i in range(head + 2, end):
        line = lines[i]
        if not line.strip(" \t"):
            break
        pipes = line.count("|") - line.count("\\|")
        missing += max(0, columns - max(0, min(pipes, MAX_COLUMNS + 1) - 1))
        if missing > _MAX_MISSING_CELLS:
            return False
    return True


_MAX_MISSING_CELLS = 0x10000


def _token_blocks(tokens: list, line_offset: int | None, skip_header: bool = False) -> list:
    """Blocks of markdown-it's tokens; with ``skip_header``, the first table's
    header row is left out (it repeats the header of a table read before)."""
    out: list = []
    stack: list[str] = []          # open containers: "ul", "ol", "quote"
    label: str | None = None       # the number of the list item just opened
    i = 0

    def loc(tok) -> str:
        if line_offset is None or not tok.map:
            return ""
        return f"line {tok.map[0] + 1 + line_offset}"

    def level() -> int | None:
        depth = sum(1 for s in stack if s in ("ul", "ol"))
        return depth - 1 if depth else None

    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            stack.append("ol" if kind.startswith("ordered") else "ul")
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            if stack:
                stack.pop()
        elif kind == "blockquote_open":
            stack.append("quote")
        elif kind == "list_item_open":
            label = (tok.info or None) if stack and stack[-1] == "ol" else None
        elif kind == "heading_open":
            runs = inline_runs(tokens[i + 1])
            heading = Heading(int(tok.tag[1]), runs, loc=loc(tok))
            if heading.text:
                out.append(heading)
            i += 3
            continue
        elif kind == "paragraph_open":
            para = make_paragraph(inline_runs(tokens[i + 1]), label=label,
                                  style="quote" if "quote" in stack else None,
                                  level=level(), loc=loc(tok), wrapped=bool(_SOFT_BREAK.search(tokens[i + 1].content)))
            label = None  # only an item's first paragraph carries its number
            if para:
                out.append(para)
            i += 3
            continue
        elif kind == "table_open":
            i = _md_table(tokens, i, out, loc, skip_header)
            skip_header = False
            continue
        elif kind == "html_block":
            out.extend(html_reader.read_fragment(tok.content))
        elif kind in ("fence", "code_block"):
            for k, line in enumerate(tok.content.splitlines()):
                para = make_paragraph([Run(line)], style="code", loc=loc(tok))
                if para:
                    out.append(para)
        i += 1
    return out


def inline_runs(tok) -> list[Run]:
    return _inline_source_runs(tok.content)


def _inline_source_runs(source: str) -> list[Run]:
    """Runs of inline Markdown: **bold**, *emphasis*, ~~struck~~, inline HTML
    tags, line breaks."""
    runs: list[Run] = []
    if len(source) > _LONG_INLINE:
        return [Run(source)]
    if not source:
        return runs
    if _PLAIN_INLINE and not _INLINE_MARK.search(source):
        return [Run(source)]  # no character that starts markup: one text token
    # what markdown-it's parseInline does, without a core pass per call
    if "\r" in source or "\0" in source:
        source = _NEWLINES.sub("\n", source).replace("\0", "\ufffd")
    children: list = []
    _MD.inline.parse(source, _MD, {}, children)
    depth = {"bold": 0, "italic": 0, "struck": 0}  # open marks of each kind

    def run(text: str) -> Run:
        return Run(text, depth["bold"] > 0, depth["italic"] > 0, depth["struck"] > 0)

    text: Run | None = None  # the run of the text token just read: the next one joins it
    for child in children:
        kind = child.type
        if kind == "text" or kind == "text_special":  # escapes and entities are text
            if text is None:
                text = run(child.content)
                runs.append(text)
            else:
                text.text += child.content
            continue
        text = None
        if kind == "code_inline":
            runs.append(run(child.content))
        elif kind in _MARKS_OPEN:
            depth[_MARKS_OPEN[kind]] += 1
        elif kind in _MARKS_CLOSE:
            mark = _MARKS_CLOSE[kind]
            depth[mark] = max(0, depth[mark] - 1)
        elif kind in ("softbreak", "hardbreak"):
            runs.append(run("\n"))
        elif kind == "html_inline":
            effect = html_reader.inline_tag(child.content)
            if effect == "break":
                runs.append(run("\n"))
            elif effect is not None and effect.startswith("/"):
                depth[effect[1:]] = max(0, depth[effect[1:]] - 1)
            elif effect is not None:
                depth[effect] += 1
    return runs


_MARKS_OPEN = {"strong_open": "bold", "em_open": "italic", "s_open": "struck"}
_MARKS_CLOSE = {"strong_close": "bold", "em_close": "italic", "s_close": "struck"}


def _md_table(tokens, i: int, out: list, loc, skip_header: bool = False) -> int:
    where = loc(tokens[i])
    rows: list[Row] = []
    header = False
    cells: list[Cell] = []
    row_loc = where
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "thead_open":
            if skip_header:
                while tokens[i].type != "thead_close":
                    i += 1
            header = True
        elif tok.type == "tbody_open":
            header = False
        elif tok.type == "tr_open":
            cells = []
            row_loc = loc(tok) or where
        elif tok.type in ("th_open", "td_open"):
            para = make_paragraph(inline_runs(tokens[i + 1]))
            cells.append(Cell([para] if para else []))
        elif tok.type == "tr_close":
            rows.append(Row(cells, is_header=header, loc=row_loc))
        i += 1
    out.append(Table(rows, loc=where))
    return i + 1
