"""PDF -> Document: paragraphs, headings, lists and tables from where the
characters and rules sit on each page.

``parsers.pdf_source`` reads the PDF (pypdfium2) and refuses hostile files;
``parsers.pdf_layout`` makes lines and ruled grids of one page;
``parsers.pdf_pages`` puts each page in reading order and drops the page
furniture (running headers and footers, page numbers, the signature block).
Here, from the lines in reading order:

* **paragraphs**: a line continues the paragraph above unless a gap wider than
  the page's line spacing, a change of size, a bullet or a tabbed number, a
  first-line indent, or a line that ended although the next one's first word
  would have fitted on it says otherwise; over a page break only mid-sentence;
  the centred lines of a title stay one paragraph; a word hyphenated at a line
  end is joined;
* **headings**: a short paragraph larger than the body text, levelled by
  size; bold is kept as bold runs (a line in bold at the body size is a bold
  paragraph, as a line made bold by hand is in Word);
* **lists**: a line opening with a bullet (``•``, the Symbol font's U+F0B7, a
  Wingdings arrow or ``o`` alone before a tab) or a typed number ("1.", "2)",
  "(3)", "2.1", "a)", "(b)", "iv.", or a bare number before a tab) opens a list
  entry, levelled by the rank of its indent among the entries around it; the
  number is its ``label`` (without its dots and brackets), as the other
  readers give Word's and HTML's numbers, and is not in its text.  Initials
  ("J. Smith"), times ("10.30") and counts ("30 members") are no numbers;
* **tables**: ruled tables from their rules, or ruled only across with
  columns from where their text starts (``pdf_layout``), and columns of
  text that line up on three lines or more as an unruled table; a table that
  runs on at the top of the next page, with the same columns, is one table,
  its repeated header row dropped.

``loc`` is "page 3, line 12" (lines counted from the top of the page) or
"page 2, table 1, row 4".
"""
from __future__ import annotations

import re
from collections import Counter

from parsers.document import Block, Cell, Document, Heading, Paragraph, Row, Run, Table, make_paragraph
from parsers.errors import ParseError
from parsers.pdf_layout import BULLETS, WEAK_BULLETS, Line
from parsers.pdf_pages import PageLayout, Part, continues, drop_furniture, drop_signature, in_order, layout
from parsers.pdf_source import open_pages

NO_TEXT = ("has no text layer: it is a scanned image; run OCR on it first, "
           "e.g. with ocrmypdf")
_TAB_NUMBER = re.compile(r"^\(?(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,5}|[a-zA-Z])[.):]?$")
# the number a list entry opens with, as typed: "1.", "2)", "(3)", "2.1", "4.2.1.", "a)", "(b)",
# "c.", "(A)", "iv.", "(ii)", "IV." (not "A." or "J.", initials; not "10.30", a time)
_LIST_NUMBER = re.compile(r"^\s*(\(?\d{1,2}(?:\.\d{1,2}){0,2}[.)]|\d{1,2}\.\d(?:\.\d{1,2})?|\d{1,2}\.\d{1,2}\.\d{1,2}|"
                          r"\(?[a-z][.)]|\(?[A-Z]\)|\(?(?:[ivx]{2,5}|[IVX]{2,5})[.)])(?=\s)")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_ENDS = re.compile(r"[.!?:;]\W*$")


def read(path: str, data: bytes, max_size: int) -> Document:
    pages: list[PageLayout] = []
    sizes: Counter = Counter()
    warnings: list[str] = []
    images = 0
    for page in open_pages(path, data, max_size):
        images += page.images
        if not any(c.text.strip() for c in page.chars):
            if page.images:
                warnings.append(f"page {page.number} has no text (a scanned image?): run OCR on it to read it")
            pages.append(PageLayout(page.number, page.height, [], []))
            continue
        for c in page.chars:
            sizes[round(c.size * 2) / 2] += 1
        pages.append(layout(page, pages[-1] if pages else None))
    if not sizes:
        raise ParseError(path, NO_TEXT if images else "has no text on its page" if len(pages) == 1
                         else f"has no text on any of its {len(pages)} pages")
    body = sizes.most_common(1)[0][0]
    drop_furniture(pages)
    drop_signature(pages)
    builder = _Builder(body, sorted((s for s in sizes if s >= body * 1.15), reverse=True))
    return Document(builder.document(pages), "pdf", warnings)


