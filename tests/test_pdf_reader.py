"""The PDF reader (parsers/pdf.py): one layout rule per test, on small PDFs
built here (tests/pdf_factory.py) with the standard fonts at exact places."""
from __future__ import annotations

import parsers
from parsers.document import Paragraph, Table
from pdf_factory import Page, pdf, width

PITCH = 14  # points between two baselines of 11-point text
LONG = "the committee went through the figures for the quarter and asked for more detail"


def read(*pages: Page):
    return parsers.read_bytes("t.pdf", pdf(*pages))


def texts(doc) -> list[str]:
    return [b.text if not isinstance(b, Table) else "<table>" for b in doc.blocks]


def wrap(text: str, measure: float = 420) -> list[str]:
    """``text`` set in lines of at most ``measure`` points, as a word processor would."""
    out = [""]
    for word in text.split():
        if out[-1] and width(out[-1] + " " + word) > measure:
            out.append("")
        out[-1] = (out[-1] + " " + word).strip()
    return out


def lines(page: Page, x: float, y: float, *texts_: str, **kw) -> float:
    """Write ``texts_`` one per line from baseline ``y``; returns the next baseline."""
    for text in texts_:
        page.text(x, y, text, **kw)
        y += PITCH
    return y


# -- lines and paragraphs --------------------------------------------------------------------

def test_wrapped_lines_are_one_paragraph_and_a_line_that_stops_short_ends_it():
    page = Page()
    first = ("Treasurer: " + LONG + " about the cost of heating the hall during the winter months, and the "
             "repairs to the roof that the last meeting had asked for.")
    assert len(wrap(first)) == 3
    lines(page, 72, 100, *wrap(first), "Hall bookings were up on last year.")
    assert texts(read(page)) == [first, "Hall bookings were up on last year."]


def test_a_bold_line_then_plain_text_and_a_sentence_then_a_bold_lead_are_two_paragraphs():
    title = "Highways, footpaths and the bridge over the brook at the foot of Mill Lane, again"
    body = ("Repairs to the bridge were reported by the county, and the work is expected to finish before "
            "the end of the month, weather and the supplies permitting, the engineer said.")
    assert 420 - width(title, "B") < width("Repairs")  # the first word would not fit after the title
    assert len(wrap(body)) == 2 and 420 - width(wrap(body)[1]) < width("AB:", "B")  # nor the lead after the text
    page = Page().text(72, 100, title, font="B")
    y = lines(page, 72, 114, *wrap(body))
    lead = "AB: When?"
    page.text(72, y, lead, font="B").text(72 + width(lead + " ", "B"), y, "CD: In May.")
    assert texts(read(page)) == [title, body, "AB: When? CD: In May."]


def test_a_gap_wider_than_the_line_spacing_starts_a_paragraph():
    page = Page()
    lines(page, 72, 100, "First paragraph of the minutes, " + LONG)
    lines(page, 72, 100 + 2.5 * PITCH, "second paragraph of the minutes, " + LONG)
    assert len(read(page).blocks) == 2


def test_a_word_hyphenated_at_the_line_end_is_joined():
    page = Page()
    lines(page, 72, 100, "The clerk will write to the county council about the mainte-",
          "nance of the footpath and the state of the play area equipment.")
    assert texts(read(page)) == ["The clerk will write to the county council about the maintenance of the "
                                 "footpath and the state of the play area equipment."]


def test_odd_spacing_between_words_is_one_space_and_spaced_glyphs_stay_one_word():
    page = Page()
    x = 72
    for word in ("Councillors", "noted", "the", "report."):  # each word and three spaces alone, then a gap
        page.text(x, 100, word + "   ")
        x += width(word + "   ") + 6
    x = 72
    for letter in "Quorate":  # one glyph at a time, a little apart
        page.text(x, 130, letter)
        x += width(letter) + 0.8
    assert texts(read(page)) == ["Councillors noted the report.", "Quorate"]


def test_a_ligature_glyph_reads_as_its_letters():
    page = Page().text(72, 100, "The").ligature(72 + width("The "), 100, "nance report")
    assert texts(read(page)) == ["The finance report"]


