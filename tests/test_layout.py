"""The layout of minutes/: floors whose imports run one way, no loops, small modules,
and every declared dependency in use (read from the source with ast, nothing imported)."""
from __future__ import annotations

import ast
import configparser
import os
import re

import pytest

ROOT = os.path.join(os.path.dirname(__file__), os.pardir)

# Each part of the application, and the floor it stands on: a module imports
# only from floors below its own, or from its own part.
FLOORS = {
    "minutes.errors": 0, "minutes.schema": 0, "minutes.choices": 0,
    "minutes.db": 1,
    "minutes.tracking": 2,
    "minutes.store": 3, "minutes.queries": 3, "minutes.output": 3, "minutes.paths": 3,
    "minutes.ingest": 4, "minutes.serve": 4,
    "minutes.cli": 5,
}
# What touches the database, which the output floor never imports.
DATABASE = ("minutes.db", "minutes.store", "minutes.queries")
# install_requires name -> the name it is imported by
IMPORT_NAMES = {"python-docx": "docx", "python-dateutil": "dateutil", "sqlite-utils": "sqlite_utils",
                "markdown-it-py": "markdown_it", "charset-normalizer": "charset_normalizer"}


def modules(package: str) -> dict[str, str]:
    """Module name -> file, for every module of ``package``."""
    out = {}
    for folder, _, names in os.walk(os.path.join(ROOT, package)):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
                out[rel.removesuffix(".__init__")] = path
    return out


MODULES = modules("minutes")


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported(path: str, known: set[str]) -> set[str]:
    """The modules of ``known`` that the file imports, anywhere in it (type-checking blocks aside)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking(node):
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    with open(path, encoding="utf-8") as fh:
        visit(ast.parse(fh.read()))
    return {name for name in found if name in known}


# The package itself (minutes/__init__.py) imports nothing, and is no floor.
GRAPH = {name: imported(path, set(MODULES)) - {name, "minutes"} for name, path in MODULES.items()}


def part(module: str) -> str:
    found = [p for p in FLOORS if module == p or module.startswith(p + ".")]
    assert found, f"{module} is on no floor: add it to FLOORS"
    return max(found, key=len)


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"minutes"}))
def test_no_module_imports_a_floor_above_or_beside_it(module):
    mine = part(module)
    for other in sorted(GRAPH[module]):
        theirs = part(other)
        assert theirs == mine or FLOORS[theirs] < FLOORS[mine], f"{module} imports {other}"


def test_the_output_floor_never_touches_the_database():
    for module, targets in GRAPH.items():
        if module != "minutes" and part(module) == "minutes.output":
            assert not [t for t in targets if part(t) in DATABASE], module


def test_no_loop_of_imports():
    """No two modules import each other, nor any longer ring (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    rings: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            ring = []
            while True:
                w = stack.pop()
                ring.append(w)
                if w == v:
                    break
            if len(ring) > 1:
                rings.append(sorted(ring))

    for v in sorted(GRAPH):
        if v not in index:
            connect(v)
    assert rings == []


def test_the_parsers_never_import_the_application():
    for name, path in modules("parsers").items():
        assert not imported(path, set(MODULES)), name


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_are_small_or_say_why(module):
    with open(MODULES[module], encoding="utf-8") as fh:
        text = fh.read()
    doc = ast.get_docstring(ast.parse(text)) or ""
    assert doc, f"{module} has no opening comment"
    assert text.count("\n") <= 300 or "lines" in doc, f"{module} is over 300 lines and does not say why"


def test_every_declared_dependency_is_imported():
    config = configparser.ConfigParser()
    config.read(os.path.join(ROOT, "setup.cfg"))
    declared = [re.split(r"[<>=!~ \[]", line.strip())[0] for line in
                config["options"]["install_requires"].strip().splitlines()]
    used: set[str] = set()
    for package in ("minutes", "parsers"):
        for path in modules(package).values():
            with open(path, encoding="utf-8") as fh:
                tree = ast.parse(fh.read())
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    used.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    used.add(node.module.split(".")[0])
    unused = [d for d in declared if IMPORT_NAMES.get(d, d) not in used]
    assert unused == []