# -- blocks -----------------------------------------------------------------------------

class _Builder:
    def __init__(self, body: float, larger: list[float]) -> None:
        self.body = body
        self.larger = larger
        self.entries: list[tuple[Paragraph, float]] = []  # list entries and their indents
        self.edges: dict[int, list[tuple[float, float]]] = {}  # id(row) -> its cells' left and right
        self.tables: Counter = Counter()  # tables so far on each page
        self.left = 0.0                   # the left margin of the lines being made into paragraphs
        self.cell_right: float | None = None  # the right margin of a cell's lines
        self.page_right: dict[int, float] = {}  # where the widest line of body text ends, page by page

    def document(self, pages: list[PageLayout]) -> list[Block]:
        out: list[Block] = []
        open_table: tuple[Table, Part] | None = None  # the table the next page may carry on
        run: list[Line] = []  # the lines since the last table, over page breaks
        for page in pages:
            self.tables[page.number] = len(page.parts)  # unruled tables are numbered after the ruled
            body = [l.x1 for l in page.lines if abs(l.size - self.body) <= 0.5] or [l.x1 for l in page.lines]
            self.page_right[page.number] = max(body, default=0.0)
            first = True
            for kind, item in in_order(page):
                if kind == 0:
                    run.append(item)
                    continue
                if run:
                    out.extend(self.flow(run))
                    run = []
                    open_table = None
                    first = False
                if first and open_table is not None and continues(open_table[1], item):
                    self.append_part(open_table, item)
                else:
                    table = Table([], loc=f"page {item.page}, table {item.index}")
                    open_table = (table, item)
                    self.append_part(open_table, item)
                    out.append(table)
                first = False
        if run:
            out.extend(self.flow(run))
        for block in out:
            if isinstance(block, Table):
                _spans(block, self.edges)
        return [b for b in out if not isinstance(b, Table) or b.rows]

    # tables
    def append_part(self, open_table: tuple[Table, Part], part: Part) -> None:
        """The rows of ``part`` added to the table it starts or carries on."""
        table, first_part = open_table
        rows, start = part.rows, 1
        if table.rows and rows and _row_text(rows[0]) == _row_text(first_part.rows[0]):
            rows, start = rows[1:], 2  # the header row, repeated on the new page
        for k, cells in enumerate(rows, start):
            loc = f"page {part.page}, table {part.index}, row {k}"
            out = []
            for x0, x1, lines in cells:
                if lines is None:
                    out.append(Cell([], continued=True))
                else:
                    out.append(Cell(self.paragraphs(lines, loc)))
            if k == start and table.rows and _carries_on(table.rows[-1], out):
                _join_rows(table.rows[-1], out)
                continue
            table.rows.append(Row(out, is_header=not table.rows and len(part.rows) > 1 and _all_bold(cells),
                                  loc=loc))
            self.edges[id(table.rows[-1])] = [(x0, x1) for x0, x1, _ in cells]

    # unruled tables
    def flow(self, lines: list[Line]) -> list[Block]:
        """Paragraphs, and the unruled tables among them."""
        out: list[Block] = []
        start = i = 0
        while i < len(lines):
            end = self._aligned(lines, i)
            if end > i:
                out.extend(self.paragraphs(lines[start:i]))
                out.append(self.unruled(lines[i:end]))
                start = i = end
            else:
                i += 1
        out.extend(self.paragraphs(lines[start:]))
        return out

    def _aligned(self, lines: list[Line], i: int) -> int:
        """Where a table of columns lined up by tabs, starting at line ``i``, ends
        (``i`` when none starts there): three lines or more whose pieces all start
        at the first line's column stops; a line with one piece under a later
        column continues the cell above."""
        first = lines[i]
        if len(first.segments) < 2 or self._bullet(first) is not None or _tab_number(first):
            return i
        stops = [s.x0 for s in first.segments]
        rows, end = 1, i + 1
        for k in range(i + 1, len(lines)):
            line, prev = lines[k], lines[k - 1]
            if line.page != first.page or line.base - prev.base > 2.5 * prev.size:
                break
            cols = [_stop(stops, s.x0) for s in line.segments]
            if None in cols or (len(cols) == 1 and cols[0] == 0):
                break
            if len(cols) > 1:
                rows, end = rows + 1, k + 1
        return end if rows >= 3 else i

    def unruled(self, lines: list[Line]) -> Table:
        page = lines[0].page
        self.tables[page] += 1
        loc = f"page {page}, table {self.tables[page]}"
        stops = [s.x0 for s in lines[0].segments]
        grid: list[list[list[tuple[str, bool]]]] = []
        for line in lines:
            if len(line.segments) > 1 or not grid:
                grid.append([[] for _ in stops])
            for seg in line.segments:
                cell = grid[-1][_stop(stops, seg.x0)]
                if cell:
                    cell.append((" ", False))
                cell.extend(seg.runs)
        table = Table([], loc=loc)
        for k, row in enumerate(grid, 1):
            where = f"{loc}, row {k}"
            cells = [Cell([p] if (p := make_paragraph([Run(t, b) for t, b in runs], loc=where)) else [])
                     for runs in row]
            header = k == 1 and all(r.bold for c in cells for b in c.blocks for r in b.runs if r.text.strip())
            table.rows.append(Row(cells, is_header=header and len(grid) > 1, loc=where))
            self.edges[id(table.rows[-1])] = list(zip(stops, stops[1:] + [max(l.x1 for l in lines)]))
        return table

    # paragraphs
    def paragraphs(self, lines: list[Line], where: str = "") -> list[Block]:
        """The paragraphs of ``lines`` (of a cell when ``where`` names it).  The
        right margin is where the widest of a cell's lines ends (its padding is
        not known), on the page where the page's widest line of body text ends."""
        if not lines:
            return []
        self.cell_right = max(l.x1 for l in lines) if where else None
        self.left = min(l.x0 for l in lines)
        pitch = _pitch(lines)
        out: list[Block] = []
        para: list[Line] = []
        bullet = False
        for line in lines:
            starts = self._bullet(line) is not None or _tab_number(line)
            if para and (starts or self._breaks(para, line, self._right(para[-1]), pitch)):
                out.extend(self._block(para, bullet, where))
                para = []
            if not para:
                bullet = self._bullet(line) is not None
            para.append(line)
        if para:
            out.extend(self._block(para, bullet, where))
        self._levels()
        return out

    def _right(self, line: Line) -> float:
        """The right margin ``line`` is set to: its cell's, or its page's."""
        if self.cell_right is not None:
            return self.cell_right
        return max(self.page_right.get(line.page, 0.0), line.x1)

    def _breaks(self, para: list[Line], line: Line, right: float, pitch: float) -> bool:
        prev = para[-1]
        if line.page != prev.page:  # a paragraph carries on over a page break only mid-sentence
            if line.bold != prev.bold or (_ENDS.search(prev.text) and not line.text[:1].islower()):
                return True
            return self._ended(prev, line, right)
        if abs(line.size - prev.size) > 0.8 or line.top - prev.bottom > 1.0 * prev.size:
            return True
        if line.base - prev.base > pitch + 0.3 * prev.size:
            return True
        if line.bold and not prev.bold and len(para) >= 1 and line.x0 < prev.x0 - prev.size:
            return True
        if all(l.bold for l in para) and not _bold_lead(line):
            return True  # a line in bold, a title, then the text: "**Budget** / The clerk …"
        if _ENDS.search(prev.text) and _bold_lead(line) and not _bold_end(prev):
            return True  # a sentence ends and a bold lead opens the next line: "… noted. / **AB: Why …?**"
        if self._title(prev, right) and self._title(line, right) and line.bold == prev.bold:
            return False  # a title of several centred lines
        text_x0 = self._text_x0(para[0]) if len(para) == 1 else prev.x0
        if line.x0 > text_x0 + prev.size:
            return True  # a first-line indent
        return self._ended(prev, line, right)

    def _title(self, line: Line, right: float) -> bool:
        """A centred line, in bold or larger than the body text."""
        middle = (self.left + right) / 2
        return (line.x0 > self.left + 2 * line.size and abs((line.x0 + line.x1) / 2 - middle) <= 0.03 * (right - self.left)
                and (line.bold or line.size >= self.body * 1.15))

    @staticmethod
    def _ended(prev: Line, line: Line, right: float) -> bool:
        """``prev`` ended although the first word of ``line`` would have fitted on it."""
        word = line.text.split(" ", 1)[0]
        width = (line.segments[0].x1 - line.segments[0].x0) * len(word) / max(len(line.segments[0].text), 1)
        return right - prev.x1 > width + prev.size

    def _text_x0(self, line: Line) -> float:
        """Where the text of a line starts: after its bullet or tabbed number."""
        if (self._bullet(line) is not None or _tab_number(line)) and len(line.segments) > 1:
            return line.segments[1].x0
        return line.x0

    def _bullet(self, line: Line) -> str | None:
        first = line.segments[0].text.strip()
        if first[:1] and first[0] in BULLETS and (len(first) == 1 or first[1] == " "):
            return first[0]
        if len(first) == 1 and first in WEAK_BULLETS and len(line.segments) > 1:
            return first
        return None

    def _levels(self) -> None:
        """Each list entry's level: the rank of its indent among the indents of
        the list entries around it (of its cell, or of the text between two tables)."""
        stops: list[float] = []
        for indent in sorted(i for _, i in self.entries):
            if not stops or indent - stops[-1] > 6:
                stops.append(indent)
        for para, indent in self.entries:
            para.level = max(k for k, stop in enumerate(stops) if stop <= indent + 0.01)
        self.entries = []

    def _block(self, lines: list[Line], bullet: bool, where: str) -> list[Block]:
        runs: list[Run] = []
        number = None if bullet else _list_number(lines[0])
        for k, line in enumerate(lines):
            # columns set by tabs ("Name, Role<tab>Name, Role") are lines of their own;
            # the tab after a bullet or a number is a space
            tabbed = len(line.segments) > 2 or (len(line.segments) == 2 and not _tab_number(line)
                                                and self._bullet(line) is None)
            line_runs = line.joined("\n" if tabbed else " ")
            if k == 0 and bullet:
                mark = self._bullet(line) or ""
                line_runs = _strip_mark(line_runs, mark)
            elif k == 0 and number is not None:
                line_runs = _strip_mark(line_runs, number[1])
            if runs:
                last = runs[-1]
                if _HYPHEN_END.search(last.text.rstrip()) and line.text[:1].islower():
                    last.text = last.text.rstrip()[:-1]
                else:  # the lines of a centred title keep their breaks
                    runs.append(Run("\n" if self._title(line, self._right(line)) else " "))
            runs.extend(Run(t, b) for t, b in line_runs)
        loc = where or f"page {lines[0].page}, line {lines[0].number}"
        size = max(l.size for l in lines)
        text = "".join(r.text for r in runs).strip()
        label = number[0] if number is not None else None
        if not bullet and not where and text and len(text) <= 150 and len(lines) <= 3 and size >= self.body * 1.15:
            level = next((k for k, s in enumerate(self.larger, 1) if size >= s - 0.25), len(self.larger))
            heading = Heading(min(level, 6), runs, loc=loc, label=label)
            return [heading] if heading.text else []
        para = make_paragraph(runs, label=label, level=0 if bullet or label else None, loc=loc)
        if para and (bullet or label):
            self.entries.append((para, lines[0].x0))
        return [para] if para else []


