"""Protected tokens: what a translation model must not touch, and the check that it did not.

Before translation, URLs, e-mail addresses, phone numbers, numeric dates, glossary names
and acronyms, and glossary terms with an approved translation are replaced by
placeholders (``ZX1``, ``ZX2``...). After translation each placeholder is put back: the
original text, or the approved translation of the term. Other numbers stay in the
sentence (a model needs them for agreement: "1 personne", "3 personnes") and are
checked instead: the same digits must come out.

Placeholders are plain ASCII letters and digits: SentencePiece keeps them, and no
decoder turns them into something else (Argos's own decoder turns ``_`` into a space,
so no underscore). A segment whose placeholders or numbers did not all come out is
*damaged*: the caller keeps it out of published text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .glossary import Glossary, Term

#: Bump when the rules change: machine entries made with older rules are redone.
VERSION = "1"

_PLACEHOLDER = "ZX{}"
_PLACEHOLDER_RE = re.compile(r"\b[Zz]\s?[Xx]\s?(\d{1,3})\b")

_URL = (
    r"(?:https?://|www\.)[^\s<>«»\"]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:be|com|org|net|eu|fr|info|gov)\b(?:/[^\s<>«»\"]*)?"
)
_EMAIL = r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
# Belgian numbers as written: 081 73 71 76, 0470/12.34.56, +32 81 73 71 76, 02-511 23 45.
_PHONE = (
    r"(?<![\w+])(?:\+\d{2,3}[\s\u00a0]?(?:\(0\))?|00\d{2}[\s\u00a0]?|0)"
    r"\d{1,3}(?:[\s\u00a0./-]?\d{2,3}){2,4}\b"
)
_DATE = r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(_EMAIL)),
    ("url", re.compile(_URL)),
    ("date", re.compile(_DATE)),
    ("phone", re.compile(_PHONE)),
)
_NUMBER_RE = re.compile(r"\d+")
_TRAILING = ".,;:!?)»"


@dataclass(frozen=True)
class Slot:
    """One protected span: its placeholder, what it was, and what comes back."""

    placeholder: str
    original: str
    replacement: str
    kind: str  # email | url | date | phone | name | term


@dataclass(frozen=True)
class Protected:
    """A segment ready for the model, and what must come out of it."""

    source: str
    text: str
    slots: tuple[Slot, ...]
    numbers: tuple[str, ...]

    def key(self) -> str:
        """What the output depends on besides the model: rules and substitutions."""
        return VERSION + "|" + "|".join(f"{s.kind}:{s.replacement}" for s in self.slots)


def _term_pattern(form: str, term: Term) -> re.Pattern[str]:
    pieces = []
    for char in form:
        if char in "'\u2019":
            pieces.append("['\u2019]")
        elif char.isspace():
            pieces.append(r"[\s\u00a0]+")
        else:
            pieces.append(re.escape(char))
    flags = 0 if term.kind == "acronym" else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + "".join(pieces) + r"(?![\w-])", flags)


_Span = tuple[int, int, str, str]  # start, end, replacement, kind


#: (glossary, lang) -> the glossary, and its protected forms for ``lang`` (see below).
_FORMS: dict[tuple[int, str], tuple[Glossary, list[tuple[re.Pattern[str], str | None]]]] = {}


def _protected_forms(glossary: Glossary, lang: str) -> list[tuple[re.Pattern[str], str | None]]:
    """Each form to protect in ``lang``, longest first, with its approved translation.

    Made once per glossary and language: a project's catalogs protect every sentence in
    every language, and building the patterns anew each time took most of that time.
    """
    known = _FORMS.get((id(glossary), lang))
    if known is None or known[0] is not glossary:
        forms = sorted(
            ((form, term) for term in glossary.terms for form in term.forms),
            key=lambda item: -len(item[0]),
        )
        protected = []
        for form, term in forms:
            approved = term.translations.get(lang)
            if approved is None and term.kind not in ("name", "acronym"):
                continue  # the model translates ordinary terms
            protected.append((_term_pattern(form, term), approved))
        if len(_FORMS) > 64:
            _FORMS.clear()
        known = _FORMS[(id(glossary), lang)] = (glossary, protected)
    return known[1]


def _glossary_spans(text: str, *, lang: str, glossary: Glossary | None) -> list[_Span]:
    if glossary is None:
        return []
    spans: list[_Span] = []
    for pattern, approved in _protected_forms(glossary, lang):
        for match in pattern.finditer(text):
            kind = "term" if approved else "name"
            spans.append((match.start(), match.end(), approved or match.group(), kind))
    return spans


def protect(text: str, *, lang: str, glossary: Glossary | None = None) -> Protected:
    """Replace protected spans of ``text`` by placeholders for translation into ``lang``."""
    candidates: list[tuple[int, int, str, str]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            while end > start and text[end - 1] in _TRAILING:
                end -= 1  # "www.cai.be." ends the sentence, not the address
            if kind == "phone" and len(_NUMBER_RE.findall(text[start:end])) < 2:
                continue
            if kind == "phone" and sum(c.isdigit() for c in text[start:end]) < 8:
                continue
            candidates.append((start, end, text[start:end], kind))
    candidates.extend(_glossary_spans(text, lang=lang, glossary=glossary))
    # Earliest first, longest first: the first span that fits wins.
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[tuple[int, int, str, str]] = []
    taken_until = -1
    for start, end, replacement, kind in candidates:
        if start >= taken_until:
            chosen.append((start, end, replacement, kind))
            taken_until = end
    out, slots, last = [], [], 0
    for n, (start, end, replacement, kind) in enumerate(chosen, 1):
        placeholder = _PLACEHOLDER.format(n)
        out.append(text[last:start])
        out.append(placeholder)
        slots.append(Slot(placeholder, text[start:end], replacement, kind))
        last = end
    out.append(text[last:])
    protected = "".join(out)
    numbers = tuple(_NUMBER_RE.findall(_PLACEHOLDER_RE.sub(" ", protected)))
    return Protected(source=text, text=protected, slots=tuple(slots), numbers=numbers)


def restore(translated: str, protected: Protected) -> tuple[str, list[str]]:
    """Put the protected spans back; also return what did not survive (plain French)."""
    by_number = {str(n): slot for n, slot in enumerate(protected.slots, 1)}
    seen: Counter[str] = Counter()

    def put_back(match: re.Match[str]) -> str:
        slot = by_number.get(match.group(1))
        if slot is None:
            return match.group()
        seen[slot.placeholder] += 1
        return slot.replacement

    text = _PLACEHOLDER_RE.sub(put_back, translated)
    problems = []
    for slot in protected.slots:
        if seen[slot.placeholder] == 0:
            problems.append(f"« {slot.original} » manque dans la traduction")
        elif seen[slot.placeholder] > 1:
            problems.append(f"« {slot.original} » apparaît {seen[slot.placeholder]} fois")
    out_numbers = Counter(_NUMBER_RE.findall(_PLACEHOLDER_RE.sub(" ", translated)))
    in_numbers = Counter(protected.numbers)
    for number in sorted(in_numbers - out_numbers, key=protected.numbers.index):
        problems.append(f"le nombre « {number} » manque dans la traduction")
    for number in sorted(out_numbers - in_numbers):
        problems.append(f"le nombre « {number} » a été ajouté par la traduction")
    return text, problems


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit (Arabic-Indic, Persian...) written 0-9."""
    import unicodedata

    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )


