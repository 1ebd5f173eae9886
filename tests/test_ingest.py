"""Ingest: expanding paths, one transaction per document, failures reported, not fatal."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import sqlite_utils
from click.testing import CliRunner

from minutes import ingest
from minutes.cli import cli
from minutes.ingest import ingest_paths, prepare
from minutes.paths import find_files
from parsers.limits import DEFAULT_MAX_SIZE
from parsers.sniff import DOCX_EXTENSIONS, HTML_EXTENSIONS, TEXT_EXTENSIONS

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


@pytest.mark.parametrize("extension", sorted(DOCX_EXTENSIONS | HTML_EXTENSIONS | TEXT_EXTENSIONS))
def test_a_folder_scan_finds_every_extension_parse_reads(tmp_path, extension):
    path = write(tmp_path / "in" / f"minutes{extension.upper() if extension == '.md' else extension}")
    assert find_files([str(tmp_path / "in")]) == ([path], [])


def test_ingest_of_a_folder_stores_xhtml_mdown_and_text_files(tmp_path):
    page = "<html><body><h1>Steering Group Meeting #4</h1><p>Date: 9 January 2016</p></body></html>"
    for name, text in (("a.xhtml", page), ("b.mdown", MD), ("c.text", MD.replace("#3", "#5").replace("9 D", "9 F"))):
        write(tmp_path / "in" / name, text)
    report = ingest_paths(str(tmp_path / "m.db"), [str(tmp_path / "in")])
    assert [(os.path.basename(r.path), r.status) for r in report.results] == [
        ("a.xhtml", "added"), ("b.mdown", "added"), ("c.text", "added")]


def test_the_library_reads_to_the_limit_the_command_line_gives(tmp_path):
    """One size limit: ingest's own default is the parsers' (the README's 10M), not another."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (DEFAULT_MAX_SIZE + 1))
    assert prepare(str(big)).error == "is 10 MB, over the limit of 10 MB (raise it with --max-size)"


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


# -- links to folders are never followed out of the folder named (issue 13) --------------------
def linked_tree(tmp_path, cycle: bool = True):
    """minutes/ with a file, a sub-folder, a link back up (a cycle), a link to a
    folder elsewhere and a link to a folder inside it; and the folder elsewhere.
    (Python's own recursive glob would go round the cycle for minutes.)"""
    inside = tmp_path / "minutes"
    a = write(inside / "a.md")
    b = write(inside / "2024" / "b.md", MD.replace("9 December", "13 January"))
    write(tmp_path / "elsewhere" / "private.md")
    (inside / "2024" / "up").symlink_to(".." if cycle else str(tmp_path / "elsewhere"))
    (inside / "shared").symlink_to(tmp_path / "elsewhere")
    (inside / "latest").symlink_to("2024")
    return inside, [a, b]


def test_a_folder_scan_skips_links_to_folders_and_says_so(tmp_path):
    inside, expected = linked_tree(tmp_path)
    files, others = find_files([str(inside)])
    assert files == expected
    skipped = {os.path.basename(r.path): r for r in others}
    assert set(skipped) == {"up", "shared", "latest"} and {r.status for r in others} == {"skipped"}
    assert "not followed" in skipped["shared"].detail and str(tmp_path / "elsewhere") in skipped["shared"].detail


@pytest.mark.parametrize("pattern", ["**/*.md", "**", "*/*.md", "*", "**/b.md"])
def test_a_glob_never_follows_a_link_to_a_folder(tmp_path, pattern):
    inside, expected = linked_tree(tmp_path, cycle=False)   # the cycle: in a subprocess below
    files, others = find_files([str(inside / pattern)])
    assert set(files) <= set(expected) and files
    assert not any("private" in f for f in files)
    assert all(r.status == "skipped" for r in others)


def test_a_recursive_glob_over_a_link_cycle_ends(tmp_path):
    inside, expected = linked_tree(tmp_path)
    code = f"from minutes.paths import find_files; print(len(find_files([{str(inside / '**' / '*.md')!r}])[0]))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "2", proc.stderr


def test_ingest_prints_the_links_it_skipped_and_stores_only_the_folder(tmp_path):
    inside, expected = linked_tree(tmp_path)
    result = CliRunner().invoke(cli, ["ingest", str(inside), "--db", str(tmp_path / "m.db")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert sum(line.startswith("skipped") for line in lines) == 3
    assert lines[-1] == "2 files: 2 added, 0 updated, 0 unchanged, 0 failed; 3 links to folders skipped"
    with sqlite_utils.Database(str(tmp_path / "m.db")) as db:
        assert sorted(r["name"] for r in db["documents"].rows) == ["a.md", "b.md"]
