"""Docs as tests: every command and every setting is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click

from cai_falc import config
from cai_falc.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = "cai-falc") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix} {name}")
    return names


def test_readme_starts_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert blocks[:2] == [
        "sh scripts/bootstrap && .venv/bin/cai-falc build",
        "sh scripts/bootstrap && .venv/bin/python -m pytest -q",
    ]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text("utf-8")
    assert "sh scripts/bootstrap" in ci and ".venv/bin/python -m pytest -q" in ci


def test_every_command_is_documented() -> None:
    missing = []
    for name in _commands(cli):
        words = name.split()
        if words[1] == "models":
            # "cai-falc models list | install FILE | download FROM TO" documents the group.
            if len(words) == 3 and not re.search(rf"cai-falc models [^`]*\b{words[2]}\b", README):
                missing.append(name)
        elif f"`{name}" not in README:
            missing.append(name)
    assert missing == []


def test_every_setting_is_documented() -> None:
    missing = [
        f"{section}.{name}"
        for section, name, _, _ in config.describe()
        if f"`{section}.{name}`" not in README
    ]
    assert missing == []
