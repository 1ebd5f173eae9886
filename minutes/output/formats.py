"""Rows to text: an aligned table, JSON, newline-delimited JSON, CSV, TSV, Markdown;
text made safe for a terminal.

One writer per format: ``to_csv`` for every CSV and TSV (no cell a
spreadsheet would run as a formula), ``markdown_table`` for every Markdown
table, ``to_json`` for every JSON, ``table`` for every aligned table.  What a
listing command was asked for (``--table``, ``--json``, ``--nl``, ``--csv``,
``--tsv``, ``--markdown``, ``--no-headers``, ``--width``, ``--wrap``) is one
``Style``, and ``render`` writes rows in it.  A table fits the width it is
given (the terminal's): its widest columns give way first, and long text is
cut with "…" or, with ``wrap``, wrapped onto more lines.  Only the columns
of free text (those given a limit) give way; ids, dates and counts are shown whole.  No printing, no
database.
"""
from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from dataclasses import dataclass

# The formats every listing command offers (the first is the default).
FORMATS = ("table", "json", "nl", "csv", "tsv", "markdown")
GAP = 2          # spaces between two columns of a table
NARROWEST = 6    # a column is never cut narrower than this (or its header, or its text)


@dataclass(frozen=True)
class Style:
    """How rows are written: the format, and for tables and CSV the rest."""
    fmt: str = "table"
    headers: bool = True         # --no-headers: False (tables, CSV, TSV)
    width: int | None = None     # a table's width (the terminal's); None: the columns' own limits; 0: no limit
    wrap: bool = False           # --wrap: long cells on more lines rather than cut
    color: bool = False          # escape codes allowed (a terminal, and NO_COLOR unset)

    @property
    def data(self) -> bool:
        """Whether the format is JSON (whole, or one object a line): records, not flat rows."""
        return self.fmt in ("json", "nl")


def style_of(value: "Style | str | None") -> Style:
    return value if isinstance(value, Style) else Style(fmt=value or "table")


# Control characters, a zero-width space and the direction marks: dropped.  The
# zero-width (non-)joiners stay: they are part of Persian and emoji spellings.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# Embeddings, overrides and isolates would make a terminal show text in another
# order than it is written ("Eve \u202egpj.exe" shows as "Eve exe.jpg"): each is
# shown as what it is, [U+202E], and stays in the data as written.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# In JSON: the same, and the C1 controls, escaped (the data read back is unchanged).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: object, one_line: bool = False) -> str:
    """Text safe for a terminal: escape sequences and control characters removed,
    direction overrides shown as [U+202E]."""
    if text is None:
        return ""
    s = _UNSAFE.sub("", _ANSI.sub("", str(text)))
    if not s.isascii():
        s = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", s)
    return " ".join(s.split()) if one_line else s


