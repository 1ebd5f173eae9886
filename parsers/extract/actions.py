"""Actions this meeting sets, and updates on the actions of earlier meetings.

Actions come from an Action column of the item table (initials there, the
task in the row's discussion), from inline cues ("Action: JS to …",
"ACTION – DP/SMcB: …", "(Action: All)", "… (ACTION)"), and from tables or
lists of this meeting's actions.  Rows and entries of a matters-arising or
review-of-actions section are updates.  An action stated twice is one.
"""
from __future__ import annotations

import functools
import heapq
import re
from collections import Counter
from itertools import chain

from parsers.blocks import Grid, Line, cell_lines, cell_struck, grid, lines_of, struck
from parsers.document import Heading, Paragraph, Table, block_text, squash
from parsers.extract.alike import Text, at_least
from parsers.extract.grammar import Owners, list_action, resolution_actions, sentence_actions, subject_of
from parsers.extract.people import Roster
from parsers.extract.items import Section
from parsers.extract.result import Result
from parsers.extract.speech import statements
from parsers.patterns import (ACTION_CUE, ACTIONS_LABEL, ACTION_TAG, ALL_OWNERS, DECISION_LABEL, DROPPED_WORDS, Gated, HANDLE_RE, INITIALS, INITIALS_RE,
                              NO_OWNER, NOT_DONE, OWNER_LEAD, OWNER_SPLIT, PERSON_RE, date_in, item_number,
                              sentences, status_of)
from parsers.records import Action, Update
from parsers.vocabulary import LIST_LINKS, ROLE_OWNERS, words_pattern

_TRAILING_OWNER = re.compile(rf"\s*(?:[(\[]\s*(?P<a>[^()\[\]]+?)\s*[)\]]|\s[–—-]\s*(?P<b>(?:{INITIALS})(?:\s*[/,&]\s*{INITIALS})*))\.?\s*$")
_LEAD_VERBS = re.compile(rf"^{words_pattern(LIST_LINKS)}\s+", re.I)  # "will", "to", "agreed to", … before a task
_REF = re.compile(r"^\W*(?:action\s*(?:no\.?|number|#)?\s*)?(?P<ref>\d{1,3}(?:\.\d{1,3})*[a-z]?)"
                  r"(?:\s*[:.)–—-]\s+|\s+(?=\())(?P<rest>.+)$", re.I)
# "(PC to update the policy): complete" -> the action, then its status
_BRACKETED = re.compile(r"^\((?P<what>[^()]+)\)\s*[:.,–—-]?\s*(?P<status>.*)$")
# "[NEW] ACTION: …", "[PENDING] ACTION: …" (scribe tools' action summaries)
# "- [ ] @achen to …", "- [x] …": a task list's boxes
_HANDLE_LEAD = re.compile(r"^(?P<who>@[A-Za-z0-9][\w.-]{0,38})\s+(?P<rest>[a-z].+)$", re.S)
_CHECKBOX = re.compile(r"^\s*\[([ xX✓✔]?)\]\s*")
_SCRIBE_STATUS = re.compile(r"^\s*\[(?:new|pending|done|dropped|continued|continuing|recorded in [^\]]*)\]\s*", re.I)
_NAMED_TAIL = re.compile(r"\s+[–—-]\s*(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*\.?$")
_NAME_AND_INITIALS = re.compile(rf"(?:(?<=^)|(?<=[;/,&]))\s*[^;,&()]*?\s*\((?P<ini>{INITIALS})\)\s*(?=$|[;/,&])")
_BARE_REF = re.compile(r"\s*\((\d{1,3}\.\d{1,3}[a-z]?)\)\.?\s*$")
# Owners named by their role: "Chair to write …", "the Clerk will …"
_ROLE_OWNER = re.compile(rf"^(?:the\s+)?{words_pattern(ROLE_OWNERS)}$", re.I)
# "… before the next meeting. **Action: JS**": an owner cue after the sentence
# "… before the next meeting. **Action: JS**", "…, action Mags", "…, c/f action Jon": the owner after the task
_TRAILING_CUE = Gated(re.compile(r"(?:^|(?<=[\s,;(–—-]))\W*(?:c/?f\s+|carried\s+forward,?\s+)?actions?\s*(?:[:–—-]\s*)?"
                                 r"(?P<who>[^.:;,()]{1,60}?)\W*$", re.I), "action")
# "…, action Mags to check." / "… (action Jess to keep on case)": a cue, its owner and a short task, ending a sentence
_TRAILING_TASK = Gated(re.compile(r"(?<=\S)\s*[,;(–—-]\s*(?:c/?f\s+)?(?i:actions?)\s*(?:[:–—-]\s*)?"
                                  r"(?P<who>[A-Z][^.:;,()]{0,40}?)\s+(?:to|will)\s+(?P<task>[a-z][^.:;()]{1,80}?)"
                                  r"\W*$"), "action")
# the body of a cue that ends with its owners: "contact the venue, Ann and Bob by Friday 4 Dec"
_OWNERS_AFTER = re.compile(r"^(?P<task>.+?)(?:,\s*|\s+[–—-]\s*)(?P<who>[^,–—]{2,80}?)"
                           r"(?:\s+(?:by|before)\s+(?P<due>[^,]{3,40}?))?\.?$", re.S)
_OWNERS_DUE = re.compile(r"^(?P<who>.{2,80}?),?\s+(?:by|before)\s+(?P<due>[^,()]{3,40}?)\.?(?:\s*\([^()]*\))?\.?$",
                         re.S)
