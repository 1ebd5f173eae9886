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
             "all sites", "all organisations", "all organizations", "all agencies", "all parties", "all team",
             "all teams", "all board members", "all committee members", "the group", "group")

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
# Verbs that report what someone said ("Mel advised that he is to …", "Ann said that …").
REPORTING_VERBS = ("said", "stated", "confirmed", "indicated", "explained", "noted", "reported", "agreed", "replied",
                   "advised", "acknowledged", "announced", "mentioned", "added")
# The meeting itself as an owner ("the group will publish …"): in what it resolves, the body
# acting, not someone it gives a task to.
SELF_OWNERS = ("group", "the group", "meeting", "the meeting", "we")
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

# -- people, continued ------------------------------------------------------------------
# Words that name a role ("Head of Finance", "Treasurer", "lay member").
ROLE_WORDS = ("chair", "chairman", "chairwoman", "chairperson", "vice chair", "vice-chair", "secretary", "treasurer",
              "clerk", "scribe", "minute taker", "minute-taker", "minutetaker", "note taker", "note-taker",
              "notetaker", "head", "manager", "officer", "director", "coordinator", "co-ordinator", "lead",
              "consultant", "chief", "ceo", "cfo", "coo", "trustee", "councillor", "member", "president",
              "adviser", "advisor", "analyst", "administrator", "assistant", "governor", "principal", "inspector",
              "superintendent", "nurse", "engineer", "facilitator", "representative", "commissioner", "deputy",
              "headteacher", "head teacher", "teacher", "bursar", "solicitor", "accountant", "auditor", "executive",
              "planner", "democratic services", "leader", "mayor", "convenor", "vice president", "vice-president",
              "observer", "minutes", "lay member", "co-opted", "ex officio", "in the chair")
# An owner cell that names nobody ("TBC", "n/a", "None").
NO_OWNER_WORDS = ("tbc", "tbd", "n/a", "na", "none", "unassigned", "nobody", "no one")
# Words that end in a colon but label a line, not a speaker ("Action:", "Note:", "Venue:").
LABEL_WORDS = ("action", "actions", "agreed", "resolved", "decision", "decisions", "note", "notes", "date", "time",
               "venue", "location", "present", "apologies", "regrets", "absent", "attendees", "attendance", "chair",
               "scribe", "scribes", "guests", "minutes", "item", "items", "agenda", "update", "updates", "status",
               "outcome", "summary", "purpose", "background", "recommendation", "recommendations", "next meeting",
               "aob", "any other business", "re", "subject", "topic", "owner", "due", "by", "q", "a", "question",
               "answer", "response", "reply", "comment", "comments", "proposal", "motion", "result", "results",
               "and", "but", "or", "so", "also", "then", "in attendance", "see", "http", "https", "mailto", "tel",
               "email", "e-mail", "ps", "nb", "source", "link", "links", "ref", "reference", "documents", "papers",
               "total", "balance", "cost", "budget", "vote", "votes")

# -- labels that say who was there -------------------------------------------------------
PRESENT_LABELS = ("present", "attendees", "attendance", "attending", "attended", "members present",
                  "members in attendance", "members in attendance were", "board members in attendance",
                  "committee members in attendance", "members", "board members", "committee members",
                  "board members present", "committee members present", "participants", "who was there",
                  "voting members", "attendance list", "in the room")
IN_ATTENDANCE_LABELS = ("in attendance", "in attendance were", "also in attendance", "also in attendance were",
                        "also present", "also attending", "officers", "officers present", "officers in attendance",
                        "guest", "guests", "observer", "observers", "staff", "staff present", "advisers", "invited")
APOLOGIES_LABELS = ("apologies", "apologies for absence", "apologies received", "apologies were received",
                    "apologies received from", "apologies were received from", "apologies from",
                    "apologies for absence received", "apologies for absence were received",
                    "apologies for absence received from", "apologies for absence were received from",
                    "apologies for absence from", "regrets", "excused", "sent apologies")
ABSENT_LABELS = ("absent", "not present", "absence", "absences", "did not attend")
# Labels of a line that names who held a role ("Chair: …", "Minutes taken by: …").
ROLE_LABELS = ("chair", "chairs", "chaired by", "chairman", "chairwoman", "chairperson", "scribe", "scribes",
               "scribe(s)", "minute", "minutes", "minute taken by", "minutes taken by", "minute taker",
               "minute-taker", "minutetaker", "minute takers", "minute-takers", "note taker", "note-taker",
               "notetaker", "note takers", "minutes by", "minute by", "notes by", "note by", "recorder",
               "recorded by", "secretary", "clerk", "facilitator", "facilitated by", "moderator", "convenor",
               "convener", "host", "hosted by", "time keeper", "time-keeper", "timekeeper", "presiding",
               "presided by", "treasurer", "vice chair", "vice-chair", "vice chairman", "vice-chairman",
               "co-chair", "co-chairs", "president", "vice president", "vice-president")

