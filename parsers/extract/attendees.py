"""Who was there: Present / Apologies / In attendance / Absent.

Attendance is read from what the document's structure says it is: a label
("Present:", "Apologies", "Attending via conference call:", "Also present")
as a heading, a line of its own or the lead of a line, and what follows it —
prose ("Cllr Jane Smith (JS), Bob Jones and Ann Lee"), one name per line or
list entry, a table of names (with Yes/No attendance, roles, organisations,
or a label column), or front matter that lists the members.  Apologies given
in a sentence ("Apologies were received from …") count too.
"""
from __future__ import annotations

import re
import unicodedata

from parsers.blocks import grid, paragraphs, raw_lines
from parsers.document import Document, Heading, Paragraph, Table, squash
from parsers.extract.people import name_key
from parsers.extract.result import Result
from parsers.patterns import (ABSENT_LABEL, APOLOGIES_LABEL, HANDLE_RE, IN_ATTENDANCE_LABEL, INITIALS, INITIALS_RE,
                              PRESENT_LABEL, ROLE_LABEL, ROLE_WORDS, TITLES, column_kind, sentences)
from parsers.records import Attendee
from parsers.vocabulary import (ABSENT_WORDS, APOLOGIES_WORDS, IN_ATTENDANCE_WORDS, NOT_NAMES, ORGANISATION_WORDS,
                                PLURAL_TITLES, POST_NOMINALS, PRESENT_WORDS, words_pattern)

_STATUS_LABELS = [("apologies", APOLOGIES_LABEL), ("absent", ABSENT_LABEL),
                  ("in_attendance", IN_ATTENDANCE_LABEL), ("present", PRESENT_LABEL)]
_STATUS_OF_WORD = {w: s for s, words in (("absent", ABSENT_WORDS), ("apologies", APOLOGIES_WORDS),
                                         ("in_attendance", IN_ATTENDANCE_WORDS), ("present", PRESENT_WORDS))
                   for w in words}
_STATUS_WORD = re.compile(r"\b" + words_pattern(tuple(_STATUS_OF_WORD)) + r"\b", re.I)
_VERB = re.compile(r"\b(?:was|were|is|are|has|had|have|will|would|be|been)\b", re.I)
_NUMBERED = re.compile(r"^\W*\d{1,2}(?:\.\d{1,2})*[.)]?\s")
_COUNT = re.compile(r"\s*[(\[]\s*\d{1,3}\s*[)\]]\s*")  # "Present (9)"
_BRACKET = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_SPLIT_PROSE = re.compile(r"\s*(?:[,;]|\band\b|\s&\s)\s*(?![^()\[\]]*[)\]])|(?<=\))\s+(?=[A-Z])")
_NAME_OK = re.compile(rf"^(?:{TITLES}\s+)?[^\W\d_][\w'’.\-]*(?:\s+[\w'’.\-]+){{0,5}}$")
_NOT_NAMES = re.compile(rf"^(?:-+|{words_pattern(NOT_NAMES)})$", re.I)
_DASH = re.compile(r"\s+[–—-]\s+")
_ADDRESS = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL = re.compile(rf"<\s*(?:mailto:)?({_ADDRESS})\s*>|\(\s*(?:mailto:)?({_ADDRESS})\s*\)|"
                    rf"\[\s*(?:mailto:)?({_ADDRESS})\s*\]|(?:mailto:)?({_ADDRESS})")
_EMPTY_BRACKET = re.compile(r"\(\s*[,;]?\s*\)|(?<=\()\s*[,;]\s*|\s*[,;]\s*(?=\))")
_INITIALS_FIRST = re.compile(rf"^(?P<ini>{INITIALS})\s*(?:[–—-]|:)\s+(?=[A-Z])")
_POST_NOMINAL = re.compile(r"\s+(" + "|".join(p.upper() for p in POST_NOMINALS) + r")$")
_REPRESENTING = re.compile(r"\s+(?:\(?\s*)?(representing|on behalf of|for|from)\s+(?P<org>[^()]+?)\)?$", re.I)
# a role written before the name: "HLT-NAACL 2007 General Chair Candace Sidner"
_ROLE_BEFORE_NAME = re.compile(r"^(?P<role>.*\b(?:chair(?:man|woman|person)?|secretary|treasurer|clerk|manager|"
                               r"director|officer|president|convenor|coordinator|co-ordinator|lead|head))\s+"
                               r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$", re.I)
_NAME_PARTICLES = ("de", "da", "van", "von", "der", "le", "la", "du", "di", "del", "bin", "al", "y", "dos", "das")


_LABEL_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)])\s+")


