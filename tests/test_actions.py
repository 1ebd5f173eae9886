"""Actions this meeting sets, and updates on the actions of earlier meetings."""
from __future__ import annotations

from conftest import parse_html, parse_md

PRESENT = ("# Delivery Group\n\n"
           "Present: Jane Smith (JS), Amir Khan (AK), Paul Green (PG), Daxa Pancholi (DP), "
           "Stephanie McBurney (SMcB)\n\n")


def actions(body: str) -> list[dict]:
    return parse_md(PRESENT + body).to_dict()["actions"]


def updates(body: str) -> list[dict]:
    return parse_md(PRESENT + body).to_dict()["updates"]


def owners_and_text(body: str) -> list[tuple]:
    return [(a["owners"], a["text"]) for a in actions(body)]


# -- the Action column of an item table -------------------------------------------------
def test_action_column_initials_take_the_task_sentence_of_the_row():
    body = ("Item\tDiscussion\tAction\n"
            "4\t<p><b>Questions</b></p> <p>Financial standing was discussed. PG will get further "
            "information on assessment of financial standing from colleagues.</p>\tPG\n")
    assert owners_and_text(body) == [
        (["PG"], "Get further information on assessment of financial standing from colleagues")]


def test_action_column_action_belongs_to_the_row_item():
    body = ("Item\tDiscussion\tAction\n"
            "1\t<p>Welcome.</p>\t\n"
            "2\t<p>JS to book the room.</p>\tJS\n")
    assert [a["item"] for a in actions(body)] == ["2"]


def test_action_column_with_two_owners():
    body = ("Item\tDiscussion\tAction\n"
            "3\t<p>DP and SMcB will draft the consultation.</p>\tDP/SMcB\n")
    assert [a["owners"] for a in actions(body)] == [["DP", "SMcB"]]


def test_empty_action_column_gives_no_action():
    body = ("Item\tDiscussion\tAction\n"
            "1\t<p>Welcome and introductions.</p>\t\n")
    assert actions(body) == []


def test_action_column_holding_the_task_itself():
    body = ("Item\tDiscussion\tAction\n"
            "2\t<p>The website is out of date.</p>\tJS to update the website\n")
    assert owners_and_text(body) == [(["JS"], "Update the website")]


# -- inline cues -------------------------------------------------------------------------
def test_inline_action_with_two_owners():
    assert owners_and_text("""
## 3. Reports

Action: JS/AK to circulate the report
""") == [(["JS", "AK"], "Circulate the report")]


def test_upper_case_action_dash_with_owners_and_colon():
    assert owners_and_text("""
## 3. Consultation

ACTION – DP/SMcB: Share the consultation timetable with providers.
""") == [(["DP", "SMcB"], "Share the consultation timetable with providers")]


def test_action_all_in_brackets():
    found = actions("""
## 5. AOB

Everyone should review the draft strategy (Action: All).
""")
    assert [a["owners"] for a in found] == [["All"]]
    assert "review the draft strategy" in found[0]["text"]


def test_bare_action_tag_takes_the_owner_from_the_sentence_subject():
    found = actions("""
## 5. AOB

PG will circulate the presentation to all providers (ACTION).
""")
    assert [a["owners"] for a in found] == [["PG"]]
    assert "circulate the presentation" in found[0]["text"].lower()


def test_bare_action_tag_text_is_the_task_without_its_subject():
    assert owners_and_text("""
## 5. AOB

JS agreed to circulate the report (ACTION).
""") == [(["JS"], "Circulate the report")]


def test_action_line_naming_only_the_owner_takes_the_sentence_above():
    assert owners_and_text("""
## 3. Reports

The report will be circulated before the next meeting.
Action: JS
""") == [(["JS"], "The report will be circulated before the next meeting")]


def test_bold_action_owner_at_the_end_of_a_paragraph():
    assert owners_and_text("""
## 3. Reports

The report will be circulated before the next meeting. **Action: JS**
""") == [(["JS"], "The report will be circulated before the next meeting")]


def test_inline_action_due_date_after_by():
    found = actions("""
## 3. Reports

**Action:** AK to book the room by 1 April 2016
""")
    assert [(a["owners"], a["due"]) for a in found] == [(["AK"], "2016-04-01")]


