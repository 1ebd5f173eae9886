"""Who was there: Present / Apologies / In attendance / Absent, from tables,
lists after a label, or prose ("Present: Cllr Jane Smith (JS), …")."""
from __future__ import annotations

import re
import unicodedata

from parsers.blocks import grid, paragraphs, raw_lines
from parsers.document import Document, Heading, Table, squash
from parsers.extract.result import Result
from parsers.patterns import (HANDLE_RE, ABSENT_LABEL, APOLOGIES_LABEL, IN_ATTENDANCE_LABEL, INITIALS_RE, PRESENT_LABEL,
                              ROLE_LABEL, ROLE_WORDS, TITLES, column_kind, sentences)
from parsers.extract.people import name_key
from parsers.records import Attendee

_STATUS_LABELS = [("apologies", APOLOGIES_LABEL), ("absent", ABSENT_LABEL),
                  ("in_attendance", IN_ATTENDANCE_LABEL), ("present", PRESENT_LABEL)]
_NUMBERED = re.compile(r"^\W*\d{1,2}(?:\.\d{1,2})*[.)]?\s")
_PAREN = re.compile(r"\(([^()]*)\)")
_SPLIT_PROSE = re.compile(r"\s*(?:[,;]|\band\b|\s&\s)\s*(?![^()]*\))")
_NAME_OK = re.compile(rf"^(?:{TITLES}\s+)?[^\W\d_][\w'’.\-]*(?:\s+[\w'’.\-]+){{0,5}}$")
_NOT_NAMES = re.compile(r"^(none|n/?a|nil|no one|nobody|tbc|tba|-+|all|everyone|see below|as above)$", re.I)
_DASH = re.compile(r"\s+[–—-]\s+")
_ADDRESS = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL = re.compile(rf"<\s*(?:mailto:)?({_ADDRESS})\s*>|\(\s*(?:mailto:)?({_ADDRESS})\s*\)|"
                    rf"\[\s*(?:mailto:)?({_ADDRESS})\s*\]|(?:mailto:)?({_ADDRESS})")
_EMPTY_BRACKET = re.compile(r"\(\s*[,;]?\s*\)|(?<=\()\s*[,;]\s*|\s*[,;]\s*(?=\))")


def status_of_label(text: str) -> str | None:
    """The attendance status a label names ("Apologies:" -> "apologies")."""
    label = " ".join(text.split()).strip(" :*#.-")
    label = re.sub(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)])\s+", "", label)  # "0. Attendance"
    for status, pattern in _STATUS_LABELS:
        if pattern.match(label):
            return status
    return None


def extract(document: Document) -> Result:
    people: list[Attendee] = []
    consumed: set[int] = set()
    warnings: list[str] = []
    status: str | None = None      # the section we are in
    expecting = False              # a bare label was just seen: a list or prose follows
    for block in document.blocks:
        if isinstance(block, Heading):
            status = status_of_label(block.text)
            expecting = status is not None
            if status and not _NUMBERED.match(block.text) and not block.label:
                consumed.add(id(block))  # a numbered "1. Apologies" stays an item too
            continue
        if isinstance(block, Table):
            found = _from_table(block, status or "present", require_names=status is None)
            if found:
                people.extend(found)
                consumed.add(id(block))
            status, expecting = None, False
            continue
        lines = [_text(ln) for ln in raw_lines(block)]
        label, rest = _label_and_rest(lines[0]) if lines else (None, "")
        label_status = status_of_label(label) if label is not None else None
        if label_status or (label is not None and ROLE_LABEL.match(label.strip(" :*"))):
            status, expecting = _label_lines(lines, people, status)
            if not _NUMBERED.match(label.strip(" *")) and not block.label:
                consumed.add(id(block))  # a numbered "1. Apologies" stays an item too
            continue
        if status and block.level == 0 and not block.label:
            found = [parse_person(line, status, strict=True) for line in lines]
            if found and all(found):
                people.extend(found)
                consumed.add(id(block))
                expecting = False
                continue
        if isinstance(expecting, str):
            _set_roles(people, " ".join(lines), expecting)
            consumed.add(id(block))
            expecting = False
            continue
        if status and expecting and block.level is None and _names_only(" ".join(lines)):
            people.extend(_prose(" ".join(lines), status))
            consumed.add(id(block))
            expecting = False
            continue
        status, expecting = None, False
    people.extend(_apologies_in_text(document))
    return Result(_dedupe(people), warnings, consumed)


_APOLOGIES_SENTENCE = re.compile(
    r"^(?:apologies(?: for absence)?\s+(?:were|was|had been|have been)\s+(?:received|given|noted|sent|tendered|"
    r"accepted)\s+(?:from|by|on behalf of)\s+(?P<names>.+?)"
    r"|(?P<senders>.+?)\s+(?:sent|gave|tendered|offered|had sent|has sent)\s+(?:(?:their|his|her)\s+)?apologies\b.*?)"
    r"\.?$", re.I)


