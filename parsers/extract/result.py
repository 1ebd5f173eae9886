"""A value and the warnings found while working it out travel together."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Result:
    value: Any
    warnings: list[str] = field(default_factory=list)
    # ids of the blocks this extractor has read, so that others skip them
    consumed: set[int] = field(default_factory=set)
