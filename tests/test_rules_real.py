"""Checker findings on real-looking French: what the simplifier's own drafts and ordinary
letters contain, and what the rules must (and must not) say about it."""

from __future__ import annotations

import pytest

from cai_falc import french
from cai_falc.check import check_text, words_box
from cai_falc.glossary import Glossary, Term
from cai_falc.rules import Finding
from cai_falc.rules.sentences import word_count


def found(text: str, rule: str, **kw: object) -> list[Finding]:
    result = check_text(text, lang="fr", **kw)  # type: ignore[arg-type]
    return [f for f in result.findings if f.rule == rule]


def texts(text: str, rule: str, **kw: object) -> list[str]:
    return [f.text for f in found(text, rule, **kw)]


# ------------------------------------------------------- the "Mots difficiles" box

#: A draft as ``cai-falc simplify lettre.txt`` prints it (``simplify.format_draft``).
DRAFT = """# CPAS de Namur

## Ce qu’il faut savoir
Vous devez nous signaler tout de suite tout changement.
Le CPAS vous aide à payer le loyer.

## Mots difficiles
- CPAS : Centre public d’action sociale. Un service de la commune.
- parcours d’intégration : Un programme pour les personnes qui viennent d’arriver en \
Wallonie. Il donne des cours de français. Il aide aussi à trouver un travail.
- Région wallonne : Le gouvernement de la Wallonie, la partie sud de la Belgique.
"""


def test_box_entries_are_not_two_sentences_on_a_line() -> None:
    assert found(DRAFT, "one-sentence-per-line", falc=True) == []


def test_box_terms_and_lines() -> None:
    assert words_box(DRAFT) == [
        ("CPAS", 8), ("parcours d’intégration", 9), ("Région wallonne", 10)
    ]
    assert words_box(DRAFT, first_line=3)[0] == ("CPAS", 10)
    # Only under the box's heading: a body bullet « - Attention : ... » is not an entry.
    assert words_box("## À savoir\n- Attention : venez tôt.\n") == []


def test_box_terms_count_as_explained() -> None:
    # « CPAS » in the body is explained by the box, as the words of a .falc.md file are.
    assert found(DRAFT, "acronym", falc=True) == []
    body_only = DRAFT.split("## Mots difficiles")[0]
    assert texts(body_only, "acronym", falc=True) == ["CPAS"]


def test_box_term_is_a_label_not_part_of_the_sentence() -> None:
    # « Le gouvernement de la Wallonie, la partie sud de la Belgique. » has 11 words.
    assert found(DRAFT, "long-sentence", falc=True) == []
    body = "## Ce qu’il faut savoir\n- Région wallonne : " + " ".join(["mot"] * 13) + ".\n"
    assert len(found(body, "long-sentence", falc=True)) == 1


def test_each_sentence_of_an_explanation_is_still_checked() -> None:
    long = "Une " + " ".join(["personne"] * 14) + "."
    draft = DRAFT + f"- bénévole : Une personne qui aide. {long}\n"
    (f,) = found(draft, "long-sentence", falc=True)
    assert f.line == 11


@pytest.mark.parametrize(
    "text",
    [
        "## Ce qu’il faut savoir\nLe CAI vous aide. Il est à Namur.\n",
        "## À savoir\n- Attention : venez tôt. Apportez vos papiers.\n",
        # A box heading further up does not cover the sections after it.
        "## Mots difficiles\n- CAI : Un centre.\n\n## Contact\n- Téléphone : appelez. Venez.\n",
    ],
)
def test_body_lines_with_two_sentences_are_still_flagged(text: str) -> None:
    assert len(found(text, "one-sentence-per-line", falc=True)) == 1


# ------------------------------------------------------------------ abbreviations


@pytest.mark.parametrize(
    ("text", "written", "severity", "advice"),
    [
        ("M. Dupont vous accueille au guichet.", "M.", "warning", "« Monsieur »"),
        ("Mme Lambert vous accueille au guichet.", "Mme", "warning", "« Madame »"),
        # As the simplifier writes it in full: the title the source gives, not another.
        ("Mlle Lambert vous accueille au guichet.", "Mlle", "warning", "« Mademoiselle »"),
        ("Apportez vos documents, p. ex. votre carte d’identité.", "p. ex.", "error",
         "« par exemple »"),
        ("Selon l’art. 3 du règlement, la taxe est due.", "art.", "error", "« article »"),
        ("La réunion a lieu à la salle n° 3.", "n°", "error", "« numéro »"),
        ("Le CAI est une asbl.", "asbl", "error", "« association »"),
        ("Lisez la fiche, cf. la page du CAI.", "cf.", "error", "« voir »"),
        ("Apportez vos papiers, vos photos, etc.", "etc.", "error", "liste complète"),
    ],
)
def test_abbreviation_says_what_to_write(
    text: str, written: str, severity: str, advice: str
) -> None:
    (f,) = found(text, "abbreviation")
    assert (f.text, f.severity) == (written, severity)
    assert advice in f.message


@pytest.mark.parametrize(
    "text",
    [
        "C’est de l’art.",  # the noun, not « article »
        "Il y a eu un vol.",
        "Marie M. est venue au bureau.",  # an initial, not « Monsieur »
        "Je parle souvent avec Max.",
        "Monsieur Dupont vous accueille.",
        "Il est 17 h.",
    ],
)
def test_abbreviation_look_alikes(text: str) -> None:
    assert found(text, "abbreviation") == []


