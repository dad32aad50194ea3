"""``cai-falc build``: the main job (issue 7)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option, strict_option


@click.command("build")
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--fiche", "fiches", multiple=True, help="Only this fiche id (repeatable).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None, help="Parallel workers.")
@strict_option
@project_option
def command(langs: tuple[str, ...], fiches: tuple[str, ...], jobs: int | None, strict: bool,
            project: Path | None) -> None:
    """Build leaflets (PDF), web fragments, previews, the index and the report."""
    raise click.ClickException("'build' is not available yet.")
