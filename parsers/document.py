"""The intermediate document model every reader produces.

A document is a flat list of blocks: headings, paragraphs and tables.  Tables
hold rows of cells and every cell holds blocks again.  Nothing here knows
about HTML, Word or Markdown; the readers build these objects and the
extractors read them.

The constructors normalise once for every reader: text is put in Unicode
NFC (a decomposed "é", as macOS writes it, is the one character), odd spaces
are folded, adjacent runs of the same look (bold, italic, struck, set to the
right) are merged, and empty runs are dropped.
A line break inside a paragraph is kept as ``"\\n"`` in the run text, in
table cells as anywhere else.

What the source says outside its body goes in ``Document.meta`` (see there):
a DOCX's page headers and footers are ``meta["page_header"]`` and
``meta["page_footer"]``, never blocks of the body.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

# Characters that are spaces in all but name; zero-width ones vanish, except
# the joiners (U+200C, U+200D), which are part of Persian and emoji spellings.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls
_MULTI_SPACE = re.compile(r" {2,}")
_SPACE_AROUND_NL = re.compile(r" *\n *")


# The most paragraphs, headings and table cells one document may have: far more
# than any minutes, few enough that reading and extracting stay within seconds.
MAX_BLOCKS = 50_000
_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("budget", default=None)


class TooManyBlocks(Exception):
    """A document with more than ``MAX_BLOCKS`` blocks (raised while it is read)."""


@contextlib.contextmanager
def block_budget(limit: int = MAX_BLOCKS) -> Iterator[None]:
    """Count the blocks built inside; ``TooManyBlocks`` past ``limit``."""
    token = _budget.set([limit, limit])
    try:
        yield
    finally:
        _budget.reset(token)


def _spend() -> None:
    left = _budget.get()
    if left is not None:
        left[0] -= 1
        if left[0] < 0:
            raise TooManyBlocks(f"has more than {left[1]:,} paragraphs and table cells, "
                                "too many to be minutes")


def clean_text(text: str) -> str:
    """NFC; fold odd spaces, drop zero-width and control characters (keeps ``\\n``)."""
    text = nfc(text)
    if text.isprintable() or ("\n" in text and text.replace("\n", " ").isprintable()):
        return text  # no odd space, zero-width or control character: the common case
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    return _CONTROL.sub("", text)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC: itself when it is so already (ASCII always is)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """One space between words and none at the ends: ``" ".join(text.split())``,
    but the text itself, not a copy, when it is so already (the common case)."""
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


@dataclass(slots=True)
class Run:
    """A stretch of text of one look.

    ``italic`` is emphasis (HTML ``<em>``/``<i>``, Markdown ``*…*``, Word's
    italic); ``struck`` is text struck through (HTML ``<del>``/``<s>``/
    ``<strike>``/CSS ``line-through``, Markdown ``~~…~~``, Word's single or
    double strikethrough): still the document's text, shown crossed out, as
    a task done is; ``right`` is text set apart at the right of its line (a
    right-aligned paragraph, a fragment floated or aligned to the right), as
    an owner or a date often is.
    """

    text: str
    bold: bool = False
    italic: bool = False
    struck: bool = False
    right: bool = False

    @property
    def look(self) -> tuple[bool, bool, bool, bool]:
        return bool(self.bold), bool(self.italic), bool(self.struck), bool(self.right)


def _plain(run: Run) -> bool:
    return not (run.italic or run.struck or run.right)


def normalise_runs(runs: Iterable[Run]) -> list[Run]:
    """Merge neighbours of the same look, fold spaces, trim the ends."""
    if isinstance(runs, list) and len(runs) == 1 and runs[0].text.isprintable():  # one plain run: common
        run = runs[0]
        text = nfc(run.text)
        if "  " in text:
            text = _MULTI_SPACE.sub(" ", text)
        text = text.strip()
        if not text:
            return []
        return [Run(text, bool(run.bold))] if _plain(run) else [Run(text, *run.look)]
    out: list[Run] = []
    for run in runs:
        text = clean_text(run.text)
        if not text:
            continue
        if text.strip():
            look = run.look if not _plain(run) else (bool(run.bold), False, False, False)
        else:  # a space has no look of its own: it joins the run before it
            look = (False, False, False, False)
        if out and (not text.strip() or out[-1].look == look):
            out[-1].text += text
        elif out and not out[-1].text.strip():
            out[-1] = Run(out[-1].text + text, *look)
        else:
            out.append(Run(text, *look))
    for run in out:
        if "  " in run.text:
            run.text = _MULTI_SPACE.sub(" ", run.text)
        if " \n" in run.text or "\n " in run.text:
            run.text = _SPACE_AROUND_NL.sub("\n", run.text)
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0].text = out[0].text.lstrip()
        out[-1].text = out[-1].text.rstrip()
    return out


@dataclass(slots=True)
class Heading:
    level: int
    runs: list[Run]
    loc: str = ""
    label: str | None = None  # a number the source renders but does not keep in the text
    # scratch for helpers that work a block out once for every extractor:
    # blocks.lines_of keeps its lines here, speech.statements who said them
    lines_memo: list | None = field(default=None, init=False, repr=False, compare=False)
    said_memo: list | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _spend()
        self.runs = normalise_runs(self.runs)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs).replace("\n", " ").strip()


@dataclass(slots=True)
class Paragraph:
    """A paragraph of runs.

    ``label`` is a list number the source renders but does not keep in the
    text (Word's automatic numbering, an HTML ``<ol>``); ``level`` is the list
    nesting (``None`` outside lists, 0 for a top-level list item); ``style``
    names what the source said the paragraph is (``"quote"``, ``"code"``, a
    Word style name) where that matters.
    """

    runs: list[Run]
    label: str | None = None
    style: str | None = None
    level: int | None = None
    loc: str = ""
    # True when a line break may be where the source wrapped the text (a
    # Markdown soft break), not where the author ended the line
    wrapped: bool = False
    lines_memo: list | None = field(default=None, init=False, repr=False, compare=False)  # as in Heading
    said_memo: list | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _spend()
        self.runs = normalise_runs(self.runs)
        if self.level is None and self.label is None and self.runs and self.runs[0].text[:1] in _BULLETS:
            _typed_bullet(self)

    @property
    def text(self) -> str:
        runs = self.runs
        return runs[0].text if len(runs) == 1 else "".join(r.text for r in runs)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


# Bullet signs typed (or drawn from a symbol font) at the start of a paragraph
# rather than made by the source's list markup: the paragraph is a list entry.
_BULLETS = frozenset("•·◦▪▫‣∙●○■□➢►▶\uf0b7\uf0a7\uf076\uf0d8\uf0fc")


def _typed_bullet(para: Paragraph) -> None:
    first = para.runs[0]
    rest = first.text[1:]
    if not rest[:1].isspace():
        return  # "·5" or "•text": not a bullet and a space
    first.text = rest.lstrip()
    if not first.text:
        para.runs.pop(0)
        if para.runs:
            para.runs[0].text = para.runs[0].text.lstrip()
    para.level = 0


@dataclass(slots=True)
class Cell:
    blocks: list["Block"] = field(default_factory=list)
    colspan: int = 1
    continued: bool = False  # the lower part of a vertically merged cell
    # the text, with the blocks it was read from (a reader may still add to them)
    text_memo: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _spend()

    @property
    def text(self) -> str:
        blocks = self.blocks
        key = (len(blocks), id(blocks[-1])) if blocks else (0, 0)
        memo = self.text_memo
        if memo is not None and memo[0] == key:
            return memo[1]
        if len(blocks) == 1:  # one block: the common cell
            text = block_text(blocks[0]).strip()
        else:
            text = "\n".join(block_text(b) for b in blocks).strip()
        self.text_memo = (key, text)
        return text


# The widest table row kept (Word allows 63 columns): wider rows have the text
# of their extra cells joined to the last cell kept, and colspans are cut to fit.
MAX_COLUMNS = 64


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    is_header: bool = False
    loc: str = ""

    def __post_init__(self) -> None:
        width = sum(c.colspan for c in self.cells)
        if width <= MAX_COLUMNS and all(c.colspan >= 1 for c in self.cells):
            return
        kept: list[Cell] = []
        width = 0
        for cell in self.cells:
            if width >= MAX_COLUMNS:
                kept[-1].blocks.extend(cell.blocks)
                continue
            cell.colspan = max(1, min(cell.colspan, MAX_COLUMNS - width))
            width += cell.colspan
            kept.append(cell)
        self.cells = kept


@dataclass(slots=True)
class Table:
    rows: list[Row]
    loc: str = ""
    # scratch for blocks.grid, which works out once what each column holds
    grid_memo: object = field(default=None, init=False, repr=False, compare=False)


Block = Union[Heading, Paragraph, Table]


@dataclass
class Document:
    blocks: list[Block]
    format: str
    warnings: list[str] = field(default_factory=list)
    # What the source says about itself outside the body: an HTML <title>, a
    # DOCX's core title, Markdown front matter ({"title": ..., "date": ...,
    # "members": [...]}); and a DOCX's page headers and footers as
    # "page_header" and "page_footer": the text of the header (footer) parts
    # its sections show, in section order, each part once, one line per
    # paragraph and per table cell (absent when they hold no text).
    meta: dict[str, str | list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.meta = {k: nfc(v) if isinstance(v, str) else v for k, v in self.meta.items()}


def block_text(block: Block) -> str:
    if isinstance(block, Table):
        return "\n".join(c.text for r in block.rows for c in r.cells if c.text)
    return block.text


def make_paragraph(runs: Iterable[Run], **kw) -> Paragraph | None:
    """A paragraph, or ``None`` when it would hold no text."""
    para = Paragraph(list(runs), **kw)
    return para if para.runs else None  # normalised runs are empty or hold text