def test_action_cue_with_a_name_as_owner():
    assert owners_and_text("""
## 2. Website

Action: Jane Smith to update the website.
""") == [(["Jane Smith"], "Update the website")]


def test_action_cue_with_a_role_as_owner():
    found = actions("""
## 2. Website

Action: Chair to write to the council.
""")
    assert [(a["owners"], a["text"]) for a in found] == [(["Chair"], "Write to the council")]


def test_action_belongs_to_its_item():
    found = actions("""
## 7. Premises

Action: AK to find a new venue.
""")
    assert [a["item"] for a in found] == ["7"]


def test_action_is_open_by_default():
    found = actions("""
## 7. Premises

Action: AK to find a new venue.
""")
    assert [a["status"] for a in found] == ["open"]


def test_the_word_action_inside_a_sentence_is_not_an_action():
    assert actions("""
## 7. Premises

The group discussed what action the council might take on premises.
""") == []


# -- a summary of this meeting's actions ----------------------------------------------------
SUMMARY = """
## Summary of actions

| Action | Owner | Due | Status |
|--------|-------|-----|--------|
| Circulate the report | JS | 31/03/2016 | Open |
| Book the room | AK | | Done |
"""


def test_summary_table_rows_are_actions():
    assert owners_and_text(SUMMARY) == [(["JS"], "Circulate the report"), (["AK"], "Book the room")]


def test_summary_table_due_date_is_iso():
    assert [a["due"] for a in actions(SUMMARY)] == ["2016-03-31", None]


def test_summary_table_done_status():
    assert [a["status"] for a in actions(SUMMARY)] == ["open", "done"]


def test_summary_table_rows_are_not_updates():
    assert updates(SUMMARY) == []


def test_action_stated_inline_and_in_the_summary_is_one_action():
    found = actions("""
## 3. Reports

Action: JS to circulate the report.
""" + SUMMARY)
    assert [(a["owners"], a["text"]) for a in found] == [
        (["JS"], "Circulate the report"), (["AK"], "Book the room")]


def test_twice_stated_action_takes_the_due_date_of_the_summary():
    found = actions("""
## 3. Reports

Action: JS to circulate the report.
""" + SUMMARY)
    assert found[0]["due"] == "2016-03-31"


def test_two_rows_of_the_list_with_the_same_words_stay_two():
    found = actions("""
## Summary of actions

| Action | Owner |
|--------|-------|
| Circulate the report | JS |
| Circulate the report | AK |
""")
    assert [(a["owners"], a["text"]) for a in found] == [(["JS"], "Circulate the report"),
                                                         (["AK"], "Circulate the report")]


def test_rows_with_the_same_number_are_one_action():
    found = actions("""
## Summary of actions

| No. | Action | Owner |
|-----|--------|-------|
| 4 | Circulate the report | JS |
| 4 | Send the report round to members | JS |
""")
    assert [(a["ref"], a["text"]) for a in found] == [("4", "Circulate the report")]


def test_an_action_said_in_other_words_in_the_list_is_one():
    found = actions("""
## 3. Reports

Action: JS to circulate the annual report to all members.

## Summary of actions

| Action | Owner |
|--------|-------|
| Circulate annual report to members | JS |
| Book the hall for the annual meeting | AK |
""")
    # the list's wording, the item where it was said
    assert [(a["item"], a["owners"], a["text"]) for a in found] == [
        ("3", ["JS"], "Circulate annual report to members"), (None, ["AK"], "Book the hall for the annual meeting")]


def test_new_actions_list_with_owner_leads():
    assert owners_and_text("""
## New actions

- JS to circulate the report
- AK: book the room
""") == [(["JS"], "Circulate the report"), (["AK"], "book the room")]


def test_action_log_table_with_tab_separators():
    body = ("## Action log\n\n"
            "Action\tOwner\tDue\n"
            "Write to providers\tDP\t1 April 2016\n")
    assert [(a["owners"], a["text"], a["due"]) for a in actions(body)] == [
        (["DP"], "Write to providers", "2016-04-01")]


# -- updates on earlier actions ---------------------------------------------------------------
MATTERS = """
## 2. Matters arising

| No. | Action | Owner | Status |
|-----|--------|-------|--------|
| 2.1 | Add the terms of reference to the website | TG | Done |
| 2.2 | Write to the police | DP | Ongoing |
"""


