"""``cai-falc build``: one explicit list of stages, read everything first, then produce.

    load -> simplify -> check -> render (source language) -> translate
         -> render (other languages) -> index -> report -> write leaflets

The render stage hands its pages to the render workers (``workers.py``): they render
the source-language leaflets while the build translates, and every leaflet while it
makes the index and the report; the leaflets are written as they come.

Everything is loaded and validated before anything is written (MkDocs's rule), so
a broken glossary or catalog stops the build before it touches the outputs. After
that, one bad fiche fails alone: it is reported, the others are built, and the
exit code is 1.

Incremental: each piece of work has a key made of everything it depends on
(contents, settings, templates, installed models, cai-falc's version). The key is
computed *before* the heavy modules are imported, so a build where nothing changed
reads the inputs, hashes them, finds every output fresh, and stops. Every write is
atomic, so a build killed at any moment leaves the previous outputs intact.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import cache as cache_mod
from . import config, storage
from . import workers as render_workers
from .errors import CaiFalcError, InputError
from .fiche import FalcText, Fiche, falc_file, load_folder, read_falc, today
from .glossary import Glossary
from .glossary import load as load_glossary

#: The stages, in the order in which :func:`build` starts them.
STAGES = ("load", "simplify", "check", "render", "translate", "index", "report")


class Reporter(Protocol):
    """Where the build tells what it is doing (the CLI shows bars; tests collect)."""

    def stage(self, name: str, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def warn(self, message: str) -> None: ...


class SilentReporter:
    """A reporter that keeps stage names and warnings and shows nothing."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.stages: list[str] = []

    def stage(self, name: str, total: int) -> None:
        self.stages.append(name)

    def advance(self, n: int = 1) -> None:
        pass

    def warn(self, message: str) -> None:
        self.warnings.append(message)


@dataclass(frozen=True)
class BuildOptions:
    """What to build: languages and fiches (empty: all), strictness, workers."""

    langs: tuple[str, ...] = ()
    fiche_ids: tuple[str, ...] = ()
    strict: bool = False
    jobs: int = 1


@dataclass
class Failure:
    """A fiche (or a fiche in one language) that could not be built, and why."""

    what: str
    message: str


@dataclass
class BuildResult:
    """What a build did, for the summary and the exit code."""

    fiches: int = 0
    languages: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    #: Outputs of fiches or languages no longer in the project, deleted.
    removed: list[Path] = field(default_factory=list)
    skipped: int = 0
    errors: int = 0
    warnings: int = 0
    failures: list[Failure] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: Languages without a translation model (their messages are in ``missing``).
    missing_langs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    strict: bool = False

    @property
    def exit_code(self) -> int:
        """1 when a fiche failed; with ``--strict``, also when the checker found anything."""
        # Checker findings in drafts are the editors' to-do list, shown in the report; they
        # do not stop the leaflets from being made unless the build is strict.
        if self.failures or (self.strict and (self.errors or self.warnings)):
            return 1
        return 0


@dataclass
class Project:
    """Everything a build reads, loaded and validated before anything is written."""

    settings: config.Settings
    fiches: list[Fiche]
    falc: dict[str, FalcText]
    glossary: Glossary
    langs: list[str]
    problems: list[CaiFalcError]
    #: Key of the glossary files: drafts, checks and translations depend on them.
    glossary_key: str = ""
    #: Fiche id -> its source hash (see :meth:`source_hash`).
    source_hashes: dict[str, str] = field(default_factory=dict)
    #: Settings sections as dicts, for the keys made per fiche (see :meth:`section`).
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def source_hash(self, fiche: Fiche) -> str:
        """``fiche.source_hash()``, computed once per build (every stage's keys use it)."""
        if fiche.id not in self.source_hashes:
            self.source_hashes[fiche.id] = fiche.source_hash()
        return self.source_hashes[fiche.id]

    def section(self, name: str) -> dict[str, Any]:
        """The settings section ``name`` ("check"...) as a dict: made once per build."""
        if name not in self.sections:
            self.sections[name] = dataclasses.asdict(getattr(self.settings, name))
        return self.sections[name]


