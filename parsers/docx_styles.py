"""The style and numbering parts of a .docx: bold, italic, strikethrough and
headings from styles (basedOn chains followed), the Placeholder Text style,
and Word's automatic list numbers rebuilt.

Both are read lazily: a template defines hundreds of styles and lists, a
document uses a few."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % NS
VAL = W + "val"
PPR, RPR = W + "pPr", W + "rPr"
FALSE = {"0", "false", "off", "none"}
_HEADING = re.compile(r"heading\s*([1-9])$", re.I)
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def toggle(el) -> bool | None:
    """A toggle property (w:b): None when absent, else its value."""
    return None if el is None else el.get(VAL, "1").lower() not in FALSE


def struck(rpr) -> bool | None:
    """Single or double strikethrough in run properties: None when neither is said."""
    single, double = toggle(rpr.find(W + "strike")), toggle(rpr.find(W + "dstrike"))
    return None if single is None and double is None else bool(single or double)


@dataclass
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    italic: bool | None
    struck: bool | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


def int_val(el, default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(VAL, ""))
    except ValueError:
        return default


class Styles:
    """Style lookups with basedOn chains followed and results cached."""

    def __init__(self, raw: bytes | None, parser, parse_part) -> None:
        """``raw`` is the style part (or None), ``parser`` a safe XML parser and
        ``parse_part(raw)`` its full parse, which raises naming the part."""
        self.elements: dict = {}         # styleId -> element, or (start, end) in ``raw``
        self.parsed: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.default_bold = self.default_italic = self.default_struck = False
        self.cache: dict[tuple, object] = {}
        self.raw, self.parser, self.parse_part = raw, parser, parse_part
        if raw is None:
            return
        index = _index(raw)
        if index is None:
            self._load(parse_part(raw))
            return
        self.shell, defaults, styles = index
        element = self._fragment(defaults) if defaults is not None else None
        if defaults is not None and element is None:
            self._load(parse_part(raw))
            return
        self._defaults(element.find(f"{W}rPrDefault/{RPR}") if element is not None else None)
        for sid, span, default in styles:
            self.elements[sid] = span
            if default:
                self.default_para = sid

    def _load(self, root) -> None:
        """Every style from the parsed part."""
        self.elements = {}
        self.default_para = None
        self._defaults(root.find(f"{W}docDefaults/{W}rPrDefault/{RPR}"))
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid:
                self.elements[sid] = st
                if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true", "on"):
                    self.default_para = sid

    def _defaults(self, rpr) -> None:
        self.default_bold = bool(toggle(rpr.find(W + "b"))) if rpr is not None else False
        self.default_italic = bool(toggle(rpr.find(W + "i"))) if rpr is not None else False
        self.default_struck = bool(struck(rpr)) if rpr is not None else False

    def _fragment(self, span: tuple[int, int]):
        """One element of the part parsed alone, or None when it does not parse alone."""
        start, end = span
        try:
            return etree.fromstring(self.shell[0] + self.raw[start:end] + self.shell[1], self.parser)[0]
        except etree.XMLSyntaxError:
            return None

    def _element(self, sid: str | None):
        element = self.elements.get(sid)
        if isinstance(element, tuple):
            element = self._fragment(element)
            if element is None:  # read the whole part instead: it raises where it is not well-formed
                self._load(self.parse_part(self.raw))
                return self.elements.get(sid)
            self.elements[sid] = element
        return element

    def get(self, sid: str | None) -> _Style | None:
        if sid not in self.parsed:
            st = self._element(sid)
            if st is None:
                return None
            name, based, ppr, rpr = (st.find(W + "name"), st.find(W + "basedOn"), st.find(PPR),
                                     st.find(RPR))
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            num_id = numpr.find(W + "numId") if numpr is not None else None
            self.parsed[sid] = _Style(
                name=name.get(VAL, sid) if name is not None else sid,
                based_on=based.get(VAL) if based is not None else None,
                bold=toggle(rpr.find(W + "b")) if rpr is not None else None,
                italic=toggle(rpr.find(W + "i")) if rpr is not None else None,
                struck=struck(rpr) if rpr is not None else None,
                num_id=num_id.get(VAL) if num_id is not None else None,
                ilvl=int_val(numpr.find(W + "ilvl")) if numpr is not None else None,
                outline=int_val(ppr.find(W + "outlineLvl")) if ppr is not None else None)
        return self.parsed[sid]

    def inherited(self, sid: str | None, attr: str):
        """The first value of ``attr`` along the basedOn chain of ``sid``."""
        key = (sid, attr)
        if key not in self.cache:
            value, seen = None, set()
            style = self.get(sid)
            while style is not None and sid not in seen and len(seen) < 30:
                seen.add(sid)
                value = getattr(style, attr)
                if value is not None:
                    break
                sid = style.based_on
                style = self.get(sid)
            self.cache[key] = value
        return self.cache[key]

    def para(self, sid: str | None) -> tuple:
        """A paragraph style's (name, heading level, bold, numId, ilvl, styleId,
        italic, struck), cached.

        The name is None for the default paragraph style ("Normal")."""
        key = ("para", sid)
        if key not in self.cache:
            sid = sid if sid in self.elements else self.default_para
            name = self.get(sid).name if sid else None
            bold, italic, strike = (self.inherited(sid, a) for a in ("bold", "italic", "struck"))
            self.cache[key] = (None if sid == self.default_para else name,
                               _heading_level(name, sid, self.inherited(sid, "outline")),
                               self.default_bold if bold is None else bold,
                               self.inherited(sid, "num_id"), self.inherited(sid, "ilvl"), sid,
                               self.default_italic if italic is None else italic,
                               self.default_struck if strike is None else strike)
        return self.cache[key]

    def placeholder_ids(self) -> set[str]:
        """The ids of Word's Placeholder Text character style (the grey prompt
        of a content control), found by its name, which Word writes in English."""
        if "placeholders" not in self.cache:
            found = {"PlaceholderText"}
            if self.raw is not None and b"Placeholder Text" in self.raw:
                for sid, element in list(self.elements.items()):
                    if isinstance(element, tuple) and b"Placeholder Text" not in self.raw[element[0]:element[1]]:
                        continue
                    style = self.get(sid)
                    if style is not None and style.name.strip().lower() == "placeholder text":
                        found.add(sid)
            self.cache["placeholders"] = found
        return self.cache["placeholders"]

    def is_placeholder(self, sid: str) -> bool:
        """A character style that is Placeholder Text or based on it."""
        key = ("placeholder", sid)
        if key not in self.cache:
            ids, seen, current = self.placeholder_ids(), set(), sid
            while current is not None and current not in ids and current not in seen and len(seen) < 30:
                seen.add(current)
                style = self.get(current)
                current = style.based_on if style is not None else None
            self.cache[key] = current is not None and current in ids
        return self.cache[key]


# The style part read without parsing it whole (parsing a template's hundreds of
# styles costs more than reading the body): the root's start tag, docDefaults,
# and each w:style's id, whether it is the default paragraph style, and where it
# is, to be parsed alone when it is used.  Only parts written plainly are read
# so: UTF-8, the root w:styles with the prefix bound on it; styles that do not
# nest; between them no comment, CDATA, processing instruction or namespace
# declaration.  Any other part is parsed whole, as is a part whose style does
# not parse alone (which raises where the part is not well-formed).
_ATTRS = rb"(?:\s+[^\s=<>/]+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*\s*"
_ATTR = re.compile(rb"([^\s=<>/]+)\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)')")
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml\s[^<>]*\?>)?\s*")
_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*):styles(" + _ATTRS + rb")>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)")
_TAG_END = frozenset(b" \t\r\n/>")


def _attrs(tag: bytes) -> dict[bytes, bytes] | None:
    """The attributes of a start tag, or None when a value is not plain (a
    reference, or a character XML would normalise)."""
    out = {}
    for match in _ATTR.finditer(tag):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        if b"&" in value or b"\t" in value or b"\n" in value or b"\r" in value:
            return None
        out[match.group(1)] = value
    return out


def _index(raw: bytes):
    """(shell, docDefaults span, [(styleId, span, default), ...]) of a plain style
    part, or None: the shell is the root's start and end tags, to parse a span in."""
    prolog = _PROLOG.match(raw)
    root = _ROOT.match(raw, prolog.end())
    encoding = _ENCODING.search(raw, 0, prolog.end())
    if root is None or (encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8")):
        return None
    prefix, pos = root.group(1), root.end()
    attrs = _attrs(root.group(2))
    close = b"</" + prefix + b":styles>"
    if (attrs is None or attrs.get(b"xmlns:" + prefix) != NS.encode() or root.group(2).count(NS.encode()) != 1
            or not raw.rstrip().endswith(close)):
        return None
    opening, closing = b"<" + prefix + b":style", b"</" + prefix + b":style>"
    start_tag = re.compile(re.escape(opening) + b"(" + _ATTRS + b")(/?)>")
    style_id = re.compile(rb"(?<=\s)" + re.escape(prefix) + rb":styleId\s*=\s*(\"[^\"]*\"|'[^']*')")
    odd = re.compile(b"<[!?]|-->|]]>|xmlns|" + re.escape(closing) + b"|<" + re.escape(prefix) + b":docDefaults")
    defaults = None
    styles = []
    while True:  # pos: the end of the root's start tag or of a style
        at = raw.find(opening, pos)
        while at >= 0 and raw[at + len(opening)] not in _TAG_END:
            at = raw.find(opening, at + 1)
        gap_end = at if at >= 0 else len(raw) - len(close)
        found = odd.search(raw, pos, gap_end)
        if found is not None and found.group().endswith(b"docDefaults") and defaults is None and not styles:
            stop = raw.find(b"</" + prefix + b":docDefaults>", found.end(), gap_end)
            if stop < 0:
                return None
            defaults = (found.start(), stop + len(prefix) + 15)
            found = odd.search(raw, defaults[1], gap_end)
        if found is not None:
            return None
        if at < 0:
            break
        match = start_tag.match(raw, at)
        if match is None:
            return None
        pos = match.end() if match.group(2) else raw.find(closing, match.end())
        if pos < 0:
            return None
        pos += 0 if match.group(2) else len(closing)
        tag = match.group(1)
        sid = style_id.search(tag)
        if sid is None:
            continue
        sid = sid.group(1)[1:-1]
        if b"&" in sid or b"\t" in sid or b"\n" in sid or b"\r" in sid:
            return None
        default = False
        if b"default" in tag:
            attrs = _attrs(tag)
            if attrs is None:
                return None
            default = (attrs.get(prefix + b":type") == b"paragraph"
                       and attrs.get(prefix + b":default") in (b"1", b"true", b"on"))
        try:
            styles.append((sid.decode("utf-8"), (at, pos), default))
        except UnicodeDecodeError:
            return None
    return (root.group(0), close), defaults, styles


def _heading_level(name: str | None, sid: str | None, outline: int | None) -> int | None:
    for word in (name, sid):
        if word:
            match = _HEADING.match(word.strip())
            if match:
                level = int(match.group(1))
                return level if level <= 6 else None
            if word.strip().lower() == "title":
                return 1
    return outline + 1 if outline is not None and 0 <= outline < 6 else None


@dataclass
class _Level:
    start: int
    fmt: str
    text: str | None
    restart: int | None
    legal: bool


def _levels(parent) -> dict[int, _Level]:
    out = {}
    for lvl in parent.iter(W + "lvl"):
        ilvl = _int_attr(lvl.get(W + "ilvl"))
        fmt, text, restart = lvl.find(W + "numFmt"), lvl.find(W + "lvlText"), lvl.find(W + "lvlRestart")
        if ilvl is None or not 0 <= ilvl < 9:
            continue
        out[ilvl] = _Level(start=int_val(lvl.find(W + "start"), 0),
                           fmt=fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                           text=text.get(VAL) if text is not None else None,
                           restart=int_val(restart), legal=bool(toggle(lvl.find(W + "isLgl"))))
    return out


def _int_attr(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Numbering:
    """Word's automatic numbers, rebuilt while the body is read in order."""

    def __init__(self, root, styles: Styles) -> None:
        self.abstract_elements: dict = {}
        self.abstract: dict[str, tuple[dict[int, _Level], str | None]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        self.resolved: dict[str, tuple[str, dict[int, _Level]] | None] = {}
        self.plans: dict[str, tuple | None] = {}
        self.styles = styles
        self.style_levels: dict[str, int] = {}  # paragraph style -> the list level it is tied to
        if root is None:
            return
        for pstyle in root.iter(W + "pStyle"):
            ilvl = _int_attr(pstyle.getparent().get(W + "ilvl"))
            if ilvl is not None and 0 <= ilvl < 9:
                self.style_levels.setdefault(pstyle.get(VAL, ""), ilvl)
        for ab in root.iter(W + "abstractNum"):  # read lazily, as lists are used
            self.abstract_elements[ab.get(W + "abstractNumId", "")] = ab
        for num in root.iter(W + "num"):
            ab_id = num.find(W + "abstractNumId")
            starts, levels = {}, {}
            for over in num.iter(W + "lvlOverride"):
                ilvl = _int_attr(over.get(W + "ilvl"))
                if ilvl is None or not 0 <= ilvl < 9:
                    continue
                start = int_val(over.find(W + "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                levels.update(_levels(over))
            self.nums[num.get(W + "numId", "")] = (
                ab_id.get(VAL, "") if ab_id is not None else "", starts, levels)

    def _abstract(self, ab_id: str) -> tuple[dict[int, _Level], str | None]:
        """The levels of an abstract list, and the numbering style it links to."""
        if ab_id not in self.abstract:
            ab = self.abstract_elements.get(ab_id)
            link = ab.find(W + "numStyleLink") if ab is not None else None
            self.abstract[ab_id] = (_levels(ab) if ab is not None else {},
                                    link.get(VAL) if link is not None else None)
        return self.abstract[ab_id]

    def _definition(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        """(counter key, levels) of a list, following numStyleLink to the real definition."""
        if num_id not in self.resolved:
            found, current, seen = None, num_id, set()
            while current in self.nums and current not in seen:
                seen.add(current)
                ab_id = self.nums[current][0]
                levels, link = self._abstract(ab_id)
                if link is None:
                    if ab_id in self.abstract_elements:
                        found = (ab_id, {**levels, **self.nums[num_id][2]})
                    break
                style = self.styles.get(link)
                current = style.num_id if style is not None else None
            self.resolved[num_id] = found
        return self.resolved[num_id]

    def _plan(self, num_id: str):
        """(counter key, start per level, restart threshold per level, template per
        level) of a list; a template is [(literal, level, format), ...] or None."""
        if num_id not in self.plans:
            definition = self._definition(num_id)
            if definition is None:
                self.plans[num_id] = None
                return None
            key, levels = definition
            overrides = self.nums[num_id][1]
            starts = [overrides.get(k, levels[k].start if k in levels else 0) for k in range(9)]
            restarts = [levels[k].restart if k in levels and levels[k].restart is not None else k
                        for k in range(9)]
            templates = []
            for k in range(9):
                level = levels.get(k)
                marks = list(_PLACEHOLDER.finditer(level.text or "")) if level else []
                if not marks or level.fmt in ("bullet", "none"):
                    templates.append(None)
                    continue
                parts, pos = [], marks[0].start()
                for mark in marks:
                    j = int(mark.group(1)) - 1
                    fmt = "decimal" if level.legal else (levels[j].fmt if j in levels else "decimal")
                    parts.append((level.text[pos:mark.start()], j, fmt))
                    pos = mark.end()
                templates.append(parts)
            self.plans[num_id] = (key, starts, restarts, templates)
        return self.plans[num_id]

    def advance(self, num_id: str, ilvl: int) -> tuple[str | None, int] | None:
        """(label, level) of the next paragraph of list ``num_id`` at ``ilvl``, or None."""
        plan = self._plan(num_id)
        if plan is None:
            return None
        key, starts, restarts, templates = plan
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 9
        if num_id not in self.used:  # a list's first paragraph applies its start overrides
            self.used.add(num_id)
            for k in self.nums[num_id][1]:
                counters[k] = None
        ilvl = 0 if ilvl < 0 else 8 if ilvl > 8 else ilvl
        value = counters[ilvl]
        counters[ilvl] = starts[ilvl] if value is None else value + 1
        for k in range(ilvl + 1, 9):
            if ilvl < restarts[k]:
                counters[k] = None
        template = templates[ilvl]
        if template is None:
            return None, ilvl
        out = []
        for literal, k, fmt in template:
            value = counters[k]
            out.append(literal)
            out.append(format_number(starts[k] if value is None else value, fmt))
        return "".join(out).strip() or None, ilvl


def format_number(n: int, fmt: str) -> str:
    """``n`` written in a list format: "decimal", "lowerLetter" (a … z, aa …),
    "upperLetter", "lowerRoman", "upperRoman", "decimalZero" (01 … 09)."""
    if fmt == "decimal":
        return str(n)
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26 * 20:
        text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        text = ""
        for value, letters in _ROMAN:
            while n >= value:
                text, n = text + letters, n - value
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero" and 0 <= n < 10:
        return f"0{n}"
    return str(n)
