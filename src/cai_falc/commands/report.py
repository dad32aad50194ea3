"""``cai-falc report``: the reviewer report in output/report/ (issue 3)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import load_settings, project_option, reporting


@click.command("report")
@project_option
def command(project: Path | None) -> None:
    """Write the reviewer report (HTML and JSON) to output/report/.

    \b
    Reads the fiches and FALC texts of the fiches folder, and the translation
    catalogs when there are some. Open output/report/index.html in a browser:
    it needs no server and no internet. Exit 1 when a file could not be read
    (the report is still written without it).
    """
    from .. import glossary, report

    settings = load_settings(project)
    with reporting():
        entries, problems = report.entries_from_project(settings)
        for problem in problems:
            click.echo(f"Attention: {problem}", err=True)
        if not entries:
            raise click.UsageError(
                f"no fiche in {settings.path('fiches')}: run 'cai-falc import EXPORT' first."
            )
        gloss = glossary.load(settings.path("glossaries"))
        built = report.build_report(entries, settings=settings, glossary=gloss)
        out_dir = settings.path("output") / "report"
        report.write_report(built, out_dir, settings=settings)
    click.echo(f"Rapport écrit : {out_dir / 'index.html'} ({len(entries)} fiches)")
    if problems:
        # The report is written without the bad files; say so in the exit code too.
        click.echo(f"{len(problems)} fichier(s) illisible(s), absent(s) du rapport.", err=True)
        sys.exit(1)

