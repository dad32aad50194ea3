"""The simplification stage: a FALC draft of a fiche, and the trace of how it was made.

The pipeline is an explicit list of small operations applied to every source sentence
(asides, words, numbers, splitting), then a choice of what matters within a line
budget, then the acronyms expanded at their first use and the layout. Every change is
a :class:`Step` in the trace. Deterministic and offline; it shortens, reorders and
explains, and never adds a fact (see :mod:`cai_falc.facts`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__, facts, french, lexicon, storage
from ..config import SimplifySettings
from ..errors import InputError
from ..fiche import FalcText, Fiche
from ..glossary import Glossary
from . import asides, layout, numbers, plaintext, selection, splitting, words
from .files import update_falc_files
from .model import Draft, SimplifyOutcome, Step

if TYPE_CHECKING:
    from ..config import Settings

__all__ = [
    "GENERATOR",
    "Draft",
    "SimplifyOutcome",
    "Step",
    "draft_for_file",
    "format_draft",
    "simplify_fiche",
    "simplify_text",
    "update_falc_files",
]

GENERATOR = f"cai-falc {__version__}"
#: Joins the words of a glossary replacement while a sentence is cut (a word joiner).
GLUE = "\u2060"


@dataclass(frozen=True)
class Operation:
    """A named sentence rewrite and the reason shown in the trace."""

    name: str
    apply: Callable[[str], str]
    reason: str


#: Rewrites of one sentence, in order. Splitting comes after, on the result.
OPERATIONS: tuple[Operation, ...] = (
    Operation("asides.parentheses", asides.drop_parentheses, "parenthèses et notes retirées"),
    Operation("asides.amount", asides.amount_apposition, "« , soit 235 €, » gardé sans virgules"),
    Operation("asides.event", asides.event_to_year, "l'année à la place de l'événement"),
    Operation("asides.time", asides.time_to_front, "la date en tête de phrase"),
    Operation("asides.opener", asides.drop_opener, "introduction de phrase retirée"),
    Operation("asides.cleft", asides.uncleft, "« C'est ... que » retiré"),
    Operation("asides.reporting", asides.drop_reporting_frame, "« X informe que » retiré"),
    Operation("asides.etc", asides.drop_etc, "« etc. » retiré"),
    Operation("asides.leading", asides.drop_leading_complement, "complément de début retiré"),
    Operation("asides.trailing", asides.drop_trailing_additions, "ajout de fin de phrase retiré"),
    Operation("asides.insertions", asides.drop_insertions, "mots d'insertion retirés"),
    Operation("asides.participle", asides.drop_participle_asides, "incise retirée"),
    Operation("asides.dont", asides.drop_dont, "précision entre virgules retirée"),
    Operation("asides.apposition", asides.drop_appositions, "apposition retirée"),
    Operation("asides.frequency", asides.drop_frequency, "précision de fréquence retirée"),
    Operation(
        "asides.complement", asides.drop_prepositional_asides, "complément entre virgules retiré"
    ),
    Operation("words.abbreviations", words.expand_abbreviations, "abréviation écrite en entier"),
    Operation("words.plain", words.plain_words, "mot courant à la place d'un mot administratif"),
    Operation("numbers.percent", numbers.percentages, "pourcentage dit en mots simples"),
    Operation("numbers.words", numbers.number_words, "nombre écrit en chiffres"),
    Operation("numbers.big", numbers.big_numbers, "grand nombre arrondi"),
    Operation("numbers.dates", numbers.slash_dates, "date écrite en entier"),
)

#: Splits of one sentence into several, tried in order on every piece.
SPLITS: tuple[tuple[str, Callable[[str], list[str]], str], ...] = (
    ("split.semicolon", splitting.split_semicolons, "phrase coupée au point-virgule"),
    ("split.colon", splitting.split_colon, "phrase coupée aux deux-points"),
    ("split.but", splitting.split_but, "phrase coupée avant « mais »"),
    ("split.relative", splitting.split_relative, "proposition relative mise à part"),
    ("split.coordination", splitting.split_coordination, "deux actions, deux phrases"),
    ("split.relative", splitting.split_bare_relative, "proposition relative mise à part"),
    ("split.list", splitting.split_enumeration, "énumération mise en liste"),
)


_CONTRAST_RE = re.compile(r"^(?:Mais|Cependant|Toutefois|Pourtant),? (?=\S)")
#: Partners named between commas before the object: "le CAI lance, avec le RWDH et
#: plusieurs AIS, une campagne ...". Without them the sentence keeps who did what.
_PARTNER_ASIDE_RE = re.compile(
    r"(?<=[a-zéèêàù]), (?:avec|en collaboration avec|en partenariat avec|aux côtés d[eu']|"
    r"grâce à|grâce au|grâce aux) [^,;:«»]+?, "
    r"(?=(?:un|une|le|la|les|des|l'|son|sa|ses|leur|leurs|plusieurs|\d)\b)"
)
#: A line holding a sentence end and a new sentence: the source's sentence split missed
#: it ("... des chargés du projet MIN. Les duos y partagent ...").
_TWO_SENTENCES_RE = re.compile(
    r"\w{2,}[.!?] +(?=(?:Le|La|Les|L'|Il|Elle|Ils|Elles|Un|Une|Des|Ce|Cet|Cette|Ces|En|"
    r"Dans|Depuis|Pour|Son|Sa|Ses|Leur|Leurs)\b)"
)
#: A line from a garbled source: a sentence opener after a comma ("l'insertion
#: socioprofessionnelle, De plus e aide à ..."), a lone letter that is no word ("e").
_GARBLED_RE = re.compile(
    r", (?:De|Du|Des|Le|La|Les|Et|En|Au|Aux|Un|Une) [a-zé]"
    r"|(?<![\w'\u2019-])[b-xzé](?![\w'\u2019.-])"
)
_LOWER_START_RE = re.compile(r"([a-zé»)]\. )(en|le|la|les|il|elle|dès|depuis)(?= )")


def _plain(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    text = re.sub(r"[\u00a0\u202f\u2009]", " ", text)
    text = text.replace("oeuvre", "œuvre").replace("..", ".")
    text = re.sub(r"^A (?=partir|la |l'|ce |cette )", "À ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _transform(
    text: str, *, glossary: Glossary, limit: int, replace: bool = True
) -> tuple[list[str], list[Step]]:
    """Apply every operation to one sentence; return its lines and the steps."""
    soft = min(limit, 12)
    steps: list[Step] = []
    current = _plain(text)
    if current.endswith(":"):
        return [], steps  # a list intro: its list is not copied, so it says nothing alone
    for op in OPERATIONS:
        after = op.apply(current)
        if after != current:
            steps.append(Step(op.name, current, after, op.reason))
            current = after
    contracted = words.contract_expansions(current, glossary)
    if contracted != current:
        steps.append(
            Step(
                "words.contract",
                current,
                contracted,
                "nom long remplacé par son sigle, expliqué dans « Mots difficiles »",
            )
        )
        current = contracted
    # The words of a replacement stay together: no later cut falls inside them.
    replaced = words.replace_terms(current, glossary, glue=GLUE) if replace else current
    if replaced != current:
        steps.append(Step("words.glossary", current, replaced, "mot remplacé (glossaire)"))
        current = replaced
    pieces = [splitting.finish(current)]
    for name, split, reason in SPLITS:
        new: list[str] = []
        for piece in pieces:
            parts = [piece] if piece.startswith("- ") else split(piece)
            if len(parts) > 1:
                steps.append(Step(name, piece, "\n".join(parts), reason))
            new.extend(parts)
        pieces = new
    final: list[str] = []
    #: What each trimmed line was before its trim: a broken trim is rescued from there.
    untrimmed: dict[str, str] = {}
    for piece in pieces:
        parts = splitting.split_comma(piece, limit=limit)
        if len(parts) > 1:
            steps.append(Step("split.comma", piece, "\n".join(parts), "phrase trop longue coupée"))
        for part in parts:
            # Aim below the checker's warning (12 words), never above its error (limit).
            trimmed = part
            for bound in (soft, limit):
                trimmed = splitting.trim_tail(
                    splitting.trim_at_comma(trimmed, limit=bound), limit=bound
                )
            if trimmed != part and part.endswith(":") and not trimmed.endswith(":"):
                trimmed = trimmed.rstrip(" .") + " :"  # a list intro stays one
            if trimmed != part:
                steps.append(
                    Step("trim", part, trimmed, "complément de fin retiré (phrase trop longue)")
                )
                untrimmed[trimmed] = part
            final.append(trimmed)
    # A list intro with no item after it ends with a stop.
    lines = [
        line[:-2] + "."
        if line.endswith(" :") and (i + 1 == len(final) or not final[i + 1].startswith("- "))
        else line
        for i, line in enumerate(final)
    ]
    if all(splitting.is_sentence(line) for line in lines if not line.startswith("- ")) and all(
        selection.word_count(line) <= limit for line in lines
    ):
        return lines, steps
    # A piece too long or broken: keep what reads well, and the core of the rest.
    fixed: list[str] = []
    for line in lines:
        if line.startswith("- "):
            if fixed and (fixed[-1].endswith(":") or fixed[-1].startswith("- ")):
                fixed.append(line)  # a bullet stays only under its intro
            continue
        if (
            selection.word_count(line) <= limit
            and splitting.is_sentence(line)
            and splitting.plain_clause(line)
        ):
            fixed.append(line)
            continue
        if not splitting.is_sentence(line) and line in untrimmed:
            line = untrimmed[line]  # "Porte d'entrée ..., le module d'accueil est."
        core = splitting.rescue(line, limit=limit, soft=soft)
        steps.append(
            Step(
                "rescue",
                line,
                "\n".join(core),
                "phrase trop longue : l'essentiel gardé, la suite retirée"
                if core
                else "phrase trop longue ou incomplète : retirée",
            )
        )
        fixed.extend(core)
    while fixed and fixed[-1].endswith(":"):
        fixed.pop()
    return fixed, steps


def _said(source: str, lines: list[str], glossary: Glossary) -> int:
    """How many words of ``source`` (4 letters or more) ``lines`` still say; a term
    written as its glossary replacement counts as said."""
    text = " ".join(lines).replace("\u2019", "'").lower()
    said = set(re.findall(r"\w{4,}", text))
    wanted = set(re.findall(r"\w{4,}", source.replace("\u2019", "'").lower()))
    for match in glossary.find(source):
        plain = re.sub(r"^(?:un|une) ", "", match.term.replacement)
        if plain and plain.split()[0].lower() in text:
            said.update(re.findall(r"\w{4,}", match.text.lower()))
    return len(wanted & said)


def _cut(steps: list[Step]) -> bool:
    """Whether a sentence lost words to fit the length limit."""
    return any(step.operation in ("trim", "rescue") for step in steps)


def _facts(line: str) -> set[str]:
    """The names and numbers of a line (its first word only when it is a number)."""
    tokens = [t.text for t in french.words(line) if t.kind == "word" or t.text[:1].isdigit()]
    out = {t for t in tokens[1:] if t[:1].isupper() or t[:1].isdigit()}
    if tokens and tokens[0][:1].isdigit():
        out.add(tokens[0])
    return out


_BULLET_START_RE = re.compile(r"^\s*(?:[-*•–]\s|\d{1,2}[.)]\s)")
_ITEM_END_RE = re.compile(r"(?:\s*[;,.]\s*(?:et|ou)?|\s+(?:et|ou))\s*$")
#: Rewrites of a list item: a fragment, not a sentence, so nothing is split or cut.
ITEM_OPERATIONS = tuple(
    op
    for op in OPERATIONS
    if op.name in ("asides.parentheses", "asides.etc", "words.abbreviations", "words.plain",
                   "numbers.words", "numbers.dates")
)


def _paragraphs(text: str) -> list[str]:
    """Paragraphs, a list joined to the paragraph that announces it ("... :")."""
    out: list[str] = []
    for paragraph in plaintext.paragraphs(text):
        if out and _BULLET_START_RE.match(paragraph) and out[-1].rstrip().endswith(":"):
            out[-1] = out[-1].rstrip() + "\n" + paragraph.strip()
        else:
            out.append(paragraph)
    return out


def _list_lines(
    intro: str, items: list[str], *, glossary: Glossary, limit: int
) -> tuple[list[str], list[Step]]:
    """A list and the sentence that announces it: the intro as a line ending with " :",
    each item a "- " line. All items or none: a list with items left out would say
    something else ("Documents à apporter" without one of them)."""
    steps: list[Step] = []

    def light(text: str) -> str:
        current = _plain(text)
        for op in ITEM_OPERATIONS:
            after = op.apply(current)
            if after != current:
                steps.append(Step(op.name, current, after, op.reason))
                current = after
        return current.rstrip(" ;,.:")

    announce = light(intro)
    if selection.word_count(announce) <= limit:
        lines = [announce + " :"]
    else:
        head, more = _transform(intro.rstrip(" :") + ".", glossary=glossary, limit=limit)
        steps += more
        if not head or not head[-1].endswith("."):
            return [], steps
        lines = [*head[:-1], head[-1][:-1] + " :"]
    for item in items:
        current = light(_ITEM_END_RE.sub("", item.strip()))
        aside = re.search(r",\s(?:qui|dont|où)\s", current)
        if selection.word_count(current) > limit and aside:
            # "une « bourse aux bénévoles », qui met en relation ...": the thing, not how
            # it works; a comma before "qui" says the clause only describes it.
            short = current[: aside.start()]
            if short.count("«") == short.count("»") and selection.word_count(short) >= 2:
                steps.append(Step("list.relative", current, short, "précision du point retirée"))
                current = short
        parts = [current]
        head_words = current.split(" et ", 1)[0].split()
        if (
            selection.word_count(current) > limit
            and " et " in current
            and not any(splitting.verb_at(head_words, k) for k in range(len(head_words)))
        ):
            # "le personnel soignant et les personnes qui vivent ...": two points; not
            # "X qui met en relation A et B", where "et" joins what the verb takes.
            parts = current.split(" et ", 1)
            steps.append(Step("list.split", current, "\n".join(parts), "un point en deux"))
        for part in parts:
            if not part or selection.word_count(part) > limit:
                reason = "un point de la liste est trop long : liste retirée"
                steps.append(Step("list", intro, "", reason))
                return [], steps
            lines.append("- " + part)
    return lines, steps


def _units(
    title: str, lead: str, body: str, *, glossary: Glossary, limit: int
) -> list[selection.Unit]:
    """Every sentence of the lead and body as a unit with its simplified lines."""
    units: list[selection.Unit] = []
    paragraphs = [(True, p) for p in _paragraphs(lead)]
    paragraphs += [(False, p) for p in _paragraphs(body)]
    seen: set[str] = set()
    for is_lead, paragraph in paragraphs:
        # "... racistes. en 2016, elle ...": a sentence the CMS left in lower case.
        paragraph = _LOWER_START_RE.sub(lambda m: m.group(1) + m.group(2).capitalize(), paragraph)
        if paragraph.lstrip().startswith(("- ", "* ", "• ", "#", ">")):
            continue  # bullets with nothing to announce them, headings, quotes
        sentences = french.sentences(paragraph)
        open_quotes = 0
        for n, sentence in enumerate(sentences):
            quoted = open_quotes > 0
            open_quotes += sentence.text.count("«") - sentence.text.count("»")
            if sentence.kind != "sentence" or sentence.text in seen:
                continue  # fiches sometimes repeat a paragraph
            seen.add(sentence.text)
            items = (
                list(itertools.takewhile(lambda s: s.kind == "bullet", sentences[n + 1 :]))
                if sentence.text.rstrip().endswith(":")
                else []
            )
            if items:
                lines, steps = _list_lines(
                    sentence.text, [i.text for i in items], glossary=glossary, limit=limit
                )
            else:
                lines, steps = _transform(sentence.text, glossary=glossary, limit=limit)
                partnerless = _PARTNER_ASIDE_RE.sub(" ", _plain(sentence.text), count=1)
                if not lines and partnerless != _plain(sentence.text):
                    lines, more = _transform(partnerless, glossary=glossary, limit=limit)
                    steps += [
                        Step(
                            "asides.partners",
                            _plain(sentence.text),
                            partnerless,
                            "partenaires cités entre virgules retirés (phrase trop longue)",
                        ),
                        *more,
                    ]
            if _cut(steps) and any(step.operation == "words.glossary" for step in steps):
                # The plain words made the sentence longer, and a cut took more of it:
                # keep the term (explained in the box) when that keeps more of the sentence.
                kept, kept_steps = _transform(
                    sentence.text, glossary=glossary, limit=limit, replace=False
                )
                if _said(sentence.text, kept, glossary) > _said(sentence.text, lines, glossary):
                    lines, steps = kept, kept_steps
            lines = [line.replace(GLUE, " ") for line in lines]
            steps = [
                Step(
                    step.operation,
                    step.before.replace(GLUE, " "),
                    step.after.replace(GLUE, " "),
                    step.reason,
                )
                for step in steps
            ]
            if is_lead and n == 0 and lines:
                # "Ce séminaire présente ..." opens the fiche: "ce" points at its title.
                opened = splitting.indefinite_opening(lines[0])
                if opened != lines[0]:
                    steps.append(
                        Step("words.opening", lines[0], opened, "« ce » du début sans renvoi")
                    )
                    lines[0] = opened
            # The lead's first sentences always open the draft; the rest compete.
            unit = selection.Unit(
                len(units), sentence.text, is_lead and n < 3, n == 0, lines, steps,
                quoted=quoted,
            )
            units.append(unit)
    for unit in units:
        joined = [
            line
            for line in unit.lines
            if _TWO_SENTENCES_RE.search(line) or _GARBLED_RE.search(line)
        ]
        if joined:
            unit.steps.append(
                Step("select.joined", "\n".join(joined), "", "ligne retirée : deux phrases collées")
            )
            unit.lines = [line for line in unit.lines if line not in joined]
        if any(selection.word_count(line) > limit for line in unit.lines):
            # Keep the lines before the first too long one: later ones may need it.
            keep: list[str] = []
            for line in unit.lines:
                if selection.word_count(line) > limit:
                    break
                keep.append(line)
            while keep and keep[-1].endswith(":"):
                keep.pop()  # a list intro whose list was too long to keep
            unit.lines = keep
        if unit.lead and not unit.lines:
            unit.lead = False
        unit.score = selection.score(unit, limit=limit)
    # "Mais en 2013, ..." opening a sentence: the contrast was with a line that may be gone.
    for unit in units:
        if unit.lines and _CONTRAST_RE.match(unit.lines[0]):
            rest = re.sub(r"^\w+,? ", "", unit.lines[0])
            if splitting.is_sentence(rest):
                fixed = rest[:1].upper() + rest[1:]
                unit.steps.append(
                    Step("words.contrast", unit.lines[0], fixed, "« Mais » du début retiré")
                )
                unit.lines[0] = fixed
    # "En 2016, elle développe ..." after "..., le CAI a développé ...": name it.
    for previous, unit in itertools.pairwise(units):
        if unit.lines:
            named = splitting.resolve_to_name(
                unit.lines[0], previous.lines[0] if previous.lines else _plain(previous.source)
            )
            if named is not None:
                unit.steps.append(
                    Step("words.pronoun", unit.lines[0], named, "pronom remplacé par le nom")
                )
                unit.lines[0] = named
                unit.score = selection.score(unit, limit=limit)
    # "Elles aspirent à ..." after "Des activités sont organisées ...": name them.
    for previous, unit in itertools.pairwise(units):
        if unit.lines and previous.lines:
            resolved = splitting.resolve_pronoun(unit.lines[0], previous.lines[-1])
            if resolved is not None:
                unit.steps.append(
                    Step("words.pronoun", unit.lines[0], resolved, "pronom remplacé par son nom")
                )
                unit.lines[0] = resolved
                unit.score = selection.score(unit, limit=limit)
    # Near-identical paragraphs give the same line twice: keep the first.
    lines_seen: set[str] = set()
    for unit in units:
        if any(line in lines_seen for line in unit.lines if not line.startswith("- ")):
            unit.score = -100.0
        lines_seen.update(unit.lines)
    # "Dès 2014, le CAI travaille avec l'Henallux." after the lead "En 2014, le CAI commence
    # un partenariat avec la Haute École Henallux ...": its facts are all said already.
    lead_facts = {f for unit in units if unit.lead for line in unit.lines for f in _facts(line)}
    for unit in units:
        if unit.lead or len(unit.lines) != 1:
            continue
        said = _facts(unit.lines[0])
        if len(said) >= 3 and said <= lead_facts:
            unit.score = -100.0
    return units


def _defined_acronyms(source: str, jargon: dict[str, str]) -> dict[str, str]:
    """Acronyms the fiche explains (its jargon, or "long name (ACRONYM)" in its text),
    each with a box explanation: "Mineurs étrangers non accompagnés."."""
    out: dict[str, str] = {}
    for acronym, words_for in words.source_acronyms(source).items():
        out[acronym] = words_for[:1].upper() + words_for[1:].rstrip(" .") + "."
    for term, explanation in jargon.items():
        if words.acronyms(term) == [term] and explanation.strip():
            out[term] = explanation.strip()
    return out


def _draft(
    ident: str,
    title: str,
    lead: str,
    body: str,
    *,
    glossary: Glossary,
    settings: SimplifySettings,
    source_hash: str,
    jargon: dict[str, str] | None = None,
) -> Draft:
    limit = settings.max_words
    units = _units(title, lead, body, glossary=glossary, limit=limit)
    source = "\n".join((title, lead, body))
    defined = _defined_acronyms(source, jargon or {})
    for unit in units:
        # An acronym neither the glossary nor the source explains is a checker error the
        # draft cannot fix ("une convention avec l'ONE"): its line goes.
        unexplained = [
            line
            for line in unit.lines
            if any(
                glossary.get(a) is None and a not in defined for a in words.acronyms(line)
            )
        ]
        if unexplained:
            unit.steps.append(
                Step("acronym", "\n".join(unexplained), "", "ligne retirée : sigle inexpliqué")
            )
            unit.lines = [line for line in unit.lines if line not in unexplained]
            if not unit.lines:
                unit.lead = False
            unit.score = selection.score(unit, limit=limit)
        # A safety net: a line whose name or number the source does not hold goes
        # (a contraction or a cut can glue words into a new name).
        invented = [
            line
            for line in unit.lines
            if facts.unsupported_facts(
                line.replace("'", "\u2019"), source=source, glossary=glossary
            )
        ]
        if invented:
            unit.steps.append(
                Step("facts", "\n".join(invented), "", "ligne retirée : fait absent de la source")
            )
            unit.lines = [line for line in unit.lines if line not in invented]
            if not unit.lines:
                unit.lead = False
            unit.score = selection.score(unit, limit=limit)
    chosen = selection.choose(
        units,
        min_lines=settings.min_lines,
        max_lines=settings.max_lines,
        target=settings.target_lines,
        # The title's initialisms are in the box already: a line with them costs none.
        title_acronyms=frozenset(words.acronyms(_plain(title))),
    )
    trace: list[Step] = []
    kept = {u.index for u in chosen}
    for unit in units:
        if unit.index in kept:
            trace.extend(unit.steps)
        else:
            trace.append(
                Step(
                    "select",
                    unit.source,
                    "",
                    f"moins important pour un premier résumé (score {unit.score:.1f})",
                )
            )
    text = layout.body(chosen)
    clean_title = layout.title(
        words.replace_terms(words.plain_words(_plain(title)), glossary)
    ).replace("'", "\u2019")
    box = {
        term: explanation.replace("'", "\u2019")
        for term, explanation in words.difficult_words(
            clean_title + "\n" + text, glossary, limit=settings.max_box_words
        ).items()
    }
    for acronym in words.acronyms(clean_title + "\n" + text):
        if acronym in defined and acronym not in box and glossary.get(acronym) is None:
            # "MENA : mineurs étrangers non accompagnés." as the source says it.
            box[acronym] = defined[acronym].replace("'", "\u2019")
    falc = FalcText(
        id=ident,
        title=clean_title,
        body=text.rstrip("\n"),
        source_hash=source_hash,
        generator=GENERATOR,
        words=box,
    )
    falc.draft_hash = falc.content_hash()
    return Draft(falc, trace)


def _simplify_settings(settings: SimplifySettings | Settings) -> SimplifySettings:
    return settings if isinstance(settings, SimplifySettings) else settings.simplify


def simplify_fiche(
    fiche: Fiche, *, glossary: Glossary, settings: SimplifySettings | Settings
) -> Draft:
    """A FALC draft of a fiche, with the trace of every change."""
    settings = _simplify_settings(settings)
    return _draft(
        fiche.id,
        fiche.title,
        fiche.lead,
        fiche.body,
        glossary=glossary,
        settings=settings,
        source_hash=fiche.source_hash(),
        jargon=fiche.jargon,
    )


def simplify_text(text: str, *, glossary: Glossary, settings: SimplifySettings | Settings) -> Draft:
    """A FALC draft of any French text (first short line without a stop = title)."""
    settings = _simplify_settings(settings)
    if not text.strip():
        raise InputError("<text>", "the text is empty", hint="Give a French text to simplify.")
    parts = plaintext.read(text)
    draft = _draft(
        "texte",
        parts.title,
        parts.lead,
        parts.body,
        glossary=glossary,
        settings=settings,
        source_hash="",
    )
    if parts.set_aside:
        reason = "cadre de la lettre (en-tête, adresse, formule de politesse, signature)"
        draft.trace.insert(0, Step("select.frame", "\n".join(parts.set_aside), "", reason))
    return draft


def looks_french(text: str) -> bool:
    """Whether most words of ``text`` are French words (Lexique or wordfreq)."""
    words = [t.text for t in french.words(text) if t.kind == "word" and not t.text[:1].isupper()]
    if len(words) < 3:
        return bool(words) and all(lexicon.known(w) for w in words)
    known = sum(1 for w in words if lexicon.entry(w) is not None)
    return known >= 0.6 * len(words)


def format_draft(draft: Draft) -> str:
    """A draft as Markdown for the screen: title, body, then the "Mots difficiles" box."""
    out = [f"# {draft.falc.title}", "", draft.falc.body]
    if draft.falc.words:
        out += ["", "## Mots difficiles"]
        out += [f"- {term} : {text}" for term, text in draft.falc.words.items()]
    return "\n".join(out) + "\n"


def draft_for_file(path: Path, *, glossary: Glossary, settings: Settings) -> str:
    """The FALC draft of a French text file, formatted for the screen."""
    text = storage.read_text(path).text
    if not text.strip():
        raise InputError(path, "the file is empty", hint="Give a file with French text.")
    if text.lstrip("\ufeff").startswith("---\n") and path.name.endswith(".md"):
        # A fiche file: its draft, as 'cai-falc simplify ID' would write it.
        from ..fiche import FALC_SUFFIX, parse_fiche

        if path.name.endswith(FALC_SUFFIX):
            raise InputError(path, "this is already a FALC text", hint="Give the fiche itself.")
        return format_draft(
            simplify_fiche(parse_fiche(text, path), glossary=glossary, settings=settings)
        )
    if len(french.words(text)) < 3:
        raise InputError(
            path, "the text is too short to simplify", hint="Give whole French sentences."
        )
    if not looks_french(text):
        raise InputError(
            path,
            "this does not look like French text",
            hint="cai-falc simplifies French only; check the file and its encoding.",
        )
    draft = simplify_text(text, glossary=glossary, settings=settings.simplify)
    if not draft.falc.body.strip():
        raise InputError(
            path,
            "no sentence of this text could be simplified safely",
            hint="Give whole sentences (with a verb), one paragraph per idea.",
        )
    return format_draft(draft)
