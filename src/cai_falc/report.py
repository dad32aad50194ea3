"""The reviewer report: per fiche and language, scores before and after, findings in place.

:func:`build_report` is the stage (entries in, a :class:`Report` out, no I/O);
:func:`write_report` writes ``index.html`` and ``report.json``. The build keeps each
fiche's part (:class:`FichePart`: its figures, its section of the page, its entry of
``report.json``) and puts the page and the JSON together from the parts, so that one
changed fiche costs one fiche's work (:func:`write_for_build`). The page works opened
from disk: no server, no script, no external resource; charts are inline SVG built here
from numbers only, and every text from a fiche is escaped by the template engine.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from . import __version__, storage, templating
from .check import CheckResult, check_falc, check_fiche, check_text
from .config import Settings
from .errors import CaiFalcError
from .fiche import FALC_SUFFIX, FalcText, Fiche
from .glossary import Glossary
from .rules import ORDER, RULES, Finding

#: Rules whose findings cover a whole sentence: underlined, not highlighted word by word.
SENTENCE_RULES = frozenset(
    ["long-sentence", "one-idea", "one-sentence-per-line", "enumeration", "nominalisation",
     "address-reader", "title-question"]
)
_RANK = {"error": 0, "warning": 1, "info": 2}
#: Reference figures of real French FALC (ETR-fr corpus, FALC_RULES.md).
REFERENCE = {"words_per_sentence": 7.0, "kandel_moles": 94.0}


# ------------------------------------------------------------------------- model


@dataclass
class ReportEntry:
    """What the report shows for one fiche; the pipeline fills what it has."""

    fiche: Fiche
    falc: FalcText | None = None
    #: The simplifier's steps (objects with operation, before, after, reason).
    trace: Sequence[Any] = ()
    #: Translations by language (``catalog.Translation``: title, blocks with status).
    translations: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Step:
    """One step of the simplification trace, as shown."""

    operation: str
    before: str
    after: str
    reason: str


@dataclass
class Line:
    """One line of a text, its real number and its HTML with findings marked."""

    number: int
    html: Markup
    #: Review status of a translated line (``machine``, ``reviewed``), else "".
    status: str = ""


@dataclass
class TextView:
    """A checked text ready to show: its lines and its findings, numbered."""

    result: CheckResult
    lines: list[Line]
    findings: list[tuple[int, Finding]]


@dataclass
class LanguageReport:
    """A translation of a FALC text: figures, findings and review status."""

    lang: str
    view: TextView
    counts: dict[str, int]
    models: list[str]
    #: French blocks without a usable translation (missing or damaged).
    missing: list[str] = field(default_factory=list)

    @property
    def machine(self) -> int:
        return self.counts.get("machine", 0)

    @property
    def status(self) -> str:
        c = self.counts
        if c.get("missing", 0) or c.get("damaged", 0):
            return "incomplete"
        if c.get("machine", 0):
            return "machine"
        return "reviewed"


@dataclass
class FicheReport:
    """Everything the report says about one fiche."""

    id: str
    title: str
    year: int
    source: TextView
    falc: TextView | None
    falc_status: str
    stale: bool
    trace: list[Step]
    languages: list[LanguageReport]
    chart: Markup

    @property
    def errors(self) -> int:
        return self.falc.result.count("error") if self.falc else self.source.result.count("error")


@dataclass
class Report:
    """The whole report."""

    fiches: list[FicheReport]
    thresholds: dict[str, Any]
    languages: list[str]
    overview_chart: Markup
    version: str = __version__

    def as_dict(self, *, fiches: bool = True) -> dict[str, Any]:
        """The JSON form (``report.json``); without the fiches' entries if not ``fiches``."""
        data: dict[str, Any] = {
            "version": self.version,
            "thresholds": self.thresholds,
            "languages": self.languages,
        }
        if fiches:
            data["fiches"] = [fiche_dict(f) for f in self.fiches]
        return data


