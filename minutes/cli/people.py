"""Commands on people: their e-mail addresses, for 'minutes remind' (``people set-email``)."""
from __future__ import annotations

import click

from minutes.cli.common import db_option, fail, open_db, run


@click.command("set-email")
@click.argument("person")
@click.argument("address", required=False)
@click.option("--clear", is_flag=True, help="Remove the address (the minutes' own, if they give one, is taken again).")
@db_option
def set_email(person: str, address: str | None, clear: bool, db_path: str) -> None:
    """Set the e-mail address of PERSON (an id, initials or part of a name) for reminders.

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
    db = open_db(db_path, write=True)
    try:
        done = run(store_email, db, person, None if clear else address)
    finally:
        db.close()
    who = clean(done["name"] + (f" ({done['initials']})" if done["initials"] else ""), True)
    was = f" (was {clean(done['was'], True)})" if done["was"] and done["was"] != done["email"] else ""
    click.echo(f"{who}: {done['email'] or 'no e-mail address'}{was}", err=True)
