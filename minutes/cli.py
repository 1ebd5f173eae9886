"""The command line.  The only module that echoes; every command is one library call."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import sys

import click

from minutes.errors import MinutesError, ParseError


def fail(message: str) -> None:
    """Print ``Error: message`` on stderr, on one line, and exit 1 (no traceback)."""
    from minutes.report import clean

    click.echo(f"Error: {clean(message, one_line=True)}", err=True)
    sys.exit(1)


# Every argument that is an id, a number, a size or a date is checked here, at
# the edge: ASCII digits only ("١" and "²" are digits to Python's int()), within
# the range the tool can use; anything else is a usage error (exit 2, one line).
_ASCII_NUMBER = re.compile(r"[0-9]+", re.ASCII)
_SIZE = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*([KMG]?)(?:I?B)?", re.ASCII)
MAX_ID = (1 << 63) - 1   # SQLite's largest integer


class Size(click.ParamType):
    """A size in bytes, or with a unit: 500K, 50M, 1.5G (powers of 1024), at most 64G."""

    name = "SIZE"
    _UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    MAX = 64 << 30

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        m = _SIZE.fullmatch(str(value).strip().upper())
        if not m:
            self.fail(f"{value!r} is not a size like 50M, 500K or 1048576", param, ctx)
        size = int(float(m.group(1)) * self._UNITS[m.group(2)])
        if size < 1:
            self.fail(f"{value!r} is not a positive size", param, ctx)
        if size > self.MAX:
            self.fail(f"{value!r} is more than the most that can be read (64G)", param, ctx)
        return size


class Number(click.ParamType):
    """A whole number written in ASCII digits, from ``low`` to ``high``."""

    name = "N"

    def __init__(self, low: int, high: int, what: str = "a number") -> None:
        self.low, self.high, self.what = low, high, what

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not _ASCII_NUMBER.fullmatch(text):
            self.fail(f"{value!r} is not {self.what} (digits 0-9, from {self.low:,} to {self.high:,})", param, ctx)
        number = int(text)
        if not self.low <= number <= self.high:
            self.fail(f"{value!r} is out of range for {self.what} (from {self.low:,} to {self.high:,})", param, ctx)
        return number


class ActionId(click.ParamType):
    """An action's id: its number, optionally written "#12"."""

    name = "ID"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().removeprefix("#")
        if not _ASCII_NUMBER.fullmatch(text) or not 1 <= int(text) <= MAX_ID:
            self.fail(f"{value!r} is not an action id: give the action's number, such as 12 "
                      "(see 'minutes actions')", param, ctx)
        return int(text)


