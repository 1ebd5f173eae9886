"""For auditors: meetings, one meeting in full, people, decisions, full-text search.

Plain rows out, no writes, no printing; ``minutes.output`` turns them into text.
"""
from __future__ import annotations

import json
import re
from typing import Any

from minutes.db import fetch
from minutes.queries.actions import find_meeting, meeting_filters, outstanding
from minutes.schema import SEARCHED

KINDS = {"items": "item", "questions": "question", "answers": "answer", "actions": "action",
         "decisions": "decision"}


def meetings(db, *, series: str | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """Every meeting with its counts, by date."""
    where, params = meeting_filters(since, until, series)
    return fetch(db, (
        "SELECT m.id, m.date, m.series, m.title, d.name AS document, "
        "(SELECT count(*) FROM attendees WHERE meeting_id = m.id) AS attendees, "
        "(SELECT count(*) FROM items WHERE meeting_id = m.id) AS items, "
        "(SELECT count(*) FROM actions WHERE meeting_id = m.id) AS actions, "
        "(SELECT count(*) FROM actions WHERE meeting_id = m.id AND status = 'open') AS open_actions, "
        "(SELECT count(*) FROM decisions WHERE meeting_id = m.id) AS decisions "
        "FROM meetings m JOIN documents d ON d.id = m.document_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date, m.id"), params)


def show_meeting(db, ref: str) -> dict[str, Any]:
    """One meeting back in full: attendees, items, questions with answers, actions, decisions."""
    mid = find_meeting(db, ref)
    meeting = fetch(db, "SELECT m.*, d.path AS document, d.sha256, d.format, d.ingested_at FROM meetings m "
                    "JOIN documents d ON d.id = m.document_id WHERE m.id = ?", [mid])[0]
    meeting["warnings"] = json.loads(meeting["warnings"] or "[]")
    meeting["link_warnings"] = json.loads(meeting.get("link_warnings") or "[]")
    questions = fetch(db, "SELECT id, item, asker, text, locator FROM questions WHERE meeting_id = ? "
                      "ORDER BY position", [mid])
    answers = fetch(db, "SELECT question_id, speaker, text FROM answers WHERE meeting_id = ? "
                    "ORDER BY question_id, position", [mid])
    for q in questions:
        q["answers"] = [a for a in answers if a["question_id"] == q["id"]]
    return {
        "meeting": meeting,
        "attendees": fetch(db, "SELECT name, initials, role, organisation, status, person_id FROM attendees "
                           "WHERE meeting_id = ? ORDER BY position", [mid]),
        "items": fetch(db, "SELECT number, title, text, locator FROM items WHERE meeting_id = ? "
                       "ORDER BY position", [mid]),
        "questions": questions,
        "actions": outstanding(db, status="all", meeting=str(mid), include_carried=True),
        "updates": fetch(db, "SELECT item, ref, owners, text, status, note, due, locator, action_id, matched_by, "
                         "confidence FROM updates WHERE meeting_id = ? ORDER BY position", [mid]),
        "decisions": fetch(db, "SELECT item, text, locator FROM decisions WHERE meeting_id = ? "
                           "ORDER BY position", [mid]),
    }


def people(db, *, series: str | None = None) -> list[dict[str, Any]]:
    """Each person with the meetings they attended and the actions they hold (of ``series``, part of its name)."""
    rows = fetch(db, "SELECT id, name, initials, email FROM people ORDER BY name COLLATE NOCASE, id")
    where, params = meeting_filters(None, None, series)
    attended = fetch(db, "SELECT a.person_id, m.id, m.date, m.series, a.status FROM attendees a "
                     "JOIN meetings m ON m.id = a.meeting_id" + (" WHERE " + " AND ".join(where) if where else "")
                     + " ORDER BY m.date, m.id", params)
    held = fetch(db, "SELECT DISTINCT o.person_id, a.id, a.status FROM action_owners o "
                 "JOIN actions a ON a.id = o.action_id WHERE o.person_id IS NOT NULL ORDER BY a.id")
    out = []
    for p in rows:
        p["meetings"] = [{"id": r["id"], "date": r["date"], "series": r["series"], "status": r["status"]}
                         for r in attended if r["person_id"] == p["id"]]
        p["open_actions"] = [r["id"] for r in held if r["person_id"] == p["id"] and r["status"] == "open"]
        p["actions"] = [r["id"] for r in held if r["person_id"] == p["id"]]
        if p["meetings"] or (p["actions"] and not series):
            out.append(p)
    return out


def decisions(db, *, since: str | None = None, until: str | None = None,
              series: str | None = None) -> list[dict[str, Any]]:
    where, params = meeting_filters(since, until, series)
    return fetch(db, (
        "SELECT d.id, m.date AS meeting_date, m.title AS meeting_title, m.series, d.item, "
        "i.title AS item_title, d.text, d.locator AS 'where' FROM decisions d "
        "JOIN meetings m ON m.id = d.meeting_id LEFT JOIN items i ON i.id = d.item_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date, m.id, d.position"), params)


def fts_query(text: str) -> str:
    """The words of ``text`` as an FTS5 query that is always valid: every word must appear."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(db, text: str, *, limit: int = 50, mark: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
    """Full-text search over items, questions, answers, actions and decisions, best first."""
    query = fts_query(text)
    if not query:
        return []
    parts, params = [], []
    for table in SEARCHED:
        meeting_item = {
            "answers": "JOIN questions q ON q.id = t.question_id LEFT JOIN items i ON i.id = q.item_id",
            "items": "LEFT JOIN items i ON i.id = t.id",
        }.get(table, "LEFT JOIN items i ON i.id = t.item_id")
        parts.append(
            f"SELECT '{KINDS[table]}' AS kind, t.id, m.id AS meeting_id, m.date AS meeting_date, "
            f"m.title AS meeting_title, i.number AS item, i.title AS item_title, "
            f"snippet({table}_fts, -1, ?, ?, '…', 16) AS snippet, bm25({table}_fts) AS rank "
            f"FROM {table}_fts JOIN {table} t ON t.id = {table}_fts.rowid "
            f"JOIN meetings m ON m.id = t.meeting_id {meeting_item} WHERE {table}_fts MATCH ?")
        params += [mark[0], mark[1], query]
    sql = " UNION ALL ".join(parts) + " ORDER BY rank, meeting_date LIMIT ?"
    rows = fetch(db, sql, params + [limit])
    for r in rows:
        del r["rank"]
    return rows
