"""Stable keys: the series of a meeting, a person's key, an action's key.

Every rule that decides "is this the same meeting / person / action" lives
here, so that the store and the tracker agree.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SERIES_NOISE = [
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",                        # 2024-02-08
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b",              # 08/02/2024, 21-2-17
    rf"\b{_WEEKDAY}\b,?",
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}\b",     # 8 February 2024
    rf"\b{_MONTH}\s+{_DAY},?\s+\d{{4}}\b",               # February 8, 2024
    rf"\b{_MONTH}\s+\d{{4}}\b",                          # February 2024
    r"\bmeeting\s*(?:#|no\.?|number)?\s*\d+\w?\b(?![-./]\d)",       # Meeting #3, Meeting 3
    r"(?:#|\bno\.)\s*\d+\w?\b",                          # #3, No. 3
    r"\b\d{4}\b",                                        # a bare year
]
_SERIES_NOISE_RE = re.compile("|".join(f"(?:{p})" for p in _SERIES_NOISE), re.I)
_EDGE_WORDS = re.compile(r"^(?:(?:the|minutes|of|notes|from)\b\s*)+|(?:\b(?:minutes|notes)\s*)+$", re.I)
_EDGE_PUNCT = " \t-–—:;,.|/()[]"
_HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "cllr", "councillor", "sir", "dame"}
ALL_OWNERS = {"all", "everyone", "everybody", "all attendees", "all members", "all present", "team", "the team"}


def fold(text: str | None) -> str:
    """Lower case, accents removed, punctuation to spaces, spaces collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ı", "i")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def derive_series(title: str | None, fallback: str | None = None) -> str:
    """The series of a meeting: its title without dates, numbers and "Minutes".

    >>> derive_series("ICAT Steering Group Meeting #3")
    'ICAT Steering Group'
    """
    for text in (title, fallback):
        series = _strip_series_noise(text or "")
        if series:
            return series
    return "Minutes"


def _strip_series_noise(text: str) -> str:
    text = " ".join(_SERIES_NOISE_RE.sub(" ", text).split())
    previous = None
    while previous != text:
        previous = text
        text = _EDGE_WORDS.sub("", text.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
    return " ".join(text.split())


def person_key(name: str) -> str:
    """One key per real person: folded name without honorifics."""
    words = fold(name).split()
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words) or fold(name)


def is_all(owner: str) -> bool:
    return fold(owner) in ALL_OWNERS


def action_key(owners: list[str], text: str) -> str:
    """Owners (sorted, folded) and the folded text: equal keys are the same action."""
    return "/".join(sorted(fold(o) for o in owners)) + "|" + fold(text)


def similarity(a: str, b: str) -> float:
    """How alike two action texts are, from 0 to 1 (on folded text)."""
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def owner_label(owner: dict) -> str:
    """"Tom Griffin (TG)", or the initials as written when no attendee has them."""
    if owner.get("name") and owner.get("initials") and not owner.get("all"):
        return f"{owner['name']} ({owner['initials']})"
    return owner.get("name") if owner.get("all") else (owner.get("name") or owner.get("initials") or "?")
