"""``cai-falc translate``: machine drafts into the PO catalogs (issue 5)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option


@click.command("translate")
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@project_option
def command(langs: tuple[str, ...], project: Path | None) -> None:
    """Fill one PO catalog per language with machine drafts (fuzzy), keeping reviewed lines."""
    raise click.ClickException("'translate' is not available yet.")
