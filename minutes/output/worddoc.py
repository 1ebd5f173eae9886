"""The action log as a Word document, ready for the agenda pack.

    >>> data = action_log_docx(queries.action_log(db, "Steering Group"), "a4")

Landscape A4 (or US Letter), the body and the meeting at the top of every
page, "Page 3 of 5" (Word's PAGE and NUMPAGES fields) and the day it was
prepared at the foot, the header row repeated on each page, an overdue date
in bold red, British English for spelling.  The document's properties are
its own: the log's title and subject, the body as author, today as created
and modified, "minutes" as the program that wrote it (python-docx's template
would say python-docx, 2013 and "Microsoft Macintosh Word").  Its "Summary of
actions" table reads back through this project's own reader.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from minutes.output.logcells import OVERDUE, SECTION, as_at, cells, columns, empty, group_label, heading, intro
from minutes.output.dates import day_text
from minutes.output.formats import clean

if TYPE_CHECKING:  # pragma: no cover
    from minutes.queries.actionlog import ActionLog

# paper -> (long side, short side) in cm; the log is set landscape
PAPER_CM = {"a4": (29.7, 21.0), "letter": (27.94, 21.59)}
LANGUAGE = "en-GB"
# column widths in cm on A4 landscape (scaled to the paper): ref, action, owner, organisation, meeting, due,
# [status], latest update
WIDTHS = [1.3, 7.4, 3.8, 3.6, 3.4, 2.9]
TABLE_PT = 9


def _version() -> str:
    try:
        return version("minutes")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


def action_log_docx(log: "ActionLog", paper: str = "a4", now: datetime | None = None) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor

    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    doc = docx.Document()
    section = doc.sections[0]
    long_side, short_side = PAPER_CM[paper]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(long_side), Cm(short_side)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.6)
    section.header_distance = section.footer_distance = Cm(0.8)
    usable = section.page_width - section.left_margin - section.right_margin
    _properties(doc, log, now)
    _language(doc)

    head = section.header.paragraphs[0]
    _right_tab(head, usable)
    head.add_run(clean(log.body, one_line=True)).bold = True
    head.add_run("\t" + as_at(log))
    foot = section.footer.paragraphs[0]
    _right_tab(foot, usable)
    foot.add_run(f"Prepared on {day_text(log.prepared)}\tPage ")
    _field(foot, "PAGE")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES")
    for p in (head, foot):
        for run in p.runs:
            run.font.size = Pt(8)

    doc.add_heading(clean(log.title, one_line=True), level=1)
    doc.add_paragraph(intro(log))
    doc.add_heading(SECTION, level=2)
    if not log.groups:
        doc.add_paragraph(empty(log))
        return _save(doc)
    cols = columns(log)
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    scale = usable / Cm(sum(WIDTHS) + (1.7 if log.since else 0) + 4.6)
    widths = [int(Cm(w) * scale) for w in WIDTHS + ([1.7] if log.since else []) + [4.6]]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, cols, widths):
        cell.paragraphs[0].add_run(text).bold = True
        cell.width = width
    due_at = cols.index("Due")
    for label, entries in log.groups:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        merged.paragraphs[0].add_run(group_label(log, label)).bold = True
        for entry in entries:
            for i, (cell, text, width) in enumerate(zip(table.add_row().cells, cells(log, entry), widths)):
                cell.width = width
                if i == due_at and entry.overdue:
                    para = cell.paragraphs[0]
                    para.add_run(text.removesuffix(OVERDUE))
                    late = para.add_run(OVERDUE)
                    late.bold = True
                    late.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)
                else:
                    cell.text = text
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(TABLE_PT)
    return _save(doc)


def _right_tab(paragraph, position) -> None:
    """One tab stop, at the right margin: the header and footer styles' own (centre and right at
    6.5 inches, for Letter portrait) are cleared."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches

    stops = paragraph.paragraph_format.tab_stops
    for inches in (3.25, 6.5):
        stops.add_tab_stop(Inches(inches), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


def _properties(doc, log: "ActionLog", now: datetime) -> None:
    """The document's own properties (core and extended), none left from python-docx's template."""
    props = doc.core_properties
    props.title = clean(log.title, one_line=True)
    props.subject = clean(heading(log), one_line=True)
    props.author = props.last_modified_by = clean(log.body, one_line=True)[:255]
    props.created = props.modified = now
    props.revision = 1
    props.keywords = "action log; minutes"
    props.category = "Action log"
    props.comments = f"Written by minutes {_version()} from the minutes in its database."
    props.language = LANGUAGE
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _app_xml(props.title).encode("utf-8")


def _app_xml(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><TotalTime>0</TotalTime>"
            f"<Application>minutes {escape(_version())}</Application><DocSecurity>0</DocSecurity>"
            "<ScaleCrop>false</ScaleCrop>"
            '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Title</vt:lpstr></vt:variant>'
            "<vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
            f'<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>{escape(title)}</vt:lpstr></vt:vector>'
            "</TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            "<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def _language(doc) -> None:
    """British English as the document's language (spelling, dates typed in Word)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``paragraph``, showing "1" until Word lays the pages out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    for piece in (char("begin"), instr, char("separate")):
        paragraph.add_run()._r.append(piece)
    paragraph.add_run("1")
    paragraph.add_run()._r.append(char("end"))


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:tblHeader")           # repeat the header row on each page
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