# "DP to write to the police – done": the status after the task
_STATUS_TAIL = re.compile(r"\s+[–—-]+\s*(?P<status>[^–—]{1,60})$")
_DUE = re.compile(r"\b(?:by|before|due(?: by| on)?|no later than|deadline:?)\s+(?P<when>.{6,40})$", re.I)


def extract(sections: list[Section], roster: Roster, owners: Owners | None = None) -> Result:
    actions: list[Action] = []
    updates: list[Update] = []
    warnings: list[str] = []
    owners = owners or Owners(roster)
    for section in sections:
        item = section.number
        if section.kind == "review":
            for g, row in section.rows:  # the Action column of an item table
                start = len(actions)
                _row_action(g, row, item, roster, actions)
                if _row_struck(g, row):
                    _done(actions[start:])
            _review(section, roster, updates, actions, owners)
            continue
        if section.kind == "actions":
            start = len(actions)
            _action_section(section, roster, actions, owners)
            for action in actions[start:]:
                action.listed = True
            continue
        for g, row in section.rows:
            start = len(actions)
            _row_action(g, row, item, roster, actions)
            if _row_struck(g, row):
                _done(actions[start:])
            if section.parts:
                _place(actions[start:], section.parts)
        # where an item table has an Action column, that column says who acts, not the discussion
        owned_by_column = any(g.column("action") is not None or g.column("owner") is not None
                              for g, _ in section.rows)
        before = None  # the line above, within the item: "Action: Ann" alone takes its task from it
        last_where = None  # where that line is
        steps: int | None = None  # the list level of a "Next steps:" entry whose entries are tasks
        steps_from = 0  # where its tasks begin
        for block in section.blocks:
            if isinstance(block, Table):
                _action_table(block, item, roster, actions, updates, section)
                before = None
            elif isinstance(block, (Paragraph, Heading)):
                previous: list[str] | None = None  # who the last action of the paragraph was for
                for said in statements([block], roster):
                    start = len(actions)
                    line = said.line
                    if steps is not None and (line.level is None or line.level <= steps):
                        steps = None  # the entries under "Next steps:" are over
                    if steps is not None and line.level > steps + 1 and len(actions) > steps_from:
                        last = actions[-1]  # "Update documents:" / "- cover letter": the details of the task above
                        detail = re.sub(r"\s*<?https?://\S+>?", "", line.text).rstrip(". ") or line.text
                        last.text = (f"{last.text} " if last.text.endswith(":") else f"{last.text}; ") + \
                            detail[:1].lower() + detail[1:]
                        continue
                    if steps is not None:  # an entry under "Next steps:": a task, its owner if it names one
                        listed = list_action(line.text, owners)
                        lead = None if listed else split_lead(line.text, roster, strict=False)
                        actions.append(Action(item, listed.owners, _capital(listed.task), where=line.loc) if listed
                                       else Action(item, lead[0], lead[1], where=line.loc) if lead
                                       else Action(item, [], line.text.rstrip("."), where=line.loc))
                        before, last_where = said.text, line.loc
                        continue
                    if line.level is not None and line.text.rstrip().endswith(":") and \
                            ACTIONS_LABEL.match(line.text.strip().rstrip(":")):
                        steps, steps_from = line.level, len(actions)  # "- Next steps:" with the tasks under it
                        continue
                    found = [a for action in cued_actions(said.line, item, roster, said.text, before, owners)
                             for a in _split_second(action, roster)]
                    mark = _owner_line(said, roster) if not found and before and said.line.level is None else None
                    if mark and not (actions and actions[-1].where == last_where):
                        # "BR" on a line of its own under what was said: the owner of its last sentence
                        actions.append(Action(item, mark, _capital(_last_sentence(before)), where=said.line.loc))
                    elif found:
                        actions.extend(found)
                        previous = found[-1].owners or previous
                    elif not owned_by_column:
                        for action in prose_actions(said, item, owners, previous):
                            actions.append(action)
                            previous = action.owners
                    if len(actions) > start and struck(said.line.runs):
                        _done(actions[start:])
                    before, last_where = said.text, said.line.loc
    for action in actions:
        action.due = action.due or due_in(action.text)
        if action.due is None and action.due_text is None:
            action.due_text = _due_words(action.text)
    kept, alike = _dedupe(actions, roster)
    return Result((kept, updates), warnings + alike)


def _owner_line(said, roster: Roster) -> list[str] | None:
    """A line that is only the initials of people the attendance has ("BR", "AL / BR")."""
    text = said.text.strip(" .*")
    if said.who is not None or not text or len(text) > 24 or not text.replace(" ", "").replace("/", "").replace(
            ",", "").replace("&", "").isupper():
        return None
    found = owners_of(text, roster)
    return found if found and all(INITIALS_RE.match(o) and roster.knows(o) for o in found) else None


def _place(found: list[Action], parts: list[Section]) -> None:
    """An action of an item table's row belongs to the sub-item whose text holds its task."""
    for action in found:
        probe = action.text[:60].lower()
        for part in parts:
            if probe and any(probe in block_text(b).lower() for b in part.blocks):
                action.item = part.number
                break


def _row_struck(g: Grid, row) -> bool:
    """A table row crossed out: its action (or owner) cell, or every cell it fills."""
    cell = g.cell(row, "action") or g.cell(row, "owner")
    if cell is not None and cell.text.strip():
        return cell_struck(cell)
    filled = [c for c in row.cells if c.text.strip()]
    return bool(filled) and all(cell_struck(c) for c in filled)


