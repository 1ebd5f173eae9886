"""Decisions: what the meeting decided, as the sentence that says so.

A sentence is a decision when (after an opening phrase such as "After
discussion," or "As proposed by Jo,"):

- it opens with a decision label: "RESOLVED:", "Resolved that", "Agreed:",
  "Decision:", "Resolution 3:", "Policy decision:", "Motion passed", "VOTED";
- it is impersonal: "It was (unanimously) agreed / resolved / decided …";
- a body decides: "the committee resolved to …", "the EC decided …", "the
  Members resolved by unanimous resolution …", "we agreed …";
- something was decided: "… were approved as a correct record", "The motion
  was carried", "The resolution passes", "… moved as correct by …";
- a motion is put: "It was proposed by X and seconded by Y that …";
- a consensus is recorded: "There was a consensus that …", "Agreement that …".

Not decisions: a person agreeing to do something (an action), someone agreeing
with someone, what was not agreed ("nothing has been agreed"), what is still
to be agreed, and noting a report.  The text is the sentence as written; a
label ("RESOLVED:", "Decision:") and an impersonal "It was agreed that" are
left out where what follows says the decision whole.  A cue that ends with a
colon, or a sentence that stops on its cue, owns the list that follows it.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from itertools import chain

from parsers.blocks import grid, lines_of
from parsers.document import Heading, Paragraph, Table
from parsers.extract.alike import Text, at_least
from parsers.extract.items import Section
from parsers.extract.people import Roster
from parsers.extract.result import Result
from parsers.extract.speech import statements
from parsers.patterns import DECISION_HEADING, DECISION_LABEL, STATUS_CELL, sentences, topic_off
from parsers.records import Decision
from parsers.vocabulary import DECIDING_BODIES, DECISION_VERBS, words_pattern

_LINK_LABEL = re.compile(r"^\[([^\]]+)\]\([^)]*\)")
_VERBS = words_pattern(DECISION_VERBS)
_BODY = rf"(?:(?:the|our|this)\s+)?(?:(?:full|whole|assembled)\s+)?{words_pattern(DECIDING_BODIES)}"
# "After discussion,", "As proposed by Jo and Sam,", "Arising from this report", "In terms of new SIGs,"
_OPENING = r"(?:(?:however|moreover|also|then|further|so|thus|therefore|finally|again|accordingly),?\s+)?" \
           r"(?:(?:after|following|as|on|upon|in|with|given|having|arising from|subject to|since)\b[^.;]{0,90}?,\s+)?"
_OPENING_BARE = r"(?:(?:arising from|following|after)\s+(?:this|that|the)\s+\w+\s+)?"
# "It was (then, unanimously) agreed that …", "It resolved to …"
_IMPERSONAL = re.compile(rf"^{_OPENING}{_OPENING_BARE}(?:and\s+)?it\s+(?:was\s+)?(?:(?:also|further|then|therefore|hence|"
                         rf"thus|unanimously|duly|generally|finally|eventually)\s+){{0,3}}(?P<verb>{_VERBS})\b"
                         rf"(?P<rest>.*)$", re.I | re.S)
# "the committee (unanimously) resolved …", "the EC decided …", "we agreed …"
_BODY_DECIDES = re.compile(rf"^{_OPENING}(?P<body>{_BODY}|we)\s+(?:[^.;:]{{0,60}}?\s+and\s+)?(?:(?:then|also|"
                           rf"unanimously|formally|duly|finally|eventually|therefore)\s+)?(?:has\s+|have\s+|had\s+)?"
                           rf"(?P<verb>{_VERBS})\b(?P<rest>.*)$", re.I | re.S)
# "… were approved", "The motion was carried", "… moved as correct by …"
# what happened in the meeting is said in the past: "is approved only once a year" is a rule
_PASSIVE = re.compile(rf"^(?P<what>.{{3,160}}?)\s+(?:was|were|has been|have been)\s+(?:then\s+|therefore\s+|"
                      rf"duly\s+|unanimously\s+|formally\s+)?(?:\w+ed\s+and\s+)?(?P<verb>approved|agreed|adopted|"
                      rf"ratified|endorsed|accepted|carried|passed|authori[sz]ed|decided|moved as (?:a )?(?:correct|true|"
                      rf"accurate)|(?:signed|confirmed|taken) as (?:a )?(?:correct|true|accurate))\b", re.I | re.S)
# "Decided to use …", "Agreed to defer …": the cue verb opens the sentence
_BARE = re.compile(r"^\W*(?:unanimously\s+)?(?:resolved|agreed|decided|approved)(?:\s+unanimously)?\s+(?:to|on|upon)\s+\S",
                   re.I)
# "Agreed as a true record", "Approved as a correct record"
_AS_RECORD = re.compile(r"^\W*(?:agreed|approved|accepted|adopted|signed|confirmed)\s+as\s+(?:an?\s+)?(?:true|correct|"
                        r"accurate|fair)\b", re.I)
# "Jo and Sam decided to form a committee": deciding, said of people, is still a decision
_PEOPLE_DECIDE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*"
                            r"(?:\s+[A-Z][\w.'’-]*){0,3}){0,4}\s+decided\s+(?:to|that|on)\b")
# a later clause that holds the cue: "…; but it was agreed that …"
_CLAUSE = re.compile(r"(?:;\s*|,\s*)(?:(?:but|and|so|however),?\s+)?(?=it\s+was\s+"
                     r"(?:\w+\s+){0,2}(?:agreed|resolved|decided)\b)", re.I)
# "The Board were all in agreement with this proposal", "All members were in full agreement"
_IN_AGREEMENT = re.compile(rf"(?:^|\band\s+)(?:(?:the|our)\s+)?(?:all\s+)?(?:{words_pattern(DECIDING_BODIES)}|everyone|all)\b[^.;]{{0,30}}?"
                           r"\b(?:was|were|are|is)\s+(?:all\s+)?(?:in\s+)?(?:full\s+|general\s+|complete\s+|unanimous\s+)?"
                           r"agreement\b", re.I)
_OUTCOME = re.compile(r"^\W*(?:the\s+)?(?:motion|resolution|proposal|amendment)\s+(?:was\s+)?(?:therefore\s+)?"
                      r"(?:passes|passed|carried|was carried|approved|adopted)\b|"
                      r"^\W*(?:motion|resolution)\s+(?:passed|carried)\b|^\W*carried(?:\s+(?:unanimously|nem\.?\s*con))?\W*$|"
                      r"^\W*voted\b", re.I)
# "… proposed as chair (Tom, seconded by Owen) and carried nem con"
_CARRIED = re.compile(r"\b(?:and|was|were|motion)\s+carried\b|\bcarried\s+(?:nem\.?\s*con|unanimously)\b", re.I)
_MOTION = re.compile(r"\b(?i:proposed)\s+(?:by\s+)?[A-Z][^.;]{1,60}?(?:\band\s+|,\s*)(?i:seconded)\s+(?:by\s+)?[A-Z][^.;]{1,60}?"
                     r"\b(?:that|to)\b|\(\s*p(?:roposed)?\.?\s+[A-Z]{1,4}\s*,\s*s(?:econded)?\.?\s+[A-Z]{1,4}\s*\)", re.S)
_CONSENSUS = re.compile(r"^(?:\W*there\s+was\s+(?:a\s+|general\s+|broad\s+|unanimous\s+)*(?:consensus|agreement)\b"
                        r"|\W*(?:agreement|consensus)\s+(?:that|to|was reached)\b|\W*the\s+(?:final\s+|eventual\s+)?"
                        r"(?:decision|resolution|recommendation|conclusion)\s+(?:was|is)\b)", re.I)
# not a decision: what was not agreed, what still is to be, someone agreeing with someone
_NEGATED = re.compile(rf"\b(?:not|nothing|no|never|yet to be|to be|will be|would be|should be|could be|may be|"
                      rf"must be|needs? to be|if)\b[^.;]{{0,25}}\b(?:{_VERBS}|approved|carried|passed)\b", re.I)
_WITH = re.compile(r"^\s*(?:with|on|upon)\b", re.I)
_APOLOGIES = re.compile(r"^\W*apolog", re.I)
_RELATIVE = re.compile(r"\b(?:which|who|that)\s*$", re.I)
# words one of which every decision holds: a line without any is not read further
_NEEDLES = ("agree", "resol", "deci", "approv", "carried", "passe", "adopt", "accept", "endors", "ratif", "outcome",
            "consensus", "voted", "seconded", "moved as", "confirmed", "determined", "recommend", "conclu", "(p ",
            "authori", "signed as", "taken as")  # the commonest first: most lines that hold one hold these


def _may_decide(text: str) -> bool:
    low = text.lower()
    for needle in _NEEDLES:  # (a loop: quicker here than any() or one regex)
        if needle in low:
            return True
    return False


def _holds(sentence: str, needles: list[str]) -> bool:
    """Does a sentence of a line hold one of the cue words found in the line?"""
    low = sentence.lower()
    for needle in needles:
        if needle in low:
            return True
    return False


def extract(sections: list[Section], roster: Roster) -> Result:
    out: list[Decision] = []
    for section in sections:
        item = section.number
        if section.kind == "decisions":
            for line in _lines(section.blocks):
                text = _label_off(line.text)
                if text:
                    out.append(Decision(item, text, line.loc))
            continue
        listed = [ln for ln in _lines(section.blocks) if ln.level is not None] \
            if section.title and section.kind in ("item", "other") and DECISION_HEADING.search(section.title) else []
        if listed:
            joined = "; ".join(ln.text.rstrip(".").replace(": ", " ", 1) for ln in listed)
            out.append(Decision(item, f"{section.title}: {joined}.", section.loc))
        _section_decisions(section, roster, out)
        for block in section.blocks:
            if isinstance(block, Table):
                _table_decisions(grid(block), block.rows, item, out)
        for g, row in section.rows:  # an item table's Decision column
            _table_decisions(g, [row], item, out)
    return Result(_dedupe(out))


def _table_decisions(g, rows, item: str | None, out: list[Decision]) -> None:
    """A table of motions ("Motion | Moved by | Seconded by | Status") or a Decision
    column: each row's motion or decision, with how the vote went."""
    if g.column("motion") is None:
        return
    body = g.body if rows is g.table.rows else rows
    for row in body:
        if getattr(row, "is_header", False):
            continue
        text = g.text(row, "motion").rstrip(".")
        if not text or STATUS_CELL.match(text) or text.lower() in ("none", "n/a", "-"):
            continue
        outcome = g.text(row, "vote") or g.text(row, "status")
        out.append(Decision(item, f"{text}: {outcome}." if outcome else f"{text}.", row.loc or g.table.loc))