def _strip_mark(runs: list[tuple[str, bool]], mark: str) -> list[tuple[str, bool]]:
    out = list(runs)
    while out:
        text, bold = out[0]
        stripped = text.lstrip()
        if stripped.startswith(mark):
            out[0] = (stripped[len(mark):], bold)
            return out
        if stripped:
            return out
        out.pop(0)
    return out


def _bold_lead(line: Line) -> bool:
    runs = [r for r in line.runs if r[0].strip()]
    return bool(runs) and runs[0][1]


def _bold_end(line: Line) -> bool:
    runs = [r for r in line.runs if r[0].strip()]
    return bool(runs) and runs[-1][1]


def _list_number(line: Line) -> tuple[str, str] | None:
    """(label, the mark as typed) of a line that opens a numbered entry: a
    number with its decoration, or a bare number set off by a tab."""
    first = line.segments[0].text.strip()
    found = _LIST_NUMBER.match(line.text)
    mark = found.group(1) if found else first if _tab_number(line) else None
    if not mark or len(mark) >= len(line.text.strip()):
        return None
    label = mark.strip("()").rstrip(".):")
    return (label, mark) if label else None


def _tab_number(line: Line) -> bool:
    return len(line.segments) > 1 and bool(_TAB_NUMBER.match(line.segments[0].text.strip()))


