"""The Markdown / plain-text reader: one rule per test, tiny inline documents."""
from __future__ import annotations

from conftest import read_md

from parsers.document import Heading, Paragraph, Table


def only(doc, kind):
    return [b for b in doc.blocks if isinstance(b, kind)]


def bold_text(block) -> str:
    return "".join(r.text for r in block.runs if r.bold)


# -- Markdown ----------------------------------------------------------------------
def test_markdown_heading_keeps_level_and_text():
    doc = read_md("""
        ## Finance Committee
    """)
    [heading] = doc.blocks
    assert isinstance(heading, Heading)
    assert (heading.level, heading.text) == (2, "Finance Committee")


def test_markdown_bold_becomes_a_bold_run():
    doc = read_md("""
        **JS: Is the budget agreed?** Yes, it is.
    """)
    [para] = doc.blocks
    assert bold_text(para) == "JS: Is the budget agreed?"
    assert para.text == "JS: Is the budget agreed? Yes, it is."


def test_blocks_carry_their_line_number():
    doc = read_md("""
        # Title

        Some text.
    """)
    assert [b.loc for b in doc.blocks] == ["line 1", "line 3"]


def test_format_is_markdown():
    assert read_md("Hello.").format == "markdown"


# -- HTML fragments --------------------------------------------------------------------
def test_html_paragraph_fragment_becomes_a_paragraph():
    doc = read_md("""
        <p>The meeting opened at ten.</p>
    """)
    [para] = doc.blocks
    assert isinstance(para, Paragraph)
    assert para.text == "The meeting opened at ten."


def test_inline_b_tag_is_bold():
    doc = read_md("""
        Decision made by <b>the Board</b> today.
    """)
    [para] = doc.blocks
    assert bold_text(para) == "the Board"


def test_sup_fragment_reads_as_plain_text():
    doc = read_md("""
        20<sup>th</sup> January 2015
    """)
    [para] = doc.blocks
    assert para.text == "20th January 2015"


def test_html_entity_is_decoded():
    doc = read_md("""
        <p><b>Welcome &amp; Introductions</b></p>
    """)
    [para] = doc.blocks
    assert para.text == "Welcome & Introductions"
    assert bold_text(para) == "Welcome & Introductions"


def test_entity_in_plain_markdown_is_decoded():
    doc = read_md("""
        Fish &amp; chips
    """)
    assert doc.blocks[0].text == "Fish & chips"


# -- tab-separated tables ------------------------------------------------------------------
def test_tab_table_with_header_row():
    doc = read_md("Name\tRole\tOrganisation\nJane Smith (JS)\tChair\tCounty Council\n")
    [table] = doc.blocks
    assert isinstance(table, Table)
    assert table.rows[0].is_header
    assert [c.text for c in table.rows[0].cells] == ["Name", "Role", "Organisation"]
    assert [c.text for c in table.rows[1].cells] == ["Jane Smith (JS)", "Chair", "County Council"]


def test_tab_table_empty_cell_is_kept_in_place():
    doc = read_md("Name\tRole\tOrganisation\nHugh Crouch (HC)\t\tRutland County Council\n")
    [table] = doc.blocks
    assert [c.text for c in table.rows[1].cells] == ["Hugh Crouch (HC)", "", "Rutland County Council"]


def test_tab_table_cells_holding_html_are_read():
    doc = read_md("Item\tDiscussion\tAction\n<b>1</b>\t<p><b>Welcome</b></p> <p>JB opened the meeting.</p>\t\n")
    [table] = doc.blocks
    row = table.rows[1]
    assert row.cells[0].text == "1"
    assert row.cells[1].text == "Welcome\nJB opened the meeting."


def test_tab_row_split_by_blank_line_continues_the_row_above():
    doc = read_md(
        "Item\tDiscussion\tAction\n"
        "3\t<p>First part of the discussion.</p>\t\n"
        "\n"
        "\t<p>Second part of the discussion.</p>\t\n")
    [table] = doc.blocks
    assert len(table.rows) == 2
    assert table.rows[1].cells[1].text == "First part of the discussion.\nSecond part of the discussion."


