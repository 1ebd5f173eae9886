"""The database in Datasette: the metadata minutes writes, and 'minutes serve'
started on a free local port, its labels, search and canned queries fetched."""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from report_db import SERIES, build

from minutes import queries, serve, store
from minutes.cli import cli
from minutes.db import connect
from minutes.output import datasette
from minutes.schema import SEARCHED
from minutes_factory import board
from parsers.records import Action


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("datasette"))


def tables_with_keys(db_path):
    conn = sqlite3.connect(db_path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE '%_fts%' AND name NOT LIKE 'sqlite_%'")]
        return {n: [(r[3], r[2]) for r in conn.execute(f"PRAGMA foreign_key_list({n})")] for n in names}
    finally:
        conn.close()


def test_every_table_and_every_referenced_table_has_a_label(db_path):
    meta = datasette.metadata("board")["databases"]["board"]
    tables = tables_with_keys(db_path)
    assert set(tables) <= set(meta["tables"])
    conn = sqlite3.connect(db_path)
    for table, keys in tables.items():
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert meta["tables"][table]["label_column"] in columns
        assert meta["tables"][table]["description"]
        for _, target in keys:
            assert meta["tables"][target]["label_column"]
    conn.close()
    for table in SEARCHED:
        assert meta["tables"][table]["fts_table"] == f"{table}_fts"
    assert set(meta["queries"]) == {"outstanding_by_owner", "actions_by_organisation", "decision_history",
                                    "action_history", "corrections"}


def test_canned_queries_run_in_sqlite(db_path):
    conn = sqlite3.connect(db_path)
    params = {"owner": "", "organisation": "", "status": "", "series": "Domestic", "action_id": 1, "words": ""}
    for name, query in datasette.QUERIES.items():
        conn.execute(query["sql"], params).fetchall()
    conn.close()


def test_the_owner_query_names_owners_as_the_actions_command_does(tmp_path):
    """One rule for naming an owner: the canned query finds what 'minutes actions --owner' finds,
    also for initials that changed since the action was set and for LIKE's wildcards."""
    path = str(tmp_path / "owners.db")
    db = connect(path)
    store.save(db, board(actions=[Action("4", ["DP"], "Write to the bidders"),
                                  Action("4", ["PR"], "Book the 50% room"),
                                  Action("4", ["Pamela Richardson"], "Draft the tender_notice")]))
    later = board(sha="v2", date="2015-02-20", actions=[Action("1", ["DPa"], "Chase the bidders")])
    later.attendees[0].initials = "DPa"   # the same person, now with other initials
    store.save(db, later)
    sql = datasette.QUERIES["outstanding_by_owner"]["sql"]
    for owner in ("DP", "dpa", "pr", "Pamela", "richard", "%", "_", "50%", "nobody"):
        expected = {r["id"] for r in queries.outstanding(db, owner=owner)}
        found = {r[2] for r in db.execute(sql, {"owner": owner}).fetchall()}
        assert found == expected, owner
    assert {r["id"] for r in queries.outstanding(db, owner="dpa")} == {1, 4}
    db.close()


def test_metadata_command(db_path, tmp_path):
    out = tmp_path / "metadata.json"
    result = CliRunner().invoke(cli, ["datasette-metadata", "--db", db_path, "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "board" in json.loads(out.read_text(encoding="utf-8"))["databases"]


def test_serve_without_datasette_says_how_to_install(db_path, monkeypatch):
    monkeypatch.setattr(serve, "available", lambda: False)
    result = CliRunner().invoke(cli, ["serve", "--db", db_path], catch_exceptions=False)
    assert result.exit_code == 1
    assert "pip install 'minutes[web]'" in result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base: str, path: str, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def server(db_path):
    if not serve.available():
        pytest.skip("Datasette is not installed (pip install 'minutes[web]')")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from minutes.cli import cli; cli()", "serve", "--db", db_path,
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                fetch(base, "/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("minutes serve did not start: " + proc.stderr.read().decode(errors="replace"))
                time.sleep(0.2)
        yield base + "/board"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def test_canned_queries_over_http(server):
    rows = fetch(server, "/outstanding_by_owner.json", _shape="array")
    assert ("Daxa Pancholi", "Circulate the market position statement") in {(r["owner"], r["action"]) for r in rows}
    assert {r["owner"] for r in fetch(server, "/outstanding_by_owner.json", _shape="array", owner="PR")} == \
        {"Pamela Richardson"}
    rows = fetch(server, "/actions_by_organisation.json", _shape="array", organisation="WALL")
    assert {r["action"] for r in rows} == {"Agree the rules for consortium bids", "Book the venue for the market event"}
    rows = fetch(server, "/decision_history.json", _shape="array", series="Domestic")
    assert [r["decision"] for r in rows] == ["The tender will be split into two lots"]
    assert rows[0]["series"] == SERIES
    rows = fetch(server, "/action_history.json", _shape="array", action_id="1")
    assert rows[0]["event"] == "created" and rows[0]["action"].startswith("Get further information")


def test_every_foreign_key_shows_a_label(server, db_path):
    for table, keys in tables_with_keys(db_path).items():
        rows = fetch(server, f"/{table}.json", _shape="array", _labels="on", _size="20")
        for row in rows:
            for column, _ in keys:
                value = row[column]
                if isinstance(value, dict):
                    assert value["label"], (table, column, value)
                else:
                    assert value is None, (table, column, value)


def test_full_text_search_and_descriptions(server):
    rows = fetch(server, "/actions.json", _shape="array", _search="consortium")
    assert {r["text"] for r in rows} >= {"Agree the rules for consortium bids"}
    rows = fetch(server, "/decisions.json", _shape="array", _search="tender lots")
    assert len(rows) == 1
    meta = fetch(server.rsplit("/", 1)[0], "/-/metadata.json")
    assert meta["databases"]["board"]["tables"]["actions"]["columns"]["status"].startswith("open, done")
