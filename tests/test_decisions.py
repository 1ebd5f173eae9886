"""Decisions: RESOLVED, Agreed, Decision, It was agreed, decision sections."""
from __future__ import annotations

from conftest import parse_html, parse_md

HEAD = "# Parish Council\n\nPresent: Jane Smith (JS), Bob Jones (BJ)\n\n## 3. Finance\n\n"


def decisions(body: str) -> list[dict]:
    return parse_md(HEAD + body).to_dict()["decisions"]


def texts(body: str) -> list[str]:
    return [d["text"] for d in decisions(body)]


def test_resolved_that():
    assert texts("RESOLVED that the accounts for 2015 be approved.") == [
        "The accounts for 2015 be approved."]


def test_agreed_colon():
    assert texts("Agreed: the budget for next year.") == ["The budget for next year."]


def test_decision_colon():
    assert texts("Decision: the hall will be repainted in May.") == ["The hall will be repainted in May."]


def test_it_was_agreed_that():
    assert texts("It was agreed that the grant would be renewed.") == ["The grant would be renewed."]


def test_bold_resolved_label():
    assert texts("**Resolved:** to accept the quote from Smith Ltd.") == ["To accept the quote from Smith Ltd."]


def test_the_committee_agreed_to_is_kept_whole():
    # cutting "The committee agreed to" would leave a fragment: the sentence is the decision
    assert texts("The committee agreed to defer the vote.") == ["The committee agreed to defer the vote."]


def test_decision_in_the_middle_of_a_paragraph():
    assert texts("The treasurer presented the accounts. It was agreed that they be published.") == [
        "They be published."]


def test_decision_belongs_to_its_item():
    assert [d["item"] for d in decisions("RESOLVED that the accounts be approved.")] == ["3"]


def test_plain_discussion_is_not_a_decision():
    assert decisions("The treasurer presented the accounts and answered questions.") == []


def test_agreed_inside_a_sentence_is_not_a_decision():
    assert decisions("JS said the figures agreed with the bank statement.") == []


def test_decisions_section_lists_decisions():
    found = parse_md("""
# Parish Council

## 1. Finance

Accounts presented.

## Decisions

- The accounts were approved.
- The next meeting moves to the library.
""").decisions
    assert [d.text for d in found] == ["The accounts were approved.", "The next meeting moves to the library."]


def test_same_decision_stated_twice_is_one():
    found = parse_md("""
# Parish Council

## 1. Finance

RESOLVED that the accounts be approved.

## Decisions

- RESOLVED that the accounts be approved.
""").decisions
    assert len(found) == 1


def test_decision_in_an_item_table_cell():
    found = parse_md(
        "Item\tDiscussion\n"
        "2\t<p><b>Budget</b></p> <p>The budget was presented. It was agreed that it be adopted.</p>\n").decisions
    assert [(d.item, d.text) for d in found] == [("2", "It be adopted.")]


def test_html_decision():
    minutes = parse_html("""
        <h1>Board</h1>
        <h2>4. Premises</h2>
        <p><b>Agreed:</b> to renew the lease for two years.</p>
    """)
    assert [(d.item, d.text) for d in minutes.decisions] == [("4", "To renew the lease for two years.")]


def test_every_decision_has_a_where():
    found = decisions("RESOLVED that the accounts be approved.\n\nDecision: the hall will be repainted.")
    assert len(found) == 2
    assert all(d["where"] for d in found)


def test_passive_approval_is_a_decision():
    minutes = parse_md("""
        # Trust board

        ## 2. Minutes of the last meeting

        The minutes of 8 June 2023 were approved as a correct record.
    """)
    assert [(d.item, d.text) for d in minutes.decisions] == [
        ("2", "The minutes of 8 June 2023 were approved as a correct record.")]


def test_a_report_that_was_presented_is_not_a_decision():
    minutes = parse_md("""
        # Trust board

        ## 4. Finance

        The accounts were presented by the treasurer.
    """)
    assert minutes.decisions == []


