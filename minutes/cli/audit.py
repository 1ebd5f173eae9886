"""Commands for auditors: meetings, show, search, decisions."""
from __future__ import annotations

import click

from minutes.cli.common import db_option, echo, emit, output_options, reading
from minutes.cli.params import MAX_ID, IsoDate, Number


@click.command()
@db_option
@click.option("--series", help="Part of the series name.")
@click.option("--since", type=IsoDate(), help="On or after this date (YYYY-MM-DD).")
@click.option("--until", type=IsoDate(), help="On or before this date (YYYY-MM-DD).")
@output_options
def meetings(db_path: str, series: str | None, since: str | None, until: str | None, style) -> None:
    """List the stored meetings with their counts.

    \b
    Example:
        minutes meetings --series "ICAT" --since 2016-01-01
    """
    from minutes import queries
    from minutes.output import audit

    emit(audit.meetings(reading(db_path, queries.meetings, series=series, since=since, until=until), style), style)


@click.command()
@click.argument("meeting")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(meeting: str, db_path: str, as_json: bool) -> None:
    """Show MEETING (an id, a date or part of its name) as readable text.

    \b
    Example:
        minutes show 2015-12-09
    """
    from minutes import queries
    from minutes.output.meeting import meeting_json, meeting_text

    data = reading(db_path, queries.show_meeting, meeting)
    emit(meeting_json(data) if as_json else meeting_text(data), "json" if as_json else None)


@click.command()
@click.argument("text")
@db_option
@click.option("--limit", type=Number(1, MAX_ID, "a number of results"), default=50, show_default=True)
@output_options
def search(text: str, db_path: str, limit: int, style) -> None:
    """Full-text search over items, questions, answers, actions and decisions.

    \b
    Example:
        minutes search "terms of reference"
    """
    from minutes import queries
    from minutes.output import audit

    rows = reading(db_path, queries.search, text, limit=limit, mark=audit.MARK)
    bold = style.fmt == "table" and style.color   # a terminal that takes colour (NO_COLOR unset)
    out = audit.search(rows, style, bold)
    if bold:
        click.echo(out)  # cleaned by output.audit; only its own bold codes remain
    else:
        emit(out, style)


@click.command()
@db_option
@click.option("--series", help="Part of the series name.")
@click.option("--since", type=IsoDate(), help="On or after this date (YYYY-MM-DD).")
@click.option("--until", type=IsoDate(), help="On or before this date (YYYY-MM-DD).")
@output_options
def decisions(db_path: str, series: str | None, since: str | None, until: str | None, style) -> None:
    """List the decisions, by meeting date.

    \b
    Example:
        minutes decisions --since 2024-01-01 --markdown
    """
    from minutes import queries
    from minutes.output import audit

    emit(audit.decisions(reading(db_path, queries.decisions, series=series, since=since, until=until), style), style)
