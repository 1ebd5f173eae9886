"""Commands that read files: parse, check, ingest."""
from __future__ import annotations

import sys

import click

from minutes.cli.common import db_option, echo, error_line, fail, max_size_option, run
from minutes.cli.params import Number
from minutes.errors import MinutesError, ParseError


@click.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the parse contract as JSON.")
@max_size_option
def parse(file: str, as_json: bool, max_size: int) -> None:
    """Parse FILE (PDF, DOCX, HTML, Markdown or text) and print what it says.

    Nothing is stored.

    \b
    Example:
        minutes parse fixtures/sample.txt --json
    """
    from parsers import parse as parse_file

    from minutes.output.formats import to_json
    from minutes.output.meeting import minutes_summary

    try:
        result = parse_file(file, max_size=max_size)
    except (ParseError, MinutesError) as exc:
        fail(str(exc))
    if as_json:
        click.echo(to_json(result.to_dict(), indent=1))
    else:
        echo(minutes_summary(result))


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--series", metavar="NAME", help="The meeting series (default: from the title).")
@max_size_option
@click.option("--jobs", "-j", type=Number(1, 256, "a number of workers"), default=None,
              help="Parse in N worker processes (one writer; the result is the same). "
                   "Default: the number of cores, or none for fewer than two files per core.")
def ingest(paths: tuple[str, ...], db_path: str, series: str | None, max_size: int, jobs: int | None) -> None:
    """Store minutes: files, folders (recursively) and globs.

    Each document is stored in one transaction; a file that fails leaves
    nothing behind and the others go on (exit code 1 when any failed).
    The same file twice changes nothing; a corrected version of a meeting
    (same series and date) replaces it and keeps the actions' history.

    Meetings of one series (from the title, or --series) are read in date
    order whatever the order of ingest: updates on earlier actions ("Actions
    of the previous meeting", "Matters arising") are linked to those actions
    and set their status; a row that matches nothing is a warning.

    \b
    Example:
        minutes ingest fixtures/ 'archive/**/*.pdf' --db board.db
        minutes ingest minutes/*.docx --series "Steering Group" --jobs 4
    """
    from minutes.ingest import ingest_paths
    from minutes.output.ingest import file_lines

    state: dict = {"bar": None}
    show_bar = sys.stderr.isatty()

    def progress(result, total: int) -> None:
        bar = state["bar"]
        if bar is None and show_bar and total >= 10:
            bar = state["bar"] = click.progressbar(length=total, file=sys.stderr, label="Ingesting")
        if bar is not None:
            click.echo("\r\x1b[K", nl=False, err=True)
        error, lines = file_lines(result)
        if error:   # the file's one line is its error, on stderr (the others go on)
            click.echo(error, err=True)
        for line in lines:
            echo(line)
        if bar is not None:
            bar.update(1)

    try:
        report = run(ingest_paths, db_path, paths, series=series, max_size=max_size, jobs=jobs,
                     progress=progress)
    finally:
        if state["bar"] is not None:
            state["bar"].render_finish()
    echo(report.summary())
    if report.errors:
        for error in report.errors[:-1]:
            error_line(error)
        if not report.count("failed"):
            fail(report.errors[-1])
        error_line(report.errors[-1])
    if report.failed:
        n = report.count("failed")
        fail(f"{n} of {len(report.results)} file{'s' if len(report.results) != 1 else ''} failed")


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--strict", is_flag=True, help="Exit 1 when there is any warning.")
@max_size_option
def check(files: tuple[str, ...], strict: bool, max_size: int) -> None:
    """Parse minutes without storing them and print every warning.

    For secretaries, before circulating: each warning says what and where.

    \b
    Example:
        minutes check draft.docx --strict
    """
    from minutes.ingest import check_files
    from minutes.output.ingest import check_lines, files_counted

    warned = failed = 0
    for path, warnings, error in check_files(files, max_size=max_size):
        if error:
            failed += 1
            error_line(path, error)
            continue
        warned += bool(warnings)
        for line in check_lines(path, warnings):
            echo(line)
    if failed:
        fail(files_counted(failed, "could not be read"))
    if strict and warned:
        fail(files_counted(warned, "with warnings (--strict)"))
