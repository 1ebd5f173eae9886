"""DOCX -> Document, walking the WordprocessingML of the body with lxml.

The zip is checked before any XML is parsed (a Word document at all, member
count, unpacked size, no DTDs), then ``word/document.xml`` is read in one pass
as it is parsed, a chunk at a time: each child of the body, and each row of a
table in the body, is read once it has ended and then dropped, so that the
whole tree is never held.  Read are paragraphs and tables in document order,
content controls, tracked changes (read as accepted), fields (their result
only), hyperlinks and merged cells.  Bold, italic and strikethrough (single
or double) come from the run, its character style or the paragraph style
(basedOn chains followed); list numbers are rebuilt from the numbering part,
a paragraph style's own numbering included (both in ``docx_styles``).

The page headers and footers that the sections show are read after the body
into ``meta["page_header"]`` and ``meta["page_footer"]`` (see
``parsers.document``).  A content control showing its placeholder
(``w:showingPlcHdr``) holds no text when what it shows is its prompt (the
text of its placeholder in the glossary, one of Word's stock prompts, or, when
neither is known, text all in the Placeholder Text style); text in the
Placeholder Text style elsewhere is dropped when it is such a prompt.  A
value typed over the prompt is kept.  Footnotes and comments are not read.

python-docx is not used to read: its ``iter_inner_content()`` skips content
controls and insertions, ``_Row.cells`` is quadratic and repeats merged
cells, and parsing every part through it costs more than the walk itself.
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from parsers.document import Block, Cell, Document, Heading, Row, Run, Table, block_text, make_paragraph
from parsers.docx_styles import FALSE, NS, PPR, RPR, VAL, W, Numbering, Styles, int_val, toggle
from parsers.errors import ParseError
from parsers.limits import DEFAULT_MAX_SIZE, UNPACK_RATIO, size_text
from parsers.vocabulary import PLACEHOLDER_PROMPTS

MAX_MEMBERS = 10_000
MAX_TABLE_DEPTH = 50
_HEAD = 8192                         # bytes of each part searched for a DTD
_CHUNK = 1 << 16                     # bytes of the main part parsed at a time
_SAFE = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
             dtd_validation=False, remove_comments=True, remove_pis=True)

_NS_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, R, T, TBL, TR, TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
SDT, TCPR, TRPR = W + "sdt", W + "tcPr", W + "trPr"
FLDCHAR = W + "fldChar"

# What a walk does not descend into (everything else unknown is descended into, so
# that no text is dropped in silence).  Deletions are dropped: changes read as accepted.
_SKIP_COMMON = {W + n for n in ("del", "moveFrom", "sdtPr", "sdtEndPr", "customXmlPr",
                                "smartTagPr", "bookmarkStart", "bookmarkEnd", "proofErr")}
_SKIP_COMMON |= {MC + "Choice"}                       # mc:AlternateContent: read the Fallback
_SKIP_BLOCK = frozenset(_SKIP_COMMON | {W + "sectPr", TCPR, W + "tblPr", W + "tblGrid"})
_SKIP_INLINE = frozenset(_SKIP_COMMON | {PPR, RPR})
_SKIP_ROWS = frozenset(_SKIP_COMMON | {W + "tblPr", W + "tblGrid", TBL})
_SKIP_CELLS = frozenset(_SKIP_COMMON | {TRPR, W + "tblPrEx", TBL})
_BLOCKS = frozenset({P, TBL, W + "altChunk"})
_DRAWINGS = frozenset({W + "drawing", W + "pict", W + "object", MC + "AlternateContent"})


def read(path: str, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """The document model of the .docx ``data`` read from ``path``."""
    package = _Package(path, max_size)
    try:
        return package.read(data)
    except ParseError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, struct.error,
            etree.LxmlError, KeyError, ValueError, NotImplementedError, AttributeError,
            IndexError, TypeError, OSError, RuntimeError, RecursionError, MemoryError) as exc:
        raise ParseError(path, _reason(exc, package.part)) from None


def _reason(exc: BaseException, part: str) -> str:
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError, struct.error)):
        return "is not a readable Word document: the zip archive is damaged or truncated"
    if isinstance(exc, etree.XMLSyntaxError):
        return f"is not a readable Word document: {part} is not well-formed XML (line {exc.lineno})"
    if isinstance(exc, NotImplementedError):
        return "is not a readable Word document: it uses a zip compression this tool cannot unpack"
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return "is password-protected"
    if isinstance(exc, RecursionError):
        return "is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "is too large to read"
    return f"is not a readable Word document ({type(exc).__name__} while reading {part or 'the zip'})"


# -- the package: zip checks and safe XML -----------------------------------------

class _Package:
    def __init__(self, path: str, max_size: int) -> None:
        self.path = path
        self.max_size = max_size
        self.part = ""
        self.xml_left = max_size         # what the XML parts read may still unpack to
        self.zip: zipfile.ZipFile | None = None
        self.names: dict[str, zipfile.ZipInfo] = {}
        self.rels: dict = {}
        self.parser = etree.XMLParser(**_SAFE)
        self.glossary: dict[str, set[str]] | None = None  # the placeholders' prompts, read when needed
        self.even: bool | None = None                       # the settings show even pages' own headers

    def read(self, data: bytes) -> Document:
        with zipfile.ZipFile(io.BytesIO(data)) as self.zip:
            return self._read()

    def _read(self) -> Document:
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ParseError(self.path, f"has {len(infos):,} parts, too many for a Word document")
        total = sum(i.file_size for i in infos)
        if total > self.max_size * UNPACK_RATIO:
            raise ParseError(self.path, f"would unpack to {total:,} bytes, too much to be a Word "
                                        "document (a zip bomb?)")
        self.names = {i.filename.lower(): i for i in infos}
        main = self._target("_rels/.rels", "/officeDocument", "") or "word/document.xml"
        if main.lower() not in self.names:
            raise ParseError(self.path, f"is not a Word document: it has no {main}")
        raw = self.raw(main)
        rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        base = posixpath.dirname(main)
        name = self._target(rels, "/styles", base) or "word/styles.xml"
        styles = Styles(self.raw(name) if name.lower() in self.names else None, self.parser,
                        lambda raw: self.parse(name, raw))
        numbering = Numbering(
            self._optional(self._target(rels, "/numbering", base) or "word/numbering.xml"), styles)
        meta = self._meta()
        self.part = main
        reader = _Reader(styles, numbering)
        if b"showingPlcHdr" in raw or any(sid.encode() in raw for sid in styles.placeholder_ids()):
            reader.prompts = lambda: self._prompts(rels, base)
        blocks = reader.body(self._body(main, raw))
        del raw
        for kind, where in (("header", "page header"), ("footer", "page footer")):
            text = self._page_text(rels, base, reader, kind, where)
            if text:
                meta[f"page_{kind}"] = text
        return Document(blocks, "docx", reader.warnings, meta)

    def _page_text(self, rels: str, base: str, reader: "_Reader", kind: str, where: str) -> str:
        """The text of the header (or footer) parts the sections show, each part
        once, in section order: one line per paragraph and per table cell."""
        ids = []
        for refs, first_page in reader.sections:
            for shown in (("first",) if first_page else ()) + ("default", "even"):
                rid = refs.get((kind, shown))
                if rid and rid not in ids and (shown != "even" or self._even_pages(rels, base)):
                    ids.append(rid)
        texts: list[str] = []
        for rid in ids:
            name = self._target(rels, rid, base, by_id=True)
            if name is None or name.lower() not in self.names:
                continue
            try:
                root = self.xml(name)
            except etree.XMLSyntaxError as exc:
                reader.warnings.append(f"the {where} in {name} is not well-formed XML (line {exc.lineno}): "
                                       "it was not read")
                continue
            part = _Reader(reader.styles, reader.numbering)
            part.prompts = reader.prompts
            blocks = part.blocks((root,), where, 0)
            reader.warnings.extend(part.warnings)
            text = "\n".join(t for t in (block_text(b).strip() for b in blocks) if t)
            if text and text not in texts:
                texts.append(text)
        return "\n".join(texts)

    def _even_pages(self, rels: str, base: str) -> bool:
        """The document shows even pages' own headers and footers (its settings say so)."""
        if self.even is None:
            name = self._target(rels, "/settings", base) or "word/settings.xml"
            self.even = name.lower() in self.names and bool(
                toggle(self.xml(name).find(W + "evenAndOddHeaders")))
        return self.even

    def _prompts(self, rels: str, base: str) -> dict[str, set[str]]:
        """The prompts of the glossary's placeholders, by docPart name (all of
        them under ""), each text casefolded with its spaces squashed."""
        if self.glossary is None:
            self.glossary = {"": set()}
            name = self._target(rels, "/glossaryDocument", base)
            try:
                root = self.xml(name) if name is not None and name.lower() in self.names else None
            except etree.XMLSyntaxError:
                root = None  # its prompts unknown: Word's own and the Placeholder Text style still tell
            if root is not None:
                for part in root.iter(W + "docPart"):
                    label = part.find(f"{W}docPartPr/{W}name")
                    texts = {prompt_key("".join(t.text or "" for t in p.iter(T)))
                             for p in part.iter(P)} - {""}
                    if label is not None and texts:
                        self.glossary.setdefault(label.get(VAL, ""), set()).update(texts)
                        self.glossary[""].update(texts)
        return self.glossary

    def _body(self, name: str, raw: bytes):
        """The body of the main part as (kind, element) in document order: each
        child of the body (_CHILD), except that a table's children (its rows) come
        one by one (_TABLE, then each as _ROW, then _END).  The part is parsed a
        chunk at a time; after each, every child of the body but the last has
        ended, and so has every child of a table that is the last; those are given
        and dropped, so that the tree is never held whole."""
        parser = etree.XMLPullParser(events=("start",), tag=W + "body", **_SAFE)
        body = table = None
        for start in range(0, len(raw), _CHUNK):
            parser.feed(raw[start:start + _CHUNK])
            if body is None:
                for _, el in parser.read_events():
                    body = body if body is not None else self._find_body(name, el.getroottree(), el)
                if body is None:
                    continue
            whole = len(body) - 1
            if whole > 0:
                for child in body[:whole]:
                    if child is table:
                        yield from _rest(table)
                        table = None
                    else:
                        yield _CHILD, child
                del body[:whole]
            if len(body) and body[0].tag == TBL:
                if table is None:
                    table = body[0]
                    yield _TABLE, table
                whole = len(table) - 1
                if whole > 0:
                    for child in table[:whole]:
                        yield _ROW, child
                    del table[:whole]
        try:
            root = parser.close()
        except etree.XMLSyntaxError as exc:
            if exc.lineno:
                raise
            etree.fromstring(raw, self.parser)  # a fed parser may not say where: this one does
            raise
        if body is None:
            body = self._find_body(name, root.getroottree(), root.find(W + "body"))
            if body is None:
                raise ParseError(self.path, f"is not a Word document: {name} has no document body")
        for child in body:
            if child is table:
                yield from _rest(table)
            else:
                yield _CHILD, child

    def _find_body(self, name: str, tree, body):
        """``body`` when it is the body of the main part being parsed, else None."""
        if tree.docinfo.doctype:
            raise ParseError(self.path, f"has a DTD in {name}, which Word never writes: refused")
        root = tree.getroot()
        if not root.tag.endswith("}document"):
            raise ParseError(self.path, f"is not a Word document: {name} has no document body")
        return body if body is not None and root.find(W + "body") is body else None

    def xml(self, name: str):
        """The root element of a part, parsed safely (no DTD, no entities, no network)."""
        return self.parse(name, self.raw(name))

    def raw(self, name: str) -> bytes:
        """The bytes of a part, within the limits, refused when they start with a DTD."""
        self.part = name
        info = self.names[name.lower()]
        if info.file_size > self.xml_left:
            raise ParseError(self.path, f"has XML parts that unpack to more than the limit of "
                                        f"{size_text(self.max_size)} ({name} alone is "
                                        f"{size_text(info.file_size)}; raise it with --max-size)")
        with self.zip.open(info) as fh:
            raw = fh.read(info.file_size + 1)   # never more than the size declared
        self.xml_left -= len(raw)
        head = raw[:_HEAD].replace(b"\x00", b"")
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ParseError(self.path, f"has a DTD in {name}, which Word never writes: refused")
        if _NS_STRICT in raw:  # Strict Open XML: same elements, another namespace
            raw = raw.replace(_NS_STRICT, NS.encode())
        return raw

    def parse(self, name: str, raw: bytes):
        """The root element of the part ``name`` read as ``raw``; errors name the part."""
        before, self.part = self.part, name
        root = etree.fromstring(raw, self.parser)
        if root.getroottree().docinfo.doctype:
            raise ParseError(self.path, f"has a DTD in {name}, which Word never writes: refused")
        self.part = before
        return root

    def _optional(self, name: str):
        return self.xml(name) if name.lower() in self.names else None

    def _target(self, rels: str, kind: str, base: str, by_id: bool = False) -> str | None:
        """The part a relationship of type ``…kind`` (or, ``by_id``, of id
        ``kind``) in ``rels`` points to."""
        if rels.lower() not in self.names:
            return None
        if rels not in self.rels:
            self.rels[rels] = self.xml(rels)
        for rel in self.rels[rels]:
            if (rel.get("Id") == kind if by_id else rel.get("Type", "").endswith(kind)) \
                    and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
                return posixpath.normpath(name)
        return None

    def _meta(self) -> dict[str, str]:
        name = self._target("_rels/.rels", "/core-properties", "") or "docProps/core.xml"
        core = self._optional(name)
        title = core.find("{http://purl.org/dc/elements/1.1/}title") if core is not None else None
        text = " ".join((title.text or "").split()) if title is not None else ""
        return {"title": text} if text else {}


