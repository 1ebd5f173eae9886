"""The tracker and the audit queries, on small stored meetings."""
from __future__ import annotations

from datetime import date

import pytest
from minutes_factory import board

from minutes import queries, store
from minutes.db import connect
from minutes.errors import MinutesError, UnknownAction
from minutes.tracking.owners import by_owner


@pytest.fixture
def db(tmp_path):
    database = connect(str(tmp_path / "m.db"))
    store.save(database, board())
    later = board(sha="later", date="2015-03-10", title="Finance Committee, 10 March 2015")
    later.actions = later.actions[1:2]
    later.decisions[0].text = "Budget approved"
    store.save(database, later)
    yield database
    database.close()


def texts(rows):
    return [r["text"][:9] for r in rows]


def test_outstanding_oldest_first_with_owners_and_age(db):
    rows = queries.outstanding(db, today=date(2015, 1, 30))
    assert texts(rows) == ["Get furth", "Circulate", "Read the ", "Circulate"]
    assert rows[0]["age_days"] == 10 and rows[0]["item_title"] == "Financial standing"


@pytest.mark.parametrize("owner, expected", [
    ("pg", ["Get furth"]),
    ("smcb", ["Circulate", "Circulate"]),
    ("daxa", ["Circulate", "Read the ", "Circulate"]),   # "All" counts for every attendee present
    ("PANCHOLI", ["Circulate", "Read the ", "Circulate"]),
    ("%", []),
    ("_", []),
    ("' OR '1'='1", []),
    ("nobody", []),
])
def test_owner_filter(db, owner, expected):
    assert texts(queries.outstanding(db, owner=owner)) == expected


def test_status_series_meeting_and_date_filters(db):
    assert texts(queries.outstanding(db, series="finance")) == ["Circulate"]
    assert texts(queries.outstanding(db, meeting="2015-01-20")) == ["Get furth", "Circulate", "Read the "]
    assert texts(queries.outstanding(db, since="2015-02-01")) == ["Circulate"]
    assert texts(queries.outstanding(db, until="2015-02-01")) == ["Get furth", "Circulate", "Read the "]
    assert queries.outstanding(db, status="done") == []
    with pytest.raises(MinutesError, match="unknown status"):
        queries.outstanding(db, status="closed")


def test_overdue_compares_iso_due_dates_only(db):
    rows = queries.outstanding(db, overdue=True, today=date(2015, 2, 2))
    assert [r["due"] for r in rows] == ["2015-02-01", "2015-02-01"]
    assert queries.outstanding(db, overdue=True, today=date(2015, 1, 31)) == []


def test_by_owner_groups(db):
    groups = dict(by_owner(queries.outstanding(db)))
    assert set(groups) == {"All attendees", "Daxa Pancholi (DP)", "PG", "Stephanie McBurney (SMcB)"}
    assert len(groups["Daxa Pancholi (DP)"]) == 2


def test_set_status_and_history(db):
    aid = queries.outstanding(db, owner="pg")[0]["id"]
    assert store.set_status(db, aid, "done", note="sent", by="chair")["status"] == "done"
    with pytest.raises(MinutesError, match=f"action {aid} is already done"):
        store.set_status(db, aid, "done")
    store.set_status(db, aid, "reopen", by="chair")
    store.set_status(db, aid, "drop", note="overtaken", by="chair")
    events = queries.history(db, aid)
    assert [(e["event"], e["actor"], e["source"], e["note"]) for e in events] == [
        ("created", "minutes", "minutes", "from board.md"), ("done", "chair", "hand", "sent"),
        ("reopened", "chair", "hand", None), ("dropped", "chair", "hand", "overtaken")]
    assert store.set_status(db, aid, "reopen")["status"] == "open"
    assert queries.history(db, aid)[-1]["actor"] == store.actor()


def test_unknown_action(db):
    with pytest.raises(UnknownAction, match="there is no action with id 99"):
        store.set_status(db, 99, "done")
    with pytest.raises(UnknownAction):
        queries.history(db, 99)


def test_find_meeting(db):
    assert queries.find_meeting(db, "1") == 1
    assert queries.find_meeting(db, "finance") == 2
    with pytest.raises(MinutesError, match="matches 2 meetings"):
        queries.find_meeting(db, "2015")
    with pytest.raises(MinutesError, match="no meeting matching"):
        queries.find_meeting(db, "%")


def test_search_marks_matches_and_survives_fts_syntax(db):
    rows = queries.search(db, "financial standing")
    kinds = {r["kind"] for r in rows}
    assert {"item", "question", "action"} <= kinds
    assert any("[financial]" in r["snippet"].lower() for r in rows)
    assert queries.search(db, 'tender" (pack*') and queries.search(db, "***") == []
    answer = queries.search(db, "turnover")[0]
    assert (answer["kind"], answer["item"]) == ("answer", "4")


def test_meetings_people_decisions_show(db):
    assert [(m["date"], m["series"], m["actions"]) for m in queries.meetings(db)] == [
        ("2015-01-20", "Delivery Group", 3), ("2015-03-10", "Finance Committee", 1)]
    # People are matched within a series: the Daxa Pancholi of each body is her own person until merged.
    daxa = [p for p in queries.people(db) if p["name"] == "Daxa Pancholi"]
    assert [[m["date"] for m in p["meetings"]] for p in daxa] == [["2015-01-20"], ["2015-03-10"]]
    assert [len(p["open_actions"]) for p in daxa] == [2, 1]
    assert [d["text"] for d in queries.decisions(db, since="2015-02-01")] == ["Budget approved"]
    assert [d["text"] for d in queries.decisions(db, series="delivery")] == ["The tender will be split into two lots"]
    shown = queries.show_meeting(db, "2015-01-20")
    assert shown["questions"][0]["answers"][0]["speaker"] == "DP"
    assert len(shown["actions"]) == 3 and shown["meeting"]["warnings"]