def status_of_label(text: str) -> str | None:
    """The attendance status a label names ("Apologies:" -> "apologies",
    "Attending via conference call" -> "present", "Present (9)" -> "present")."""
    if len(text) > 200 or not any(ch.isalpha() for ch in text[:60]):
        return None  # a paragraph, or a number or a date: not a label
    label = " ".join(text.split()).strip(" :*#.-–")
    label = _LABEL_NUMBER.sub("", label)  # "0. Attendance"
    label = _COUNT.sub(" ", label).strip(" :*")
    if not label:
        return None
    for status, pattern in _STATUS_LABELS:
        if pattern.match(label):
            return status
    words = label.split()
    if len(words) > 8 or (_VERB.search(label) and not text.rstrip(" *").endswith(":")):
        return None  # a sentence, not a label ("Nobody was absent.")
    if len(words) > 4 and not text.rstrip(" *").endswith(":"):
        return None
    # the status word leads the label ("Attending physically") or ends it ("Board members and
    # officers present"); in the middle it is part of something else ("Individual members approved")
    found = [m for m in _STATUS_WORD.finditer(label) if m.start() == 0 or m.end() == len(label)]
    if not found:
        return None
    return _STATUS_OF_WORD[" ".join(found[-1].group(0).lower().split())]


def extract(document: Document) -> Result:
    found = _Found()
    for status, names in _from_meta(document.meta):
        found.add(_prose(names, status) if isinstance(names, str) else
                  [p for p in (parse_person(n, status) for n in names) if p], None)
    status: str | None = None      # the attendance part we are in
    level: int | None = None       # the list level of the label ("- Present:"), -1 for a heading or a line
    expecting: bool | str = False  # a bare label was just seen: a list or prose follows (a role label: its names)
    for block in document.blocks:
        if isinstance(block, Heading):
            status = status_of_label(block.text)
            level, expecting = -1, status is not None
            if status and not _NUMBERED.match(block.text) and not block.label:
                found.consumed.add(id(block))  # a numbered "1. Apologies" stays an item too
            continue
        if isinstance(block, Table):
            people = _from_table(block, status or "present", require_names=status is None)
            if people:
                found.add(people, block)
                found.consumed.add(id(block))
            status, expecting = None, False
            continue
        lines = [_text(ln) for ln in raw_lines(block)]
        if not lines:
            continue
        if any(_line_label(line, block.level is not None) for line in lines):
            status, expecting, whole = _label_lines(lines, found, block, status, block.level is not None)
            level = block.level if block.level is not None else -1
            if whole and not (_NUMBERED.match(lines[0]) or block.label):
                found.consumed.add(id(block))  # a numbered "1. Apologies" stays an item too
            continue
        groups = [_ORG_GROUP.match(line) for line in lines] if status else []
        if groups and all(m and _names_only(m.group("names")) and _looks_like_org(m.group("org")) or
                          m and _names_only(m.group("names")) and len(m.group("org").split()) <= 4 for m in groups):
            for m in groups:  # "County Council: Ann Lee, Bob Ray" under "Present": people by organisation
                people = _prose(m.group("names"), status)
                for person in people:
                    person.organisation = person.organisation or m.group("org").strip()
                found.add(people, block)
            found.consumed.add(id(block))
            continue
        if status and block.level is not None and (level is None or block.level > level or
                                                   (level == -1 and not block.label)):
            people = [parse_person(line, status, strict=True) for line in lines if not _NOT_NAMES.match(line)]
            if all(people):
                found.add(people, block)  # one name per list entry (or none: "None")
                found.consumed.add(id(block))
                expecting = len(people) == 1  # the next name may be a paragraph of its own
                continue
        if isinstance(expecting, str):
            text = " ".join(lines)
            expecting, label = False, expecting
            if len(text.split()) <= 12 and _names_only(text):  # who holds the role, not a report under a heading
                _set_roles(found, text, label, block)
                found.consumed.add(id(block))
                continue
        if status and expecting and block.level is None and _names_only(" ".join(lines)) and \
                not all(r.bold for r in block.runs):  # a bold line is the next label, not a name
            people = _prose(" ".join(lines), status)
            found.add(people, block)
            found.consumed.add(id(block))
            expecting = len(people) == 1  # one name a paragraph: the next may be the next name
            continue
        if status and len(lines) == 1 and lines[0].endswith(":") and len(lines[0].split()) <= 6:
            continue  # a group within the part ("For the Scala Center:")
        status, expecting = None, False
    found.add(_apologies_in_text(document), None)
    return Result(found.people(), [], found.consumed)