def test_matters_arising_table_rows_are_updates():
    assert [(u["ref"], u["owners"], u["text"]) for u in updates(MATTERS)] == [
        ("2.1", ["TG"], "Add the terms of reference to the website"),
        ("2.2", ["DP"], "Write to the police")]


def test_matters_arising_rows_are_not_actions():
    assert actions(MATTERS) == []


def test_update_status_done_and_open():
    assert [u["status"] for u in updates(MATTERS)] == ["done", "open"]


def test_update_note_keeps_the_status_words():
    assert [u["note"] for u in updates(MATTERS)] == ["Done", "Ongoing"]


def test_update_belongs_to_the_matters_arising_item():
    assert {u["item"] for u in updates(MATTERS)} == {"2"}


def test_actions_of_the_previous_meeting_heading_variant():
    body = MATTERS.replace("## 2. Matters arising", "## 2. Actions of the previous meeting")
    assert [(u["ref"], u["status"]) for u in updates(body)] == [("2.1", "done"), ("2.2", "open")]


def test_review_of_actions_list_entry_is_an_update():
    found = updates("""
## 2. Review of actions

- 1.3: DP to write to the police – done
""")
    assert [(u["ref"], u["owners"], u["status"]) for u in found] == [("1.3", ["DP"], "done")]


def test_review_list_entry_text_is_the_task_and_note_the_status_words():
    [u] = updates("""
## 2. Review of actions

- 1.3: DP to write to the police – done
""")
    assert (u["text"], u["note"]) == ("Write to the police", "done")


def test_review_list_entry_without_a_number_is_an_update_with_null_ref():
    found = updates("""
## 2. Review of actions

- DP to write to the police – done
""")
    assert [(u["ref"], u["owners"], u["status"]) for u in found] == [(None, ["DP"], "done")]


# -- warnings ----------------------------------------------------------------------------------
def test_owner_not_among_attendees_gives_a_warning():
    minutes = parse_md(PRESENT + """
## 4. Questions

Action: ZZ to get further information.
""")
    assert "action owner ZZ (item 4) is not among the attendees" in minutes.warnings


def test_known_owner_gives_no_warning():
    minutes = parse_md(PRESENT + """
## 4. Questions

Action: PG to get further information.
""")
    assert minutes.warnings == []


def test_owner_pg_not_among_attendees_as_in_the_issue():
    minutes = parse_md("""
# Delivery Group

Present: Jane Smith (JS)

Item\tDiscussion\tAction
4\t<p>PG will get further information.</p>\tPG
""")
    assert "action owner PG (item 4) is not among the attendees" in minutes.warnings


def test_all_as_owner_gives_no_warning():
    minutes = parse_md(PRESENT + """
## 5. AOB

Everyone should review the draft strategy (Action: All).
""")
    assert minutes.warnings == []


# -- provenance ----------------------------------------------------------------------------------
def test_every_action_and_update_has_a_where():
    body = ("## 3. Reports\n\nAction: JS to circulate the report.\n\n"
            "Item\tDiscussion\tAction\n4\t<p>PG will get the data.</p>\tPG\n"
            + SUMMARY + MATTERS.replace("## 2.", "## 9."))
    minutes = parse_md(PRESENT + body)
    assert minutes.actions and minutes.updates
    assert all(a.where for a in minutes.actions)
    assert all(u.where for u in minutes.updates)


def test_html_inline_action():
    minutes = parse_html("""
        <h1>Board</h1>
        <p>Present: Jane Smith (JS), Amir Khan (AK)</p>
        <h2>3. Reports</h2>
        <p><b>Action:</b> JS/AK to circulate the report</p>
    """)
    assert [(a.owners, a.text, a.item) for a in minutes.actions] == [
        (["JS", "AK"], "Circulate the report", "3")]


# -- more wording -----------------------------------------------------------------------------
def test_earlier_action_reissued_in_the_summary_is_an_action_and_an_update():
    minutes = parse_md(PRESENT + MATTERS + """
## Summary of actions

| Action | Owner |
|--------|-------|
| Write to the police | DP |
""")
    assert [(a.owners, a.text) for a in minutes.actions] == [(["DP"], "Write to the police")]
    assert [u.ref for u in minutes.updates] == ["2.1", "2.2"]


def test_carried_forward_status_is_open():
    body = MATTERS.replace("| Ongoing |", "| Carried forward |")
    assert [u["status"] for u in updates(body)] == ["done", "open"]