def test_monsieur_abbreviated_does_not_cut_the_sentence() -> None:
    assert [s.text for s in french.sentences("M. Dupont est venu.")] == ["M. Dupont est venu."]
    assert [s.text for s in french.sentences("Contactez M. Dupont. Il vous aide.")] == [
        "Contactez M. Dupont.", "Il vous aide."
    ]
    assert found("M. Dupont et Mme Lambert vous accueillent.\n", "one-sentence-per-line",
                 falc=True) == []


# ------------------------------------------------------------------- subjunctive


@pytest.mark.parametrize(
    "sentence",
    [
        "La convention est conclue pour une durée de 6 mois.",  # être + participle
        "Les conventions conclues en 2020 restent valables.",
        "Elle s’est enfuie de son pays.",
        "La TVA est inclue dans le prix.",
        "Il faut que tout soit fini demain.",
    ],
)
def test_participles_are_not_subjunctives(sentence: str) -> None:
    assert [f for f in found(sentence, "condition") if "subjonctif" in f.message] == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Il faut qu’il conclue le contrat.", "conclue"),
        ("Il faut qu’elle vienne demain au bureau.", "vienne"),
        ("Nous voulons que le CAI puisse vous aider.", "puisse"),
    ],
)
def test_real_subjunctives_are_found(sentence: str, word: str) -> None:
    fs = [f for f in found(sentence, "condition") if "subjonctif" in f.message]
    assert [f.text for f in fs] == [word]


# ------------------------------------------------------------- inclusive writing


@pytest.mark.parametrize(
    ("text", "written", "both"),
    [
        ("Les étudiant.e.s sont invités à la réunion.", "étudiant.e.s",
         "« étudiantes et étudiants »"),
        ("Les citoyen·ne·s participent au projet.", "citoyen·ne·s",
         "« citoyennes et citoyens »"),
        ("Les candidat(e)s recevront une réponse.", "candidat(e)s",
         "« candidates et candidats »"),
        ("Les salarié-e-s peuvent venir.", "salarié-e-s", "« salariées et salariés »"),
        ("Les étudiant.es peuvent venir.", "étudiant.es", "« étudiantes et étudiants »"),
        ("Les travailleur·euse·s peuvent venir.", "travailleur·euse·s",
         "« travailleuses et travailleurs »"),
        ("Chaque candidat·e recevra une réponse.", "candidat·e", "« candidate et candidat »"),
    ],
)
def test_inclusive_writing_found(text: str, written: str, both: str) -> None:
    (f,) = found(text, "inclusive-writing")
    assert (f.text, f.severity) == (written, "warning")
    assert both in f.message and "« les personnes »" in f.message


def test_inclusive_writing_each_word() -> None:
    text = "Les citoyen·ne·s sélectionné·e·s participeront à une formation."
    assert texts(text, "inclusive-writing") == ["citoyen·ne·s", "sélectionné·e·s"]


@pytest.mark.parametrize(
    "text",
    [
        "La taxe a augmenté de 12.5 % en un an.",
        "Voir le site www.cai.be ou cai.be pour les étudiants.",
        "Écrivez à marie.dupont@cai.be ou à anne.e@cai.be.",
        "Apportez vos documents, p.ex. votre carte.",
        "Voir le site exemple.es ou madrid.es.",
        "Apportez le(s) document(s) demandé(s).",  # plural marks, not gender
        "Peut-être viendrez-vous au bureau.",
        "Les étudiantes et les étudiants sont invités.",
        "https://www.cai.be/etudiant.e.s",
    ],
)
def test_inclusive_writing_look_alikes(text: str) -> None:
    assert found(text, "inclusive-writing") == []


def test_inclusive_forms_count_as_one_word() -> None:
    (a,) = french.sentences("Les étudiant.e.s sont invités à la réunion du 5 mars.")
    (b,) = french.sentences("Les étudiants sont invités à la réunion du 5 mars.")
    assert word_count(a) == word_count(b) == 10
    (c,) = french.sentences("Les citoyen·ne·s sélectionné·e·s et les candidat(e)s.")
    assert word_count(c) == 6


# ------------------------------------------- other look-alikes in real drafts


def test_personne_as_a_noun_is_not_the_negative_subject() -> None:
    text = "Près de 1 personne sur 3 n’a pas terminé la formation."
    assert texts(text, "negation") == ["n’a pas"]
    assert texts("Personne ne vient le lundi.", "negation") == ["Personne ne"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous êtes tenue de nous signaler tout changement.",  # « être tenu de »: must
        "Le projet est fait d’actions pour se souvenir.",  # « être fait de »: made of
    ],
)
def test_states_are_not_passive(sentence: str) -> None:
    assert found(sentence, "passive") == []


def test_made_by_someone_is_passive() -> None:
    assert texts("Le travail est fait par le CAI.", "passive") == ["est fait"]


def test_a_title_is_not_an_enumeration() -> None:
    text = "# Radicalisme, stigmatisation et repli\n\nLe CAI sensibilise les jeunes.\n"
    assert found(text, "enumeration", falc=True) == []
    assert found("Il parle de racisme, de stigmatisation et de repli.", "enumeration")


def test_a_glossary_word_inside_a_name_is_not_unexplained() -> None:
    g = Glossary([Term("plateforme", "word", "Un groupe d’associations.")])
    assert found("Le CAI anime la Plateforme FLE.", "unexplained-word", glossary=g) == []
    assert texts("Le CAI anime une plateforme.", "unexplained-word", glossary=g) == [
        "plateforme"
    ]
    assert texts("Plateforme et réseau : le CAI anime.", "unexplained-word", glossary=g) == [
        "Plateforme"
    ]


def test_a_bank_account_is_not_an_acronym() -> None:
    assert found("Le virement se fait sur le compte BE68 0910 1234 5678.", "acronym") == []
    assert texts("Le BE68 organise un cours.", "acronym") == ["BE68"]