def _done(entries: list) -> None:
    """A task crossed out is a task done."""
    for entry in entries:
        if entry.status == "open":
            entry.status = "done"


def prose_actions(said, item: str | None, owners: Owners, previous: list[str] | None = None) -> list[Action]:
    """Actions said in running text or a list entry without a cue word
    ("Hanna is to oversee …", "Chris/Pat create the outline", "(Roland) Draft …")."""
    line = said.line
    out: list[Action] = []
    said_sentences = sentences(said.text) or [said.text]
    if line.level is not None or line.label is not None or _TYPED_NUMBER.match(line.text):
        # an entry of a list: "Ann: load …" is an owner and a task, not a speaker
        found = list_action(line.text if len(said_sentences) == 1 else _first_of(line.text), owners)
        if found:
            out.append(Action(item, found.owners, _capital(found.task), where=line.loc))
            said_sentences = said_sentences[1:]
            previous = found.owners
    speaker = said.who if said.who and owners.one(said.who, groups=False) else None
    for sentence in said_sentences:
        label = DECISION_LABEL.match(sentence)
        if label:  # "RESOLVED: the group will publish …" is what was decided; an officer told to act acts
            for found in resolution_actions(sentence[label.end():], owners):
                out.append(Action(item, found.owners, _capital(found.task), where=line.loc))
            continue
        found_all = sentence_actions(sentence, owners, speaker, previous)
        for found in found_all:
            out.append(Action(item, found.owners, _capital(found.task), where=line.loc))
        previous = found_all[-1].owners if found_all else (subject_of(sentence, owners) or previous)
    return out


_TYPED_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\s")


def _first_of(text: str) -> str:
    said = sentences(text)
    return said[0] if said else text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _due_words(text: str) -> str | None:
    """ "… by the next meeting" -> "the next meeting" (a deadline that is not a date)."""
    m = _DUE.search(text.rstrip(". "))
    return m.group("when").strip() if m else None


def due_in(text: str) -> str | None:
    """A date the text gives as the deadline ("… by 31/03/2016")."""
    m = _DUE.search(text.rstrip(". "))
    return date_in(m.group("when")) if m else None


# -- owners ------------------------------------------------------------------------
def owners_of(text: str, roster: Roster, strict: bool = True) -> list[str] | None:
    """The owners a cell or lead names ("DP/SMcB", "TG & BM", "All"), or None
    when the text is not just owners."""
    text = squash(text).strip(" .:;*")
    if not text or NO_OWNER.match(text):
        return []
    out = []
    text = _NAME_AND_INITIALS.sub(r"\g<ini>", text)  # "Daxa Pancholi (DP)" -> "DP"
    for part in OWNER_SPLIT.split(text):
        part = part.strip(" .()")
        if not part:
            continue
        if ALL_OWNERS.match(part):
            out.append("All")
        elif INITIALS_RE.match(part) or HANDLE_RE.match(part) or roster.knows(part) or _ROLE_OWNER.match(part) or \
                (not strict and PERSON_RE.match(part) and len(part.split()) <= 4):
            out.append(part)
        elif NO_OWNER.match(part):
            continue
        else:
            return None
    return out


def _task(text: str) -> str:
    """ "will get further information …" -> "Get further information …"."""
    text = _LEAD_VERBS.sub("", text.strip()).strip()
    text = text.rstrip(" .")
    return text[:1].upper() + text[1:] if text else text


def split_lead(text: str, roster: Roster, strict: bool = True) -> tuple[list[str], str] | None:
    """ "JS/AK to circulate the paper" -> (["JS", "AK"], "Circulate the paper");
    "@bdiaz merge the docs PR" -> (["@bdiaz"], "Merge the docs PR")."""
    m = OWNER_LEAD.match(text.strip())
    if not m:
        handle = _HANDLE_LEAD.match(text.strip())
        return ([handle.group("who")], _task(handle.group("rest"))) if handle else None
    owners = owners_of(m.group("who"), roster, strict=strict or not m.group("colon"))
    if not owners:
        return None
    co = owners_of(m.group("co"), roster, strict=False) if m.group("co") else None
    owners = owners + [o for o in co or [] if o not in owners]
    rest = m.group("rest")
    return owners, (_task(rest) if m.group("verb") else rest.strip().rstrip("."))


# -- inline cues ---------------------------------------------------------------------
_TOPIC_AFTER_CUE = re.compile(r"^\W*actions?\s+\w+\s+[-–—:]\s", re.I)  # "Action Plan - the plan …": a topic


def _owners_in(text: str, roster: Roster, people: Owners | None) -> list[str] | None:
    """The owners a phrase names: as the cell and lead rules read them, else by the grammar's owner phrase."""
    found = owners_of(text, roster, strict=False)
    if found:
        return found
    return people.read(text.strip(" .*"), groups=True) if people is not None else None


_INNER_CUE = re.compile(r"(?<=[^\s:])\s+(?=\**actions?\s*:)", re.I)  # not "ACTION-7: Action: …" (one cue said twice)


