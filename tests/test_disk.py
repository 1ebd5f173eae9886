"""A disk that refuses writes, and a read-only database in a read-only folder.

The file-size limit (RLIMIT_FSIZE) of the command's process makes the system
refuse every write that would grow a file, as a full disk does; a connection
held open here keeps the database's shared-memory file in place, as another
reader's would.  A read-only folder is made with chmod, or (as root, whom
chmod does not stop) with a read-only bind mount where the system allows it."""
from __future__ import annotations

import contextlib
import hashlib
import os
import pathlib
import resource
import shutil
import sqlite3
import subprocess
import sys

import pytest

from minutes import store
from minutes.ingest import ingest_paths

FIXTURES = os.path.join(os.path.dirname(__file__), os.pardir, "fixtures")
READS = [["actions"], ["meetings"], ["show", "1"], ["people"], ["search", "tender"], ["decisions"],
         ["history", "1"], ["report", "actions", "--series", "Domestic"], ["report", "calendar"],
         ["actions", "--json"]]


def minutes(*args: str, limit: int | None = None, cwd=None) -> subprocess.CompletedProcess:
    def no_growth() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-c", "from minutes.cli import cli; cli()", *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd,
                          preexec_fn=no_growth if limit is not None else None)


def digest(path) -> str:
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("disk") / "board.db")
    report = ingest_paths(path, [os.path.join(FIXTURES, "sample.txt")])
    assert not report.failed
    return path


@pytest.fixture
def db_path(built, tmp_path) -> str:
    return shutil.copy(built, tmp_path / "board.db") and str(tmp_path / "board.db")


@contextlib.contextmanager
def held_open(path: str):
    """Another reader: the -wal and -shm files stay beside the database."""
    conn = sqlite3.connect(path)
    conn.execute("SELECT count(*) FROM meetings").fetchone()
    try:
        yield
    finally:
        conn.close()


def counts(path: str) -> tuple:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "meetings", "actions", "people"))


def test_a_store_refused_by_the_disk_names_the_file_the_database_and_the_cause(db_path):
    before = counts(db_path)
    other = os.path.join(FIXTURES, "styles", "governors.txt")
    with held_open(db_path):
        proc = minutes("ingest", other, "--db", db_path, limit=1)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    assert first.startswith(f"Error: {other}: not stored: {db_path}: "), proc.stderr
    assert "disk" in first
    assert counts(db_path) == before
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_commands_work_when_nothing_can_be_written_and_a_relink_is_owed(db_path):
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        conn.execute("INSERT INTO pending_relink (series) SELECT series FROM meetings")
        conn.commit()
    with held_open(db_path):
        for args in READS:
            proc = minutes(*args, "--db", db_path, limit=1)
            assert proc.returncode == 0, (args, proc.stderr)
            assert proc.stderr.count("Warning: the links between the meetings") == 1, proc.stderr
    proc = minutes("actions", "--db", db_path)   # with room again, the relink is made
    assert proc.returncode == 0 and proc.stderr == ""


def test_a_relink_refused_by_the_disk_after_the_meeting_was_stored_is_said(db_path, monkeypatch):
    """The meeting is stored in its own transaction; the relink after it is not."""
    real = store.relink_pending

    def refused(db):
        if db.execute("SELECT 1 FROM pending_relink").fetchone():
            raise sqlite3.OperationalError("database or disk is full")
        return real(db)

    monkeypatch.setattr(store, "relink_pending", refused)
    report = ingest_paths(db_path, [os.path.join(FIXTURES, "styles", "governors.txt")])
    assert [r.status for r in report.results] == ["added"]
    assert "not yet linked" in report.results[0].warnings[-1]
    assert report.failed and report.errors[0].startswith(f"{db_path}: the disk is full")


@contextlib.contextmanager
def read_only(folder: pathlib.Path):
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    if shutil.which("mount") is None or subprocess.run(["mount", "--bind", folder, folder],
                                                       capture_output=True).returncode:
        pytest.skip("root, and no read-only bind mount here: chmod does not stop root")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", folder, folder], capture_output=True).returncode:
            pytest.skip("root, and no read-only bind mount here")
        yield
    finally:
        subprocess.run(["umount", folder], capture_output=True)


def test_read_commands_work_on_a_read_only_database_in_a_read_only_folder(db_path, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    ro_db = str(folder / "board.db")
    shutil.move(db_path, ro_db)
    before = digest(ro_db)
    with read_only(folder):
        with pytest.raises(OSError):
            (folder / "probe").write_text("x")
        for args in READS:
            proc = minutes(*args, "--db", ro_db)
            assert proc.returncode == 0, (args, proc.stderr)
            said = [line for line in proc.stderr.splitlines()       # the calendar lists what it leaves out
                    if not (args[:2] == ["report", "calendar"] and line.startswith("Not in the calendar: "))]
            assert proc.stdout.strip() and said == [], (args, proc.stderr)
        proc = minutes("done", "1", "--db", ro_db)
        assert proc.returncode == 1 and len(proc.stderr.splitlines()) == 1, proc.stderr
        assert proc.stderr.startswith(f"Error: {ro_db}: ") and "read-only" in proc.stderr
    assert digest(ro_db) == before and os.listdir(folder) == ["board.db"]
