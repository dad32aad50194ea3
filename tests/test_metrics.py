"""Readability figures: French formulas, other languages, textstat kept in its box."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from cai_falc import metrics

FALC = "Le CAI vous aide.\nVous pouvez venir le lundi.\n- Apportez votre carte d’identité."
ADMIN = (
    "Dans le cadre de la campagne « Justice migratoire » du CNCD 11.11.11, le CAI se mobilise, "
    "aux côtés de citoyens, pour faire voter les motions « Communes hospitalières » aux "
    "majorités politiques communales et provinciale en province de Namur."
)


def test_french_counts_and_kandel_moles() -> None:
    m = metrics.measure(FALC, lang="fr")
    assert (m.sentences, m.words) == (3, 13)  # « d’identité » is one word
    assert m.words_per_sentence_max == 5
    syllables = sum(s.syllables or 0 for s in m.per_sentence)
    spw = syllables / 13
    assert m.syllables_per_word == pytest.approx(spw)
    assert m.kandel_moles == pytest.approx(207 - 1.015 * 13 / 3 - 73.6 * spw)
    long_words = sum(s.long_words for s in m.per_sentence)
    assert m.lix == pytest.approx(13 / 3 + 100 * long_words / 13)


def test_falc_reads_easier_than_administrative_french() -> None:
    easy = metrics.measure(FALC, lang="fr")
    hard = metrics.measure(ADMIN, lang="fr")
    assert easy.kandel_moles is not None and hard.kandel_moles is not None
    assert easy.kandel_moles > 80 > 40 > hard.kandel_moles
    assert easy.lix < 30 < 55 < hard.lix
    assert hard.words_per_sentence_max == 36


def test_percentile_nearest_rank() -> None:
    assert metrics.percentile([5, 1, 9, 7, 3, 2, 8, 4, 6, 10], 0.9) == 9
    assert metrics.percentile([4], 0.9) == 4
    assert metrics.percentile([], 0.9) == 0


def test_rare_words_share() -> None:
    m = metrics.measure("La ghettoïsation et la communautarisation inquiètent.", lang="fr")
    assert m.rare_words == pytest.approx(2 / 6)


@pytest.mark.parametrize(
    ("lang", "text", "sentences", "words"),
    [
        ("ar", "يساعدك المركز. يمكنك المجيء يوم الاثنين؟ نعم، بالتأكيد.", 3, 8),
        ("fa", "مرکز به شما کمک می‌کند. شما می‌توانید بیایید؟", 2, 8),
        ("uk", "Центр вам допомагає. Ви можете прийти в понеділок.", 2, 8),
        ("tr", "Merkez size yardım eder. Pazartesi gelebilirsiniz.", 2, 6),
        ("ru", "Центр вам помогает. Вы можете прийти в понедельник.", 2, 8),
    ],
)
def test_every_language_gets_sentences_words_and_lix(
    lang: str, text: str, sentences: int, words: int
) -> None:
    m = metrics.measure(text, lang=lang)
    assert (m.sentences, m.words) == (sentences, words)
    assert m.lix > 0
    assert m.kandel_moles is None


def test_textstat_formulas_where_textstat_has_them() -> None:
    es = metrics.measure("El centro le ayuda. Puede venir el lunes por la mañana.", lang="es")
    assert es.flesch is not None and es.flesch > 60
    assert set(es.scores) == {"fernandez_huerta", "szigriszt_pazos"}
    nl = metrics.measure("Het centrum helpt u. U kunt op maandag komen.", lang="nl")
    assert nl.flesch is not None


def test_textstat_language_is_restored() -> None:
    import textstat

    before = textstat.textstat._textstatistics__lang
    with metrics.textstat_language("de") as ts:
        assert ts._textstatistics__lang == "de"
    assert textstat.textstat._textstatistics__lang == before
    with pytest.raises(RuntimeError), metrics.textstat_language("it"):
        raise RuntimeError("boom")
    assert textstat.textstat._textstatistics__lang == before


def test_english_never_reaches_cmudict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline, textstat's English syllable counter would download cmudict and crash."""
    import nltk

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("cmudict or a download was requested")

    monkeypatch.setattr(nltk, "download", no_network)
    monkeypatch.setattr(nltk.data, "find", no_network)
    fake_corpus = types.SimpleNamespace(cmudict=types.SimpleNamespace(dict=no_network))
    monkeypatch.setattr(nltk, "corpus", fake_corpus)
    m = metrics.measure("The centre helps you. You can come on Monday with your family.", lang="en")
    assert m.flesch is not None and m.syllables_per_word is not None
    with pytest.raises(ValueError, match="cmudict"):
        with metrics.textstat_language("en_US"):
            pass


def test_metrics_do_not_import_heavy_modules() -> None:
    # In a fresh interpreter: other tests load argostranslate's translator on purpose.
    code = (
        "import sys; from cai_falc import metrics; "
        "metrics.measure(sys.argv[1], lang='fr'); metrics.measure(sys.argv[1], lang='en'); "
        "print([m for m in ('torch', 'stanza', 'spacy') if m in sys.modules])"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    done = subprocess.run(
        [sys.executable, "-c", code, FALC], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": src},
    )
    assert done.stdout.strip() == "[]", done.stderr


def test_as_dict_is_rounded_and_json_ready() -> None:
    data = metrics.measure(FALC, lang="fr").as_dict()
    assert "per_sentence" not in data
    assert data["kandel_moles"] == round(data["kandel_moles"], 2)
    assert metrics.measure(FALC, lang="fr").as_dict(per_sentence=True)["per_sentence"]


def test_english_syllables_without_cmudict() -> None:
    counts = {w: metrics.english_syllables(w) for w in
              ["centre", "family", "make", "table", "agreed", "beautiful", "the"]}
    assert counts == {"centre": 2, "family": 3, "make": 1, "table": 2, "agreed": 2,
                      "beautiful": 3, "the": 1}
