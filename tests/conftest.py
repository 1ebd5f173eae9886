"""Helpers shared by the reader and extractor tests: tiny inline documents in,
the model or the parse records out."""
from __future__ import annotations

import textwrap

import parsers
from parsers.document import Document
from parsers.records import Minutes


def _src(text: str) -> bytes:
    return textwrap.dedent(text).strip("\n").encode("utf-8") + b"\n"


def parse_md(text: str) -> Minutes:
    """Parse a Markdown/plain-text document written inline (dedented)."""
    return parsers.parse_bytes("t.md", _src(text))


def read_md(text: str) -> Document:
    """The document model of an inline Markdown/plain-text document."""
    return parsers.read_bytes("t.md", _src(text))


def parse_html(text: str) -> Minutes:
    return parsers.parse_bytes("t.html", _src(text))


def read_html(text: str) -> Document:
    return parsers.read_bytes("t.html", _src(text))
