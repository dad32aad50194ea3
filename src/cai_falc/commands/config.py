"""``cai-falc config``: every setting, its value in this project, and what it does."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import load_settings, project_option


@click.command("config")
@project_option
def command(project: Path | None) -> None:
    """Show every setting of cai-falc.toml: value, default and meaning."""
    from .. import config

    settings = load_settings(project)
    click.echo(f"# {settings.root / config.CONFIG_NAME}")
    current = None
    for section, name, default, help_line in config.describe():
        if section != current:
            click.echo(f"\n[{section}]")
            current = section
        value = getattr(getattr(settings, section), name)
        mark = "" if value == default else f"   (default: {default!r})"
        click.echo(f"# {help_line}")
        click.echo(f"{name} = {value!r}{mark}")
