"""People are matched only within a series unless merged by hand; series renamed, merged,
and a meeting moved by 'ingest --series' (never stored twice).  Through the command line,
read back from the database."""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from minutes.cli import cli
from minutes.tracking.keys import person_key
from minutes.tracking.owners import ALL_OWNERS, is_all
from parsers.vocabulary import ALL_WORDS, TITLES

FORUM = """# Quay Street Residents' Forum

Date: 5 March 2024

## Present

| Name | Initials |
| --- | --- |
| Ann Lee | AL |
| Tariq Shah | TS |

## 1. Bins

Action: AL to ask the council about the bins.
"""

SCHOOL = """# Hillside School Governors

Date: 12 March 2024

## Present

| Name | Initials |
| --- | --- |
| Mrs Ann Lee | AL |
| Ben Ola | BO |

## 1. Trips

Action: AL to book the coach for the trip.
"""

SCHOOL_APRIL = SCHOOL.replace("12 March 2024", "16 April 2024").replace("| Mrs Ann Lee | AL |", "| Ann Lee | AL |")


def run(*args: str, db: str, ok: bool = True):
    result = CliRunner().invoke(cli, [*args, "--db", db], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def rows(db: str, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def two_bodies(tmp_path):
    for name, text in (("forum.md", FORUM), ("school.md", SCHOOL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "m.db")
    run("ingest", str(tmp_path / "forum.md"), str(tmp_path / "school.md"), db=db)
    return tmp_path, db


def lee(db: str) -> list[tuple]:
    return rows(db, "SELECT p.id, p.name, group_concat(DISTINCT m.series) FROM people p "
                    "JOIN attendees a ON a.person_id = p.id JOIN meetings m ON m.id = a.meeting_id "
                    "WHERE p.name LIKE '%Lee' GROUP BY p.id ORDER BY p.id")


def test_the_titles_and_everyone_words_are_the_parsers_own():
    """minutes/ and parsers/ read one vocabulary: every title the parsers know is left out of a
    person's key, and every word for everyone is an 'All' owner."""
    for title in TITLES:
        assert person_key(f"{title} Ann Lee") == "ann lee", title
    assert person_key("Cllr Mrs Ann Lee") == person_key("County Councillor Ann Lee") == "ann lee"
    assert person_key("Dr") == "dr"          # a name that is nothing but a title keeps it
    assert all(is_all(w) for w in ALL_WORDS) and len(ALL_OWNERS) == len(set(ALL_WORDS))
    assert not is_all("the treasurer")


def test_the_same_name_in_two_bodies_is_two_people(two_bodies):
    tmp, db = two_bodies
    found = lee(db)
    assert [(name, series) for _, name, series in found] == [
        ("Ann Lee", "Quay Street Residents' Forum"), ("Mrs Ann Lee", "Hillside School Governors")]
    people = json.loads(run("people", "--json", db=db).stdout)
    assert sum(p["name"].endswith("Ann Lee") for p in people) == 2
    # within one body she is one person, however the minutes write her name
    (tmp / "april.md").write_text(SCHOOL_APRIL, encoding="utf-8")
    run("ingest", str(tmp / "april.md"), db=db)
    assert len(lee(db)) == 2
    school = found[1][0]
    assert rows(db, "SELECT count(*) FROM attendees WHERE person_id = ?", [school]) == [(2,)]
    assert "Hillside School Governors" in run("people", "--series", "hillside", db=db).stdout
    assert "Quay" not in run("people", "--series", "hillside", db=db).stdout


def test_people_merge_makes_one_person_that_later_minutes_find(two_bodies):
    tmp, db = two_bodies
    (forum, _, _), (school, _, _) = lee(db)
    result = run("people", "merge", "Mrs Ann Lee", str(forum), "--note", "the same Ann", db=db)
    assert result.stdout.startswith(f"Merged Mrs Ann Lee (#{school}) into Ann Lee (#{forum})")
    assert rows(db, "SELECT count(*) FROM people WHERE id = ?", [school]) == [(0,)]
    assert rows(db, "SELECT count(*) FROM attendees WHERE person_id = ?", [forum]) == [(2,)]
    assert rows(db, "SELECT count(DISTINCT action_id) FROM action_owners WHERE person_id = ?", [forum]) == [(2,)]
    assert {r[0] for r in rows(db, "SELECT series FROM person_names WHERE person_id = ?", [forum])} == {
        "Quay Street Residents' Forum", "Hillside School Governors"}
    # a later meeting of the school that writes her as before finds the merged person
    (tmp / "april.md").write_text(SCHOOL_APRIL.replace("| Ann Lee |", "| Mrs Ann Lee |"), encoding="utf-8")
    run("ingest", str(tmp / "april.md"), db=db)
    assert [r[0] for r in lee(db)] == [forum]
    assert rows(db, "SELECT count(*) FROM attendees WHERE person_id = ?", [forum]) == [(3,)]
    ann = [p for p in json.loads(run("people", "--json", db=db).stdout) if p["id"] == forum][0]
    assert len(ann["meetings"]) == 3 and len(ann["open_actions"]) == 3
    log = json.loads(run("history", "--json", db=db).stdout)
    assert log[-1]["command"] == "people merge" and log[-1]["note"] == "the same Ann"


def test_people_merge_dry_run_and_bad_names(two_bodies):
    tmp, db = two_bodies
    before = rows(db, "SELECT * FROM people ORDER BY id")
    result = run("people", "merge", "Mrs Ann Lee", "Tariq Shah", "--dry-run", db=db)
    assert result.stdout.startswith("Dry run: nothing was changed.")
    assert rows(db, "SELECT * FROM people ORDER BY id") == before
    result = run("people", "merge", "Lee", "Tariq Shah", db=db, ok=False)
    assert result.exit_code == 1 and "'Lee' matches 2 people" in result.stderr and "give the person's id" \
        in result.stderr
    result = run("people", "merge", "Nobody Here", "Tariq Shah", db=db, ok=False)
    assert result.stderr == "Error: there is no person matching 'Nobody Here' (see 'minutes people')\n"
    result = run("people", "merge", "Tariq Shah", db=db, ok=False)
    assert result.exit_code == 2 and "name a person to merge" in result.stderr
    assert rows(db, "SELECT * FROM people ORDER BY id") == before


def test_people_rename_is_kept_and_the_new_name_is_found(two_bodies):
    tmp, db = two_bodies
    school = lee(db)[1][0]
    result = run("people", "rename", "Mrs Ann Lee", "Ann Lee-Ola", "--initials", "ALO", db=db)
    assert result.stdout == f"Person {school}: name Mrs Ann Lee -> Ann Lee-Ola; initials AL -> ALO\n"
    (tmp / "april.md").write_text(SCHOOL_APRIL.replace("| Ann Lee | AL |", "| Ann Lee-Ola | AL |"), "utf-8")
    run("ingest", str(tmp / "april.md"), db=db)
    assert rows(db, "SELECT name, initials FROM people WHERE id = ?", [school]) == [("Ann Lee-Ola", "ALO")]
    assert rows(db, "SELECT count(*) FROM attendees WHERE person_id = ?", [school]) == [(2,)]
    clash = run("people", "rename", "Ben Ola", "Ann Lee-Ola", db=db, ok=False)
    assert clash.exit_code == 1 and "is already person" in clash.stderr and "merge the two instead" in clash.stderr
    same = run("people", "rename", str(school), "Ann Lee-Ola", db=db, ok=False)
    assert "nothing to change" in same.stderr


def test_series_rename_and_merge_make_one_body(two_bodies, tmp_path):
    tmp, db = two_bodies
    other = FORUM.replace("# Quay Street Residents' Forum", "# Quay St Forum").replace("5 March", "9 April")
    (tmp / "april-forum.md").write_text(other, encoding="utf-8")
    run("ingest", str(tmp / "april-forum.md"), db=db)
    assert len(lee(db)) == 3     # "Quay St Forum" is another series: another Ann Lee
    series = json.loads(run("series", "--json", db=db).stdout)
    assert [s["series"] for s in series] == ["Hillside School Governors", "Quay St Forum",
                                             "Quay Street Residents' Forum"]
    result = run("series", "merge", "quay st forum", "Quay Street", db=db)
    assert result.stdout.splitlines()[0] == '"Quay St Forum" merged into "Quay Street Residents\' Forum" (1 meeting)'
    assert "2 people written alike made one" in result.stdout
    assert rows(db, "SELECT DISTINCT series FROM meetings ORDER BY series") == [
        ("Hillside School Governors",), ("Quay Street Residents' Forum",)]
    assert rows(db, "SELECT key FROM meetings WHERE date = '2024-04-09'") == [("Quay Street Residents' Forum|2024-04-09",)]
    assert len(lee(db)) == 2
    # the actions of both meetings are one body's now: the later one re-issues the earlier
    assert rows(db, "SELECT count(*) FROM actions WHERE carried_from IS NOT NULL") == [(1,)]
    run("series", "rename", "Quay Street Residents' Forum", "Quay Street Forum", db=db)
    assert rows(db, "SELECT count(*) FROM meetings WHERE series = 'Quay Street Forum'") == [(2,)]
    assert rows(db, "SELECT count(*) FROM person_names WHERE series LIKE 'Quay Street Residents%'") == [(0,)]
    taken = run("series", "rename", "Quay Street Forum", "hillside school governors", db=db, ok=False)
    assert 'there is already a series "Hillside School Governors"' in taken.stderr and "series merge" in taken.stderr


def test_series_merge_refuses_a_meeting_stored_in_both(tmp_path):
    db = str(tmp_path / "m.db")
    (tmp_path / "a.md").write_text(FORUM, encoding="utf-8")
    (tmp_path / "b.md").write_text(FORUM + "\n", encoding="utf-8")
    run("ingest", str(tmp_path / "a.md"), db=db)
    run("ingest", str(tmp_path / "b.md"), "--series", "Forum", db=db)
    before = rows(db, "SELECT id, series, key FROM meetings ORDER BY id")
    result = run("series", "merge", "Forum", "Quay Street Residents' Forum", db=db, ok=False)
    assert result.exit_code == 1 and "is already stored in Quay Street Residents' Forum as meeting 1" in result.stderr
    assert "forget one of them first" in result.stderr
    assert rows(db, "SELECT id, series, key FROM meetings ORDER BY id") == before


def test_ingest_with_another_series_moves_the_meeting_and_says_so(two_bodies):
    tmp, db = two_bodies
    before = rows(db, "SELECT count(*) FROM meetings")
    action = rows(db, "SELECT id FROM actions WHERE text LIKE 'Ask the council%'")[0][0]
    run("done", str(action), db=db)
    result = run("ingest", str(tmp / "forum.md"), "--series", "Quay Street Forum", db=db)
    assert result.stdout.splitlines()[0].startswith("moved      ")
    assert "moved from the series Quay Street Residents' Forum to Quay Street Forum" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 file: 0 added, 0 updated, 1 moved, 0 unchanged, 0 failed"
    assert rows(db, "SELECT count(*) FROM meetings") == before           # never a second copy
    assert rows(db, "SELECT series FROM meetings WHERE date = '2024-03-05'") == [("Quay Street Forum",)]
    assert rows(db, "SELECT status FROM actions WHERE id = ?", [action]) == [("done",)]   # the same action
    assert {r[0] for r in rows(db, "SELECT DISTINCT n.series FROM person_names n JOIN attendees a "
                                   "ON a.person_id = n.person_id JOIN meetings m ON m.id = a.meeting_id "
                                   "WHERE m.date = '2024-03-05'")} == {"Quay Street Forum"}
    again = run("ingest", str(tmp / "forum.md"), "--series", "Quay Street Forum", db=db)
    assert again.stdout.startswith("unchanged")
    assert run("ingest", str(tmp / "forum.md"), db=db).stdout.startswith("unchanged")   # no --series: it stays
    assert [c["command"] for c in json.loads(run("history", "--json", db=db).stdout)] == ["done", "ingest --series"]


def test_set_email_is_logged_and_a_group_db_option_reaches_its_subcommands(two_bodies):
    tmp, db = two_bodies
    result = CliRunner().invoke(cli, ["people", "--db", db, "set-email", "TS", "tariq@example.org", "--by", "clerk"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT email, email_by_hand FROM people WHERE name = 'Tariq Shah'") == [("tariq@example.org", 1)]
    log = json.loads(run("history", "--json", db=db).stdout)
    assert (log[-1]["command"], log[-1]["actor"]) == ("people set-email", "clerk")
    assert "tariq@example.org" in log[-1]["summary"]
    merged = CliRunner().invoke(cli, ["people", "--db", db, "merge", "Mrs Ann Lee", "Ann Lee", "--dry-run"],
                                catch_exceptions=False)
    assert merged.exit_code == 0 and "Dry run" in merged.stdout
