"""The grammar of actions in running text and lists: owner phrase, link, task."""
from __future__ import annotations

import pytest

from conftest import parse_md

CLUB = ("# Allotment society\n\n"
        "Present: Priya Shah, Tom Reid, Ann Ode, Omar Haddad, Lars Berg, Chris Patel, Pat Wu\n\n"
        "## Water supply\n\n")


def found(body: str, head: str = CLUB) -> list[tuple]:
    return [(a["owners"], a["text"]) for a in parse_md(head + body).to_dict()["actions"]]


@pytest.mark.parametrize("body, expected", [
    ("Priya will book the hall for June.", (["Priya"], "Book the hall for June")),
    ("Our treasurer would write to the bank about the charges.", (["Treasurer"], "Write to the bank about the charges")),
    ("The Clerk was asked to chase the contractor.", (["Clerk"], "Chase the contractor")),
    ("Tom was tasked with arranging the autumn quiz.", (["Tom"], "Arrange the autumn quiz")),
    ("Omar said that he would circulate the figures.", (["Omar"], "Circulate the figures")),
    ("Dr Shah asked Ann to contact the school.", (["Ann"], "Contact the school")),
    ("After some discussion Lars recommended that Chris contact the printer.", (["Chris"], "Contact the printer")),
    ("So, Tom and Ann agreed to repair the gate before spring.", (["Tom", "Ann"], "Repair the gate before spring")),
    ("The leaflets will be printed by Priya.", (["Priya"], "The leaflets to be printed")),
    ("Cllr Reid is to raise the matter with the council.", (["Cllr Reid"], "Raise the matter with the council")),
])
def test_a_sentence_that_sets_an_action(body, expected):
    assert found(body) == [expected]


@pytest.mark.parametrize("body", [
    "The trough would be replaced in August.",
    "Priya would like to thank everyone for the plants.",
    "Motion to approve the accounts, by Priya.",
    "Plan to repaint the shed next year.",
    "The committee agreed to raise the rent.",
    "Will the water be back on by May?",
    "Tom will be given a key.",
    "Inspection will take place in the spring.",
])
def test_a_sentence_that_sets_no_action(body):
    assert found(body) == []


def test_a_pronoun_takes_the_owner_of_the_sentence_before():
    assert found("Ann agreed to draft the letter. She is to send it by Friday.") == [
        (["Ann"], "Draft the letter"), (["Ann"], "Send it by Friday")]


def test_a_speaker_who_says_i_will_owns_the_task():
    assert found("- TR - I will update the rota.", CLUB.replace("Tom Reid", "Tom Reid (TR)")) == [
        (["TR"], "Update the rota")]


def test_a_first_name_nobody_has_is_no_owner_where_the_attendance_names_people():
    assert found("Zed will fix the tap.") == []


def test_a_first_name_is_an_owner_where_the_document_lists_nobody():
    assert found("Zed will fix the tap.", "# Notes\n\n") == [(["Zed"], "Fix the tap")]


def test_a_first_name_that_shortens_an_attendees_is_an_owner():
    assert found("Tommy will fix the tap.") == [(["Tommy"], "Fix the tap")]


@pytest.mark.parametrize("entry, expected", [
    ("- (Tom) Draft the newsletter", (["Tom"], "Draft the newsletter")),
    ("- Ann: load the photos onto the site", (["Ann"], "Load the photos onto the site")),
    ("- Chris/Pat create the planting outline", (["Chris", "Pat"], "Create the planting outline")),
    ("- Lars to order seed potatoes", (["Lars"], "Order seed potatoes")),
])
def test_a_list_entry_that_sets_an_action(entry, expected):
    assert found(entry) == [expected]


@pytest.mark.parametrize("entry", ["- (Tom) Update on the roof repairs", "- Ann: the tap is dripping again",
                                   "- (Omar) Roof is fixed"])
def test_a_list_entry_that_reports_sets_no_action(entry):
    assert found(entry) == []


