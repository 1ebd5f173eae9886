"""Agenda items: numbered headings, numbered paragraphs, item tables, labels."""
from __future__ import annotations

from conftest import parse_html, parse_md


def items(text: str) -> list[dict]:
    return parse_md(text).to_dict()["items"]


def numbers_and_titles(text: str) -> list[tuple]:
    return [(i["number"], i["title"]) for i in items(text)]


# -- numbered headings ------------------------------------------------------------------
def test_numbered_heading_is_an_item():
    assert numbers_and_titles("""
        # Finance Committee

        ## 1. Welcome

        The chair opened the meeting.

        ## 2. Finance

        The accounts were presented.
    """) == [("1", "Welcome"), ("2", "Finance")]


def test_item_text_is_its_first_sentence():
    [item] = items("""
        # Finance Committee

        ## 2. Finance

        The accounts were presented. They balanced.
    """)
    assert item["text"] == "The accounts were presented."


def test_item_word_in_heading_gives_bare_number():
    assert numbers_and_titles("""
        # Finance Committee

        ## Item 4 – Budget

        Text.
    """) == [("4", "Budget")]


def test_sub_item_number_is_kept():
    assert numbers_and_titles("""
        # Finance Committee

        ## 2. Finance

        Text.

        ### 2.1 Budget

        More text.
    """) == [("2", "Finance"), ("2.1", "Budget")]


def test_number_with_letter_is_kept():
    assert numbers_and_titles("""
        # Finance Committee

        ## 5b Grants

        Text.
    """) == [("5b", "Grants")]


def test_html_numbered_headings_are_items():
    minutes = parse_html("<h1>Board</h1><h2>1. Welcome</h2><p>Hello.</p><h2>2. Finance</h2><p>Money.</p>")
    assert [(i.number, i.title) for i in minutes.items] == [("1", "Welcome"), ("2", "Finance")]


# -- numbered paragraphs -------------------------------------------------------------------------
def test_numbered_paragraph_then_text_is_an_item():
    assert numbers_and_titles("""
        # Finance Committee

        1. Welcome

        The chair welcomed everyone.

        2. Minutes of the last meeting

        Approved as a true record.
    """) == [("1", "Welcome"), ("2", "Minutes of the last meeting")]


def test_numbered_paragraph_with_text_on_the_next_line():
    assert numbers_and_titles("""
        # Finance Committee

        3. Treasurer's report
        The balance is £1,200.
    """) == [("3", "Treasurer's report")]


def test_bold_numbered_paragraph_is_an_item():
    assert numbers_and_titles("""
        # Finance Committee

        **1. Apologies**

        None received.
    """) == [("1", "Apologies")]


def test_html_ordered_list_items_are_numbered_items():
    minutes = parse_html("""
        <ol><li><b>Welcome</b></li></ol><p>The chair opened the meeting.</p>
        <ol start="2"><li><b>Finance</b></li></ol><p>Accounts presented.</p>
    """)
    assert [(i.number, i.title) for i in minutes.items] == [("1", "Welcome"), ("2", "Finance")]


# -- item tables ---------------------------------------------------------------------------------
ITEM_TABLE = (
    "Item\tDiscussion\tAction\n"
    "<b>1</b>\t<p><b>Welcome &amp; Introductions</b></p> <p>JB opened the meeting.</p>\t\n"
    "<b>2</b>\t<p><b>Procurement</b></p> <p>PG gave a presentation.</p>\t\n"
    "\n"
    "\t<p>Questions followed the presentation.</p>\t\n"
    "<p><b>3</b></p>\t<p><b>AOB</b></p> <p>None.</p>\t\n")


def test_item_table_rows_are_items_with_bold_titles():
    assert numbers_and_titles(ITEM_TABLE) == [
        ("1", "Welcome & Introductions"), ("2", "Procurement"), ("3", "AOB")]


def test_item_table_item_text_follows_the_title():
    assert items(ITEM_TABLE)[0]["text"] == "JB opened the meeting."


