"""Forget what was stored by mistake: a document, or a meeting with everything read from it.

    >>> change = forget(db, "minutes/2024-02-08.docx", sha=sha_of_the_file, reread=reread)
    >>> change = forget(db, "2016-03-03", dry_run=True)

A file (named by its path, by its content, or as stored) is forgotten alone
when its meeting has other files: an older version or a duplicate is simply
dropped; the meeting's source gives way to the other file, read again
(``reread``, the caller's: this module reads no file) and stored as a
corrected version would be, so that every action keeps its id and history.
A file that is its meeting's only one is forgotten with the meeting.

Forgetting a meeting removes it and everything extracted from it: its
attendees, items, questions, updates, decisions and actions, the history
those actions had, and the files that held it; people no meeting names any
longer go too, unless named by hand.  What was set by hand on its actions
(statuses, notes, edits) is kept in the audit log entry, or, for an action a
later meeting re-issues, moved to that re-issue, which stands for it from
then on.  The series is relinked (later updates that reported on these
actions are then unlinked, with a warning).
"""
from __future__ import annotations

from typing import Callable

from minutes.db import fetch, now, transaction
from minutes.errors import MinutesError
from minutes.store.audit import Change, record
from minutes.store.links import relink
from minutes.store.people import drop_orphans
from minutes.store.rekey import rekey_if_owed
from minutes.tracking.refs import find_meeting


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _document(db, target: str, sha: str | None) -> dict | None:
    """The stored document ``target`` names (by the content ``sha`` of the file, by its path or
    its name), or None when it names none (and is no file)."""
    cols = "id, name, path, sha256, meeting_id, role, size"
    if sha:   # the file as it is now; else as it was stored at that path (its meeting's source first)
        rows = fetch(db, f"SELECT {cols} FROM documents WHERE sha256 = ?", [sha]) or fetch(
            db, f"SELECT {cols} FROM documents d WHERE path = ? ORDER BY EXISTS (SELECT 1 FROM meetings m "
            "WHERE m.document_id = d.id) DESC, id DESC", [target])
        if not rows:
            raise MinutesError(f"{target}: this file is not stored (no file ingested had its content; "
                               "see 'minutes meetings')")
        return rows[0]
    rows = fetch(db, f"SELECT {cols} FROM documents WHERE path = ? ORDER BY id", [target]) or fetch(
        db, f"SELECT {cols} FROM documents WHERE name = ? ORDER BY id", [target])
    if len(rows) > 1:
        listed = "; ".join(r["path"] for r in rows[:5])
        raise MinutesError(f"{target!r} names {len(rows)} stored files ({listed}): give the path of one")
    return rows[0] if rows else None


def forget(db, target: str, *, sha: str | None = None, reread: Callable | None = None, by: str | None = None,
           note: str | None = None, dry_run: bool = False) -> Change:
    """Forget the document or meeting ``target`` names; returns the change (logged unless ``dry_run``).

    ``sha`` is the content of the file ``target`` when it is one; ``reread(path,
    sha)`` reads a stored file again (the parse), raising ``MinutesError`` when
    it cannot."""
    with transaction(db, dry_run=dry_run):
        rekey_if_owed(db)
        stamp = now()
        doc = _document(db, target, sha)
        if doc is None:
            try:
                meeting_id = find_meeting(db, target)
            except MinutesError as exc:
                if "no meeting" not in str(exc):
                    raise
                raise MinutesError(f"there is no stored file or meeting matching {target!r} "
                                   "(see 'minutes meetings')") from None
            change = forget_meeting(db, meeting_id, stamp)
        else:
            change = _forget_document(db, doc, stamp, reread)
        change.dry_run = dry_run
        return record(db, change, by, note, stamp)


