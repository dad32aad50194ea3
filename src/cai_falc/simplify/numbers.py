"""Numbers a newcomer can read: digits, no percentages, big numbers rounded, full dates.

Every rewrite keeps the fact checkable (see :mod:`cai_falc.facts`): "22 417" becomes
"plus de 22 000" (rounded down, so "plus de" stays true), "30 %" becomes
"environ 1 personne sur 3", "quatre" becomes "4", "25/09/2009" becomes
"25 septembre 2009". Years are never touched.
"""

from __future__ import annotations

import re

from .. import facts

_PERCENT_OF_RE = re.compile(
    r"(?:(?:plus de|près de|environ|presque)\s+)?(\d+(?:,\d+)?)\s*(?:%|pour\s?cent)\s+des\s+(\w+)"
)
_BIG_RE = re.compile(r"(?<![\w.,/])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{4,})(?![\d/,])")
_PERCENT_RE = re.compile(
    r"(?:(?:plus de|près de|environ|presque)\s+)?(\d+(?:,\d+)?)\s*(?:%|pour\s?cent)"
)
_APPROX_RE = re.compile(
    r"\b(?:une|des)\s+(" + "|".join(facts.APPROX) + r")s?\s+(?:de\s+|d['\u2019])", re.I
)
_SLASH_DATE_RE = re.compile(r"\b([0-3]?\d)/([01]?\d)/(\d{4})\b")
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
#: Number words written as digits; "un"/"une" stay words (FALC keeps them).
_WORDS_RE = re.compile(
    r"(?<![\w-])(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille)(?:-(?:et-)?"
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|un|une))?(?![\w-])",
    re.IGNORECASE,
)


def _group(n: int) -> str:
    """French digit grouping with a plain space: 22000 -> "22 000"."""
    return f"{n:,}".replace(",", " ")


def simple_fraction(share: float) -> tuple[int, int] | None:
    """The closest simple fraction (denominator 2..10), small denominators preferred."""
    best: tuple[float, int, int] | None = None
    for den in range(2, 11):
        num = round(share * den)
        if not 1 <= num < den:
            continue
        cost = abs(num / den - share) + 0.005 * den
        if best is None or cost < best[0]:
            best = (cost, num, den)
    return (best[1], best[2]) if best is not None else None


def percent_to_ratio(percent: float, noun: str = "personne") -> str:
    """30 -> "environ 1 personne sur 3": the simplest fraction close to the percentage."""
    share = percent / 100
    if share < 0.05:
        return f"très peu de {noun}s"
    if share > 0.95:
        return "presque tout le monde" if noun == "personne" else f"presque tous les {noun}s"
    num, den = simple_fraction(share) or (round(share * 10), 10)
    return f"environ {num} {noun if num == 1 else noun + 's'} sur {den}"


def percentages(text: str) -> str:
    """ "30 % des personnes" -> "environ 1 personne sur 3"."""

    def of_noun(m: re.Match[str]) -> str:
        noun = m.group(2)
        singular = noun[:-1] if noun.endswith("s") else noun
        return percent_to_ratio(float(m.group(1).replace(",", ".")), singular)

    # "30 % des demandes" -> "environ 3 demandes sur 10"
    out = _PERCENT_OF_RE.sub(of_noun, text)
    # "dont 12 % ont ..." counts what came before: "dont environ 1 sur 8 ont ..."
    out = re.sub(
        r"\bdont\s+" + _PERCENT_RE.pattern,
        lambda m: (
            "dont "
            + percent_to_ratio(float(m.group(1).replace(",", ".")))
            .replace(" personnes sur", " sur")
            .replace(" personne sur", " sur")
        ),
        out,
    )
    return _PERCENT_RE.sub(lambda m: percent_to_ratio(float(m.group(1).replace(",", "."))), out)


def big_numbers(text: str) -> str:
    """Numbers of 1000 or more that are not years -> "plus de 22 000"."""

    def repl(m: re.Match[str]) -> str:
        raw = m.group(1)
        value = facts.number_value(raw)
        if value is None or (_YEAR_RE.match(raw) and value < 2100):
            return raw
        n = int(value)
        if n < 1000:
            return raw
        digits = len(str(n))
        unit = 10 ** max(digits - 2, 3)
        rounded = n // unit * unit
        if rounded == n:
            return _group(n)
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(plus de|près de|environ|presque|moins de)\s*$", before):
            return _group(rounded)
        return f"plus de {_group(rounded)}"

    return _BIG_RE.sub(repl, text)


def number_words(text: str) -> str:
    """ "quatre heures" -> "4 heures"; "une cinquantaine de" -> "environ 50"."""
    text = _APPROX_RE.sub(lambda m: f"environ {facts.APPROX[m.group(1).lower()]} ", text)

    def repl(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 4) : m.start()].lower()
        if before.endswith("les ") and m.group().lower() == "deux":
            return m.group()
        value = facts.number_value(m.group())
        return m.group() if value is None else str(int(value))

    return _WORDS_RE.sub(repl, text)


def slash_dates(text: str) -> str:
    """ "25/09/2009" -> "25 septembre 2009"."""

    def repl(m: re.Match[str]) -> str:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return m.group()
        return f"{'1er' if day == 1 else day} {facts.MONTHS[month - 1]} {year}"

    return _SLASH_DATE_RE.sub(repl, text)