def _section_decisions(section: Section, roster: Roster, out: list[Decision]) -> None:
    item = section.number
    said = statements(section.blocks, roster)
    pending: Decision | None = None  # a cue that owns the list or lines after it
    pending_level: int | None = None
    inner = False  # a lead-in under the pending cue owns the lines after it
    last_loc = None  # where the last line joined to it was
    motion: Decision | None = None   # a motion put, waiting for the vote that carries it
    motion_said: list[str] = []      # what was said between the motion and its vote
    pending_colon = False
    joined = 0  # entries joined to the pending decision
    for k, st in enumerate(said):
        line = st.line
        if pending is not None:
            # a lead-in under a colon cue ("Article 15 is amended from:") owns what follows it too,
            # up to the next line like the cue's own (the next entry of its list, or a plain paragraph)
            like_cue = line.level == pending_level and line.label is None and (
                line.level is not None or not line.text.rstrip().endswith(":"))
            lead_in = pending_colon and not like_cue and line.text.rstrip().endswith(":") and len(line.text.split()) <= 12
            same_entry = inner and line.loc == last_loc and line.label is None  # a further line of the entry
            same_entry = same_entry or (pending_colon and line.style == "quote")  # the words a colon cue quotes
            if _continues_list(line, pending_level, pending_colon) or lead_in or (inner and not like_cue) or same_entry:
                joint = ":" if pending_colon and not joined and not pending.text.endswith(":") else ""
                pending.text = f"{pending.text}{joint} {line.text}".strip()  # the colon goes back before the list
                joined += 1
                inner, last_loc = inner or lead_in, line.loc
                continue
            pending, inner = None, False
        if motion is not None and not _may_decide(st.text):
            motion_said.append(st.text)  # the conditions of the motion, a list, a recorded vote
            if len(motion_said) > _MOTION_LINES:
                motion, motion_said = None, []
            continue
        if not _may_decide(st.text):
            continue
        parts = sentences(st.text) or [st.text]
        if len(parts) > 1:
            low = st.text.lower()
            present = [needle for needle in _NEEDLES if needle in low]  # the cue words the line holds
        j = 0
        while j < len(parts):
            sentence = parts[j]
            if motion is None and len(parts) > 1 and not _holds(sentence, present):
                j += 1
                continue
            if motion is not None and _VOTE_COUNT.search(sentence) and not _OUTCOME.match(sentence) \
                    and not _CARRIED.search(sentence):
                motion_said.append(sentence)  # "The council voted 7 in favour, 3 abstaining.": the vote on it
                j += 1
                continue
            if motion is not None:
                if _OUTCOME.match(sentence) or _CARRIED.search(sentence) or re.search(r"\bpassed\b", sentence, re.I):
                    # the motion, what was said of it, and how the vote went: one decision
                    motion.text = " ".join([motion.text] + motion_said + [sentence])
                    motion, motion_said = None, []
                    j += 1
                    continue
                if decision_text(sentence) is None:
                    motion_said.append(sentence)
                    j += 1
                    continue
            if _ALL_AGREED.match(sentence):  # "… were discussed. All agreed.": what was agreed is said before
                before = parts[j - 1] if j else (said[k - 1].text if k else "")
                if before and not _ALL_AGREED.match(before):
                    out.append(Decision(item, f"{before.rstrip()} {sentence.strip()}".strip(), line.loc))
                    j += 1
                    continue
            found = decision_text(sentence)
            if found is not None:
                if _OUTCOME.match(sentence) and len(sentence.split()) <= 4 and j + 1 < len(parts) and \
                        (re.search(rf"\b(?:{_VERBS}|passed|carried)\b", parts[j + 1], re.I) or
                         parts[j + 1].rstrip().endswith(":")):
                    # "Motion passed. The minutes approved.", "The resolution passes. The following will be added:"
                    found = f"{sentence} {parts[j + 1]}"
                    j += 1
                    sentence = parts[j]
                if found:
                    decision = Decision(item, found, line.loc)
                    out.append(decision)
                    pending_colon = sentence.rstrip().endswith(":")
                    if pending_colon or _stops_on_cue(sentence):
                        pending, pending_level, joined = decision, line.level, 0
                    motion = decision if _MOTION.search(sentence) and not re.search(
                        r"\b(?:carried|passed)\b", sentence, re.I) else None
                    motion_said = []
                elif found == "" and j + 1 < len(parts):
                    out.append(Decision(item, _label_off(parts[j + 1]), line.loc))  # "RESOLVED:" then the text
                    j += 1
                elif found == "":
                    pending, pending_level = Decision(item, "", line.loc), line.level
                    out.append(pending)
            j += 1
    out[:] = [d for d in out if d.text]