def check_reviewed(source: str, translation: str) -> list[str]:
    """What a person's translation lost of ``source``: addresses, phone numbers, numbers.

    Only a warning: an interpreter may have good reasons (« 14 h » -> « 2 pm »), but
    a changed phone number or year on a leaflet is worse than a missing line.
    """
    protected = protect(source, lang="")
    text = _ascii_digits(translation)
    flat = re.sub(r"[\s\u00a0./-]", "", text)
    problems = []
    for slot in protected.slots:
        if slot.kind in ("email", "url") and slot.original.lower() not in text.lower():
            problems.append(f"« {slot.original} » manque dans la traduction relue")
        elif slot.kind in ("phone", "date"):
            digits = re.sub(r"\D", "", slot.original)
            if digits not in re.sub(r"\D", "", flat):
                problems.append(f"« {slot.original} » manque dans la traduction relue")
    # Numbers outside addresses, phone numbers and dates, on both sides.
    in_numbers = Counter(protected.numbers)
    out_numbers = Counter(protect(text, lang="").numbers)
    for number in sorted(in_numbers - out_numbers, key=protected.numbers.index):
        problems.append(f"le nombre « {number} » manque dans la traduction relue")
    for number in sorted(out_numbers - in_numbers):
        problems.append(f"le nombre « {number} » a été ajouté dans la traduction relue")
    return problems
