"""Commands that behave like the tools people know (sqlite-utils, Click): one output option set
on every listing, '-' for standard input, --quiet and --verbose, NO_COLOR, tables that fit the
terminal, serve passing Datasette's own options on, MINUTES_* for every option naming a path."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from minutes.cli import cli
from minutes.cli import common
from minutes.output import audit
from minutes.output.formats import Style, fit, table

JUNE = """# Harbour Board

Date: 4 June 2024

## Present

| Name | Initials |
| --- | --- |
| Mallory Doe | MD |
| Rhys Evans | RE |

## 1. Moorings

Action: MD to renew every mooring licence on the north quay and the south quay before the summer season starts.

## 2. Finance

RESOLVED that the accounts be approved.

Action: RE to pay the harbour dues.
"""
JULY = JUNE.replace("4 June 2024", "2 July 2024").replace("## 2. Finance", "## 2. Finance review")


def run(*args: str, db: str | None = None, ok: bool = True, **kwargs):
    result = CliRunner().invoke(cli, [*args, *(["--db", db] if db else [])], catch_exceptions=False, **kwargs)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("board")
    (tmp / "june.md").write_text(JUNE, encoding="utf-8")
    (tmp / "july.md").write_text(JULY, encoding="utf-8")
    path = str(tmp / "m.db")
    run("ingest", str(tmp / "june.md"), str(tmp / "july.md"), db=path)
    run("done", "2", "--note", "paid", db=path)
    return path


LISTINGS = [["actions"], ["actions", "--carried"], ["actions", "--status", "all"], ["history", "1"], ["history"],
            ["history", "--ingests"], ["meetings"], ["people"], ["series"], ["search", "harbour"], ["decisions"]]


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_every_listing_takes_every_format(db, command):
    as_json = json.loads(run(*command, "--json", db=db).stdout)
    records = as_json["history"] if command[0] == "history" and len(command) == 2 and command[1] == "1" else as_json
    nl = run(*command, "--nl", db=db).stdout
    if isinstance(as_json, list):
        assert [json.loads(line) for line in nl.splitlines()] == as_json
        assert records, command        # every listing has something to show here
    out = {fmt: run(*command, f"--{fmt}", db=db).stdout for fmt in ("table", "csv", "tsv", "markdown")}
    assert out["table"] == run(*command, db=db).stdout          # --table is the default
    header, *body = list(csv.reader(io.StringIO(out["csv"])))
    assert body and all(len(r) == len(header) for r in body)
    tsv_header, *tsv_body = list(csv.reader(io.StringIO(out["tsv"]), delimiter="\t"))
    assert tsv_header == header and tsv_body == body
    assert out["markdown"].splitlines()[1].startswith("|---")
    bare = run(*command, "--csv", "--no-headers", db=db).stdout
    assert list(csv.reader(io.StringIO(bare))) == body
    assert run(*command, "--tsv", "--no-headers", db=db).stdout.count("\n") == out["tsv"].count("\n") - 1


def test_only_one_format_at_a_time_and_the_last_one_wins(db):
    assert run("meetings", "--csv", "--json", db=db).stdout.startswith("[")


def test_tables_fit_the_width_cut_or_wrapped(db):
    wide = run("actions", "--status", "all", db=db).stdout
    assert "before the summer season starts" not in wide        # the column's own limit (70) off a terminal
    full = run("actions", "--status", "all", "--width", "0", db=db).stdout
    assert "before the summer season starts." not in full and "before the summer season starts" in full
    narrow = run("actions", "--status", "all", "--width", "60", db=db).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert "…" in narrow
    wrapped = run("actions", "--status", "all", "--width", "60", "--wrap", db=db).stdout
    assert max(len(line) for line in wrapped.splitlines()) <= 60
    assert "summer" in wrapped and "season" in wrapped and "…" not in wrapped
    meetings = run("meetings", "--width", "70", db=db).stdout.splitlines()
    assert "2024-06-04" in meetings[2]          # dates and ids are never cut, only free text gives way


def test_fit_gives_way_widest_first_and_never_below_the_floor():
    assert fit([10, 40, 30], [10, 6, 6], 60) == [10, 23, 23]
    assert fit([10, 40, 30], [10, 35, 30], 60) == [10, 35, 30]     # cannot fit: as narrow as the floors
    text = table([{"a": "x" * 50, "b": "y"}], ["a", "b"], {"a": 80}, width=20)
    assert all(len(line) <= 20 for line in text.splitlines())


def test_a_terminal_gives_its_width_and_colour_unless_no_color(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(common.sys, "stdout", Terminal())
    monkeypatch.setattr(common.shutil, "get_terminal_size", lambda: __import__("os").terminal_size((72, 20)))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert common.make_style() == Style(width=72, color=True)
    assert common.make_style(width=0).width == 0
    monkeypatch.setenv("NO_COLOR", "1")
    assert common.make_style().color is False
    monkeypatch.setenv("NO_COLOR", "")          # empty: as if unset (no-color.org)
    assert common.make_style().color is True
    monkeypatch.setenv("TERM", "dumb")
    assert common.make_style().color is False
    assert common.color_allowed(io.StringIO()) is False          # not a terminal


def test_search_is_bold_only_when_colour_is_allowed():
    def found():
        return [{"kind": "action", "id": 1, "meeting_date": "2024-06-04", "meeting_title": "Board", "item": "1",
                 "item_title": "Moorings", "snippet": f"renew the {audit.MARK[0]}mooring{audit.MARK[1]} licences"}]

    assert "[mooring]" in audit.search(found(), Style(), bold=False)
    bold = audit.search(found(), Style(), bold=True)
    assert "\x1b[1mmooring\x1b[0m" in bold
    cut = audit.search(found(), Style(width=50), bold=True)       # a match cut by the width is closed
    assert cut.count("\x1b[1m") == cut.count("\x1b[0m")


def test_no_color_and_not_a_terminal_print_no_escape_codes(db):
    for env in ({"NO_COLOR": "1"}, {}):
        result = run("search", "harbour", db=db, env=env)
        assert "\x1b[" not in result.stdout and "[harbour]" in result.stdout.lower()
        assert "\x1b[" not in run("forget", "2031-01-01", db=db, ok=False, env=env).stderr


# --- ingest and check --------------------------------------------------------------------------

def test_ingest_and_check_report_as_json_and_ndjson(tmp_path):
    (tmp_path / "june.md").write_text(JUNE, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    db = str(tmp_path / "m.db")
    result = run("ingest", str(tmp_path), "--json", db=db, ok=False)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(f["path"].rsplit("/", 1)[1], f["status"]) for f in data["files"]] == [("empty.md", "failed"),
                                                                                  ("june.md", "added")]
    assert data["summary"]["added"] == 1 and data["summary"]["failed"] == 1
    assert data["files"][1]["meeting"] == "2024-06-04 Harbour Board" and data["files"][1]["sha256"]
    assert result.stderr.splitlines()[0] == f"Error: {tmp_path / 'empty.md'}: is empty"
    nl = run("ingest", str(tmp_path / "june.md"), "--nl", db=db).stdout
    assert [json.loads(line)["status"] for line in nl.splitlines()] == ["unchanged"]
    assert "unchanged" in run("ingest", str(tmp_path / "june.md"), "--csv", db=db).stdout.splitlines()[1]
    checked = run("check", str(tmp_path / "june.md"), "--json").stdout
    assert json.loads(checked) == [{"path": str(tmp_path / "june.md"), "warnings": [], "error": None}]
    rows = run("check", str(tmp_path), "--csv", ok=False).stdout
    assert "failed" in rows and "is empty" in rows


def test_ingest_quiet_and_verbose(tmp_path):
    (tmp_path / "july.md").write_text(JULY.replace("| Rhys Evans | RE |\n", ""), encoding="utf-8")
    db = str(tmp_path / "m.db")
    quiet = run("ingest", str(tmp_path / "july.md"), "-q", db=db)
    assert quiet.stdout == "1 file: 1 added, 0 updated, 0 unchanged, 0 failed\n"
    (tmp_path / "july.md").write_text(JULY.replace("| Rhys Evans | RE |\n", "") + "\n", encoding="utf-8")
    verbose = run("ingest", str(tmp_path / "july.md"), "--verbose", db=db).stdout
    assert "parse warning: action owner RE (item 2) is not among the attendees" in verbose
    assert "parse warning" not in run("ingest", str(tmp_path / "july.md"), "--replace", db=db).stdout
    assert run("check", str(tmp_path / "july.md"), "-q", "--strict", ok=False).stdout == ""


def test_standard_input_is_a_document(tmp_path):
    db = str(tmp_path / "m.db")
    result = run("ingest", "-", "--format", "markdown", db=db, input=JUNE)
    assert result.stdout.startswith("added      -  (2024-06-04 Harbour Board: 2 new actions)")
    assert run("ingest", "-", db=db, input=JUNE).stdout.startswith("unchanged  -")
    parsed = json.loads(run("parse", "-", "--json", input=JUNE).stdout)
    assert parsed["meeting"]["date"] == "2024-06-04" and len(parsed["actions"]) == 2
    html = "<html><body><h1>Harbour Board</h1><p>Date: 4 June 2024</p><h2>1. Moorings</h2>" \
           "<p>Action: MD to renew the licences.</p></body></html>"
    assert "Renew the licences" in run("parse", "-", "--format", "html", input=html).stdout
    assert run("check", "-", input=JUNE).stdout.startswith("-: ")
    empty = run("parse", "-", input="", ok=False)
    assert empty.exit_code == 1 and empty.stderr == "Error: -: is empty\n"
    big = run("ingest", "-", "--max-size", "1K", db=db, input="x" * (11 * 1024), ok=False)
    assert big.exit_code == 1 and "standard input is over the limit" in big.stderr
    assert big.stderr.count("\n") == 1


# --- serve and the environment ----------------------------------------------------------------

def test_serve_passes_unknown_options_to_datasette(db, monkeypatch):
    pytest.importorskip("datasette")
    from datasette import cli as datasette_cli

    from minutes import serve

    seen = {}
    monkeypatch.setattr(serve, "check_address", lambda host, port: None)
    monkeypatch.setattr(datasette_cli.cli, "main", lambda args, **kw: seen.setdefault("args", args))
    run("serve", "--port", "8123", "--setting", "sql_time_limit_ms", "5000", "--cors", db=db)
    args = seen["args"]
    assert args[:2] == ["serve", db] and args[args.index("--port") + 1] == "8123"
    assert args[-4:] == ["--setting", "sql_time_limit_ms", "5000", "--cors"]


def test_options_that_name_a_path_come_from_the_environment(db, tmp_path):
    out = tmp_path / "meta.json"
    result = run("datasette-metadata", env={"MINUTES_DB": db, "MINUTES_DATASETTE_METADATA_OUTPUT": str(out)})
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Minutes"
    assert "Wrote Datasette metadata to" in result.stderr
    assert "Harbour" in run("meetings", env={"MINUTES_DB": db}).stdout
    for command in (["actions"], ["report", "actions"], ["datasette-metadata"], ["people", "merge"]):
        assert "env var: MINUTES_" in run(*command, "--help").stdout, command
