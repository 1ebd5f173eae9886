"""'minutes remind': e-mail each owner one message listing what they owe."""
from __future__ import annotations

import os
from datetime import timedelta

import click

from minutes.cli.common import db_option, echo, fail, reading, run
from minutes.cli.params import Duration

USER_VAR, PASSWORD_VAR = "MINUTES_SMTP_USER", "MINUTES_SMTP_PASSWORD"


@click.command()
@click.option("--owner", help="Only this owner (initials or part of a name).")
@click.option("--series", help="Only the actions of this series (part of its name).")
@click.option("--overdue", is_flag=True, help="Only actions past their due date.")
@click.option("--due-within", type=Duration(), metavar="SPAN",
              help="Only actions due within this span of today (14d, 2w), overdue ones included.")
@click.option("--dry-run", is_flag=True, help="Print the messages instead of sending them; nothing is sent.")
@click.option("--smtp", "server", envvar="MINUTES_SMTP", metavar="HOST:PORT",
              help="The SMTP server to send through (or set MINUTES_SMTP).")
@click.option("--security", type=click.Choice(("auto", "starttls", "ssl", "none")), default="auto",
              show_default=True, help="auto: SSL on port 465, else STARTTLS when the server offers it.")
@click.option("--from", "sender", envvar="MINUTES_FROM", metavar="ADDRESS",
              help="The sender, e.g. 'Board Secretary <secretary@example.org>' (or set MINUTES_FROM).")
@click.option("--reply-to", metavar="ADDRESS", help="Where replies go, if not to the sender.")
@db_option
def remind(owner: str | None, series: str | None, overdue: bool, due_within: timedelta | None, dry_run: bool,
           server: str | None, security: str, sender: str | None, reply_to: str | None, db_path: str) -> None:
    """E-mail each owner one message listing the open actions they hold.

    Each action with its meeting, item, due date and the minutes' own
    words, as plain text and HTML.  Addresses come from the minutes (an
    address beside a name) or 'minutes people set-email'; owners without
    one are listed as not sent.  The login, if the server needs one, is
    read from MINUTES_SMTP_USER and MINUTES_SMTP_PASSWORD, never from
    arguments, and is never sent unencrypted except to this machine.
    Exit 1 if any message could not be sent.

    \b
    Example:
        minutes remind --overdue --dry-run
        minutes remind --due-within 14d --smtp mail.example.org:587 --from secretary@example.org
    """
    from minutes import queries
    from minutes.output.formats import clean
    from minutes.output.reminders import reminder
    from minutes.output.smtp import Server, send
    from minutes.store.people import checked_address

    if not dry_run:
        if not server:
            fail("no SMTP server: give --smtp HOST:PORT (or set MINUTES_SMTP), or --dry-run to see the messages")
        if not sender:
            fail("no sender: give --from ADDRESS (or set MINUTES_FROM)")
    mail = run(Server.parse, server, security) if server else None
    for address in (sender, reply_to):
        if address:
            run(checked_address, address)
    owed = reading(db_path, queries.owed_by_owner, owner=owner, series=series, overdue=overdue,
                   due_within=due_within)
    messages = [reminder(o, sender=sender or "minutes@localhost", today=owed.today, reply_to=reply_to)
                for o in owed.recipients]
    for o in owed.unsent:
        n = len(o.actions)
        hint = f" (add one with 'minutes people set-email {o.name.split(' (')[-1].rstrip(')')} ADDRESS')" \
            if o.person_id else ""
        click.echo(f"Not sent: {clean(o.name, True)}, {n} action{'s' if n != 1 else ''}: {o.reason}{hint}", err=True)
    if not owed.recipients and not owed.unsent:
        click.echo("No open actions to remind anyone of.", err=True)
        return
    if dry_run:
        for message in messages:
            echo(_shown(message))
        click.echo(f"Dry run: {len(messages)} message{'s' if len(messages) != 1 else ''} printed, none sent.", err=True)
        return
    user = os.environ.get(USER_VAR) or None
    results = run(send, mail, messages, user=user, password=os.environ.get(PASSWORD_VAR))
    failed = 0
    for o, result in zip(owed.recipients, results):
        n = len(o.actions)
        if result.error:
            failed += 1
            click.echo(f"Error: not sent to {clean(result.to, True)}: {clean(result.error, True)}", err=True)
        else:
            click.echo(f"Sent to {clean(result.to, True)}: {n} action{'s' if n != 1 else ''}", err=True)
    if failed:
        raise SystemExit(1)


def _shown(message) -> str:
    """A message as --dry-run prints it: its headers and its plain-text part."""
    heads = [f"{k}: {message[k]}" for k in ("From", "To", "Reply-To", "Subject") if message[k]]
    body = message.get_body(("plain",)).get_content()
    return "\n".join(heads) + "\n\n" + body + "\n" + "=" * 72