def cued_actions(line: Line, item: str | None, roster: Roster, text: str, before: str | None,
                 people: Owners | None = None) -> list[Action]:
    """The actions a line marks with a cue word, one a sentence where it holds
    several ("Look at the insurance, action Mick. Also find the key, action Jon.")."""
    if "action" not in text.lower():
        return []
    # a cue inside a sentence starts a part of its own: "… administrators for the page Action: JA by 17 Dec"
    parts = [piece for sentence in sentences(text) for cut in _INNER_CUE.split(sentence)
             for piece in _after_dates(cut) if piece.strip()]
    cued = [k for k, part in enumerate(parts) if "action" in part.lower()]
    one = parts[cued[0]] if len(cued) == 1 else ""
    if len(parts) <= 1 or not cued or one and (cued[0] == 0 or ACTION_TAG.search(one)) \
            and not _TRAILING_CUE.search(one) and not _TRAILING_TASK.search(one):
        # one cue, opening the line or tagging it "(ACTION)": the line is its body
        found = inline_action(line, item, roster, text, before, people)
        return [found] if found else []
    out = []
    for k in cued:
        found = inline_action(line, item, roster, parts[k], parts[k - 1] if k else before, people)
        if found:
            out.append(found)
    return out


# "… by Friday 04 Dec A Zoom link is to be sent …": a deadline, then the next sentence with no stop between
_DATE_THEN_SENTENCE = re.compile(r"\b(?:by|before)\s+(?:[A-Z][a-z]+day\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|"
                                 r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?P<gap>\s+)(?=[A-Z][a-z]*\s+[A-Za-z]+\s+[a-z])")


def _after_dates(text: str) -> list[str]:
    """``text`` cut where a deadline is followed by a new sentence without a stop."""
    out, start = [], 0
    for m in _DATE_THEN_SENTENCE.finditer(text):
        out.append(text[start:m.start("gap")])
        start = m.end("gap")
    out.append(text[start:])
    return out


# "Danny to contact IAM and John to contact DAM, by end January": two owners, a task each
_SECOND_TASK = re.compile(r"^(?P<first>.+?)\s+and\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?:to|will)\s+"
                          r"(?P<task>[a-z].+?)(?P<due>,?\s+(?:by|before)\s+[^,]{3,40})?\.?$", re.S)


def _split_second(action: Action, roster: Roster) -> list[Action]:
    """One cue that gives two people a task each is two actions (the deadline after both is both's)."""
    m = _SECOND_TASK.match(action.text) if " and " in action.text else None
    who = owners_of(m.group("who"), roster) if m and roster.knows(m.group("who")) else None
    if not m or not who or not action.owners or set(who) & set(action.owners):
        return [action]
    due = m.group("due") or ""
    second = Action(action.item, who, _capital(m.group("task").strip()) + due, ref=None, where=action.where)
    action.text = m.group("first").strip(" ,;") + due
    return [action, second]


def inline_action(line: Line, item: str | None, roster: Roster, text: str | None = None,
                  before: str | None = None, people: Owners | None = None) -> Action | None:
    """An action written in a line ("Action: JS to …", "… (ACTION)"); ``text``
    is the line without its speaker cue, ``before`` the line above (the task
    when the cue names only its owners: "Action: JS")."""
    text = line.text if text is None else text
    if "action" not in text.lower():
        return None  # every cue below names an action
    tag = ACTION_TAG.search(text)
    if tag:
        body = " ".join((text[:tag.start()] + (tag.group("more") or "") + " " + text[tag.end():]).split()).strip(" .;")
        who = (tag.group("who") or "").strip()
        ref = tag.group("ref")
        if who:
            return Action(item, owners_of(who, roster, strict=False) or [], body, ref=ref, where=line.loc)
        lead = split_lead(body, roster)
        if lead:
            return Action(item, lead[0], lead[1], ref=ref, where=line.loc)
        return Action(item, _subject(body, roster), body + ".", ref=ref, where=line.loc)
    trailing = _TRAILING_TASK.search(text)
    if trailing:  # "…, action Mags to check.": the owner and a short task after the cue
        owners = owners_of(trailing.group("who"), roster) or (
            people.read(trailing.group("who").strip(" .*"), strangers=False) if people is not None else None)
        if owners:
            task = trailing.group("task").strip()
            if len(task.split()) <= 3:  # "check", "keep on case": what of is said before the cue
                context = _context(text[:trailing.start()], before)
                task = f"{task}: {context}" if context else task
            return Action(item, owners, _capital(task), where=line.loc)
    trailing = _TRAILING_CUE.search(text)
    if trailing:
        # after the task, the owner must be someone known: "Summary of Action Items" names nobody
        owners = owners_of(trailing.group("who"), roster) or (
            people.read(trailing.group("who").strip(" .*"), strangers=False) if people is not None else None)
        if owners:
            task = re.sub(r"(?:,|;|\bc/?f)\s*$", "", text[:trailing.start()].strip()).strip(" ,;–—-")
            task = _last_sentence(task) if task else _last_sentence(before or "")
            if task:
                return Action(item, owners, _capital(task), where=line.loc)
    cue = ACTION_CUE.match(text)
    if not cue or not cue.group("rest").strip() or _TOPIC_AFTER_CUE.match(text):
        return None
    rest, ref = cue.group("rest").strip(), cue.group("ref")
    again = ACTION_CUE.match(rest)  # "ACTION-TC-48: Action: LM - check …": the cue said twice
    if again and again.group("rest").strip() and not again.group("ref"):
        rest = again.group("rest").strip()
    bare_ref = _BARE_REF.search(rest)
    if bare_ref:  # "… licence. (2.8)"
        rest, ref = rest[:bare_ref.start()].strip(), ref or bare_ref.group(1)
    only_owners = owners_of(re.sub(r"\s*\([^()]*\)\s*$", "", rest), roster, strict=False)
    if only_owners and before:
        return Action(item, only_owners, _last_sentence(before), ref=ref, where=line.loc)
    lead = split_lead(rest, roster, strict=False)
    if lead:
        owners, task = lead
        return Action(item, owners, task, ref=ref, where=line.loc)
    due_only = _OWNERS_DUE.match(rest)  # "Action: Ann and Bob by 20 Dec": the task is what was said before
    if due_only and before and _owners_in(due_only.group("who"), roster, people):
        return Action(item, _owners_in(due_only.group("who"), roster, people), _last_sentence(before), ref=ref,
                      where=line.loc, due_text=due_only.group("due"))
    after = _OWNERS_AFTER.match(rest)
    if after and _owners_in(after.group("who"), roster, people):
        return Action(item, _owners_in(after.group("who"), roster, people), after.group("task").strip(), ref=ref,
                      where=line.loc, due_text=after.group("due"))
    owners: list[str] = []
    tail = _TRAILING_OWNER.search(rest)
    if tail:
        found = owners_of(tail.group("a") or tail.group("b") or "", roster, strict=False)
        if found:
            owners, rest = found, rest[:tail.start()]
    return Action(item, owners, rest.strip().rstrip("."), ref=ref, where=line.loc)


