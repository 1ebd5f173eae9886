"""Warnings where the document plainly has a part and nothing was read from it."""
from __future__ import annotations

from conftest import parse_md


def warned(text: str) -> list[str]:
    return [w for w in parse_md(text).warnings if "could be read" in w]


def test_an_attendance_label_that_yields_nobody_is_warned_about():
    found = warned("# Board\n\n## Present\n\n1234, 5678\n\n## 1. Budget\n\nFine.\n")
    assert len(found) == 1 and "attendance" in found[0] and "Present" in found[0]


def test_action_cues_that_yield_no_action_are_warned_about():
    found = warned("# Board\n\nPresent: Ann Lee\n\n## 1. Budget\n\nFigures to follow.\n\nACTION:\n")
    assert len(found) == 1 and "mark actions" in found[0]


def test_decision_cues_that_yield_no_decision_are_warned_about():
    found = warned("# Board\n\nPresent: Ann Lee\n\n## 1. Budget\n\nRESOLVED:\n")
    assert len(found) == 1 and "decisions" in found[0]


def test_minutes_read_whole_give_no_such_warning():
    assert warned("# Board\n\nPresent: Ann Lee (AL)\n\n## 1. Budget\n\nRESOLVED: the budget be approved.\n\n"
                  "Action: AL to file it.\n") == []


def test_check_strict_fails_on_a_silent_miss(tmp_path):
    from click.testing import CliRunner
    from minutes.cli import cli

    doc = tmp_path / "m.md"
    doc.write_text("# Board\n\nPresent: Ann Lee\n\n## 1. Budget\n\nFigures to follow.\n\nACTION:\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(doc), "--strict"])
    assert result.exit_code == 1 and "mark actions" in result.output
