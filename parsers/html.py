"""HTML -> Document, walking lxml's tree.

Also reads the HTML fragments found inside text files (``read_fragment``).
Handlers are chosen by tag name; what is not understood is read as text.
Scripts, styles, forms and navigation chrome are skipped.

Kept on the runs: bold (tags, inline CSS, classes the page's CSS makes
bold), italic (``<em>``, ``<i>``, ``<cite>``, CSS ``font-style``), struck
(``<del>``, ``<s>``, ``<strike>``, CSS ``line-through``) and set to the right
(a block aligned right, a fragment floated right: a space keeps it apart from
the text before it).  ``<ol>`` numbers follow ``start``, ``reversed``, ``value``
and ``type``/``list-style-type`` (letters, roman numerals).  Word's "Save as
web page" list paragraphs (``mso-list`` styles, ``MsoListParagraph``) are list
entries: the level from ``mso-list … levelN``, the label from the number Word
typed before the text, and the typed number or bullet glyph (a Symbol or
Wingdings ``·``, ``§``, a Courier ``o``) not in the text.
"""
from __future__ import annotations

import ctypes
import functools
import re
from typing import Iterator

import lxml.html
from lxml import etree

from parsers.document import Cell, Document, Heading, Paragraph, Row, Run, Table, make_paragraph
from parsers.docx_styles import format_number

SKIP = {"script", "style", "noscript", "template", "head", "nav", "form", "button", "select",
        "textarea", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio",
        "input", "map", "img", "meta", "link"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BOLD_TAGS = {"b", "strong"}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
          "pre", "address", "center", "figure", "figcaption", "details", "summary", "body",
          "html", "fieldset", "hgroup", "dl", "dt", "dd", "ul", "ol", "li", "table", "hr",
          "caption"} | set(HEADINGS)
# Chrome that is not part of the minutes, by role or by class/id words.
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
_CHROME_WORDS = re.compile(r"(?:^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|"
                           r"cookie\w*|skip-?link|site-?header|site-?footer|diagnostics)(?:$|[\s_-])", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_NOT_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-5]00)", re.I)
ITALIC_TAGS = {"em", "i", "cite", "dfn", "var"}
STRUCK_TAGS = {"del", "s", "strike"}
_MARK_TAGS = ITALIC_TAGS | STRUCK_TAGS
_FONT_STYLE = re.compile(r"font-style\s*:\s*(\w+)", re.I)
_LINE_THROUGH = re.compile(r"text-decoration[\w-]*\s*:[^;]*line-through", re.I)
_FLOAT = re.compile(r"(?<![\w-])float\s*:\s*(\w+)", re.I)
_TEXT_ALIGN = re.compile(r"text-align\s*:\s*([\w-]+)", re.I)
_PLAIN = (False, False, False)  # (italic, struck, right): what text is unless an element says otherwise
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_MAX_DEPTH = 200
_VISIBLE_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"


def read(text: str) -> Document:
    """Read a whole HTML page."""
    root = _parse(text)
    reader = _Reader(_bold_classes(root))
    meta = {}
    title = root.find(".//title")
    if title is not None and "".join(title.itertext()).strip():
        meta["title"] = " ".join("".join(title.itertext()).split())
    body = root.find(".//body")
    reader.toc = _toc_numbers(root)
    reader.walk(body if body is not None else root, 0)
    reader.flush()
    if not reader.blocks and body is not None and any(t.strip() for t in body.xpath(_VISIBLE_TEXT)):
        reader.warnings.append("no text was read from this page, though its body has some: all of it is "
                               "in parts read as navigation or page furniture; check the page by hand")
    del root, body, title  # the tree is freed here, not when the caller is done
    if len(text) >= _RELEASE_SIZE:
        _release_freed_memory()
    if _lines_say_little(reader.blocks):
        _number_blocks(reader.blocks)
    return Document(reader.blocks, "html", reader.warnings, meta)


