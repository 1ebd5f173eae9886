"""What every command shares: options, opening the database, errors as one line, printing.

Library modules are imported inside the functions that need them, so that
a command loads only what it uses (``minutes actions`` never loads a parser).
"""
from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import sys

import click

from minutes.errors import MinutesError, ParseError


def color_allowed(stream=None) -> bool:
    """Whether escape codes may colour ``stream`` (stdout): a terminal, and NO_COLOR unset
    or empty (https://no-color.org), and not a dumb terminal."""
    stream = stream or sys.stdout
    return (not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
            and hasattr(stream, "isatty") and stream.isatty())


def _error(text: str) -> str:
    """``Error: text``, the word in red on a terminal that takes colour."""
    return (click.style("Error:", fg="red", bold=True) if color_allowed(sys.stderr) else "Error:") + " " + text


def fail(message: str) -> None:
    """Print ``Error: message`` on stderr, on one line, and exit 1 (no traceback)."""
    from minutes.output.formats import clean

    click.echo(_error(clean(message, one_line=True)), err=True)
    sys.exit(1)


def echo(text: str) -> None:
    """Print text that came from documents, without control or escape characters."""
    from minutes.output.formats import clean

    click.echo(clean(text))


def emit(text: str, style) -> None:
    """Print a command's output: JSON as it is (it escapes what a terminal would run), text made safe."""
    fmt = getattr(style, "fmt", style)
    if fmt in ("json", "nl"):
        click.echo(text)
    else:
        echo(text)


def error_line(*parts: str) -> None:
    """Print ``Error: part: part`` on stderr, on one line, and go on."""
    from minutes.output.formats import clean

    click.echo(_error(": ".join(clean(p, True) for p in parts)), err=True)


def run(call, *args, **kwargs):
    """Call a library function; its named errors become ``Error: …`` (a database's naming its file)."""
    try:
        return call(*args, **kwargs)
    except (MinutesError, ParseError) as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        import sqlite_utils

        from minutes.db import describe, path_of

        db = next((a for a in args if isinstance(a, sqlite_utils.Database)), None)
        fail(describe(path_of(db), exc) if db is not None else f"database error: {exc}")


# --- options -----------------------------------------------------------------------

def db_option(f):
    return click.option("--db", "db_path", default="minutes.db", envvar="MINUTES_DB", show_default=True,
                        show_envvar=True, metavar="PATH", help="The database.")(f)


OUTPUT_FLAGS = (("--table", "table", "An aligned table (the default)."), ("--json", "json", "JSON."),
                ("--nl", "nl", "Newline-delimited JSON: one object a line."), ("--csv", "csv", "CSV."),
                ("--tsv", "tsv", "Tab-separated values."), ("--markdown", "markdown", "A Markdown table."))


def output_options(f):
    """The one output option set of every listing command, given to it as ``style``
    (``minutes.output.formats.Style``): --table (the default), --json, --nl, --csv,
    --tsv, --markdown; --no-headers; --width N and --wrap for tables."""
    @functools.wraps(f)
    def command(*args, fmt, no_headers, width, wrap, **kwargs):
        return f(*args, style=make_style(fmt, no_headers, width, wrap), **kwargs)

    from minutes.cli.params import Number

    command = click.option("--wrap", is_flag=True, help="Wrap long text in a table rather than cut it.")(command)
    command = click.option("--width", type=Number(0, 10_000, "a width"), default=None, metavar="N",
                           help="Fit tables to N columns (default: the terminal's; 0: cut nothing).")(command)
    command = click.option("--no-headers", is_flag=True, help="Leave out the header row (table, CSV, TSV).")(command)
    for flag, value, help_ in reversed(OUTPUT_FLAGS):
        command = click.option(flag, "fmt", flag_value=value, help=help_)(command)
    return command


def correction_options(f, note_required: bool = False):
    """--note, --by, --dry-run and --json, which every correction by hand takes."""
    f = click.option("--json", "as_json", is_flag=True, help="Print what was changed as JSON.")(f)
    f = click.option("--dry-run", is_flag=True, help="Say what would change, and change nothing.")(f)
    f = click.option("--by", help="Who made the change, for the audit log (default: your login name).")(f)
    return click.option("--note", required=note_required, help="Why, for the history and the audit log.")(f)


