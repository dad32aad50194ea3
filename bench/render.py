"""Benchmark: median time to render one leaflet (PDF) and one web fragment.

Renders the repository's fiches (FALC text when there is one, else the real lead one
sentence per line) and a hand-made Arabic page, each several times with one Renderer,
as ``cai-falc build`` does. Prints medians in seconds; tests never time anything.

    .venv/bin/python bench/render.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import samples  # noqa: E402
from cai_falc.render import Renderer, page_for  # noqa: E402
from test_render import real_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (default 5)")
    args = parser.parse_args()
    settings = samples.settings()
    pages = [page_for(f, t, settings=settings, date=samples.DAY) for f, t in real_pages(10)]
    pages.append(page_for(samples.fiche(), samples.falc(), settings=settings, date=samples.DAY))
    arabic = page_for(
        samples.fiche(),
        samples.falc(),
        translation=samples.arabic("machine"),
        settings=settings,
        date=samples.DAY,
    )
    renderer = Renderer(settings)
    start = time.perf_counter()
    renderer.leaflet_pdf(pages[-1])  # first call loads fonts and compiles templates
    first = time.perf_counter() - start

    def median(fn: object, items: list[object]) -> tuple[float, int]:
        times = []
        for _ in range(args.repeat):
            for item in items:
                t = time.perf_counter()
                fn(item)  # type: ignore[operator]
                times.append(time.perf_counter() - t)
        return statistics.median(times), len(times)

    pdf_fr, n_fr = median(renderer.leaflet_pdf, pages)
    pdf_ar, n_ar = median(renderer.leaflet_pdf, [arabic])
    frag, n_frag = median(renderer.fragment, [*pages, arabic])
    prev, _ = median(renderer.preview, [*pages, arabic])
    sizes = [len(renderer.leaflet_pdf(p)) for p in pages]
    print(f"first leaflet (fonts + templates loaded): {first:.3f} s")
    print(
        f"leaflet PDF, French, median of {n_fr}: {pdf_fr:.3f} s"
        f"  ({len(pages)} leaflets, {statistics.median(sizes) / 1024:.0f} KiB median)"
    )
    print(f"leaflet PDF, Arabic, median of {n_ar}: {pdf_ar:.3f} s")
    print(f"web fragment, median of {n_frag}: {frag * 1000:.2f} ms")
    print(f"preview page, median of {n_frag}: {prev * 1000:.2f} ms")
    print(f"ratio leaflet / fragment: {pdf_fr / frag:.0f}x")


if __name__ == "__main__":
    main()