@dataclass
class Work:
    """What the stages hand each other."""

    #: The render processes, started as soon as the build knows it will render.
    workers: render_workers.RenderWorkers
    #: Key of everything besides a page that changes how outputs look (templates, CSS...).
    looks: str = ""
    traces: dict[str, Any] = field(default_factory=dict)
    #: lang -> fiche id -> catalog.Translation (only languages that are built).
    translations: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: lang -> key of that language's catalog file.
    catalog_keys: dict[str, str] = field(default_factory=dict)
    #: lang -> fiche id -> digest of that fiche's text in that language.
    translation_digests: dict[str, dict[str, str]] = field(default_factory=dict)
    page_keys: list[str] = field(default_factory=list)
    #: (fiche id, lang) -> render.Page, built at most once per build.
    pages_by_edition: dict[tuple[str, str], Any] = field(default_factory=dict)


# ------------------------------------------------------------------------- load


def load(settings: config.Settings, options: BuildOptions) -> Project:
    """Read and validate fiches, FALC texts and glossary; select fiches and languages."""
    folder = settings.path("fiches")
    if not folder.is_dir():
        raise InputError(
            folder, "no fiches folder", hint="Import the CMS export first: cai-falc import EXPORT"
        )
    found = load_folder(folder)
    terms = load_glossary(settings.path("glossaries"))
    fiches = list(found.fiches)
    if not fiches and not found.errors:
        raise InputError(
            folder, "no fiche to build", hint="Import the CMS export first: cai-falc import EXPORT"
        )
    if options.fiche_ids:
        known = {f.id for f in fiches}
        unknown = [i for i in options.fiche_ids if i not in known]
        if unknown:
            raise InputError(
                folder,
                f"no fiche with id {', '.join(unknown)}",
                hint=f"Known ids: {', '.join(sorted(known)) or '(none)'}",
            )
        fiches = [f for f in fiches if f.id in options.fiche_ids]
    langs = list(settings.target_languages)
    if options.langs:
        source = settings.project.source_language
        wrong = [lang for lang in options.langs if lang not in langs and lang != source]
        if wrong:
            raise InputError(
                settings.root / config.CONFIG_NAME,
                f"language {', '.join(wrong)} is not in project.languages ({', '.join(langs)})",
                hint="Add it to [project] languages in cai-falc.toml, or choose another --lang.",
            )
        langs = [lang for lang in langs if lang in options.langs]
    return Project(
        settings=settings,
        fiches=fiches,
        falc={t.id: t for t in found.falc_texts},
        glossary=terms,
        langs=langs,
        problems=list(found.errors),
        glossary_key=cache_mod.files_key(settings.path("glossaries"), patterns=("*.y*ml",)),
    )


# ----------------------------------------------------------------------- driver


