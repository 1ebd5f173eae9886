"""Corrections by hand: forget a document or a meeting, edit an action."""
from __future__ import annotations

import os

import click

from minutes.cli.common import correction_options, db_option, fail, open_db, report_change, run
from minutes.cli.params import ActionId, DueDate


@click.command()
@click.argument("target", metavar="FILE|MEETING")
@db_option
@correction_options
def forget(target: str, db_path: str, note: str | None, by: str | None, dry_run: bool, as_json: bool) -> None:
    """Remove a stored file, or a meeting with everything read from it.

    FILE is a file ingested (by its path, or its name as stored); MEETING is
    a meeting's id, date or part of its name (see 'minutes meetings').  A
    file whose meeting has other files (the same minutes as Word and web
    page, an older version) goes alone, and the meeting is read from the
    other file; a meeting's only file goes with the meeting: its attendees,
    items, questions, decisions and actions.  Statuses and notes set by hand
    on those actions are kept in the audit log ('minutes history').

    \b
    Example:
        minutes forget minutes/2024-02-08-draft.docx --dry-run
        minutes forget 7 --note "stored twice"
    """
    from minutes.ingest import reread
    from minutes.paths import sha256_of
    from minutes.store.forget import forget as forget_it

    sha = None
    if os.path.isfile(target):
        try:
            sha = sha256_of(target)
        except OSError as exc:
            fail(f"{target}: cannot be read ({exc.strerror or exc})")
    db = open_db(db_path, write=True)
    try:
        done = run(forget_it, db, target, sha=sha, reread=reread, by=by, note=note, dry_run=dry_run)
    finally:
        db.close()
    report_change(done, as_json)


@click.command()
@click.argument("action", metavar="ID", type=ActionId())
@click.option("--owner", "owners", metavar="OWNERS", help="Its owners, as initials or names: 'JS' or 'JS, AK'.")
@click.option("--due", type=DueDate(), help="Its due date (YYYY-MM-DD), or 'none'.")
@click.option("--text", help="Its text.")
@click.option("--item", help="The number of the item it belongs to (of its meeting), or 'none'.")
@db_option
@correction_options
def edit(action: int, owners: str | None, due: str | None, text: str | None, item: str | None, db_path: str,
         note: str | None, by: str | None, dry_run: bool, as_json: bool) -> None:
    """Correct action ID by hand: its owners, due date, text or item.

    The edit is kept: ingesting the same minutes again, or another version
    of them, never overrides it (nor do minutes of meetings held before it
    for a due date); 'minutes history ID' shows it, with who and when.

    \b
    Example:
        minutes edit 12 --owner "JS" --note "the minutes misread the initials"
        minutes edit 12 --due 2024-03-31 --item 4
    """
    from minutes.store.edits import edit_action

    fields = {"owners": owners, "text": text}
    fields = {k: v for k, v in fields.items() if v is not None}
    if due is not None:
        fields["due"] = None if due == "none" else due
    if item is not None:
        fields["item"] = None if item.strip().lower() == "none" else item.strip()
    if not fields:
        raise click.UsageError("give what to change: --owner, --due, --text or --item")
    db = open_db(db_path, write=True)
    try:
        done = run(edit_action, db, action, fields, note=note, by=by, dry_run=dry_run)
    finally:
        db.close()
    report_change(done, as_json)
