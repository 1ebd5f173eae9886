"""Commands on actions: the chair's list, a change by hand (done, reopen, drop), an action's life."""
from __future__ import annotations

import click

from minutes.choices import CHANGES, STATUSES
from minutes.cli.common import db_option, echo, emit, format_options, open_db, reading, run
from minutes.cli.params import ActionId, IsoDate


@click.command()
@db_option
@click.option("--owner", help="Initials or part of a name (case-insensitive).")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="open", show_default=True)
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
    from minutes import queries
    from minutes.output.actions import actions_text, carried_text

    if carried:
        emit(carried_text(reading(db_path, queries.carried, series=series, owner=owner), fmt), fmt)
        return
    rows = reading(db_path, queries.outstanding, owner=owner, status=status, series=series, meeting=meeting,
                   since=since, until=until, overdue=overdue)
    emit(actions_text(rows, fmt), fmt)


def change_command(change: str, doc: str, note_required: bool) -> click.Command:
    """The command that makes ``change`` (done, reopen or drop) to an action by hand."""
    def command(action: int, note: str | None, by: str | None, db_path: str) -> None:
        from minutes import store

        db = open_db(db_path, write=True)
        try:
            row = run(store.set_status, db, action, change, note=note, by=by)
        finally:
            db.close()
        echo(f"Action {row['id']} is now {row['status']}: {row['text']}")

    command.__doc__ = doc
    command = db_option(command)
    command = click.option("--by", help="Who made the change (default: your login name).")(command)
    command = click.option("--note", required=note_required, help="Why, for the history.")(command)
    command = click.argument("action", metavar="ID", type=ActionId())(command)
    return click.command(change)(command)


CHANGE_HELP = {
    "done": '''Mark action ID done (with a history entry).

    \b
    Example:
        minutes done 12 --note "figures sent to the group"
    ''',
    "reopen": '''Reopen action ID (with a history entry).

    \b
    Example:
        minutes reopen 12 --note "the figures were incomplete"
    ''',
    "drop": '''Drop action ID; --note says why.

    \b
    Example:
        minutes drop 12 --note "overtaken by the new contract"
    ''',
}
CHANGE_COMMANDS = [change_command(change, CHANGE_HELP[change], note_required=change == "drop") for change in CHANGES]


@click.command()
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
    from minutes import queries
    from minutes.output.actions import life_text

    row, events = reading(db_path, queries.life, action)
    emit(life_text(row, events, fmt), fmt)
