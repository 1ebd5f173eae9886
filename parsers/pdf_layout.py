"""Characters to lines, and ruling lines to table grids, on one PDF page.

The layout rules of the PDF reader, on plain coordinates (``parsers.pdf_source``
gives them; ``parsers.pdf`` turns the result into the document model):

* a **line** is the characters that share a baseline (a superscript joins the
  line it is raised from); inside it a gap wider than a space is a word break
  however the PDF spells it (no space, one space, many odd spaces), and a gap of
  a tab or more splits the line into **segments** (the cells of an aligned
  table, the columns of a page);
* a **ruled table** is a set of horizontal and vertical rules that meet; its
  rows are the bands between horizontal rules, its cells the spaces between
  the vertical rules that cross each band; a cell with no rule above it
  continues the cell above (a vertically merged cell);
* a table **ruled only across** (Word's "horizontal borders only", a rule
  under each row) is three or more horizontal rules of one width, one above
  the other, with no vertical rule: its rows are the bands between them and
  its columns where the text of two bands or more starts at the same place
  and no text of any band runs across; a band holding a line as wide as the
  rules (a paragraph, not a row) ends it.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from parsers.pdf_source import Char, Rule

# gaps, as a multiple of the font size
_WORD_GAP = 0.18     # wider than this between two glyphs: a word break
_TAB_GAP = 1.5       # wider than this with nothing in it: a tab (a new segment)
_SPACED_TAB_GAP = 3  # … and when spaces fill it
_SNAP = 2.0          # points: rules this close are the same rule
# bullets that are one: a line opening with one has its text in a segment of its own
BULLETS = "•●▪■◦○‣⁃∙·\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf0e0\uf06e\uf06c"
# letters and signs that are bullets only when a gap follows them (Wingdings' arrows read as "Ø")
WEAK_BULLETS = "-–—*oØ§vü>➢"


@dataclass(slots=True)
class Segment:
    x0: float
    x1: float
    runs: list[tuple[str, bool]]

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass(slots=True)
class Line:
    segments: list[Segment]
    top: float
    bottom: float
    base: float
    size: float
    page: int = 0
    number: int = 0       # the line's number on its page, counted from the top

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def runs(self) -> list[tuple[str, bool]]:
        return self.joined(" ")

    def joined(self, tab: str) -> list[tuple[str, bool]]:
        """The runs, with ``tab`` between two segments."""
        out: list[tuple[str, bool]] = []
        for k, seg in enumerate(self.segments):
            if k:
                out.append((tab, False))
            out.extend(seg.runs)
        return out

    @property
    def bold(self) -> bool:
        chars = [b for t, b in self.runs if t.strip()]
        return bool(chars) and all(chars)


def lines_of(chars: list[Char]) -> list[Line]:
    """The lines of ``chars``, top to bottom."""
    out: list[Line] = []
    group: list[Char] = []
    ref = size = 0.0
    for c in sorted(chars, key=lambda c: (c.base, c.x0)):
        if group and (abs(c.base - ref) <= 0.45 * max(size, c.size) or _overlap(c, group[-1]) > 0.6):
            group.append(c)
            if c.size > size:
                ref, size = c.base, c.size
            continue
        if group:
            out.extend(_line(group))
        group, ref, size = [c], c.base, c.size
    if group:
        out.extend(_line(group))
    return out


def _overlap(a: Char, b: Char) -> float:
    """How much of the shorter of two glyph boxes the other covers, up and down."""
    common = min(a.bottom, b.bottom) - max(a.top, b.top)
    return common / max(min(a.bottom - a.top, b.bottom - b.top), 0.1)


def _line(chars: list[Char]) -> list[Line]:
    chars.sort(key=lambda c: c.x0)
    size = max(c.size for c in chars)
    segments: list[Segment] = []
    runs: list[tuple[str, bool]] = []
    text: list[str] = []
    bold = False
    prev: Char | None = None
    spaced = False
    seg_x0 = 0.0

    def flush_run() -> None:
        nonlocal text
        if text:
            runs.append(("".join(text), bold))
            text = []

    space_x1 = 0.0  # where the last space ended
    for c in chars:
        if c.text == " " or c.text == "\t":
            spaced = spaced or c.text == " "
            space_x1 = c.x1
            if c.text == "\t" and prev is not None:
                spaced = None  # type: ignore[assignment]  # a tab: always a new segment
            continue
        if prev is not None:
            if c.text == prev.text and abs(c.x0 - prev.x0) < 0.15 * size:
                continue  # a glyph drawn twice, a little offset: poor man's bold
            gap = c.x0 - prev.x1
            # a gap after the spaces wider than a tab: a tab typed as a space and a tab stop
            rest = c.x0 - max(prev.x1, space_x1) if spaced else gap
            if spaced is None or rest > _TAB_GAP * size or gap > _SPACED_TAB_GAP * size or (
                    not segments and seg_x0 == prev.x0 and prev.text in WEAK_BULLETS and gap > 0.35 * size):
                flush_run()
                segments.append(Segment(seg_x0, prev.x1, runs))
                runs, seg_x0 = [], c.x0
            elif spaced or gap > _WORD_GAP * c.size:
                text.append(" ")
        else:
            seg_x0 = c.x0
        if c.bold != bold:
            flush_run()
            bold = c.bold
        text.append(c.text)
        # a bullet opening the line stands apart from the text it marks
        spaced = None if prev is None and c.text in BULLETS else False  # type: ignore[assignment]
        prev = c
    if prev is None:
        return []
    flush_run()
    segments.append(Segment(seg_x0, prev.x1, runs))
    main = [c for c in chars if c.size >= size - 0.5 and c.text != " "] or chars
    # the line's size is that of most of its glyphs (a few large ones, a signature, do not make a heading)
    sizes = Counter(round(c.size * 2) / 2 for c in chars if c.text != " ")
    common = max(sizes, key=lambda k: (sizes[k], k)) if sizes else size
    return [Line(segments, min(c.top for c in main), max(c.bottom for c in main),
                 max(c.base for c in main), common)]


# -- ruled tables --------------------------------------------------------------------

@dataclass
class GridCell:
    x0: float
    x1: float
    top: float
    bottom: float
    chars: list[Char] = field(default_factory=list)
    above: "GridCell | None" = None   # the cell this one continues (vertically merged)


@dataclass
class Grid:
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[GridCell]]


def grids(rules: list[Rule], chars: list[Char] = ()) -> list[Grid]:
    """The tables the rules of a page draw (each with two columns or more
    somewhere); ``chars``, the page's characters, give the columns of tables
    ruled only across."""
    hs = _merge([r for r in rules if r.y0 == r.y1], horizontal=True)
    vs = _merge([r for r in rules if r.x0 == r.x1], horizontal=False)
    out = []
    used: set[int] = set()
    for hgroup, vgroup in _components(hs, vs):
        out.extend(_grid(hgroup, vgroup))
        used.update(id(h) for h in hgroup)
    loose = [h for h in hs if id(h) not in used]
    if len(loose) >= 3 and chars:
        for stack in _stacks(loose):
            out.extend(_across(stack, chars))
    return out


_MIN_ACROSS = 72.0    # points: a rule narrower than this (an underline) rules no table
_EDGE = 12.0          # points: text starting this close to a table's left edge is in its first column


def _stacks(hs: list[Rule]) -> list[list[Rule]]:
    """Horizontal rules of one width, one above the other, three or more, top to bottom."""
    stacks: list[list[Rule]] = []
    for h in sorted(hs, key=lambda r: r.y0):
        if h.x1 - h.x0 < _MIN_ACROSS:
            continue
        stack = next((s for s in stacks if abs(s[0].x0 - h.x0) <= 2 * _SNAP and abs(s[0].x1 - h.x1) <= 2 * _SNAP),
                     None)
        if stack is None:
            stacks.append([h])
        elif h.y0 - stack[-1].y0 >= 3:
            stack.append(h)
    return [s for s in stacks if len(s) >= 3]


def _across(stack: list[Rule], chars: list[Char]) -> list[Grid]:
    """The tables ruled only across by ``stack``: each run of two bands or more
    that are rows (none holds a line as wide as the rules) with two columns."""
    x0, x1 = min(r.x0 for r in stack), max(r.x1 for r in stack)
    bands = []  # (top, bottom, the lines between)
    for upper, lower in zip(stack, stack[1:]):
        inside = [c for c in chars if x0 - 1 <= (c.x0 + c.x1) / 2 <= x1 + 1
                  and upper.y0 < (c.top + c.bottom) / 2 < lower.y0]
        bands.append((upper.y0, lower.y0, lines_of(inside)))
    out: list[Grid] = []
    run: list[tuple] = []
    for band in bands + [None]:
        if band is not None and not any(len(l.segments) == 1 and l.x1 - l.x0 >= 0.8 * (x1 - x0) for l in band[2]):
            run.append(band)
            continue
        if len(run) >= 2:
            grid = _columns(run, x0, x1)
            if grid is not None:
                out.append(grid)
        run = []
    return out


def _columns(bands: list[tuple], x0: float, x1: float) -> Grid | None:
    """A grid of ``bands`` with a column at each place where the text of two
    bands or more starts and no text runs across; None with fewer than two."""
    starts: list[list[float]] = []  # clusters of where segments start: [x, bands seen in]
    for k, (_, _, lines) in enumerate(bands):
        for x in sorted({s.x0 for l in lines for s in l.segments}):
            if x - x0 <= _EDGE:
                continue
            cluster = next((c for c in starts if abs(c[0] - x) <= 4), None)
            if cluster is None:
                starts.append([x, {k}])
            else:
                cluster[0] = min(cluster[0], x)
                cluster[1].add(k)
    segments = [s for _, _, lines in bands for l in lines for s in l.segments]
    stops = sorted(x for x, seen in starts if len(seen) >= 2
                   and not any(s.x0 < x - 3 < s.x1 - 1 for s in segments))
    if not stops:
        return None
    edges = [x0] + [x - 3 for x in stops] + [x1]
    rows = [[GridCell(a, b, top, bottom) for a, b in zip(edges, edges[1:])] for top, bottom, _ in bands]
    return Grid(x0, bands[0][0], x1, bands[-1][1], rows)


def _merge(rules: list[Rule], horizontal: bool) -> list[Rule]:
    """Collinear pieces (a border drawn cell by cell) joined into one rule."""
    key = (lambda r: (round(r.y0 / _SNAP), r.x0)) if horizontal else (lambda r: (round(r.x0 / _SNAP), r.y0))
    out: list[Rule] = []
    for r in sorted(rules, key=key):
        if out:
            last = out[-1]
            if horizontal and abs(last.y0 - r.y0) <= _SNAP and r.x0 <= last.x1 + _SNAP:
                last.x1 = max(last.x1, r.x1)
                continue
            if not horizontal and abs(last.x0 - r.x0) <= _SNAP and r.y0 <= last.y1 + _SNAP:
                last.y1 = max(last.y1, r.y1)
                continue
        out.append(Rule(r.x0, r.y0, r.x1, r.y1))
    return out


def _components(hs: list[Rule], vs: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Groups of rules that touch one another."""
    rules = hs + vs
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    touched: set[int] = set()
    for i, h in enumerate(hs):
        for j, v in enumerate(vs, start=len(hs)):
            if (h.x0 - _SNAP <= v.x0 <= h.x1 + _SNAP) and (v.y0 - _SNAP <= h.y0 <= v.y1 + _SNAP):
                parent[find(i)] = find(j)
                touched.add(j)
    # column rules that meet no row rule, side by side over the same height: the
    # middle of a table whose row runs on over the whole page
    loose = [j for j in range(len(hs), len(rules)) if j not in touched]
    for a in loose:
        for b in loose:
            ra, rb = rules[a], rules[b]
            common = min(ra.y1, rb.y1) - max(ra.y0, rb.y0)
            if a < b and common >= 0.9 * max(ra.y1 - ra.y0, rb.y1 - rb.y0):
                parent[find(a)] = find(b)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, r in enumerate(rules):
        g = groups.setdefault(find(i), ([], []))
        (g[0] if i < len(hs) else g[1]).append(r)
    return [g for g in groups.values() if g[1] and (g[0] or len(g[1]) >= 3)]


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _grid(hs: list[Rule], vs: list[Rule]) -> list[Grid]:
    """The grids of one set of touching rules: usually one, two where one table
    sits on another with no column rule in common (a header block above the minutes)."""
    x0 = min(r.x0 for r in hs + vs)
    x1 = max(r.x1 for r in hs + vs)
    ys = _cluster([r.y0 for r in hs] + [min(r.y0 for r in vs), max(r.y1 for r in vs)])
    out: list[Grid] = []
    rows: list[list[GridCell]] = []
    wide = False
    inner: set[float] = set()
    for top, bottom in zip(ys, ys[1:]):
        if bottom - top < 3:
            continue
        mid = (top + bottom) / 2
        xs = _cluster([x0, x1] + [v.x0 for v in vs if v.y0 - _SNAP <= mid <= v.y1 + _SNAP])
        now = {round(x / _SNAP) for x in xs[1:-1]}
        if inner and now and not inner & now:
            if wide:
                out.append(Grid(x0, rows[0][0].top, x1, rows[-1][0].bottom, rows))
            rows, wide = [], False
        inner = now or inner
        cells = []
        for a, b in zip(xs, xs[1:]):
            if b - a < 3:
                continue
            cell = GridCell(a, b, top, bottom)
            ruled = any(abs(h.y0 - top) <= _SNAP and h.x0 - _SNAP <= (a + b) / 2 <= h.x1 + _SNAP for h in hs)
            if not ruled and rows:
                cell.above = next((c for c in rows[-1] if abs(c.x0 - a) <= _SNAP and abs(c.x1 - b) <= _SNAP), None)
                if cell.above is not None and cell.above.above is not None:
                    cell.above = cell.above.above
            cells.append(cell)
        wide = wide or len(cells) >= 2
        if cells:
            rows.append(cells)
    if rows and wide:
        out.append(Grid(x0, rows[0][0].top, x1, rows[-1][0].bottom, rows))
    return out


def fill(grid: Grid, chars: list[Char]) -> list[Char]:
    """Put each character whose middle lies in one of ``grid``'s cells there;
    returns the characters left over."""
    left: list[Char] = []
    tops = [row[0].top - 1 for row in grid.rows]
    x0, x1, top, bottom = grid.x0 - 1, grid.x1 + 1, grid.top - 1, grid.bottom + 1
    for c in chars:
        mx, my = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        if not (x0 <= mx <= x1 and top <= my <= bottom):
            left.append(c)
            continue
        k = bisect.bisect_right(tops, my) - 1
        row = grid.rows[k] if k >= 0 else None
        cell = None
        if row is not None and my <= row[0].bottom + 1:
            cell = next((g for g in row if g.x0 - 1 <= mx <= g.x1 + 1), None)
        if cell is None:
            left.append(c)
        else:
            (cell.above or cell).chars.append(c)
    return left