def test_dropped_status():
    body = MATTERS.replace("| Ongoing |", "| No longer required |")
    assert [u["status"] for u in updates(body)][1] == "dropped"


def test_html_item_table_with_action_by_column():
    minutes = parse_html("""
        <h1>Board</h1>
        <p>Present: Jane Smith (JS), Amir Khan (AK)</p>
        <table>
          <tr><th>Item</th><th>Discussion</th><th>Action by</th></tr>
          <tr><td>1</td><td><b>Premises</b><p>AK will ask the landlord about the lease.</p></td><td>AK</td></tr>
        </table>
    """)
    assert [(a.item, a.owners, a.text) for a in minutes.actions] == [
        ("1", ["AK"], "Ask the landlord about the lease")]


# -- numbered actions ----------------------------------------------------------------------------
def test_numbered_action_cue_keeps_its_number_and_trailing_owners():
    minutes = parse_md("""
        # Steering group

        ## 4. Repositories

        **ACTION 5.2** Review the settings for projects currently in
        Contrib/Official and propose changes (SP & CJ)
    """)
    assert [(a.ref, a.owners, a.text) for a in minutes.actions] == [
        ("5.2", ["SP", "CJ"], "Review the settings for projects currently in Contrib/Official and propose changes")]


def test_numbered_action_tag_merges_with_the_action_list_and_takes_its_wording():
    minutes = parse_md("""
        # Steering group

        Attendance

        - Tom Griffin (TG), STFC

        3\\. Terms of reference

        - The terms of reference will be added to the website (Action 2.1)

        Actions:

        | No. | Detail | Resp. |
        | --- | ------ | ----- |
        | 2.1 | Add the terms of reference to the website | TG |
    """)
    assert [(a.item, a.ref, a.owners, a.text) for a in minutes.actions] == [
        ("3", "2.1", ["TG"], "Add the terms of reference to the website")]


def test_action_on_a_name():
    assert owners_and_text("""
## 5. Hosting

Action on Steve – move all projects to the new licence.
""") == [(["Steve"], "move all projects to the new licence")]


def test_all_sites_is_everyone():
    assert owners_and_text("""
## 9. Roadmap

Action: all sites to share their blocking issues.
""") == [(["All"], "Share their blocking issues")]


def test_two_rows_of_one_action_list_stay_two_actions():
    found = owners_and_text("""
## Summary of actions

| Action | Owner |
|--------|-------|
| Send the budget to the board | PG |
| Send the budget to the bank | PG |
""")
    assert found == [(["PG"], "Send the budget to the board"), (["PG"], "Send the budget to the bank")]


def test_owner_cell_with_name_and_initials_gives_the_initials():
    found = owners_and_text("""
## Summary of actions

| Action | Owner |
|--------|-------|
| Circulate the statement | Daxa Pancholi (DP) |
""")
    assert found == [(["DP"], "Circulate the statement")]


def test_action_column_owner_inside_a_relative_clause_keeps_the_whole_sentence():
    body = ("Item\tDiscussion\tAction\n"
            "3\t<p><b>Matters arising</b></p> <p>All actions are complete except the lease review, "
            "which GR will report on in November.</p>\tGR\n")
    assert owners_and_text(body) == [
        (["GR"], "All actions are complete except the lease review, which GR will report on in November")]


def test_actions_label_inside_an_item_keeps_the_item():
    found = actions("""
## 1. Community hall

The hall reopens in July.

Actions:

- AK to publish the opening hours
""")
    assert [(a["item"], a["owners"], a["text"]) for a in found] == [("1", ["AK"], "Publish the opening hours")]


def test_tasks_before_the_first_owner_group_are_everyones():
    found = owners_and_text("""
**ACTIONS:**

- Playtest the build

**George**

- Reconsider the obstacles
""")
    assert found == [(["All"], "Playtest the build"), (["George"], "Reconsider the obstacles")]


def test_a_deadline_that_is_not_a_date_is_kept_as_written():
    found = actions("""
## Summary of actions

| Action | Owner | Due |
|--------|-------|-----|
| Report on the lease review | DP | November meeting |
| Open the deposit account | JS | 30/09/2023 |
""")
    assert [(a["due"], a["due_text"]) for a in found] == [(None, "November meeting"), ("2023-09-30", None)]


