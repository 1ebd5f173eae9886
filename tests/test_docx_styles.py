"""The style part read lazily: each style is parsed when a paragraph uses it, and
the result is the same as parsing the whole part; parts not written plainly are
parsed whole."""
from __future__ import annotations

import io
import zipfile

import pytest

from parsers import ParseError
from parsers import docx as docx_reader
from parsers import docx_styles

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DEFAULTS = '<w:docDefaults><w:rPrDefault><w:rPr><w:b w:val="{bold}"/></w:rPr></w:rPrDefault></w:docDefaults>'
STYLES = (
    '<w:latentStyles w:defLockedState="0"><w:lsdException w:name="Normal"/></w:latentStyles>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Normal"/></w:style>\n'
    "<w:style w:type='paragraph' w:styleId='Lead'><w:name w:val='Lead para'/><w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Quiet"><w:name w:val="Quiet &amp; plain"/>'
    '<w:basedOn w:val="Lead"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="Grid"/>'
    '<w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead again"/></w:style>')  # the last wins


def styles_part(inner: str, bold: str = "0", head: str = "<?xml version='1.0' encoding='UTF-8'?>\n",
                root: str = f'w:styles xmlns:w="{W_NS}"') -> str:
    return f"{head}<{root}>{DEFAULTS.format(bold=bold)}{inner}</{root.split()[0]}>"


def p(text: str, style: str = "", run_style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = f'<w:rPr><w:rStyle w:val="{run_style}"/></w:rPr>' if run_style else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


BODY = (p("Minutes", "Heading1") + p("Lead text", "Lead") + p("Quiet text", "Quiet") + p("Plain")
        + p("Strong words", run_style="Strong") + p("Unknown style", "Nope"))


def package(styles: str, body: str = BODY) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        zf.writestr("word/styles.xml", styles)
    return buf.getvalue()


def model(data: bytes) -> list:
    doc = docx_reader.read("minutes.docx", data)
    return [(type(b).__name__, b.text, getattr(b, "style", None), getattr(b, "level", None),
             [r.bold for r in b.runs]) for b in doc.blocks]


def test_a_plain_style_part_is_indexed_without_parsing_it_whole():
    index = docx_styles._index(styles_part(STYLES).encode())
    assert index is not None
    shell, defaults, styles = index
    assert [(sid, default) for sid, _, default in styles] == [
        ("Normal", True), ("Heading1", False), ("Lead", False), ("Quiet", False), ("Strong", False),
        ("Grid", False), ("Lead", False)]


@pytest.mark.parametrize("bold", ["0", "1"])
@pytest.mark.parametrize("unplain", [
    lambda s: s.replace("</w:styles>", "<!-- <w:style w:styleId='Lead'/> --></w:styles>"),
    lambda s: s.replace("<w:latentStyles", "<?pi here?><w:latentStyles"),
    lambda s: s.replace("<w:latentStyles", '<w:latentStyles xmlns:x="urn:x"'),
    lambda s: s.replace("encoding='UTF-8'", "encoding='ascii'"),
    lambda s: s.replace("</w:styles>", "<![CDATA[<w:style w:styleId='Lead'/>]]></w:styles>"),
    lambda s: styles_part(STYLES, root=f'w:styles xmlns:w="{W_NS}" xmlns:v="{W_NS}"'),
    # indexed: a declaration inside a style is parsed with it
    lambda s: s.replace('w:styleId="Heading1"', 'w:styleId="Heading1" xmlns:x="urn:x"'),
], ids=["comment", "pi", "namespace", "encoding", "cdata", "two-prefixes", "namespace-in-a-style"])
def test_the_index_reads_as_the_whole_part_does(bold, unplain):
    plain = styles_part(STYLES, bold=bold)
    whole = unplain(plain).replace('<w:b w:val="0"/></w:rPr></w:rPrDefault>',
                                   f'<w:b w:val="{bold}"/></w:rPr></w:rPrDefault>')
    assert docx_styles._index(plain.encode()) is not None
    assert (docx_styles._index(whole.encode()) is None) == ("Heading1\" xmlns" not in whole)
    assert model(package(plain)) == model(package(whole))
    expected_bold = bold == "1"
    assert model(package(plain)) == [
        ("Heading", "Minutes", None, 1, [expected_bold]),
        ("Paragraph", "Lead text", "Lead again", None, [expected_bold]),
        ("Paragraph", "Quiet text", "Quiet & plain", None, [False]),
        ("Paragraph", "Plain", None, None, [expected_bold]),
        ("Paragraph", "Strong words", None, None, [True]),
        ("Paragraph", "Unknown style", None, None, [expected_bold]),
    ]


def test_default_namespace_and_other_prefixes_are_parsed_whole():
    default_ns = (f'<styles xmlns="{W_NS}" xmlns:s="{W_NS}"><style s:type="paragraph" s:styleId="Lead">'
                  '<name s:val="Lead"/><rPr><b/></rPr></style></styles>')
    other = default_ns.replace("<", "<s:").replace("<s:/", "</s:").replace(f'xmlns="{W_NS}" ', "")
    assert docx_styles._index(default_ns.encode()) is None
    assert docx_styles._index(other.encode()) is not None
    for part in (default_ns, other):
        assert model(package(part, p("Lead", "Lead"))) == [("Paragraph", "Lead", "Lead", None, [True])]


def test_a_damaged_style_that_is_used_is_refused_naming_the_part():
    part = styles_part(STYLES.replace('<w:name w:val="heading 1"/>', '<w:name w:val="heading 1">'))
    with pytest.raises(ParseError, match=r"word/styles.xml is not well-formed XML \(line 2\)"):
        model(package(part))


def test_a_damaged_style_no_paragraph_uses_is_not_read():
    # The style part is indexed, not parsed whole: a style no paragraph uses is never parsed.
    part = styles_part(STYLES.replace('<w:style w:type="table" w:styleId="Grid"/>',
                                      '<w:style w:type="table" w:styleId="Grid"><w:tblPr></w:style>'))
    assert model(package(part))[0] == ("Heading", "Minutes", None, 1, [False])


def test_a_dtd_in_the_style_part_is_still_refused():
    part = styles_part(STYLES, head='<?xml version="1.0"?><!--' + "x" * 10_000 + '--><!DOCTYPE w:styles [<!ENTITY x "y">]>')
    with pytest.raises(ParseError, match="has a DTD in word/styles.xml"):
        model(package(part))


def test_a_truncated_style_part_is_refused():
    part = styles_part(STYLES)
    with pytest.raises(ParseError, match="word/styles.xml is not well-formed XML"):
        model(package(part[: len(part) - 5]))