# -- the names of sections ----------------------------------------------------------------
# Sections that list this meeting's actions.
ACTIONS_SECTIONS = ("action", "actions", "action item", "action items", "action point", "action points",
                    "new action", "new actions", "action list", "actions list", "action log", "actions log",
                    "action summary", "actions summary", "actions arising", "action arising", "summary of actions",
                    "summary of action", "summary of new actions", "summary of action items",
                    "summary of actions items", "summary of action points", "summary of actions points",
                    "summary of new action items", "summary of new action points", "actions agreed",
                    "action agreed", "agreed actions", "agreed action", "next steps", "to do", "to dos", "todo",
                    "todos", "to-do", "to-dos", "to do's", "to-do's", "todo's", "to do list", "to-do list",
                    "todo list", "tasks", "task list", "tasks list", "actions and owners", "action and owners",
                    "follow up", "follow ups", "follow-up", "follow-ups", "followup", "followups",
                    "follow-up actions", "follow up actions", "follow-up action", "action required",
                    "actions from this meeting", "action from this meeting", "actions from today's meeting",
                    "actions from todays meeting", "action from today's meeting")
# Sections that report on the actions of earlier meetings (found anywhere in a title).
REVIEW_SECTIONS = ("matters arising", "review of actions", "review of action", "review of the actions",
                   "review of previous actions", "review of the previous actions", "review of outstanding actions",
                   "review of the outstanding actions", "review of open actions", "review of the open actions",
                   "outstanding actions", "outstanding action", "action review", "actions review", "action update",
                   "actions update", "action progress", "actions progress", "progress on actions",
                   "progress on action", "update on actions", "update on action", "carried forward", "action log",
                   "action tracker")
# "… actions … of the previous meeting": a review of earlier actions, whatever is between
EARLIER_WORDS = ("previous", "last", "earlier", "prior")
DECISIONS_SECTIONS = ("resolution", "resolutions", "decision", "decisions", "decisions made", "decision made",
                      "decisions taken", "decision taken", "summary of decisions", "summary of resolutions",
                      "decision log", "decisions log")
# Headings that hold the minutes, or a part of the page, rather than an item of the meeting.
CONTAINER_SECTIONS = ("minutes", "meeting minutes", "meeting notes", "notes of meeting", "notes of the meeting",
                      "content", "contents", "table of contents", "toc", "proceedings", "topics", "topics discussed",
                      "agenda & minutes", "agenda and minutes", "minutes & actions", "minutes and actions",
                      "notes & actions", "notes and actions", "agenda", "agenda topics", "agenda items", "items",
                      "discussion", "notes", "attendees", "attendance", "present", "diagnostics", "date", "time",
                      "location", "venue", "next meeting", "date of next meeting", "next meeting date",
                      "time and place of next meeting", "time and venue of next meeting",
                      "date time and place of next meeting", "date, time and place of next meeting",
                      "date time and venue of next meeting", "date, time and venue of next meeting", "summary",
                      "distribution", "circulation", "links", "attachments", "papers", "documents", "references",
                      "resources", "recording", "audio", "video")
# Containers whose sub-sections list what was planned or linked, not what was minuted.
PLANNED_SECTIONS = ("agenda", "agenda items", "proposed agenda", "links", "content", "contents",
                    "table of contents", "attachments", "papers", "documents", "references", "resources")