# lxml's tree of a page takes about five times the page, in memory that the C
# allocator keeps once freed and Python's own allocator never reuses: after a
# large page, it is handed back, so that what the extractors build next does
# not come on top of it.
_RELEASE_SIZE = 256 * 1024


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc only
    except (OSError, AttributeError, TypeError):
        return None


def _release_freed_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _lines_say_little(blocks: list) -> bool:
    """A page written on a few long lines (as many sites serve them): line
    numbers would not tell one paragraph from the next."""
    locs = [b.loc for b in blocks if b.loc]
    return len(locs) >= 4 and len(set(locs)) * 2 < len(locs)


def _number_blocks(blocks: list) -> None:
    """Say where by position instead: "paragraph 12", "table 2, row 5"."""
    paragraphs = tables = 0
    for block in blocks:
        if isinstance(block, Table):
            tables += 1
            block.loc = f"table {tables}"
            for k, row in enumerate(block.rows, 1):
                row.loc = f"table {tables}, row {k}"
                for cell in row.cells:
                    for inner in cell.blocks:
                        if not isinstance(inner, Table):
                            inner.loc = row.loc
        else:
            paragraphs += 1
            block.loc = f"paragraph {paragraphs}"


def read_fragment(text: str) -> list:
    """Blocks of an HTML fragment (the ``<p><b>…</b></p>`` found in text files)."""
    root = lxml.html.fragment_fromstring(text, create_parent="div")
    reader = _Reader(set())
    reader.walk(root, 0)
    reader.flush()
    return reader.blocks


_TAG = re.compile(r"^<\s*(/?)\s*([A-Za-z][\w:-]*)([^>]*)>$")


def inline_tag(source: str) -> str | None:
    """What an inline tag found in text does: "bold", "italic" or "struck"
    (and "/bold", "/italic", "/struck" where it closes), "break", or None."""
    m = _TAG.match(source.strip())
    if not m:
        return None
    closing, tag, attrs = m.group(1), m.group(2).lower(), m.group(3)
    if tag == "br":
        return "break"
    if tag in BOLD_TAGS or (not closing and _BOLD_STYLE.search(attrs)):
        return "/bold" if closing else "bold"
    if tag in ITALIC_TAGS:
        return "/italic" if closing else "italic"
    if tag in STRUCK_TAGS:
        return "/struck" if closing else "struck"
    return None


def _parse(text: str):
    text = text.lstrip("\ufeff")
    # lxml refuses str input that declares an encoding; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # plain lxml elements: lxml.html's element classes cost a Python call per element
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError):
        root = None
    if root is None:  # nothing that parses as a document
        root = etree.fromstring("<html><body></body></html>", parser)
    return root


def _bold_classes(root) -> set[str]:
    """Class names that a page's own <style> makes bold."""
    out: set[str] = set()
    for style in root.iter("style"):
        for selectors, body in _CSS_RULE.findall(style.text or ""):
            if _BOLD_STYLE.search(body):
                for selector in selectors.split(","):
                    out.update(re.findall(r"\.([\w-]+)", _subject(selector)))
    return out


def _subject(selector: str) -> str:
    """The compound selector a rule styles: ``td.item`` of ``table.minutes > td.item``
    (the classes before a combinator only say where, not what is bold)."""
    selector = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", selector)  # attribute tests, :not(.x)
    parts = re.split(r"\s*[>+~]\s*|\s+", selector.strip())
    return parts[-1] if parts else ""


def _toc_numbers(root) -> dict[str, str]:
    """Numbers that an ordered table of contents gives to the headings it links to."""
    numbers: dict[str, str] = {}
    for ol in root.iter("ol"):
        links = [li.find(".//a") for li in ol if isinstance(li.tag, str) and li.tag == "li"]
        hrefs = [a.get("href", "") for a in links if a is not None]
        if len(hrefs) < 2 or not all(h.startswith("#") and len(h) > 1 for h in hrefs):
            continue
        start = int(ol.get("start", "1")) if (ol.get("start") or "1").isdigit() else 1
        for i, href in enumerate(hrefs):
            numbers.setdefault(href[1:], str(start + i))
    return numbers