def _apologies_in_text(document: Document) -> list[Attendee]:
    """ "Apologies were received from Rolf Krahl and Brian Matthews." """
    out = []
    for para in paragraphs(document.blocks):
        if "pologies" not in para.text:
            continue
        for sentence in sentences(para.text):
            m = _APOLOGIES_SENTENCE.match(sentence)
            if m:
                out.extend(p for p in _prose(m.group("names") or m.group("senders"), "apologies")
                           if _written_as_name(p.name) and not INITIALS_RE.match(p.name))
    return out


def _text(runs) -> str:
    return " ".join("".join(r.text for r in runs).split())


def _label_and_rest(text: str) -> tuple[str | None, str]:
    """ "Present: a, b" -> ("Present", "a, b"); "Attendance" -> ("Attendance", "")."""
    text = " ".join(text.split())
    if not text:
        return None, ""
    head, sep, rest = text.partition(":")
    if sep and len(head.split()) <= 6:
        return head, rest.strip()
    if len(text.split()) <= 6:
        return text, ""
    return None, ""


def _label_lines(lines: list[str], people: list[Attendee], status: str | None) -> tuple[str | None, bool | str]:
    """Lines of one paragraph such as "Present: …" / "Apologies: …", or a
    label followed by one name per line.  Returns the status reached and
    whether a list is still expected (a role label when names with that role
    are expected)."""
    expecting = False
    for line in lines:
        label, rest = _label_and_rest(line)
        label_status = status_of_label(label) if label is not None else None
        if label_status:
            status, expecting = label_status, not rest
            people.extend(_prose(rest, status))
        elif label is not None and ROLE_LABEL.match(label.strip(" :*")):
            if rest:
                _set_roles(people, rest, label)
            else:
                expecting = label  # the names follow: "Chair" / "Art_Barstow"
        elif isinstance(expecting, str):
            _set_roles(people, line, expecting)
            expecting = False
        elif status:
            people.extend(_prose(line, status))
            expecting = False
    return status, expecting


_PLURAL_TITLE = re.compile(r"^(councillors|cllrs|drs)\.?\s+", re.I)
_SINGULAR = {"councillors": "Councillor", "cllrs": "Cllr", "drs": "Dr"}


def _prose(text: str, status: str) -> list[Attendee]:
    """ "Councillors Bob Jones, Ann Lee and Raj Patel" -> three people."""
    out = []
    title = ""
    for part in _SPLIT_PROSE.split(text.strip().rstrip(".")):
        plural = _PLURAL_TITLE.match(part)
        if plural:
            title = _SINGULAR[plural.group(1).lower()] + " "
            part = title + part[plural.end():]
        elif title and not re.match(rf"^{TITLES}\s", part):
            part = title + part
        person = parse_person(part, status)
        if person:
            out.append(person)
    return out


def parse_person(text: str, status: str = "present", strict: bool = False) -> Attendee | None:
    """ "Cllr Jane Smith (JS), Head of Finance, Leicester City Council" -> Attendee.

    ``strict`` asks for a name written as one (capitalised words), for lines
    that might be something else."""
    text, email = _without_email(" ".join(text.replace("_", " ").split()))
    text = text.strip(" ,;.*•-–")
    if not text or _NOT_NAMES.match(text):
        return None
    initials = role = None
    notes = []
    bracket = _PAREN.search(text)
    handle = None
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        if HANDLE_RE.match(inner):
            handle = handle or inner
            continue
        head, _, tail = inner.partition(",")  # "(HW, Chair)"
        if _initials_of(head.strip().replace(".", ""), text) and initials is None:
            initials = head.strip().replace(".", "")
            if tail.strip():
                notes.append(tail.strip())
        elif inner:
            notes.append(inner)
    if bracket and initials and bracket.start() > 0 and _initials_of(
            bracket.group(1).partition(",")[0].strip().replace(".", ""), text):
        # "Sarah Jones (SJ) Chair": the name is what comes before the initials
        name_part, after = text[:bracket.start()], _PAREN.sub(" ", text[bracket.end():])
        parts = [name_part] + [p.strip() for p in re.split(r",|" + _DASH.pattern, after) if p.strip()]
    else:
        plain = _PAREN.sub(" ", text)
        parts = [p.strip() for p in re.split(r",|" + _DASH.pattern, plain) if p.strip()]
    if not parts:
        return None
    name = " ".join(parts[0].split())
    if not _NAME_OK.match(_skeleton(name)) or len(name) > 60 or (strict and not _written_as_name(name)):
        return None
    rest = parts[1:]
    organisation = None
    if rest and len(rest) >= 2 and ROLE_WORDS.search(rest[0]):
        role, rest = rest[0], rest[1:]
    elif rest and len(rest) == 1 and ROLE_WORDS.search(rest[0]) and not _looks_like_org(rest[0]):
        role, rest = rest[0], []
    if rest:
        organisation = ", ".join(rest)
    acronyms = [n for n in notes if re.fullmatch(r"[A-Z][A-Z&]{1,9}", n)]  # "(TSC)", "(NHS)"
    notes = [n for n in notes if n not in acronyms]
    if acronyms and organisation is None:
        organisation = ", ".join(acronyms)
    # "(Chair)", "(Assistant to Treasurer)" say a role; "(Fire Service)", "(Probation)" a body
    bodies = [n for n in notes if not ROLE_WORDS.search(n)]
    if bodies and organisation is None:
        organisation = ", ".join(bodies)
        notes = [n for n in notes if n not in bodies]
    if notes and role is None:
        role = "; ".join(notes)
    return Attendee(name=name, initials=initials, role=role, organisation=organisation, status=status, handle=handle,
                    email=email)


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