def test_a_tab_gap_between_two_pieces_of_a_line_keeps_them_apart():
    page = Page().text(72, 100, "Present:").text(160, 100, "Ann Lee, Chair").text(320, 100, "Raj Patel, Treasurer")
    assert read(page).blocks[0].text == "Present:\nAnn Lee, Chair\nRaj Patel, Treasurer"


# -- headings, bold, lists ----------------------------------------------------------------------

def test_headings_from_size_levelled_and_bold_kept_as_bold_runs():
    page = Page().text(72, 60, "Parish Council", size=20, font="B").text(72, 80, "Minutes", size=16)
    page.text(72, 110, "1. Apologies", font="B")
    lead = "Apologies were received from "
    page.text(72, 124, lead).text(72 + width(lead), 124, "Cllr Moss", font="B")
    page.text(72 + width(lead) + width("Cllr Moss", "B"), 124, ".")
    doc = read(page)
    assert [(type(b).__name__, getattr(b, "level", None), b.text) for b in doc.blocks[:3]] == [
        ("Heading", 1, "Parish Council"), ("Heading", 2, "Minutes"), ("Paragraph", 0, "Apologies")]
    assert [(r.text, r.bold) for r in doc.blocks[2].runs] == [("Apologies", True)]
    para = doc.blocks[3]
    assert isinstance(para, Paragraph) and [(r.text, r.bold) for r in para.runs] == [
        ("Apologies were received from ", False), ("Cllr Moss", True), (".", False)]


def test_bullets_symbol_font_and_round_make_list_entries_levelled_by_indent():
    page = Page().text(72, 100, "The clerk reported on:")
    page.symbol_bullet(80, 114).text(98, 114, "the bus shelter, which is to be repaired by the county in the spring,")
    page.text(98, 128, "weather permitting;")
    page.text(110, 142, "•").text(125, 142, "the glass panels first")
    page.symbol_bullet(80, 156).text(98, 156, "the allotments.")
    data = pdf(page)
    from parsers.pdf_source import open_pages
    assert "\uf0b7" in {c.text for p in open_pages("t.pdf", data, 1 << 20) for c in p.chars}  # as Word writes it
    doc = parsers.read_bytes("t.pdf", data)
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("The clerk reported on:", None),
        ("the bus shelter, which is to be repaired by the county in the spring, weather permitting;", 0),
        ("the glass panels first", 1), ("the allotments.", 0)]


def test_list_levels_are_ranked_within_their_cell():
    page = Page().symbol_bullet(80, 100).text(98, 100, "A list on the page, at level 0")
    _ruled(page, 130, [["Item", "Discussion", "Action"], ["1", "", ""]], height=60)
    page.symbol_bullet(130, 214).text(145, 214, "A list in a cell, further in, also at level 0")
    doc = read(page)
    cell = doc.blocks[1].rows[1].cells[1]
    assert [(b.text, b.level) for b in [doc.blocks[0], *cell.blocks]] == [
        ("A list on the page, at level 0", 0), ("A list in a cell, further in, also at level 0", 0)]


def test_a_number_followed_by_a_tab_opens_a_paragraph_and_is_its_label():
    page = Page()
    page.text(72, 100, "The council noted the report from the police and thanked the officers for")
    page.text(72, 114, "3").text(100, 114, "Planning applications were considered in turn by the council, with")
    page.text(100, 128, "no objections raised.")
    doc = read(page)
    assert texts(doc) == [
        "The council noted the report from the police and thanked the officers for",
        "Planning applications were considered in turn by the council, with no objections raised."]
    assert (doc.blocks[1].label, doc.blocks[1].level) == ("3", 0)


def test_typed_numbers_are_labels_levelled_by_indent_and_initials_times_and_counts_are_not():
    page = Page()
    rows = [(72, "1. Apologies were received from two members."), (90, "2.1 The hall roof is to be repaired."),
            (90, "a) The gutters first."), (108, "(ii) Then the tiles."), (72, "2) Finance"),
            (72, "J. Smith gave the treasurer's report."), (72, "10.30 The meeting resumed."),
            (72, "30 members were present.")]
    for k, (x, text) in enumerate(rows):
        page.text(x, 100 + 2 * PITCH * k, text)
    doc = read(page)
    assert [(b.label, b.level, b.text) for b in doc.blocks] == [
        ("1", 0, "Apologies were received from two members."), ("2.1", 1, "The hall roof is to be repaired."),
        ("a", 1, "The gutters first."), ("ii", 2, "Then the tiles."), ("2", 0, "Finance"),
        (None, None, "J. Smith gave the treasurer's report."), (None, None, "10.30 The meeting resumed."),
        (None, None, "30 members were present.")]


