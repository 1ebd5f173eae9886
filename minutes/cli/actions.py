"""Commands on actions: the chair's list, a change by hand (done, reopen, drop), the history."""
from __future__ import annotations

import click

from minutes.choices import CHANGES, STATUSES
from minutes.cli.common import (correction_options, db_option, echo, emit, open_db, output_options, reading,
                                report_change, run)
from minutes.cli.params import MAX_ID, ActionId, IsoDate, Number


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
@output_options
def actions(db_path: str, owner: str | None, status: str, series: str | None, meeting: str | None,
            since: str | None, until: str | None, overdue: bool, carried: bool, style) -> None:
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
        emit(carried_text(reading(db_path, queries.carried, series=series, owner=owner), style), style)
        return
    rows = reading(db_path, queries.outstanding, owner=owner, status=status, series=series, meeting=meeting,
                   since=since, until=until, overdue=overdue)
    emit(actions_text(rows, style), style)


def change_command(change: str, doc: str, note_required: bool) -> click.Command:
    """The command that makes ``change`` (done, reopen or drop) to an action by hand."""
    def command(action: int, note: str | None, by: str | None, dry_run: bool, as_json: bool, db_path: str) -> None:
        from minutes import store

        db = open_db(db_path, write=True)
        try:
            row = run(store.set_status, db, action, change, note=note, by=by, dry_run=dry_run)
        finally:
            db.close()
        if as_json or dry_run:
            report_change(row["change"], as_json)
        else:
            echo(f"Action {row['id']} is now {row['status']}: {row['text']}")

    command.__doc__ = doc
    command = db_option(command)
    command = correction_options(command, note_required=note_required)
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
@click.argument("action", metavar="[ID]", type=ActionId(), required=False)
@db_option
@click.option("--since", type=IsoDate(), help="The audit log from this day (YYYY-MM-DD).")
@click.option("--until", type=IsoDate(), help="The audit log up to this day (YYYY-MM-DD).")
@click.option("--by", "actor", metavar="NAME", help="Only the corrections this person made.")
@click.option("--command", "command_name", metavar="NAME", help="Only these corrections (forget, edit, done, …).")
@click.option("--ingests", is_flag=True, help="The ingest log instead: every file each ingest read.")
@click.option("--limit", type=Number(1, MAX_ID, "a number of entries"), help="Only the latest N entries.")
@output_options
def history(action: int | None, db_path: str, since: str | None, until: str | None, actor: str | None,
            command_name: str | None, ingests: bool, limit: int | None, style) -> None:
    """The whole life of action ID, document by document; without ID, the audit log.

    An action's life: created by the minutes that set it, reported on or
    re-issued by later minutes, closed by minutes or by hand, edited by hand:
    in the order it happened.  The audit log: every correction made by hand
    (forget, edit, done/reopen/drop, people and series merged or renamed, a
    meeting moved), who made it, when and why, oldest first.

    \b
    Example:
        minutes history 12
        minutes history --since 2024-01-01 --by jsmith
        minutes history --ingests --limit 20
    """
    from minutes import queries
    from minutes.output import changes
    from minutes.output.actions import life_text

    if action is not None:
        row, events = reading(db_path, queries.life, action)
        emit(life_text(row, events, style), style)
    elif ingests:
        emit(changes.ingest_log(reading(db_path, queries.ingest_log, limit=limit), style), style)
    else:
        rows = reading(db_path, queries.changes, since=since, until=until, by=actor, command=command_name, limit=limit)
        emit(changes.changes(rows, style), style)
