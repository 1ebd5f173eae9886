"""Commands that read files: parse, check, ingest (``-`` is standard input)."""
from __future__ import annotations

import sys

import click

from minutes.cli.common import db_option, echo, emit, error_line, fail, max_size_option, output_options, run
from minutes.cli.params import Number
from minutes.errors import MinutesError, ParseError

STDIN_FORMATS = ("docx", "pdf", "html", "markdown", "text")


def stdin_format_option(f):
    return click.option("--format", "stdin_format", type=click.Choice(STDIN_FORMATS),
                        help="The format of standard input (FILE '-'); default: from its content.")(f)


def _stdin(paths, max_size: int) -> bytes | None:
    """Standard input's bytes when a path is ``-``."""
    from minutes.ingest import STDIN, read_stdin

    if STDIN not in paths:
        return None
    return run(read_stdin, max_size, getattr(sys.stdin, "buffer", sys.stdin))


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the parse contract as JSON.")
@stdin_format_option
@max_size_option
def parse(file: str, as_json: bool, stdin_format: str | None, max_size: int) -> None:
    """Parse FILE (PDF, DOCX, HTML, Markdown or text; '-' for standard input) and print what it says.

    Nothing is stored.

    \b
    Example:
        minutes parse fixtures/sample.txt --json
        curl -s https://example.org/minutes.html | minutes parse - --format html
    """
    from parsers import parse as parse_file
    from parsers import parse_bytes

    from minutes.ingest import STDIN, stdin_name
    from minutes.output.formats import to_json
    from minutes.output.meeting import minutes_summary

    try:
        if file == STDIN:
            result = parse_bytes(stdin_name(stdin_format), _stdin([file], max_size), max_size)
        else:
            result = parse_file(file, max_size=max_size)
    except ParseError as exc:
        fail(f"{file}: {exc.reason}" if file == STDIN else str(exc))
    except MinutesError as exc:
        fail(str(exc))
    if as_json:
        click.echo(to_json(result.to_dict(), indent=1))
    else:
        echo(minutes_summary(result))


def quiet_options(f):
    f = click.option("-v", "--verbose", is_flag=True, help="Also each file's parse warnings.")(f)
    return click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary line.")(f)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--series", metavar="NAME", help="The meeting series (default: from the title). For a file "
              "stored already, its meeting is moved to this series.")
@click.option("--replace", is_flag=True, help="Read every file again, and make it its meeting's source even "
              "when it says the same as the stored minutes.")
@stdin_format_option
@max_size_option
@click.option("--jobs", "-j", type=Number(1, 256, "a number of workers"), default=None,
              help="Parse in N worker processes (one writer; the result is the same). "
                   "Default: the number of cores, or none for fewer than two files per core.")
@quiet_options
@output_options
def ingest(paths: tuple[str, ...], db_path: str, series: str | None, replace: bool, stdin_format: str | None,
           max_size: int, jobs: int | None, quiet: bool, verbose: bool, style) -> None:
    """Store minutes: files, folders (recursively), globs, and '-' for standard input.

    Each document is stored in one transaction; a file that fails leaves
    nothing behind and the others go on (exit code 1 when any failed).
    A file stored already changes nothing ('unchanged'), and neither does
    another file of the same minutes, such as the Word and web page versions
    ('duplicate'); a corrected version of a meeting (same series and date)
    replaces it and keeps the actions' history ('updated').  With --series,
    a file stored under another series moves its meeting there ('moved').

    Meetings of one series (from the title, or --series) are read in date
    order whatever the order of ingest: updates on earlier actions ("Actions
    of the previous meeting", "Matters arising") are linked to those actions
    and set their status; a row that matches nothing is a warning.

    \b
    Example:
        minutes ingest fixtures/ 'archive/**/*.pdf' --db board.db
        minutes ingest minutes/*.docx --series "Steering Group" --jobs 4 --quiet
        minutes ingest - --format markdown < minutes.md
    """
    from minutes.ingest import ingest_paths
    from minutes.output.ingest import file_lines, report_text

    stdin = _stdin(paths, max_size)
    state: dict = {"bar": None}
    lines = style.fmt == "table"
    show_bar = lines and not quiet and sys.stderr.isatty()

    def progress(result, total: int) -> None:
        bar = state["bar"]
        if bar is None and show_bar and total >= 10:
            bar = state["bar"] = click.progressbar(length=total, file=sys.stderr, label="Ingesting")
        if bar is not None:
            click.echo("\r\x1b[K", nl=False, err=True)
        error, out = file_lines(result, verbose)
        if error:   # the file's one line is its error, on stderr (the others go on)
            error_line(*error)
        if lines and not quiet:
            for line in out:
                echo(line)
        elif style.fmt == "nl":
            emit(report_text([result], style), style)
        if bar is not None:
            bar.update(1)

    try:
        report = run(ingest_paths, db_path, paths, series=series, max_size=max_size, jobs=jobs, progress=progress,
                     replace=replace, stdin=stdin, stdin_format=stdin_format)
    finally:
        if state["bar"] is not None:
            state["bar"].render_finish()
    if lines:
        echo(report.summary())
    elif style.fmt != "nl":
        emit(report_text(report.results, style, report), style)
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
@stdin_format_option
@max_size_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (the exit code says the rest).")
@output_options
def check(files: tuple[str, ...], strict: bool, stdin_format: str | None, max_size: int, quiet: bool,
          style) -> None:
    """Parse minutes without storing them and print every warning ('-' is standard input).

    For secretaries, before circulating: each warning says what and where.

    \b
    Example:
        minutes check draft.docx --strict
        minutes check minutes/ --json
    """
    from minutes.ingest import check_files
    from minutes.output.ingest import check_lines, check_text, files_counted

    stdin = _stdin(files, max_size)
    warned = failed = 0
    found = []
    for path, warnings, error in check_files(files, max_size=max_size, stdin=stdin, stdin_format=stdin_format):
        found.append({"path": path, "warnings": warnings, "error": error})
        if error:
            failed += 1
            error_line(path, error)
            continue
        warned += bool(warnings)
        if style.fmt == "table" and not quiet:
            for line in check_lines(path, warnings):
                echo(line)
    if style.fmt != "table" and not quiet:
        emit(check_text(found, style), style)
    if failed:
        fail(files_counted(failed, "could not be read"))
    if strict and warned:
        fail(files_counted(warned, "with warnings (--strict)"))
