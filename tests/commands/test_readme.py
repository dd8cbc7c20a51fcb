"""The README's two commands are the ones CI and a newcomer actually run."""
from __future__ import annotations

import re

from conftest import ROOT


def fenced_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_two_commands() -> None:
    install_and_run, install_and_test = fenced_commands()
    assert "pip install" in install_and_run and "pressroom" in install_and_run
    assert "pytest" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert fenced_commands()[1] in ci.splitlines()
