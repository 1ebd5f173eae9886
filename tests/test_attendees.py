"""Attendees: tables, prose lists, lists under a label, statuses, initials, roles."""
from __future__ import annotations

import io
import unicodedata

import docx as python_docx
from conftest import parse_html, parse_md

import parsers


def people(text: str) -> list[dict]:
    return parse_md(text).to_dict()["attendees"]


def by_name(text: str) -> dict[str, dict]:
    return {p["name"]: p for p in people(text)}


# -- tables --------------------------------------------------------------------------------
TABLE = ("#### Present\n\n"
         "Name\tRole\tOrganisation\n"
         "Daxa Pancholi (DP)\tHead of Community Safety\tLeicester City Council\n"
         "Hugh Crouch (HC)\t\tRutland County Council\n")


def test_table_gives_name_role_and_organisation():
    dp = by_name(TABLE)["Daxa Pancholi"]
    assert (dp["role"], dp["organisation"]) == ("Head of Community Safety", "Leicester City Council")


def test_table_initials_come_from_brackets_in_the_name():
    assert by_name(TABLE)["Daxa Pancholi"]["initials"] == "DP"


def test_table_empty_role_is_null():
    assert by_name(TABLE)["Hugh Crouch"]["role"] is None


def test_table_under_present_heading_is_present():
    assert {p["status"] for p in people(TABLE)} == {"present"}


def test_table_initials_column():
    found = by_name("Name\tInitials\tOrganisation\nStephanie McBurney\tSMcB\tCity Council\n")
    assert found["Stephanie McBurney"]["initials"] == "SMcB"


def test_table_without_a_label_is_still_attendees():
    found = by_name("Name\tRole\nJane Smith\tChair\nBob Jones\tTreasurer\n")
    assert set(found) == {"Jane Smith", "Bob Jones"}


def test_pipe_table_of_attendees():
    found = by_name("""
        | Name | Organisation |
        |------|--------------|
        | Ann Lee (AL) | Police |
    """)
    assert found["Ann Lee"]["organisation"] == "Police"


def test_html_table_of_attendees():
    minutes = parse_html("""
        <h2>Attendees</h2>
        <table><tr><th>Name</th><th>Role</th></tr>
        <tr><td>Jane Smith</td><td>Chair</td></tr></table>
    """)
    assert [(p.name, p.role) for p in minutes.attendees] == [("Jane Smith", "Chair")]


# -- prose -------------------------------------------------------------------------------------
PROSE = "Present: Cllr Jane Smith (JS), Bob Jones (BJ) and Ann Lee (AL)"


def test_prose_list_gives_each_name():
    assert [p["name"] for p in people(PROSE)] == ["Cllr Jane Smith", "Bob Jones", "Ann Lee"]


def test_prose_list_gives_initials_from_brackets():
    assert [p["initials"] for p in people(PROSE)] == ["JS", "BJ", "AL"]


def test_prose_list_is_present():
    assert {p["status"] for p in people(PROSE)} == {"present"}


def test_name_without_initials_has_null_initials():
    assert people("Present: Jane Smith, Bob Jones")[0]["initials"] is None


def test_list_entry_with_role_and_organisation_after_commas():
    found = by_name("""
        Present:

        - Jane Smith, Head of Finance, Leicester City Council
        - Bob Jones
    """)
    assert (found["Jane Smith"]["role"], found["Jane Smith"]["organisation"]) == (
        "Head of Finance", "Leicester City Council")


def test_attendees_label_variant():
    assert [p["name"] for p in people("Attendees: Jane Smith; Bob Jones")] == ["Jane Smith", "Bob Jones"]


# -- statuses ------------------------------------------------------------------------------------
def test_apologies_line_gives_status_apologies():
    found = by_name("""
        Present: Jane Smith

        Apologies: Bob Jones
    """)
    assert found["Bob Jones"]["status"] == "apologies"
    assert found["Jane Smith"]["status"] == "present"


