"""Facts of a text (numbers, years, dates, names) and the ones a FALC text adds.

A FALC text may shorten, reorder and explain, never invent: every number, year,
date and proper name it holds must occur in its source fiche (or in the glossary).
How a fact counts as supported, after normalising apostrophes, spaces and number
formats ("22 417", "22417", "22.417"):

- a number: its value occurs in the source, in digits or in words ("quatre" supports
  "4", "une cinquantaine" supports "50"); a count may change its spaces ("22417" for
  "22 417 personnes"), but a phone number, an amount, a postal code, an IBAN or an id
  must occur as written ("5 000 Namur" is not "5000 Namur"); after "plus de" /
  "près de" / "environ" / "presque" / "moins de", a round number is supported by the
  same words in the source ("plus de 3 000 hommes"), or by a source count (see
  :func:`roundable_count`) within its rounding ("plus de 22 000" by "22 417 personnes",
  never by "02 515 44 44", "2 500 €" or "5100 Jambes");
  "1 personne sur 3" is supported by a source percentage within 5 points (30 %);
- a year or a date: its normalised text occurs in the source ("17 décembre 2018");
- a name (capitalised words not at the start of a sentence, acronyms anywhere):
  its normalised text occurs in the source or in the glossary (terms, variants,
  expansions, explanations).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .glossary import Glossary

KINDS = ("number", "year", "date", "name")

MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()

_UNITS = {
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
    "mille": 1000,
}
#: "une cinquantaine de participants": an approximate number in words.
APPROX = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}

_WORD = r"[A-Za-zÀ-ÖØ-öø-ÿœŒ]"
_MONTH_RE = "|".join(MONTHS)
_DATE_RE = re.compile(
    rf"\b(?:(?:1er|[0-3]?\d)\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?|(?:{_MONTH_RE})\s+\d{{4}})\b"
    r"|\b[0-3]?\d/[01]?\d/\d{4}\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"(?<![\w.,/])\d{1,3}(?:[ .]\d{3})+(?![\d/])|(?<![\w/])\d+(?:,\d+)?(?![\w/])"
)
_YEAR_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_NUMWORD_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?:-(?:et-)?(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"|un|une))*s?\b",
    re.IGNORECASE,
)
#: "une centaine" is a number; "des centaines" (hundreds) supports no "environ 100".
APPROX_RE = re.compile(r"\b(" + "|".join(APPROX) + r")s?\b", re.IGNORECASE)
_PLURAL_APPROX_RE = re.compile(
    r"\b(?:des|plusieurs|quelques)\s+(?:" + "|".join(APPROX) + r")s\b", re.IGNORECASE
)
_PERCENT_RE = re.compile(r"(\d+(?:,\d+)?)\s*(?:%|pour\s?cent)")
_RATIO_RE = re.compile(r"\b(\d+)\s+(?:" + _WORD + r"+\s+)?sur\s+(\d+)\b")
_ROUNDING_RE = re.compile(r"(plus de|près de|environ|presque|moins de)\s+$", re.IGNORECASE)
#: Capitalised word (or acronym) and the particles that may join two of them.
_CAP_RE = re.compile(rf"(?<![\w'])(?:[A-ZÀ-ÖØ-Þ]{_WORD}*|[A-Z][A-Z0-9]+)(?:[-'][\w]+)*")
_PARTICLES = {"de", "du", "des", "d'", "la", "le", "l'"}
_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*$|^[A-Z]{2,}")


@dataclass(frozen=True)
class Fact:
    """A fact found in a text: kind (number/year/date/name), text and its span."""

    kind: str
    text: str
    start: int
    end: int


def normalise(text: str) -> str:
    """Same length as ``text``: typographic apostrophes and odd spaces made plain."""
    text = unicodedata.normalize("NFC", text)
    return (
        text.replace("\u2019", "'")
        .replace("\u02bc", "'")
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("\u2009", " ")
    )


def _fold(text: str) -> str:
    """Normalised for searching: plain spaces folded, case folded."""
    return " ".join(normalise(text).split()).casefold()


def number_value(text: str) -> float | None:
    """The value of a number written in digits ("22 417", "22.417", "2,5") or words."""
    raw = normalise(text).strip()
    digits = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", raw)
    if re.fullmatch(r"\d+(?:,\d+)?", digits):
        return float(digits.replace(",", "."))
    return _words_value(raw.casefold())


def _words_value(words: str) -> float | None:
    """Value of "quatre", "vingt-deux", "trois cents", "deux mille"; None otherwise."""
    parts = [p for p in re.split(r"[- ]", words) if p and p != "et"]
    total = current = 0
    for part in parts:
        if part in ("un", "une"):
            value = 1
        else:
            value = _UNITS.get(part, _UNITS.get(part.removesuffix("s"), 0))
        if not value:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and current == 4:  # quatre-vingt(s)
            current = 80
        else:
            current += value
    if total + current <= 1:
        return None
    return float(total + current)


#: Words after which a number names something (a file, an address, a phone line, an
#: article, a code) instead of counting it: « numéro de dossier 123456 », « le 123456 ».
_NAMING_WORDS = frozenset(
    """numéro numéros n° nº no num nr code codes postal postale dossier dossiers référence
    références réf ref le au du boîte bte bp rue avenue av chaussée place
    boulevard bd quai chemin route article articles art page pages p ligne version tél tel
    téléphone gsm fax matricule registre iban bic tva bce entreprise facture communication
    structurée ticket carte local bureau salle lot""".split()
)
#: A bound or an approximation already said: « environ 4 500 », « jusqu'à 1 874 », « sur 2 000 ».
_BOUND_BEFORE_RE = re.compile(
    r"(?:\b(?:environ|presque|quelque|quelques|approximativement|maximum|minimum|max|min|sur"
    r"|jusqu'(?:à|au|aux)|(?:plus|moins|près|autour) d[e'])|à peu près|au (?:moins|plus"
    r"|maximum|minimum)|à peine)\s*$",
    re.IGNORECASE,
)
#: Money before the number: « € 1.500 », « EUR 1 500 ».
_MONEY_BEFORE_RE = re.compile(r"(?:[€$£]|\b(?:eur|euros?|chf|usd))\s*$", re.IGNORECASE)
#: Another group of digits just before: « 0800 12 345 », « BE68 0910 1234 », « 165 – 5100 ».
_DIGITS_BEFORE_RE = re.compile(r"[0-9A-Za-z]*\d[0-9A-Za-z]*[ .\-/]?$")
#: One end of a range: « de 1 874 à 2 345 », « entre 1 200 et 1 500 » (not « en 2012 à 9136 »).
_RANGE_BEFORE_RE = re.compile(r"(\d[\d .]*)\s*(?:et|à|ou|-|–)\s*$")
#: Units, currencies and multipliers after a number: an amount or a measure, never rounded.
_UNIT_WORDS = frozenset(
    """€ euro euros eur centime centimes cent cents km m m2 m² m³ m3 cm mm kg g t tonne tonnes
    l litre litres ml h heure heures min minute minutes seconde secondes s sec jour jours
    semaine semaines mois an ans année années kwh mwh kw mw w watt watts ha hectare hectares
    are ares mètre mètres kilomètre kilomètres kilo kilos kilogramme kilogrammes gramme
    grammes octets mo go ko degré degrés point points mille million millions milliard
    milliards""".split()
)
#: Small words after a number that say nothing of what it counts.
_FUNCTION_WORDS = frozenset(
    """à a au aux de des du d en et ou où le la les l un une pour par sur sous dans avec sans
    que qu qui ne n se s est sont ont était étaient soit dont ce cette ces c il ils elle elles
    on nous vous y chez entre vers depuis pendant avant après jusqu plus moins environ mais
    donc car si comme selon contre parmi dès""".split()
)
_NEXT_WORD_RE = re.compile(r"\s*([^\W\d_][^\W_]*(?:[²³])?)")
_STATISTIC_AFTER_RE = re.compile(r"\s+en\s+(?:1[89]\d\d|20\d\d)\b")


def roundable_count(text: str, start: int, end: int) -> bool:
    """True if the number ``text[start:end]`` counts something and may be rounded.

    « 22 417 personnes », « 1 874 demandes », « passant de 22 417 en 2012 »: a count,
    followed by what it counts (a lowercase noun) or by « en <year> ». Never rounded,
    because they must be read exactly: phone numbers, IBANs, account and file numbers
    (digit groups next to other digit groups, a leading 0, « numéro », « le 123456 »),
    postal codes (« 5100 Jambes »), amounts (« 2 500 € », « € 1.500 », « 1.500 euros »),
    measures (« 1 200 km »), decimals, years, one end of a range, and numbers that are
    already approximate or bounds (« environ 4 500 », « jusqu'à 1 874 »).
    """
    norm = normalise(text)
    raw = norm[start:end].strip()
    if not raw or raw[0] == "0" or "," in raw or not re.fullmatch(r"\d+(?:[ .]\d{3})*", raw):
        return False
    if _YEAR_RE.match(raw):
        return False
    before, after = norm[max(0, start - 40) : start], norm[end:]
    if _DIGITS_BEFORE_RE.search(before) or re.match(r"[ .\-/]?\d", after):
        return False  # one group of a phone number, an IBAN, an account, an id
    if _BOUND_BEFORE_RE.search(before) or _MONEY_BEFORE_RE.search(before):
        return False
    rng = _RANGE_BEFORE_RE.search(before)
    if rng and not _YEAR_RE.match(rng.group(1).strip()):
        return False
    previous = re.search(r"([^\W\d_][\w°º]*)\.?\s*$", before)
    if previous and previous.group(1).casefold() in _NAMING_WORDS:
        return False
    if _STATISTIC_AFTER_RE.match(after):
        return True
    following = _NEXT_WORD_RE.match(after)
    if not following:
        return False  # « € », « % », end of sentence: not a count of something
    word = following.group(1)
    if not word[0].islower():
        return False  # « 5100 Jambes »: a postal code before a place name
    return word.casefold() not in _UNIT_WORDS and word.casefold() not in _FUNCTION_WORDS


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


_LINE_START_RE = re.compile(r"^[ \t]*(?:#+[ \t]*|[-*•][ \t]+)?", re.MULTILINE)
_AFTER_PUNCT_RE = re.compile(r"(?:[.!?:…]|«|\(|\")\s*")


def _sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence, line, heading, bullet, quote or parenthesis starts."""
    starts = {m.end() for m in _LINE_START_RE.finditer(text)}
    starts.update(m.end() for m in _AFTER_PUNCT_RE.finditer(text))
    return starts


def extract(text: str) -> list[Fact]:
    """Every number, year, date and proper name of ``text``, in order."""
    norm = normalise(text)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(norm):
        facts.append(Fact("date", m.group(), m.start(), m.end()))
        taken.append(m.span())
    for m in _NUMBER_RE.finditer(norm):
        if _overlaps(m.span(), taken):
            continue
        kind = "year" if _YEAR_RE.match(m.group()) else "number"
        facts.append(Fact(kind, m.group(), m.start(), m.end()))
        taken.append(m.span())
    for m in _NUMWORD_RE.finditer(norm):
        if not _overlaps(m.span(), taken) and number_value(m.group()) is not None:
            facts.append(Fact("number", m.group(), m.start(), m.end()))
            taken.append(m.span())
    starts = _sentence_starts(norm)
    for start, end in _name_spans(norm, starts):
        if not _overlaps((start, end), taken):
            facts.append(Fact("name", norm[start:end], start, end))
    return sorted(facts, key=lambda f: f.start)


def _name_spans(text: str, starts: set[int]) -> list[tuple[int, int]]:
    """Spans of proper names: runs of capitalised words joined by particles."""
    spans: list[tuple[int, int]] = []
    words = list(_CAP_RE.finditer(text))
    i = 0
    while i < len(words):
        m = words[i]
        word = m.group()
        at_start = m.start() in starts
        # A capitalised first word is a name only if it is an acronym (CAI, CPAS).
        if at_start and not _ACRONYM_RE.match(word):
            i += 1
            continue
        start, end = m.start(), m.end()
        j = i + 1
        while j < len(words):
            gap = text[end : words[j].start()]
            tokens = gap.replace("'", "' ").split()
            joined_by_space = gap == " "
            joined_by_particle = (
                bool(tokens)
                and all(t.lower() in _PARTICLES for t in tokens)
                and len(gap) < 10
                and "\n" not in gap
            )
            if joined_by_space or joined_by_particle:
                end = words[j].end()
                j += 1
            else:
                break
        spans.append((start, end))
        i = j
    return spans


@dataclass(frozen=True)
class _Value:
    """A number of the source: its value, its text (spaces made plain) and whether it is a
    count that may be rounded (:func:`roundable_count`; numbers in words always are)."""

    value: float
    text: str
    count: bool


def _source_values(source: str) -> list[_Value]:
    """Every number of the source (digits, words, "une cinquantaine"), dates left out."""
    norm = normalise(source)
    dates = [m.span() for m in _DATE_RE.finditer(norm)]
    values: list[_Value] = []
    for m in _NUMBER_RE.finditer(norm):
        value = number_value(m.group())
        if value is not None and not _overlaps(m.span(), dates):
            count = roundable_count(norm, m.start(), m.end())
            values.append(_Value(value, " ".join(m.group().split()), count))
    for m in _NUMWORD_RE.finditer(norm):
        value = number_value(m.group())
        if value is not None and not _overlaps(m.span(), dates):
            values.append(_Value(value, m.group().casefold(), True))
    plural = [m.span() for m in _PLURAL_APPROX_RE.finditer(norm)]
    for m in APPROX_RE.finditer(norm):
        if _overlaps(m.span(), plural):
            continue
        values.append(_Value(float(APPROX[m.group(1).lower()]), m.group().casefold(), True))
    return values


def _percentages(source: str) -> list[float]:
    return [float(m.group(1).replace(",", ".")) for m in _PERCENT_RE.finditer(normalise(source))]


def _precision(value: float) -> float:
    """10 ** (trailing zeros): 22000 -> 1000, 40 -> 10, 7 -> 1."""
    n = int(value)
    if n != value or n == 0:
        return 1.0
    step = 1
    while n % (step * 10) == 0:
        step *= 10
    return float(step)


def _number_supported(
    fact: Fact, draft: str, values: list[_Value], percents: list[float], folded: str
) -> bool:
    value = number_value(fact.text)
    if value is None:
        return True
    text = " ".join(fact.text.split())
    before = draft[max(0, fact.start - 20) : fact.start]
    rounding = _ROUNDING_RE.search(before)
    if rounding:
        word = " ".join(rounding.group(1).casefold().split())
        # Said so in the source: « plus de 3 000 hommes », « environ 4 500 ».
        said = rf"(?<![\w]){re.escape(word)} {re.escape(text.casefold())}(?![\d,])"
        if re.search(said, folded):
            return True
        # A round number is as precise as its last non-zero digit: "plus de 22 000"
        # claims a value in [22 000, 23 000), "environ 40" one in [35, 45]. Only a count
        # may be rounded: never a phone number, an amount, a postal code or an id.
        step = _precision(value)
        for v in (c.value for c in values if c.count):
            if word == "plus de" and value <= v < value + step:
                return True
            if word == "moins de" and value - step < v <= value:
                return True
            if word in ("près de", "presque") and value - step < v <= value:
                return True
            if word == "environ" and abs(v - value) <= step / 2:
                return True
    elif any(v.value == value and (v.count or v.text == text) for v in values):
        # A count may change its spaces (« 22417 », « 22 417 »); a phone number, an
        # amount, a postal code or an id must occur as written.
        return True
    # "1 personne sur 3" rewrites a percentage of the source.
    for m in _RATIO_RE.finditer(draft):
        if m.start() <= fact.start < m.end():
            share = 100 * int(m.group(1)) / max(int(m.group(2)), 1)
            return any(abs(share - p) <= 5 for p in percents)
    return False


def _glossary_text(glossary: Glossary | None) -> str:
    if glossary is None:
        return ""
    parts: list[str] = []
    for term in glossary.terms:
        parts.extend((term.term, *term.variants, term.expansion, term.explanation))
    return "\n".join(parts)


@functools.lru_cache(maxsize=32)
def _prepared(reference: str) -> tuple[str, str, list[_Value]]:
    """The source side of the comparison, once per source: the simplifier asks about
    every candidate line of a fiche against the same fiche."""
    folded = _fold(reference)
    folded_nospace = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", folded)
    return folded, folded_nospace, _source_values(reference)


def unsupported_facts(
    falc_text: str, *, source: str, glossary: Glossary | None = None
) -> list[Fact]:
    """Facts of ``falc_text`` that neither ``source`` nor the glossary supports."""
    folded, folded_nospace, values = _prepared(source + "\n" + _glossary_text(glossary))
    percents = _percentages(source)
    draft = normalise(falc_text)
    out: list[Fact] = []
    for fact in extract(falc_text):
        if fact.kind == "number":
            ok = _number_supported(fact, draft, values, percents, folded)
        elif fact.kind == "year":
            ok = re.search(rf"(?<!\d){fact.text}(?!\d)", folded) is not None
        elif fact.kind == "date":
            text = _fold(fact.text)
            ok = text in folded or text in folded_nospace
        else:
            ok = any(_fold(name) in folded for name in _spelt_out(fact.text, glossary))
        if not ok:
            out.append(fact)
    return out


def _spelt_out(name: str, glossary: Glossary | None) -> list[str]:
    """A name as written, and with each glossary acronym in it written out as the source
    may have it: "BAPA du CAI" is "Bureau d'accueil des primo-arrivants (BAPA) du CAI"
    (the simplifier writes long names as their acronym)."""
    names = [name]
    if glossary is None:
        return names
    for word in set(re.findall(r"\b[A-ZÀ-Ý]{2,}\b", name)):
        term = glossary.get(word)
        if term is None or term.kind != "acronym" or not term.expansion:
            continue
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        names = [
            pattern.sub(written.replace("\\", "\\\\"), n)
            for n in names
            for written in (word, f"{term.expansion} ({word})", term.expansion)
        ]
    return names