# -- table columns -------------------------------------------------------------------------
# Header words of a table's first row (besides the column words below).
HEADER_EXTRA = ("priority", "apologies", "decision", "present")
COLUMN_WORDS = {
    "number": ("item", "items", "no", "no.", "number", "ref", "ref.", "#", "agenda item", "item no", "item no.",
               "minute no", "minute no.", "minute number", "minute ref", "minute ref.", "min no", "min. no",
               "min no.", "min. no.", "id", "action no", "action no."),
    "owner": ("action by", "owner", "owners", "responsible", "resp", "resp.", "responsibility", "lead", "by",
              "by whom", "who", "action owner", "assigned to", "person"),
    "action": ("action", "actions", "action required", "action agreed", "actions agreed", "task", "tasks",
               "action item", "action items", "action point", "action points", "next step", "next steps",
               "to do", "to dos", "todo", "todos", "to-do", "to-dos", "action to be taken", "actions to be taken"),
    "due": ("due", "due date", "deadline", "by when", "target date", "date due", "when", "timescale", "target"),
    "status": ("status", "progress", "update", "rag", "complete", "completed", "complete?", "completed?", "done",
               "done?", "state"),
    "notes": ("note", "notes", "comment", "comments", "remark", "remarks", "outcome", "latest update",
              "progress note", "progress notes"),
    "text": ("discussion", "detail", "details", "description", "minute", "minutes", "subject", "topic", "title",
             "summary", "matter discussed", "matters discussed", "point discussed", "points discussed", "issue",
             "agenda", "business"),
    "name": ("name", "names", "member", "members", "attendee", "attendees", "person", "representative"),
    "role": ("role", "position", "job title", "title", "designation"),
    "organisation": ("organisation", "organization", "org", "org.", "agency", "representing", "company", "body",
                     "service", "partner"),
    "initials": ("initials",),
    "email": ("email", "e-mail", "email address", "e-mail address"),
    "attendance": ("attendance", "present", "present?", "attended"),
    # a table of motions or of what was decided: each row is a decision
    "motion": ("motion", "motions", "motion text", "resolution", "resolutions", "proposal", "proposition",
               "decision", "decisions", "decision made", "decisions made", "decision taken", "agreed", "resolved"),
    "mover": ("moved by", "proposed by", "proposer", "mover", "seconded by", "seconder", "seconded"),
    "vote": ("vote", "votes", "voting", "result", "carried", "carried?", "for/against", "votes for/against"),
}

# -- how far an action got ----------------------------------------------------------------------
DONE_WORDS = ("done", "complete", "completed", "closed", "finished", "resolved", "achieved", "delivered",
              "actioned", "yes", "✓", "✔", "green")
OPEN_WORDS = ("not done", "not yet done", "not complete", "not completed", "not yet complete", "not yet completed",
              "not started", "not yet started", "not closed", "not yet closed", "incomplete", "ongoing", "on going",
              "on-going", "in progress", "outstanding", "open", "pending", "carried forward", "carried over", "c/f",
              "cf", "rolled over", "partially", "underway", "deferred")
DROPPED_WORDS = ("dropped", "withdrawn", "cancelled", "canceled", "superseded", "no longer required",
                 "no longer needed", "removed", "abandoned", "not required")

# -- dates and sentences -------------------------------------------------------------------------
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words that end in a full stop without ending the sentence ("Cllr R. Evans", "e.g. this").
ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "cllr", "prof", "rev", "revd", "st", "no", "nos", "e.g", "i.e", "etc",
                 "vs", "approx", "incl", "ref", "fig", "para", "cf", "al", "jan", "feb", "mar", "apr", "jun", "jul",
                 "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "co", "ltd")
# Words a sentence does not end on: a line that stops on one was cut by a wrap or a page end.
OPEN_ENDINGS = ("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "is",
                "are", "was", "were", "be", "that", "this", "which", "who", "will", "would", "should", "could", "can",
                "may", "not", "but", "if", "than", "their", "its", "our", "his", "her", "into", "about", "per")

# -- names and bodies ----------------------------------------------------------------------------
# What an attendance entry says when it names nobody.
NOT_NAMES = ("none", "n/a", "na", "nil", "no one", "nobody", "tbc", "tba", "all", "everyone", "see below",
             "as above", "vacant")
# Words that make a part of an attendee's entry a body, not a role ("Leicester City Council").
ORGANISATION_WORDS = ("council", "trust", "police", "nhs", "ltd", "limited", "university", "college", "service",
                      "association", "foundation", "group", "agency", "department", "authority", "office", "bureau",
                      "administration", "institute", "inc", "llc", "plc", "company", "centre", "center")
# Verbs that report a question ("SR asked why …", "PC questioned whether …").
ASKING_VERBS = ("asked", "asks", "queried", "queries", "enquired", "enquires", "inquired", "inquires", "wondered",
                "questioned", "raised the question")

# -- documents ---------------------------------------------------------------------------
# The prompts Word (2007 to 365) and LibreOffice show in a content control
# until something is typed in it: placeholder text, not the document's.
PLACEHOLDER_PROMPTS = ("click or tap here to enter text.", "click here to enter text.", "choose an item.",
                       "click or tap to enter a date.", "click here to enter a date.", "choose a building block.",
                       "enter any content that you want to repeat, including other content controls. you can "
                       "also insert this control around table rows in order to repeat parts of a table.",
                       "click here to enter text", "click or tap here to enter text")
# The signature block that ends a PDF's minutes ("Signed ….", "Chairman ……..", "Date: ____"),
# which its reader drops as page furniture: words that open a line of it whatever
# follows, and words (who signs, or the date) that do when a rule to write on, or a
# few words written on it, follow.
SIGNATURE_WORDS = ("signed", "signature")
SIGNATORY_WORDS = ("chair", "chairman", "chairperson", "chairwoman", "vice-chair", "vice chair", "president",
                   "clerk", "secretary", "date")