class _Found:
    """The people read so far, each with the block that listed them."""

    def __init__(self) -> None:
        self.entries: list[tuple[Attendee, int | None]] = []
        self.consumed: set[int] = set()

    def add(self, people, block) -> None:
        for person in people:
            if person is not None:
                self.entries.append((person, id(block) if block is not None else None))

    def all(self) -> list[Attendee]:
        return [p for p, _ in self.entries]

    def people(self) -> list[Attendee]:
        return _dedupe(self.entries)


# -- labels ------------------------------------------------------------------------------
def _line_label(line: str, listed: bool = False) -> tuple[str, str, str] | None:
    """(kind, label, rest) of a line that opens with an attendance or role
    label: "Present: a, b", "Apologies Betty Ross, …", "Chair: Jane Smith".
    A role name alone labels the line below it only outside a list (in a list
    it is an entry: "President", "Secretary", …)."""
    label, rest = _label_and_rest(line)
    if label is None:
        return None
    status = status_of_label(label)
    if status:
        return status, label, rest
    if ROLE_LABEL.match(label.strip(" :*")) and (rest or line.rstrip().endswith(":") or
                                                 (len(label.split()) <= 3 and not listed)):
        return "role", label, rest
    return None


def _label_and_rest(text: str) -> tuple[str | None, str]:
    """ "Present: a, b" -> ("Present", "a, b"); "Attendance" -> ("Attendance", "");
    "Apologies Betty Ross, Ann Lee" -> ("Apologies", "Betty Ross, Ann Lee")."""
    text = " ".join(text.split())
    if not text:
        return None, ""
    head, sep, rest = text.partition(":")
    if sep and len(head.split()) <= 8 and not head.strip().endswith(("http", "https")):
        return head + ":", rest.strip()  # the colon says it is a label
    dash = re.match(r"^(?P<head>[^–—-]{2,40}?)\s+[-–—]\s+(?P<rest>\S.*)$", text)
    if dash and status_of_label(dash.group("head") + ":"):
        return dash.group("head") + ":", dash.group("rest").strip()  # "Present - Ann, Bob"
    # a label word run into the names, without a colon: "Apologies Betty Ross, …"
    first, _, after = text.partition(" ")
    if after[:1].isupper() and status_of_label(first) and not _VERB.match(after) and "," in after:
        return first, after
    if len(text.split()) <= 8 and not text.endswith("."):
        return text, ""
    return None, ""


def _label_lines(lines: list[str], found: _Found, block, status: str | None,
                 listed: bool = False) -> tuple[str | None, bool | str, bool]:
    """The lines of one paragraph: "Present: …" / "Apologies: …" / "Chair: …",
    a label followed by a name per line, or a label whose names run on over
    the lines below (joined, and cut where another label starts in a line:
    "… Alistair Shaw In attendance: Gordon MacKay").  Lines before the first
    label (a time, a place) are not names.  Returns the status reached, what
    is still expected (a role label when names with that role follow), and
    whether the whole paragraph was attendance."""
    expecting: bool | str = False
    started = reading = False
    whole = True  # every line read is attendance: the block is the attendance's alone
    lines = _labels_kept_whole(lines)
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        found_label = _line_label(line, listed)
        if found_label is None:
            if isinstance(expecting, str):
                _set_roles(found, line, expecting, block)
                expecting = False
            elif started and status and reading:
                person = parse_person(line, status, strict=True)
                if person is not None and expecting:
                    found.add([person], block)  # a name per line under the label
                elif _names_only(line):
                    found.add(_prose(line, status), block)
                elif not _NOT_NAMES.match(line.strip()):
                    reading = False  # a sentence: the names are over
                    whole = False
            elif started or len(line.split()) > 8:
                whole = False  # text that is not attendance stays for the other extractors
            continue
        reading = True
        started = True
        kind, label, rest = found_label
        if kind == "role":
            if rest:
                _set_roles(found, rest, label, block)
                if not _names_only(rest):
                    whole = False  # "Treasurer: the balance is £400": what the treasurer said stays
            else:
                expecting = label  # the names follow: "Chair" / "Art_Barstow"
            continue
        status = kind
        if not rest:
            expecting = True
            continue
        expecting = False
        # names that wrap onto the next lines, up to a line that opens with a label
        while k < len(lines) and _line_label(lines[k]) is None and _runs_on(rest, lines[k]):
            rest = f"{rest} {lines[k]}"
            k += 1
        for part_status, names in _inline_labels(rest, status):
            found.add(_prose(names, part_status), block)
            status = part_status
        if re.search(r"(?:,|\band)\s*$", rest):
            expecting = True  # "Present: Ann, Bob," and the names go on in the next paragraph
    return status, expecting, whole


