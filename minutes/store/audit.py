"""The audit log: one row of ``changes`` per correction made by hand (who, when, what).

    >>> change = Change("forget", "meeting 3", "forgot meeting 3 (2016-03-03 Planning)")
    >>> record(db, change, by="jsmith", note="stored twice")

Every correction (``forget``, ``edit``, ``done``/``reopen``/``drop``, people
merged or renamed, series renamed or merged, a meeting moved by ``ingest
--series``) builds a ``Change``: a one-line ``summary``, the ``lines`` that
say what it did in detail, and ``detail``, the same as data (kept as JSON, so
that what a correction removed, statuses and notes set by hand included, can
still be read).  The command line prints it; ``record`` keeps it, in the
correction's own transaction, so that a dry run (rolled back) leaves no row
(``minutes.store.correct`` makes one correction so).
"""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field

from minutes.db import now


@dataclass
class Change:
    command: str                     # forget, edit, done, people merge, series rename, ...
    target: str                      # what it was made to: "meeting 3", "action 12", "series Harbour Data"
    summary: str                     # one line, in the past tense
    lines: list[str] = field(default_factory=list)
    detail: dict = field(default_factory=dict)
    dry_run: bool = False
    id: int | None = None            # the row of ``changes``, once recorded
    at: str | None = None
    actor: str | None = None
    note: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def actor() -> str:
    """Who makes a change by hand: the login name."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers)
        return os.environ.get("USER") or "unknown"


def record(db, change: Change, by: str | None = None, note: str | None = None, stamp: str | None = None) -> Change:
    """Keep ``change`` in the audit log (inside the caller's transaction); returns it, with its id."""
    change.at, change.actor, change.note = stamp or now(), by or actor(), note
    change.id = db.execute(
        "INSERT INTO changes (at, actor, command, target, summary, note, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [change.at, change.actor, change.command, change.target, change.summary, note,
         json.dumps({"lines": change.lines, **change.detail}, ensure_ascii=False, default=str)]).lastrowid
    return change

