"""What a person types to name a stored thing: a meeting, a series, a person.

    >>> find_meeting(db, "2015-01-20")
    3
    >>> find_person(db, "Ann Lee")
    12

Each finder takes an id, an exact name (in any case) or a part of one, and
says plainly when nothing or more than one thing matches; the write side and
the read side name things alike.  Reads the database only.
"""
from __future__ import annotations

from minutes.db import fetch, like_escape
from minutes.errors import MinutesError
from minutes.tracking.keys import person_key


def _as_id(ref: str) -> int | None:
    return int(ref) if ref.isascii() and ref.isdigit() and int(ref) < 1 << 63 else None   # "١", "²", 2^63: no id


def find_meeting(db, ref: str) -> int:
    """A meeting by id, date (YYYY-MM-DD) or part of its name; ambiguity is an error."""
    ref = str(ref).strip()
    as_id = _as_id(ref)
    hits = fetch(db, "SELECT id, name FROM meetings WHERE id = ?", [as_id]) if as_id is not None else []
    if not hits:
        hits = fetch(db, "SELECT id, name FROM meetings WHERE date = ? ORDER BY date, id", [ref]) or fetch(
            db, "SELECT id, name FROM meetings WHERE name LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\' "
            "ORDER BY date, id", [like_escape(ref), like_escape(ref)])
    if not hits:
        raise MinutesError(f"there is no meeting matching {ref!r} (see 'minutes meetings')")
    if len(hits) > 1:
        names = "; ".join(f"{h['id']}: {h['name']}" for h in hits[:5])
        raise MinutesError(f"{ref!r} matches {len(hits)} meetings ({names}); give the meeting's id")
    return hits[0]["id"]


def find_series(db, ref: str) -> str:
    """A stored series by its name (any case), else the one series whose name holds ``ref``."""
    ref = str(ref).strip()
    names = [r["series"] for r in fetch(db, "SELECT DISTINCT series FROM meetings WHERE lower(series) = lower(?)",
                                         [ref])]
    if not names:
        names = [r["series"] for r in fetch(db, "SELECT DISTINCT series FROM meetings WHERE series LIKE ? "
                                                 "ESCAPE '\\' ORDER BY series", [like_escape(ref)])]
    if not names:
        raise MinutesError(f"there is no series matching {ref!r} (see 'minutes series')")
    if len(names) > 1:
        raise MinutesError(f"{ref!r} matches {len(names)} series ({'; '.join(names[:5])}); give more of the name")
    return names[0]


def find_person(db, ref: str) -> int:
    """A person by id, by their name as shown, their initials, a name they are known by (titles
    aside), else by part of their name; the first of these that finds anyone must find one person."""
    ref = " ".join(str(ref).split())
    as_id = _as_id(ref)
    if as_id is not None:
        if db.execute("SELECT 1 FROM people WHERE id = ?", [as_id]).fetchone():
            return as_id
        raise MinutesError(f"there is no person with id {as_id} (see 'minutes people')")
    key = person_key(ref)
    ids = []
    for sql, params in (("SELECT id FROM people WHERE lower(name) = lower(?)", [ref]),
                        ("SELECT id FROM people WHERE lower(initials) = lower(?)", [ref]),
                        ("SELECT DISTINCT person_id FROM person_names WHERE key = ?", [key]),
                        ("SELECT id FROM people WHERE name LIKE ? ESCAPE '\\' ORDER BY id", [like_escape(ref)])):
        ids = [r[0] for r in db.execute(sql, params)]
        if ids:
            break
    if not ids:
        raise MinutesError(f"there is no person matching {ref!r} (see 'minutes people')")
    if len(ids) > 1:
        rows = fetch(db, "SELECT p.id, p.name, (SELECT group_concat(DISTINCT n.series) FROM person_names n "
                     f"WHERE n.person_id = p.id) AS series FROM people p WHERE p.id IN ({', '.join('?' * len(ids))}) "
                     "ORDER BY p.id", sorted(ids))
        listed = "; ".join(f"{r['id']}: {r['name']}" + (f" ({r['series']})" if r["series"] else "") for r in rows[:5])
        raise MinutesError(f"{ref!r} matches {len(ids)} people ({listed}); give the person's id")
    return ids[0]
