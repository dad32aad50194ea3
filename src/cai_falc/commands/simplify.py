"""``cai-falc simplify``: FALC drafts next to the fiches (issue 4)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import project_option

_ACTIONS = {
    "written": "brouillon écrit",
    "unchanged": "brouillon inchangé",
    "kept-edited": "gardé (texte modifié ou validé par une personne)",
    "stale": "PÉRIMÉ",
    "error": "ERREUR",
}


def _shown(path: Path) -> Path:
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _is_file_target(target: str) -> bool:
    return Path(target).is_file() or target.endswith((".txt", ".md", ".text"))


@click.command("simplify")
@click.argument("targets", nargs=-1)
@project_option
def command(targets: tuple[str, ...], project: Path | None) -> None:
    """Write FALC drafts for fiches (all, or the ids given); FILE.txt prints a draft.

    \b
    cai-falc simplify                 drafts for every fiche, in fiches/<id>.falc.md
    cai-falc simplify 2016-reforme... drafts for the fiches named
    cai-falc simplify texte.txt       a FALC draft of any French text, on the screen
    An edited or validated FALC text is never overwritten. When its fiche changed since,
    it is reported stale and the change is written to output/stale/<id>.diff.
    Exit codes: 0 ok, 2 bad input (unknown fiche, unreadable or non-French text).
    """
    from .. import glossary, simplify
    from ..cli import load_settings, reporting
    from ..errors import CaiFalcError, InputError
    from ..fiche import load_folder

    settings = load_settings(project)
    with reporting():
        gloss = glossary.load(settings.path("glossaries"))
        files = [t for t in targets if _is_file_target(t)]
        if files:
            if len(files) != len(targets):
                raise InputError(files[0], "give either fiche ids or one text file, not both")
            for name in files:
                click.echo(simplify.draft_for_file(Path(name), glossary=gloss, settings=settings))
            return
        folder = settings.path("fiches")
        found = load_folder(folder)
        if not found.fiches and not found.errors:
            raise InputError(folder, "no fiches here", hint="Run 'cai-falc import EXPORT' first.")
        chosen = found.fiches
        if targets:
            known = {f.id: f for f in found.fiches}
            missing = [t for t in targets if t not in known]
            if missing:
                close = sorted(i for i in known if any(m in i for m in missing))
                hint = (
                    f"Did you mean: {', '.join(close)}?"
                    if close
                    else (f"Known ids: {', '.join(sorted(known))}.")
                )
                raise InputError(folder, f"no fiche with id {', '.join(missing)}", hint=hint)
            chosen = [known[t] for t in targets]
        for error in found.errors:
            click.echo(f"Erreur: {error}", err=True)
        outcomes = simplify.update_falc_files(chosen, glossary=gloss, settings=settings)
        for outcome in outcomes:
            label = _ACTIONS[outcome.action]
            line = f"{label:<18} {_shown(outcome.path)}"
            if outcome.message:
                line += f"\n  {outcome.message}"
            click.echo(line, err=outcome.action in ("stale", "error"))
        problems = [o for o in outcomes if o.action == "error"]
        if problems or found.errors:
            raise CaiFalcError(
                f"{len(problems) + len(found.errors)} fichier(s) illisible(s): corrigez-les "
                "(rien n'a été écrasé)"
            )
