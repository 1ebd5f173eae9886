"""A synthetic corpus of minutes for the benchmark: the same meeting in DOCX, HTML and Markdown.

    .venv/bin/python bench/corpus.py /tmp/corpus          # writes small/medium/large x 3 formats

Each meeting has what real minutes have: a title, the date, a "Present"
table (Name (XX) | Role | Organisation), apologies, an Item | Discussion |
Action table whose discussion cells hold a bold item title, prose, bold
"XX: question?" leads answered in the same paragraph and "XX to …" tasks,
and (large only) an action log of 2,000 rows.  Sizes: small ~2 pages,
medium ~30 pages, large ~300 pages.  The DOCX is written with python-docx,
the HTML and Markdown by plain string building.  Deterministic: the same
size and seed give the same words (the DOCX zip carries python-docx's
timestamps, so its bytes may differ between builds).
"""
from __future__ import annotations

import datetime
import html
import os
import random
import sys
from dataclasses import dataclass, field

# name, role, organisation
PEOPLE = [
    ("Alice Brennan", "Chair", "Northfield Parish Council"),
    ("Peter Grant", "Head of Procurement", "County Council"),
    ("Sarah McBride", "Clerk", "Northfield Parish Council"),
    ("David Okafor", "Finance Officer", "County Council"),
    ("Helen Price", "Operations Manager", "Living Streets Trust"),
    ("Karen Patel", "Director of Services", "Action Homes"),
    ("Joseph Bell", "Inspector", "Constabulary"),
    ("Nicola Fairfax", "Trustee", "Village Hall Trust"),
    ("Tom Quigley", "Contract Monitoring Officer", "Enable"),
    ("Rachel Singh", "Community Safety Lead", "District Council"),
    ("Gareth Evans", "Councillor", "Northfield Parish Council"),
    ("Mina Hassan", "Head of Safeguarding", "NHS Trust"),
]
WORDS = ("the council budget review report members agreed noted proposal contract service providers "
         "consultation period funding stage process tender partners update meeting figures quarter "
         "delivery plan risk schedule payment performance outcomes local residents highways drainage "
         "planning application footpath grant allotment maintenance survey village hall insurance "
         "policy training volunteers community event safety lighting audit reserves precept "
         "procurement assessment timetable decision options evidence scope").split()
TASKS = ["circulate the revised figures", "write to the highways authority", "obtain three quotes",
         "update the risk register", "arrange a site visit", "report back on the consultation",
         "draft the grant application", "check the insurance schedule", "book the village hall",
         "prepare the quarterly budget report", "contact the contractor", "review the policy"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SIZES = {"small": (2, 0), "medium": (30, 0), "large": (300, 2000)}   # items, action-log rows
FORMATS = ("docx", "html", "md")


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split())


@dataclass
class Para:
    runs: list[tuple[str, bool]]          # (text, bold)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass
class Item:
    number: int
    title: str
    paras: list[Para]
    owner: str = ""                       # initials in the Action column


@dataclass
class Meeting:
    title: str
    date: str
    present: list[tuple[str, str, str]]
    apologies: str
    items: list[Item]
    log: list[tuple[str, str, str, str, str]] = field(default_factory=list)   # ref, action, owner, due, status


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _prose(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def meeting(size: str, seed: int = 1) -> Meeting:
    """The meeting of ``size`` ("small", "medium", "large")."""
    n_items, n_log = SIZES[size]
    rng = random.Random(f"{size}-{seed}")
    present = [(f"{n} ({initials(n)})", r, o) for n, r, o in PEOPLE[:10]]
    codes = [initials(n) for n, _, _ in PEOPLE[:10]]
    items = []
    for k in range(1, n_items + 1):
        paras = [Para([(_prose(rng, rng.randint(3, 5)), False)]) for _ in range(rng.randint(3, 4))]
        for _ in range(rng.randint(2, 3)):
            asker, answerer = rng.sample(codes, 2)
            paras.append(Para([(f"{asker}: {_sentence(rng, 9)[:-1]}?", True),
                               (f"  {answerer}: {_prose(rng, 2)}", False)]))
        paras.append(Para([(f"{rng.choice(codes)}: {_prose(rng, 2)}", False)]))
        owner = ""
        if k % 2 == 0:
            owner = rng.choice(codes)
            paras.append(Para([(f"{owner} to {rng.choice(TASKS)} by {rng.randint(1, 28)} "
                                f"{rng.choice(MONTHS)} 2024.", False)]))
        title = " ".join(rng.choice(WORDS) for _ in range(3)).title()
        items.append(Item(k, title, paras, owner))
    log = [(str(r), f"{rng.choice(TASKS).capitalize()} for the {rng.choice(WORDS)} {rng.choice(WORDS)}",
            rng.choice(codes), f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2024",
            rng.choice(["Open", "Complete", "Ongoing", "Closed"])) for r in range(1, n_log + 1)]
    day = datetime.date(2000, 1, 5) + datetime.timedelta(days=14 * seed)   # distinct per copy
    return Meeting("Northfield Parish Council Finance Committee",
                   f"{day.day} {MONTHS[day.month - 1]} {day.year}", present,
                   "Apologies were received from Gareth Evans and Mina Hassan.", items, log)


# -- renderers ---------------------------------------------------------------------

def to_docx(m: Meeting, path: str) -> None:
    import docx
    from docx.table import _Cell

    doc = docx.Document()
    doc.add_heading(m.title, 0)
    doc.add_paragraph(f"Minutes of the meeting held on {m.date}")
    doc.add_heading("Present", 1)

    def table(header: list[str], rows, fill) -> None:
        t = doc.add_table(rows=1, cols=len(header))
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, header):
            cell.paragraphs[0].add_run(text).bold = True
        for row in rows:
            tr = t.add_row()
            fill([_Cell(tc, t) for tc in tr._tr.tc_lst], row)   # not tr.cells: quadratic

    def plain(cells, row) -> None:
        for cell, text in zip(cells, row):
            cell.text = text

    table(["Name", "Role", "Organisation"], m.present, plain)
    doc.add_paragraph(m.apologies)

    def item(cells, it: Item) -> None:
        cells[0].text = str(it.number)
        cells[1].paragraphs[0].add_run(it.title).bold = True
        for p in it.paras:
            para = cells[1].add_paragraph()
            for text, bold in p.runs:
                para.add_run(text).bold = bold or None
        cells[2].text = it.owner

    table(["Item", "Discussion", "Action"], m.items, item)
    if m.log:
        doc.add_heading("Action log", 1)
        table(["Ref", "Action", "Owner", "Due", "Status"], m.log, plain)
    doc.save(path)


