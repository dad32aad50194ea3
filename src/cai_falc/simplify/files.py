"""Writing FALC drafts next to the fiches without ever touching people's work.

A FALC file is (re)written only when it is absent or an untouched draft. An edited or
validated text is kept as it is; when its source fiche changed since it was made, it
is reported ``stale`` and the unified diff of the source change is written to
``output/stale/<id>.diff``. The diff needs the source as it was: every draft written
here leaves a copy of its source text in ``<cache>/sources/<source_hash>.txt``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import storage
from ..errors import CaiFalcError
from ..fiche import Fiche, falc_file, read_falc, today, write_falc
from ..glossary import Glossary
from .model import SimplifyOutcome

if TYPE_CHECKING:
    from ..config import Settings


def _snapshot(settings: Settings, source_hash: str) -> Path:
    return settings.path("cache") / "sources" / f"{source_hash}.txt"


def source_diff(fiche: Fiche, old_hash: str, *, settings: Settings) -> str:
    """Unified diff between the source a FALC text was made from and the fiche now."""
    old_file = _snapshot(settings, old_hash)
    new = fiche.text().splitlines(keepends=True)
    if old_file.is_file():
        old = storage.read_text(old_file, allow_empty=True).text.splitlines(keepends=True)
    else:
        old = ["(ancienne version de la fiche introuvable: le cache a été vidé)\n"]
    return "".join(
        difflib.unified_diff(
            old,
            new,
            fromfile=f"{fiche.id} (version du texte FALC)",
            tofile=f"{fiche.id} (fiche actuelle)",
        )
    )


def update_falc_files(
    fiches: Iterable[Fiche], *, glossary: Glossary, settings: Settings
) -> list[SimplifyOutcome]:
    """Write the draft of each fiche unless its FALC text belongs to people (see module doc)."""
    from . import simplify_fiche  # the package imports this module

    outcomes: list[SimplifyOutcome] = []
    for fiche in fiches:
        target = falc_file(fiche, settings.path("fiches"))
        existing = None
        if target.is_file():
            try:
                existing = read_falc(target)
            except CaiFalcError as exc:
                # An unreadable FALC file may hold someone's work: never overwrite it.
                outcomes.append(
                    SimplifyOutcome(fiche.id, "error", target, message=str(exc), error=exc)
                )
                continue
        if existing is not None and existing.human_owned:
            if existing.is_stale(fiche):
                diff = source_diff(fiche, existing.source_hash, settings=settings)
                diff_path = settings.path("output") / "stale" / f"{fiche.id}.diff"
                storage.write_text(diff_path, diff)
                outcomes.append(
                    SimplifyOutcome(
                        fiche.id,
                        "stale",
                        target,
                        message=f"{target.name}: la fiche source a changé depuis ce texte FALC "
                        f"(relisez-le; différences dans {diff_path})",
                        diff=diff,
                        diff_path=diff_path,
                        falc=existing,
                    )
                )
            else:
                outcomes.append(SimplifyOutcome(fiche.id, "kept-edited", target, falc=existing))
            continue
        draft = simplify_fiche(fiche, glossary=glossary, settings=settings.simplify)
        # The date says when this text last changed: a regenerated draft that says the
        # same thing keeps its date, so rebuilding the same tree gives the same leaflets.
        same = (
            existing is not None
            and existing.content_hash() == draft.falc.content_hash()
            and existing.date is not None
        )
        draft.falc.date = existing.date if same and existing is not None else today()
        storage.write_text(_snapshot(settings, draft.falc.source_hash), fiche.text())
        changed = write_falc(draft.falc, target)
        action = "written" if changed else "unchanged"
        draft.falc.path = target
        outcomes.append(SimplifyOutcome(fiche.id, action, target, draft=draft, falc=draft.falc))
    return outcomes
