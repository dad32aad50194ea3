"""Choose what matters: the lead, then the body sentences that say who did what, when.

Each source sentence becomes a :class:`Unit` carrying its simplified lines; a score
favours dates and years, the CAI as actor, verbs of action and the people concerned,
and penalises quotations, questions left by editors, cross references and lines a
reader would still find too long. The best units are kept, in their source order,
within the line budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .. import french, lexicon
from .model import Step

_ACTION_LEMMAS = frozenset(
    "lancer créer organiser développer adopter décider devenir mettre proposer ouvrir "
    "commencer signer voter accompagner aider former réunir publier participer soutenir "
    "continuer obtenir permettre rassembler mobiliser inviter accueillir préparer "
    "travailler rencontrer changer modifier recevoir".split()
)
_PEOPLE = re.compile(
    r"\b(personnes?|migrants?|primo-arrivants?|réfugiés?|citoyens?|demandeurs?|jeunes|"
    r"femmes|familles|étrangers?|bénévoles|mentors?|participants?|public|communes?)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: A line that needs the sentence before it: "Il ...", "Sa création ...", "En 2010, il ...".
#: "La première a eu lieu ...", "Parmi elles, ...": a part of what the sentence just
#: before names (which ones?). Such a line follows that sentence, even in the lead.
_PART_OF = (
    r"(?:Le|La|Les) (?:premier|première|second|seconde|deuxième|troisième|quatrième|"
    r"cinquième|dernier|dernière)s?"
    r"(?= (?:a|ont|est|sont|était|étaient|avait|sera|aura|peut|doit|n'|ne|s'|se|y)\b)"
    r"|Parmi eux|Parmi elles|L'un d'eux|L'une d'elles|L'un d'entre eux|L'une d'entre elles"
    r"|(?:\d+|Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Certains|Certaines|Beaucoup|"
    r"La plupart|La moitié) d['\u2019](?:entre )?(?:eux|elles)"
    r"|Un autre|Une autre|D'autres|Les autres"
)
_PART_OF_RE = re.compile(_PART_OF)
_PRONOUN_START = re.compile(
    r"^(?:(?:En|Dès|Depuis|Le|La|Fin|Début)\b[^,]{0,25}\d{4}, )?"
    r"(?:Il|Elle|Ils|Elles|il|elle|ils|elles|Celui-ci|Celle-ci|Ceux-ci|Celles-ci|Ce dernier|"
    r"Cette dernière|Ces derniers|Ces dernières|Cela|Ceci|Celles|Ceux|Son|Sa|Ses|Leur|Leurs|"
    r"Cet outil|Ce lieu|C'est pourquoi il|C'est pourquoi elle|"
    r"(?:" + _PART_OF + r")|"
    # "Les deux crises majeures ont marqué...": which two? Said in the sentence before.
    r"Les (?:deux|trois|quatre|cinq|\d+) (?!\d)[a-zé]\w+|"
    r"(?:Ce|Cet|Cette|Ces) (?!\d)[a-zé]\w+)\b"
    r"|.*(?:\s|[nN]['\u2019])[yY]\s"
)
#: Words further in a line that point at the sentence before: "Quand elles obtiennent
#: leur statut, ...", "C'est pourquoi le projet ...".
_POINTS_BACK = re.compile(
    r"^(?:Quand|Lorsque|Si|Dès que|Comme|Puisque|Tant que) (?:il|elle|ils|elles)\b"
    r"|^(?:Lorsqu|Puisqu|Qu)['\u2019](?:il|elle|ils|elles)\b"
    r"|^Parmi (?:ces|ceux-ci|celles-ci|lesquels|lesquelles)\b"
    r"|^(?:C['\u2019]est pourquoi|Pour cela|Pour y répondre|Pour ce faire|De ce fait|"
    r"Dans ce (?:cadre|contexte|but)|À cet effet|Par conséquent)\b"
)
_FIRST_PERSON_RE = re.compile(
    r"(?<![\w'\u2019])(?:[Jj]e|[Jj]['\u2019]|[Mm]oi|[Mm]on|[Mm]a|[Mm]es)\b"
)
#: A line that announces what the next sentences say: "La démarche a lieu en 3 phases."
_ANNOUNCES_RE = re.compile(
    r"\b(?:plusieurs|différents|différentes|divers|diverses|\d+) (?:constats|éléments|points|"
    r"objectifs|axes|volets|étapes|phases|raisons|défis|enjeux|plans|priorités)\.$"
)
#: Words of a line that says something in general, not what happened: "Le Centre propose
#: une offre de services spécifique.", "Les chiffres sont préoccupants.".
_GENERIC_RE = re.compile(
    r"\b(?:plusieurs|différent(?:e|s|es)?|divers(?:e|es)?|certain(?:e|s|es)?|spécifiques?|"
    r"importante?s?|essentiel(?:le)?s?|centra(?:l|le|ux|les)|particuli(?:er|ère)s?|"
    r"préoccupante?s?|fondamenta(?:l|le|ux|les)|majeure?s?|clé|enjeux?|constats?|"
    r"actions?|outils|démarches?|questions?|rôle|offre|processus|réflexion)\b",
    re.IGNORECASE,
)
#: A number that is no year: a count, an amount, a duration, a date in the month.
_COUNT_RE = re.compile(r"(?<![\w-])(?!(?:1[89]|20)\d\d\b)\d[\d  ]*(?:,\d+)?\b")
_NOW_RE = re.compile(r"\b(aujourd'hui|à ce jour|actuellement|encore de nos jours)\b", re.I)


@dataclass
class Unit:
    """One source sentence and what the operations made of it."""

    index: int
    source: str
    lead: bool
    first_of_paragraph: bool
    lines: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    score: float = 0.0
    #: Said inside a quotation opened by an earlier sentence ("« Nous ne donnons pas de
    #: recettes. Nous aidons ... »"): someone else's words.
    quoted: bool = False

    @property
    def year(self) -> str | None:
        m = _YEAR_RE.search(self.source)
        return m.group(1) if m else None

    @property
    def now(self) -> bool:
        return bool(_NOW_RE.search(self.source.replace("\u2019", "'")))


@lru_cache(maxsize=4096)
def word_count(line: str) -> int:
    """Words of a line as the checker counts them (elisions split, numbers count)."""
    text = line[2:] if line.startswith("- ") else line
    return len(french.words(text))


def reading_ease(lines: list[str], *, numbers: int | None = None) -> float:
    """Kandel-Moles of some lines, as the checker computes it (syllables from Lexique);
    with ``numbers``, a token in figures counts that many syllables."""
    words = [t for line in lines for t in french.words(line.removeprefix("- "))]
    if not words:
        return 0.0
    syllables = sum(
        numbers if numbers is not None and t.text[:1].isdigit() else french.syllables(t.text)
        for t in words
    )
    return 207 - 1.015 * len(words) / len(lines) - 73.6 * syllables / len(words)


def score(unit: Unit, *, limit: int) -> float:
    """How much a unit deserves a place in the draft (higher is better)."""
    text = unit.source.replace("\u2019", "'")
    if unit.lead:
        return 100.0
    if not unit.lines:
        return -100.0
    value = 0.0
    if any(_YEAR_RE.search(line) for line in unit.lines):
        value += 2.0  # the date the reader gets, not one the cuts took away
    if re.search(r"\b(CAI|Centre)\b", text):
        value += 1.5
    words = [t.text for t in french.words(text)]
    if any(lemma in _ACTION_LEMMAS for w in words[:12] for lemma in lexicon.lemmas(w)):
        value += 1.0
    if _PEOPLE.search(text):
        value += 1.0
    if unit.first_of_paragraph:
        value += 0.5
    if unit.now:
        value += 1.0
    if text.rstrip().endswith("?"):
        value -= 10.0
    if re.search(r"\bcf\.", text, re.IGNORECASE):
        value -= 1.0
    if text.lstrip().startswith(("«", "[", '"', "\u201c")) or "[La]" in text or unit.quoted:
        value -= 20.0  # a quotation: the fiche's words quoting others, not its own point
    if re.search(r"\b(?:citons|notons|rappelons|soulignons|signalons)\b", text):
        value -= 5.0  # "Parmi ces éléments, citons ...": the editor's voice, not a fact
    if any(_FIRST_PERSON_RE.search(line) for line in unit.lines):
        value -= 20.0  # "Aujourd'hui, je travaille ...": a witness, whose name is gone
    quoted = re.findall(r"«([^»]*)»", text)
    if any(len(q.split()) > 6 for q in quoted):
        value -= 2.0
    counts = [word_count(line) for line in unit.lines]
    if any(n > limit for n in counts):
        return -50.0
    if _points_back(unit.lines[0]):
        value -= 3.0  # "Il ..." out of its context: who is "il"?
    value -= 1.0 * sum(1 for n in counts if n > 12)
    # Shorter, more frequent words read easier: they weigh as much as a year or the CAI.
    value += max(-8.0, min(5.0, (reading_ease(unit.lines) - 65.0) / 3.0))
    if not _is_list(unit) and _ANNOUNCES_RE.search(unit.lines[-1]):
        value -= 2.0  # "Le diagnostic montre plusieurs constats.": which ones is elsewhere
    if any(n < 5 for n in counts if n):
        value -= 2.0  # "Il donne aux citoyens.": a short line often lost its object
    value += concreteness(unit.lines)
    years = set(_YEAR_RE.findall(text))
    if years and not any(_YEAR_RE.search(line) for line in unit.lines):
        value -= 1.5  # "À l'origine, en 2014, le module ne comptait que 20 heures": when?
        if any(_past_state(line) for line in unit.lines):
            value -= 2.5  # "Le module ne comptait que 20 heures.": reads as today's state
    bullets = sum(1 for line in unit.lines if line.startswith("- "))
    value -= 0.4 * max(0, bullets - 2)  # 4 bullets take the room of 4 facts
    from .words import acronyms

    # Each initialism is one more entry in « Mots difficiles » (the box stays short).
    value -= 0.75 * len({a for line in unit.lines for a in acronyms(line)} - {"CAI"})
    value -= 0.3 * max(0, len(unit.lines) - 2)
    value -= 1.0 * max(0, sum(1 for line in unit.lines if line.startswith("- ")) - 4)
    value -= 0.1 * sum(max(0, n - 10) for n in counts)
    return value


_IMPERFECT_RE = re.compile(r"\b\w{3,}(?:ait|aient)\b")
_NOT_IMPERFECT = frozenset(
    "extrait portrait retrait attrait souhait parfait bienfait méfait distrait abstrait".split()
)


def _past_state(line: str) -> bool:
    """A line in the imperfect ("ne comptait que", "se limitait"): a state of the past."""
    return any(
        m.group(0).lower() not in _NOT_IMPERFECT for m in _IMPERFECT_RE.finditer(line)
    )


def _names(line: str) -> list[str]:
    """Words in capitals after a line's first word: a named actor, place or project."""
    tokens = [t.text for t in french.words(line.removeprefix("- ")) if t.kind == "word"]
    return [t for t in tokens[1:] if t[:1].isupper() and t not in ("CAI", "Centre")]