def test_apologies_received_from_variant():
    found = by_name("""
        Present: Jane Smith

        Apologies received from: Bob Jones and Ann Lee
    """)
    assert (found["Bob Jones"]["status"], found["Ann Lee"]["status"]) == ("apologies", "apologies")


def test_apologies_for_absence_heading_with_a_list():
    found = by_name("""
        ## Apologies for absence

        - Bob Jones
        - Ann Lee
    """)
    assert {p["status"] for p in found.values()} == {"apologies"}
    assert set(found) == {"Bob Jones", "Ann Lee"}


def test_in_attendance_gives_status_in_attendance():
    found = by_name("""
        Present: Jane Smith

        In attendance: Tom Clerk (Minutes)
    """)
    assert found["Tom Clerk"]["status"] == "in_attendance"


def test_also_present_variant_is_in_attendance():
    found = by_name("""
        Present: Jane Smith

        Also present: Ann Lee
    """)
    assert found["Ann Lee"]["status"] == "in_attendance"


def test_absent_gives_status_absent():
    found = by_name("""
        Present: Jane Smith

        Absent: Bob Jones
    """)
    assert found["Bob Jones"]["status"] == "absent"


def test_apologies_table_gives_status_apologies():
    found = by_name("#### Apologies\n\nName\tOrganisation\nBob Jones\tPolice\n")
    assert found["Bob Jones"]["status"] == "apologies"


# -- lists under a label --------------------------------------------------------------------------
def test_list_under_attendance_label():
    found = by_name("""
        **Attendance**

        - Jane Smith (JS)
        - Bob Jones (BJ)
    """)
    assert [(p["name"], p["initials"], p["status"]) for p in found.values()] == [
        ("Jane Smith", "JS", "present"), ("Bob Jones", "BJ", "present")]


def test_lines_under_present_label():
    found = by_name("""
        Present:
        Jane Smith
        Bob Jones
    """)
    assert set(found) == {"Jane Smith", "Bob Jones"}


def test_html_list_under_present_heading():
    minutes = parse_html("<h3>Present</h3><ul><li>Jane Smith</li><li>Bob Jones</li></ul>")
    assert [p.name for p in minutes.attendees] == ["Jane Smith", "Bob Jones"]


def test_list_stops_at_the_next_section():
    found = by_name("""
        Present:

        - Jane Smith

        ## 1. Welcome

        - Bob Jones said hello
    """)
    assert set(found) == {"Jane Smith"}


# -- roles -------------------------------------------------------------------------------------------
def test_chair_line_sets_the_role():
    found = by_name("""
        Present: Jane Smith, Bob Jones

        Chair: Jane Smith
    """)
    assert found["Jane Smith"]["role"] == "Chair"
    assert found["Bob Jones"]["role"] is None


def test_role_in_brackets():
    assert by_name("Present: Jane Smith (Chair), Bob Jones")["Jane Smith"]["role"] == "Chair"


def test_person_listed_twice_is_one_attendee():
    found = people("""
        Present: Jane Smith (JS), Bob Jones

        Chair: Jane Smith
    """)
    assert [p["name"] for p in found].count("Jane Smith") == 1


def test_none_is_not_an_attendee():
    found = by_name("""
        Present: Jane Smith

        Apologies: None
    """)
    assert set(found) == {"Jane Smith"}


# -- more wording ------------------------------------------------------------------------------------
def test_members_present_label():
    assert [p["name"] for p in people("Members present: Jane Smith, Bob Jones")] == ["Jane Smith", "Bob Jones"]


def test_regrets_label_is_apologies():
    found = by_name("""
        Present: Jane Smith

        Regrets: Ann Lee
    """)
    assert found["Ann Lee"]["status"] == "apologies"


def test_lists_under_present_and_apologies_labels():
    found = people("""
        Present:

        - Jane Smith (JS)

        Apologies:

        - Bob Jones (BJ)
    """)
    assert [(p["name"], p["initials"], p["status"]) for p in found] == [
        ("Jane Smith", "JS", "present"), ("Bob Jones", "BJ", "apologies")]


