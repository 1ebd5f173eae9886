"""Fuzzing the parser: random and mutated documents of each format; whatever
comes in, ``parsers.parse_bytes`` returns minutes or raises ``ParseError``."""
from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parsers
from parsers import ParseError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

MD = """---
title: Board
---
# Board meeting

Date: 9 December 2015  Present: Ann Lee (AL), Bob Ray (BR)

## 1. Budget

* **Decision:** agreed.
> ACTION: AL to send the figures | due 2016-01-10

| Action | Owner |
|---|---|
| Send *it* | BR |

Name\tRole\tOrganisation
Ann Lee\tChair\t<p><b>ICAT</b></p>
"""
HTML = ("<html><head><meta charset='utf-8'><title>Board</title><style>.b{font-weight:bold}</style></head>"
        "<body><h1>Board meeting</h1><p>Date: 9 December 2015</p><ol start='2'><li>Welcome<ul><li>AL</li></ul>"
        "</li></ol><table><tr><th>Action</th><th>Owner</th></tr><tr><td rowspan='2' colspan='2'>"
        "<span class='b'>Send</span></td></tr><tr><td>BR</td></tr></table><pre>x</pre></body></html>")
BODY = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Board meeting</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t>ACTION:</w:t></w:r><w:r><w:t xml:space="preserve"> AL to send</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'
        '<w:p><w:r><w:t>Owner</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/>'
        '</w:tc></w:tr></w:tbl><w:sdt><w:sdtContent><w:p><w:r><w:t>In a control</w:t></w:r></w:p></w:sdtContent></w:sdt>')
NUMBERING = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'numbering" Target="numbering.xml"/></Relationships>')
PARTS = {
    "_rels/.rels": RELS,
    "word/_rels/document.xml.rels": DOC_RELS,
    "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{BODY}</w:body></w:document>',
    "word/numbering.xml": f'<w:numbering xmlns:w="{W_NS}">{NUMBERING}</w:numbering>',
    "word/styles.xml": f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Heading1">'
                       '<w:name w:val="heading 1"/><w:basedOn w:val="Heading1"/></w:style></w:styles>',
}


def package(parts: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def parse_or_refuse(name: str, data: bytes) -> None:
    try:
        minutes = parsers.parse_bytes(name, data)
    except ParseError as exc:
        assert str(exc).startswith(f"{name}: ") and "\n" not in str(exc)
        return
    minutes.to_dict()


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with a few bytes replaced, inserted, deleted or cut off."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["replace", "insert", "delete", "cut", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "replace" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 32))]
        elif kind == "cut":
            del data[at:]
        else:  # a stretch repeated: deep nesting, long runs
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 12))]) * draw(st.integers(2, 300))
    return bytes(data)


NAMES = st.sampled_from(["m.docx", "m.html", "m.md", "m.txt", "m"])


@SETTINGS
@given(NAMES, st.binary(max_size=2048))
def test_random_bytes(name, data):
    parse_or_refuse(name, data)


@SETTINGS
@given(NAMES, st.text(max_size=1024))
def test_random_text(name, text):
    parse_or_refuse(name, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.sampled_from(["m.md", "m.txt"]), mutated(MD.encode()))
def test_mutated_markdown(name, data):
    parse_or_refuse(name, data)


@SETTINGS
@given(mutated(HTML.encode()))
def test_mutated_html(data):
    parse_or_refuse("m.html", data)


@SETTINGS
@given(mutated(package(PARTS)))
def test_mutated_docx_zip(data):
    parse_or_refuse("m.docx", data)


@SETTINGS
@given(st.sampled_from(sorted(PARTS)), st.data())
def test_mutated_docx_part(part, data):
    parts = dict(PARTS)
    parts[part] = data.draw(mutated(PARTS[part].encode()))
    parse_or_refuse("m.docx", package(parts))
