"""Extractors: Document -> Minutes.  Each module reads the model only."""
from __future__ import annotations

from parsers.document import Document, block_text
from parsers.extract import actions, attendees, checks, decisions, forms, grammar, header, items, questions
from parsers.extract.people import Roster
from parsers.patterns import forget_sentences, yearless_after
from parsers.records import Minutes, Source


def extract(document: Document, source: Source) -> Minutes:
    """Run every extractor over ``document`` and collect their warnings."""
    minutes = Minutes(source=source)
    warnings = list(document.warnings)
    document = forms.unfold(document)  # a template's form tables read as the parts they hold

    head = header.extract(document)
    people = attendees.extract(document)
    minutes.meeting = head.value
    minutes.attendees = people.value
    roster = Roster(people.value)

    cut = items.extract(document.blocks, head.consumed | people.consumed)
    sections = cut.value
    minutes.items = [s.item for s in sections if s.item is not None]

    minutes.questions = questions.extract(sections, roster).value
    owners = grammar.Owners(roster, grammar.lower_words(block_text(b) for b in document.blocks))
    found = actions.extract(sections, roster, owners)
    minutes.actions, minutes.updates = found.value
    for action in minutes.actions:  # "by 17 December": the year of the meeting (or the next)
        if action.due is None and action.due_text:
            action.due = yearless_after(action.due_text, minutes.meeting.date)
            action.due_text = None if action.due else action.due_text
    minutes.decisions = decisions.extract(sections, roster).value

    for result in (head, people, cut, found):
        warnings.extend(result.warnings)
    warnings.extend(checks.unknown_people(sections, minutes.actions, roster))
    warnings.extend(checks.ownerless(minutes.actions))
    warnings.extend(checks.silent_misses(document.blocks, minutes))
    minutes.warnings = list(dict.fromkeys(warnings))
    forget_sentences()  # what this document's text split into is no use for the next
    return minutes
