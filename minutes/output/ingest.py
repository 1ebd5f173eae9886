"""What ``minutes ingest`` and ``minutes check`` say about each file: lines, or rows in any format.

Each function gives the lines for standard output and, for a file that
failed, its one error (for standard error; the others go on).
"""
from __future__ import annotations

from minutes.output.formats import Style, clean, render, style_of

INGEST_COLUMNS = ["path", "status", "meeting", "detail", "warnings"]
CHECK_COLUMNS = ["path", "status", "warning"]


def file_lines(result, verbose: bool = False) -> tuple[tuple[str, str] | None, list[str]]:
    """(the file and error of a file that failed, or None; the other lines) for one ingest result.
    ``verbose`` adds what the parser could not read cleanly."""
    error = None
    lines = []
    if result.status == "failed":
        error = (result.path, result.detail)
    elif result.status == "skipped":
        lines.append(f"{result.status:<9}  {result.path}  ({result.detail})")
    else:
        line = f"{result.status:<9}  {result.path}"
        if result.detail:
            line += f"  ({result.meeting}: {result.detail})"
        lines.append(line)
    lines += [f"           no longer in the minutes: action {gone_id}: {text}" for gone_id, text in result.gone]
    lines += [f"           warning: {warning}" for warning in result.warnings]
    if verbose:
        lines += [f"           parse warning: {warning}" for warning in result.parse_warnings]
    return error, lines


def report_text(results: list, style: "Style | str | None", report=None) -> str:
    """The files' results in a data format: JSON (with the summary), one object a line, CSV, TSV, Markdown."""
    style = style_of(style)
    if style.fmt == "json":
        data = {"files": [r.as_dict() for r in results]}
        if report is not None:
            data.update({"summary": report.counts(), "errors": report.errors})
        return render([], [], style, records=data)
    if style.fmt == "nl":
        return render([], [], style, records=[r.as_dict() for r in results])
    rows = [{"path": r.path, "status": r.status, "meeting": r.meeting, "detail": r.detail,
             "warnings": "; ".join(r.warnings)} for r in results]
    return render(rows, INGEST_COLUMNS, style, {"detail": 80, "meeting": 50, "warnings": 80})


def check_lines(path: str, warnings: list[str]) -> list[str]:
    """What ``minutes check`` says of one file it read."""
    return ([f"{path}: {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"]
            + [f"  - {w}" for w in warnings])


def check_text(found: list[dict], style: "Style | str | None") -> str:
    """``minutes check`` in a data format: per file (JSON), or one row per warning (CSV, TSV, Markdown)."""
    style = style_of(style)
    if style.data:
        return render([], [], style, records=found)
    rows = []
    for f in found:
        status = "failed" if f["error"] else ("warnings" if f["warnings"] else "ok")
        for text in ([f["error"]] if f["error"] else f["warnings"]) or [""]:
            rows.append({"path": f["path"], "status": status, "warning": clean(text, True)})
    return render(rows, CHECK_COLUMNS, style, {"warning": 100})


def files_counted(n: int, what: str) -> str:
    """"3 files could not be read", "1 file with warnings (--strict)"."""
    return f"{n} file{'s' if n != 1 else ''} {what}"
