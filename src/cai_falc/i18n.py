"""Languages of the pages people read: interface strings, names, direction, dates.

Interface strings ("Mots difficiles", the machine-translation notice...) are written in
French in the templates and extracted with Babel into ``locale/messages.pot``; each
language has ``locale/<lang>/LC_MESSAGES/messages.po``, compiled in memory when first
used (no ``.mo`` file to forget to rebuild). A language whose catalog is missing or
incomplete gets the French strings *and* a visible notice, and a warning: never a page
where half the interface is silently in another language.
"""

from __future__ import annotations

import datetime
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
#: The language the templates' msgids are written in.
INTERFACE_SOURCE = "fr"


@dataclass(frozen=True)
class Interface:
    """The interface strings to use for one language, and what was not translated."""

    lang: str
    #: Language the strings really are in: ``lang``, or ``fr`` when falling back.
    strings_lang: str
    translations: NullTranslations = field(compare=False)
    #: msgids with no translation in the catalog (empty when complete).
    untranslated: tuple[str, ...] = ()

    @property
    def fallback(self) -> bool:
        """True when the page's interface strings are French instead of ``lang``."""
        return self.strings_lang != self.lang


def locale(lang: str) -> Locale:
    """The Babel locale of a language code; French for a code Babel does not know."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(INTERFACE_SOURCE)


def text_direction(lang: str) -> str:
    """``rtl`` for Arabic, Persian, Hebrew...; ``ltr`` otherwise."""
    return str(locale(lang).text_direction)


def language_name(lang: str, *, in_lang: str | None = None) -> str:
    """The language's name, by default in the language itself ("العربية", "Українська")."""
    name = locale(lang).get_display_name(locale(in_lang or lang)) or lang
    return name[:1].upper() + name[1:]


def format_day(day: datetime.date, lang: str) -> str:
    """A date written in full for the language ("26 novembre 2026", "26 نوفمبر 2026")."""
    return str(format_date(day, format="long", locale=locale(lang)))


def format_number(number: float, lang: str) -> str:
    """A number with the language's separators."""
    return str(format_decimal(number, locale=locale(lang)))


def template_msgids() -> list[str]:
    """The msgids of ``messages.pot`` (what the templates ask to translate)."""
    catalog = _read_catalog(LOCALE_DIR / f"{DOMAIN}.pot")
    return [str(m.id) for m in catalog if m.id and isinstance(m.id, str)]


def catalog_languages() -> list[str]:
    """Languages that have an interface catalog in the package."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@functools.lru_cache(maxsize=64)
def interface(lang: str) -> Interface:
    """Interface strings for ``lang``: its catalog when complete, else French plus a notice."""
    if lang == INTERFACE_SOURCE:
        return Interface(lang, lang, NullTranslations())
    wanted = template_msgids()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return Interface(lang, INTERFACE_SOURCE, NullTranslations(), tuple(wanted))
    catalog = _read_catalog(path)
    missing = tuple(
        m for m in wanted if m not in catalog or not catalog[m].string or catalog[m].fuzzy
    )
    if missing:
        return Interface(lang, INTERFACE_SOURCE, NullTranslations(), missing)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Interface(lang, lang, Translations(fp=buffer, domain=DOMAIN))


def interface_warnings(lang: str) -> list[str]:
    """French warnings when ``lang``'s interface strings fall back to French."""
    found = interface(lang)
    if not found.fallback:
        return []
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return [
            f"langue '{lang}' : les textes de l'interface ne sont pas traduits ({path} "
            "n'existe pas) ; les pages montrent l'interface en français avec un avertissement."
        ]
    return [
        f"langue '{lang}' : {len(found.untranslated)} texte(s) de l'interface non traduit(s) "
        f"dans {path} (par exemple « {found.untranslated[0]} ») ; les pages montrent "
        "l'interface en français avec un avertissement."
    ]


def _read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)