def _labels_kept_whole(lines: list[str]) -> list[str]:
    """A label that a wrap cut in two ("… Alistair Shaw (…) In" / "attendance: Gordon
    MacKay") is moved whole to the line it opens."""
    out = list(lines)
    for k in range(1, len(out)):
        head, sep, _ = out[k].partition(":")
        words = out[k - 1].split()
        if not sep or len(words) < 2 or len(head.split()) > 4 or not words[-1][:1].isupper():
            continue
        if status_of_label(f"{words[-1]} {head}:") and status_of_label(f"{words[-1]} {head}:") != \
                status_of_label(f"{head}:"):
            out[k - 1], out[k] = " ".join(words[:-1]), f"{words[-1]} {out[k]}"
    return out


_INLINE_LABEL = re.compile(r"(?:^|(?<=[\s.;,)]))(?P<label>(?:[A-Z][a-z]+\s+){0,3}[A-Za-z]+)\s*:\s+")


def _inline_labels(text: str, status: str) -> list[tuple[str, str]]:
    """ "A, B (of X) In attendance: C, D" -> [(status, "A, B (of X)"), ("in_attendance", "C, D")]."""
    out: list[tuple[str, str]] = []
    start = 0
    for m in _INLINE_LABEL.finditer(text):
        for k in range(len(m.group("label").split())):  # the shortest tail of the words that is a label
            words = m.group("label").split()[k:]
            new = status_of_label(" ".join(words))
            if new and not (k and not words[0][:1].isupper()):
                label_start = m.start("label") + len(" ".join(m.group("label").split()[:k])) + (1 if k else 0)
                out.append((status, text[start:label_start]))
                status, start = new, m.end()
                break
    out.append((status, text[start:]))
    return [(s, t) for s, t in out if t.strip(" .,;")]


def _runs_on(text: str, line: str) -> bool:
    """The names of a label go on in the next line: it does not end a list."""
    return text.rstrip().endswith((",", "and", "&", "(")) or bool(line[:1].islower()) or \
        not text.rstrip().endswith((".", ";")) and bool(re.match(r"^[A-Z(]", line)) and _names_only(line)


# -- names -----------------------------------------------------------------------------
def _text(runs) -> str:
    return " ".join("".join(r.text for r in runs).split())


def _prose(text: str, status: str) -> list[Attendee]:
    """ "Councillors Bob Jones, Ann Lee and Raj Patel" -> three people."""
    out = []
    title = ""
    for part in _prose_parts(text):
        plural = re.match(r"^(" + "|".join(PLURAL_TITLES) + r")\.?\s+", part, re.I)
        if plural:
            title = PLURAL_TITLES[plural.group(1).lower()] + " "
            part = title + part[plural.end():]
        elif title and not re.match(rf"^{TITLES}\s", part):
            part = title + part
        person = parse_person(part, status)
        if person:
            out.append(person)
    return out


def _prose_parts(text: str) -> list[str]:
    """The entries of a list of names; what follows a closing bracket is a new
    entry ("… (representing X) Cllrs A and B") unless it is a role ("Sarah Jones (SJ) Chair")."""
    parts: list[str] = []
    for part in _SPLIT_PROSE.split(text.strip().rstrip(".")):
        if not part or not part.strip():
            continue
        if parts and parts[-1].endswith(")") and ROLE_WORDS.match(part.strip()) and len(part.split()) <= 4:
            parts[-1] = f"{parts[-1]} {part.strip()}"
        else:
            parts.append(part.strip())
    return parts