def _cell(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return clean(value, one_line=True)


def table(rows: list[dict], columns: list[str], widths: dict[str, int] | None = None, *,
          width: int | None = None, wrap: bool = False, headers: bool = True) -> str:
    """An aligned plain-text table with a header; long cells cut to ``widths`` (none with
    ``width=0``), the whole fitted to ``width`` when given; ``wrap`` wraps rather than cuts."""
    caps = {} if width == 0 else (widths or {})
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    natural = [max([len(c) if headers else 1] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    sizes = [min(n, caps[c]) if caps.get(c) else n for n, c in zip(natural, columns)]
    if width:   # the text columns (those with a limit) give way; ids, dates and counts are never cut
        floors = [min(n, max(NARROWEST, len(c) if headers else 1)) if c in (widths or {}) else n
                  for n, c in zip(sizes, columns)]
        sizes = fit(sizes, floors, width)
    out = []
    if headers:
        out += [_line([c[:n] for c, n in zip(columns, sizes)], sizes), "  ".join("-" * n for n in sizes)]
    for line in cells:
        if wrap:
            parts = [textwrap.wrap(v, n) or [""] if len(v) > n else [v] for v, n in zip(line, sizes)]
            out += [_line([p[k] if k < len(p) else "" for p in parts], sizes) for k in range(max(map(len, parts)))]
        else:
            out.append(_line([v if len(v) <= n else v[:n - 1] + "…" for v, n in zip(line, sizes)], sizes))
    return "\n".join(out)


def _line(values: list[str], sizes: list[int]) -> str:
    return (" " * GAP).join(v.ljust(n) for v, n in zip(values, sizes)).rstrip()


def fit(sizes: list[int], floors: list[int], width: int) -> list[int]:
    """Column sizes that fit ``width`` (with the gaps between them): the widest column
    gives way first, none below its floor.  As narrow as the floors allow, at most."""
    sizes = list(sizes)
    excess = sum(sizes) + GAP * (len(sizes) - 1) - width
    while excess > 0:
        room = [i for i, n in enumerate(sizes) if n > floors[i]]
        if not room:
            break
        widest = max(room, key=lambda i: sizes[i])
        others = [sizes[i] for i in room if i != widest]
        step = min(excess, sizes[widest] - floors[widest], max(1, sizes[widest] - max(others, default=0)))
        sizes[widest] -= step
        excess -= step
    return sizes


def to_json(data: object, indent: int | None = 2) -> str:
    """JSON as written (not ASCII-escaped), but with direction overrides and C1
    controls escaped (\\u202e), so that a terminal shows it in order."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text if text.isascii() else _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: control characters removed, and a
    leading ' before text it would run as a formula ("=HYPERLINK(…)", "@SUM",
    "-2+3")."""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if not isinstance(value, str):
        return value  # our own numbers and None
    value = clean(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: list[dict], columns: list[str], line_end: str = "\n", delimiter: str = ",",
           headers: bool = True) -> str:
    """The one CSV (and, with a tab ``delimiter``, TSV) writer: a header row unless
    ``headers`` is false, then one row per dict, each ending in ``line_end``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=line_end, delimiter=delimiter)
    if headers:
        writer.writerow(columns)
    for r in rows:
        writer.writerow([csv_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def to_nl(records: list) -> str:
    """Newline-delimited JSON: one object a line."""
    return "\n".join(to_json(r, indent=None) for r in records)


_MD_INLINE = re.compile(r"([\\`*_\[\]<|~]|&(?=#?\w+;))")
_MD_LEAD = re.compile(r"^(\s*)([#>+=-])|^(\s*\d+)([.)])")


def md_escape(text: object) -> str:
    """Text that Markdown shows as written: inline markup and a leading block marker escaped."""
    s = _MD_INLINE.sub(r"\\\1", clean(text, one_line=True))
    return _MD_LEAD.sub(lambda m: "\\".join(m.group(1, 2) if m.group(2) else m.group(3, 4)), s)


def markdown_table(columns: list[str], rows: list[list[object] | str]) -> list[str]:
    """The one Markdown table writer: the lines of a header, then of each row.

    A row is a list of cells, or a str: a group label, in bold, heading the
    rows after it.  Markup in the text stays text (``md_escape``)."""
    out = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    for row in rows:
        if isinstance(row, str):
            out.append(f"| **{md_escape(row)}** |" + " |" * (len(columns) - 1))
        else:
            out.append("| " + " | ".join(md_escape(_cell(v)) for v in row) + " |")
    return out


def markdown(rows: list[dict], columns: list[str]) -> str:
    """Rows as a Markdown table."""
    return "\n".join(markdown_table(columns, [[r.get(c) for c in columns] for r in rows]))


def render(rows: list[dict], columns: list[str], style: "Style | str | None",
           widths: dict[str, int] | None = None, records: list | None = None) -> str:
    """Rows in ``style``: a table, JSON or newline-delimited JSON (of ``records`` when given,
    else of the rows), CSV, TSV or Markdown."""
    style = style_of(style)
    if style.fmt == "json":
        return to_json(rows if records is None else records)
    if style.fmt == "nl":
        return to_nl(rows if records is None else records)
    if style.fmt in ("csv", "tsv"):
        return to_csv(rows, columns, delimiter="," if style.fmt == "csv" else "\t",
                      headers=style.headers).removesuffix("\n")
    if style.fmt == "markdown":
        return markdown(rows, columns)
    return table(rows, columns, widths, width=style.width, wrap=style.wrap, headers=style.headers)
