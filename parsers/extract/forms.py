"""Forms laid out as tables, read as what they hold.

Minutes written on a template are often one table, or a few, used as a form:
a row with one wide label ("Attendees", "Decisions made:"), a row of values
under a row of labels ("Attendees | Non-Attendees"), label/value rows
("Meeting Date: | 21st February 2019", "Chaired by | Ong Bee Lee"), and in
between a grid of real rows (Task | Issue | Solution | Taken by).  A table is
a form when most of its rows are such labels; it is then unfolded into the
blocks it stands for — label paragraphs (bold), the values after them, and
each grid of real rows as a table of its own — so that every other extractor
reads the form as it reads any other minutes.  Tables of data (an item table,
an attendance list, an action log) are left as they are.
"""
from __future__ import annotations

import re

from parsers.document import Cell, Document, Heading, Paragraph, Row, Run, Table, squash
from parsers.patterns import column_kind, item_number
from parsers.vocabulary import FIELD_WORDS, words_pattern

_LABEL_WORDS = 8


def unfold(document: Document) -> Document:
    blocks = []
    changed = False
    for block in document.blocks:
        if isinstance(block, Table):
            unfolded = _unfold(block)
            if unfolded is not None:
                blocks.extend(unfolded)
                changed = True
                continue
        blocks.append(block)
    if not changed:
        return document
    return Document(blocks, document.format, document.warnings, document.meta)


def _unfold(table: Table) -> list | None:
    rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    fields = _fields(rows)
    if fields is not None:
        return fields
    if not rows or sum(1 for c in rows[0].cells if column_kind(squash(c.text))) >= 2:
        return None  # a header that names two columns or more: a table of data
    width = max(sum(c.colspan for c in r.cells) for r in rows)
    kinds = [_row_kind(r, width) for r in rows]
    formish = sum(1 for k in kinds if k in ("label", "pair", "labels"))
    # the rows of a grid under a row of labels count as one part of the form
    parts = sum(1 for k, kind in enumerate(kinds) if not (kind == "data" and k and kinds[k - 1] in ("data", "labels")))
    if width < 2 and len(rows) >= 2 and kinds[0] == "label":
        formish = parts  # one column: a label over its contents
    # a form has labels of its own (a wide label row, a label/value row), not only a header
    if formish * 2 < parts or not any(k in ("label", "pair") for k in kinds):
        return None
    out: list = []
    k = 0
    while k < len(rows):
        row, kind = rows[k], kinds[k]
        cells = _filled(row)
        if kind == "label":
            out.append(_label(cells[0], row))
        elif kind == "pair":
            out.extend(_pair(cells[0], cells[1], row))
        elif kind == "labels" and k + 1 < len(rows) and kinds[k + 1] == "data" and \
                len(_filled(rows[k + 1])) <= len(cells) and not _grid_follows(rows, kinds, k):
            values = rows[k + 1].cells
            for j, cell in enumerate(cells):  # each label over the value below it
                out.append(_label(cell, row))
                below = _cell_at(row, values, cell)
                if below is not None:
                    out.extend(_located(below.blocks, rows[k + 1]))
            k += 1
        elif kind in ("labels", "data"):
            j = k + 1
            while j < len(rows) and kinds[j] == "data":
                j += 1
            part = [Row(r.cells, is_header=(i == 0 and kind == "labels"), loc=r.loc) for i, r in enumerate(rows[k:j])]
            out.append(Table(part, loc=rows[k].loc or table.loc))
            k = j
            continue
        else:  # one wide cell of text
            out.extend(_located(cells[0].blocks, row))
        k += 1
    return out


_FIELD = re.compile(rf"^(?:{words_pattern(FIELD_WORDS)})\W*$", re.I)


def _fields(rows: list[Row]) -> list | None:
    """A table of the meeting's particulars: two columns, the first naming the
    field ("Date", "Place", "Attendees", "Invited") and the second its value —
    read as "Date: 24th September 2015" lines, whatever the labels' weight."""
    if len(rows) < 3 or any(len(_filled(r)) != 2 for r in rows):
        return None
    labels = [squash(_filled(r)[0].text) for r in rows]
    if any(len(t.split()) > 4 or t.endswith((".", "?", "!")) for t in labels):
        return None
    if sum(1 for t in labels if _FIELD.match(t)) < max(2, len(labels) // 2):
        return None
    return [b for r in rows for b in _pair(_filled(r)[0], _filled(r)[1], r)]


def _row_kind(row: Row, width: int) -> str:
    cells = _filled(row)
    if len(cells) == 1:
        return "label" if _labelish(cells[0]) else "text"
    if len(cells) == 2 and _labelish(cells[0]) and not _labelish(cells[1]) and row.cells[0].colspan < width \
            and item_number(cells[0].text) is None:  # "4 | Finance …" is a numbered row, not a label
        return "pair"
    if all(_labelish(c) for c in cells) and all(_bold(c) or c.text.strip().endswith(":") for c in cells):
        return "labels"
    return "data"


def _filled(row: Row) -> list[Cell]:
    return [c for c in row.cells if c.text.strip()]


def _labelish(cell: Cell) -> bool:
    """A short line that names what follows: bold, or ending with a colon."""
    text = squash(cell.text)
    if not text or "\n" in cell.text.strip() or len(text.split()) > _LABEL_WORDS or len(cell.blocks) > 1:
        return False
    return text.endswith(":") or _bold(cell)


def _bold(cell: Cell) -> bool:
    runs = [r for b in cell.blocks if isinstance(b, (Paragraph, Heading)) for r in b.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _grid_follows(rows: list[Row], kinds: list[str], k: int) -> bool:
    """A row of labels over two or more rows of values is the header of a grid."""
    return k + 2 < len(rows) and kinds[k + 1] == "data" and kinds[k + 2] == "data"


def _cell_at(row: Row, values: list[Cell], cell: Cell) -> Cell | None:
    """The cell of ``values`` under ``cell`` of ``row`` (by grid column)."""
    start = 0
    for c in row.cells:
        if c is cell:
            break
        start += c.colspan
    col = 0
    for value in values:
        if col == start:
            return value
        col += value.colspan
    return None


LABEL_STYLE = "form label"  # the style of a paragraph that was a form's label


def _label(cell: Cell, row: Row) -> Paragraph:
    return Paragraph([Run(squash(cell.text), True)], style=LABEL_STYLE, loc=row.loc)


def _pair(label: Cell, value: Cell, row: Row) -> list:
    """ "Meeting Date: | 21st February 2019" -> "Meeting Date: 21st February 2019";
    a value of several blocks stays under its label.  A field of the form, not a
    heading: the label is not bold."""
    name = squash(label.text)
    name = name if name.endswith(":") else name + ":"
    paragraphs = [b for b in value.blocks if isinstance(b, Paragraph)]
    if len(value.blocks) == 1 and paragraphs and "\n" not in paragraphs[0].text:
        return [Paragraph([Run(name + " ")] + list(paragraphs[0].runs), loc=row.loc)]
    return [Paragraph([Run(name)], loc=row.loc)] + _located(value.blocks, row)


def _located(blocks: list, row: Row) -> list:
    for block in blocks:
        if not getattr(block, "loc", ""):
            block.loc = row.loc
    return list(blocks)