def test_continuation_row_stays_in_the_item_above():
    assert [i["number"] for i in items(ITEM_TABLE)] == ["1", "2", "3"]


def test_continuation_after_page_break_stays_in_the_item_above():
    text = ("Item\tDiscussion\n"
            "1\tOpening.\n"
            "--\t-----\n"
            "\tMore opening remarks.\n"
            "2\tClose.\n")
    assert [i["number"] for i in items(text)] == ["1", "2"]


def test_item_label_in_table_cell_gives_bare_number():
    text = "Item\tDiscussion\nItem 4\tThe budget was discussed.\n"
    assert [i["number"] for i in items(text)] == ["4"]


def test_html_item_table_with_rowspan_continuation():
    minutes = parse_html("""
        <table>
          <tr><th>No.</th><th>Discussion</th></tr>
          <tr><td rowspan="2">1</td><td><b>Welcome</b> Hello.</td></tr>
          <tr><td>More.</td></tr>
          <tr><td>2</td><td><b>Finance</b> Money.</td></tr>
        </table>
    """)
    assert [i.number for i in minutes.items] == ["1", "2"]


# -- unnumbered documents --------------------------------------------------------------------------
def test_unnumbered_headings_are_items_when_nothing_is_numbered():
    assert numbers_and_titles("""
        # Team meeting

        3 March 2016

        ## Welcome

        Hello all.

        ## Budget

        We discussed money.
    """) == [(None, "Welcome"), (None, "Budget")]


def test_unnumbered_headings_are_not_items_when_items_are_numbered():
    assert numbers_and_titles("""
        # Finance Committee

        ## 1. Finance

        Text.

        ### Background

        More.

        ## 2. AOB

        None.
    """) == [("1", "Finance"), ("2", "AOB")]


def test_attendance_heading_is_not_an_item():
    found = numbers_and_titles("""
        # Team meeting

        ## Attendees

        - Jane Smith

        ## Budget

        We discussed money.
    """)
    assert found == [(None, "Budget")]


# -- warnings -------------------------------------------------------------------------------
def test_skipped_number_gives_a_warning():
    minutes = parse_md("""
        # Finance Committee

        ## 1. Welcome

        Hello.

        ## 3. Finance

        Money.
    """)
    assert any("item 2" in w and "3" in w for w in minutes.warnings)


def test_consecutive_numbers_give_no_warning():
    minutes = parse_md("""
        # Finance Committee

        ## 1. Welcome

        Hello.

        ## 2. Finance

        Money.
    """)
    assert minutes.warnings == []


# -- provenance ------------------------------------------------------------------------------
def test_every_item_has_a_where():
    found = items(ITEM_TABLE) + items("""
        # Finance Committee

        ## 1. Welcome

        Hello.

        2. Finance

        Money.
    """)
    assert found and all(i["where"] for i in found)


def test_heading_item_where_is_its_line():
    [item] = items("""
        # Minutes

        ## 1. Welcome

        Hello.
    """)
    assert item["where"] == "line 3"


def test_item_minute_action_by_table():
    minutes = parse_html("""
        <h1>Trust board</h1>
        <table>
          <tr><th>Item</th><th>Minute</th><th>Action by</th></tr>
          <tr><td>1</td><td><p><b>Welcome</b></p><p>The chair welcomed trustees.</p></td><td></td></tr>
          <tr><td>2</td><td><p><b>Finance</b></p><p>PN will open a deposit account.</p></td><td>PN</td></tr>
        </table>
    """)
    assert [(i.number, i.title) for i in minutes.items] == [("1", "Welcome"), ("2", "Finance")]
    assert [(a.item, a.owners, a.text) for a in minutes.actions] == [("2", ["PN"], "Open a deposit account")]


def test_minutes_of_the_last_meeting_is_an_ordinary_item():
    minutes = parse_md("""
        # Board

        ## 2. Minutes of the last meeting

        - Approved.
    """)
    assert minutes.updates == [] and [i.number for i in minutes.items] == ["2"]