def _forget_document(db, doc: dict, stamp: str, reread: Callable | None) -> Change:
    what = f"document {doc['id']} ({doc['path']})"
    if doc["meeting_id"] is None:
        db.execute("DELETE FROM documents WHERE id = ?", [doc["id"]])
        return Change("forget", f"document {doc['id']}", f"forgot {what}, which held no meeting",
                      detail={"document": doc})
    others = fetch(db, "SELECT id, name, path, sha256, role FROM documents WHERE meeting_id = ? AND id != ? "
                   "ORDER BY role = 'duplicate' DESC, id DESC", [doc["meeting_id"], doc["id"]])
    meeting = fetch(db, "SELECT id, name, document_id FROM meetings WHERE id = ?", [doc["meeting_id"]])[0]
    if not others:
        change = forget_meeting(db, meeting["id"], stamp)
        change.summary = f"forgot {what} and its meeting: " + change.summary.removeprefix("forgot ")
        return change
    if meeting["document_id"] != doc["id"]:
        db.execute("DELETE FROM documents WHERE id = ?", [doc["id"]])
        source = db.execute("SELECT name FROM documents WHERE id = ?", [meeting["document_id"]]).fetchone()[0]
        return Change("forget", f"document {doc['id']}",
                      f"forgot {what}, {'a duplicate' if doc['role'] == 'duplicate' else 'an older version'} of "
                      f"meeting {meeting['id']} ({meeting['name']}); the meeting stays, read from {source}",
                      detail={"document": doc, "meeting": meeting["id"]})
    return _new_source(db, doc, meeting, others[0], stamp, reread)


def _new_source(db, doc: dict, meeting: dict, other: dict, stamp: str, reread: Callable | None) -> Change:
    """The meeting's source forgotten: ``other`` (a duplicate, else the latest older version) takes its place."""
    from minutes import store   # the save of a version (the package's own)

    kind = "the same minutes" if other["role"] == "duplicate" else "its older version"
    parse, why = None, "nothing to read it with"
    if reread is not None:
        try:
            parse = reread(other["path"], other["sha256"])
        except MinutesError as exc:
            why = str(exc)
    lines = []
    if parse is not None:
        series = db.execute("SELECT series FROM meetings WHERE id = ?", [meeting["id"]]).fetchone()[0]
        db.execute("UPDATE documents SET meeting_id = NULL, role = NULL WHERE id = ?", [other["id"]])
        saved = store.store_parse(db, parse, series=series, replace=True)
        if saved.meeting_id != meeting["id"]:
            raise MinutesError(f"{other['path']} now reads as another meeting ({saved.meeting}), not "
                               f"{meeting['name']}: forget the whole meeting instead (minutes forget {meeting['id']})")
        lines.append(f"read again from {other['path']}: {_plural(saved.actions_kept, 'action')} kept, "
                     f"{_plural(saved.actions_added, 'new action')}, {len(saved.actions_gone)} no longer in the minutes")
    elif other["role"] == "duplicate":
        db.execute("UPDATE meetings SET document_id = ?, updated_at = ? WHERE id = ?", [other["id"], stamp,
                                                                                         meeting["id"]])
        db.execute("UPDATE documents SET role = 'source' WHERE id = ?", [other["id"]])
        lines.append(f"{other['path']} could not be read again ({why}); the meeting keeps what was read from "
                     f"{doc['name']}, the same minutes")
    else:
        raise MinutesError(f"{doc['path']} is the source of meeting {meeting['id']} ({meeting['name']}) and its "
                           f"older version {other['path']} cannot be read again ({why}): put that file back, or "
                           f"forget the whole meeting (minutes forget {meeting['id']})")
    db.execute("DELETE FROM documents WHERE id = ?", [doc["id"]])
    return Change("forget", f"document {doc['id']}",
                  f"forgot document {doc['id']} ({doc['path']}); meeting {meeting['id']} ({meeting['name']}) is now "
                  f"read from {other['name']}, {kind}", lines, {"document": doc, "meeting": meeting["id"],
                                                                 "source": other["id"]})


