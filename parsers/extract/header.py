"""The meeting itself: title, subtitle, date, start and end times, location."""
from __future__ import annotations

import re

from parsers.blocks import lines_of, paragraphs, raw_lines
from parsers.document import Document, Heading, Paragraph, Table
from parsers.extract.result import Result
from parsers.patterns import (DATE_PATTERNS, date_in, ABSENT_LABEL, ACTIONS_LABEL, APOLOGIES_LABEL, REVIEW_LABEL, BadDate, FURNITURE_LABEL, Gated,
                              IN_ATTENDANCE_LABEL, PRESENT_LABEL, YEARLESS_DATE, find_date, month_first_dates,
                              parse_time, split_number)
from parsers.records import Meeting

_LABELLED = re.compile(r"\b(?P<label>date|time|start(?:s|ed)?|finish(?:ed)?|end(?:ed)?|location|venue|place|"
                       r"where|held at|meeting room|room)\s*:\s*", re.I)
_PLACEHOLDER = re.compile(r"^\(.*\)$|\bmeeting title\b|^untitled\b|^\W*draft\W*$", re.I)
# "The meeting closed at 9.15pm", "Meeting ended 10:30"; a line that opens "Close 8.40pm"
_CLOSED = Gated(re.compile(r"\b(?:meeting|session|call|it)\s+(?:was\s+)?(?:closed|ended|finished|concluded|"
                           r"terminated|adjourned|closes)\b", re.I),
                "closed", "ended", "finished", "concluded", "terminated", "adjourned", "closes")
_CLOSE_LINE = re.compile(r"^\W*(?:close[ds]?|end(?:ed)?|finish(?:ed)?)\b\s*(?:of meeting)?", re.I)
_RANGE = re.compile(r"(?P<a>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:-|–|—|to|until)\s*"
                    r"(?P<b>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)", re.I)
_TITLE_DATE_TAIL = re.compile(r"\s*[–—\-|:,]\s*[^–—\-|:,]*$")
_MAX_HEADER_BLOCKS = 10
# "Sent: 20 March 2024", "Posted on …", "Published …": when the minutes went out, not when the meeting was
_POSTED_LINE = re.compile(r"^\W*(?:sent|date sent|posted|published|printed|circulated|issued|distributed|"
                          r"last (?:updated|modified|edited)|updated|modified)\b", re.I)
# "Tuesday12th March": a weekday run into the date
_WEEKDAY_GLUED = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?=\d)", re.I)


def extract(document: Document) -> Result:
    """Meeting details from the top of the document (and its metadata)."""
    meeting = Meeting()
    consumed: set[int] = set()
    warnings: list[str] = []
    region = _front(document.blocks)

    title_block, title, subtitle = _title(region, document.blocks)
    if title_block is not None:
        meeting.title, meeting.subtitle = title, subtitle
        consumed.add(id(title_block))
    if meeting.title is None or _PLACEHOLDER.search(meeting.title) or FURNITURE_LABEL.match(meeting.title):
        meta_title = _meta(document, "title")
        if meta_title:
            meeting.title = _strip_date(meta_title)
    if title_block is None and meeting.title and region and isinstance(region[0], Heading) \
            and " ".join(region[0].text.split()) == " ".join(meeting.title.split()):
        consumed.add(id(region[0]))  # the page's first heading says the title its metadata gives: the title
    if title_block is not None and meeting.subtitle is None:
        k = region.index(title_block)
        nxt = region[k + 1] if k + 1 < len(region) else None
        after = region[k + 2] if k + 2 < len(region) else None
        if (isinstance(nxt, Heading) or (isinstance(nxt, Paragraph) and (nxt.style or "").lower() == "subtitle")) \
                and _subtitle_like(nxt.text) and not _prose(after) and not _a_section(nxt, document.blocks, after):
            meeting.subtitle = nxt.text
            consumed.add(id(nxt))

    us_dated = month_first_dates(" ".join(b.text for b in region if not isinstance(b, Table)))
    posted = None  # a date the minutes were sent, posted or published on: the meeting's only when no other is
    for block in region:
        if isinstance(block, Table):
            continue
        lines = [_WEEKDAY_GLUED.sub(r"\g<0> ", " ".join("".join(r.text for r in ln).split())) for ln in raw_lines(block)]
        kept = [ln for ln in lines if not _POSTED_LINE.match(ln)]
        if len(kept) < len(lines) and posted is None:
            posted = date_in("\n".join(ln for ln in lines if _POSTED_LINE.match(ln)))
        text = "\n".join(kept)
        try:
            date, m = find_date(text, month_first=us_dated)
        except BadDate as exc:
            warnings.append(f"the meeting date '{exc.text}' ({block.loc or 'at the top'}) is not a real date")
            continue
        if not date:
            if _labelled(text, meeting):
                consumed.add(id(block))
            continue
        if meeting.date is None:
            meeting.date = date
            _details(text, m, meeting, in_title=block is title_block)
            if block is not title_block:
                consumed.add(id(block))
    if meeting.date is None and posted:
        meeting.date = posted
    if meeting.date is None and _meta(document, "date"):
        try:
            meeting.date = find_date(_meta(document, "date"))[0]
        except BadDate as exc:
            warnings.append(f"the meeting date '{exc.text}' in the document's metadata is not a real date")
    if meeting.date is None:
        meeting.date = _year_from_elsewhere(region, document)
    if meeting.end_time is None:
        meeting.end_time = _closing_time(document)
    return Result(meeting, warnings, consumed)


