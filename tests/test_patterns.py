"""The shared patterns: a gated regex behaves as its regex wherever it could match."""
from __future__ import annotations

import glob
import os
import re

import pytest

from parsers import read
from parsers.blocks import lines_of, paragraphs
from parsers.extract import actions, decisions, header, questions
from parsers import patterns
from parsers.patterns import Gated

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Lines each cue is meant to find, in the spellings minutes use.
CUES = [
    "RESOLVED that the accounts be approved.", "It was unanimously agreed that the hall be let.",
    "Decision: defer to March.", "Resolution #3 – adopt the policy", "The Board endorsed the plan.",
    "Outcome – noted", "AGREED ACTION: JS to write", "The minutes of 8 June were approved as a correct record.",
    "The budget has been formally ADOPTED.", "The motion was proposed and CARRIED nem con.",
    "Carried unanimously by the members present", "Action: JS to write to the police.",
    "ACTION – DP/SMcB: review the rota", "New actions 4.2 for PG: check the figures",
    "Members discussed the rota. (Action: All)", "The rota is late [ACTION 2.1]",
    "It was noted. Action – Peter Grant.", "The meeting closed at 9.15pm.", "Meeting ENDED 10:30",
    "SR asked why the grant was late, and SF said that the form was lost.",
    "Brian queried whether the hall was insured", "The ramp is still awaited, Action PG to chase.", "The value is low?  PG: In general it is.",
]


def _gated() -> list[tuple[str, Gated]]:
    found: dict[int, tuple[str, Gated]] = {}
    for module in (patterns, actions, decisions, header, questions):
        for name, value in vars(module).items():
            if isinstance(value, Gated):
                found.setdefault(id(value), (f"{module.__name__}.{name}", value))
    return list(found.values())


def _corpus_lines() -> list[str]:
    out = list(CUES)
    for path in sorted(glob.glob(os.path.join(ROOT, "fixtures", "**", "*.*"), recursive=True)):
        if path.endswith((".json", ".py")):
            continue
        for para in paragraphs(read(path).blocks):
            out.append(para.text)
            out.extend(line.text for line in lines_of(para))
    return out


LINES = _corpus_lines()


@pytest.mark.parametrize("name,gated", _gated(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_gate_never_hides_a_match(name, gated):
    hits = 0
    for text in LINES:
        if gated.regex.search(text):
            hits += 1
            assert gated.could_match(text), f"{name} matches {text!r} but its gate says it cannot"
    assert hits, f"{name}: no example line matches, so the gate is untested"


def test_gated_behaves_as_its_regex():
    gated = Gated(re.compile(r"\bagreed\b", re.I), "agreed")
    for text in ("It was AGREED.", "Nothing here", "agreed agreed"):
        assert bool(gated.search(text)) == bool(gated.regex.search(text))
        assert bool(gated.match(text)) == bool(gated.regex.match(text))
        assert gated.split(text) == gated.regex.split(text)
        assert gated.sub("X", text) == gated.regex.sub("X", text)
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in gated.regex.finditer(text)]


def test_every_group_of_needles_must_be_held():
    gated = Gated(re.compile(r"(?:was|were) approved", re.I), "approved", and_one_of=("was", "were"))
    assert gated.could_match("It was Approved")
    assert not gated.could_match("Approved by all")   # the verb is missing
    assert not gated.could_match("It was noted")      # the participle is missing


def test_inner_cues_cut_a_line_after_a_sentence_end_only():
    from parsers.patterns import split_at_inner_cues

    assert split_at_inner_cues("Is the value low?  PG: In general it is. SMcB: Agreed.") == [
        "Is the value low?", "PG: In general it is.", "SMcB: Agreed."]
    assert split_at_inner_cues("The ratio PG: DP was noted.") == ["The ratio PG: DP was noted."]
    assert split_at_inner_cues("See 4.2 PG:no space") == ["See 4.2 PG:no space"]


def test_a_line_stops_open_on_a_word_or_sign_no_sentence_ends_on():
    from parsers.blocks import _stops_open

    for text in ("The committee agreed to", "costs per", "It was THE", "of", "Rent, rates and", "Items 1-",
                 "see (", "Hall lighting and/"):
        assert _stops_open(text), text
    for text in ("", "The report was noted.", "went onto", "Thereafter", "ratio 1:4", "all the way (sic)"):
        assert not _stops_open(text), text
