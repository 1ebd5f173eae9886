"""Who owes what, for reminders: each owner's open actions, and the address to send them to.

    >>> owed = owed_by_owner(db, overdue=True)
    >>> [(r.name, r.email, len(r.actions)) for r in owed.recipients]
    >>> owed.unsent          # owners with no address, or no person at all

An action with two owners is in each owner's list.  An owner is a person
(with the address the minutes gave beside their name, or one set with
'minutes people set-email'); an owner written in the minutes that matches
no attendee, and actions of "All", cannot be written to, and are returned
as not sent, with the reason, never dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from minutes.db import fetch
from minutes.queries.actions import outstanding
from minutes.tracking.owners import owner_label, row_named


@dataclass
class Owed:
    person_id: int | None
    name: str                        # "Daxa Pancholi (DP)"
    email: str | None
    actions: list[dict] = field(default_factory=list)
    reason: str = ""                 # why it cannot be sent, when it cannot


@dataclass
class Reminders:
    recipients: list[Owed] = field(default_factory=list)
    unsent: list[Owed] = field(default_factory=list)
    today: str = ""


def owed_by_owner(db, *, owner: str | None = None, series: str | None = None, overdue: bool = False,
                  due_within: timedelta | None = None, today: date | None = None) -> Reminders:
    """Each owner's open actions (of ``owner`` only; of ``series``; only the ``overdue``; only those
    due within ``due_within`` of today, overdue ones included)."""
    today = today or date.today()
    rows = outstanding(db, owner=owner, series=series, overdue=overdue, today=today)
    if due_within is not None:
        last = (today + due_within).isoformat()
        rows = [r for r in rows if _day(r["due"]) and _day(r["due"]) <= last]
    documents = {r["id"]: r["name"] for r in fetch(
        db, "SELECT m.id, d.name FROM meetings m JOIN documents d ON d.id = m.document_id")}
    for r in rows:
        r["document"] = documents.get(r["meeting_id"])
    only = _people_named(db, owner) if owner else None
    emails = {p["id"]: p["email"] for p in fetch(db, "SELECT id, email FROM people")}
    by_person: dict[object, Owed] = {}
    for r in rows:
        for o in r["owners"]:
            if o.get("all"):
                key: object = ("all",)
                made = Owed(None, owner_label(o), None, reason="held by all attendees: no one address")
            elif o.get("person_id") is None:
                key = ("written", (o.get("initials") or "").casefold())
                made = Owed(None, owner_label(o), None,
                            reason="matches no attendee, so has no e-mail address")
            else:
                if only is not None and o["person_id"] not in only:
                    continue
                key = o["person_id"]
                email = emails.get(o["person_id"])
                made = Owed(o["person_id"], owner_label(o), email, reason="" if email else "has no e-mail address")
            if only is not None and not isinstance(key, int) and key != ("written", owner.strip().casefold()):
                continue
            found = by_person.setdefault(key, made)
            if r not in found.actions:
                found.actions.append(r)
    out = Reminders(today=today.isoformat())
    for owed in sorted(by_person.values(), key=lambda o: o.name.casefold()):
        (out.unsent if owed.reason else out.recipients).append(owed)
    return out


def _day(text: str | None) -> str | None:
    try:
        return date.fromisoformat((text or "")[:10]).isoformat()
    except ValueError:
        return None


def _people_named(db, owner: str) -> set[int]:
    """The people the words typed name as an owner (as 'minutes actions --owner' names them)."""
    return {r["person_id"] for r in fetch(
        db, "SELECT DISTINCT o.person_id FROM action_owners o LEFT JOIN attendees t ON t.id = o.attendee_id "
        f"LEFT JOIN people p ON p.id = o.person_id WHERE o.person_id IS NOT NULL AND ({row_named(':owner')})",
        {"owner": owner})}
