"""The action log as it goes in the agenda pack: A4 with page numbers, the body and meeting at the
top of each page, the document's own properties, the minutes' refs, dates as people write them,
overdue actions marked, one owner's list, grouped by item; the same rows in DOCX, HTML and
Markdown; an output it cannot write refused in one line."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta, timezone

import docx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from docx.shared import Cm
from markdown_it import MarkdownIt
from report_db import SERIES, db, db_path  # noqa: F401 (db, db_path are fixtures)

from minutes.cli import cli
from minutes.output.actionlog import export
from minutes.queries import action_log

LATE = date(2015, 4, 2)      # after two of the due dates


def word(log, **options):
    return docx.Document(io.BytesIO(export(log, "docx", **options)))


def test_word_log_is_a4_landscape_by_default_and_letter_when_asked(db):
    log = action_log(db, SERIES, today=LATE)
    section = word(log).sections[0]
    assert abs(section.page_width - Cm(29.7)) < Cm(0.01) and abs(section.page_height - Cm(21.0)) < Cm(0.01)
    section = word(log, paper="letter").sections[0]
    assert abs(section.page_width - Cm(27.94)) < Cm(0.01) and abs(section.page_height - Cm(21.59)) < Cm(0.01)


def test_word_log_has_page_number_fields_and_the_body_and_meeting_on_each_page(db):
    document = word(action_log(db, SERIES, today=LATE))
    section = document.sections[0]
    footer = section.footer._element
    codes = [t.text.strip() for t in footer.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                                                    "instrText")]
    assert codes == ["PAGE", "NUMPAGES"]
    assert "Prepared on 2 Apr 2015" in section.footer.paragraphs[0].text
    header = section.header.paragraphs[0].text
    assert header.startswith(SERIES) and "Actions as at the meeting of 10 Mar 2015" in header


def test_word_log_has_its_own_document_properties(db):
    before = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=1)
    data = export(action_log(db, SERIES), "docx")
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == f"Action log — {SERIES}"
    assert props.author == SERIES and props.last_modified_by == SERIES
    assert props.created >= before and props.modified >= before      # today, not python-docx's 2013
    assert "python-docx" not in props.comments and props.language == "en-GB"
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "<Application>minutes" in app and "Microsoft" not in app


def test_refs_are_the_minutes_own_numbers_one_row_per_action(db):
    log = action_log(db, SERIES, today=LATE)
    table = word(log).tables[0]
    assert [c.text for c in table.rows[0].cells][0] == "Ref"
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    refs = [r[0] for r in rows if r[1] != r[0]]           # group rows are one merged cell
    assert sorted(refs) == ["2.1", "2.2", "2.3", "4"]     # written 2.1…; the undated one takes its item's
    joint = [r for r in rows if r[1] == "Agree the rules for consortium bids"]
    assert len(joint) == 1 and joint[0][2] == "Daxa Pancholi (DP); Pamela Richardson (PR)"


def test_dates_as_people_write_them_overdue_marked_and_the_latest_update_with_its_meeting(db):
    rows = {r[1]: r for r in ([c.text for c in row.cells] for row in word(action_log(db, SERIES, today=LATE))
                              .tables[0].rows[1:])}
    tg = rows["Draft the <i>tender</i> timetable | phase 1"]
    assert tg[4] == "10 Mar 2015, item 2 Tender timetable" and tg[5] == "31 Mar 2015 (overdue)"
    assert rows["Agree the rules for consortium bids"][5] == "by the next meeting"
    pg = [r for text, r in rows.items() if text.startswith("Get further information")][0]
    assert pg[4] == "20 Jan 2015, item 4 Questions"
    assert pg[6] == "Awaiting the finance team (meeting of 10 Mar 2015)"
    early = {r[1]: r for r in ([c.text for c in row.cells] for row in word(
        action_log(db, SERIES, today=date(2015, 3, 20))).tables[0].rows[1:])}
    assert early["Draft the <i>tender</i> timetable | phase 1"][5] == "31 Mar 2015"      # not yet overdue


def test_a_change_by_hand_is_the_latest_update(db_path, tmp_path):
    from report_db import build

    from minutes import store
    from minutes.db import connect

    db = connect(build(tmp_path))
    store.set_status(db, 2, "done", note="statement sent")
    log = action_log(db, SERIES, since="2015-01-01")
    db.close()
    done = [e for e in log.entries if e.number == 2][0]
    assert done.status == "done" and done.latest.source == "hand" and done.latest.text == "done: statement sent"


def cells_of_html(page: bytes) -> list[list[str]]:
    soup = BeautifulSoup(page.decode("utf-8"), "html.parser")
    return [[td.get_text() for td in tr.find_all("td")] for tr in soup.find("tbody").find_all("tr")
            if tr.find("td")]


def cells_of_markdown(text: bytes) -> list[list[str]]:
    page = MarkdownIt("commonmark").enable("table").render(text.decode("utf-8"))
    soup = BeautifulSoup(page, "html.parser")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in soup.find("tbody").find_all("tr")]
    return [r for r in rows if any(r[1:])]                # group rows have one cell filled


def test_html_and_markdown_carry_the_same_rows_as_the_word_log(db):
    for by in ("owner", "organisation", "item"):
        log = action_log(db, SERIES, by=by, since="2015-01-01", today=LATE)
        table = word(log).tables[0]
        in_word = [[c.text for c in r.cells] for r in table.rows[1:]]
        in_word = [r for r in in_word if len(set(r)) > 1]
        assert cells_of_html(export(log, "html")) == in_word, by
        assert cells_of_markdown(export(log, "markdown")) == in_word, by
        assert len(in_word) == len(log.entries) == 5


def test_html_prints_on_the_paper_with_page_numbers_and_marks_overdue_rows(db):
    log = action_log(db, SERIES, today=LATE)
    page = export(log, "html", paper="letter").decode("utf-8")
    assert "size:letter landscape" in page and 'counter(page) " of " counter(pages)' in page
    assert "size:A4 landscape" in export(log, "html").decode("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    late = [tr.find("td", class_="action").get_text() for tr in soup.find_all("tr", class_="overdue")]
    assert sorted(late) == ["Circulate the market position statement", "Draft the <i>tender</i> timetable | phase 1"]
    assert soup.find("meta", attrs={"name": "author"})["content"] == SERIES


def test_grouped_by_item_in_meeting_order(db):
    log = action_log(db, SERIES, by="item")
    assert [label for label, _ in log.groups] == ["2015-01-20 — item 4 Questions", "2015-03-10 — item 2 Tender timetable"]
    md = export(log, "markdown").decode("utf-8")
    assert "**20 Jan 2015 — item 4 Questions**" in md


def test_one_owners_list(db):
    log = action_log(db, owner="pr")
    assert log.owner == "Pamela Richardson (PR)" and log.title.startswith("Actions of Pamela Richardson (PR)")
    assert [e.text for e in log.entries] == ["Agree the rules for consortium bids"]
    assert [e.text for e in action_log(db, SERIES, owner="PR", since="2015-01-01").entries] == [
        "Agree the rules for consortium bids", "Book the venue for the market event"]


def run(args, db_path):
    return CliRunner().invoke(cli, args, env={"MINUTES_DB": db_path}, catch_exceptions=False)


@pytest.mark.parametrize("args, message", [
    (["-o", "{dir}/log.pdf"], "log.pdf: an action log is not written as .pdf: name it .docx, "),
    (["-o", "{dir}/log"], "log: has no extension to tell the format"),
    (["-o", "{dir}/log.md", "--format", "html"], "log.md: .md is not a html file: name it .html or .htm"),
    (["-o", "{dir}/log.docx", "--format", "csv"], "log.docx: .docx is not a csv file"),
])
def test_an_output_it_cannot_write_is_refused_in_one_line(db_path, tmp_path, args, message):
    args = [a.format(dir=tmp_path) for a in args]
    result = run(["report", "actions", "--series", "Domestic", *args], db_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []                 # nothing written


def test_cli_owner_paper_and_grouping(db_path, tmp_path):
    out = tmp_path / "pr.docx"
    result = run(["report", "actions", "--owner", "PR", "--paper", "letter", "-o", str(out)], db_path)
    assert result.exit_code == 0, result.output
    assert "Wrote 1 action of Pamela Richardson (PR) to" in result.stderr
    document = docx.Document(str(out))
    assert abs(document.sections[0].page_width - Cm(27.94)) < Cm(0.01)
    result = run(["report", "actions", "--by", "item"], db_path)        # one series: no need to name it
    assert result.exit_code == 0 and "item 2 Tender timetable**" in result.stdout
