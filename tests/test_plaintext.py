"""Plain texts (letters, notices): their frame set aside, their lists kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import config
from cai_falc.glossary import load as load_glossary
from cai_falc.simplify import plaintext, simplify_text

ROOT = Path(__file__).resolve().parents[1]

LETTER = """\
CPAS de Wépion
Service social
Rue de la Gare, 12 – 5100 Wépion

Wépion, le 3 mars 2025

Nos réf. : SSG/2025/0417
Objet : Votre demande d'aide pour le chauffage

Madame,

Le CPAS vous accorde une aide de 300 € pour payer le chauffage.

Vous recevrez cet argent sur votre compte avant le 15 avril 2025.

Veuillez agréer, Madame, l'expression de nos salutations distinguées.

La Présidente,
C. Leclercq
"""


@pytest.fixture(scope="module")
def glossary() -> object:
    return load_glossary(ROOT / "glossaries")


def settings() -> config.Settings:
    return config.load(ROOT)


def test_a_letter_loses_its_frame_and_takes_its_subject_as_title() -> None:
    parts = plaintext.read(LETTER)
    assert parts.title == "Votre demande d'aide pour le chauffage"
    assert parts.lead == "Le CPAS vous accorde une aide de 300 € pour payer le chauffage."
    assert parts.body == "Vous recevrez cet argent sur votre compte avant le 15 avril 2025."
    aside = "\n".join(parts.set_aside)
    for frame in ("Rue de la Gare", "Wépion, le 3 mars", "Nos réf.", "Madame,", "agréer",
                  "C. Leclercq"):
        assert frame in aside


def test_a_letter_draft_says_the_decision_not_the_politeness(glossary: object) -> None:
    draft = simplify_text(LETTER, glossary=glossary, settings=settings())  # type: ignore[arg-type]
    body = draft.falc.body
    assert "300 €" in body and "15 avril 2025" in body
    assert "agréer" not in body and "Leclercq" not in body and "Madame" not in body
    assert draft.trace[0].operation == "select.frame"


def test_a_text_without_a_frame_is_read_as_before() -> None:
    text = "Les cours de français\n\nLes cours ont lieu le lundi.\n\nIls sont gratuits."
    parts = plaintext.read(text)
    assert (parts.title, parts.lead, parts.body) == (
        "Les cours de français", "Les cours ont lieu le lundi.", "Ils sont gratuits."
    )
    assert parts.set_aside == []


def test_a_question_heading_is_not_the_lead() -> None:
    text = (
        "Vaccination\n\nQui doit se faire vacciner ?\n\n"
        "Les personnes de 65 ans et plus doivent se faire vacciner.\n\n"
        "Quand ?\n\nEn octobre."
    )
    parts = plaintext.read(text)
    assert parts.lead == "Les personnes de 65 ans et plus doivent se faire vacciner."
    assert "Qui doit" not in parts.body and "Quand ?" not in parts.body


SCHOOL = """\
Classes de neige

Le séjour coûte 685 € par enfant. Ce montant comprend :
- le transport en car aller-retour ;
- l'hébergement en pension complète ;
- l'assurance.

Documents à remettre avant le 21 février :

1. la fiche médicale signée ;
2. une copie de la carte d'identité de l'enfant (ou de la Kids-ID).
"""


def test_lists_are_kept_whole_under_their_intro(glossary: object) -> None:
    draft = simplify_text(SCHOOL, glossary=glossary, settings=settings())  # type: ignore[arg-type]
    lines = draft.falc.body.splitlines()
    i = lines.index("Ce montant comprend :")
    assert lines[i + 1 : i + 4] == [
        "- le transport en car aller-retour",
        "- l’hébergement en pension complète",
        "- l’assurance",
    ]
    j = next(n for n, line in enumerate(lines) if line.startswith("Documents à remettre"))
    assert lines[j].endswith(" :") and "21 février" in lines[j]
    assert lines[j + 1 : j + 3] == [
        "- la fiche médicale signée",
        "- une copie de la carte d’identité de l’enfant",
    ]


def test_a_list_with_an_item_too_long_is_left_out_not_cut(glossary: object) -> None:
    text = (
        "Aides\n\nLe CPAS aide les personnes suivantes :\n"
        "- les familles ;\n"
        "- les personnes qui n'ont pas de revenu depuis plus de six mois à cause d'une"
        " maladie longue ou d'un accident grave au travail.\n\n"
        "Le CPAS est ouvert le lundi."
    )
    draft = simplify_text(text, glossary=glossary, settings=settings())  # type: ignore[arg-type]
    assert "familles" not in draft.falc.body
    assert draft.falc.body.splitlines()[-1] == "Le CPAS est ouvert le lundi."


def test_a_long_item_with_two_groups_becomes_two_items(glossary: object) -> None:
    text = (
        "Vaccin\n\nLe vaccin est conseillé aux groupes suivants :\n"
        "- les femmes enceintes ;\n"
        "- le personnel soignant des hôpitaux et les personnes qui vivent avec un bébé"
        " de moins de six mois.\n"
    )
    draft = simplify_text(text, glossary=glossary, settings=settings())  # type: ignore[arg-type]
    body = draft.falc.body
    assert "- le personnel soignant des hôpitaux\n- les personnes qui vivent avec un bébé" in body
