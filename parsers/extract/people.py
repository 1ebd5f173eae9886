"""People as a document refers to them: by initials, handle, full or first name."""
from __future__ import annotations

import re
import unicodedata

from parsers.patterns import TITLES
from parsers.records import Attendee


def name_key(name: str | None) -> str:
    """A name folded for comparison: accents, case, titles and punctuation gone
    (the vowel signs of scripts such as Devanagari or Tamil are letters' parts, kept)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(rf"^(?:{TITLES.lower()}\s+)+", "", text.strip())
    if text.isascii():
        text = re.sub(r"[^\w' -]", " ", text)
    else:
        text = "".join(c if c.isalnum() or c in "_' -" or unicodedata.category(c)[0] == "M" else " " for c in text)
    return " ".join(text.replace("_", " ").split())


class Roster:
    """The attendees as the rest of the document refers to them: by initials,
    full name or first name."""

    def __init__(self, people: list[Attendee]) -> None:
        self.initials = {p.initials.lower(): p for p in people if p.initials}
        self.initials.update({p.handle.lower(): p for p in people if p.handle})
        self.names = {name_key(p.name): p for p in people}
        firsts: dict[str, list[Attendee]] = {}
        for p in people:
            key = name_key(p.name)
            if key:
                firsts.setdefault(key.split()[0], []).append(p)
        self.first_names = {k: v[0] for k, v in firsts.items() if len(v) == 1}

    def find(self, who: str | None) -> Attendee | None:
        if not who:
            return None
        raw = who.strip()
        if raw.lower() in self.initials:
            return self.initials[raw.lower()]
        key = name_key(raw)
        return self.names.get(key) or self.first_names.get(key)

    def knows(self, who: str | None) -> bool:
        return self.find(who) is not None

    @property
    def has_initials(self) -> bool:
        return bool(self.initials)
