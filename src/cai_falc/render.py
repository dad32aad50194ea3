"""Leaflets (A5 PDF, WeasyPrint) and web pages from a FALC text, in every language.

``page_for`` gathers everything a page shows into one :class:`Page` (pure, no I/O);
:class:`Renderer` turns pages into bytes and strings with the Jinja templates (project
``templates/`` first, then the packaged ones). Same page in, same bytes out: the PDF's
dates come from the page, never from the clock, and nothing is fetched while rendering.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import jinja2
from markupsafe import Markup, escape

from . import i18n, templating
from .config import Settings
from .errors import TemplateError
from .fiche import Block, FalcText, Fiche

STATIC = Path(__file__).parent / "static"

#: Statuses of a translated block (engineer C's ``catalog.Translation``).
PUBLISHABLE = ("reviewed", "machine")


# ------------------------------------------------------------------ translations


class TranslatedBlock(Protocol):
    """One translated line: its text and status (reviewed | machine | missing | damaged)."""

    @property
    def text(self) -> str: ...

    @property
    def status(self) -> str: ...


class TranslationLike(Protocol):
    """What rendering needs from a translation: ``catalog.Translation`` fits it."""

    @property
    def lang(self) -> str: ...

    @property
    def title(self) -> Any: ...

    @property
    def blocks(self) -> Sequence[Any]: ...

    @property
    def words(self) -> Any: ...


@dataclass(frozen=True)
class Segment:
    """A translated text and its status; also the local stand-in for C's block type."""

    text: str
    status: str = "reviewed"


@dataclass(frozen=True)
class TranslatedBlocks:
    """A translation made by hand (tests, or before ``catalog.Translation`` exists).

    ``blocks`` follow ``FalcText.blocks()`` one to one; ``words`` map the French term to
    its translated (term, explanation).
    """

    lang: str
    title: Segment
    blocks: tuple[Segment, ...]
    words: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    model: str = ""


def _segment(value: Any, default_status: str = "reviewed") -> Segment:
    """A title, block or word of any translation object as a :class:`Segment`."""
    if value is None:
        return Segment("", "missing")
    if isinstance(value, str):
        return Segment(value, default_status if value.strip() else "missing")
    text = getattr(value, "text", None)
    if text is None:
        text = getattr(value, "target", "")
    status = str(getattr(value, "status", default_status))
    return Segment(str(text or ""), status if text else "missing")


# ------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Item:
    """A text shown on a page, with the language it is really in."""

    kind: str  # "title" | "heading" | "sentence" | "bullet" | "word" | "source"
    text: str
    lang: str
    dir: str
    #: source | reviewed | machine (a line in the source language has "source").
    status: str = "source"
    #: For words: the term (``text`` holds the explanation).
    term: str = ""


@dataclass(frozen=True)
class Group:
    """Consecutive lines of the same kind: sentences, or one bullet list."""

    kind: str
    lines: tuple[Item, ...]


@dataclass(frozen=True)
class Section:
    """A heading (or none, before the first one), its pictogram and its lines."""

    heading: Item | None
    icon: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Page:
    """Everything a leaflet or a web fragment shows, for one fiche in one language."""

    id: str
    lang: str
    dir: str
    title: str
    title_item: Item
    sections: tuple[Section, ...]
    words: tuple[Item, ...]
    #: draft | edited | validated (of the French FALC text).
    falc_status: str
    #: True when some text shown is machine translation nobody reviewed.
    machine: bool
    #: Lines shown in the source language because their translation is missing or damaged.
    untranslated: int
    organisation: str
    contact: str
    source_id: str
    source_title: str
    source_year: int
    source_lang: str
    date: datetime.date
    date_text: str
    model: str = ""
    #: Problems to report (French): interface fallback, missing translations.
    warnings: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """A prefix for element ids, unique per fiche and language on one host page."""
        return f"cf-{self.id}-{self.lang}"

    @property
    def source_label(self) -> str:
        """The source fiche's title, with its year in front when the title lacks it."""
        title = self.source_title
        return title if str(self.source_year) in title else f"{self.source_year} – {title}"

    @property
    def fiche_id(self) -> str:
        """The id of the fiche (same as ``id``)."""
        return self.id

    @property
    def source_item(self) -> Item:
        """How source-language texts (organisation, fiche title) are marked on the page."""
        return Item("source", "", self.source_lang, i18n.text_direction(self.source_lang))

    @property
    def blocks(self) -> list[Item]:
        """Every heading and line in reading order."""
        out: list[Item] = []
        for section in self.sections:
            if section.heading is not None:
                out.append(section.heading)
            for group in section.groups:
                out.extend(group.lines)
        return out


