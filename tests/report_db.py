"""A database for the export, calendar and Datasette tests: the fixtures
ingested, then a later meeting of the same series saved through the store
(owners with organisations, due dates, a closed action, markup in a name)."""
from __future__ import annotations

import hashlib
import os

import pytest

from minutes import store
from minutes.db import connect
from minutes.ingest import ingest_paths
from parsers.records import Action, Attendee, Decision, Item, Meeting, Minutes, Source, Update

FIXTURES = os.path.join(os.path.dirname(__file__), os.pardir, "fixtures")
SERIES = "Domestic and Sexual Violence Delivery Groups Leicester, Leicestershire & Rutland"
HOSTILE = "Tom <b>Griffin</b> | *Star*"


def second_meeting() -> Minutes:
    return Minutes(
        source=Source(path="second.md", format="markdown", sha256=hashlib.sha256(b"second").hexdigest()),
        meeting=Meeting(title=SERIES, date="2015-03-10", location="Town Hall"),
        attendees=[Attendee("Daxa Pancholi", "DP", "Head of Community Safety", "Leicester City Council"),
                   Attendee(HOSTILE, "TG", "DI", "Police & <Crime> Office"),
                   Attendee("Pamela Richardson", "PR", "CEO", "WALL")],
        items=[Item("1", "Matters arising", None, "line 5"), Item("2", "Tender timetable", None, "line 9")],
        actions=[
            Action("2", ["DP"], "Circulate the market position statement", due="2015-04-01", ref="2.1",
                   where="line 11"),
            Action("2", ["TG"], "Draft the <i>tender</i> timetable | phase 1", due="2015-03-31", ref="2.2",
                   where="line 12"),
            Action("2", ["DP", "PR"], "Agree the rules for consortium bids", due="by the next meeting", ref="2.3",
                   where="line 13"),
            Action("2", ["PR"], "Book the venue for the market event", status="done", ref="2.4", where="line 14"),
        ],
        updates=[Update("1", "1", ["PG"], "Get further information on assessment of financial standing of "
                        "consortiums from colleagues within the authority", "open", "Awaiting the finance team")],
        decisions=[Decision("2", "The tender will be split into two lots", "line 15")],
    )


def build(tmp_path, name: str = "board.db") -> str:
    """The fixtures and the second meeting in ``tmp_path/name``; returns the path."""
    path = str(tmp_path / name)
    # the sample in its three renderings (not the other styles under fixtures/styles)
    samples = sorted(os.path.join(FIXTURES, n) for n in os.listdir(FIXTURES)
                     if n.startswith("sample") and not n.endswith((".json", ".py")))
    report = ingest_paths(path, samples)
    assert not report.failed, report.summary()
    db = connect(path)
    store.save(db, second_meeting(), series=SERIES)
    db.close()
    return path


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """The report database, built once per test module."""
    return build(tmp_path_factory.mktemp("reports"))


@pytest.fixture
def db(db_path):
    db = connect(db_path, create=False)
    yield db
    db.close()