# -- reading order and furniture --------------------------------------------------------------------

def test_a_two_column_page_is_read_left_column_first():
    page = Page().text(72, 70, "Newsletter of the residents association, spring", size=14)
    left = [f"Left column line {n} about the summer fete and its stalls" for n in range(10)]
    right = [f"Right column line {n} about the litter pick in the park" for n in range(10)]
    lines(page, 50, 100, *left, size=8)
    lines(page, 320, 100, *right, size=8)
    text = " ".join(texts(read(page)))
    assert text.index("Left column line 9") < text.index("Right column line 0")
    assert text.index("Left column line 0") < text.index("Left column line 9")


def test_running_header_footer_and_page_numbers_are_dropped_and_a_paragraph_runs_on():
    pages = []
    for n in (1, 2, 3):
        page = Page().text(72, 40, "Harbour Trust board, minutes of 3 March 2015", size=8)
        page.text(72, 810, f"Registered charity 1234567   Page {n} of 3", size=8)
        page.text(520, 790, str(11 + n))  # a minute-book number at the foot of the page
        pages.append(page)
    lines(pages[0], 72, 100, "Opening words of the first page.")
    lines(pages[0], 72, 770, "The chair proposed that the trust should write to every member about the")
    lines(pages[1], 72, 100, "new moorings, and the board agreed.")
    lines(pages[2], 72, 100, "Closing words of the last page.")
    assert texts(read(*pages)) == [
        "Opening words of the first page.",
        "The chair proposed that the trust should write to every member about the new moorings, "
        "and the board agreed.",
        "Closing words of the last page."]


def test_the_signature_block_is_dropped_unless_it_holds_the_only_year():
    def minutes(held: str) -> Page:
        page = Page()
        lines(page, 72, 100, *wrap(f"The meeting of the residents association was held {held}, with eleven "
                                   "members present and the treasurer in the chair."), "The meeting closed at 9 pm.")
        page.text(300, 200, "Chairman").text(360, 200, "....................")
        page.text(300, 230, "Date:").text(360, 230, "4 November 2025")
        return page

    assert texts(read(minutes("on 7 October 2025")))[1:] == ["The meeting closed at 9 pm."]
    assert texts(read(minutes("in the village hall")))[-1] == "Date:\n4 November 2025"


def test_a_few_large_glyphs_do_not_make_a_line_a_heading():
    page = Page().text(72, 100, "Approved by the chair").text(190, 100, "~~", size=24)
    assert [type(b).__name__ for b in read(page).blocks] == ["Paragraph"]


def test_a_scanned_page_among_text_pages_is_warned_about():
    doc = read(Page().text(72, 150, "Minutes of the board, page one."), Page().image())
    assert texts(doc) == ["Minutes of the board, page one."]
    assert doc.warnings == ["page 2 has no text (a scanned image?): run OCR on it to read it"]


def test_roman_page_numbers_at_the_top_are_dropped():
    pages = [Page().text(500, 40, number).text(72, 150, f"Foreword, part {k}.") for k, number in
             enumerate(("ii", "iii"), 1)]
    assert texts(read(*pages)) == ["Foreword, part 1.", "Foreword, part 2."]


# -- tables -------------------------------------------------------------------------------------------

def _ruled(page: Page, top: float, rows: list[list[str]], xs=(60, 110, 450, 540), height=30, bold_first=False):
    ys = [top + height * k for k in range(len(rows) + 1)]
    page.grid(list(xs), ys)
    for k, row in enumerate(rows):
        for x, text in zip(xs, row):
            if text:
                page.text(x + 4, ys[k] + 14, text, font="B" if bold_first and k == 0 else "R")
    return page


