"""``ingest --jobs N`` stores exactly what a serial ingest stores."""
from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import sys

from click.testing import CliRunner

from minutes.cli import cli

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAMPS = {"ingested_at", "created_at", "updated_at", "at"}   # when it was written, not what


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", os.path.join(ROOT, "bench", "corpus.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def contents(path: str) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables included), without time stamps."""
    conn = sqlite3.connect(path)
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                 "ORDER BY name"):
        cur = conn.execute(f'SELECT * FROM "{table}"')
        keep = [k for k, c in enumerate(cur.description) if c[0] not in STAMPS]
        out[table] = sorted((tuple(r[k] for k in keep) for r in cur), key=repr)
    out["user_version"] = conn.execute("PRAGMA user_version").fetchall()
    conn.close()
    return out


def test_jobs_give_the_same_database_as_a_serial_ingest(tmp_path):
    folder = tmp_path / "in"
    _corpus_module().write(str(folder), sizes=("small",), copies=3)      # 3 meetings x DOCX, HTML, Markdown
    for name in ("sample.txt", "sample-web.html", "sample-word.docx"):  # one meeting three times
        shutil.copy(os.path.join(ROOT, "fixtures", name), folder / name)
    runner = CliRunner()
    outputs = {}
    for jobs in (1, 3):
        db = str(tmp_path / f"jobs{jobs}.db")
        result = runner.invoke(cli, ["ingest", str(folder), "--db", db, "--jobs", str(jobs)])
        assert result.exit_code == 0, result.output
        outputs[jobs] = result.output
    assert outputs[1] == outputs[3]
    assert "12 files" in outputs[1]
    serial, parallel = contents(str(tmp_path / "jobs1.db")), contents(str(tmp_path / "jobs3.db"))
    assert serial["actions"] and serial["attendees"] and serial["questions"]
    assert serial == parallel