# -- the body walk ------------------------------------------------------------------

# Tags looked up once per element in the hot loops.
PSTYLE, NUMPR, NUMID, ILVL, OUTLINE = (W + n for n in ("pStyle", "numPr", "numId", "ilvl", "outlineLvl"))
B, I, STRIKE, DSTRIKE, RSTYLE, FLDTYPE = (W + n for n in ("b", "i", "strike", "dstrike", "rStyle", "fldCharType"))
SECTPR, TITLEPG = W + "sectPr", W + "titlePg"
_REF_KINDS = {W + "headerReference": "header", W + "footerReference": "footer"}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
TEXT_OF = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
GRIDSPAN, VMERGE, HMERGE, CELLDEL = W + "gridSpan", W + "vMerge", W + "hMerge", W + "cellDel"
SHOWING_PLACEHOLDER = f"{W}sdtPr/{W}showingPlcHdr"
PLACEHOLDER_PART = f"{W}sdtPr/{W}placeholder/{W}docPart"


def prompt_key(text: str) -> str:
    """A prompt's text as prompts are compared: casefolded, spaces squashed."""
    return " ".join(text.split()).casefold()


_STOCK_PROMPTS = frozenset(prompt_key(p) for p in PLACEHOLDER_PROMPTS)


_CHILD, _TABLE, _ROW, _END = range(4)