def test_a_ruled_table_over_two_pages_is_one_table_without_its_repeated_header():
    head = ["Item", "Discussion", "Action"]
    one = _ruled(Page(), 100, [head, ["1", "Welcome and apologies", ""], ["2", "Budget for next year", "JS"]],
                 bold_first=True)
    two = _ruled(Page(), 60, [head, ["3", "Any other business", "AL"]], bold_first=True)
    doc = read(one, two)
    assert len(doc.blocks) == 1 and isinstance(doc.blocks[0], Table)
    table = doc.blocks[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        head, ["1", "Welcome and apologies", ""], ["2", "Budget for next year", "JS"], ["3", "Any other business", "AL"]]
    assert table.rows[0].is_header and not table.rows[3].is_header
    assert table.loc == "page 1, table 1"
    assert [r.loc for r in table.rows] == ["page 1, table 1, row 1", "page 1, table 1, row 2",
                                           "page 1, table 1, row 3", "page 2, table 1, row 2"]


def test_a_row_broken_over_the_page_is_joined_to_the_row_above():
    one = _ruled(Page(), 100, [["Item", "Discussion", "Action"], ["4", "The board discussed the budget and", "DH"]])
    two = _ruled(Page(), 60, [["", "agreed to the new heating contract.", ""], ["5", "Date of next meeting", ""]])
    table = read(one, two).blocks[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Item", "Discussion", "Action"],
        ["4", "The board discussed the budget and agreed to the new heating contract.", "DH"],
        ["5", "Date of next meeting", ""]]


def test_a_row_that_fills_a_whole_page_is_still_the_table_it_runs_on_from():
    one = _ruled(Page(), 100, [["Item", "Discussion", "Action"], ["4", "The board discussed the budget and", "DH"]])
    two = _ruled(Page(), 60, [["", "agreed to the new heating contract.", ""]], height=700)  # one cell of text
    three = _ruled(Page(), 60, [["", "It also noted the audit.", ""], ["5", "Date of next meeting", ""]])
    doc = read(one, two, three)
    assert len(doc.blocks) == 1
    assert [[c.text for c in r.cells] for r in doc.blocks[0].rows][1:] == [
        ["4", "The board discussed the budget and agreed to the new heating contract.\nIt also noted the audit.", "DH"],
        ["5", "Date of next meeting", ""]]


def test_a_bold_heading_at_the_foot_of_a_broken_row_stays_apart_from_the_next_page():
    one = _ruled(Page(), 100, [["Item", "Discussion", "Action"], ["4", "", ""]])
    one.text(114, 154, "Decisions", font="B")
    two = _ruled(Page(), 60, [["", "1. Opening hours of the library", ""], ["5", "Any other business", ""]],
                 bold_first=True)
    cell = read(one, two).blocks[0].rows[1].cells[1]
    assert [(b.label, b.text) for b in cell.blocks] == [(None, "Decisions"), ("1", "Opening hours of the library")]


def test_merged_cells_are_read_once():
    page = Page()
    xs, ys = [60, 200, 350, 500], [100, 130, 160, 190]
    for y in ys[:1] + ys[2:]:
        page.line(xs[0], y, xs[-1], y)
    page.line(xs[0], ys[1], xs[2], ys[1])       # no rule under the last column's first cell
    page.line(xs[0], ys[0], xs[0], ys[-1]).line(xs[-1], ys[0], xs[-1], ys[-1])
    page.line(xs[1], ys[1], xs[1], ys[-1])      # the first row's first two cells are one
    page.line(xs[2], ys[0], xs[2], ys[-1])
    page.text(64, 114, "Finance committee").text(354, 130, "Ann Lee")
    page.text(64, 144, "Budget").text(204, 144, "Agreed")
    page.text(64, 174, "Audit").text(204, 174, "Noted").text(354, 174, "Raj Patel")
    table = read(page).blocks[0]
    assert [[(c.text, c.colspan, c.continued) for c in r.cells] for r in table.rows] == [
        [("Finance committee", 2, False), ("Ann Lee", 1, False)],
        [("Budget", 1, False), ("Agreed", 1, False), ("", 1, True)],
        [("Audit", 1, False), ("Noted", 1, False), ("Raj Patel", 1, False)]]


