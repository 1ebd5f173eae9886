"""Whether two texts are alike: the cheap bounds never change difflib's answer."""
from __future__ import annotations

import difflib
import random

from parsers.extract.alike import Text, at_least, common_subsequence


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def test_common_subsequence_counts_as_the_textbook_table():
    rng = random.Random(3)
    for _ in range(300):
        a = "".join(rng.choice("abc d") for _ in range(rng.randint(0, 30)))
        b = "".join(rng.choice("abc d") for _ in range(rng.randint(0, 30)))
        assert common_subsequence(a, Text(b)) == _lcs(a, b), (a, b)


def test_at_least_agrees_with_difflib():
    rng = random.Random(5)
    words = "the hall lights were agreed approved budget report members grant".split()
    pairs = [("", ""), ("a", ""), ("the budget was approved", "the budget was approved."),
             ("x" * 250, "x" * 240 + "y" * 10)]   # long enough for difflib's autojunk
    for _ in range(300):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        b = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        pairs.append((a, b))
    for a, b in pairs:
        for junk in (True, False):
            for ratio in (0.6, 0.75, 0.85):
                want = difflib.SequenceMatcher(None, a, b, autojunk=junk).ratio() >= ratio
                assert at_least(Text(a, junk), Text(b, junk), ratio) == want, (a, b, junk, ratio)