def fiche_dict(f: FicheReport) -> dict[str, Any]:
    """A fiche's entry in the JSON form of the report."""

    def result(r: CheckResult | None) -> dict[str, Any] | None:
        return r.as_dict() if r is not None else None

    return {
        "id": f.id,
        "title": f.title,
        "year": f.year,
        "falc_status": f.falc_status,
        "stale": f.stale,
        "source": result(f.source.result),
        "falc": result(f.falc.result if f.falc else None),
        "trace": [vars(s) for s in f.trace],
        "translations": [
            {
                "lang": lang.lang,
                "status": lang.status,
                "blocks": lang.counts,
                "models": lang.models,
                "check": lang.view.result.as_dict(),
            }
            for lang in f.languages
        ],
    }


#: Where a fiche's number goes in its section, rendered before its place is known.
_NUMBER = Markup("\x00cai-falc-fiche-number\x00")


@dataclass
class FichePart:
    """A fiche's part of the report, made once and kept by the build: its figures, its
    section of the page (cut where its number goes) and its entry of ``report.json``."""

    report: FicheReport
    html: list[str]
    json: str

    def section(self, number: int) -> Markup:
        """The fiche's section of the page, as the ``number``-th fiche of the report."""
        return Markup(str(number).join(self.html))


# ------------------------------------------------------------------- highlighting


def highlight(
    text: str, findings: Sequence[Finding], *, prefix: str = "f"
) -> list[tuple[int, Markup]]:
    """The text cut into lines (1-based number within ``text``), findings marked in place.

    Findings may overlap: the text is cut at every finding boundary and every line end,
    and each piece gets the classes of the findings covering it (word findings as a
    background, sentence findings as an underline), so no mark ever spans two lines.
    """
    cuts = {0, len(text)}
    for f in findings:
        if f.end > f.start:
            cuts.update((max(0, f.start), min(len(text), f.end)))
    cuts.update(i for i, c in enumerate(text) if c == "\n")
    cuts.update(i + 1 for i, c in enumerate(text) if c == "\n")
    points = sorted(cuts)
    numbered = list(enumerate(findings, 1))
    out: list[str] = []
    for a, b in itertools.pairwise(points):
        piece = text[a:b]
        if not piece:
            continue
        if piece == "\n":
            out.append("\n")
            continue
        covering = [(n, f) for n, f in numbered if f.start <= a and b <= f.end and f.end > f.start]
        if not covering:
            out.append(str(escape(piece)))
            continue
        word = [(n, f) for n, f in covering if f.rule not in SENTENCE_RULES]
        sentence = [(n, f) for n, f in covering if f.rule in SENTENCE_RULES]
        classes = []
        if word:
            classes.append("w-" + min((f.severity for _, f in word), key=_RANK.__getitem__))
        if sentence:
            classes.append("s-" + min((f.severity for _, f in sentence), key=_RANK.__getitem__))
        title = " · ".join(f"[{n}] {f.rule} : {f.message}" for n, f in covering)
        first = min(n for n, _ in covering)
        out.append(
            f'<a class="f {" ".join(classes)}" href="#{escape(prefix)}-{first}" '
            f'title="{escape(title)}">{escape(piece)}</a>'
        )
    html = "".join(out)
    return [(i + 1, Markup(line)) for i, line in enumerate(html.split("\n"))]


def view(result: CheckResult, *, prefix: str, first_line: int = 1) -> TextView:
    """A checked text as lines with marks; anchors are ``prefix-N`` for finding N."""
    lines = []
    for number, html in highlight(result.text, result.findings, prefix=prefix):
        if not html.strip():
            continue
        lines.append(Line(number + first_line - 1, html))
    return TextView(result, lines, list(enumerate(result.findings, 1)))


# ------------------------------------------------------------------------- charts


def _bar_color(words: int, warn: int, error: int) -> str:
    return "#c62828" if words > error else "#ef8f00" if words > warn else "#2e7d6b"


