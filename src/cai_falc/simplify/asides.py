"""Drop what a first reading can do without: parentheses, footnotes, framing openers, asides.

Each function takes one sentence and returns it (unchanged when nothing applies).
What is dropped is never replaced by anything new: an expansion in parentheses comes
back from the glossary, in the "Mots difficiles" box.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import lexicon

_PARENS_RE = re.compile(r"\s*\([^()]*\)")
_DASHES_RE = re.compile(r"\s[–—]\s[^–—.;:]{1,60}?\s[–—]\s")
_BRACKETS_RE = re.compile(r"\[\d+\]|\[[a-z]\]|\*+(?=\s|$)")
#: "Dans le cadre de la campagne ... du CNCD," - up to the first comma.
_FRAME_RE = re.compile(
    r"^(?:Dans le cadre d[eu']|Dans ce cadre|Dans ce contexte(?: particulier)?"
    r"|Dans le contexte d[eu']"
    r"|Par ailleurs|En effet|En outre|De plus|De ce fait|Dès lors|À cet égard|Au-delà d[eu']"
    r"|En parallèle|Parallèlement|Dans un premier temps|À partir de cette réflexion|Concrètement"
    r"|Sur cette base|Sur le terrain|Face à ces constats|Face à ces évolutions"
    r"|Pour ce faire|Pour l'élaborer|En pratique|Ainsi|Toutefois|Néanmoins|Cependant|Or"
    r"|En revanche|Par conséquent|Dans la foulée|En réalité|Aujourd'hui encore|Encore de nos jours"
    r"|Cette même année|Depuis lors|De fait|De son côté|De leur côté|Pour sa part|Pour leur part"
    r"|Quant à (?:lui|elle|eux|elles)\b)"
    r"(?:[^,]|(?<=\d),(?=\d)){0,90}(?:(?<!\d),|,(?!\d))\s*",
)
#: Openers that carry a contrast: dropped, but the contrast is kept as "Mais".
_CONTRAST = ("Néanmoins", "Cependant", "Toutefois", "Or", "En revanche")
#: Short adverbial insertions between commas.
_INSERTIONS = (
    "en réalité",
    "ainsi",
    "donc",
    "également",
    "alors",
    "notamment",
    "de ce fait",
    "en effet",
    "par ailleurs",
    "cependant",
    "toutefois",
    "pourtant",
    "dans la foulée",
    "à ce stade",
    "par exemple",
    "dans un premier temps",
    "en outre",
    "à ce titre",
    "en pratique",
    "de manière générale",
    "quant à lui",
    "quant à elle",
    "pour sa part",
    "bien sûr",
    "en l'état",
    "à nouveau",
    "encore",
    "aujourd'hui encore",
    "toujours en \\d{4}",
    "en quelques années",
    "encore de nos jours",
    "de nos jours",
    "sans doute",
    "de manière générale",
    "dès lors",
)
_INSERTION_RE = re.compile(
    r"(?:(?<!\d),|,(?!\d))\s*(?:" + "|".join(_INSERTIONS) + r")\s*,", re.IGNORECASE
)
#: "L'asbl organisera quant à elle des cours": points at a sentence that may be gone.
_LONE_INSERTIONS_RE = re.compile(
    r",?\s+(?:quant à (?:lui|elle|eux|elles)|pour (?:sa|leur) part|de (?:son|leur) côté)"
    r"(?=\s|,|\.|$),?",
    re.IGNORECASE,
)
_LONE_ADVERBS_RE = re.compile(
    r"\b(?:également|notamment|ainsi|donc|alors|en effet|par ailleurs|d'ailleurs|en réalité|"
    r"de ce fait|plus spécifiquement|plus particulièrement|particulièrement|vraiment|"
    r"symboliquement|officiellement|véritablement|clairement|"
    r"toutefois|cependant|bien entendu|dès lors)\s*(?!que\b|qu')(?=[\w,])",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u00a0", " ")


def drop_parentheses(text: str) -> str:
    """Remove "(...)" groups, "– ... –" asides and footnote marks "[1]"."""
    out = _PARENS_RE.sub("", text)
    out = _DASHES_RE.sub(" ", out)  # "définit – en les rappelant – les concepts"
    out = _BRACKETS_RE.sub("", out)
    return re.sub(r"\s{2,}", " ", out).strip()


def drop_opener(text: str) -> str:
    """Remove a framing opener ("Dans le cadre de ...,", "Par ailleurs,", "En effet,")."""
    plain = _plain(text)
    m = _FRAME_RE.match(plain)
    if not m or (m.group().startswith("Au-delà") and re.search(r"\d", m.group())):
        return text  # "Au-delà de 3 absences, ...": a condition, not a frame
    rest = text[m.end() :].strip()
    if len(rest.split()) < 3:
        return text
    word = m.group().split(",")[0].split()[0]
    if word in _CONTRAST or m.group().startswith("En revanche"):
        return "Mais " + rest
    return rest[:1].upper() + rest[1:]


def drop_insertions(text: str) -> str:
    """Remove short adverbs between commas (", en réalité,") and loose "également"."""
    out = _INSERTION_RE.sub("", _plain(text))
    out = _LONE_INSERTIONS_RE.sub("", out)
    out = _LONE_ADVERBS_RE.sub("", out)
    out = re.sub(r"\s{2,}", " ", out)
    return _restore_quotes(text, out)


def _restore_quotes(original: str, changed: str) -> str:
    """Keep the typographic apostrophe of the original text."""
    if "\u2019" in original:
        return changed.replace("'", "\u2019")
    return changed


def _is_participle(word: str) -> bool:
    entry = lexicon.entry(word)
    return (
        entry is not None
        and "VER" in entry.cgram
        and any(v.startswith("par:") for v in entry.infover)
        and not any(v.startswith(("ind", "sub", "cnd", "imp", "inf")) for v in entry.infover)
    )


def _starts_with_verb(part: str) -> bool:
    from .splitting import verb_at

    return verb_at(part.split(), 0)


def _has_verb(text: str) -> bool:
    from .splitting import verb_at

    words = text.split()
    return any(verb_at(words, i) for i in range(len(words)))


def _drop_middle(
    text: str, is_aside: Callable[[str], bool], *, keep_before: tuple[str, ...] = ()
) -> str:
    """Drop comma-delimited parts for which ``is_aside`` holds.

    "X, aside, verb ..." becomes "X verb ..." (the aside sat between subject and verb);
    "X verb ..., aside, more" loses the aside and what follows it, which hung on it.
    """
    from .splitting import protected, safe_cut

    parts = text.split(", ")
    if len(parts) < 2:
        return text
    out = parts[0]
    joint = ", "
    for i, part in enumerate(parts[1:], 1):
        if not is_aside(part) or protected(part):
            # ", sauf le lundi,", ", sans l'accord du gestionnaire,": the point, not an aside.
            out += joint + part
            joint = ", "
            continue
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        first = nxt.split()[0].lower().replace("\u2019", "'") if nxt.split() else ""
        if nxt and (
            _starts_with_verb(nxt) or first in keep_before or first.startswith(keep_before)
        ):
            # After an opener ("En 2024 et 2025, ...") the comma stays.
            opener = (
                i == 1
                and not _has_verb(out)
                and (re.search(r"\d", out) is not None or out.split()[0].lower() in _OPENER_STARTS)
            )
            joint = ", " if opener else " "
            continue
        from .splitting import _ends_well

        dropped = ", ".join(parts[i:])
        if (
            _has_verb(out)
            # "se déroule, si nécessaire, | en présence d'un interprète": the condition
            # said when the part that goes holds.
            and not (i > 1 and _CONDITION_RE.match(parts[i - 1]))
            and not _CONDITION_END_RE.search(out)
            and len(out.split()) >= 4
            and _ends_well(out.split())
            and safe_cut(out, ", " + dropped)
        ):
            return out
        out += joint + part
        joint = ", "
    return out


def _is_participle_part(part: str) -> bool:
    words = part.split()
    return bool(words) and (
        words[0] in ("fort", "forte", "mandaté", "mandatée") or _is_participle(words[0])
    )


def drop_participle_asides(text: str) -> str:
    """Remove participial asides: "Souhaitée pour ..., cette réforme" and ", fort de ...,"."""
    from .splitting import starts_clause

    parts = text.split(", ")
    first = parts[0].split()
    if len(parts) > 1 and first and (_is_participle(first[0]) or first[0] in ("Fort", "Forte")):
        # The opening phrase may hold commas: "Rassemblant A, B et C, cette plateforme ..."
        for k in range(1, len(parts)):
            rest = ", ".join(parts[k:])
            if starts_clause(rest):
                text = rest[:1].upper() + rest[1:]
                break
    return _drop_middle(text, _is_participle_part)


#: ", dont le CAI fait partie, ": a decimal comma ("dont 85,50 €") is part of the clause.
_DONT_RE = re.compile(r"(?<!\d),\s*dont\s+((?:[^,;:]|(?<=\d),(?=\d)){1,80})(?<!\d),\s*")


def drop_dont(text: str) -> str:
    """Remove a "dont" clause between commas: "la société civile, dont le CAI fait partie,"."""
    from .splitting import protected

    def drop(m: re.Match[str]) -> str:
        if re.match(r"\s*(?:y compris|notamment|en particulier|surtout)\b", text[m.end() :]):
            return m.group()  # "dont les étapes sont obligatoires, y compris ...": bound
        if not _has_verb(m.group(1)) and re.match(
            r"\s*(?:des|les|le|la|l['\u2019]|un|une|d['\u2019]|du|\d)", text[m.end() :]
        ):
            # "24 travailleurs, dont des assistants sociaux, des formateurs, ...": the first
            # item of a list, whose next items would be glued to "24 travailleurs".
            return m.group()
        return m.group() if protected(m.group(1)) and not _amount_share(m.group(1)) else " "

    return _DONT_RE.sub(drop, text)


def _amount_share(part: str) -> bool:
    """ "dont 85,50 € de charges": a share of the amount said before, which stays true."""
    return re.match(r"^[\d\s,.]+\s?(?:€|%|euros?\b)", part) is not None


_PREPOSITIONS = frozenset(
    "à au aux avec pour en dans par sur selon malgré chez sans sous via outre grâce auprès "
    "conformément".split()
)


_DAY_OR_HOUR_RE = re.compile(
    r"\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre)\b|\b\d{1,2}\s?h\b|\b\d{1,2}h\d\d|\d\s?(?:€|%|euros?\b)",
    re.IGNORECASE,
)


_PARTNER_RE = re.compile(
    r"^(?:en partenariat avec|en collaboration avec|avec le soutien d|aux côtés d|"
    r"avec l['\u2019]aide d)",
    re.IGNORECASE,
)


#: Words that open what may follow an object: "une offre, afin de ...", ", qui ...".
_AFTER_OBJECT = frozenset(
    "pour afin qui dont avec dans en à au aux sur grâce ainsi notamment car mais".split()
)
_OBJECT_DETERMINERS = frozenset(
    "le la les un une des du son sa ses leur leurs plusieurs".split()
)


def _drop_partner(text: str) -> str:
    """ "développe, en partenariat avec le Service de traduction et d'interprétariat en
    milieu social, une offre ..." -> "développe une offre ...": who with, between a verb
    and its object, however long the partner's name. After an object the partners may
    be a list ("son service, en partenariat avec le Forem, les CPAS et ...."): kept."""
    from .splitting import verb_at

    parts = text.split(", ")
    for i in range(1, len(parts) - 1):
        part, before, nxt = parts[i], parts[i - 1].split(), parts[i + 1].split()
        after = parts[i + 2].split() if i + 2 < len(parts) else []
        object_after = bool(after) and (
            after[0].lower() in _OBJECT_DETERMINERS
            or re.match(r"^l['\u2019]\w", after[0].lower()) is not None
        )
        if (
            _PARTNER_RE.match(part)
            and object_after
            and " et " in parts[i + 1]
            and before
            and verb_at(before, len(before) - 1)
            and len(f"{part} {parts[i + 1]}".split()) <= 24
            and not re.search(r"\d|«", part + parts[i + 1])
        ):
            # "lance, en collaboration avec Unia, la Ligue et le Service de médiation, le
            # projet ...": the list of partners goes whole, the object stays.
            return ", ".join(parts[:i]) + " " + ", ".join(parts[i + 2 :])
        if after and (
            " et " in parts[i + 1]
            or " ou " in parts[i + 1]
            or after[0].lower() not in _AFTER_OBJECT
        ):
            # "lance, en collaboration avec Unia, la Ligue, le Service ..., le projet":
            # the partners may go on; which part is the object is unsure.
            continue
        if (
            _PARTNER_RE.match(part)
            and len(part.split()) <= 16
            and not re.search(r"\d", part)
            and "«" not in part
            and before
            and verb_at(before, len(before) - 1)
            and nxt
            and (
                nxt[0].lower() in _OBJECT_DETERMINERS
                or re.match(r"^l['\u2019]\w", nxt[0].lower()) is not None
            )
        ):
            return ", ".join(parts[:i]) + " " + ", ".join(parts[i + 1 :])
    return text


def drop_prepositional_asides(text: str) -> str:
    """Remove a short phrase between commas that starts with a preposition and holds no
    number: "le CAI se mobilise, aux côtés de citoyens, pour ..." -> "le CAI se mobilise pour"."""

    from .splitting import _infinitive, restrictive_opener

    def is_aside(part: str) -> bool:
        words = part.split()
        purpose = bool(words) and words[0].lower() in ("pour", "afin")
        if purpose and len(words) > 1 and not (_infinitive(words[1]) or words[1] == "de"):
            return False  # ", pour les seconds résidents,": for whom, not what for
        if _DAY_OR_HOUR_RE.search(part) or (not purpose and restrictive_opener(part)):
            return False  # ", à partir du 3 mars,", ", chez vous,", ", sous réserve ...,"
        return (
            bool(words)
            and words[0].lower() in _PREPOSITIONS
            and len(words) <= (16 if purpose else 10)
            and not re.search(r"\b(?:1[89]|20)\d\d\b", part)
            and "«" not in part
        )

    text = _drop_partner(text)
    # "organise, en partenariat avec le CNCD, les Assises": the object follows.
    keep = ("pour", "afin", "de", "d'", "à", "le", "la", "les", "l'", "un", "une", "des", "du")
    return _drop_middle(text, is_aside, keep_before=keep)


def drop_etc(text: str) -> str:
    """Remove ", etc." and "etc." (an abbreviation FALC forbids)."""
    out = re.sub(r",?\s*etc\s*\.?(?=\s*[).;:,]|\s*$)", "", text)
    return out if out.strip() else text


_OPENER_STARTS = frozenset(
    "tout pour avec dans sur en au à après depuis face lors grâce malgré parmi comme selon "
    "afin outre suite contrairement".split()
)


_CONDITION_RE = re.compile(
    r"^(?:à défaut|faute d|sauf|à condition|en cas d|sous réserve|sans |si |hormis|"
    r"à moins|au cas)",
    re.IGNORECASE,
)


#: A short condition closing a head ("..., si nécessaire", "..., le cas échéant").
_CONDITION_END_RE = re.compile(
    r",\s(?:si (?:nécessaire|besoin|possible|elles? le souhaitent?|ils? le souhaitent?)|"
    r"le cas échéant|au besoin|en cas de besoin|éventuellement)$",
    re.IGNORECASE,
)


def drop_leading_complement(text: str) -> str:
    """Remove an opening complement with no date before the subject:
    "Tout au long de ce processus de travail, le CAI agit" -> "Le CAI agit";
    "Selon l'échevine, Marie Lambert, 40 élèves ..." -> "40 élèves ..."."""
    from .splitting import SHARE_SUBJECT_RE, bare_count, restrictive_opener, starts_clause

    parts = text.split(", ")
    words = parts[0].split()
    if len(parts) > 1 and (SHARE_SUBJECT_RE.match(parts[1]) or bare_count(parts[1])):
        return text  # "Selon une enquête auprès de 600 jeunes, 7 sur 10 ...": of whom?
    if _CONDITION_RE.match(parts[0]) or restrictive_opener(parts[0], ", ".join(parts[1:])):
        # "À défaut, votre demande ne sera pas traitée", "Pour les seconds résidents, le
        # montant s'élève à 210 €", "Parmi elles, 742 ...": the sentence is false without it.
        return text
    if (
        len(parts) < 2
        or not words
        or words[0].lower() not in _OPENER_STARTS
        or len(words) > 10
        or re.search(r"\d", parts[0])
    ):
        return text
    for k in range(1, min(len(parts), 4)):
        rest = ", ".join(parts[k:])
        if len(rest.split()) >= 4 and starts_clause(rest):
            return rest[:1].upper() + rest[1:]
    return text


_FREQUENCY_RE = re.compile(
    r", (?:chaque|tous les|toutes les) [^,\d]{1,30}, (?=(?:un|une|des|le|la|les|l'|du|de)\b)"
)


def drop_frequency(text: str) -> str:
    """Remove ", chaque mercredi après-midi," between a verb and its object."""
    return _FREQUENCY_RE.sub(" ", text)


_TRAILING_RE = re.compile(
    r",\s*(?:mais aussi|et plus spécialement|et plus particulièrement|et surtout|"
    r"tout en|comme|telles? que|tels que|notamment)\b[^;:]*$",
    re.IGNORECASE,
)


#: A condition or exception inside a list of examples still restricts the sentence.
_CONDITION_IN_RE = re.compile(
    r"\b(?:si|sauf|sans|uniquement|seulement|hormis|excepté|à condition|avant|jusqu)\b|\d",
    re.IGNORECASE,
)


def drop_trailing_additions(text: str) -> str:
    """Remove a trailing addition after a comma: ", mais aussi ...", ", tout en ..."."""
    from .splitting import protected

    m = _TRAILING_RE.search(text)
    if not m or m.group().count("«") != m.group().count("»"):
        return text
    examples = re.match(r",\s*(?:comme|telles? que|tels que|notamment)\b", m.group(), re.I)
    if protected(m.group()) and not (examples and not _CONDITION_IN_RE.search(m.group())):
        return text  # ", mais aussi avant le 31 mars", ", tout en restant sous 450 €": kept
    head = text[: m.start()]
    if len(head.split()) < 5 or not _has_verb(head):
        return text
    if re.search(r"\b(?:pas|plus|non) (?:seulement|uniquement|simplement)\b", head, re.I):
        return text  # "ne ... plus seulement accueillir, mais aussi agir": one thought
    return head + "."


_INCLUDED_RE = re.compile(
    r"\b(?:compris|comprise|comprises|inclus|incluse|incluses|exclu|exclue|exclus|exclues|"
    r"hors|TVAC|HTVA|TTC|HT)\b"
)


def _is_apposition(part: str) -> bool:
    from .splitting import protected

    words = part.split()
    if not words or len(words) > 8 or protected(part) or _INCLUDED_RE.search(part):
        return False  # "Le loyer, charges comprises, est de ...": what the amount holds
    entry = lexicon.entry(words[0])
    return entry is not None and entry.cgram == frozenset({"NOM"})


def drop_appositions(text: str) -> str:
    """Remove a noun apposition between subject and verb: "le parcours d'accueil,
    dispositif mis en place en 2010, cède" -> "le parcours d'accueil cède"."""
    parts = text.split(", ")
    if len(parts) < 3:
        return text
    out = parts[0]
    joint = ", "
    for i, part in enumerate(parts[1:], 1):
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        if nxt and _is_apposition(part) and _starts_with_verb(nxt):
            joint = " "
            continue
        out += joint + part
        joint = ", "
    return out


