"""Numbers in real French texts: what may be rounded, which percentages may be said in
words, and what the fact guard and the checker accept.

The sentences come from (or look like) real letters, notices and press articles, written
as French is really written: non-breaking spaces (U+00A0, U+202F) between thousands,
« 1.500 », « 1 500,50 € », « € 1.500 », « EUR », « 2,5 millions d'euros ». The rule of the
project: the simplifier may simplify, never change a number, an amount, a date or a phone
number.
"""

from __future__ import annotations

import re

import pytest

from cai_falc import facts
from cai_falc.check import check_text
from cai_falc.rules import numbers as number_rules
from cai_falc.simplify import numbers

NBSP, NNBSP = "\u00a0", "\u202f"

# ------------------------------------------------------------------ big numbers

#: Numbers that are not counts: they must come out exactly as they went in.
NOT_COUNTS = [
    "Pour toute question, contactez-nous au 02 515 44 44 ou via www.onem.be.",
    "Pour toute question, appelez le 02 515 44 44 du lundi au vendredi.",
    "Vous pouvez aussi appeler le numéro gratuit 0800 12 345 en semaine.",
    "Contact presse : Croix-Rouge de Belgique, 0475 12 34 56.",
    "Appelez le +32 2 515 44 44.",
    "Vous devez payer 2 500 € avant le 31 mars 2025.",
    f"Vous devez payer 2{NBSP}500{NBSP}€ avant le 31 mars 2025.",
    "La prime est de 1.500 euros pour les familles de 3 enfants.",
    "Le loyer est de € 1.500 par mois.",
    "Le montant à payer est de 1 250,50 € pour l'année 2025.",
    f"La loi prévoit un montant de 1{NNBSP}263,17 € par mois.",
    "Le subside s'élève à 12 000 EUR par an.",
    "Le projet a reçu 2,5 millions d'euros de la Région wallonne.",
    "Le solde doit être versé sur le compte BE68 0910 1234 5678 de l'école.",
    "Rue de Dave, 165 – 5100 Jambes",
    "Place du Palais de Justice, 5 à 5000 Namur.",
    "La réunion a lieu au 2e étage, rue de Fer 25, 5000 Namur.",
    "Le code postal de Jambes est 5100.",
    "Votre numéro de dossier est le 123456.",
    "Votre numéro de dossier est le 123456 et votre numéro national est 85.07.30-123.45.",
    "Voir l'article 1382 du Code civil.",
    "Le virement se fait sur le compte 001-1234567-89.",
    "Versez le montant sur le compte n° 1234 5678.",
    "Conformément à l'art. 1675 du Code judiciaire, le plan est possible.",
    "Les huit centres accueillent chaque année environ 4 500 nouveaux bénéficiaires.",
    "Il pourra héberger jusqu'à 1 874 personnes.",
    "Plus de 3 000 hommes seuls restent sans solution d'hébergement.",
    "Entre 1 874 et 2 345 personnes sont attendues.",
    "Le trajet compte 1 240 km.",
    "Le terrain mesure 2 500 m².",
    "La formation compte 1 560 heures de cours.",
    "Il vit ici depuis 2014.",
    "Le nombre de personnes accueillies est de 22 417.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_what_is_not_a_count_is_never_rounded(text: str) -> None:
    assert numbers.big_numbers(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nous avons ainsi accompagné 1 874 personnes, soit 18 % de plus qu'en 2022.",
            "Nous avons ainsi accompagné plus de 1 800 personnes, soit 18 % de plus qu'en 2022.",
        ),
        (
            "Selon un rapport de l'IWEPS, 22 417 personnes ont entamé le parcours.",
            "Selon un rapport de l'IWEPS, plus de 22 000 personnes ont entamé le parcours.",
        ),
        (
            f"22{NBSP}417 personnes ont entamé le parcours.",
            f"plus de 22{NBSP}000 personnes ont entamé le parcours.",
        ),
        (
            f"Le CAI a reçu 1{NNBSP}874 demandes.",
            f"Le CAI a reçu plus de 1{NNBSP}800 demandes.",
        ),
        (
            "En 2023, le CAI a accueilli 1 236 personnes.",
            "En 2023, le CAI a accueilli plus de 1 200 personnes.",
        ),
        ("La commune compte 123 456 habitants.", "La commune compte plus de 120 000 habitants."),
        (
            "Le centre accueille 4500 personnes par an.",
            "Le centre accueille 4 500 personnes par an.",
        ),
        (
            "Le centre accueille 4 500 personnes par an.",
            "Le centre accueille 4 500 personnes par an.",
        ),
        ("On compte 1.874 demandes.", "On compte plus de 1 800 demandes."),
        (
            "passant de 22 417 en 2012 à 9136 en 2014",
            "passant de plus de 22 000 en 2012 à plus de 9 000 en 2014",
        ),
    ],
)
def test_counts_are_rounded_down_to_two_significant_digits(text: str, expected: str) -> None:
    assert numbers.big_numbers(text) == expected