def parse_person(text: str, status: str = "present", strict: bool = False) -> Attendee | None:
    """ "Cllr Jane Smith (JS), Head of Finance, Leicester City Council" -> Attendee;
    also "WQ - Weiqing Qu, Bureau of Meteorology [BoM], Chair" and
    "Matteo Dell'Acqua [MDA], Meteo France, Chair".

    ``strict`` asks for a name written as one (capitalised words), for lines
    that might be something else."""
    bare = text.strip(" ,;.*•–")
    if _HANDLE_NAME.match(bare):  # "@alice99", "bob_2", "dom42": a chat handle is a name, as written
        return Attendee(name=bare, status=status, handle=bare if bare.startswith("@") else None)
    text, email = _without_email(" ".join(text.replace("_", " ").split()))
    text = text.strip(" ,;.*•-–")
    if not text or _NOT_NAMES.match(text):
        return None
    initials = role = handle = None
    notes: list[str] = []
    lead = _INITIALS_FIRST.match(text)
    if lead:
        initials, text = lead.group("ini"), text[lead.end():]
    parts = _top_level_split(text)
    if not parts:
        return None
    head, rest = parts[0], parts[1:]
    brackets = list(_BRACKET.finditer(head))
    for m in brackets:
        inner = m.group(1).strip()
        if HANDLE_RE.match(inner):
            handle = handle or inner
            continue
        first, _, tail = inner.partition(",")  # "(HW, Chair)"
        if initials is None and _initials_of(first.strip().replace(".", ""), head):
            initials = first.strip().replace(".", "")
            if tail.strip():
                notes.append(tail.strip())
        elif inner:
            notes.append(inner)
    if brackets:
        # "Sarah Jones (SJ) Chair": the name is what comes before the first bracket
        after = head[brackets[-1].end():].strip()
        head = _BRACKET.sub(" ", head[:brackets[0].start()] + " " + head[brackets[0].end():brackets[-1].start()])
        if after:
            rest = [after] + rest
    name = " ".join(head.split())
    represents = _REPRESENTING.search(name)
    if represents and represents.start() > 0 and len(name[:represents.start()].split()) >= 2:
        notes.append(f"{represents.group(1)} {represents.group('org')}")
        name = name[:represents.start()]
    lead_role = _ROLE_BEFORE_NAME.match(name)
    if lead_role and role is None and ROLE_WORDS.search(lead_role.group("role")):
        role, name = lead_role.group("role"), lead_role.group("name")  # "NLP Program Chair Matthew Stone"
    post = _POST_NOMINAL.search(name)
    if post and len(name[:post.start()].split()) >= 2:
        name, role = name[:post.start()], post.group(1)
    if not _NAME_OK.match(_skeleton(name)) or len(name) > 60 or (strict and not _written_as_name(name)):
        return None
    organisation = None
    roles = [p for p in rest if ROLE_WORDS.search(p) and not _looks_like_org(p)]
    if roles and (roles[0] is rest[0] or roles[-1] is rest[-1]):
        role = ", ".join(roles) if role is None else role
        rest = [p for p in rest if p not in roles]
    if rest:
        organisation = ", ".join(rest)
    acronyms = [n for n in notes if re.fullmatch(r"[A-Z][A-Z&]{1,9}", n)]  # "(TSC)", "(NHS)"
    notes = [n for n in notes if n not in acronyms]
    if acronyms and organisation is None:
        organisation = ", ".join(acronyms)
    # "(Chair)", "(Assistant to Treasurer)" say a role; "(Fire Service)", "(Probation)" a body
    bodies = [n for n in notes if not ROLE_WORDS.search(n) and not n.lower().startswith(("representing", "on behalf"))
              and len(n.split()) <= 6 and n[:1].isupper()]
    if bodies and organisation is None:
        organisation = ", ".join(bodies)
        notes = [n for n in notes if n not in bodies]
    representing = [n for n in notes if n.lower().startswith("representing")]
    if representing and organisation is None:
        organisation = representing[0].split(None, 1)[1]
    if notes and role is None:
        role = "; ".join(notes)
    return Attendee(name=name, initials=initials, role=role, organisation=organisation, status=status, handle=handle,
                    email=email)


# a handle: "@" and a name, or one word of letters that holds a digit ("bob_2", "Luc42")
_HANDLE_NAME = re.compile(r"^(?:@[A-Za-z][\w.-]{0,38}|[A-Za-z][A-Za-z_.-]*\d[\w.-]*)$")


def _without_email(text: str) -> tuple[str, str | None]:
    """ "Mallory Doe <md@example.org> (MD)" -> ("Mallory Doe (MD)", "md@example.org")."""
    m = _EMAIL.search(text) if "@" in text else None
    if not m:
        return text, None
    rest = _EMPTY_BRACKET.sub("", f"{text[:m.start()]} {text[m.end():]}")
    return " ".join(rest.split()), next(g for g in m.groups() if g)


def _skeleton(name: str) -> str:
    """The letters of a name without what only adds to a letter: combining marks
    (vowel signs, virama, decomposed accents, tone marks), zero-width joiners,
    and emoji with their modifiers.  Every script a person's name is written
    in counts as a name; the name itself keeps them all."""
    if name.isascii():
        return name
    out = []
    for ch in name:
        if ch in "\u200c\u200d" or "\ufe00" <= ch <= "\ufe0f" or unicodedata.category(ch) in _ADDS_TO_A_LETTER:
            continue
        out.append(ch)
    return " ".join("".join(out).split())


_ADDS_TO_A_LETTER = {"Mn", "Mc", "Me", "So", "Sk", "Cf"}


