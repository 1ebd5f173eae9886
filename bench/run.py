"""Benchmark: parse speed against the physical floor, ingest throughput, query times.

    .venv/bin/python bench/run.py            # full run (a few minutes on 2 cores)
    .venv/bin/python bench/run.py --quick    # smaller corpus, fewer rounds, 100,000 actions

A script, not a test.  Every ratio is measured against a floor timed in the
same run, in interleaved rounds (floor, parse, floor, parse, …), medians:

- DOCX floor: read word/document.xml from the zip, lxml.etree.fromstring, one
  pass over every w:t;
- HTML floor: lxml.html.fromstring and itertext;
- text floor: decode, split lines, one regex per line; and a bare
  markdown-it-py parse (tables on), the reference of the text target;
- PDF floor: pypdfium2 opening the medium minutes printed to PDF by
  LibreOffice (cached in bench/out) and every page's text in one call; and
  pdfplumber's extract_text() of every page, what a user would write by hand.

"parse" is ``parsers.parse_bytes`` (sniff, read, extract) from bytes in memory.
"""
from __future__ import annotations

import argparse
import gc
import io
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

import corpus  # noqa: E402

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
_LINE = re.compile(r"^\s*(?:#+\s|\|)|\b[A-Z]{2,4}:")


# -- floors ------------------------------------------------------------------------

def floor_docx(data: bytes) -> int:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return sum(len(t.text or "") for t in root.iter(W_T))


def floor_html(data: bytes) -> int:
    import lxml.html

    return sum(len(s) for s in lxml.html.fromstring(data).itertext())


def floor_text(data: bytes) -> int:
    return sum(1 for line in data.decode("utf-8").splitlines() if _LINE.search(line))


_MD = None


def markdown_it(data: bytes) -> int:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        _MD = MarkdownIt("commonmark").enable("table")
    return len(_MD.parse(data.decode("utf-8")))


def parse(path: str, data: bytes):
    from parsers import parse_bytes

    return parse_bytes(path, data)


def read(path: str, data: bytes):
    """The reader alone (bytes to the document model): parse minus this is the extractors."""
    from parsers import read_bytes

    return read_bytes(path, data)


FLOORS = {"docx": floor_docx, "html": floor_html, "md": floor_text}  # and "pdf", below


def timed(fn, *args, repeat: int = 1) -> float:
    gc.collect()
    t = time.perf_counter()
    for _ in range(repeat):
        fn(*args)
    return (time.perf_counter() - t) / repeat


# -- 1. parse + extract against the floor ------------------------------------------------

def bench_parse(files: dict, rounds: dict) -> list[dict]:
    cases = []
    for (fmt, size), paths in sorted(files.items(), key=lambda kv: (list(corpus.SIZES).index(kv[0][1]),
                                                                      corpus.FORMATS.index(kv[0][0]))):
        with open(paths[0], "rb") as fh:
            data = fh.read()
        parse(paths[0], data)  # warm up imports and caches
        cases.append({"format": fmt, "size": size, "path": paths[0], "data": data,
                      "floor": [], "parse": [], "read": [], "mdit": []})
    for r in range(max(rounds.values())):
        for c in cases:
            if r >= rounds[c["size"]]:
                continue
            repeat = 10 if c["size"] == "small" else 1
            c["floor"].append(timed(FLOORS[c["format"]], c["data"], repeat=repeat))
            c["parse"].append(timed(parse, c["path"], c["data"], repeat=repeat))
            c["read"].append(timed(read, c["path"], c["data"], repeat=repeat))
            if c["format"] == "md":
                c["mdit"].append(timed(markdown_it, c["data"], repeat=repeat))
    out = []
    for c in cases:
        fl, pa, rd = (statistics.median(c[k]) for k in ("floor", "parse", "read"))
        row = {"format": c["format"], "size": c["size"], "bytes": len(c["data"]), "floor_ms": fl * 1e3,
               "parse_ms": pa * 1e3, "docs_s": 1 / pa, "mb_s": len(c["data"]) / pa / 1e6, "ratio": pa / fl,
               "read_ms": rd * 1e3, "read_ratio": rd / fl, "extract_ratio": max(pa - rd, 0) / fl}
        if c["mdit"]:
            md = statistics.median(c["mdit"])
            row.update(mdit_ms=md * 1e3, mdit_ratio=pa / md, mdit_floor=md / fl, read_mdit=rd / md,
                       extract_mdit=max(pa - rd, 0) / md)
        out.append(row)
    return out