def test_titles_stay_in_the_name_and_role_comes_from_brackets():
    found = people("**Present:** Cllr J Smith (Chair), Mr B Jones")
    assert [(p["name"], p["role"]) for p in found] == [("Cllr J Smith", "Chair"), ("Mr B Jones", None)]


def test_chair_line_with_initials_sets_the_role():
    found = by_name("""
        Present: Jane Smith (JS)

        Chair: Jane Smith (JS)
    """)
    assert found["Jane Smith"]["role"] == "Chair"


def test_chaired_by_sets_the_role_chair():
    found = by_name("""
        Present: Jane Smith, Bob Jones

        Chaired by: Jane Smith
    """)
    assert found["Jane Smith"]["role"] == "Chair"


def test_chair_line_before_the_present_list_sets_the_role():
    found = by_name("""
        Chair: Jane Smith

        Present: Jane Smith, Bob Jones
    """)
    assert found["Jane Smith"]["role"] == "Chair"


def test_chair_not_listed_as_present_is_a_present_attendee():
    found = by_name("""
        Present: Bob Jones

        Chair: Jane Smith
    """)
    assert "Jane Smith" in found
    assert (found["Jane Smith"]["role"], found["Jane Smith"]["status"]) == ("Chair", "present")


def test_initials_and_role_in_one_bracket():
    people = parse_md("""
        # Trust board

        **Present:** Helen Ward (HW, Chair), Omar Said (OS)
    """).attendees
    assert [(p.name, p.initials, p.role) for p in people] == [
        ("Helen Ward", "HW", "Chair"), ("Omar Said", "OS", None)]


def test_initials_named_in_an_apologies_sentence_are_not_a_new_person():
    people = parse_md("""
        # Trust board

        Apologies: Neil Hart (NH)

        ## 1. Welcome

        Apologies were received from NH.
    """).attendees
    assert [(p.name, p.status) for p in people] == [("Neil Hart", "apologies")]


def test_table_without_a_header_under_present():
    people = parse_md("""
        # Residents' Forum

        ## Present

        | | | |
        |---|---|---|
        | Jane Smith | Chair | Residents' Association |
        | Ann Lee | | Housing Trust |
    """).attendees
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Jane Smith", "Chair", "Residents' Association"), ("Ann Lee", None, "Housing Trust")]


def test_item_table_after_a_present_list_is_not_read_as_attendees():
    minutes = parse_md("Present: Jane Smith (JS)\n\nItem\tDiscussion\tAction\n1\tWelcome all.\t\n")
    assert [p.name for p in minutes.attendees] == ["Jane Smith"]


def test_an_acronym_in_brackets_is_a_body_not_initials():
    [person] = parse_md("""
        # TSC

        ## Present

        * Rod Vagg (TSC)
    """).attendees
    assert (person.name, person.initials, person.organisation) == ("Rod Vagg", None, "TSC")


# -- names in every script; e-mail addresses (issue 13) --------------------------------------
# Names as people write them: scripts without capital letters, vowel signs and
# virama (combining marks), Thai tone marks, a decomposed accent (macOS), an
# emoji, a Persian name whose spelling needs a zero-width non-joiner.
SCRIPT_NAMES = {
    "Priya Raghunathan": None,  # a Latin control
    "सुनीता वर्मा": "SV",
    "วิไลวรรณ ทองดี": "VT",
    "கார்த்திக் சுப்ரமணியம்": "KS",
    unicodedata.normalize("NFD", "Renée Doré"): "RD",
    "Kofi 🌍 Mensah": "KM",
    "مهسا\u200cکریمی": "MK",
}


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def _table_md(names: dict) -> str:
    rows = "".join(f"| {n} | {i or ''} |\n" for n, i in names.items())
    return f"## Present\n\n| Name | Initials |\n| --- | --- |\n{rows}"


def test_names_in_every_script_are_attendees_in_markdown():
    found = by_name(_table_md(SCRIPT_NAMES))
    assert set(found) == {_nfc(n) for n in SCRIPT_NAMES}
    assert found["सुनीता वर्मा"]["initials"] == "SV"