def sentence_chart(
    before: CheckResult, after: CheckResult | None, *, warn: int, error: int
) -> Markup:
    """Words per sentence, one bar per sentence, source above and FALC below (SVG)."""
    rows = [("Fiche source", before)] + ([("Texte FALC", after)] if after is not None else [])
    width, label_w, row_h, gap = 720, 110, 70, 26
    # Bars are cut at 45 words: a 90-word sentence must not flatten the FALC row.
    most = min(45, max([error + 5] + [s.words for _, r in rows for s in r.metrics.per_sentence]))
    height = len(rows) * (row_h + gap) + 10
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="Mots par phrase">'
    ]
    for i, (label, r) in enumerate(rows):
        top = 10 + i * (row_h + gap)
        base = top + row_h
        sents = r.metrics.per_sentence
        n = max(1, len(sents))
        step = (width - label_w - 10) / n
        bar_w = max(1.0, min(14.0, step * 0.8))
        parts.append(
            f'<text x="0" y="{top + 14}" class="lbl">{escape(label)}</text>'
            f'<text x="0" y="{top + 30}" class="sub">{len(sents)} phrases</text>'
        )
        for limit, cls in ((warn, "warn"), (error, "err")):
            y = base - row_h * limit / most
            parts.append(
                f'<line x1="{label_w}" x2="{width - 5}" y1="{y:.1f}" y2="{y:.1f}" class="{cls}"/>'
            )
        for k, s in enumerate(sents):
            h = row_h * min(s.words, most) / most
            x = label_w + k * step
            parts.append(
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{_bar_color(s.words, warn, error)}"><title>ligne {s.line} : '
                f"{s.words} mots</title></rect>"
            )
        parts.append(
            f'<line x1="{label_w}" x2="{width - 5}" y1="{base}" y2="{base}" class="axis"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def overview_chart(fiches: Sequence[FicheReport], *, warn: int, error: int) -> Markup:
    """Words per sentence of every fiche, before (grey) and after (green), thresholds."""
    width, label_w, bar_h = 720, 40, 9
    rows = len(fiches)
    height = rows * (2 * bar_h + 10) + 30
    most = max(
        [error + 5.0]
        + [f.source.result.metrics.words_per_sentence for f in fiches]
        + [f.falc.result.metrics.words_per_sentence for f in fiches if f.falc]
    )
    scale = (width - label_w - 10) / most
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="Mots par phrase, avant et après">'
    ]
    for limit, cls, name in ((warn, "warn", f"{warn}"), (error, "err", f"{error}")):
        x = label_w + limit * scale
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height - 18}" class="{cls}"/>'
            f'<text x="{x:.1f}" y="{height - 4}" class="sub" text-anchor="middle">{name}</text>'
        )
    for i, f in enumerate(fiches):
        top = 6 + i * (2 * bar_h + 10)
        before = f.source.result.metrics.words_per_sentence
        parts.append(f'<text x="0" y="{top + bar_h + 4}" class="sub">{i + 1}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{top}" width="{before * scale:.1f}" height="{bar_h}" '
            f'class="before"><title>{escape(f.title)} : source {before:.1f} mots par phrase'
            "</title></rect>"
        )
        if f.falc is not None:
            after = f.falc.result.metrics.words_per_sentence
            parts.append(
                f'<rect x="{label_w}" y="{top + bar_h}" width="{after * scale:.1f}" '
                f'height="{bar_h}" class="after"><title>{escape(f.title)} : FALC {after:.1f} '
                "mots par phrase</title></rect>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


# -------------------------------------------------------------------------- stage


def _translation_text(translation: Any) -> tuple[str, list[str], list[str]]:
    """A translation as one text, a block per line (headings and bullets marked), the
    review status of each line, and the French of the blocks that have no translation."""
    lines: list[str] = []
    statuses: list[str] = []
    missing: list[str] = []
    title = getattr(translation, "title", None)
    blocks = [title] if title is not None else []
    blocks += list(getattr(translation, "blocks", []))
    for block in blocks:
        if not block.text:
            missing.append(str(getattr(block, "source", "")))
            continue
        prefix = {"title": "# ", "heading": "## ", "bullet": "- "}.get(block.kind, "")
        lines.append(prefix + " ".join(block.text.split()))
        statuses.append(block.status)
    return "\n".join(lines), statuses, missing


def _steps(trace: Iterable[Any]) -> list[Step]:
    return [
        Step(
            str(getattr(s, "operation", "")), str(getattr(s, "before", "")),
            str(getattr(s, "after", "")), str(getattr(s, "reason", "")),
        )
        for s in trace
    ]


def fiche_report(
    entry: ReportEntry,
    *,
    settings: Settings,
    glossary: Glossary | None = None,
    falc_check: CheckResult | None = None,
) -> FicheReport:
    """Check one fiche, its FALC text and its translations: its part of the report.

    ``falc_check`` is the FALC text's :func:`~cai_falc.check.check_falc` result when the
    caller already has it (the build's check stage); it is not changed.
    """
    c = settings.check
    fiche = entry.fiche
    source = check_fiche(fiche, settings=settings, glossary=glossary)
    source.path = storage.project_name(source.path, settings.root)
    falc_view: TextView | None = None
    if entry.falc is not None:
        if falc_check is None:
            falc_result = check_falc(entry.falc, fiche=fiche, settings=settings, glossary=glossary)
        else:
            # A copy: the caller's result keeps its path. The path is the one check_falc
            # gives this file where it is now (a kept result may come from elsewhere).
            falc_result = dataclasses.replace(
                falc_check, path=str(entry.falc.path or f"{entry.falc.id}{FALC_SUFFIX}")
            )
        falc_result.path = storage.project_name(falc_result.path, settings.root)
        falc_view = view(falc_result, prefix=f"{fiche.id}-falc")
    languages = []
    for lang, translation in sorted(entry.translations.items()):
        text, statuses, missing = _translation_text(translation)
        result = check_text(
            text, lang=lang, settings=settings, path=f"translations/{lang}.po", falc=True
        )
        counts = dict(translation.counts()) if hasattr(translation, "counts") else {}
        models = list(getattr(translation, "models", []) or [])
        shown = view(result, prefix=f"{fiche.id}-{lang}")
        for line in shown.lines:
            line.status = statuses[line.number - 1] if line.number <= len(statuses) else ""
        languages.append(LanguageReport(lang, shown, counts, models, missing))
    return FicheReport(
        id=fiche.id,
        title=fiche.title,
        year=fiche.year,
        source=view(source, prefix=f"{fiche.id}-src"),
        falc=falc_view,
        falc_status=entry.falc.status if entry.falc is not None else "absent",
        stale=entry.falc is not None
        and bool(entry.falc.source_hash)
        and entry.falc.is_stale(fiche),
        trace=_steps(entry.trace),
        languages=languages,
        chart=sentence_chart(
            source,
            falc_view.result if falc_view else None,
            warn=c.long_sentence_warning,
            error=c.long_sentence_error,
        ),
    )


def build_report(
    entries: Sequence[ReportEntry],
    *,
    settings: Settings,
    glossary: Glossary | None = None,
) -> Report:
    """Check every fiche, FALC text and translation and gather the report (the build
    keeps the fiches' parts instead: :func:`write_for_build`)."""
    fiches = [fiche_report(e, settings=settings, glossary=glossary) for e in entries]
    return _gather(fiches, entries, settings=settings)


def _gather(
    fiches: list[FicheReport], entries: Sequence[ReportEntry], *, settings: Settings
) -> Report:
    """The report of these fiches: what depends on all of them (languages, overview)."""
    c = settings.check
    langs: list[str] = []
    for entry in entries:
        for lang in sorted(entry.translations):
            if lang not in langs:
                langs.append(lang)
    return Report(
        fiches=fiches,
        thresholds=thresholds(settings),
        languages=langs,
        overview_chart=overview_chart(
            fiches, warn=c.long_sentence_warning, error=c.long_sentence_error
        ),
    )


def thresholds(settings: Settings) -> dict[str, Any]:
    """The checker's thresholds and the reference figures, as the report shows them."""
    c = settings.check
    return {
        "long_sentence_warning": c.long_sentence_warning,
        "long_sentence_error": c.long_sentence_error,
        "max_commas": c.max_commas,
        "hard_word_zipf": c.hard_word_zipf,
        "reference_words_per_sentence": REFERENCE["words_per_sentence"],
        "reference_kandel_moles": REFERENCE["kandel_moles"],
    }


def fiche_part(
    entry: ReportEntry,
    *,
    settings: Settings,
    glossary: Glossary | None = None,
    falc_check: CheckResult | None = None,
    pages: Pages | None = None,
) -> FichePart:
    """A fiche's part of the report with its section of the page and its JSON entry."""
    f = fiche_report(entry, settings=settings, glossary=glossary, falc_check=falc_check)
    pages = pages or Pages(settings)
    return FichePart(f, pages.section(f, thresholds(settings)), fiche_json(f))


# ------------------------------------------------------------------------ writing


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}".replace(".", ",")


