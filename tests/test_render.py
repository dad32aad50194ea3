"""Leaflets, fragments, previews and the index, checked as a reader would see them.

PDFs go through poppler (pdftotext, pdffonts, pdftoppm) and the PNGs are measured:
right words in the right order, fonts embedded, Arabic set right-to-left.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from browser import samples
from cai_falc import fiche as fiche_mod
from cai_falc import i18n
from cai_falc.catalog import TranslatedBlock, Translation
from cai_falc.config import Settings
from cai_falc.errors import TemplateError
from cai_falc.render import (
    Page,
    Renderer,
    Segment,
    TranslatedBlocks,
    icon_for,
    inline_markup,
    page_for,
    page_links,
)

ROOT = Path(__file__).resolve().parents[1]
FONTS = {
    "Andika": "/usr/share/fonts/truetype/andika/Andika-Regular.ttf",
    "Noto-Sans-Arabic": "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
}
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """pdftotext of a PDF, bidi controls removed, spaces normalised."""
    path = tmp_path / "text.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = unicodedata.normalize("NFC", out.stdout.decode("utf-8")).translate(_BIDI_CONTROLS)
    return re.sub(r"\s+", " ", text)


def missing_in_order(text: str, expected: list[str]) -> list[str]:
    """The expected strings not found in ``text`` one after the other (empty: all in order)."""
    pos, missing = 0, []
    for item in expected:
        found = text.find(item, pos)
        if found < 0:
            missing.append(item)
        else:
            pos = found + len(item)
    return missing


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, bool]]:
    """(font name without subset prefix, embedded?) for every font of a PDF."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        name = line.split()[0].split("+")[-1]
        emb = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+", line)
        assert emb is not None, line
        rows.append((name, emb.group(1) == "yes"))
    return rows


