"""The FALC rules, each tested both ways on real sentences (what it must and must not flag)."""

from __future__ import annotations

import pytest

from cai_falc import rules
from cai_falc.check import check_text
from cai_falc.config import CheckSettings
from cai_falc.glossary import Glossary, Term
from cai_falc.rules import Finding


def found(text: str, rule: str, **kw: object) -> list[Finding]:
    result = check_text(text, lang="fr", **kw)  # type: ignore[arg-type]
    return [f for f in result.findings if f.rule == rule]


def texts(text: str, rule: str, **kw: object) -> list[str]:
    return [f.text for f in found(text, rule, **kw)]


def test_every_rule_of_falc_rules_md_is_registered() -> None:
    assert set(rules.ORDER) == set(rules.RULES)
    for r in rules.RULES.values():
        assert r.severity in rules.SEVERITIES


# ------------------------------------------------------------------------ passive


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("La fête est organisée par le CAI.", "est organisée"),
        ("Les motions ont été votées en 2017.", "ont été votées"),
        ("Les personnes sont accueillies au bureau.", "sont accueillies"),
        ("Le bureau est ouvert par le concierge.", "est ouvert"),
        ("Ce projet sera pas financé.", "sera pas financé"),
    ],
)
def test_passive_found(sentence: str, words: str) -> None:
    assert texts(sentence, "passive") == [words]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il s’est inscrit au cours de français.",  # pronominal
        "Elles se sont rencontrées à Namur.",
        "Vous vous êtes inscrits hier.",
        "Il est venu au CAI avec sa famille.",  # être-verb of motion
        "Elle est arrivée en Belgique en 2015.",
        "Nous sommes restés à Namur.",
        "Le bureau est ouvert le lundi.",  # adjectival participle, no agent
        "Mon fils est né à Namur.",
        "Le CAI est situé rue Docteur Haibe.",
        "Le vent vient de l’est.",  # « est » the cardinal point
        "Est-ce que vous parlez français ?",
        "Le CAI est un centre pour les personnes étrangères.",
        "Il a été malade.",  # « été » without participle
        "C’est fini pour aujourd’hui.",  # a state
        "Cet été, le bureau ferme.",
    ],
)
def test_passive_not_found(sentence: str) -> None:
    assert texts(sentence, "passive") == []


# ----------------------------------------------------------------------- negation


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Vous ne payez pas.", "ne payez pas"),
        ("Il n’a jamais vu la mer.", "n’a jamais"),
        ("Vous n’avez rien à payer.", "n’avez rien"),
        ("Personne ne vient le dimanche.", "Personne ne"),
        ("Aucun papier n’est demandé.", "Aucun papier n’"),
        ("Il ne parle plus à son voisin.", "ne parle plus"),
        ("Ne pas oublier sa carte.", "Ne pas"),
    ],
)
def test_negation_found(sentence: str, words: str) -> None:
    assert texts(sentence, "negation") == [words]


@pytest.mark.parametrize(
    "sentence",
    [
        "Venez avant qu’il ne soit trop tard.",  # expletive ne
        "Je crains qu’il ne pleuve demain.",
        "Il est plus grand qu’on ne le pense.",
        "Vous ne payez que 5 euros.",  # ne ... que means « only »
        "Il n’y a que deux places.",
        "Une personne vous aide.",  # « personne » the noun
        "Faites un pas en avant.",  # « pas » the noun
    ],
)
def test_negation_not_found(sentence: str) -> None:
    assert texts(sentence, "negation") == []


def test_sans_is_a_softer_negation() -> None:
    (f,) = found("Vous pouvez venir sans rendez-vous.", "negation")
    assert f.severity == "info"
    assert f.text == "sans rendez-vous"