def _env(settings: Settings | None) -> Any:
    env = templating.environment(settings.path("templates") if settings is not None else None)
    env.filters["num"] = _fmt
    env.globals["rules"] = RULES
    env.globals["rule_order"] = ORDER
    env.globals["lang_name"] = _LanguageNames()
    env.globals["status_fr"] = {
        "draft": "brouillon", "edited": "relu", "validated": "validé", "absent": "pas de texte",
    }
    return env


class _LanguageNames(Mapping[str, str]):
    """:func:`_language_names`, read on first use: Babel's data would cost a French-only
    report (which names no language) some 25 ms."""

    def __init__(self) -> None:
        self._names: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._names is None:
            self._names = _language_names()
        return self._names

    def __getitem__(self, key: str) -> str:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _language_names() -> dict[str, str]:
    """Language names in French (« arabe », « ukrainien »), from Babel's data."""
    try:
        from babel import Locale

        return {k: str(v) for k, v in Locale.parse("fr").languages.items()}
    except ImportError:
        return {}


class Pages:
    """The report page's templates, loaded once for a whole report: the section of one
    fiche (``report/_fiche.html``) and the page around the sections (``report/index.html``,
    with what depends on every fiche: totals, overview, table)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        self._env: Any = None

    @property
    def env(self) -> Any:
        if self._env is None:
            self._env = _env(self.settings)
        return self._env

    def section(self, fiche: FicheReport, thresholds: Mapping[str, Any]) -> list[str]:
        """A fiche's section, cut where its number goes (see :meth:`FichePart.section`)."""
        template = templating.get_template(self.env, "report/_fiche.html")
        return str(template.render(f=fiche, t=thresholds, number=_NUMBER)).split(_NUMBER)

    def page(self, report: Report, parts: Sequence[FichePart]) -> str:
        """The page, around the sections of ``parts`` (those of ``report.fiches``)."""
        template = templating.get_template(self.env, "report/index.html")
        sections = [p.section(n) for n, p in enumerate(parts, 1)]
        return str(template.render(report=report, sections=sections, css=_css()))


