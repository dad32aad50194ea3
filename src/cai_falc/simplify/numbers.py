"""Numbers a newcomer can read: digits, few percentages, counts rounded, full dates.

Every rewrite keeps the fact checkable (see :mod:`cai_falc.facts`): "22 417 personnes"
becomes "plus de 22 000 personnes" (rounded down, so "plus de" stays true), "30 % des
familles" becomes "environ 1 famille sur 3", "quatre" becomes "4", "25/09/2009" becomes
"25 septembre 2009". Only what can be rewritten truly is: years, phone numbers, amounts
of money, postal codes, IBANs and file numbers stay exactly as written, and so does a
percentage that is not a share of things one can count (« une réduction de 50 % »).
"""

from __future__ import annotations

import re

from .. import facts, lexicon

#: "30 % des demandes", with the approximation before it and the verb after it.
_PERCENT_OF_RE = re.compile(
    r"(?P<de>\b(?:de|que)\s+)?(?:(?P<pre>\b(?:(?:plus|près|moins)\s+de|environ|presque))\s+)?"
    r"(?P<num>\d+(?:,\d+)?)\s*(?:%|pour\s?cent)\s+(?:des\s+|de\s+|d['\u2019])"
    r"(?P<noun>[^\W\d_]+(?:-[^\W\d_]+)*)\b"
    r"(?P<verb>\s+(?:n['\u2019]|ne\s+)?(?:ont|sont|[^\W\d_]+ent)\b(?:\s+(?:pas|déjà|encore|jamais|été))*"
    r"(?:\s+[^\W\d_]+)?)?",
    re.IGNORECASE,
)
#: "dont 12 % ont été refusées": the share of what came before, then a verb.
_DONT_PERCENT_RE = re.compile(
    r"\b(?P<dont>dont)\s+(?P<num>\d+(?:,\d+)?)\s*(?:%|pour\s?cent)"
    r"(?=\s+(?:n['\u2019]|ne\b|se\b|s['\u2019]|ont\b|sont\b|[^\W\d_]+ent\b))",
    re.IGNORECASE,
)
#: A number of four digits or more, or grouped by thousands: « 22 417 », « 1.500 ».
_BIG_RE = re.compile(r"(?<![\w.,/])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{4,})(?![\d/,])")
_SENTENCE_START_RE = re.compile(r"(?:[.!?\n]\s*|^\s*[-*•]\s+)$")
#: Plural nouns that are also their singular.
_INVARIABLE = frozenset("cas pays avis fois temps corps poids repas mois prix voix choix".split())
#: Shares of an amount, not of things one can count: their percentage stays.
_NOT_COUNTED = frozenset(
    """revenus recettes dépenses frais coûts montants salaires budgets moyens ressources
    impôts taxes bénéfices crédits fonds subsides subventions allocations loyers charges
    primes indemnités gens plus moins""".split()
)
_APPROX_RE = re.compile(
    # "une centaine de" is about 100; "des centaines de" is not (hundreds): it stays
    r"\b(?:une)\s+(" + "|".join(facts.APPROX) + r")\s+(?:de\s+|d['\u2019])", re.I
)
_SLASH_DATE_RE = re.compile(r"\b([0-3]?\d)/([01]?\d)/(\d{4})\b")
_SPACES = " \u00a0\u202f"
#: Number words written as digits; "un"/"une" stay words (FALC keeps them).
_WORDS_RE = re.compile(
    r"(?<![\w-])(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille)(?:-(?:et-)?"
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|un|une))?(?![\w-])",
    re.IGNORECASE,
)


def _group(n: int, sep: str = " ") -> str:
    """French digit grouping, a plain space unless told: 22000 -> "22 000"."""
    return f"{n:,}".replace(",", sep)


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


def percentages(text: str) -> str:
    """ "30 % des demandes" -> "environ 1 demande sur 3"; other percentages kept.

    Only a share of things that can be counted is said as "1 <thing> sur M": the
    percentage must be followed by « des »/« de »/« d' » and a plural noun, and be close
    to a simple fraction. « Une réduction de 50 % », « a augmenté de 12,5 % » or
    « 20 % des revenus nets » keep their percentage (a kept percentage is better than a
    wrong sentence). An approximation already said (« près de », « environ »,
    « presque ») is folded into the new one; « plus de »/« moins de » are kept only
    when the fraction is exact (« plus de 50 % » -> « plus de 1 ... sur 2 »). « de
    environ » is written « d'environ »; the verb after « 1 <thing> sur M » is put in
    the singular (« ont » -> « a », « sont refusées » -> « est refusée »).
    """

    def of_noun(m: re.Match[str]) -> str:
        phrase = _share_of(m, text)
        if phrase is None:
            return m.group()
        de = m.group("de") or ""
        if de and phrase.startswith("environ"):
            de = de.rstrip()[:-1] + "'"  # « de environ » -> « d'environ », « qu'environ »
        out = (
            de
            + phrase
            + _verb(m, singular=phrase.startswith(("environ 1 ", "plus de 1 ", "moins de 1 ")))
        )
        if m.group()[0].isupper() or (m.group()[0].isdigit() and _starts_sentence(text, m)):
            out = out[0].upper() + out[1:]
        return out

    out = _PERCENT_OF_RE.sub(of_noun, text)

    # "dont 12 % ont ..." counts what came before: "dont environ 1 sur 8 ont ..."
    def of_before(m: re.Match[str]) -> str:
        share = float(m.group("num").replace(",", ".")) / 100
        frac = _close_fraction(share)
        if frac is None:
            return m.group()
        return f"{m.group('dont')} environ {frac[0]} sur {frac[1]}"

    return _DONT_PERCENT_RE.sub(of_before, out)


