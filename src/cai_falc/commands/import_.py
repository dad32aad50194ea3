"""``cai-falc import``: the CMS export into fiches/ (issue 2)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option


@click.command("import")
@click.argument("export", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the fiches (default: [paths] fiches).")
@project_option
def command(export: Path, out: Path | None, project: Path | None) -> None:
    """Split a CMS export into fiche files, listing what the editors left behind."""
    raise click.ClickException("'import' is not available yet.")