_SECTIONING = {"article", "aside", "main", "nav", "section"}


def _chrome_attrs(attrs: dict) -> bool:
    """Chrome by role, by being hidden, or by the words of its class or id."""
    role = attrs.get("role")
    if role and role.lower() in _CHROME_ROLES:
        return True
    if attrs.get("aria-hidden") == "true" or "display:none" in attrs.get("style", "").replace(" ", ""):
        return True
    cls, ident = attrs.get("class"), attrs.get("id")
    return bool((cls or ident) and _CHROME_WORDS.search(f"{cls or ''} {ident or ''}"))


# Elements that hold the page's content whatever their class says: "page-navbar"
# on a layout wrapper says the page has a navigation bar, not that the wrapper is one.
_CONTENT_TAGS = {"html", "body", "main", "article"}


def _holds_the_page(el, name: str) -> bool:
    """An element that is, or holds, the page's main content."""
    if name in _CONTENT_TAGS:
        return True
    return next(el.iterdescendants("main", "article"), None) is not None


def _page_footer(el) -> bool:
    """The page's footer (implicit role contentinfo), not an article's."""
    return not any(a.tag in _SECTIONING for a in el.iterancestors())


# What an element is, by its tag as lxml gives it: its name (lowercase, no
# namespace prefix) and how it is read.  Filled as tags are met.
_SKIPPED, _HANDLED, _BLOCK, _INLINE = range(4)
_KINDS: dict[str, tuple[str, int]] = {}


def _kind(tag: str) -> tuple[str, int]:
    name = tag.lower().split(":")[-1] if ":" in tag else tag.lower()
    if name in SKIP:
        kind = (name, _SKIPPED)
    elif name in _HANDLERS:
        kind = (name, _HANDLED)
    elif name in BLOCKS:
        kind = (name, _BLOCK)
    else:  # inline element: a, span, em, i, u, sup, sub, font, o:p, ...
        kind = (name, _INLINE)
    if len(_KINDS) < 2000:
        _KINDS[tag] = kind
    return kind


def _name(tag: str) -> str:
    return (_KINDS.get(tag) or _kind(tag))[0]


def _bold_by(tag, attrs: dict, bold: bool, bold_classes: set[str]) -> bool:
    """Whether an element with these attributes is bold, inside text that is ``bold`` or not."""
    style = attrs.get("style")
    if tag in BOLD_TAGS or (style and _BOLD_STYLE.search(style)):
        return True
    if style and _NOT_BOLD_STYLE.search(style):
        return False
    if bold_classes and "class" in attrs and set(attrs["class"].split()) & bold_classes:
        return True
    return bold


