"""Benchmark: cai-falc's translation runtime against argostranslate's ``translate()``.

Usage: ``.venv/bin/python bench/translate.py [--segments 300] [--size real|tiny]``

Both sides translate the same French segments with the same installed package, each in
its own child process (so peak memory, ``ru_maxrss``, belongs to one side only), model
loading included, imports excluded. The package is built by ``tests/argos_kit.py``
(no download): ``--size real`` gives it the cost of a real Argos model (6 encoder and 6
decoder layers, d_model 512, FFN 2048); ``tiny`` is the one-layer test model.

Offline, argostranslate 1.11 cannot split sentences: its MiniSBD splitter downloads a
model on first use (and the stanza one needs a model folder in the package). FALC
segments are one sentence each, so the benchmark replaces
``argostranslate.sbd.MiniSBDSentencizer.split_sentences`` by ``lambda text: [text]``:
argostranslate runs its own translate() path with a splitter that costs nothing, its
best case. Everything else (stanza/torch import, per-paragraph batches, beam 4) is
argostranslate's own.

Segments: the FALC texts in ``fiches/*.falc.md`` if any, else sentences of the fiches.
The cai-falc side also runs with several thread settings, to choose the defaults.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]


#: (intra_threads, inter_threads, beam) tried on the cai-falc side: the defaults of
#: TranslateSettings first, beam 4 (argostranslate's) last.
CONFIGS = ((1, 1, 1), (0, 1, 1), (2, 1, 1), (1, 2, 1), (1, 1, 4))


def collect_segments(limit: int) -> list[str]:
    """French segments: FALC texts if present, else the fiches' sentences."""
    from cai_falc import catalog, fiche

    folder = ROOT / "fiches"
    falc = [fiche.read_falc(p) for p in sorted(folder.glob("*.falc.md"))]
    texts = [s.text for s in catalog.segments(falc)] if falc else []
    if len(texts) < limit:
        for path in fiche.fiche_paths(folder):
            body = fiche.read_fiche(path).text()
            for line in body.splitlines():
                for sentence in re.split(r"(?<=[.!?])\s+", line.strip(" -*#")):
                    if 3 <= len(sentence.split()) <= 40:
                        texts.append(sentence)
    return texts[:limit]


def side_cai(
    segments: list[str], langs: list[str], intra: int, inter: int, beam: int
) -> dict[str, float]:
    from cai_falc import models
    from cai_falc.config import TranslateSettings
    from cai_falc.translate import Runtime, translate_segments

    settings = TranslateSettings(threads=intra, inter_threads=inter, beam_size=beam)
    start = time.perf_counter()
    runtime = Runtime(settings, models.installed())
    firsts = []
    for lang in langs:  # as translate_project does: one language after the other
        chain = runtime.route("fr", lang)
        assert chain is not None
        out = translate_segments(segments, lang=lang, chain=chain, runtime=runtime)
        assert len(out) == len(segments)
        firsts.append(out[0].text)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "first": firsts}  # type: ignore[dict-item]


def side_argos(segments: list[str], langs: list[str]) -> dict[str, float]:
    import argostranslate.sbd
    import argostranslate.translate

    argostranslate.sbd.MiniSBDSentencizer.split_sentences = (
        lambda self, text: [text]
    )
    start = time.perf_counter()
    firsts = []
    for lang in langs:
        out = [argostranslate.translate.translate(s, "fr", lang) for s in segments]
        firsts.append(out[0])
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "first": firsts}  # type: ignore[dict-item]


def child(args: argparse.Namespace) -> None:
    segments = json.loads(Path(args.segments_file).read_text(encoding="utf-8"))
    if args.side == "argos":
        result = side_argos(segments, args.langs.split(","))
    else:
        result = side_cai(segments, args.langs.split(","), args.intra, args.inter, args.beam)
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["heavy"] = sorted(m for m in ("torch", "stanza") if m in sys.modules)  # type: ignore[assignment]
    print(json.dumps(result))


def run_child(side: str, segments_file: Path, env: dict[str, str], intra: int = 0,
              inter: int = 1, beam: int = 1) -> dict[str, float]:
    command = [sys.executable, __file__, "--side", side, "--segments-file", str(segments_file),
               "--intra", str(intra), "--inter", str(inter), "--beam", str(beam),
               "--langs", env["BENCH_LANGS"]]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{side} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=300)
    parser.add_argument("--size", choices=["real", "tiny"], default="real")
    parser.add_argument("--side", choices=["cai", "argos"])
    parser.add_argument("--segments-file")
    parser.add_argument("--intra", type=int, default=0)
    parser.add_argument("--inter", type=int, default=1)
    parser.add_argument("--beam", type=int, default=1)
    parser.add_argument(
        "--langs", default="en", help="Target languages, e.g. en,es (es pivots through en)."
    )
    args = parser.parse_args()
    if args.side:
        child(args)
        return

    import argos_kit  # type: ignore[import-not-found]
    from cai_falc import models

    segments = collect_segments(args.segments)
    size: dict[str, object] = {}
    if args.size == "real":
        size = {"dims": 64, "freqs": 64, "layers": 6, "ffn": 2048, "quantization": "int8"}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ}
        for name in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[name] = os.environ[name] = str(Path(tmp) / name.lower())
        # Pieces as long as a real model's: SentencePiece trained on the segments too.
        sp_model = argos_kit.train_sentencepiece(corpus=tuple(segments), vocab_size=4000)
        env["BENCH_LANGS"] = args.langs
        for pair in ("fr", "en"), ("en", "es"):
            archive = argos_kit.build_package(Path(tmp), *pair, {}, sp_model=sp_model, **size)
            models.install(archive)
        segments_file = Path(tmp) / "segments.json"
        segments_file.write_text(json.dumps(segments), encoding="utf-8")
        distinct = len(set(segments))
        print(f"{len(segments)} segments ({distinct} distinct), model size: {args.size}, "
              f"languages: {args.langs}")
        rows = []
        for intra, inter, beam in CONFIGS:
            result = run_child("cai", segments_file, env, intra, inter, beam)
            rows.append((intra, inter, beam, result))
            print(f"  cai-falc intra={intra or 'auto'} inter={inter} beam={beam}: "
                  f"{len(segments) / result['seconds']:8.1f} segments/s, "
                  f"peak {result['maxrss_mb']:.0f} MB, heavy modules {result['heavy']}")
        argos = run_child("argos", segments_file, env)
        print(f"  argostranslate.translate() (beam 4):  "
              f"{len(segments) / argos['seconds']:8.1f} segments/s, "
              f"peak {argos['maxrss_mb']:.0f} MB, heavy modules {argos['heavy']}")
        default = rows[0][3]
        best = min(rows[:-1], key=lambda row: row[3]["seconds"])
        equal_beam = rows[-1][3]
        print(f"speed ratio cai-falc / argostranslate: "
              f"{argos['seconds'] / default['seconds']:.1f}x with the defaults, "
              f"{argos['seconds'] / best[3]['seconds']:.1f}x at best "
              f"(intra={best[0] or 'auto'}, inter={best[1]}), "
              f"{argos['seconds'] / equal_beam['seconds']:.1f}x at equal beam (4)")
        print(f"peak memory: argostranslate {argos['maxrss_mb']:.0f} MB / cai-falc "
              f"{default['maxrss_mb']:.0f} MB = {argos['maxrss_mb'] / default['maxrss_mb']:.1f}x; "
              f"same first output: {default['first'] == argos['first']}")

if __name__ == "__main__":
    main()
