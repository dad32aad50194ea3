"""``cai-falc validate``: check every fiche file and report every problem (issue 2)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option


@click.command("validate")
@project_option
def command(project: Path | None) -> None:
    """Check that every fiche and FALC file is well formed; exit 1 if any is not."""
    raise click.ClickException("'validate' is not available yet.")