class _Reader:
    __slots__ = ("bold_classes", "blocks", "warnings", "runs", "loc", "style", "level", "label", "toc",
                 "lines", "marks", "skip")

    def __init__(self, bold_classes: set[str]) -> None:
        self.bold_classes = bold_classes
        self.blocks: list = []
        self.warnings: list[str] = []
        self.runs: list[Run] = []
        self.loc = ""
        self.style: str | None = None
        self.level: int | None = None
        self.label: str | None = None
        self.toc: dict[str, str] = {}
        self.lines: dict[int | None, str] = {}
        self.marks = _PLAIN      # (italic, struck, right) of the text being read
        self.skip = None         # the typed number of a Word list paragraph: not text

    # -- paragraphs ------------------------------------------------------
    def flush(self) -> None:
        """End the paragraph being read.  A list number waits for the first
        paragraph of its entry (``<li><p>Title</p>…``), however deep it is."""
        if self.runs:
            para = make_paragraph(self.runs, label=self.label, style=self.style, level=self.level,
                                  loc=self.loc)
            if para is not None:
                self.blocks.append(para)
                self.label = None
            self.runs = []

    def _is_bold(self, el, bold: bool) -> bool:
        attrs = el.items()
        if attrs:
            return _bold_by(el.tag, dict(attrs), bold, self.bold_classes)
        return bold or el.tag in BOLD_TAGS

    # -- the walk --------------------------------------------------------
    def walk(self, el, depth: int, bold: bool = False) -> None:
        """Read the children of ``el`` (its own text included)."""
        text = el.text
        if text:
            if self.runs:
                self.runs.append(self._run(text.replace("\n", " "), bold))
            elif not text.isspace():
                self._start(text, bold, el)
        for child in el:
            tag = child.tag
            if tag.__class__ is str:  # not a comment or processing instruction
                self.element(child, depth + 1, bold)
            text = child.tail
            if text:
                if self.runs:
                    self.runs.append(self._run(text.replace("\n", " "), bold))
                elif not text.isspace():
                    self._start(text, bold, el)

    def _run(self, text: str, bold: bool) -> Run:
        marks = self.marks
        return Run(text, bold) if marks is _PLAIN else Run(text, bold, *marks)

    def element(self, el, depth: int, bold: bool) -> None:
        tag = el.tag
        name, kind = _KINDS.get(tag) or _kind(tag)
        if kind == _SKIPPED or el is self.skip:
            return
        attrs = el.items()
        if attrs:
            attrs = dict(attrs)
            if _chrome_attrs(attrs) and not _holds_the_page(el, name):
                return
        if tag == "footer" and _page_footer(el):
            return
        if depth > _MAX_DEPTH:
            self.warnings.append(f"markup nested more than {_MAX_DEPTH} deep near {self._here(el)} was not read")
            return
        if attrs:
            bold = _bold_by(tag, attrs, bold, self.bold_classes)
        elif tag in BOLD_TAGS:
            bold = True
        marks = self.marks
        if name in _MARK_TAGS or (attrs and ("style" in attrs or "align" in attrs)):
            self.marks = _marks_by(name, attrs or {}, marks, kind != _INLINE)
            if self.marks[2] and not marks[2] and self.runs and not self.runs[-1].text[-1:].isspace():
                self.runs.append(Run(" "))  # a fragment set to the right stands apart
        if attrs and kind == _BLOCK and _word_list(attrs):
            self._word_list(el, depth, bold, attrs)
            self.marks = marks
            return
        if kind == _INLINE:
            self.walk(el, depth, bold)
        elif kind == _BLOCK:
            self.flush()
            self.walk(el, depth, bold)
            self.flush()
        else:
            _HANDLERS[name](self, el, depth, bold)
        self.marks = marks

    def _start(self, text: str, bold: bool, el) -> None:
        """The first text of a paragraph, placed at the line of the element holding it."""
        self.loc = self._here(el)
        self.runs.append(self._run(text.replace("\n", " "), bold))

    def _here(self, el) -> str:
        """"line 12": one string for every block that starts on that line."""
        line = el.sourceline
        loc = self.lines.get(line)
        if loc is None:
            loc = self.lines[line] = f"line {line}" if line else ""
        return loc

    def _inner(self, el, depth: int, bold: bool) -> list:
        """The blocks of the content of ``el`` alone (a table cell, a heading),
        read as if nothing were around it."""
        if not len(el):  # text alone, as most cells hold: one paragraph at most
            text = el.text
            if not text or text.isspace():
                return []
            para = make_paragraph([self._run(text.replace("\n", " "), bold)], loc=self._here(el))
            return [para] if para is not None else []
        saved = self.blocks, self.runs, self.loc, self.style, self.level, self.label
        self.blocks, self.runs, self.style, self.level, self.label = [], [], None, None, None
        self.walk(el, depth, bold)
        self.flush()
        blocks = self.blocks
        self.blocks, self.runs, self.loc, self.style, self.level, self.label = saved
        return blocks

    def _br(self, el, depth, bold) -> None:
        if self.runs:
            self.runs.append(self._run("\n", bold))

    def _hr(self, el, depth, bold) -> None:
        self.flush()

    def _blockquote(self, el, depth, bold) -> None:
        self.flush()
        saved = self.style
        self.style = "quote"
        self.walk(el, depth, bold)
        self.flush()
        self.style = saved

    def _pre(self, el, depth, bold) -> None:
        self.flush()
        loc = self._here(el)
        for line in "".join(el.itertext()).splitlines():
            para = make_paragraph([Run(line)], style="code", loc=loc)
            if para:
                self.blocks.append(para)

    def _heading(self, el, depth, bold) -> None:
        self.flush()
        # what is inside a heading is its text alone: no list numbers, no warnings
        toc, self.toc, warned = self.toc, {}, len(self.warnings)
        label = toc.get(el.get("id", ""))
        marker = _list_marker(el) if "mso-list" in (el.get("style") or "") else None
        if marker is not None:  # a heading Word numbered: "1.<spaces>" before its text
            self.skip, label = marker[0], marker[1] or label
        blocks = self._inner(el, depth, False)
        self.toc, self.skip = toc, None
        del self.warnings[warned:]
        runs = [r for b in blocks if isinstance(b, Paragraph) for r in b.runs + [Run(" ")]]
        heading = Heading(HEADINGS[_name(el.tag)], runs, loc=self._here(el), label=label)
        if heading.text:
            self.blocks.append(heading)

    def _list(self, el, depth, bold) -> None:
        self.flush()
        ordered = _name(el.tag) == "ol"
        saved = self.level
        self.level = 0 if saved is None else saved + 1
        fmt = _list_format(el, "decimal") if ordered else None
        step = -1 if ordered and el.get("reversed") is not None else 1
        start = _integer(el.get("start")) if ordered else None
        if start is None:
            start = sum(1 for c in el if c.tag == "li") if step < 0 else 1
        number = start
        for child in el:
            tag = child.tag
            if tag.__class__ is not str:
                continue
            if tag == "li":
                self.flush()
                if ordered:
                    value = _integer(child.get("value"))
                    number = number if value is None else value
                    kind = _list_format(child, fmt)
                    self.label = format_number(number, kind) if kind else None
                    number += step
                else:
                    self.label = None
                marks = self.marks
                if child.items():
                    self.marks = _marks_by("li", dict(child.items()), marks, True)
                self.walk(child, depth + 1, self._is_bold(child, bold))
                self.marks = marks
                self.flush()
                self.label = None  # an entry with no text gives its number to nothing
            else:
                self.element(child, depth + 1, bold)
        self.level = saved

    def _word_list(self, el, depth: int, bold: bool, attrs: dict) -> None:
        """A list paragraph of Word's HTML: an entry at the level its mso-list
        style names, numbered by what Word typed before its text."""
        self.flush()
        found = _list_marker(el)
        style = attrs.get("style") or ""
        level = _MSO_LEVEL.search(style)
        if found is None and level is None:  # the List Paragraph style, no list: plain text
            self.walk(el, depth, bold)
            self.flush()
            return
        saved = self.level, self.skip
        self.level = int(level.group(1)) - 1 if level else 0
        if found is not None:
            self.skip, self.label = found
        self.walk(el, depth, bold)
        self.flush()
        self.label = None
        self.level, self.skip = saved

    def _dt(self, el, depth, bold) -> None:
        self.flush()
        self.walk(el, depth, True)
        self.flush()

    def _table(self, el, depth, bold) -> None:
        self.flush()
        layout = _layout(el)
        if layout is None:  # no rows with cells
            return
        if layout:  # its content is just blocks
            for _, tds, _, _ in _rows(el):
                for td in tds:
                    self.walk(td, depth, bold)
                    self.flush()
            return
        table = Table([], loc=self._here(el))
        pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
        for tr, tds, spans, in_thead in _rows(el):
            cells: list[Cell] = []
            col = 0
            header = in_thead or all(td.tag == "th" for td in tds)
            for td, span in zip(tds, spans):
                while pending and pending.get(col, 0) > 0:
                    pending[col] -= 1
                    cells.append(Cell([], continued=True))
                    col += 1
                marks = self.marks
                if td.items():
                    self.marks = _marks_by(td.tag, dict(td.items()), marks, True)
                blocks = self._inner(td, depth + 1, self._is_bold(td, bold or td.tag == "th"))
                self.marks = marks
                cells.append(Cell(blocks, colspan=span))
                rowspan = td.get("rowspan")
                if rowspan is not None and _span(rowspan) > 1:
                    for k in range(span):
                        pending[col + k] = _span(rowspan) - 1
                col += span
            while pending and pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append(Cell([], continued=True))
                col += 1
            table.rows.append(Row(cells, is_header=header, loc=self._here(tr)))
        self.blocks.append(table)
        self._stray(el, depth, bold)

    def _stray(self, el, depth: int, bold: bool) -> None:
        """What a table holds outside its cells: text and elements that a
        missing ``</table>`` (or ``</td>``) left in a row.  A browser shows them,
        so they are read, after the table."""
        if el.tag in _TABLE_PARTS:
            text = el.text
            if text and not text.isspace():
                self._text(text, bold, el)
        for child in el:
            tag = child.tag
            if tag.__class__ is str:
                if tag in _TABLE_PARTS:
                    self._stray(child, depth, bold)
                elif tag not in _CELLS:
                    self.element(child, depth + 1, bold)
            text = child.tail
            if text and not text.isspace():
                self._text(text, bold, el)
        if el.tag == "table":
            self.flush()

    def _text(self, text: str, bold: bool, el) -> None:
        if self.runs:
            self.runs.append(self._run(text.replace("\n", " "), bold))
        else:
            self._start(text, bold, el)


