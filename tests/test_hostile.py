"""Hostile files through the command line: one error path, bounded work, text as
written, safe output.  Every file is built here; the commands that could hang
or eat memory run in a subprocess under a timeout, with their peak memory read."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
import zlib

import pytest
import sqlite_utils
from click.testing import CliRunner

import parsers
from minutes.cli import cli
from parsers import ParseError
from pdf_factory import Page, pdf, raw_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MD = "# Board meeting\n\nDate: 9 December 2015\n\n## 1. Welcome\n\nTG opened the meeting.\n"
MiB = 1 << 20
# Runs a command and reports the peak memory of the process on stderr's last line.
# The peak is read from /proc (VmHWM, reset first: ru_maxrss carries the peak of
# the pytest process that forked it) where there is one.
MEASURED = """
import resource, sys
try:
    with open('/proc/self/clear_refs', 'w') as fh:
        fh.write('5')
except OSError:
    pass
from minutes.cli import cli


def peak():
    try:
        with open('/proc/self/status') as fh:
            for line in fh:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


try:
    cli(sys.argv[1:])
finally:
    sys.stderr.write(f'\\nMAXRSS {peak()}\\n')
"""


def document_xml(body: str) -> str:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(parts: dict[str, str | bytes] | None = None, body: str = para("Hello")) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        for name, data in (parts or {"word/document.xml": document_xml(body)}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def minutes_cli(*args: str, timeout: float = 30) -> tuple[subprocess.CompletedProcess, int]:
    """``minutes ARGS`` in a subprocess: the result and its peak memory in bytes."""
    proc = subprocess.run([sys.executable, "-c", MEASURED, *args], capture_output=True, text=True,
                          timeout=timeout)
    lines = proc.stderr.rstrip("\n").split("\n")
    rss = int(lines[-1].split()[1]) * (1 if sys.platform == "darwin" else 1024)
    proc.stderr = "\n".join(lines[:-1]).strip("\n") + "\n" if lines[:-1] != [""] else ""
    return proc, rss


def run(args: list[str]):
    return CliRunner().invoke(cli, args)


# -- 1. one error path ------------------------------------------------------------------

def _ole() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024


def _xlsx() -> bytes:
    return docx({"xl/workbook.xml": "<workbook/>", "_rels/.rels": "<Relationships/>"})


def _truncated() -> bytes:
    data = docx(body=para("Hello") * 200)
    return data[: len(data) // 2]


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">'
                  + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)) + "]>"
                  + document_xml(para("&l9;")))
EXTERNAL_ENTITY = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   + document_xml(para("&x;")))

def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("secret", "owner"))
    c.drawString(72, 720, "Minutes of the board: JS to send the figures.")
    c.save()
    return buf.getvalue()


GOOD_PDF = lambda: pdf(Page().text(72, 72, "Minutes of the board").text(72, 90, "JS to send the figures."))
_ONE_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def _pages_pdf(count: int) -> bytes:
    """A page tree of ``count`` pages (the same page object, over and over)."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b"3 0 R " * count, count), _ONE_PAGE])


