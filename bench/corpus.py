"""A synthetic corpus of N fiches made from the real ones, for ``bench/build.py``.

Each synthetic fiche is a real fiche with a new id and year and its body paragraphs
shuffled (deterministically, by its number), so that every fiche is distinct work for
the simplifier, the checker and the translator while reading like the centre's French.

    python bench/corpus.py OUT_FOLDER N
"""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

from cai_falc.fiche import Fiche, read_fiche, write_fiche

ROOT = Path(__file__).resolve().parents[1]


def source_files(folder: Path = ROOT / "fiches") -> list[Path]:
    """The source fiche files of ``folder`` (not their FALC texts), sorted by id."""
    return [p for p in sorted(folder.glob("*.md")) if not p.name.endswith(".falc.md")]


def real_fiches(folder: Path = ROOT / "fiches") -> list[Fiche]:
    """The real source fiches (not their FALC texts), sorted by id."""
    return [read_fiche(p) for p in source_files(folder)]


def synthetic(base: list[Fiche], n: int) -> list[Fiche]:
    """``n`` distinct fiches: new ids and years, paragraphs shuffled deterministically."""
    out: list[Fiche] = []
    for i in range(n):
        model = base[i % len(base)]
        rng = random.Random(i)
        paragraphs = [p for p in model.body.split("\n\n") if p.strip()]
        # Headings stay first so that every fiche still has its structure.
        head = [p for p in paragraphs if p.startswith("#")][:1]
        rest = [p for p in paragraphs if p not in head]
        if i >= len(base):
            rng.shuffle(rest)
        year = 1990 + i % 35
        out.append(
            dataclasses.replace(
                model,
                id=f"{year}-synth-{i:04d}-{model.id[5:40].strip('-')}",
                year=year,
                title=f"{model.title} ({i + 1})" if i >= len(base) else model.title,
                body="\n\n".join(head + rest),
                imported=None,
                path=None,
            )
        )
    return out


def write_corpus(folder: Path, n: int) -> list[Path]:
    """Write ``n`` synthetic fiches into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fiche in synthetic(real_fiches(), n):
        path = folder / fiche.filename
        write_fiche(fiche, path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{len(written)} fiches in {sys.argv[1]}")
