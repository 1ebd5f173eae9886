"""The Datasette plugin that makes a minutes database read as minutes ('minutes serve').

- the home page lists the open actions by owner (overdue ones marked), with a search box;
- a meeting's page (``/db/meetings/3``) reads as its minutes: attendees, items, questions with
  their answers, decisions, actions and updates, each with its ``where``; the record below;
- a row page shows each foreign key by its label ("Daxa Pancholi"), not a bare id;
- tables hide internal columns (``key``, ``position``, timestamps) and put the readable ones first;
  the actions table offers open / done / dropped / all;
- nothing can be written: every write permission is refused.

Registered by ``minutes.serve`` (and as a ``datasette`` entry point, for 'datasette' run by hand);
it acts only on databases that have minutes' tables.  Its templates extend Datasette's own
(``default:row.html``) and live in ``templates/``.
"""
from __future__ import annotations

import markupsafe
import sqlite_utils
from datasette import hookimpl

from minutes.output.dates import day_text
from minutes.queries import outstanding, show_meeting
from minutes.tracking.owners import by_owner

MINUTES_TABLES = {"meetings", "actions", "action_owners", "people"}
# table -> (columns shown first, columns hidden): what a chair reads first, and what is the database's own
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "actions": (("id", "text", "owners", "status", "due", "meeting_id", "item", "ref"),
                ("key", "position", "created_at", "updated_at", "due_text", "minutes_status")),
    "meetings": (("id", "name", "date", "title", "location"),
                 ("key", "created_at", "updated_at", "link_warnings")),
    "people": (("id", "name", "initials", "email"), ("key", "email_by_hand")),
    "attendees": (("id", "name", "initials", "status", "role", "organisation", "meeting_id"),
                  ("position",)),
    "items": (("id", "number", "title", "text", "meeting_id"), ("position",)),
    "questions": (("id", "text", "asker", "item", "meeting_id"), ("position",)),
    "answers": (("id", "text", "speaker", "question_id"), ("position",)),
    "decisions": (("id", "text", "item", "meeting_id"), ("position",)),
    "updates": (("id", "text", "status", "note", "ref", "action_id", "meeting_id"), ("position",)),
    "action_owners": (("id", "written", "person_id", "action_id"), ("position",)),
    "action_events": (("id", "action_id", "event", "note", "on_date", "actor", "source"), ("derived",)),
}
WRITES = {"insert-row", "delete-row", "update-row", "create-table", "alter-table", "drop-table", "upsert-row",
          "execute-write"}
STATUS_FILTERS = (("Open", "open"), ("Done", "done"), ("Dropped", "dropped"), ("All", None))


async def _is_minutes(datasette, database: str | None) -> bool:
    if not database or database not in datasette.databases:
        return False
    return MINUTES_TABLES <= set(await datasette.get_database(database).table_names())


def _order(table: str | None):
    """The display order (indexes) of a table's columns: the readable first, the internal left out."""
    first, hidden = COLUMNS.get(table or "", ((), ()))

    def order(columns: list) -> list[int]:
        names = [c["name"] if isinstance(c, dict) else c for c in columns]
        shown = [i for i, n in enumerate(names) if n not in hidden]
        rank = {n: k for k, n in enumerate(first)}
        return sorted(shown, key=lambda i: (rank.get(names[i], len(rank)), i))
    return order


def _home(conn) -> list[dict]:
    rows = outstanding(sqlite_utils.Database(conn))
    today = __import__("datetime").date.today().isoformat()
    for r in rows:
        r["overdue"] = bool(r["due"]) and r["due"][:4].isdigit() and r["due"][:10] < today
        r["due_shown"] = day_text(r["due"] or r.get("due_text"))
        r["meeting_shown"] = day_text(r["meeting_date"]) or (r["meeting_title"] or "")
    return [{"owner": label, "actions": actions} for label, actions in by_owner(rows)]


def _meeting(conn, pk: str) -> dict:
    data = show_meeting(sqlite_utils.Database(conn), pk)
    data["date_shown"] = day_text(data["meeting"]["date"])
    for a in data["actions"]:
        a["due_shown"] = day_text(a["due"] or a.get("due_text"))
    return data


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    async def inner():
        if view_name == "index":
            homes = []
            for name in datasette.databases:
                if await _is_minutes(datasette, name):
                    groups = await datasette.get_database(name).execute_fn(_home)
                    homes.append({"database": name, "groups": groups,
                                  "count": len({a["id"] for g in groups for a in g["actions"]})})
            return {"minutes_homes": homes, "day_text": day_text}
        if not await _is_minutes(datasette, database):
            return {}
        out = {"minutes_order": _order(table), "day_text": day_text}
        if view_name == "table" and table == "actions":
            out["minutes_status_filters"] = STATUS_FILTERS
        if view_name == "row" and table == "meetings":
            pk = request.url_vars.get("pks", "")
            if pk.isascii() and pk.isdigit():
                out["minutes_meeting"] = await datasette.get_database(database).execute_fn(
                    lambda conn: _meeting(conn, pk))
        return out
    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """On a row page, a foreign key shown by its label and linked, as table pages show it."""
    if not isinstance(value, int) or table not in COLUMNS or not (column.endswith("_id") or column == "carried_from"):
        return None

    async def inner():
        if not await _is_minutes(datasette, database):
            return None
        db = datasette.get_database(database)
        keys = {fk["column"]: fk for fk in await db.foreign_keys_for_table(table)}
        fk = keys.get(column)
        if fk is None:
            return None
        label = await db.label_column_for_table(fk["other_table"])
        if not label:
            return None
        found = await db.execute(f"select [{label}] from [{fk['other_table']}] where [{fk['other_column']}] = ?",
                                 [value])
        first = found.first()
        if first is None or first[0] is None:
            return None
        link = datasette.urls.row(database, fk["other_table"], str(value))
        return markupsafe.Markup(f'<a href="{markupsafe.escape(link)}">{markupsafe.escape(first[0])}</a>'
                                 f' <em>{value}</em>')
    return inner


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    """Read only: no row, table or query may write."""
    if action in WRITES:
        return False
    return None
