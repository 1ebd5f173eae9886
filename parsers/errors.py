"""The one error the parsers raise: nothing could be read from a file."""
from __future__ import annotations


class ParseError(Exception):
    """A file that cannot be read at all.  ``str()`` is the one-line message."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
