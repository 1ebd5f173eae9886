"""Dates as people write them in minutes: "20 Jan 2015", not "2015-01-20".

    >>> day_text("2015-01-20")
    '20 Jan 2015'
    >>> day_text("by the next meeting")
    'by the next meeting'

Only what the files people read show this way (the action log, reminders,
the Datasette pages); CSV and JSON keep ISO dates, for programs.
"""
from __future__ import annotations

from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def as_date(text: object) -> date | None:
    """The date an ISO text starts with ("2015-01-20", "2015-01-20T10:00:00Z"), else None."""
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text or "")[:10])
    except ValueError:
        return None


def day_text(text: object) -> str:
    """An ISO date as "20 Jan 2015"; anything else (a phrase, nothing) as it is."""
    day = as_date(text)
    if day is None:
        return "" if text is None else str(text)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
