"""Questions and their answers: dialogue with speaker cues, reported questions."""
from __future__ import annotations

from conftest import parse_html, parse_md

HEAD = """
# Market Development Session

Present: Pamela Richardson (PR), Paul Green (PG), Sara Swire (SS), Daxa Pancholi (DP)

## 4. Questions

"""


def questions(body: str) -> list[dict]:
    return parse_md(HEAD + body).to_dict()["questions"]


def test_bold_question_answered_by_another_speaker():
    [q] = questions("""
**PR: How does the authority account for financial standing?**

PG: No more than a third of income should come from one contract.
""")
    assert (q["asker"], q["text"]) == ("PR", "How does the authority account for financial standing?")
    assert [(a["by"], a["text"]) for a in q["answers"]] == [
        ("PG", "No more than a third of income should come from one contract.")]


def test_plain_question_answered_by_another_speaker():
    [q] = questions("""
SS: Will the Social Value Act contribute to this?

PG: Yes, it is weighted around 5%.
""")
    assert (q["asker"], [a["by"] for a in q["answers"]]) == ("SS", ["PG"])


def test_question_and_answer_in_one_paragraph():
    [q] = questions("""
**PR: Could small organisations be disadvantaged?**  PG: We consider risks in the round.
""")
    assert q["text"] == "Could small organisations be disadvantaged?"
    assert [(a["by"], a["text"]) for a in q["answers"]] == [("PG", "We consider risks in the round.")]


def test_every_answer_keeps_its_speaker():
    [q] = questions("""
**SS: Has anyone piloted payment by results?**

PG: Not locally.

DP: Some contracts withhold 20% of their value.
""")
    assert [a["by"] for a in q["answers"]] == ["PG", "DP"]


def test_answers_stop_at_the_next_question():
    found = questions("""
**PR: When will tenders go out?**

PG: At the end of March.

**SS: Will this affect current funding?**

DP: A decision is due in February.
""")
    assert [(q["asker"], [a["by"] for a in q["answers"]]) for q in found] == [
        ("PR", ["PG"]), ("SS", ["DP"])]


def test_question_without_an_answer_by_another_speaker_is_not_a_question():
    assert questions("""
DP: Can these actions please be updated before the next meeting?

DP: I will chase them myself.
""") == []


def test_question_with_no_reply_is_kept_with_no_answers():
    assert [(q["asker"], q["answers"]) for q in questions("""
**PR: Is there an update on the refuge?**
""")] == [("PR", [])]


def test_statement_is_not_a_question():
    assert questions("""
PR: The refuge has reopened.

PG: Good news.
""") == []


def test_speaker_written_as_a_name():
    found = parse_md("""
# Team call

Present: Tzviya Siegman, Ivan Herman

## 1. Publishing

Tzviya Siegman: Is the draft ready for review?

Ivan Herman: Yes, since Monday.
""").questions
    assert [(q.asker, [a.by for a in q.answers]) for q in found] == [("Tzviya Siegman", ["Ivan Herman"])]


def test_question_belongs_to_its_item():
    [q] = questions("""
PR: Is the budget agreed?

PG: Yes.
""")
    assert q["item"] == "4"


def test_question_in_an_item_table_cell():
    found = parse_md(
        "Present: Pamela Richardson (PR), Paul Green (PG)\n\n"
        "Item\tDiscussion\tAction\n"
        "4\t<p><b>Questions</b></p> <p><b>PR: How is the contract value assessed?</b>  "
        "PG: Against turnover.</p>\t\n").questions
    assert [(q.item, q.asker, [a.by for a in q.answers]) for q in found] == [("4", "PR", ["PG"])]


# -- reported questions -------------------------------------------------------------
def test_reported_question_with_answer_in_the_same_sentence():
    [q] = questions("""
PR asked whether small providers could bid together and PG said that consortium bids were welcome.
""")
    assert q["asker"] == "PR"
    assert "whether small providers could bid together" in q["text"]
    assert [(a["by"], a["text"]) for a in q["answers"]] == [("PG", "consortium bids were welcome.")]


def test_reported_question_with_replied_verb():
    [q] = questions("""
SS asked when the tender would open, and DP replied that it would open in April.
""")
    assert (q["asker"], [a["by"] for a in q["answers"]]) == ("SS", ["DP"])


def test_reported_question_without_an_answer_is_kept_with_no_answers():
    assert [(q["asker"], q["answers"]) for q in questions("""
PR asked whether the timetable could be shared.
""")] == [("PR", [])]


# -- provenance ----------------------------------------------------------------------
def test_every_question_has_a_where():
    found = questions("""
**PR: When will tenders go out?**

PG: At the end of March.

SS asked why it was late and DP said that approval took time.
""")
    assert len(found) == 2
    assert all(q["where"] for q in found)


def test_html_question_has_a_where():
    minutes = parse_html("""
        <h1>Board</h1>
        <p>Present: Pamela Richardson (PR), Paul Green (PG)</p>
        <h2>1. Questions</h2>
        <p><b>PR: Is the budget agreed?</b></p>
        <p>PG: Yes, last week.</p>
    """)
    assert [q.where != "" for q in minutes.questions] == [True]


# -- warnings --------------------------------------------------------------------------
def test_unknown_speaker_gives_a_warning():
    minutes = parse_md(HEAD + """
**PR: When will tenders go out?**

ZQ: At the end of March.
""")
    assert any(w.startswith("speaker ZQ") and "not among the attendees" in w and "item 4" in w
               for w in minutes.warnings)


def test_known_speakers_give_no_warning():
    minutes = parse_md(HEAD + """
**PR: When will tenders go out?**

PG: At the end of March.
""")
    assert minutes.warnings == []