# "All agreed.", "Agreed by all.", "Unanimously agreed.": a decision whose matter is the sentence before
_ALL_AGREED = re.compile(r"^\W*(?:(?:all|everyone|all present|all members)\s+(?:agreed|approved|concurred)|"
                         r"(?:agreed|approved)\s+(?:by\s+all|unanimously|by\s+everyone)|unanimously\s+(?:agreed|approved))"
                         r"\W*$", re.I)
# how a vote went: "7 in favour", "6 to 4", "votes for/against", "3 abstaining"
_VOTE_COUNT = re.compile(r"\b(?:\d+|none|nobody|no one|all)\s+(?:in\s+favou?r|against|abstain(?:ing|ed|ions?)?)\b|"
                         r"\bvoted\s+\d+\s*(?:to|-|–)\s*\d+|\bvotes?\s+(?:for|in favou?r)\b", re.I)
_MOTION_LINES = 20  # a motion's vote comes within this many lines, or the motion stands alone


def _continues_list(line, level: int | None, colon: bool = False) -> bool:
    """A line under a cue that introduces it: a list entry (deeper than the cue's
    line, if that was one), a line opening with a dash or a small numeral, or a
    "Finance: Ann, Bob" entry."""
    if line.level is not None and (level is None or line.level > level):
        return True
    return bool(re.match(r"^\s*(?:--|[-–—*•]|\(?[ivx]{1,4}\)|\(?[a-h]\))\s", line.text) or
                colon and re.match(r"^[A-Z][\w &'’/-]{1,40}:\s+\S", line.text)
                and len(line.text.split(":", 1)[0].split()) <= 6)