MEMORY_CHILD = r"""
import io, json, sys, zipfile
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[1] + "/bench")
from parsers import parse_bytes
import run
small, large, mode = sys.argv[2], sys.argv[3], sys.argv[4]
work = parse_bytes if mode == "parse" else (lambda p, d: run.FLOORS[p.rsplit(".", 1)[1]](d))
work(small, open(small, "rb").read())
data = open(large, "rb").read()
def status(key):  # kB; ru_maxrss would carry the parent's peak across fork and exec
    return int(next(l for l in open("/proc/self/status") if l.startswith(key)).split()[1])
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")  # reset the peak (VmHWM) to the current size
before = status("VmRSS")
work(large, data)
after = status("VmHWM")
if large.endswith(".docx"):
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
else:
    size = len(data)
print(json.dumps({"peak_kb": after - before, "source_bytes": size}))
"""


def bench_memory(files: dict, pdf_path: str | None = None) -> list[dict]:
    """Peak RSS growth while parsing the large document, in a fresh process
    (after a small one of its format); for PDF, the medium minutes printed to
    PDF (the only PDF the bench makes), after the sample minutes' PDF."""
    out = []
    runs = [(fmt, files[(fmt, "small")][0], files[(fmt, "large")][0]) for fmt in corpus.FORMATS
            if (fmt, "large") in files]
    warm = os.path.join(ROOT, "fixtures", "sample-word.pdf")  # a small PDF read first, as the small documents are
    if pdf_path is not None and os.path.exists(warm):
        runs.append(("pdf", warm, pdf_path))
    for fmt, small, large in runs:
        got = {}
        for mode in ("parse", "floor"):
            res = subprocess.run([sys.executable, "-c", MEMORY_CHILD, ROOT, small, large, mode],
                                 capture_output=True, text=True, check=True)
            got[mode] = json.loads(res.stdout)
        size = got["parse"]["source_bytes"]
        out.append({"format": fmt, "peak_mb": got["parse"]["peak_kb"] / 1024, "source_mb": size / 1e6,
                    "ratio": got["parse"]["peak_kb"] * 1024 / size,
                    "floor_ratio": got["floor"]["peak_kb"] * 1024 / size})
    return out


# -- 1b. PDF: the medium minutes printed to PDF -------------------------------------------

def medium_pdf(docx_path: str) -> str | None:
    """The bench's medium DOCX printed to PDF by LibreOffice, cached in bench/out
    (None, and the PDF row skipped, without soffice)."""
    import shutil

    out = os.path.join(HERE, "out")
    target = os.path.join(out, os.path.basename(docx_path).rsplit(".", 1)[0] + ".pdf")
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(docx_path):
        return target
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                        "--outdir", out, docx_path], check=True, capture_output=True, timeout=600)
    return target


def floor_pdf(data: bytes) -> int:
    """pypdfium2 alone: open the PDF, every page's text in one call."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    n = 0
    for page in pdf:
        text = page.get_textpage()
        n += len(text.get_text_range())
        text.close()
        page.close()
    pdf.close()
    return n


FLOORS["pdf"] = floor_pdf


def plumber_pdf(data: bytes) -> int:
    """What a user would write by hand: pdfplumber's extract_text() of every page."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def bench_pdf(docx_path: str, rounds: int) -> dict | None:
    """parse+extract of the medium PDF against pypdfium2's bare text (the floor) and
    pdfplumber's extract_text(), interleaved in the same rounds, medians."""
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        print("pdfplumber is not installed (pip install -e '.[bench]'): no PDF row", file=sys.stderr)
        return None
    path = medium_pdf(docx_path)
    if path is None:
        print("soffice not found (apt-get install libreoffice-writer): no PDF row", file=sys.stderr)
        return None
    with open(path, "rb") as fh:
        data = fh.read()
    parse(path, data)
    got: dict[str, list[float]] = {"floor": [], "plumber": [], "parse": [], "read": []}
    for _ in range(rounds):
        got["floor"].append(timed(floor_pdf, data))
        got["plumber"].append(timed(plumber_pdf, data))
        got["parse"].append(timed(parse, path, data))
        got["read"].append(timed(read, path, data))
    fl, pl, pa, rd = (statistics.median(got[k]) for k in ("floor", "plumber", "parse", "read"))
    import pypdfium2 as pdfium

    return {"path": path, "bytes": len(data), "pages": len(pdfium.PdfDocument(data)), "floor_ms": fl * 1e3,
            "plumber_ms": pl * 1e3, "parse_ms": pa * 1e3, "read_ms": rd * 1e3, "ratio": pa / fl,
            "plumber_ratio": pa / pl, "read_ratio": rd / fl, "extract_ratio": max(pa - rd, 0) / fl,
            "plumber_floor": pl / fl}