def _rest(table):
    """The rest of a table given row by row: its children, then its end."""
    for child in table:
        yield _ROW, child
    yield _END, table


def _walk(el, wanted: frozenset, skip: frozenset) -> list:
    """Descendants of ``el`` (an element, or a tuple of elements and theirs) with a
    wanted tag, in order, without recursion: every other element is descended into
    unless skipped (a content control showing its placeholder too: its prompt is
    dropped run by run, and its paragraphs and cells stay in place)."""
    out = []
    stack = [iter(el)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag in wanted:
                out.append(child)
            elif tag in skip or not isinstance(tag, str):
                continue
            else:
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return out


_WANT_RUNS = frozenset({R})
_WANT_ROWS = frozenset({TR})
_WANT_CELLS = frozenset({TC})


class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.warnings: list[str] = []
        self.paragraphs = 0
        self.tables = 0
        self.char_look: dict[str, tuple] = {}
        self.style_level: dict[str | None, int] = {}
        # the sections, in order: ({(kind, type): relationship id}, whether the first page differs)
        self.sections: list[tuple[dict[tuple[str, str], str], bool]] = []
        # the placeholders' prompts (by docPart name): set where the document may show some
        self.prompts = None

    def body(self, parts) -> list[Block]:
        """The blocks of the body, from its parts as ``_Package._body`` gives them."""
        out: list[Block] = []
        rows: list[Row] = []
        loc = ""
        for kind, el in parts:
            if kind == _CHILD:
                if el.tag == P:
                    block = self.paragraph(el, "")
                    if block is not None:
                        out.append(block)
                elif el.tag == SECTPR:
                    self.section(el)
                else:
                    out.extend(self.blocks((el,), "", 0))
            elif kind == _ROW:
                self.rows((el,), loc, 1, rows)
            elif kind == _TABLE:
                self.tables += 1
                loc, rows = f"table {self.tables}", []
            else:
                out.append(Table(rows, loc=loc))
        return out

    def blocks(self, container, where: str, depth: int) -> list[Block]:
        """The blocks of the body (``where`` empty: ``container`` is some of its
        children) or of a table cell."""
        out: list[Block] = []
        nested = 0
        for el in _walk(container, _BLOCKS, _SKIP_BLOCK):
            tag = el.tag
            if tag == P:
                block = self.paragraph(el, where)
            elif tag == TBL:
                if where:
                    nested += 1
                    block = self.table(el, f"{where}, table {nested}", depth + 1)
                else:
                    self.tables += 1
                    block = self.table(el, f"table {self.tables}", depth + 1)
            else:
                self.warnings.append(f"an embedded document (altChunk) {self._near(where)} was not read")
                block = None
            if block is not None:
                out.append(block)
        return out

    def _near(self, where: str) -> str:
        return f"in {where}" if where else f"after paragraph {self.paragraphs}"

    # -- paragraphs ---------------------------------------------------------------
    def paragraph(self, p, where: str):
        sid = num_id = ilvl = outline = None
        ppr = p[0] if len(p) and p[0].tag == PPR else None
        if ppr is not None:
            for prop in ppr:
                tag = prop.tag
                if tag == PSTYLE:
                    sid = prop.get(VAL)
                elif tag == NUMPR:
                    for item in prop:
                        if item.tag == NUMID:
                            num_id = item.get(VAL)
                        elif item.tag == ILVL:
                            ilvl = int_val(item)
                elif tag == OUTLINE:
                    outline = int_val(prop)
                elif tag == SECTPR:
                    self.section(prop)
        name, heading, bold, style_num, style_ilvl, sid, italic, strike = self.styles.para(sid)
        if num_id is None:
            num_id = style_num
        label = level = None
        if num_id and num_id != "0":
            if ilvl is None:
                ilvl = style_ilvl if style_ilvl is not None else self._linked_level(sid)
            found = self.numbering.advance(num_id, ilvl)
            if found is not None:
                label, level = found
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 6 else None
        loc = where or f"paragraph {self.paragraphs + 1}"
        runs = self.runs(p, (bold, italic, strike), loc)
        if not runs:
            return None
        if heading is not None:
            block = Heading(heading, runs, loc=loc, label=label)
            block = block if block.text else None
        else:
            block = make_paragraph(runs, label=label, style=name, level=level, loc=loc)
        if block is not None and not where:
            self.paragraphs += 1
        return block

    def section(self, sectpr) -> None:
        """Note the header and footer parts a section shows."""
        refs = {}
        for ref in sectpr:
            kind = _REF_KINDS.get(ref.tag)
            if kind is not None and ref.get(R_ID):
                refs[(kind, ref.get(W + "type", "default"))] = ref.get(R_ID)
        self.sections.append((refs, bool(toggle(sectpr.find(TITLEPG)))))

    def _linked_level(self, sid: str | None) -> int:
        """The list level the numbering part ties a paragraph style to (or the
        style it is based on), 0 when none."""
        if sid not in self.style_level:
            level, current, seen = None, sid, set()
            while current is not None and current not in seen and len(seen) < 30:
                seen.add(current)
                level = self.numbering.style_levels.get(current)
                if level is not None:
                    break
                style = self.styles.get(current)
                current = style.based_on if style is not None else None
            self.style_level[sid] = level or 0
        return self.style_level[sid]

    def runs(self, p, para_look: tuple, loc: str) -> list[Run]:
        """The runs of a paragraph, in order (the walk of ``_walk``, inlined: it is hot);
        ``para_look`` is the paragraph style's (bold, italic, struck)."""
        out: list[Run] = []
        elements = [] if self.prompts is not None else None  # each run's w:r, to find placeholders
        fields: list[bool] = []  # open complex fields: True once past "separate"
        para_bold = para_look[0]
        plain = not para_look[1] and not para_look[2]
        stack = [iter(p)]
        while stack:
            for r in stack[-1]:
                tag = r.tag
                if tag != R:
                    if tag in _SKIP_INLINE or not isinstance(tag, str):
                        continue
                    stack.append(iter(r))
                    break
                look = None
                text = None
                for child in r:
                    tag = child.tag
                    if tag == T:
                        if not fields or all(fields):
                            text = (child.text or "") if text is None else text + (child.text or "")
                    elif tag == RPR:
                        look = self._run_look(child, para_look)
                    elif tag in TEXT_OF:
                        if not fields or all(fields):
                            text = TEXT_OF[tag] if text is None else text + TEXT_OF[tag]
                    elif tag == FLDCHAR:
                        kind = child.get(FLDTYPE)
                        if kind == "begin":
                            fields.append(False)
                        elif kind == "separate" and fields:
                            fields[-1] = True
                        elif kind == "end" and fields:
                            fields.pop()
                    elif tag in _DRAWINGS and any(t.text for t in child.iter(T)):
                        self.warnings.append(f"a text box in {loc} was not read")
                if text is not None:
                    if look is None:
                        out.append(Run(text, para_bold) if plain else Run(text, *para_look))
                    else:
                        out.append(Run(text, look[0]) if not look[1] and not look[2] else Run(text, *look))
                    if elements is not None:
                        elements.append(r)
            else:
                stack.pop()
        if elements:
            out = self._without_prompts(out, elements)
        return out

    def _run_look(self, rpr, para_look: tuple) -> tuple:
        """(bold, italic, struck) of a run: its own properties, else its
        character style's, else the paragraph's."""
        bold = italic = strike = sid = None
        for prop in rpr:
            tag = prop.tag
            if tag == B:
                bold = prop.get(VAL, "1").lower() not in FALSE
            elif tag == I:
                italic = prop.get(VAL, "1").lower() not in FALSE
            elif tag == STRIKE or tag == DSTRIKE:
                on = prop.get(VAL, "1").lower() not in FALSE
                strike = on or bool(strike)
            elif tag == RSTYLE:
                sid = prop.get(VAL)
        if sid is not None and (bold is None or italic is None or strike is None):
            if sid not in self.char_look:
                self.char_look[sid] = tuple(self.styles.inherited(sid, a) for a in ("bold", "italic", "struck"))
            char = self.char_look[sid]
            bold = char[0] if bold is None else bold
            italic = char[1] if italic is None else italic
            strike = char[2] if strike is None else strike
        return (para_look[0] if bold is None else bold, para_look[1] if italic is None else italic,
                para_look[2] if strike is None else strike)

    def _without_prompts(self, runs: list[Run], elements: list) -> list[Run]:
        """``runs`` without the prompts of placeholders: the text of a content
        control showing its placeholder, and text in the Placeholder Text
        style, where it is a prompt (see the module's docstring)."""
        keys = []
        for r in elements:
            sdt = next((a for a in r.iterancestors(SDT) if a.find(SHOWING_PLACEHOLDER) is not None), None)
            rpr = r.find(RPR)
            style = rpr.find(RSTYLE) if rpr is not None else None
            styled = style is not None and self.styles.is_placeholder(style.get(VAL, ""))
            keys.append((sdt, styled))
        out: list[Run] = []
        k = 0
        while k < len(runs):
            sdt, styled = keys[k]
            end = k + 1
            while end < len(runs) and keys[end][0] is sdt and (sdt is not None or keys[end][1] == styled):
                end += 1
            group = runs[k:end]
            if (sdt is None and not styled) or not self._prompt(group, keys[k:end], sdt):
                out.extend(group)
            k = end
        return out

    def _prompt(self, runs: list[Run], keys: list, sdt) -> bool:
        text = prompt_key("".join(r.text for r in runs))
        if not text:
            return False  # spaces: they keep the words around them apart
        if text in _STOCK_PROMPTS:
            return True
        prompts = self.prompts()
        if sdt is None:  # Placeholder Text style outside a control showing its prompt
            return text in prompts[""]
        part = sdt.find(PLACEHOLDER_PART)
        known = prompts.get(part.get(VAL, "")) if part is not None else None
        if known:
            return text in known
        return all(styled for _, styled in keys)

    # -- tables ---------------------------------------------------------------------
    def table(self, tbl, loc: str, depth: int) -> Table | None:
        if depth > MAX_TABLE_DEPTH:
            self.warnings.append(f"tables nested more than {MAX_TABLE_DEPTH} deep in {loc} were not read")
            return None
        rows: list[Row] = []
        self.rows(tbl, loc, depth, rows)
        return Table(rows, loc=loc)

    def rows(self, container, loc: str, depth: int, rows: list[Row]) -> None:
        """Add the rows in ``container`` (a table, or some of its children) to ``rows``."""
        for tr in _walk(container, _WANT_ROWS, _SKIP_ROWS):
            trpr = tr.find(TRPR)
            header, before = False, 0
            if trpr is not None:
                if trpr.find(W + "del") is not None:  # a deleted row, the deletion accepted
                    continue
                header = bool(toggle(trpr.find(W + "tblHeader")))
                before = int_val(trpr.find(W + "gridBefore"), 0)
            row_loc = f"{loc}, row {len(rows) + 1}"
            cells: list[Cell] = [Cell([], colspan=min(before, 1000))] if before > 0 else []
            for tc in _walk(tr, _WANT_CELLS, _SKIP_CELLS):
                cell = self.cell(tc, row_loc, depth, cells)
                if cell is not None:
                    cells.append(cell)
            rows.append(Row(cells, is_header=header, loc=row_loc))

    def cell(self, tc, row_loc: str, depth: int, cells: list[Cell]) -> Cell | None:
        span, continued = 1, False
        tcpr = tc[0] if len(tc) and tc[0].tag == TCPR else None
        if tcpr is not None:
            for prop in tcpr:
                tag = prop.tag
                if tag == GRIDSPAN:
                    span = max(1, min(int_val(prop, 1), 1000))
                elif tag == VMERGE:
                    continued = prop.get(VAL, "continue") != "restart"
                elif tag == CELLDEL:
                    return None
                elif tag == HMERGE and prop.get(VAL, "continue") != "restart" and cells:
                    cells[-1].colspan += span  # legacy horizontal merge
                    return None
        if continued:
            return Cell([], colspan=span, continued=True)
        return Cell(self.blocks(tc, row_loc, depth), colspan=span)
