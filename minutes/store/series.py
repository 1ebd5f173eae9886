"""Series by hand: a meeting moved to another series, a series renamed, two series merged.

    >>> change = rename_series(db, "Harbour Data Steering Committee", "Harbour Data")
    >>> change = merge_series(db, ["Planning Committee"], "Meeting of the Planning Committee")

A meeting's key is its series and date (``meeting_key``), so every move
rewrites the keys, and two meetings that would then share a key are the same
meeting stored twice: refused, naming both, until one is forgotten.  People
are matched within a series (``minutes.store.people``): a moved meeting's
attendees are found again in their new series, and merging two series makes
one person of the people written the same way in both.  Every series touched
is relinked.  Each function runs inside the caller's write transaction and
returns the ``Change`` for the audit log (``minutes.store.audit.correct``
runs one in its own transaction, or dry run, and logs it).
"""
from __future__ import annotations

import os

from minutes.db import fetch
from minutes.errors import MinutesError
from minutes.store.audit import Change
from minutes.store.links import relink
from minutes.store.people import merge as merge_people
from minutes.store.people import reassign
from minutes.tracking.refs import find_series


def meeting_key(series: str, date: str | None, path: str) -> str:
    """Same series and date: the same meeting.  Undated minutes are keyed by file name."""
    return f"{series}|{date}" if date else f"{series}|file:{os.path.basename(path)}"


def _rekeyed(row: dict, series: str) -> dict:
    key = series + row["key"][len(row["series"]):]
    return {"key": key, "name": " ".join(x for x in (row["date"], series) if x)}


def _clashes(db, rows: list[dict], series: str) -> None:
    for row in rows:
        key = _rekeyed(row, series)["key"]
        other = fetch(db, "SELECT m.id, m.name, d.name AS document FROM meetings m "
                      "JOIN documents d ON d.id = m.document_id WHERE m.key = ? AND m.id != ?", [key, row["id"]])
        if other:
            o = other[0]
            raise MinutesError(f"meeting {row['id']} ({row['name']}) is already stored in {series} as meeting "
                               f"{o['id']} (from {o['document']}): forget one of them first "
                               f"(minutes forget {o['id']})")


def _relink(db, series: set[str], stamp: str, defer: bool) -> None:
    for name in sorted(series):
        if defer:
            db.execute("INSERT OR IGNORE INTO pending_relink (series) VALUES (?)", [name])
        else:
            relink(db, name, stamp)


def move_meeting(db, meeting_id: int, series: str, stamp: str, defer: bool = False) -> Change:
    """Put meeting ``meeting_id`` in ``series``, its attendees found again there."""
    series = _name(series)
    row = fetch(db, "SELECT id, name, series, key, date FROM meetings WHERE id = ?", [meeting_id])[0]
    _clashes(db, [row], series)
    db.execute("UPDATE meetings SET series = ?, key = ?, name = ?, updated_at = ? WHERE id = ?",
               [series, *_rekeyed(row, series).values(), stamp, meeting_id])
    reassign(db, [meeting_id])
    _relink(db, {row["series"], series}, stamp, defer)
    return Change("ingest --series", f"meeting {meeting_id}",
                  f"meeting {meeting_id} ({row['name']}) moved from the series {row['series']} to {series}",
                  detail={"meeting": meeting_id, "from": row["series"], "to": series})


def _name(series: str) -> str:
    name = " ".join((series or "").split())
    if not name:
        raise MinutesError("give the series a name")
    if "|" in name:
        raise MinutesError(f"{_q(name)}: a series name cannot hold '|'")
    return name


def _fold_into(db, source: str, target: str, stamp: str) -> dict:
    """Every meeting of ``source`` into ``target``; returns what moved."""
    rows = fetch(db, "SELECT id, name, series, key, date FROM meetings WHERE series = ? ORDER BY date, id", [source])
    _clashes(db, rows, target)
    people = 0
    for n in fetch(db, "SELECT a.person_id, a.key, b.person_id AS other FROM person_names a "
                   "JOIN person_names b ON b.series = ? AND b.key = a.key WHERE a.series = ?", [target, source]):
        if n["other"] != n["person_id"] and db.execute("SELECT 1 FROM people WHERE id = ?",
                                                       [n["person_id"]]).fetchone():
            merge_people(db, n["person_id"], n["other"])   # the same name in one body: one person
            people += 1
    db.execute("UPDATE OR IGNORE person_names SET series = ? WHERE series = ?", [target, source])
    db.execute("DELETE FROM person_names WHERE series = ?", [source])
    for row in rows:
        db.execute("UPDATE meetings SET series = ?, key = ?, name = ?, updated_at = ? WHERE id = ?",
                   [target, *_rekeyed(row, target).values(), stamp, row["id"]])
    db.execute("DELETE FROM pending_relink WHERE series = ?", [source])
    return {"series": source, "meetings": [r["id"] for r in rows], "people_merged": people}


def rename_series(db, old: str, new: str, stamp: str) -> Change:
    """Call the series ``old`` ``new`` (a series not stored yet)."""
    old, new = find_series(db, old), _name(new)
    if new == old:
        raise MinutesError(f"the series is already called {_q(new)}")
    taken = [r[0] for r in db.execute("SELECT DISTINCT series FROM meetings WHERE series = ? COLLATE NOCASE "
                                      "AND series != ?", [new, old])]
    if taken:
        raise MinutesError(f"there is already a series {_q(taken[0])}: to put the meetings of {_q(old)} in it, "
                           f"merge them (minutes series merge {_quote(old)} {_quote(taken[0])})")
    moved = _fold_into(db, old, new, stamp)
    relink(db, new, stamp)
    n = len(moved["meetings"])
    return Change("series rename", f"series {old}", f"series {_q(old)} renamed {_q(new)} ({n} meeting{'s' * (n != 1)})",
                  detail={"from": old, "to": new, "meetings": moved["meetings"]})


def merge_series(db, sources: list[str], target: str, stamp: str) -> Change:
    """Put the meetings of each series of ``sources`` in the series ``target`` (stored already)."""
    target = find_series(db, target)
    names = list(dict.fromkeys(find_series(db, s) for s in sources))
    if target in names:
        raise MinutesError(f"the series {_q(target)} cannot be merged into itself")
    moved = [_fold_into(db, name, target, stamp) for name in names]
    relink(db, target, stamp)
    lines = [f"{_q(m['series'])}: {len(m['meetings'])} meeting{'s' * (len(m['meetings']) != 1)}"
             + (f", {m['people_merged']} people written alike made one" if m["people_merged"] else "") for m in moved]
    count = sum(len(m["meetings"]) for m in moved)
    return Change("series merge", f"series {target}",
                  f"{', '.join(_q(n) for n in names)} merged into {_q(target)} ({count} meeting{'s' * (count != 1)})",
                  lines, {"from": names, "into": target, "moved": moved})


def _q(name: str) -> str:
    """A series named in a message: in double quotes (names hold apostrophes: "Residents' Forum")."""
    return f'"{name}"'


def _quote(name: str) -> str:
    return f'"{name}"' if any(c.isspace() for c in name) else name
