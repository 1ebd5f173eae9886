"""Commands on people and series: list them, merge two written two ways, rename them; a person's
e-mail address for 'minutes remind' (``people set-email``)."""
from __future__ import annotations

import click

from minutes.cli.common import (correction_options, db_option, emit, fail, open_db, output_options, reading,
                                report_change, run)


def _db(ctx: click.Context, db_path: str | None) -> str:
    """The database a subcommand names, else its group's (``minutes people --db x merge …``)."""
    from click.core import ParameterSource

    given = ctx.get_parameter_source("db_path") == ParameterSource.COMMANDLINE
    if not given and ctx.parent.get_parameter_source("db_path") == ParameterSource.COMMANDLINE:
        return ctx.parent.params["db_path"]
    return db_path or ctx.parent.params.get("db_path") or "minutes.db"


def sub_db_option(f):
    return click.option("--db", "db_path", default=None, envvar="MINUTES_DB", metavar="PATH", show_envvar=True,
                        help="The database (default: the group's --db, MINUTES_DB or minutes.db).")(f)


def _correct(ctx, db_path: str, change, *args, by, note, dry_run, as_json) -> None:
    from minutes import store

    db = open_db(_db(ctx, db_path), write=True)
    try:
        done = run(store.correct, db, change, *args, by=by, note=note, dry_run=dry_run)
    finally:
        db.close()
    report_change(done, as_json)


@click.group(invoke_without_command=True)
@db_option
@click.option("--series", help="Only the people of this series (part of its name).")
@output_options
@click.pass_context
def people(ctx: click.Context, db_path: str, series: str | None, style) -> None:
    """Each person with the meetings they attended and the actions they hold.

    People are matched across meetings only within a series (one body):
    an "Ann Lee" of two bodies is two people until merged by hand.

    \b
    Example:
        minutes people --csv > people.csv
        minutes people merge "John Smith" "Cllr J Smith"
        minutes people rename 12 "Jane Smith-Jones" --initials JSJ
        minutes people set-email DP daxa.pancholi@example.org
    """
    if ctx.invoked_subcommand:
        return
    from minutes import queries
    from minutes.output import audit

    emit(audit.people(reading(db_path, queries.people, series=series), style), style)


@people.command("merge")
@click.argument("people_named", nargs=-1, required=True, metavar="PERSON... INTO")
@sub_db_option
@correction_options
@click.pass_context
def people_merge(ctx, people_named: tuple[str, ...], db_path, note, by, dry_run, as_json) -> None:
    """One person written two ways: merge each PERSON into INTO (the last named).

    A person is an id or a name (titles aside, or part of it).  INTO keeps
    its id and name and takes the others' attendances, actions and names:
    later minutes that write any of them find INTO, in every series.

    \b
    Example:
        minutes people merge "John Smith" "Cllr J Smith"
        minutes people merge 14 15 3 --dry-run
    """
    if len(people_named) < 2:
        raise click.UsageError("name a person to merge and the person to merge into")
    from minutes.store.people import merge_people

    _correct(ctx, db_path, merge_people, list(people_named[:-1]), people_named[-1], by=by, note=note,
             dry_run=dry_run, as_json=as_json)


@people.command("rename")
@click.argument("person")
@click.argument("name", required=False)
@click.option("--initials", help="Set the initials too (an empty value clears them).")
@sub_db_option
@correction_options
@click.pass_context
def people_rename(ctx, person: str, name: str | None, initials: str | None, db_path, note, by, dry_run,
                  as_json) -> None:
    """Give PERSON (an id or a name) the name NAME, and/or --initials.

    Set by hand, the name and initials stay whatever later minutes write;
    minutes that write the new name find the person.

    \b
    Example:
        minutes people rename 12 "Jane Smith-Jones" --initials JSJ
    """
    from minutes.store.people import rename_person

    _correct(ctx, db_path, rename_person, person, name, initials, by=by, note=note, dry_run=dry_run, as_json=as_json)


@people.command("set-email")
@click.argument("person")
@click.argument("address", required=False)
@click.option("--clear", is_flag=True, help="Remove the address (the minutes' own, if they give one, is taken again).")
@sub_db_option
@click.option("--by", help="Who made the change, for the audit log (default: your login name).")
@click.pass_context
def set_email(ctx, person: str, address: str | None, clear: bool, db_path: str | None, by: str | None) -> None:
    """Set the e-mail address of PERSON (an id, a name, initials or part of one) for reminders.

    An address set here is kept when later minutes give another beside
    the name.

    \\b
    Example:
        minutes people set-email DP daxa.pancholi@example.org
        minutes people set-email "Pamela Richardson" --clear
    """
    from minutes.output.formats import clean
    from minutes.store.people import set_email as store_email

    if clear == bool(address):
        fail("give an ADDRESS, or --clear to remove the address" if not clear
             else "give an ADDRESS or --clear, not both")
    db = open_db(_db(ctx, db_path), write=True)
    try:
        done = run(store_email, db, person, None if clear else address, by=by)
    finally:
        db.close()
    who = clean(done["name"] + (f" ({done['initials']})" if done["initials"] else ""), True)
    was = f" (was {clean(done['was'], True)})" if done["was"] and done["was"] != done["email"] else ""
    click.echo(f"{who}: {done['email'] or 'no e-mail address'}{was}", err=True)


@click.group("series", invoke_without_command=True)
@db_option
@output_options
@click.pass_context
def series(ctx: click.Context, db_path: str, style) -> None:
    """The meeting series (one body, or one kind of meeting of it); rename and merge them.

    \b
    Example:
        minutes series
        minutes series rename "Harbour Data Steering Committee" "Harbour Data"
        minutes series merge "Planning Committee" "Meeting of the Planning Committee"
    """
    if ctx.invoked_subcommand:
        return
    from minutes import queries
    from minutes.output import changes

    emit(changes.series(reading(db_path, queries.series), style), style)


@series.command("rename")
@click.argument("old")
@click.argument("new")
@sub_db_option
@correction_options
@click.pass_context
def series_rename(ctx, old: str, new: str, db_path, note, by, dry_run, as_json) -> None:
    """Call the series OLD (its name, or part of it) NEW.

    \b
    Example:
        minutes series rename "Harbour Data Steering Committee" "Harbour Data"
    """
    from minutes.store.series import rename_series

    _correct(ctx, db_path, rename_series, old, new, by=by, note=note, dry_run=dry_run, as_json=as_json)


@series.command("merge")
@click.argument("names", nargs=-1, required=True, metavar="SERIES... INTO")
@sub_db_option
@correction_options
@click.pass_context
def series_merge(ctx, names: tuple[str, ...], db_path, note, by, dry_run, as_json) -> None:
    """Put the meetings of each SERIES in the series INTO (the last named).

    The people written the same way in both become one person; a meeting
    stored in both (the same date) is refused until one is forgotten.

    \b
    Example:
        minutes series merge "Planning Committee" "Meeting of the Planning Committee"
    """
    if len(names) < 2:
        raise click.UsageError("name a series to merge and the series to merge into")
    from minutes.store.series import merge_series

    _correct(ctx, db_path, merge_series, list(names[:-1]), names[-1], by=by, note=note, dry_run=dry_run,
             as_json=as_json)
