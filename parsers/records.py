"""The parse records: what a document says, in the contract's shape.

``Minutes.to_dict()`` is exactly the JSON of ``minutes parse --json``
(see the parse contract).  Every list field defaults to empty and every
scalar to ``None`` so that the keys are always present.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Source:
    path: str
    format: str
    sha256: str


@dataclass(slots=True)
class Meeting:
    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None


@dataclass(slots=True)
class Attendee:
    name: str
    initials: str | None = None
    role: str | None = None
    organisation: str | None = None
    status: str = "present"
    handle: str | None = None  # "@achen": how notes written on a code forge name them
    email: str | None = None   # "Mallory Doe <md@example.org>": the address kept apart from the name


@dataclass(slots=True)
class Item:
    number: str | None
    title: str | None
    text: str | None = None
    where: str = ""


@dataclass(slots=True)
class Answer:
    by: str | None
    text: str | None = None


@dataclass(slots=True)
class Question:
    item: str | None
    asker: str | None
    text: str
    answers: list[Answer] = field(default_factory=list)
    where: str = ""


@dataclass(slots=True)
class Action:
    item: str | None
    owners: list[str]
    text: str
    due: str | None = None
    status: str = "open"
    ref: str | None = None
    where: str = ""
    # the deadline as written where it is not a date ("end of March", "next meeting")
    due_text: str | None = None
    # from a table or list of the meeting's actions (not only said inline)
    listed: bool = field(default=False, repr=False, compare=False, metadata={"contract": False})


@dataclass(slots=True)
class Update:
    item: str | None
    ref: str | None
    owners: list[str]
    text: str
    status: str = "open"
    note: str | None = None
    due: str | None = None
    where: str = ""


@dataclass(slots=True)
class Decision:
    item: str | None
    text: str
    where: str = ""


@dataclass(slots=True)
class Minutes:
    source: Source
    meeting: Meeting = field(default_factory=Meeting)
    attendees: list[Attendee] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _contract(self)


def _contract(value: Any) -> Any:
    """asdict() without the fields that are working notes, not the contract."""
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _contract(getattr(value, f.name)) for f in fields(value)
                if f.metadata.get("contract", True)}
    if isinstance(value, list):
        return [_contract(v) for v in value]
    return value