class IsoDate(click.ParamType):
    """A date written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> str:
        from datetime import date

        text = str(value).strip()
        try:
            if not text.isascii():
                raise ValueError(text)
            return date.fromisoformat(text).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date like 2024-02-08", param, ctx)


class OneLineErrors(click.Group):
    """A usage error is one line on stderr (``Error: …``) and exit 2, like every other error."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        from minutes.report import clean

        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            click.echo(f"Error: {clean(exc.format_message(), one_line=True)}{where}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


def max_size_option(f):
    from parsers.limits import DEFAULT_MAX_SIZE, DOCX_FILE_RATIO

    return click.option(
        "--max-size", type=Size(), default=f"{DEFAULT_MAX_SIZE >> 20}M", show_default=True,
        help="The most text read from one file (an HTML or text file, or the XML inside a "
             f".docx, which may itself be {DOCX_FILE_RATIO} times larger); e.g. 50M.")(f)


@click.group(name="minutes", cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes")
def cli() -> None:
    """Turn meeting minutes into data and track their actions.

    \b
    Example:
        minutes parse fixtures/sample.txt
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the parse contract as JSON.")
@max_size_option
def parse(file: str, as_json: bool, max_size: int) -> None:
    """Parse FILE (HTML, DOCX, Markdown or text) and print what it says.

    Nothing is stored.

    \b
    Example:
        minutes parse fixtures/sample.txt --json
    """
    from parsers import parse as parse_file
    from minutes import report
    from minutes.report import minutes_summary

    try:
        result = parse_file(file, max_size=max_size)
    except (ParseError, MinutesError) as exc:
        fail(str(exc))
    if as_json:
        click.echo(report.to_json(result.to_dict(), indent=1))
    else:
        echo(minutes_summary(result))


# --- shared options -------------------------------------------------------------

def db_option(f):
    return click.option("--db", "db_path", default="minutes.db", envvar="MINUTES_DB", show_default=True,
                        metavar="PATH", help="The database (or set MINUTES_DB).")(f)


def format_options(f):
    for flag, help_ in (("--markdown", "Print a Markdown table."), ("--csv", "Print CSV."),
                        ("--json", "Print JSON.")):
        f = click.option(flag, "fmt", flag_value=flag[2:], help=help_)(f)
    return f


def open_db(db_path: str, write: bool = False):
    """The existing database, migrated to the current schema if needed.

    Read commands open a database that cannot be written (a read-only file
    or folder) read-only, and never need to write: where it is owed a
    migration or a relink, that is done first if the file can be written;
    a relink that cannot be done (read-only, a full disk) is a warning, not
    a failure."""
    from minutes import store

    try:
        if write:
            db = store.connect(db_path, create=False)
            if not store.schema_is_current(db) or store.is_pending(db):
                with store.transaction(db):   # migrate; relink what a cut-short ingest left owed
                    pass
            return db
        db = store.connect(db_path, create=False, readonly=not store.writable(db_path))
        if not store.schema_is_current(db) or store.is_pending(db):
            _bring_up_to_date(db_path, db)
        return db
    except MinutesError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        fail(store.describe(db_path, exc))


def _bring_up_to_date(db_path: str, db) -> None:
    """Migrate or relink ``db_path`` through a writer, for the reader ``db``."""
    from minutes import store
    from minutes.report import clean

    try:
        writer = store.connect(db_path, create=False)
        try:
            with store.transaction(writer):
                pass
        finally:
            writer.close()
    except (MinutesError, sqlite3.Error) as exc:
        reason = str(exc) if isinstance(exc, MinutesError) else store.describe(db_path, exc)
        if not store.schema_is_current(db):
            db.close()
            fail(f"{reason}; the database is of an older version of minutes and must be upgraded by a "
                 "command that can write to it (minutes ingest)")
        click.echo(f"Warning: the links between the meetings of a series are out of date (an ingest was cut "
                   f"short) and could not be brought up to date now: {clean(reason, True)}; the next ingest "
                   "brings them up to date", err=True)


def echo(text: str) -> None:
    """Print text that came from documents, without control or escape characters."""
    from minutes.report import clean

    click.echo(clean(text))


def run(call, *args, **kwargs):
    """Call a library function; its named errors become ``Error: …`` (a database's naming its file)."""
    try:
        return call(*args, **kwargs)
    except (MinutesError, ParseError) as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        import sqlite_utils

        from minutes import store

        db = next((a for a in args if isinstance(a, sqlite_utils.Database)), None)
        fail(store.describe(store.path_of(db), exc) if db is not None else f"database error: {exc}")




# --- ingest and check ------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--series", metavar="NAME", help="The meeting series (default: from the title).")
@max_size_option
@click.option("--jobs", "-j", type=Number(1, 256, "a number of workers"), default=None,
              help="Parse in N worker processes (one writer; the result is the same). "
                   "Default: the number of cores, or none for fewer than two files per core.")
def ingest(paths: tuple[str, ...], db_path: str, series: str | None, max_size: int, jobs: int | None) -> None:
    """Store minutes: files, folders (recursively) and globs.

    Each document is stored in one transaction; a file that fails leaves
    nothing behind and the others go on (exit code 1 when any failed).
    The same file twice changes nothing; a corrected version of a meeting
    (same series and date) replaces it and keeps the actions' history.

    Meetings of one series (from the title, or --series) are read in date
    order whatever the order of ingest: updates on earlier actions ("Actions
    of the previous meeting", "Matters arising") are linked to those actions
    and set their status; a row that matches nothing is a warning.

    \b
    Example:
        minutes ingest fixtures/ 'archive/**/*.docx' --db board.db
        minutes ingest minutes/*.docx --series "Steering Group" --jobs 4
    """
    from minutes.ingest import ingest_paths

    state: dict = {"bar": None}
    show_bar = sys.stderr.isatty()

    def progress(result, total: int) -> None:
        bar = state["bar"]
        if bar is None and show_bar and total >= 10:
            bar = state["bar"] = click.progressbar(length=total, file=sys.stderr, label="Ingesting")
        if bar is not None:
            click.echo("\r\x1b[K", nl=False, err=True)
        if result.status == "failed":
            # the file's one line is its error, on stderr (the others go on)
            from minutes.report import clean

            click.echo(f"Error: {clean(result.path, True)}: {clean(result.detail, True)}", err=True)
        elif result.status == "skipped":
            echo(f"{result.status:<9}  {result.path}  ({result.detail})")
        else:
            line = f"{result.status:<9}  {result.path}"
            if result.detail:
                line += f"  ({result.meeting}: {result.detail})"
            echo(line)
        for gone_id, text in result.gone:
            echo(f"           no longer in the minutes: action {gone_id}: {text}")
        for warning in result.warnings:
            echo(f"           warning: {warning}")
        if bar is not None:
            bar.update(1)

    try:
        report = run(ingest_paths, db_path, paths, series=series, max_size=max_size, jobs=jobs,
                     progress=progress)
    finally:
        if state["bar"] is not None:
            state["bar"].render_finish()
    echo(report.summary())
    if report.errors:
        from minutes.report import clean

        for error in report.errors[:-1]:
            click.echo(f"Error: {clean(error, True)}", err=True)
        if not report.count("failed"):
            fail(report.errors[-1])
        click.echo(f"Error: {clean(report.errors[-1], True)}", err=True)
    if report.failed:
        n = report.count("failed")
        fail(f"{n} of {len(report.results)} file{'s' if len(report.results) != 1 else ''} failed")


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--strict", is_flag=True, help="Exit 1 when there is any warning.")
@max_size_option
def check(files: tuple[str, ...], strict: bool, max_size: int) -> None:
    """Parse minutes without storing them and print every warning.

    For secretaries, before circulating: each warning says what and where.

    \b
    Example:
        minutes check draft.docx --strict
    """
    from minutes.ingest import check_files

    warned = failed = 0
    for path, warnings, error in check_files(files, max_size=max_size):
        if error:
            failed += 1
            from minutes.report import clean

            click.echo(f"Error: {clean(path, True)}: {clean(error, True)}", err=True)
            continue
        warned += bool(warnings)
        echo(f"{path}: {len(warnings)} warning{'s' if len(warnings) != 1 else ''}")
        for w in warnings:
            echo(f"  - {w}")
    if failed:
        fail(f"{failed} file{'s' if failed != 1 else ''} could not be read")
    if strict and warned:
        fail(f"{warned} file{'s' if warned != 1 else ''} with warnings (--strict)")


# --- actions ---------------------------------------------------------------------

@cli.command()
@db_option
@click.option("--owner", help="Initials or part of a name (case-insensitive).")
@click.option("--status", type=click.Choice(["open", "done", "dropped", "all"]), default="open",
              show_default=True)
@click.option("--series", help="Part of the series name.")
@click.option("--meeting", help="A meeting id, date or part of its name.")
@click.option("--since", type=IsoDate(), help="Meetings on or after this date (YYYY-MM-DD).")
@click.option("--until", type=IsoDate(), help="Meetings on or before this date (YYYY-MM-DD).")
@click.option("--overdue", is_flag=True, help="Only open actions past their due date.")
@click.option("--carried", is_flag=True,
              help="Only open actions carried across two or more meetings, with how many.")
@format_options
def actions(db_path: str, owner: str | None, status: str, series: str | None, meeting: str | None,
            since: str | None, until: str | None, overdue: bool, carried: bool, fmt: str | None) -> None:
    """The chair's list: outstanding actions grouped by owner.

    An action re-issued by a later meeting is listed once, under the meeting
    that first set it; its age counts from there.

    \b
    Example:
        minutes actions --owner pg --json
        minutes actions --series "Steering Group" --overdue --markdown
        minutes actions --series "Steering Group" --carried
    """
    from minutes import report, tracker

    db = open_db(db_path)
    try:
        if carried:
            rows = run(tracker.carried, db, series=series, owner=owner)
        else:
            rows = run(tracker.outstanding, db, owner=owner, status=status, series=series, meeting=meeting,
                       since=since, until=until, overdue=overdue)
    finally:
        db.close()
    if carried:
        if fmt == "json":
            click.echo(report.to_json([{**report.action_record(r), "meetings_open": r["meetings_open"],
                                        "last_update": r["last_update"]} for r in rows]))
        else:
            echo(report.render([report.carried_flat(r) for r in rows], report.CARRIED_COLUMNS, fmt or "table",
                               {"text": 60, "last_update": 60}) if rows else "No action carried forward.")
        return
    if fmt == "json":
        click.echo(report.to_json([report.action_record(r) for r in rows]))
    elif fmt:
        echo(report.render([report.action_flat(r) for r in rows], report.ACTION_COLUMNS, fmt))
    else:
        echo(report.actions_by_owner(tracker.by_owner(rows)))


def _change(change: str, action: int, note: str | None, by: str | None, db_path: str) -> None:
    from minutes import tracker

    db = open_db(db_path, write=True)
    try:
        row = run(tracker.set_status, db, action, change, note=note, by=by)
    finally:
        db.close()
    echo(f"Action {row['id']} is now {row['status']}: {row['text']}")


def _note_option(required: bool):
    return click.option("--note", required=required, help="Why, for the history.")


def _by_option(f):
    return click.option("--by", help="Who made the change (default: your login name).")(f)


@cli.command()
@click.argument("action", metavar="ID", type=ActionId())
@_note_option(False)
@_by_option
@db_option
def done(action: int, note: str | None, by: str | None, db_path: str) -> None:
    """Mark action ID done (with a history entry).

    \b
    Example:
        minutes done 12 --note "figures sent to the group"
    """
    _change("done", action, note, by, db_path)


@cli.command()
@click.argument("action", metavar="ID", type=ActionId())
@_note_option(False)
@_by_option
@db_option
def reopen(action: int, note: str | None, by: str | None, db_path: str) -> None:
    """Reopen action ID (with a history entry).

    \b
    Example:
        minutes reopen 12 --note "the figures were incomplete"
    """
    _change("reopen", action, note, by, db_path)


@cli.command()
@click.argument("action", metavar="ID", type=ActionId())
@_note_option(True)
@_by_option
@db_option
def drop(action: int, note: str, by: str | None, db_path: str) -> None:
    """Drop action ID; --note says why.

    \b
    Example:
        minutes drop 12 --note "overtaken by the new contract"
    """
    _change("drop", action, note, by, db_path)


@cli.command()
@click.argument("action", metavar="ID", type=ActionId())
@db_option
@format_options
def history(action: int, db_path: str, fmt: str | None) -> None:
    """The whole life of action ID, document by document.

    Created by the minutes that set it, reported on or re-issued by later
    minutes, closed by minutes or by hand: in the order it happened.

    \b
    Example:
        minutes history 12
    """
    from minutes import report, tracker

    db = open_db(db_path)
    try:
        events = run(tracker.history, db, action)
        row = tracker.get_action(db, tracker.tracked_id(db, action))
    finally:
        db.close()
    if fmt == "json":
        click.echo(report.to_json({"action": report.action_record(row), "history": events}))
    elif fmt:
        echo(report.render(events, ["date", "event", "document", "actor", "source", "note"], fmt))
    else:
        echo(report.history_text(row, events))


# --- for auditors ------------------------------------------------------------------

@cli.command()
@db_option
@click.option("--series", help="Part of the series name.")
@click.option("--since", type=IsoDate(), help="On or after this date (YYYY-MM-DD).")
@click.option("--until", type=IsoDate(), help="On or before this date (YYYY-MM-DD).")
@format_options
def meetings(db_path: str, series: str | None, since: str | None, until: str | None, fmt: str | None) -> None:
    """List the stored meetings with their counts.

    \b
    Example:
        minutes meetings --series "ICAT" --since 2016-01-01
    """
    from minutes import audit, report

    db = open_db(db_path)
    try:
        rows = run(audit.meetings, db, series=series, since=since, until=until)
    finally:
        db.close()
    cols = ["id", "date", "series", "title", "attendees", "items", "actions", "open_actions", "decisions",
            "document"]
    echo(report.render(rows, cols, fmt or "table", {"title": 50, "series": 30}))


@cli.command()
@click.argument("meeting")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(meeting: str, db_path: str, as_json: bool) -> None:
    """Show MEETING (an id, a date or part of its name) as readable text.

    \b
    Example:
        minutes show 2015-12-09
    """
    from minutes import audit, report

    db = open_db(db_path)
    try:
        data = run(audit.show_meeting, db, meeting)
    finally:
        db.close()
    if as_json:
        data["actions"] = [report.action_record(r) for r in data["actions"]]
        click.echo(report.to_json(data))
    else:
        echo(report.meeting_text(data))


@cli.command()
@db_option
@format_options
def people(db_path: str, fmt: str | None) -> None:
    """Each person with the meetings they attended and the actions they hold.

    \b
    Example:
        minutes people --csv > people.csv
    """
    from minutes import audit, report

    db = open_db(db_path)
    try:
        rows = run(audit.people, db)
    finally:
        db.close()
    if fmt == "json":
        click.echo(report.to_json(rows))
        return
    flat = [{"id": p["id"], "name": p["name"], "initials": p["initials"] or "", "email": p["email"] or "",
             "meetings": [m["date"] or m["id"] for m in p["meetings"]],
             "open_actions": p["open_actions"], "actions": len(p["actions"])} for p in rows]
    echo(report.render(flat, ["id", "name", "initials", "email", "meetings", "open_actions", "actions"],
                       fmt or "table", {"meetings": 60}))


@cli.command()
@click.argument("text")
@db_option
@click.option("--limit", type=Number(1, MAX_ID, "a number of results"), default=50, show_default=True)
@format_options
def search(text: str, db_path: str, limit: int, fmt: str | None) -> None:
    """Full-text search over items, questions, answers, actions and decisions.

    \b
    Example:
        minutes search "terms of reference"
    """
    from minutes import audit, report

    db = open_db(db_path)
    try:
        rows = run(audit.search, db, text, limit=limit, mark=("\ue000", "\ue001"))
    finally:
        db.close()
    bold = fmt is None and sys.stdout.isatty()
    for r in rows:
        r["meeting"] = r.pop("meeting_date") or r["meeting_title"]
        r["item"] = " ".join(x for x in (r["item"], r.pop("item_title")) if x)
        snippet = report.clean(r["snippet"], one_line=True)
        r["snippet"] = snippet.replace("\ue000", "[").replace("\ue001", "]")
        if bold:
            r["snippet"] = snippet
    cols = ["kind", "id", "meeting", "item", "snippet"]
    out = report.render(rows, cols, fmt or "table", {"item": 30, "snippet": 200})
    if bold:
        out = out.replace("\ue000", "\x1b[1m").replace("\ue001", "\x1b[0m")
        click.echo(out)  # cleaned above; only our own bold codes remain
    else:
        echo(out)


@cli.command()
@db_option
@click.option("--series", help="Part of the series name.")
@click.option("--since", type=IsoDate(), help="On or after this date (YYYY-MM-DD).")
@click.option("--until", type=IsoDate(), help="On or before this date (YYYY-MM-DD).")
@format_options
def decisions(db_path: str, series: str | None, since: str | None, until: str | None, fmt: str | None) -> None:
    """List the decisions, by meeting date.

    \b
    Example:
        minutes decisions --since 2024-01-01 --markdown
    """
    from minutes import audit, report

    db = open_db(db_path)
    try:
        rows = run(audit.decisions, db, series=series, since=since, until=until)
    finally:
        db.close()
    echo(report.render(rows, ["id", "meeting_date", "series", "item", "text", "where"], fmt or "table",
                       {"text": 90, "series": 30}))


# --- what chairs and auditors take away ---------------------------------------------

def check_output(output: str | None, db_path: str) -> None:
    """Refuse, before any work, an OUTPUT that is the database or another SQLite file."""
    from minutes import outfile

    if output not in (None, "-"):
        run(outfile.check_target, output, db_path)


def write_out(data: bytes, output: str | None, what: str, db_path: str) -> None:
    """Write ``data`` to OUTPUT (whole, never over the database), or to stdout when there is none."""
    from minutes import outfile

    if output is None or output == "-":
        click.echo(data.decode("utf-8"), nl=False)
        return
    run(outfile.write_file, output, data, db_path)
    click.echo(f"Wrote {what} to {output}", err=True)


@cli.group("report")
def reports() -> None:
    """Write what chairs take away: the action log and a calendar of due actions.

    \b
    Example:
        minutes report actions --series "Steering Group" -o actions.docx
        minutes report calendar --owner TG -o actions.ics
    """


@reports.command("actions")
@click.option("--series", required=True, help="The series (its name, or part of it).")
@click.option("--format", "fmt", type=click.Choice(["docx", "markdown", "html", "csv"]),
              help="Default: from the extension of -o, else markdown.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (default: standard output; DOCX needs it).")
@click.option("--by", type=click.Choice(["owner", "organisation"]), default="owner", show_default=True,
              help="Group by owner, or by organisation (each partner reports on its own).")
@click.option("--since", type=IsoDate(), help="Add the actions closed on or after this date (YYYY-MM-DD).")
@db_option
def report_actions(series: str, fmt: str | None, output: str | None, by: str, since: str | None,
                   db_path: str) -> None:
    """The action log for the next agenda pack: one table of the series' open actions.

    Number, action, owner (name and initials), organisation, the meeting
    that set it, due date and latest update.  The Word document reads back
    through 'minutes parse' as the meeting's actions.

    \b
    Example:
        minutes report actions --series "Steering Group" -o actions.docx
        minutes report actions --series Partnership --by organisation --since 2024-01-01 --format html
    """
    from minutes import actionlog, exports

    extension = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                 ".csv": "csv"}
    fmt = fmt or extension.get(os.path.splitext(output or "")[1].lower(), "markdown")
    if fmt == "docx" and output in (None, "-"):
        fail("a Word document needs a file: add -o FILE.docx")
    check_output(output, db_path)
    db = open_db(db_path)
    try:
        log = run(actionlog.action_log, db, series, by=by, since=since)
    finally:
        db.close()
    write_out(run(exports.export, log, fmt), output, f"{len(log.entries)} actions of {log.series}", db_path)


@reports.command("calendar")
@click.option("--owner", help="Only this owner's actions (initials or part of a name).")
@click.option("--series", help="Only this series (part of its name).")
@click.option("--todo", is_flag=True, help="To-dos (VTODO) instead of all-day events.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE.ics (default: standard output).")
@db_option
def report_calendar(owner: str | None, series: str | None, todo: bool, output: str | None, db_path: str) -> None:
    """An iCalendar file of the open actions that have a due date.

    One all-day event (or to-do) per action on its due date, with the
    meeting and item it came from; import it into any calendar program.

    \b
    Example:
        minutes report calendar --owner TG -o tg-actions.ics
    """
    from minutes import ical

    check_output(output, db_path)
    db = open_db(db_path)
    try:
        result = run(ical.due_calendar, db, owner=owner, series=series, todo=todo)
    finally:
        db.close()
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    write_out(result.data, output, f"{result.count} due action{'s' if result.count != 1 else ''}", db_path)


@cli.command("datasette-metadata")
@db_option
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (default: standard output).")
def datasette_metadata(db_path: str, output: str | None) -> None:
    """Datasette metadata for the database: labels, descriptions, canned queries.

    \b
    Example:
        minutes datasette-metadata --db board.db -o metadata.json
        datasette board.db --metadata metadata.json
    """
    from minutes import web

    check_output(output, db_path)
    data = json.dumps(web.metadata(web.database_name(db_path)), ensure_ascii=False, indent=2) + "\n"
    write_out(data.encode("utf-8"), output, "Datasette metadata", db_path)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=Number(1, 65535, "a port"), default=8001, show_default=True,
              help="The port to listen on.")
def serve(db_path: str, host: str, port: int) -> None:
    """Browse the database in Datasette (needs: pip install 'minutes[web]').

    Readable labels, full-text search and canned queries: outstanding
    actions by owner, actions by organisation, the decision history of a
    series, an action's full history.

    \b
    Example:
        minutes serve --db board.db --port 8001
    """
    from minutes import web

    if not web.available():
        fail(f"Datasette is not installed: install it with {web.INSTALL}")
    open_db(db_path).close()
    run(web.check_address, host, port)
    click.echo(f"Serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run(web.serve, db_path, host=host, port=port)


def main() -> None:  # pragma: no cover - console entry point
    cli()