def test_a_task_list_of_handles_with_ticked_boxes():
    minutes = parse_md("""
        # Working group

        ## Attendees

        - Alice Chen (@achen)
        - Bob Diaz (@bdiaz)

        ## Action items

        - [ ] @achen to write the release notes
        - [x] @bdiaz merge the docs PR
    """)
    assert [(a.owners, a.text, a.status) for a in minutes.actions] == [
        (["@achen"], "Write the release notes", "open"), (["@bdiaz"], "Merge the docs PR", "done")]
    assert not any("not among the attendees" in w for w in minutes.warnings)


# -- what is one action, and what is two -----------------------------------------------------
def test_actions_of_one_owner_that_differ_in_their_object_stay_two():
    minutes = parse_md(PRESENT + """
## 3. Papers

Action: JS to send the agenda to the council.

## 4. Records

Action: JS to send the minutes to the council.

## Summary of actions

| Action | Owner |
|--------|-------|
| Send the agenda to the council | JS |
""")
    assert [(a.item, a.text) for a in minutes.actions] == [
        ("3", "Send the agenda to the council"), ("4", "Send the minutes to the council")]


def test_actions_that_differ_in_a_number_stay_two_and_are_warned_about():
    minutes = parse_md(PRESENT + """
## 3. Invoices

Action: JS to chase invoice 4411.

Action: JS to chase invoice 4412.
""")
    assert [a.text for a in minutes.actions] == ["Chase invoice 4411", "Chase invoice 4412"]
    assert any("differ only in their numbers" in w for w in minutes.warnings)


def test_two_inline_actions_with_many_words_in_common_stay_two():
    found = owners_and_text("""
## 3. Reports

Action: JS to circulate the quarterly report to the board.

Action: JS to circulate the annual report to the board members.
""")
    assert found == [(["JS"], "Circulate the quarterly report to the board"),
                     (["JS"], "Circulate the annual report to the board members")]


def test_the_same_words_said_twice_inline_are_one_action():
    found = owners_and_text("""
## 3. Reports

Action: JS to circulate the report.

## 4. AOB

Action: JS to circulate the report.
""")
    assert found == [(["JS"], "Circulate the report")]


def test_a_long_document_of_distinct_numbered_tasks_keeps_them_all():
    body = "".join(f"## {k}. Invoice {k}\n\nAction: JS to pay invoice {4000 + k}.\n\n" for k in range(1, 301))
    assert len(actions(body)) == 300


# -- cues after the task, and several in a line ---------------------------------------------
HALL = "# Hall committee\n\nPresent - Mick Ray, Mags Lee, Jon Stride\n\n## 4. Building\n\n"


def hall(body: str) -> list[tuple]:
    return [(a["owners"], a["text"]) for a in parse_md(HALL + body).to_dict()["actions"]]


def test_a_present_label_with_a_dash():
    assert [p.name for p in parse_md(HALL).attendees] == ["Mick Ray", "Mags Lee", "Jon Stride"]


def test_owners_named_after_the_task_one_a_sentence():
    assert hall("Meter readings taken but not worked out yet, c/f action Mick. "
                "Look at the insurance, action Mags. Also find the spare key, action Jon.") == [
        (["Mick"], "Meter readings taken but not worked out yet"), (["Mags"], "Look at the insurance"),
        (["Jon"], "Also find the spare key")]


def test_a_cue_inside_a_sentence_owns_what_came_before_it():
    found = parse_md(HALL + "It was agreed that all members would get keys Action: Jon Stride by 17 December").actions
    assert [(a.owners, a.due_text) for a in found] == [(["Jon Stride"], "17 December")]


def test_a_cue_body_ending_with_its_owners_and_due_date():
    found = parse_md(HALL + "Action: book the hall for the fete, Mick Ray and Mags Lee by Friday 4 June.").actions
    assert [(a.owners, a.text) for a in found] == [(["Mick Ray", "Mags Lee"], "book the hall for the fete")]


def test_a_summary_heading_naming_action_items_is_no_owner():
    assert hall("Summary of Action Items") == []


def test_a_topic_that_starts_with_the_word_action_is_no_cue():
    assert hall("Action Plan - the plan was reviewed and more detail is needed.") == []


