"""Readability figures, per text and per sentence, in every language.

French: sentences and words from :mod:`cai_falc.french` (elisions split, bullets and line
ends are boundaries), syllables from Lexique 3.83, Kandel & Moles (1958) reading ease,
LIX, and the share of rare words (wordfreq). Other languages: the same sentence and word
counts, LIX everywhere (Arabic, Persian, Ukrainian, Turkish included), and textstat's own
formulas where textstat supports the language. textstat's language is global state: it
is set through :func:`textstat_language`, which restores the previous value. English
never goes through textstat's syllable counter, which downloads ``cmudict`` at run time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from . import french
from .french import Sentence, Token

#: textstat formulas by language; each function is called with the language set.
#: English is absent on purpose (cmudict); its Flesch is computed here (vowel groups).
TEXTSTAT_FORMULAS: dict[str, tuple[str, ...]] = {
    "de": ("flesch_reading_ease", "wiener_sachtextformel"),
    "es": ("flesch_reading_ease", "fernandez_huerta", "szigriszt_pazos"),
    "it": ("flesch_reading_ease", "gulpease_index"),
    "nl": ("flesch_reading_ease",),
    "ru": ("flesch_reading_ease",),
}


@dataclass(frozen=True)
class SentenceMetrics:
    """Figures of one sentence."""

    line: int
    col: int
    words: int
    syllables: int | None
    long_words: int


@dataclass
class Metrics:
    """Readability figures of one text."""

    lang: str
    sentences: int = 0
    words: int = 0
    words_per_sentence: float = 0.0
    words_per_sentence_p90: float = 0.0
    words_per_sentence_max: int = 0
    syllables_per_word: float | None = None
    #: Kandel & Moles reading ease (French Flesch): higher is easier; FALC ~ 90.
    kandel_moles: float | None = None
    #: Flesch reading ease with the language's constants (textstat's where it has them).
    flesch: float | None = None
    #: LIX: words per sentence + percentage of words longer than 6 letters. Lower is easier.
    lix: float = 0.0
    #: Share of words rarer than the hard-word threshold (French only).
    rare_words: float | None = None
    #: Other formulas of textstat for this language (name -> value).
    scores: dict[str, float] = field(default_factory=dict)
    #: Findings per rule id (filled by the checker).
    rule_counts: dict[str, int] = field(default_factory=dict)
    per_sentence: list[SentenceMetrics] = field(default_factory=list)

    def as_dict(self, *, per_sentence: bool = False) -> dict[str, Any]:
        """A JSON-ready dict, figures rounded to 2 decimals."""
        data = asdict(self)
        if not per_sentence:
            del data["per_sentence"]
        for key, value in data.items():
            if isinstance(value, float):
                data[key] = round(value, 2)
        data["scores"] = {k: round(v, 2) for k, v in self.scores.items()}
        return data


def is_reader_word(tok: Token) -> bool:
    """A word as a reader counts it: « l’accueil » is one word, « 10 000 » is one."""
    return tok.is_word and tok.text[-1:] not in "'\u2019\u02bc"


#: Marks inside a word of inclusive writing: « étudiant.e.s », « citoyen·ne·s », « ami(e)s ».
_INSIDE_WORD = frozenset(".·‧⋅•∙()/")


def reader_words(toks: Sequence[Token]) -> list[Token]:
    """The words of a run of tokens as a reader counts them: « l’accueil » is one word,
    « 10 000 » and « 14 h 30 » are one, and so is « étudiant.e.s » (its « e » and « s »
    are endings, not words)."""
    out: list[Token] = []
    for i, t in enumerate(toks):
        if not is_reader_word(t):
            continue
        if i >= 2 and toks[i - 1].text in _INSIDE_WORD and toks[i - 1].start == toks[i - 2].end \
                and toks[i - 1].end == t.start and toks[i - 2].kind == "word" \
                and t.kind == "word":
            continue  # « e », « s » of « étudiant.e.s »: part of the word before
        out.append(t)
    return out


def _letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


@lru_cache(maxsize=16)
def _pyphen(lang: str) -> Any:
    try:
        import pyphen  # type: ignore[import-untyped]
    except ImportError:
        return None
    if lang not in pyphen.LANGUAGES and not any(k.startswith(lang + "_") for k in pyphen.LANGUAGES):
        return None
    return pyphen.Pyphen(lang=lang)


_EN_VOWELS_RE = re.compile(r"[aeiouy]+")


def english_syllables(word: str) -> int:
    """Vowel groups, minus a silent final e (« centre », « make »): closer to the spoken
    count than hyphenation points, which skip the edges of words."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    n = len(_EN_VOWELS_RE.findall(w))
    british_re = re.search(r"[^aeiouy]re$", w) is not None  # « centre », « litre »
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and not british_re and n > 1:
        n -= 1
    spoken = ("ted", "ded", "ses", "ces", "zes", "eed")
    if w.endswith(("ed", "es")) and n > 1 and not w.endswith(spoken):
        n -= 1
    return max(1, n)


