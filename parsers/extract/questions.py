"""Questions and their answers.

A speaker's line is a question when it asks (bold and holding a "?", or
ending in "?") and the lines that follow are answers by other speakers.
A reported question ("SR asked why … and SF said that …") counts when the
same sentence gives the answer.
"""
from __future__ import annotations

import re

from parsers.extract.people import Roster
from parsers.extract.items import Section
from parsers.extract.result import Result
from parsers.extract.speech import Statement, statements
from parsers.patterns import INITIALS, NAME, Gated, sentences, topic_off
from parsers.records import Answer, Question
from parsers.vocabulary import ALL_WORDS, ASKING_VERBS, GROUP_OWNERS, words_pattern

_REQUEST = re.compile(r"\bplease\b", re.I)
_ASKED = words_pattern(ASKING_VERBS)
# the answer in the next sentence: "Answer: …", "SR responded that …"
_ANSWER_NEXT = re.compile(
    rf"^(?:(?:answer|response|reply|a)\s*[:–—-]\s*(?P<answer>.+)|(?:the\s+)?(?P<by>{INITIALS}|{NAME})\s+(?:said|replied|answered|"
    rf"explained|confirmed|responded|clarified|advised)(?:\s+that)?\s+(?P<answer2>.+))$", re.I)
_REPORTED = Gated(re.compile(
    rf"^(?:(?:the|our)\s+)?(?P<who>{INITIALS}|{NAME}) (?:also |then |again |further )?{_ASKED}:?\s+"
    rf"(?P<what>(?:about|whether|if|why|how|what|when|where|who|which|the|for clarification|now|is|are|do|does|can|"
    rf"could|will|would|should)\b.*?)"
    rf"(?:\s+[–—-]\s*answer(?:ed)?\s*[–—:-]\s*(?P<answer>.+)"
    rf"|,?\s+and\s+(?:the\s+)?(?P<by>{INITIALS}|{NAME})\s+(?:said|replied|answered|explained|confirmed|responded|"
    rf"clarified|advised)(?:\s+that)?\s+(?P<answer2>.+))?$"), "asked", "asks", "quer", "enquir", "inquir", "wondered",
    "questioned", "raised the question")


_NOT_ASKER = re.compile(rf"^(?:the\s+)?(?:{words_pattern(GROUP_OWNERS + ALL_WORDS)})$", re.I)
_A_REQUEST = re.compile(r"^the\s+[\w\s]{1,40}?\s+to\s+[a-z]", re.I)
_WHO = r"(?:\((?P<who>[^)]{1,40})\)\s*)?"
# who asks or answers, after the label: "Question from Ann Lee:", "Q – Ann Lee:", "Q (AL):"
_BY = r"(?:(?:from|by)\s+(?P<by>[^:()?]{2,40}?)\s*|[–—-]\s*(?P<dash>[^:()?–—-]{2,40}?)\s*(?=:))?"
_Q_LINE = re.compile(rf"^(?:q|question)\s*\d*\s*{_BY}{_WHO}[:.)–—-]\s*(?P<text>.+\?)$", re.I)
_A_LINE = re.compile(rf"^(?:a|answer|response|reply)\s*\d*\s*{_BY}{_WHO}[:.)–—-]\s*(?P<text>.+)$", re.I)


def extract(sections: list[Section], roster: Roster) -> Result:
    out: list[Question] = []
    for section in sections:
        if section.kind in ("actions", "decisions"):
            continue
        said = list(statements(section.blocks, roster, skip_quotes=True))
        out.extend(_dialogue(said, section.number))
        out.extend(_reported(said, section.number))
        out.extend(_q_and_a(said, section.number))
    return Result(out)


def _q_and_a(said: list[Statement], item: str | None) -> list[Question]:
    """ "Q: Will the hall be open?" / "A: Yes, from May." (who asked, where given, in brackets)."""
    out = []
    for k, st in enumerate(said):
        q = _Q_LINE.match(st.text) if st.who is None else None
        if not q:
            continue
        a = _A_LINE.match(said[k + 1].text) if k + 1 < len(said) and said[k + 1].who is None else None
        asker = _named(q)
        if a:
            out.append(Question(item, asker, q.group("text"), [Answer(_named(a), a.group("text"))], st.loc))
        elif asker:  # asked by someone named, and nobody answered
            out.append(Question(item, asker, q.group("text"), [], st.loc))
    return out


def _named(m: re.Match) -> str | None:
    who = (m.group("by") or m.group("dash") or m.group("who") or "").strip()
    return who if who[:1].isupper() else None  # "from a resident" names nobody


def _asks(st: Statement) -> bool:
    """A speaker asks: bold words with a "?", or a sentence of theirs that ends with
    one ("The SC recommended it. Shall we vote?") — not a request ("Can you please …?")."""
    text = st.text.rstrip()
    if "?" not in text:
        return False
    if st.bold:
        return True
    if _REQUEST.search(text):
        return False
    return text.endswith("?") or any(s.rstrip().endswith("?") for s in sentences(text))


_MAX_ANSWERS = 4


def _dialogue(said: list[Statement], item: str | None) -> list[Question]:
    """A speaker's question and the replies of the others after it, up to the
    next question, the asker speaking again, or a line nobody says; a question
    nobody answered is kept with no answers."""
    out = []
    for k, st in enumerate(said):
        if st.who is None or not _asks(st):
            continue
        answers = []
        for nxt in said[k + 1:]:
            if nxt.who is None or nxt.who == st.who or _asks(nxt) or len(answers) >= _MAX_ANSWERS:
                break
            answers.append(Answer(nxt.who, nxt.text))
        out.append(Question(item, st.who, st.text, answers, st.loc))
    return out


def _reported(said: list[Statement], item: str | None) -> list[Question]:
    """ "SR asked why … and SF said that …", or "Brian queried … . Answer: …"."""
    out = []
    for st in said:
        if st.who is not None or not _REPORTED.could_match(st.text):
            continue
        parts = sentences(st.text)
        for k, sentence in enumerate(parts):
            m = _REPORTED.match(sentence)
            if not m:  # "Newmarket Library – PC questioned whether …"
                sentence = topic_off(sentence)
                m = _REPORTED.match(sentence)
            if not m:
                continue
            by, answer = m.group("by"), (m.group("answer") or m.group("answer2") or "").strip()
            if not answer and k + 1 < len(parts):
                nxt = _ANSWER_NEXT.match(parts[k + 1])
                if nxt:
                    by, answer = nxt.group("by"), (nxt.group("answer") or nxt.group("answer2") or "").strip()
            if _NOT_ASKER.match(m.group("who")) or _A_REQUEST.match(m.group("what")):
                continue  # "Members asked …" names nobody; "asked the council to vote" is a request
            verb = re.search(_ASKED, sentence).group(0)
            who = re.sub(r"^(?:the|our)\s+", "", m.group("who"), flags=re.I)  # "The SCC Commissioner"
            text = f"{m.group('who')} {verb} {m.group('what')}".strip(" ,").rstrip(".")
            out.append(Question(item, who, text, [Answer(by, answer)] if answer else [], st.loc))
    return out
