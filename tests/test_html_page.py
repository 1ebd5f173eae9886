"""The HTML reader on whole pages: page chrome and the page's own CSS."""
from __future__ import annotations

import parsers
from parsers.document import Table


def read_html(text: str):
    return parsers.read_bytes("t.html", text.encode("utf-8"))


def bold_text(block) -> str:
    return "".join(r.text for r in block.runs if r.bold)


def test_descendant_selector_makes_only_its_subject_bold():
    doc = read_html("""
        <html><head><style>table.minutes td.item { font-weight: bold }</style></head>
        <body><table class="minutes">
        <tr><td class="item">4</td><td><p>SK: Will there be space for ISVA?</p></td></tr>
        </table></body></html>""")
    [table] = doc.blocks
    assert isinstance(table, Table)
    number, discussion = table.rows[0].cells
    assert bold_text(number.blocks[0]) == "4"
    assert bold_text(discussion.blocks[0]) == ""


def test_child_and_sibling_combinators_and_selector_lists():
    doc = read_html("""
        <html><head><style>
          div.notes > span.lead, .x + .chair { font-weight: 700 }
        </style></head>
        <body><div class="notes"><span class="lead">Agreed</span> by all</div>
        <p class="chair">Chair</p></body></html>""")
    assert [bold_text(b) for b in doc.blocks] == ["Agreed", "Chair"]


def test_page_footer_is_skipped_but_an_articles_footer_is_read():
    doc = read_html("""
        <html><body>
        <main><article><p>Meeting closed 11.15am</p>
        <footer><p>Minutes approved 3 March 2015</p></footer></article></main>
        <footer><ul><li><a href="/privacy">Privacy</a></li></ul><p>&copy; The Council 2015</p></footer>
        </body></html>""")
    assert [b.text for b in doc.blocks] == ["Meeting closed 11.15am", "Minutes approved 3 March 2015"]


def test_page_header_is_read():
    doc = read_html("<html><body><header><h1>Board minutes</h1></header><p>Hello.</p></body></html>")
    assert [b.text for b in doc.blocks] == ["Board minutes", "Hello."]