def _pitch(lines: list[Line]) -> float:
    """The usual distance between two baselines of one paragraph here."""
    gaps = Counter(round(b.base - a.base) for a, b in zip(lines, lines[1:])
                   if abs(a.size - b.size) < 0.5 and 0 < b.base - a.base < 3 * a.size)
    if not gaps:
        return 1.3 * lines[0].size
    return float(min(g for g, n in gaps.items() if n == max(gaps.values())))


def _row_text(cells) -> list[str]:
    return [" ".join(l.text for l in lines) if lines else "" for _, _, lines in cells]


def _all_bold(cells) -> bool:
    lines = [l for _, _, ls in cells if ls for l in ls]
    return bool(lines) and all(l.bold for l in lines)


def _stop(stops: list[float], x: float) -> int | None:
    """The column stop ``x`` lines up with (4 points either way)."""
    return next((k for k, stop in enumerate(stops) if abs(stop - x) <= 4), None)


def _carries_on(above: Row, cells: list[Cell]) -> bool:
    """The first row of a page is the rest of the last row of the page before
    (a row Word let break across the page): its first cell is empty and its
    columns are the same."""
    return (len(above.cells) == len(cells) > 1 and not cells[0].blocks and not cells[0].continued
            and any(c.blocks for c in cells) and not any(c.continued for c in above.cells))