def vague(line: str) -> bool:
    """A line that says nothing a reader could act on or remember: no number, no year,
    no name, and a general word ("plusieurs actions", "un rôle clé", "un enjeu central")."""
    text = line.removeprefix("- ").replace("\u2019", "'")
    if re.search(r"\d", text) or _names(text):
        return False
    return _GENERIC_RE.search(text) is not None


def concreteness(lines: list[str]) -> float:
    """What the kept lines give the reader to hold: a count or an amount, a named actor;
    a line of general words weighs less ("Le CAI mène plusieurs actions.")."""
    text = " ".join(line.removeprefix("- ") for line in lines).replace("\u2019", "'")
    value = 0.0
    if _COUNT_RE.search(text) and not _ANNOUNCES_RE.search(text):
        value += 1.5  # "742 prestations", "3 mois", "35 euros": what the reader retains
    if any(_names(line) for line in lines):
        value += 0.5
    plain = [line for line in lines if not line.startswith("- ")]
    if plain and all(vague(line) for line in plain):
        value -= 2.5  # nearly as much as the easy words of such a line earn it
    return value


def _content(line: str) -> set[str]:
    # Long words, and every figure: "En 2018, 64 enfants ..." is news after "12 enfants".
    return {w.lower() for w in re.findall(r"\w{5,}|\d+", line.replace("\u2019", "'"))}


