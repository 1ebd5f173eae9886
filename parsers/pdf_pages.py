"""One PDF page laid out: its tables and lines in reading order, and the page
furniture of the whole document dropped (``parsers.pdf`` makes blocks of them).

* **reading order**: top to bottom; on a two-column page the left column,
  then the right one (a line across both columns, a title, stays where it is);
* **page furniture**: a line in the top or bottom margin of a page whose words
  (numbers aside) recur there on half the pages or more (a running header or
  footer), a bare page number at the top or foot of a page, and the signature
  block that ends the minutes ("Chairman ……", "Date: ____"), unless it holds
  the document's only year.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from parsers.pdf_layout import Grid, Line, fill, grids, lines_of
from parsers.vocabulary import SIGNATORY_WORDS, SIGNATURE_WORDS, words_pattern

_MARGIN = 0.12            # the top and bottom of a page where headers and footers sit
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–(]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
# a line of a signature block: "Signed …", or who signs or the date, then a rule to write on
# (or what was written on it)
_SIGNATURE = re.compile(r"^\s*(?:" + words_pattern(SIGNATURE_WORDS) + r"\b|" + words_pattern(SIGNATORY_WORDS)
                        + r"\b(?:[\s:.…_\-–—]*$|[\s:.…_\-–—]+.{0,30}$))", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
@dataclass
class Part:
    """The piece of a table on one page."""
    grid: Grid
    page: int
    index: int
    rows: list[list[tuple[float, float, list[Line] | None]]] = field(default_factory=list)


@dataclass
class PageLayout:
    number: int
    height: float
    lines: list[Line]
    parts: list[Part]


def layout(page, before: PageLayout | None = None) -> PageLayout:
    """A page from ``pdf_source``: its ruled tables filled, its other characters
    in lines.  ``before`` is the page before, whose last table this page's
    first may carry on."""
    chars = page.chars
    parts: list[Part] = []
    for grid in grids(page.rules, chars):
        rest = fill(grid, chars)
        filled = [c for row in grid.rows for c in row if c.chars]
        part = Part(grid, page.number, len(parts) + 1)
        for row in grid.rows:
            cells = [(c.x0, c.x1, None if c.above is not None else lines_of(c.chars)) for c in row]
            if any(lines is None or lines for _, _, lines in cells):
                part.rows.append(cells)
        # a box round a paragraph, a highlight, is not a table; but one cell of
        # text at the top of a page may be the rest of a long row of the table before
        if len(filled) < 2 and not (filled and _opens(page, grid, rest) and _carries(before, part)):
            continue
        chars = rest
        parts.append(part)
    lines = lines_of(chars)
    for k, line in enumerate(lines, 1):
        line.page, line.number = page.number, k
    return PageLayout(page.number, page.height, _reading_order(lines, page.width), parts)


def _opens(page, grid: Grid, chars: list) -> bool:
    """Nothing but the page's top margin is above ``grid``."""
    return all(c.bottom <= page.height * _MARGIN or c.top >= grid.top for c in chars)


def _carries(before: PageLayout | None, part: Part) -> bool:
    """``part`` carries on the table that ends the page ``before``."""
    if before is None or not before.parts:
        return False
    last = max(before.parts, key=lambda p: p.grid.bottom)
    below = [l for l in before.lines if l.top > last.grid.bottom and l.top < before.height * (1 - _MARGIN)]
    return not below and continues(last, part)


