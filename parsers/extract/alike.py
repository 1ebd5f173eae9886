"""Whether two texts are alike: difflib's ratio, worked out only when cheap bounds allow it.

``SequenceMatcher.ratio()`` is 2·M / T, M the characters of its matching
blocks and T the two lengths.  Those blocks are a common subsequence, so M
is at most the longest common subsequence, which is at most the letters the
texts share, which is at most the shorter length.  Each bound costs far less
than ``ratio()`` (the subsequence is counted with bit vectors), and unlike
texts, most pairs in a long document, stop at one of them.
"""
from __future__ import annotations

import difflib
from collections import Counter


class Text:
    """A text kept for comparing: its letters, and what difflib and the
    subsequence count work out once for it."""

    __slots__ = ("text", "letters", "autojunk", "_masks", "_matcher")

    def __init__(self, text: str, autojunk: bool = True) -> None:
        self.text = text
        self.letters = Counter(text)
        self.autojunk = autojunk
        self._masks: dict[str, int] | None = None
        self._matcher: difflib.SequenceMatcher | None = None

    def masks(self) -> dict[str, int]:
        """For each character, the bit set of the places it holds."""
        if self._masks is None:
            masks: dict[str, int] = {}
            for i, ch in enumerate(self.text):
                masks[ch] = masks.get(ch, 0) | (1 << i)
            self._masks = masks
        return self._masks

    def matcher(self) -> difflib.SequenceMatcher:
        """A matcher holding this text as its second sequence (difflib indexes that one)."""
        if self._matcher is None:
            self._matcher = difflib.SequenceMatcher(None, "", self.text, autojunk=self.autojunk)
        return self._matcher


def at_least(a: Text, b: Text, ratio: float) -> bool:
    """``SequenceMatcher(None, a, b).ratio() >= ratio``, asked as cheaply as may be."""
    total = len(a.text) + len(b.text)
    if not total:
        return 1.0 >= ratio  # difflib calls two empty texts the same
    # each bound in difflib's own sum, so a bound equal to M gives the same float
    if 2.0 * min(len(a.text), len(b.text)) / total < ratio:
        return False
    if 2.0 * sum((a.letters & b.letters).values()) / total < ratio:
        return False
    if 2.0 * common_subsequence(a.text, b) / total < ratio:
        return False
    matcher = b.matcher()
    matcher.set_seq1(a.text)
    return matcher.ratio() >= ratio


def common_subsequence(a: str, b: Text) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``
    (bit-parallel, after Allison and Dix: one pass over ``a``)."""
    masks = b.masks()
    full = (1 << len(b.text)) - 1
    v = full
    for ch in a:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(b.text) - bin(v).count("1")