_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr"}
_CELLS = {"td", "th", "caption", "colgroup", "col"}

# Elements read by a handler of their own (by name, after the namespace prefix).
_HANDLERS = {"br": _Reader._br, "hr": _Reader._hr, "blockquote": _Reader._blockquote,
             "pre": _Reader._pre, "ul": _Reader._list, "ol": _Reader._list, "dt": _Reader._dt,
             "table": _Reader._table}
_HANDLERS.update(dict.fromkeys(HEADINGS, _Reader._heading))


def _rows(table) -> Iterator[tuple]:
    """The table's own rows (not those of tables nested in its cells) that have
    cells: (tr, its cells, their colspans, whether it is in the <thead>)."""
    for child in table:
        tag = child.tag
        if tag == "tr":
            rows = (child,)
        elif tag in ("thead", "tbody", "tfoot"):
            rows = (tr for tr in child if tr.tag == "tr")
        else:
            continue
        for tr in rows:
            cells = [c for c in tr if c.tag in ("td", "th")]
            if cells:
                spans = [c.get("colspan") for c in cells]
                yield tr, cells, [1 if v is None else _span(v) for v in spans], tag == "thead"


def _layout(table) -> bool | None:
    """Whether a table is one column wide (laid out with it, not holding data);
    None when it has no rows with cells."""
    layout = None
    for _, cells, spans, _ in _rows(table):
        if len(cells) > 1 or spans[0] > 1:
            return False
        layout = True
    return layout


