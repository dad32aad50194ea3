"""``cai-falc models``: list, install and download offline translation models (issue 5)."""

from __future__ import annotations

import click


@click.group("models")
def command() -> None:
    """Offline translation models (Argos Translate packages)."""