def test_names_in_every_script_are_attendees_in_a_prose_list():
    line = ", ".join(f"{n} ({i})" if i else n for n, i in SCRIPT_NAMES.items())
    assert set(by_name(f"Present: {line}\n")) == {_nfc(n) for n in SCRIPT_NAMES}


def test_names_in_every_script_are_attendees_in_word():
    document = python_docx.Document()
    document.add_heading("Trustees' meeting", level=1)
    document.add_heading("Present", level=2)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Name", "Initials"
    for name, initials in SCRIPT_NAMES.items():
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, initials or ""
    buf = io.BytesIO()
    document.save(buf)
    found = {a.name for a in parsers.parse_bytes("t.docx", buf.getvalue()).attendees}
    assert found == {_nfc(n) for n in SCRIPT_NAMES}


def test_a_decomposed_accent_is_stored_composed():
    name = next(a.name for a in parse_md(_table_md(SCRIPT_NAMES)).attendees if a.name.startswith("Ren"))
    assert name == "Renée Doré" and len(name) == 10


def test_a_zero_width_non_joiner_stays_in_the_name():
    assert "مهسا\u200cکریمی" in by_name(_table_md(SCRIPT_NAMES))


def test_an_emoji_joined_with_zero_width_joiners_is_kept_whole():
    family = "\U0001F469\u200d\U0001F467"
    assert f"Ama {family} Owusu" in by_name(_table_md({f"Ama {family} Owusu": "AO"}))


def test_an_email_address_in_an_attendee_cell_is_kept_apart_from_the_name():
    found = by_name(_table_md({"Lena Fischer <lena.fischer@example.org>": "LF"}))
    assert found["Lena Fischer"]["email"] == "lena.fischer@example.org"
    assert found["Lena Fischer"]["initials"] == "LF"


def test_an_email_address_in_html_angle_brackets():
    found = {a.name: a for a in parse_html(
        "<h2>Present</h2><p>Lena Fischer &lt;lena.fischer@example.org&gt; (LF), Tom Berg (TB)</p>").attendees}
    assert found["Lena Fischer"].email == "lena.fischer@example.org"
    assert (found["Lena Fischer"].initials, found["Tom Berg"].email) == ("LF", None)


def test_an_email_address_in_brackets_or_an_email_column():
    assert by_name("Present: Tom Berg (tom@example.net), Lena Fischer\n")["Tom Berg"]["email"] == "tom@example.net"
    found = by_name("| Name | E-mail |\n| --- | --- |\n| Tom Berg | <tom@example.net> |\n")
    assert found["Tom Berg"]["email"] == "tom@example.net"


def test_email_is_in_the_contract_after_handle():
    keys = list(by_name("Present: Tom Berg\n")["Tom Berg"])
    assert keys[keys.index("handle") + 1] == "email"


def test_the_title_from_the_page_is_nfc_too():
    title = unicodedata.normalize("NFD", "Réunion du comité")
    assert parse_html(f"<title>{title}</title><p>Date: 3 May 2024</p>").meeting.title == "Réunion du comité"


def test_a_name_with_vowel_signs_is_found_by_its_first_name():
    from parsers.extract.people import Roster, name_key

    roster = Roster(parse_md("Present: कोमल शर्मा (KS), Priya Raghunathan (PR)\n").attendees)
    assert roster.find("कोमल").name == "कोमल शर्मा"
    assert name_key("कोमल शर्मा") != name_key("कमल शर्मा")


# -- a row of header words inside an attendee table (issue 13) ------------------------------
def test_a_header_row_inside_a_tab_table_keeps_the_people_after_it():
    text = ("## Apologies\n\nName\tRole\tOrganisation\nGrace Obi (GO)\tChair\tRiverside Housing\n"
            "Name\tMember\tOrg\nTomas Ruiz (TR)\tTreasurer\tRiverside Housing\n")
    found = by_name(text)
    assert set(found) == {"Grace Obi", "Tomas Ruiz"}
    assert (found["Tomas Ruiz"]["status"], found["Tomas Ruiz"]["role"]) == ("apologies", "Treasurer")


