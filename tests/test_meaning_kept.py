"""Cuts that keep the meaning: the simplifier may drop, split and shorten, never make a
kept sentence say something else (issue: probe of unseen real-world texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import glossary, simplify
from cai_falc.config import SimplifySettings
from cai_falc.simplify import asides, splitting

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def terms() -> glossary.Glossary:
    return glossary.load(ROOT / "glossaries")


def _lines(text: str, terms: glossary.Glossary) -> list[str]:
    """The lines a sentence (or a few) becomes, as the draft shows them."""
    draft = simplify.simplify_text(
        "Avis\n\n" + text, glossary=terms, settings=SimplifySettings(max_lines=30)
    )
    return [
        line.replace("\u2019", "'")
        for line in draft.falc.body.splitlines()
        if line.strip() and not line.startswith("#")
    ]


# ------------------------------------------------------------ 1. the decimal comma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le loyer mensuel est de 450 €, dont 85,50 € de charges, à payer avant le 5 du mois.",
            "Le loyer mensuel est de 450 € à payer avant le 5 du mois.",
        ),
        # No closing comma: the "dont" clause is not between commas, nothing goes.
        (
            "Le budget total est de 2 millions d'euros, dont 1,5 million pour le personnel.",
            "Le budget total est de 2 millions d'euros, dont 1,5 million pour le personnel.",
        ),
        (
            "Pour les groupes à risque, le prix est de 13,27 €, dont une partie est remboursée"
            " par la mutualité : vous ne payez que 4,32 €.",
            "Pour les groupes à risque, le prix est de 13,27 €, dont une partie est remboursée"
            " par la mutualité : vous ne payez que 4,32 €.",
        ),
        (
            "La société civile, dont le CAI fait partie, se mobilise.",
            "La société civile se mobilise.",
        ),
    ],
)
def test_drop_dont_never_reads_a_decimal_comma_as_a_clause_comma(text: str, expected: str) -> None:
    assert asides.drop_dont(text) == expected


@pytest.mark.parametrize(
    ("operation", "text"),
    [
        (asides.drop_opener, "Par ailleurs, le loyer de 450,50 € est payable le 5 du mois."),
        (asides.drop_insertions, "Le prix est de 13,27 €, en réalité, pour un adulte."),
        (asides.drop_participle_asides, "Le loyer est fixé à 450,50 € par mois pour un isolé."),
        (asides.drop_prepositional_asides, "Le prix est de 13,27 € par dose pour un adulte."),
        (asides.drop_appositions, "Le plafond est de 1 549,06 € par an en 2025 pour un ménage."),
        (asides.drop_leading_complement, "Avec 2,5 millions d'euros, le CPAS aide 400 familles."),
        (
            asides.drop_trailing_additions,
            "Le loyer est de 450,50 €, mais aussi 85,50 € de charges.",
        ),
    ],
)
def test_no_comma_operation_cuts_inside_a_number(operation: object, text: str) -> None:
    assert callable(operation)
    out = operation(text)
    for number in ("450,50", "13,27", "1 549,06", "2,5", "85,50"):
        if number in text and number.split(",")[0] in out:
            assert number in out, (text, out)


def test_a_list_after_a_colon_keeps_its_decimal_numbers() -> None:
    text = "Les tarifs sont les suivants : 4,32 €, 2,67 € et 13,27 €."
    assert all(
        "," not in item.strip("- ") or item.count(",") == 1
        for item in splitting.split_colon(text)[1:]
    )
    assert splitting._is_list("4,32 €, 2,67 € et 13,27 €.") in ([], ["4,32 €", "2,67 €", "13,27 €"])


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Le loyer mensuel est de 450 €, dont 85,50 € de charges, à payer avant le 5 du mois.",
            "450 € 50 €",
        ),
        (
            "Le budget total est de 2 millions d'euros, dont 1,5 million pour le personnel.",
            "5 million pour",
        ),
        (
            "Pour les groupes à risque, le prix est de 13,27 €, dont une partie est remboursée"
            " par la mutualité : vous ne payez que 4,32 € (ou 2,67 € si vous bénéficiez de"
            " l'intervention majorée).",
            "13,27 € 32 €",
        ),
    ],
)
def test_end_to_end_no_number_is_cut_at_its_decimal_comma(
    text: str, wrong: str, terms: glossary.Glossary
) -> None:
    body = " ".join(_lines(text, terms))
    assert wrong not in body
    assert " 50 € de charges" not in body


# ------------------------------------------------ 2. openers that restrict the claim


@pytest.mark.parametrize(
    "text",
    [
        "Pour les seconds résidents, le montant s'élève à 210 €.",
        "Pour les groupes à risque, le prix est de 13,27 € par dose.",
        "Parmi elles, 742 ont bénéficié d'un suivi individuel.",
        "Parmi les candidats, 15 seront sélectionnés pour la formation.",
        "Sauf avis contraire, la réunion aura lieu dans le réfectoire.",
        "En cas de retard, une amende de 10 € est due.",
        "Dans ce cas, le CPAS peut suspendre le paiement.",
        "À partir du 1er janvier, les guichets seront ouverts le samedi.",
        "Avant le 31 mars, la demande doit être introduite au service Finances.",
        "Chez les enfants de moins de 6 ans, la vaccination est gratuite.",
        "Selon les cas, la durée du suivi varie de 3 à 6 mois.",
        "Selon vos revenus, la réduction peut atteindre la moitié du prix.",
        "À Charleroi, les listes d'attente dépassent parfois six mois.",
        "Pendant les vacances scolaires, le bureau est fermé le lundi.",
        "Après 18 heures, l'accueil se fait par l'entrée latérale.",
    ],
)
def test_restricting_openers_stay(text: str) -> None:
    for operation in (
        asides.drop_opener,
        asides.drop_leading_complement,
        asides.drop_prepositional_asides,
    ):
        assert operation(text) == text, operation
    assert splitting.restrictive_opener(text.split(",")[0], text.split(",", 1)[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dans le cadre de la campagne du CNCD, le CAI se mobilise.",
            "Le CAI se mobilise.",
        ),
        ("Par ailleurs, le CAI organise des ateliers.", "Le CAI organise des ateliers."),
        (
            "En effet, ces motions prônent les mêmes valeurs.",
            "Ces motions prônent les mêmes valeurs.",
        ),
        ("De plus, le CAI publie une revue.", "Le CAI publie une revue."),
        ("De son côté, la ministre a rappelé sa position.", "La ministre a rappelé sa position."),
    ],
)
def test_framing_openers_still_go(text: str, expected: str) -> None:
    assert asides.drop_opener(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tout au long de ce processus de travail, le CAI agit comme agent de réseau.",
            "Le CAI agit comme agent de réseau.",
        ),
        # A place before a named subject says where the name is, not who is concerned.
        (
            "À Namur, le CAI met en place des lieux de concertation.",
            "Le CAI met en place des lieux de concertation.",
        ),
        # "pour" + infinitive is a purpose, not a "for whom".
        (
            "Pour mieux comprendre, le CAI travaille avec l'association Objectifs.",
            "Le CAI travaille avec l'association Objectifs.",
        ),
    ],
)
def test_non_restricting_leading_complements_still_go(text: str, expected: str) -> None:
    assert asides.drop_leading_complement(text) == expected


def test_a_restricting_aside_in_the_middle_stays() -> None:
    text = "Le montant s'élève, pour les seconds résidents, à 210 €."
    assert asides.drop_prepositional_asides(text) == text
    dated = "Le bureau sera ouvert, à partir du 3 mars, le samedi matin."
    assert asides.drop_prepositional_asides(dated) == dated
    purpose = "Le CAI se mobilise, aux côtés de citoyens, pour faire voter les motions."
    assert asides.drop_prepositional_asides(purpose) == (
        "Le CAI se mobilise pour faire voter les motions."
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Pour les seconds résidents, le montant s'élève à 210 €.",
            "Pour les seconds résidents, le montant s'élève à 210 €.",
        ),
        (
            # "Parmi elles" points back: the sentence it points to comes first.
            "Le service a accueilli 1 200 personnes en 2024. "
            "Parmi elles, 742 ont bénéficié d'un suivi individuel de plus de trois mois,"
            " tandis que les autres ont été orientées vers les CPAS.",
            "Parmi elles, 742 ont bénéficié d'un suivi individuel de plus de 3 mois.",
        ),
    ],
)
def test_end_to_end_the_opener_stays_with_its_claim(
    text: str, kept: str, terms: glossary.Glossary
) -> None:
    lines = _lines(text, terms)
    assert kept in lines
    assert not any(line[:1].isdigit() for line in lines)
    assert "Le montant s'élève à 210 €." not in lines


# ------------------------------------- 3. alternatives, conditions, frequency, restrictions


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("Vous pouvez vous faire aider par un avocat", " ou par un délégué syndical."),
        ("Vous pouvez vous faire aider par un avocat ou par un délégué", " d'une organisation."),
        ("Le CAI proposera des ateliers et des permanences juridiques deux fois", " par mois."),
        ("Le CAI proposera des permanences juridiques", " deux fois par mois."),
        ("Le CPAS pourra procéder à la récupération des montants indûment", " perçus."),
        (
            "Le CPAS pourra procéder à la récupération des montants",
            " indûment perçus et suspendre.",
        ),
        ("Le CPAS rembourse les factures non", " payées."),
        ("Il a insisté sur la collaboration avec la zone de police", ", le SPW et le CPAS."),
        ("Signalez tout changement de votre situation familiale", ", financière ou de logement."),
        ("Le bureau est ouvert du lundi au vendredi", ", sauf les jours fériés."),
        ("Vous pouvez venir au bureau", " sans rendez-vous."),
        ("La demande doit être introduite", " avant le 31 mars 2025."),
        ("L'indemnité est payable", " au plus tard le 5 de chaque mois."),
        ("Une garantie est constituée au plus tard", " à l'entrée dans les lieux."),
        ("Le bureau sera fermé", " jusqu'au 6 janvier."),
        ("Le coût total du séjour s'élève à 685 €", " par enfant."),
        ("Le remboursement est possible", " uniquement sur présentation d'une attestation."),
        ("Le remboursement est possible", " si vous bénéficiez de l'intervention majorée."),
        ("Les animaux ne sont pas admis", " à l'exception des chiens d'assistance."),
        ("L'indemnité est de 40 € par animation", ", dans la limite du plafond légal."),
    ],
)
def test_unsafe_cuts_are_refused(head: str, tail: str) -> None:
    assert not splitting.safe_cut(head, tail)


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        # A whole second clause may go; so may a place, or the whole list of alternatives.
        ("L'emploi est un moyen important", " et le CAI estime qu'il faut agir."),
        ("Le CAI s'investit dans ce projet", " en mettant à disposition son médiateur."),
        ("Vous pouvez vous faire aider", " par un avocat ou par un délégué syndical."),
        ("La demande doit être introduite avant le 31 mars 2025", " auprès du service Finances."),
        ("Le CAI agit comme agent de réseau", ", pour harmoniser et coordonner les actions."),
        ("Le CAI prend part aux actions", " menées dans plusieurs communes."),
        ("Elle s'appuie sur les plans de lutte contre le racisme récemment", " adoptés en 2016."),
        ("Plus de 4 800 personnes ont entamé le parcours", " en 2023, soit une hausse de 18 %."),
    ],
)
def test_safe_cuts_are_allowed(head: str, tail: str) -> None:
    assert splitting.safe_cut(head, tail)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "À défaut, le CPAS pourra procéder à la récupération des montants indûment perçus"
            " et, le cas échéant, suspendre le paiement du revenu d'intégration pour une durée"
            " d'un mois au plus.",
            "récupération des montants.",
        ),
        (
            "Vous pouvez vous faire aider par un avocat ou par un délégué d'une organisation"
            " syndicale.",
            "par un avocat.",
        ),
        (
            "Vous pouvez vous faire aider par un avocat ou par un délégué d'une organisation"
            " syndicale.",
            "par un délégué.",
        ),
        (
            "Le CAI proposera des ateliers d'interprétariat social et des permanences"
            " juridiques deux fois par mois.",
            "2 fois.",
        ),
        (
            "Le CAI proposera des ateliers d'interprétariat social et des permanences"
            " juridiques deux fois par mois.",
            "deux fois.",
        ),
        (
            "Une garantie équivalente à deux mois d'indemnité est constituée au plus tard à"
            " l'entrée dans les lieux.",
            "au plus tard.",
        ),
        (
            "Il a insisté sur la collaboration avec la zone de police Entre-Sambre-et-Meuse,"
            " le SPW et le CPAS de Florennes.",
            "Entre-Sambre-et-Meuse.",
        ),
        (
            "Une réduction de 50 % peut être accordée aux bénéficiaires de l'intervention"
            " majorée (BIM), sur présentation d'une attestation de la mutuelle, p. ex. la"
            " Mutualité chrétienne, Solidaris, etc.",
            "accordée aux bénéficiaires.",
        ),
    ],
)
def test_end_to_end_no_cut_narrows_or_widens_the_claim(
    text: str, wrong: str, terms: glossary.Glossary
) -> None:
    assert not any(line.endswith(wrong) for line in _lines(text, terms))


def test_a_short_enough_sentence_stays_whole_when_no_cut_is_safe(
    terms: glossary.Glossary,
) -> None:
    text = "La durée totale d'occupation ne peut en aucun cas excéder 18 mois."
    assert _lines(text, terms) == [text]
    text = "Les animaux domestiques ne sont pas admis, à l'exception des chiens d'assistance."
    assert _lines(text, terms) == [text]


def test_trims_refuse_what_would_change_the_claim() -> None:
    text = (
        "Le CPAS pourra procéder à la récupération des montants indûment perçus et suspendre"
        " le paiement du revenu pour une durée d'un mois au plus."
    )
    assert "montants." not in splitting.trim_tail(text, limit=12)
    text = "Vous pouvez contester cette décision, sauf si vous avez déjà introduit un recours."
    assert splitting.trim_at_comma(text, limit=8) == text


# ------------------------------------------------------------- 4. rescue of a condition


@pytest.mark.parametrize(
    "line",
    [
        "Si vous n'êtes pas d'accord avec cette décision, vous pouvez introduire un recours.",
        "Lorsque le dossier est complet, le CPAS envoie une réponse.",
        "Pour les seconds résidents, le montant s'élève à 210 €.",
        "Parmi elles, 742 ont bénéficié d'un suivi individuel de plus de 3 mois.",
    ],
)
def test_a_condition_or_a_restriction_before_the_clause_reads_whole(line: str) -> None:
    assert splitting.is_sentence(line)
    assert splitting.plain_clause(line)
    assert splitting.rescue(line, limit=15) == [line]


def test_a_condition_alone_is_still_half_a_sentence() -> None:
    assert not splitting.is_sentence("Si la Flandre applique un parcours depuis 2003.")
    assert not splitting.is_sentence("Si vous n'êtes pas d'accord avec cette décision.")


def test_end_to_end_the_appeal_line_is_kept(terms: glossary.Glossary) -> None:
    text = (
        "Si vous n'êtes pas d'accord avec cette décision, vous pouvez introduire un recours"
        " auprès du Tribunal du travail de Liège, division Namur, dans un délai de trois mois à"
        " compter de la notification de la présente."
    )
    assert _lines(text, terms) == [
        "Si vous n'êtes pas d'accord avec cette décision, vous pouvez introduire un recours."
    ]


# ---------------------------------------------------------- 5. leftovers that point nowhere


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'asbl Lire et Écrire Namur organisera quant à elle des cours d'alphabétisation.",
            "L'asbl Lire et Écrire Namur organisera des cours d'alphabétisation.",
        ),
        (
            "Le CPAS, quant à lui, prend en charge la garantie.",
            "Le CPAS prend en charge la garantie.",
        ),
        (
            "Les communes organisent pour leur part des séances d'information.",
            "Les communes organisent des séances d'information.",
        ),
        (
            "Le Forem propose, pour sa part, un suivi individuel.",
            "Le Forem propose un suivi individuel.",
        ),
    ],
)
def test_quant_a_lui_and_pour_sa_part_go(text: str, expected: str) -> None:
    assert asides.drop_insertions(text) == expected


def test_quant_a_with_a_noun_is_a_topic_and_stays() -> None:
    text = "Quant aux seconds résidents, ils paient 210 €."
    assert asides.drop_opener(text) == text
    assert asides.drop_leading_complement(text) == text
    assert asides.drop_opener("Quant à elle, la Ville organise des cours.") == (
        "La Ville organise des cours."
    )


def test_end_to_end_no_quant_a_elle_is_left(terms: glossary.Glossary) -> None:
    text = (
        "L'asbl Lire et Écrire Namur organisera quant à elle des cours d'alphabétisation, en"
        " partenariat avec la Haute École Albert Jacquard et l'Université de Namur (UNamur)."
    )
    body = " ".join(_lines(text, terms))
    assert "quant à" not in body
    assert "cours d'alphabétisation" in body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nous avons l'honneur de vous informer que le Comité a décidé de vous aider.",
         "Le Comité a décidé de vous aider."),
        ("En sa séance du 6 février 2025, nous avons l'honneur de vous informer que le "
         "Comité a décidé.", "En sa séance du 6 février 2025, le Comité a décidé."),
        ("Nous vous informons qu'il reste 3 places.", "Il reste 3 places."),
        ("Par la présente, je vous confirme que votre inscription est acceptée.",
         "Votre inscription est acceptée."),
    ],
)
def test_a_letter_frame_goes_its_news_stays(text: str, expected: str) -> None:
    assert asides.drop_reporting_frame(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le solde, soit 235 €, doit être versé avant le 14 février.",
         "Le solde de 235 € doit être versé avant le 14 février."),
        ("Vous recevez une aide, soit 1 250,50 euros.", "Vous recevez une aide de 1 250,50 euros."),
        ("au taux cohabitant, soit un montant de 876,13 €, avec effet",
         "au taux cohabitant, soit un montant de 876,13 €, avec effet"),
    ],
)
def test_an_amount_in_apposition_stays(text: str, expected: str) -> None:
    assert asides.amount_apposition(text) == expected


def test_the_amount_due_survives_the_cut(terms: glossary.Glossary) -> None:
    lines = _lines(
        "Le solde, soit 235 €, doit être versé avant le 14 février 2025 sur le compte de "
        "l'école, avec en communication le nom et la classe de l'enfant.",
        terms,
    )
    assert any("235 €" in line and "14 février 2025" in line for line in lines), lines


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Dès son origine, ce certificat met un point d'honneur à former les futurs formateurs"
         " et formatrices sur la nécessité d'adopter une posture interculturelle.",
         "met un point d'honneur."),
        ("En 2016, le décret est modifié : le parcours d'accueil devient le parcours "
         "d'intégration, dont l'ensemble des étapes devient obligatoire, y compris la "
         "formation à la langue française et la formation à la citoyenneté.",
         "intégration y compris"),
    ],
)
def test_no_cut_leaves_a_locution_or_a_bound_phrase_open(
    text: str, absent: str, terms: glossary.Glossary
) -> None:
    assert not any(absent in line for line in _lines(text, terms))