def report_pdf(row: dict | None) -> list[str]:
    if row is None:
        return ["", "PDF: skipped (needs soffice and pdfplumber)"]
    return ["", f"PDF: the medium minutes printed by LibreOffice ({row['pages']} pages, "
                f"{row['bytes'] / 1024:.0f} KB), median of interleaved rounds",
            f"  pypdfium2 bare text (the floor)   {row['floor_ms']:9.1f} ms",
            f"  pdfplumber extract_text()         {row['plumber_ms']:9.1f} ms  ({row['plumber_floor']:.1f}x the floor)",
            f"  minutes parse+extract             {row['parse_ms']:9.1f} ms  = {row['ratio']:.2f}x the floor, "
            f"{row['plumber_ratio']:.2f}x pdfplumber",
            f"    reader {row['read_ms']:.1f} ms ({row['read_ratio']:.2f}x the floor), "
            f"extractors {row['extract_ratio']:.2f}x the floor"]


# -- 2. ingest ------------------------------------------------------------------------

TABLES = ("documents", "meetings", "people", "attendees", "items", "questions", "answers", "actions",
          "action_owners", "action_events", "updates", "decisions")


def bench_ingest(paths: list[str], jobs: int, workdir: str) -> dict:
    from minutes import ingest, store

    spent = [0.0]
    real = {name: getattr(store, name) for name in ("save", "relink_pending", "links_of")}

    def timer(fn):
        def timed_fn(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[0] += time.perf_counter() - t
        return timed_fn

    out = {"documents": len(paths), "mb": sum(os.path.getsize(p) for p in paths) / 1e6}
    dbs = {}
    for n in (1, jobs):
        db_path = os.path.join(workdir, f"ingest-{n}.db")
        spent[0] = 0.0
        for name, fn in real.items():   # the store's work: saves, and the series relinked per batch
            setattr(store, name, timer(fn))
        try:
            t = time.perf_counter()
            report = ingest.ingest_paths(db_path, paths, jobs=n)
            took = time.perf_counter() - t
        finally:
            for name, fn in real.items():
                setattr(store, name, fn)
        assert report.count("added") == len(paths), report.summary()
        out[f"jobs{n}"] = {"seconds": took, "docs_s": len(paths) / took, "sqlite_s": spent[0]}
        dbs[n] = db_path
    out["bare_insert_s"] = _bare_insert(dbs[1], os.path.join(workdir, "bare.db"))
    out["sqlite_ratio"] = out["jobs1"]["sqlite_s"] / out["bare_insert_s"]
    return out


def _bare_insert(source: str, target: str) -> float:
    """Insert the rows of ``source`` into a fresh database of the same schema with
    insert_all, one transaction per meeting: the floor of the store's work."""
    from minutes.db import connect, transaction

    src = sqlite3.connect(source)
    per_meeting: dict[int, dict[str, list[dict]]] = {}
    shared: dict[str, list[dict]] = {}
    held: dict[int | None, list[int]] = {}
    for table in TABLES:
        cur = src.execute(f"SELECT * FROM {table}")
        cols = [c[0] for c in cur.description]
        for r in cur:
            row = dict(zip(cols, r))
            if table == "documents":   # the meeting it holds is set once the meeting is in (a circle of keys)
                held.setdefault(row.pop("meeting_id"), []).append(row["id"])
                shared.setdefault(table, []).append(row)
            elif "meeting_id" in row:
                per_meeting.setdefault(row["meeting_id"], {}).setdefault(table, []).append(row)
            elif table == "meetings":
                per_meeting.setdefault(row["id"], {}).setdefault(table, []).append(row)
            else:
                shared.setdefault(table, []).append(row)
    src.close()
    db = connect(target)
    with transaction(db):
        pass
    t = time.perf_counter()
    with transaction(db):
        for table, rows in shared.items():
            db[table].insert_all(rows, batch_size=500)
    for mid in sorted(per_meeting):
        with transaction(db):
            for table in TABLES:
                rows = per_meeting[mid].get(table)
                if rows:
                    db[table].insert_all(rows, batch_size=500)
                if table == "meetings":
                    for doc in held.get(mid, []):
                        db.execute("UPDATE documents SET meeting_id = ? WHERE id = ?", [mid, doc])
    took = time.perf_counter() - t
    db.close()
    return took


# -- 3. queries ------------------------------------------------------------------------

def build_actions_db(path: str, meetings: int, per_meeting: int, seed: int = 7) -> dict:
    """A database of the real schema filled by direct SQL: ``meetings`` x ``per_meeting``
    actions, one or two owners each among 400 people; recent actions mostly open, old
    ones mostly done (about 5% open in all).  FTS triggers are dropped for the build."""
    from minutes.db import connect, transaction

    rng = random.Random(seed)
    db = connect(path)
    with transaction(db):
        pass
    conn = db.conn
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    people = [(f"Person {k}", "".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(2)) + str(k), f"person {k}")
              for k in range(400)]
    stamp = "2024-01-01T00:00:00+00:00"
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO people (name, initials, key) VALUES (?, ?, ?)", people)
    conn.executemany("INSERT INTO documents (id, name, path, sha256, format, size, ingested_at) "
                     "VALUES (?, ?, ?, ?, 'docx', 1000, ?)",
                     ((m, f"m{m}.docx", f"/a/m{m}.docx", f"{m:064x}", stamp) for m in range(1, meetings + 1)))
    start = date(1990, 1, 1).toordinal()
    conn.executemany("INSERT INTO meetings (id, name, series, title, date, key, document_id, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     ((m, f"Board {m}", f"Board {m % 20}", "Board", date.fromordinal(start + m).isoformat(),
                       f"Board|{m}", m, stamp, stamp) for m in range(1, meetings + 1)))
    members = {}
    att = []
    for m in range(1, meetings + 1):
        chosen = rng.sample(range(1, 401), 10)
        members[m] = chosen
        att += [(m, p, people[p - 1][0], people[p - 1][1], "present", k) for k, p in enumerate(chosen)]
    conn.executemany("INSERT INTO attendees (meeting_id, person_id, name, initials, status, position) "
                     "VALUES (?, ?, ?, ?, ?, ?)", att)
    att_id = {(m, p): i for i, m, p in conn.execute("SELECT id, meeting_id, person_id FROM attendees")}
    actions, owners = [], []
    aid = 0
    for m in range(1, meetings + 1):
        recent = m > meetings * 0.97
        for k in range(per_meeting):
            aid += 1
            status = "open" if rng.random() < (0.6 if recent else 0.035) else rng.choice(("done", "done", "dropped"))
            who = rng.sample(members[m], 2 if rng.random() < 0.1 else 1)
            written = ", ".join(people[p - 1][1] for p in who)
            actions.append((aid, m, written, f"Task {aid} for the board", f"k{aid}", status, status,
                            k, stamp, stamp))
            owners += [(aid, m, people[p - 1][1], p, att_id[(m, p)], j) for j, p in enumerate(who)]
    conn.executemany("INSERT INTO actions (id, meeting_id, owners, text, key, status, minutes_status, position, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", actions)
    conn.executemany("INSERT INTO action_owners (action_id, meeting_id, written, person_id, attendee_id, "
                     "position) VALUES (?, ?, ?, ?, ?, ?)", owners)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    db.close()
    return {"meetings": meetings, "actions": aid, "open": sum(a[5] == "open" for a in actions),
            "owner": people[members[meetings][0] - 1][1]}