def _stops_on_cue(sentence: str) -> bool:
    """ "… the committee resolved" with nothing after the cue: the list below says what."""
    return bool(re.search(rf"\b(?:{_BODY}|it\s+was|we)\s+(?:\w+\s+)?(?:{_VERBS})\s*[:–—-]?\s*$", sentence.strip(), re.I))


def decision_text(sentence: str) -> str | None:
    """The decision a sentence records, as its text; "" for a bare label whose
    decision is the next sentence or list; None when it records none."""
    text = sentence.strip()
    if text.startswith("["):
        text = _LINK_LABEL.sub(r"\1", text)
    labelled = DECISION_LABEL.match(text)
    if not labelled:
        text = topic_off(text)  # "Role-based email: it was resolved …" (not "RESOLVED: …")
    if not text or text.endswith("?") or _APOLOGIES.match(text):
        return None
    low = text.lower()
    clause = "it was" in low and _CLAUSE.search(text)
    if clause:
        text = text[clause.end():]  # "Ann asked whether …; but it was agreed that …"
        low = text.lower()
    if _BARE.match(text) or "decided" in low and _PEOPLE_DECIDE.match(text) or " as " in low and _AS_RECORD.match(text):
        return _capital(text)
    label = labelled if labelled and not clause else DECISION_LABEL.match(text)  # (asked again of a changed text)
    if label:
        rest = text[label.end():].strip()
        if not rest:
            return ""
        if re.match(r"(?:as|by|with|in|on|at|for)\b", rest, re.I):
            return _capital(text)  # "Agreed as a true record" keeps its verb
        return _capital(rest)
    if _OUTCOME.match(text) or _CONSENSUS.match(text) or "carried" in low and _CARRIED.search(text) or \
            "agreement" in low and _IN_AGREEMENT.search(text):
        return _capital(text)
    m = "it " in low and _IMPERSONAL.match(text)
    if m and not _WITH.match(m.group("rest")):
        rest = m.group("rest").strip()
        that = re.match(r"^that\s+(?P<clause>.+)$", rest, re.S)
        if that and re.match(r"^[\w'’-]+\s", that.group("clause")):
            return _capital(that.group("clause"))  # "It was agreed that the grant …" -> "The grant …"
        return _capital(text)
    m = _may_body_decide(low) and _BODY_DECIDES.match(text)
    if m and not _WITH.match(m.group("rest")) and not _NEGATED.search(text[:m.end("verb")]):
        return _capital(text)
    if ("second" in low or "(p" in low) and _MOTION.search(text):
        return _capital(text)
    m = (" was " in low or " were " in low or " been " in low) and _PASSIVE.match(text)
    if m and not _RELATIVE.search(m.group("what")) and not _NEGATED.search(text[:m.end("verb")]) \
            and len(text.split()) >= 4 and not _APOLOGIES.match(m.group("what")):
        return _capital(text)
    return None


