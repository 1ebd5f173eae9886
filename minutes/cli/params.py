"""The command line's argument types: every id, number, size and date is checked at the edge.

ASCII digits only ("١" and "²" are digits to Python's int()), within the
range the tool can use; anything else is a usage error (exit 2, one line).
"""
from __future__ import annotations

import re

import click

_ASCII_NUMBER = re.compile(r"[0-9]+", re.ASCII)
_SIZE = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*([KMG]?)(?:I?B)?", re.ASCII)
MAX_ID = (1 << 63) - 1   # SQLite's largest integer


class Size(click.ParamType):
    """A size in bytes, or with a unit: 500K, 50M, 1.5G (powers of 1024), at most 64G."""

    name = "SIZE"
    _UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    MAX = 64 << 30

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        m = _SIZE.fullmatch(str(value).strip().upper())
        if not m:
            self.fail(f"{value!r} is not a size like 50M, 500K or 1048576", param, ctx)
        size = int(float(m.group(1)) * self._UNITS[m.group(2)])
        if size < 1:
            self.fail(f"{value!r} is not a positive size", param, ctx)
        if size > self.MAX:
            self.fail(f"{value!r} is more than the most that can be read (64G)", param, ctx)
        return size


class Number(click.ParamType):
    """A whole number written in ASCII digits, from ``low`` to ``high``."""

    name = "N"

    def __init__(self, low: int, high: int, what: str = "a number") -> None:
        self.low, self.high, self.what = low, high, what

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not _ASCII_NUMBER.fullmatch(text):
            self.fail(f"{value!r} is not {self.what} (digits 0-9, from {self.low:,} to {self.high:,})", param, ctx)
        number = int(text)
        if not self.low <= number <= self.high:
            self.fail(f"{value!r} is out of range for {self.what} (from {self.low:,} to {self.high:,})", param, ctx)
        return number


class ActionId(click.ParamType):
    """An action's id: its number, optionally written "#12"."""

    name = "ID"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().removeprefix("#")
        if not _ASCII_NUMBER.fullmatch(text) or not 1 <= int(text) <= MAX_ID:
            self.fail(f"{value!r} is not an action id: give the action's number, such as 12 "
                      "(see 'minutes actions')", param, ctx)
        return int(text)


class IsoDate(click.ParamType):
    """A date written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> str:
        from datetime import date

        text = str(value).strip()
        try:
            if not text.isascii():
                raise ValueError(text)
            return date.fromisoformat(text).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a date like 2024-02-08", param, ctx)


class DueDate(IsoDate):
    """A due date written YYYY-MM-DD, or "none" to clear it."""

    name = "YYYY-MM-DD|none"

    def convert(self, value, param, ctx) -> str:
        if str(value).strip().lower() == "none":
            return "none"
        return super().convert(value, param, ctx)


_SPAN = re.compile(r"([0-9]{1,5})\s*([wdhm])", re.ASCII | re.IGNORECASE)
_SPAN_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


class Duration(click.ParamType):
    """A span of time: "2d", "1w", "36h", "1d12h", "90m" (weeks, days, hours, minutes), up to a year."""

    name = "SPAN"

    def convert(self, value, param, ctx):
        from datetime import timedelta

        if isinstance(value, timedelta):
            return value
        text = str(value).strip()
        if not text or _SPAN.sub("", text).strip():
            self.fail(f"{value!r} is not a span of time like 2d, 1w, 36h or 1d12h", param, ctx)
        span = sum((timedelta(**{_SPAN_UNITS[u.lower()]: int(n)}) for n, u in _SPAN.findall(text)), timedelta())
        if not timedelta(0) < span <= timedelta(days=366):
            self.fail(f"{value!r} is not between a minute and a year", param, ctx)
        return span