def _year_from_elsewhere(region: list, document: Document) -> str | None:
    """A date the minutes write without its year ("Monday 6 November"), the year
    taken from the title or front matter; else the date of the front matter's title."""
    title = _meta(document, "title") or ""
    titled = date_in(title)
    for block in region:
        if isinstance(block, Table):
            continue
        m = YEARLESS_DATE.search(block.text)
        if not m:
            continue
        year = re.search(r"\b(19|20)\d{2}\b", " ".join(v for v in document.meta.values() if isinstance(v, str)))
        if titled and (date_in(f"{m.group(0)} {titled[:4]}") == titled):
            return titled  # the title says the same day, with its year
        if year:
            found = date_in(f"{m.group(0)} {year.group(0)}")
            if found:
                return found
    return titled


def _meta(document: Document, key: str) -> str | None:
    """A text value of the document's metadata (front matter lists are not one)."""
    value = document.meta.get(key)
    return value if isinstance(value, str) else None


def _front(blocks: list) -> list:
    """The blocks before the attendance list, the first table or the first item."""
    out = []
    for block in blocks[:_MAX_HEADER_BLOCKS]:
        if isinstance(block, Table):
            break
        first = block.text.split("\n", 1)[0].strip()
        head = first.split(":", 1)[0]
        if any(p.match(head) for p in (PRESENT_LABEL, APOLOGIES_LABEL, IN_ATTENDANCE_LABEL, ABSENT_LABEL)):
            break
        if out and (split_number(first) and not date_in(first)):
            break
        out.append(block)
    return out


def _title(region: list, blocks: list) -> tuple[object, str | None, str | None]:
    """The block holding the title, the title, and a subtitle on the next line.
    A heading that names a section (its level is that of the sections after it)
    is never the title."""
    for k, block in enumerate(region):
        if isinstance(block, Heading):
            if _only_a_date(block.text) or _PLACEHOLDER.search(block.text):
                continue  # a heading that is only a date, or a "- DRAFT -" banner
            if _a_section(block, blocks, region[k + 1] if k + 1 < len(region) else None):
                break
            if block.label or split_number(block.text):
                return None, None, None  # the minutes open with their first item
            return block, block.text.strip().rstrip(":"), None
    for block in region:
        if isinstance(block, Paragraph) and block.level is None:
            lines = lines_of(block, join_wraps=False)
            if lines and lines[0].bold and len(lines[0].text.split()) <= 15:
                return block, lines[0].text.rstrip(":"), _second_line(lines)
    # plain text: a short first line that is neither a date nor a label
    first = next((b for b in region if isinstance(b, Paragraph)), None)
    if first is not None and first.level is None:
        lines = lines_of(first, join_wraps=False)
        if lines and _subtitle_like(lines[0].text) and ":" not in lines[0].text \
                and (len(lines) > 1 or _stands_alone(region, first)):
            return first, lines[0].text, _second_line(lines)
    return None, None, None