def test_a_header_row_inside_a_pipe_table_is_not_a_person():
    found = by_name("""
        ## Present

        | Name | Initials | Organisation |
        | --- | --- | --- |
        | Grace Obi | GO | Riverside Housing |
        | Name | Member | Org |
        | Tomas Ruiz | TR | Riverside Housing |
    """)
    assert set(found) == {"Grace Obi", "Tomas Ruiz"}
    assert found["Tomas Ruiz"]["initials"] == "TR"


# -- labels in other shapes ------------------------------------------------------------------------
def test_a_count_after_the_label_is_not_part_of_it():
    found = by_name("**Attending (3)**: Maya (Chair), Olu (Secretary), Priya")
    assert [(n, p["role"]) for n, p in found.items()] == [("Maya", "Chair"), ("Olu", "Secretary"), ("Priya", None)]


def test_label_on_a_later_line_of_a_block_of_details():
    found = people("""
        Time:  7-8pm  
        Where: the library  
        Attending: kt, rb, mo  
        Facilitator: kt
    """)
    assert [(p["name"], p["role"]) for p in found] == [("kt", "Facilitator"), ("rb", None), ("mo", None)]


def test_names_nested_under_list_labels():
    found = people("""
        - Present:
            - Ada Byron
            - Alan Turing
        - Absent:
            - Grace Hopper
        - Guests:
            - None
    """)
    assert [(p["name"], p["status"]) for p in found] == [
        ("Ada Byron", "present"), ("Alan Turing", "present"), ("Grace Hopper", "absent")]


def test_a_label_that_names_how_people_attended_is_present():
    found = people("""
        Joined by video link:

        - Ada Byron

        Not present:

        - Alan Turing
    """)
    assert [(p["name"], p["status"]) for p in found] == [("Ada Byron", "present"), ("Alan Turing", "absent")]


def test_a_group_line_inside_an_attendance_list_keeps_the_status():
    found = people("""
        Trustees present:

        - Ada Byron, Analytical Society

        On behalf of the secretariat:

        - Alan Turing, Bletchley Trust

        Also present:

        - Grace Hopper
    """)
    assert [(p["name"], p["status"], p["organisation"]) for p in found] == [
        ("Ada Byron", "present", "Analytical Society"), ("Alan Turing", "present", "Bletchley Trust"),
        ("Grace Hopper", "in_attendance", None)]


def test_a_heading_with_members_in_the_middle_is_not_attendance():
    found = people("""
        ## New members welcomed

        - Ada Byron
        - Alan Turing
    """)
    assert found == []


def test_a_role_name_entry_in_a_list_does_not_label_the_next_entry():
    found = people("""
        Present: Ada Byron (Treasurer)

        ## Officers to be elected

        - Secretary
        - Treasurer
    """)
    assert [p["name"] for p in found] == ["Ada Byron"]


def test_label_run_into_the_names_without_a_colon():
    found = people("Apologies Ada Byron, Alan Turing and Grace Hopper")
    assert {(p["name"], p["status"]) for p in found} == {
        ("Ada Byron", "apologies"), ("Alan Turing", "apologies"), ("Grace Hopper", "apologies")}


def test_names_wrapped_over_lines_with_the_next_label_cut_by_the_wrap():
    found = people("""
        Present: Ada Byron, Alan Turing (representing the Trust) Grace
        Hopper and Tim Lee (for the Society) In
        attendance: Joan Clarke.
    """)
    assert [(p["name"], p["status"]) for p in found] == [
        ("Ada Byron", "present"), ("Alan Turing", "present"), ("Grace Hopper", "present"),
        ("Tim Lee", "present"), ("Joan Clarke", "in_attendance")]


def test_a_plural_title_goes_to_each_name_it_heads():
    found = people("Apologies: Cllrs Amin and Brook, Dr Shah")
    assert [p["name"] for p in found] == ["Cllr Amin", "Cllr Brook", "Dr Shah"]


