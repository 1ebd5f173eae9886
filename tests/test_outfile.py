"""Where reports may be written (-o): never over the database or any SQLite
file, and never half: the report is written beside its target and renamed."""
from __future__ import annotations

import hashlib
import os
import pathlib
import resource
import shutil
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner
from report_db import build

from minutes.cli import cli

WRITERS = [["report", "actions", "--series", "Domestic", "-o"],
           ["report", "actions", "--series", "Domestic", "--format", "csv", "-o"],
           ["report", "calendar", "-o"],
           ["datasette-metadata", "-o"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("outfile"))


@pytest.fixture
def db_path(built, tmp_path):
    """A copy of the report database for each test (a failing test may overwrite it)."""
    return shutil.copy(built, tmp_path / "board.db") and str(tmp_path / "board.db")


def run(args, db):
    return CliRunner().invoke(cli, args, env={"MINUTES_DB": db}, catch_exceptions=False)


def digest(path) -> str:
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("command", WRITERS)
def test_the_database_is_never_a_report_target(command, db_path, tmp_path, monkeypatch):
    before = digest(db_path)
    monkeypatch.chdir(os.path.dirname(db_path))
    link = tmp_path / "looks-harmless.md"
    link.symlink_to(db_path)
    for target in (db_path, os.path.basename(db_path), f"./{os.path.basename(db_path)}", str(link)):
        line = one_error_line(run(command + [target], db_path))
        assert f"Error: {target}: is the database" in line
    assert digest(db_path) == before


@pytest.mark.parametrize("command", WRITERS)
def test_no_sqlite_file_is_a_report_target(command, db_path, tmp_path):
    other = tmp_path / "accounts.md"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE ledger (amount)")
    conn.close()
    before = digest(other)
    line = one_error_line(run(command + [str(other)], db_path))
    assert "is an SQLite database" in line and digest(other) == before


def test_the_database_write_ahead_log_is_not_a_target(db_path):
    line = one_error_line(run(["datasette-metadata", "-o", db_path + "-wal"], db_path))
    assert "is the database's" in line and not os.path.exists(db_path + "-wal")


def test_a_report_replaces_the_old_one_whole_with_the_usual_permissions(db_path, tmp_path):
    out = tmp_path / "log.md"
    out.write_text("the old log\n")
    os.chmod(out, 0o640)
    result = run(["report", "actions", "--series", "Domestic", "-o", str(out)], db_path)
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Action log") and oct(out.stat().st_mode & 0o777) == oct(0o640)
    new = tmp_path / "new.md"
    assert run(["report", "actions", "--series", "Domestic", "-o", str(new)], db_path).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert oct(new.stat().st_mode & 0o777) == oct(0o666 & ~umask)
    assert sorted(os.listdir(tmp_path)) == ["board.db", "log.md", "new.md"]


def test_a_write_cut_short_leaves_the_old_report_as_it_was(tmp_path):
    """The file-size limit makes the system refuse the write part way, as a
    full disk does: the old file stays whole and no temporary file is left."""
    out = tmp_path / "metadata.json"
    out.write_text("old metadata\n" * 40)
    before = digest(out)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    proc = subprocess.run([sys.executable, "-c", "from minutes.cli import cli; cli()", "datasette-metadata",
                           "--db", str(tmp_path / "m.db"), "-o", str(out)], capture_output=True, text=True,
                          preexec_fn=limit, timeout=60)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {out}: cannot write"), proc.stderr
    assert "left as it was" in lines[0]
    assert digest(out) == before and os.listdir(tmp_path) == ["metadata.json"]


def test_a_folder_is_not_a_report_target(db_path, tmp_path):
    line = one_error_line(run(["datasette-metadata", "-o", str(tmp_path)], db_path))
    assert "is a folder" in line
