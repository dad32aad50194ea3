"""``cai-falc check``: FALC rule findings and readability figures (issue 3)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option, strict_option


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--lang", default=None, help="Language of the texts (default: from the file).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
    help="Output format.",
)
@strict_option
@project_option
def command(paths: tuple[str, ...], lang: str | None, fmt: str, strict: bool,
            project: Path | None) -> None:
    """Check fiches, FALC texts, translations or any text file ('-' for stdin)."""
    raise click.ClickException("'check' is not available yet.")
