"""Data in, text or files out: nothing here reads or writes the database.

formats (the aligned table, JSON, the one CSV writer, the one Markdown
writer, text made safe for a terminal), actions (the chair's list, an
action's life), meeting (one meeting as text), audit (meetings, people,
decisions, search results), actionlog (the action log as DOCX, HTML,
Markdown or CSV), ical (due actions as iCalendar), datasette (Datasette's
metadata) and files (a report written whole, never over the database).
"""
