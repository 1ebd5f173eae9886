"""The action log: built from the fixtures, written as DOCX, CSV, HTML and
Markdown, and read back (the DOCX through this project's own reader)."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from markdown_it import MarkdownIt
from report_db import HOSTILE, SERIES, db, db_path  # noqa: F401 (db, db_path are fixtures)

import parsers
from minutes.cli import cli
from minutes.errors import MinutesError
from minutes.output.actionlog import export
from minutes.output.formats import md_escape
from minutes.queries import action_log

TODAY = date(2015, 3, 20)




def owners_and_text(entries):
    return sorted((e.owner_text, e.text.rstrip(".")) for e in entries)


def test_log_has_the_open_actions_of_the_series_grouped_by_owner(db):
    log = action_log(db, "domestic and sexual", today=TODAY)
    assert log.series == SERIES and log.last_date == "2015-03-10"
    assert {e.status for e in log.entries} == {"open"}
    texts = {e.text for e in log.entries}
    assert "Book the venue for the market event" not in texts           # done
    assert any(t.startswith("Get further information") for t in texts)   # from the fixtures
    labels = [label for label, _ in log.groups]
    assert labels[:2] == ["Daxa Pancholi (DP)", "Daxa Pancholi (DP); Pamela Richardson (PR)"]
    shared = [e for e in log.entries if len(e.owners) == 2][0]
    assert sum(shared in rows for _, rows in log.groups) == 1            # once, under both owners together
    assert sum(len(rows) for _, rows in log.groups) == len(log.entries)  # one row per action


def test_since_adds_the_actions_closed_since_then(db):
    closed = [e for e in action_log(db, SERIES, since="2015-03-01").entries if e.status != "open"]
    assert [e.text for e in closed] == ["Book the venue for the market event"]
    assert not [e for e in action_log(db, SERIES, since="2015-03-11").entries if e.status != "open"]


def test_by_organisation_and_latest_update(db):
    log = action_log(db, SERIES, by="organisation")
    groups = dict(log.groups)
    # the joint action of two partners is one row, under both together (WALL's other action is done)
    assert set(groups) == {"Leicester City Council", "Leicester City Council; WALL", "Police & <Crime> Office",
                           "(no organisation)"}
    assert [label for label, _ in log.groups][-1] == "(no organisation)"
    assert [e.text for e in groups["Leicester City Council; WALL"]] == ["Agree the rules for consortium bids"]
    pg = groups["(no organisation)"][0]
    assert pg.owner_text == "PG"
    assert (pg.latest.day, pg.latest.text, pg.latest.source) == ("2015-03-10", "Awaiting the finance team", "meeting")


def test_unknown_or_ambiguous_series_is_an_error(db):
    with pytest.raises(MinutesError, match="no series matching"):
        action_log(db, "Parish Council")


def test_docx_reads_back_as_the_same_actions(db, tmp_path):
    log = action_log(db, SERIES, today=TODAY)
    out = tmp_path / "log.docx"
    out.write_bytes(export(log, "docx"))
    back = parsers.parse(str(out))
    assert back.meeting.title == f"Action log — {SERIES}"
    # an owner cell "Name (XX)" reads back as the initials it gives
    assert sorted(("; ".join(a.owners), a.text) for a in back.actions) == sorted(
        ("; ".join(o.initials or o.label for o in e.owners), e.text.rstrip(".")) for e in log.entries)
    assert sorted(a.ref for a in back.actions) == sorted(e.ref for e in log.entries) == ["2.1", "2.2", "2.3", "4"]
    assert {a.due for a in back.actions} >= {"2015-04-01", "2015-03-31"}


def test_docx_is_a_word_document_with_a_repeated_header_row(db):
    import docx

    data = export(action_log(db, SERIES, since="2015-03-01"), "docx")
    document = docx.Document(io.BytesIO(data))
    assert [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")] == \
        ["Heading 1", "Heading 2"]
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Ref", "Action", "Owner", "Organisation", "Meeting", "Due", "Status", "Latest update"]
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    back = parsers.parse_bytes("log.docx", data)
    assert {a.text: a.status for a in back.actions}["Book the venue for the market event"] == "done"


def test_csv_reads_back_with_the_csv_module(db):
    log = action_log(db, SERIES, by="organisation")
    rows = list(csv.DictReader(io.StringIO(export(log, "csv").decode("utf-8"))))
    assert len(rows) == sum(len(entries) for _, entries in log.groups)
    assert {(r["owner"], r["action"]) for r in rows} == set(owners_and_text(log.entries))
    tg = [r for r in rows if r["initials"] == "TG"][0]
    assert tg["owner"] == f"{HOSTILE} (TG)" and tg["group"] == "Police & <Crime> Office"
    assert tg["due"] == "2015-03-31" and tg["meeting"] == "2015-03-10" and tg["item"] == "2 Tender timetable"
    assert tg["ref"] == "2.2" and tg["id"] == "3"      # the minutes' number, and the id 'minutes done' takes


def test_html_is_one_page_and_markup_in_a_name_stays_text(db):
    log = action_log(db, SERIES)
    page = export(log, "html").decode("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find_all(["b", "i", "script", "link", "img"]) == []      # self-contained, nothing injected
    assert soup.title.string == f"Action log — {SERIES}"
    rows = soup.find("tbody").find_all("tr")
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in rows if tr.find("td")]
    assert sorted((c[2], c[1]) for c in cells) == owners_and_text(
        [e for _, entries in log.groups for e in entries])
    assert f"{HOSTILE} (TG)" in [tr.th.get_text() for tr in rows if tr.th]


def test_markdown_shows_names_as_written():
    md = MarkdownIt("commonmark").enable("table")
    for text in (HOSTILE, "- a | b", "1. first", "# not a heading", "a &amp; b", "C:\\path", "`code`"):
        html = md.render(md_escape(text))
        soup = BeautifulSoup(html, "html.parser")
        assert soup.get_text().strip() == text
        assert soup.find_all(["b", "em", "strong", "code", "h1", "ul", "ol", "a"]) == []


def test_markdown_table_reads_back(db):
    log = action_log(db, SERIES)
    html = MarkdownIt("commonmark").enable("table").render(export(log, "markdown").decode("utf-8"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h2.get_text() == "Summary of actions"
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in soup.find("tbody").find_all("tr")]
    assert sorted((r[2], r[1]) for r in rows if r[0][:1].isdigit()) == owners_and_text(
        [e for _, entries in log.groups for e in entries])


def run(args, db_path):
    return CliRunner().invoke(cli, args, env={"MINUTES_DB": db_path}, catch_exceptions=False)


def test_cli_writes_each_format(db_path, tmp_path):
    for name in ("log.docx", "log.html", "log.csv", "log.md"):
        result = run(["report", "actions", "--series", "Domestic", "-o", str(tmp_path / name)], db_path)
        assert result.exit_code == 0, result.output
        assert "Wrote 4 actions" in result.stderr
    assert (tmp_path / "log.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "log.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = run(["report", "actions", "--series", "Domestic", "--format", "csv", "--by", "organisation"], db_path)
    assert result.stdout.startswith("group,id,ref,action,owner")


def test_cli_errors(db_path):
    result = run(["report", "actions", "--series", "Domestic", "--format", "docx"], db_path)
    assert result.exit_code == 1 and "needs a file" in result.stderr
    result = run(["report", "actions", "--series", "nothing like it"], db_path)
    assert result.exit_code == 1 and result.stderr.startswith("Error: there is no series")
    result = run(["report", "actions", "--series", "Domestic", "--since", "March"], db_path)
    assert result.exit_code == 2 and "'March' is not a date" in result.stderr