def test_reported_question_answered_in_the_next_sentence():
    minutes = parse_md("""
        # Committee

        ## 10. AOB

        - Brian queried the status of Wildfly support. Answer: it will be supported later this year.
    """)
    assert [(q.asker, q.text, [a.by for a in q.answers]) for q in minutes.questions] == [
        ("Brian", "Brian queried the status of Wildfly support", [None])]


def test_reported_question_with_a_named_reply_in_the_next_sentence():
    minutes = parse_md("""
        # Committee

        ## 10. New projects

        AG asked if it was going to replace the catalogue. SR responded that both are running.
    """)
    assert [(q.asker, [a.by for a in q.answers]) for q in minutes.questions] == [("AG", ["SR"])]


def test_reported_question_nobody_answered_is_kept():
    minutes = parse_md("""
        # Committee

        ## 4. Status

        Shelly queried if anyone used the client in production.
    """)
    assert [(q.asker, q.answers) for q in minutes.questions] == [("Shelly", [])]


def test_q_and_a_lines():
    minutes = parse_md("""
        # Residents' Forum

        ## 1. Questions from residents

        Q: Will the community hall reopen this summer?
        A (Ann Lee): Yes, from 1 July.
    """)
    assert [(q.item, q.asker, q.text, [(a.by, a.text) for a in q.answers]) for q in minutes.questions] == [
        ("1", None, "Will the community hall reopen this summer?", [("Ann Lee", "Yes, from 1 July.")])]


def test_an_unlisted_name_among_known_speakers_is_a_speaker():
    minutes = parse_md("""
        # TSC

        ## Present

        * Rod Vagg
        * Domenic Denicola

        ## 1. Releases

        Domenic: things are ready to go.

        Trevor: do we have a way of measuring uptake?

        Rod: npm traffic is probably the best metric.
    """)
    assert [(q.asker, [a.by for a in q.answers]) for q in minutes.questions] == [("Trevor", ["Rod"])]


def test_a_bold_label_is_not_a_speaker():
    minutes = parse_md("""
        # TSC

        * **Audio Recording**: <https://example.org/a>
        * **GitHub Issue**: <https://example.org/b>
    """)
    assert not any("speaker" in w for w in minutes.warnings)


def test_speakers_are_worked_out_for_each_roster():
    """Statements are kept per block and roster: a second roster is asked afresh."""
    from parsers.document import Paragraph, Run
    from parsers.extract.people import Roster
    from parsers.extract.speech import statements
    from parsers.records import Attendee

    block = Paragraph([Run("Zoe Hart - the hall is booked.")])
    nobody = Roster([])
    zoe = Roster([Attendee(name="Zoe Hart", initials="ZH")])
    assert [st.who for st in statements([block], nobody)] == [None]
    assert [st.who for st in statements([block], zoe)] == ["Zoe Hart"]
    assert [st.who for st in statements([block], nobody)] == [None]


# -- more shapes ----------------------------------------------------------------------------
def test_a_question_at_the_end_of_a_speakers_line():
    [q] = questions("""
PR: The board recommended the bid. Shall we vote on it?

PG: Yes.
""")
    assert (q["asker"], [a["by"] for a in q["answers"]]) == ("PR", ["PG"])


def test_answers_by_several_speakers_until_the_asker_speaks_again():
    [q] = questions("""
SS: How long would merging take?

PG: A week.

DP: Two if we test it.

SS: Then we wait.
""")
    assert [a["by"] for a in q["answers"]] == ["PG", "DP"]


def test_reported_questions_in_other_tenses_and_forms():
    found = questions("""
PR asks if too many bids are being accepted. SS questioned whether the fee was fair. PG asked: what happens next?
""")
    assert [q["asker"] for q in found] == ["PR", "SS", "PG"]


def test_a_body_that_asks_or_someone_asked_to_act_is_no_question():
    assert questions("Members asked whether the road was adequate. PR asked the council to vote on it.") == []


def test_initials_that_spell_a_word_are_a_speaker_where_the_attendance_has_them():
    minutes = parse_md("""
        # Technical committee

        Present: Sam Oduya (SO), Paul Green (PG)

        ## 1. Release

        SO - Is the fix in the release?

        PG - Not yet.
    """)
    assert [(q.asker, [a.by for a in q.answers]) for q in minutes.questions] == [("SO", ["PG"])]


def test_initials_ending_in_a_small_letter_tell_two_people_apart():
    minutes = parse_md("""
        # Board

        Present: Remy Gibault [RGb], Remy Giraud [RGr]

        ## 1. Bank

        RGb - Do we know when the transfer happens?

        RGr - Next week.
    """)
    assert [(p.name, p.initials) for p in minutes.attendees] == [("Remy Gibault", "RGb"), ("Remy Giraud", "RGr")]
    assert [(q.asker, [a.by for a in q.answers]) for q in minutes.questions] == [("RGb", ["RGr"])]


def test_question_from_and_response_from_name_who_asked_and_who_answered():
    from conftest import parse_md
    doc = parse_md("# Forum\n\nPresent: Ann Lee (AL), Bob Ray (BR)\n\n## 1. Hall\n\n"
                   "Question from Ann Lee: Will the hall open on Sundays?\n\nResponse from Bob Ray: From June, yes.\n\n"
                   "Q – Bob Ray: Is the kitchen finished?\n\nQuestion from a resident: Why the delay?\n")
    assert [(q.asker, q.text, [(a.by, a.text) for a in q.answers]) for q in doc.questions] == [
        ("Ann Lee", "Will the hall open on Sundays?", [("Bob Ray", "From June, yes.")]),
        ("Bob Ray", "Is the kitchen finished?", [])]
