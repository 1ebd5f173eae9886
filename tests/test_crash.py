"""Crashes and concurrency through the command line: ``minutes ingest`` killed
with SIGKILL at random moments leaves a sound database where every meeting is
whole or absent; eight ingests started at once into a new database all succeed."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

COUNTED = ("attendees", "items", "actions", "decisions")


def meeting_md(n: int) -> str:
    people = [f"Person{n}x{k} Surname{k}" for k in range(6)]
    initials = [f"P{k}{chr(65 + n % 26)}" for k in range(6)]
    present = ", ".join(f"{p} ({i})" for p, i in zip(people, initials))
    items = "\n".join(
        f"## {k}. Topic {k} of meeting {n}\n\nThe group discussed topic {k} at length.\n\n"
        f"ACTION: {initials[k % 6]} to follow up topic {k} of meeting {n}.\n\n"
        f"Decision: topic {k} of meeting {n} was agreed.\n" for k in range(1, 13))
    day = 1 + n % 28
    month = 1 + (n // 28) % 12
    return (f"# Crash Board meeting {n}\n\nDate: {2000 + n // 336}-{month:02d}-{day:02d}\n\n"
            f"Present: {present}\n\n{items}")


def write_corpus(folder, count: int) -> list[str]:
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"m{n:03d}.md"
        path.write_text(meeting_md(n), encoding="utf-8")
        paths.append(str(path))
    return paths


def ingest(db: str, paths: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import sys; from minutes.cli import cli; cli(sys.argv[1:])",
                             "ingest", "--db", db, *paths],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def counts(db: str) -> dict[str, tuple]:
    """Per meeting key: its number of attendees, items, actions and decisions."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        out = {}
        for mid, key in conn.execute("SELECT id, key FROM meetings"):
            out[key] = tuple(conn.execute(f"SELECT count(*) FROM {t} WHERE meeting_id = ?", [mid]).fetchone()[0]
                             for t in COUNTED)
        orphans = conn.execute("SELECT count(*) FROM meetings m LEFT JOIN documents d ON d.id = m.document_id "
                               "WHERE d.id IS NULL").fetchone()[0]
        assert orphans == 0
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    paths = write_corpus(folder / "docs", 150)
    reference = str(folder / "reference.db")
    started = time.monotonic()
    assert finish(ingest(reference, paths)) == (0, "")
    expected = counts(reference)
    assert len(expected) == 150 and all(all(c) for c in expected.values())
    return paths, expected, time.monotonic() - started


def test_kill_9_mid_ingest_leaves_every_meeting_whole_or_absent(tmp_path, corpus):
    paths, expected, seconds = corpus
    db = str(tmp_path / "crash.db")
    rng = random.Random(20151209)
    killed, left = 0, 1.0   # the share of the meetings not stored yet
    for attempt in range(6):
        proc = ingest(db, paths)   # stored files are skipped: aim within what is left
        time.sleep(rng.uniform(0.25, 0.3 + seconds * 0.8 * left))
        proc.send_signal(signal.SIGKILL)
        killed += finish(proc, 30)[0] == -signal.SIGKILL
        if os.path.exists(db):
            stored = counts(db)
            for key, found in stored.items():
                assert found == expected[key], (attempt, key)
            left = 1 - len(stored) / len(expected)
    assert killed >= 2   # runs were cut short, not finished
    assert finish(ingest(db, paths)) == (0, "")
    assert counts(db) == expected


def test_eight_ingests_at_once_into_a_database_that_does_not_exist(tmp_path, corpus):
    paths, expected, _ = corpus
    db = str(tmp_path / "new" / "busy.db")
    os.mkdir(tmp_path / "new")
    # eight processes, each with its own share plus files every other one also ingests
    shared = paths[:4]
    procs = [ingest(db, paths[4 + k::8] + shared) for k in range(8)]
    for proc in procs:
        assert finish(proc) == (0, "")
    assert counts(db) == expected
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 150
    finally:
        conn.close()