_NC = r"(?:[^,]|(?<=\d),(?=\d))"  # not a clause comma: "85,50" is one number
_TIME_ASIDE_RE = re.compile(
    r"^(?P<head>" + _NC + r"{6,}?), (?P<time>(?:à partir d[ue']|dès|depuis|en|le|ce|"
    r"au cours d[ue'])\s?" + _NC + r"{0,30}\b(?:1[89]|20)\d\d), (?P<rest>.+)$"
)


def time_to_front(text: str) -> str:
    """ "Le CPAS ouvre, à partir du 3 mars 2025, un guichet" -> "À partir du 3 mars 2025,
    le CPAS ouvre un guichet": when first, and the sentence flows without the aside."""
    m = _TIME_ASIDE_RE.match(text)
    if not m or re.search(r"\b(?:1[89]|20)\d\d\b", m.group("head")):
        return text
    head, time, rest = m.group("head"), m.group("time"), m.group("rest")
    if not _has_verb(head):
        return text
    # "Le CPAS" becomes "le CPAS" after the date; a name ("CPAS ouvre") keeps its case.
    first = head[:1].lower() if head[1:2].islower() else head[:1]
    return f"{time[:1].upper()}{time[1:]}, {first}{head[1:]} {rest}"


_EVENT_OPENER_RE = re.compile(
    r"^(?P<prep>Depuis|Dès|Avec|Lors de|Lors d['\u2019])\s?(?P<event>(?:l['\u2019]|le |la |les )"
    r"[^,«»()0-9]{5,90}?) (?:en|de) (?P<year>(?:1[89]|20)\d\d), (?P<rest>.+)$"
)
_EVENT_PREP = {"Depuis": "Depuis", "Dès": "Dès", "Avec": "En", "Lors de": "En", "Lors d'": "En"}