def _top_level_split(text: str) -> list[str]:
    """Split at commas and spaced dashes that are not inside brackets."""
    parts, depth, start = [], 0, 0
    k = 0
    while k < len(text):
        ch = text[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "," or (ch in "–—-" and text[k - 1:k] == " " and text[k + 1:k + 2] == " ")):
            parts.append(text[start:k])
            start = k + 1
        k += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _names_only(text: str) -> bool:
    """A paragraph that is a list of names ("Cristiano_Aguzzi, Dave_Raggett"), not a sentence."""
    parts = _prose_parts(text)
    return bool(parts) and all(_HANDLE_NAME.match(p.strip(" .")) or _written_as_name(" ".join(_BRACKET.sub(" ", _without_email(p)[0].replace("_", " "))
                                                         .split()))
                               or _NOT_NAMES.match(p.strip()) for p in parts)


def _initials_of(initials: str, text: str) -> bool:
    """Initials that can be the person's own: "SMcB" for Stephanie McBurney,
    not "TSC" for Rod Vagg (a body he belongs to)."""
    if not INITIALS_RE.match(initials):
        return False
    name = re.sub(rf"^(?:{TITLES}\s+)+", "", text.strip())
    if not name:
        return True
    first = unicodedata.normalize("NFKD", name[0])[0].upper()  # "Émile Zola (EZ)"
    return first == initials[0] or not "A" <= first <= "Z"      # a name in another script: romanised initials


def _written_as_name(name: str) -> bool:
    words = re.sub(rf"^(?:{TITLES}\s+)+", "", _skeleton(name)).split()
    return 1 <= len(words) <= 5 and all(
        w[0].isupper() or (w[0].isalpha() and not w[0].islower())  # scripts without capitals
        or w.lower() in _NAME_PARTICLES for w in words) and not any(ch.isdigit() for ch in name)


def _looks_like_org(text: str) -> bool:
    return bool(_ORGANISATION.search(text))


_ORGANISATION = re.compile(rf"\b{words_pattern(ORGANISATION_WORDS)}\b", re.I)


# "County Council: Ann Lee, Bob Ray": an organisation and its people, under an attendance label
_ORG_GROUP = re.compile(r"^(?P<org>[A-Z][\w&'’.()/ -]{1,60}?)\s*:\s+(?P<names>\S.*)$")


# -- apologies in a sentence ---------------------------------------------------------------
_APOLOGIES_SENTENCE = re.compile(
    r"^(?:apolog(?:ies|y)(?: for absence)?\s+(?:were|was|had been|have been|has been)\s+(?:received|given|noted|sent|"
    r"tendered|accepted)\s+(?:from|by|on behalf of)\s+(?P<names>.+?)"
    r"|(?P<senders>.+?)\s+(?:sent|gave|tendered|offered|had sent|has sent|have sent)\s+(?:(?:their|his|her)\s+)?"
    r"apolog(?:ies|y)\b.*?"
    r"|(?P<absent>.+?)\s+(?:was|were|had been)\s+unable to attend\b.*?)"
    r"\.?$", re.I)


# "Those present were Ann Lee, …", "The following were present: …", "Also present was PC Reid."
_PRESENT_SENTENCE = re.compile(
    r"^(?:(?P<also>also|further)\s+)?(?:(?:those|members|councillors|governors|trustees|directors)\s+)?present\s+"
    r"(?:were|was|at the meeting were)\s*:?\s+(?P<names>.+?)\.?$"
    r"|^the\s+following\s+(?:members\s+)?(?:were|was)\s+(?P<also2>also\s+)?present\s*:?\s+(?P<names2>.+?)\.?$", re.I)
# "The Chairman was unable to contact Cllr A and Cllr B": absent, not apologies
_NOT_CONTACTED = re.compile(r"^.{0,60}?\b(?:was|were|had been)\s+unable\s+to\s+(?:contact|reach)\s+(?P<names>.+?)\.?$",
                            re.I)


def _apologies_in_text(document: Document) -> list[Attendee]:
    """ "Apologies were received from Rolf Krahl and Brian Matthews."
    "Cllr Caunce and Cllr Mrs Land were unable to attend."  "Those present were …" """
    out = []
    for para in paragraphs(document.blocks):
        text = para.text
        if "polog" not in text and "unable to" not in text and "present" not in text.lower():
            continue
        for line in text.split("\n"):
            for sentence in sentences(line):
                m = _PRESENT_SENTENCE.match(sentence)
                if m:
                    names = m.group("names") or m.group("names2")
                    names = re.sub(r"\s+(?:of|from)\s+the\s+[^,;]+", "", names)  # "Sam Ode of the county council"
                    status = "in_attendance" if m.group("also") or m.group("also2") else "present"
                    if _names_only(names):
                        out.extend(p for p in _prose(names, status) if _written_as_name(p.name))
                    continue
                m = _APOLOGIES_SENTENCE.match(sentence)
                if m:
                    names = m.group("names") or m.group("senders") or m.group("absent")
                    if _names_only(names):
                        out.extend(p for p in _prose(names, "apologies")
                                   if _written_as_name(p.name) and not INITIALS_RE.match(p.name))
                    continue
                m = _NOT_CONTACTED.match(sentence)
                if m and _names_only(m.group("names")):
                    out.extend(p for p in _prose(m.group("names"), "absent") if _written_as_name(p.name))
    return out


