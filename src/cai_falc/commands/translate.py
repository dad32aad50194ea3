"""``cai-falc translate``: machine drafts into the PO catalogs (issue 5)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..cli import load_settings, project_option, reporting
from ..errors import CaiFalcError, FindingsError

if TYPE_CHECKING:
    from ..fiche import FalcText


@click.command("translate")
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@project_option
def command(langs: tuple[str, ...], project: Path | None) -> None:
    """Fill one PO catalog per language with machine drafts (fuzzy), keeping reviewed lines.

    \b
    Reads fiches/*.falc.md, writes translations/<lang>.po. Entries a person reviewed
    (fuzzy flag removed, e.g. in Poedit or Weblate) are never changed. A language
    without an installed model is a warning: its catalog still lists what to translate.
    """
    from .. import glossary as glossary_mod
    from .. import models
    from ..translate import translate_project

    settings = load_settings(project)
    targets = list(langs) or settings.target_languages
    with reporting():
        unknown = [lang for lang in targets if lang == settings.project.source_language]
        if unknown:
            raise CaiFalcError(f"--lang {unknown[0]}: that is the source language")
        from ..config import language_problem

        for lang in targets:
            problem = language_problem(lang)
            if problem is not None:
                raise CaiFalcError(
                    f"--lang: {problem}",
                    hint=f"The project's languages: {', '.join(settings.target_languages)}.",
                )
        texts, errors = read_falc_texts(settings.path("fiches"))
        for error in errors:
            click.echo(f"Erreur: {error}", err=True)
        if not texts:
            click.echo(f"Aucun texte FALC (*.falc.md) dans {settings.path('fiches')}.")
            click.echo("Écrivez-les d'abord avec 'cai-falc simplify'.")
            if errors:
                raise FindingsError(f"{len(errors)} texte(s) FALC illisible(s)")
            return
        glossary = glossary_mod.load(settings.path("glossaries"))
        if not models.installed():
            click.echo(
                f"Aucun modèle de traduction installé ({models.packages_dir()}) : "
                "les catalogues listent les phrases à traduire à la main.",
                err=True,
            )
        results = translate_project(texts, langs=targets, settings=settings, glossary=glossary)
    for stats in results:
        total = stats.total or 1
        click.echo(
            f"{stats.lang}: {stats.reviewed} relues ({stats.reviewed * 100 // total} %), "
            f"{stats.machine} automatiques, {stats.damaged} abîmées, "
            f"{stats.missing} manquantes, {stats.obsolete} obsolètes"
            + (f"  [{stats.model}]" if stats.model else "")
            + (f"  -> {stats.path}" if stats.written else "")
        )
        figures = stats.readability
        if figures is not None:
            flesch = f", Flesch {figures.flesch:.0f}" if figures.flesch is not None else ""
            click.echo(
                f"  lisibilité : {figures.words_per_sentence:.1f} mots par phrase, "
                f"LIX {figures.lix:.0f}{flesch}"
            )
        if stats.missing_model:
            click.echo(f"  Attention : {stats.missing_model}", err=True)
        for warning in stats.warnings:
            click.echo(f"  Attention : {warning}", err=True)
    if errors:
        raise click.exceptions.Exit(1)


def read_falc_texts(folder: Path) -> tuple[list[FalcText], list[CaiFalcError]]:
    """Every FALC text of ``folder``, and the errors of those that cannot be read."""
    from .. import fiche

    texts: list[FalcText] = []
    errors: list[CaiFalcError] = []
    for path in sorted(folder.glob(f"*{fiche.FALC_SUFFIX}")) if folder.is_dir() else []:
        try:
            texts.append(fiche.read_falc(path))
        except CaiFalcError as exc:
            errors.append(exc)
    return texts, errors
