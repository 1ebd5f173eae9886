"""The README's examples run as written and print what it shows (as sqlite-utils checks its
documentation against the commands): every ```console block, in order, in one temporary
folder holding a copy of fixtures/, each '$ ' line run by bash as a user types it, its
output (standard output and error, as a terminal shows them) compared with the lines under it.

- The set-up command is run without its install steps (``SETUP``): the tests run where
  minutes is installed already; the rest of it (ingest, actions) runs as written.
- A line '…' alone stands for any lines (none included), so that long output may be shown
  in part.
- What changes by itself is made alike on both sides: ages ("1149d", "age_days"), times of
  day, and dates from 2025 on (the day a command ran: fixtures are all older).  Changes by
  hand name who made them (--by), so that the output does not depend on the login name.
- ```sh blocks are not run (installing, serving, sending e-mail, the bench).

``python tests/test_readme.py --update`` writes what the commands print now into the
README (keeping each '…' where it stands), to be read over before it is committed.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SETUP = "python3 -m venv .venv && . .venv/bin/activate && pip install -q -e . && "
ELLIPSIS = "…"
_BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
_VOLATILE = [
    (re.compile(r"(?<![\w-])\d+d(?![\w-])"), "<age>"),                                  # 1149d
    (re.compile(r'"age_days": \d+'), '"age_days": <age>'),
    (re.compile(r"\b20(?:2[5-9]|[3-9]\d)-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:\+00:00)?)?"), "<date>"),
    (re.compile(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* 20(?:2[5-9]|[3-9]\d)\b"), "<date>"),
    (re.compile(r"\b\d\d:\d\d:\d\d\b"), "<time>"),
]


@dataclass
class Example:
    command: str
    expected: list[str]


def examples(text: str) -> list[list[Example]]:
    """The console blocks of ``text``, each a list of commands with the lines shown under them."""
    out = []
    for m in _BLOCK.finditer(text):
        block: list[Example] = []
        for line in m.group(1).splitlines():
            if line.startswith("$ "):
                block.append(Example(line[2:], []))
            elif block:
                block[-1].expected.append(line)
        out.append(block)
    return out


def normal(line: str) -> str:
    for pattern, word in _VOLATILE:
        line = pattern.sub(word, line)
    return line.rstrip()


def matches(expected: list[str], got: list[str]) -> bool:
    """Whether ``got`` is ``expected``, where a line '…' stands for any lines."""
    return _match([normal(x) for x in expected], [normal(x) for x in got])


def _match(expected: list[str], got: list[str]) -> bool:
    if ELLIPSIS not in expected:
        return expected == got
    k = expected.index(ELLIPSIS)
    if expected[:k] != got[:k]:
        return False
    return any(_match(expected[k + 1:], got[i:]) for i in range(k, len(got) + 1))


def environment() -> dict[str, str] | None:
    """A user's environment with this installation's ``minutes`` first on the PATH (None: not installed)."""
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "minutes").exists():
        return None
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("MINUTES_") and k not in ("NO_COLOR", "COLUMNS", "PYTHONPATH")}
    env.update({"PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    return env


def run_all(folder: Path, env: dict[str, str]) -> list[list[tuple[Example, list[str]]]]:
    shutil.copytree(ROOT / "fixtures", folder / "fixtures")
    done = []
    for block in examples(README.read_text(encoding="utf-8")):
        ran = []
        for ex in block:
            command = ex.command.removeprefix(SETUP)
            proc = subprocess.run(["bash", "-c", command], cwd=folder, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=300)
            ran.append((ex, proc.stdout.decode("utf-8", "replace").splitlines()))
        done.append(ran)
    return done


def test_the_readme_has_examples_to_run():
    blocks = examples(README.read_text(encoding="utf-8"))
    commands = [ex.command for block in blocks for ex in block]
    assert len(commands) >= 20
    assert commands[0].startswith(SETUP), "the first example is the set-up command"
    assert all(ex.expected for block in blocks for ex in block if not ex.command.startswith(("cd ", "export "))), \
        "every example shows what it prints"


def test_the_comparison_allows_only_what_changes_by_itself():
    assert matches(["a", "…", "z"], ["a", "b", "c", "z"]) and matches(["a", "…", "z"], ["a", "z"])
    assert not matches(["a", "…", "z"], ["a", "b"]) and not matches(["a", "b"], ["a", "b", "c"])
    assert matches(["  4  Arrange a visit  1149d"], ["  4  Arrange a visit  1150d"])
    assert matches(["2026-12-04 21:23:55  clerk  done"], ["2027-01-02 08:00:01  clerk  done"])
    assert matches(["Prepared on 4 Dec 2026."], ["Prepared on 12 January 2027."])
    assert not matches(["2015-01-20  created"], ["2015-01-21  created"])      # the fixtures' own dates count
    assert not matches(["4   Arrange a visit"], ["5   Arrange a visit"])
    blocks = examples("text\n```console\n$ minutes a\none\n$ minutes b\n```\n```sh\nminutes c\n```\n")
    assert [(e.command, e.expected) for e in blocks[0]] == [("minutes a", ["one"]), ("minutes b", [])]
    assert len(blocks) == 1


def test_every_readme_example_prints_what_the_readme_shows(tmp_path):
    env = environment()
    if env is None:
        pytest.skip(f"no 'minutes' command beside {sys.executable} (install the package first)")
    wrong = []
    for block in run_all(tmp_path, env):
        for ex, got in block:
            if not matches(ex.expected, got):
                wrong.append(f"$ {ex.command}\n--- the README shows:\n" + "\n".join(ex.expected)
                             + "\n--- it printed:\n" + "\n".join(got))
    assert not wrong, "README examples that print something else:\n\n" + "\n\n".join(wrong)


def update() -> None:
    """Write what each example prints now under it in the README."""
    env = environment()
    if env is None:
        sys.exit("install the package first (no 'minutes' beside this Python)")
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        ran = iter(run_all(Path(tmp), env))
    pieces, last = [], 0
    for m in _BLOCK.finditer(text):
        lines = []
        for ex, got in next(ran):
            shown = got
            if ELLIPSIS in ex.expected:
                k = ex.expected.index(ELLIPSIS)
                after = len(ex.expected) - k - 1
                if len(got) > k + after:
                    shown = got[:k] + [ELLIPSIS] + (got[len(got) - after:] if after else [])
            lines += [f"$ {ex.command}"] + [line.rstrip() for line in shown]
        pieces += [text[last:m.start()], "```console\n" + "\n".join(lines) + "\n```\n"]
        last = m.end()
    README.write_text("".join(pieces) + text[last:], encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_readme.py --update")
    update()
