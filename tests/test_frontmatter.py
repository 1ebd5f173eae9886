"""Front matter: YAML pairs and lists, TOML through tomllib, nothing else run or expanded."""
from __future__ import annotations

from parsers import frontmatter


def test_yaml_pairs_and_lists():
    meta, end = frontmatter.split("---\ntitle: 'Spring meeting'\nmembers:\n- Ada\n- Alan\ntags: [a, b]\n---\nBody\n")
    assert meta == {"title": "Spring meeting", "members": ["Ada", "Alan"], "tags": ["a", "b"]}
    assert end == len("---\ntitle: 'Spring meeting'\nmembers:\n- Ada\n- Alan\ntags: [a, b]\n---\n")


def test_yaml_nested_maps_and_comments_are_not_read_as_values():
    meta, _ = frontmatter.split("---\nauthor:\n  name: Ada\ndate: 2021-01-05 # draft\n---\n")
    assert meta == {"date": "2021-01-05"}


def test_toml_front_matter():
    meta, end = frontmatter.split('+++\ntitle = "Exec minutes"\ndate = 2007-01-19\nwho = ["Ada"]\n+++\nBody')
    assert meta == {"title": "Exec minutes", "date": "2007-01-19", "who": ["Ada"]} and end > 0


def test_broken_toml_gives_no_metadata():
    assert frontmatter.split("+++\ntitle = \n+++\nBody")[0] == {}


def test_no_front_matter():
    assert frontmatter.split("# Minutes\n---\n") == ({}, 0)


def test_an_anchor_is_text_not_an_expansion():
    meta, _ = frontmatter.split("---\na: &x [1, 2]\nb: *x\n---\n")
    assert meta["b"] == "*x"
