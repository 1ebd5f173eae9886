"""The words of minutes, each list written once.

The extractors, and the application in ``minutes/``, take their word lists
from here: titles and honorifics, post-nominal letters, the words that say
who was there and how, the words for "everyone", role names.  A list is a
tuple of lower-case words or phrases; the regexes built from them live beside
the rules that use them.
"""
from __future__ import annotations

import re

# -- people ------------------------------------------------------------------------
# Titles written before a name ("Cllr Mrs Jane Smith", "County Councillor Bell", "Revd Ann Lee").
TITLES = ("county councillor", "district councillor", "parish councillor", "town councillor", "councillor",
          "cllr", "clr", "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "revd", "rev",
          "reverend", "sir", "dame", "lord", "lady", "canon", "father", "fr", "the hon", "hon")
# Titles written in the plural before several names ("Cllrs Alam and Dornan").
PLURAL_TITLES = {"councillors": "Councillor", "cllrs": "Cllr", "drs": "Dr", "messrs": "Mr", "mmes": "Mrs"}
# Letters written after a name that are not part of it ("Chris Stephens MP").
POST_NOMINALS = ("mp", "msp", "ms", "mla", "mep", "am", "ma", "msc", "phd", "obe", "mbe", "cbe", "kbe", "qc", "kc",
                 "jp", "dl", "frs", "freng", "fca", "aca", "rn")
# Owner words that mean everyone present.
ALL_WORDS = ("all", "everyone", "everybody", "all members", "all present", "all attendees", "all partners",
             "all trustees", "all governors", "all directors", "all officers", "all councillors", "all staff",
             "all sites", "all organisations", "all organizations", "all agencies", "all parties", "all teams",
             "all board members", "all committee members", "the group", "group", "the committee", "committee",
             "whole committee", "the board", "the team", "team")

# -- attendance ----------------------------------------------------------------------
# The words of an attendance label, by the status they give.  Checked in this order:
# "not present" is absent before "present" is present.
ABSENT_WORDS = ("absent", "absence", "absences", "not present", "not in attendance", "did not attend",
                "unable to attend", "not contacted", "no show")
APOLOGIES_WORDS = ("apologies", "apology", "apologised", "apologized", "regrets", "excused", "sent apologies",
                   "apologies for absence")
IN_ATTENDANCE_WORDS = ("in attendance", "also present", "also attending", "also in attendance", "officers",
                       "officer", "guest", "guests", "observer", "observers", "observing", "visitor", "visitors",
                       "staff", "advisers", "advisors", "invited", "invitees", "in support", "supporting")
PRESENT_WORDS = ("present", "attending", "joined", "joining", "attended", "attendees", "attendance", "participants", "participating",
                 "members", "board members", "committee members", "voting members", "who was there",
                 "in the room", "roll call", "those present", "directors present")


def words_pattern(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` (longest first), each a whole word or phrase."""
    ordered = sorted(words, key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")"