# ---------------------------------------------------------------------- condition


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Si vous avez un enfant, vous recevez une aide.", "Si vous"),
        ("S’il pleut, le cours a lieu dans la salle.", "S’il"),
        ("Si le dossier est complet, le CPAS répond.", "Si le"),
        ("Vous pourriez recevoir une aide.", "pourriez"),
        ("Il faut que vous fassiez une demande.", "fassiez"),
        ("Vous recevez une aide à condition que vous habitiez à Namur.", "à condition"),
        ("Au cas où vous êtes malade, appelez le médecin.", "Au cas où"),
        ("Si possible, venez avec un interprète.", "Si possible"),
        ("Si besoin, appelez le CAI.", "Si besoin"),
    ],
)
def test_condition_found(sentence: str, words: str) -> None:
    assert words in texts(sentence, "condition")


@pytest.mark.parametrize(
    "sentence",
    [
        "Le cours est si intéressant.",  # « si » = so
        "Il vient si souvent.",
        "Vérifiez si le dossier est complet.",  # indirect question
        "Je ne sais pas si elle vient.",
        "Vous venez, même si vous êtes en retard.",  # concession
        "Il parle comme si tout allait bien.",
        "Mais si !",  # « si » = yes
        "Soit vous venez le lundi, soit vous venez le mardi.",  # either/or
        "Vous avez un enfant. Vous recevez une aide.",
        "Elle habite à Vienne depuis 2010.",  # the city, not « vienne » (subjunctive)
    ],
)
def test_condition_not_found(sentence: str) -> None:
    assert texts(sentence, "condition") == []


# ------------------------------------------------------------------ roman numerals


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Au XXe siècle, beaucoup de personnes arrivent.", "XXe"),
        ("Le château date du XVIII siècle.", "XVIII"),
        ("Louis XIV construit Versailles.", "Louis XIV"[6:]),
        ("Le roi Albert II visite Namur.", "II"),
        ("Voir le titre II de la loi.", "II"),
    ],
)
def test_roman_numeral_found(sentence: str, word: str) -> None:
    assert texts(sentence, "roman-numeral") == [word]


@pytest.mark.parametrize(
    "sentence",
    [
        "Envoyez votre CV au CAI.",  # curriculum vitae
        "Le MI organise une réunion.",
        "Il écoute un CD.",
        "Le DI de Namur est fermé.",
        "Ces personnes arrivent.",
        "Le cours commence.",
        "Vivre au CPAS de Namur.",
    ],
)
def test_roman_numeral_not_found(sentence: str) -> None:
    assert texts(sentence, "roman-numeral") == []


# ------------------------------------------------------------- acronyms, abbreviations


def test_acronym_not_expanded_is_an_error_once() -> None:
    fs = found("Le CPAS vous aide. Allez au CPAS.", "acronym")
    assert [(f.text, f.severity) for f in fs] == [("CPAS", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "Le Centre public d’action sociale (CPAS) vous aide.",
        "Le CPAS (Centre public d’action sociale) vous aide.",
        "Le CPAS vous aide.\nCPAS veut dire Centre public d’action sociale.",
        "Vous avez le niveau A2 en français.",
        "Au XXe siècle.",
        "ATTENTION : apportez votre carte.",
        "C’est IMPORTANT pour vous.",
    ],
)
def test_acronym_expanded_or_not_an_acronym(text: str) -> None:
    assert found(text, "acronym") == []


def test_acronym_after_elision_and_dotted() -> None:
    assert texts("Un projet d’ISP à Namur.", "acronym") == ["ISP"]
    assert texts("Le C.P.A.S. vous aide.", "acronym") == ["C.P.A.S."]


def test_acronym_expansion_from_the_glossary() -> None:
    g = Glossary([Term("CPAS", "acronym", "", expansion="Centre public d'action sociale")])
    (f,) = found("Le CPAS vous aide.", "acronym", glossary=g)
    assert "Centre public d'action sociale" in f.message


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Apportez vos papiers, vos photos, etc.", "etc."),
        ("Voir p. ex. la fiche 38.", "p. ex."),
        ("Cf. Fiche 38.", "Cf."),
        ("M. Dupont vous reçoit.", "M."),
        ("Mme Martin vous reçoit.", "Mme"),
        ("Le formulaire n° 3.", "n°"),
        ("Le CAI, c.-à-d. le centre.", "c.-à-d."),
    ],
)
def test_abbreviation_found(text: str, written: str) -> None:
    assert texts(text, "abbreviation") == [written]


