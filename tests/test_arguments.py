"""Every id, number, size and date argument is checked at the edge: random
strings give a one-line error (exit 2 when the argument is malformed, exit 1
when it is well formed but names nothing) and never a traceback."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from minutes_factory import board

from minutes import serve, store
from minutes.cli import cli
from minutes.db import connect

SAMPLE = os.path.join(os.path.dirname(__file__), os.pardir, "fixtures", "sample.txt")
MAX_ID = (1 << 63) - 1
EDGES = ["1", "#1", " 2 ", "0", "-1", "99", str(1 << 63), str(MAX_ID), "99999999999999999999", "١", "²", "٣٤",
         "１２", "1e100", "inf", "nan", "-inf", "1.5", "0x10", "1_000", "", " ", "#", "--", "-x", "500K", "1.5G",
         "64G", "65G", "0K", "1e3M", "١M", "８０８０", "99999", "65535", "2024-02-30", "2024-02-08", "２０２４-01-01"]
VALUES = st.one_of(st.sampled_from(EDGES), st.text(max_size=30), st.integers().map(str),
                   st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=6))
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("args") / "m.db")
    db = connect(path)
    store.save(db, board())
    db.close()
    return path


def invoke(args: list[str], db_path: str):
    result = CliRunner().invoke(cli, args, env={"MINUTES_DB": db_path})
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert "Traceback" not in result.output, (args, result.output)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    if result.exit_code:
        lines = result.stderr.splitlines()
        # a batch (ingest, check) has one line per file that failed, then its summary
        assert len(lines) == 1 or args[0] in ("ingest", "check") and result.exit_code == 1, (args, result.stderr)
        assert all(line.startswith("Error: ") for line in lines), (args, result.stderr)
    return result


def is_number(value: str, low: int, high: int) -> bool:
    text = value.strip()
    return text.isascii() and text.isdigit() and low <= int(text) <= high


def is_help(value: str) -> bool:
    return value.strip() in ("-h", "--help")


ID_COMMANDS = [["done", "--", "{}"], ["reopen", "--", "{}"], ["drop", "--note", "why", "--", "{}"],
               ["history", "--", "{}"]]


@pytest.mark.parametrize("template", ID_COMMANDS, ids=lambda t: t[0])
@SETTINGS
@given(value=VALUES)
def test_action_ids(template, value, db_path):
    result = invoke([value if a == "{}" else a for a in template], db_path)
    if is_number(value.strip().removeprefix("#"), 1, MAX_ID):
        assert result.exit_code in (0, 1), (template, value, result.stderr)   # done, or no such action
    else:
        assert result.exit_code == 2 and "is not an action id" in result.stderr, (template, value, result.stderr)


NUMBER_COMMANDS = [(["search", "tender", "--limit", "{}"], 1, MAX_ID),
                   (["ingest", SAMPLE, "--jobs", "{}"], 1, 256),
                   (["serve", "--port", "{}"], 1, 65535)]


@pytest.mark.parametrize("template,low,high", NUMBER_COMMANDS, ids=lambda t: t[0] if isinstance(t, list) else "")
@SETTINGS
@given(value=VALUES)
def test_numbers(template, low, high, value, db_path, monkeypatch):
    monkeypatch.setattr(serve, "serve", lambda *a, **k: None)   # a valid port is checked, then not served
    result = invoke([value if a == "{}" else a for a in template], db_path)
    if is_number(value, low, high):
        assert result.exit_code in (0, 1), (template, value, result.stderr)
    elif not is_help(value):
        assert result.exit_code == 2, (template, value, result.stderr)


@pytest.mark.parametrize("command", [["parse", SAMPLE], ["check", SAMPLE], ["ingest", SAMPLE]], ids=lambda c: c[0])
@SETTINGS
@given(value=VALUES)
def test_sizes(command, value, db_path):
    result = invoke(command + ["--max-size", value], db_path)
    if not value.strip().isascii() or not any(ch.isdigit() for ch in value):
        assert result.exit_code == 2 or is_help(value)


@pytest.mark.parametrize("command", [["actions", "--since"], ["meetings", "--until"], ["decisions", "--since"],
                                     ["report", "actions", "--series", "Delivery", "--since"]],
                         ids=lambda c: "-".join(c))
@SETTINGS
@given(value=VALUES)
def test_dates(command, value, db_path):
    result = invoke(command + [value], db_path)
    assert result.exit_code in (0, 2)


@pytest.mark.parametrize("command", [["show", "--"], ["actions", "--meeting"], ["search"], ["actions", "--owner"],
                                     ["actions", "--series"], ["report", "calendar", "--owner"],
                                     ["report", "actions", "--series"]], ids=lambda c: "-".join(c))
@SETTINGS
@given(value=VALUES)
def test_free_text(command, value, db_path):
    invoke(command + [value], db_path)


@pytest.mark.parametrize("value", ["١", "٣", "²", "１"])
def test_non_ascii_digits_are_no_action_id(value, db_path):
    result = invoke(["done", value], db_path)
    assert result.exit_code == 2 and "is not an action id" in result.stderr
    status = invoke(["actions", "--status", "all", "--json"], db_path).stdout
    assert '"status": "done"' not in status


@pytest.mark.parametrize("value", ["١", str(1 << 63), str(MAX_ID)])
def test_a_meeting_reference_that_is_no_id_is_looked_for_as_a_name(value, db_path):
    result = invoke(["show", value], db_path)
    assert result.exit_code == 1 and "there is no meeting matching" in result.stderr


def test_serve_on_a_port_out_of_range(db_path):
    result = invoke(["serve", "--port", "99999"], db_path)
    assert result.exit_code == 2 and "'99999' is out of range for a port" in result.stderr


def test_serve_on_a_busy_port_is_one_line(db_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-c", "from minutes.cli import cli; cli()", "serve", "--db", db_path,
                               "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr == f"Error: 127.0.0.1:{port}: cannot listen there: the port is in use " \
                          "(choose another with --port)\n"


def test_serve_on_an_address_that_is_not_this_machine(db_path):
    result = invoke(["serve", "--host", "no-such-host.invalid"], db_path)
    assert result.exit_code == 1 and "is not an address of this machine" in result.stderr