def test_post_nominal_letters_are_a_role_not_part_of_the_name():
    [person] = people("Apologies: Sam Wright MP")
    assert (person["name"], person["role"]) == ("Sam Wright", "MP")


def test_a_role_written_before_the_name():
    [person] = people("Guests: Conference Programme Chair Lena Park")
    assert (person["name"], person["role"], person["status"]) == (
        "Lena Park", "Conference Programme Chair", "in_attendance")


def test_two_names_a_missing_comma_joined_are_split_when_one_is_known():
    found = people("""
        Present: Ada Byron, Alan Turing Grace Hopper

        Secretary: Alan Turing
    """)
    assert [p["name"] for p in found] == ["Ada Byron", "Alan Turing", "Grace Hopper"]


def test_initials_first_then_name_organisation_and_role():
    found = people("""
        ### Participants

        - AT - Alan Turing, Computing Laboratory, Cambridge [CL], Chair
        - Grace Hopper [GH], Navy Research Office, USA [NRO]
    """)
    assert [(p["name"], p["initials"], p["role"], p["organisation"]) for p in found] == [
        ("Alan Turing", "AT", "Chair", "Computing Laboratory, Cambridge [CL]"),
        ("Grace Hopper", "GH", None, "Navy Research Office, USA [NRO]")]


def test_entries_of_one_list_that_fold_alike_are_two_people():
    found = people("Present: Mrs Okafor, Okafor, Dr Lin")
    assert [p["name"] for p in found] == ["Mrs Okafor", "Okafor", "Dr Lin"]


# -- sentences --------------------------------------------------------------------------------------
def test_an_apology_sent_in_a_sentence():
    found = people("""
        Present: Ada Byron

        Cllr Mrs Hale had sent her apology for the meeting.
    """)
    assert ("Cllr Mrs Hale", "apologies") in [(p["name"], p["status"]) for p in found]


def test_members_who_could_not_be_contacted_are_absent():
    found = people("""
        Present: Ada Byron

        The Clerk was unable to contact Cllr Moss and Cllr Reed.
    """)
    assert [(p["name"], p["status"]) for p in found][1:] == [("Cllr Moss", "absent"), ("Cllr Reed", "absent")]


def test_sentences_after_a_bare_label_are_not_names():
    found = people("""
        APOLOGIES
        Cllr Ward had sent his apologies.
        The chair then opened the discussion on the hall, which was long.
    """)
    assert [(p["name"], p["status"]) for p in found] == [("Cllr Ward", "apologies")]


# -- front matter and tables ------------------------------------------------------------------------
def test_front_matter_lists_the_members():
    found = people("""
        ---
        title: Annual meeting
        members:
        - Ada Byron (also Treasurer)
        - Alan Turing
        apologies: [Grace Hopper]
        ---
        ## Accounts
        The accounts were presented.
    """)
    assert [(p["name"], p["status"]) for p in found] == [
        ("Ada Byron", "present"), ("Alan Turing", "present"), ("Grace Hopper", "apologies")]


def test_a_table_whose_first_column_labels_its_rows():
    minutes = parse_html("""
        <table>
        <tr><td><b>Present</b></td><td>Chairman:</td><td>Mrs Hale</td></tr>
        <tr><td></td><td>Councillor:</td><td>Moss</td></tr>
        <tr><td></td><td></td><td>Mrs Reed</td></tr>
        <tr><td>Apologies</td><td></td><td>Cllr Ward</td></tr>
        </table>
    """)
    assert [(p.name, p.role, p.status) for p in minutes.attendees] == [
        ("Mrs Hale", "Chairman", "present"), ("Moss", "Councillor", "present"),
        ("Mrs Reed", "Councillor", "present"), ("Cllr Ward", None, "apologies")]


def test_a_key_value_table_with_attendees_and_guests():
    minutes = parse_html("""
        <table>
        <tr><td>Date:</td><td>3 May 2021</td></tr>
        <tr><td>Attendees:</td><td>Ada Byron, Alan Turing</td></tr>
        <tr><td>Guests:</td><td>Treasurer Joan Clarke</td></tr>
        </table>
    """)
    assert [(p.name, p.status) for p in minutes.attendees] == [
        ("Ada Byron", "present"), ("Alan Turing", "present"), ("Joan Clarke", "in_attendance")]