# -- front matter ------------------------------------------------------------------------
def _from_meta(meta: dict) -> list[tuple[str, str | list[str]]]:
    """Attendance that front matter gives ("members:" with a list, "chair: …")."""
    out = []
    for key, value in meta.items():
        label = key.replace("_", " ").replace("-", " ")
        status = status_of_label(label)
        if status and value:
            out.append((status, value))
    return out


# -- tables ------------------------------------------------------------------------------
def _from_table(table: Table, status: str, require_names: bool) -> list[Attendee]:
    labelled = _label_table(table)
    if labelled is not None:
        return labelled
    g = grid(table)
    name_col = g.column("name")
    if name_col is None:
        return [] if require_names else _headerless(table, status)
    answers = _answer_column(g)
    out = []
    for row in g.body:
        if _repeats_header(row):
            continue
        name_text = g.text(row, "name")
        answer = g.text(row, "attendance") or (" ".join(row.cells[answers].text.split())
                                               if answers is not None and answers < len(row.cells) else "")
        person = parse_person(name_text, _row_status(answer) or status)
        if person is None:
            continue
        person.role = g.text(row, "role") or person.role
        person.organisation = g.text(row, "organisation") or person.organisation
        person.initials = g.text(row, "initials") or person.initials
        person.email = _without_email(g.text(row, "email"))[1] or person.email
        out.append(person)
    return out


def _repeats_header(row) -> bool:
    """A row inside a table whose cells all read as column headers ("Name |
    Member | Org"): the header again, not a person."""
    texts = [squash(c.text) for c in row.cells if c.text.strip()]
    return len(texts) >= 2 and all(column_kind(t) for t in texts)


_YES_NO = re.compile(r"^\W*(y|yes|n|no|present|absent|apologies|attended|✓|✔|✗|x)?\W*$", re.I)


def _answer_column(g) -> int | None:
    """A column whose header says nothing known (a date: "12_Feb_24") and whose
    cells all answer yes or no: who attended that meeting."""
    for k, kind in enumerate(g.kinds):
        if kind not in (None, "status"):
            continue
        cells = [" ".join(r.cells[k].text.split()) for r in g.body if k < len(r.cells)]
        if cells and all(_YES_NO.match(c) for c in cells) and any(c for c in cells):
            return k
    return None


_PARTICULAR_LABEL = re.compile(r"^(date|time|place|venue|location|where|when|chair(?:ed by)?|minutes?|secretary|"
                               r"clerk)\W*$", re.I)


def _label_table(table: Table) -> list[Attendee] | None:
    """A table whose first column labels its rows: "Present | Chairman: | Mrs Gardiner"
    then " | | Dunn" (the label holds for the rows below it), or "Attendees: | names"."""
    if not table.rows or len(table.rows[0].cells) < 2:
        return None
    rows, first = [], []
    for row in table.rows:  # every label of the first column names attendance or the meeting's particulars
        label = " ".join(row.cells[0].text.split()) if row.cells else ""
        if label and status_of_label(label) is None and not _PARTICULAR_LABEL.match(label):
            return None  # (asked row by row: a long table of something else is left at its first row)
        if label or any(c.text.strip() for c in row.cells):
            rows.append(row)
            first.append(label)
    if not rows or len(rows[0].cells) < 2 or not any(status_of_label(t) for t in first if t):
        return None
    out: list[Attendee] = []
    status = None
    role = None
    for row, label in zip(rows, first):
        if label:
            status = status_of_label(label)
            role = None
            if status is None:
                continue  # "Date: | …"
        if status is None:
            continue
        cells = [" ".join(c.text.split()) for c in row.cells[1:]]
        cells = [c for c in cells]
        if len(cells) >= 2 and (cells[0].endswith(":") or (cells[0] and ROLE_WORDS.search(cells[0]))
                                or not cells[0]):
            role = cells[0].rstrip(":").strip() or role
            names = " ".join(cells[1:])
            for person in _prose(names, status):
                person.role = person.role or role
                out.append(person)
        else:
            out.extend(_prose(" ".join(c for c in cells if c), status))
    return out