def _names_only(text: str) -> bool:
    """A paragraph that is a list of names ("Cristiano_Aguzzi, Dave_Raggett"), not a sentence."""
    parts = [p for p in _SPLIT_PROSE.split(text.strip().rstrip(".")) if p.strip()]
    return bool(parts) and all(_written_as_name(" ".join(_PAREN.sub(" ", _without_email(p)[0].replace("_", " ")).split()))
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
    words = re.sub(rf"^{TITLES}\s+", "", _skeleton(name)).split()
    return 1 <= len(words) <= 5 and all(
        w[0].isupper() or (w[0].isalpha() and not w[0].islower())  # scripts without capitals
        or w.lower() in ("de", "da", "van", "von", "der", "le", "la", "du", "di", "del", "bin", "al")
        for w in words) and not any(ch.isdigit() for ch in name)


def _looks_like_org(text: str) -> bool:
    return bool(re.search(r"\b(council|trust|police|nhs|ltd|limited|university|college|service|"
                          r"association|foundation|group|agency|department|authority)\b", text, re.I))


def _from_table(table: Table, status: str, require_names: bool) -> list[Attendee]:
    g = grid(table)
    name_col = g.column("name")
    if name_col is None:
        return [] if require_names else _headerless(table, status)
    out = []
    for row in g.body:
        if _repeats_header(row):
            continue
        name_text = g.text(row, "name")
        person = parse_person(name_text, _row_status(g.text(row, "attendance")) or status)
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
            if ROLE_WORDS.search(rest[0]) and not _looks_like_org(rest[0]):
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
    return status_of_label(text) or (None if not re.match(r"^\W*(n|no)\W*$", text, re.I) else "absent")


_ROLE_NAMES = [(re.compile(r"^chair", re.I), "Chair"), (re.compile(r"^scribe", re.I), "Scribe"),
               (re.compile(r"^(minutes?|minute[- ]?taker|note[- ]?taker)", re.I), "Minute-taker"),
               (re.compile(r"^secretary", re.I), "Secretary"), (re.compile(r"^clerk", re.I), "Clerk")]


def role_name(label: str) -> str:
    """ "Chaired by" -> "Chair", "Scribe(s)" -> "Scribe", "Minutes taken by" -> "Minute-taker"."""
    label = label.strip(" :*")
    for pattern, name in _ROLE_NAMES:
        if pattern.match(label):
            return name
    return label[:1].upper() + label[1:]


def _set_roles(people: list[Attendee], text: str, label: str) -> None:
    """ "Chair: Tzviya Siegman" gives Tzviya Siegman the role "Chair"; someone
    named only there was present all the same."""
    role = role_name(label)
    for part in _SPLIT_PROSE.split(text):
        key = name_key(part)
        if not key or _NOT_NAMES.match(part.strip()):
            continue
        found = [p for p in people if name_key(p.name) == key or name_key(p.name).split()[:1] == key.split()]
        if not found:
            officer = role in ("Clerk", "Minute-taker", "Secretary", "Scribe")
            person = parse_person(part, "in_attendance" if officer else "present", strict=True)
            if person is not None:
                person.role = role
                people.append(person)
            continue
        for person in found:
            if not person.role:
                person.role = role


def _dedupe(people: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    out = []
    for person in people:
        key = name_key(person.name)
        if key in seen:
            first = seen[key]
            first.initials = first.initials or person.initials
            first.role = first.role or person.role
            first.organisation = first.organisation or person.organisation
            first.email = first.email or person.email
            continue
        seen[key] = person
        out.append(person)
    return out