def test_agreed_as_a_record_keeps_its_verb():
    minutes = parse_md("""
        # Society

        ## 1. Minutes of the previous meeting

        Agreed as a true record.
    """)
    assert [d.text for d in minutes.decisions] == ["Agreed as a true record."]


# -- the shapes of a decision -----------------------------------------------------------------
def test_a_body_that_decides_after_an_opening_phrase():
    assert texts("After a long debate, the board resolved to sell the van.") == [
        "After a long debate, the board resolved to sell the van."]


def test_a_topic_before_the_sentence_is_not_part_of_the_decision():
    assert texts("Car park: the committee resolved to resurface it in June.") == [
        "The committee resolved to resurface it in June."]


def test_the_decision_in_a_later_clause():
    assert texts("Jo asked whether the fee could fall; but it was agreed that the fee stays at £5.") == [
        "The fee stays at £5."]


def test_a_motion_and_its_vote_are_one_decision():
    found = texts("It was proposed by Cllr Dee and seconded by Cllr Roe that the bench be replaced. "
                  "The motion was carried by 5 votes to 2.")
    assert found == ["It was proposed by Cllr Dee and seconded by Cllr Roe that the bench be replaced. "
                     "The motion was carried by 5 votes to 2."]


def test_a_short_outcome_joined_to_what_was_passed():
    assert texts("Motion passed. The March accounts approved.") == ["Motion passed. The March accounts approved."]


def test_a_recorded_consensus_is_a_decision():
    assert texts("There was a consensus that the newsletter goes monthly.") == [
        "There was a consensus that the newsletter goes monthly."]


def test_a_cue_that_stops_the_sentence_owns_the_list_below():
    found = texts("The committee resolved\n\n-- to close the account\n-- to move the funds to the new bank")
    assert found == ["The committee resolved -- to close the account -- to move the funds to the new bank"]


def test_people_agreeing_to_do_something_is_an_action_not_a_decision():
    minutes = parse_md(HEAD + "Jane and Bob agreed to count the ballots.")
    assert minutes.decisions == [] and [a.owners for a in minutes.actions] == [["Jane", "Bob"]]


def test_what_is_still_to_be_agreed_or_was_not_is_no_decision():
    assert texts("The budget is still to be agreed. Nothing has been formally agreed on the lease.") == []


def test_a_rule_in_the_present_is_no_decision():
    assert texts("The taxonomy is approved only once a year.") == []


def test_a_relative_clause_is_no_decision():
    assert texts("Jane called for a vote, which was accepted by the chair.") == []


def test_a_body_in_agreement_is_a_decision():
    assert texts("The proposal was discussed and the Board were in full agreement.") == [
        "The proposal was discussed and the Board were in full agreement."]


def test_a_passive_with_two_verbs():
    assert texts("The complaints policy was reviewed and adopted by the board.") == [
        "The complaints policy was reviewed and adopted by the board."]


def test_the_same_words_decided_in_two_items_are_two_decisions():
    found = parse_md(HEAD + "The Board were in agreement with this.\n\n## 4. Staffing\n\n"
                            "The Board were in agreement with this.\n").decisions
    assert [d.item for d in found] == ["3", "4"]


def test_a_colon_cue_owns_the_entries_that_follow():
    found = texts("The membership of the panels was decided as follows:\n\nFinance: Ann, Bob\n\nStaffing: Cy, Di")
    assert found == ["The membership of the panels was decided as follows: Finance: Ann, Bob Staffing: Cy, Di"]


def test_a_motion_with_its_conditions_and_the_vote_some_lines_below():
    found = texts("It was proposed by Cllr Dee and seconded by Cllr Roe that the council does not object, "
                  "subject to these conditions.\n\n* no more than 20 homes\n\n* a new footpath\n\n"
                  "The motion was carried by 6 votes to 4.")
    assert len(found) == 1 and found[0].startswith("It was proposed") and found[0].endswith("6 votes to 4.")
    assert "a new footpath" in found[0]


