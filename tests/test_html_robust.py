"""The HTML reader on markup it does not expect: tag names that are not HTML,
numbers that are not ASCII, wrappers around every paragraph, comments in
fragments.  Each of these once crashed or refused a readable page."""
from __future__ import annotations

import pytest
from conftest import read_html

from parsers import html as html_reader
from parsers.document import Paragraph, Table, TooManyBlocks, block_budget


@pytest.mark.parametrize("tag", ["list", "heading", "text", "here", "styled", "is_bold", "start",
                                 "inner", "read"])
def test_unknown_tags_read_as_inline_text_whatever_their_name(tag):
    doc = read_html(f"<p>Agreed <{tag}>the budget</{tag}> today.</p>")
    assert [b.text for b in doc.blocks] == ["Agreed the budget today."]


@pytest.mark.parametrize("attr", ['colspan="\u00b2"', 'rowspan="\u00b3"', 'colspan=" 2 "'])
def test_spans_that_are_not_plain_numbers_do_not_stop_the_table(attr):
    doc = read_html(f"<table><tr><td {attr}>Item</td><td>Owner</td></tr><tr><td>A</td><td>B</td></tr></table>")
    [table] = doc.blocks
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[1].cells][-2:] == ["A", "B"]


def test_a_start_that_is_not_a_plain_number_counts_from_one():
    doc = read_html('<ol start="\u00b2"><li>First</li><li>Second</li></ol>')
    assert [b.label for b in doc.blocks] == ["1", "2"]


def test_empty_wrappers_do_not_count_against_the_block_budget():
    page = "<div><section><div><p>A paragraph.</p></div></section></div>\n" * 30
    with block_budget(40):
        doc = html_reader.read(page)
    assert len(doc.blocks) == 30


def test_the_block_budget_still_counts_paragraphs():
    with block_budget(20), pytest.raises(TooManyBlocks):
        html_reader.read("<p>A paragraph.</p>\n" * 30)


def test_text_after_a_comment_in_a_fragment_is_kept():
    [para] = html_reader.read_fragment("<p>Agreed<!-- a note --> the budget<?php x ?> today.</p>")
    assert isinstance(para, Paragraph) and para.text == "Agreed the budget today."


def test_a_cell_reads_alone_and_the_reader_goes_on_after_it():
    doc = read_html("<ol><li>Before<table><tr><td>A <b>b</b></td><td><ul><li>in</li></ul></td></tr></table>"
                    "after</li></ol><blockquote><p>quoted</p></blockquote>")
    before, table, after, quoted = doc.blocks
    assert (before.text, before.label, before.level) == ("Before", "1", 0)
    cell, listed = table.rows[0].cells
    assert [(p.text, p.level, p.label, p.style) for p in cell.blocks] == [("A b", None, None, None)]
    assert [(p.text, p.level) for p in listed.blocks] == [("in", 0)]
    assert (after.text, after.level, after.label) == ("after", 0, None)
    assert (quoted.text, quoted.style) == ("quoted", "quote")


def test_cells_of_text_alone_read_as_cells_with_markup():
    doc = read_html("<table>\n<tr><th>Item</th><td style='font-weight:bold'>Two\nlines</td><td> \n </td></tr>\n"
                    "<tr><td>One</td><td><span>Two</span>\nlines</td><td><!-- x --></td></tr></table>")
    [table] = doc.blocks
    first, second = table.rows
    assert [[(p.text, p.loc, [r.bold for r in p.runs]) for p in c.blocks] for c in first.cells] == [
        [("Item", "line 2", [True])], [("Two lines", "line 2", [True])], []]
    assert [[(p.text, p.loc) for p in c.blocks] for c in second.cells] == [
        [("One", "line 5")], [("Two lines", "line 5")], []]


def test_memory_is_handed_back_after_a_large_page_only(monkeypatch):
    calls = []
    monkeypatch.setattr(html_reader, "_release_freed_memory", lambda: calls.append(1))
    html_reader.read("<p>A short page.</p>")
    assert calls == []
    doc = html_reader.read("<p>A paragraph of a long page.</p>\n" * (html_reader._RELEASE_SIZE // 30))
    assert calls == [1] and len(doc.blocks) == html_reader._RELEASE_SIZE // 30


def test_handing_memory_back_is_harmless_where_it_cannot_be_done():
    html_reader._release_freed_memory()  # glibc's malloc_trim, or nothing elsewhere
    assert html_reader._malloc_trim() is None or callable(html_reader._malloc_trim())
