"""The command line.  The only module that echoes; every command is one library call."""
from __future__ import annotations

import json
import sys

import click

from minutes.errors import MinutesError, ParseError


def fail(message: str) -> None:
    """Print ``Error: message`` on stderr and exit 1 (no traceback)."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes")
def cli() -> None:
    """Turn meeting minutes into data and track their actions.

    \b
    Example:
        minutes parse fixtures/sample.txt
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the parse contract as JSON.")
def parse(file: str, as_json: bool) -> None:
    """Parse FILE (HTML, DOCX, Markdown or text) and print what it says.

    Nothing is stored.

    \b
    Example:
        minutes parse fixtures/sample.txt --json
    """
    from parsers import parse as parse_file
    from minutes.report import minutes_summary

    try:
        result = parse_file(file)
    except (ParseError, MinutesError) as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(minutes_summary(result))


def main() -> None:  # pragma: no cover - console entry point
    cli()
