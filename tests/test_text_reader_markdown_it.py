"""The text reader's shortcuts through markdown-it give what markdown-it gives:
the row split of its table rule, the inline parse without a core pass, and
the text of inline content that holds no markup."""
from __future__ import annotations

import importlib
import random

import pytest
from conftest import read_md
from markdown_it import MarkdownIt

from parsers import html as html_reader
from parsers import text as text_reader
from parsers.document import Run, normalise_runs

STOCK = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_escaped_split = importlib.import_module("markdown_it.rules_block.table").escapedSplit


def _random(alphabet: str, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


@pytest.mark.parametrize("row", ["a|b", "|a\\|b|c|", "\\\\|x", "\\|\\|", "x|\\", "", "|", "a\\"])
def test_row_split_is_markdown_its(row):
    assert text_reader._split_row(row) == _escaped_split(row)


def test_row_split_is_markdown_its_on_random_rows():
    for row in _random("ab |\\`", 5000, seed=1):
        assert text_reader._split_row(row) == _escaped_split(row), row


TABLES = [
    "| a \\| b | c\\\\|d | e |\n|---|---|---|\n| \\|x | y\\\\\\| | `co|de` |\n| only |\n| 1 | 2 | 3 | 4 |\n",
    "Text\n| a | b |\n| - | - |\n| 1 | 2 |\n",
    "| a |\n|:-:|\n| \\| |\n\n|x|y\n|--|--\n1|2\n",
    "a | b\n--|--\n`|` | \\\\\n",
]


@pytest.mark.parametrize("source", TABLES)
def test_tables_parse_as_with_markdown_its_own_rule(source):
    ours = text_reader._MD.parse(source)
    stock = MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline").parse(source)
    assert [(t.type, t.content, t.map) for t in ours] == [(t.type, t.content, t.map) for t in stock]


def _runs_by_parse_inline(source: str) -> list[Run]:
    """The runs as the reader read them with markdown-it's parseInline."""
    runs: list[Run] = []
    depth = {"bold": 0, "italic": 0, "struck": 0}
    opens = {"strong_open": "bold", "em_open": "italic", "s_open": "struck"}
    closes = {"strong_close": "bold", "em_close": "italic", "s_close": "struck"}

    def run(text: str) -> Run:
        return Run(text, depth["bold"] > 0, depth["italic"] > 0, depth["struck"] > 0)

    for child in STOCK.parseInline(source)[0].children if source else []:
        kind = child.type
        if kind in ("text", "code_inline"):
            runs.append(run(child.content))
        elif kind in opens:
            depth[opens[kind]] += 1
        elif kind in closes:
            depth[closes[kind]] = max(0, depth[closes[kind]] - 1)
        elif kind in ("softbreak", "hardbreak"):
            runs.append(run("\n"))
        elif kind == "html_inline":
            effect = html_reader.inline_tag(child.content)
            if effect == "break":
                runs.append(run("\n"))
            elif effect is not None and effect.startswith("/"):
                depth[effect[1:]] = max(0, depth[effect[1:]] - 1)
            elif effect is not None:
                depth[effect] += 1
    return runs


def _same(source: str) -> None:
    ours = text_reader._inline_source_runs(source)
    theirs = _runs_by_parse_inline(source)
    assert [(r.text, r.look) for r in ours] == [(r.text, r.look) for r in theirs], source


@pytest.mark.parametrize("source", [
    "plain words: no markup - at all (AB) #1 $5 50% a+b=c @x ^y {z} ~w]",
    "**bold** and __strong__ *em* `code` \\* &amp; &copy; &#35; &bogus;",
    "a\\\nb  \nc\nd", "<b>x</b> <br> <strong>y</strong></b> <span style='font-weight:bold'>s</span>",
    "[link](http://x) ![img](y.png) <http://auto.link> [ref][1] \\\\",
    "carriage\r\nreturn\rand\0nul",
    # one kind of markup alone
    "AT&amp;T", "see [the report](http://x)", "![a chart](x.png)", "<b>Agreed</b>", "a `b` c", "a\nb",
    "_x_", "*x*", "\\# not a heading", "a\rb", "a\0b", "~~x~~", "a ~ b", "<del>x</del> <em>y</em>",
])
def test_inline_runs_are_those_of_parse_inline(source):
    _same(source)


def test_inline_runs_are_those_of_parse_inline_on_random_text():
    for source in _random("ab *_`\\&<>![]()\n:#-~", 4000, seed=2):
        _same(source)


def test_text_without_markup_is_one_run_as_markdown_it_reads_it():
    for source in _random("ab :#-+=$%@^{}]().,;'\"?/|0", 2000, seed=3):
        assert not text_reader._INLINE_MARK.search(source)
        _same(source)
        assert normalise_runs(text_reader._inline_source_runs(source)) == \
            normalise_runs(_runs_by_parse_inline(source))


def test_an_escaped_pipe_in_a_markdown_table_cell_is_a_pipe():
    doc = read_md("""
        | Item | Action |
        | --- | --- |
        | 1 | AB to compare a\\|b |
    """)
    [table] = doc.blocks
    assert [c.text for c in table.rows[1].cells] == ["1", "AB to compare a|b"]


def test_the_block_parse_leaves_inline_content_to_the_reader():
    assert text_reader._MD.get_active_rules()["core"] == ["normalize", "block"]
    tokens = text_reader._MD.parse("# A *b*\n\n| a | **b** |\n|---|---|\n| c&amp; | d |\n\ntext `e`\n")
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 6 and all(not t.children for t in inline)
