"""The HTML reader: one rule per test, tiny inline pages."""
from __future__ import annotations

from conftest import parse_html, read_html

import parsers
from parsers.document import Heading, Table


def bold_text(block) -> str:
    return "".join(r.text for r in block.runs if r.bold)


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if not isinstance(b, Table)]


def test_format_is_html():
    assert read_html("<p>Hello.</p>").format == "html"


def test_heading_keeps_level_and_text():
    doc = read_html("<h3>4. Finance</h3>")
    [heading] = doc.blocks
    assert isinstance(heading, Heading)
    assert (heading.level, heading.text) == (3, "4. Finance")


def test_b_tag_is_bold():
    doc = read_html("<p><b>Agreed:</b> the budget.</p>")
    [para] = doc.blocks
    assert bold_text(para) == "Agreed:"


def test_strong_tag_is_bold():
    doc = read_html("<p><strong>Action:</strong> JS to write.</p>")
    assert bold_text(doc.blocks[0]) == "Action:"


def test_font_weight_css_is_bold():
    doc = read_html('<p><span style="font-weight: 700">PR: Why?</span> Because.</p>')
    assert bold_text(doc.blocks[0]) == "PR: Why?"


def test_bold_css_class_is_bold():
    doc = read_html("""
        <html><head><style>.c3 { font-weight: bold }</style></head>
        <body><p><span class="c3">Present</span> today</p></body></html>
    """)
    assert bold_text(doc.blocks[0]) == "Present"


def test_normal_weight_inside_bold_is_not_bold():
    doc = read_html('<p><b>Chair: <span style="font-weight:normal">Jane Smith</span></b></p>')
    assert bold_text(doc.blocks[0]).strip() == "Chair:"


def test_br_is_a_line_break_within_one_paragraph():
    doc = read_html("<p>Present:<br>Jane Smith<br/>Bob Jones</p>")
    [para] = doc.blocks
    assert para.text == "Present:\nJane Smith\nBob Jones"


def test_paragraphs_are_separate_blocks():
    doc = read_html("<p>One.</p><p>Two.</p>")
    assert texts(doc) == ["One.", "Two."]


def test_ordered_list_numbers_become_labels():
    doc = read_html("<ol><li>Welcome</li><li>Finance</li></ol>")
    assert [(p.label, p.text) for p in doc.blocks] == [("1", "Welcome"), ("2", "Finance")]


def test_ordered_list_start_attribute_is_respected():
    doc = read_html('<ol start="4"><li>Budget</li><li>AOB</li></ol>')
    assert [p.label for p in doc.blocks] == ["4", "5"]


def test_ordered_list_value_type_and_reversed_give_the_numbers_shown():
    doc = read_html('<ol type="a"><li>Hall</li><li value="5">Field</li><li>Pond</li></ol>'
                    '<ol type="I" start="3"><li>Roof</li><li>Gutters</li></ol>'
                    '<ol reversed><li>Third</li><li>Second</li><li>First</li></ol>'
                    '<ol style="list-style-type: lower-roman"><li>One</li><li type="A">Two</li></ol>'
                    '<ol style="list-style: none"><li>Unnumbered</li></ol>')
    assert [p.label for p in doc.blocks] == ["a", "e", "f", "III", "IV", "3", "2", "1", "i", "B", None]


def test_list_number_goes_to_the_first_paragraph_of_an_entry_made_of_paragraphs():
    doc = read_html("<ol><li><p><b>Budget</b></p><p>The treasurer spoke.</p></li>"
                    "<li><p>Close</p></li></ol><p>After the list.</p>")
    assert [(p.label, p.text) for p in doc.blocks] == [
        ("1", "Budget"), (None, "The treasurer spoke."), ("2", "Close"), (None, "After the list.")]


def test_an_unordered_list_inside_a_numbered_entry_takes_no_number():
    doc = read_html("<ol><li><ul><li>Point</li></ul></li><li>Next</li></ol>")
    assert [(p.label, p.text) for p in doc.blocks] == [(None, "Point"), ("2", "Next")]


def test_unordered_list_items_have_level_and_no_label():
    doc = read_html("<ul><li>Jane Smith</li><li>Bob Jones</li></ul>")
    assert [(p.label, p.level, p.text) for p in doc.blocks] == [
        (None, 0, "Jane Smith"), (None, 0, "Bob Jones")]


