"""``cai-falc simplify``: FALC drafts next to the fiches (issue 4)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option


@click.command("simplify")
@click.argument("targets", nargs=-1)
@project_option
def command(targets: tuple[str, ...], project: Path | None) -> None:
    """Write FALC drafts for fiches (all, or the ids given); FILE.txt prints a draft."""
    raise click.ClickException("'simplify' is not available yet.")
