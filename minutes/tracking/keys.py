"""Stable keys: the series of a meeting, a person's key, an action's key, how alike two texts are.

Every rule that decides "is this the same meeting / person / action" lives
here, so that the write side and the read side agree.  Texts are compared by
the parsers' one comparison helper (``parsers.extract.alike``), on folded text;
the titles a person's key leaves out are the parsers' own (``parsers.vocabulary.TITLES``).
"""
from __future__ import annotations

import re
import unicodedata

from parsers.vocabulary import TITLES

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
    """A person's name as compared: folded, without the titles written before it
    ("Cllr Mrs Jane Smith", "County Councillor J. Smith" -> "jane smith", "j smith").
    A name that is nothing but titles keeps them."""
    words = fold(name).split()
    stripped = True
    while stripped:
        stripped = False
        for title in _TITLE_WORDS:
            if len(words) > len(title) and tuple(words[:len(title)]) == title:
                words = words[len(title):]
                stripped = True
                break
    return " ".join(words)


# The titles as folded words, longest first ("county councillor" before "councillor").
_TITLE_WORDS = sorted({tuple(fold(t).split()) for t in TITLES if fold(t)}, key=len, reverse=True)


def action_key(owners: list[str], text: str) -> str:
    """Owners (sorted, folded) and the folded text: equal keys are the same action."""
    return "/".join(sorted(fold(o) for o in owners)) + "|" + fold(text)


def similarity(a: str, b: str) -> float:
    """How alike two action texts are, from 0 to 1: difflib's ratio of the folded texts."""
    Text = _alike().Text
    matcher = Text(fold(b), autojunk=False).matcher()
    matcher.set_seq1(fold(a))
    return matcher.ratio()


def alike(a: str, b: str, threshold: float) -> bool:
    """``similarity(a, b) >= threshold``, asked as cheaply as may be."""
    found = _alike()
    return found.at_least(found.Text(fold(a)), found.Text(fold(b), autojunk=False), threshold)


def _alike():
    # Imported when first needed: importing it loads the parsers' extractors
    # (a tenth of a second), which the read commands never need.
    from parsers.extract import alike

    return alike