def test_sub_headings_of_the_agenda_are_not_items_when_the_minutes_have_their_own():
    minutes = parse_md("""
        # TSC Meeting 2015-06-03

        ## Agenda

        ### nodejs/io.js

        * Split the agenda in two

        ## Minutes

        ### Split the agenda in two

        Rod: can there be a clear distinction?
    """)
    assert [i.title for i in minutes.items] == ["Split the agenda in two"]


PDF_TABLE = (
    "Safer Communities Partnership Board\n\n"
    "Minutes of meeting held on Tuesday 3 March 2016\n\n"
    "Item\tNotes\tAction\n"
    "1.\tWelcome and introductions\n"
    "The Chair welcomed members.\t\n"
    "2.\tDomestic abuse strategy\n"
    "DP presented the draft strategy.\n"
    "ACTION – DP/SMcB: circulate the final strategy.\n"
    "Partners to send comments on the plan.\tDP/SMcB\n"
    "--\t-----\n\n"
    "3.\tAny other business\n"
    "None.\t\n")


def test_a_pdf_table_whose_rows_run_over_several_lines():
    minutes = parse_md(PDF_TABLE)
    assert minutes.meeting.title == "Safer Communities Partnership Board"
    assert [(i.number, i.title, i.text) for i in minutes.items] == [
        ("1", "Welcome and introductions", "The Chair welcomed members."),
        ("2", "Domestic abuse strategy", "DP presented the draft strategy."),
        ("3", "Any other business", "None.")]
    assert [(a.item, a.owners, a.text) for a in minutes.actions] == [
        ("2", ["DP", "SMcB"], "circulate the final strategy")]


def test_a_numbered_date_of_next_meeting_is_an_item_and_its_date_is_not():
    minutes = parse_md("""
        # Allotment Society

        3\\. Water supply

        The trough leaks.

        4\\. Date of next meeting

        6 June 2022
    """)
    assert [(i.number, i.title) for i in minutes.items] == [("3", "Water supply"), ("4", "Date of next meeting")]


def test_the_numbered_agenda_is_the_plan_and_the_notes_hold_the_items():
    minutes = parse_md("""
        # Working group notes

        ## Agenda

        1. Release planning
        2. CI flakiness

        ## Notes

        ### Release planning

        - Alice: can we cut 2.0 next week?
        - Bob: yes.

        ### CI flakiness

        - The runners time out.
    """)
    assert [(i.number, i.title) for i in minutes.items] == [(None, "Release planning"), (None, "CI flakiness")]


def test_a_cell_without_its_title_line_keeps_the_lines_it_had():
    """The section reads a discussion cell without its bold title; the lines it
    is given are the ones the cell's text would make on its own."""
    from parsers.blocks import _lines_of
    from parsers.document import Paragraph, Run
    from parsers.extract.items import _cell_title

    def fresh(block):
        return [(ln.text, ln.bold, ln.loc) for ln in _lines_of(block, True)]

    cell = [Paragraph([Run("Hall lighting", True), Run("\nThe lights were discussed and\nthe "
                       "quote was agreed. PG: It is fair.\nPG will order them.")], loc="table 1, row 2")]
    title, rest = _cell_title(cell)
    assert title == "Hall lighting"
    assert rest[0].lines_memo is not None          # shared from the cell, not worked out again
    assert [(ln.text, ln.bold, ln.loc) for ln in rest[0].lines_memo] == fresh(rest[0])
    joined = [Paragraph([Run("Short title", True), Run("\nnot a new line but the title's end")])]
    title, rest = _cell_title(joined)               # a title the next line continues: nothing shared
    assert rest and rest[0].lines_memo is None


# -- numbering schemes -------------------------------------------------------------------------
def test_every_common_numbering_scheme_gives_a_bare_number():
    from parsers.patterns import split_number
    cases = {"7. Roads": "7", "3.4 Play area": "3.4", "5(b) Grants": "5b", "21.03.14 Planning": "21.03.14",
             "24/017 Finance": "24/017", "2023/108 Audit": "2023/108", "HC 24/017 Finance": "24/017",
             "VII. Accounts": "vii", "c) Hedges": "c", "[3] Budget": "3", "Item Four: Staffing": "4",
             "Item 9 – Close": "9"}
    assert {text: (split_number(text) or (None,))[0] for text in cases} == cases


