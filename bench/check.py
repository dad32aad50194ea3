"""Speed of the checker on the seed fiches, against textstat's French functions (issue 3).

Usage: .venv/bin/python bench/check.py [ROUNDS]

Prints, on the same texts (title, lead and body of each fiche in fiches/, else the
fiches split from the seed export): words per second of the whole checker (all FALC
rules and all figures), cold (first call: lexicon cache loaded) and warm; words per
second of textstat's individual French functions (sentence count, word count,
syllables, Flesch reading ease, average sentence length, LIX) called one by one as a
user of textstat would; the ratio; and what each counts, to show why the checker does
its own French preprocessing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cai_falc import check, config, fiche  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"


def _texts() -> list[fiche.Fiche]:
    fiches = [fiche.read_fiche(p) for p in fiche.fiche_paths(ROOT / "fiches")]
    if fiches:
        return fiches
    import tempfile

    from cai_falc import importer

    out = Path(tempfile.mkdtemp())
    importer.import_export(SEED, out, settings=config.Settings(root=out))
    return [fiche.read_fiche(p) for p in fiche.fiche_paths(out)]


def _textstat_round(texts: list[str]) -> dict[str, float]:
    import textstat

    ts = textstat.textstat
    previous = ts._textstatistics__lang
    ts.set_lang("fr")
    try:
        sentences = words = 0.0
        fre = 0.0
        for text in texts:
            sentences += ts.sentence_count(text)
            words += ts.lexicon_count(text)
            ts.syllable_count(text)
            fre += ts.flesch_reading_ease(text)
            ts.words_per_sentence(text)
            ts.lix(text)
        return {"sentences": sentences, "words": words, "flesch": fre / len(texts)}
    finally:
        ts.set_lang(previous)


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else 5
    settings = config.Settings(root=ROOT)
    fiches = _texts()
    texts = [check.fiche_source_text(f) for f in fiches]

    start = time.perf_counter()
    cold = [check.check_fiche(f, settings=settings) for f in fiches]
    cold_s = time.perf_counter() - start
    words = sum(r.metrics.words for r in cold)

    start = time.perf_counter()
    for _ in range(rounds):
        results = [check.check_fiche(f, settings=settings) for f in fiches]
    warm_s = (time.perf_counter() - start) / rounds

    # textstat caches results per text: give it fresh strings each round, as new texts are.
    import textstat  # noqa: F401 - imported before timing, as the checker's modules are

    start = time.perf_counter()
    for i in range(rounds):
        counted = _textstat_round([t + " " * (i + 1) for t in texts])
    ts_s = (time.perf_counter() - start) / rounds

    findings = sum(len(r.findings) for r in results)
    sentences = sum(r.metrics.sentences for r in results)
    km = sum(r.metrics.kandel_moles or 0 for r in results) / len(results)
    print(f"{len(fiches)} fiches, {words} words ({sentences} sentences by the checker)")
    print(f"checker, cold (lexicon cache loaded): {cold_s:6.3f} s  {words / cold_s:9,.0f} words/s")
    print(f"checker, warm, all rules + figures:   {warm_s:6.3f} s  {words / warm_s:9,.0f} words/s"
          f"  ({findings} findings)")
    print(f"textstat fr, 6 functions one by one:  {ts_s:6.3f} s  {words / ts_s:9,.0f} words/s")
    print(f"ratio checker/textstat speed (warm):  {ts_s / warm_s:6.2f}x")
    print(f"counts  checker:  {sentences} sentences, {words} words, Kandel-Moles mean {km:.1f}")
    print(f"counts  textstat: {counted['sentences']:.0f} sentences, {counted['words']:.0f} words, "
          f"Flesch(fr) mean {counted['flesch']:.1f}")
    _cli(fiches)
    return 0


def _cli(fiches: list[fiche.Fiche]) -> None:
    """Process time of the whole command, start-up included, as a user runs it."""
    import resource
    import subprocess

    paths = [str(f.path) for f in fiches if f.path is not None]
    if not paths:
        return
    exe = Path(sys.executable).with_name("cai-falc")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([str(exe), "check", "-q", *paths], capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"'cai-falc check' on the {len(paths)} fiches: {cpu:.2f} s of process time "
          "(start-up included)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