def test_a_colon_cue_owns_its_lead_ins_and_what_they_introduce_up_to_the_next_entry_like_it():
    body = ("- RESOLVED unanimously to amend the standing orders as follows:\n\n"
            "Order 4 is changed from:\n\n"
            "a. Meetings are held:\n    - on the first Monday\n\n"
            "To:\n\n"
            "a. Meetings are held:  \n    i. on the first Tuesday  \n    ii. at the village hall\n\n"
            "- Next steps:\n    - print the new orders\n")
    found = texts(body)
    assert len(found) == 1
    assert found[0].startswith("RESOLVED unanimously to amend the standing orders as follows: Order 4 is changed from:")
    assert "on the first Monday" in found[0] and found[0].endswith("at the village hall")
    assert "print the new orders" not in found[0]


def test_resolved_unanimously_to_do_something():
    assert texts("Resolved unanimously to buy a defibrillator for the hall.") == [
        "Resolved unanimously to buy a defibrillator for the hall."]


def test_all_agreed_takes_what_was_agreed_from_the_sentence_before():
    assert texts("The new hire charges were set out in the paper. All agreed.") == [
        "The new hire charges were set out in the paper. All agreed."]


def test_proposed_and_seconded_with_commas_then_carried_is_one_decision():
    assert texts("Proposed by JS, seconded by BJ, that the precept rise by 3%. Carried.") == [
        "Proposed by JS, seconded by BJ, that the precept rise by 3%. Carried."]


def test_each_row_of_a_table_of_motions_is_a_decision_with_its_outcome():
    body = ("| Motion | Proposed by | Seconded by | Result |\n|---|---|---|---|\n"
            "| Adopt the new constitution | JS | BJ | Carried |\n| Raise the subscription | BJ | JS | Lost |\n")
    assert texts(body) == ["Adopt the new constitution: Carried.", "Raise the subscription: Lost."]


def test_a_decision_column_of_an_item_table():
    html = ("<h1>Board</h1><table><tr><th>Item</th><th>Discussion</th><th>Decision</th></tr>"
            "<tr><td>1</td><td><p><b>Budget</b></p><p>The draft was discussed.</p></td><td>Budget approved</td></tr>"
            "<tr><td>2</td><td><p><b>AOB</b></p><p>None.</p></td><td></td></tr></table>")
    assert [(d["item"], d["text"]) for d in parse_html(html).to_dict()["decisions"]] == [("1", "Budget approved.")]


def test_a_motion_its_recorded_vote_and_its_outcome_are_one_decision():
    assert texts("It was proposed by JS and seconded by BJ that the grant be paid. The council voted 7 in favour "
                 "with 2 abstaining. The motion was therefore carried.") == [
        "It was proposed by JS and seconded by BJ that the grant be paid. The council voted 7 in favour with 2 "
        "abstaining. The motion was therefore carried."]


def test_an_outcome_whose_next_sentence_introduces_quoted_words_owns_them():
    body = ("The motion passes. The following clause is added to the rules:\n\n"
            "> Members may vote by post.\n\nThe chair thanked everyone.\n")
    assert texts(body) == ["The motion passes. The following clause is added to the rules: Members may vote by post."]


def test_a_decision_restated_in_other_case_and_spacing_is_one_but_in_another_item_two():
    body = ("RESOLVED that the accounts be approved.\n\n## Resolutions\n\n- RESOLVED THAT the accounts  be approved.\n\n"
            "## 4. Hall\n\nThe Board were in agreement.\n\n## 5. Roof\n\nThe Board were in agreement.\n")
    assert [(d["item"], d["text"]) for d in decisions(body)] == [
        ("3", "The accounts be approved."), ("4", "The Board were in agreement."),
        ("5", "The Board were in agreement.")]