def _syllable_counter(lang: str) -> Any:
    if lang == "fr":
        return french.syllables
    if lang == "en":
        return english_syllables
    dic = _pyphen(lang)
    if dic is None:
        return None

    def count(word: str) -> int:
        letters = re.sub(r"\W", "", word)
        if not letters or letters.isdigit():
            return 1
        return len(dic.positions(word.lower())) + 1

    return count


def percentile(values: Sequence[int], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..1) of a list of numbers."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return float(ordered[max(0, math.ceil(q * len(ordered)) - 1)])


def measure(text: str, *, lang: str, rare_zipf: float = 3.0) -> Metrics:
    """Readability figures of a text in ``lang``."""
    return from_sentences(french.sentences(text), lang=lang, rare_zipf=rare_zipf)


def from_sentences(
    sentences: Sequence[Sentence], *, lang: str, rare_zipf: float = 3.0
) -> Metrics:
    """Readability figures from already split sentences (the checker's)."""
    m = Metrics(lang=lang)
    count = _syllable_counter(lang)
    total_syll = 0
    long_words = 0
    rare = 0
    lengths: list[int] = []
    for s in sentences:
        words = reader_words(s.tokens)
        if not words:
            continue
        syll = sum(count(t.text) for t in words) if count else None
        longs = sum(1 for t in words if _letters(t.text) > 6)
        lengths.append(len(words))
        long_words += longs
        total_syll += syll or 0
        if lang == "fr":
            rare += _rare_in(s, words, rare_zipf)
        m.per_sentence.append(SentenceMetrics(s.line, s.col, len(words), syll, longs))
    m.sentences = len(lengths)
    m.words = sum(lengths)
    if not m.words:
        return m
    m.words_per_sentence = m.words / m.sentences
    m.words_per_sentence_p90 = percentile(lengths, 0.9)
    m.words_per_sentence_max = max(lengths)
    m.lix = m.words_per_sentence + 100 * long_words / m.words
    if count is not None:
        m.syllables_per_word = total_syll / m.words
    if lang == "fr":
        assert m.syllables_per_word is not None
        m.kandel_moles = 207 - 1.015 * m.words_per_sentence - 73.6 * m.syllables_per_word
        m.rare_words = rare / m.words
    elif lang == "en" and m.syllables_per_word is not None:
        m.flesch = 206.835 - 1.015 * m.words_per_sentence - 84.6 * m.syllables_per_word
    elif lang in TEXTSTAT_FORMULAS:
        m.scores = textstat_scores(_normalised(sentences), lang=lang)
        m.flesch = m.scores.pop("flesch_reading_ease", None)
    return m


def _rare_in(s: Sentence, words: list[Token], threshold: float) -> int:
    from . import lexicon

    first = words[0]
    n = 0
    for t in words:
        if t.kind != "word" or (t.text[:1].isupper() and t is not first):
            continue  # numbers and names are not rare words
        if lexicon.zipf(t.text) < threshold:
            n += 1
    return n


def _normalised(sentences: Sequence[Sentence]) -> str:
    """One sentence per line, each ending with a full stop: what textstat splits right."""
    lines = []
    for s in sentences:
        text = s.text.replace("\u2019", "'")
        lines.append(text if text[-1:] in ".!?" else text + ".")
    return "\n".join(lines)


@contextmanager
def textstat_language(lang: str) -> Iterator[Any]:
    """textstat with its (global) language set to ``lang``, restored afterwards."""
    if lang.split("_")[0] == "en":
        raise ValueError("English goes through cmudict in textstat: use english_syllables")
    import textstat

    ts = textstat.textstat
    previous = ts._textstatistics__lang
    ts.set_lang(lang)
    try:
        yield ts
    finally:
        ts.set_lang(previous)


def textstat_scores(text: str, *, lang: str) -> dict[str, float]:
    """textstat's formulas for ``lang`` (see :data:`TEXTSTAT_FORMULAS`) on ``text``."""
    out: dict[str, float] = {}
    names = TEXTSTAT_FORMULAS.get(lang, ())
    if not names or not text.strip():
        return out
    with textstat_language(lang) as ts:
        for name in names:
            func = getattr(ts, name)
            value = func(text, 1) if name == "wiener_sachtextformel" else func(text)
            out[name] = float(value)
    return out


def textstat_kandel_moles(text: str) -> float:
    """Kandel-Moles as textstat computes it (``set_lang("fr")``, ``flesch_reading_ease``):
    the same formula, but syllables from pyphen's hyphenation points, which count fewer
    than are spoken (« personnes »: 2, « CAI »: 1). The figure most tools give; ours
    (:func:`measure`) counts Lexique's spoken syllables and is 3 to 6 points lower."""
    sentences = [s for s in french.sentences(text) if s.kind in ("sentence", "bullet")]
    if not sentences:
        return 0.0
    with textstat_language("fr") as ts:
        return float(ts.flesch_reading_ease(_normalised(sentences)))

