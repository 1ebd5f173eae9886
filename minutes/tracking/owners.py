"""Owners: who an owner as written is, and how people name an owner when they ask.

Every rule about owners lives here, for the write side and the read side:

- ``resolve_owner``: at save time, the attendees an owner as written names
  (initials, full name, unique first name, role, or All);
- ``owner_set``: the owners of a row as written, folded, to compare two rows;
- ``OWNER_TESTS``: how the words someone types (``--owner pg``, the Datasette
  query's ``owner``) name an owner row, as SQL, written once and given as a
  subquery (``actions_named``) or as one condition (``row_named``);
- ``owner_label``: how an owner is shown, "Tom Griffin (TG)", and ``by_owner``:
  action rows grouped by it.
"""
from __future__ import annotations

from itertools import groupby

from minutes.db import like_escape
from minutes.tracking.keys import fold, person_key
from parsers.vocabulary import ALL_WORDS

# The owner words that mean everyone present: the parsers' own list, folded.
ALL_OWNERS = frozenset(fold(w) for w in ALL_WORDS)

# How an owner row (action_owners o, with its attendee t and its person p) is
# named by the words typed: the owner as written or the attendee's or the
# person's initials, in any case, or part of the person's name.  Each test:
# the table it needs joined to o, and the condition, with {owner} for the words
# and {like} for them as a LIKE pattern that matches them literally anywhere.
OWNER_TESTS = (
    ("", "lower(o.written) = lower({owner})"),
    ("attendees t ON t.id = o.attendee_id", "lower(t.initials) = lower({owner})"),
    ("people p ON p.id = o.person_id", "lower(p.initials) = lower({owner})"),
    ("people p ON p.id = o.person_id", "p.name LIKE {like} ESCAPE '\\'"),
)


def is_all(owner: str) -> bool:
    return fold(owner) in ALL_OWNERS


def owner_set(written: str | None) -> set[str]:
    """The owners of a row as written ("JS, AK"), folded."""
    return {fold(o) for o in (written or "").split(",") if fold(o)}


def resolve_owner(written: str, attendees: list[dict]) -> list[dict]:
    """The attendees ``written`` names: initials, full name, unique first name, role, or All.

    Returns owner rows (written, person_id, attendee_id, all_attendees); an
    owner no attendee matches is kept as written with no person.
    """
    if is_all(written):
        present = [a for a in attendees if a["status"] in ("present", "in_attendance")] or attendees
        if present:
            return [{"written": written, "person_id": a["person_id"], "attendee_id": a["id"],
                     "all_attendees": 1} for a in present]
        return [{"written": written, "person_id": None, "attendee_id": None, "all_attendees": 1}]
    w = written.strip()
    f = fold(w)
    name = person_key(w)
    tests = [
        lambda a: a["initials"] == w,
        lambda a: bool(a["initials"]) and a["initials"].casefold() == w.casefold(),
        lambda a: person_key(a["name"]) == name,
        lambda a: bool(name) and person_key(a["name"]).split()[:1] == [name],
        lambda a: bool(a["role"]) and fold(a["role"]) == f,
    ]
    for test in tests:
        found = [a for a in attendees if test(a)]
        if len(found) == 1:
            return [{"written": w, "person_id": found[0]["person_id"], "attendee_id": found[0]["id"],
                     "all_attendees": 0}]
    return [{"written": w, "person_id": None, "attendee_id": None, "all_attendees": 0}]


def actions_named(owner: str) -> tuple[str, list[str]]:
    """A subquery of the ids of the actions an owner named ``owner`` holds, and its parameters.

    One indexed branch per table joined (an OR over joins scans every owner row)."""
    branches, params = [], []
    for join, tests in groupby(OWNER_TESTS, key=lambda t: t[0]):
        conditions = [test for _, test in tests]
        branches.append("SELECT o.action_id FROM action_owners o" + (f" JOIN {join}" if join else "")
                        + " WHERE " + " OR ".join(c.format(owner="?", like="?") for c in conditions))
        params += [like_escape(owner) if "{like}" in c else owner for c in conditions]
    return " UNION ".join(branches), params


def row_named(owner: str, between: str = " or ") -> str:
    """The same tests as one SQL condition on an owner row ``o`` joined to its
    attendee ``t`` and person ``p``; ``owner`` is the SQL of the words (``:owner``)."""
    like = f"'%' || replace(replace(replace({owner}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'"
    return between.join(test.format(owner=owner, like=like) for _, test in OWNER_TESTS)


def owner_label(owner: dict) -> str:
    """"Tom Griffin (TG)", or the initials as written when no attendee has them."""
    if owner.get("name") and owner.get("initials") and not owner.get("all"):
        return f"{owner['name']} ({owner['initials']})"
    return owner.get("name") if owner.get("all") else (owner.get("name") or owner.get("initials") or "?")


def by_owner(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Group action rows by owner (an action with two owners is in both groups); no owner last."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        for label in [owner_label(o) for o in r["owners"]] or ["(no owner)"]:
            groups.setdefault(label, []).append(r)
    return sorted(groups.items(), key=lambda g: (g[0] == "(no owner)", g[0].casefold()))
