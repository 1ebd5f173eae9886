"""Front matter at the top of a Markdown file: YAML between ``---`` lines, TOML between ``+++``.

Only what minutes put there is read: ``key: value`` pairs and lists of
strings (``members:`` then ``- Jane Smith`` lines, or ``[a, b]``); nested
maps and YAML's other features (anchors, tags) are not, so nothing in front
matter can make the reader expand or run anything.  TOML goes through the
standard library's ``tomllib``.
"""
from __future__ import annotations

import datetime as _dt
import re
import tomllib

_YAML = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w .-]*?)\s*:(?:\s+(?P<value>.*?))?\s*$")
_ITEM = re.compile(r"^\s*-\s+(?P<value>.*?)\s*$")
_MAX = 64 * 1024  # front matter is a few lines; a longer block is not front matter

Meta = dict[str, "str | list[str]"]


def split(text: str) -> tuple[Meta, int]:
    """The front matter of ``text`` and where the body starts (0 when there is none)."""
    m = _YAML.match(text)
    if m and len(m.group(1)) <= _MAX:
        return _yaml(m.group(1)), m.end()
    m = _TOML.match(text)
    if m and len(m.group(1)) <= _MAX:
        return _toml(m.group(1)), m.end()
    return {}, 0


def _unquote(value: str) -> str:
    value = re.sub(r"\s+#.*$", "", value).strip()  # a comment after the value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.strip()


def _yaml(block: str) -> Meta:
    meta: Meta = {}
    key = None
    for line in block.splitlines():
        item = _ITEM.match(line)
        if item and key is not None and isinstance(meta.get(key), list):
            value = _unquote(item.group("value"))
            if value:
                meta[key].append(value)
            continue
        if line.startswith((" ", "\t")):
            continue  # a nested map: not read
        m = _KEY.match(line)
        if not m:
            key = None
            continue
        key = m.group("key").strip().lower()
        value = m.group("value") or ""
        if not value.strip() or value.strip() in ("|", ">"):
            meta[key] = []  # a list (or a block) follows
            continue
        value = _unquote(value)
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [_unquote(v) for v in value[1:-1].split(",") if _unquote(v)]
        elif value:
            meta[key] = value
    return {k: v for k, v in meta.items() if v}


def _toml(block: str) -> Meta:
    try:
        data = tomllib.loads(block)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return {}
    meta: Meta = {}
    for key, value in data.items():
        if isinstance(value, (str, int, float, _dt.date, _dt.datetime, _dt.time)):
            meta[key.lower()] = value.isoformat() if hasattr(value, "isoformat") else str(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            meta[key.lower()] = [v for v in value if v.strip()]
    return {k: v for k, v in meta.items() if v}