def _hand(db, action_id: int) -> tuple[list[dict], list[dict]]:
    events = fetch(db, "SELECT id, at, on_date, event, actor, note FROM action_events WHERE action_id = ? "
                   "AND source = 'hand' ORDER BY id", [action_id])
    edits = fetch(db, "SELECT id, at, on_date, field, value, was, actor, note FROM action_edits "
                  "WHERE action_id = ? ORDER BY id", [action_id])
    return events, edits


def forget_meeting(db, meeting_id: int, stamp: str) -> Change:
    """Remove meeting ``meeting_id`` and everything read from it (see the module's note)."""
    m = fetch(db, "SELECT id, name, series, document_id FROM meetings WHERE id = ?", [meeting_id])[0]
    counts = {t: db.execute(f"SELECT count(*) FROM {t} WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
              for t in ("attendees", "items", "questions", "actions", "updates", "decisions")}
    docs = fetch(db, "SELECT id, name, path, role FROM documents WHERE meeting_id = ? OR id = ? ORDER BY id",
                 [meeting_id, m["document_id"]])
    lines, kept = [], []
    for a in fetch(db, "SELECT id, text, status, owners FROM actions WHERE meeting_id = ? ORDER BY position",
                   [meeting_id]):
        events, edits = _hand(db, a["id"])
        if not events and not edits:
            continue
        later = fetch(db, "SELECT a.id, a.meeting_id FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                      "WHERE a.carried_from = ? ORDER BY m.date, m.id, a.position LIMIT 1", [a["id"]])
        if later:
            to = later[0]
            db.execute("UPDATE action_events SET action_id = ?, meeting_id = ? WHERE action_id = ? AND source = 'hand'",
                       [to["id"], to["meeting_id"], a["id"]])
            db.execute("UPDATE action_edits SET action_id = ? WHERE action_id = ?", [to["id"], a["id"]])
            lines.append(f"action {a['id']}: what was set by hand moved to action {to['id']}, which re-issues it")
            continue
        kept.append({**a, "by_hand": events, "edits": edits})
        done = "; ".join([f"{e['event']} by {e['actor']} on {e['on_date'] or e['at'][:10]}"
                          + (f" ({e['note']})" if e["note"] else "") for e in events]
                         + [f"{e['field']} edited by {e['actor']} on {e['on_date']}" for e in edits])
        lines.append(f"kept in the log: action {a['id']} [{a['status']}] {a['text']}: {done}")
    people = [r[0] for r in db.execute("SELECT person_id FROM attendees WHERE meeting_id = ?", [meeting_id])]
    # events this meeting's updates gave earlier actions are the series walk's, made again by the relink
    db.execute("DELETE FROM action_events WHERE meeting_id = ? AND derived = 1", [meeting_id])
    db.execute("DELETE FROM actions WHERE meeting_id = ?", [meeting_id])
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
    ids, marks = [d["id"] for d in docs], ", ".join("?" * len(docs))
    db.execute("UPDATE documents SET meeting_id = (SELECT m.id FROM meetings m WHERE m.document_id = documents.id "
               f"LIMIT 1) WHERE meeting_id IS NULL AND id IN ({marks})", ids)   # a file another meeting holds too
    db.execute(f"DELETE FROM documents WHERE meeting_id IS NULL AND id IN ({marks})", ids)
    drop_orphans(db, people)
    relink(db, m["series"], stamp)
    parts = [_plural(counts[t], w) for t, w in (("attendees", "attendee"), ("items", "item"),
                                                 ("questions", "question"), ("actions", "action"),
                                                 ("updates", "update"), ("decisions", "decision"))]
    files = ", ".join(d["name"] for d in docs)
    stays = [r[0] for r in db.execute(f"SELECT name FROM documents WHERE id IN ({marks})", ids)]
    if stays:   # a file another meeting holds too (a database from before files held one meeting)
        lines.append(f"kept: {', '.join(stays)}, which another meeting holds too")
    return Change("forget", f"meeting {meeting_id}",
                  f"forgot meeting {meeting_id} ({m['name']}) read from {files}: " + ", ".join(parts),
                  lines, {"meeting": m, "counts": counts, "documents": docs, "kept": kept})