# ----------------------------------------------------------------- pictograms

#: Which pictogram goes beside a section, from words of its French heading. The same
#: theme gets the same picture on every leaflet and in every language.
_THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # The question a heading asks comes first: "Qui peut venir aux cours ?" is about people.
    ("contact", ("contact", "téléphone", "telephone", "joindre", "savoir plus")),
    ("people", ("qui",)),
    ("calendar", ("quand", "combien de temps")),
    ("place", ("où",)),
    ("document", ("inscrire", "inscription", "papier", "papiers", "document", "documents")),
    (
        "school",
        (
            "cours",
            "français",
            "formation",
            "apprendre",
            "école",
            "langue",
            "alphabétisation",
            "fle",
            "classe",
            "étudier",
        ),
    ),
    ("work", ("travail", "emploi", "métier", "job", "professionnel", "entreprise")),
    ("health", ("santé", "médecin", "soin", "soins", "hôpital")),
    ("home", ("logement", "maison", "habiter", "accueil")),
    ("calendar", ("date", "année", "horaire", "jour", "histoire", "depuis")),
    ("document", ("droit", "droits", "loi", "charte", "décret", "nationalité", "motion", "règle")),
    ("place", ("lieu", "adresse", "commune", "ville", "province", "namur", "wallonie")),
    ("speech", ("parler", "échange", "débat", "conférence", "rencontre", "dialogue", "réunion")),
    (
        "people",
        (
            "personne",
            "personnes",
            "famille",
            "femme",
            "femmes",
            "enfant",
            "enfants",
            "jeune",
            "jeunes",
            "citoyen",
            "communauté",
            "public",
            "bénévole",
            "migrant",
            "étranger",
            "étrangers",
            "étrangères",
            "nouveaux",
        ),
    ),
)
ICONS = (
    "people",
    "calendar",
    "place",
    "school",
    "work",
    "home",
    "health",
    "document",
    "speech",
    "contact",
    "info",
)


def icon_for(heading: str) -> str:
    """The pictogram of a section from its French heading ("info" when nothing matches)."""
    if re.search(r"\b(1[89]|20)\d\d\b", heading):  # "En 2010", "De 2015 à 2017"
        return "calendar"
    folded = heading.casefold().replace("’", "'")
    words = set(re.findall(r"\w+", folded))  # elisions split: "s'inscrire" -> "inscrire"
    for name, keys in _THEMES:
        for key in keys:
            if (
                (" " in key and key in folded)
                or key in words
                or (len(key) > 5 and any(w.startswith(key) for w in words))
            ):
                return name
    return "info"


# ------------------------------------------------------------------ building pages