# the stems of the deciding verbs: a sentence without one is no body deciding
_VERB_STEMS = tuple(sorted({v.split()[-1][:5] for v in DECISION_VERBS}))


def _may_body_decide(low: str) -> bool:
    for stem in _VERB_STEMS:
        if stem in low:
            return True
    return False


def _capital(text: str) -> str:
    text = text.strip(" :–—-")
    return text[:1].upper() + text[1:]


def _lines(blocks: list):
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield from lines_of(block)


def _label_off(text: str) -> str:
    text = _LINK_LABEL.sub(r"\1", text.strip())
    m = DECISION_LABEL.match(text)
    if m and text[m.end():].strip() and not re.match(r"(?:as|by|with|in|on|at|for)\b", text[m.end():].strip(), re.I):
        text = text[m.end():]
    return _capital(text)


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    """A decision stated twice (in its item, then in a list of resolutions) is one;
    the same words decided in two items ("The Board were in agreement") are two.

    Nothing is compared pair by pair: the same words are looked up by a key, and a
    near twin is looked for only among the few decisions that share most of its words."""
    out: list[Decision] = []
    texts: list[Text] = []
    items: list[str | None] = []
    by_key: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for d in decisions:
        words = _DEDUPE_WORD.findall(d.text.lower())
        key = " ".join(words)
        same_item = lambda k: items[k] == d.item or items[k] is None or d.item is None  # noqa: E731
        if any(same_item(k) for k in by_key.get(key, ())):
            continue
        distinct = set(words)
        shared: Counter[int] = Counter()
        shared.update(chain.from_iterable(by_word.get(w, ()) for w in distinct))
        need = 0.7 * len(distinct)
        near = heapq.nlargest(_NEAR, ((n, -k) for k, n in shared.items() if n >= need))
        text = Text(d.text.lower())
        if any(same_item(-k) and at_least(text, texts[-k], 0.85) for _, k in near):
            continue
        k = len(out)
        out.append(d)
        texts.append(text)
        items.append(d.item)
        by_key.setdefault(key, []).append(k)
        for w in distinct:
            by_word.setdefault(w, []).append(k)
    return out


_DEDUPE_WORD = re.compile(r"[a-z0-9]+")
_NEAR = 6  # decisions a new one is compared with (those sharing most of its words)