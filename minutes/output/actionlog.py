"""The action log as a file: Word (DOCX), HTML, Markdown or CSV.

    >>> data = export(queries.action_log(db, "Steering Group"), "docx")
    >>> open("action-log.docx", "wb").write(data)

One table: a header row, then each group (owner or organisation) as a row
spanning the table followed by its actions.  The DOCX is a Word document
written with python-docx whose "Summary of actions" table this project's own
reader reads back as the meeting's actions; the HTML is one self-contained
page.  Text from documents stays text in every format: escaped in HTML and
Markdown, control characters removed everywhere.
"""
from __future__ import annotations

import html
import io
from typing import TYPE_CHECKING

from minutes.choices import LOG_FORMATS
from minutes.errors import MinutesError
from minutes.output import formats
from minutes.output.formats import clean, md_escape

if TYPE_CHECKING:  # pragma: no cover
    from minutes.queries.actionlog import ActionLog, Entry

SECTION = "Summary of actions"
COLUMNS = ["No.", "Action", "Owner", "Organisation", "Meeting", "Due", "Latest update"]
CSV_COLUMNS = ["group", "number", "action", "owner", "initials", "organisation", "meeting", "meeting_name",
               "item", "due", "status", "latest_update"]


def export(log: "ActionLog", fmt: str) -> bytes:
    """The log written as ``fmt`` (docx, markdown, html or csv), as bytes."""
    if fmt == "docx":
        return _docx(log)
    if fmt not in LOG_FORMATS:
        raise MinutesError(f"unknown format {fmt!r}: use {', '.join(LOG_FORMATS)}")
    return {"markdown": _markdown, "html": _html, "csv": _csv}[fmt](log).encode("utf-8")


def _columns(log: "ActionLog") -> list[str]:
    return COLUMNS[:6] + ["Status"] + COLUMNS[6:] if log.since else COLUMNS


def _cells(log: "ActionLog", e: "Entry") -> list[str]:
    meeting = e.meeting + (f", item {e.item}" if e.item else "")
    cells = [str(e.number), e.text, e.owner_text, e.organisation_text, meeting, e.due]
    cells += [e.status] if log.since else []
    return [clean(c, one_line=True) for c in cells + [e.latest]]


def _intro(log: "ActionLog") -> str:
    scope = "Open actions" + (f" and actions closed since {log.since}" if log.since else "")
    last = f"{log.last_meeting}" if not log.last_date or log.last_date in log.last_meeting \
        else f"{log.last_meeting} ({log.last_date})"
    return clean(f"{scope}, grouped by {log.by}, as at the meeting of {last}. Prepared on {log.prepared}.",
                 one_line=True)


def _empty(log: "ActionLog") -> str:
    return "There are no open actions." if not log.since else f"There are no open actions or actions closed since {log.since}."


# --- CSV -----------------------------------------------------------------------

def _csv(log: "ActionLog") -> str:
    rows = [dict(zip(CSV_COLUMNS, (clean(v, one_line=True) for v in (
        label, e.number, e.text, e.owner_text, "; ".join(o.initials or "" for o in e.owners),
        e.organisation_text, e.meeting, e.meeting_name, e.item, e.due, e.status, e.latest))))
        for label, entries in log.groups for e in entries]
    return formats.to_csv(rows, CSV_COLUMNS, line_end="\r\n")  # the one writer: formulas made text


# --- Markdown ----------------------------------------------------------------------

def _markdown(log: "ActionLog") -> str:
    out = [f"# {md_escape(log.title)}", "", md_escape(_intro(log)), "", f"## {SECTION}", ""]
    if not log.groups:
        return "\n".join(out + [_empty(log), ""])
    rows: list[list[object] | str] = []
    for label, entries in log.groups:
        rows.append(label)
        rows += [_cells(log, e) for e in entries]
    return "\n".join(out + formats.markdown_table(_columns(log), rows)) + "\n"


# --- HTML ------------------------------------------------------------------------------

_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
thead th{background:#e8e8e8}tr.group th{background:#f4f4f4}
@media print{thead{display:table-header-group}tr{page-break-inside:avoid}}"""


def _html(log: "ActionLog") -> str:
    e = lambda s: html.escape(clean(s, one_line=True))  # noqa: E731 - one-letter escape for the template
    cols = _columns(log)
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(log.title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>",
           f"<h1>{e(log.title)}</h1>", f"<p>{e(_intro(log))}</p>", f"<h2>{SECTION}</h2>"]
    if not log.groups:
        out.append(f"<p>{e(_empty(log))}</p>")
    else:
        out += ["<table>", "<thead><tr>" + "".join(f'<th scope="col">{c}</th>' for c in cols) + "</tr></thead>",
                "<tbody>"]
        for label, entries in log.groups:
            out.append(f'<tr class="group"><th colspan="{len(cols)}" scope="rowgroup">{e(label)}</th></tr>')
            out += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(log, x)) + "</tr>"
                    for x in entries]
        out += ["</tbody>", "</table>"]
    return "\n".join(out + ["</body>", "</html>", ""])


# --- Word -------------------------------------------------------------------------------

def _docx(log: "ActionLog") -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    doc.core_properties.title = clean(log.title, one_line=True)
    doc.add_heading(clean(log.title, one_line=True), level=1)
    doc.add_paragraph(_intro(log))
    doc.add_heading(SECTION, level=2)
    if not log.groups:
        doc.add_paragraph(_empty(log))
        return _save(doc)
    cols = _columns(log)
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    head = table.rows[0]
    flag = OxmlElement("w:tblHeader")           # repeat the header row on each page
    flag.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(flag)
    widths = [Cm(w) for w in [1.2, 8.0, 4.2, 3.6, 3.2, 2.2] + ([1.6] if log.since else []) + [4.0]]
    for cell, text, width in zip(head.cells, cols, widths):
        cell.paragraphs[0].add_run(text).bold = True
        cell.width = width
    for label, entries in log.groups:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        merged.paragraphs[0].add_run(clean(label, one_line=True)).bold = True
        for entry in entries:
            for cell, text, width in zip(table.add_row().cells, _cells(log, entry), widths):
                cell.text = text
                cell.width = width
    return _save(doc)


def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