def _deep_tree_pdf(depth: int) -> bytes:
    """Pages inside pages inside pages … ``depth`` levels down to one page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 3) for i in range(depth)]
    return raw_pdf(objects + [b"<< /Type /Page /MediaBox [0 0 595 842] >>"])


BAD_FILES = {
    "not-a-zip.docx": (lambda: b"This is plain text that somebody named .docx", "not a zip"),
    "truncated.docx": (_truncated, "damaged or truncated"),
    "legacy.docx": (_ole, "legacy Office file"),
    # a PDF by its bytes whatever its name: read as a PDF, and this one is cut short
    "report.docx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "not a readable PDF (damaged or truncated)"),
    "encrypted.pdf": (_encrypted_pdf, "is encrypted: it needs a password"),
    "scan.pdf": (lambda: pdf(Page().image(), Page().image()),
                 "has no text layer: it is a scanned image; run OCR on it first, e.g. with ocrmypdf"),
    "blank.pdf": (lambda: pdf(Page()), "has no text on its page"),
    "truncated.pdf": (lambda: GOOD_PDF()[:len(GOOD_PDF()) // 2], "not a readable PDF (damaged or truncated)"),
    "garbage.pdf": (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40, "not a readable PDF"),
    "not-a-pdf.pdf": (lambda: b"Minutes of the board, typed by hand", "is not a PDF file (no %PDF- header)"),
    "many-pages.pdf": (lambda: _pages_pdf(3000), "has 3,000 pages, more than the 2,000 read from one PDF"),
    "deep-tree.pdf": (lambda: _deep_tree_pdf(5000), "page 1 cannot be read: the PDF is damaged"),
    # 400 lines of 300 tiny glyphs on one page, from a few hundred bytes of content
    "dense.pdf": (lambda: pdf(Page([b"BT /R 2 Tf 10 830 Td " + b"(%s) Tj 0 -2 Td " % (b"ab " * 100) * 400 + b"ET"])),
                  "characters, more than the 100,000 read from one page"),
    "sheet.docx": (_xlsx, "it has no word/document.xml"),
    "malformed.docx": (lambda: docx(body="<w:p><w:r></w:p>"), "not well-formed XML"),
    "laughs.docx": (lambda: docx({"word/document.xml": BILLION_LAUGHS}), "has a DTD"),
    "xxe.docx": (lambda: docx({"word/document.xml": EXTERNAL_ENTITY}), "has a DTD"),
    # a DTD hidden after a long comment, past the first bytes searched
    "late-dtd.docx": (lambda: docx({"word/document.xml": '<?xml version="1.0"?><!--' + "x" * 20_000 + "-->"
                                    + EXTERNAL_ENTITY.split("?>", 1)[1]}), "DTD"),
    "empty.docx": (lambda: b"", "not a zip"),
    "empty.md": (lambda: b"", "is empty"),
    "blank.html": (lambda: b"  \n\n ", "is empty"),
    # nothing but a byte-order mark, or blank text after one; a page of frames; Word with no text
    "bom-only.md": (lambda: b"\xef\xbb\xbf", "has no text"),
    "bom-blank.txt": (lambda: "\ufeff \n\t\n".encode("utf-16"), "has no text"),
    "frameset.html": (lambda: b'<html><head><title>Minutes</title></head><frameset cols="30%,70%">'
                      b'<frame src="menu.html"><frame src="minutes-2024.html"></frameset></html>',
                      "has no text: it is a frameset"),
    "no-text.docx": (lambda: docx(body="<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), "has no text"),
    "image.md": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "an image"),
    "binary.txt": (lambda: bytes(range(32)) * 64, "binary file"),
}


@pytest.fixture
def bad_files(tmp_path):
    """Every kind of unreadable path, with the words its error must contain."""
    out = {}
    for name, (make, words) in BAD_FILES.items():
        (tmp_path / name).write_bytes(make())
        out[str(tmp_path / name)] = words
    (tmp_path / "folder.docx").mkdir()
    out[str(tmp_path / "folder.docx")] = "is a folder"
    os.symlink("loop-b.md", tmp_path / "loop-a.md")
    os.symlink("loop-a.md", tmp_path / "loop-b.md")
    out[str(tmp_path / "loop-a.md")] = "symbolic links"
    os.symlink("gone.md", tmp_path / "dangling.md")
    out[str(tmp_path / "dangling.md")] = "no such file"
    os.mkfifo(tmp_path / "pipe.md")
    out[str(tmp_path / "pipe.md")] = "not a regular file"
    out[str(tmp_path / "missing.docx")] = "no such file"
    return out


def test_parse_json_of_every_unreadable_file_is_one_error_line(bad_files):
    for path, words in bad_files.items():
        result = run(["parse", path, "--json"])
        assert result.exit_code == 1, (path, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: "), (path, result.stderr)
        assert words in lines[0], (path, lines[0])
        assert "Traceback" not in result.output and "Usage" not in result.output


def test_ingest_batch_with_every_unreadable_file_stores_the_good_ones(tmp_path, bad_files):
    good = tmp_path / "good.md"
    good.write_text(MD, encoding="utf-8")
    good_docx = tmp_path / "good.docx"
    good_docx.write_bytes(docx(body=para("Board meeting, 10 December 2015")))
    db = str(tmp_path / "m.db")
    paths = [*bad_files, str(good), str(good_docx)]
    proc, _ = minutes_cli("ingest", "--db", db, *paths)   # a subprocess: the pipe must not hang it
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Usage" not in proc.stderr
    errors = proc.stderr.splitlines()
    assert errors[-1] == f"Error: {len(bad_files)} of {len(paths)} files failed"
    for path, words in bad_files.items():
        assert any(e.startswith(f"Error: {path}: ") and words in e for e in errors), path
    with sqlite_utils.Database(db) as database:
        assert sorted(r["name"] for r in database["documents"].rows) == ["good.docx", "good.md"]
        assert database["meetings"].count == 2
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_named_pipe_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.docx")
    proc, _ = minutes_cli("parse", str(tmp_path / "pipe.docx"), "--json", timeout=20)
    assert proc.returncode == 1 and proc.stderr == f"Error: {tmp_path / 'pipe.docx'}: is not a regular file\n"


# -- 2. bounded work --------------------------------------------------------------------

def _zip_bomb(path, size: int) -> None:
    """A real zip bomb: ``size`` bytes of zeros that compress to about a thousandth."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document_xml(para("Hello")))
        with zf.open("word/media/zeros.bin", "w", force_zip64=True) as fh:
            chunk = b"\0" * (16 * MiB)
            for _ in range(size // len(chunk)):
                fh.write(chunk)


def _xml_bomb(path, size: int) -> None:
    """A document.xml of ``size`` bytes of paragraphs (compresses to almost nothing)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            chunk = (para("AB to send the figures") * 10_000).encode()
            for _ in range(size // len(chunk)):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")


def test_zip_bomb_by_declared_size_is_refused_before_unpacking(tmp_path):
    _zip_bomb(tmp_path / "bomb.docx", 256 * MiB)   # over 20 times the 10 MB limit
    assert (tmp_path / "bomb.docx").stat().st_size < MiB
    proc, rss = minutes_cli("parse", str(tmp_path / "bomb.docx"), "--json")
    assert proc.returncode == 1 and "would unpack to" in proc.stderr and "zip bomb" in proc.stderr
    assert rss < 200 * MiB


def _flate_bomb_pdf(size: int, layers: int = 1) -> bytes:
    """A one-page PDF whose content stream is ``size`` bytes of zeros, deflated
    ``layers`` times over (a chain of Flate filters)."""
    z = zlib.compressobj(9)
    data = b"".join(z.compress(b"\0" * (16 * MiB)) for _ in range(size // (16 * MiB))) + z.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    filters = b"[" + b" /FlateDecode" * layers + b"]"
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"])


@pytest.mark.parametrize("layers", [1, 2])
def test_pdf_decompression_bomb_is_refused_before_pdfium_inflates_it(tmp_path, layers):
    (tmp_path / "bomb.pdf").write_bytes(_flate_bomb_pdf(256 * MiB, layers))   # over 20 times 10 MB
    assert (tmp_path / "bomb.pdf").stat().st_size < MiB
    proc, rss = minutes_cli("parse", str(tmp_path / "bomb.pdf"), "--json")
    assert proc.returncode == 1 and "is a likely decompression bomb" in proc.stderr, proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and rss < 200 * MiB, rss
    # the limit is the size limit's: raised, the same streams are read (and hold no text)
    raised = run(["parse", str(tmp_path / "bomb.pdf"), "--json", "--max-size", "20M"])
    assert raised.exit_code == 1 and "has no text on its page" in raised.stderr


def test_pdf_time_budget_stops_a_slow_document_between_pages(tmp_path, monkeypatch):
    from parsers import pdf_source

    path = tmp_path / "long.pdf"
    path.write_bytes(pdf(*[Page().text(72, 150, f"The {n} part of the minutes") for n in ("first", "second", "third")]))
    assert run(["parse", str(path), "--json"]).exit_code == 0
    monkeypatch.setattr(pdf_source, "TIME_BUDGET", -1.0)  # every page is past the budget
    with pytest.raises(ParseError, match=r"long.pdf: took more than -1 s to read \(stopped at page 1\)"):
        parsers.parse(str(path))


def test_pdf_over_the_size_limit_is_refused_unread_and_may_be_ten_times_text(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(GOOD_PDF() + b"%" + b"x" * (2 * MiB))  # a comment after the end: padding
    assert run(["parse", str(path), "--json", "--max-size", "1M"]).exit_code == 0
    refused = run(["parse", str(path), "--json", "--max-size", "100K"])   # ten times: 1000 KB
    assert refused.exit_code == 1 and "is 2 MB, over the limit of 1000 KB" in refused.stderr, refused.stderr


def test_xml_part_over_the_limit_is_refused_and_the_limit_can_be_raised(tmp_path):
    _xml_bomb(tmp_path / "long.docx", 12 * MiB)
    proc, rss = minutes_cli("parse", str(tmp_path / "long.docx"), "--json")
    assert proc.returncode == 1, proc.stderr
    assert "over the limit of 10 MB" in proc.stderr or "more than the limit of 10 MB" in proc.stderr
    assert "--max-size" in proc.stderr and rss < 200 * MiB
    small = run(["parse", str(tmp_path / "long.docx"), "--json", "--max-size", "1M"])
    assert small.exit_code == 1 and "limit of 1 MB" in small.stderr


def test_too_many_members_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", document_xml(para("Hello")))
        for i in range(10_001):
            zf.writestr(f"customXml/item{i}.xml", "")
    (tmp_path / "many.docx").write_bytes(buf.getvalue())
    result = run(["parse", str(tmp_path / "many.docx"), "--json"])
    assert result.exit_code == 1 and "parts, too many for a Word document" in result.stderr


def test_max_size_takes_units_and_applies_to_text_files(tmp_path):
    path = tmp_path / "long.md"
    path.write_text(MD + "More words here, and more words to fill the line.\n\n" * 25_000, encoding="utf-8")
    refused = run(["parse", str(path), "--json", "--max-size", "1M"])
    assert refused.exit_code == 1
    size = parsers.size_text(path.stat().st_size)
    assert refused.stderr == f"Error: {path}: is {size}, over the limit of 1 MB (raise it with --max-size)\n"
    assert run(["parse", str(path), "--json", "--max-size", "2M"]).exit_code == 0
    ingest = run(["ingest", "--db", str(tmp_path / "m.db"), str(path), "--max-size", "512K"])
    assert ingest.exit_code == 1 and "over the limit of 512 KB" in ingest.stderr
    bad = run(["parse", str(path), "--max-size", "lots"])
    assert bad.exit_code == 2 and "is not a size like 50M" in bad.stderr


@pytest.mark.parametrize("name, content", [
    ("nested.html", b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>"),
    ("nested-lists.md", b"".join(b"  " * i + b"- item\n" for i in range(1500))),
    ("nested-bullets.md", b"- " * 100_000 + b"item\n"),
    ("nested-quotes.md", b">" * 100_000 + b" deep\n"),
    ("nested-tables.html", b"<table><tr><td>" * 5000 + b"x" + b"</td></tr></table>" * 5000),
    ("huge-line.md", b"word " * MiB),
    ("emphasis.md", b"*a **b " * 300_000),
    ("wide-table.md", (b"|" + b"x|" * 5000 + b"\n") + (b"|" + b"-|" * 5000 + b"\n") + (b"|" + b"y|" * 5000 + b"\n") * 300),
    ("rowspans.html", b"<table><tr>" + b'<td rowspan="9999" colspan="999">x</td>' * 1000 + b"</tr>"
     + b"<tr><td>y</td></tr>" * 2000 + b"</table>"),
    ("paragraphs.md", b"a\n\n" * 1_000_000),
    # PDF: nested arrays, nested graphics states, a page count that lies, a page of glyphs
    ("deep-array.pdf", raw_pdf([b"<< /Type /Catalog /Pages 2 0 R /X %s >>" % (b"[" * 200_000 + b"]" * 200_000),
                                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _ONE_PAGE])),
    ("deep-q.pdf", pdf(Page([b"q " * 100_000 + b"BT /R 11 Tf 72 720 Td (deep) Tj ET" + b" Q" * 100_000]))),
    ("count-lie.pdf", raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                               b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", _ONE_PAGE])),
    ("glyphs.pdf", pdf(*[Page([b"BT /R 4 Tf 10 830 Td " + b"(%s) Tj 0 -4 Td " % (b"ab " * 100) * 200 + b"ET"])
                         for _ in range(20)])),
])
def test_deep_wide_and_long_inputs_finish_in_time_and_memory(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    proc, rss = minutes_cli("parse", str(path), "--json")
    assert "Traceback" not in proc.stderr
    if proc.returncode:
        assert proc.returncode == 1 and proc.stderr.startswith(f"Error: {path}: "), proc.stderr
        assert len(proc.stderr.splitlines()) == 1
    else:
        json.loads(proc.stdout)
    assert rss < 400 * MiB, rss


def test_docx_grid_spans_and_nested_tables_stay_bounded(tmp_path):
    row = "<w:tr>" + ('<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr>' + para("x") + "</w:tc>") * 1000 + "</w:tr>"
    nested = para("x")
    for _ in range(3000):
        nested = f"<w:tbl><w:tr><w:tc>{nested}</w:tc></w:tr></w:tbl>"
    (tmp_path / "spans.docx").write_bytes(docx(body=f"<w:tbl>{row * 100}</w:tbl>"))
    (tmp_path / "nested.docx").write_bytes(docx(body=nested))
    for name in ("spans.docx", "nested.docx"):
        proc, rss = minutes_cli("parse", str(tmp_path / name), "--json")
        assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
        assert rss < 400 * MiB


# -- 3. text as the author wrote it -----------------------------------------------------------

def _texts(name: str, data: bytes) -> str:
    """Every block's text of a document, one a line."""
    from parsers.document import block_text

    return "\n".join(block_text(b) for b in parsers.read_bytes(name, data).blocks)


def _parse_json(tmp_path, name: str, data: bytes) -> dict:
    (tmp_path / name).write_bytes(data)
    result = run(["parse", str(tmp_path / name), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _all_text(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False)


def test_windows_1252_html_without_a_declaration_keeps_quotes_and_accents(tmp_path):
    page = ("<html><head><title>Board \u2013 minutes</title></head><body><h1>Board meeting</h1>"
            "<h2>1. Caf\u00e9 na\u00efve</h2><p>\u201cQuoted\u201d and \u2018single\u2019 \u2026 \u20ac5</p>"
            "</body></html>")
    text = _all_text(_parse_json(tmp_path, "page.html", page.encode("cp1252")))
    assert "\ufffd" not in text
    for words in ("Caf\u00e9 na\u00efve", "\u201cQuoted\u201d and \u2018single\u2019 \u2026 \u20ac5"):
        assert words in text


def test_declared_charset_wins(tmp_path):
    page = '<html><head><meta charset="koi8-r"></head><body><p>\u041f\u0440\u0438\u0432\u0435\u0442</p></body></html>'
    assert _texts("p.html", page.encode("koi8-r")) == "\u041f\u0440\u0438\u0432\u0435\u0442"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom_text(tmp_path, encoding):
    text = "\ufeff" + MD.replace("TG opened", "\u201cTG\u201d opened the caf\u00e9") if encoding != "utf-16" \
        else MD.replace("TG opened", "\u201cTG\u201d opened the caf\u00e9")
    doc = _parse_json(tmp_path, "u.txt", text.encode(encoding))
    assert doc["meeting"]["date"] == "2015-12-09"
    assert "\u201cTG\u201d opened the caf\u00e9" in _all_text(doc)


def test_invalid_utf8_keeps_the_good_characters(tmp_path):
    data = MD.encode() + "Caf\u00e9 \u201cok\u201d".encode() + b" then \xff\xfe and a cut \xe2\x80\n"
    assert run(["parse", str(tmp_path), "--json"]).exit_code == 1   # a folder
    (tmp_path / "bad.md").write_bytes(data)
    assert run(["parse", str(tmp_path / "bad.md"), "--json"]).exit_code == 0
    assert "Caf\u00e9 \u201cok\u201d then" in _texts("bad.md", data)


def test_nuls_and_controls_are_dropped_before_parsing_and_storing(tmp_path):
    data = (MD.replace("Board", "Bo\x00ard").replace("opened", "op\x1b[31mened\x07\x0b")
            + "\u009b31m C1 \x7f\n").encode()
    doc = _parse_json(tmp_path, "nul.md", data)
    assert doc["meeting"]["title"] == "Board meeting"
    text = _all_text(doc)
    assert not any(ch in text for ch in "\x00\x1b\x07\x0b\x7f\u009b")
    db = str(tmp_path / "m.db")
    assert run(["ingest", "--db", db, str(tmp_path / "nul.md")]).exit_code == 0
    with sqlite_utils.Database(db) as database:
        for table in ("meetings", "items"):
            for row in database[table].rows:
                assert not any(isinstance(v, str) and any(c in v for c in "\x00\x1b\x07\u009b")
                               for v in row.values()), row


def test_bare_cr_line_endings(tmp_path):
    doc = _parse_json(tmp_path, "mac.md", MD.replace("\n", "\r").encode())
    assert doc["meeting"]["date"] == "2015-12-09"
    assert [i["title"] for i in doc["items"]] == ["Welcome"]


@pytest.mark.parametrize("written", ["31 February 2023", "2023-13-45", "30/02/2024"])
def test_impossible_dates_become_null_with_a_warning(tmp_path, written):
    doc = _parse_json(tmp_path, "d.md", MD.replace("9 December 2015", written).encode())
    assert doc["meeting"]["date"] is None
    assert any(written in w for w in doc["warnings"])


# -- 4. safe output ----------------------------------------------------------------------

HOSTILE_MD = """# Board meeting

Date: 9 December 2015

Present: Ann Lee (AL), Bob Ray (BR)

## 1. Budget

ACTION: AL to send the <script>alert(1)</script> figures | with \x1b]0;pwned\x07 pipes
"""


@pytest.fixture
def hostile_db(tmp_path):
    (tmp_path / "h.md").write_text(HOSTILE_MD, encoding="utf-8")
    db = str(tmp_path / "h.db")
    assert run(["ingest", "--db", db, str(tmp_path / "h.md")]).exit_code == 0
    return db


@pytest.mark.parametrize("owner", ["%", "_", "' OR '1'='1", '" OR 1=1 --', "AL' --", "%%", "\\"])
def test_owner_filters_are_data(hostile_db, owner):
    result = run(["actions", "--db", hostile_db, "--owner", owner, "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_terminal_output_has_no_escape_sequences(hostile_db, tmp_path):
    for args in (["actions"], ["actions", "--markdown"], ["meetings"], ["show", "1"]):
        result = run([*args, "--db", hostile_db])
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    summary = run(["parse", str(tmp_path / "h.md")])
    assert "\x1b" not in summary.stdout


def test_markdown_output_escapes_markup(hostile_db):
    out = run(["actions", "--db", hostile_db, "--markdown"]).stdout
    assert "<script>" not in out
    rows = [line for line in out.splitlines() if "figures" in line]
    assert rows and all(line.count(" | ") + 2 == out.splitlines()[0].count("|") for line in rows)


def test_done_survives_reingest_of_the_same_and_an_edited_file(hostile_db, tmp_path):
    actions = json.loads(run(["actions", "--db", hostile_db, "--json"]).stdout)
    assert len(actions) == 1
    assert run(["done", str(actions[0]["id"]), "--db", hostile_db, "--note", "sent"]).exit_code == 0
    (tmp_path / "h.md").write_text(HOSTILE_MD + "\n## 2. Close\n\nThe chair closed the meeting.\n",
                                   encoding="utf-8")
    for _ in range(2):
        assert run(["ingest", "--db", hostile_db, str(tmp_path / "h.md")]).exit_code == 0
    after = json.loads(run(["actions", "--db", hostile_db, "--status", "all", "--json"]).stdout)
    assert [(a["id"], a["status"]) for a in after] == [(actions[0]["id"], "done")]


# -- the library: only ParseError --------------------------------------------------------

def test_read_bytes_limits_text_before_parsing():
    with pytest.raises(ParseError, match=r"x.md: is 2 KB, over the limit of 1 KB"):
        parsers.parse_bytes("x.md", b"a" * 2048, max_size=1024)


def test_parsing_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    """The collector is paused while a document is parsed, and restored after,
    also when the file is refused."""
    import gc

    from parsers import ParseError, parse

    good = tmp_path / "m.md"
    good.write_text("# Board\n\nPresent: Ann Lee (AL)\n\n## 1. Hall\n\nAction: AL to book it.\n")
    bad = tmp_path / "m.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    assert gc.isenabled()
    parse(str(good))
    assert gc.isenabled()
    with pytest.raises(ParseError):
        parse(str(bad))
    assert gc.isenabled()
    gc.disable()
    try:
        parse(str(good))
        assert not gc.isenabled()   # a caller that turned it off keeps it off
    finally:
        gc.enable()
