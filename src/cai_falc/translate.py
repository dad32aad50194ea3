"""The translation stage: FALC segments -> PO catalogs, offline, fast.

argostranslate's ``translate()`` splits text into sentences with stanza or MiniSBD
(torch, and a model download on first use) and translates paragraph by paragraph. FALC
text is already one sentence per line, so we skip all that: every distinct segment of
every fiche goes to ``ctranslate2.Translator`` in large batches, tokenised with the
package's SentencePiece model; one model load per run; pivot through English when no
direct package exists, as argostranslate does. Only ctranslate2 and sentencepiece are
imported (never stanza, torch or spacy).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import catalog as po
from . import models
from .errors import ModelError
from .glossary import Glossary
from .protect import Protected, protect, restore

if TYPE_CHECKING:
    from .config import Settings, TranslateSettings
    from .fiche import FalcText
    from .metrics import Metrics


@dataclass
class _Loaded:
    translator: Any
    tokenizer: Any
    target_prefix: str


@dataclass
class Runtime:
    """Models loaded for one run, each at most once; translations memoised per package."""

    settings: TranslateSettings
    packages: list[models.ModelPackage] = field(default_factory=list)
    _loaded: dict[str, _Loaded] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def route(self, source: str, target: str) -> list[models.ModelPackage] | None:
        """The packages that take ``source`` to ``target`` (direct or via the pivot)."""
        return models.route(source, target, self.packages, pivot=self.settings.pivot_language)

    def _load(self, pkg: models.ModelPackage) -> _Loaded:
        key = str(pkg.path)
        if key not in self._loaded:
            import ctranslate2
            import sentencepiece

            intra = self.settings.threads or min(4, os.cpu_count() or 1)
            try:
                translator = ctranslate2.Translator(
                    str(pkg.path / "model"),
                    device="cpu",
                    compute_type="auto",
                    inter_threads=max(1, self.settings.inter_threads),
                    intra_threads=intra,
                )
                tokenizer = sentencepiece.SentencePieceProcessor(
                    model_file=str(pkg.path / "sentencepiece.model")
                )
            except (RuntimeError, OSError, ValueError) as exc:
                raise ModelError(
                    f"{pkg.path}: cannot load the model ({exc})",
                    hint=f"Reinstall it: 'cai-falc models install {pkg.code}.argosmodel'.",
                ) from exc
            self._loaded[key] = _Loaded(translator, tokenizer, pkg.target_prefix)
        return self._loaded[key]

    def translate_step(self, texts: Sequence[str], pkg: models.ModelPackage) -> list[str]:
        """Translate ``texts`` with one package; identical texts are translated once."""
        todo = list(dict.fromkeys(t for t in texts if (str(pkg.path), t) not in self._memo))
        if todo:
            loaded = self._load(pkg)
            tokens = [loaded.tokenizer.encode(t, out_type=str) for t in todo]
            prefix = [[loaded.target_prefix]] * len(tokens) if loaded.target_prefix else None
            beam = max(1, self.settings.beam_size)
            results = loaded.translator.translate_batch(
                tokens,
                target_prefix=prefix,
                # batch_size counts hypotheses: with a wider beam, fewer sentences per
                # batch keep the same memory (measured: 64 x beam 4 is slower than 16).
                max_batch_size=max(1, self.settings.batch_size // beam),
                beam_size=beam,
                replace_unknowns=True,
                length_penalty=0.2,
            )
            for text, result in zip(todo, results, strict=True):
                pieces = list(result.hypotheses[0])
                if loaded.target_prefix and pieces[:1] == [loaded.target_prefix]:
                    pieces = pieces[1:]
                self._memo[(str(pkg.path), text)] = loaded.tokenizer.decode_pieces(pieces).strip()
        return [self._memo[(str(pkg.path), t)] for t in texts]

    def translate(self, texts: Sequence[str], chain: Sequence[models.ModelPackage]) -> list[str]:
        """Translate through every package of ``chain`` in turn (pivot)."""
        out = list(texts)
        for pkg in chain:
            out = self.translate_step(out, pkg)
        return out


def chain_name(chain: Sequence[models.ModelPackage]) -> str:
    """How PO comments name the models: ``translate-fr_en 1.0 + translate-en_es 1.0``."""
    return " + ".join(pkg.name for pkg in chain)


def translate_segments(
    texts: Sequence[str],
    *,
    lang: str,
    chain: Sequence[models.ModelPackage],
    runtime: Runtime,
    glossary: Glossary | None = None,
) -> list[po.MachineText]:
    """Machine translations of ``texts`` with glossary terms and protected tokens kept."""
    protected = [protect(text, lang=lang, glossary=glossary) for text in texts]
    raw = runtime.translate([p.text for p in protected], chain)
    name = chain_name(chain)
    out = []
    for item, translated in zip(protected, raw, strict=True):
        text, problems = restore(translated, item)
        out.append(po.MachineText(text, name, _key(item, name), tuple(problems)))
    return out


def _key(item: Protected, model: str) -> str:
    return f"{model}|{item.key()}"


def translate_project(
    falc_texts: Iterable[FalcText],
    *,
    langs: Sequence[str],
    settings: Settings,
    glossary: Glossary | None = None,
    runtime: Runtime | None = None,
    figures: bool = True,
) -> list[po.CatalogStats]:
    """Fill ``translations/<lang>.po`` for every language; return per-language figures
    (readability too unless ``figures`` is false: the build does not show them).

    Every catalog is read first (a broken one stops the run before anything is
    written), then every language is translated in one batch, then catalogs are written.
    A language without a model still gets its catalog (entries to translate by hand)
    and a ``missing_model`` message.
    """
    texts = list(falc_texts)
    current = po.segments(texts, root=settings.root)
    source = settings.project.source_language
    langs = [lang for lang in dict.fromkeys(langs) if lang != source]
    folder = settings.path("translations")
    catalogs = {lang: po.read_catalog(folder / f"{lang}.po", lang=lang) for lang in langs}
    runtime = runtime or Runtime(settings.translate, models.installed())
    results = []
    for lang in langs:
        catalog = catalogs[lang]
        stats = po.CatalogStats(lang=lang, path=folder / f"{lang}.po")
        chain = runtime.route(source, lang)
        machine: dict[str, po.MachineText] = {}
        if chain is None:
            stats.missing_model = models.missing_message(
                source, lang, pivot=settings.translate.pivot_language
            )
        else:
            stats.model = chain_name(chain)
            todo = []
            for segment in current:
                key = _key(protect(segment.text, lang=lang, glossary=glossary), stats.model)
                # An obsolete entry comes back with its sentence, reviewed or not.
                old = catalog.get(segment.text) or catalog.obsolete.get(segment.text)
                if po.needs_machine(old, key=key):
                    todo.append(segment.text)
            done = translate_segments(
                todo, lang=lang, chain=chain, runtime=runtime, glossary=glossary
            )
            machine = dict(zip(todo, done, strict=True))
            stats.translated_now = len(machine)
        updated = po.update_catalog(catalog, current, machine)
        catalogs[lang] = updated
        po.count(updated, current, stats)
        if figures:
            stats.readability = readability(updated, current, lang=lang)
        results.append(stats)
    for stats in results:
        stats.written = po.write_catalog(stats.path, catalogs[stats.lang])
        stats.warnings = po.review_warnings(stats.path, catalogs[stats.lang], current)
    return results


def readability(catalog: Any, current: Sequence[po.Segment], *, lang: str) -> Metrics | None:
    """Readability figures (the checker's ``metrics.measure``) of the translated segments."""
    from .metrics import measure

    lines = []
    for segment in current:
        message = catalog.get(segment.text)
        if po.status(message) in ("reviewed", "machine"):
            lines.append(message.string)
    return measure("\n".join(lines), lang=lang) if lines else None