def page_for(
    fiche: Fiche,
    falc: FalcText,
    *,
    translation: TranslationLike | None = None,
    settings: Settings,
    date: datetime.date | None = None,
) -> Page:
    """Everything a leaflet or fragment shows, for a fiche in French or in a translation."""
    source = settings.project.source_language
    lang = translation.lang if translation is not None else source
    direction = i18n.text_direction(lang)
    src_dir = i18n.text_direction(source)
    blocks = falc.blocks()
    warnings: list[str] = list(i18n.interface_warnings(lang))
    machine = False
    untranslated = 0

    def choose(kind: str, french: str, seg: Segment | None, term: str = "") -> Item:
        nonlocal machine, untranslated
        if seg is None:
            return Item(kind, french, source, src_dir, "source", term)
        if seg.status in PUBLISHABLE and seg.text.strip():
            machine = machine or seg.status == "machine"
            return Item(kind, seg.text, lang, direction, seg.status, term)
        untranslated += 1
        return Item(kind, french, source, src_dir, "source", term)

    segments: list[Segment | None] = [None] * len(blocks)
    title_seg: Segment | None = None
    word_items: list[Item] = []
    if translation is not None:
        title_seg = _segment(translation.title)
        given = list(translation.blocks)
        if len(given) != len(blocks):
            warnings.append(
                f"fiche '{falc.id}', langue '{lang}' : la traduction a {len(given)} ligne(s) "
                f"pour {len(blocks)} dans le texte FALC ; les lignes sans traduction restent "
                "en français."
            )
        for i in range(len(blocks)):
            segments[i] = _segment(given[i]) if i < len(given) else Segment("", "missing")
    title_item = choose("title", falc.title, title_seg)
    words_tr = _words_of(translation) if translation is not None else {}
    for term, explanation in falc.words.items():
        if translation is None:
            word_items.append(Item("word", explanation, source, src_dir, "source", term))
            continue
        missing = Segment("", "missing")
        term_seg, expl_seg = words_tr.get(term, (missing, missing))
        if term_seg.status in PUBLISHABLE and term_seg.text.strip():
            machine = machine or term_seg.status == "machine"
            item = choose("word", explanation, expl_seg, term_seg.text)
            if item.lang == source:  # explanation missing: the whole word stays French
                item = dataclasses.replace(item, term=term)
        else:
            item = choose("word", explanation, missing, term)
        word_items.append(item)
    items = [choose(b.kind, b.text, seg) for b, seg in zip(blocks, segments, strict=True)]
    items = _bold_first_use(items, word_items)
    sections = _sections(blocks, items)
    if untranslated:
        warnings.append(
            f"fiche '{falc.id}', langue '{lang}' : {untranslated} ligne(s) sans traduction "
            "publiable (manquante ou abîmée) restent en français, marquées comme telles."
        )
    day = date or datetime.date.today()
    model = ""
    if translation is not None:
        models = getattr(translation, "models", None)
        model = ", ".join(models) if models else str(getattr(translation, "model", "") or "")
    return Page(
        id=falc.id,
        lang=lang,
        dir=direction,
        title=title_item.text,
        title_item=title_item,
        sections=sections,
        words=tuple(word_items),
        falc_status=falc.status,
        machine=machine,
        untranslated=untranslated,
        organisation=settings.project.organisation,
        contact=settings.project.contact,
        source_id=fiche.id,
        source_title=fiche.title,
        source_year=fiche.year,
        source_lang=source,
        date=day,
        date_text=i18n.format_day(day, i18n.interface(lang).strings_lang),
        model=model,
        warnings=tuple(warnings),
    )


def _words_of(translation: TranslationLike) -> dict[str, tuple[Segment, Segment]]:
    """Translated words as French term -> (term, explanation) segments.

    Accepts ``catalog.Translation.words`` (pairs of blocks whose ``source`` is the French
    term and explanation) and :class:`TranslatedBlocks` words (a mapping by French term).
    """
    raw = translation.words
    out: dict[str, tuple[Segment, Segment]] = {}
    if isinstance(raw, Sequence):
        for pair in raw:
            term_block, explanation_block = pair
            out[str(getattr(term_block, "source", ""))] = (
                _segment(term_block),
                _segment(explanation_block),
            )
    elif isinstance(raw, Mapping):
        for term, value in raw.items():
            if isinstance(value, tuple) and len(value) == 2:
                out[str(term)] = (_segment(value[0]), _segment(value[1]))
            else:
                out[str(term)] = (Segment(str(term), "source"), _segment(value))
    return out


def _bold_first_use(items: list[Item], words: list[Item]) -> list[Item]:
    """Put each difficult word in bold where the text first uses it (FALC: bold what
    matters, and the reader finds it again in the "Mots difficiles" box)."""
    out = list(items)
    for word in words:
        term = word.term.replace("**", "").strip()
        if not term:
            continue
        pattern = re.compile(rf"(?<![\w*]){re.escape(term)}(?![\w*])", re.IGNORECASE)
        for i, item in enumerate(out):
            if item.kind == "heading" or item.lang != word.lang:
                continue
            if f"**{term.casefold()}" in item.text.casefold():
                break  # already bold where the writer wanted it
            plain = _BOLD_RE.sub(lambda m: "\0" * len(m.group(0)), item.text)
            match = pattern.search(plain)
            if match is not None:
                text = item.text
                bolded = f"{text[: match.start()]}**{text[match.start() : match.end()]}**"
                out[i] = dataclasses.replace(item, text=bolded + text[match.end() :])
                break
    return out


