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

# -- owners ------------------------------------------------------------------------------
# Roles that own actions ("the Clerk will …", "Chair to write …").
ROLE_OWNERS = ("vice chair", "vice-chair", "chair", "chairman", "chairwoman", "chairperson", "co-chair", "clerk",
               "secretary", "minute secretary", "treasurer", "president", "vice president", "vice-president",
               "headteacher", "head teacher", "principal", "director", "chief executive", "ceo", "coordinator",
               "co-ordinator", "convenor", "convener", "minute taker", "minute-taker", "scribe", "facilitator",
               "webmaster", "membership secretary", "social secretary", "events officer", "project manager",
               "programme manager", "company secretary", "executive director", "responsible financial officer",
               "rfo", "officer", "officers", "lead")
# Bodies that own what they will do ("the Directors would appoint …"); with "agreed"/"resolved" they decide.
GROUP_OWNERS = ("board", "committee", "directors", "trustees", "governors", "officers", "members",
                "committee members", "board members", "council", "executive", "exec", "team", "working group",
                "steering group", "sub-committee", "subcommittee", "secretariat", "staff", "partners")
# Words that open a sentence and are never who acts.
NOT_OWNERS = ("it", "this", "that", "these", "those", "there", "here", "we", "you", "one", "everything",
              "nothing", "something", "anything", "someone", "somebody", "anyone", "anybody", "nobody", "no one",
              "the meeting", "meeting", "minutes", "the minutes", "agenda", "date", "time", "a", "an", "the",
              "also", "then", "however", "so", "but", "and", "or", "if", "when", "where", "while", "after",
              "before", "since", "as", "once", "further", "finally", "next", "action", "actions", "item",
              "items", "all this", "that said", "what", "which", "who", "how", "why", "ok", "okay", "no", "yes",
              "need", "needs", "prior", "motion", "proposal", "please", "thanks", "thank you", "note", "nb")

# -- actions -------------------------------------------------------------------------------
# What joins an owner to the task: "JS to …", "Ann will …", "the Clerk was asked to …".
ACTION_LINKS = ("to", "will", "would", "shall", "is to", "are to", "was to", "were to", "agreed to", "agree to",
                "has agreed to", "have agreed to", "offered to", "has offered to", "volunteered to",
                "has volunteered to", "undertook to", "undertakes to", "has undertaken to", "was asked to",
                "were asked to", "has been asked to", "have been asked to", "is asked to", "are asked to",
                "was tasked with", "were tasked with", "is tasked with", "has been tasked with", "vowed to",
                "promised to", "intends to", "intend to", "intended to", "is going to", "are going to",
                "was willing to", "were willing to", "is willing to", "will be responsible for",
                "would be responsible for", "is responsible for", "are responsible for", "took on", "takes on",
                "will take on", "would take on", "to continue to", "will continue to", "would continue to",
                )
# In a list of actions, an owner may be joined to the task by weaker words too ("JS should …").
LIST_LINKS = ACTION_LINKS + ("needs to", "need to", "must", "should")
# After "will"/"would": words that say how someone is or feels, not what they will do.
NOT_TASKS = ("be", "have", "like", "love", "prefer", "rather", "welcome", "appreciate", "expect", "hope", "wish",
             "think", "seem", "want", "not", "never", "also be", "no longer", "probably be", "need", "mean",
             "remain", "become", "know", "imagine", "say", "agree", "recommend", "suggest")
# Verbs an entry of an action list opens with ("Chris get the template", "(Roland) Draft notice").
LEAD_VERBS = ("add", "agree", "amend", "approach", "arrange", "ask", "assess", "attend", "book", "bring", "build",
              "buy", "call", "cancel", "carry", "chase", "check", "choose", "circulate", "clarify", "clean", "close",
              "collate", "collect", "come", "compile", "complete", "conduct", "confirm", "consider", "contact",
              "continue", "convene", "coordinate", "co-ordinate", "copy", "create", "decide", "define", "deliver",
              "design", "develop", "discuss", "distribute", "do", "document", "draft", "draw", "email", "e-mail",
              "engage", "ensure", "establish", "estimate", "explore", "extend", "feed", "file", "finalise",
              "finalize", "find", "fix", "follow", "forward", "get", "give", "go", "grab", "hand", "handle", "help",
              "hire", "host", "identify", "implement", "inform", "install", "invite", "investigate", "invoice",
              "issue", "join", "keep", "lead", "liaise", "load", "look", "mail", "maintain", "make", "manage",
              "meet", "merge", "message", "monitor", "move", "notify", "obtain", "open", "order", "organise",
              "organize", "pass", "pay", "phone", "pick", "place", "plan", "post", "prepare", "present", "print",
              "produce", "progress", "promote", "propose", "provide", "publicise", "publicize", "publish",
              "purchase", "pursue", "push", "put", "raise", "reach", "read", "reconsider", "record", "recruit",
              "refine", "register", "remind", "remove", "renew", "reply", "report", "request", "research",
              "reserve", "resolve", "respond", "return", "review", "revise", "ring", "run", "schedule", "scope",
              "secure", "seek", "select", "send", "set", "settle", "share", "sign", "sort", "speak", "start",
              "submit", "summarise", "summarize", "supply", "support", "take", "talk", "tell", "test", "tidy",
              "track", "transfer", "try", "update", "upload", "verify", "visit", "work", "write")
# Phrases that put someone forward for a task: "recommended that Lars contact …", "asked Ann to …".
PUT_FORWARD = ("recommended that", "suggested that", "proposed that", "asked that", "requested that",
               "agreed that")

# -- decisions -------------------------------------------------------------------------
# Verbs with which a meeting decides ("the committee resolved …", "it was agreed …").
DECISION_VERBS = ("resolved", "resolves", "resolve", "agreed", "agrees", "agree", "decided", "decides", "approved",
                  "approves", "adopted", "adopts", "endorsed", "endorses", "accepted", "ratified", "determined",
                  "voted", "votes", "confirmed", "noted and agreed", "unanimously agreed")
# Who decides: a body, or its members as one ("the Members resolved by unanimous resolution").
DECIDING_BODIES = ("committee", "board", "group", "council", "parish council", "town council", "members", "meeting",
                   "trustees", "governors", "directors", "partnership", "forum", "panel", "executive", "exec", "ec",
                   "working group", "steering group", "sub-committee", "subcommittee", "management committee",
                   "assembled councillors", "councillors", "councils", "board of directors", "team", "society",
                   "association", "body", "cabinet", "assembly", "membership", "plenum", "delegates",
                   "committee members", "board members", "executive committee", "steering committee")

# -- the meeting's particulars ------------------------------------------------------------
# Labels of the fields that say which meeting it was ("Date", "Place", "Attendees").
FIELD_WORDS = ("date", "meeting date", "date of meeting", "time", "start time", "end time", "start", "finish",
               "place", "venue", "location", "where", "when", "room", "title", "title of meeting", "meeting",
               "meeting title", "meeting type", "subject", "purpose", "objective", "objectives", "chair", "chaired by",
               "chairperson", "attendees", "attending", "present", "apologies", "absent", "invited", "guests",
               "in attendance", "also present", "minutes", "minutes by", "minute taker", "minutes taken by",
               "note taker", "notes by", "secretary", "clerk", "facilitator", "distribution", "circulation",
               "next meeting", "date of next meeting", "quorum", "called by", "type of meeting")