def _starts_sentence(text: str, m: re.Match[str]) -> bool:
    """True if ``m`` opens a sentence: after « . » or a line break, or at the start of a
    text that is a whole sentence (« 75 % des élèves » alone stays a fragment)."""
    if m.start() == 0:
        return re.search(r"[.!?…]\s*$", text) is not None
    return _SENTENCE_START_RE.search(text[: m.start()]) is not None


def _close_fraction(share: float) -> tuple[int, int] | None:
    """A simple fraction within 4 points of ``share`` (5 % to 95 % only)."""
    if not 0.05 <= share <= 0.95:
        return None
    frac = simple_fraction(share)
    if frac is None or abs(frac[0] / frac[1] - share) > 0.04:
        return None
    return frac


def _singular(noun: str) -> str | None:
    """The singular of a plural noun (« familles » -> « famille »), None if not plural."""
    low = noun.casefold()
    if low in _INVARIABLE:
        return noun
    if low.endswith("aux"):
        candidates = [noun[:-3] + "ail", noun[:-3] + "al"]
    elif low.endswith(("s", "x")):
        candidates = [noun[:-1]]
    else:
        return None
    for candidate in candidates:
        e = lexicon.entry(candidate)
        if e is not None and "NOM" in e.cgram:
            return candidate
    return candidates[-1] if lexicon.entry(noun) is None else None


def _share_of(m: re.Match[str], text: str) -> str | None:
    """The words for "N % des <noun>", or None when the percentage must stay."""
    noun = m.group("noun")
    if not noun.islower() or noun.casefold() in _NOT_COUNTED:
        return None
    e = lexicon.entry(noun)
    if e is not None and "NOM" not in e.cgram:
        return None  # « 18 % de plus »
    singular = _singular(noun)
    if singular is None:
        return None
    # An adjective after the noun would have to agree too: « des personnes âgées ».
    nxt = re.match(r"\s+([^\W\d_]+)", text[m.end() :])
    if nxt and not m.group("verb"):
        word = nxt.group(1)
        info = lexicon.entry(word)
        if (
            word.islower()
            and word.endswith(("s", "x"))
            and (info is None or ("ADJ" in info.cgram and not info.cgram & {"VER", "AUX", "PRE"}))
        ):
            return None
    share = float(m.group("num").replace(",", ".")) / 100
    pre = " ".join((m.group("pre") or "").casefold().split())
    if share < 0.05 and pre in ("", "moins de", "environ", "près de", "presque"):
        de = "d'" if re.match(r"[aeiouyéèêàâîôûh]", noun, re.IGNORECASE) else "de "
        return f"très peu {de}{noun}"
    frac = _close_fraction(share)
    if frac is None:
        return None
    num, den = frac
    thing = singular if num == 1 else noun
    if pre in ("plus de", "moins de"):
        if abs(num / den - share) > 1e-9:
            return None  # « plus de 30 % » is not « plus de 1 sur 3 »
        return f"{pre} {num} {thing} sur {den}"
    return f"environ {num} {thing} sur {den}"


def _verb(m: re.Match[str], *, singular: bool) -> str:
    """The verb after the share, in the singular after « 1 <thing> sur M »."""
    verb = m.group("verb") or ""
    if not singular or not verb:
        return verb
    out = re.sub(r"\bont\b", "a", verb, count=1)
    out = re.sub(r"\bsont\b", "est", out, count=1)
    first = re.match(r"(\s+(?:n['\u2019]|ne\s+)?)([^\W\d_]+ent)\b", out)
    if first:
        # « concernent » -> « concerne »: verbs in -er only, the others keep the plural.
        info = lexicon.entry(first.group(2))
        lemmas = info.lemmas if info is not None else ()
        if (
            info
            and "ind:pre:3p" in info.infover
            and any(lem.endswith("er") and lem != "aller" for lem in lemmas)
        ):
            out = first.group(1) + first.group(2)[:-2] + out[first.end() :]
    if re.search(r"\b(?:sont|été)\b", verb):
        # « sont refusées » -> « est refusée », « ont été orientés » -> « a été orienté »
        out = re.sub(r"(?<=[éiut])(e?)s$", r"\1", out)
    return out


#: A count that may be rounded (shared with :mod:`cai_falc.rules.numbers` and the fact
#: guard): see :func:`cai_falc.facts.roundable_count`.
roundable_count = facts.roundable_count


def round_down(n: int) -> int:
    """``n`` rounded down to one significant digit if that loses less than 5 %, else to
    two: 9136 -> 9 000, 22 417 -> 22 000, 1 874 -> 1 800, 123 456 -> 120 000."""
    digits = len(str(n))
    one: int = 10 ** (digits - 1)
    if n // one * one >= 0.95 * n:
        return n // one * one
    two: int = 10 ** max(digits - 2, 0)
    return n // two * two


def big_numbers(text: str) -> str:
    """Counts of 1000 or more -> "plus de 22 000"; every other number kept as written.

    Only a count of something is rounded (:func:`roundable_count`): phone numbers,
    IBANs, file numbers, postal codes, amounts of money, measures, years and numbers
    already approximate (« environ 4 500 ») stay exact. "plus de X" is always true:
    X is the number rounded down.
    """

    def repl(m: re.Match[str]) -> str:
        raw = m.group(1)
        value = facts.number_value(raw)
        if value is None or value < 1000 or not roundable_count(text, m.start(1), m.end(1)):
            return raw
        n = int(value)
        rounded = round_down(n)
        # The writer's space (plain, non-breaking, narrow) is kept; « 1.500 » gets one.
        sep = next((c for c in raw if c in _SPACES), " ")
        if rounded == n:
            return _group(n, sep)
        return f"plus de {_group(rounded, sep)}"

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
