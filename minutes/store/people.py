"""People: who an attendee is, within a series; people merged and renamed by hand.

    >>> person_id = person_for(db, "Cllr Ann Lee", "AL", "Residents' Forum")

A person is known in a series by the names written there (``person_names``:
the series and the name without its titles, ``tracking.keys.person_key``).
An attendee is the person of that name in the meeting's series; else, in the
same series, the one person with the same initials and first name; else a
new person.  So an "Ann Lee" of two bodies is two people, unless someone
merges them by hand (``merge``): the names of one become names of the other,
in every series, and later ingests find them there.

``reassign`` finds a moved meeting's attendees again in their new series
(``minutes.store.rekey`` works every name out again, once, for a database
made before this rule).  By hand: ``merge_people``, ``rename_person`` and
``set_email`` (an address no minutes override, for 'minutes remind'), each
logged.  Each function runs inside the caller's write transaction, but
``set_email``, which is its own.
"""
from __future__ import annotations

import re
from email.utils import parseaddr

from minutes.db import fetch, like_literal, now, transaction
from minutes.errors import MinutesError
from minutes.store.audit import Change, record
from minutes.tracking.keys import person_key
from minutes.tracking.refs import find_person


def _lookup(db, series: str, key: str, initials: str | None) -> int | None:
    """The person of this name in ``series``; else the one with these initials and first name there."""
    found = db.execute("SELECT person_id FROM person_names WHERE series = ? AND key = ?", [series, key]).fetchone()
    if found:
        return found[0]
    if not initials or not key:
        return None
    first = key.split()[0]
    hits = db.execute(
        "SELECT DISTINCT n.person_id FROM person_names n JOIN attendees a ON a.person_id = n.person_id "
        "JOIN meetings m ON m.id = a.meeting_id AND m.series = n.series WHERE n.series = ? AND a.initials = ? "
        "AND (n.key = ? OR n.key LIKE ? ESCAPE '\\')", [series, initials, first, like_literal(first) + " %"]).fetchall()
    return hits[0][0] if len(hits) == 1 else None


def add_name(db, person_id: int, series: str, key: str, by_hand: bool = False) -> None:
    """Know ``person_id`` as ``key`` in ``series`` (a name another person has there is left to them)."""
    db.execute("INSERT INTO person_names (person_id, series, key, by_hand) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (series, key) DO NOTHING", [person_id, series, key, int(by_hand)])


def _new_person(db, name: str, initials: str | None, email: str | None, series: str, key: str) -> int:
    label = f"{series}|{key}"
    if db.execute("SELECT 1 FROM people WHERE key = ?", [label]).fetchone():
        label += f"|{db.execute('SELECT coalesce(max(id), 0) + 1 FROM people').fetchone()[0]}"
    return db["people"].insert({"name": name, "initials": initials, "key": label, "email": email}).last_pk


def person_for(db, name: str, initials: str | None, series: str, email: str | None = None) -> int:
    """The person an attendee written ``name`` (``initials``) of a meeting of ``series`` is; made if new.

    Initials and e-mail address are kept as last written, unless set by hand."""
    key = person_key(name)
    found = _lookup(db, series, key, initials)
    if found is None:
        found = _new_person(db, name, initials, email, series, key)
    elif initials or email:
        db.execute("UPDATE people SET initials = CASE WHEN by_hand = 0 AND ? IS NOT NULL THEN ? ELSE initials END, "
                   "email = CASE WHEN email_by_hand THEN email ELSE coalesce(?, email) END WHERE id = ?",
                   [initials, initials, email, found])
    add_name(db, found, series, key)
    return found


# --- moving attendees between people --------------------------------------------------

def _repoint_attendee(db, attendee: dict, person_id: int) -> None:
    """Make ``attendee`` an attendance of ``person_id``; where that person is already at
    the meeting, the two rows are one (the first kept, owners pointed at it)."""
    twin = db.execute("SELECT id FROM attendees WHERE meeting_id = ? AND person_id = ? AND id != ?",
                      [attendee["meeting_id"], person_id, attendee["id"]]).fetchone()
    if twin:
        db.execute("UPDATE action_owners SET attendee_id = ?, person_id = ? WHERE attendee_id = ?",
                   [twin[0], person_id, attendee["id"]])
        db.execute("DELETE FROM attendees WHERE id = ?", [attendee["id"]])
    else:
        db.execute("UPDATE attendees SET person_id = ? WHERE id = ?", [person_id, attendee["id"]])
        db.execute("UPDATE action_owners SET person_id = ? WHERE attendee_id = ?", [person_id, attendee["id"]])