def test_columns_lined_up_by_tabs_are_an_unruled_table():
    page = Page().text(72, 80, "Present")
    rows = [("Name", "Role", "Organisation"), ("Ann Lee", "Chair", "Harbour Trust"),
            ("Raj Patel", "Treasurer", "Rowing Club"), ("Sue Moss", "Clerk", "Parish Council")]
    for k, row in enumerate(rows):
        for x, text in zip((72, 200, 330), row):
            page.text(x, 100 + PITCH * k, text, font="B" if k == 0 else "R")
    doc = read(page)
    assert texts(doc) == ["Present", "<table>"]
    table = doc.blocks[1]
    assert [[c.text for c in r.cells] for r in table.rows] == [list(r) for r in rows]
    assert table.rows[0].is_header and table.rows[2].loc == "page 1, table 1, row 3"


def test_a_box_round_one_paragraph_is_not_a_table():
    page = Page().grid([60, 540], [90, 130]).text(70, 114, "Approved as a true record by the board.")
    assert texts(read(page)) == ["Approved as a true record by the board."]


# -- locators, and the model read by the extractors -------------------------------------------------

def test_locators_are_page_and_line():
    one, two = Page(), Page()
    lines(one, 72, 100, "Minutes of the Harbour Trust board")
    lines(one, 72, 130, "Held on 3 March 2015")
    lines(two, 72, 100, "Any other business: none.")
    assert [b.loc for b in read(one, two).blocks] == ["page 1, line 1", "page 1, line 2", "page 2, line 1"]


def test_pdf_minutes_parse_into_records_with_pdf_places():
    page = Page().text(72, 60, "Harbour Trust Board", size=16, font="B").text(72, 80, "3 March 2015")
    _ruled(page, 120, [["Item", "Discussion", "Action"], ["1", "Moorings: JS to send the new tariff to members.", "JS"]],
           bold_first=True)
    minutes = parsers.parse_bytes("board.pdf", pdf(page)).to_dict()
    assert minutes["source"]["format"] == "pdf" and minutes["meeting"]["date"] == "2015-03-03"
    assert [(a["owners"], a["where"]) for a in minutes["actions"]] == [(["JS"], "page 1, table 1, row 2")]


def test_a_pdf_is_known_by_its_bytes_and_a_text_that_quotes_the_header_is_not_one():
    data = pdf(Page().text(72, 100, "Minutes of the board"))
    assert parsers.read_bytes("minutes.docx", data).format == "pdf"
    assert parsers.read_bytes("scan.pdf", b"\r\n" + data).format == "pdf"  # junk before the header
    assert parsers.read_bytes("notes.md", b"# Notes\n\nFiles start %PDF-1.7, as we saw.\n").format == "markdown"


def test_a_table_ruled_only_across_is_a_ruled_table_with_columns_from_its_text():
    page = Page().text(72, 80, "Actions")
    ys = [100, 130, 174, 204]
    for y in ys:
        page.line(60, y, 540, y)
    for x, text in zip((64, 330, 450), ("Action", "Owner", "Due")):
        page.text(x, 119, text, font="B")
    page.text(64, 149, "Book the hall for the summer fete and").text(64, 163, "confirm the insurance")
    page.text(330, 149, "Ann Lee").text(450, 149, "1 June")
    page.text(64, 193, "Order the chairs").text(330, 193, "Raj Patel").text(450, 193, "8 June")
    doc = read(page)
    assert texts(doc) == ["Actions", "<table>"]
    table = doc.blocks[1]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Action", "Owner", "Due"], ["Book the hall for the summer fete and confirm the insurance", "Ann Lee", "1 June"],
        ["Order the chairs", "Raj Patel", "8 June"]]
    assert table.rows[0].is_header and table.loc == "page 1, table 1"


def test_rules_between_paragraphs_are_no_table():
    page = Page()
    for y in (90, 150, 210):
        page.line(60, y, 540, y)
    lines(page, 72, 110, *wrap("The clerk reported that the " + LONG + " and the hall."))
    lines(page, 72, 170, "Date of next meeting:", "4 June at the village hall")
    assert "<table>" not in texts(read(page))
