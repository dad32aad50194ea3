"""Configuration: one TOML file (``cai-falc.toml``), one source of defaults.

Each section is a dataclass; each field has a default and a help line (shown by
``cai-falc config`` and listed in the README). Loading validates every value and
reports every problem at once, then aborts (MkDocs style).
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "cai-falc.toml"

_LANG_RE = re.compile(r"^[a-z]{2,3}$")


def _f(default: Any, help: str) -> Any:
    """A settings field: its default and its help line."""
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class ProjectSettings:
    organisation: str = _f(
        "Centre d'action interculturelle de la province de Namur (CAI)",
        "Name of the organisation, printed on every leaflet and page.",
    )
    contact: str = _f(
        "",
        "Contact printed on leaflets (address, phone, e-mail, website). Empty: none printed.",
    )
    source_language: str = _f("fr", "Language of the fiches and FALC texts.")
    languages: list[str] = _f(
        ["en", "nl", "ar", "uk", "ru", "tr", "es", "fa"],
        "Languages to translate into (ISO 639-1 codes).",
    )


@dataclass(frozen=True)
class PathSettings:
    fiches: str = _f("fiches", "Folder of the fiches and their FALC texts.")
    glossaries: str = _f("glossaries", "Folder of the glossary files.")
    translations: str = _f("translations", "Folder of the PO catalogs, one per language.")
    templates: str = _f("templates", "Folder of templates that override the packaged ones.")
    output: str = _f("output", "Folder where everything generated is written.")
    cache: str = _f(".cai-falc-cache", "Folder of the build cache (safe to delete).")


@dataclass(frozen=True)
class ImportSettings:
    spelling: bool = _f(
        True, "Check the spelling of imported fiches (hunspell-fr through spylls, if installed)."
    )
    dictionary: str = _f(
        "fr_FR", "Hunspell dictionary: a name looked up in /usr/share/hunspell, or a path."
    )
    max_export_mb: float = _f(
        5.0,
        "Largest CMS export accepted, in MB (the centre's whole CMS is well under 1 MB; "
        "a bigger file is probably not an export).",
    )


@dataclass(frozen=True)
class CheckSettings:
    long_sentence_error: int = _f(15, "A sentence with more words than this is an error.")
    long_sentence_warning: int = _f(12, "A sentence with more words than this is a warning.")
    max_commas: int = _f(2, "More commas than this in one sentence: 'one-idea' warning.")
    hard_word_zipf: float = _f(
        3.0, "Words rarer than this Zipf frequency (wordfreq) are 'hard-word' warnings."
    )
    max_verbs: int = _f(2, "More conjugated verbs than this in one sentence: 'one-idea' warning.")
    max_nominalisations: int = _f(
        2, "More -tion/-ment/-age/-ance nouns than this in one sentence: 'nominalisation'."
    )
    big_number: int = _f(1000, "Numbers from this value up (years excepted): 'big-number'.")
    enumeration_items: int = _f(
        3, "A sentence listing this many items or more: 'enumeration' (make bullets)."
    )
    address_reader_share: float = _f(
        0.2, "Below this share of sentences with 'vous' or an imperative: 'address-reader'."
    )
    sentences_per_heading: int = _f(
        8, "A FALC text with more sentences than this and no heading: 'title-question'."
    )
    disabled: list[str] = _f([], "Rule ids switched off for the whole project.")


@dataclass(frozen=True)
class SimplifySettings:
    min_lines: int = _f(6, "Fewest sentences a FALC draft aims for.")
    max_lines: int = _f(15, "Most sentences a FALC draft keeps.")
    target_lines: int = _f(
        8,
        "Sentences a FALC draft aims for, between min_lines and max_lines "
        "(8 lines and a box of 3 words fit most leaflets on 2 A5 pages).",
    )
    max_words: int = _f(
        15, "Longest sentence (in words) the simplifier writes; longer ones are split or left out."
    )
    max_box_words: int = _f(
        3, "Most terms in the 'Mots difficiles' box (acronyms the text uses are always in it)."
    )


@dataclass(frozen=True)
class TranslateSettings:
    pivot_language: str = _f("en", "Language used as a pivot when no direct model exists.")
    batch_size: int = _f(
        64, "Sentences translated together in one batch (divided by beam_size when above 1)."
    )
    threads: int = _f(
        1,
        "CPU threads per translation (CTranslate2 intra_threads; 0: cores, at most 4). "
        "1 measured fastest on 2 shared cores (bench/translate.py).",
    )
    inter_threads: int = _f(1, "Batches translated in parallel (CTranslate2 inter_threads).")
    beam_size: int = _f(
        1,
        "Beam width: 1 (greedy) is 3-4x faster for short FALC sentences; "
        "4 is argostranslate's choice.",
    )


@dataclass(frozen=True)
class RenderSettings:
    page_size: str = _f("A5", "Paper size of the printed leaflets.")
    font_size_pt: float = _f(14.0, "Body font size of leaflets in points (FALC: at least 14).")


@dataclass(frozen=True)
class Settings:
    """All settings of a project, with ``root`` the folder holding ``cai-falc.toml``."""

    root: Path = field(default_factory=Path.cwd, metadata={"help": "Project folder."})
    project: ProjectSettings = field(default_factory=ProjectSettings)
    paths: PathSettings = field(default_factory=PathSettings)
    importer: ImportSettings = field(default_factory=ImportSettings)
    check: CheckSettings = field(default_factory=CheckSettings)
    simplify: SimplifySettings = field(default_factory=SimplifySettings)
    translate: TranslateSettings = field(default_factory=TranslateSettings)
    render: RenderSettings = field(default_factory=RenderSettings)

    def path(self, name: str) -> Path:
        """An absolute path from the ``[paths]`` section (``fiches``, ``output``...)."""
        return self.root / str(getattr(self.paths, name))

    @property
    def target_languages(self) -> list[str]:
        """Languages to translate into, without the source language."""
        return [lang for lang in self.project.languages if lang != self.project.source_language]


SECTIONS: dict[str, type] = {
    f.name: f.type if isinstance(f.type, type) else globals()[str(f.type)]
    for f in dataclasses.fields(Settings)
    if f.name != "root"
}


def describe() -> list[tuple[str, str, Any, str]]:
    """Every setting as (section, name, default, help), for docs and ``--help``."""
    rows = []
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            default: Any = f.default
            if default is dataclasses.MISSING:
                default = typing.cast(Any, f.default_factory)()
            rows.append((section, f.name, default, f.metadata["help"]))
    return rows


def _check_type(value: Any, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    if origin is list:
        (item,) = typing.get_args(expected)
        return isinstance(value, list) and all(_check_type(v, item) for v in value)
    if origin in (types.UnionType, typing.Union):
        return any(_check_type(value, t) for t in typing.get_args(expected))
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def _type_name(expected: Any) -> str:
    origin = typing.get_origin(expected)
    if origin is list:
        return f"a list of {_type_name(typing.get_args(expected)[0])}"
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        expected, str(expected)
    )


def _build_section(name: str, cls: type, data: Any, problems: list[str]) -> Any:
    if not isinstance(data, dict):
        problems.append(f"[{name}] must be a table of settings")
        return cls()
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            problems.append(
                f"Config value '{name}.{key}': unknown setting (known: {', '.join(sorted(known))})"
            )
            continue
        if not _check_type(value, hints[key]):
            problems.append(
                f"Config value '{name}.{key}': expected {_type_name(hints[key])}, got {value!r}"
            )
            continue
        values[key] = float(value) if hints[key] is float else value
    return cls(**values)


def language_problem(lang: str) -> str | None:
    """Why ``lang`` is not a language code cai-falc can use, or None when it is one."""
    if not _LANG_RE.match(lang):
        return f"{lang!r} is not a language code (use ISO 639-1 codes such as 'en', 'ar', 'uk')"
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return f"unknown language code {lang!r}"
    return None


def _validate(settings: Settings, problems: list[str]) -> None:
    langs = [settings.project.source_language, *settings.project.languages]
    for lang in langs:
        problem = language_problem(lang)
        if problem is not None:
            problems.append(f"Config value 'project.languages': {problem}")
    c = settings.check
    if c.long_sentence_warning > c.long_sentence_error:
        problems.append(
            "Config value 'check.long_sentence_warning': must not be above "
            f"check.long_sentence_error ({c.long_sentence_error})"
        )
    s = settings.simplify
    if not 1 <= s.min_lines <= s.max_lines:
        problems.append(
            "Config value 'simplify.min_lines': must be between 1 and simplify.max_lines"
        )
    if settings.render.font_size_pt < 14:
        problems.append("Config value 'render.font_size_pt': FALC leaflets need at least 14 pt")
    if settings.translate.batch_size < 1:
        problems.append("Config value 'translate.batch_size': must be at least 1")


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding ``cai-falc.toml`` (else ``start``)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return here


def load(root: Path | None = None) -> Settings:
    """Load ``cai-falc.toml`` from ``root`` (found upwards from the current folder)."""
    root = find_root(root)
    path = root / CONFIG_NAME
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise ConfigError([f"the file is not UTF-8 text ({exc.reason})"], path=path) from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([f"not valid TOML: {exc}"], path=path) from exc
    problems: list[str] = []
    sections: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SECTIONS:
            problems.append(f"unknown section [{key}] (known: {', '.join(SECTIONS)})")
            continue
        sections[key] = _build_section(key, SECTIONS[key], value, problems)
    settings = Settings(root=root, **sections)
    _validate(settings, problems)
    if problems:
        raise ConfigError(problems, path=path)
    return settings
