"""Every person's names worked out again: the data step of the migration to people per series.

    >>> with transaction(db):
    ...     rekey_if_owed(db)

A database made before people were matched within a series (or before the
person keys left out ``parsers.vocabulary``'s titles) has one person per
folded name across every body.  The migration that brought ``person_names``
marks the work owed (``pending_rekey``); the store does it, once, in the
first write transaction after it (``minutes.store.repair`` and every save or
correction), since the key is Python's, not SQL's.
"""
from __future__ import annotations

from minutes.db import fetch
from minutes.store.people import _attendees, _repoint_attendee, drop_orphans
from minutes.tracking.keys import person_key


def rekey(db) -> None:
    """Work out every person's names again, series by series (a database made before the rule).

    A person who attended meetings of several series becomes one person per
    series (the first series keeps the id); two people whose names are now the
    same in one series become one.  Owed once after the migration (``pending_rekey``)."""
    names: dict[tuple[str, str], int] = {}
    home: dict[int, str] = {}            # person id -> the series it belongs to
    first: dict[int, str] = {}           # person id -> its key, "series|name"
    people = {r["id"]: r for r in fetch(db, "SELECT id, name, initials, email, email_by_hand FROM people")}
    db.execute("DELETE FROM person_names")
    for a in _attendees(db):
        series, key = a["series"], person_key(a["name"])
        person = names.get((series, key))
        if person is None:
            old = a["person_id"]
            if home.get(old, series) == series:
                person = old
            else:
                p = people[old]
                person = db["people"].insert({"name": a["name"], "initials": a["initials"] or p["initials"],
                                              "key": f"#new{len(names)}", "email": p["email"],
                                              "email_by_hand": p["email_by_hand"]}).last_pk
            home.setdefault(person, series)
            first.setdefault(person, f"{series}|{key}")
            names[(series, key)] = person
        if person != a["person_id"]:
            _repoint_attendee(db, a, person)
    # Owners of actions no longer in the minutes keep a person but no attendance: the one of their series.
    for o in fetch(db, "SELECT o.id, o.person_id, m.series FROM action_owners o JOIN meetings m ON m.id = o.meeting_id "
                   "WHERE o.attendee_id IS NULL AND o.person_id IS NOT NULL"):
        if home.get(o["person_id"]) != o["series"]:
            name = people.get(o["person_id"], {}).get("name") or ""
            db.execute("UPDATE action_owners SET person_id = ? WHERE id = ?",
                       [names.get((o["series"], person_key(name))), o["id"]])
    db.execute("UPDATE people SET key = '#' || id")   # free every key before they are set again
    for person, label in first.items():
        db.execute("UPDATE people SET key = ? WHERE id = ?", [label, person])
    db.conn.executemany("INSERT INTO person_names (person_id, series, key) VALUES (?, ?, ?)",
                   [(person, series, key) for (series, key), person in names.items()])
    db.execute("UPDATE action_owners SET person_id = NULL WHERE person_id IS NOT NULL "
               "AND person_id NOT IN (SELECT person_id FROM person_names)")
    drop_orphans(db)
    db.execute("DELETE FROM pending_rekey")


def rekey_if_owed(db) -> bool:
    """``rekey`` where the database is owed it.  Returns whether it ran."""
    if db.execute("SELECT 1 FROM pending_rekey LIMIT 1").fetchone() is None:
        return False
    rekey(db)
    return True
