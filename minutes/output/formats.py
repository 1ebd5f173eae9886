"""Rows to text: an aligned table, JSON, CSV, Markdown; text made safe for a terminal.

One writer per format: ``to_csv`` for every CSV (no cell a spreadsheet
would run as a formula), ``markdown_table`` for every Markdown table,
``to_json`` for every JSON.  No printing, no database.
"""
from __future__ import annotations

import csv
import io
import json
import re


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


def table(rows: list[dict], columns: list[str], widths: dict[str, int] | None = None) -> str:
    """An aligned plain-text table with a header; long cells cut to ``widths``."""
    widths = widths or {}
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    for line in cells:
        for i, c in enumerate(columns):
            limit = widths.get(c)
            if limit and len(line[i]) > limit:
                line[i] = line[i][:limit - 1] + "…"
    sizes = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.ljust(n) for c, n in zip(columns, sizes)).rstrip(),
           "  ".join("-" * n for n in sizes)]
    out += ["  ".join(v.ljust(n) for v, n in zip(line, sizes)).rstrip() for line in cells]
    return "\n".join(out)


def to_json(data: object, indent: int = 2) -> str:
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


def to_csv(rows: list[dict], columns: list[str], line_end: str = "\n") -> str:
    """The one CSV writer: a header row, then one row per dict, each ending in ``line_end``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=line_end)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([csv_cell(r.get(c)) for c in columns])
    return buf.getvalue()


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


def render(rows: list[dict], columns: list[str], fmt: str, widths: dict[str, int] | None = None) -> str:
    """Rows as ``table``, ``json``, ``csv`` or ``markdown``."""
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        return to_csv(rows, columns).removesuffix("\n")
    if fmt == "markdown":
        return markdown(rows, columns)
    return table(rows, columns, widths)


