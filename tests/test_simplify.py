"""The simplifier: each operation on real sentences, drafts, ownership of FALC files, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cai_falc import config, facts, fiche, glossary, metrics, simplify
from cai_falc.cli import cli
from cai_falc.config import SimplifySettings
from cai_falc.errors import InputError
from cai_falc.simplify import asides, numbers, selection, splitting, words

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "simplify"


@pytest.fixture(scope="module")
def terms() -> glossary.Glossary:
    return glossary.load(ROOT / "glossaries")


# ------------------------------------------------------------------------- asides


def test_parentheses_and_footnotes_go() -> None:
    text = "Cette formation, reconnue par l'ARES[1], vise le Fonds social européen (FSE)."
    assert asides.drop_parentheses(text) == (
        "Cette formation, reconnue par l'ARES, vise le Fonds social européen."
    )
    assert asides.drop_parentheses("Le CAI aide.") == "Le CAI aide."
    assert asides.drop_parentheses("Elle définit – en les rappelant – les concepts.") == (
        "Elle définit les concepts."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dans le cadre de la campagne « Justice migratoire » du CNCD 11.11.11, le CAI se "
            "mobilise.",
            "Le CAI se mobilise.",
        ),
        ("Par ailleurs, le CAI organise des ateliers.", "Le CAI organise des ateliers."),
        (
            "En effet, ces motions prônent les mêmes valeurs.",
            "Ces motions prônent les mêmes valeurs.",
        ),
        ("Néanmoins, les chiffres remontent dès 2015.", "Mais les chiffres remontent dès 2015."),
    ],
)
def test_framing_openers_go(text: str, expected: str) -> None:
    assert asides.drop_opener(text) == expected


def test_openers_that_say_when_stay() -> None:
    text = "En 2017, le CNCD 11.11.11 lance sa campagne annuelle."
    assert asides.drop_opener(text) == text


def test_short_insertions_go_but_ainsi_que_stays() -> None:
    text = "Cette réforme engendre, en réalité, des zones de flou."
    assert asides.drop_insertions(text) == "Cette réforme engendre des zones de flou."
    kept = "Le CAI ainsi que le CNCD organisent les Assises."
    assert asides.drop_insertions(kept) == kept


def test_participle_asides_go() -> None:
    text = (
        "Souhaitée pour plus d'impartialité, dans un contexte politique complexe, cette "
        "réforme engendre des zones de flou."
    )
    assert asides.drop_participle_asides(text).startswith("Cette réforme engendre")
    middle = "Le CAI, fort de son expérience, organise une matinée d'étude."
    assert asides.drop_participle_asides(middle) == "Le CAI organise une matinée d'étude."


def test_prepositional_aside_between_subject_and_purpose_goes() -> None:
    text = "Le CAI se mobilise, aux côtés de citoyens, pour faire voter les motions."
    assert asides.drop_prepositional_asides(text) == (
        "Le CAI se mobilise pour faire voter les motions."
    )
    dated = "Le CAI développe, dès février 2015, une série d'activités."
    assert asides.drop_prepositional_asides(dated) == dated


def test_time_aside_moves_to_the_front() -> None:
    text = "Le CPAS ouvre, à partir du 3 mars 2025, un nouveau guichet."
    assert (
        asides.time_to_front(text) == "À partir du 3 mars 2025, le CPAS ouvre un nouveau guichet."
    )


# ---------------------------------------------------------------------- splitting


def test_semicolons_split() -> None:
    text = "Le guichet accueille 40 personnes ; il sera ouvert du lundi au vendredi."
    assert splitting.split_semicolons(text) == [
        "Le guichet accueille 40 personnes.",
        "Il sera ouvert du lundi au vendredi.",
    ]


def test_colon_list_becomes_bullets_and_clause_becomes_sentence() -> None:
    listed = (
        "En 2021, le CAI soutient trois programmes de mentorat : "
        "le MIN, Net2Work et Net2Work Asile."
    )
    assert splitting.split_colon(listed) == [
        "En 2021, le CAI soutient trois programmes de mentorat :",
        "- le MIN",
        "- Net2Work",
        "- Net2Work Asile",
    ]
    clause = "Le décret est modifié : le parcours devient obligatoire."
    assert splitting.split_colon(clause) == [
        "Le décret est modifié.",
        "Le parcours devient obligatoire.",
    ]
    quoted = "Le numéro s'intitule « Nationalité : liens avec le Parcours »."
    assert splitting.split_colon(quoted) == [quoted]


def test_embedded_relative_repeats_its_subject() -> None:
    text = "Ce numéro, qui paraît en juin 2017, reprend les actes du colloque."
    assert splitting.split_relative(text) == [
        "Ce numéro paraît en juin 2017.",
        "Ce numéro reprend les actes du colloque.",
    ]


def test_trailing_relative_gets_a_demonstrative_subject() -> None:
    text = (
        "La présentation de la pièce est souvent suivie d'un débat, "
        "qui permet de poursuivre la réflexion."
    )
    assert splitting.split_relative(text) == [
        "La présentation de la pièce est souvent suivie d'un débat.",
        "Ce débat permet de poursuivre la réflexion.",
    ]


def test_relative_with_a_plural_verb_and_a_singular_noun_stays() -> None:
    text = "Le CPAS travaille avec la Ville de Namur et le Forem, qui proposent des permanences."
    assert splitting.split_relative(text) == [text]


def test_coordinated_verbs_share_their_subject() -> None:
    text = "Le CAI élabore la Charte interculturelle et la propose aux communes."
    assert splitting.split_coordination(text) == [text]  # "la propose": a pronoun object
    text = "Le CAI organise une matinée d'étude et publie un numéro spécial de sa revue."
    assert splitting.split_coordination(text) == [
        "Le CAI organise une matinée d'étude.",
        "Le CAI publie un numéro spécial de sa revue.",
    ]
    nouns = "Ce projet facilite leur intégration et leur recherche d'emploi."
    assert splitting.split_coordination(nouns) == [nouns]


def test_two_adjectives_joined_by_et_are_not_two_actions() -> None:
    text = (
        "Dès 2014, le CAI travaille avec l'Henallux à l'organisation d'une journée d'étude"
        " sur le français langue étrangère et seconde en contexte migratoire."
    )
    assert splitting.split_coordination(text) == [text]


def test_but_splits_only_before_a_clause() -> None:
    text = "Le parcours devient obligatoire en 2016, mais les chiffres baissent encore."
    assert splitting.split_but(text) == [
        "Le parcours devient obligatoire en 2016.",
        "Mais les chiffres baissent encore.",
    ]
    no_subject = "Ce changement a un impact important, mais affecte aussi l'équipe."
    assert splitting.split_but(no_subject) == [no_subject]


def test_is_sentence_refuses_broken_pieces() -> None:
    assert splitting.is_sentence("Le CAI organise des ateliers.")
    assert not splitting.is_sentence("Le CAI organise également.")
    assert not splitting.is_sentence("Rédaction et diffusion d'une note politique.")
    assert not splitting.is_sentence("Si la Flandre applique un parcours depuis 2003.")
    assert not splitting.is_sentence("Il s'agit en pratique de.")


# --------------------------------------------------------------------------- words


def test_plain_words_keep_grammar() -> None:
    text = "Afin de mieux comprendre, le CAI collabore avec l'asbl Objectifs au sein du réseau."
    assert words.plain_words(text) == (
        "Pour mieux comprendre, le CAI travaille avec l'association Objectifs dans le réseau."
    )
    assert words.plain_words("Le CAI débute un partenariat.") == "Le CAI commence un partenariat."
    assert words.plain_words("Il participe à différents lieux de concertation.") == (
        "Il prend part à plusieurs lieux de discussion."
    )
    assert words.plain_words("Les demandes ne cessent d'augmenter.") == (
        "Les demandes continuent d'augmenter."
    )
    assert words.plain_words("Au cours de l'année, il existe des procédures.") == (
        "Pendant l'année, il y a des démarches."
    )
    kept = "Les différents parquets prennent une position commune."
    assert words.plain_words(kept) == kept


def test_long_names_become_their_explained_acronym(terms: glossary.Glossary) -> None:
    text = "Le Centre public d'action sociale de Namur aide les familles."
    assert words.contract_expansions(text, terms) == "Le CPAS de Namur aide les familles."
    box = words.difficult_words("Le CPAS aide les primo-arrivants.", terms)
    assert box["CPAS"].startswith("Centre public d'action sociale.")
    assert "primo-arrivant" in box
    # "une formation à la langue française" stays words: "une FLF" reads worse.
    kept = "Le parcours comprend une formation à la langue française."
    assert words.contract_expansions(kept, terms) == kept


def test_the_box_is_short_acronyms_first_and_none_for_a_spelt_out_name(
    terms: glossary.Glossary,
) -> None:
    text = (
        "Le mentorat aide les primo-arrivants et les réfugiés. Le CPAS et le CAI travaillent"
        " avec le Centre régional d'intégration (CRI) pour la sensibilisation."
    )
    box = words.difficult_words(text, terms, limit=3)
    assert list(box)[:2] == ["CPAS", "CAI"]  # acronyms first: the checker wants them
    assert "CRI" not in box  # its full name is in the text
    assert len(box) == 3
    assert box["CAI"].count(".") == 2  # the full name and one sentence, no more


def test_everyday_words_replace_administrative_ones() -> None:
    assert words.plain_words("Le CAI met en place également des ateliers.") == (
        "Le CAI organise aussi des ateliers."
    )
    assert words.plain_words("Elle révèle notamment que les besoins sont grands.") == (
        "Elle révèle que les besoins sont grands."
    )
    assert words.plain_words("À défaut, la demande est refusée.") == (
        "Sinon, la demande est refusée."
    )
    assert words.plain_words("Le CAI a accueilli à lui seul 900 personnes.") == (
        "Le CAI a accueilli 900 personnes."
    )
    # "sont très différents": an adjective, not "plusieurs".
    assert "plusieurs" not in words.plain_words("Les besoins sont très différents.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Plural: the phrase and its participle take the plural, "ces" stays.
        (
            "Les besoins de ces primo-arrivants sont très différents.",
            "Les besoins de ces personnes arrivées depuis peu sont très différents.",
        ),
        (
            "Les primo-arrivants doivent s'inscrire à ce programme dans les 3 mois.",
            "Les personnes arrivées depuis peu doivent s'inscrire à ce programme dans les 3 mois.",
        ),
        # Masculine "un primo-arrivant" -> feminine "une personne".
        ("Un primo-arrivant doit s'inscrire.", "Une personne arrivée depuis peu doit s'inscrire."),
        # Elided "l'" -> "la" before a consonant.
        (
            "Dès 2013, le CAI veut développer l'interculturalité dans les politiques communales.",
            "Dès 2013, le CAI veut développer la rencontre entre les cultures dans les politiques"
            " communales.",
        ),
        # "de" -> "d'" before a vowel, "la" -> "l'" before a vowel.
        (
            "Plusieurs actions de sensibilisation sont mises sur pied.",
            "Plusieurs actions d'information sont mises sur pied.",
        ),
        ("La sensibilisation est importante.", "L'information est importante."),
        # Masculine elided "l'accompagnement" -> feminine elided "l'aide".
        (
            "Le CAI s'est spécialisé dans l'accompagnement.",
            "Le CAI s'est spécialisé dans l'aide.",
        ),
        ("Le CAI offre un accompagnement.", "Le CAI offre une aide."),
        # Typographic apostrophes, as the fiches write them.
        ("Le CAI fait de l\u2019accompagnement.", "Le CAI fait de l'aide."),
        # An adjective agreeing with the term: the term stays (explained in the box).
        (
            "Les primo-arrivants inscrits suivent un cours.",
            "Les primo-arrivants inscrits suivent un cours.",
        ),
        ("Un accompagnement individuel est proposé.", "Un accompagnement individuel est proposé."),
        # "la seule" says the term is feminine, like "information": the adjective agrees.
        (
            "La plateforme dépasse la seule sensibilisation.",
            "La plateforme dépasse la seule information.",
        ),
        ("Le CAI propose un bon accompagnement.", "Le CAI propose un bon accompagnement."),
        ("Il aide de nombreux primo-arrivants.", "Il aide de nombreux primo-arrivants."),
        # "de" after the term: who helps whom? The term stays.
        (
            "Ils mettent en œuvre l'accompagnement du public.",
            "Ils mettent en œuvre l'accompagnement du public.",
        ),
        # A non-noun replacement: written as it is, except before "de".
        ("Le CAI crée des outils pédagogiques.", "Le CAI crée des outils pour apprendre."),
        (
            "Le Centre répond aux demandes d'outils pédagogiques d'enseignants.",
            "Le Centre répond aux demandes d'outils pédagogiques d'enseignants.",
        ),
    ],
)
def test_glossary_replacements_agree(terms: glossary.Glossary, text: str, expected: str) -> None:
    assert words.replace_terms(text, terms) == expected


def test_a_kept_term_with_a_replacement_is_still_explained(terms: glossary.Glossary) -> None:
    box = words.difficult_words("Les primo-arrivants inscrits suivent un cours.", terms)
    assert "primo-arrivant" in box


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le CAI a développé différentes actions en faveur d'une société riche.",
            "Le CAI a mené plusieurs actions pour une société riche.",
        ),
        (
            "Le CAI développe un projet « Relance » à Namur.",
            "Le CAI mène un projet « Relance » à Namur.",
        ),
        # Developing a platform is not carrying it out: it stays.
        (
            "En 2016, le CAI développe la plateforme namuroise.",
            "En 2016, le CAI développe la plateforme namuroise.",
        ),
        ("Les communes participent aux actions.", "Les communes prennent part aux actions."),
        ("Le CAI se mobilise sur 3 plans.", "Le CAI agit sur 3 plans."),
        (
            "Le projet est constitué d'une série d'actions de commémoration.",
            "Le projet est fait d'actions pour se souvenir.",
        ),
        ("La loi parle de réglementations régionales.", "La loi parle de règles régionales."),
        (
            "Elle formule des recommandations politiques aux autorités locales.",
            "Elle donne des conseils politiques aux pouvoirs locaux.",
        ),
        (
            "En 1964, la Belgique signe 2 accords pour faire venir de la main-d'œuvre étrangère.",
            "En 1964, la Belgique signe 2 accords pour faire venir des travailleurs étrangers.",
        ),
        (
            "L'intégration et le vivre-ensemble ont constitué le fondement de l'action du CAI.",
            "L'intégration et le vivre-ensemble ont été la base de l'action du CAI.",
        ),
        (
            "Les CRI sont responsables de l'accueil initial.",
            "Les CRI sont responsables du premier accueil.",
        ),
        (
            "La clarification représente un travail de longue haleine.",
            "La clarification est un long travail.",
        ),
        # Dates in their shortest correct form.
        (
            "À partir de 2025, le CAI a décidé de mettre en pause le mentorat.",
            "Dès 2025, le CAI a décidé de mettre en pause le mentorat.",
        ),
        ("Toujours en 2017, le CAI organise les Assises.", "En 2017, le CAI organise les Assises."),
        ("Il se clôture à la fin de l'année 2014.", "Il se clôture fin 2014."),
        ("À partir de cette réflexion, le CAI agit.", "À partir de cette réflexion, le CAI agit."),
        (
            "Les premiers engagements du CAI se poursuivent avec la Plateforme.",
            "Les premiers engagements du CAI continuent avec la Plateforme.",
        ),
        (
            "Le CAI et son conseil d'administration engagent une réflexion collective.",
            "Le CAI et son conseil d'administration réfléchissent ensemble.",
        ),
    ],
)
def test_long_verbs_and_nouns_get_short_everyday_words(text: str, expected: str) -> None:
    assert words.plain_words(text) == expected


def test_a_replacement_is_never_cut_inside(terms: glossary.Glossary) -> None:
    draft = simplify.simplify_text(
        "Un séminaire présente les résultats de la recherche sur les besoins des"
        " primo-arrivants résidant en province de Namur, en présence de nombreux acteurs.",
        glossary=terms,
        settings=SimplifySettings(),
    )
    assert "des personnes." not in draft.falc.body
    # The replacement made the line too long and a cut would take "sur les besoins ...":
    # the term stays (explained in the box) and the sentence keeps its point.
    assert "sur les besoins des primo-arrivants." in draft.falc.body
    assert "primo-arrivant" in draft.falc.words
    assert "\u2060" not in draft.falc.body and all("\u2060" not in s.after for s in draft.trace)


def test_a_line_saying_only_what_the_lead_said_goes(terms: glossary.Glossary) -> None:
    text = (
        "Le certificat FLE\n\n"
        "En 2014, le CAI commence un partenariat avec la Haute École Henallux et le CRILUX.\n\n"
        "Le CAI organise des cours de français pour les adultes. Dès 2014, le CAI collabore"
        " avec l'Henallux. Les formateurs se rencontrent pour échanger sur leur travail."
    )
    draft = simplify.simplify_text(text, glossary=terms, settings=SimplifySettings())
    assert "Les formateurs se rencontrent" in draft.falc.body
    assert "Dès 2014" not in draft.falc.body


def test_a_participle_after_an_adverb_stays() -> None:
    text = (
        "Les lignes du parcours d'accueil se précisent, le public est de mieux en mieux ciblé,"
        " des actions ou actions sont identifiées et renforcées."
    )
    assert all(not line.endswith("de mieux en mieux.") for line in splitting.rescue(text, limit=15))


def test_a_rescued_line_keeps_its_complement_and_drops_the_participle() -> None:
    text = (
        "Le CAI prend part aux actions de lutte contre la radicalisation violente menées"
        " dans plusieurs communes de la province de Namur."
    )
    assert splitting.rescue(text, limit=15) == [
        "Le CAI prend part aux actions de lutte contre la radicalisation violente."
    ]


# ------------------------------------------------------------------------- numbers


def test_numbers_become_readable() -> None:
    assert numbers.big_numbers("passant de 22 417 en 2012 à 9136 en 2014") == (
        "passant de plus de 22 000 en 2012 à plus de 9 000 en 2014"
    )
    assert numbers.big_numbers("Il vit ici depuis 2014.") == "Il vit ici depuis 2014."
    assert numbers.percentages("près de 30 % des demandes") == "environ 1 demande sur 3"
    assert numbers.percentages("75 % des élèves") == "environ 3 élèves sur 4"
    # A percentage of nothing named stays as written: "1 personne sur 3" could be wrong.
    assert numbers.percentages("une baisse de 30 %") == "une baisse de 30 %"
    assert numbers.number_words("en quatre heures, avec une cinquantaine de participants") == (
        "en 4 heures, avec environ 50 participants"
    )
    assert numbers.number_words("les deux crises") == "les deux crises"
    assert numbers.slash_dates("le 25/09/2009") == "le 25 septembre 2009"


# ------------------------------------------------------------------------- drafts


def make_fiche(body: str, *, lead: str = "", ident: str = "2017-test") -> fiche.Fiche:
    return fiche.Fiche(
        id=ident,
        year=2017,
        title="Chartes et motions pour un meilleur accueil",
        lead=lead,
        body=body,
    )


LEAD = (
    "Dans le cadre de la campagne « Justice migratoire » du CNCD 11.11.11, le CAI se mobilise, "
    "aux côtés de citoyens, pour faire voter les motions « Communes hospitalières »."
)
BODY = "\n\n".join(
    [
        "Dès 2013, le CAI affiche sa volonté de renforcer l’interculturalité dans les communes. "
        "C’est pourquoi il élabore la Charte interculturelle et la propose aux différentes "
        "communes.",
        "En 2017, le CNCD 11.11.11 lance sa campagne annuelle sur le thème de la « Justice "
        "migratoire ». Cette initiative entraîne l’abandon de la Charte interculturelle.",
        "À ce jour, les communes de la province de Namur ayant adopté la « Commune hospitalière » "
        "sont : Couvin, Florennes, Gembloux, Gesves, Hastière, Jemeppe-Sur-Sambre, Namur, "
        "Rochefort et Viroinval.",
    ]
)


def test_draft_of_a_fiche_is_short_checked_and_owned_by_the_tool(terms: glossary.Glossary) -> None:
    item = make_fiche(BODY, lead=LEAD)
    draft = simplify.simplify_fiche(item, glossary=terms, settings=SimplifySettings())
    falc = draft.falc
    assert falc.status == "draft" and not falc.human_owned
    assert falc.draft_hash == falc.content_hash()
    assert falc.source_hash == item.source_hash()
    assert falc.generator.startswith("cai-falc ")
    lines = [b for b in falc.blocks() if b.kind != "heading"]
    assert 3 <= len(lines) <= 15
    assert all(selection.word_count(b.text) <= 15 for b in lines)
    assert any(b.kind == "heading" for b in falc.blocks())
    assert (
        "Le CAI agit pour faire voter les motions « Communes hospitalières »." in falc.body
    )
    assert "CAI" in falc.words and "CNCD" in falc.words
    assert facts.unsupported_facts(falc.body, source=item.text(), glossary=terms) == []
    operations = {step.operation for step in draft.trace}
    assert {"asides.opener", "asides.complement", "select"} <= operations
    assert all(step.before != step.after for step in draft.trace)


def test_drafts_are_deterministic(terms: glossary.Glossary) -> None:
    item = make_fiche(BODY, lead=LEAD)
    first = simplify.simplify_fiche(item, glossary=terms, settings=SimplifySettings())
    second = simplify.simplify_fiche(item, glossary=terms, settings=SimplifySettings())
    assert first.falc == second.falc and first.trace == second.trace


#: Unseen texts, the lines each draft must at least have, and facts it must keep.
UNSEEN = [
    ("administratif.txt", 5, ["CPAS", "Namur"]),
    ("presse.txt", 4, ["15 septembre 2023"]),
    ("lettre_cpas.txt", 5, ["revenu d’intégration"]),
    ("annonce_commune.txt", 5, ["2 septembre 2025", "18 au 29 août 2025", "Andenne"]),
    ("presse_parcours.txt", 5, ["4 800", "900"]),
    ("avis_fedasil.txt", 4, ["15 avril 2025", "120", "3 avril 2025"]),
    ("presse_mentorat.txt", 5, ["Forem", "Charleroi", "42"]),
]


@pytest.mark.parametrize(("name", "min_lines", "kept"), UNSEEN)
def test_unseen_texts_pass_the_checker_and_keep_their_facts(
    name: str, min_lines: int, kept: list[str], terms: glossary.Glossary
) -> None:
    from cai_falc import check

    source = (DATA / name).read_text(encoding="utf-8")
    draft = simplify.simplify_text(source, glossary=terms, settings=SimplifySettings())
    body = draft.falc.body
    assert len([b for b in draft.falc.blocks() if b.kind != "heading"]) >= min_lines, body
    for fact in kept:
        assert fact in body, (fact, body)
    result = check.check_text(
        body, glossary=terms, falc=True, explained=draft.falc.words, source=source
    )
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == [], errors
    assert result.metrics.words_per_sentence_max <= 15
    assert facts.unsupported_facts(body, source=source, glossary=terms) == []


def test_simplify_text_refuses_empty_text(terms: glossary.Glossary) -> None:
    with pytest.raises(InputError):
        simplify.simplify_text("  \n", glossary=terms, settings=SimplifySettings())


# ------------------------------------------------------------------- ownership


def write_project_fiche(project: Path, body: str = BODY) -> fiche.Fiche:
    item = make_fiche(body, lead=LEAD)
    fiche.write_fiche(item, project / "fiches" / item.filename)
    return fiche.read_fiche(project / "fiches" / item.filename)


def test_drafts_are_written_then_regenerated_then_kept_once_edited(
    project: Path, terms: glossary.Glossary
) -> None:
    settings = config.load(project)
    item = write_project_fiche(project)
    target = project / "fiches" / item.falc_filename
    [first] = simplify.update_falc_files([item], glossary=terms, settings=settings)
    assert first.action == "written" and target.is_file()
    assert first.state == "written" and first.fiche_id == item.id and first.trace
    assert first.falc is not None and fiche.read_falc(target).body == first.falc.body
    [again] = simplify.update_falc_files([item], glossary=terms, settings=settings)
    assert again.action == "unchanged"
    # A person edits the text without touching its status: it is theirs now.
    edited = target.read_text(encoding="utf-8").replace("## En bref", "## En bref\nMa phrase.")
    target.write_text(edited, encoding="utf-8")
    [kept] = simplify.update_falc_files([item], glossary=terms, settings=settings)
    assert kept.action == "kept-edited" and kept.trace == []
    assert kept.falc is not None and "Ma phrase." in kept.falc.body
    assert target.read_text(encoding="utf-8") == edited


def test_validated_text_with_a_changed_source_is_stale_with_a_diff(
    project: Path, terms: glossary.Glossary
) -> None:
    settings = config.load(project)
    item = write_project_fiche(project)
    target = project / "fiches" / item.falc_filename
    simplify.update_falc_files([item], glossary=terms, settings=settings)
    validated = target.read_text(encoding="utf-8").replace("status: draft", "status: validated")
    target.write_text(validated, encoding="utf-8")
    changed = write_project_fiche(project, BODY.replace("Dès 2013", "Dès 2012"))
    [outcome] = simplify.update_falc_files([changed], glossary=terms, settings=settings)
    assert outcome.action == "stale"
    assert target.read_text(encoding="utf-8") == validated
    assert outcome.diff_path == project / "output" / "stale" / f"{item.id}.diff"
    diff = outcome.diff_path.read_text(encoding="utf-8")
    assert "-Dès 2013" in diff and "+Dès 2012" in diff
    assert str(outcome.diff_path) in outcome.message


def test_an_unreadable_falc_file_is_never_overwritten(
    project: Path, terms: glossary.Glossary
) -> None:
    settings = config.load(project)
    item = write_project_fiche(project)
    target = project / "fiches" / item.falc_filename
    target.write_text("pas de front matter, mais le travail de quelqu'un\n", encoding="utf-8")
    [outcome] = simplify.update_falc_files([item], glossary=terms, settings=settings)
    assert outcome.action == "error" and outcome.error is not None
    assert target.read_text(encoding="utf-8").startswith("pas de front matter")


# ----------------------------------------------------------------------------- CLI


def test_cli_simplifies_a_text_file() -> None:
    result = CliRunner().invoke(cli, ["simplify", str(DATA / "administratif.txt")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Aide sociale")
    assert "## Mots difficiles" in result.output and "- CPAS :" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("This is an English text about the weather and the news of the day.", "French"),
        ("", "empty"),
        ("Bonjour", "too short"),
    ],
)
def test_cli_refuses_bad_text_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "texte.txt"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["simplify", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_cli_writes_drafts_and_refuses_unknown_ids(project: Path) -> None:
    item = write_project_fiche(project)
    runner = CliRunner()
    result = runner.invoke(cli, ["simplify", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert "brouillon écrit" in result.output
    assert (project / "fiches" / item.falc_filename).is_file()
    result = runner.invoke(cli, ["simplify", "--project", str(project), "2017-inconnue"])
    assert result.exit_code == 2, result.output
    assert "no fiche with id 2017-inconnue" in result.output


# ------------------------------------------------------------------ the 10 fiches


def test_targets_on_the_project_fiches(terms: glossary.Glossary) -> None:
    from cai_falc import check

    settings = config.load(ROOT)
    found = fiche.load_folder(settings.path("fiches"))
    assert len(found.fiches) >= 10
    clean = 0
    ease: list[float] = []
    bodies: list[str] = []
    for item in found.fiches:
        draft = simplify.simplify_fiche(item, glossary=terms, settings=settings.simplify)
        # The main point first: every fiche gets an "En bref" from its lead.
        assert draft.falc.body.startswith("## En bref\n"), (item.id, draft.falc.body)
        assert len(draft.falc.words) <= 4, item.id  # a short box: 2 A5 pages
        result = check.check_text(
            draft.falc.body,
            glossary=terms,
            falc=True,
            explained=draft.falc.words,
            source=item.text(),
        )
        m = result.metrics
        ease.append(m.kandel_moles or 0.0)
        bodies.append(draft.falc.body)
        assert m.words_per_sentence <= 10, item.id
        assert m.words_per_sentence_max <= 15, item.id
        assert not facts.unsupported_facts(draft.falc.body, source=item.text(), glossary=terms)
        lines = [b for b in draft.falc.blocks() if b.kind != "heading"]
        assert 3 <= len(lines) <= 15, item.id
        clean += not any(f.severity == "error" for f in result.findings)
    assert clean == len(found.fiches)  # no checker error on any draft
    # 78.8 reached with plain-word replacements (sources near 41; E2's drafts: 70);
    # bench/simplify.py, which counts the titles too, says 76-77. Session 2 (splitting
    # "X qui devient obligatoire", leaving out "Les deux crises..." without its context)
    # and session 3 (cuts that never take an alternative, a condition or a locution's
    # complement: "met un point d'honneur | à former") each cost some points: correct
    # drafts, a lower score. On Lexique's spoken syllables the 80 is not reached;
    # on textstat's (below) it is.
    assert sum(ease) / len(ease) >= 77.0
    assert min(ease) >= 70
    # The same formula as textstat computes it (pyphen's syllables), as most tools do:
    # sources near 47 there, drafts above the 80.
    common = [metrics.textstat_kandel_moles(b) for b in bodies]
    assert sum(common) / len(common) >= 80.0


def test_unsure_antecedent_drops_the_relative_instead_of_guessing() -> None:
    text = (
        "Le collège communal a présenté son plan de lutte contre la pauvreté infantile, "
        "qui mobilisera un budget de 2,4 millions d'euros."
    )
    # "qui" is the plan, not the poverty: never "La pauvreté infantile mobilisera ...".
    assert splitting.split_relative(text) == [
        "Le collège communal a présenté son plan de lutte contre la pauvreté infantile."
    ]


def test_long_enumerations_become_bullets() -> None:
    text = (
        "Le plan prévoit la gratuité des repas scolaires dans 12 écoles communales, "
        "l'ouverture de 2 nouvelles maisons de quartier et un soutien renforcé aux familles."
    )
    assert splitting.split_enumeration(text) == [
        "Le plan prévoit :",
        "- la gratuité des repas scolaires dans 12 écoles communales",
        "- l'ouverture de 2 nouvelles maisons de quartier",
        "- un soutien renforcé aux familles",
    ]
    short = "Le CAI aide les jeunes, les femmes et les familles."
    assert splitting.split_enumeration(short) == [short]


def test_a_share_after_dont_keeps_its_noun_implicit() -> None:
    text = "18 742 demandes ont été traitées, dont 12 % ont été refusées."
    assert numbers.percentages(text) == (
        "18 742 demandes ont été traitées, dont environ 1 sur 8 ont été refusées."
    )


def test_reporting_frames_go() -> None:
    text = (
        "L'Office des étrangers informe les ressortissants de pays tiers que, conformément à "
        "l'arrêté royal, les demandes devront être introduites 45 jours avant l'expiration."
    )
    assert asides.drop_reporting_frame(text) == (
        "Les demandes devront être introduites 45 jours avant l'expiration."
    )
    kept = "Le CAI constate une hausse des demandes."
    assert asides.drop_reporting_frame(kept) == kept


def test_cli_simplifies_a_fiche_file_to_the_screen(project: Path) -> None:
    item = write_project_fiche(project)
    path = project / "fiches" / item.filename
    result = CliRunner().invoke(cli, ["simplify", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Chartes et motions")
    assert not (project / "fiches" / item.falc_filename).exists()  # nothing written


# ------------------------------------------------------------------ long sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'emploi est un vecteur important de l'intégration des personnes étrangères et le"
            " CAI malgré qu'il n'en ait pas la mission officielle estime qu'il est important de"
            " développer cette dimension.",
            ["L'emploi est un vecteur important de l'intégration des personnes étrangères."],
        ),
        (
            "En 2016, le parcours d'accueil, dispositif mis en place en 2010, cède la place au"
            " parcours d'intégration qui devient obligatoire.",
            ["En 2016, le parcours d'accueil cède la place au parcours d'intégration."],
        ),
        (
            "En observant l'émergence de plusieurs projets de mentorat destinés à établir un"
            " accompagnement entre des personnes, le CAI décide de lancer le projet MIN.",
            ["Le CAI décide de lancer le projet MIN."],
        ),
        (
            "Cette plateforme coordonne les actions menées autour du 21 mars, Journée"
            " internationale pour l'élimination de la discrimination raciale.",
            ["Cette plateforme coordonne les actions menées autour du 21 mars."],
        ),
        (
            "Une séance d'information destinée aux habitants du quartier aura lieu le jeudi"
            " 3 avril 2025 à 19 heures, à l'école communale de Jambes.",
            ["Une séance d'information aura lieu le jeudi 3 avril 2025 à 19 heures."],
        ),
        # Nothing reads whole: nothing is kept.
        ("Le CAI fait le constat que contrairement au nord de la province où sont installés"
         " la majorité des immigrés des anciennes vagues, le sud compte plusieurs centres.", []),
    ],
)
def test_a_long_sentence_keeps_its_core(text: str, expected: list[str]) -> None:
    assert splitting.rescue(text, limit=15) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Le CAI prévenir les phénomènes de radicalisation violente.",
        "Le cadre législatif et pratique pour l'accueil.",
        "Les deux centres régionaux d'intégration prennent en charge les 4.",
        "Le CAI a décidé de l'envisager en équipe.",
        "Les discours xénophobes se multiplient contraignant le CAI.",
        "Le CAI fait le constat que contrairement au nord de la province.",
    ],
)
def test_cut_lines_that_do_not_read_whole_are_refused(line: str) -> None:
    assert not (splitting.is_sentence(line) and splitting.plain_clause(line))


def test_a_pronoun_after_a_named_subject_gets_the_name() -> None:
    previous = "Depuis sa création, le CAI a développé plusieurs actions."
    assert splitting.resolve_to_name("En 2016, elle développe la plateforme.", previous) == (
        "En 2016, le CAI développe la plateforme."
    )
    assert splitting.resolve_to_name("Il aide.", "Les communes votent une motion.") is None
    assert splitting.indefinite_opening("Ce séminaire présente les résultats.") == (
        "Un séminaire présente les résultats."
    )


def test_a_noun_with_its_complement_is_the_subject_of_the_relative() -> None:
    text = (
        "En 2016, le parcours d'accueil devient le parcours d'intégration qui devient obligatoire."
    )
    assert splitting.split_bare_relative(text) == [
        "En 2016, le parcours d'accueil devient le parcours d'intégration.",
        "Le parcours d'intégration devient obligatoire.",
    ]


def test_a_cut_never_leaves_a_verbal_phrase_without_its_object() -> None:
    text = (
        "Cette année, le Centre d'action interculturelle et son équipe d'accompagnement "
        "font face à des changements importants dans la province."
    )
    assert not splitting.trim_tail(text, limit=12).rstrip(".").endswith("face")
    assert not splitting._ends_well("le Centre et son équipe font face".split())
    assert splitting._ends_well("la face".split())


def test_the_two_things_said_before_need_the_sentence_before() -> None:
    assert selection._PRONOUN_START.match("Les deux crises majeures ont marqué ces années.")
    assert not selection._PRONOUN_START.match("Les personnes arrivées doivent s'inscrire.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'ouverture fait suite à une demande de Fedasil.",
         "L'ouverture fait suite à une demande de Fedasil."),
        ("Suite à votre demande, le CPAS répond.", "Après votre demande, le CPAS répond."),
        ("Rapport d'activités 2024", "Rapport d'activités 2024"),
        ("des activités sportives", "des activités sportives"),
        ("les activités du CAI", "les actions du CAI"),
    ],
)
def test_plain_words_keep_locutions(text: str, expected: str) -> None:
    assert words.plain_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Dupont et Mme Hanssens viendront.", "Monsieur Dupont et Madame Hanssens viendront."),
        ("Le dossier n° 12 et le n°5.", "Le dossier numéro 12 et le numéro 5."),
        ("des fruits, p. ex. des pommes", "des fruits, par exemple des pommes"),
        ("selon l'art. 3 de la loi", "selon l'article 3 de la loi"),
        ("Tél. 081 24 12 00", "Téléphone 081 24 12 00"),
        ("ou par tél. au 081 24 12 00", "ou par téléphone au 081 24 12 00"),
        ("Il mesure 3 m. Puis il part.", "Il mesure 3 m. Puis il part."),
        ("Le prix en m. carrés", "Le prix en m. carrés"),
    ],
)
def test_abbreviations_are_written_in_full(text: str, expected: str) -> None:
    assert words.expand_abbreviations(text) == expected
