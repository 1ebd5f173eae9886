"""The grammar of actions in running text: who is to do what.

A sentence sets an action when it opens (after a discourse word: "So,",
"Also,") with an owner phrase and an action link:

    owner phrase   initials, a person's name (as the attendance has it, or a
                   proper name the document never writes in lower case), a
                   role ("the Clerk", "Our chair"), a body ("the Directors"),
                   "All"; several joined by "and", "&", "/", ","; co-owners in
                   brackets after the first ("Chris (and Pat)")
    action link    "to", "will", "would", "is to", "agreed to", "offered to",
                   "was asked to", "was tasked with", … (``vocabulary.ACTION_LINKS``)
    task           the rest of the sentence, as written

and in a few other shapes: "<person> asked <person> to <task>",
"… recommended that <person> <task>", "<speaker>: I will <task>", a pronoun
that refers to the owner of the sentence before ("She is to contact …"), and
a passive with its agent ("… will be requested by Hanna").  What follows
"will"/"would" must be a task, not a state ("would like", "will be given").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.extract.people import Roster, name_key
from parsers.patterns import INITIALS, INITIALS_RE, TITLES, topic_off
from parsers.vocabulary import (ACTION_LINKS, ALL_WORDS, GROUP_OWNERS, LEAD_VERBS, LIST_LINKS, NOT_OWNERS, NOT_TASKS,
                                PUT_FORWARD, REPORTING_VERBS, ROLE_OWNERS, SELF_OWNERS, words_pattern)

_TITLE = rf"(?i:{TITLES})"
_NAME_WORD = r"[A-Z][\w'’-]*(?:\.(?=\s))?"
_PARTICLE = r"(?:de|da|van|von|der|le|la|du|di|del|bin|al)"
_PERSON = (rf"(?:{_TITLE}\s+)?(?:{_NAME_WORD}|{INITIALS})(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
           r"|[a-z]{2,3}(?=\s)")  # lower-case initials ("bl", "dc"), accepted when the attendance has them
# Name words are matched with their case; everything else case-blind, in (?i:…) groups.
_ROLE = rf"(?i:(?:the|our|their|its)\s+)?(?i:{words_pattern(ROLE_OWNERS)})(?:\s+of\s+[A-Z][\w ]{{2,40}}?)?"
_GROUP = rf"(?i:(?:the|our)\s+)?(?i:{words_pattern(GROUP_OWNERS)})"
_ALL = rf"(?i:{words_pattern(ALL_WORDS)})"
_UNIT = rf"(?:{_ROLE}|{_GROUP}|{_ALL}|{_PERSON})"
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and(?:/or)?\s+|\s*&\s*|\s*/\s*|\s+or\s+)"
_OWNERS = rf"(?P<owners>{_UNIT}(?:{_JOIN}{_UNIT}){{0,5}})(?:\s*\((?:and\s+|with\s+)?(?P<co>[^()]{{2,60}})\))?"
_DISCOURSE = r"(?i:(?:so|also|then|and|finally|further|meanwhile|in addition|in the meantime|therefore|thus|"\
             r"additionally|again),?\s+)?"
_LINK = rf"(?P<link>(?i:{words_pattern(ACTION_LINKS)}))"
_LIST_LINK = rf"(?P<link>(?i:{words_pattern(LIST_LINKS)}))"
_SENTENCE = re.compile(rf"^{_DISCOURSE}{_OWNERS}\s+(?i:(?:also|then|now|still|kindly|probably|hopefully|again)\s+)?"
                       # "Mr Wheeler has been informed and will organise …": what befell the owner, then the link
                       rf"(?i:(?:has|have|had|was|were)\s+[a-z]+(?:\s+[a-z]+)?\s+and\s+(?=will|is\s+to|are\s+to|"
                       rf"agreed\s+to|has\s+agreed\s+to|would)\b)?"
                       rf"{_LINK}\s+(?P<task>.+)$", re.S)
_LIST_SENTENCE = re.compile(rf"^{_DISCOURSE}{_OWNERS}\s+{_LIST_LINK}\s+(?P<task>.+)$", re.S)
# "Tim asked Ann to …", "Martin recommended that Lars contact …"
_ASKED = re.compile(rf"^(?:.{{0,80}}?\b(?<!\bhad\s)(?:asked|invited|requested|tasked|charged|encouraged|urged|reminded|instructed|"
                    rf"suggested\s+to|proposed\s+to|(?i:to\s+(?:ask|request|instruct|invite)))|"
                    # a second clause of the sentence's subject: "The Council noted …, and requested the Clerk to …"
                    rf".{{0,240}}?\band\s+(?:also\s+)?(?:asked|requested|instructed|invited))\s+"
                    rf"{_OWNERS}\s+(?P<link>to|with|that)\s+(?P<task>.+)$", re.S)
_FORWARD = re.compile(rf"^.{{0,80}}?\b{words_pattern(PUT_FORWARD)}\s+{_OWNERS}\s+(?P<task>[a-z].+)$", re.S)
# "… said that she would …": the speaker is who she is
_REPORTING = words_pattern(REPORTING_VERBS)
_SAID = re.compile(rf"^{_DISCOURSE}{_OWNERS}\s+{_REPORTING}(?:\s+that)?\s+(?:he|she|they)\s+"
                   rf"(?P<link>would|will|is to|was to|could)\s+"
                   rf"(?P<task>.+)$", re.S)
_PRONOUN = re.compile(rf"^{_DISCOURSE}(?P<pronoun>(?i:he|she|they))\s+{_LINK}\s+(?P<task>.+)$", re.S)
_FIRST_PERSON = re.compile(r"^(?:yes,?\s+|ok,?\s+|so,?\s+)?(?:i\s+will|i'll|i’ll|i\s+can|i\s+shall)\s+(?P<task>.+)$",
                           re.I | re.S)
# "… will be requested by Hanna", "… to be circulated by the Clerk"
_PASSIVE = re.compile(rf"^(?P<what>.+?)\s+(?:will|would|is to|are to|to)\s+be\s+(?P<done>\w+ed|\w+en|sent|set|"
                      rf"made|done|drawn|written|brought|taken|led)\s+(?:up\s+|out\s+)?by\s+{_OWNERS}\s*"
                      rf"(?P<after>[,.;].*)?$", re.S)
_NOT_TASK = re.compile(rf"^(?:{words_pattern(NOT_TASKS)})\b", re.I)
_LEAD_VERB = re.compile(rf"^(?:{words_pattern(LEAD_VERBS)})\b", re.I)
_NOT_OWNER = re.compile(rf"^(?:{words_pattern(NOT_OWNERS)})$", re.I)
_ROLE_RE = re.compile(rf"^{_ROLE}$", re.I)
_GROUP_RE = re.compile(rf"^{_GROUP}$", re.I)
_ALL_RE = re.compile(rf"^{_ALL}$", re.I)
_SPLIT = re.compile(_JOIN, re.I)
# "Dr Yasmin will be responsible for …": these links say what the task is without a verb of its own
_GERUND_LINKS = ("was tasked with", "were tasked with", "is tasked with", "has been tasked with",
                 "will be responsible for", "would be responsible for", "is responsible for", "are responsible for",
                 "took on", "takes on", "will take on", "would take on")


@dataclass(slots=True)
class Found:
    owners: list[str]
    task: str


class Owners:
    """Who the document's owner phrases name: the attendance (by initials,
    name, first name or surname), roles, bodies, "All", and proper names the
    document never writes in lower case."""

    def __init__(self, roster: Roster, lower_words: "LowerWords | frozenset[str]" = frozenset()) -> None:
        self.roster = roster
        self.lower_words = lower_words
        self.surnames = {}
        for person in roster.names.values():
            words = name_key(person.name).split()
            if len(words) >= 2:
                self.surnames.setdefault(words[-1], []).append(person)

    def read(self, phrase: str, co: str | None = None, groups: bool = True,
             strangers: bool = True) -> list[str] | None:
        """The owners of an owner phrase as the document writes them, or None
        when a part of it names nobody.  ``groups``: bodies may own it ("the
        Directors will …", not "the committee agreed to …"); ``strangers``: a
        first name the attendance does not have may be a person ("Danny would
        chair"), which a bare "to" is too weak to say ("Motion to approve …")."""
        parts = [p.strip() for p in _SPLIT.split(phrase.strip()) if p and p.strip()]
        if co:
            parts += [p.strip() for p in _SPLIT.split(co) if p and p.strip()]
        out: list[str] = []
        for part in parts:
            owner = self.one(part, groups, strangers or len(parts) > 1)
            if owner is None:
                return None
            if owner not in out:
                out.append(owner)
        return out or None

    def one(self, part: str, groups: bool = True, strangers: bool = True) -> str | None:
        part = part.strip(" .,;:")
        bare = re.sub(r"^(?:the|our|their|its)\s+", "", part, flags=re.I)
        if not bare or _NOT_OWNER.match(part) or _NOT_OWNER.match(bare):
            return None
        if _GROUP_RE.match(part):
            return bare[:1].upper() + bare[1:] if groups else None
        if _ALL_RE.match(part):
            return "All" if part.lower() in ("all", "everyone", "everybody") else part
        if _ROLE_RE.match(part):
            return bare[:1].upper() + bare[1:]
        if self.roster.knows(part) or self._surname(part):
            return part
        if INITIALS_RE.match(part):
            return part
        if part.islower():
            return None  # lower-case initials only where the attendance has them
        words = re.sub(rf"^(?:{TITLES}\s+)+", "", part).split()
        if not words or re.search(r"\d", part) or _LEAD_VERB.match(words[0]) or \
                not all(w[:1].isupper() and w.lower().strip(".'’") not in self.lower_words for w in words):
            return None
        if len(words) >= 2 or words != part.split():
            return part  # a full name, or a title and a name: the document never writes it in lower case
        return part if strangers and self._may_be_a_first_name(words[0]) else None

    def _may_be_a_first_name(self, word: str) -> bool:
        """A single unknown capitalised word is a first name where the attendance
        names nobody, or where it shortens an attendee's ("Danny" for Daniel)."""
        firsts = [k.split()[0] for k in self.roster.names if k]
        if not firsts:
            return True
        low = word.lower()
        return any(f[:3] == low[:3] for f in firsts)

    def _surname(self, part: str) -> bool:
        """ "Cllr Harris", "Mr Reisenweber": a title and an attendee's surname."""
        key = name_key(part)
        return bool(key) and len(key.split()) == 1 and key in self.surnames and part.strip() != key


# An opening
# phrase ("After some talk, Jon …", "At a suitable time (within a year) BB/JT will …",
# "21 Feb @ 14u James to …")
_OPENING = re.compile(r"^(?:(?i:after|following|in|at|during|once|as|when|with|for|given|on|by|if|before|"
                      r"meanwhile|in the meantime)\b[^,;]{0,70}?(?:,\s+|\)\s+(?=[A-Z]))"
                      r"|(?:(?:\d[\w:.@/]*|@|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\s+)+(?=[A-Z]))")
# "… that <owner> <link> …": what someone said or noted someone else will do
_THAT = re.compile(rf"^.{{0,100}}?\b{_REPORTING}\s+that\s+{_OWNERS}\s+{_LINK}\s+(?P<task>.+)$", re.S)
# "…, it was agreed that Mags & Karen should come to the final decision": agreed, what someone should do
_AGREED_THAT = re.compile(rf"^.{{0,160}}?\b(?:agreed|decided|resolved)\s+that\s+{_OWNERS}\s+"
                          rf"(?P<link>(?i:should|must|needs\s+to|need\s+to))\s+(?P<task>[a-z].+)$", re.S)
# the last clause of a sentence: "Still trying to find a date, Karen to keep on the case."
_LAST_CLAUSE = re.compile(rf"[,;]\s+{_OWNERS}\s+(?:(?:is|are)\s+(?:also\s+)?)?(?P<link>to)\s+(?P<task>[a-z][^,;]+)$",
                          re.S)
# a second owner in the same sentence: "…, and Peter volunteered to alter …", "… and the Clerk was asked to …"
_AND_THEN = re.compile(rf"(?:,\s*|;\s*|\s)(?:and|while|whilst|but)\s+{_OWNERS}\s+{_LINK}\s+(?P<task>.+)$", re.S)
_SUBJECT = re.compile(rf"^{_DISCOURSE}{_OWNERS}\s+(?:(?i:had|has|have|was|were|is|are)\s+)?[a-z]+\b", re.S)


def sentence_action(sentence: str, owners: Owners, speaker: str | None = None,
                    previous: list[str] | None = None) -> Found | None:
    """The action a sentence of running text sets, or None (see ``sentence_actions``)."""
    found = sentence_actions(sentence, owners, speaker, previous)
    return found[0] if found else None


def sentence_actions(sentence: str, owners: Owners, speaker: str | None = None,
                     previous: list[str] | None = None) -> list[Found]:
    """The actions a sentence of running text sets: the first, and a second owner's
    joined to it ("Hanna would point it at the webmaster, and Peter volunteered to …")."""
    text = sentence.strip()
    if len(text.split()) < 3 or text.endswith("?"):
        return []
    text = topic_off(text)
    text = _OPENING.sub("", text, count=1)
    first = _first_action(text, owners, speaker, previous)
    if first is None:
        joined = _AND_THEN.search(text)  # "… was carried and the Clerk was asked to inform …"
        found = _linked(joined, owners) if joined else None
        return [found] if found else []
    out = [first]
    second = _AND_THEN.search(first.task)
    if second:
        found = _linked(second, owners)
        if found:
            first.task = first.task[:second.start()].rstrip(" ,;")
            out.append(found)
    return out


# a resolution's instruction: "(ii) That the Clerk should order the tree", "the Treasurer be asked to …"
_INSTRUCTED = re.compile(rf"^(?i:that\s+)?{_OWNERS}\s+(?i:should|shall|must|is\s+to|are\s+to|"
                         rf"be\s+(?:asked|instructed|requested|invited)\s+to)\s*,?\s+(?P<task>.+)$",
                         re.S)
# where a resolution's parts begin: "(i) That …; (ii) That …; and (iii) …"
_PART = re.compile(r"(?:^|[;,]\s*(?:and\s+)?|\s)\(\s*(?:[ivx]{1,5}|[a-h])\s*\)\s+", re.I)


def resolution_actions(text: str, owners: Owners) -> list[Found]:
    """What a resolution instructs someone (not the body itself) to do: each of
    its parts that says a named officer or person should, or is asked to, do
    something ("RESOLVED: (i) That the Clerk should order the tree; (ii) …",
    "Agreed: to ask the Treasurer to open an account")."""
    out = []
    for part in _PART.split(text):
        part = part.strip(" ;,.")
        if len(part.split()) < 3:
            continue
        m = _INSTRUCTED.match(part)
        if m:
            who = owners.read(m.group("owners"), m.group("co"), groups=False)
            task = _task(m.group("task").lstrip(", "))
            if who and task and not _NOT_TASK.match(m.group("task")):
                out.append(Found(who, task))
                continue
        out.extend(found for found in sentence_actions(re.sub(r"^(?i:that)\s+", "", part), owners)
                   if not all(_GROUP_RE.match(o) or o.lower() in SELF_OWNERS for o in found.owners))  # the body acts
    return out


def _first_action(text: str, owners: Owners, speaker: str | None, previous: list[str] | None) -> Found | None:
    for pattern in (_SENTENCE, _SAID):
        m = pattern.match(text)
        if m:
            found = _linked(m, owners)
            if found:
                return found
    m = _THAT.match(text)
    if m:
        found = _linked(m, owners, groups_may=True)
        if found:
            return found
    m = _AGREED_THAT.match(text)
    if m:
        found = _linked(m, owners)
        if found:
            return found
    m = _ASKED.match(text)
    if m and m.group("link") == "that" and not re.search(r"\b(?:asked|requested|instructed)\s+$",
                                                         text[:m.start("owners")], re.I):
        m = None  # "reminded X that …" tells X something; "asked X that … be done" gives X a task
    if m:
        who = owners.read(m.group("owners"), m.group("co"), groups=False)
        task = _task(m.group("task"), m.group("link") == "with")
        if who and task:
            return Found(who, task)
    m = _FORWARD.match(text)
    if m and _LEAD_VERB.match(m.group("task")):
        who = owners.read(m.group("owners"), m.group("co"), groups=False)
        if who:
            return Found(who, _task(m.group("task")))
    m = _PRONOUN.match(text)
    if m and previous:
        task = _task_after(m.group("link"), m.group("task"))
        if task:
            return Found(list(previous), task)
    m = _LAST_CLAUSE.search(text) if "," in text or ";" in text else None
    if m:
        who = owners.read(m.group("owners"), m.group("co"), groups=False, strangers=False)
        task = _task_after(m.group("link"), m.group("task")) if who else None
        if who and task:
            return Found(who, task)
    if speaker:
        m = _FIRST_PERSON.match(text)
        if m and not _NOT_TASK.match(m.group("task")):
            return Found([speaker], _task(m.group("task")))
    m = _PASSIVE.match(text)
    if m and not re.match(r"^(?:it|this|that|there)\b", m.group("what"), re.I):
        who = owners.read(m.group("owners"), m.group("co"))
        if who:
            return Found(who, f"{m.group('what')} to be {m.group('done')}".strip())
    return None


def subject_of(sentence: str, owners: Owners) -> list[str] | None:
    """Who a sentence is about, when it opens with people ("JF had contacted …"):
    the "he" or "she" of the sentence after it."""
    text = _OPENING.sub("", topic_off(sentence), count=1)
    m = _SUBJECT.match(text)
    if not m:
        return None
    return owners.read(m.group("owners"), m.group("co"), groups=False, strangers=False)


def list_action(entry: str, owners: Owners) -> Found | None:
    """An entry of a list that sets an action without a cue word: "Chris/Pat
    create the outline", "(Roland) Draft the notice", "Lyn: load the blog post",
    "Ann to book the hall", "(Rob) The changes are ready; will push them …"."""
    text = _OPENING.sub("", _number_off(entry.strip()), count=1)
    m = re.match(r"^\((?P<who>[^()]{1,60})\)\s+(?P<task>\S.+)$", text)
    if m:
        who = owners.read(m.group("who"), groups=False)
        if not who:
            return None
        if _imperative(m.group("task")):
            return Found(who, _task(_after_opening(m.group("task"))))
        later = re.search(r"(?:^|[;,]\s*|\s(?:and|but)\s+)(?:(?i:will|to))\s+(?P<task>[a-z].+)$", m.group("task"))
        if later and _LEAD_VERB.match(later.group("task")):
            return Found(who, _task(later.group("task")))  # "… ready; will push them …": the same person
        return None
    m = re.match(rf"^(?P<who>{_OWNERS})\s*:\s+(?P<task>\S.+)$", text)
    if m:
        who = owners.read(m.group("owners"), m.group("co"), groups=False)
        if who and _imperative(m.group("task")):
            return Found(who, _task(m.group("task")))
    m = _LIST_SENTENCE.match(text)
    if m:
        found = _linked(m, owners)
        if found:
            return found
    m = re.match(rf"^{_OWNERS}\s+(?P<task>[a-z]\S*\s.+)$", text)
    if m and _bare_task(m.group("task")):
        who = owners.read(m.group("owners"), m.group("co"), groups=False)
        if who and "All" not in who and not any(_ALL_RE.match(w) for w in who):
            return Found(who, _task(_base_form(m.group("task"))))
    return None


_NUMBER_OFF = re.compile(r"^\(?\d{1,3}[.)]\s+")
_INTENT = re.compile(r"^(?:propose|proposes|plan|plans|aim|aims|hope|hopes|want|wants|expect|expects|intend|"
                     r"intends|need|needs|would|wish|wishes)\s+to\b", re.I)


def _number_off(text: str) -> str:
    """ "1) Chris get …" -> "Chris get …"."""
    return _NUMBER_OFF.sub("", text, count=1)


def _bare_task(text: str) -> bool:
    """ "create the outline", "makes the invite": a task said with its verb alone."""
    if _INTENT.match(text):
        return False  # "plan to attend", "propose to move …": an intention, not a task
    first = text.split(None, 1)[0]
    return bool(_LEAD_VERB.match(first) or (first.endswith("s") and _LEAD_VERB.match(first[:-1] + " "))
                or (first.endswith("es") and _LEAD_VERB.match(first[:-2] + " ")))


def _base_form(text: str) -> str:
    """ "makes cal invite" -> "make cal invite"."""
    first, _, rest = text.partition(" ")
    if not _LEAD_VERB.match(first) or not first.lower() in _VERBS:
        for stem in (first[:-1], first[:-2]):
            if stem.lower() in _VERBS:
                return f"{stem} {rest}".strip()
    return text


def _after_opening(text: str) -> str:
    """ "Once space is free, get boxes" -> "get boxes"."""
    m = re.match(r"^(?i:once|if|when|after|before|as soon as)\b[^,]{1,60},\s+(?P<rest>.+)$", text)
    return m.group("rest") if m else text


def _imperative(text: str) -> bool:
    """A task said as an order: it opens with a verb ("Draft notice …", "please review …",
    "Once space is free, get boxes"), not with a report ("Update on the revamp", "Site
    changes are ready") or an intention ("Propose to move …")."""
    text = _after_opening(re.sub(r"^(?:please|pls)\s+", "", text.strip(), flags=re.I))
    if not _LEAD_VERB.match(text) or _INTENT.match(text):
        return False
    return not re.match(r"^(?:update|report|feedback|progress|review|work)\s+(?:on|of|from|about|for)\b", text, re.I)


_GROUP_LINKS = ("to", "is to", "are to", "will", "shall", "are asked to", "were asked to", "is asked to")


def _linked(m: re.Match, owners: Owners, groups_may: bool = False) -> Found | None:
    link = " ".join(m.group("link").lower().split())
    who = owners.read(m.group("owners"), m.group("co"), groups=groups_may or link in _GROUP_LINKS,
                      strangers=link not in ("to", "must", "should", "needs to", "need to"))
    if not who:
        return None
    task = _task_after(link, m.group("task"))
    return Found(who, task) if task else None


def _task_after(link: str, rest: str) -> str | None:
    link = " ".join(link.lower().split())
    going = re.match(r"^be\s+([a-z]+ing)\b(.*)$", rest.strip(), re.S) if link in ("will", "would", "shall") else None
    if going and going.group(1) not in ("going", "being", "having", "nothing", "something", "everything"):
        rest = _base(going.group(1)) + going.group(2)  # "would be sending it in": "send it in"
    if link in ("will", "would", "shall", "could", "can", "will continue to", "would continue to") or \
            link.endswith(("willing to",)):
        if _NOT_TASK.match(rest.strip()) and not re.match(r"^be\s+(?:responsible|asked|tasked|happy to)", rest.strip(),
                                                           re.I):
            return None
    if link == "to" and not re.match(r"^[a-z]", rest.strip()):
        return None  # "Report to Council" is a title, "JS to write" a task
    if re.match(r"^be\s+(?!responsible|asked|tasked)", rest.strip(), re.I):
        return None  # "intends to be the liaison", "is to be circulated": a state or a passive
    return _task(rest, link in _GERUND_LINKS) or None


def _task(text: str, gerund: bool = False) -> str:
    text = text.strip().rstrip(" .;,")
    text = re.sub(r"^(?:please|pls)\s+", "", text, flags=re.I)
    if gerund:  # "planning the promotion" -> "plan the promotion"
        first, _, rest = text.partition(" ")
        text = (_base(first) + (" " + rest if rest else "")).strip()
    return text


_VERBS = frozenset(LEAD_VERBS)


def _base(word: str) -> str:
    """ "planning" -> "plan", "arranging" -> "arrange", "helping" -> "help"."""
    if not word.lower().endswith("ing") or len(word) <= 5:
        return word
    stem = word[:-3]
    for guess in (stem + "e", stem, stem[:-1] if len(stem) >= 3 and stem[-1] == stem[-2] else None):
        if guess and guess.lower() in _VERBS:
            return guess
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    return stem


def lower_words(texts) -> "LowerWords":
    """The words the document writes in lower case somewhere (to tell its proper names)."""
    return LowerWords("\n".join(texts))


class LowerWords:
    """``word in words``: does the text write ``word`` (lower case) as a word of its
    own somewhere?  Asked of a few owner words a document, so looked up when asked
    (and remembered) rather than by listing every word of the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.seen.get(word)
        if found is None:
            found = self.seen[word] = bool(word[:1].islower()) and self._written(word)
        return found

    def _written(self, word: str) -> bool:
        text, at = self.text, self.text.find(word)
        while at >= 0:  # str.find, then a look at either side: a regex over the whole text is slower
            end = at + len(word)
            while end < len(text) and text[end] in "'’":
                end += 1
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after in "_'’-"):
                return True
            at = text.find(word, at + 1)
        return False