@contextmanager
def _timed(result: BuildResult, name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        result.seconds[name] = result.seconds.get(name, 0.0) + time.perf_counter() - start


def build(
    settings: config.Settings,
    options: BuildOptions | None = None,
    *,
    reporter: Reporter | None = None,
) -> BuildResult:
    """Run every stage; return what was done (see :attr:`BuildResult.exit_code`)."""
    options = options or BuildOptions()
    reporter = reporter or SilentReporter()
    result = BuildResult(strict=options.strict)
    cache = cache_mod.Cache.open(settings.path("cache"), root=settings.root)
    work = Work(render_workers.RenderWorkers(settings, options.jobs), looks=_looks_key(settings))
    # A build killed while writing leaves a temporary file beside its target; the
    # target itself is intact (writes are renames). Sweep those leftovers first.
    for name in ("output", "fiches", "translations", "cache"):
        storage.remove_leftovers(settings.path(name))
    with _timed(result, "load"):
        reporter.stage("load", 1)
        project = load(settings, options)
        for problem in project.problems:
            result.failures.append(Failure(_where(problem), str(problem)))
        result.fiches = len(project.fiches)
        reporter.advance()
    try:
        with _timed(result, "simplify"):
            simplify_stage(project, work, cache, result, reporter)
        with _timed(result, "check"):
            check_stage(project, work, cache, result, reporter)
        # Source-language pages do not wait for translations: they go to the render
        # workers now, and the other languages' pages after the translate stage.
        source = settings.project.source_language
        with _timed(result, "render"):
            rendering = [render_stage(project, work, cache, result, [source])]
        with _timed(result, "translate"):
            translate_stage(project, work, cache, result, reporter)
        with _timed(result, "render"):
            rendering.append(render_stage(project, work, cache, result, result.languages[1:]))
        # The workers render while the build makes the index and the report.
        with _timed(result, "index"):
            index_stage(project, work, cache, result, reporter)
        with _timed(result, "report"):
            report_stage(project, work, cache, result, reporter)
        with _timed(result, "render"):
            write_rendered(rendering, cache, result, reporter)
        if not options.fiche_ids and not options.langs and not result.failures:
            # A whole build claimed every output still wanted: the leaflets of a fiche
            # or a language that left the project go too. A language whose model is
            # missing today keeps its leaflets (a fiche that failed keeps its too).
            out = settings.path("output")
            result.removed = cache.sweep(out, keep=tuple(out / m for m in result.missing_langs))
    finally:
        work.workers.close()
        cache.save()
    if not options.fiche_ids and not options.langs:
        # Only a whole build has used every result it still needs (a trace, a check).
        cache.prune()
    return result


def _where(error: CaiFalcError) -> str:
    path = getattr(error, "path", None)
    return Path(path).name if path is not None else "project"


def _fail(result: BuildResult, what: str, exc: BaseException) -> None:
    result.failures.append(Failure(what, str(exc)))


# -------------------------------------------------------------------- simplify


def _simplify_key(project: Project, fiche: Fiche) -> str:
    return cache_mod.key(
        "simplify", project.source_hash(fiche), project.glossary_key, project.section("simplify")
    )


def simplify_stage(
    project: Project, work: Work, cache: cache_mod.Cache, result: BuildResult, reporter: Reporter
) -> None:
    """Fresh drafts where needed; people's FALC texts are kept, and flagged when stale."""
    settings = project.settings
    todo: list[Fiche] = []
    for fiche in project.fiches:
        target = falc_file(fiche, settings.path("fiches"))
        existing = project.falc.get(fiche.id)
        if existing is not None and existing.human_owned and not existing.is_stale(fiche):
            continue  # people's text, up to date: nothing to do
        key = _simplify_key(project, fiche)
        if existing is not None and not existing.human_owned and cache.fresh(target, key):
            work.traces[fiche.id] = cache.get_result(f"trace-{key}") or []
            continue
        todo.append(fiche)
    reporter.stage("simplify", len(todo))
    if not todo:
        return
    # A fiche simplified again is a page to render again: the render workers can load
    # WeasyPrint now, beside this stage, instead of after it.
    work.workers.start()
    from . import simplify

    for outcome in simplify.update_falc_files(todo, glossary=project.glossary, settings=settings):
        reporter.advance()
        fiche = next(f for f in todo if f.id == outcome.id)
        if outcome.action == "error":
            result.failures.append(Failure(outcome.id, outcome.message))
            continue
        if outcome.action == "stale":
            note = f"{outcome.id}: {outcome.message}"
            if outcome.diff_path is not None:
                note += f" (changement : {outcome.diff_path})"
            result.notes.append(note)
            reporter.warn(note)
            continue
        if outcome.draft is None:
            continue
        # As read back from its file: positions (body_line) are then the same as in the
        # next build, which reads it from disk (reports, catalogs and keys agree).
        project.falc[outcome.id] = read_falc(outcome.path)
        trace = [dataclasses.asdict(step) for step in outcome.draft.trace]
        work.traces[outcome.id] = trace
        key = _simplify_key(project, fiche)
        cache.record(outcome.path, key, outcome.path.read_bytes())
        cache.put_result(f"trace-{key}", trace)
        if outcome.action == "written":
            result.written.append(outcome.path)


# ----------------------------------------------------------------------- check


def _check_key(project: Project, fiche: Fiche, falc: FalcText) -> str:
    """Key of the checker's result on a FALC text (``check.check_falc``)."""
    return cache_mod.key(
        "check",
        falc.content_hash(),
        falc.ignore,
        # Findings and the checked text are at the file's lines (the counts are not).
        falc.body_line,
        project.source_hash(fiche),
        project.glossary_key,
        project.section("check"),
    )


def check_stage(
    project: Project, work: Work, cache: cache_mod.Cache, result: BuildResult, reporter: Reporter
) -> None:
    """Count the checker's findings on every FALC text (cached by content).

    A text checked here also has its whole result kept (``checked-KEY``): the report
    shows it instead of checking the text again.
    """
    settings = project.settings
    reporter.stage("check", len(project.fiches))
    for fiche in project.fiches:
        reporter.advance()
        falc = project.falc.get(fiche.id)
        if falc is None:
            continue
        key = _check_key(project, fiche, falc)
        counts = cache.get_result(f"check-{key}")
        if counts is None:
            # A text checked anew is a text that changed (someone edited it): its page
            # will be rendered again, so the workers may load WeasyPrint now.
            work.workers.start()
            from . import check

            try:
                checked = check.check_falc(
                    falc, fiche=fiche, settings=settings, glossary=project.glossary
                )
            except CaiFalcError as exc:
                _fail(result, fiche.id, exc)
                continue
            cache.put_object(f"checked-{key}", checked)
            counts = {
                "error": sum(f.severity == "error" for f in checked.findings),
                "warning": sum(f.severity == "warning" for f in checked.findings),
            }
            cache.put_result(f"check-{key}", counts)
        result.errors += int(counts["error"])
        result.warnings += int(counts["warning"])


# ------------------------------------------------------------------- translate


def _models_key() -> str:
    folder = os.environ.get("ARGOS_PACKAGES_DIR")
    from . import models

    return cache_mod.key(
        folder, [(p.from_code, p.to_code, p.version, str(p.path)) for p in models.installed()]
    )


def translate_stage(
    project: Project, work: Work, cache: cache_mod.Cache, result: BuildResult, reporter: Reporter
) -> None:
    """Machine drafts for new sentences; read every catalog; pick the languages to build."""
    settings = project.settings
    source = settings.project.source_language
    result.languages = [source]
    reporter.stage("translate", len(project.langs))
    if not project.langs:
        return
    folder = settings.path("translations")
    texts = [project.falc[f.id] for f in project.fiches if f.id in project.falc]
    models_key = _models_key()

    def plan_key() -> str:
        return cache_mod.key(
            "translate",
            project.langs,
            [t.content_hash() for t in texts],
            project.glossary_key,
            models_key,
            dataclasses.asdict(settings.translate),
            [_file_digest(folder / f"{lang}.po") for lang in project.langs],
        )

    plan = cache.get_result(f"translate-{plan_key()}")
    if plan is None:
        # New sentences or catalog lines: pages will change, the workers may get ready.
        work.workers.start()
        from . import translate

        stats = translate.translate_project(
            texts, langs=project.langs, settings=settings, glossary=project.glossary, figures=False
        )
        plan = {
            "build": [s.lang for s in stats if s.model or s.reviewed],
            "missing": [s.missing_model for s in stats if s.missing_model],
            "missing_langs": [s.lang for s in stats if s.missing_model],
            # Reviewed lines to look at again (a number lost...): said on every build.
            "warnings": [w for s in stats for w in s.warnings],
        }
        # Keyed by the catalogs as they are now, after this run wrote them.
        cache.put_result(f"translate-{plan_key()}", plan)
    for message in plan["missing"]:
        result.missing.append(message)
        reporter.warn(message)
    result.missing_langs = list(plan.get("missing_langs", []))
    for warning in plan.get("warnings", []):
        result.notes.append(warning)
        reporter.warn(warning)
    reporter.advance(len(project.langs))
    for lang in plan["build"]:
        result.languages.append(lang)
        work.catalog_keys[lang] = _file_digest(folder / f"{lang}.po")


def _file_digest(path: Path) -> str:
    try:
        return storage.digest(path.read_bytes(), length=32)
    except OSError:
        return ""


def _translation_digests(
    project: Project, work: Work, cache: cache_mod.Cache, lang: str
) -> dict[str, str]:
    """Per fiche, a digest of its text in ``lang``: a page is redone when *its* lines change.

    The whole catalog's digest would redo every page of a language when one fiche gets a
    new sentence. Reading the catalog costs time, so the digests are remembered for each
    version of the catalog file (a no-op build reads no catalog).
    """
    if lang == project.settings.project.source_language:
        return {}
    if lang not in work.translation_digests:
        key = cache_mod.key(
            "translation-digests",
            lang,
            work.catalog_keys.get(lang, ""),
            sorted((t.id, t.content_hash()) for t in project.falc.values()),
        )
        digests = cache.get_result(f"tdigest-{key}")
        if digests is None:
            digests = {
                fid: storage.digest(repr(t), length=32)
                for fid, t in _translations(project, work, lang).items()
            }
            cache.put_result(f"tdigest-{key}", digests)
        work.translation_digests[lang] = digests
    return work.translation_digests[lang]


def _translations(project: Project, work: Work, lang: str) -> dict[str, Any]:
    """Translations of every fiche into ``lang`` (read on first use)."""
    if lang not in work.translations:
        from . import catalog

        path = project.settings.path("translations") / f"{lang}.po"
        po = catalog.read_catalog(path, lang=lang)
        work.translations[lang] = {
            fid: catalog.translated_text(falc, lang=lang, catalog=po)
            for fid, falc in project.falc.items()
        }
    return work.translations[lang]


# ---------------------------------------------------------------------- render


def _looks_key(settings: config.Settings) -> str:
    """Everything besides the page itself that changes how outputs look."""
    # The packaged folders, named without importing the renderer (a no-op build stays light).
    package = Path(__file__).parent
    return cache_mod.key(
        dataclasses.asdict(settings.render),
        dataclasses.asdict(settings.project),
        cache_mod.files_key(package / "templates", settings.path("templates")),
        cache_mod.files_key(package / "static"),
        cache_mod.files_key(package / "locale", patterns=("*.po",)),
    )


def page_date(falc: FalcText) -> datetime.date:
    """The date printed on a leaflet: the FALC text's own, so that builds are reproducible."""
    return falc.date if falc.date is not None else today()


def _output_paths(out_dir: Path, lang: str, fiche_id: str) -> list[Path]:
    return [
        out_dir / lang / f"{fiche_id}.pdf",
        out_dir / lang / f"{fiche_id}.html",
        out_dir / lang / f"{fiche_id}.preview.html",
    ]


@dataclass
class Rendering:
    """Pages being rendered: each with its key and output paths, and their outcomes."""

    jobs: list[tuple[Any, str, list[Path]]]
    outcomes: render_workers.Batch


def render_stage(
    project: Project, work: Work, cache: cache_mod.Cache, result: BuildResult, langs: list[str]
) -> Rendering:
    """Leaflet, fragment and preview per fiche in ``langs``, skipping what is fresh.

    The pages to make go to the render workers now; :func:`write_rendered` writes them
    once the index and the report are done (they do not need the leaflets).
    """
    settings = project.settings
    out_dir = settings.path("output")
    looks = work.looks
    jobs: list[tuple[Any, str, list[Path]]] = []
    for fiche, falc, lang in _editions(project, langs):
        key = cache_mod.key(
            "page",
            lang,
            project.source_hash(fiche),
            fiche.title,
            fiche.year,
            falc.content_hash(),
            falc.status,
            falc.human_owned,
            str(page_date(falc)),
            _translation_digests(project, work, cache, lang).get(fiche.id, ""),
            looks,
        )
        work.page_keys.append(key)
        paths = _output_paths(out_dir, lang, fiche.id)
        if all(cache.fresh(p, key) for p in paths):
            result.skipped += len(paths)
            continue
        try:
            page = _page(project, work, fiche, falc, lang)
        except CaiFalcError as exc:
            _fail(result, f"{fiche.id} ({lang})", exc)
            continue
        jobs.append((page, key, paths))
    return Rendering(jobs, work.workers.submit([page for page, _, _ in jobs]))


def write_rendered(
    renderings: list[Rendering], cache: cache_mod.Cache, result: BuildResult, reporter: Reporter
) -> None:
    """Write each page's files as it comes out of the render workers."""
    reporter.stage("render", sum(len(r.jobs) for r in renderings))
    done = (
        (job, outcome)
        for rendering in renderings
        for job, outcome in zip(rendering.jobs, rendering.outcomes, strict=True)
    )
    for (page, key, paths), outcome in done:
        reporter.advance()
        if isinstance(outcome, BaseException):
            _fail(result, f"{page.id} ({page.lang})", outcome)
            continue
        for path, data in zip(paths, outcome, strict=True):
            cache.write_output(path, key, data)
            result.written.append(path)
        for warning in page.warnings:
            if warning not in result.notes:
                result.notes.append(warning)
        cache.save()  # after the outputs it describes: a kill loses no finished work


def _editions(project: Project, langs: list[str]) -> Iterator[tuple[Fiche, FalcText, str]]:
    """Every (fiche, FALC text, language) to publish in ``langs``, in order."""
    for fiche in project.fiches:
        falc = project.falc.get(fiche.id)
        if falc is not None:
            for lang in langs:
                yield fiche, falc, lang


def _page(project: Project, work: Work, fiche: Fiche, falc: FalcText, lang: str) -> Any:
    """The page of one edition (built once per build: the index reuses it)."""
    known = work.pages_by_edition.get((fiche.id, lang))
    if known is not None:
        return known
    from . import render

    translation = None
    if lang != project.settings.project.source_language:
        translation = _translations(project, work, lang).get(fiche.id)
    page = render.page_for(
        fiche, falc, translation=translation, settings=project.settings, date=page_date(falc)
    )
    work.pages_by_edition[(fiche.id, lang)] = page
    return page


# ------------------------------------------------------------------ index, report


def index_stage(
    project: Project, work: Work, cache: cache_mod.Cache, result: BuildResult, reporter: Reporter
) -> None:
    """The index page, linking every fiche in every language."""
    settings = project.settings
    reporter.stage("index", 1)
    path = settings.path("output") / "index.html"
    key = cache_mod.key("index", work.page_keys, result.languages, work.looks)
    if cache.fresh(path, key):
        result.skipped += 1
        return
    pages = []
    for fiche, falc, lang in _editions(project, result.languages):
        try:
            pages.append(_page(project, work, fiche, falc, lang))
        except CaiFalcError:
            continue  # already reported by the render stage
    data = render_workers.renderer(settings).index(pages).encode("utf-8")
    cache.write_output(path, key, data)
    result.written.append(path)
    reporter.advance()


def _fiche_state(project: Project, fiche: Fiche) -> tuple[Any, ...]:
    """What of a fiche its part of the report depends on, besides the settings."""
    return (fiche.id, project.source_hash(fiche), fiche.ignore, fiche.body_line)


def _falc_state(falc: FalcText) -> tuple[Any, ...]:
    """What of a FALC text its fiche's part of the report depends on."""
    return (
        falc.id, falc.content_hash(), falc.status, falc.source_hash, falc.ignore, falc.body_line
    )


def report_stage(
    project: Project, work: Work, cache: cache_mod.Cache, result: BuildResult, reporter: Reporter
) -> None:
    """The reviewer report: figures before/after, findings, trace, translation status."""
    settings = project.settings
    reporter.stage("report", 1)
    folder = settings.path("output") / "report"
    key = cache_mod.key(
        "report",
        [_fiche_state(project, f) for f in project.fiches],
        [_falc_state(t) for t in project.falc.values()],
        work.catalog_keys,
        project.glossary_key,
        project.section("check"),
        work.traces,
        work.looks,
    )
    paths = [folder / "index.html", folder / "report.json"]
    if all(cache.fresh(p, key) for p in paths):
        result.skipped += len(paths)
        return
    from . import report

    translations = {lang: _translations(project, work, lang) for lang in result.languages[1:]}

    def part(entry: Any, pages: Any) -> Any:
        # A fiche's part of the report (figures, section of the page, JSON entry) is
        # kept: changing one fiche re-checks and re-renders one.
        fiche, falc = entry.fiche, entry.falc
        part_key = cache_mod.key(
            "report-part",
            _fiche_state(project, fiche),
            fiche.title,
            fiche.year,
            None if falc is None else _falc_state(falc),
            list(entry.trace),
            {lang: repr(t) for lang, t in entry.translations.items()},
            project.glossary_key,
            project.section("check"),
            # The part names files relative to the project: the same wherever it sits,
            # unless the fiches live outside it.
            [
                storage.project_name(path, settings.root)
                for path in (settings.path("fiches"), fiche.path, falc.path if falc else None)
                if path is not None
            ],
            # The section of the page: templates, CSS...
            work.looks,
        )
        known = cache.get_object(f"report-part-{part_key}")
        if known is None:
            checked = None
            if falc is not None:
                # As the check stage left it when it checked this text (else checked anew).
                checked = cache.get_object(f"checked-{_check_key(project, fiche, falc)}")
            known = report.fiche_part(
                entry,
                settings=settings,
                glossary=project.glossary,
                falc_check=checked,
                pages=pages,
            )
            cache.put_object(f"report-part-{part_key}", known)
        return known

    report.write_for_build(
        project.fiches,
        falc=project.falc,
        traces=work.traces,
        translations=translations,
        settings=settings,
        glossary=project.glossary,
        parts=part,
    )
    for path in paths:
        if path.is_file():
            cache.record(path, key, path.read_bytes())
            result.written.append(path)
    reporter.advance()


# --------------------------------------------------------------------- summary


def summary(result: BuildResult) -> list[str]:
    """The lines the CLI prints at the end of a build (French, for the editors)."""
    lines = [
        f"{result.fiches} fiche(s) ; langues : {', '.join(result.languages) or '-'}",
        f"{len(result.written)} fichier(s) écrit(s), {result.skipped} déjà à jour"
        + (
            f", {len(result.removed)} retiré(s) (fiches ou langues qui ne sont plus dans"
            " le projet)"
            if result.removed
            else ""
        ),
        f"constats du vérificateur : {result.errors} erreur(s), {result.warnings} avertissement(s)"
        " (détail : cai-falc check, ou output/report/index.html)",
    ]
    if len(result.missing_langs) > 2:
        # One line instead of one per language: the advice is the same for each.
        langs = ", ".join(result.missing_langs)
        lines.append(
            f"manque : pas de modèle de traduction pour {langs}. Installez les paquets "
            "translate-fr_<langue> (ou translate-fr_en et translate-en_<langue>) avec "
            "'cai-falc models install FICHIER.argosmodel' ('cai-falc translate' donne le détail). "
            "En attendant, translations/<langue>.po liste les phrases à traduire à la main."
        )
    else:
        lines += [f"manque : {m}" for m in result.missing]
    lines += [f"note : {n}" for n in result.notes]
    lines += [f"ÉCHEC {f.what} : {f.message}" for f in result.failures]
    return lines
