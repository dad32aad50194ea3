"""Interface strings, language names, directions and dates, per language."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from browser import samples
from cai_falc import i18n
from cai_falc.render import Renderer, Segment, TranslatedBlocks, page_for

DEFAULT_LANGS = ["en", "nl", "ar", "uk", "ru", "tr", "es", "fa"]
ROOT = Path(__file__).resolve().parents[1]


def test_direction_names_and_dates() -> None:
    assert [i18n.text_direction(lang) for lang in ("ar", "fa", "fr", "uk")] == [
        "rtl",
        "rtl",
        "ltr",
        "ltr",
    ]
    assert i18n.language_name("ar") == "العربية"
    assert i18n.language_name("uk") == "Українська"
    assert i18n.language_name("fa") == "فارسی"
    assert i18n.language_name("es") == "Español"
    assert i18n.language_name("ar", in_lang="fr") == "Arabe"
    day = datetime.date(2026, 3, 12)
    assert i18n.format_day(day, "fr") == "12 mars 2026"
    assert i18n.format_day(day, "nl") == "12 maart 2026"
    assert i18n.format_day(day, "ar") == "12 مارس 2026"
    assert i18n.format_number(1234.5, "fr") == "1\u202f234,5"
    assert i18n.format_number(1234.5, "en") == "1,234.5"


def test_every_default_language_has_a_complete_catalog() -> None:
    msgids = i18n.template_msgids()
    assert "Mots difficiles" in msgids and "Traduction automatique, non relue." in msgids
    assert len(msgids) >= 20
    assert i18n.catalog_languages() == sorted(DEFAULT_LANGS)
    for lang in DEFAULT_LANGS:
        ui = i18n.interface(lang)
        assert not ui.fallback and ui.untranslated == (), lang
        assert i18n.interface_warnings(lang) == []
        path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
        text = path.read_text(encoding="utf-8")
        assert "should review every line" in text  # written by developers, to be reviewed
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            wanted = sorted(re.findall(r"%\(\w+\)s", str(message.id)))
            assert sorted(re.findall(r"%\(\w+\)s", str(message.string))) == wanted, (
                lang,
                message.id,
            )
            assert message.string != message.id or message.id in ("Liens", "Status"), (
                lang,
                message.id,
            )


def test_pot_is_up_to_date_with_the_templates(tmp_path: Path) -> None:
    out = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "-q",
            "extract",
            "-F",
            str(i18n.LOCALE_DIR / "babel.cfg"),
            "-o",
            str(out),
            "--no-location",
            "--omit-header",
            str(ROOT / "src" / "cai_falc"),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    with out.open("rb") as handle:
        extracted = sorted(str(m.id) for m in read_po(handle) if m.id)
    assert extracted == sorted(i18n.template_msgids()), "run pybabel extract (see babel.cfg)"


def test_interface_strings_are_translated_on_the_page() -> None:
    tr = TranslatedBlocks(
        "uk",
        Segment("Вивчати французьку в Намюрі", "machine"),
        tuple(Segment("Речення.", "machine") for _ in samples.ARABIC),
        {
            w: (Segment("слово", "machine"), Segment("пояснення", "machine"))
            for w in samples.falc().words
        },
    )
    page = page_for(
        samples.fiche(),
        samples.falc(),
        translation=tr,
        settings=samples.settings(),
        date=samples.DAY,
    )
    html = Renderer(samples.settings()).fragment(page)
    for text in (
        "Складні слова",
        "Машинний переклад, ще не перевірений.",
        "Щоб дізнатися більше",
        "12 березня 2026\u202fр.",
    ):
        assert text in html
    assert "Mots difficiles" not in html and "Traduction automatique" not in html


def test_language_without_catalog_falls_back_visibly_and_is_reported() -> None:
    tr = TranslatedBlocks(
        "de",
        Segment("Französisch lernen in Namur"),
        tuple(Segment("Ein Satz.") for _ in samples.ARABIC),
        {w: (Segment("Wort"), Segment("Erklärung")) for w in samples.falc().words},
    )
    page = page_for(
        samples.fiche(),
        samples.falc(),
        translation=tr,
        settings=samples.settings(),
        date=samples.DAY,
    )
    assert len(page.warnings) == 1
    assert "langue 'de'" in page.warnings[0] and "en français" in page.warnings[0]
    html = Renderer(samples.settings()).fragment(page)
    assert (
        '<p class="cf-notice cf-notice-fallback" lang="fr" dir="ltr">Les textes de l’interface '
        "ne sont pas encore traduits dans cette langue : ils sont en français.</p>"
    ) in html
    assert "Mots difficiles" in html  # French interface, not a silent mix
    assert page.date_text == "12 mars 2026"  # the date follows the interface language


def test_incomplete_catalog_is_not_used_half_way(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "it" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (tmp_path / "messages.pot").write_bytes((i18n.LOCALE_DIR / "messages.pot").read_bytes())
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Mots difficiles"\nmsgstr "Parole difficili"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.interface.cache_clear()
    try:
        ui = i18n.interface("it")
        assert ui.fallback and "Pour en savoir plus" in ui.untranslated
        assert "Mots difficiles" not in ui.untranslated
        assert "texte(s) de l'interface non traduit(s)" in i18n.interface_warnings("it")[0]
    finally:
        i18n.interface.cache_clear()