def test_new_actions_set_in_matters_arising_are_actions():
    minutes = parse_md(HALL.replace("## 4. Building", "## 3. Matters arising") +
                       "- Keys - it was agreed that members get keys. Action: Jon Stride by 1 May\n")
    assert [(a.owners, a.item) for a in minutes.actions] == [(["Jon Stride"], "3")]


# -- a task crossed out is a task done ---------------------------------------------------
def test_struck_through_list_entry_is_done_and_the_plain_one_open():
    found = actions("## 3. Boiler\n\n- ~~AK to book the engineer~~\n- PG to order spare filters\n")
    assert [(a["owners"], a["status"]) for a in found] == [(["AK"], "done"), (["PG"], "open")]


def test_struck_through_task_after_a_plain_cue_is_done():
    found = actions("## 3. Boiler\n\nACTION: ~~DP to chase the landlord~~\n")
    assert [(a["owners"], a["status"]) for a in found] == [(["DP"], "done")]


def test_one_struck_word_does_not_close_the_task():
    found = actions("## 3. Boiler\n\nJS to ~~ring~~ email the supplier about the invoice.\n")
    assert [a["status"] for a in found] == ["open"]


def test_struck_action_cell_of_an_html_item_table_is_done():
    html = ("<h1>Delivery Group</h1><p>Present: Jane Smith (JS), Amir Khan (AK)</p>"
            "<table><tr><th>Item</th><th>Discussion</th><th>Action</th></tr>"
            "<tr><td>1</td><td>JS will redraft the leaflet.</td><td><s>JS</s></td></tr>"
            "<tr><td>2</td><td>AK will collect the keys.</td><td>AK</td></tr></table>")
    found = parse_html(html).to_dict()["actions"]
    assert [(a["owners"], a["status"]) for a in found] == [(["JS"], "done"), (["AK"], "open")]


def test_struck_entry_of_an_actions_list_is_done():
    found = actions("## Actions\n\n- JS: ~~order the chairs~~\n- AK: check the fire exits\n")
    assert [(a["owners"], a["status"]) for a in found] == [(["JS"], "done"), (["AK"], "open")]


def test_struck_review_entry_is_a_done_update():
    found = updates("## Matters arising\n\n- ~~PG to write to the council~~\n- DP to chase the quote\n")
    assert [(u["owners"], u["status"]) for u in found] == [(["PG"], "done"), (["DP"], "open")]


def test_struck_row_of_an_action_log_table_is_done_unless_its_status_says_otherwise():
    body = ("## Action log\n\n| Action | Owner | Status |\n|---|---|---|\n"
            "| ~~Book the venue~~ | JS | |\n| ~~Print the agenda~~ | AK | dropped |\n| Send invites | PG | |\n")
    assert [a["status"] for a in actions(body)] == ["done", "dropped", "open"]


def test_cue_owner_and_short_task_ending_a_sentence_take_the_line_above_as_context():
    body = "## 4. Hall\n\nLeak in the kitchen roof. JS had asked the builder, but he has not come, action AK to chase.\n"
    assert owners_and_text(body) == [(["AK"], "Chase: Leak in the kitchen roof")]


def test_cue_owner_and_short_task_ending_a_sentence_take_the_clause_before_as_context():
    body = "## 4. Hall\n\nPG reported on the works – the new lights are in and the ramp is still awaited, action DP to chase.\n"
    assert owners_and_text(body) == [(["DP"], "Chase: the new lights are in and the ramp is still awaited")]


def test_one_trailing_cue_among_other_sentences_of_a_paragraph():
    body = ("## 5. Cleaning\n\nThe cleaner has left. Ask the caretaker about cover, action PG. "
            "The changing rooms can wait.\n")
    assert owners_and_text(body) == [(["PG"], "Ask the caretaker about cover")]


def test_cue_opening_a_later_sentence_takes_the_sentence_before_as_its_task():
    body = "## 6. Hall\n\nNew locks for the side door - get three quotes. Action: AK, by end of May\n"
    assert owners_and_text(body) == [(["AK"], "New locks for the side door - get three quotes")]


def test_cue_with_owners_only_in_a_paragraph_of_its_own_takes_the_paragraph_above():
    body = "## 6. Hall\n\nA review of the hire charges is needed before the summer.\n\nAction: JS and PG by 30 April\n"
    assert owners_and_text(body) == [(["JS", "PG"], "A review of the hire charges is needed before the summer")]


