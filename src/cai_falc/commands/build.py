"""``cai-falc build``: the main job (see ``pipeline.py``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..cli import load_settings, project_option, reporting, strict_option


class ProgressReporter:
    """Progress bars on a terminal; nothing but warnings when piped."""

    def __init__(self, *, interactive: bool) -> None:
        self.interactive = interactive
        self.bar: Any = None
        self.warnings: list[str] = []

    def stage(self, name: str, total: int) -> None:
        self.close()
        if self.interactive and total > 1:
            self.bar = click.progressbar(length=total, label=f"{name:<10}", file=sys.stderr)
            self.bar.__enter__()

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("build")
@click.option(
    "--lang", "langs", multiple=True, help="Only this language (repeatable; fr is always built)."
)
@click.option("--fiche", "fiches", multiple=True, help="Only this fiche id (repeatable).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Parallel workers for leaflets (default: 1).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bars, only the summary.")
@strict_option
@project_option
def command(
    langs: tuple[str, ...],
    fiches: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
    strict: bool,
    project: Path | None,
) -> None:
    """Build leaflets (PDF), web fragments, previews, the index and the report.

    Reads and checks everything first, then writes only what changed. One bad fiche
    fails alone: the others are built and the exit code is 1.
    """
    from .. import pipeline

    settings = load_settings(project)
    reporter = ProgressReporter(interactive=sys.stderr.isatty() and not quiet)
    options = pipeline.BuildOptions(langs=langs, fiche_ids=fiches, strict=strict, jobs=jobs or 1)
    with reporting():
        try:
            result = pipeline.build(settings, options, reporter=reporter)
        finally:
            reporter.close()
    for line in pipeline.summary(result):
        click.echo(line, err=line.startswith("ÉCHEC"))
    click.echo(f"Résultat : {settings.path('output') / 'index.html'}")
    sys.exit(result.exit_code)