def test_page_break_row_is_not_a_row():
    doc = read_md(
        "Item\tDiscussion\n"
        "1\tOpening remarks.\n"
        "--\t-----\n"
        "2\tBudget report.\n")
    [table] = doc.blocks
    assert [r.cells[0].text for r in table.rows] == ["Item", "1", "2"]


def test_loose_paragraph_between_table_fragments_continues_the_cell_above():
    doc = read_md(
        "Item\tDiscussion\tAction\n"
        "4\t<p>The group discussed the tender.</p>\t\n"
        "--\t-----\n"
        "\n"
        "Further discussion on the timetable followed.\n"
        "\n"
        "\t<p>Tenders will be issued in March.</p>\t\n")
    assert len(doc.blocks) == 1
    [table] = doc.blocks
    assert len(table.rows) == 2
    assert table.rows[1].cells[1].text == (
        "The group discussed the tender.\nFurther discussion on the timetable followed.\n"
        "Tenders will be issued in March.")


def test_sentence_cut_at_page_end_is_joined_again():
    doc = read_md(
        "Item\tDiscussion\tAction\n"
        "4\t<p>The city council is expected to lead on the</p>\t\n"
        "--\t-----\n"
        "\n"
        "procurement. Some services will be specific to the city.\n"
        "\n"
        "\t<p>Tenders go out in March.</p>\t\n")
    [table] = doc.blocks
    assert table.rows[1].cells[1].text == (
        "The city council is expected to lead on the procurement. "
        "Some services will be specific to the city.\nTenders go out in March.")


def test_sentence_cut_at_the_last_page_break_is_joined_again():
    # the table does not resume after the page break, but the cut is plain
    doc = read_md(
        "Item\tDiscussion\tAction\n"
        "4\t<p>The city council is expected to lead on the</p>\t\n"
        "--\t-----\n"
        "\n"
        "procurement. Some services will be specific to the city.\n")
    [table] = doc.blocks
    assert table.rows[1].cells[1].text == (
        "The city council is expected to lead on the procurement. "
        "Some services will be specific to the city.")


def test_markdown_after_a_tab_table_stays_outside_it_when_a_heading_follows():
    doc = read_md("Name\tRole\nJane Smith\tChair\n\n## 1. Welcome\n\nText.\n")
    assert isinstance(doc.blocks[0], Table)
    assert isinstance(doc.blocks[1], Heading)
    assert len(doc.blocks[0].rows) == 2


# -- metadata that is not text --------------------------------------------------------------
def test_front_matter_is_not_text():
    doc = read_md("""
        ---
        title: Board meeting
        layout: minutes
        ---

        Opening text.
    """)
    assert [b.text for b in doc.blocks] == ["Opening text."]


def test_front_matter_title_goes_to_meta():
    doc = read_md("""
        ---
        title: Board meeting
        ---

        Opening text.
    """)
    assert doc.meta["title"] == "Board meeting"


def test_front_matter_keeps_line_numbers():
    doc = read_md("""
        ---
        title: Board meeting
        ---

        Opening text.
    """)
    assert doc.blocks[0].loc == "line 5"


def test_kramdown_attribute_line_is_ignored():
    doc = read_md("""
        # Minutes
        {: .no_toc}

        Text.
    """)
    assert [b.text for b in doc.blocks] == ["Minutes", "Text."]


# -- other Markdown structures ----------------------------------------------------------------
def test_pipe_table_is_a_table():
    doc = read_md("""
        | Action | Owner |
        |--------|-------|
        | Circulate the report | JS |
    """)
    [table] = doc.blocks
    assert isinstance(table, Table)
    assert table.rows[0].is_header
    assert [c.text for c in table.rows[1].cells] == ["Circulate the report", "JS"]


def test_ordered_list_item_keeps_its_number_as_label():
    doc = read_md("""
        1. Welcome
        2. Finance
    """)
    assert [(p.label, p.text) for p in doc.blocks] == [("1", "Welcome"), ("2", "Finance")]