def _subject(text: str, roster: Roster) -> list[str]:
    """Initials or attendees that open a sentence: "BM has changed roles …" -> ["BM"]."""
    m = re.match(rf"^((?:{INITIALS}|[A-Z][\w'’-]+)(?:\s*(?:,|/|&|\band\b)\s*(?:{INITIALS}|[A-Z][\w'’-]+))*)\s+[a-z]",
                 text)
    if not m:
        return []
    owners = owners_of(m.group(1), roster)
    return [o for o in owners or [] if o != "All" and (INITIALS_RE.match(o) or roster.knows(o))]


def _context(text: str, before: str | None) -> str:
    """What a short task after a cue is about: the clause before the cue, or (when
    the cue's sentence is only about who did what) the sentence before it."""
    text = text.strip(" ,;–—-")
    clause = re.split(r"\s*(?:[,;]|\s[–—-])\s+", text)[-1].strip(" .") if text else ""
    if before and len(before.split()) <= 15 and (not clause or _COMMENT.match(clause)):
        return before.strip().rstrip(".")  # "…, but as yet he hasn't, action Mags to check": the line above
    return clause


_COMMENT = re.compile(r"^(?:but|and|although|though|however|as yet|yet|so|he|she|they|it|who|which)\b", re.I)


def _last_sentence(text: str) -> str:
    said = sentences(text)
    return (said[-1] if said else text).strip().rstrip(".")


# -- the item table's Action column -------------------------------------------------
def _row_action(g: Grid, row, item: str | None, roster: Roster, actions: list[Action]) -> None:
    cell = g.cell(row, "action") or g.cell(row, "owner")
    if cell is None or not cell.text.strip():
        return
    cell_text = squash(cell.text)
    owners = owners_of(cell_text, roster)
    where = row.loc
    marks = [ln.text for ln in cell_lines(cell) if ln.text.strip()]
    if owners is None and len(marks) >= 2 and all(owners_of(m, roster) for m in marks):
        _marks_beside(g, row, marks, item, roster, actions)  # "JP" / "DH": a mark beside each task
        return
    if owners is None:
        lead = split_lead(cell_text, roster, strict=False)
        if lead:
            actions.append(Action(item, lead[0], lead[1], where=where))
        else:
            actions.append(Action(item, [], cell_text.rstrip("."), where=where))
        return
    discussion = g.cell(row, "text") or g.cell(row, "notes")
    text = _task_sentence([ln.text for ln in cell_lines(discussion)] if discussion else [], owners)
    actions.append(Action(item, owners, text, where=where))


def _marks_beside(g: Grid, row, marks: list[str], item: str | None, roster: Roster, actions: list[Action]) -> None:
    """An action cell holding several owners' marks, one under the other: each mark
    sits beside the part of the discussion it is for.  A mark whose owner the
    discussion names takes the sentence that names them; the others go, in order,
    with the last paragraphs of the discussion (the marks stand level with them)."""
    discussion = g.cell(row, "text") or g.cell(row, "notes")
    paras = [ln.text for ln in cell_lines(discussion) if ln.text.strip()] if discussion else []
    free = paras[-len(marks):] if len(paras) >= len(marks) else paras
    for k, mark in enumerate(marks):
        owners = owners_of(mark, roster) or []
        named = [o for o in owners if o != "All" and any(re.search(rf"(?<!\w){re.escape(o)}(?!\w)", p) for p in paras)]
        if named:
            text = _task_sentence(paras, owners)
        else:
            beside = free[k] if k < len(free) else (paras[-1] if paras else "")
            text = _last_sentence(beside) if beside else ""
        actions.append(Action(item, owners, text, where=row.loc))