@pytest.mark.parametrize("text", ["Il est 17 h.", "Votre âge minimum.", "Monsieur Dupont."])
def test_abbreviation_not_found(text: str) -> None:
    assert found(text, "abbreviation") == []


# ----------------------------------------------------------------- numbers, dates


def test_number_words() -> None:
    assert texts("Il y a trois ateliers et un bureau.", "number-words") == ["trois"]
    assert texts("Il a vingt-deux ans.", "number-words") == ["vingt-deux"]
    assert found("Une personne et un enfant.", "number-words") == []


def test_big_numbers_and_percentages() -> None:
    got = texts("En 2017, 10 000 personnes, soit 35 % des habitants, ou 3 pour cent.",
                "big-number")
    assert got == ["10 000", "35 %", "3 pour cent"]
    assert found("En 2017, 12 personnes viennent.", "big-number") == []
    assert found("Rue Docteur Haibe 2, 5002 Namur. Appelez le 0470 123 456.", "big-number") == []


def test_date_format() -> None:
    assert texts("Rendez-vous le 12/03/2025 à Namur.", "date-format") == ["12/03/2025"]
    assert texts("Le 3 janv. à 10 h.", "date-format") == ["3 janv."]
    assert found("Rendez-vous le mercredi 12 mars 2025.", "date-format") == []
    assert found("Le CNCD 11.11.11 lance une campagne.", "date-format") == []


def test_special_characters_and_footnotes() -> None:
    got = texts("Les acteurs (associations) de l’immigration / intégration[^1] ; fin.",
                "special-char")
    assert got == ["(associations)", "/", "[^1]", ";"]
    assert found("Vous pouvez venir. C’est gratuit !", "special-char") == []


# ------------------------------------------------------------------- sentences


def test_long_sentence_thresholds() -> None:
    short = "Le CAI aide les personnes étrangères à Namur."
    medium = "Le CAI aide les personnes étrangères qui habitent dans la province de Namur."
    long_ = (
        "Le CAI aide les personnes étrangères qui habitent dans la province de Namur "
        "à trouver un logement et un travail."
    )
    assert found(short, "long-sentence") == []
    assert [f.severity for f in found(medium, "long-sentence")] == ["warning"]
    assert [f.severity for f in found(long_, "long-sentence")] == ["error"]


def test_long_sentence_thresholds_come_from_settings() -> None:
    settings = CheckSettings(long_sentence_error=5, long_sentence_warning=3)
    fs = found("Le CAI aide les personnes étrangères.", "long-sentence", settings=settings)
    assert [f.severity for f in fs] == ["error"]


def test_elisions_count_as_one_word() -> None:
    text = "L’accueil d’aujourd’hui s’adresse à l’ensemble d’entre eux, qu’ils soient ici."
    assert found(text, "long-sentence") == []


def test_one_idea() -> None:
    assert found("Le CAI, les communes, les écoles, les CPAS travaillent ensemble.", "one-idea")
    assert found("Le CAI aide les personnes.", "one-idea") == []


def test_one_sentence_per_line_only_in_falc() -> None:
    text = "Le CAI vous aide. Il est à Namur.\nVous pouvez venir."
    (f,) = found(text, "one-sentence-per-line", falc=True)
    assert (f.line, f.col, f.text) == (1, 19, "Il est à Namur.")
    assert found(text, "one-sentence-per-line") == []


def test_enumeration() -> None:
    assert found("Apportez votre carte, vos photos et votre permis.", "enumeration")
    assert found("Le jour du rendez-vous, vous apportez :\n- votre carte", "enumeration") == []


# ------------------------------------------------------------------------ words


