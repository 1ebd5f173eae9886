"""Small inline parse records for the store, ingest, tracker and CLI tests."""
from __future__ import annotations

import hashlib

from parsers.records import Action, Answer, Attendee, Decision, Item, Meeting, Minutes, Question, Source, Update


def board(sha: str = "v1", actions: list[Action] | None = None, date: str = "2015-01-20",
          title: str = "Delivery Group Meeting #4", path: str = "board.md") -> Minutes:
    """A meeting with three attendees, two items, a question, three actions and a decision."""
    return Minutes(
        source=Source(path=path, format="markdown", sha256=hashlib.sha256(sha.encode()).hexdigest()),
        meeting=Meeting(title=title, subtitle="Market session", date=date, end_time="11:15",
                        location="Town Hall"),
        attendees=[Attendee("Daxa Pancholi", "DP", "Head of Community Safety", "City Council"),
                   Attendee("Pamela Richardson", "PR"),
                   Attendee("Stephanie McBurney", "SMcB", status="apologies")],
        items=[Item("1", "Welcome", "DP opened the meeting.", "line 3"),
               Item("4", "Financial standing", "Consortium bids were discussed.", "line 9")],
        questions=[Question("4", "PR", "How is financial standing assessed?",
                            [Answer("DP", "No more than a third of turnover.")], "line 10")],
        actions=actions if actions is not None else [
            Action("4", ["PG"], "Get further information on financial standing of consortiums", where="line 12"),
            Action("4", ["DP", "SMcB"], "Circulate the market position statement", due="2015-02-01",
                   where="line 13"),
            Action("1", ["All"], "Read the tender pack before the next meeting", where="line 14"),
        ],
        updates=[Update("1", "3.1", ["DP"], "Add the terms of reference to the website", "done", "Done")],
        decisions=[Decision("4", "The tender will be split into two lots", "line 15")],
        warnings=["action owner PG (item 4) is not among the attendees"],
    )