def _task_sentence(lines: list[str], owners: list[str]) -> str:
    """The sentence of a row that gives the owners their task."""
    named = [o for o in owners if o != "All"]
    # only the sentences that name an owner are looked at below: lines that name none are not split
    said = [sentence for line in lines if any(o in line for o in named) for sentence in sentences(line)]
    for line in reversed(lines):  # "ACTION – DP/SMcB: circulate …" in the row itself
        cue = ACTION_CUE.match(line)
        lead = split_lead(cue.group("rest"), Roster([]), strict=False) if cue else None
        if lead and set(lead[0]) & set(owners):
            return lead[1]
    for sentence in reversed(said):
        for owner in named:
            if owner not in sentence:
                continue  # a regex that opens with a look-behind scans every position: ask str first
            m = re.search(rf"(?<![\w]){re.escape(owner)}\s+(?P<rest>(?:will|to|agreed to|is to|should|"
                          rf"has agreed to|undertook to|offered to|needs? to)\s+.+)$", sentence)
            if m:
                if re.search(r"\b(?:which|who|whom|that)\s+$", sentence[:m.start()]):
                    return sentence.rstrip(".")  # "…, which GR will report on": the clause alone says too little
                return _task(m.group("rest"))
    for sentence in reversed(said):
        if any(o in sentence and re.search(rf"(?<![\w]){re.escape(o)}(?![\w:])", sentence) for o in named):
            return sentence.rstrip(".")
    last = sentences(lines[-1]) if lines else []
    return last[-1].rstrip(".") if last else ""


# -- tables of actions ----------------------------------------------------------------
def _action_table(table: Table, item, roster: Roster, actions: list[Action], updates: list[Update],
                  section: Section, review: bool = False) -> None:
    g = grid(table)
    text_kind = "action" if g.column("action") is not None else "text"
    if g.column(text_kind) is None or (g.column("owner") is None and section.kind != "actions" and not review):
        return
    for row in g.body:
        text = g.text(row, text_kind)
        if not text:
            continue
        owner = g.text(row, "owner")
        owners = owners_of(owner, roster, strict=False)
        if owners is None:
            owners = [owner]
        note = g.text(row, "status") or None
        notes = g.text(row, "notes") or None
        number = g.text(row, "number")
        ref = item_number(number) if number else None
        due_words = g.text(row, "due") or None
        due = date_in(due_words or "")
        where = row.loc or table.loc
        status = status_of(note)
        if status == "open" and _row_struck(g, row):
            status = "done"  # crossed out
        if review:
            updates.append(Update(item, ref, owners, text.rstrip("."), status,
                                  "; ".join(x for x in (note, notes) if x) or None, due, where))
        else:
            actions.append(Action(item, owners, text.rstrip("."), due, status, ref, where,
                                  due_text=None if due else due_words, listed=True))


def _action_section(section: Section, roster: Roster, actions: list[Action], people: Owners | None = None) -> None:
    """A list of this meeting's actions: "Owner: task" entries, or tasks under a
    bold owner line, or a table.  Where tasks are grouped under owner lines,
    the unowned tasks before the first group are everyone's."""
    owner_label: list[str] | None = None
    label_level = -1  # the list level of the owner line: the entries under it are the owner's
    start = len(actions)
    crossed: int | None = None  # where the actions of a line crossed out begin
    for block in section.blocks:
        if isinstance(block, Table):
            _action_table(block, section.number, roster, actions, [], section)
            continue
        if not isinstance(block, Paragraph):
            continue
        for line in lines_of(block):
            if crossed is not None:
                _done(actions[crossed:])  # the line before was crossed out
            crossed = len(actions) if struck(line.runs) else None
            level = -1 if line.level is None else line.level
            if owner_label is not None and label_level >= 0 and level <= label_level:
                owner_label, label_level = None, -1  # the owner's entries are over
            ends_label = line.text.rstrip().endswith(":")
            if (line.level is None and line.bold or ends_label) and len(line.text.split()) <= 5:
                found = owners_of(line.text.rstrip(": "), roster, strict=False)
                if found:
                    if owner_label is None and label_level < 0 and line.level is None:
                        for action in actions[start:]:  # the first group: what came before it is everyone's
                            action.owners = action.owners or ["All"]
                    owner_label, label_level = found, level if line.level is not None else -1
                    continue
            if ends_label and len(line.text.split()) <= 8 and not split_lead(line.text, roster, strict=False):
                continue  # a heading inside the list ("Action items and next steps:")
            if owner_label is not None and label_level >= 0 and level > label_level:
                actions.append(Action(section.number, list(owner_label), line.text.rstrip("."), where=line.loc))
                continue
            if line.level is not None and line.level > 0 and actions:
                actions[-1].text = f"{actions[-1].text} ({line.text[:1].lower()}{line.text[1:].rstrip('.')})"
                continue
            box = _CHECKBOX.match(line.text)
            said = _SCRIBE_STATUS.sub("", line.text[box.end():] if box else line.text)
            entry = inline_action(line, section.number, roster, said)
            if entry is None and box:
                lead = split_lead(line.text[box.end():], roster, strict=False)
                entry = Action(section.number, lead[0] if lead else list(owner_label or []),
                               lead[1] if lead else line.text[box.end():].strip().rstrip("."), where=line.loc)
            if entry is not None and box and box.group(1).strip():
                entry.status = "done"  # "- [x] …": ticked
            if entry is None:
                lead = split_lead(line.text, roster, strict=False)
                if lead:
                    entry = Action(section.number, lead[0], lead[1], where=line.loc)
                elif line.level is None and not owner_label:
                    continue  # a loose line, not an entry of the list
                else:
                    listed = list_action(line.text, people) if people is not None and not owner_label else None
                    entry = Action(section.number, listed.owners, _capital(listed.task), where=line.loc) if listed \
                        else Action(section.number, list(owner_label or []), line.text.rstrip("."), where=line.loc)
                    tail = _TRAILING_OWNER.search(line.text)
                    if tail and not owner_label and not listed:
                        found = owners_of(tail.group("a") or tail.group("b") or "", roster, strict=False)
                        if found:
                            entry.owners, entry.text = found, line.text[:tail.start()].rstrip(" .")
                    lead_by = _LEAD_BY.search(entry.text) if not entry.owners and people is not None else None
                    if lead_by:  # "…, with the Vice President taking the lead on this"
                        entry.owners = people.read((lead_by.group("who") or lead_by.group("who2")).strip(), groups=True) or []
            if not entry.owners and _PROMPT.match(entry.text):
                continue  # "LIST ACTIONS AND ACTIONEES": a template's prompt left in, not an action
            actions.append(entry)
        if crossed is not None:
            _done(actions[crossed:])
            crossed = None


