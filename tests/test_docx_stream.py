"""The main part read as it is parsed: the body's children, and the rows of the
body's tables, are read as they end and dropped after, in document order, with
the same model as a whole parse and the same refusals."""
from __future__ import annotations

import io
import zipfile

import pytest

import parsers
from parsers import ParseError
from parsers import docx as docx_reader
from parsers.document import Table

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def package(body: str, document: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document if document is not None else
                    f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


def p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(inner: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def flat(blocks) -> list:
    """Every block as (kind, loc, text), cells included, in order."""
    out = []
    for b in blocks:
        if isinstance(b, Table):
            out.append(("table", b.loc, len(b.rows)))
            for row in b.rows:
                out.append(("row", row.loc, row.is_header, [(c.colspan, c.continued) for c in row.cells]))
                for cell in row.cells:
                    out.extend(flat(cell.blocks))
        else:
            out.append((type(b).__name__, b.loc, b.text))
    return out


def long_body(n: int) -> tuple[str, list]:
    """A body of ``n`` paragraphs, a long table and content in wrappers, and the model expected."""
    rows = "".join("<w:tr>" + tc(p(f"r{i}a")) + tc(p(f"r{i}b")) + "</w:tr>" for i in range(n))
    body = (
        "".join(p(f"Paragraph {i}") for i in range(n))
        + '<w:bookmarkStart w:id="0" w:name="x"/>'
        + "<w:customXml><w:p><w:r><w:t>In custom XML</w:t></w:r></w:p></w:customXml>"
        + '<w:tbl><w:tblPr/><w:tblGrid/>'
        + '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + tc(p("Action")) + tc(p("Owner")) + "</w:tr>"
        + rows
        + "<w:sdt><w:sdtContent><w:tr>" + tc(p("In a control")) + tc(p("x")) + "</w:tr></w:sdtContent></w:sdt>"
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc(p("Late")) + "</w:tr>"
        + '<w:tr><w:trPr><w:del w:id="1"/></w:trPr>' + tc(p("Deleted row")) + "</w:tr>"
        + "<w:tr>" + tc(p("merged"), "<w:vMerge/>") + tc("<w:tbl><w:tr>" + tc(p("nested")) + "</w:tr></w:tbl>")
        + "</w:tr>"
        + "</w:tbl>"
        + '<w:bookmarkEnd w:id="0"/>'
        + "<w:ins><w:p><w:r><w:t>Inserted</w:t></w:r></w:p></w:ins>"
        + "<w:tbl>" + "".join("<w:tr>" + tc(p(f"s{i}")) + "</w:tr>" for i in range(3)) + "</w:tbl>"
        + p("The end") + "<w:sectPr/>")
    expected = [("Paragraph", f"paragraph {i + 1}", f"Paragraph {i}") for i in range(n)]
    expected += [("Paragraph", f"paragraph {n + 1}", "In custom XML"), ("table", "table 1", n + 4),
                 ("row", "table 1, row 1", True, [(1, False), (1, False)]),
                 ("Paragraph", "table 1, row 1", "Action"), ("Paragraph", "table 1, row 1", "Owner")]
    for i in range(n):
        loc = f"table 1, row {i + 2}"
        expected += [("row", loc, False, [(1, False), (1, False)]),
                     ("Paragraph", loc, f"r{i}a"), ("Paragraph", loc, f"r{i}b")]
    expected += [("row", f"table 1, row {n + 2}", False, [(1, False), (1, False)]),
                 ("Paragraph", f"table 1, row {n + 2}", "In a control"), ("Paragraph", f"table 1, row {n + 2}", "x"),
                 ("row", f"table 1, row {n + 3}", False, [(1, False), (1, False)]),
                 ("Paragraph", f"table 1, row {n + 3}", "Late"),
                 ("row", f"table 1, row {n + 4}", False, [(1, True), (1, False)]),
                 ("table", f"table 1, row {n + 4}, table 1", 1),
                 ("row", f"table 1, row {n + 4}, table 1, row 1", False, [(1, False)]),
                 ("Paragraph", f"table 1, row {n + 4}, table 1, row 1", "nested"),
                 ("Paragraph", f"paragraph {n + 2}", "Inserted"), ("table", "table 2", 3)]
    for i in range(3):
        expected += [("row", f"table 2, row {i + 1}", False, [(1, False)]),
                     ("Paragraph", f"table 2, row {i + 1}", f"s{i}")]
    expected += [("Paragraph", f"paragraph {n + 3}", "The end")]
    return body, expected


@pytest.mark.parametrize("n", [0, 1, 3000])
def test_a_long_body_is_read_in_order_across_chunks(n):
    body, expected = long_body(n)
    assert n < 3000 or len(body) > 4 * docx_reader._CHUNK
    doc = docx_reader.read("m.docx", package(body))
    assert flat(doc.blocks) == expected
    assert doc.warnings == []


def test_the_tree_is_never_held_whole(monkeypatch):
    monkeypatch.setattr(docx_reader, "_CHUNK", 256)
    body, _ = long_body(500)
    package_ = docx_reader._Package("m.docx", 10_000_000)
    most = {"body": 0, "table": 0}
    with zipfile.ZipFile(io.BytesIO(package(body))) as package_.zip:
        package_.names = {i.filename: i for i in package_.zip.infolist()}
        raw = package_.raw("word/document.xml")
        for kind, el in package_._body("word/document.xml", raw):
            if kind == docx_reader._ROW:
                most["table"] = max(most["table"], len(el.getparent()))
            if kind == docx_reader._CHILD:
                most["body"] = max(most["body"], len(el.getparent()))
            if kind in (docx_reader._ROW, docx_reader._CHILD):
                assert not any(len(row) == 0 for row in el.iter(f"{{{W_NS}}}tr")), "a row was given cleared"
    # what is held at once: the last child read, the one being read, what lies between and
    # what is parsed past it; never the 500 paragraphs or rows
    assert 0 < most["body"] < 20 and 0 < most["table"] < 20, most


@pytest.mark.parametrize("document, words", [
    (f'<w:document xmlns:w="{W_NS}"><w:body>' + p("x") * 5000 + "<w:p></w:body></w:document>",
     r"word/document.xml is not well-formed XML \(line 1\)"),
    (f'<w:document xmlns:w="{W_NS}"><w:body>' + p("x") * 5000, "word/document.xml is not well-formed XML"),
    (f'<w:settings xmlns:w="{W_NS}"><w:body>' + p("x") + "</w:body></w:settings>", "has no document body"),
    (f'<w:document xmlns:w="{W_NS}">' + p("x") + "</w:document>", "has no document body"),
    (f'<w:document xmlns:w="{W_NS}"></w:document>', "has no document body"),
    ("", "word/document.xml is not well-formed XML"),
    (f'<w:document xmlns:w="{W_NS}">\n<w:body>\n' + p("a &nbsp; b") + "</w:body></w:document>",
     r"word/document.xml is not well-formed XML \(line 3\)"),
    ('<?xml version="1.0"?><!--' + "x" * 100_000 + f'--><!DOCTYPE w:document><w:document xmlns:w="{W_NS}">'
     "<w:body>" + p("x") + "</w:body></w:document>", "has a DTD in word/document.xml"),
    (f'<w:document xmlns:w="{W_NS}"><w:body>' + "<w:tbl><w:tr><w:tc>" * 300 + p("deep")
     + "</w:tc></w:tr></w:tbl>" * 300 + "</w:body></w:document>", "is not well-formed XML"),
])
def test_the_main_part_is_refused_as_before(document, words):
    with pytest.raises(ParseError, match=words):
        docx_reader.read("m.docx", package("", document))


def test_paragraphs_outside_the_body_and_a_second_body_are_not_read():
    document = (f'<w:document xmlns:w="{W_NS}">{p("Before")}<w:body>{p("One")}'
                "<w:tbl><w:tr>" + tc(p("cell")) + "</w:tr></w:tbl></w:body>"
                "<w:body>" + p("Two") + "<w:tbl><w:tr>" + tc(p("cell 2")) + "</w:tr></w:tbl></w:body></w:document>")
    doc = docx_reader.read("m.docx", package("", document))
    assert [x[2] for x in flat(doc.blocks) if x[0] == "Paragraph"] == ["One", "cell"]


def test_too_many_blocks_stops_the_read():
    body = "<w:tbl>" + ("<w:tr>" + tc(p("x")) * 50 + "</w:tr>") * 1200 + "</w:tbl>"
    with pytest.raises(ParseError, match="too many to be minutes"):
        parsers.read_bytes("m.docx", package(body))