def test_ordered_list_starting_later_keeps_its_numbers():
    doc = read_md("""
        4. Budget
        5. Any other business
    """)
    assert [p.label for p in doc.blocks] == ["4", "5"]


def test_bullet_list_item_has_no_label_but_a_level():
    doc = read_md("""
        - Jane Smith
    """)
    [para] = doc.blocks
    assert (para.label, para.level) == (None, 0)


def test_block_quote_has_style_quote():
    doc = read_md("""
        > The Chair read out a letter.
    """)
    [para] = doc.blocks
    assert para.style == "quote"
    assert para.text == "The Chair read out a letter."


def test_soft_line_break_is_kept_as_newline():
    doc = read_md("""
        Present:
        Jane Smith
    """)
    [para] = doc.blocks
    assert para.text == "Present:\nJane Smith"


# A row of header words right under the rows of a table, its first column
# meaning what the table's first column means, repeats the header (a page's
# repeated header, a pasted row): the rows after it are still that table's.
REPEATED_HEADER = ("Apologies\n\n"
                   "Name\tRole\tOrganisation\n"
                   "Grace Obi (GO)\tChair\tRiverside Housing\n"
                   "Name\tMember\tOrg\n"
                   "Tomas Ruiz (TR)\tTreasurer\tRiverside Housing\n")


def test_a_repeated_header_row_stays_in_its_table():
    tables = [b for b in read_md(REPEATED_HEADER).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [r.cells[0].text for r in tables[0].rows] == ["Name", "Grace Obi (GO)", "Name", "Tomas Ruiz (TR)"]


def test_a_table_of_other_columns_right_under_a_table_is_a_new_table():
    text = ("Name\tRole\tOrganisation\nGrace Obi (GO)\tChair\tRiverside Housing\n"
            "Item\tDiscussion\tAction\n1\tBudget\tGO\n")
    assert len([b for b in read_md(text).blocks if isinstance(b, Table)]) == 2


def test_a_lone_numbered_line_laid_out_with_a_tab_is_a_heading_line_not_a_table():
    doc = read_md("Venue: the hall\n\n3.\tBudget\n\nThe treasurer reported.\n")
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert [(b.label, b.text) for b in doc.blocks if isinstance(b, Paragraph)][1] == ("3", "Budget")


def test_tabs_at_the_end_of_a_line_are_not_a_table():
    doc = read_md("Present:\t\nAda Byron\t\nAlan Turing\n")
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_line_after_a_table_whose_tabs_are_only_at_its_end_is_text_not_a_row():
    doc = read_md("Name\tRole\nAda Byron\tChair\nAlan Turing\tClerk\n\nApologies\t\t\nGrace Hopper\n")
    [table] = only(doc, Table)
    assert [r.cells[0].text for r in table.rows] == ["Name", "Ada Byron", "Alan Turing"]
    assert [p.text for p in only(doc, Paragraph)] == ["Apologies\nGrace Hopper"]


def test_strikethrough_emphasis_and_their_html_tags_are_kept_on_the_runs():
    doc = read_md("""
        - ~~Book the hall~~ done
        - *Order the chairs* and <del>pay</del> <em>now</em>
        - Plain ~ tilde
    """)
    struck, mixed, plain = doc.blocks
    assert [(r.text.strip(), r.struck) for r in struck.runs] == [("Book the hall", True), ("done", False)]
    assert struck.text == "Book the hall done"
    assert [r.text.strip() for r in mixed.runs if r.italic] == ["Order the chairs", "now"]
    assert [r.text.strip() for r in mixed.runs if r.struck] == ["pay"]
    assert plain.text == "Plain ~ tilde" and not any(r.struck or r.italic for r in plain.runs)


def test_html_br_in_a_markdown_table_cell_is_a_line_break():
    doc = read_md("""
        | Present | Apologies |
        | --- | --- |
        | Ada Byron<br>Alan Turing | none |
    """)
    [table] = doc.blocks
    assert table.rows[1].cells[0].text == "Ada Byron\nAlan Turing"
