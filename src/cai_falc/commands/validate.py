"""``cai-falc validate``: check every fiche file and report every problem (issue 2)."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import load_settings, project_option, reporting, strict_option


def _shown(path: Path) -> Path:
    """A path as the user typed it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _review_lines(path: Path) -> list[int]:
    """Line of each ``- kind:`` entry under ``review:`` in a fiche file, in order."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    out: list[int] = []
    inside = False
    for number, line in enumerate(lines[1:], 2):
        if line.strip() == "---":
            break
        if not line.startswith((" ", "-")):
            inside = line.startswith("review:")
        elif inside and line.startswith("- kind:"):
            out.append(number)
    return out


@click.command("validate")
@strict_option
@project_option
def command(strict: bool, project: Path | None) -> None:
    """Check that every fiche and FALC file is well formed; exit 1 if any is not.

    Loads every fiches/*.md and *.falc.md file and the glossary, and reports every problem
    with its file and line: invalid front matter, missing fields, ids that are not unique
    or do not match the file name, FALC texts without a source fiche, import conflicts
    left unresolved (*.md.new). Open review entries (what the importer found for the
    editors) are listed as warnings; --strict counts them as problems.
    """
    from .. import glossary
    from ..errors import FindingsError, GlossaryError, InputError
    from ..fiche import load_folder

    settings = load_settings(project)
    folder = settings.path("fiches")
    with reporting():
        if not folder.is_dir():
            raise InputError(
                folder,
                "no fiches folder",
                hint="Run 'cai-falc import EXPORT' first, or set [paths] fiches in cai-falc.toml.",
            )
    found = load_folder(folder)
    problems = [str(error) for error in found.errors]
    try:
        glossary.load(settings.path("glossaries"))
    except GlossaryError as exc:
        problems.append(str(exc))
    except InputError as exc:
        problems.append(str(exc))
    for leftover in sorted(folder.glob("*.md.new")):
        problems.append(
            f"{leftover}:1: import conflict not resolved: compare it with "
            f"{leftover.name[: -len('.new')]}, keep what is right, then delete the .new file"
        )
    warnings = 0
    for fiche in found.fiches:
        assert fiche.path is not None
        lines = _review_lines(fiche.path) if fiche.review else []
        for n, item in enumerate(fiche.review):
            line = lines[n] if n < len(lines) else 1
            warnings += 1
            where = f"{_shown(fiche.path)}:{line}"
            click.echo(
                f"Attention : {where}: à revoir [{item.kind}] (ligne {item.line} de l’export) : "
                f"{item.message}",
                err=True,
            )
    for problem in problems:
        click.echo(problem, err=True)
    click.echo(
        f"{len(found.fiches)} fiche(s), {len(found.falc_texts)} texte(s) FALC : "
        f"{len(problems)} problème(s), {warnings} point(s) à revoir."
    )
    with reporting():
        if problems or (strict and warnings):
            count = len(problems) + (warnings if strict else 0)
            raise FindingsError(f"{count} problem(s) found in {folder}")
