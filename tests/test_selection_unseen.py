"""What the draft keeps: concrete lines (a date, a count, a named actor) before general
ones, no line saying again what another says, no dated fact stripped of its date, a box
of at most 4 initialisms, partners named between commas dropped rather than the whole
sentence. Texts written for these tests, not taken from the fiches."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cai_falc import config, facts, fiche, glossary, simplify
from cai_falc.config import SimplifySettings
from cai_falc.simplify import selection, words

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def terms() -> glossary.Glossary:
    return glossary.load(ROOT / "glossaries")


@pytest.fixture(scope="module")
def settings() -> SimplifySettings:
    return config.load(ROOT).simplify


def _unit(index: int, source: str, lines: list[str], *, limit: int = 15) -> selection.Unit:
    unit = selection.Unit(index, source, False, False, lines)
    unit.score = selection.score(unit, limit=limit)
    return unit


# ------------------------------------------------------------------ vague or concrete


@pytest.mark.parametrize(
    "line",
    [
        "Le Centre propose une offre de services spécifique.",
        "Le diagnostic montre plusieurs constats.",
        "Les parents jouent un rôle essentiel.",
        "Le CAI mène plusieurs actions.",
        "La scolarité est un enjeu central.",
    ],
)
def test_a_line_of_general_words_is_vague(line: str) -> None:
    assert selection.vague(line)


@pytest.mark.parametrize(
    "line",
    [
        "En 2011, un nouveau poste de responsable du DAPA est créé.",
        "Chaque groupe réunit au maximum 15 personnes.",
        "Le projet travaille avec plusieurs écoles de Gembloux.",
        "Une permanence est ouverte chaque jeudi.",
    ],
)
def test_a_date_a_count_a_name_or_no_general_word_is_not_vague(line: str) -> None:
    assert not selection.vague(line)


def test_a_concrete_line_outscores_a_general_one_of_the_same_shape() -> None:
    general = _unit(1, "Le service propose une offre spécifique.",
                    ["Le service propose une offre spécifique."])
    named = _unit(2, "Le service ouvre une permanence à Ciney.",
                  ["Le service ouvre une permanence à Ciney."])
    assert named.score > general.score + 2


def test_a_count_in_an_announcing_line_earns_nothing() -> None:
    announcing = ["La formation se fait en 4 étapes."]
    counted = ["La formation coûte 40 euros."]
    assert selection.concreteness(announcing) < selection.concreteness(counted)


# ------------------------------------------------------------------ choice


def test_the_concrete_unit_takes_the_place_of_the_general_one(settings: SimplifySettings) -> None:
    units = [
        _unit(0, "Le CAI ouvre une école à Gembloux.", ["Le CAI ouvre une école à Gembloux."]),
        _unit(1, "Les parents ont un rôle essentiel.", ["Les parents ont un rôle essentiel."]),
        _unit(2, "En 2017, 64 enfants vont à l'école.", ["En 2017, 64 enfants vont à l'école."]),
    ]
    chosen = selection.choose(units, min_lines=1, max_lines=3, target=3)
    assert [u.index for u in chosen] == [0, 2]
    # The general line is not taken even to fill the room: the draft gets shorter.
    chosen = selection.choose(units[:2], min_lines=1, max_lines=3, target=3)
    assert [u.index for u in chosen] == [0]


def test_a_unit_saying_again_what_is_kept_is_skipped() -> None:
    units = [
        _unit(0, "En 2016, le parcours d'accueil devient le parcours d'intégration.",
              ["En 2016, le parcours d'accueil devient le parcours d'intégration."]),
        _unit(1, "Le parcours d'accueil devient alors le parcours d'intégration.",
              ["Le parcours d'accueil devient le parcours d'intégration."]),
        _unit(2, "Les cours de français passent de 120 à 400 heures.",
              ["Les cours de français passent de 120 à 400 heures."]),
    ]
    units[1].score = 50.0  # even ranked first, it says nothing new once unit 0 is in
    units[0].score = 60.0
    chosen = selection.choose(units, min_lines=1, max_lines=3, target=3)
    assert [u.index for u in chosen] == [0, 2]


def test_no_fifth_initialism_for_the_box() -> None:
    units = [
        _unit(0, "Le CAI travaille avec le CPAS et le FOREM.",
              ["Le CAI travaille avec le CPAS et le FOREM."]),
        _unit(1, "En 2019, le CAI signe une convention avec l'ONEM.",
              ["En 2019, le CAI signe une convention avec l'ONEM."]),
        _unit(2, "En 2020, le CPAS accueille 300 personnes.",
              ["En 2020, le CPAS accueille 300 personnes."]),
    ]
    chosen = selection.choose(
        units, min_lines=1, max_lines=3, target=3, title_acronyms=frozenset({"ILI"})
    )
    assert len(chosen) == 2
    boxed = {"ILI"} | {a for u in chosen for line in u.lines for a in words.acronyms(line)}
    assert len(boxed) <= 4, boxed
    # Without the title's initialism there is room for the fourth.
    chosen = selection.choose(units, min_lines=1, max_lines=3, target=3)
    assert [u.index for u in chosen] == [0, 1, 2]


def test_a_dated_fact_that_lost_its_date_weighs_less() -> None:
    lines = ["Le module ne comptait que 20 heures."]
    dated = _unit(1, "À l'origine, en 2014, le module ne comptait que 20 heures.", lines)
    undated = _unit(1, "Le module ne comptait que 20 heures.", lines)
    assert dated.score < undated.score - 3


def test_a_garbled_line_is_dropped(terms: glossary.Glossary) -> None:
    text = (
        "L'action du CAI repose sur 3 axes : l'accueil, De plus e aide aux démarches "
        "des personnes étrangères, quel que soit le dom."
    )
    units = simplify._units("Un essai", text, "", glossary=terms, limit=15)
    kept = [line for u in units for line in u.lines]
    assert not [line for line in kept if "De plus e" in line], kept


def test_parmi_ces_and_citons_point_back() -> None:
    unit = _unit(
        3,
        "Parmi ces éléments, citons la création d'un nouveau service à Ciney.",
        ["Parmi ces éléments, citons la création d'un nouveau service à Ciney."],
    )
    assert selection._points_back(unit.lines[0])
    assert unit.score < 0


# ------------------------------------------------------------------ whole drafts


def _draft(text: str, terms: glossary.Glossary, settings: SimplifySettings) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    item = fiche.Fiche(
        id="2019-essai", year=2019, title="Un essai", lead=paras[0], body="\n\n".join(paras[1:])
    )
    return simplify.simplify_fiche(item, glossary=terms, settings=settings).falc.body


def test_partners_between_commas_go_rather_than_the_news(
    terms: glossary.Glossary, settings: SimplifySettings
) -> None:
    text = (
        "Se déplacer reste difficile pour beaucoup de personnes étrangères. En 2019, le CAI "
        "lance, avec la Société régionale wallonne du transport et plusieurs associations "
        "de quartier de Jambes, une formation à la mobilité pour les nouveaux arrivants.\n\n"
        "La formation dure 6 séances de 2 heures. Elle est gratuite."
    )
    body = _draft(text, terms, settings)
    assert "En 2019, le CAI lance une formation" in body, body
    assert not facts.unsupported_facts(body, source=text, glossary=terms)


def test_the_draft_prefers_numbers_to_general_lines(
    terms: glossary.Glossary, settings: SimplifySettings
) -> None:
    text = (
        "En 2017, le CAI ouvre une école de devoirs à Gembloux.\n\n"
        "Les parents jouent un rôle essentiel. L'école est ouverte le mercredi après-midi. "
        "La réussite scolaire est un enjeu central. En 2018, 64 enfants fréquentent l'école "
        "de devoirs. Le projet développe plusieurs actions. Douze bénévoles aident les "
        "enfants à faire leurs devoirs. La question de l'accompagnement reste importante. "
        "En 2019, le projet s'étend à Sombreffe. Le dispositif joue un rôle clé. "
        "Le CAI forme les bénévoles chaque trimestre."
    )
    short = dataclasses.replace(settings, min_lines=3, target_lines=5, max_lines=6)
    body = _draft(text, terms, short)
    for concrete in ("12 bénévoles", "Sombreffe"):
        assert concrete in body, body
    lines = [line for line in body.splitlines() if line and not line.startswith("#")]
    assert not [line for line in lines if selection.vague(line)], body
    assert 3 <= len(lines) <= 6
