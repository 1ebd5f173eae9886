"""A long Markdown table is parsed a window of rows at a time (under its
header again): the blocks are those of one parse of the whole text."""
from __future__ import annotations

import random

import pytest
from conftest import read_md

from parsers import text as text_reader
from parsers.document import Table, TooManyBlocks


def _shape(blocks) -> list:
    out = []
    for b in blocks:
        if isinstance(b, Table):
            out.append(("table", b.loc, [(r.is_header, r.loc, [c.text for c in r.cells]) for r in b.rows]))
        else:
            out.append((type(b).__name__, b.loc, [(r.text, r.bold) for r in b.runs], getattr(b, "label", None)))
    return out


def _windowed(source: str) -> list:
    lines = source.split("\n")
    out: list = []
    text_reader._chunk_blocks(lines, 0, len(lines), out)
    return out


def _whole(source: str) -> list:
    return text_reader._token_blocks(text_reader._MD.parse(text_reader._cap_columns(source)), 0)


@pytest.fixture
def small_windows(monkeypatch):
    monkeypatch.setattr(text_reader, "_WINDOW", 200)


def _table(rows: int, columns: int = 3, seed: int = 0) -> str:
    rng = random.Random(seed)
    head = "| " + " | ".join(f"Col {k}" for k in range(columns)) + " |\n|" + "---|" * columns + "\n"
    body = "".join("| " + " | ".join(f"**{rng.randint(1, 99)}** r{i} c{k}" for k in range(columns)) + " |\n"
                   for i in range(rows))
    return head + body


def test_a_long_table_is_one_table_with_every_row_at_its_line(small_windows):
    source = "# Actions\n\nSome text before.\n" + _table(300) + "\nAfter the table.\n"
    whole = _whole(source)
    assert _shape(_windowed(source)) == _shape(whole)
    [table] = [b for b in whole if isinstance(b, Table)]
    assert len(table.rows) == 301 and table.rows[300].loc == "line 305"


def test_a_table_that_ends_inside_a_window_and_one_that_starts_there(small_windows):
    source = _table(40, 2) + "Text right below the table\n\n" + _table(50, 4, seed=1) + "\n" + _table(30, 5, seed=2)
    assert _shape(_windowed(source)) == _shape(_whole(source))


def test_rows_that_miss_cells_end_the_table_where_markdown_it_ends_it(monkeypatch):
    # markdown-it stops a table once its rows miss more than 65,536 cells in all,
    # counted from its header (no window may count from its own start)
    monkeypatch.setattr(text_reader, "_WINDOW", 1000)
    source = "|" + "|".join("c" * 64) + "|\n|" + "-|" * 64 + "\n" + "| a |\n" * 1100
    whole = _whole(source)
    assert len(whole[0].rows) < 1100  # the limit is reached in this text
    assert _shape(_windowed(source)) == _shape(whole)


def test_random_tables_and_text_read_as_one_parse(small_windows):
    rng = random.Random(7)
    pieces = ["| a | b |", "|---|---|", "| x \\| y | z |", "| only |", "| 1 | 2 | 3 | 4 |", "", "text | with pipe",
              "# Heading", "- item | x", "    | indented |", "> | quoted | x |", "|-|-|", "```", "plain words"]
    for _ in range(60):
        lines = []
        for _ in range(rng.randint(5, 120)):
            lines.append(rng.choice(pieces) if rng.random() < 0.3 else f"| r{rng.randint(0, 9)} | **v** |")
        source = "\n".join(lines)
        assert _shape(_windowed(source)) == _shape(_whole(source)), source


def test_a_long_table_in_a_file_keeps_its_rows():
    doc = read_md(_table(1500))
    [table] = doc.blocks
    assert len(table.rows) == 1501
    assert (table.rows[0].is_header, table.rows[1500].is_header) == (True, False)
    assert table.rows[1500].loc == "line 1502"


def test_a_table_with_too_many_cells_is_refused_before_a_window_is_read(small_windows, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_BLOCKS", 100)
    source = _table(300)
    with pytest.raises(TooManyBlocks):
        _whole(source)
    out: list = []
    lines = source.split("\n")
    with pytest.raises(TooManyBlocks):
        text_reader._chunk_blocks(lines, 0, len(lines), out)
    assert out == []
