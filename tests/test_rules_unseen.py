"""The checker on French it has not seen: real-world typography (times, phone numbers,
web addresses, abbreviations), what it must find in administrative prose, and what it
must not say about good easy-to-read texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import french
from cai_falc.check import check_document, check_text, read_document
from cai_falc.glossary import Glossary, Term
from cai_falc.rules import Finding
from cai_falc.rules.sentences import word_count


def found(text: str, rule: str, **kw: object) -> list[Finding]:
    result = check_text(text, lang="fr", **kw)  # type: ignore[arg-type]
    return [f for f in result.findings if f.rule == rule]


def texts(text: str, rule: str, **kw: object) -> list[str]:
    return [f.text for f in found(text, rule, **kw)]


def count(text: str) -> int:
    (s,) = french.sentences(text)
    return word_count(s)


# ------------------------------------------------------------ times, phones, web


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Le bureau ouvre à 9 h et ferme à 12 h 30.", 9),
        ("Le bureau ouvre à 9h et ferme à 12h30.", 9),
        ("Le bureau ferme à 16\u00a0h\u00a000.", 5),
        ("Appelez le 081 73 71 76.", 3),
        ("Appelez le 0470 12 34 56.", 3),
        ("Appelez le +32 81 72 61 11.", 3),
        ("Appelez le 0470/12.34.56.", 3),
        ("Allez sur le site cainamur.be pour voir les horaires.", 9),
        ("Lisez la page inami.fgov.be/fr/aide.", 4),
    ],
)
def test_times_phones_and_addresses_are_one_word(text: str, n: int) -> None:
    assert count(text) == n


def test_numbers_that_are_not_phones_stay_numbers() -> None:
    toks = [t.text for t in french.words("Il y a 2 500 000 habitants et 0,5 % de 12 enfants.")]
    assert "2 500 000" in toks and "0,5" in toks and "12" in toks
    # Too few digits for a phone number: three numbers.
    assert [t.text for t in french.words("0 12 345")] == ["0", "12 345"]


def test_international_phone_plus_is_not_a_special_character() -> None:
    assert texts("Téléphonez au +32 81 72 61 11.", "special-char") == []
    assert texts("Venez avec votre enfant + un adulte.", "special-char") == ["+"]


def test_time_and_phone_do_not_make_a_long_sentence() -> None:
    text = "Le mardi et le jeudi, de 9 h 30 à 12 h 00, appelez le 081 22 33 44."
    assert count(text) == 12
    assert found(text, "long-sentence") == []


def test_time_and_phone_syllables_are_what_a_reader_reads() -> None:
    assert french.syllables("14 h 30") == 3  # quatorze heures trente
    assert french.syllables("081 25 86 00") == 4  # four groups, copied one by one
    assert french.syllables("2024") == 4  # plain numbers as before


# ----------------------------------------------------------------- abbreviations


@pytest.mark.parametrize(
    ("text", "written", "how"),
    [
        ("Le Dr Van den Bossche vous reçoit.", "Dr", "Docteur"),
        ("Le Pr Martin vous reçoit.", "Pr", "Professeur"),
        ("Venez au Bd Cauchy 12 bte 3.", "Bd", "boulevard"),
        ("Venez au Bd Cauchy 12 bte 3.", "bte", "boîte"),
        ("Vous habitez Av. Louise 12.", "Av.", "avenue"),
        ("Envoyez la Réf. du dossier.", "Réf.", "référence"),
        ("Réf. : 2024/SOC/01872", "Réf.", "référence"),
        ("Tél. : 081 22 33 44.", "Tél.", "téléphone"),
        ("N.B. : venez avec vos papiers.", "N.B.", "attention"),
        ("NB : venez avec vos papiers.", "NB", "attention"),
        ("Répondez SVP avant lundi.", "SVP", "s’il vous plaît"),
        ("Arrivez 15 min avant le rendez-vous.", "min", "minutes"),
        ("Les partenaires, les écoles, etc… vous aident.", "etc", "liste complète"),
    ],
)
def test_abbreviations_written_as_institutions_write_them(
    text: str, written: str, how: str
) -> None:
    hits = [f for f in found(text, "abbreviation") if f.text == written]
    assert len(hits) == 1, found(text, "abbreviation")
    assert how in hits[0].message
    # An abbreviation is not reported as an acronym too.
    assert all(f.text.replace(".", "") != written.replace(".", "")
               for f in found(text, "acronym"))


@pytest.mark.parametrize(
    "text",
    [
        "Il part chez Max. Il revient demain.",
        "Le Dr. Dupont vous reçoit.",  # with its dot: one finding, not two
        "Le PS et le MR votent la loi.",  # parties: acronyms
        "Vous parlez avec Madame Dupont.",
        "Dr Who est une série.",  # at the start, before a capital: still « Docteur »
    ],
)
def test_abbreviation_lookalikes(text: str) -> None:
    got = texts(text, "abbreviation")
    expected = {"Le Dr. Dupont vous reçoit.": ["Dr."], "Dr Who est une série.": ["Dr"]}
    assert got == expected.get(text, [])


def test_a_reference_number_is_not_an_acronym_nor_special_characters() -> None:
    text = "Votre dossier porte le numéro 2024/SOC/01872."
    assert texts(text, "acronym") == []
    assert texts(text, "special-char") == []
    # « et/ou » is still a special character, and « SOC » alone an acronym.
    assert texts("Les parents et/ou les tuteurs viennent.", "special-char") == ["/"]
    assert texts("Le SOC vous répond.", "acronym") == ["SOC"]


# --------------------------------------------------------------------- acronyms


def test_acronym_spelt_out_with_accented_initials() -> None:
    assert texts("L’indice socio-économique (ISE) de l’école compte.", "acronym") == []
    assert texts("Le Conseil du Contentieux des Étrangers (CCE) décide.", "acronym") == []
    assert texts("L’indice (ISE) de l’école compte.", "acronym") == ["ISE"]


# --------------------------------------------------------------- special characters


def test_inclusive_brackets_are_one_finding() -> None:
    text = "Présentez-vous muni(e) de votre carte."
    assert texts(text, "inclusive-writing") == ["muni(e)"]
    assert texts(text, "special-char") == []
    assert texts("Présentez-vous muni(e) de votre carte (eID).", "special-char") == ["(eID)"]


def test_points_ending_a_list_stand_for_etc() -> None:
    text = "Nos partenaires (CPAS, Lire et Écrire, Promotion sociale…) vous aident."
    msgs = [f.message for f in found(text, "special-char")]
    assert any("liste complète" in m for m in msgs)
    assert any(m.startswith("Points de suspension") for m in msgs)
    assert not any(f.message.startswith("Points") for f in found(
        "Les fruits, les légumes, etc… sont en vente.", "special-char"))
    # Points that are a pause, not a list: not this finding.
    assert not any(f.message.startswith("Points") for f in found(
        "Il hésite… Puis il part.", "special-char"))


# ---------------------------------------------------------------------- negation


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Votre dossier ne pourra être traité.", "ne pourra"),
        ("Le loyer ne peut dépasser 500 euros.", "ne peut"),
        ("Tout rendez-vous non annulé sera facturé.", "non annulé"),
        ("Les soins non urgents attendent.", "non urgents"),
    ],
)
def test_negations_without_pas(text: str, written: str) -> None:
    assert written in texts(text, "negation")


@pytest.mark.parametrize(
    "text",
    [
        "Vous ne payez plus que 1 euro par consultation.",  # « only »
        "Il ne peut que vous aider.",
        "Vous êtes d’accord, oui ou non ?",
        "Moi non plus.",
        "Non, merci.",
    ],
)
def test_not_negations(text: str) -> None:
    assert texts(text, "negation") == []


# --------------------------------------------------------------------- condition


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Vous payez 1 euro, pour autant qu’ils disposent d’un dossier.", "pour autant qu’"),
        ("À défaut de réception des documents, le dossier est fermé.", "À défaut"),
        ("Vérifiez votre statut, faute de quoi vous payez tout.", "faute de quoi"),
        ("Sous réserve de places libres, vous êtes inscrit.", "Sous réserve"),
        ("Dans l’hypothèse où vous partez, prévenez-nous.", "Dans l’hypothèse"),
    ],
)
def test_hypotheses_of_administrative_french(text: str, written: str) -> None:
    assert written in texts(text, "condition")


# ----------------------------------------------------------------------- passive


def test_passive_with_a_participle_lexique_lacks() -> None:
    assert texts("Ils doivent avoir été scolarisés 1 an.", "passive") == ["avoir été scolarisés"]
    assert texts("Les enfants sont scolarisés à Namur.", "passive") == ["sont scolarisés"]
    # « -é » words that are not participles of a known verb are not passive.
    assert texts("Le bureau est fermé.", "passive") == []
    assert texts("Il est café.", "passive") == []


# ------------------------------------------------------------------------ numbers


def test_millions_in_digits_are_one_finding() -> None:
    text = "Environ 2,6 millions de personnes sont concernées."
    assert texts(text, "number-words") == []
    assert texts(text, "big-number") == ["millions"]
    assert texts("Deux millions de personnes.", "number-words") == ["Deux millions"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Votre rendez-vous est le jeudi 14/11 à 14h30.", "14/11"),
        ("Le bureau est fermé du 2/9 au 6/9.", "2/9"),
        ("Venez le 3/05.", "3/05"),
    ],
)
def test_day_and_month_without_year(text: str, written: str) -> None:
    assert written in texts(text, "date-format")


@pytest.mark.parametrize(
    "text", ["Mangez 1/2 pomme.", "Le service répond 24/7.", "Le 45/12 est un code."]
)
def test_fractions_are_not_dates(text: str) -> None:
    assert texts(text, "date-format") == []


# ---------------------------------------------------------------------- metaphors


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Pour la directrice, le défi reste de taille.", "reste de taille"),
        ("Plus de 1 200 personnes franchissent les portes du centre.",
         "franchissent les portes"),
        ("Le projet a vu le jour en 2014.", "vu le jour"),
        ("Le CAI se bat pour vos droits.", "se bat"),
        ("Chacun devient un citoyen à part entière.", "à part entière"),
        ("Cette formation est un tremplin vers l’emploi.", "un tremplin"),
    ],
)
def test_images_of_the_press(text: str, written: str) -> None:
    assert written in texts(text, "metaphor")


@pytest.mark.parametrize(
    "text",
    [
        "Vous voyez le jour se lever.",
        "Fixez le point de rendez-vous.",
        "La taille de la veste est grande.",
        "Il se bat.",
    ],
)
def test_literal_words_are_not_images(text: str) -> None:
    assert texts(text, "metaphor") == []


# ------------------------------------------------------- good easy-to-read layout


def test_semicolon_ending_a_bullet_is_list_punctuation() -> None:
    text = "Vous pouvez vous inscrire :\n- sur internet\u00a0;\n- par téléphone ;\n- au bureau.\n"
    assert texts(text, "special-char") == []
    # Inside a sentence or a bullet it still joins two sentences.
    assert texts("Venez tôt ; prenez vos papiers.", "special-char") == [";"]
    assert texts("- venez tôt ; prenez vos papiers.", "special-char") == [";"]


def test_a_quoted_example_is_one_line() -> None:
    text = "Par exemple : « Mon bébé dort mal. Que faire ? »\n"
    assert found(text, "one-sentence-per-line", falc=True) == []
    # A sentence after the quotation is a second sentence on the line.
    assert texts("Il dit : « Venez. » Puis il part.\n", "one-sentence-per-line", falc=True) == [
        "Puis il part."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Voter est obligatoire quand vous êtes inscrit.",
        "Le repas est compris.",
        "Vous êtes domiciliée à Namur.",
    ],
)
def test_states_are_not_passive(text: str) -> None:
    assert texts(text, "passive") == []


def test_state_words_with_an_agent_are_passive() -> None:
    assert texts("Vous êtes inscrit par votre assistante sociale.", "passive") == [
        "êtes inscrit"
    ]


# ------------------------------------------------ days, ordinals, subjunctive, passive


def test_short_day_before_a_date() -> None:
    text = "Le bureau est ouvert le lun. 12 mars."
    assert len(french.sentences(text)) == 1
    (f,) = found(text, "abbreviation")
    assert f.text == "lun." and "lundi" in f.message
    assert texts("Rendez-vous le jeu. 14 novembre.", "abbreviation") == ["jeu."]
    # The sea and a game are words: the sentence ends after them.
    assert len(french.sentences("Il nage dans la mer. Le bateau part.")) == 2
    assert len(french.sentences("Il joue à un jeu. 2 joueurs gagnent.")) == 2
    assert texts("Il joue à un jeu. 2 joueurs gagnent.", "abbreviation") == []


def test_ordinals_in_letters() -> None:
    assert texts("C’est la troisième fois.", "number-words") == ["troisième"]
    assert texts("Vous êtes au deuxième étage.", "number-words") == ["deuxième"]
    assert texts("C’est la première fois, la seconde aussi.", "number-words") == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Il faut que vous veniez au bureau.", "veniez"),
        ("Il est important que vous apportiez vos papiers.", "apportiez"),
        ("Avant que le bureau ferme, venez.", "ferme"),
        ("Pour que votre enfant aille à l’école, inscrivez-le.", "aille"),
    ],
)
def test_subjunctive_after_que_that_requires_it(text: str, verb: str) -> None:
    msgs = [f for f in found(text, "condition") if "subjonctif" in f.message]
    assert [f.text for f in msgs] == [verb]


@pytest.mark.parametrize(
    "text",
    ["Je sais ce que vous voulez.", "Vous dites que vous venez.", "Il faut que tout soit fini."],
)
def test_indicative_after_que(text: str) -> None:
    assert [f for f in found(text, "condition") if "subjonctif" in f.message] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Instauré par le décret du 27 mars 2014, le parcours est obligatoire.",
         "Instauré par"),
        ("Vous respectez les plafonds fixés par le Code wallon.", "fixés par"),
        ("Vous avez reçu une lettre envoyée par la commune.", "envoyée par"),
    ],
)
def test_passive_participle_with_its_agent(text: str, written: str) -> None:
    assert written in texts(text, "passive")


@pytest.mark.parametrize(
    "text",
    [
        "Vous payez par virement.",
        "Il a envoyé le papier par erreur.",
        "Il est passé par la gare.",
        "Le papier arrive envoyé par la poste.",
        "Les places sont limitées.",
    ],
)
def test_not_passive(text: str) -> None:
    assert texts(text, "passive") == []


def test_passive_is_reported_once() -> None:
    assert texts("La fête est organisée par le CAI.", "passive") == ["est organisée"]


# -------------------------------------------------------------- a second batch


@pytest.mark.parametrize(
    ("text", "written"),
    [("Rendez-vous en salle III.", "III"), ("Remplissez les annexes I à IV.", "IV")],
)
def test_roman_numerals_made_of_i_v_x(text: str, written: str) -> None:
    assert texts(text, "roman-numeral") == [written]
    assert texts(text, "acronym") == []


def test_xl_and_real_acronyms_are_not_roman() -> None:
    assert texts("Prenez la taille XL.", "roman-numeral") == []
    assert texts("Le CHR vous soigne.", "roman-numeral") == []


def test_short_month_after_a_day_is_not_the_number_seven() -> None:
    text = "Envoyez le formulaire avant le 30 sept. via le site."
    assert texts(text, "number-words") == []
    assert texts(text, "date-format") == ["30 sept."]
    assert texts("Il a sept enfants.", "number-words") == ["sept"]


def test_pour_cent_is_one_finding() -> None:
    text = "Il y a 19,8 pour cent de personnes étrangères."
    assert texts(text, "number-words") == []
    assert texts(text, "big-number") == ["19,8 pour cent"]


def test_footnote_call_glued_to_a_word() -> None:
    text = "Les mineurs travaillaient dans les charbonnages¹."
    assert [t.text for t in french.words(text)][-1] == "charbonnages"
    assert any("note" in f.message for f in found(text, "special-char"))
    assert all(f.text != "charbonnages¹" for f in found(text, "hard-word"))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Le vaccin est vivement recommandé.", "est vivement recommandé"),
        ("Les dossiers seront d’office considérés comme complets.",
         "seront d’office considérés"),
        ("Il faut que les annexes soient dûment complétées.", "soient dûment complétées"),
    ],
)
def test_passive_with_an_adverb_inside(text: str, written: str) -> None:
    assert texts(text, "passive") == [written]


def test_negation_without_ne_at_the_start() -> None:
    assert texts("Pas de panique !", "negation") == ["Pas de"]
    assert texts("Pas besoin de rendez-vous.", "negation") == ["Pas besoin"]
    assert texts("Vous payez pas à pas.", "negation") == []


def test_coup_de_main_is_an_image() -> None:
    assert texts("On vous donne un coup de main.", "metaphor") == ["coup de main"]


@pytest.mark.parametrize(
    "text",
    ["Vous êtes réfugié ?", "Vous êtes retraitée ?", "Vous êtes salarié dans une entreprise."],
)
def test_a_status_is_not_passive(text: str) -> None:
    assert texts(text, "passive") == []


def test_pas_a_pas_is_not_a_negation() -> None:
    assert texts("Pas à pas, vous trouvez votre place.", "negation") == []


def test_slash_in_round_the_clock_is_special_but_not_in_a_file_number() -> None:
    assert texts("Le service est ouvert 24h/24.", "special-char") == ["/"]
    assert texts("Votre dossier porte le numéro 2024/01872.", "special-char") == []
    assert [t.text for t in french.words("Ouvert 24h/24.")] == ["Ouvert", "24h", "24"]


# ------------------------------------------------------------- explained words

GLOSSARY = Glossary([
    Term("décret", "word", "Une loi de la Région wallonne."),
    Term("bénéficiaire", "word", "Une personne qui reçoit une aide."),
    Term("attestation", "word", "Un papier officiel."),
])


@pytest.mark.parametrize(
    "text",
    [
        "Le décret, c’est une loi de la Wallonie.",
        "Les bénéficiaires, ce sont les personnes qui reçoivent une aide.",
        "Vous recevez un papier officiel.\nCe papier s’appelle une attestation.",
    ],
)
def test_words_explained_as_easy_to_read_writers_do(text: str) -> None:
    assert found(text, "unexplained-word", glossary=GLOSSARY) == []


def test_words_left_unexplained() -> None:
    assert texts("Le décret change en 2016.", "unexplained-word", glossary=GLOSSARY) == [
        "décret"
    ]
    assert texts("Le décret, ce texte change.", "unexplained-word", glossary=GLOSSARY) == [
        "décret"
    ]


def test_inclusive_words_count_once_in_the_figures() -> None:
    text = "Les employé.e.s et les ouvrier.ère.s viennent."
    result = check_text(text)
    assert result.metrics.words == 6
    assert count(text) == 6


def test_everyday_initials_are_words() -> None:
    assert texts("Vous recevez un SMS. Les WC sont au fond.", "acronym") == []
    assert texts("Scannez le code QR.", "acronym") == []
    assert texts("Le SPF vous répond.", "acronym") == ["SPF"]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("En 1964, la Belgique signa un accord avec le Maroc.", "signa"),
        ("Ce projet fut reconduit jusqu’en 2024.", "fut"),
        ("Le CAI devint un centre régional.", "devint"),
    ],
)
def test_passe_simple(text: str, verb: str) -> None:
    hits = [f for f in found(text, "condition") if "passé simple" in f.message]
    assert [f.text for f in hits] == [verb]
    assert "passé composé" in hits[0].message


@pytest.mark.parametrize(
    "text", ["Il finit son travail à 17 h.", "Il a dit oui.", "Le but est clair."]
)
def test_present_forms_are_not_passe_simple(text: str) -> None:
    assert [f for f in found(text, "condition") if "passé simple" in f.message] == []


# ------------------------------------------------------- administrative words


@pytest.mark.parametrize(
    ("text", "written", "instead", "severity"),
    [
        ("Conformément à la loi, vous signalez tout changement.", "Conformément à", "selon",
         "warning"),
        ("Vous êtes tenu de signaler tout changement.", "êtes tenu de", "devoir", "warning"),
        ("Renvoyez les documents ci-joints.", "ci-joints", "avec cette lettre", "warning"),
        ("Remplissez dûment le formulaire.", "dûment", "bien", "warning"),
        ("Vous pouvez solliciter une aide.", "solliciter", "demander", "warning"),
        ("Le médecin délivre une ordonnance.", "délivre", "donner", "warning"),
        ("Il faut payer au préalable.", "au préalable", "avant", "warning"),
        ("Veuillez envoyer les documents.", "Veuillez", "impératif", "warning"),
        ("Venez afin de parler avec nous.", "afin de", "pour", "info"),
        ("Lors du rendez-vous, parlez avec nous.", "Lors du", "pendant", "info"),
        ("Le montant s’élève à 200 euros.", "s’élève à", "être de", "info"),
    ],
)
def test_administrative_words(text: str, written: str, instead: str, severity: str) -> None:
    hits = [f for f in found(text, "hard-word") if f.text == written]
    assert len(hits) == 1, found(text, "hard-word")
    assert instead in hits[0].message and hits[0].severity == severity


def test_administrative_words_once_and_not_lookalikes() -> None:
    text = "Afin de venir, appelez.\nAfin de payer, appelez.\n"
    assert texts(text, "hard-word") == ["Afin de"]
    assert [f for f in found("Merci pour votre sollicitude.", "hard-word")
            if "administration" in f.message] == []
    assert found("Vous pouvez disposer les chaises.", "hard-word") == []


def test_letter_formulas_are_administrative_words() -> None:
    text = (
        "Nous accusons réception de votre demande.\n"
        "Merci de nous faire parvenir les pièces justificatives.\n"
    )
    assert texts(text, "hard-word") == [
        "accusons réception", "faire parvenir", "pièces justificatives"
    ]


def test_a_list_ending_with_ainsi_que() -> None:
    text = "Il comprend un bilan, une formation, une orientation ainsi qu’une aide."
    assert found(text, "enumeration")
    assert found("Vous, ainsi que votre famille, êtes invités.", "enumeration") == []


def test_a_falc_file_title_is_a_heading_as_in_the_build(tmp_path: Path) -> None:
    body = "\n".join(f"Vous venez le jour {i}." for i in range(1, 11))
    path = tmp_path / "2024-essai.falc.md"
    path.write_text(
        f"---\nid: 2024-essai\ntitle: Venir au centre\nstatus: edited\n---\n\n{body}\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    (title,) = [s for s in french.sentences(doc.text) if s.line == 3]
    assert title.kind == "heading" and title.text == "Venir au centre" and title.col == 8
    result = check_document(doc)
    # A heading: the title is not a body sentence without a heading.
    assert [f for f in result.findings if f.rule == "title-question"] == []


@pytest.mark.parametrize(
    "text",
    ["Sambreville est une commune.", "Fedasil accueille les demandeurs d’asile.",
     "Ciney a un marché."],
)
def test_a_name_starting_a_sentence_is_not_a_hard_word(text: str) -> None:
    assert found(text, "hard-word") == []


def test_a_rare_word_starting_a_sentence_is_still_hard() -> None:
    assert texts("Impétrant est un mot de juriste.", "hard-word") == ["Impétrant"]


def test_a_boxed_word_explains_its_plural_and_its_words() -> None:
    assert found("Les usufruitiers paient.\n", "hard-word", falc=True,
                 explained=["usufruitier"]) == []
    assert found("Le bail emphytéotique est long.\n", "hard-word", falc=True,
                 explained=["bail emphytéotique"]) == []
    assert texts("Les usufruitiers paient.\n", "hard-word", falc=True) == ["usufruitiers"]
    assert texts("Le workshop aide.\n", "foreign-word", falc=True) == ["workshop"]
    assert found("Les workshops aident.\n", "foreign-word", falc=True,
                 explained=["workshop"]) == []


def test_a_boxed_plural_explains_the_glossary_term() -> None:
    text = "Les bénéficiaires reçoivent une aide.\n"
    assert texts(text, "unexplained-word", glossary=GLOSSARY, falc=True) == ["bénéficiaires"]
    assert found(text, "unexplained-word", glossary=GLOSSARY, falc=True,
                 explained=["bénéficiaires"]) == []


@pytest.mark.parametrize("heading", ["## 1. Votre commune", "## 2.3. Les papiers"])
def test_numbered_heading_is_one_heading(heading: str) -> None:
    (s,) = french.sentences(heading)
    assert s.kind == "heading"
    assert found(heading + "\nVous venez.\n", "one-sentence-per-line", falc=True) == []


def test_a_year_and_a_dot_still_end_a_sentence() -> None:
    assert len(french.sentences("2024. Une année importante.")) == 2
    assert len(french.sentences("Il a 3 ans. Il part.")) == 2


def test_the_words_box_explains_in_a_plain_text_draft_too() -> None:
    text = (
        "# Le CPAS\n\nLe CPAS vous aide à payer le loyer.\n\n"
        "## Mots difficiles\n- CPAS : Centre public d’action sociale. Un service de la commune.\n"
    )
    assert found(text, "acronym") == []
    assert texts(text.split("## Mots")[0], "acronym") == ["CPAS"]
    # The entry's term is a label: its explanation alone is measured.
    assert found(text, "long-sentence") == []


def test_approximate_big_numbers_that_are_not_round() -> None:
    (f,) = found("Chaque année, plus de 1\u00a0274 apprenants viennent.", "big-number")
    assert f.text == "1 274" and "plus de 1\u00a0000" in f.message
    assert texts("Il y a environ 22 417 personnes.", "big-number") == ["22 417"]
    # Round already (as the simplifier rounds: two digits), or an amount: as it is.
    assert found("Plus de 1 000 personnes viennent.", "big-number") == []
    assert found("Plus de 1 800 personnes viennent.", "big-number") == []
    assert found("Il gagne plus de 1 200 € par mois.", "big-number") == []


def test_an_upper_bound_rounds_up() -> None:
    (f,) = found("Il reste moins de 1 250 places.", "big-number")
    assert "moins de 2\u00a0000" in f.message


@pytest.mark.parametrize(
    "text", ["Ce papier est *très* important.", "Ce papier est _très_ important."]
)
def test_italics_are_named(text: str) -> None:
    (f,) = found(text, "special-char")
    assert f.message.startswith("Italique") and "gras" in f.message
    assert found(text, "hard-word") == []  # « très_ » is not a word


def test_underscore_in_an_email_is_part_of_it() -> None:
    assert found("Écrivez à jean_dupont@cai.be.", "special-char") == []


def test_neuf_that_means_new() -> None:
    assert texts("Vous avez un logement neuf.", "number-words") == []
    assert texts("C’est tout neuf, venez.", "number-words") == []
    assert texts("Il a neuf enfants.", "number-words") == ["neuf"]


@pytest.mark.parametrize(
    ("text", "written", "full"),
    [("Plus d’infos sur le site.", "infos", "informations"),
     ("Des sorties au ciné sont prévues.", "ciné", "cinéma"),
     ("Téléchargez l’appli de la commune.", "appli", "application")],
)
def test_clipped_words(text: str, written: str, full: str) -> None:
    (f,) = found(text, "abbreviation")
    assert f.text == written and full in f.message and f.severity == "warning"


def test_information_in_full_and_emails_are_not_clipped() -> None:
    assert found("Écrivez à info@cai.be pour une information.", "abbreviation") == []


def test_mixed_case_acronym_and_a_shop_saying() -> None:
    assert texts("Prenez votre eID.", "acronym") == ["eID"]
    assert texts("Places limitées : premier arrivé, premier servi.", "metaphor") == [
        "premier arrivé, premier servi"
    ]


def test_an_acronym_in_a_title_explained_just_under_it() -> None:
    text = (
        "# Le FOREM vous aide\n\n## Qui est le FOREM ?\nC’est un service public.\n"
        "Le FOREM aide à trouver un travail.\n"
        "FOREM veut dire Office wallon de la formation professionnelle et de l’emploi.\n"
    )
    assert found(text, "acronym") == []
    # In the body, the explanation must come within two sentences.
    late = "Le FOREM aide.\nIl est ouvert.\nVous venez.\nFOREM veut dire Office wallon.\n"
    assert texts(late, "acronym") == ["FOREM"]


def test_etre_a_with_an_infinitive_is_a_passive_duty() -> None:
    assert texts("Les inscriptions sont à envoyer avant lundi.", "passive") == [
        "sont à envoyer"
    ]
    assert texts("Le formulaire est à remplir en ligne.", "passive") == ["est à remplir"]
    for text in ["Il est à travailler.", "C’est à vous de choisir.",
                 "Le bureau est à côté de la gare."]:
        assert texts(text, "passive") == []


def test_expletive_ne_before_pouvoir() -> None:
    assert texts("Venez, à moins qu’il ne puisse venir.", "negation") == []
    assert texts("Le dossier ne pourra être traité.", "negation") == ["ne pourra"]


@pytest.mark.parametrize(
    "text",
    ["Vous pouvez contacter Mme\nLambert au bureau.",
     "Appelez le CPAS au\n081 22 33 44 demain.",
     "Contactez M.\nDupont demain."],
)
def test_a_hard_wrapped_line_goes_on_before_a_name_or_a_number(text: str) -> None:
    assert len(french.sentences(text, join_wrapped=True)) == 1


def test_lines_that_end_a_sentence_still_do() -> None:
    assert len(french.sentences("Le CPAS peut vous aider\nLe CPAS est un service.",
                                join_wrapped=True)) == 2
    assert len(french.sentences("Le CPAS aide.\nLe CAI aide.", join_wrapped=True)) == 2


def test_an_infinitive_is_not_a_conjugated_verb() -> None:
    text = "Si vous déménagez, n’oubliez pas d’en informer votre caisse."
    assert found(text, "one-idea") == []
    assert found("Vous venez, vous signez et vous partez.", "one-idea")


def test_more_administrative_formulas() -> None:
    assert texts("Il est à noter que le bureau ferme.", "hard-word") == ["Il est à noter que"]
    assert "d'office" in texts("Une caisse est choisie d'office.", "hard-word")


def test_dashes_around_an_aside() -> None:
    assert texts("Le CAI – qui existe depuis 1982 – vous aide.", "special-char") == ["–"]
    assert texts("Vous choisissez une caisse — à défaut, la loi choisit.", "special-char") == [
        "—"
    ]
    for text in ["Circulaire n° 8932 – Inscriptions en 1re année",
                 "La distance domicile–école compte.", "Rendez-vous mardi 14 mai – 10 h."]:
        assert [f for f in found(text, "special-char") if "Tiret" in f.message] == []


def test_subjunctive_of_etre_after_il_faut_que() -> None:
    hits = [f.text for f in found("Il faut qu’il soit là à 9 h.", "condition")
            if "subjonctif" in f.message]
    assert hits == ["soit"]
    assert [f for f in found("Il faut que tout soit fini demain.", "condition")
            if "subjonctif" in f.message] == []
