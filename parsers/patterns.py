"""Every shared pattern: initials, speaker cues, item labels, dates, times, cues.

Rules key on the structure of minutes (a label that names a section, a column
that means "Action", initials in brackets), never on one document's wording.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re

from parsers import vocabulary as V
from parsers.document import squash
from parsers.vocabulary import words_pattern


class Gated:
    """A regex that can only match text holding one of ``needles`` (lower case)
    and, when ``and_one_of`` is given, one of those too.

    Python's ``re`` is slow on case-blind alternations of words; most lines of
    minutes hold none of the words a cue needs, and a substring test in C says
    so far sooner.  Behaves as the compiled pattern for match, search, split,
    sub and finditer."""

    __slots__ = ("regex", "needles", "and_one_of", "fold")

    def __init__(self, regex: re.Pattern, *needles: str, and_one_of: tuple[str, ...] = ()) -> None:
        self.regex = regex
        self.needles = needles
        self.and_one_of = and_one_of
        self.fold = any(ch.isalpha() for needle in needles + and_one_of for ch in needle)  # else case is moot

    def could_match(self, text: str, low: str | None = None) -> bool:
        """``low`` is ``text.lower()`` where the caller has it already."""
        if low is None:
            low = text.lower() if self.fold else text
        return _holds_one(low, self.needles) and (not self.and_one_of or _holds_one(low, self.and_one_of))

    def match(self, text: str, *args):
        return self.regex.match(text, *args) if self.could_match(text) else None

    def search(self, text: str, *args):
        return self.regex.search(text, *args) if self.could_match(text) else None

    def finditer(self, text: str, *args):
        return self.regex.finditer(text, *args) if self.could_match(text) else iter(())

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.regex.split(text, maxsplit) if self.could_match(text) else [text]

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if self.could_match(text) else text

    @property
    def pattern(self) -> str:
        return self.regex.pattern


def _holds_one(text: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False


# -- people ------------------------------------------------------------------
# Initials as minutes write them: "DP", "SMcB", "SDGR", "JKM".
# "RGb"/"RGr": a last small letter tells two people with the same capitals apart.
INITIALS = r"(?:[A-Z](?:[a-z]{0,2}[A-Z]){1,4}(?:[a-z](?![a-z]))?)"
INITIALS_RE = re.compile(rf"^{INITIALS}$")
# A handle by which notes name people: "@achen"
HANDLE = r"(?:@[A-Za-z0-9][\w.-]{0,38})"
HANDLE_RE = re.compile(rf"^{HANDLE}$")
# A name: one to five capitalised words ("Jane Smith", "Cagil Ulusahin Sonmez",
# "Kátia Nakamura", "Jacob Kaplan-Moss", "Marisa DeMeglio", "Laurent Le Meur").
NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|(?:de|da|van|von|der|le|la|du|di|del|bin|al)(?=\s))"
NAME = rf"(?:{NAME_WORD}(?:[ ]{NAME_WORD}){{0,4}})"
TITLES = rf"(?:(?i:{words_pattern(V.TITLES)})\.?)"
PERSON_RE = re.compile(rf"^(?:{TITLES}\s+)?{NAME}$")
ALL_OWNERS = re.compile(rf"^{words_pattern(V.ALL_WORDS)}$", re.I)
# "??", "TBC", "-": an owner cell that names nobody.
NO_OWNER = re.compile(rf"^(?:\?+|-+|–|—|\.+|{words_pattern(V.NO_OWNER_WORDS)})$", re.I)
OWNER_SPLIT = re.compile(r"\s*(?:/|,|&|;|\+|\band\b)\s*")
ROLE_WORDS = re.compile(rf"\b{words_pattern(V.ROLE_WORDS)}\b", re.I)

# -- speakers ----------------------------------------------------------------
# "PR: How does …", "SMcB – We will …", "Tzviya Siegman: …", "Shelly – …"
SPEAKER_CUE = re.compile(
    rf"^(?P<who>{INITIALS}|{NAME}|<[\w.-]+>|[a-z][\w.-]{{1,20}})\s*(?P<sep>:|\s[–—-]\s)\s*(?P<rest>.*)$", re.S)
# An IRC line: "<nick> text"
IRC_CUE = re.compile(r"^<(?P<who>[\w.\-|\[\]`^{}]{1,30})>\s*(?P<rest>.*)$", re.S)
# A cue in the middle of a line after a sentence end: "…value?  PG: In general …"
INNER_CUE = Gated(re.compile(rf"[.?!](\s+)(?={INITIALS}\s*:\s)"), ":")  # no look-behind: 2.4x faster


def split_at_inner_cues(text: str) -> list[str]:
    """``text`` cut where another speaker starts after a sentence end (the spaces between dropped)."""
    out, start = [], 0
    for m in INNER_CUE.finditer(text):
        out.append(text[start:m.start(1)])
        start = m.end()
    out.append(text[start:])
    return out
# Words that end in a colon but are labels, not speakers.
NOT_SPEAKERS = re.compile(rf"^{words_pattern(V.LABEL_WORDS)}$", re.I)

# -- items -------------------------------------------------------------------
# Item numbers in every common scheme: "4", "4.2", "4(a)", "5b", "19.09.08", "25/001",
# "2024/031", a committee prefix ("PC 25/001", "FIN/24/03"), roman numerals ("IV"),
# letters ("b", "(c)"), numbers written as words ("Item Three").
_NUMBER = (r"(?:\d{1,3}(?:\.\d{1,3})+\.?(?:\s?\(?[a-z]\))?"        # 4.2, 19.09.08, 0.1.
           r"|\d{2,4}/\d{1,4}(?:/\d{1,4})?"                     # 25/001, 2024/031
           r"|\d{1,3}(?:\s?\([a-z]{1,3}\)|[a-z](?![a-z]))?"          # 4, 4(a), 5b
           r"|(?-i:[IVX]{1,5}|[ivx]{2,5})(?![a-z])"                 # IV, iii (a lone i/v/x is a letter)
           r"|[a-z](?![a-z0-9]))")                                 # a) b. (c)
_PREFIX = r"(?:(?:agenda\s+)?item\s*(?=[\d(\[])|minute\s*(?=[\d(\[])|min\.\s*|no\.\s*|(?-i:[A-Z]{1,5})(?:\s|/)?(?=\d))"
WORD_NUMBERS = {w: str(k) for k, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split(), 1)}
_WORD_NUMBER = r"(?:" + "|".join(WORD_NUMBERS) + r")"
# A label cell or heading prefix that is only a number: "4", "4.", "Item 4", "(3)", "Minute 12", "[2]"
ITEM_LABEL = re.compile(
    rf"^(?:{_PREFIX})?[(\[]?(?P<num>{_NUMBER})[)\]]?[.):]?$|^(?:item|minute)\s+(?P<word>{_WORD_NUMBER})[.:]?$", re.I)
# A line that starts with a number and a title: "1. Welcome", "Item 3 - Finance", "[4] Budget",
# "IV. Accounts", "b) Night buses", "PC 25/001 Planning", "Item Two: Finance"
NUMBERED_TITLE = re.compile(
    rf"^(?:{_PREFIX})?(?:[(\[](?P<pnum>{_NUMBER})[)\]]|(?P<num>{_NUMBER})(?:[.):]|\s+[–—-]|(?=\s)))\s*"
    rf"(?P<title>[^\s.].*)$"
    rf"|^(?:item|minute)\s+(?P<word>{_WORD_NUMBER})(?:[.):]|\s+[–—-])?\s+(?P<wtitle>\S.*)$",
    re.I | re.S)
# Numbers that need more than a bare digit to be read as one: a letter or a roman numeral
# opens many sentences ("A new role was …", "I think …"), so it needs ")" or "." after it.
_WEAK_NUMBER = re.compile(r"^(?:[a-z]|[ivx]{1,5})$", re.I)


def split_number(text: str) -> tuple[str, str] | None:
    """ "4.2 Budget" -> ("4.2", "Budget"); "b) Night buses" -> ("b", "Night buses"); None
    when the line does not open with an item number."""
    m = NUMBERED_TITLE.match(text.strip())
    if not m:
        return None
    if m.group("word"):
        return WORD_NUMBERS[m.group("word").lower()], m.group("wtitle")
    if m.group("pnum"):
        return clean_number(m.group("pnum")), m.group("title")
    number = m.group("num")
    mark = m.string[m.end("num"):m.end("num") + 1]
    if _WEAK_NUMBER.match(number) and mark not in (")", "."):
        return None  # "A new role …", "I think …"
    if mark in (".", ":") and m.group("title")[:1].isdigit() and m.start("title") == m.end("num") + 1:
        return None  # "7.30pm", "10:15": a time, not item 7
    return clean_number(number), m.group("title")


def clean_number(number: str) -> str:
    """ "4." -> "4", "4 (a)" -> "4a", "IV" -> "iv"."""
    return re.sub(r"[\s()\[\]]", "", number).rstrip(".").lower()


def item_number(text: str) -> str | None:
    """The bare item number of a label cell or heading prefix, or None."""
    m = ITEM_LABEL.match(text.strip())
    if not m:
        return None
    if m.group("word"):
        return WORD_NUMBERS[m.group("word").lower()]
    return clean_number(m.group("num"))


# -- sections ----------------------------------------------------------------
def _words(words: tuple[str, ...]) -> re.Pattern:
    """A label that is one of ``words`` and nothing else (signs around it aside)."""
    return re.compile(rf"^\W*{words_pattern(words)}\W*$", re.I)


PRESENT_LABEL = _words(V.PRESENT_LABELS)
IN_ATTENDANCE_LABEL = _words(V.IN_ATTENDANCE_LABELS)
APOLOGIES_LABEL = _words(V.APOLOGIES_LABELS)
ABSENT_LABEL = _words(V.ABSENT_LABELS)
ROLE_LABEL = _words(V.ROLE_LABELS)
# Sections that summarise the actions of this meeting.
ACTIONS_LABEL = _words(V.ACTIONS_SECTIONS)
# Sections that report on the actions of earlier meetings.
REVIEW_LABEL = re.compile(rf"\b(?:{words_pattern(V.REVIEW_SECTIONS)}|actions?\b.{{0,30}}\b"
                          rf"{words_pattern(V.EARLIER_WORDS)} (?:meetings?|minutes)|"
                          rf"{words_pattern(V.EARLIER_WORDS)}\s+(?:meeting|minutes)(?:['’]s?)?\s+actions?)\b", re.I)
DECISIONS_LABEL = _words(V.DECISIONS_SECTIONS)
# Headings that are furniture, not agenda items.
FURNITURE_LABEL = _words(V.CONTAINER_SECTIONS)
# Furniture whose sub-sections list what was planned or linked, not what was minuted.
PLANNED_LABEL = _words(V.PLANNED_SECTIONS)
NEXT_MEETING = re.compile(r"^\W*(?:date (?:and time )?of (?:the )?next meeting|next meeting)\b", re.I)

# -- table columns -------------------------------------------------------------
HEADER_WORDS = frozenset(w for words in V.COLUMN_WORDS.values() for w in words) | frozenset(V.HEADER_EXTRA)
COLUMN_KINDS = [(kind, re.compile(rf"^{words_pattern(words)}$", re.I)) for kind, words in V.COLUMN_WORDS.items()]


def column_kind(header: str) -> str | None:
    h = " ".join(header.strip().rstrip(":").split())
    for kind, pattern in COLUMN_KINDS:
        if pattern.match(h):
            return kind
    return None


# -- statuses ----------------------------------------------------------------
_END = r"(?=\W|$)"
_STATUS_CELL_EXTRA = ("n/a", "na", "no", "passed", "failed", "amber", "red")
DONE_WORDS = re.compile(rf"^\W*{words_pattern(V.DONE_WORDS)}{_END}", re.I)
NOT_DONE = re.compile(rf"(?<!\w){words_pattern(V.OPEN_WORDS)}{_END}", re.I)
DROPPED_WORDS = re.compile(rf"(?<!\w){words_pattern(V.DROPPED_WORDS)}{_END}", re.I)
# A cell that only says how far something got ("Done", "In progress", "c/f", "Ongoing")
STATUS_CELL = re.compile(rf"^\W*{words_pattern(V.DONE_WORDS + V.OPEN_WORDS + V.DROPPED_WORDS + _STATUS_CELL_EXTRA)}\W*$",
                         re.I)


def status_of(note: str | None) -> str:
    """``done``, ``open`` or ``dropped`` from the words of a status cell."""
    text = (note or "").strip()
    if not text:
        return "open"
    if DROPPED_WORDS.search(text):
        return "dropped"
    if NOT_DONE.search(text):
        return "open"
    if DONE_WORDS.search(text):
        return "done"
    return "open"


# -- decisions -----------------------------------------------------------------
# "RESOLVED:", "Resolved that", "Agreed:", "Decision:", "Resolution #2:", "Outcome:": a line that says it
# records a decision
DECISION_LABEL = re.compile(
    r"^\W*(?:(?:unanimously\s+|formally\s+|further\s+)?(?:resolved|agreed|decided|approved)(?:\s+unanimously)?"
    r"(?:\s*[:.–—-]\s*|\s+that\s+|\s*$)"
    r"|(?:decisions?|resolution(?:\s*[#-]?\s*[\w-]*\d[\w-]*)?|outcome|agreed actions?|policy decision|"
    r"decision taken|decision made)\s*[:–—-]\s*)", re.I)
# A heading that says it approved what it lists ("Grants approved"); "Decisions" names a section instead
DECISION_HEADING = re.compile(r"\b(approved|agreed|adopted|ratified|resolved)\W*$", re.I)

# -- actions -----------------------------------------------------------------
# "Action: JS to …", "ACTION – DP/SMcB: …", "Actions: All", "ACTION: Jane to …"
# An action's own reference: "2.1", "12", or letters and digits ("TC-48", "AM-2016-01", "A7")
ACTION_REF = r"(?:(?:[A-Z]{1,6}[-/.]?){0,3}\d{1,4}(?:[./-]\d{1,4}){0,3}[a-z]?)"
ACTION_CUE = Gated(re.compile(
    rf"^\W*(?:new\s+)?actions?(?:\s+(?:points?|items?))?(?:\s*(?:no\.?\s*)?#?\s*[-–]?\s*(?P<ref>{ACTION_REF}))?"
    r"(?:\s+(?P<prep>on|for|by))?\W*?(?:\s*[:–—-]\s*|\s+(?=(?-i:[A-Z])))(?P<rest>.*)$", re.I | re.S),
    "action")
# "(Action: All)", "[ACTION: JS]", "(ACTION)", "(Action 2.1)"
# "(action item for Board, to be presented in May)": the owner, then more of the task
ACTION_TAG = Gated(re.compile(r"[(\[]\s*actions?(?:\s+(?:items?|points?))?\s*(?:#?\s*(?P<ref>\d{1,3}(?:\.\d{1,3})*[a-z]?))?\s*"
                              r"(?:(?:[:–—-]|\s(?:for|by|on)\b)\s*(?P<who>[^)\],]*))?(?P<more>,[^)\]]*)?[)\]]\.?", re.I),
                   "action")
# The owners that open a task: "JS to …", "JS/AK: …", "JS and AK will …"
OWNER_LEAD = re.compile(
    rf"^(?P<who>(?:{INITIALS}|{NAME}|{HANDLE}|all(?:\s+[a-z]+)?|everyone|everybody)"
    rf"(?:\s*(?:/|,|&|\+|\band\b)\s*(?:{INITIALS}|{NAME}|{HANDLE}))*)"
    r"(?:\s*\((?:with|and|\+)\s+(?P<co>[^()]{2,40})\))?"  # "AL (with BR) to …": a co-owner in brackets
    r"\s*(?:(?P<colon>[:–—-])\s*|\s+(?P<verb>to|will|agreed to|offered to|is to|are to|should|would|"
    r"has agreed to|have agreed to|undertook to|volunteered to|needs? to|must)\s+)(?P<rest>.+)$", re.S)

# -- dates and times -----------------------------------------------------------
MONTHS = {m: i for i, m in enumerate(V.MONTHS, 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.-](?P<mon>\d{1,2})[/.-](?P<year>\d{4}|\d{2})\b")
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b"),
    # "10th - 11th March 2016", "3 and 4 May 2021": a meeting over two days is dated by its first
    re.compile(rf"\b{_DAY}\s*(?:-|–|—|to|and|&)\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b",
               re.I),
    re.compile(rf"\b{_DAY}(?:\s+of)?[\s-]+{_MONTH},?[\s-]+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b", re.I),
    NUMERIC_DATE,
    re.compile(rf"\b{_DAY}[/.-]{_MONTH}[/.-](?P<year>\d{{4}}|\d{{2}})\b", re.I),  # 16/Aug/2016, 03-Mar-19
]
TIME_RE = re.compile(
    r"(?<![\d/.:-])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?|hrs|h\b)?(?![\d/])", re.I)


class BadDate(ValueError):
    """A date written in the document that no calendar has (31/02/2015)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def find_date(text: str, month_first: bool = False) -> tuple[str | None, re.Match | None]:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``: numbers day first, unless
    ``month_first`` (a US-dated document) or only month first can be a date
    ("06/13/2018").

    Raises ``BadDate`` when the first date-shaped text is impossible.
    """
    best = None
    for pattern in DATE_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None, None
    parts = best.groupdict()
    year = int(parts["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    month = MONTHS[parts["month"].lower()[:3]] if parts.get("month") else int(parts["mon"])
    day = int(parts["day"])
    if parts.get("mon") and best.re is NUMERIC_DATE and (month_first or month > 12 >= day):
        day, month = month, day  # "06/13/2018" (or any numeric date of a US-dated document)
    try:
        return _dt.date(year, month, day).isoformat(), best
    except ValueError:
        raise BadDate(best.group(0)) from None


# "Monday 6 November", "6th of November", "November 6": a date that leaves its year to the title
_MONTH_ANY = _MONTH.replace("(?P<month>", "(?:")
_DAY_ANY = _DAY.replace("(?P<day>", "(?:")
YEARLESS_DATE = re.compile(rf"\b(?:{_DAY_ANY}(?:\s+of)?\s+{_MONTH_ANY}|{_MONTH_ANY}\s+{_DAY_ANY})\b(?!,?\s*\d)", re.I)


def yearless_after(text: str, anchor: str | None) -> str | None:
    """A date written without its year ("by 17 December", "Friday 4 Dec") as the
    first such day from a little before ``anchor`` (the meeting's ISO date) on: a
    deadline set in December for "15 January" falls in the next year."""
    if not anchor or not text:
        return None
    m = YEARLESS_DATE.search(text)
    if not m:
        return None
    meeting = _dt.date.fromisoformat(anchor[:10])
    found = date_in(f"{m.group(0)} {meeting.year}")
    if found is None:
        return None
    day = _dt.date.fromisoformat(found)
    if day < meeting - _dt.timedelta(days=31):
        return date_in(f"{m.group(0)} {meeting.year + 1}")
    return found


def month_first_dates(text: str) -> bool:
    """Numeric dates that can only be month first ("07/19/2018"): the document is US-dated."""
    for m in NUMERIC_DATE.finditer(text):
        if int(m.group("mon")) > 12 >= int(m.group("day")):
            return True
    return False


def date_in(text: str | None) -> str | None:
    """The first date in ``text`` as ISO, or None (also for an impossible one)."""
    try:
        return find_date(text or "")[0]
    except BadDate:
        return None


def parse_time(text: str) -> str | None:
    """``"11.15am"`` -> ``"11:15"``, ``"3pm"`` -> ``"15:00"``, ``"15:00GMT"`` -> ``"15:00"``."""
    for m in TIME_RE.finditer(text):
        hour, minute, ampm = int(m.group("h")), m.group("m"), (m.group("ampm") or "").lower()
        if minute is None and not ampm.startswith(("a", "p")):
            continue
        minute = int(minute or 0)
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    return None


def all_times(text: str) -> list[str]:
    out = []
    for m in TIME_RE.finditer(text):
        t = parse_time(m.group(0))
        if t:
            out.append(t)
    return out


# -- text ----------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?:;…)\]\"'’”]$")
# the break after a sentence's end: group 1 starts where the sentence stops (no look-behind: it
# would be tried at every position)
_SENTENCE_SPLIT = re.compile(r"[.!?]([\"'’”)]?\s+)(?=[\"'‘“(]?[A-Z0-9£$])")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(V.ABBREVIATIONS)


def sentences(text: str) -> list[str]:
    """Sentences of a text; "Cllr R. Evans" and "e.g. this" do not end one.

    The last 1,024 are kept (several extractors split the same long cells),
    a few hundred kilobytes at most; ``forget_sentences`` drops them when a
    document is done."""
    return list(_sentences(text))


def forget_sentences() -> None:
    _sentences.cache_clear()


@functools.lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[str, ...]:
    text = squash(text)
    out: list[str] = []
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        end = m.start(1)
        if text[end - 1] == ".":  # "Cllr R. Evans", "e.g. This": the word before the stop says
            word = text[text.rfind(" ", 0, end) + 1:end].rstrip(".\"'’”)").lstrip("(\"'‘“[").lower()
            if len(word) == 1 and word.isalpha() or word in _ABBREVIATIONS:
                continue
        out.append(text[start:end])
        start = m.end()
    out.append(text[start:])
    return tuple(s for s in out if s)


# A topic written before what is said of it: "Training stuff: Hanna is to …", "Newmarket Library –
# PC questioned …", "WQ/OL - Agreed …" (a short lead, then a colon or a spaced dash)
_TOPIC_LEAD = re.compile(r"^(?:[A-Z][\w .'’/&()-]{0,40}?:\s+(?=\S)|[A-Z][\w .'’/&()]{0,40}?\s[–—-]\s+(?=\S))")


def topic_off(text: str) -> str:
    """``text`` without a topic written before it."""
    text = text.strip()
    head = text[:48]
    if ":" not in head and " –" not in head and " —" not in head and " -" not in head:
        return text  # no colon or spaced dash where a topic would end: nothing to take off
    return _TOPIC_LEAD.sub("", text, count=1)


def first_sentence(text: str) -> str | None:
    parts = sentences(text)
    return parts[0] if parts else None