@pytest.mark.parametrize(
    "n", [1000, 1001, 1099, 1874, 1999, 4812, 9136, 9999, 10_001, 18_742, 22_417, 123_456, 999_999]
)
def test_plus_de_is_always_true_and_short(n: int) -> None:
    written = f"{n:,}".replace(",", " ")  # « 1874 » alone would be a year
    out = numbers.big_numbers(f"Il y a {written} personnes.")
    m = re.fullmatch(r"Il y a (plus de )?([\d ]+) personnes\.", out)
    assert m is not None, out
    value = int(m.group(2).replace(" ", ""))
    assert value <= n  # "plus de X": X is never above the number
    assert (m.group(1) is None) == (value == n)
    significant = str(value).rstrip("0")
    assert len(significant) <= 2, out  # at most two significant digits...
    assert value >= n * 0.9 or n < 1100, out  # ...and never as coarse as 1 874 -> 1 000


# ------------------------------------------------------------------ percentages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not a share of things one can count: the percentage stays.
        (
            "Une réduction de 50 % peut être accordée aux bénéficiaires.",
            "Une réduction de 50 % peut être accordée aux bénéficiaires.",
        ),
        (
            "Le budget a augmenté de 12,5 % en cinq ans.",
            "Le budget a augmenté de 12,5 % en cinq ans.",
        ),
        ("La taxe a augmenté de 12,5 % en un an.", "La taxe a augmenté de 12,5 % en un an."),
        ("30 %", "30 %"),
        (
            "L'indemnité est fixée à 20 % des revenus nets du ménage.",
            "L'indemnité est fixée à 20 % des revenus nets du ménage.",
        ),
        (
            "Nous avons accompagné 1 874 personnes, soit 18 % de plus qu'en 2022.",
            "Nous avons accompagné 1 874 personnes, soit 18 % de plus qu'en 2022.",
        ),
        (
            "Parmi elles, près de 30 % n'ont pas terminé la formation.",
            "Parmi elles, près de 30 % n'ont pas terminé la formation.",
        ),
        (
            "30 % des personnes âgées vivent seules.",
            "30 % des personnes âgées vivent seules.",
        ),
        ("99 % des personnes sont satisfaites.", "99 % des personnes sont satisfaites."),
        # "plus de 30 %" is not "plus de 1 sur 3": kept.
        ("Plus de 30 % des élèves ont réussi.", "Plus de 30 % des élèves ont réussi."),
        # A share of things: said in words, agreeing with the noun.
        ("30 % des familles", "environ 1 famille sur 3"),
        ("75 % des élèves", "environ 3 élèves sur 4"),
        ("près de 30 % des demandes", "environ 1 demande sur 3"),
        ("30 pour cent des habitants", "environ 1 habitant sur 3"),
        (f"30{NBSP}% des familles", "environ 1 famille sur 3"),
        (f"30{NNBSP}% des familles", "environ 1 famille sur 3"),
        ("30 % d’habitants", "environ 1 habitant sur 3"),
        ("Environ 50 % des familles ont déjà payé.", "Environ 1 famille sur 2 a déjà payé."),
        ("Près de 30 % des demandes sont refusées.", "Environ 1 demande sur 3 est refusée."),
        ("Presque 50 % des familles ont payé.", "Environ 1 famille sur 2 a payé."),
        (
            "30 % des demandes concernent le logement.",
            "Environ 1 demande sur 3 concerne le logement.",
        ),
        (
            "40 % des élèves n'ont pas terminé l'année.",
            "Environ 2 élèves sur 5 n'ont pas terminé l'année.",
        ),
        ("Plus de 50 % des élèves ont réussi.", "Plus de 1 élève sur 2 a réussi."),
        (
            "Dans moins de 1 % des cas, une fièvre légère est observée.",
            "Dans très peu de cas, une fièvre légère est observée.",
        ),
        (
            "Une baisse de 30 % des demandes a été constatée.",
            "Une baisse d'environ 1 demande sur 3 a été constatée.",
        ),
        (
            "Le CRI dit que 30 % des jeunes ne travaillent pas.",
            "Le CRI dit qu'environ 1 jeune sur 3 ne travaille pas.",
        ),
        (
            "Les centres accueillent environ 4 500 nouveaux bénéficiaires, dont 61 % de femmes.",
            "Les centres accueillent environ 4 500 nouveaux bénéficiaires, dont environ 3 femmes"
            " sur 5.",
        ),
        (
            "En 2023, le CAI a accueilli 1 200 personnes, dont 40,5 % de femmes.",
            "En 2023, le CAI a accueilli 1 200 personnes, dont environ 2 femmes sur 5.",
        ),
        (
            "18 742 demandes ont été traitées, dont 12 % ont été refusées.",
            "18 742 demandes ont été traitées, dont environ 1 sur 8 ont été refusées.",
        ),
        (
            "Avec 439 personnes accompagnées, soit environ 30 % des dossiers.",
            "Avec 439 personnes accompagnées, soit environ 1 dossier sur 3.",
        ),
    ],
)
def test_percentages(text: str, expected: str) -> None:
    assert numbers.percentages(text) == expected