def repeats(unit: Unit, kept: list[Unit]) -> bool:
    """Whether a unit's lines say again what kept units say (most long words already in)."""
    mine = set().union(*(_content(line) for line in unit.lines)) if unit.lines else set()
    if len(mine) < 2:
        return False
    said = set().union(*(_content(line) for u in kept for line in u.lines)) if kept else set()
    return len(mine & said) >= 0.75 * len(mine)


def _acronyms_of(units: Iterable[Unit]) -> set[str]:
    from .words import acronyms

    return {a for u in units for line in u.lines for a in acronyms(line)}


def _all_vague(unit: Unit) -> bool:
    plain = [line for line in unit.lines if not line.startswith("- ")]
    return bool(plain) and all(vague(line) for line in plain)


def _is_list(unit: Unit) -> bool:
    return any(line.startswith("- ") for line in unit.lines)


_QUANTIFIER_PRONOUNS = frozenset(
    "beaucoup certains certaines plusieurs tous toutes chacun chacune".split()
)


def _points_back(line: str) -> bool:
    from .splitting import bare_count, verb_at

    words = line.split()
    return (
        _PRONOUN_START.match(line) is not None
        or _POINTS_BACK.search(line) is not None
        or bare_count(line)  # "12 avaient reçu une décision négative.": 12 of whom?
        # "Beaucoup ignorent les limites de leur rôle.": many of whom?
        or (len(words) > 2 and words[0].lower() in _QUANTIFIER_PRONOUNS and verb_at(words, 1))
    )