def test_a_yes_no_column_under_a_meeting_date_says_who_attended():
    minutes = parse_html("""
        <h2>Attendance</h2>
        <table><tr><th>member</th><th>3 May</th></tr>
        <tr><td>Ada Byron</td><td>Yes</td></tr><tr><td>Alan Turing</td><td>No</td></tr></table>
    """)
    assert [(p.name, p.status) for p in minutes.attendees] == [("Ada Byron", "present"), ("Alan Turing", "absent")]


def test_a_paragraph_that_holds_more_than_the_attendance_stays_for_the_minutes():
    minutes = parse_md("""
        # Parish council

        The Chair opened the meeting.
        APOLOGIES
        Cllr Ward had sent his apologies.
        It was resolved that the bench be replaced.
    """)
    assert [(p.name, p.status) for p in minutes.attendees] == [("Cllr Ward", "apologies")]
    assert len(minutes.decisions) == 1 and "the bench be replaced" in minutes.decisions[0].text.lower()


def test_a_role_heading_over_a_report_is_not_the_role_holder():
    from conftest import parse_md
    doc = parse_md("# Club\n\nPresent - Ann Lee, Bob Ray\n\n## 6. Officers\n\nSecretary\n\n"
                   "It was agreed that a calendar would be posted on the website. Action: Ann Lee by 15 May\n")
    assert [a.name for a in doc.attendees] == ["Ann Lee", "Bob Ray"]
    assert [a.owners for a in doc.actions] == [["Ann Lee"]]


def test_those_present_were_and_also_present_in_a_sentence():
    from conftest import parse_md
    doc = parse_md("# Club\n\nThose present were Ann Lee, Bob Ray and Cllr Mrs Jo Hart.\n\n"
                   "Also present was Sam Ode of the county council.\n\n## 1. Hall\n\nNothing was present on the agenda.\n")
    assert [(a.name, a.status) for a in doc.attendees] == [
        ("Ann Lee", "present"), ("Bob Ray", "present"), ("Cllr Mrs Jo Hart", "present"),
        ("Sam Ode", "in_attendance")]


def test_people_grouped_by_organisation_under_the_label():
    from conftest import parse_md
    doc = parse_md("# Forum\n\nPresent:\n\nCounty Council: Ann Lee, Bob Ray\n\nPolice: Sgt Tom Hill\n\n"
                   "## 1. Hall\n\nThe hall is open.\n")
    assert [(a.name, a.organisation) for a in doc.attendees] == [
        ("Ann Lee", "County Council"), ("Bob Ray", "County Council"), ("Sgt Tom Hill", "Police")]


def test_officer_role_lines_and_a_role_label_over_what_they_said():
    from conftest import parse_md
    doc = parse_md("# Club\n\nChair: Ann Lee\nTreasurer: Cy Dunn\n\n## 1. Money\n\n"
                   "Treasurer: the balance is £400.\n")
    assert [(a.name, a.role) for a in doc.attendees] == [("Ann Lee", "Chair"), ("Cy Dunn", "Treasurer")]
    assert doc.items[0].text == "Treasurer: the balance is £400."


def test_chat_handles_with_digits_are_names_as_written():
    from conftest import parse_md
    doc = parse_md("# Call\n\nPresent: @alice99, bob_2, Carol Ode\n\n## 1. Build\n\nGreen.\n")
    assert [a.name for a in doc.attendees] == ["@alice99", "bob_2", "Carol Ode"]


def test_names_after_a_label_that_end_with_a_comma_go_on_in_the_next_paragraph():
    from conftest import parse_md
    doc = parse_md("# Club\n\nPresent: Ann Lee, Bob Ray,\n\nCy Dunn, Dee Fox\n\n## 1. Hall\n\nOpen.\n")
    assert [a.name for a in doc.attendees] == ["Ann Lee", "Bob Ray", "Cy Dunn", "Dee Fox"]