PERCENT_SENTENCES = [
    "Une réduction de 50 % peut être accordée.",
    "Le budget a augmenté de 12,5 % en cinq ans.",
    "Dans moins de 1 % des cas, une fièvre légère est observée.",
    "Environ 50 % des familles ont déjà payé.",
    "environ 50 % des familles ont déjà payé.",
    "Près de 30 % des demandes sont refusées.",
    "Parmi elles, près de 30 % n'ont pas terminé la formation.",
    "Une hausse de près de 30 % des demandes.",
    "Une hausse de 30 % des demandes.",
    "Une hausse de plus de 50 % des demandes.",
    "Plus de 95 % des familles sont satisfaites.",
    "Moins de 3 % des élèves échouent.",
    "Presque 75 % des élèves ont réussi.",
    "L'indemnité est fixée à 20 % des revenus nets du ménage.",
    "Le taux de 6 % s'applique.",
]


@pytest.mark.parametrize("text", PERCENT_SENTENCES)
def test_no_broken_french_around_percentages(text: str) -> None:
    out = numbers.percentages(text)
    low = out.casefold()
    for bad in (
        "de environ",
        "que environ",
        "près de environ",
        "environ environ",
        "presque environ",
        "plus de environ",
        "moins de environ",
        "moins de très peu",
        "plus de très peu",
        "de très peu",
    ):
        assert bad not in low, out
    if "personne" not in text:
        assert "personne" not in out, out  # never "1 personne sur 2" for a rate or a price
    # What the simplifier writes, the fact guard accepts.
    assert facts.unsupported_facts(out, source=text) == []


# ------------------------------------------------------------------ the fact guard


