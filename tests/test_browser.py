"""Every preview page and the index in real headless Chromium: axe-core finds nothing,
nothing is fetched, right-to-left pages run right to left; the Nu HTML Checker
(vnu.jar from npm, on the installed Java) finds no error and no warning.

Needs what ``scripts/bootstrap`` installs: chromium, Java, and ``npm ci`` in tests/browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from browser import samples
from browser.cdp import AXE, VNU, Browser, validate_html
from cai_falc.render import Page, Renderer, Segment, TranslatedBlocks, page_for, page_links
from test_render import real_pages


def _pages() -> list[Page]:
    settings = samples.settings()
    fiche, falc = samples.fiche(), samples.falc()
    pages = [
        page_for(fiche, falc, settings=settings, date=samples.DAY),
        page_for(
            fiche,
            falc,
            translation=samples.arabic("machine", missing=(6,)),
            settings=settings,
            date=samples.DAY,
        ),
        page_for(
            fiche, falc, translation=samples.arabic("reviewed"), settings=settings, date=samples.DAY
        ),
        # A language with no interface catalog: French interface with a visible notice.
        page_for(
            fiche,
            falc,
            translation=TranslatedBlocks(
                "de",
                Segment("Französisch lernen in Namur", "machine"),
                tuple(Segment("Ein Satz mit **Wichtigem**.", "machine") for _ in samples.ARABIC),
            ),
            settings=settings,
            date=samples.DAY,
        ),
    ]
    pages[2] = page_for(
        fiche,
        falc,
        translation=TranslatedBlocks(
            "fa",
            Segment("یادگیری زبان فرانسوی در نامور"),
            tuple(Segment("کلاس‌ها رایگان هستند. تلفن: 081 00 00 00") for _ in samples.ARABIC),
            {w: (Segment(f"واژهٔ {i}"), Segment("توضیح")) for i, w in enumerate(falc.words, 1)},
        ),
        settings=settings,
        date=samples.DAY,
    )
    pages += [page_for(f, t, settings=settings, date=samples.DAY) for f, t in real_pages()]
    return pages


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Page]]:
    """An output folder as ``cai-falc build`` lays it out: index, previews, fragments."""
    out = tmp_path_factory.mktemp("output")
    renderer = Renderer(samples.settings())
    pages = _pages()
    for page in pages:
        links = page_links(page)
        (out / links.preview).parent.mkdir(parents=True, exist_ok=True)
        (out / links.preview).write_text(renderer.preview(page), encoding="utf-8")
        (out / links.fragment).write_text(renderer.fragment(page), encoding="utf-8")
        (out / links.pdf).write_bytes(b"%PDF-1.7 placeholder: the browser test does not open it")
    (out / "index.html").write_text(renderer.index(pages), encoding="utf-8")
    return out, pages


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert AXE.is_file(), "run 'npm ci' in tests/browser (scripts/bootstrap does it)"
    chromium = Browser()
    try:
        yield chromium
    finally:
        chromium.close()


def test_axe_finds_no_violation_on_any_page(
    site: tuple[Path, list[Page]], browser: Browser
) -> None:
    out, pages = site
    files = [out / "index.html", *(out / page_links(p).preview for p in pages)]
    found = {}
    for path in files:
        browser.open(path)
        violations = browser.axe()
        found[path.relative_to(out).as_posix()] = [
            (v["id"], v["impact"], [n["html"][:120] for n in v["nodes"][:2]]) for v in violations
        ]
        # Nothing fetched: no font, image, script or stylesheet from anywhere.
        assert browser.evaluate("performance.getEntriesByType('resource').length") == 0, path
    assert found == {name: [] for name in found}
    assert len(found) == len(pages) + 1


def test_rtl_page_runs_right_to_left_in_the_browser(
    site: tuple[Path, list[Page]], browser: Browser, tmp_path: Path
) -> None:
    out, pages = site
    arabic = next(p for p in pages if p.lang == "ar")
    browser.open(out / page_links(arabic).preview)
    state = browser.evaluate(
        """(() => {
          const s = document.querySelector('section.cf-falc');
          const t = s.querySelector('.cf-title').getBoundingClientRect();
          const lines = [...s.querySelectorAll('.cf-line')].map(e => getComputedStyle(e));
          return {dir: getComputedStyle(s).direction, lang: s.lang,
                  titleRight: t.right, sectionRight: s.getBoundingClientRect().right,
                  justified: lines.some(c => c.textAlign === 'justify'),
                  hyphens: lines.map(c => c.hyphens).filter(h => h !== 'none').length,
                  italic: lines.some(c => c.fontStyle === 'italic'),
                  bdi: s.querySelectorAll('bdi').length,
                  title: document.title};
        })()"""
    )
    assert state["dir"] == "rtl" and state["lang"] == "ar"
    assert abs(state["titleRight"] - state["sectionRight"]) < 2  # the title starts on the right
    assert not state["justified"] and state["hyphens"] == 0 and not state["italic"]
    assert state["bdi"] >= 3
    shot = np.asarray(Image.open(browser.screenshot(tmp_path / "ar.png")).convert("L"))
    assert shot.shape[0] > 800 and (shot < 100).mean() > 0.005  # text was painted


def test_html_checker_finds_nothing(site: tuple[Path, list[Page]], tmp_path: Path) -> None:
    out, pages = site
    assert VNU.is_file(), "run 'npm ci' in tests/browser (scripts/bootstrap does it)"
    renderer = Renderer(samples.settings())
    leaflet = tmp_path / "leaflet.html"
    leaflet.write_text(renderer.leaflet_html(pages[1]), encoding="utf-8")
    files = [out / "index.html", leaflet, *(out / page_links(p).preview for p in pages)]
    # One Java start for all: a broken page goes with them to prove the checker checks.
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=fr><title>x</title><p><div></p>", encoding="utf-8")
    messages = validate_html([*files, broken])
    assert any(m["url"].endswith("/broken.html") for m in messages)
    found = [
        (m["url"].rsplit("/", 2)[-2:], m.get("lastLine"), m["message"])
        for m in messages
        if not m["url"].endswith("/broken.html")
    ]
    assert found == []
