"""``cai-falc report``: the reviewer report in output/report/ (issue 3)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option


@click.command("report")
@project_option
def command(project: Path | None) -> None:
    """Write the reviewer report (HTML and JSON) to output/report/."""
    raise click.ClickException("'report' is not available yet.")