@pytest.mark.parametrize(
    ("source", "draft", "bad"),
    [
        (
            "Pour toute question, appelez le 02 515 44 44.",
            "Appelez le plus de 2 000 44 44.",
            "2 000",
        ),
        (
            "Vous pouvez aussi appeler le numéro gratuit 0800 12 345 en semaine.",
            "Appelez le numéro gratuit 0800 plus de 12 000.",
            "12 000",
        ),
        (
            "Vous devez payer 2 500 € avant le 31 mars.",
            "Vous devez payer plus de 2 000 €.",
            "2 000",
        ),
        ("La prime est de 1.500 euros.", "La prime est de plus de 1 000 euros.", "1 000"),
        (
            "Le virement se fait sur le compte BE68 0910 1234 5678.",
            "Le virement se fait sur le compte BE68 0910 plus de 1 000.",
            "1 000",
        ),
        ("Rue de Dave, 165 – 5100 Jambes", "Rue de Dave, 165 – plus de 5 000 Jambes.", "5 000"),
        ("Rue de Fer 25, 5000 Namur.", "Rue de Fer 25, 5 000 Namur.", "5 000"),
        (
            "Le code postal de Jambes est 5100.",
            "Le code postal de Jambes est plus de 5 000.",
            "5 000",
        ),
        (
            "Votre numéro de dossier est le 123456.",
            "Votre numéro de dossier est le plus de 120 000.",
            "120 000",
        ),
        (
            "Les centres accueillent environ 4 500 nouveaux bénéficiaires.",
            "Les centres accueillent environ 4 000 nouveaux bénéficiaires.",
            "4 000",
        ),
        (
            "Une réduction de 50 % peut être accordée.",
            "Une réduction de environ 1 personne sur 3.",
            "1",
        ),
    ],
)
def test_the_guard_rejects_numbers_changed_by_a_rounding(source: str, draft: str, bad: str) -> None:
    found = facts.unsupported_facts(draft, source=source)
    assert bad in [f.text for f in found], found


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        (
            "Nous avons ainsi accompagné 1 874 personnes, soit 18 % de plus qu'en 2022.",
            "Nous avons accompagné plus de 1 800 personnes.",
        ),
        (
            f"22{NBSP}417 personnes ont entamé le parcours.",
            "Plus de 22 000 personnes ont entamé le parcours.",
        ),
        (
            f"22{NBSP}417 personnes ont entamé le parcours.",
            "22417 personnes ont entamé le parcours.",
        ),
        ("Pour toute question, appelez le 02 515 44 44.", "Appelez le 02 515 44 44."),
        (f"Vous devez payer 2{NBSP}500{NBSP}€ avant le 31 mars 2025.", "Vous devez payer 2 500 €."),
        (f"Le montant est de 1{NNBSP}250,50 €.", "Le montant est de 1 250,50 €."),
        ("Rue de Fer 25, 5000 Namur.", "La réunion a lieu rue de Fer 25, 5000 Namur."),
        ("Votre numéro de dossier est le 123456.", "Votre numéro de dossier est le 123456."),
        (
            "« Plus de 3\u00a0000 hommes seuls restent sans solution », dit-il.",
            "Plus de 3 000 hommes seuls restent sans solution.",
        ),
        (
            "Les centres accueillent environ 4 500 nouveaux bénéficiaires.",
            "Les centres accueillent environ 4 500 nouveaux bénéficiaires.",
        ),
        ("Environ 50 % des familles ont déjà payé.", "Environ 1 famille sur 2 a déjà payé."),
        ("Une baisse de 30 % des demandes.", "Une baisse d'environ 1 demande sur 3."),
        ("Une cinquantaine de participants répondent.", "Environ 50 participants répondent."),
    ],
)
def test_the_guard_accepts_true_rewrites(source: str, draft: str) -> None:
    assert facts.unsupported_facts(draft, source=source) == []


REAL_SENTENCES = [
    *NOT_COUNTS,
    "Selon un rapport de l'IWEPS publié ce mardi, 22 417 personnes ont entamé le parcours"
    " d'intégration en Wallonie entre 2019 et 2023.",
    "Nous avons ainsi accompagné 1 874 personnes, soit 18 % de plus qu'en 2022 ; parmi elles,"
    " 742 ont bénéficié d'un suivi individuel de plus de trois mois.",
    "Le budget consacré au dispositif a pourtant augmenté de 12,5 % en cinq ans, pour atteindre"
    " 1,2 million d'euros supplémentaires en 2023.",
    "Les huit Centres régionaux d'intégration accueillent chaque année environ 4 500 nouveaux"
    " bénéficiaires, dont 61 % de femmes.",
    "Le loyer mensuel est de 450 €, dont 85,50 € de charges, à payer avant le 5 du mois.",
    "Environ 50 % des familles ont déjà payé.",
    "Près de 30 % des demandes sont refusées.",
]


