"""``cai-falc models``: list, install and download offline translation models (issue 5)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import reporting


@click.group("models")
def command() -> None:
    """Offline translation models (Argos Translate packages).

    \b
    Packages live in Argos Translate's folder (ARGOS_PACKAGES_DIR if set), shared
    with argostranslate itself.
    """


@command.command("list")
def list_() -> None:
    """Installed packages: languages, version, folder."""
    from .. import models

    packages = models.installed()
    folder = models.packages_dir()
    if not packages:
        click.echo(f"Aucun modèle de traduction installé (dossier : {folder}).")
        click.echo(
            "Installez-en un avec 'cai-falc models install FICHIER.argosmodel' "
            "(ou 'cai-falc models download fr en' sur une machine reliée à internet)."
        )
    for pkg in packages:
        click.echo(f"{pkg.from_code} -> {pkg.to_code}  {pkg.version or '?':<6} {pkg.path}")
    for problem in models.problems():
        click.echo(f"Attention : {problem}", err=True)


@command.command("install")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def install(files: tuple[Path, ...]) -> None:
    """Check then install .argosmodel files (an unsafe or broken archive is refused)."""
    from .. import models

    with reporting():
        for file in files:
            pkg = models.install(file)
            click.echo(f"Installé : {pkg.from_code} -> {pkg.to_code} {pkg.version} ({pkg.path})")


@command.command("download")
@click.argument("source")
@click.argument("target")
@click.option(
    "--timeout", default=10.0, show_default=True, help="Seconds to wait for the package index."
)
def download(source: str, target: str, timeout: float) -> None:
    """Download and install the SOURCE -> TARGET package from the argospm index (internet)."""
    from .. import models

    with reporting():
        pkg = models.download(source, target, timeout=timeout)
    click.echo(f"Installé : {pkg.from_code} -> {pkg.to_code} {pkg.version} ({pkg.path})")
