"""Turn records and rows into text: tables, JSON, CSV, Markdown.  No printing."""
from __future__ import annotations

from parsers.records import Minutes


def minutes_summary(m: Minutes) -> str:
    """A readable summary of one parse: meeting, attendees, items, actions, warnings."""
    mt = m.meeting
    lines = [mt.title or "(untitled meeting)"]
    if mt.subtitle:
        lines.append(mt.subtitle)
    when = " ".join(x for x in (mt.date, mt.start_time and f"from {mt.start_time}",
                                mt.end_time and f"to {mt.end_time}") if x)
    if when:
        lines.append(when)
    if mt.location:
        lines.append(mt.location)
    lines.append("")
    lines.append(f"Attendees ({len(m.attendees)}):")
    for a in m.attendees:
        extra = ", ".join(x for x in (a.role, a.organisation) if x)
        ini = f" ({a.initials})" if a.initials else ""
        status = "" if a.status == "present" else f" [{a.status}]"
        lines.append(f"  {a.name}{ini}{' - ' + extra if extra else ''}{status}")
    lines.append("")
    lines.append(f"Items ({len(m.items)}):")
    for it in m.items:
        lines.append(f"  {it.number or '-'}  {it.title or ''}")
    lines.append("")
    lines.append(f"Questions: {len(m.questions)}   Decisions: {len(m.decisions)}   "
                 f"Updates on earlier actions: {len(m.updates)}")
    lines.append("")
    lines.append(f"Actions ({len(m.actions)}):")
    for ac in m.actions:
        owners = ", ".join(ac.owners) or "(no owner)"
        item = f"item {ac.item}: " if ac.item else ""
        lines.append(f"  [{owners}] {item}{ac.text}")
    if m.warnings:
        lines.append("")
        lines.append(f"Warnings ({len(m.warnings)}):")
        lines.extend(f"  - {w}" for w in m.warnings)
    return "\n".join(lines)
