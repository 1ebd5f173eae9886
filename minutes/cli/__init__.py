"""The command line: arguments in, one library call, its output printed.  The only package that echoes.

Each command lives in the module of its kind: ``files`` (parse, check,
ingest), ``actions`` (actions, done, reopen, drop, history), ``corrections``
(forget, edit), ``people`` (people and series, with merge, rename and
set-email), ``audit`` (meetings, show, search, decisions), ``remind`` (e-mail
each owner what they owe) and ``reports`` (report actions, report calendar,
datasette-metadata, serve); ``params`` checks arguments at the edge and
``common`` holds what they share.  ``cli`` is the entry point.
"""
from __future__ import annotations

import sys

import click

from minutes.cli import actions, audit, corrections, files, people, remind, reports


class OneLineErrors(click.Group):
    """A usage error is one line on stderr (``Error: …``) and exit 2, like every other error."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        from minutes.output.formats import clean

        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            click.echo(f"Error: {clean(exc.format_message(), one_line=True)}{where}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(name="minutes", cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes")
def cli() -> None:
    """Turn meeting minutes into data and track their actions.

    \b
    Example:
        minutes parse fixtures/sample.txt
    """


for command in (files.parse, files.check, files.ingest, actions.actions, *actions.CHANGE_COMMANDS, actions.history,
                corrections.edit, corrections.forget, audit.meetings, audit.show, people.people, people.series,
                audit.search, audit.decisions, reports.reports, reports.datasette_metadata, reports.serve):
    cli.add_command(command)
cli.add_command(remind.remind)