def _span(value: str | None) -> int:
    """A colspan or rowspan: a number from 1 to 1000, 1 when missing or not a number."""
    if value is None:
        return 1
    value = value.strip()
    return max(1, min(int(value), 1000)) if value.isdecimal() else 1


def _marks_by(name: str, attrs: dict, marks: tuple, block: bool) -> tuple:
    """(italic, struck, right) inside an element, from ``marks`` around it:
    ``marks`` itself when the element changes none of them."""
    italic, struck, right = marks
    if name in ITALIC_TAGS:
        italic = True
    elif name in STRUCK_TAGS:
        struck = True
    style = attrs.get("style")
    if style:
        found = _FONT_STYLE.search(style)
        if found:
            italic = found.group(1).lower() in ("italic", "oblique")
        if "line-through" in style and _LINE_THROUGH.search(style):
            struck = True  # a line-through is drawn through all that is inside
        found = _FLOAT.search(style)
        if found and found.group(1).lower() in ("right", "inline-end"):
            right = True
        found = _TEXT_ALIGN.search(style) if block else None
        if found:
            right = found.group(1).lower() in ("right", "end")
    align = attrs.get("align") if block else None
    if align:
        right = align.strip().lower() == "right"
    new = (italic, struck, right)
    if new == marks:
        return marks
    return _PLAIN if new == _PLAIN else new