GROUPED_SQL = """
SELECT coalesce(p.name, o.written) AS owner, count(*) AS open_actions
FROM actions a JOIN action_owners o ON o.action_id = a.id LEFT JOIN people p ON p.id = o.person_id
WHERE a.status = 'open' GROUP BY owner ORDER BY owner
"""


def best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_queries(path: str, info: dict) -> dict:
    from minutes import queries
    from minutes.db import connect
    from minutes.tracking.owners import by_owner

    db = connect(path, create=False)
    out = dict(info)
    out["grouped_sql_ms"] = best(lambda: db.execute(GROUPED_SQL).fetchall()) * 1e3
    out["owner_ms"] = best(lambda: queries.outstanding(db, owner=info["owner"])) * 1e3
    out["owner_rows"] = len(queries.outstanding(db, owner=info["owner"]))
    out["all_open_ms"] = best(lambda: by_owner(queries.outstanding(db)), 3) * 1e3
    db.close()
    return out


def bench_all_queries(work: str, actions_db: tuple[int, int]) -> tuple[list[dict], dict]:
    """The query figures on ``actions_db`` (meetings x actions) and on 10,000 meetings, where
    'minutes actions' is also timed as a whole process."""
    queries = []
    big = os.path.join(work, "actions.db")
    queries.append(bench_queries(big, build_actions_db(big, *actions_db)))
    os.remove(big)
    ten = os.path.join(work, "ten.db")
    cli = build_actions_db(ten, 10_000, 10)
    queries.append(bench_queries(ten, cli))
    cli.update(bench_cli(ten))
    return queries, cli