def report_change(change, as_json: bool = False) -> None:
    """Print what a correction did (or would do): its lines, or its record as JSON."""
    from minutes.output.changes import change_record, change_text
    from minutes.output.formats import to_json

    data = change.as_dict()
    if as_json:
        click.echo(to_json(change_record(data)))
    else:
        echo(change_text(data))


def make_style(fmt: str | None = None, no_headers: bool = False, width: int | None = None, wrap: bool = False):
    """The ``Style`` of a listing: tables fit the terminal they are printed on (or ``width``)."""
    from minutes.output.formats import Style

    if width is None and sys.stdout.isatty():
        width = shutil.get_terminal_size().columns
    return Style(fmt=fmt or "table", headers=not no_headers, width=width, wrap=wrap, color=color_allowed())


def max_size_option(f):
    from parsers.limits import DEFAULT_MAX_SIZE, DOCX_FILE_RATIO

    from minutes.cli.params import Size

    return click.option(
        "--max-size", type=Size(), default=f"{DEFAULT_MAX_SIZE >> 20}M", show_default=True,
        help="The most text read from one file (an HTML or text file, or the XML inside a "
             f".docx, which may itself be {DOCX_FILE_RATIO} times larger, as may a PDF); e.g. 50M.")(f)


# --- the database ------------------------------------------------------------------

def open_db(db_path: str, write: bool = False):
    """The existing database, migrated to the current schema if needed.

    Read commands open a database that cannot be written (a read-only file
    or folder) read-only, and never need to write: where it is owed a
    migration or a relink, that is done first if the file can be written;
    a relink that cannot be done (read-only, a full disk) is a warning, not
    a failure."""
    from minutes import store
    from minutes.db import connect, describe, writable

    try:
        if write:
            db = connect(db_path, create=False)
            if store.needs_repair(db):
                store.repair(db)   # migrate; relink what a cut-short ingest left owed
            return db
        db = connect(db_path, create=False, readonly=not writable(db_path))
        if store.needs_repair(db):
            _bring_up_to_date(db_path, db)
        return db
    except MinutesError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        fail(describe(db_path, exc))


def _bring_up_to_date(db_path: str, db) -> None:
    """Migrate or relink ``db_path`` through a writer, for the reader ``db``."""
    from minutes import store
    from minutes.db import connect, describe, schema_is_current
    from minutes.output.formats import clean

    try:
        writer = connect(db_path, create=False)
        try:
            store.repair(writer)
        finally:
            writer.close()
    except (MinutesError, sqlite3.Error) as exc:
        reason = str(exc) if isinstance(exc, MinutesError) else describe(db_path, exc)
        if not schema_is_current(db):
            db.close()
            fail(f"{reason}; the database is of an older version of minutes and must be upgraded by a "
                 "command that can write to it (minutes ingest)")
        click.echo(f"Warning: the links between the meetings of a series are out of date (an ingest was cut "
                   f"short) and could not be brought up to date now: {clean(reason, True)}; the next ingest "
                   "brings them up to date", err=True)


def reading(db_path: str, call, *args, **kwargs):
    """Open the database, make one library call on it, close it: the call's result."""
    db = open_db(db_path)
    try:
        return run(call, db, *args, **kwargs)
    finally:
        db.close()


# --- files written -----------------------------------------------------------------

def check_output(output: str | None, db_path: str) -> None:
    """Refuse, before any work, an OUTPUT that is the database or another SQLite file."""
    from minutes.output import files

    if output not in (None, "-"):
        run(files.check_target, output, db_path)


def write_out(data: bytes, output: str | None, what: str, db_path: str) -> None:
    """Write ``data`` to OUTPUT (whole, never over the database), or to stdout when there is none."""
    from minutes.output import files

    if output is None or output == "-":
        click.echo(data.decode("utf-8"), nl=False)
        return
    run(files.write_file, output, data, db_path)
    click.echo(f"Wrote {what} to {output}", err=True)
