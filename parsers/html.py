"""HTML -> Document, walking lxml's tree.

Also reads the HTML fragments found inside text files (``read_fragment``).
Handlers are chosen by tag name; what is not understood is read as text.
Scripts, styles, forms and navigation chrome are skipped.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from parsers.document import Cell, Document, Heading, Paragraph, Row, Run, Table, make_paragraph

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
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_MAX_DEPTH = 200


def read(text: str) -> Document:
    """Read a whole HTML page."""
    root = _parse(text)
    reader = _Reader(_bold_classes(root))
    meta = {}
    title = root.find(".//title")
    if title is not None and (title.text_content() or "").strip():
        meta["title"] = " ".join(title.text_content().split())
    body = root.find(".//body")
    reader.toc = _toc_numbers(root)
    reader.walk(body if body is not None else root, 0)
    reader.flush()
    if _lines_say_little(reader.blocks):
        _number_blocks(reader.blocks)
    return Document(reader.blocks, "html", reader.warnings, meta)


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
    """What an inline tag found in text does: "bold", "/bold", "break" or None."""
    m = _TAG.match(source.strip())
    if not m:
        return None
    closing, tag, attrs = m.group(1), m.group(2).lower(), m.group(3)
    if tag == "br":
        return "break"
    if tag in BOLD_TAGS or (not closing and _BOLD_STYLE.search(attrs)):
        return "/bold" if closing else "bold"
    return None


def _parse(text: str):
    text = text.lstrip("\ufeff")
    # lxml refuses str input that declares an encoding; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html><body></body></html>")
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


def _is_chrome(el) -> bool:
    if el.get("role", "").lower() in _CHROME_ROLES:
        return True
    if el.tag == "footer" and not any(a.tag in _SECTIONING for a in el.iterancestors()):
        return True  # the page's footer (implicit role contentinfo), not an article's
    if el.get("aria-hidden") == "true" or "display:none" in el.get("style", "").replace(" ", ""):
        return True
    return bool(_CHROME_WORDS.search(f"{el.get('class', '')} {el.get('id', '')}"))


class _Reader:
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

    # -- paragraphs ------------------------------------------------------
    def flush(self) -> None:
        para = make_paragraph(self.runs, label=self.label, style=self.style, level=self.level,
                              loc=self.loc)
        if para is not None:
            self.blocks.append(para)
        self.runs = []
        self.label = None

    def _here(self, el) -> str:
        line = getattr(el, "sourceline", None)
        return f"line {line}" if line else ""

    def _is_bold(self, el, bold: bool) -> bool:
        tag = el.tag if isinstance(el.tag, str) else ""
        style = el.get("style", "")
        if tag in BOLD_TAGS or _BOLD_STYLE.search(style):
            return True
        if _NOT_BOLD_STYLE.search(style):
            return False
        if self.bold_classes and set(el.get("class", "").split()) & self.bold_classes:
            return True
        return bold

    # -- the walk --------------------------------------------------------
    def walk(self, el, depth: int, bold: bool = False) -> None:
        """Read the children of ``el`` (its own text included)."""
        if el.text:
            self._text(el.text, bold, el)
        for child in el:
            if isinstance(child.tag, str):
                self.element(child, depth + 1, bold)
            if child.tail:
                self._text(child.tail, bold, el)

    def _text(self, text: str, bold: bool, el) -> None:
        text = text.replace("\n", " ")
        if not self.runs:
            if not text.strip():
                return
            self.loc = self._here(el)
        self.runs.append(Run(text, bold))

    def element(self, el, depth: int, bold: bool) -> None:
        tag = el.tag.lower().split(":")[-1] if ":" in el.tag else el.tag.lower()
        if tag in SKIP or _is_chrome(el):
            return
        if depth > _MAX_DEPTH:
            self.warnings.append(f"markup nested more than {_MAX_DEPTH} deep near {self._here(el)} was not read")
            return
        bold = self._is_bold(el, bold)
        handler = getattr(self, f"_{tag}", None)
        if handler is not None:
            handler(el, depth, bold)
        elif tag in BLOCKS:
            self.flush()
            self.walk(el, depth, bold)
            self.flush()
        else:  # inline element: a, span, em, i, u, sup, sub, font, o:p, ...
            self.walk(el, depth, bold)

    def _br(self, el, depth, bold) -> None:
        if self.runs:
            self.runs.append(Run("\n", bold))

    def _hr(self, el, depth, bold) -> None:
        self.flush()

    def _blockquote(self, el, depth, bold) -> None:
        self._styled(el, depth, bold, "quote")

    def _pre(self, el, depth, bold) -> None:
        self.flush()
        text = el.text_content()
        for line in text.splitlines():
            para = make_paragraph([Run(line)], style="code", loc=self._here(el))
            if para:
                self.blocks.append(para)

    def _styled(self, el, depth, bold, style) -> None:
        self.flush()
        saved = self.style
        self.style = style
        self.walk(el, depth, bold)
        self.flush()
        self.style = saved

    def _heading(self, el, depth, bold, level) -> None:
        self.flush()
        inner = _Reader(self.bold_classes)
        inner.walk(el, depth)
        inner.flush()
        runs = [r for b in inner.blocks if isinstance(b, Paragraph) for r in b.runs + [Run(" ")]]
        heading = Heading(level, runs, loc=self._here(el), label=self.toc.get(el.get("id", "")))
        if heading.text:
            self.blocks.append(heading)

    def _h1(self, el, d, b): self._heading(el, d, b, 1)
    def _h2(self, el, d, b): self._heading(el, d, b, 2)
    def _h3(self, el, d, b): self._heading(el, d, b, 3)
    def _h4(self, el, d, b): self._heading(el, d, b, 4)
    def _h5(self, el, d, b): self._heading(el, d, b, 5)
    def _h6(self, el, d, b): self._heading(el, d, b, 6)

    def _list(self, el, depth, bold, ordered: bool) -> None:
        self.flush()
        saved = self.level
        self.level = 0 if saved is None else saved + 1
        number = int(el.get("start")) if ordered and (el.get("start") or "").isdigit() else 1
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "li":
                self.flush()
                if ordered:
                    self.label = str(number)
                    number += 1
                self.walk(child, depth + 1, self._is_bold(child, bold))
                self.flush()
            else:
                self.element(child, depth + 1, bold)
        self.level = saved

    def _ul(self, el, d, b): self._list(el, d, b, False)
    def _ol(self, el, d, b): self._list(el, d, b, True)

    def _dt(self, el, depth, bold) -> None:
        self.flush()
        self.walk(el, depth, True)
        self.flush()

    def _table(self, el, depth, bold) -> None:
        self.flush()
        rows = _rows(el)
        if not rows:
            return
        width = max(sum(_span(c, "colspan") for c in _cells(r)) for r in rows)
        if width <= 1:  # a layout table: its content is just blocks
            for r in rows:
                for c in _cells(r):
                    self.walk(c, depth, bold)
                    self.flush()
            return
        table = Table([], loc=self._here(el))
        pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
        for tr in rows:
            cells: list[Cell] = []
            col = 0
            header = all(c.tag == "th" for c in _cells(tr)) or tr.getparent().tag == "thead"
            for td in _cells(tr):
                while pending.get(col, 0) > 0:
                    pending[col] -= 1
                    cells.append(Cell([], continued=True))
                    col += 1
                inner = _Reader(self.bold_classes)
                inner.toc = self.toc
                inner.walk(td, depth + 1, self._is_bold(td, bold or td.tag == "th"))
                inner.flush()
                self.warnings.extend(inner.warnings)
                span = _span(td, "colspan")
                cells.append(Cell(inner.blocks, colspan=span))
                rowspan = _span(td, "rowspan")
                for k in range(span):
                    if rowspan > 1:
                        pending[col + k] = rowspan - 1
                col += span
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append(Cell([], continued=True))
                col += 1
            table.rows.append(Row(cells, is_header=header, loc=self._here(tr)))
        self.blocks.append(table)


def _rows(table) -> list:
    """The table's own rows (not those of tables nested in its cells)."""
    out = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            out.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            out.extend(r for r in child if isinstance(r.tag, str) and r.tag == "tr")
    return [r for r in out if _cells(r)]


def _cells(tr) -> list:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _span(el, name: str) -> int:
    value = el.get(name, "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1
