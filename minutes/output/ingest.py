"""What ``minutes ingest`` and ``minutes check`` say about each file, as lines.

Each function gives the lines for standard output and, for a file that
failed, its one error line (for standard error; the others go on).
"""
from __future__ import annotations

from minutes.output.formats import clean


def file_lines(result) -> tuple[str | None, list[str]]:
    """(the error line of a file that failed, or None; the other lines) for one ingest result."""
    error = None
    lines = []
    if result.status == "failed":
        error = f"Error: {clean(result.path, True)}: {clean(result.detail, True)}"
    elif result.status == "skipped":
        lines.append(f"{result.status:<9}  {result.path}  ({result.detail})")
    else:
        line = f"{result.status:<9}  {result.path}"
        if result.detail:
            line += f"  ({result.meeting}: {result.detail})"
        lines.append(line)
    lines += [f"           no longer in the minutes: action {gone_id}: {text}" for gone_id, text in result.gone]
    lines += [f"           warning: {warning}" for warning in result.warnings]
    return error, lines


def check_lines(path: str, warnings: list[str]) -> list[str]:
    """What ``minutes check`` says of one file it read."""
    return ([f"{path}: {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"]
            + [f"  - {w}" for w in warnings])


def files_counted(n: int, what: str) -> str:
    """"3 files could not be read", "1 file with warnings (--strict)"."""
    return f"{n} file{'s' if n != 1 else ''} {what}"