def _attendees(db, where: str = "", params: list | tuple = ()) -> list[dict]:
    return fetch(db, "SELECT a.id, a.meeting_id, a.person_id, a.name, a.initials, m.series FROM attendees a "
                 f"JOIN meetings m ON m.id = a.meeting_id {where} "
                 "ORDER BY m.date IS NULL, m.date, m.id, a.position", params)


def drop_orphans(db, ids: list[int] | None = None) -> int:
    """Remove the people (of ``ids``, else all) nobody attended as and no action names,
    unless named by hand, and the names a person no longer has in a series.  Returns
    how many people went."""
    if ids is not None and not ids:
        return 0
    scope, params = ("", []) if ids is None else (f" AND id IN ({', '.join('?' * len(ids))})", list(ids))
    gone = db.execute(
        "DELETE FROM people WHERE by_hand = 0 AND NOT EXISTS (SELECT 1 FROM attendees a WHERE a.person_id = people.id) "
        "AND NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.person_id = people.id) "
        "AND NOT EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = people.id AND n.by_hand = 1)" + scope,
        params).rowcount
    db.execute("DELETE FROM person_names WHERE by_hand = 0 AND NOT EXISTS (SELECT 1 FROM attendees a "
               "JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = person_names.person_id "
               "AND m.series = person_names.series)" + scope.replace(" id IN", " person_id IN"), params)
    return gone


def reassign(db, meeting_ids: list[int]) -> None:
    """Find the attendees of ``meeting_ids`` again in their meetings' (new) series.

    A person who attends nothing else keeps the id and takes the new series;
    one who still attends meetings of the old series stays there, and the
    attendee becomes a person of the new series."""
    marks = ", ".join("?" * len(meeting_ids))
    touched: set[int] = set()
    for a in _attendees(db, f"WHERE a.meeting_id IN ({marks})", meeting_ids):
        series, key = a["series"], person_key(a["name"])
        person = _lookup(db, series, key, a["initials"])
        if person is None:
            elsewhere = db.execute(
                f"SELECT 1 FROM attendees t JOIN meetings m ON m.id = t.meeting_id WHERE t.person_id = ? "
                f"AND t.meeting_id NOT IN ({marks}) AND m.series != ? LIMIT 1",
                [a["person_id"], *meeting_ids, series]).fetchone()
            if elsewhere:
                email = db.execute("SELECT email FROM people WHERE id = ?", [a["person_id"]]).fetchone()[0]
                person = _new_person(db, a["name"], a["initials"], email, series, key)
            else:
                person = a["person_id"]
        add_name(db, person, series, key)
        if person != a["person_id"]:
            _repoint_attendee(db, a, person)
        touched.add(a["person_id"])
    drop_orphans(db, sorted(touched))


# --- by hand ---------------------------------------------------------------------------

def person_row(db, person_id: int) -> dict:
    rows = fetch(db, "SELECT id, name, initials, email, email_by_hand, by_hand FROM people WHERE id = ?", [person_id])
    if not rows:
        raise MinutesError(f"there is no person with id {person_id} (see 'minutes people')")
    return rows[0]


def merge(db, source: int, target: int) -> dict:
    """Make person ``source`` the person ``target``: attendances, actions and names.

    Returns what moved: ``attendances``, ``owned`` (owner rows), ``names``, and
    ``meetings_shared`` (meetings both attended, now one attendance)."""
    if source == target:
        raise MinutesError(f"person {source} cannot be merged with itself")
    a, b = person_row(db, source), person_row(db, target)
    owned = db.execute("SELECT count(*) FROM action_owners WHERE person_id = ?", [source]).fetchone()[0]
    shared = 0
    rows = _attendees(db, "WHERE a.person_id = ?", [source])
    for row in rows:
        shared += db.execute("SELECT 1 FROM attendees WHERE meeting_id = ? AND person_id = ?",
                             [row["meeting_id"], target]).fetchone() is not None
        _repoint_attendee(db, row, target)
    db.execute("UPDATE action_owners SET person_id = ? WHERE person_id = ?", [target, source])
    names = db.execute("UPDATE person_names SET person_id = ?, by_hand = 1 WHERE person_id = ?",
                       [target, source]).rowcount
    db.execute("UPDATE person_names SET by_hand = 1 WHERE person_id = ?", [target])
    db.execute("UPDATE people SET initials = coalesce(initials, ?), email_by_hand = CASE WHEN email IS NULL THEN ? "
               "ELSE email_by_hand END, email = coalesce(email, ?) WHERE id = ?",
               [a["initials"], a["email_by_hand"], a["email"], target])
    db.execute("DELETE FROM people WHERE id = ?", [source])
    return {"from": a, "into": b, "attendances": len(rows), "owned": owned, "names": names,
            "meetings_shared": shared}


