"""Forms laid out as tables, and columns known by what they hold."""
from __future__ import annotations

from conftest import parse_html


FORM = """
<table>
<tr><td colspan="2"><b>Meeting notes</b></td></tr>
<tr><td>Date:</td><td>4th March 2021</td></tr>
<tr><td><b>Chaired by</b></td><td>Ada Byron</td></tr>
<tr><td><b>Attendees</b></td><td><b>Apologies</b></td></tr>
<tr><td><p>Ada Byron</p><p>Alan Turing</p></td><td><p>Grace Hopper</p></td></tr>
<tr><td colspan="2"><b>Discussion</b></td></tr>
<tr><td colspan="2">The group reviewed the draft budget and agreed to cut the travel line by a tenth.</td></tr>
</table>
"""


def test_a_form_table_is_read_as_the_parts_it_holds():
    minutes = parse_html(FORM)
    assert minutes.meeting.date == "2021-03-04"
    assert [(p.name, p.status, p.role) for p in minutes.attendees] == [
        ("Ada Byron", "present", "Chair"), ("Alan Turing", "present", None), ("Grace Hopper", "apologies", None)]


def test_the_fields_of_a_form_are_not_items_but_the_discussion_it_holds_is():
    assert [i.title for i in parse_html(FORM).items] == ["Discussion"]


def test_a_table_of_data_under_a_header_is_not_a_form():
    minutes = parse_html("""
        <table><tr><th>Item</th><th>Discussion</th></tr>
        <tr><td><b>1</b></td><td><p><b>Welcome</b></p><p>The chair opened the meeting.</p></td></tr></table>
    """)
    assert [(i.number, i.title) for i in minutes.items] == [("1", "Welcome")]


def test_columns_whose_header_is_shifted_against_their_contents_are_read_by_their_contents():
    minutes = parse_html("""
        <p>Present: Ada Byron, Alan Turing</p>
        <table><tr><td>Next steps:</td><td>Owner:</td><td>Due date:</td></tr>
        <tr><td>Ada Byron</td><td>Write up the test plan for the new release</td><td>28th May 2021</td></tr>
        <tr><td>Alan Turing</td><td>Draft the release notes for the users</td><td>28th May 2021</td></tr>
        </table>
    """)
    assert [(a.owners, a.text, a.due) for a in minutes.actions] == [
        (["Ada Byron"], "Write up the test plan for the new release", "2021-05-28"),
        (["Alan Turing"], "Draft the release notes for the users", "2021-05-28")]


def test_a_column_counting_its_rows_numbers_the_items_and_the_short_sentence_is_the_topic():
    minutes = parse_html("""
        <table><tr><td><b>Task</b></td><td><b>Topic</b></td><td><b>Outcome</b></td></tr>
        <tr><td>Task 1</td><td>Choosing the venue for the launch.</td><td>The town hall was chosen.</td></tr>
        <tr><td>Task 2</td><td>Setting the budget for the launch.</td><td>It was agreed to spend £500.</td></tr>
        </table>
    """)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Choosing the venue for the launch."), ("2", "Setting the budget for the launch.")]