_PROMPT = re.compile(r"^[^a-z]*[A-Z]{2,}(?:\s+[A-Z&/]{2,}){2,}[^a-z]*$")  # three or more words in capitals and nothing else
# who leads a task the list gives no owner: "… with the Vice President taking the lead", "… (led by Ann)"
_LEAD_BY = re.compile(r"(?:\bwith\s+|,\s*)(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
                      r"(?:taking\s+the\s+lead|leading|to\s+lead)\b|\bled\s+by\s+(?P<who2>(?:the\s+)?[A-Z][\w'’.-]*"
                      r"(?:\s+[A-Z][\w'’.-]*){0,3})")


# -- reviews of earlier actions -------------------------------------------------------
def _review(section: Section, roster: Roster, updates: list[Update], actions: list[Action],
            owners: Owners) -> None:
    """Entries on earlier actions are updates; what the section newly asks for
    ("Action: JA by 17 Dec", "Peter is to send …") is an action of this meeting."""
    for block in section.blocks:
        if isinstance(block, Table):
            _action_table(block, section.number, roster, actions, updates, section, review=True)
            continue
        if not isinstance(block, Paragraph):
            continue
        before: str | None = None
        previous: list[str] | None = None
        for said in statements([block], roster):
            done_from = (len(actions), len(updates)) if struck(said.line.runs) else None
            found = _review_entry(said.line, section.number, roster)
            new = cued_actions(said.line, section.number, roster, said.text, before, owners) \
                if not (found and (found.ref or found.note)) else []  # a numbered or status entry reports
            if new:
                actions.extend(new)
            elif found:
                updates.append(found)
            elif block.level is None:
                new = prose_actions(said, section.number, owners, previous)
                actions.extend(new)
            previous = new[-1].owners if new else previous
            before = said.text
            if done_from is not None:
                _done(actions[done_from[0]:])
                _done(updates[done_from[1]:])


def _review_entry(line: Line, item: str | None, roster: Roster) -> Update | None:
    """ "Action 4 (PC to update the policy): complete", "1.3: DP to write – done",
    "- DP to write to the police – done"."""
    m = _REF.match(line.text)
    ref, rest = (m.group("ref"), m.group("rest").strip()) if m else (None, line.text.strip())
    note = None
    bracketed = _BRACKETED.match(rest)
    if bracketed:
        rest, note = bracketed.group("what"), bracketed.group("status").rstrip(".") or None
    else:
        tail = _STATUS_TAIL.search(rest)
        if tail and _status_words(tail.group("status")):
            rest, note = rest[:tail.start()], tail.group("status").strip().rstrip(".")
    lead = split_lead(rest, roster, strict=False)
    owners, text = (lead[0], lead[1]) if lead else ([], rest.strip().rstrip("."))
    if not owners:
        named = _NAMED_TAIL.search(text)  # "Survey of requirements – Wayne"
        if named and owners_of(named.group("who"), roster, strict=False):
            owners, text = owners_of(named.group("who"), roster, strict=False), text[:named.start()]
    if ref is None and not ((owners or note) and line.level is not None) and not (owners and note):
        return None  # a remark, not an entry on an earlier action
    words = _status_words(note or text)
    return Update(item, ref, owners, text, status_of(words), note if note else (words or None), None, line.loc)


def _status_words(text: str) -> str:
    """The words of a text that say how far an action got ("" when none do)."""
    for pattern in (DROPPED_WORDS, NOT_DONE):
        m = pattern.search(text)
        if m:
            return m.group(0)
    m = re.search(r"\b(done|complete[d]?|closed|finished)\b", text, re.I)
    return m.group(0) if m else ""


# -- one action stated twice is one ---------------------------------------------------------
_STOP = {"the", "and", "for", "with", "from", "that", "this", "will", "into", "about", "their", "have", "has"}


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _all_words(text) if len(w) > 2 and w not in _STOP)


