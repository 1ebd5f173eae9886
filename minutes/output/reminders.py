"""Reminder e-mails: one message per owner listing what they owe, as plain text and HTML.

    >>> message = reminder(owed, sender="secretary@example.org", today="2015-03-20")
    >>> message["To"], message["Subject"]
    ('Daxa Pancholi <dp@example.org>', 'Your actions: 2 open, 1 overdue')

Each action with its meeting, item, due date (overdue ones said so), where
in the minutes it was set and the minutes' own words.  The message is marked
as sent by a program (``Auto-Submitted: auto-generated``), so that
autoresponders do not answer it.  Text from documents is text: escaped in
the HTML, control characters removed in both parts.  No sending here
(``minutes.output.smtp`` does that), no database.
"""
from __future__ import annotations

import html
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import TYPE_CHECKING

from minutes.output.dates import day_text
from minutes.output.formats import clean
from minutes.tracking.owners import owner_label

if TYPE_CHECKING:  # pragma: no cover
    from minutes.queries.remind import Owed


def _overdue(r: dict, today: str) -> bool:
    return bool(r["due"]) and r["due"][:10] < today and r["due"][:4].isdigit()


def subject(owed: "Owed", today: str) -> str:
    late = sum(_overdue(r, today) for r in owed.actions)
    n = len(owed.actions)
    series = sorted({r["series"] for r in owed.actions})
    where = f" ({series[0]})" if len(series) == 1 else ""
    return clean(f"Your actions: {n} open" + (f", {late} overdue" if late else "") + where, True)


def _lines(r: dict, today: str) -> list[tuple[str, str]]:
    """(label, text) of one action, in the order both parts show them."""
    meeting = " ".join(x for x in (day_text(r["meeting_date"]), r["meeting_title"] or r["series"]) if x)
    item = " ".join(x for x in (r["item"], r["item_title"]) if x)
    due = day_text(r["due"] or r.get("due_text")) or "no date set"
    owners = "; ".join(owner_label(o) for o in r["owners"])
    out = [("Action", r["text"]), ("Meeting", meeting), ("Item", item),
           ("Due", due + (" (overdue)" if _overdue(r, today) else "")),
           ("Owners", owners if len(r["owners"]) > 1 else ""), ("In the minutes", ", ".join(x for x in (r.get("document"), r.get("where")) if x)),
           ("When it is done", f"minutes done {r['id']}")]
    return [(label, clean(text, True)) for label, text in out if text]


def plain(owed: "Owed", today: str) -> str:
    first = owed.name.split(" (")[0]
    out = [f"Dear {first},", "", f"The minutes record {len(owed.actions)} open action"
           f"{'s' if len(owed.actions) != 1 else ''} for you, as at {day_text(today)}:", ""]
    for n, r in enumerate(owed.actions, 1):
        lines = _lines(r, today)
        out.append(f"{n}. {lines[0][1]}")
        out += [f"   {label}: {text}" for label, text in lines[1:]]
        out.append("")
    out += ["If any of these is done, please tell the secretary.", "", "-- ",
            "Sent by minutes from the minutes of your meetings."]
    return "\n".join(clean(line) for line in out) + "\n"


def html_part(owed: "Owed", today: str) -> str:
    e = lambda s: html.escape(clean(s, True))  # noqa: E731 - one-letter escape for the template
    first = owed.name.split(" (")[0]
    out = ['<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
           f"<title>{e(subject(owed, today))}</title></head>",
           '<body style="font-family:system-ui,sans-serif;color:#222">',
           f"<p>Dear {e(first)},</p>",
           f"<p>The minutes record {len(owed.actions)} open action{'s' if len(owed.actions) != 1 else ''} for you, "
           f"as at {e(day_text(today))}:</p>", "<ol>"]
    for r in owed.actions:
        lines = _lines(r, today)
        late = ' style="color:#a00;font-weight:bold"' if _overdue(r, today) else ""
        rows = "".join(f"<tr><th scope=\"row\" style=\"text-align:left;padding-right:1em\">{e(label)}</th>"
                       f"<td{late if label == 'Due' else ''}>{e(text)}</td></tr>" for label, text in lines[1:])
        out.append(f"<li><p><strong>{e(lines[0][1])}</strong></p><table>{rows}</table></li>")
    out += ["</ol>", "<p>If any of these is done, please tell the secretary.</p>",
            '<p style="color:#666">Sent by minutes from the minutes of your meetings.</p>', "</body></html>"]
    return "\n".join(out) + "\n"


def reminder(owed: "Owed", *, sender: str, today: str, reply_to: str | None = None) -> EmailMessage:
    """The message to ``owed`` (who must have an address), from ``sender``."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((clean(owed.name.split(" (")[0], True), owed.email or ""))
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = subject(owed, today)
    message["Date"] = formatdate(localtime=True)
    domain = sender.rpartition("@")[2].strip("> ") or None
    message["Message-ID"] = make_msgid("minutes", domain=domain)
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(plain(owed, today))
    message.add_alternative(html_part(owed, today), subtype="html")
    return message