def rename(db, person_id: int, name: str | None, initials: str | None) -> dict:
    """Set a person's name and/or initials by hand (no ingest changes them again).

    The new name is a name of the person in each series it is known in, so that
    minutes that write it find the person.  Returns the person before and after."""
    before = person_row(db, person_id)
    if name is not None:
        name = " ".join(name.split())
        if not name:
            raise MinutesError("give the new name")
        key = person_key(name)
        for (series,) in db.execute("SELECT DISTINCT series FROM person_names WHERE person_id = ?", [person_id]).fetchall():
            other = db.execute("SELECT person_id FROM person_names WHERE series = ? AND key = ? AND person_id != ?",
                               [series, key, person_id]).fetchone()
            if other:
                raise MinutesError(f"{name!r} is already person {other[0]} in {series}: merge the two instead "
                                   f"(minutes people merge {person_id} {other[0]})")
            add_name(db, person_id, series, key, by_hand=True)
    db.execute("UPDATE people SET name = coalesce(?, name), initials = coalesce(?, initials), by_hand = 1 "
               "WHERE id = ?", [name, initials.strip() or None if initials is not None else None, person_id])
    if initials is not None and not initials.strip():
        db.execute("UPDATE people SET initials = NULL WHERE id = ?", [person_id])
    return {"before": before, "after": person_row(db, person_id)}


# --- the corrections, for the audit log (``minutes.store.audit.correct``) -----------------------

def _label(p: dict) -> str:
    return f"{p['name']} (#{p['id']})"


def merge_people(db, sources: list[str], target: str, stamp: str) -> Change:
    """People named ``sources`` (ids or names) made the person ``target``."""
    into = find_person(db, target)
    ids = list(dict.fromkeys(find_person(db, s) for s in sources))
    if into in ids:
        raise MinutesError(f"person {into} is named both to merge and to keep")
    moved = [merge(db, i, into) for i in ids]
    kept = person_row(db, into)
    lines = [f"{_label(m['from'])}: {m['attendances']} attendance{'s' * (m['attendances'] != 1)}, "
             f"{m['owned']} action owner{'s' * (m['owned'] != 1)}, {m['names']} name{'s' * (m['names'] != 1)}"
             + (f" ({m['meetings_shared']} meeting{'s' * (m['meetings_shared'] != 1)} both attended, now one "
                "attendance)" if m["meetings_shared"] else "") for m in moved]
    return Change("people merge", f"person {into}",
                  f"merged {', '.join(_label(m['from']) for m in moved)} into {_label(kept)}", lines,
                  {"into": kept, "merged": moved})


def rename_person(db, ref: str, name: str | None, initials: str | None, stamp: str) -> Change:
    """The person ``ref`` given ``name`` and/or ``initials`` by hand."""
    if name is None and initials is None:
        raise MinutesError("give the new name, or --initials")
    done = rename(db, find_person(db, ref), name, initials)
    before, after = done["before"], done["after"]
    said = [f"{k} {before[k] or '(none)'} -> {after[k] or '(none)'}" for k in ("name", "initials")
            if before[k] != after[k]]
    if not said:
        raise MinutesError(f"person {after['id']} is already {_label(after)}"
                           + (f" ({after['initials']})" if after["initials"] else "") + ": nothing to change")
    return Change("people rename", f"person {after['id']}", f"person {after['id']}: " + "; ".join(said),
                  detail=done)


_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]+")


def checked_address(text: str) -> str:
    """The one e-mail address ``text`` gives, or ``MinutesError`` saying why it is not one."""
    _, address = parseaddr(text.strip())
    if not address or not _ADDRESS.fullmatch(address) or ".." in address:
        raise MinutesError(f"{text.strip()!r} is not an e-mail address like name@example.org")
    return address


def set_email(db, ref: str, address: str | None, by: str | None = None) -> dict:
    """Set (or, with ``None``, clear) the e-mail address of the person ``ref`` names (an id,
    a name, initials or part of a name), kept against later minutes, and logged."""
    address = checked_address(address) if address is not None else None
    with transaction(db):
        person = person_row(db, find_person(db, ref))
        db.execute("UPDATE people SET email = ?, email_by_hand = ? WHERE id = ?",
                   [address, 1 if address else 0, person["id"]])
        record(db, Change("people set-email", f"person {person['id']}",
                          f"person {person['id']} ({person['name']}): e-mail {person['email'] or '(none)'} -> "
                          f"{address or '(none)'}", detail={"person": person["id"], "was": person["email"],
                                                            "now": address}), by, stamp=now())
    return {**{k: person[k] for k in ("id", "name", "initials")}, "email": address, "was": person["email"]}