def bench_cli(path: str) -> dict:
    """``minutes actions`` as a whole process (start-up included), median of 5."""
    exe = os.path.join(os.path.dirname(sys.executable), "minutes")
    cmd = [exe, "actions", "--db", path] if os.path.exists(exe) else \
        [sys.executable, "-m", "minutes.cli", "actions", "--db", path]

    def run() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)

    run()
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c", "import minutes.cli"],
                             capture_output=True, text=True).stderr
    return {"seconds": best(run), "import_cli_ms": _import_total(imports, "minutes.cli")}


def _import_total(text: str, module: str) -> float:
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1e3
    return float("nan")


# -- report ------------------------------------------------------------------------------

def report_ingest(i: dict) -> list[str]:
    lines = [f"2. ingest {i['documents']} medium DOCX ({i['mb']:.1f} MB) into SQLite, end to end"]
    for key in sorted(k for k in i if k.startswith("jobs")):
        j = i[key]
        lines.append(f"  --jobs {key[4:]:<3} {j['seconds']:6.2f} s  {j['docs_s']:6.1f} docs/s  "
                     f"(store {j['sqlite_s']:.2f} s)")
    lines.append(f"  SQLite share (serial): store {i['jobs1']['sqlite_s']:.2f} s vs bare insert_all "
                 f"of the same rows {i['bare_insert_s']:.2f} s: {i['sqlite_ratio']:.2f}x")
    return lines


def report_parse(parse_rows, memory, args, pdf_row=None) -> str:
    lines = [f"minutes bench  {date.today().isoformat()}  python {sys.version.split()[0]}  "
             f"{os.cpu_count()} cores  {'--quick' if args.quick else 'full'}", "",
             "1. parse + extract against the floor (median of interleaved rounds)",
             f"{'format':<6} {'size':<7} {'KB':>7} {'floor ms':>9} {'parse ms':>9} {'docs/s':>8} "
             f"{'MB/s':>6} {'x floor':>8} {'x md-it':>8}"]
    for r in parse_rows:
        md = f"{r['mdit_ratio']:8.2f}" if "mdit_ratio" in r else f"{'':>8}"
        lines.append(f"{r['format']:<6} {r['size']:<7} {r['bytes'] / 1024:7.0f} {r['floor_ms']:9.2f} "
                     f"{r['parse_ms']:9.2f} {r['docs_s']:8.1f} {r['mb_s']:6.2f} {r['ratio']:8.2f} {md}")
    lines += ["", "  where the time goes: the reader (bytes to the document model) and the extractors",
              f"  {'format':<6} {'size':<7} {'read ms':>8} {'read x':>7} {'extract x':>10}  (x the floor; "
              "Markdown: x markdown-it-py)"]
    for r in parse_rows:
        base = ("read_mdit", "extract_mdit") if "read_mdit" in r else ("read_ratio", "extract_ratio")
        lines.append(f"  {r['format']:<6} {r['size']:<7} {r['read_ms']:8.2f} {r[base[0]]:7.2f} {r[base[1]]:10.2f}")
    for r in parse_rows:
        if "mdit_floor" in r:
            lines.append(f"  (markdown-it-py alone on {r['size']} text: {r['mdit_ms']:.2f} ms, "
                         f"{r['mdit_floor']:.0f}x the text floor)")
    lines += report_pdf(pdf_row)
    lines += ["", "memory on the large document (peak RSS growth, fresh process; PDF: the medium one)"]
    for m in memory:
        source = {"docx": "document.xml", "pdf": "PDF"}.get(m["format"], "source")
        floor = "pypdfium2's bare text" if m["format"] == "pdf" else "the floor"
        lines.append(f"  {m['format']:<5} {m['peak_mb']:7.1f} MB for {m['source_mb']:.2f} MB of "
                     f"{source}: {m['ratio']:.2f}x ({floor} alone: {m['floor_ratio']:.2f}x)")
    return "\n".join(lines)