def _sections(blocks: list[Block], items: list[Item]) -> tuple[Section, ...]:
    """Group lines under their headings; lines before the first heading get "info"."""
    out: list[Section] = []
    heading: Item | None = None
    icon = "info"
    lines: list[Item] = []

    def close() -> None:
        if heading is None and not lines:
            return
        groups: list[Group] = []
        for item in lines:
            kind = "bullet" if item.kind == "bullet" else "sentence"
            if groups and groups[-1].kind == kind:
                groups[-1] = Group(kind, (*groups[-1].lines, item))
            else:
                groups.append(Group(kind, (item,)))
        out.append(Section(heading, icon, tuple(groups)))

    for block, item in zip(blocks, items, strict=True):
        if block.kind == "heading":
            close()
            heading, icon, lines = item, icon_for(block.text), []
        else:
            lines.append(item)
    close()
    return tuple(out)


# ------------------------------------------------------------------ inline text

_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
#: Left-to-right runs inside right-to-left text: URLs, e-mails, phone numbers, numbers
#: and Latin words. Each is isolated in <bdi> so "+32 81 73 71 76" is not reordered.
_LTR_RE = re.compile(
    r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+?\d[\d\s./-]*\d(?:\s?h\s?\d{2})?"
    r"|[A-Za-zÀ-ɏ0-9][A-Za-zÀ-ɏ0-9’'.\-/ ]*[A-Za-zÀ-ɏ0-9]"
    r"|[A-Za-zÀ-ɏ0-9]"
)


def inline_markup(text: str, *, rtl: bool, bold: bool = True) -> Markup:
    """Escaped text with ``**bold**`` as <strong> and, in RTL, LTR runs in <bdi>."""
    parts: list[str] = []
    pos = 0
    pieces: list[tuple[str, bool]] = []
    if bold:
        for match in _BOLD_RE.finditer(text):
            pieces.append((text[pos : match.start()], False))
            pieces.append((match.group(1), True))
            pos = match.end()
    pieces.append((text[pos:], False))
    for piece, strong in pieces:
        if not piece:
            continue
        html = _isolate(piece) if rtl else str(escape(piece))
        parts.append(f"<strong>{html}</strong>" if strong else html)
    return Markup("".join(parts))