def test_nested_list_is_one_level_deeper():
    doc = read_html("<ul><li>Finance<ul><li>Budget</li></ul></li></ul>")
    assert [(p.level, p.text) for p in doc.blocks] == [(0, "Finance"), (1, "Budget")]


def test_definition_list_term_is_bold_and_separate_from_its_definition():
    doc = read_html("<dl><dt>Chair</dt><dd>Jane Smith</dd></dl>")
    assert texts(doc) == ["Chair", "Jane Smith"]
    assert bold_text(doc.blocks[0]) == "Chair"


def test_table_rows_and_cells():
    doc = read_html("""
        <table>
          <tr><th>Action</th><th>Owner</th></tr>
          <tr><td>Write the report</td><td>JS</td></tr>
        </table>
    """)
    [table] = doc.blocks
    assert table.rows[0].is_header
    assert [[c.text for c in r.cells] for r in table.rows] == [["Action", "Owner"], ["Write the report", "JS"]]


def test_colspan_is_kept_on_the_cell():
    doc = read_html("""
        <table>
          <tr><td>A</td><td>B</td><td>C</td></tr>
          <tr><td colspan="2">Wide</td><td>D</td></tr>
        </table>
    """)
    [table] = doc.blocks
    assert [c.colspan for c in table.rows[1].cells] == [2, 1]


def test_rowspan_leaves_a_continued_cell_in_the_row_below():
    doc = read_html("""
        <table>
          <tr><td rowspan="2">1</td><td>First point.</td></tr>
          <tr><td>Second point.</td></tr>
        </table>
    """)
    [table] = doc.blocks
    second = table.rows[1].cells
    assert len(second) == 2
    assert second[0].continued and second[0].text == ""
    assert second[1].text == "Second point."


def test_single_column_layout_table_is_read_as_blocks():
    doc = read_html("""
        <table><tr><td>
          <h2>Minutes</h2>
          <p>Text.</p>
        </td></tr></table>
    """)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert texts(doc) == ["Minutes", "Text."]


def test_table_nested_in_a_layout_table_is_a_table():
    doc = read_html("""
        <table><tr><td>
          <p>Actions</p>
          <table>
            <tr><td>Action</td><td>Owner</td></tr>
            <tr><td>Book the room</td><td>AL</td></tr>
          </table>
        </td></tr></table>
    """)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [c.text for c in tables[0].rows[1].cells] == ["Book the room", "AL"]


def test_word_export_mso_markup_reads_as_plain_paragraphs():
    doc = read_html("""
        <html xmlns:o="urn:schemas-microsoft-com:office:office">
        <body>
        <p class=MsoNormal><b><span style='font-size:12.0pt'>Present:</span></b><span
        style='font-size:12.0pt'> Jane Smith (JS)<o:p></o:p></span></p>
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>
        </body></html>
    """)
    assert texts(doc) == ["Present: Jane Smith (JS)"]
    assert bold_text(doc.blocks[0]) == "Present:"


def test_word_export_list_paragraphs_are_entries_numbered_by_the_typed_number():
    doc = read_html("""
        <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span
        style='mso-list:Ignore'>3.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
        </span></span><![endif]>Treasurer's report</p>
        <p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if
        !supportLists]><span style='mso-list:Ignore'>(b)<span style='font:7.0pt "Times New Roman"'>&nbsp;
        </span></span><![endif]>Grant from the county</p>
        <p class=MsoListParagraph style='margin-left:36pt'>An indented paragraph, not in a list</p>
    """)
    assert [(p.label, p.level, p.text) for p in doc.blocks] == [
        ("3", 0, "Treasurer's report"), ("b", 1, "Grant from the county"),
        (None, None, "An indented paragraph, not in a list")]


