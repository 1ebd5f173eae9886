"""What chairs and auditors take away: the action log, a calendar of due actions, Datasette."""
from __future__ import annotations

import os

import click

from minutes.choices import CALENDAR_EXTENSIONS, GROUPINGS, LOG_EXTENSIONS, LOG_FORMATS, PAPERS
from minutes.cli.common import check_output, db_option, fail, open_db, reading, run, write_out
from minutes.cli.params import Duration, IsoDate, Number
from minutes.errors import MinutesError


@click.group("report")
def reports() -> None:
    """Write what chairs take away: the action log and a calendar of due actions.

    \b
    Example:
        minutes report actions --series "Steering Group" -o actions.docx
        minutes report calendar --owner TG -o actions.ics
    """


@reports.command("actions")
@click.option("--series", help="The series (its name, or part of it); needed when the database holds several, "
              "unless --owner is given (then every series).")
@click.option("--owner", help="Only this owner's actions (initials or part of a name).")
@click.option("--format", "fmt", type=click.Choice(LOG_FORMATS),
              help="Default: from the extension of -o, else markdown.")
@click.option("-o", "--output", metavar="FILE", envvar="MINUTES_REPORT_ACTIONS_OUTPUT", show_envvar=True,
              help="Write to FILE (.docx, .html, .md or .csv; default: standard output; DOCX needs a file).")
@click.option("--by", type=click.Choice(GROUPINGS), default="owner", show_default=True,
              help="Group by owner, by organisation (each partner reports on its own), or by meeting and item.")
@click.option("--since", type=IsoDate(), help="Add the actions closed on or after this date (YYYY-MM-DD).")
@click.option("--paper", type=click.Choice(PAPERS), default="a4", show_default=True,
              help="The paper the Word and HTML log are set on (landscape).")
@db_option
def report_actions(series: str | None, owner: str | None, fmt: str | None, output: str | None, by: str,
                   since: str | None, paper: str, db_path: str) -> None:
    """The action log for the next agenda pack: one table of the series' open actions.

    Ref (the minutes' own number), action, owners (name and initials),
    organisation, the meeting and item that set it, due date (overdue ones
    marked), and the latest update with its meeting; one row per action.
    The Word document is A4 with the body and meeting at the top of each
    page and page numbers at the foot, and reads back through 'minutes parse'.

    \b
    Example:
        minutes report actions --series "Steering Group" -o actions.docx
        minutes report actions --series Partnership --by organisation --since 2024-01-01 --format html
        minutes report actions --owner TG -o tg.html
    """
    from minutes import queries
    from minutes.output.actionlog import export

    check_output(output, db_path)
    fmt = run(output_format, output, fmt, LOG_EXTENSIONS, "an action log")
    if fmt == "docx" and output in (None, "-"):
        fail("a Word document needs a file: add -o FILE.docx")
    log = reading(db_path, queries.action_log, series, by=by, since=since, owner=owner)
    what = f"{len(log.entries)} action{'s' if len(log.entries) != 1 else ''} of {log.owner or log.body}"
    write_out(run(export, log, fmt, paper), output, what, db_path)


def output_format(output: str | None, fmt: str | None, extensions: dict[str, tuple[str, ...]], what: str) -> str:
    """The format a report is written as: ``fmt``, else the one the extension of OUTPUT names.
    An extension that names none (``x.pdf``), or another format than ``fmt``, is refused."""
    first = next(iter(extensions))
    if output in (None, "-"):
        return fmt or ("markdown" if "markdown" in extensions else first)
    ext = os.path.splitext(output)[1].lower()
    known = ", ".join(dict.fromkeys(e for exts in extensions.values() for e in exts))
    if fmt:
        if ext and ext not in extensions[fmt]:
            raise MinutesError(f"{output}: {ext} is not a {fmt} file: name it {' or '.join(extensions[fmt])}")
        return fmt
    found = [f for f, exts in extensions.items() if ext in exts]
    if not ext:
        raise MinutesError(f"{output}: has no extension to tell the format: name it {known}, or add --format")
    if not found:
        raise MinutesError(f"{output}: {what} is not written as {ext}: name it {known}")
    return found[0]


@reports.command("calendar")
@click.option("--owner", help="Only this owner's actions (initials or part of a name).")
@click.option("--series", help="Only this series (part of its name).")
@click.option("--todo", is_flag=True, help="To-dos (VTODO) instead of all-day events.")
@click.option("--alarm", "alarms", type=Duration(), multiple=True, metavar="SPAN",
              help="Remind this long before an open action is due: 2d, 1w, 4h (may be given more than once).")
@click.option("-o", "--output", metavar="FILE", envvar="MINUTES_REPORT_CALENDAR_OUTPUT", show_envvar=True,
              help="Write to FILE.ics (default: standard output).")
@db_option
def report_calendar(owner: str | None, series: str | None, todo: bool, alarms: tuple, output: str | None,
                    db_path: str) -> None:
    """An iCalendar file of the actions that have a due date.

    One all-day event (or to-do) per action on its due date, with the
    meeting and item it came from; import it into any calendar program.
    Each action keeps its UID, so importing a newer file updates what was
    imported: an action since done or dropped is marked completed or
    cancelled (its SEQUENCE raised), never left out.  Open actions with no
    due date are listed on standard error.

    \b
    Example:
        minutes report calendar --owner TG -o tg-actions.ics
        minutes report calendar --todo --alarm 2d -o actions.ics
    """
    from minutes import queries
    from minutes.output.ical import due_calendar

    check_output(output, db_path)
    run(output_format, output, None, {"icalendar": CALENDAR_EXTENSIONS}, "a calendar")
    rows = reading(db_path, queries.calendar_actions, owner=owner, series=series)
    result = run(due_calendar, rows, owner=owner, series=series, todo=todo, alarms=list(alarms))
    for line in result.left_out:
        click.echo(f"Not in the calendar: {line}", err=True)
    closed = f" ({result.closed} of them done or dropped)" if result.closed else ""
    write_out(result.data, output, f"{result.count} action{'s' if result.count != 1 else ''}{closed}", db_path)


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