def pdf_pngs(pdf: bytes, tmp_path: Path, name: str) -> list[np.ndarray]:
    """Each page as a grey-level array (pdftoppm at 60 dpi)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / name)], check=True)
    pngs = sorted(tmp_path.glob(f"{name}-*.png"))
    return [np.asarray(Image.open(p).convert("L")) for p in pngs]


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(samples.settings())


@pytest.fixture(scope="module")
def french() -> Page:
    return page_for(samples.fiche(), samples.falc(), settings=samples.settings(), date=samples.DAY)


@pytest.fixture(scope="module")
def arabic() -> Page:
    return page_for(
        samples.fiche(),
        samples.falc(),
        translation=samples.arabic("reviewed"),
        settings=samples.settings(),
        date=samples.DAY,
    )


@pytest.fixture(scope="module")
def french_pdf(renderer: Renderer, french: Page) -> bytes:
    return renderer.leaflet_pdf(french)


@pytest.fixture(scope="module")
def arabic_pdf(renderer: Renderer, arabic: Page) -> bytes:
    return renderer.leaflet_pdf(arabic)


# ----------------------------------------------------------------- the page model


def test_page_groups_lines_under_headings_with_pictograms(french: Page) -> None:
    assert [s.heading.text for s in french.sections if s.heading] == [
        "Qui peut venir aux cours ?",
        "Quand sont les cours ?",
        "Où sont les cours ?",
        "Comment s’inscrire ?",
    ]
    assert [s.icon for s in french.sections] == ["people", "calendar", "place", "document"]
    when = french.sections[1]
    assert [g.kind for g in when.groups] == ["sentence", "bullet"]
    assert [i.text for i in when.groups[1].lines] == [
        "Le matin : de 9 h à 12 h.",
        "L’après-midi : de 13 h à 16 h.",
    ]
    assert (french.lang, french.dir, french.falc_status, french.machine) == (
        "fr",
        "ltr",
        "draft",
        False,
    )
    assert french.date_text == "12 mars 2026"
    assert french.warnings == ()
    assert [w.term for w in french.words] == ["titre de séjour", "s’inscrire"]


def test_icon_for_uses_the_question_then_the_topic() -> None:
    assert icon_for("Qui peut venir aux cours ?") == "people"
    assert icon_for("Où sont les cours ?") == "place"
    assert icon_for("Comment s’inscrire ?") == "document"
    assert icon_for("Apprendre le français") == "school"
    assert icon_for("Trouver un travail") == "work"
    assert icon_for("Pour en savoir plus") == "contact"
    assert icon_for("Bonjour") == "info"


def test_arabic_page_is_rtl_and_marks_untranslated_lines() -> None:
    page = page_for(
        samples.fiche(),
        samples.falc(),
        translation=samples.arabic("machine", missing=(6,)),
        settings=samples.settings(),
        date=samples.DAY,
    )
    assert (page.lang, page.dir, page.machine, page.untranslated) == ("ar", "rtl", True, 1)
    french_line = page.sections[1].groups[0].lines[1]
    assert (french_line.text, french_line.lang, french_line.dir) == (
        "Un cours dure 3 heures.",
        "fr",
        "ltr",
    )
    assert any("1 ligne(s) sans traduction" in w for w in page.warnings)
    html = Renderer(samples.settings()).fragment(page)
    assert (
        '<p class="cf-line" lang="fr" dir="ltr">Un cours dure 3 heures. '
        '<span class="cf-mark" lang="ar" dir="rtl">(بالفرنسية)</span></p>' in html
    )
    assert "ترجمة آلية، لم يراجعها أحد بعد." in html  # machine notice, in Arabic
    assert "بعض الجمل غير مترجمة بعد" in html  # untranslated-lines notice
    assert page.model == "translate-fr_ar (test)"


def test_translation_with_wrong_number_of_blocks_is_reported_not_mixed_silently() -> None:
    short = TranslatedBlocks("ar", Segment("عنوان"), tuple(Segment(t) for t in samples.ARABIC[:3]))
    page = page_for(samples.fiche(), samples.falc(), translation=short, settings=samples.settings())
    assert page.untranslated == len(samples.ARABIC) - 3 + 2  # lines, then the 2 words
    assert any("3 ligne(s) pour 16" in w for w in page.warnings)
    assert all(i.lang == "fr" for i in page.blocks[3:])


def test_catalog_translation_objects_are_accepted() -> None:
    falc = samples.falc()
    blocks = falc.blocks()
    tr = Translation(
        lang="ar",
        title=TranslatedBlock(
            "title", falc.title, "تعلّم اللغة الفرنسية في نامور", "machine", 1, "m1"
        ),
        blocks=[
            TranslatedBlock(b.kind, b.text, text, "reviewed", b.line)
            for b, text in zip(blocks, samples.ARABIC, strict=True)
        ],
        words=[
            (
                TranslatedBlock("word", "titre de séjour", "تصريح الإقامة", "reviewed"),
                TranslatedBlock("explanation", "…", None, "damaged"),
            ),
            (
                TranslatedBlock("word", "s’inscrire", "التسجيل", "reviewed"),
                TranslatedBlock("explanation", "…", "إعطاء اسمك للمشاركة في الدرس.", "reviewed"),
            ),
        ],
    )
    page = page_for(samples.fiche(), falc, translation=tr, settings=samples.settings())
    assert page.title == "تعلّم اللغة الفرنسية في نامور" and page.machine
    assert [(w.term, w.lang) for w in page.words] == [("titre de séjour", "fr"), ("التسجيل", "ar")]
    assert page.untranslated == 1
    assert page.model == "m1"


# ------------------------------------------------------------------ leaflets (PDF)


def test_french_leaflet_text_order_pages_and_fonts(french_pdf: bytes, tmp_path: Path) -> None:
    reader = PdfReader(__import__("io").BytesIO(french_pdf))
    assert 1 <= len(reader.pages) <= 2
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (148, 210)  # A5
    text = pdf_text(french_pdf, tmp_path)
    expected = [
        "Apprendre le français à Namur",
        "Texte facile à lire : brouillon, pas encore relu par des lecteurs.",
        "Qui peut venir aux cours ?",
        "Les cours sont gratuits.",
        "Le matin : de 9 h à 12 h.",
        "Vous pouvez téléphoner au 081 00 00 00.",
        "Mots difficiles",
        "titre de séjour",
        "Pour en savoir plus",
        "Date : 12 mars 2026",
    ]
    assert missing_in_order(text, expected) == []
    assert f"Page 1 sur {len(reader.pages)}" in text
    fonts = pdf_fonts(french_pdf, tmp_path)
    assert {name for name, _ in fonts} == {"Andika", "Andika-Bold"}
    assert all(embedded for _, embedded in fonts)


def test_arabic_leaflet_is_shaped_right_to_left_and_embedded(
    arabic_pdf: bytes, french_pdf: bytes, tmp_path: Path
) -> None:
    text = pdf_text(arabic_pdf, tmp_path)
    words = ["تعلّم", "الدروس", "بلجيكا", "الخميس", "نامور", "081 00 00 00", "كلمات صعبة", "الصفحة"]
    assert missing_in_order(text, words) == []
    fonts = dict(pdf_fonts(arabic_pdf, tmp_path))
    assert fonts["Noto-Sans-Arabic"] and fonts["Noto-Sans-Arabic-Bold"]
    assert set(fonts) <= {"Noto-Sans-Arabic", "Noto-Sans-Arabic-Bold", "Andika", "Andika-Bold"}
    # Right-to-left on paper: the title's ink ends at the right margin and starts well
    # inside; the French title starts at the left margin. 14 mm margins = 33 px at 60 dpi.
    for pdf, name in ((arabic_pdf, "ar"), (french_pdf, "fr")):
        page = pdf_pngs(pdf, tmp_path, name)[0]
        band = page[30:75] < 110
        cols = np.where(band.any(axis=0))[0]
        right_margin = page.shape[1] - 33
        if name == "ar":
            assert abs(cols.max() - right_margin) <= 4 and cols.min() > 70, (cols.min(), cols.max())
        else:
            assert abs(cols.min() - 33) <= 4 and cols.max() < right_margin - 20, (
                cols.min(),
                cols.max(),
            )


@pytest.mark.parametrize("page_name", ["french", "arabic"])
def test_every_character_has_a_glyph_in_the_chosen_fonts(
    page_name: str, request: pytest.FixtureRequest
) -> None:
    page: Page = request.getfixturevalue(page_name)
    cmaps = {name: set(TTFont(path)["cmap"].getBestCmap()) for name, path in FONTS.items()}
    text = " ".join(
        [page.title, *(i.text for i in page.blocks), *(w.term + w.text for w in page.words)]
    )
    text = text.replace("**", "")
    missing = {c for c in text if not c.isspace() and not any(ord(c) in m for m in cmaps.values())}
    assert not missing


def test_same_page_gives_the_same_pdf_bytes(
    renderer: Renderer, french: Page, french_pdf: bytes
) -> None:
    again = Renderer(samples.settings()).leaflet_pdf(french)
    assert again == french_pdf
    assert b"/CreationDate (D:20260312000000" in french_pdf or b"CreationDate" not in french_pdf


def test_leaflet_is_tagged_and_keeps_the_falc_layout(
    renderer: Renderer, french: Page, french_pdf: bytes
) -> None:
    reader = PdfReader(__import__("io").BytesIO(french_pdf))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "fr"
    css = (ROOT / "src/cai_falc/static/leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # declarations only, not comments
    assert "hyphens: none" in css and "text-align: start" in css and "justify" not in css
    assert "italic" not in css and "uppercase" not in css and "line-height: 1.5" in css
    assert ".cf-line { margin: 0 0 1.6mm 0; break-inside: avoid;" in css
    html = renderer.leaflet_html(french)
    assert "<em>" not in html and "<i>" not in html and "<u>" not in html


def test_status_notices_are_honest(renderer: Renderer) -> None:
    validated = samples.falc()
    validated.status = "validated"
    page = page_for(samples.fiche(), validated, settings=samples.settings())
    html = renderer.fragment(page)
    assert "Texte facile à lire, relu par des lecteurs." in html
    assert "brouillon" not in html
    assert "logo" not in html.casefold()
    draft = renderer.fragment(
        page_for(samples.fiche(), samples.falc(), settings=samples.settings())
    )
    assert "Texte facile à lire : brouillon, pas encore relu par des lecteurs." in draft


# ------------------------------------------------------------------ HTML outputs


def test_fragment_is_a_section_without_script_style_or_outside_resource(
    renderer: Renderer, arabic: Page
) -> None:
    html = renderer.fragment(arabic)
    assert html.lstrip().startswith('<section class="cf-falc" lang="ar" dir="rtl"')
    assert html.rstrip().endswith("</section>")
    for bad in (
        "<script",
        "<style",
        "style=",
        "<link",
        "src=",
        "http://",
        "https://",
        "@import",
        "<img",
    ):
        assert bad not in html, bad
    classes = {c for attr in re.findall(r'class="([^"]+)"', html) for c in attr.split()}
    assert classes and all(c.startswith("cf-") for c in classes)
    # LTR runs isolated inside RTL text
    assert '<bdi dir="ltr">081 00 00 00</bdi>' in html
    assert '<bdi dir="ltr">accueil@example.be</bdi>' in html
    assert "<strong>بطاقة هويتك</strong>" in html


def test_preview_and_index_link_everything(renderer: Renderer, french: Page, arabic: Page) -> None:
    preview = renderer.preview(arabic)
    assert preview.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    assert '<a href="../index.html">العودة إلى قائمة النصوص</a>' in preview
    assert f'href="{arabic.id}.pdf"' in preview
    assert renderer.fragment(arabic) in preview
    assert "<script" not in preview and "<link" not in preview
    index = renderer.index([arabic, french])
    links = page_links(arabic)
    assert (links.pdf, links.fragment, links.preview) == (
        f"ar/{arabic.id}.pdf",
        f"ar/{arabic.id}.html",
        f"ar/{arabic.id}.preview.html",
    )
    for page in (french, arabic):
        for href in vars(page_links(page)).values():
            assert f'href="{href}"' in index
    assert '<th scope="row" lang="ar" dir="rtl">العربية</th>' in index
    assert '<th scope="row" lang="fr" dir="ltr">Français</th>' in index
    assert index.index(">Français<") < index.index(">العربية<")  # source language first


PLACE_SVG = (
    '<svg class="cf-icon-svg" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" '
    'focusable="false" fill="none" stroke="currentColor" stroke-width="2.6" '
    'stroke-linecap="round" stroke-linejoin="round">'
    '<path d="M24 42s-12-12-12-22a12 12 0 0 1 24 0c0 10-12 22-12 22z"/>'
    '<circle cx="24" cy="20" r="4.5"/></svg>'
)


def test_fragment_golden(renderer: Renderer) -> None:
    falc = samples.falc(body="# Où sont les cours ?\nAu centre, à **Namur**.\n- Le lundi.")
    falc.words = {}
    page = page_for(samples.fiche(), falc, settings=samples.settings(), date=samples.DAY)
    expected = textwrap.dedent(
        """\
        <div class="cf-section cf-theme-place">
          <div class="cf-pictogram">{SVG}</div>
          <div class="cf-section-text">
            <h3 class="cf-heading" id="cf-2019-cours-de-francais-fr-s1">Où sont les cours{NB}?</h3>
            <p class="cf-line">Au centre, à <strong>Namur</strong>.</p>
            <ul class="cf-list">
              <li class="cf-line">Le lundi.</li>
            </ul>
          </div>
        </div>
        """
    ).replace("{SVG}", PLACE_SVG).replace("{NB}", "\u00a0")
    assert expected in renderer.fragment(page)


# ------------------------------------------------------------------ security

EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'


def test_hostile_fiche_text_is_inert_everywhere(tmp_path: Path) -> None:
    settings = Settings(
        root=tmp_path,
        project=samples.settings().project.__class__(organisation=f"Org {EVIL}", contact=EVIL),
    )
    falc = samples.falc(body=f"# Titre {EVIL}\nPhrase {EVIL}\n- Puce {EVIL}", title=f"Titre {EVIL}")
    falc.words = {f"mot {EVIL}": f"explication {EVIL}"}
    hostile_fiche = samples.fiche(title=f"Fiche {EVIL}")
    tr = TranslatedBlocks(
        "ar",
        Segment(f"عنوان {EVIL}"),
        tuple(Segment(f"جملة {EVIL}") for _ in range(3)),
        {f"mot {EVIL}": (Segment(f"كلمة {EVIL}"), Segment(f"شرح {EVIL}"))},
    )
    renderer = Renderer(settings)
    pages = [
        page_for(hostile_fiche, falc, settings=settings, date=samples.DAY),
        page_for(hostile_fiche, falc, translation=tr, settings=settings, date=samples.DAY),
    ]
    outputs = [renderer.index(pages)]
    for page in pages:
        outputs += [renderer.fragment(page), renderer.preview(page), renderer.leaflet_html(page)]
    for html in outputs:
        assert "<script" not in html.replace("<script>alert", "")  # no element at all:
        assert "<script>" not in html and "<img" not in html and "onerror=alert(1)>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    text = pdf_text(renderer.leaflet_pdf(pages[0]), tmp_path)
    assert text.count("<script>alert(1)</script>") >= 5
    assert '"><img src=x onerror=alert(1)>' in text


def test_inline_markup_escapes_before_marking_up() -> None:
    assert (
        str(inline_markup("**<b>x</b>** & y", rtl=False))
        == "<strong>&lt;b&gt;x&lt;/b&gt;</strong> &amp; y"
    )
    assert str(inline_markup("اتصل بـ +32 81 00 00 00 <x>", rtl=True)) == (
        'اتصل بـ <bdi dir="ltr">+32 81 00 00 00</bdi> &lt;<bdi dir="ltr">x</bdi>&gt;'
    )


# ------------------------------------------------------------------ templates


def test_project_template_extends_the_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "fragment.html").write_text(
        '{% extends "default:fragment.html" %}', encoding="utf-8"
    )
    (tmp_path / "templates" / "preview.html").write_text(
        '{% extends "default:preview.html" %}{% block title %}Notre centre{% endblock %}',
        encoding="utf-8",
    )
    settings = Settings(root=tmp_path, project=samples.settings().project)
    renderer = Renderer(settings)
    page = page_for(samples.fiche(), samples.falc(), settings=settings)
    assert "<title>Notre centre</title>" in renderer.preview(page)
    assert renderer.fragment(page) == Renderer(samples.settings()).fragment(page)


def test_broken_project_template_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "fragment.html").write_text("{{ page.nope }}", encoding="utf-8")
    settings = Settings(root=tmp_path, project=samples.settings().project)
    page = page_for(samples.fiche(), samples.falc(), settings=settings)
    with pytest.raises(TemplateError, match=r"fragment\.html"):
        Renderer(settings).fragment(page)


# ------------------------------------------------------------------ real fiches


def real_pages(lang_pages: int = 2) -> list[tuple[fiche_mod.Fiche, fiche_mod.FalcText]]:
    """Real fiches of the repository with their FALC text (or, until the simplifier has
    written one, their real lead sentences one per line)."""
    out = []
    for path in fiche_mod.fiche_paths(ROOT / "fiches")[:lang_pages]:
        source = fiche_mod.read_fiche(path)
        falc_file = fiche_mod.falc_path(path)
        if falc_file.is_file():
            falc = fiche_mod.read_falc(falc_file)
        else:
            sentences = re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])", source.lead.strip())
            falc = fiche_mod.FalcText(
                id=source.id, title=source.title, body="\n".join(["# En bref", *sentences])
            )
        out.append((source, falc))
    return out


def test_real_fiches_render_in_french(renderer: Renderer, tmp_path: Path) -> None:
    pairs = real_pages()
    assert pairs, "the repository has no fiches/"
    for source, falc in pairs:
        page = page_for(source, falc, settings=samples.settings(), date=samples.DAY)
        pdf = renderer.leaflet_pdf(page)
        text = pdf_text(pdf, tmp_path)
        first = falc.blocks()[1].text.replace("**", "")
        assert re.sub(r"\s+", " ", first)[:40] in text
        assert all(emb for _, emb in pdf_fonts(pdf, tmp_path))
        assert page.title in renderer.fragment(page) or "&" in page.title


def test_all_default_languages_render_with_their_interface(renderer: Renderer) -> None:
    for lang in Settings().project.languages:
        tr = TranslatedBlocks(
            lang,
            Segment("Titre"),
            tuple(Segment(t) for t in samples.ARABIC),
            {w: (Segment("mot"), Segment("explication")) for w in samples.falc().words},
        )
        page = page_for(
            samples.fiche(), samples.falc(), translation=tr, settings=samples.settings()
        )
        assert page.warnings == (), lang
        html = renderer.fragment(page)
        assert f'lang="{lang}" dir="{i18n.text_direction(lang)}"' in html
        assert "Mots difficiles" not in html or lang == "fr", lang


def test_difficult_words_are_bold_where_first_used() -> None:
    body = "# Le CAI\nLe CAI aide.\nLe CAI est à Namur.\nUn bilan. Le **bilan** aide."
    falc = samples.falc(body=body)
    falc.words = {"CAI": "le centre.", "bilan": "un rendez-vous.", "absent": "rien."}
    page = page_for(samples.fiche(), falc, settings=samples.settings())
    assert [i.text for i in page.blocks] == [
        "Le CAI",  # headings stay as written
        "Le **CAI** aide.",
        "Le CAI est à Namur.",  # only the first use
        "Un bilan. Le **bilan** aide.",  # the writer already chose where
    ]
    assert page.source_label == "2019 – Cours de français pour les personnes étrangères"


def test_bold_word_at_line_end_does_not_break_the_line_early(
    renderer: Renderer, tmp_path: Path
) -> None:
    # A real sentence of a draft: WeasyPrint 70 put "Le" alone on the first line.
    falc = samples.falc(body="# En 2021\nLe CAI continue à soutenir 3 programmes de **mentorat** :")
    falc.words = {}
    page = page_for(samples.fiche(), falc, settings=samples.settings(), date=samples.DAY)
    assert " <strong>" not in renderer.leaflet_html(page)
    path = tmp_path / "line.pdf"
    path.write_bytes(renderer.leaflet_pdf(page))
    layout = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Le CAI continue à soutenir" in layout


def test_french_spacing_keeps_guillemets_and_colons_with_their_words() -> None:
    from cai_falc.render import french_spacing

    text = "les motions « Communes hospitalières » : oui ? Voir http://cainamur.be à 10:30"
    assert french_spacing(text) == (
        "les motions «\u00a0Communes hospitalières\u00a0»\u00a0: oui\u00a0? "
        "Voir http://cainamur.be à 10:30"
    )


_IMPORT_PROBE = """
import subprocess, sys
spawned = []
real_popen = subprocess.Popen.__init__
def popen(self, args, *a, **k):
    spawned.append(args)
    real_popen(self, args, *a, **k)