def test_hard_word_once_and_not_when_explained() -> None:
    text = "Le CAI lutte contre la ghettoïsation. La ghettoïsation fait peur."
    assert texts(text, "hard-word") == ["ghettoïsation"]
    explained = "Le CAI combat l’interculturalité, c’est-à-dire le mélange des cultures."
    assert found(explained, "hard-word") == []


def test_hard_word_skips_names_and_explained_words() -> None:
    assert found("Vous habitez à Gembloux ou à Viroinval.", "hard-word") == []
    assert found("La ghettoïsation fait peur.", "hard-word", explained=["ghettoïsation"]) == []


def test_glossary_term_unexplained_and_synonyms() -> None:
    g = Glossary([
        Term("primo-arrivant", "jargon", "Une personne qui vient d'arriver en Belgique.",
             synonyms=("nouvel arrivant",)),
    ])
    text = "Le CAI aide les primo-arrivants. Un nouvel arrivant peut venir."
    (u,) = found(text, "unexplained-word", glossary=g)
    assert u.text == "primo-arrivants"
    assert "vient d'arriver" in u.message
    (s,) = found(text, "same-word", glossary=g)
    assert s.text == "nouvel arrivant"
    assert found(text, "unexplained-word", glossary=g, explained=["primo-arrivant"]) == []


def test_foreign_word() -> None:
    assert texts("Un workshop pour les jeunes.", "foreign-word") == ["workshop"]
    assert found("Un atelier pour les jeunes.", "foreign-word") == []


def test_metaphor() -> None:
    assert texts("Ce projet est le fer de lance du CAI.", "metaphor") == ["fer de lance"]
    assert texts("Les démarches sont un parcours du combattant.", "metaphor") == [
        "parcours du combattant"
    ]
    assert found("Ce projet aide le CAI.", "metaphor") == []


def test_nominalisation() -> None:
    text = "La sensibilisation et l’accompagnement favorisent l’intégration et la cohabitation."
    assert found(text, "nominalisation")
    assert found("Le CAI vous accompagne.", "nominalisation") == []


def test_address_reader_and_title_question() -> None:
    third = "\n".join(f"Le centre aide la famille {i}." for i in range(10))
    assert found(third, "address-reader")
    assert found(third, "title-question", falc=True)
    assert found(third, "title-question") == []
    you = "\n".join(f"Vous pouvez venir le jour {i}." for i in range(10))
    assert found(you, "address-reader") == []


def test_fact_rule_uses_the_source() -> None:
    source = "En 2017, le CAI organise les Assises des migrations à Namur avec 120 personnes."
    falc = "En 2019, le CAI organise une réunion.\nIl y a 120 personnes."
    fs = found(falc, "fact", source=source)
    assert [f.text for f in fs] == ["2019"]
    assert fs[0].severity == "error"
    assert found(falc, "fact") == []  # no source: no fact check


def test_sans_in_fixed_expressions_is_not_a_negation() -> None:
    assert found("Il viendra sans doute demain.", "negation") == []
    assert found("Elle parle sans cesse.", "negation") == []


def test_upper_case_words_are_acronyms_not_abbreviations() -> None:
    text = "L’ASBL MIN. organise un cours."
    assert found(text, "abbreviation") == []
    assert texts(text, "acronym") == ["ASBL", "MIN"]
    assert texts("Une asbl organise un cours.", "abbreviation") == ["asbl"]


def test_number_words_in_a_row_are_one_number() -> None:
    assert texts("Quelque deux cents citoyens viennent.", "number-words") == ["deux cents"]


def test_enumeration_needs_a_list_not_an_address() -> None:
    assert found("Madame, Monsieur, nous vous écrivons.", "enumeration") == []


def test_hard_word_defined_in_the_next_sentence() -> None:
    text = "Vous allez dans l’isoloir.\nL’isoloir est un endroit fermé avec un rideau."
    assert found(text, "hard-word") == []
    assert texts("Vous allez dans l’isoloir.\nVous votez.", "hard-word") == ["isoloir"]
