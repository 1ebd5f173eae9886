"""Named errors of the application.  ``str()`` is the one-line message."""
from __future__ import annotations

from parsers.errors import ParseError

__all__ = ["MinutesError", "ParseError", "UnknownAction"]


class MinutesError(Exception):
    """Something the user asked for cannot be done; the message says why."""


class UnknownAction(MinutesError):
    def __init__(self, action_id: object) -> None:
        super().__init__(f"there is no action with id {action_id}")