def same_task(a: str, b: str, overlap_needed: float = 0.75) -> bool:
    """The same task in other words: most words shared, or nearly the same text."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    overlap = len(wa & wb) / min(len(wa), len(wb))
    if overlap >= overlap_needed:
        return True
    if overlap < 0.3:
        return False  # text this different is never 75% alike
    return at_least(Text(a.lower(), autojunk=False), Text(b.lower(), autojunk=False), 0.75)


def _dedupe(actions: list[Action], roster: Roster) -> tuple[list[Action], list[str]]:
    """One task stated twice in the meeting is one action: said inline, then
    listed in the meeting's own table or list of actions (the list's wording
    and details, the place it was discussed); or the same number twice; or the
    very same words twice.  Two rows of the list are never one action unless
    their numbers agree, two inline actions never unless their words are the
    same, and actions whose texts differ in their object ("invoice 4411" /
    "invoice 4412", "the agenda" / "the minutes") are never one: those are
    kept apart, with a warning when they look alike.

    Nothing is compared pair by pair: numbers and exact texts are looked up,
    and a listed row looks for its inline twin through an index of words
    (and an inline action for a listed twin) only."""
    out: list[Action] = []
    warnings: list[str] = []
    alike = 0
    by_ref: dict[str, list[int]] = {}
    by_text: dict[tuple, int] = {}
    by_shape: dict[tuple, int] = {}  # the text with its numbers blanked: "send invoice # to x"
    by_word: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}  # listed -> word -> entries
    people: list[set[str]] = []
    size: list[int] = []  # how many words the entry's text has
    for action in actions:
        mine = _people(action.owners, roster)
        words = _words(action.text)
        text_key = (frozenset(mine), " ".join(sorted(words)))
        twin_at = None
        if action.ref:
            twin_at = next((k for k in by_ref.get(action.ref, ()) if _compatible(out[k], people[k], action, mine)),
                           None)
        if twin_at is None and text_key in by_text and not (action.listed and out[by_text[text_key]].listed):
            twin_at = by_text[text_key]
        if twin_at is None:
            shared: Counter[int] = Counter()  # counted in C
            shared.update(chain.from_iterable(by_word[not action.listed].get(word, ()) for word in words))
            # the likeliest twins, by the share of words in common, and only a few of them: a long
            # list of plain tasks shares its common words with every inline action
            least = 0.3 * len(words)  # (a bound of 0.3 * min(len(words), size[k]) asked cheaply first)
            candidates = heapq.nlargest(_MAX_CANDIDATES, ((n / max(1, min(len(words), size[k])), -k)
                                                          for k, n in shared.items()
                                                          if (n >= least or n >= 0.3 * size[k])))
            twin_at = next((-k for _, k in candidates if _compatible(out[-k], people[-k], action, mine)), None)
        if twin_at is None:
            # texts without a number differ in their words, not their numbers: no shape to compare
            shape = (frozenset(mine), re.sub(r"\d+", "#", " ".join(action.text.lower().split()))) \
                if any(ch.isdigit() for ch in action.text) else None
            if shape is not None:
                if shape in by_shape and alike < _MAX_ALIKE_WARNINGS:
                    other = out[by_shape[shape]]
                    warnings.append(f"two actions of {', '.join(action.owners) or 'no owner'} differ only in their "
                                    f"numbers and are kept apart: '{_short(other.text)}' ({other.where}) and "
                                    f"'{_short(action.text)}' ({action.where})")
                alike += shape in by_shape
                by_shape.setdefault(shape, len(out))
            twin_at = len(out)
            out.append(action)
            people.append(mine)
            size.append(len(words))
            by_text.setdefault(text_key, twin_at)
        else:
            _merge(out[twin_at], action)
            people[twin_at] = _people(out[twin_at].owners, roster)
            size[twin_at] = len(_words(out[twin_at].text))
        twin = out[twin_at]
        if twin.ref and twin_at not in by_ref.get(twin.ref, ()):
            by_ref.setdefault(twin.ref, []).append(twin_at)
        index = by_word[twin.listed]  # an entry's words may also stay in the other index: counted twice, never missed
        for word in words if twin is action else words | _words(twin.text):
            bucket = index.setdefault(word, [])
            if not bucket or bucket[-1] != twin_at:
                bucket.append(twin_at)
    if alike > _MAX_ALIKE_WARNINGS:
        warnings.append(f"… and {alike - _MAX_ALIKE_WARNINGS} more pairs of actions that differ only in their numbers")
    return out, warnings


_MAX_ALIKE_WARNINGS = 10
_MAX_CANDIDATES = 6  # inline actions a listed one is compared with (the most alike)


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "…"


def _different_objects(a: str, b: str) -> bool:
    """Texts that say the same task of two things: a number or code differs on
    both sides ("Q1 report" / "Q2 report"), or one word stands for another
    ("send the agenda to …" / "send the minutes to …")."""
    wa, wb = _all_words(a), _all_words(b)
    only_a, only_b = wa - wb, wb - wa
    if any(any(ch.isdigit() for ch in w) for w in only_a) and any(any(ch.isdigit() for ch in w) for w in only_b):
        return True
    return len(only_a) == 1 and len(only_b) == 1


@functools.lru_cache(maxsize=4096)
def _all_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


_WORD = re.compile(r"[a-z0-9]+")


def _merge(twin: Action, action: Action) -> None:
    if action.listed and not twin.listed:
        twin.text, twin.listed = action.text, True
        twin.owners = action.owners or twin.owners
    twin.owners = twin.owners or action.owners
    twin.due = twin.due or action.due
    twin.due_text = None if twin.due else (twin.due_text or action.due_text)
    twin.ref = twin.ref or action.ref
    twin.item = twin.item or action.item
    if action.status != "open":
        twin.status = action.status


def _people(owners: list[str], roster: Roster) -> set[str]:
    out = set()
    for owner in owners:
        person = roster.find(owner)
        out.add(person.name.lower() if person else owner.lower())
    return out


def _compatible(a: Action, a_people: set[str], b: Action, b_people: set[str]) -> bool:
    if a.ref and b.ref:
        return a.ref == b.ref
    if a.listed == b.listed:
        return False  # two rows of the meeting's list, or two things said, are two actions
    if a_people and b_people and a_people != b_people:
        return False  # (asked first: it costs least)
    if _different_objects(a.text, b.text):
        return False
    if a_people and b_people:
        # the same owners need fewer words in common than owners left unsaid
        return a_people == b_people and same_task(a.text, b.text, overlap_needed=0.6)
    return same_task(a.text, b.text)