def _isolate(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _LTR_RE.finditer(text):
        out.append(str(escape(text[pos : match.start()])))
        out.append(f'<bdi dir="ltr">{escape(match.group(0))}</bdi>')
        pos = match.end()
    out.append(str(escape(text[pos:])))
    return "".join(out)


# ------------------------------------------------------------------ rendering

PAGE_SIZES = ("A4", "A5", "A6", "B5", "letter")


@dataclass(frozen=True)
class Links:
    """Where a page's files go, relative to the output folder (and to each other)."""

    pdf: str
    fragment: str
    preview: str


def page_links(page: Page) -> Links:
    """Output paths of a page, relative to the output folder (the layout of ``build``).

    ``<lang>/<id>.pdf`` the leaflet, ``<lang>/<id>.html`` the fragment to paste into the
    website, ``<lang>/<id>.preview.html`` the page to look at it.
    """
    return Links(
        pdf=f"{page.lang}/{page.id}.pdf",
        fragment=f"{page.lang}/{page.id}.html",
        preview=f"{page.lang}/{page.id}.preview.html",
    )


def _refuse_fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> dict[str, Any]:
    """WeasyPrint URL fetcher that fetches nothing: leaflets use no outside resource."""
    raise ValueError(f"cai-falc leaflets load no external resource (asked for {url!r})")


class Renderer:
    """Renders pages with the project's templates (or the packaged ones)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        size = settings.render.page_size
        if size not in PAGE_SIZES:
            from .errors import ConfigError

            raise ConfigError(
                [f"Config value 'render.page_size': {size!r} is not one of {', '.join(PAGE_SIZES)}"]
            )
        self._envs: dict[str, jinja2.Environment] = {}
        self._css: list[Any] | None = None

    # -- environments

    def environment(self, lang: str) -> jinja2.Environment:
        """The template environment with ``lang``'s interface strings installed."""
        if lang not in self._envs:
            env = templating.environment(self.settings.path("templates"))
            env.install_gettext_translations(  # type: ignore[attr-defined]
                i18n.interface(lang).translations, newstyle=True
            )
            env.filters["inline"] = _inline_filter
            env.filters["source_text"] = _source_filter
            env.globals["page_number"] = Markup('<span class="cf-page-number"></span>')
            env.globals["page_count"] = Markup('<span class="cf-page-count"></span>')
            self._envs[lang] = env
        return self._envs[lang]

    def _render(self, lang: str, name: str, **context: Any) -> str:
        return templating.render(self.environment(lang), name, **context)

    # -- outputs

    def fragment(self, page: Page) -> str:
        """The embeddable ``<section>`` of a page (no script, no style, nothing fetched)."""
        return self._render(page.lang, "fragment.html", page=page, ui=i18n.interface(page.lang))

    def preview(self, page: Page) -> str:
        """A stand-alone HTML document showing the fragment, linked to the PDF and index."""
        # The preview sits beside the PDF in <lang>/, the index one folder up.
        pdf = page_links(page).pdf.rsplit("/", 1)[-1]
        return self._render(
            page.lang,
            "preview.html",
            page=page,
            ui=i18n.interface(page.lang),
            links={"index": "../index.html", "pdf": pdf},
            fragment=Markup(self.fragment(page)),
            html_lang=page.lang,
            html_dir=page.dir,
            source_lang=page.source_lang,
            organisation=page.organisation,
            stylesheet=_stylesheet("site.css", "fragment.css"),
        )

    def index(self, pages: Sequence[Page]) -> str:
        """The index page: every fiche and language, with links to every file."""
        source = self.settings.project.source_language
        entries: dict[str, dict[str, Any]] = {}
        gettext = i18n.interface(source).translations.gettext
        for page in sorted(pages, key=lambda p: (p.source_year, p.id)):
            entry = entries.setdefault(
                page.id, {"id": page.id, "title": page.source_label, "rows": []}
            )
            if page.lang == source:
                status = (
                    gettext("Texte facile à lire, relu par des lecteurs.")
                    if page.falc_status == "validated"
                    else gettext("Brouillon")
                )
            elif page.machine or page.untranslated:
                status = gettext("Traduction automatique")
            else:
                status = gettext("Traduction relue")
            entry["rows"].append(
                {
                    "lang": page.lang,
                    "dir": page.dir,
                    "language": i18n.language_name(page.lang),
                    "language_here": i18n.language_name(page.lang, in_lang=source),
                    "status": status,
                    "links": page_links(page),
                }
            )
        for entry in entries.values():
            entry["rows"].sort(key=lambda r: (r["lang"] != source, r["lang"]))
        return self._render(
            source,
            "index.html",
            entries=list(entries.values()),
            html_lang=source,
            html_dir=i18n.text_direction(source),
            source_lang=source,
            organisation=self.settings.project.organisation,
            stylesheet=_stylesheet("site.css"),
        )

    def stylesheet(self) -> str:
        """The small stylesheet for hosts that embed fragments (all classes ``cf-``)."""
        return str(_stylesheet("fragment.css"))

    def leaflet_html(self, page: Page) -> str:
        """The HTML that becomes the leaflet PDF."""
        html = self._render(page.lang, "leaflet.html", page=page, ui=i18n.interface(page.lang))
        # WeasyPrint (70) sometimes breaks a line far too early when a bold word follows a
        # space near the end of the line (its inline line breaking, Kozea/WeasyPrint#1614):
        # "Le" alone, then the rest. With the space inside <strong> it breaks correctly.
        # Safe: text from fiches is escaped, so "<strong>" here is always our own tag.
        return html.replace(" <strong>", "<strong> ")

    def leaflet_pdf(self, page: Page) -> bytes:
        """The A5 leaflet as PDF bytes: tagged, fonts embedded, same page -> same bytes."""
        weasyprint = import_weasyprint()
        html = weasyprint.HTML(
            string=self.leaflet_html(page),
            base_url=str(STATIC),
            url_fetcher=_refuse_fetch,
        )
        try:
            pdf = html.write_pdf(
                stylesheets=self._stylesheets(),
                pdf_tags=True,
                pdf_variant="pdf/ua-1",
                pdf_identifier=f"cai-falc/{page.id}/{page.lang}".encode(),
                uncompressed_pdf=False,
            )
        except Exception as exc:  # WeasyPrint reports template/CSS problems broadly
            raise TemplateError(
                f"leaflet '{page.id}' ({page.lang}): PDF rendering failed: {exc}"
            ) from exc
        assert isinstance(pdf, bytes)
        return pdf

    def warm(self) -> None:
        """Load WeasyPrint, the stylesheets and the fonts now (a render worker does this
        while the build still simplifies), so that the first leaflet does not wait for
        them. A few words in the leaflet's styles, regular and bold, load the fonts: the
        first PDF of a process takes a third longer without it."""
        weasyprint = import_weasyprint()
        warm_up = (
            '<html lang="fr"><body><h1>Titre</h1><p>Un <strong>mot</strong> clé.</p>'
            "</body></html>"
        )
        weasyprint.HTML(string=warm_up, url_fetcher=_refuse_fetch).write_pdf(
            stylesheets=self._stylesheets()
        )

    def _stylesheets(self) -> list[Any]:
        if self._css is None:
            weasyprint = import_weasyprint()
            r = self.settings.render
            # Settings become CSS here, as numbers validated by config: nothing from a
            # fiche ever reaches a stylesheet.
            settings_css = (
                f"@page {{ size: {r.page_size}; }}\n"
                f"html {{ font-size: {float(r.font_size_pt):.1f}pt; }}\n"
            )
            self._css = [
                weasyprint.CSS(filename=str(STATIC / "leaflet.css"), url_fetcher=_refuse_fetch),
                weasyprint.CSS(string=settings_css),
            ]
            project_css = self.settings.path("templates") / "leaflet.css"
            if project_css.is_file():
                self._css.append(
                    weasyprint.CSS(filename=str(project_css), url_fetcher=_refuse_fetch)
                )
        return self._css


def import_weasyprint() -> Any:
    """WeasyPrint, imported without its slow search for C libraries on Linux.

    For each C library (gobject, pango, harfbuzz...) WeasyPrint tries several names in
    turn; each name that ``dlopen`` refuses goes to ``ctypes.util.find_library``, which
    runs ``ldconfig`` and ``gcc`` in subprocesses: 0.2-0.3 s on every build that renders
    a leaflet. On Linux each list holds the library's soname (``libpango-1.0.so.0``),
    which ``dlopen`` finds by itself, so the search is switched off during the import.
    Should that fail on some system, the import is done again the usual way.
    """
    import sys

    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes.util
        import io

        real = ctypes.util.find_library
        ctypes.util.find_library = _no_library_search
        try:
            # WeasyPrint prints advice before failing; the second try prints it if needed.
            with contextlib.redirect_stdout(io.StringIO()):
                import weasyprint

            return weasyprint
        except OSError:
            for name in [m for m in sys.modules if m.partition(".")[0] == "weasyprint"]:
                del sys.modules[name]
        finally:
            ctypes.util.find_library = real
    import weasyprint

    return weasyprint


def _no_library_search(name: str) -> None:
    """Stands in for ``ctypes.util.find_library`` while WeasyPrint is imported."""
    return None


def _source_filter(text: str, page: Page) -> Markup:
    """A source-language text (fiche title, organisation) marked as such on a translation."""
    if page.source_lang == "fr":
        text = french_spacing(text)
    if page.lang == page.source_lang:
        return Markup(escape(text))
    return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(
        page.source_lang, i18n.text_direction(page.source_lang), text
    )


def _inline_filter(text: str, item: Item, page: Page, bold: bool = True) -> Markup:
    if item.lang == "fr":
        text = french_spacing(text)
    return inline_markup(text, rtl=item.dir == "rtl", bold=bold)


_FR_SPACE_RE = re.compile(r"«[ \t]+|[ \t]+([»:;!?])")


def french_spacing(text: str) -> str:
    """Non-breaking spaces inside « » and before : ; ! ? (French typography).

    The fiches' own non-breaking spaces become plain ones on import; without them a
    line can end on « or start with », splitting a name over two lines.
    """
    return _FR_SPACE_RE.sub(lambda m: "\u00a0" + m.group(1) if m.group(1) else "«\u00a0", text)


@functools.lru_cache(maxsize=8)
def _stylesheet(*names: str) -> Markup:
    """Packaged static CSS, read once; it is the package's own file, never user text."""
    return Markup("\n".join((STATIC / n).read_text(encoding="utf-8") for n in names))
