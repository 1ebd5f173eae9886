"""Due phrases resolved against the meeting's date (minutes.tracking.due)."""
from __future__ import annotations

import pytest

from minutes.db import connect
from minutes.tracking.due import phrase_in, resolve_due


@pytest.mark.parametrize("text, meeting, next_meeting, expected", [
    ("by 31/03/2015", "2015-01-20", None, "2015-03-31"),
    ("2015-03-01", None, None, "2015-03-01"),
    ("by end of March", "2015-01-20", None, "2015-03-31"),
    ("by end of March", "2015-04-20", None, "2016-03-31"),       # the next March
    ("by the end of March 2017", "2015-04-20", None, "2017-03-31"),
    ("by the next meeting", "2015-01-20", "2015-04-14", "2015-04-14"),
    ("by the next meeting", "2015-01-20", None, None),           # not known yet
    ("before 5 May", "2015-06-01", None, "2016-05-05"),
    ("by June", "2015-01-20", None, "2015-06-30"),
    ("by the end of the month", "2015-02-03", None, "2015-02-28"),
    ("within two weeks", "2015-01-20", None, "2015-02-03"),
    ("in 3 months", "2015-01-31", None, "2015-04-30"),
    ("within a month", "2016-01-31", None, "2016-02-29"),        # a leap year's February
    ("within 13 months", "2015-12-15", None, "2017-01-15"),      # over the turn of two years
    ("by the end of the week", "2015-01-23", None, "2015-01-23"),  # a Friday: that day
    ("by the end of the week", "2015-01-24", None, "2015-01-30"),  # a Saturday: the next Friday
    ("by the end of February", "2016-01-10", None, "2016-02-29"),
    ("by 31/02/2015", "2015-01-20", None, None),                 # no such day
    ("as soon as possible", "2015-01-20", None, None),
    (None, "2015-01-20", None, None),
])
def test_resolve_due(text, meeting, next_meeting, expected):
    assert resolve_due(text, meeting, next_meeting) == expected


@pytest.mark.parametrize("text, expected", [
    ("Book the venue for the away day by the next meeting", "by the next meeting"),
    ("Circulate the figures by 31/03/2015.", "by 31/03/2015"),
    ("Send the draft in two weeks", "in two weeks"),
    ("Cover for two weeks", None),                               # a span, not a deadline
    ("Add the terms of reference to the website", None),
])
def test_phrase_in(text, expected):
    assert phrase_in(text) == expected


def test_a_due_column_phrase_is_resolved_against_the_series(tmp_path):
    """A Due cell saying "end of March" (not a date) becomes the date it means."""
    from minutes.ingest import ingest_paths

    doc = tmp_path / "m.md"
    doc.write_text("# Board\n\n15 January 2015\n\n## Summary of actions\n\n"
                   "| Action | Owner | Due |\n|---|---|---|\n| Send the accounts | DP | end of March |\n",
                   encoding="utf-8")
    db_path = str(tmp_path / "t.db")
    assert not ingest_paths(db_path, [str(doc)]).failed
    db = connect(db_path)
    try:
        rows = list(db.query("select due from actions"))
    finally:
        db.close()
    assert [r["due"] for r in rows] == ["2015-03-31"]