def render_html(
    report: Report, *, settings: Settings | None = None, parts: Sequence[FichePart] | None = None
) -> str:
    """The report page; put together from the fiches' kept parts when given."""
    pages = Pages(settings)
    if parts is None:
        parts = [FichePart(f, pages.section(f, report.thresholds), "") for f in report.fiches]
    return pages.page(report, parts)


def fiche_json(f: FicheReport) -> str:
    """A fiche's entry of ``report.json``, indented as it sits there (in ``fiches``)."""
    # The only newlines of JSON text are its layout's (a string has "\\n" instead).
    return json.dumps(fiche_dict(f), ensure_ascii=False, indent=1).replace("\n", "\n  ")


def render_json(report: Report, *, parts: Sequence[FichePart] | None = None) -> str:
    """``report.json``: the bytes of ``json.dumps(report.as_dict(), ensure_ascii=False,
    indent=1)`` and a newline, put together from the fiches' entries (kept ones if given)."""
    if parts is not None:
        entries = [p.json for p in parts]
    else:
        entries = [fiche_json(f) for f in report.fiches]
    top = {**report.as_dict(fiches=False), "fiches": []}
    head = json.dumps(top, ensure_ascii=False, indent=1)
    if not entries:
        return head + "\n"
    # "fiches" is the last key: its empty list is replaced by the entries.
    empty = "[]\n}"
    assert head.endswith('"fiches": ' + empty)
    return head[: -len(empty)] + "[\n  " + ",\n  ".join(entries) + "\n ]\n}\n"