def test_one_cue_giving_two_people_a_task_each_is_two_actions():
    body = "## 6. Hall\n\nACTION: AK to ring the insurer and Paul to email the broker, by Friday\n"
    assert owners_and_text(body) == [(["AK"], "Ring the insurer, by Friday"),
                                     (["Paul"], "Email the broker, by Friday")]


def test_a_deadline_then_a_new_sentence_without_a_stop_ends_the_cue():
    body = ("## 6. Hall\n\nAction: book the caterers, JS and AK by 4 May The menu is to be agreed by all. "
            "Action: PG by 9 May\n")
    assert owners_and_text(body) == [(["JS", "AK"], "book the caterers"),
                                     (["PG"], "The menu is to be agreed by all")]


def test_a_deadline_without_its_year_takes_the_meetings_year_or_the_next():
    head = "# Delivery Group\n\nDate: 2 December 2025\n\nPresent: Jane Smith (JS), Amir Khan (AK)\n\n## 1. Hall\n\n"
    found = parse_md(head + "Action: JS to book the hall by 17 December.\n\nAction: AK to pay the deposit by "
                            "15 January.\n").to_dict()["actions"]
    assert [a["due"] for a in found] == ["2025-12-17", "2026-01-15"]


def test_marks_one_under_another_in_an_action_cell_go_with_the_paragraphs_beside_them():
    html = ("<h1>Board</h1><p>Present: Jane Smith (JS), Amir Khan (AK)</p>"
            "<table><tr><th>No</th><th>Minute</th><th>Action</th></tr>"
            "<tr><td>6.</td><td><p><b>Reports</b></p><p>Visitor numbers are up on last year.</p>"
            "<p>The new leaflet will be sent to every branch.</p>"
            "<p>The board asked for a breakdown of the figures by branch.</p></td>"
            "<td><p>JS</p><p>AK</p></td></tr></table>")
    found = parse_html(html).to_dict()["actions"]
    assert [(a["owners"], a["text"]) for a in found] == [
        (["JS"], "The new leaflet will be sent to every branch"),
        (["AK"], "The board asked for a breakdown of the figures by branch")]


def test_a_line_of_known_initials_under_what_was_said_owns_its_last_sentence():
    body = "## 2. Hall\n\nThe gutters are blocked again. A contractor should clear them.\n\nAK\n"
    assert owners_and_text(body) == [(["AK"], "A contractor should clear them")]


def test_a_line_of_unknown_capitals_is_no_owner():
    assert owners_and_text("## 2. Hall\n\nThe gutters are blocked again.\n\nNB\n") == []


def test_a_co_owner_in_brackets_after_the_owner():
    assert owners_and_text("## 2. Hall\n\nACTION: AK (with PG) to price the new paint.\n") == [
        (["AK", "PG"], "Price the new paint")]


def test_an_actions_list_entry_with_a_group_owner_and_one_led_by_someone():
    body = ("## Action items\n\n- Committee members to update their contact details\n"
            "- Review the insurance, with the Treasurer taking the lead\n- LIST ACTIONS AND OWNERS HERE\n")
    assert owners_and_text(body) == [(["Committee members"], "Update their contact details"),
                                     (["Treasurer"], "Review the insurance, with the Treasurer taking the lead")]


def test_asked_someone_that_something_be_done_and_suggested_to_someone_to():
    body = ("## 2. Money\n\nJS asked PG that the receipts be kept in one folder.\n\n"
            "AK suggested to DP to write to the bank.\n\nJS reminded AK that the bank closes early.\n")
    assert owners_and_text(body) == [(["PG"], "The receipts be kept in one folder"), (["DP"], "Write to the bank")]


def test_the_entries_under_a_next_steps_entry_are_tasks_and_deeper_ones_their_details():
    body = ("## 3. Lease\n\n- The lease was signed.\n- Next steps:\n    - AK to file the lease\n"
            "    - Update the records:\n        - the asset register\n        - the insurance schedule\n"
            "- The meeting moved on.\n")
    assert owners_and_text(body) == [(["AK"], "File the lease"),
                                     ([], "Update the records: the asset register; the insurance schedule")]


def test_would_be_doing_something_is_doing_it():
    assert owners_and_text("## 3. Lease\n\nJS said that she would be sending the lease to the solicitor.\n") == [
        (["JS"], "Send the lease to the solicitor")]
