"""The DOCX reader: one rule per test, each on a tiny document built here."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

import parsers
from parsers import ParseError
from parsers import docx as docx_reader
from parsers.document import Heading, Paragraph, Table

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>')


R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def package(body: str, styles: str = "", numbering: str = "", extra: dict | None = None,
            rels: dict | None = None) -> bytes:
    """A minimal .docx written by hand, for what python-docx cannot build;
    ``rels`` adds relationships of the main part ({id: (type, target)})."""
    buf = io.BytesIO()
    more = "".join(f'<Relationship Id="{rid}" Type="{R_NS}/{kind}" Target="{target}"/>'
                   for rid, (kind, target) in (rels or {}).items())
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS.replace("</Relationships>", more + "</Relationships>"))
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
                                         '</w:body></w:document>')
        zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
        zf.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        for name, text in (extra or {}).items():
            zf.writestr(name, text)
    return buf.getvalue()


def saved(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def read(data: bytes):
    return docx_reader.read("minutes.docx", data, max_size=10_000_000)


def p(text: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def texts(document) -> list[str]:
    return [b.text for b in document.blocks if not isinstance(b, Table)]


# -- order, bold, headings ------------------------------------------------------------

def test_paragraphs_and_tables_keep_document_order():
    d = docx.Document()
    d.add_paragraph("Before")
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "In the table"
    d.add_paragraph("After")
    doc = parsers.read_bytes("minutes.docx", saved(d))
    assert doc.format == "docx"
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert [b.loc for b in doc.blocks] == ["paragraph 1", "table 1", "paragraph 2"]
    assert doc.blocks[1].rows[0].cells[0].text == "In the table"


def test_bold_from_the_run_respects_val_false():
    body = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r>'
            '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>plain</w:t></w:r></w:p>')
    (para,) = read(package(body)).blocks
    assert [(r.text, r.bold) for r in para.runs] == [("Bold ", True), ("plain", False)]


def test_bold_from_strong_and_styles_based_on_it():
    d = docx.Document()
    based = d.styles.add_style("My Strong", WD_STYLE_TYPE.CHARACTER)
    based.base_style = d.styles["Strong"]
    para = d.add_paragraph()
    para.add_run("Agreed", style="Strong")
    para.add_run(" by all ")
    para.add_run("today", style="My Strong")
    (block,) = read(saved(d)).blocks
    assert [(r.text, r.bold) for r in block.runs] == [("Agreed", True), (" by all ", False), ("today", True)]


def test_bold_from_the_paragraph_style_unless_the_run_says_not():
    d = docx.Document()
    style = d.styles.add_style("Lead", WD_STYLE_TYPE.PARAGRAPH)
    style.font.bold = True
    para = d.add_paragraph("Item 1 ", style="Lead")
    para.add_run("not bold").bold = False
    (block,) = read(saved(d)).blocks
    assert [(r.text, r.bold) for r in block.runs] == [("Item 1 ", True), ("not bold", False)]
    assert block.style == "Lead"


def test_heading_styles_become_headings_and_title_is_level_one():
    d = docx.Document()
    d.add_heading("Minutes", level=0)
    d.add_heading("Apologies", level=1)
    d.add_heading("Matters arising", level=2)
    d.add_paragraph("Next year", style="Subtitle")
    blocks = read(saved(d)).blocks
    assert [(type(b).__name__, getattr(b, "level", None), b.text) for b in blocks[:3]] == [
        ("Heading", 1, "Minutes"), ("Heading", 1, "Apologies"), ("Heading", 2, "Matters arising")]
    assert isinstance(blocks[3], Paragraph) and blocks[3].style == "Subtitle"


def test_outline_level_makes_a_heading():
    (block,) = read(package(p("Finance", '<w:outlineLvl w:val="2"/>'))).blocks
    assert isinstance(block, Heading) and block.level == 3


def test_empty_paragraphs_are_dropped_and_not_counted():
    blocks = read(package(p("One") + "<w:p/>" + p("  ") + p("Two"))).blocks
    assert [(b.text, b.loc) for b in blocks] == [("One", "paragraph 1"), ("Two", "paragraph 2")]


def test_core_title_goes_to_meta():
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:title>Board  meeting</dc:title></cp:coreProperties>')
    doc = read(package(p("Hello"), extra={"docProps/core.xml": core}))
    assert doc.meta == {"title": "Board meeting"}


# -- numbering --------------------------------------------------------------------

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def test_automatic_numbers_are_rebuilt_without_decoration():
    body = (numbered("Apologies", 1) + numbered("Minutes", 1) + numbered("Accuracy", 1, 1)
            + numbered("Typo", 1, 2) + numbered("Actions", 1, 1) + numbered("Finance", 1))
    blocks = read(package(body, numbering=NUMBERING)).blocks
    assert [(b.label, b.level) for b in blocks] == [
        ("1", 0), ("2", 0), ("2.1", 1), ("a", 2), ("2.2", 1), ("3", 0)]


def test_start_override_restarts_a_list():
    body = numbered("One", 1) + numbered("Five", 3) + numbered("Six", 3)
    blocks = read(package(body, numbering=NUMBERING)).blocks
    assert [b.label for b in blocks] == ["1", "5", "6"]


def test_bullets_have_a_level_but_no_label():
    body = numbered("Tea", 2) + numbered("Green", 2, 1)
    blocks = read(package(body, numbering=NUMBERING)).blocks
    assert [(b.label, b.level) for b in blocks] == [(None, 0), (None, 1)]


def test_numbering_from_the_paragraph_style():
    styles = ('<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = p("First", '<w:pStyle w:val="ListNumber"/>') + p("Second", '<w:pStyle w:val="ListNumber"/>')
    blocks = read(package(body, styles=styles, numbering=NUMBERING)).blocks
    assert [(b.label, b.level, b.style) for b in blocks] == [("1", 0, "List Number"), ("2", 0, "List Number")]


def test_numbering_from_a_style_based_on_a_numbered_style_and_its_tied_level():
    styles = ('<w:style w:type="paragraph" w:styleId="Minute"><w:name w:val="Minute"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="SubMinute"><w:name w:val="Sub minute"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="OurSub"><w:name w:val="Our sub minute"/>'
              '<w:basedOn w:val="SubMinute"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Minute"/>'
              '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>')
    # the numbering part ties level 1 to the "SubMinute" style; the styles say no level
    numbering = NUMBERING.replace('<w:lvl w:ilvl="1"><w:start w:val="1"/>',
                                  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="SubMinute"/>')
    body = (p("Apologies", '<w:pStyle w:val="Minute"/>') + p("Members", '<w:pStyle w:val="OurSub"/>')
            + p("Guests", '<w:pStyle w:val="SubMinute"/>') + p("Unnumbered", '<w:pStyle w:val="Note"/>')
            + p("Finance", '<w:pStyle w:val="Minute"/>'))
    blocks = read(package(body, styles=styles, numbering=numbering)).blocks
    assert [(b.label, b.level) for b in blocks] == [("1", 0), ("1.1", 1), ("1.2", 1), (None, None), ("2", 0)]


def test_real_minutes_keep_bold_leads_and_sub_bullets():
    path = "/work/shared/corpus/real/suffolk-g13-2017-02-21.docx"
    try:
        doc = parsers.read(path)
    except ParseError:
        pytest.skip("the shared corpus is not available")
    texts_ = [(b.text, b.level, b.runs[0].bold) for b in doc.blocks]
    actions = texts_.index(("ACTIONS:", None, True))
    assert texts_[actions + 1:actions + 3] == [
        ("Playtest for everyone", 0, False), ("Provided questionnaire", 1, False)]


# -- inline content -----------------------------------------------------------------

def test_soft_breaks_tabs_and_hyphens():
    body = ('<w:p><w:r><w:t>Date:</w:t><w:tab/><w:t>1 May</w:t><w:br/><w:t>Place</w:t>'
            '<w:cr/><w:t>Town</w:t><w:noBreakHyphen/><w:t>hall</w:t><w:sym w:char="F0FC"/></w:r></w:p>')
    (para,) = read(package(body)).blocks
    assert para.text == "Date: 1 May\nPlace\nTown-hall"


def test_strikethrough_and_italic_from_runs_and_styles():
    styles = ('<w:style w:type="character" w:styleId="Done"><w:name w:val="Done"/>'
              '<w:rPr><w:dstrike/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Aside"><w:name w:val="Aside"/><w:rPr><w:i/></w:rPr></w:style>')
    body = ('<w:p><w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">Book the hall </w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="Done"/><w:b/></w:rPr><w:t xml:space="preserve">and pay </w:t></w:r>'
            '<w:r><w:rPr><w:strike w:val="0"/></w:rPr><w:t>(JS)</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Aside"/></w:pPr><w:r><w:t xml:space="preserve">Noted </w:t></w:r>'
            '<w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>upright</w:t></w:r></w:p>')
    first, second = read(package(body, styles=styles)).blocks
    assert [(r.text.strip(), r.bold, r.struck) for r in first.runs] == [
        ("Book the hall", False, True), ("and pay", True, True), ("(JS)", False, False)]
    assert [(r.text.strip(), r.italic) for r in second.runs] == [("Noted", True), ("upright", False)]


def test_tracked_changes_read_as_accepted():
    body = ('<w:p><w:r><w:t xml:space="preserve">Agreed </w:t></w:r>'
            '<w:del w:id="1"><w:r><w:delText>not </w:delText></w:r></w:del>'
            '<w:ins w:id="2"><w:r><w:t xml:space="preserve">unanimously </w:t></w:r></w:ins>'
            '<w:moveFrom w:id="3"><w:r><w:t>old</w:t></w:r></w:moveFrom>'
            '<w:moveTo w:id="4"><w:r><w:t>today</w:t></w:r></w:moveTo></w:p>')
    (para,) = read(package(body)).blocks
    assert para.text == "Agreed unanimously today"


def test_content_controls_are_read_at_every_level():
    body = ('<w:sdt><w:sdtPr/><w:sdtContent>' + p("Block control") + '</w:sdtContent></w:sdt>'
            '<w:p><w:r><w:t xml:space="preserve">Chair: </w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent>'
            '<w:r><w:t>Ann Lee</w:t></w:r></w:sdtContent></w:sdt></w:p>'
            '<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>' + p("Cell control")
            + '</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>'
            '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
            + p("Click here to enter text.") + '</w:sdtContent></w:sdt>')
    blocks = read(package(body)).blocks
    assert [b.text for b in blocks[:2]] == ["Block control", "Chair: Ann Lee"]
    assert blocks[2].rows[0].cells[0].text == "Cell control"
    assert len(blocks) == 3


def test_hyperlinks_and_fields_read_as_their_visible_text():
    body = ('<w:p><w:hyperlink><w:r><w:t xml:space="preserve">See the site, </w:t></w:r></w:hyperlink>'
            '<w:fldSimple w:instr="DATE"><w:r><w:t xml:space="preserve">1 May, </w:t></w:r></w:fldSimple>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>page 3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:smartTag><w:r><w:t xml:space="preserve"> in London</w:t></w:r></w:smartTag></w:p>')
    (para,) = read(package(body)).blocks
    assert para.text == "See the site, 1 May, page 3 in London"


def test_page_headers_and_footers_are_kept_in_meta_not_in_the_body():
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Harbour Trust board, 3 May 2024"
    d.sections[0].header.add_table(rows=1, cols=2, width=docx.shared.Inches(6)).rows[0].cells[1].text = "Draft"
    d.sections[0].footer.paragraphs[0].text = "Present: Ann Lee, Raj Patel"
    d.add_paragraph("Body text")
    doc = read(saved(d))
    assert texts(doc) == ["Body text"]
    assert doc.meta["page_header"] == "Harbour Trust board, 3 May 2024\nDraft"
    assert doc.meta["page_footer"] == "Present: Ann Lee, Raj Patel"


def _hdr(kind: str, text: str) -> str:
    root = "w:hdr" if kind == "header" else "w:ftr"
    return f'<{root} xmlns:w="{W_NS}">{p(text)}</{root}>'


def test_page_headers_the_sections_show_in_order_first_page_only_where_it_differs():
    sections = ('<w:p><w:pPr><w:sectPr><w:headerReference w:type="first" r:id="rH1"/>'
                '<w:headerReference w:type="default" r:id="rH2"/><w:footerReference w:type="even" r:id="rF1"/>'
                '</w:sectPr></w:pPr><w:r><w:t>Part one</w:t></w:r></w:p>'
                + p("Part two") +
                '<w:sectPr><w:headerReference w:type="default" r:id="rH3"/><w:headerReference w:type="first" '
                'r:id="rH1"/><w:titlePg/></w:sectPr>')
    parts = {"word/header1.xml": _hdr("header", "Cover page"), "word/header2.xml": _hdr("header", "Finance panel"),
             "word/header3.xml": _hdr("header", "Appendix"), "word/footer1.xml": _hdr("footer", "Even pages"),
             "word/header9.xml": _hdr("header", "Never shown")}
    rels = {"rH1": ("header", "header1.xml"), "rH2": ("header", "header2.xml"),
            "rH3": ("header", "header3.xml"), "rF1": ("footer", "footer1.xml"), "rH9": ("header", "header9.xml")}
    doc = read(package(sections, extra=parts, rels=rels))
    assert texts(doc) == ["Part one", "Part two"]
    # section 1 has no different first page, and the settings do not show even pages' own footers
    assert doc.meta["page_header"] == "Finance panel\nCover page\nAppendix"
    assert "page_footer" not in doc.meta
    settings = f'<w:settings xmlns:w="{W_NS}"><w:evenAndOddHeaders/></w:settings>'
    rels["rS"] = ("settings", "settings.xml")
    doc = read(package(sections, extra={**parts, "word/settings.xml": settings}, rels=rels))
    assert doc.meta["page_footer"] == "Even pages"


def test_a_damaged_page_header_is_warned_about_and_the_body_still_read():
    body = p("Body text") + '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/></w:sectPr>'
    doc = read(package(body, extra={"word/header1.xml": f'<w:hdr xmlns:w="{W_NS}"><w:p>'},
                       rels={"rH1": ("header", "header1.xml")}))
    assert texts(doc) == ["Body text"] and "page_header" not in doc.meta
    assert doc.warnings == ["the page header in word/header1.xml is not well-formed XML (line 1): it was not read"]


def test_line_breaks_inside_table_cells_are_kept():
    body = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ann Lee</w:t><w:br/><w:t>Raj Patel</w:t><w:cr/>'
            '<w:t>Sue Moss</w:t></w:r></w:p></w:tc><w:tc>' + p("Present") + '</w:tc></w:tr></w:tbl>')
    (table,) = read(package(body)).blocks
    assert [c.text for c in table.rows[0].cells] == ["Ann Lee\nRaj Patel\nSue Moss", "Present"]


# -- placeholders ---------------------------------------------------------------------

PLACEHOLDER_STYLE = ('<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/>'
                     '<w:rPr><w:color w:val="808080"/></w:rPr></w:style>')


def control(text: str, showing: bool = True, styled: bool = True, part: str = "") -> str:
    pr = ("<w:showingPlcHdr/>" if showing else "") + (
        f'<w:placeholder><w:docPart w:val="{part}"/></w:placeholder>' if part else "")
    rpr = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if styled else ""
    return f'<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent><w:r>{rpr}<w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>'


def label_row(label: str, value: str) -> str:
    return (f'<w:tr><w:tc>{p(label)}</w:tc><w:tc><w:p>{value}</w:p></w:tc></w:tr>')


GLOSSARY = (f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartPr>'
            '<w:name w:val="VenuePrompt"/></w:docPartPr><w:docPartBody>' + p("Type the venue")
            + '</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>')


def test_a_template_label_cells_prompts_are_not_text_and_typed_values_stay():
    rows = (label_row("Chair:", control("Click or tap here to enter text."))
            + label_row("Venue:", control("Type the venue", part="VenuePrompt"))
            + label_row("Clerk:", control("Raj Patel", part="VenuePrompt"))  # typed over, the flag left behind
            + label_row("Date:", control("3 May 2024", showing=False))
            + label_row("Minute taker:", control("Sue Moss", styled=False))
            + label_row("Apologies:", '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
                        '<w:t>Choose an item.</w:t></w:r>')
            + label_row("Guests:", '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
                        '<w:t>Tom Reed</w:t></w:r>'))
    data = package(f"<w:tbl>{rows}</w:tbl>", styles=PLACEHOLDER_STYLE, extra={"word/glossary/document.xml": GLOSSARY},
                   rels={"rG": ("glossaryDocument", "glossary/document.xml")})
    (table,) = read(data).blocks
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Chair:", ""], ["Venue:", ""], ["Clerk:", "Raj Patel"], ["Date:", "3 May 2024"],
        ["Minute taker:", "Sue Moss"], ["Apologies:", ""], ["Guests:", "Tom Reed"]]


def test_a_control_showing_its_placeholder_keeps_its_cell_in_place():
    row = ('<w:tr><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:tc><w:p><w:r><w:rPr>'
           '<w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Enter a name</w:t></w:r></w:p></w:tc>'
           '</w:sdtContent></w:sdt><w:tc>' + p("Treasurer") + '</w:tc></w:tr>')
    (table,) = read(package(f"<w:tbl>{row}</w:tbl>", styles=PLACEHOLDER_STYLE)).blocks
    assert [c.text for c in table.rows[0].cells] == ["", "Treasurer"]


# -- tables ---------------------------------------------------------------------------

def test_grid_span_is_one_cell_with_a_colspan():
    d = docx.Document()
    table = d.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Item"
    table.cell(0, 2).text = "Owner"
    (block,) = read(saved(d)).blocks
    assert [(c.text, c.colspan) for c in block.rows[0].cells] == [("Item", 2), ("Owner", 1)]
    assert len(block.rows[1].cells) == 3


def test_vertical_merge_keeps_the_text_once():
    d = docx.Document()
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "Finance"
    (block,) = read(saved(d)).blocks
    first = [(c.text, c.continued) for c in (r.cells[0] for r in block.rows)]
    assert first == [("Finance", False), ("", True), ("", True)]
    assert [r.loc for r in block.rows] == ["table 1, row 1", "table 1, row 2", "table 1, row 3"]


def test_header_rows_and_grid_before():
    body = ('<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>' + p("Action") + '</w:tc></w:tr>'
            '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>' + p("Late") + '</w:tc></w:tr></w:tbl>')
    (table,) = read(package(body)).blocks
    assert [r.is_header for r in table.rows] == [True, False]
    assert [(c.text, c.colspan) for c in table.rows[1].cells] == [("", 1), ("Late", 1)]


def test_nested_table_in_a_cell():
    d = docx.Document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "Outer"
    cell.add_table(rows=1, cols=1).cell(0, 0).text = "Inner"
    (outer,) = read(saved(d)).blocks
    para, inner = outer.rows[0].cells[0].blocks
    assert (para.text, para.loc) == ("Outer", "table 1, row 1")
    assert isinstance(inner, Table) and inner.loc == "table 1, row 1, table 1"
    assert inner.rows[0].cells[0].text == "Inner"


def test_tables_nested_too_deep_are_warned_about():
    body = p("Top")
    for _ in range(60):
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    doc = read(package(body))
    assert any("nested more than" in w for w in doc.warnings)


# -- refused files --------------------------------------------------------------------

def test_not_a_zip_is_refused():
    with pytest.raises(ParseError, match="minutes.docx: .*zip"):
        read(b"PK\x03\x04 this is not really a zip")


def test_zip_without_a_document_part_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ParseError, match="minutes.docx: is not a Word document"):
        parsers.read_bytes("minutes.docx", buf.getvalue())


def test_zip_bomb_is_refused_before_unpacking():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>')
        zf.writestr("word/media/huge.bin", b"\0" * 3_000_000)
    with pytest.raises(ParseError, match="minutes.docx: would unpack to"):
        docx_reader.read("minutes.docx", buf.getvalue(), max_size=100_000)


def test_too_many_members_are_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(docx_reader.MAX_MEMBERS + 1):
            zf.writestr(f"x/{i}", "")
    with pytest.raises(ParseError, match="minutes.docx: has 10,001 parts"):
        read(buf.getvalue())


def test_a_part_with_a_dtd_is_refused():
    data = package(p("x"), extra={})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            text = src.read(item)
            if item.filename == "word/document.xml":
                text = b'<!DOCTYPE w:document [<!ENTITY lol "lol">]>' + text
            dst.writestr(item, text)
    with pytest.raises(ParseError, match="minutes.docx: has a DTD in word/document.xml"):
        read(buf.getvalue())


def test_truncated_docx_is_refused():
    data = saved(docx.Document())
    with pytest.raises(ParseError, match="minutes.docx: .*damaged or truncated"):
        parsers.read_bytes("minutes.docx", data[: len(data) // 2])


def test_broken_xml_is_refused_naming_the_part():
    with pytest.raises(ParseError, match="minutes.docx: .*word/document.xml is not well-formed"):
        read(package("<w:p><w:r></w:p>"))


def test_numbering_through_a_numbering_style_link():
    numbering = (
        '<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="Agenda"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="8"><w:numStyleLink w:val="Agenda"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>')
    styles = ('<w:style w:type="numbering" w:styleId="Agenda"><w:name w:val="Agenda"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    blocks = read(package(numbered("Opening", 2) + numbered("Closing", 2), styles, numbering)).blocks
    assert [b.label for b in blocks] == ["I", "II"]


def test_strict_open_xml_namespace_is_read():
    strict = package(p("Strict text"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(strict)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item).replace(
                W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"))
    assert texts(read(buf.getvalue())) == ["Strict text"]


def test_text_boxes_are_warned_about():
    body = ('<w:p><w:r><w:t>Visible</w:t></w:r><w:r><w:pict><w:txbxContent>' + p("Boxed")
            + '</w:txbxContent></w:pict></w:r></w:p>')
    doc = read(package(body))
    assert texts(doc) == ["Visible"]
    assert doc.warnings == ["a text box in paragraph 1 was not read"]