def test_words_and_times_that_open_a_line_are_not_numbers():
    from parsers.patterns import split_number
    for text in ("A new bench was installed", "I am pleased to report", "7.30pm in the hall",
                 "Minutes of the last meeting", "2023 was a good year"):
        assert split_number(text) is None, text


# -- runs of numbered entries ------------------------------------------------------------------
def test_a_numbered_list_inside_a_heading_items_discussion_is_not_items():
    assert numbers_and_titles("""
        ## Play area

        The following repairs were listed:

        1. Swings
        2. Fencing

        ## Allotments

        Plots are full.
    """) == [(None, "Play area"), (None, "Allotments")]


def test_numbered_entries_following_one_another_are_a_list_not_items():
    assert numbers_and_titles("""
        Notes of the call

        1. What would a pilot cost
        2. Who would run it
        3. When could it start

        We agreed to come back to this.
    """) == []


def test_numbered_entries_with_discussion_under_each_are_items_even_as_sentences():
    minutes = parse_md("""
        1. The minutes of the March meeting were approved by all members present.
        2. Treasurer's report:
            - The balance stands at £400.
        3. Hall booking:
            - The hall is booked for June.
    """)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "The minutes of the March meeting were approved by all members present."),
        ("2", "Treasurer's report"), ("3", "Hall booking")]
    assert [d.text for d in minutes.decisions][0].startswith("The minutes of the March meeting were approved")


def test_a_title_run_into_its_text():
    assert numbers_and_titles("""
        4. FINANCE The clerk reported a balance of £300 and the accounts were agreed.

        5. Village fete sub-committee: the date was set for 12 July and stalls were allocated to volunteers.
    """) == [("4", "FINANCE"), ("5", "Village fete sub-committee")]


def test_lettered_lines_with_bold_titles_under_a_numbered_item_are_sub_items():
    assert numbers_and_titles("""
        2\\. MATTERS ARISING

        a\\) **Street lights**: the council had replaced two lamps.

        b\\) **Litter bins** were emptied weekly.

        3\\. PLANNING

        a\\) the application was noted.
    """) == [("2", "MATTERS ARISING"), ("2a", "Street lights"), ("2b", "Litter bins"), ("3", "PLANNING")]


def test_bold_entries_nested_under_a_numbered_entry_are_numbered_under_it():
    minutes = parse_html("""
        <ol>
        <li><b>Partners</b><ol>
            <li><b>Current partners</b><ol><li>No change.</li></ol></li>
            <li><b>New partners</b><ol><li>JT - shall we vote?</li></ol></li></ol></li>
        <li><b>Budget</b><ol><li>Approved.</li></ol></li>
        </ol>
    """)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Partners"), ("1.1", "Current partners"), ("1.2", "New partners"), ("2", "Budget")]


# -- headings ------------------------------------------------------------------------------------
def test_headings_deeper_than_the_two_shallowest_levels_are_parts_of_an_item():
    assert numbers_and_titles("""
        # Club committee

        ## Reports

        ### Treasurer

        #### Bank

        Balance fine.

        ### Secretary

        Letters.

        ## Any other business

        None.
    """) == [(None, "Reports"), (None, "Treasurer"), (None, "Secretary"), (None, "Any other business")]


def test_container_headings_and_their_particulars_are_not_items():
    assert numbers_and_titles("""
        # Board notes

        ## Date, time and location

        Online, 5 May 2022.

        ## 19:02 Open

        ## Proceedings

        ### Budget

        Agreed.

        ### Next meeting

        June.

        ## 20:40 Close
    """) == [(None, "Budget"), (None, "Next meeting")]


def test_a_heading_that_dates_the_meeting_is_not_an_item():
    assert numbers_and_titles("""
        # Minutes for 2024-05-02

        ## Budget

        Agreed.

        ## Hall

        Booked.
    """) == [(None, "Budget"), (None, "Hall")]