def test_entries_under_an_owner_line_in_an_actions_section_are_the_owners():
    assert found("Watering rota agreed.\n\n## Actions\n\n- Tom, Ann:\n    - Buy hoses\n    - Fix the tap\n"
                 "- Omar:\n    - Paint the shed\n") == [
        (["Tom", "Ann"], "Buy hoses"), (["Tom", "Ann"], "Fix the tap"), (["Omar"], "Paint the shed")]


def test_a_reference_of_letters_and_digits_is_the_action_number_not_an_owner():
    minutes = parse_md(CLUB.replace("Lars Berg", "Lars Berg (LB)") + "ACTION-WS-12: Action: LB - Check the stopcock.")
    assert [(a.owners, a.text, a.ref) for a in minutes.actions] == [(["LB"], "Check the stopcock", "WS-12")]


def test_actions_set_in_matters_arising_prose_are_actions_of_this_meeting():
    assert found("", CLUB.replace("## Water supply", "## 1. Matters arising") +
                 "Lars is to send the letter to the water board.\n") == [(["Lars"], "Send the letter to the water board")]


def test_a_second_owner_joined_in_the_same_sentence():
    assert found("The motion was carried and the Clerk was asked to inform the tenants.") == [
        (["Clerk"], "Inform the tenants")]
    assert found("Priya would phone the plumber, and Tom volunteered to buy the washers.") == [
        (["Priya"], "Phone the plumber"), (["Tom"], "Buy the washers")]


def test_a_resolution_is_not_also_an_action():
    assert found("RESOLVED: the committee will buy a new mower.") == []


# -- what a resolution tells an officer or a member to do --------------------------------------
@pytest.mark.parametrize("body, expected", [
    ("RESOLVED: (i) That the hedge be cut in March; (ii) That the Clerk should write to the landowner about "
     "the footpath.", [(["Clerk"], "Write to the landowner about the footpath")]),
    ("RESOLVED: That the Treasurer should, before the next meeting, move the reserve to the deposit account.",
     [(["Treasurer"], "Before the next meeting, move the reserve to the deposit account")]),
    ("Agreed: to ask Tom to price a new water butt.", [(["Tom"], "Price a new water butt")]),
    ("RESOLVED: (a) That the society should buy two new hoses; and (b) That Priya be asked to collect them.",
     [(["Priya"], "Collect them")]),
])
def test_a_resolution_that_instructs_someone_sets_their_action(body, expected):
    assert found(body) == expected


@pytest.mark.parametrize("body", [
    "RESOLVED: That the committee should review the rents every two years.",
    "RESOLVED: the group will publish the planting rota.",
    "The members authorised Tom to sign the lease on their behalf.",
])
def test_a_resolution_of_the_body_itself_or_a_permission_is_no_action(body):
    assert found(body) == []


def test_an_owner_told_something_who_then_will_act():
    assert found("Omar has been informed and will order the woodchip.") == [(["Omar"], "Order the woodchip")]


def test_a_body_that_noted_something_and_requested_an_officer_to_act():
    body = ("The society noted with thanks the work of the volunteers who had cleared the brambles by the shed, "
            "and requested the Secretary to write to each of them.")
    assert found(body) == [(["Secretary"], "Write to each of them")]


def test_agreed_that_someone_should_do_something_is_their_action():
    body = "The quotes were close, and after a long debate it was agreed that Tom & Ann should choose the supplier."
    assert found(body) == [(["Tom", "Ann"], "Choose the supplier")]


def test_the_last_clause_gives_a_known_owner_a_task():
    assert found("The survey firm has not managed a visit yet, Omar to chase them again.") == \
        [(["Omar"], "Chase them again")]


def test_a_last_clause_needs_someone_the_minutes_know():
    assert found("The survey firm has not managed a visit yet, Gandalf to chase them again.") == []


def test_someone_who_had_asked_someone_earlier_sets_no_action():
    assert found("Priya had asked the plumber to look at the tap, but nothing has happened.") == []


def test_someone_who_advised_that_they_are_to_act():
    assert found("Lars advised that he is to contact the water board.") == [(["Lars"], "Contact the water board")]


def test_a_last_clause_with_is_also_to():
    assert found("The rota is to be redrawn, Chris is also to phone the new volunteers.") == \
        [(["Chris"], "Phone the new volunteers")]