def _css() -> Markup:
    # Static CSS shipped with the package; nothing from the data goes into <style>.
    path = Path(__file__).parent / "templates" / "report" / "report.css"
    return Markup(path.read_text(encoding="utf-8"))


def render_check_page(results: Sequence[CheckResult], *, settings: Settings | None = None) -> str:
    """The page of ``cai-falc check --format html``: figures and marked texts."""
    env = _env(settings)
    views = [view(r, prefix=f"file{i}") for i, r in enumerate(results)]
    template = templating.get_template(env, "report/check.html")
    return str(template.render(views=views, css=_css(), version=__version__))


def write_report(
    report: Report,
    out_dir: Path,
    *,
    settings: Settings | None = None,
    parts: Sequence[FichePart] | None = None,
) -> list[Path]:
    """Write ``index.html`` and ``report.json`` into ``out_dir``; return what changed.

    ``parts`` are the fiches' kept parts (those of ``report.fiches``, in order): the page
    and the JSON are put together from them instead of made whole (the same bytes).
    """
    html = render_html(report, settings=settings, parts=parts)
    return _write(out_dir, html, render_json(report, parts=parts))


def _write(out_dir: Path, html: str, data: str) -> list[Path]:
    written = []
    for path, text in ((out_dir / "index.html", html), (out_dir / "report.json", data)):
        if storage.write_text(path, text):
            written.append(path)
    return written


def write_for_build(
    fiches: Sequence[Fiche],
    *,
    falc: Mapping[str, FalcText],
    traces: Mapping[str, Sequence[Any]],
    translations: Mapping[str, Mapping[str, Any]],
    settings: Settings,
    glossary: Glossary | None = None,
    parts: Callable[[ReportEntry, Pages], FichePart] | None = None,
) -> list[Path]:
    """The report of a build: entries from what the pipeline has, written to output/report.

    ``parts`` gives a fiche's part (default: :func:`fiche_part`); the build passes one
    that keeps the parts of fiches that did not change. Only what depends on every
    fiche (totals, overview, table, languages) is made anew.
    """
    entries = [
        ReportEntry(
            fiche=f,
            falc=falc.get(f.id),
            trace=traces.get(f.id, ()) or (),
            translations={
                lang: by_id[f.id] for lang, by_id in translations.items() if f.id in by_id
            },
        )
        for f in fiches
    ]
    pages = Pages(settings)
    make = parts or (lambda e, p: fiche_part(e, settings=settings, glossary=glossary, pages=p))
    made = [make(entry, pages) for entry in entries]
    report = _gather([p.report for p in made], entries, settings=settings)
    out_dir = settings.path("output") / "report"
    return _write(out_dir, pages.page(report, made), render_json(report, parts=made))


def entries_from_project(settings: Settings) -> tuple[list[ReportEntry], list[str]]:
    """Entries read from the project's files: fiches, FALC texts, catalogs if readable.

    Returns the entries and the problems met (bad files), which do not stop the report.
    """
    from . import fiche as fiche_mod

    loaded = fiche_mod.load_folder(settings.path("fiches"))
    problems = [str(e) for e in loaded.errors]
    falc_by_id = {t.id: t for t in loaded.falc_texts}
    translations: dict[str, dict[str, Any]] = {}
    try:
        from . import catalog
    except ImportError:
        catalog = None  # type: ignore[assignment]
    if catalog is not None:
        for lang in settings.target_languages:
            path = settings.path("translations") / f"{lang}.po"
            if not path.is_file():
                continue
            try:
                cat = catalog.read_catalog(path, lang=lang)
            except CaiFalcError as exc:  # a broken catalog must not stop the report
                problems.append(str(exc))
                continue
            translations[lang] = {
                t.id: catalog.translated_text(t, lang=lang, catalog=cat)
                for t in loaded.falc_texts
            }
    entries = [
        ReportEntry(
            fiche=f,
            falc=falc_by_id.get(f.id),
            translations={
                lang: by_id[f.id] for lang, by_id in translations.items() if f.id in by_id
            },
        )
        for f in loaded.fiches
    ]
    return entries, problems