subprocess.Popen.__init__ = popen
if sys.argv[1] == "refuse-sonames":
    # A system where dlopen finds nothing by itself: only the usual library search works.
    import ctypes.util, cffi
    from cai_falc import render
    real_dlopen = cffi.FFI.dlopen
    def dlopen(self, name, flags=0):
        if ctypes.util.find_library is render._no_library_search:
            raise OSError("refused by the test")
        return real_dlopen(self, name, flags)
    cffi.FFI.dlopen = dlopen
from cai_falc import render
weasyprint = render.import_weasyprint()
pdf = weasyprint.HTML(string="<p>Bonjour</p>").write_pdf()
import ctypes.util
assert ctypes.util.find_library is not render._no_library_search
print(len(spawned), pdf[:5].decode())
"""


@pytest.mark.parametrize("case", ["linux", "refuse-sonames"])
def test_weasyprint_imports_without_searching_for_libraries(case: str) -> None:
    # WeasyPrint's own import runs ldconfig/gcc for every library name dlopen refuses
    # (0.2-0.3 s on each build): cai-falc imports it without that search, and falls
    # back to the usual import where the sonames alone are not enough.
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, case],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    ).stdout.split()
    spawned, magic = int(out[0]), out[1]
    assert magic == "%PDF-"
    if case == "linux":
        assert spawned == 0
    else:
        assert spawned > 0  # the fallback did search, as WeasyPrint does by itself