def test_a_heading_holding_only_the_attendance_is_not_an_item():
    minutes = parse_md("""
        # Club meeting

        ## Who came

        - Present: Ada Byron, Alan Turing

        ## Budget

        Agreed.
    """)
    assert [(i.number, i.title) for i in minutes.items] == [(None, "Budget")]
    assert [p.name for p in minutes.attendees] == ["Ada Byron", "Alan Turing"]


def test_an_unnumbered_heading_beside_numbered_ones_is_an_item():
    assert numbers_and_titles("""
        # Board

        ## 1. Budget

        Agreed.

        ### Detail

        Long.

        ## Next meeting

        To be set.
    """) == [("1", "Budget"), (None, "Next meeting")]


def test_a_title_the_source_wrapped_is_read_whole():
    assert numbers_and_titles("""
        6\\. ANY OTHER BUSINESS

        None was raised.

        7\\. OUR NEXT MEETING: TUESDAY 4 JUNE at 7 pm in THE VILLAGE HALL MEETING
        ROOM

        All welcome.
    """) == [("6", "ANY OTHER BUSINESS"),
             ("7", "OUR NEXT MEETING: TUESDAY 4 JUNE at 7 pm in THE VILLAGE HALL MEETING ROOM")]


def test_numbered_bold_entries_of_an_item_table_cell_are_its_sub_items():
    html = ("<h1>Board</h1><table><tr><th>No</th><th>Minute</th><th>Action</th></tr>"
            "<tr><td>4.</td><td><p><b>Decisions</b></p><ol><li><b>Library hours</b></li></ol>"
            "<p>The new hours were agreed.</p><ol start='2'><li><b>Room hire charges</b></li></ol>"
            "<p>The charges stay as they are.</p></td><td></td></tr>"
            "<tr><td>5.</td><td><p><b>Any other business</b></p><ol><li>the car park is full on Fridays</li></ol>"
            "</td><td></td></tr></table>")
    assert [(i["number"], i["title"]) for i in parse_html(html).to_dict()["items"]] == [
        ("4", "Decisions"), ("4.1", "Library hours"), ("4.2", "Room hire charges"), ("5", "Any other business")]


def test_a_short_plain_line_over_a_list_heads_an_item():
    body = ("# Working group\n\nWe met online.\n\nPlans\n\n- Publish the draft\n- Collect comments\n\n"
            "Open questions\n\n- Licence of the examples\n\nGitHub is fine for now\n\n- keep the repository\n")
    assert numbers_and_titles(body) == [(None, "Plans"), (None, "Open questions")]


def test_a_body_that_is_one_list_takes_its_short_top_entries_as_items():
    body = ("# Call notes\n\n- Website demo – Ann\n    - shown on the new server\n"
            "- Membership form\n    - live next week\n"
            "- The form only collects names and e-mail addresses, nothing more.\n"
            "- AOB\n    - none\n")
    assert numbers_and_titles(body) == [(None, "Website demo – Ann"), (None, "Membership form"), (None, "AOB")]


def test_a_discussion_heading_holding_the_discussion_is_an_item_but_not_one_over_items():
    assert numbers_and_titles("# Team\n\n## Discussion\n\nWe went through the plan.\n\n## Budget\n\nOn track.\n") \
        == [(None, "Discussion"), (None, "Budget")]
    assert numbers_and_titles("# Team\n\n## Topics\n\n### Budget\n\nFine.\n\n### Rota\n\nFull.\n") == [
        (None, "Budget"), (None, "Rota")]


def test_a_heading_that_reviews_the_previous_meetings_actions():
    from conftest import parse_md
    doc = parse_md("# Club\n\n## Review Previous Meeting's Action Items\n\n| Action | Who | Status |\n|---|---|---|\n"
                   "| Book the hall | Ann | Done |\n")
    assert doc.actions == [] and [(u.owners, u.status) for u in doc.updates] == [(["Ann"], "done")]