@pytest.mark.parametrize("text", REAL_SENTENCES)
def test_the_guard_accepts_what_the_simplifier_writes(text: str) -> None:
    out = numbers.big_numbers(numbers.number_words(numbers.percentages(text)))
    assert facts.unsupported_facts(out, source=text) == [], out


# ------------------------------------------------------------------ the checker


def big(text: str) -> list[str]:
    found = check_text(text, lang="fr").findings
    return [facts.normalise(f.text) for f in found if f.rule == "big-number"]


@pytest.mark.parametrize(
    "text",
    [
        "Le code postal de Jambes est 5100.",
        "Rue de Dave, 165 – 5100 Jambes.",
        "Vous devez payer 2 500 € avant le 31 mars 2025.",
        "Le loyer est de € 1.500 par mois.",
        "La prime est de 1.500 euros.",
        "Le virement se fait sur le compte BE68 0910 1234 5678.",
        "Votre numéro de dossier est le 123456.",
        "Appelez le 02 515 44 44.",
        "Nous avons accompagné plus de 1 000 personnes.",
        "Nous avons accompagné plus de 1 800 personnes.",
        "Les centres accueillent environ 4 500 nouveaux bénéficiaires.",
        "Il vit ici depuis 2014.",
    ],
)
def test_the_checker_does_not_ask_to_round_what_is_not_a_count(text: str) -> None:
    assert big(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Nous avons accompagné 1 874 personnes.", ["1 874"]),
        (f"22{NBSP}417 personnes ont entamé le parcours.", ["22 417"]),
        ("En 2017, 10 000 personnes viennent.", ["10 000"]),
        ("La commune compte 123 456 habitants.", ["123 456"]),
    ],
)
def test_the_checker_asks_to_round_counts(text: str, flagged: list[str]) -> None:
    assert big(text) == flagged


def test_one_notion_of_a_count() -> None:
    # The checker, the simplifier and the fact guard share the same helper.
    assert vars(number_rules)["roundable_count"] is numbers.roundable_count
    assert numbers.roundable_count is facts.roundable_count


# ------------------------------------------------------------------ whole texts

LETTER = """Office national de l'Emploi

Vous devez payer 2 500 € avant le 31 mars 2025.
Pour toute question, appelez le 02 515 44 44 du lundi au vendredi.
Vous pouvez aussi appeler le numéro gratuit 0800 12 345 en semaine.
Votre numéro de dossier est le 123456.
La prime est de 1.500 euros pour les familles de 3 enfants.
Le virement se fait sur le compte BE68 0910 1234 5678.
Le code postal de Jambes est 5100.
Une réduction de 50 % peut être accordée aux bénéficiaires.
La taxe a augmenté de 12,5 % en un an.
Environ 50 % des familles ont déjà payé.
Près de 30 % des demandes sont refusées.
Dans moins de 1 % des cas, une fièvre légère est observée.
Nous avons accompagné 1 874 personnes en 2023.
"""


def test_a_whole_letter_keeps_its_numbers() -> None:
    from pathlib import Path

    from cai_falc import glossary, simplify
    from cai_falc.config import SimplifySettings

    terms = glossary.load(Path(__file__).resolve().parents[1] / "glossaries")
    draft = simplify.simplify_text(LETTER, glossary=terms, settings=SimplifySettings())
    body = draft.falc.body
    for bad in (
        "plus de 2 000",
        "plus de 12 000",
        "plus de 1 000",
        "plus de 5 000",
        "plus de 120 000",
        "5 000",
        "de environ",
        "environ environ",
        "Près de environ",
        "personne sur",
        "moins de très peu",
    ):
        assert bad not in body, (bad, body)
    kept = {
        "appelez": "02 515 44 44",
        "gratuit": "0800 12 345",
        "payer": "2 500 €",
        "prime": "1.500 euros",
        "dossier": "123456",
        "virement": "BE68 0910 1234 5678",
        "postal": "5100",
    }
    for line in body.splitlines():
        for word, exact in kept.items():
            if word in line.casefold():  # the line was kept: its number is exact
                assert exact in line, (exact, line)
    assert facts.unsupported_facts(body, source=LETTER, glossary=terms) == []