_INTEGER = re.compile(r"^\s*[-+]?\d{1,9}\s*$")
# <ol type>, case-sensitive as HTML has it, and CSS list-style-type
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_CSS_LIST_TYPES = {"decimal": "decimal", "decimal-leading-zero": "decimalZero", "lower-alpha": "lowerLetter",
                   "lower-latin": "lowerLetter", "upper-alpha": "upperLetter", "upper-latin": "upperLetter",
                   "lower-roman": "lowerRoman", "upper-roman": "upperRoman", "none": ""}
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([^;]*)", re.I)


def _integer(value: str | None) -> int | None:
    return int(value) if value is not None and _INTEGER.match(value) else None


def _list_format(el, default: str | None) -> str | None:
    """How an <ol> or <li> numbers: a format of ``format_number``, "" when
    it shows no number, ``default`` when it does not say."""
    kind = el.get("type")
    if kind is not None and kind.strip() in _OL_TYPES:
        return _OL_TYPES[kind.strip()]
    style = el.get("style")
    found = _LIST_STYLE.search(style) if style else None
    if found:
        for word in found.group(1).lower().split():
            if word in _CSS_LIST_TYPES:
                return _CSS_LIST_TYPES[word]
    return default


# Word's HTML for a list paragraph: "mso-list:l0 level2 lfo1" on the paragraph,
# the typed number or bullet in a span marked "mso-list:Ignore" (or, in
# filtered HTML, the span before Word's 7-point spacer).
_MSO_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d)", re.I)
_MSO_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.I)
_SPACER = re.compile(r"font\s*:\s*7\.0pt", re.I)
_SYMBOL_FONT = re.compile(r"font-family\s*:\s*[\"']?(symbol|wingdings|courier new)", re.I)
_DECORATION = re.compile(r"^[(\[]?\s*(.*?)\s*[.):\]]*$")


def _word_list(attrs: dict) -> bool:
    style = attrs.get("style")
    if style and "mso-list" in style and _MSO_LEVEL.search(style):
        return True
    cls = attrs.get("class")
    return bool(cls) and cls.startswith("MsoListParagraph")


def _list_marker(el) -> tuple | None:
    """(the element holding the number or bullet Word typed at the start of a
    list paragraph, the number without its decoration or None for a bullet),
    or None when the paragraph opens with none."""
    marker = None
    for sub in el.iterdescendants():
        if sub.tag.__class__ is not str:
            continue
        style = sub.get("style")
        if style and _MSO_IGNORE.search(style):
            marker = sub
            break
        if style and _SPACER.search(style) and not "".join(sub.itertext()).strip():
            marker = sub if sub.getparent() is el else sub.getparent()
            break
    if marker is None or _text_before(el, marker).strip():
        return None
    glyph = " ".join("".join(marker.itertext()).split())
    if marker.getparent() is el and _SPACER.search(marker.get("style") or ""):
        glyph = " ".join((el.text or "").split())  # the number is the paragraph's own first text
        el.text = None
    symbol, node = False, marker
    while node is not None and node is not el and not symbol:
        symbol = bool(_SYMBOL_FONT.search(node.get("style") or ""))
        node = node.getparent()
    if not glyph or symbol or (len(glyph) == 1 and not glyph.isalnum()):
        return marker, None
    number = _DECORATION.match(glyph).group(1)
    return marker, number or None


def _text_before(el, marker) -> str:
    """The text of ``el`` before ``marker`` (a descendant), in document order."""
    out: list[str] = []

    def visit(node) -> bool:  # True once the marker is reached
        if node is marker:
            return True
        if node.tag.__class__ is str:
            out.append(node.text or "")
            for child in node:
                if visit(child):
                    return True
                out.append(child.tail or "")
        return False

    visit(el)
    return "".join(out)