def report(parse_rows, memory, ingest_res, queries, cli, args, pdf_row=None) -> str:
    lines = [report_parse(parse_rows, memory, args, pdf_row)]
    lines += ["", *report_ingest(ingest_res)]
    lines += ["", *report_queries(queries, cli)]
    return "\n".join(lines)


def report_queries(queries, cli) -> list[str]:
    lines = ["3. queries"]
    for q in queries:
        lines += [f"  {q['actions']:,} actions in {q['meetings']:,} meetings ({q['open']:,} open)",
                  f"    open actions grouped by owner (SQL):          {q['grouped_sql_ms']:8.1f} ms",
                  f"    one owner's open list (queries, {q['owner_rows']} rows):   {q['owner_ms']:8.1f} ms",
                  f"    every open action with owners (queries):      {q['all_open_ms']:8.1f} ms"]
    lines += [f"  'minutes actions' whole process, {cli['meetings']:,} meetings ({cli['actions']:,} actions, "
              f"{cli['open']:,} open): {cli['seconds'] * 1e3:.0f} ms (import minutes.cli "
              f"{cli['import_cli_ms']:.0f} ms)"]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small corpus, few rounds, 100,000 actions")
    ap.add_argument("--corpus", default=os.path.join(tempfile.gettempdir(), "minutes-bench-corpus"),
                    help="where the generated documents are kept between runs")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the parallel ingest")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--only", choices=("parse", "ingest", "queries"),
                    help="run only this section (parse: with memory; queries: with 'minutes actions')")
    args = ap.parse_args()
    rounds = {"small": 5, "medium": 5, "large": 1} if args.quick else {"small": 15, "medium": 11, "large": 3}
    copies = 24 if args.quick else 120
    actions_db = (2_000, 50) if args.quick else (20_000, 50)   # meetings x actions each

    if args.only == "queries":
        with tempfile.TemporaryDirectory() as work:
            queries, cli = bench_all_queries(work, actions_db)
        print("\n".join(report_queries(queries, cli)))
        if args.json:
            with open(args.json, "w") as fh:
                json.dump({"queries": queries, "cli": cli}, fh, indent=1)
        return
    t0 = time.perf_counter()
    files = corpus.write(args.corpus)
    ingest_files = corpus.write(args.corpus, sizes=("medium",), copies=copies)[("docx", "medium")]
    print(f"corpus ready in {time.perf_counter() - t0:.1f} s ({args.corpus})", file=sys.stderr)
    if args.only == "ingest":
        with tempfile.TemporaryDirectory() as work:
            ingest_res = bench_ingest(ingest_files, args.jobs, work)
        print("\n".join(report_ingest(ingest_res)))
        if args.json:
            with open(args.json, "w") as fh:
                json.dump({"ingest": ingest_res}, fh, indent=1)
        return
    parse_rows = bench_parse(files, rounds)
    pdf_row = bench_pdf(files[("docx", "medium")][0], 2 if args.quick else 5)
    memory = bench_memory(files, pdf_row["path"] if pdf_row else None)
    print("parse done", file=sys.stderr)
    if args.only == "parse":
        print(report_parse(parse_rows, memory, args, pdf_row))
        if args.json:
            with open(args.json, "w") as fh:
                json.dump({"parse": parse_rows, "pdf": pdf_row, "memory": memory}, fh, indent=1)
        return
    with tempfile.TemporaryDirectory() as work:
        ingest_res = bench_ingest(ingest_files, args.jobs, work)
        print("ingest done", file=sys.stderr)
        queries, cli = bench_all_queries(work, actions_db)
    text = report(parse_rows, memory, ingest_res, queries, cli, args, pdf_row)
    print(text)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"parse": parse_rows, "pdf": pdf_row, "memory": memory, "ingest": ingest_res, "queries": queries,
                       "cli": cli}, fh, indent=1)


if __name__ == "__main__":
    main()