def _a_section(heading, blocks: list, after) -> bool:
    """A heading at a level later headings share, with text under it, is the first
    section of the minutes ("## Budget" / "Agreed."), not a subtitle."""
    if not isinstance(heading, Heading):
        return False
    if REVIEW_LABEL.search(heading.text) or ACTIONS_LABEL.match(heading.text.strip()):
        return True  # "Review of actions", "Matters arising", "Apologies": a part of the minutes by its name
    shared = any(b is not heading and isinstance(b, Heading) and b.level == heading.level
                 and not _PLACEHOLDER.search(b.text) and not _only_a_date(b.text) for b in blocks)
    return shared and not (isinstance(after, Paragraph) and date_in(after.text)) and not date_in(heading.text)


def _prose(block) -> bool:
    """Running text (which makes the heading above it a section, not a subtitle)."""
    if not isinstance(block, Paragraph) or block.level is not None:
        return False
    text = block.text
    return len(text.split()) >= 6 and not date_in(text) and not _LABELLED.search(text)


def _only_a_date(text: str) -> bool:
    """ "08 October 2025", "Tuesday 3 March 2016" (not "TSC Meeting 2015-06-03")."""
    try:
        _, m = find_date(text)
    except BadDate:
        return False
    if m is None:
        return False
    rest = (text[:m.start()] + " " + text[m.end():]).split()
    return all(re.match(r"^\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day\W*$|^\W*$", w, re.I) for w in rest)


def _stands_alone(region: list, block) -> bool:
    """A short first line on its own, with no heading anywhere near, and the
    date below it: the title of a plain-text document."""
    return not any(isinstance(b, Heading) for b in region) and len(block.text.split()) <= 10 \
        and any(b is not block and isinstance(b, Paragraph) and date_in(b.text) for b in region[:4])


def _second_line(lines) -> str | None:
    if len(lines) > 1 and _subtitle_like(lines[1].text) and ":" not in lines[1].text \
            and not re.match(r"^(minutes|held|meeting held)\b", lines[1].text, re.I):
        return lines[1].text
    return None


def _subtitle_like(text: str) -> bool:
    if date_in(text) or len(text.split()) > 12:
        return False
    head = text.split(":", 1)[0]
    return not any(p.match(head) for p in (PRESENT_LABEL, APOLOGIES_LABEL, IN_ATTENDANCE_LABEL,
                                            ABSENT_LABEL, FURNITURE_LABEL))


def _strip_date(title: str) -> str:
    """ "WoT Thing Description – 08 October 2025" -> "WoT Thing Description";
    "Minutes - Cabinet - 5 May 2021" -> "Cabinet"."""
    tail = _TITLE_DATE_TAIL.search(title)
    if tail and date_in(tail.group(0)) and tail.start() > 0:
        title = title[:tail.start()]
    title = re.sub(r"^\s*(?:draft\s+)?minutes\s*(?:of\s+(?:the\s+)?)?[–—\-|:,]?\s*(?=\S)", "", title, flags=re.I)
    return title.strip()


def _labelled(text: str, meeting: Meeting) -> bool:
    """Read "Time: …", "Location: …" lines; True when the block held any."""
    found = False
    for line in text.split("\n"):
        marks = list(_LABELLED.finditer(line))
        for k, m in enumerate(marks):
            value = line[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(line)].strip(" ,;")
            label = m.group("label").lower()
            if not value:
                continue
            found = True
            if label in ("time",) or label.startswith("start"):
                _times(value, meeting)
            elif label == "date":
                found = date_in(value)
                rest = value
                if found:
                    m = [p.search(value) for p in DATE_PATTERNS]
                    m = min((x for x in m if x), key=lambda x: x.start(), default=None)
                    rest = value[m.end():] if m else value
                _times(rest, meeting)
            elif label.startswith(("finish", "end")):
                meeting.end_time = meeting.end_time or parse_time(value)
            elif label != "date":
                meeting.location = meeting.location or value
    return found