def continues(part: Part, nxt: Part) -> bool:
    """``nxt`` (at the top of a page) carries on ``part``: the same columns."""
    a = {round(x) for row in part.rows for x0, x1, _ in row for x in (x0, x1)}
    b = [x for row in nxt.rows[:1] for x0, x1, _ in row for x in (x0, x1)]
    if not b or abs(part.grid.x0 - nxt.grid.x0) > 6 or abs(part.grid.x1 - nxt.grid.x1) > 6:
        return False
    return sum(1 for x in b if any(abs(x - y) <= 3 for y in a)) >= 0.75 * len(b)


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    """Top to bottom; a stretch of two columns, the left column first."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return lines
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        if line.x0 < gutter < line.x1 and not _splits_at(line, gutter):
            out += left + right
            left, right = [], []
            out.append(line)
            continue
        if line.x1 <= gutter:
            left.append(line)
        elif line.x0 >= gutter:
            right.append(line)
        else:
            a, b = _split(line, gutter)
            left.append(a)
            right.append(b)
    return out + left + right


def _splits_at(line: Line, gutter: float) -> bool:
    return any(a.x1 < gutter < b.x0 for a, b in zip(line.segments, line.segments[1:]))


def _split(line: Line, gutter: float) -> tuple[Line, Line]:
    segs = line.segments
    k = next(i for i, s in enumerate(segs) if s.x0 > gutter)
    return (Line(segs[:k], line.top, line.bottom, line.base, line.size, line.page, line.number),
            Line(segs[k:], line.top, line.bottom, line.base, line.size, line.page, line.number))


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of the gap between two columns of prose, if the page has them: a
    vertical strip in the middle of the page that no line crosses, with at
    least eight lines of prose on either side of it."""
    candidates = sorted({round((a.x1 + b.x0) / 2) for line in lines
                         for a, b in zip(line.segments, line.segments[1:])
                         if width * 0.3 < (a.x1 + b.x0) / 2 < width * 0.7})
    for g in candidates:
        left = [l for l in lines if l.x1 <= g or _splits_at(l, g)]
        right = [l for l in lines if l.x0 >= g or _splits_at(l, g)]
        crossing = sum(1 for l in lines if l.x0 < g < l.x1 and not _splits_at(l, g))
        if len(left) < 8 or len(right) < 8 or crossing > len(lines) * 0.25:
            continue
        west = [s.text for l in left for s in l.segments if s.x1 <= g]
        east = [s.text for l in right for s in l.segments if s.x0 >= g]
        prose = lambda texts: bool(texts) and sum(map(len, texts)) / len(texts) >= 25
        if prose(west) and prose(east):
            return g
    return None


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def drop_furniture(pages: list[PageLayout]) -> None:
    """Running headers and footers, and page numbers, out of the pages' lines."""
    counts: Counter = Counter()
    for page in pages:
        counts.update({_furniture_key(l) for l in page.lines if _in_margin(l, page)})
    recurring = {k for k, n in counts.items() if n >= 2 and n * 2 >= len(pages)}
    for page in pages:
        if not page.lines:
            continue
        first, last = page.lines[0], page.lines[-1]
        page.lines = [l for l in page.lines
                      if not (_in_margin(l, page) and (_furniture_key(l) in recurring
                                                       or (l in (first, last) or l.base == last.base)
                                                       and _PAGE_NUMBER.match(l.text.strip())))]


def drop_signature(pages: list[PageLayout]) -> None:
    """The signature block at the end ("Chairman ........", "Signed", "Date: ____"):
    dropped, unless it holds the only year in the document (then it may be
    the only date the minutes have)."""
    last = next((p for p in reversed(pages) if p.lines), None)
    if last is None:
        return
    k = len(last.lines)
    while k > 0 and _SIGNATURE.match(last.lines[k - 1].text):
        k -= 1
    block = last.lines[k:]
    if not block:
        return
    others = (l for p in pages for l in (p.lines if p is not last else p.lines[:k]))
    if any(_YEAR.search(l.text) for l in block) and not any(_YEAR.search(l.text) for l in others):
        return
    last.lines = last.lines[:k]


def _in_margin(line: Line, page: PageLayout) -> bool:
    return line.top < page.height * _MARGIN or line.bottom > page.height * (1 - _MARGIN)


def in_order(page: PageLayout):
    """The page's lines in reading order, each table before the first line below its top."""
    parts = sorted(page.parts, key=lambda p: p.grid.top)
    for line in page.lines:
        while parts and parts[0].grid.top <= line.top:
            yield 1, parts.pop(0)
        yield 0, line
    for part in parts:
        yield 1, part