def event_to_year(text: str) -> str:
    """ "Depuis l'entrée en vigueur du parcours d'intégration obligatoire en 2016, le CAI
    organise ..." -> "Depuis 2016, le CAI organise ...": the year says when; the event
    that fell that year is a long opener the sentence can do without."""
    m = _EVENT_OPENER_RE.match(text)
    if m is None or not _has_verb(m.group("rest")) or _has_verb(m.group("event")):
        return text
    prep = _EVENT_PREP[m.group("prep").replace("\u2019", "'")]
    return f"{prep} {m.group('year')}, {m.group('rest')}"


_CLEFT_RE = re.compile(r"^C'est ((?!pourquoi)[^,]{3,50}?) que? (?=\w)")


def uncleft(text: str) -> str:
    """ "C'est en 1964 que la Belgique signe" -> "En 1964, la Belgique signe"."""
    plain = _plain(text)
    m = _CLEFT_RE.match(plain)
    if not m or " qui " in m.group(1):
        return text
    rest = plain[m.end() :]
    if not _has_verb(rest):
        return text
    return _restore_quotes(text, f"{m.group(1)[:1].upper()}{m.group(1)[1:]}, {rest}")


_REPORTING_RE = re.compile(
    r"^(?P<who>[^,]{3,60}?) (?:informe|annonce|rappelle|précise|indique|explique|souligne|"
    r"constate|estime|affirme)(?: (?:à |aux )?[^,]{0,50}?)? (?:que,? |qu')(?P<what>.+)$"
)


