"""'minutes serve' in a real headless browser: Debian's Chromium driven by playwright.  The home page
lists the open actions by owner, a meeting's page reads as its minutes (decisions and actions, each
with its where), a row page shows labels, the actions table filters open / done, internal columns
are hidden, and a search finds an action.  A screenshot of each page visited is kept under the test
run's temporary folder.  Skips, saying why, where playwright or a Chromium cannot be had."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from report_db import build

from minutes import serve

CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium() -> str | None:
    named = os.environ.get("MINUTES_CHROMIUM")
    return named if named and os.path.exists(named) else next(filter(None, map(shutil.which, CHROMIUM)), None)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                                   "(pip install -e '.[test]')")
    path = chromium()
    if path is None:
        pytest.skip("no Chromium to drive: install Debian's (apt-get install chromium; .ci/run does) "
                    "or set MINUTES_CHROMIUM to a Chromium or Chrome")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not serve.available():
        pytest.skip("Datasette is not installed (pip install 'minutes[web]')")
    db_path = build(tmp_path_factory.mktemp("browser"))
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from minutes.cli import cli; cli()", "serve", "--db", db_path,
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("minutes serve did not start: " + proc.stderr.read().decode(errors="replace"))
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


@pytest.fixture
def page(browser, tmp_path_factory, request):
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = []
    tab.on("load", lambda p: seen.append(p.url))
    yield tab
    tab.screenshot(path=str(shots / f"{request.node.name}.png"), full_page=True)
    tab.close()


def test_the_home_page_lists_open_actions_by_owner(site, page):
    page.goto(site + "/")
    assert page.locator("h1").first.inner_text() == "Open actions by owner"
    owners = page.locator("h2.owner").all_inner_texts()
    assert owners[0].startswith("Daxa Pancholi (DP)") and any(o.startswith("PG") for o in owners)
    dp = page.locator("table.minutes-owed").first.inner_text()
    assert "Circulate the market position statement" in dp and "1 Apr 2015 (overdue)" in dp
    assert "Book the venue for the market event" not in page.content()            # done: not owed


def test_a_meeting_page_reads_as_its_minutes(site, page):
    page.goto(site + "/")
    page.locator("table.minutes-owed a", has_text="10 Mar 2015").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/board/meetings/2")
    headings = page.locator("article.minutes-meeting h2").all_inner_texts()
    assert headings[:2] == ["Attendees", "Items"] and "Decisions" in headings and "Actions" in headings
    decisions = page.locator("ul.decisions").inner_text()
    assert "The tender will be split into two lots" in decisions and "line 15" in decisions
    actions = page.locator("table.actions").inner_text()
    assert "Draft the <i>tender</i> timetable | phase 1" in actions and "line 12" in actions
    assert "Book the venue for the market event" in actions and "done" in actions
    assert page.locator("table.actions i").count() == 0                         # markup in the minutes is text


def test_a_row_page_shows_labels_and_tables_hide_internal_columns(site, page):
    page.goto(site + "/board/actions/1")
    meeting = page.locator("td.col-meeting_id a")
    assert meeting.inner_text().startswith("2015-01-20 Domestic") and "/board/meetings/1" in meeting.get_attribute("href")
    page.goto(site + "/board/actions")
    columns = page.locator("table.rows-and-columns th").evaluate_all("els => els.map(e => e.dataset.column)")
    assert columns[:4] == ["id", "text", "owners", "status"]
    assert not {"key", "position", "created_at", "updated_at"} & set(columns)


def test_open_and_done_filters(site, page):
    page.goto(site + "/board/actions")
    page.locator("nav.minutes-status a", has_text="Done").click()
    page.wait_for_load_state()
    texts = page.locator("td.col-text").all_inner_texts()
    assert texts == ["Book the venue for the market event"]
    page.locator("nav.minutes-status a", has_text="Open").click()
    page.wait_for_load_state()
    statuses = set(page.locator("td.col-status").all_inner_texts())
    assert statuses == {"open"} and len(page.locator("td.col-text").all_inner_texts()) == 4


def test_a_search_finds_an_action(site, page):
    page.goto(site + "/")
    page.fill("#minutes-q", "consortium")
    page.locator("form.minutes-search input[type=submit]").click()
    page.wait_for_load_state()
    assert "_search=consortium" in page.url
    assert page.locator("td.col-text").all_inner_texts() == ["Agree the rules for consortium bids"]


def test_nothing_can_be_written(site, page):
    page.goto(site + "/board?sql=" + urllib.request.quote("delete from actions"))
    assert "Statement must be a SELECT" in page.content()
    page.goto(site + "/board/actions?status=open")
    assert len(page.locator("td.col-text").all_inner_texts()) == 4