def test_word_export_bullets_in_symbol_and_wingdings_fonts_are_not_text():
    doc = read_html("""
        <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
        !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>&middot;<span
        style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]>Hall hire</p>
        <p class=MsoListParagraphCxSpMiddle style='mso-list:l1 level2 lfo2'><![if !supportLists]><span
        style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span
        style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span></span><![endif]>Keys</p>
        <p class=MsoListParagraphCxSpLast style='mso-list:l1 level3 lfo2'><![if !supportLists]><span
        style='font-family:Wingdings'><span style='mso-list:Ignore'>&sect;<span
        style='font:7.0pt "Times New Roman"'>&nbsp;</span></span></span><![endif]>Spare set</p>
        <p class=MsoListParagraph><span style='font-family:Symbol'>&middot;<span
        style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span>Filtered export</p>
    """)
    assert [(p.label, p.level, p.text) for p in doc.blocks] == [
        (None, 0, "Hall hire"), (None, 1, "Keys"), (None, 2, "Spare set"), (None, 0, "Filtered export")]


def test_a_heading_word_numbered_takes_the_typed_number_as_its_label():
    doc = read_html("""<h2 style='mso-list:l2 level1 lfo3'><![if !supportLists]><span
        style='mso-list:Ignore'>4.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span>
        <![endif]>Finance</h2>""")
    [heading] = doc.blocks
    assert isinstance(heading, Heading) and (heading.label, heading.text) == ("4", "Finance")


def test_script_and_style_are_skipped():
    doc = read_html("""
        <html><head><style>p { color: red }</style></head>
        <body><script>var x = 1;</script><p>Text.</p></body></html>
    """)
    assert texts(doc) == ["Text."]


def test_nav_is_skipped():
    doc = read_html("<body><nav><a href='/'>Home</a></nav><p>Minutes text.</p></body>")
    assert texts(doc) == ["Minutes text."]


def test_navigation_by_class_is_skipped():
    doc = read_html("<body><div class='breadcrumb'>Home &gt; Minutes</div><p>Minutes text.</p></body>")
    assert texts(doc) == ["Minutes text."]


def test_a_layout_wrapper_named_after_its_navigation_is_still_read():
    # "page-navbar" says the page has a navigation bar, not that the wrapper is one
    doc = read_html("<body><div class='page-layout page-navbar'><div class='navbar'>Home</div>"
                    "<main><p>Minutes text.</p></main></div></body>")
    assert texts(doc) == ["Minutes text."]


def test_a_wrapper_classed_as_menu_that_holds_the_article_is_read():
    doc = read_html("<body><div class='menu-open'><article><p>Item one.</p></article></div></body>")
    assert texts(doc) == ["Item one."]


def test_html_title_goes_to_meta():
    doc = read_html("<html><head><title>Board minutes</title></head><body><p>x</p></body></html>")
    assert doc.meta["title"] == "Board minutes"


def test_non_breaking_spaces_are_folded():
    doc = read_html("<p>Jane&nbsp;&nbsp;Smith</p>")
    assert doc.blocks[0].text == "Jane Smith"


# -- encodings -------------------------------------------------------------------------
def test_windows_1252_page_without_declaration_is_decoded():
    data = "<html><body><p>The Chair\u2019s \u201cfinal\u201d report \u2013 agreed</p></body></html>"
    doc = parsers.read_bytes("t.html", data.encode("cp1252"))
    assert doc.blocks[0].text == "The Chair\u2019s \u201cfinal\u201d report \u2013 agreed"


def test_page_declaring_windows_1252_is_decoded_by_its_declaration():
    data = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "</head><body><p>Caf\u00e9 \u2018budget\u2019 \u2026</p></body></html>")
    doc = parsers.read_bytes("t.html", data.encode("cp1252"))
    assert doc.blocks[0].text == "Caf\u00e9 \u2018budget\u2019 \u2026"


def test_utf8_page_is_decoded_as_utf8():
    data = "<html><body><p>K\u00e1tia \u2013 \u20ac5</p></body></html>"
    doc = parsers.read_bytes("t.html", data.encode("utf-8"))
    assert doc.blocks[0].text == "K\u00e1tia \u2013 \u20ac5"


def test_a_page_on_one_line_says_where_by_position():
    minutes = parse_html("<h1>Board</h1><p>Present: Jane Smith (JS), Bob Jones (BJ)</p><h2>1. Finance</h2>"
                         "<p>Action: JS to pay the bill.</p><table><tr><th>Action</th><th>Owner</th></tr>"
                         "<tr><td>Book the hall</td><td>BJ</td></tr></table>")
    assert [(a.text, a.where) for a in minutes.actions] == [
        ("Pay the bill", "paragraph 4"), ("Book the hall", "table 1, row 2")]


