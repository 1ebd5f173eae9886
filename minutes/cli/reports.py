"""What chairs and auditors take away: the action log, a calendar of due actions, Datasette."""
from __future__ import annotations

import os

import click

from minutes.choices import GROUPINGS, LOG_FORMATS
from minutes.cli.common import check_output, db_option, fail, open_db, reading, run, write_out
from minutes.cli.params import IsoDate, Number

# The format a report takes from the extension of the file it is written to.
EXTENSION_FORMATS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                     ".htm": "html", ".csv": "csv"}


@click.group("report")
def reports() -> None:
    """Write what chairs take away: the action log and a calendar of due actions.

    \b
    Example:
        minutes report actions --series "Steering Group" -o actions.docx
        minutes report calendar --owner TG -o actions.ics
    """


@reports.command("actions")
@click.option("--series", required=True, help="The series (its name, or part of it).")
@click.option("--format", "fmt", type=click.Choice(LOG_FORMATS),
              help="Default: from the extension of -o, else markdown.")
@click.option("-o", "--output", metavar="FILE", envvar="MINUTES_REPORT_ACTIONS_OUTPUT", show_envvar=True,
              help="Write to FILE (default: standard output; DOCX needs it).")
@click.option("--by", type=click.Choice(GROUPINGS), default="owner", show_default=True,
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
    from minutes import queries
    from minutes.output.actionlog import export

    fmt = fmt or EXTENSION_FORMATS.get(os.path.splitext(output or "")[1].lower(), "markdown")
    if fmt == "docx" and output in (None, "-"):
        fail("a Word document needs a file: add -o FILE.docx")
    check_output(output, db_path)
    log = reading(db_path, queries.action_log, series, by=by, since=since)
    write_out(run(export, log, fmt), output, f"{len(log.entries)} actions of {log.series}", db_path)


@reports.command("calendar")
@click.option("--owner", help="Only this owner's actions (initials or part of a name).")
@click.option("--series", help="Only this series (part of its name).")
@click.option("--todo", is_flag=True, help="To-dos (VTODO) instead of all-day events.")
@click.option("-o", "--output", metavar="FILE", envvar="MINUTES_REPORT_CALENDAR_OUTPUT", show_envvar=True,
              help="Write to FILE.ics (default: standard output).")
@db_option
def report_calendar(owner: str | None, series: str | None, todo: bool, output: str | None, db_path: str) -> None:
    """An iCalendar file of the open actions that have a due date.

    One all-day event (or to-do) per action on its due date, with the
    meeting and item it came from; import it into any calendar program.

    \b
    Example:
        minutes report calendar --owner TG -o tg-actions.ics
    """
    from minutes import queries
    from minutes.output.ical import due_calendar

    check_output(output, db_path)
    rows = reading(db_path, queries.outstanding, owner=owner, series=series)
    result = run(due_calendar, rows, owner=owner, series=series, todo=todo)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    write_out(result.data, output, f"{result.count} due action{'s' if result.count != 1 else ''}", db_path)


@click.command("datasette-metadata")
@db_option
@click.option("-o", "--output", metavar="FILE", envvar="MINUTES_DATASETTE_METADATA_OUTPUT", show_envvar=True,
              help="Write to FILE (default: standard output).")
def datasette_metadata(db_path: str, output: str | None) -> None:
    """Datasette metadata for the database: labels, descriptions, canned queries.

    \b
    Example:
        minutes datasette-metadata --db board.db -o metadata.json
        datasette board.db --metadata metadata.json
    """
    import json

    from minutes.output import datasette

    check_output(output, db_path)
    data = json.dumps(datasette.metadata(datasette.database_name(db_path)), ensure_ascii=False, indent=2) + "\n"
    write_out(data.encode("utf-8"), output, "Datasette metadata", db_path)


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=Number(1, 65535, "a port"), default=8001, show_default=True,
              help="The port to listen on.")
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED, metavar="[DATASETTE OPTIONS]...")
def serve(db_path: str, host: str, port: int, datasette_args: tuple[str, ...]) -> None:
    """Browse the database in Datasette (needs: pip install 'minutes[web]').

    Readable labels, full-text search and canned queries: outstanding
    actions by owner, actions by organisation, the decision history of a
    series, an action's full history, the corrections made by hand.  Any
    other option is Datasette's own, passed on as it is ('datasette serve
    --help' lists them).

    \b
    Example:
        minutes serve --db board.db --port 8001
        minutes serve --setting sql_time_limit_ms 5000 --cors
    """
    from minutes import serve as web

    if not web.available():
        fail(f"Datasette is not installed: install it with {web.INSTALL}")
    open_db(db_path).close()
    run(web.check_address, host, port)
    click.echo(f"Serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run(web.serve, db_path, host=host, port=port, extra=datasette_args)
