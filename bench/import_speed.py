"""Import speed: the seed export, and a 10 MB export (refused by default, then imported).

Run: .venv/bin/python bench/import_speed.py
Prints seconds and ratios; nothing here is a test.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from cai_falc import config, importer
from cai_falc.errors import ExportError
from cai_falc.spelling import load_speller

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"


def timed(label: str, func: object) -> float:
    start = time.perf_counter()
    result = func()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<52} {seconds:7.2f} s  {result}")
    return seconds


def main() -> None:
    settings = config.Settings()
    big_settings = dataclasses.replace(
        settings, importer=dataclasses.replace(settings.importer, max_export_mb=50.0)
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seed_text = SEED.read_text(encoding="utf-8").rstrip("\n") + "\n\n\n"
        big = root / "big.txt"
        big.write_text(seed_text * (10_000_000 // len(seed_text.encode()) + 1), encoding="utf-8")
        size = big.stat().st_size / 1e6
        timed("load the hunspell-fr dictionary (once per process)", lambda: bool(load_speller()))
        seed_s = timed(
            "import the seed (10 fiches)",
            lambda: len(importer.import_export(SEED, root / "a", settings=settings).outcomes),
        )
        timed(
            "re-import the seed (all unchanged)",
            lambda: importer.import_export(SEED, root / "a", settings=settings).count("unchanged"),
        )

        def refused() -> str:
            try:
                importer.import_export(big, root / "b", settings=settings)
            except ExportError as exc:
                return "refused: " + exc.message[:40]
            return "imported?"

        timed(f"{size:.1f} MB export, default limit", refused)
        big_s = timed(
            f"{size:.1f} MB export, limit raised to 50 MB",
            lambda: len(importer.import_export(big, root / "c", settings=big_settings).outcomes),
        )
        times = size * 1e6 / SEED.stat().st_size
        print(f"ratio 10 MB / seed: {big_s / seed_s:.1f} for {times:.0f}x the text")
        # Distinct fiches (no repeat to skip): every one is parsed, hashed and written.
        copies = [
            seed_text.replace("Namur", f"Namur {n}").replace("2017 –", f"{1900 + n} –")
            for n in range(12)
        ]
        distinct = root / "distinct.txt"
        distinct.write_text("".join(copies), encoding="utf-8")
        d_size = distinct.stat().st_size / 1e6
        result: list[importer.ImportResult] = []
        d_s = timed(
            f"{d_size:.1f} MB export of distinct fiches",
            lambda: len(
                result.append(importer.import_export(distinct, root / "d", settings=big_settings))
                or result[0].outcomes
            ),
        )
        per = d_s / len(result[0].outcomes) * 1000
        print(f"per fiche: seed {seed_s / 10 * 1000:.0f} ms, distinct fiches {per:.0f} ms")


if __name__ == "__main__":
    main()
