"""``cai-falc import``: the CMS export into fiches/ (issue 2)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import load_settings, project_option, reporting

_STATUS_FR = {
    "created": "créée",
    "updated": "mise à jour",
    "unchanged": "inchangée",
    "conflict": "CONFLIT",
}


@click.command("import")
@click.argument("export", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of the fiches (default: [paths] fiches of cai-falc.toml).",
)
@click.option(
    "--quiet", "-q", is_flag=True, default=False, help="Print only the summary and problems."
)
@project_option
def command(export: Path, out: Path | None, quiet: bool, project: Path | None) -> None:
    """Split a CMS export into fiche files, listing what the editors left behind.

    Each fiche becomes fiches/<year>-<slug>.md. Re-importing is safe: unchanged fiches are
    not rewritten, keys people added are kept, and a fiche whose source part was edited by
    hand is not overwritten (the new import goes to <id>.md.new). Editorial leftovers
    (placeholders, questions, repeated paragraphs, missing words, misspellings) are kept out
    of the text and listed as warnings. Exit 0 (warnings included); 1 when a fiche could
    not be imported at all (no year in its title: it is named with its lines, the others
    are imported); 2 on bad input.
    """
    from .. import importer

    settings = load_settings(project)
    out_dir = out if out is not None else settings.path("fiches")
    with reporting():
        result = importer.import_export(export, out_dir, settings=settings)
    click.echo(f"Export : {export} (encodage détecté : {result.encoding})")
    for note in result.notes:
        click.echo(f"Note : {note}", err=True)
    for outcome in result.outcomes:
        if outcome.status == "conflict":
            click.echo(
                f"Conflit : {outcome.path} : {outcome.reason} ; le fichier n’est pas remplacé, "
                f"le nouvel import est dans {outcome.new_path}. Reportez vos changements, puis "
                "supprimez le fichier .new.",
                err=True,
            )
        elif not quiet:
            what = f" ({', '.join(outcome.changes)})" if outcome.status == "updated" else ""
            click.echo(f"  {_STATUS_FR[outcome.status]:<12} {outcome.path}{what}")
    findings = 0
    for outcome in result.outcomes:
        for item in outcome.fiche.review:
            findings += 1
            if not quiet or item.kind != "spelling":
                where = f"{export}:{item.line}"
                click.echo(
                    f"Attention : {where}: [{item.kind}] {outcome.id} : {item.message}", err=True
                )
    for path in result.absent:
        click.echo(f"Note : {path} n’est plus dans l’export (fichier laissé tel quel).", err=True)
    counts = ", ".join(
        f"{result.count(s)} {label}"
        for s, label in (
            ("created", "créée(s)"),
            ("updated", "mise(s) à jour"),
            ("unchanged", "inchangée(s)"),
            ("conflict", "en conflit"),
        )
    )
    click.echo(f"{len(result.outcomes)} fiches : {counts} ; {findings} point(s) à revoir.")
    if result.set_aside:
        # Their text is in no fiche file: the editor must act (the notes above say where).
        click.echo(
            f"{len(result.set_aside)} fiche(s) non importée(s) : "
            + " ; ".join(f"{export}:{line} « {title} »" for line, title in result.set_aside)
            + ". Ajoutez l’année au titre dans le CMS (« 2019 – Titre »), puis importez à"
            " nouveau.",
            err=True,
        )
        sys.exit(1)