def _needs_previous(unit: Unit) -> bool:
    return bool(unit.lines) and _points_back(unit.lines[0])


def choose(
    units: list[Unit],
    *,
    min_lines: int,
    max_lines: int,
    target: int,
    title_acronyms: frozenset[str] = frozenset(),
) -> list[Unit]:
    """The lead and the best units, in source order, within ``target`` lines (at most max).

    A unit that starts with "Il", "Cette charte"... is taken only after the unit before
    it, which says who or what that is; several passes let such pairs in.
    """
    chosen: dict[int, Unit] = {}
    for u in units:
        # A list may point back: "Le séjour coûte 685 €. Ce montant comprend : - ...";
        # so may a part: "Le service a accueilli 1 200 personnes. Parmi elles, ...".
        part = bool(u.lines) and _PART_OF_RE.match(u.lines[0]) is not None
        after = (_is_list(u) or part) and u.index - 1 in chosen
        if u.lead and u.score > 0 and (not _needs_previous(u) or after):
            chosen[u.index] = u
    total = sum(len(u.lines) for u in chosen.values())
    ranked = sorted((u for u in units if not u.lead and u.score > -10), key=lambda u: -u.score)
    for _ in range(3):
        for unit in ranked:
            if unit.index in chosen:
                continue
            size = len(unit.lines)
            if total + size > max_lines or (total >= target and total >= min_lines):
                continue
            if unit.score < -3 and total >= min_lines:
                continue  # a weak sentence only to reach the minimum
            if _needs_previous(unit) and unit.index - 1 not in chosen:
                continue
            boxed = _acronyms_of(chosen.values()) | title_acronyms
            if _acronyms_of([unit]) - boxed and len(boxed) >= 4:
                continue  # « Mots difficiles » holds 4 words at most: no fifth initialism
            if _all_vague(unit) and total >= min_lines:
                # "Le projet mène plusieurs actions." goes, and its place stays empty: the
                # draft gets shorter rather than taking a weaker, harder line instead.
                total += size
                continue
            if repeats(unit, list(chosen.values())) and total >= min_lines:
                continue  # "Le parcours d'accueil devient le parcours d'intégration." twice
            chosen[unit.index] = unit
            total += size
    return [chosen[i] for i in sorted(chosen)]