def test_a_page_whose_text_is_all_read_as_furniture_warns_and_is_not_refused():
    minutes = parse_html('<body><div class="sidebar"><h1>Board meeting</h1><p>Present: Ann Lee</p></div></body>')
    assert any("no text was read from this page" in w for w in minutes.warnings)


def test_text_left_in_a_table_outside_its_cells_is_read_after_the_table():
    # the closing </table> sits inside a comment, so the rest of the page is in the last row
    doc = read_html("<table><tr><td>Date:</td><td>1 May</td></tr><!-- </table> -->"
                    "<tr><b>Topics</b><p>The budget was set.</p></tr></table>")
    assert isinstance(doc.blocks[0], Table)
    assert [b.text for b in doc.blocks[1:]] == ["Topics", "The budget was set."]


def test_a_rule_typed_as_a_line_of_signs_is_no_line():
    from parsers.blocks import raw_lines
    [para] = read_html("<p>*************<br><b>[2] Budget</b></p>").blocks
    assert ["".join(r.text for r in line) for line in raw_lines(para)] == ["[2] Budget"]


# -- emphasis, strikethrough, right-aligned fragments --------------------------------

def looks(block) -> list[tuple]:
    return [(r.text, r.bold, r.italic, r.struck, r.right) for r in block.runs]


def test_em_i_cite_and_font_style_are_italic():
    doc = read_html('<p>Noted <em>with thanks</em>, <i>nem con</i>, <cite>Standing Orders</cite>, '
                    '<span style="font-style: italic">draft</span> <span style="font-style:normal">x</span></p>'
                    '<p style="font-style:italic">All of it <span style="font-style:normal">but this</span></p>')
    first, second = doc.blocks
    assert [r.text.strip() for r in first.runs if r.italic] == ["with thanks", "nem con", "Standing Orders", "draft"]
    assert first.text == "Noted with thanks, nem con, Standing Orders, draft x"
    assert looks(second) == [("All of it ", False, True, False, False), ("but this", False, False, False, False)]


def test_del_s_strike_and_line_through_are_struck():
    doc = read_html('<ul><li><del>Book the hall</del> (done)</li><li><s>Order chairs</s></li>'
                    '<li><strike>Pay the deposit</strike></li>'
                    '<li><span style="text-decoration: line-through">Print the <b>flyers</b></span></li>'
                    '<li>Not struck</li></ul>')
    assert [[r.text for r in b.runs if r.struck] for b in doc.blocks] == [
        ["Book the hall"], ["Order chairs"], ["Pay the deposit"], ["Print the ", "flyers"], []]
    assert looks(doc.blocks[3])[1] == ("flyers", True, False, True, False)
    assert doc.blocks[0].text == "Book the hall (done)"


def test_a_fragment_floated_right_and_a_right_aligned_block_are_set_to_the_right():
    doc = read_html('<p>Write to the county about the verge<span style="float:right">JS</span></p>'
                    '<p align="right">Signed, the Chair</p>'
                    '<div style="text-align:right">31 May <span style="text-align:left">2024</span></div>'
                    '<table><tr><td>Hedge</td><td align=right>£40</td></tr></table>')
    first, second, third, table = doc.blocks
    assert first.text == "Write to the county about the verge JS"
    assert [(r.text, r.right) for r in first.runs] == [("Write to the county about the verge ", False),
                                                       ("JS", True)]
    assert all(r.right for r in second.runs) and all(r.right for r in third.runs)
    assert [r.right for c in table.rows[0].cells for b in c.blocks for r in b.runs] == [False, True]


def test_br_in_a_table_cell_is_a_line_break_in_the_cell():
    doc = read_html("<table><tr><td>Ann Lee<br>Raj Patel<br/>Sue Moss</td><td><p>Apologies:<br>none</p></td>"
                    "</tr></table>")
    cells = doc.blocks[0].rows[0].cells
    assert [c.text for c in cells] == ["Ann Lee\nRaj Patel\nSue Moss", "Apologies:\nnone"]