def _join_rows(above: Row, cells: list[Cell]) -> None:
    for upper, lower in zip(above.cells, cells):
        blocks = lower.blocks
        if upper.blocks and blocks and isinstance(upper.blocks[-1], Paragraph) and isinstance(blocks[0], Paragraph) \
                and _runs_on(upper.blocks[-1], blocks[0]):
            last = upper.blocks[-1]
            upper.blocks[-1] = Paragraph(last.runs + [Run(" ")] + blocks[0].runs, level=last.level, loc=last.loc)
            blocks = blocks[1:]
        upper.blocks.extend(blocks)


def _runs_on(above: Paragraph, below: Paragraph) -> bool:
    """``below``, at the top of a page, is the rest of ``above``: it opens in lower
    case, or ``above`` stops mid-sentence and neither is a bold lead or a list entry."""
    if below.text[:1].islower():
        return True
    bold = lambda p: all(r.bold for r in p.runs if r.text.strip())
    return (not _ENDS.search(above.text) and not bold(above) and not bold(below)
            and below.level is None and not below.text[:1].isdigit())


def _spans(table: Table, cells_x: dict[int, list[tuple[float, float]]]) -> None:
    """Colspans against every column edge of the whole table."""
    edges: list[float] = []
    for x in sorted(x for row in table.rows for x0, x1 in cells_x[id(row)] for x in (x0, x1)):
        if not edges or x - edges[-1] > 3:
            edges.append(x)
    index = lambda x: min(range(len(edges)), key=lambda k: abs(edges[k] - x))
    for row in table.rows:
        for cell, (x0, x1) in zip(row.cells, cells_x.pop(id(row))):
            cell.colspan = max(1, index(x1) - index(x0))