def _headerless(table: Table, status: str) -> list[Attendee]:
    """A table right under "Present" with no header row: names first, then
    role and organisation (or what the cells say)."""
    if any(grid(table).kinds):
        return []  # a header names its columns, and no column holds names
    rows = [r for r in table.rows if any(c.text for c in r.cells)]
    people = []
    for row in rows:
        texts = [" ".join(c.text.split()) for c in row.cells]
        person = parse_person(texts[0], status, strict=True) if texts else None
        if person is None or len(person.name.split()) < 2:
            continue
        rest = [t for t in texts[1:] if t]
        if len(rest) >= 2:
            person.role, person.organisation = rest[0], ", ".join(rest[1:])
        elif rest:
            if _row_status(rest[0]):
                person.status = _row_status(rest[0])
            elif ROLE_WORDS.search(rest[0]) and not _looks_like_org(rest[0]):
                person.role = rest[0]
            else:
                person.organisation = rest[0]
        people.append(person)
    return people if rows and len(people) * 2 >= len(rows) else []


def _row_status(text: str) -> str | None:
    if not text:
        return None
    if re.match(r"^\W*(y|yes|present|attended|✓|✔|x)\W*$", text, re.I):
        return "present"
    return status_of_label(text) or (None if not re.match(r"^\W*(n|no|✗)\W*$", text, re.I) else "absent")


# -- roles --------------------------------------------------------------------------------
_ROLE_NAMES = [(re.compile(r"^chair", re.I), "Chair"), (re.compile(r"^scribe", re.I), "Scribe"),
               (re.compile(r"^(minutes?|minute[- ]?taker|note[- ]?taker)", re.I), "Minute-taker"),
               (re.compile(r"^secretary", re.I), "Secretary"), (re.compile(r"^clerk", re.I), "Clerk"),
               (re.compile(r"^facilitat", re.I), "Facilitator"), (re.compile(r"^host", re.I), "Host"),
               (re.compile(r"^recorde", re.I), "Minute-taker"), (re.compile(r"^presid", re.I), "Chair")]


def role_name(label: str) -> str:
    """ "Chaired by" -> "Chair", "Scribe(s)" -> "Scribe", "Minutes taken by" -> "Minute-taker"."""
    label = label.strip(" :*")
    for pattern, name in _ROLE_NAMES:
        if pattern.match(label):
            return name
    return label[:1].upper() + label[1:]


def _set_roles(found: _Found, text: str, label: str, block) -> None:
    """ "Chair: Tzviya Siegman" gives Tzviya Siegman the role "Chair"; someone
    named only there was present all the same."""
    role = role_name(label)
    people = found.all()
    for part in _SPLIT_PROSE.split(text):
        if not part:
            continue
        key = name_key(part)
        if not key or _NOT_NAMES.match(part.strip()):
            continue
        matches = [p for p in people if name_key(p.name) == key or name_key(p.name).split()[:1] == key.split()
                   or (p.initials and p.initials.lower() == part.strip().lower())]
        if not matches:
            officer = role in ("Clerk", "Minute-taker", "Secretary", "Scribe")
            person = parse_person(part, "in_attendance" if officer else "present", strict=True)
            if person is not None:
                person.role = role
                found.add([person], block)
            continue
        for person in matches:
            if not person.role:
                person.role = role


# -- one person, once -------------------------------------------------------------------------
def _dedupe(entries: list[tuple[Attendee, int | None]]) -> list[Attendee]:
    """One person named twice is one attendee.  Two entries of one list are two
    people even where their names fold alike ("Mrs Gardiner" and "Gardiner")."""
    seen: dict[str, tuple[Attendee, int | None]] = {}
    out = []
    entries = _split_glued(entries)
    for person, source in entries:
        key = name_key(person.name)
        if key in seen:
            first, where = seen[key]
            if where == source and source is not None and person.name != first.name:
                out.append(person)
                continue
            first.initials = first.initials or person.initials
            first.role = first.role or person.role
            first.organisation = first.organisation or person.organisation
            first.email = first.email or person.email
            continue
        seen[key] = (person, source)
        out.append(person)
    return out


def _split_glued(entries: list[tuple[Attendee, int | None]]) -> list[tuple[Attendee, int | None]]:
    """ "John Foster Ruby Kelly" where a comma was left out: when another entry
    is the first two or three words, the rest is a second person."""
    keys = {name_key(p.name) for p, _ in entries if len(p.name.split()) >= 2}
    out = []
    for person, source in entries:
        words = person.name.split()
        split = next((k for k in (2, 3) if len(words) - k >= 2 and name_key(" ".join(words[:k])) in keys), None)
        if split is None or name_key(" ".join(words[:split])) == name_key(person.name):
            out.append((person, source))
            continue
        second = Attendee(name=" ".join(words[split:]), role=person.role, organisation=person.organisation,
                          status=person.status)
        out.append((Attendee(name=" ".join(words[:split]), initials=person.initials, status=person.status), source))
        out.append((second, source))
    return out
