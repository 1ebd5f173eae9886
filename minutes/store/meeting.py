"""The rows of one parse: its document, people and attendees, items, questions and answers.

Called by ``minutes.store.save`` inside its transaction; each function
inserts one part of the meeting and returns the ids the next parts refer to.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from minutes.store.people import person_for

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils

    from parsers.records import Minutes


def insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    if rows:
        db[table].insert_all(rows, batch_size=500)


def save_document(db: sqlite_utils.Database, m: "Minutes", size: int | None, stamp: str,
                  meeting_id: int | None = None, role: str = "source") -> int:
    """The file's row (by its SHA-256), holding ``meeting_id`` as its ``role``."""
    doc = {"name": os.path.basename(m.source.path), "path": m.source.path, "sha256": m.source.sha256,
           "format": m.source.format, "size": size, "ingested_at": stamp, "meeting_id": meeting_id, "role": role}
    found = db.execute("SELECT id FROM documents WHERE sha256 = ?", [m.source.sha256]).fetchone()
    if found:
        db["documents"].update(found[0], doc)
        return found[0]
    return db["documents"].insert(doc).last_pk


def save_attendees(db: sqlite_utils.Database, m: "Minutes", meeting_id: int, series: str) -> list[dict]:
    """Insert the attendees (one per person) and return them with their ids."""
    rows: list[dict] = []
    seen: set[int] = set()
    for position, a in enumerate(m.attendees):
        person_id = person_for(db, a.name, a.initials, series, a.email)
        if person_id in seen:
            continue
        seen.add(person_id)
        rows.append({"meeting_id": meeting_id, "person_id": person_id, "name": a.name,
                     "initials": a.initials, "role": a.role, "organisation": a.organisation,
                     "status": a.status or "present", "position": position})
    insert(db, "attendees", rows)
    ids = dict(db.execute("SELECT person_id, id FROM attendees WHERE meeting_id = ?", [meeting_id]).fetchall())
    for r in rows:
        r["id"] = ids[r["person_id"]]
    return rows


def save_items(db: sqlite_utils.Database, m: "Minutes", meeting_id: int) -> dict[str | None, int]:
    insert(db, "items", [{"meeting_id": meeting_id, "number": it.number, "title": it.title,
                           "text": it.text, "locator": it.where, "position": i}
                          for i, it in enumerate(m.items)])
    ids: dict[str | None, int] = {}
    for item_id, number in db.execute("SELECT id, number FROM items WHERE meeting_id = ? ORDER BY position",
                                      [meeting_id]).fetchall():
        if number is not None:
            ids.setdefault(number, item_id)
    return ids


def save_questions(db: sqlite_utils.Database, m: "Minutes", meeting_id: int,
                    item_ids: dict[str | None, int]) -> None:
    insert(db, "questions", [
        {"meeting_id": meeting_id, "item_id": item_ids.get(q.item), "item": q.item, "asker": q.asker,
         "text": q.text, "locator": q.where, "position": i} for i, q in enumerate(m.questions)])
    qids = [r[0] for r in db.execute("SELECT id FROM questions WHERE meeting_id = ? ORDER BY position",
                                     [meeting_id]).fetchall()]
    insert(db, "answers", [
        {"meeting_id": meeting_id, "question_id": qid, "speaker": a.by, "text": a.text, "position": j}
        for qid, q in zip(qids, m.questions) for j, a in enumerate(q.answers)])
