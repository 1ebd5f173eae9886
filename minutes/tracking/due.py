"""Due dates written as phrases, resolved against the meeting's date.

    >>> resolve_due("by end of March", "2015-01-20")
    '2015-03-31'
    >>> resolve_due("by the next meeting", "2015-01-20", next_meeting="2015-04-14")
    '2015-04-14'

Pure functions: no database, no parser.  ``phrase_in`` finds the phrase in an
action's text ("Circulate the figures by 31/03/2015"); ``resolve_due`` turns a
phrase or a date into ISO ``YYYY-MM-DD``, or ``None`` when it cannot be known
(the next meeting's date when the series does not know it yet).  Calendar
arithmetic (a month on, a month's last day, that week's Friday) is dateutil's
``relativedelta``.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import FR, relativedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_ORD = r"(?:st|nd|rd|th)?"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1}

_LEAD = re.compile(r"\b(?:by|before|due(?:\s+(?:by|on))?|no later than|deadline:?|in time for|for|within|in)\s+",
                   re.I)
_RULES = [  # (name, pattern); tried in this order on the words after the lead
    ("iso", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    ("dmy", r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{2,4})"),
    ("next_meeting", r"(?:the\s+)?next\s+(?:meeting|committee|board|steering group meeting|session)"),
    ("end_of_month_name", rf"(?:the\s+)?end\s+of\s+{_MONTH}{_YEAR}"),
    ("end_of", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<unit>week|month|year)"),
    ("day_month", rf"(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}{_YEAR}"),
    ("month_day", rf"{_MONTH}\s+(?P<d>\d{{1,2}}){_ORD}{_YEAR}"),
    ("month", rf"{_MONTH}{_YEAR}"),
    ("within", r"(?P<n>\d+|one|two|three|four|five|six|an?)\s+(?P<unit>day|week|month)s?(?:'?\s*time)?"),
]
_COMPILED = [(name, re.compile(rf"^{pattern}\b", re.I)) for name, pattern in _RULES]


def _rule(lead: str | None, rest: str) -> tuple[str, re.Match] | None:
    """The first rule that reads ``rest``; a span ("two weeks") only after "within" or "in"."""
    for name, pattern in _COMPILED:
        m = pattern.match(rest)
        if m and (name != "within" or (lead or "within").split()[0].lower() in ("within", "in")):
            return name, m
    return None


def phrase_in(text: str | None) -> str | None:
    """The due phrase in ``text`` ("by the next meeting"), from its lead word on; ``None`` if none."""
    for lead in _LEAD.finditer(text or ""):
        found = _rule(lead.group(0), text[lead.end():])
        if found:
            return (lead.group(0) + found[1].group(0)).strip()
    return None


def resolve_due(text: str | None, meeting_date: str | None, next_meeting: str | None = None) -> str | None:
    """``text`` (a date or a due phrase) as an ISO date, counted from ``meeting_date``.

    A month without a year is the next such month on or after the meeting
    ("by end of March" at a meeting in April is March of the next year).
    """
    if not text:
        return None
    text = text.strip()
    base = _iso(meeting_date)
    lead = _LEAD.match(text)
    found = _rule(lead.group(0) if lead else None, text[lead.end():] if lead else text)
    if not found:
        return None
    name, m = found
    try:
        return _RESOLVE[name](m, base, next_meeting)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _iso(day: str | None) -> date | None:
    try:
        return date.fromisoformat((day or "")[:10])
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(day=31)   # day=31 stops at the month's last day


def _year_for(m: re.Match, month: int, day: int | None, base: date | None) -> int:
    if m.group("year"):
        return int(m.group("year"))
    if base is None:
        raise ValueError("no year")
    probe = date(base.year, month, day) if day else _month_end(base.year, month)
    return base.year if probe >= base else base.year + 1


def _dmy(m, base, nxt):
    year = int(m.group("y"))
    year += 2000 if year < 70 else (1900 if year < 100 else 0)
    return date(year, int(m.group("m")), int(m.group("d"))).isoformat()


def _named(m, base, nxt, end: bool):
    month = MONTHS[m.group("month").lower().rstrip(".")]
    day = None if end else int(m.group("d"))
    year = _year_for(m, month, day, base)
    return (_month_end(year, month) if day is None else date(year, month, day)).isoformat()


def _end_of(m, base, nxt):
    unit = m.group("unit").lower()
    if unit == "week":
        return (base + relativedelta(weekday=FR)).isoformat()   # that Friday (the day itself, if one)
    if unit == "month":
        return _month_end(base.year, base.month).isoformat()
    return date(base.year, 12, 31).isoformat()


def _within(m, base, nxt):
    n = _NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
    unit = m.group("unit").lower()
    if unit == "month":
        return (base + relativedelta(months=n)).isoformat()   # 31 January + 1 month: 28 or 29 February
    return (base + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()


_RESOLVE = {
    "iso": lambda m, base, nxt: date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat(),
    "dmy": _dmy,
    "next_meeting": lambda m, base, nxt: _iso(nxt).isoformat() if _iso(nxt) else None,
    "end_of_month_name": lambda m, base, nxt: _named(m, base, nxt, end=True),
    "end_of": _end_of,
    "day_month": lambda m, base, nxt: _named(m, base, nxt, end=False),
    "month_day": lambda m, base, nxt: _named(m, base, nxt, end=False),
    "month": lambda m, base, nxt: _named(m, base, nxt, end=True),
    "within": _within,
}
