"""A person's e-mail address, set by hand, for reminders ('minutes people set-email').

    >>> set_email(db, "DP", "daxa.pancholi@example.org")
    {'id': 1, 'name': 'Daxa Pancholi', 'initials': 'DP', 'email': 'daxa.pancholi@example.org', 'was': None}

The person is named by id, initials or part of the name, and must be one
person.  The address is checked (one ``local@domain.tld``, no spaces; a
"Name <address>" gives its address) and stored with ``email_by_hand``, so
that no minutes ingested later replace it; ``None`` clears it, and the
minutes' address (if any comes) is taken again.
"""
from __future__ import annotations

import re
from email.utils import parseaddr

from minutes.db import fetch, like_escape, transaction
from minutes.errors import MinutesError

_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]+")


def checked_address(text: str) -> str:
    """The one e-mail address ``text`` gives, or ``MinutesError`` saying why it is not one."""
    _, address = parseaddr(text.strip())
    if not address or not _ADDRESS.fullmatch(address) or ".." in address:
        raise MinutesError(f"{text.strip()!r} is not an e-mail address like name@example.org")
    return address


def find_person(db, ref: str) -> dict:
    """The one person ``ref`` names: an id, initials (any case) or part of the name."""
    ref = ref.strip()
    columns = "id, name, initials, email"
    hits = fetch(db, f"SELECT {columns} FROM people WHERE id = ?", [int(ref)]) \
        if ref.isascii() and ref.isdigit() and len(ref) < 19 else []
    hits = hits or fetch(db, f"SELECT {columns} FROM people WHERE lower(initials) = lower(?) ORDER BY id", [ref]) \
        or fetch(db, f"SELECT {columns} FROM people WHERE lower(name) = lower(?) ORDER BY id", [ref]) \
        or fetch(db, f"SELECT {columns} FROM people WHERE name LIKE ? ESCAPE '\\' ORDER BY name", [like_escape(ref)])
    if not hits:
        raise MinutesError(f"there is no person matching {ref!r} (see 'minutes people')")
    if len(hits) > 1:
        names = "; ".join(f"{h['id']}: {h['name']}" + (f" ({h['initials']})" if h["initials"] else "")
                          for h in hits[:5])
        raise MinutesError(f"{ref!r} matches {len(hits)} people ({names}); give the person's id")
    return hits[0]


def set_email(db, ref: str, address: str | None) -> dict:
    """Set (or, with ``None``, clear) the e-mail address of the person ``ref`` names."""
    address = checked_address(address) if address is not None else None
    with transaction(db):
        person = find_person(db, ref)
        db.execute("UPDATE people SET email = ?, email_by_hand = ? WHERE id = ?",
                   [address, 1 if address else 0, person["id"]])
    return {**person, "email": address, "was": person["email"]}
