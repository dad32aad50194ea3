"""French preprocessing: sentences, tokens and syllables with their positions."""

from __future__ import annotations

import pytest

from cai_falc import french


def texts(text: str) -> list[str]:
    return [s.text for s in french.sentences(text)]


def word_texts(text: str) -> list[str]:
    return [t.text for t in french.words(text)]


def test_abbreviations_numbers_and_initials_do_not_end_sentences() -> None:
    text = (
        "Dans le cadre de la campagne du CNCD 11.11.11, le CAI se mobilise. "
        "M. Dupont voit p. ex. la fiche n° 3, cf. Fiche 38. Il y a 3,5 % d’étrangers. "
        "J. Martin parle. Voir www.cai.be. Merci !"
    )
    assert texts(text) == [
        "Dans le cadre de la campagne du CNCD 11.11.11, le CAI se mobilise.",
        "M. Dupont voit p. ex. la fiche n° 3, cf. Fiche 38.",
        "Il y a 3,5 % d’étrangers.",
        "J. Martin parle.",
        "Voir www.cai.be.",
        "Merci !",
    ]


def test_etc_ends_a_sentence_only_before_a_capital() -> None:
    assert texts("Des papiers, des photos, etc. Ensuite on signe.") == [
        "Des papiers, des photos, etc.",
        "Ensuite on signe.",
    ]
    assert len(texts("Des papiers, etc. et des photos.")) == 1


def test_line_breaks_bullets_and_headings_end_sentences() -> None:
    text = (
        "## Qui peut m’aider\nLe CAI vous aide\n  • Valoriser les initiatives\n"
        "- Un rendez-vous\n\nFin."
    )
    got = french.sentences(text)
    assert [(s.kind, s.text, s.line, s.col) for s in got] == [
        ("heading", "Qui peut m’aider", 1, 4),
        ("sentence", "Le CAI vous aide", 2, 1),
        ("bullet", "Valoriser les initiatives", 3, 5),
        ("bullet", "Un rendez-vous", 4, 3),
        ("sentence", "Fin.", 6, 1),
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert texts("Il dit « Bonjour. » Elle répond.") == ["Il dit « Bonjour. »", "Elle répond."]


def test_elisions_are_split_but_fixed_forms_are_not() -> None:
    assert word_texts("l’accueil qu’elle aujourd’hui jusqu’à d'abord quelqu’un") == [
        "l’", "accueil", "qu’", "elle", "aujourd’hui", "jusqu’", "à", "d'", "abord",
        "quelqu’un",
    ]


def test_hyphens_keep_compounds_and_split_inversions() -> None:
    assert word_texts("Le vivre-ensemble a-t-il lieu ? Dit-elle rendez-vous peut-être") == [
        "Le", "vivre-ensemble", "a", "il", "lieu", "Dit", "elle", "rendez-vous", "peut-être",
    ]


def test_numbers_are_one_token() -> None:
    assert word_texts("10 000 personnes, 3,5 kg, le 12/03/2025, 1er mars") == [
        "10 000", "personnes", "3,5", "kg", "le", "12/03/2025", "1er", "mars",
    ]


def test_tokens_keep_line_and_column_with_nbsp() -> None:
    text = "Titre\n\nLe\u00a0CPAS aide l’étranger."
    toks = {t.text: t for t in french.words(text)}
    cpas = toks["CPAS"]
    assert (cpas.line, cpas.col) == (3, 4)
    assert text[cpas.start:cpas.end] == "CPAS"
    etr = toks["étranger"]
    assert (etr.line, etr.col) == (3, 16)
    assert etr.norm == "étranger"


def test_sentence_offsets_match_the_original_text() -> None:
    text = "Premier.   Deuxième phrase ici.\n  - puce"
    for s in french.sentences(text):
        assert text[s.start:s.end] == s.text
        for t in s.tokens:
            assert text[t.start:t.end] == t.text


def test_first_line_shifts_lines() -> None:
    (s,) = french.sentences("Bonjour.", first_line=12)
    assert s.line == 12


@pytest.mark.parametrize(
    ("word", "count"),
    [("étrangères", 3), ("accueil", 2), ("interculturalité", 7), ("année", 2),
     ("poésie", 3), ("ghettoïsation", 5)],
)
def test_syllables(word: str, count: int) -> None:
    assert french.syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [("étrangères", 3), ("réalité", 4), ("naïf", 2), ("payer", 2), ("moyen", 2),
     ("joie", 1), ("guerre", 1), ("propose", 2), ("année", 2), ("créé", 2)],
)
def test_rule_based_syllables(word: str, count: int) -> None:
    assert french.syllables_rules(word) == count


def test_hard_wrapped_prose_can_be_joined() -> None:
    text = "Le CAI aide les personnes\nétrangères de la province.\nVous pouvez venir\n- une puce"
    assert texts(text) == [
        "Le CAI aide les personnes", "étrangères de la province.", "Vous pouvez venir",
        "une puce",
    ]
    joined = french.sentences(text, join_wrapped=True)
    assert [s.text for s in joined] == [
        "Le CAI aide les personnes\nétrangères de la province.", "Vous pouvez venir", "une puce",
    ]
    etr = next(t for t in joined[0].tokens if t.text == "étrangères")
    assert (etr.line, etr.col) == (2, 1)


def test_lexicon_lemmas_zipf_and_fallbacks() -> None:
    from cai_falc import lexicon

    assert lexicon.lemmas("étrangères") == ("étranger",)
    assert lexicon.lemmas("relisent") == ("relire",)  # not in Lexique: simplemma
    assert lexicon.zipf("vérifient") > lexicon.zipf("vérifient", lemma_aware=False)
    assert lexicon.zipf("accueil") > 4
    assert lexicon.zipf("xqzwv") == 0
    entry = lexicon.entry("pourrait")
    assert entry is not None and entry.moods() == {"cnd"}
