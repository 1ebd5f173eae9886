"""The action log as a file: Word (DOCX), HTML, Markdown or CSV.

    >>> data = export(queries.action_log(db, "Steering Group"), "docx", paper="a4")
    >>> open("action-log.docx", "wb").write(data)

One table: a header row, then each group (owners, organisations, or the
meeting and item) as a row spanning the table followed by its actions, one
row per action with all its owners.  "Ref" is the minutes' own number for
the action (else the item's); dates are written as people write them
("20 Jan 2015"); an open action past its due date says "(overdue)".  The
DOCX (``minutes.output.worddoc``) is a Word document whose "Summary of
actions" table this project's own reader reads back; the HTML is one
self-contained page that prints on the paper asked for, with the body and
meeting at the top of each page and page numbers at the foot.  The CSV keeps
ISO dates and the action's id, for programs.  Text from documents stays text
in every format: escaped in HTML and Markdown, control characters removed.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from minutes.choices import LOG_FORMATS, PAPERS
from minutes.errors import MinutesError
from minutes.output import formats
from minutes.output.dates import day_text
from minutes.output.formats import clean, md_escape
from minutes.output.logcells import SECTION, cells, columns, empty, group_label, heading, intro

if TYPE_CHECKING:  # pragma: no cover
    from minutes.queries.actionlog import ActionLog

CSV_COLUMNS = ["group", "id", "ref", "action", "owner", "initials", "organisation", "series", "meeting",
               "meeting_name", "item", "due", "due_as_written", "overdue", "status", "latest_update",
               "latest_update_date", "latest_update_from"]


def export(log: "ActionLog", fmt: str, paper: str = "a4") -> bytes:
    """The log written as ``fmt`` (docx, markdown, html or csv), as bytes; DOCX and HTML on ``paper``."""
    if fmt not in LOG_FORMATS:
        raise MinutesError(f"unknown format {fmt!r}: use {', '.join(LOG_FORMATS)}")
    if paper not in PAPERS:
        raise MinutesError(f"unknown paper {paper!r}: use {', '.join(PAPERS)}")
    if fmt == "docx":
        from minutes.output.worddoc import action_log_docx

        return action_log_docx(log, paper)
    if fmt == "html":
        return _html(log, paper).encode("utf-8")
    return {"markdown": _markdown, "csv": _csv}[fmt](log).encode("utf-8")


# --- CSV -----------------------------------------------------------------------

def _csv(log: "ActionLog") -> str:
    rows = [dict(zip(CSV_COLUMNS, (clean(v, one_line=True) if isinstance(v, str) else v for v in (
        label, e.number, e.ref, e.text, e.owner_text, "; ".join(o.initials or "" for o in e.owners),
        e.organisation_text, e.series, e.meeting, e.meeting_name, e.item, e.due, e.due_text,
        "yes" if e.overdue else "", e.status, e.latest.text if e.latest else "",
        (e.latest.day or "") if e.latest else "",
        ("by hand" if e.latest.source == "hand" else e.latest.meeting) if e.latest else ""))))
        for label, entries in log.groups for e in entries]
    return formats.to_csv(rows, CSV_COLUMNS, line_end="\r\n")  # the one writer: formulas made text


# --- Markdown ----------------------------------------------------------------------

def _markdown(log: "ActionLog") -> str:
    out = [f"# {md_escape(log.title)}", "", md_escape(intro(log)), "", f"## {SECTION}", ""]
    if not log.groups:
        return "\n".join(out + [empty(log), ""])
    rows: list[list[object] | str] = []
    for label, entries in log.groups:
        rows.append(group_label(log, label))
        rows += [cells(log, e) for e in entries]
    return "\n".join(out + formats.markdown_table(columns(log), rows)) + "\n"


# --- HTML ------------------------------------------------------------------------------

_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
header.page{color:#555;border-bottom:1px solid #999;margin-bottom:1em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
thead th{background:#e8e8e8}tr.group th{background:#f4f4f4}
tr.overdue td.due{color:#a00;font-weight:bold}td.ref{white-space:nowrap}
@media print{body{margin:0;font-size:9.5pt}header.page{display:none}thead{display:table-header-group}
tr{break-inside:avoid}a{color:inherit;text-decoration:none}}"""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (for the page's running header)."""
    return '"' + "".join(c if c.isalnum() or c in " .,;:()&'/-—" else f"\\{ord(c):x} " for c in text) + '"'


def _page_style(log: "ActionLog", paper: str) -> str:
    size = "A4" if paper == "a4" else "letter"
    return (f"@page{{size:{size} landscape;margin:16mm 12mm 16mm 12mm;"
            f"@top-left{{content:{css_string(heading(log))};font-size:8pt;color:#555}}"
            f"@bottom-left{{content:{css_string('Prepared on ' + day_text(log.prepared))};font-size:8pt;color:#555}}"
            '@bottom-right{content:"Page " counter(page) " of " counter(pages);font-size:8pt;color:#555}}')


def _html(log: "ActionLog", paper: str) -> str:
    e = lambda s: html.escape(clean(s, one_line=True))  # noqa: E731 - one-letter escape for the template
    cols = columns(log)
    kinds = ["ref", "action", "owner", "organisation", "meeting", "due"] + (["status"] if log.since else []) \
        + ["latest"]
    out = ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(log.title)}</title>", f'<meta name="author" content="{e(log.body)}">',
           f'<meta name="dcterms.created" content="{e(log.prepared)}">',
           f"<style>{_STYLE}\n{_page_style(log, paper)}</style>", "</head>", "<body>",
           f'<header class="page">{e(heading(log))}</header>',
           f"<h1>{e(log.title)}</h1>", f"<p>{e(intro(log))}</p>", f"<h2>{SECTION}</h2>"]
    if not log.groups:
        out.append(f"<p>{e(empty(log))}</p>")
    else:
        out += ["<table>", "<thead><tr>" + "".join(f'<th scope="col">{c}</th>' for c in cols) + "</tr></thead>",
                "<tbody>"]
        for label, entries in log.groups:
            out.append(f'<tr class="group"><th colspan="{len(cols)}" scope="rowgroup">{e(group_label(log, label))}'
                       "</th></tr>")
            for x in entries:
                row = "".join(f'<td class="{k}">{html.escape(c)}</td>' for k, c in zip(kinds, cells(log, x)))
                out.append(f'<tr{" class=overdue" if x.overdue else ""} data-id="{x.number}">{row}</tr>')
        out += ["</tbody>", "</table>"]
    return "\n".join(out + ["</body>", "</html>", ""])