def to_html(m: Meeting) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">",
           f"<title>{e(m.title)}</title></head>\n<body>\n<h1>{e(m.title)}</h1>",
           f"<p>Minutes of the meeting held on {e(m.date)}</p>\n<h2>Present</h2>",
           "<table>\n<tr><th>Name</th><th>Role</th><th>Organisation</th></tr>"]
    out += [f"<tr><td>{e(n)}</td><td>{e(r)}</td><td>{e(o)}</td></tr>" for n, r, o in m.present]
    out += ["</table>", f"<p>{e(m.apologies)}</p>",
            "<table>\n<tr><th>Item</th><th>Discussion</th><th>Action</th></tr>"]
    for it in m.items:
        paras = "".join("<p>" + "".join(f"<b>{e(t)}</b>" if b else e(t) for t, b in p.runs) + "</p>\n"
                        for p in it.paras)
        out.append(f"<tr><td>{it.number}</td><td><p><b>{e(it.title)}</b></p>\n{paras}</td>"
                   f"<td>{e(it.owner)}</td></tr>")
    out.append("</table>")
    if m.log:
        out += ["<h2>Action log</h2>", "<table>\n<tr><th>Ref</th><th>Action</th><th>Owner</th>"
                "<th>Due</th><th>Status</th></tr>"]
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in m.log]
        out.append("</table>")
    out.append("</body></html>\n")
    return "\n".join(out)


def to_markdown(m: Meeting) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    out = [f"# {m.title}", "", f"Minutes of the meeting held on {m.date}", "", "## Present", "",
           "| Name | Role | Organisation |", "| --- | --- | --- |"]
    out += [f"| {n} | {r} | {o} |" for n, r, o in m.present]
    out += ["", m.apologies, "", "| Item | Discussion | Action |", "| --- | --- | --- |"]
    for it in m.items:
        paras = [f"**{it.title}**"] + ["".join(f"**{t.strip()}** " if b else t.strip() for t, b in p.runs)
                                       for p in it.paras]
        out.append(f"| {it.number} | {cell('<br><br>'.join(paras))} | {it.owner} |")
    if m.log:
        out += ["", "## Action log", "", "| Ref | Action | Owner | Due | Status |",
                "| --- | --- | --- | --- | --- |"]
        out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in m.log]
    return "\n".join(out) + "\n"


def write(folder: str, sizes=tuple(SIZES), copies: int = 1) -> dict[tuple[str, str], list[str]]:
    """Write ``copies`` meetings of each size in each format; returns {(format, size): paths}.

    Copies differ in their words and date (distinct documents for ingest)."""
    os.makedirs(folder, exist_ok=True)
    out: dict[tuple[str, str], list[str]] = {}
    for size in sizes:
        for seed in range(1, copies + 1):
            m = meeting(size, seed)
            for fmt in FORMATS:
                path = os.path.join(folder, f"{size}-{seed:04d}.{fmt}")
                if not os.path.exists(path):
                    if fmt == "docx":
                        to_docx(m, path)
                    else:
                        with open(path, "w", encoding="utf-8") as fh:
                            fh.write(to_html(m) if fmt == "html" else to_markdown(m))
                out.setdefault((fmt, size), []).append(path)
    return out


if __name__ == "__main__":
    for key, paths in write(sys.argv[1] if len(sys.argv) > 1 else "bench-corpus").items():
        print(*key, *paths)