#: A letter's frame around its news: "Nous avons l'honneur de vous informer que ...".
_LETTER_FRAME_RE = re.compile(
    r"(?:^|(?<=, ))(?:(?:Par la présente|Par ce courrier),? )?"
    r"(?:(?:nous avons|j'ai) (?:l'honneur|le plaisir|le regret|la joie) de vous "
    r"(?:informer|faire savoir|annoncer|signaler|communiquer|confirmer)"
    r"|(?:nous|je) vous (?:informons|informe|signalons|signale|confirmons|confirme"
    r"|faisons savoir|fais savoir|rappelons|rappelle)) (?:que,? |qu')",
    re.IGNORECASE,
)


def drop_reporting_frame(text: str) -> str:
    """ "L'Office informe les personnes que les demandes devront ..." -> "Les demandes
    devront ...": who says it matters less than what is said. A letter's "Nous avons
    l'honneur de vous informer que le CPAS ..." -> "Le CPAS ..." too."""
    from .splitting import starts_clause

    plain = _plain(text)
    frame = _LETTER_FRAME_RE.search(plain)
    if frame is not None:
        what = plain[frame.end() :]
        if frame.start() == 0:
            what = what[:1].upper() + what[1:]
        if starts_clause(what) or frame.start() > 0:
            return _restore_quotes(text, plain[: frame.start()] + what)
    m = _REPORTING_RE.match(plain)
    if not m:
        return text
    what = m.group("what")
    # "que, conformément à ..., les demandes": the aside goes with the frame.
    what = re.sub(r"^[^,]{3,80}, (?=(?:les|le|la|l'|des|un|une)\b)", "", what)
    if not starts_clause(what):
        return text
    return _restore_quotes(text, what[:1].upper() + what[1:])


_SOIT_AMOUNT_RE = re.compile(
    r"\b((?:le|la|l'|un|une|ce|cet|cette|votre|son|sa|leur) [^,;:]{1,40}?), soit "
    r"(\d[\d \u00a0\u202f.,]*\s?(?:€|euros?\b|EUR\b))(,(?= ))?",
    re.IGNORECASE,
)


def amount_apposition(text: str) -> str:
    """ "Le solde, soit 235 €, doit être versé" -> "Le solde de 235 € doit être versé":
    the amount stays (an aside between commas would go with the next cut)."""
    return _SOIT_AMOUNT_RE.sub(lambda m: f"{m.group(1)} de {m.group(2).rstrip()}", text)