def _times(text: str, meeting: Meeting) -> None:
    """A start time, or a range "10:00 - 12:30" / "2-4pm" giving both."""
    rng = _RANGE.search(text)
    if rng:
        a, b = rng.group("a"), rng.group("b")
        if re.search("p", b, re.I) and not re.search("[ap]", a, re.I) and _hour(a) <= _hour(b) < 12:
            a += "pm"  # "2-4pm": both afternoon
        meeting.start_time = meeting.start_time or parse_time(a) or parse_time(a + ":00")
        meeting.end_time = meeting.end_time or parse_time(b)
        return
    meeting.start_time = meeting.start_time or parse_time(text)


def _hour(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _details(text: str, m, meeting: Meeting, in_title: bool = False) -> None:
    """Times and place written with the date: "9th December 2015 15:00GMT\\nVideo meeting"."""
    _labelled(text, meeting)
    lines = text.split("\n")
    # the line with the date, and the lines after it
    offset = 0
    for k, line in enumerate(lines):
        if offset <= m.start() < offset + len(line) + 1:
            after = line[m.end() - offset:]
            if not _LABELLED.search(line):
                _times(after, meeting)
                at = re.search(r"\b(?:at|in|held at|venue)\s+(?:the\s+)?(?P<place>[A-Z][^,.;]*(?:,\s*[A-Z][^,.;]*)*)",
                               after)
                if at and not parse_time(at.group("place")):
                    meeting.location = meeting.location or at.group("place").strip()
                if meeting.location is None and not in_title:
                    meeting.location = _place_beside_date(line[:m.start() - offset], after)
            for rest in lines[k + 1:k + 3]:
                rest = rest.strip()
                if not rest or _LABELLED.search(rest):
                    continue
                if parse_time(rest) and len(rest.split()) <= 4:
                    _times(rest, meeting)
                elif meeting.location is None and len(rest.split()) <= 12:
                    meeting.location = rest
            break
        offset += len(line) + 1


_TIME_WORDS = re.compile(r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|hrs)?|\d{1,2}\s*(?:[ap]\.?m\.?|hrs))\s*"
                         r"(?:\(?(?:GMT|BST|UTC|CET|CEST|[ECMP][SD]T)\)?)?"
                         r"|\b(?:minutes|meeting|held|on|from|to|until|start(?:ing|s)?|time|(?:mon|tues|wednes|thurs|"
                         r"fri|satur|sun)day)\b", re.I)
_MEETING_WORDS = re.compile(r"\b(?:meeting|minutes|committee|board|group|session|forum|council|agm)\b", re.I)
_SEPARATORS = re.compile(r"\s*(?:[–—|,;]|\s-\s|\s{2,})\s*")


def _place_beside_date(before: str, after: str) -> str | None:
    """ "21st November 2017, 3pm  Rutherford Appleton Lab, STFC" -> "Rutherford Appleton Lab, STFC";
    "Minutes – 1st April 2015 – 14:00 – DLS – UK" -> "DLS, UK"."""
    parts = []
    for side in (before, after):
        for part in _SEPARATORS.split(_TIME_WORDS.sub(" ", side)):
            part = part.strip(" .:()-")
            if part and part[0].isupper() and not date_in(part) and not _MEETING_WORDS.search(part):
                parts.append(part)
    place = ", ".join(parts)
    return place if parts and len(place.split()) <= 10 else None


def _closing_time(document: Document) -> str | None:
    for para in paragraphs(document.blocks):
        text = para.text
        if len(text) > 300:
            continue
        for line in text.split("\n"):
            m = _CLOSE_LINE.match(line) or _CLOSED.search(line)
            if m:
                found = parse_time(line[m.start():])
                if found:
                    return found
    return None
