"""Ingest: expanding paths, one transaction per document, failures reported, not fatal."""
from __future__ import annotations

import os

import sqlite_utils

from minutes import ingest
from minutes.ingest import find_files, ingest_paths, prepare

MD = "# Steering Group Meeting #3\n\nDate: 9 December 2015\n\n## 1. Welcome\n\nTG opened the meeting.\n"


def write(path, text=MD):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_find_files_folders_by_extension_globs_and_missing(tmp_path):
    a = write(tmp_path / "a.md")
    b = write(tmp_path / "sub" / "deeper" / "b.html", "<html><body><p>x</p></body></html>")
    c = write(tmp_path / "sub" / "minutes.PDF", "%PDF-1.7")
    write(tmp_path / "notes.xlsx", "x")
    write(tmp_path / ".hidden" / "c.md")
    files, missing = find_files([str(tmp_path), str(tmp_path / "*.md"), str(tmp_path / "nope.md"),
                                 str(tmp_path / "*.zzz")])
    assert files == [a, c, b]  # each once, PDFs in, spreadsheets and hidden folders skipped
    assert [(m.path.endswith("nope.md"), m.detail) for m in missing] == [
        (True, "no such file or folder"), (False, "no file matches this pattern")]


def test_ingest_same_file_twice_then_an_edited_copy(tmp_path):
    db_path = str(tmp_path / "m.db")
    md = write(tmp_path / "sg.md")
    assert [r.status for r in ingest_paths(db_path, [md]).results] == ["added"]
    with sqlite_utils.Database(db_path) as db:
        before = {t: db[t].count for t in db.table_names()}
    assert [r.status for r in ingest_paths(db_path, [md]).results] == ["unchanged"]
    write(tmp_path / "sg.md", MD + "\n## 2. Any other business\n\nNone.\n")
    assert [r.status for r in ingest_paths(db_path, [md]).results] == ["updated"]
    with sqlite_utils.Database(db_path) as db:
        assert db["meetings"].count == before["meetings"] == 1
        assert db["documents"].count == 2


def test_a_failure_does_not_stop_the_others(tmp_path):
    db_path = str(tmp_path / "m.db")
    good = write(tmp_path / "good.md")
    empty = write(tmp_path / "empty.md", "")
    fake = write(tmp_path / "fake.docx", "not a zip")
    seen = []
    report = ingest_paths(db_path, [empty, fake, good, str(tmp_path / "missing.md")],
                          progress=lambda r, total: seen.append((r.status, total)))
    statuses = {r.path: (r.status, r.detail) for r in report.results}
    assert statuses[empty] == ("failed", "is empty")
    assert statuses[fake][0] == "failed" and "not a Word .docx" in statuses[fake][1]
    assert statuses[good][0] == "added"
    assert report.failed and report.summary() == "4 files: 1 added, 0 updated, 0 unchanged, 3 failed"
    assert len(seen) == 4 and all(total == 4 for _, total in seen)
    with sqlite_utils.Database(db_path) as db:
        assert db["documents"].count == 1


def test_a_parser_crash_is_a_failed_file(tmp_path, monkeypatch):
    import parsers

    def crash(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(parsers, "parse_bytes", crash)
    result = prepare(write(tmp_path / "a.md"))
    assert result.error == "could not be parsed (RuntimeError: bug)"


def test_known_file_is_not_parsed(tmp_path, monkeypatch):
    import hashlib

    import parsers

    path = write(tmp_path / "a.md")
    monkeypatch.setattr(parsers, "parse_bytes", lambda *a, **k: 1 / 0)
    sha = hashlib.sha256(MD.encode()).hexdigest()
    assert prepare(path, known=frozenset([sha])).unchanged


def test_series_override(tmp_path):
    db_path = str(tmp_path / "m.db")
    md = write(tmp_path / "sg.md")
    ingest_paths(db_path, [md], series="ICAT SG")
    with sqlite_utils.Database(db_path) as db:
        assert [m["series"] for m in db["meetings"].rows] == ["ICAT SG"]


def test_worker_processes_give_the_same_report(tmp_path):
    files = [write(tmp_path / f"m{n}.md", MD.replace("#3", f"#{n}").replace("9 December", f"{n + 1} December"))
             for n in range(3)]
    report = ingest_paths(str(tmp_path / "m.db"), files, jobs=2)
    assert [r.status for r in report.results] == ["added"] * 3


def test_check_files_reports_warnings_and_errors(tmp_path, monkeypatch):
    good = write(tmp_path / "good.md")
    out = list(ingest.check_files([good, str(tmp_path / "missing.md")]))
    assert out[0] == (str(tmp_path / "missing.md"), [], "no such file or folder")
    assert out[1][0] == good and out[1][2] is None and isinstance(out[1][1], list)


def test_pdf_minutes_are_ingested_from_a_folder_and_sniffed_by_their_bytes(tmp_path):
    from click.testing import CliRunner

    from minutes.cli import cli
    from pdf_factory import Page, pdf

    def board(date: str) -> bytes:
        return pdf(Page().text(72, 60, "Harbour Trust Board", size=16).text(72, 80, date)
                   .text(72, 110, "Present: Ann Lee (AL), Raj Patel (RP)").text(72, 130, "Action: AL to write to members."))

    (tmp_path / "minutes").mkdir()
    (tmp_path / "minutes" / "board.pdf").write_bytes(board("3 March 2015"))
    (tmp_path / "saved-as.txt").write_bytes(board("7 April 2015"))  # a PDF, whatever its name says
    db_path = str(tmp_path / "m.db")
    report = ingest_paths(db_path, [str(tmp_path / "minutes"), str(tmp_path / "saved-as.txt")])
    assert [(os.path.basename(r.path), r.status) for r in report.results] == [("board.pdf", "added"),
                                                                           ("saved-as.txt", "added")]
    with sqlite_utils.Database(db_path) as db:
        assert {d["format"] for d in db["documents"].rows} == {"pdf"}
    checked = CliRunner().invoke(cli, ["check", str(tmp_path / "minutes" / "board.pdf")])
    assert checked.exit_code == 0 and "Traceback" not in checked.output
