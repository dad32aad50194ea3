"""The glossary: terms with their FALC explanation, replacement and approved translations.

Files are ``glossaries/*.yaml``, each a list of terms under ``terms:``::

    terms:
      - term: CPAS
        kind: acronym                 # acronym | jargon | expression | name
        expansion: Centre public d'action sociale
        explanation: Le CPAS aide les personnes qui ont peu d'argent.
        replacement: null             # a simpler word to write instead, if any
        variants: [C.P.A.S.]          # other spellings found in texts
        synonyms: []                  # words for the same thing ('same-word' rule)
        translations:                 # approved translations, enforced by 'translate'
          en: public social welfare centre (CPAS)

The glossary is people's work: commands read it, never write it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import storage
from .errors import GlossaryError

KINDS = ("acronym", "jargon", "expression", "name")
_KEYS = {
    "term",
    "kind",
    "expansion",
    "explanation",
    "replacement",
    "variants",
    "synonyms",
    "translations",
}
_LANG_RE = re.compile(r"^[a-z]{2,3}$")
# libyaml's parser when it is there: ten times faster, same data.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def normalise(text: str) -> str:
    """The form used to match terms: NFC, typographic apostrophes made plain, spaces folded."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ")
    return " ".join(text.split())


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    kind: str
    explanation: str
    expansion: str = ""
    replacement: str = ""
    variants: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    translations: dict[str, str] = field(default_factory=dict, hash=False)
    path: Path | None = field(default=None, compare=False, hash=False)
    line: int = field(default=0, compare=False, hash=False)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that refers to this term."""
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Match:
    """A term found in a text: the term, its span and the text as written there."""

    term: Term
    start: int
    end: int
    text: str


@dataclass
class Glossary:
    """All terms of a project, looked up by any of their forms."""

    terms: list[Term] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[str, Term] = {}
        for term in self.terms:
            for form in term.forms:
                self._index.setdefault(self._key(form, term.kind), term)

    @staticmethod
    def _key(form: str, kind: str) -> str:
        # Acronyms are case-sensitive (PLI vs pli); other terms are not.
        form = normalise(form)
        return form if kind == "acronym" else form.casefold()

    def get(self, form: str) -> Term | None:
        """The term written ``form`` (exact case for acronyms), or None."""
        return self._index.get(normalise(form)) or self._index.get(normalise(form).casefold())

    def __contains__(self, form: str) -> bool:
        return self.get(form) is not None

    def __len__(self) -> int:
        return len(self.terms)

    def find(self, text: str) -> list[Match]:
        """Every term written in ``text``, longest form first, never overlapping, in order."""
        pattern = self._pattern()
        if pattern is None:
            return []
        plain = text.replace("\u2019", "'").replace("\u00a0", " ")
        out = []
        for m in pattern.finditer(plain):
            term = self.get(m.group())
            if term is not None:
                out.append(Match(term, m.start(), m.end(), text[m.start() : m.end()]))
        return out

    def _pattern(self) -> re.Pattern[str] | None:
        cached: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if cached is not None or not self.terms:
            return cached
        forms = sorted(
            {(normalise(f), t.kind) for t in self.terms for f in t.forms},
            key=lambda item: -len(item[0]),
        )
        # Acronyms match with their exact case (PLI, not "pli"); other terms in any case.
        alternatives = [
            re.escape(form) if kind == "acronym" else f"(?i:{re.escape(form)})"
            for form, kind in forms
        ]
        # After an apostrophe a term still starts: "d'ISP", "l'interculturalité".
        compiled = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
        self.__dict__["_compiled"] = compiled
        return compiled

    def translation(self, form: str, lang: str) -> str | None:
        """The approved translation of a term into ``lang``, if the glossary has one."""
        term = self.get(form)
        return term.translations.get(lang) if term else None


def _lines(text: str) -> dict[int, int]:
    """For each item of the ``terms`` list: its index -> its line (1-based)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    out: dict[int, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "terms" and isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    out[i] = item.start_mark.line + 1
    return out


def parse(text: str, path: Path) -> list[Term]:
    """The terms of one glossary file; raise :class:`GlossaryError` naming file and line."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise GlossaryError(
            path,
            f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
            line=mark.line + 1 if mark is not None else None,
        ) from exc
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise GlossaryError(path, "expected a 'terms:' list at the top", line=1)
    lines = _lines(text)
    terms = []
    for i, item in enumerate(data["terms"]):
        terms.append(_term(item, path, lines.get(i, 1)))
    return terms


def _term(item: Any, path: Path, line: int) -> Term:
    def fail(message: str) -> GlossaryError:
        return GlossaryError(path, message, line=line)

    if not isinstance(item, dict):
        raise fail("each term must be a mapping with at least 'term' and 'explanation'")
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    term = item.get("term")
    if not isinstance(term, str) or not term.strip():
        raise fail("missing 'term'")
    kind = item.get("kind") or "jargon"
    if kind not in KINDS:
        raise fail(f"term {term!r}: kind {kind!r} is not one of {', '.join(KINDS)}")
    texts: dict[str, str] = {}
    for key in ("explanation", "expansion", "replacement"):
        value = item.get(key) or ""
        if not isinstance(value, str):
            raise fail(f"term {term!r}: '{key}' must be text")
        texts[key] = value.strip()
    if not texts["explanation"] and not texts["expansion"]:
        raise fail(f"term {term!r}: give an 'explanation' (or at least an 'expansion')")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("variants", "synonyms"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"term {term!r}: '{key}' must be a list of texts")
        lists[key] = tuple(value)
    translations = item.get("translations") or {}
    if not isinstance(translations, dict):
        raise fail(f"term {term!r}: 'translations' must map language codes to texts")
    for lang, value in translations.items():
        if not isinstance(lang, str) or not _LANG_RE.match(lang) or not isinstance(value, str):
            raise fail(f"term {term!r}: translation {lang!r} must be 'code: text' (e.g. en: ...)")
    return Term(
        term=term.strip(),
        kind=kind,
        explanation=texts["explanation"],
        expansion=texts["expansion"],
        replacement=texts["replacement"],
        variants=lists["variants"],
        synonyms=lists["synonyms"],
        translations=dict(translations),
        path=path,
        line=line,
    )


def load(folder: Path) -> Glossary:
    """Every term of every ``*.yaml`` file in ``folder``; a term defined twice is an error."""
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        for term in parse(storage.read_text(path, allow_empty=True).text, path):
            key = Glossary._key(term.term, term.kind)
            if key in seen:
                first = seen[key]
                raise GlossaryError(
                    path,
                    f"term {term.term!r} is already defined at {first.path}:{first.line}",
                    line=term.line,
                    hint="Keep one entry per term; put other spellings under 'variants'.",
                )
            seen[key] = term
            terms.append(term)
    return Glossary(terms)
