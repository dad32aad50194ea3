"""Words: everyday words for administrative ones, acronyms expanded, hard terms explained.

Everyday replacements are a small fixed table of connectors and administrative verbs
whose plain equivalent keeps the grammar (same person, same number). Terms come from
the glossary: a ``replacement`` is written instead of the term; otherwise the term is
kept and explained in the "Mots difficiles" box.
"""

from __future__ import annotations

import re
import unicodedata

from .. import lexicon
from ..glossary import Glossary, Match, normalise

#: (written form, plain form); matched as whole words, first letter's case kept.
PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("de manière très significative", "beaucoup"),
    ("de manière significative", "beaucoup"),
    ("de manière impressionnante", "beaucoup"),
    ("dans le but de", "pour"),
    ("afin d'", "pour "),
    ("afin de", "pour"),
    ("afin que", "pour que"),
    ("en vue de", "pour"),
    ("au sein du", "dans le"),
    ("au sein des", "dans les"),
    ("au sein de", "dans"),
    ("à destination du", "pour le"),
    ("à destination des", "pour les"),
    ("à destination de", "pour"),
    ("en faveur du", "pour le"),
    ("en faveur des", "pour les"),
    ("en faveur de", "pour"),
    ("en faveur d'", "pour "),
    ("à la suite du", "après le"),
    ("à la suite des", "après les"),
    ("à la suite de", "après"),
    ("à la suite d'", "après "),
    ("suite à", "après"),
    ("lors du", "pendant le"),
    ("lors des", "pendant les"),
    ("lors de", "pendant"),
    ("par le biais du", "par le"),
    ("par le biais des", "par les"),
    ("par le biais de", "par"),
    ("ainsi que", "et"),
    ("un certain nombre de", "des"),
    ("d'une série de", "de"),
    ("d'une série d'", "d'"),
    ("une série de", "des"),
    ("une série d'", "des "),
    ("l'ensemble des", "tous les"),
    ("désormais", "maintenant"),
    ("néanmoins", "mais"),
    ("quasi", "presque"),
    ("débute", "commence"),
    ("débutent", "commencent"),
    ("élabore", "prépare"),
    ("élaborent", "préparent"),
    ("engendre", "cause"),
    ("engendrent", "causent"),
    ("vise à", "veut"),
    ("visent à", "veulent"),
    ("collabore", "travaille"),
    ("collaborent", "travaillent"),
    ("s'adresse à", "est pour"),
    ("s'adressent à", "sont pour"),
    ("primordiale", "très importante"),
    ("primordial", "très important"),
    ("significative", "importante"),
    ("significatif", "important"),
    ("il s'agit d'", "c'est "),
    ("il s'agit de", "c'est"),
    ("nécessite", "demande"),
    ("nécessitent", "demandent"),
    ("via", "par"),
    ("activités", "actions"),
    ("activité", "action"),
    ("initiatives", "actions"),
    ("initiative", "action"),
    ("davantage", "plus"),
    ("actuellement", "maintenant"),
    ("rapidement", "vite"),
    ("de manière régulière", "souvent"),
    ("régulièrement", "souvent"),
    ("bénéficient de", "reçoivent"),
    ("bénéficie de", "reçoit"),
    ("bénéficient d'", "reçoivent "),
    ("bénéficie d'", "reçoit "),
    ("concernant", "sur"),
    ("problématiques", "difficiles"),
    ("problématique", "difficile"),
    ("affiche sa volonté de", "veut"),
    ("affiche sa volonté d'", "veut "),
    ("a pour but de", "veut"),
    ("a pour objectif de", "veut"),
    ("ont pour objectif de", "veulent"),
    ("renforcer le développement de", "développer"),
    ("met en évidence", "montre"),
    ("mettent en évidence", "montrent"),
    ("fait référence aux", "parle des"),
    ("fait référence au", "parle du"),
    ("fait référence à des", "parle de"),
    ("font référence aux", "parlent des"),
    ("fait référence à", "parle de"),
    ("font référence à", "parlent de"),
    ("prend l'initiative de", "décide de"),
    ("de manière à", "pour"),
    ("met à la disposition des", "donne aux"),
    ("met à la disposition de", "donne à"),
    ("mettent à la disposition des", "donnent aux"),
    ("à l'occasion de", "pour"),
    ("à l'occasion du", "pour le"),
    ("dans l'objectif de", "pour"),
    ("en tant que", "comme"),
    ("en tant qu'", "comme "),
    ("asbl", "association"),
    # Connectors and adverbs: the everyday word says the same.
    ("à défaut,", "sinon,"),
    ("également", "aussi"),
    ("cependant", "mais"),
    ("toutefois", "mais"),
    ("en outre", "aussi"),
    ("par conséquent", "donc"),
    ("dès lors", "alors"),
    ("à l'heure actuelle", "maintenant"),
    ("lorsqu'", "quand "),
    ("lorsque", "quand"),
    ("auparavant", "avant"),
    ("ultérieurement", "plus tard"),
    ("fréquemment", "souvent"),
    ("suffisamment", "assez"),
    ("principalement", "surtout"),
    ("essentiellement", "surtout"),
    ("en particulier", "surtout"),
    ("uniquement", "seulement"),
    ("approximativement", "environ"),
    ("immédiatement", "tout de suite"),
    ("un grand nombre de", "beaucoup de"),
    ("un grand nombre d'", "beaucoup d'"),
    ("la majorité des", "la plupart des"),
    # Verbs and phrases: same person, same number, same construction.
    ("met en place", "organise"),
    ("mettent en place", "organisent"),
    ("effectue", "fait"),
    ("effectuent", "font"),
    ("réalise", "fait"),
    ("réalisent", "font"),
    ("se déroule", "a lieu"),
    ("se déroulent", "ont lieu"),
    ("est en mesure de", "peut"),
    ("est en mesure d'", "peut "),
    ("sont en mesure de", "peuvent"),
    ("sont en mesure d'", "peuvent "),
    ("a la possibilité de", "peut"),
    ("a la possibilité d'", "peut "),
    ("ont la possibilité de", "peuvent"),
    ("ont la possibilité d'", "peuvent "),
    ("est tenu de", "doit"),
    ("est tenue de", "doit"),
    ("sont tenus de", "doivent"),
    ("sont tenues de", "doivent"),
    ("est constitué de", "est fait de"),
    ("accompagne", "aide"),
    ("accompagnent", "aident"),
    ("accompagner", "aider"),
    ("est constituée de", "est faite de"),
    ("sont constitués de", "sont faits de"),
    ("n'a de cesse d'", "continue d'"),
    ("n'a de cesse de", "continue de"),
    ("cède la place au", "devient le"),
    ("cède la place à la", "devient la"),
    ("en collaboration avec", "avec"),
    ("en partenariat avec", "avec"),
    ("visant à", "pour"),
    ("destiné à", "pour"),
    ("destinée à", "pour"),
    ("destinés à", "pour"),
    ("destinées à", "pour"),
    ("destiné aux", "pour les"),
    ("destinée aux", "pour les"),
    ("destinés aux", "pour les"),
    ("destinées aux", "pour les"),
    ("dans le cadre du", "dans le"),
    ("dans le cadre des", "dans les"),
    ("relatif à la", "sur la"),
    ("relative à la", "sur la"),
    ("un impact", "un effet"),
    ("participe à", "prend part à"),
    ("participent à", "prennent part à"),
    ("participe aux", "prend part aux"),
    ("participent aux", "prennent part aux"),
    ("participe au", "prend part au"),
    ("participent au", "prennent part au"),
    ("participer à", "prendre part à"),
    ("participer aux", "prendre part aux"),
    ("participer au", "prendre part au"),
    ("se mobilise", "agit"),
    ("se mobilisent", "agissent"),
    ("aspire à", "veut"),
    ("aspirent à", "veulent"),
    ("se poursuit", "continue"),
    ("se poursuivent", "continuent"),
    ("demeurent", "restent"),
    ("la mise en application de", "l'application de"),
    ("engage une réflexion collective", "réfléchit ensemble"),
    ("engagent une réflexion collective", "réfléchissent ensemble"),
    ("formule des recommandations", "donne des conseils"),
    ("formulent des recommandations", "donnent des conseils"),
    ("autorités locales", "pouvoirs locaux"),
    ("représente un travail de longue haleine", "est un long travail"),
    ("travail de longue haleine", "long travail"),
    ("de la main-d'œuvre étrangère", "des travailleurs étrangers"),
    ("de la main-d'œuvre", "des travailleurs"),
    ("ont constitué le fondement de", "ont été la base de"),
    ("a constitué le fondement de", "a été la base de"),
    ("constitue le fondement de", "est la base de"),
    ("constituent le fondement de", "sont la base de"),
    ("de l'accueil initial", "du premier accueil"),
    ("à l'accueil initial", "au premier accueil"),
    ("l'accueil initial", "le premier accueil"),
    ("réglementations", "règles"),
    ("réglementation", "règle"),
    ("s'inscrit dans le cadre des", "fait partie des"),
    ("s'inscrit dans le cadre du", "fait partie du"),
    ("s'inscrit dans le cadre de", "fait partie de"),
    ("s'inscrit dans le cadre d'", "fait partie d'"),
    # General administrative French: the plain form keeps person, number and construction.
    ("ne cesse de", "continue de"),
    ("ne cessent de", "continuent de"),
    ("ne cesse d'", "continue d'"),
    ("ne cessent d'", "continuent d'"),
    ("il existe", "il y a"),
    ("il existait", "il y avait"),
    ("procédures", "démarches"),
    ("procédure", "démarche"),
    ("en raison du", "à cause du"),
    ("en raison des", "à cause des"),
    ("en raison de", "à cause de"),
    ("en raison d'", "à cause d'"),
    ("au cours du", "pendant le"),
    ("au cours des", "pendant les"),
    ("au cours de", "pendant"),
    ("à l'issue du", "après le"),
    ("à l'issue des", "après les"),
    ("à l'issue de", "après"),
    ("conformément aux", "selon les"),
    ("conformément au", "selon le"),
    ("conformément à", "selon"),
    ("dorénavant", "maintenant"),
    ("à présent", "maintenant"),
    ("préalablement", "avant"),
    ("au préalable", "avant"),
    ("conjointement", "ensemble"),
    ("simultanément", "en même temps"),
    ("quotidiennement", "chaque jour"),
    ("annuellement", "chaque année"),
    ("requiert", "demande"),
    ("requièrent", "demandent"),
    ("s'avère", "est"),
    ("s'avèrent", "sont"),
    ("se situe", "est"),
    ("se situent", "sont"),
    ("se trouve confronté à", "doit faire face à"),
    ("se trouvent confrontés à", "doivent faire face à"),
    ("mettent l'accent sur", "insistent sur"),
    ("met l'accent sur", "insiste sur"),
    ("un vecteur important de", "un moyen important pour"),
    ("est un vecteur de", "est un moyen pour"),
    ("lieux de concertation", "lieux de discussion"),
    ("au-delà des", "en plus des"),
    ("au-delà du", "en plus du"),
)

_PLAIN_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(
        re.escape(w) + ("" if w.endswith("'") else r"(?!\w)")
        for w, _ in sorted(PLAIN_WORDS, key=lambda p: -len(p[0]))
    )
    + r")",
    re.IGNORECASE,
)
_PLAIN_MAP = {w: p for w, p in PLAIN_WORDS}


def _keep_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new  # "l'ASBL Objectifs" -> "l'association Objectifs"
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


#: "différents" and "divers" mean "plusieurs" when no determiner stands before them.
_SEVERAL_RE = re.compile(
    r"(?<!\bles )(?<!\bdes )(?<!\btrès )(?<!\bsi )(?<!\bplus )(?<!\bsont )(?<!\best )"
    r"(?<!\bces )(?<!\bses )(?<!\baux )(?<!\bleurs )"
    r"\b(?:différents|différentes|divers|diverses)\b(?= \w)",
    re.IGNORECASE,
)


#: "développer" an action or a project is carrying it out: "mener".
_LEAD = {
    "développe": "mène",
    "développent": "mènent",
    "développé": "mené",
    "développer": "mener",
}
_DEVELOP_RE = re.compile(
    r"\b(développe|développent|développé|développer)(?= (?:des|un|une|plusieurs|de nouveaux"
    r"|de nouvelles|d'autres|ses|leurs|son|sa) (?:actions?|projets?|activités?)\b)",
    re.IGNORECASE,
)
_DATE_FORMS = {
    "à partir de": "dès",
    "toujours en": "en",
    "au cours de l'année": "en",
    "dans le courant de l'année": "en",
    "courant": "en",
    "à la fin de l'année": "fin",
    "au début de l'année": "début",
    "en l'an": "en",
}
_DATE_FORMS_RE = re.compile(
    r"(?<!\w)("
    + "|".join(sorted(map(re.escape, _DATE_FORMS), key=len, reverse=True))
    + r")(?= (?:1[89]|20)\d\d\b)",
    re.IGNORECASE,
)
_MADE = {"é": "t", "ée": "te", "és": "ts", "ées": "tes"}


_NEVER = re.compile(r"(?!)")
#: Replacements that would break a locution: (what may not come before, what may not follow).
_LOCUTIONS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # "fait suite à une demande" is not "fait après une demande".
    "suite à": (
        re.compile(r"\b(?:fai\w*|font|fer\w*|fass\w*|donn\w*|don\w+)\s+$", re.IGNORECASE),
        _NEVER,
    ),
    # "Rapport d'activités", "activités sportives" are not actions.
    "activités": (
        re.compile(r"\brapports? d['\u2019]$", re.IGNORECASE),
        re.compile(
            r"\s+(?:sportives|physiques|extrascolaires|parascolaires|manuelles|ludiques|"
            r"professionnelles|culturelles|de loisirs?|récréatives)\b",
            re.IGNORECASE,
        ),
    ),
}

#: Abbreviations a reader may not decode, written in full (case matters: "M." is not "m.").
_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\w.])M\.(?= [A-ZÀ-Ý])"), "Monsieur"),
    (re.compile(r"(?<![\w.])MM\.(?= [A-ZÀ-Ý])"), "Messieurs"),
    (re.compile(r"(?<![\w.])Mme(?= [A-ZÀ-Ý])"), "Madame"),
    (re.compile(r"(?<![\w.])Mmes(?= [A-ZÀ-Ý])"), "Mesdames"),
    (re.compile(r"(?<![\w.])Mlle(?= [A-ZÀ-Ý])"), "Mademoiselle"),
    (re.compile(r"(?<![\w.])[nN]°\s?(?=\d)"), "numéro "),
    (re.compile(r"(?<![\w.])p\.\s?ex\.(?!\w)"), "par exemple"),
    (re.compile(r"(?<![\w.])c\.-à-d\.(?!\w)"), "c'est-à-dire"),
    (re.compile(r"(?<![\w.])[aA]rt\.\s?(?=\d)"), "article "),
    (re.compile(r"(?<![\w.])tél\.(?= ?(?:au )?[\d+])"), "téléphone"),
    (re.compile(r"(?<![\w.])Tél\.(?= ?(?:au )?[\d+])"), "Téléphone"),
)


def expand_abbreviations(text: str) -> str:
    """"M. Dupont" -> "Monsieur Dupont", "n° 12" -> "numéro 12", "p. ex." -> "par exemple"."""
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return text


def plain_words(text: str) -> str:
    """Replace administrative words by everyday ones ("afin de" -> "pour")."""

    def repl(m: re.Match[str]) -> str:
        word = m.group().lower()
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 30]
        guard = _LOCUTIONS.get(word)
        if guard is not None and (guard[0].search(before) or guard[1].match(after)):
            return m.group()  # "fait suite à", "activités sportives": a locution stays
        if word.startswith("accompagn") and re.search(r"\b[sn]['\u2019]$", before):
            return m.group()  # "s'accompagne de": goes with, not "s'aide de"
        if word == "néanmoins" and before.strip() and not before.rstrip().endswith((",", ";")):
            return m.group()  # "Elles peuvent néanmoins suivre": "mais" fits only first
        return _keep_case(m.group(), _PLAIN_MAP[word])

    text = _PLAIN_RE.sub(repl, text)
    # "est constitué d'actions": after the table, as "d'une série d'" shortens first.
    text = re.sub(
        r"\b(est|sont) constitu(é|ée|és|ées) d'",
        lambda m: f"{m.group(1)} fai{_MADE[m.group(2)]} d'",
        text,
    )
    # "des actions de commémoration": actions to remember together.
    text = re.sub(r"(?<=\w) de commémoration\b", " pour se souvenir", text)
    # Dates in their shortest correct form: "À partir de 2025," -> "Dès 2025,".
    text = _DATE_FORMS_RE.sub(
        lambda m: _keep_case(m.group(1), _DATE_FORMS[m.group(1).lower()]), text
    )
    # "a accueilli à lui seul près de 900 personnes": the emphasis goes, the fact stays.
    text = re.sub(r",? à (?:lui seul|elle seule|eux seuls|elles seules)\b,?", "", text)
    # "Elle révèle notamment que": the adverb goes; after a comma it introduces examples.
    text = re.sub(r"(?<![,\s]) notamment(?=[ ,.])", "", text)
    text = _SEVERAL_RE.sub(lambda m: _keep_case(m.group(), "plusieurs"), text)
    # "développe des actions": carries them out; "développe la plateforme" stays.
    return _DEVELOP_RE.sub(lambda m: _keep_case(m.group(1), _LEAD[m.group(1).lower()]), text)


#: Determiners before a replaced noun, and their form for (gender, first sound is a vowel).
_DET_FORMS: dict[str, tuple[str, str, str]] = {
    # written form: (masculine, feminine, before a vowel)
    "le": ("le", "la", "l'"),
    "la": ("le", "la", "l'"),
    "l'": ("le", "la", "l'"),
    "du": ("du", "de la", "de l'"),
    "de la": ("du", "de la", "de l'"),
    "de l'": ("du", "de la", "de l'"),
    "au": ("au", "à la", "à l'"),
    "à la": ("au", "à la", "à l'"),
    "à l'": ("au", "à la", "à l'"),
    "un": ("un", "une", ""),
    "une": ("un", "une", ""),
    "d'un": ("d'un", "d'une", ""),
    "d'une": ("d'un", "d'une", ""),
    "ce": ("ce", "cette", "cet"),
    "cet": ("ce", "cette", "cet"),
    "cette": ("ce", "cette", "cet"),
    "son": ("son", "sa", "son"),
    "sa": ("son", "sa", "son"),
    "de": ("de", "de", "d'"),
    "d'": ("de", "de", "d'"),
}
#: Plural determiners: the same before any noun.
_PLURAL_DETS = frozenset("les des aux ces ses leurs nos vos mes tes plusieurs".split())
_DET_BEFORE_RE = re.compile(
    r"(?<![\w'])(de la |de l'|à la |à l'|l'|d'une? |d'|(?:le|la|du|au|un|une|ce|cet|cette|son|sa|de"
    r"|les|des|aux|ces|ses|leurs|plusieurs) )$",
    re.IGNORECASE,
)
#: Words that end the part of a replacement agreeing with its head noun.
_AGREEMENT_STOP = frozenset(
    "de d' du des entre depuis pour avec à au aux en dans sur par peu qui que et".split()
)
_VOWEL_START_RE = re.compile(r"^[aeiouyàâéèêîïôûœh]", re.IGNORECASE)


def _plural(phrase: str) -> str:
    """The plural of a noun phrase: "personne arrivée depuis peu" -> "personnes arrivées ..."."""
    words_out, agreeing = [], True
    for word in phrase.split(" "):
        if word.lower() in _AGREEMENT_STOP:
            agreeing = False
        if agreeing and not word.endswith(("s", "x", "z")):
            word = word[:-2] + "aux" if word.endswith("al") else word + "s"
        words_out.append(word)
    return " ".join(words_out)


def _is_agreeing_word(word: str) -> bool:
    """An adjective or past participle: it agrees with the noun next to it."""
    entry = lexicon.entry(word)
    if entry is None:
        return False
    return entry.is_past_participle or (
        "ADJ" in entry.cgram and not entry.cgram & {"VER", "AUX", "PRE", "CON", "ADV"}
    )


_GENDERED_DET_RE = re.compile(
    r"(?<![\w'])(le|la|d'un|d'une|un|une|ce|cet|cette|du|au|à la|de la)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _gender(before: str) -> str:
    """The gender a determiner right before a noun (or before its adjective) shows, or ""."""
    m = _GENDERED_DET_RE.search(before)
    if m is None:
        return ""
    det = m.group(1).lower()
    return "f" if det in ("la", "une", "d'une", "cette", "à la", "de la") else "m"


def _is_noun(word: str) -> bool:
    """A noun that is not also an adjective ("élèves", not "seule")."""
    entry = lexicon.entry(word)
    return entry is not None and "NOM" in entry.cgram and "ADJ" not in entry.cgram


def _is_bare_noun(word: str) -> bool:
    """A noun that is nothing else ("enfants", "élèves"): a term right after it qualifies it."""
    entry = lexicon.entry(word)
    return (
        entry is not None
        and "NOM" in entry.cgram
        and not entry.cgram & {"VER", "AUX", "PRE", "ART:def", "ART:ind", "ADV", "CON", "ADJ"}
        and word.lower() not in ("de", "des", "du")
    )


def _noun_replacement(
    text: str, match: Match, gender: str, phrase: str
) -> tuple[int, str, str] | None:
    """Where the replacement starts, its determiner (agreeing) and its words; None when
    the sentence would break (an adjective or participle agreeing with the old noun)."""
    written = normalise(match.text).lower()
    plural = written.endswith(("s", "x")) and not normalise(match.term.term).lower().endswith(
        ("s", "x")
    )
    new = _plural(phrase) if plural else phrase
    before = text[: match.start]
    # "la seule sensibilisation": "la" says the term is feminine, as "information" is.
    same_gender = not plural and _gender(before) == gender
    after = re.match(r"\s+([\w-]+)", text[match.end :])
    if after and _is_agreeing_word(after.group(1)) and not same_gender:
        return None  # "les primo-arrivants inscrits": "inscrits" would not agree
    det = _DET_BEFORE_RE.search(before.replace("\u2019", "'"))
    if det is None:
        previous = re.search(r"([\w-]+)\W*$", before)
        qualified = re.search(
            r"(?:^|\s)(?:les|des|ces|ses|leurs|nos|vos|le|la|un|une|l')\s?([\w-]+)\s$",
            before.replace("\u2019", "'"),
            re.IGNORECASE,
        )
        if (previous and _is_bare_noun(previous.group(1)) and before.endswith(" ")) or (
            qualified and _is_noun(qualified.group(1))
        ):
            return None  # "les enfants primo-arrivants": the term is an adjective there
        if _gender(before) not in ("", gender):
            return None  # "un bon accompagnement": "un bon" would not agree with "aide"
        if previous and _is_agreeing_word(previous.group(1)) and not same_gender:
            return None  # "de nombreux primo-arrivants": "nombreux" would not agree
        return match.start, "", new
    written_det = det.group(1).rstrip(" ").lower()
    if written_det in _PLURAL_DETS:
        return det.start(), det.group(1), new
    forms = _DET_FORMS[written_det]
    if plural and written_det not in ("de", "d'"):
        return None  # a singular determiner before a plural: leave the sentence alone
    if _VOWEL_START_RE.match(new) and forms[2] and not (forms[2] == "cet" and gender == "f"):
        new_det = forms[2]  # "l'aide", "son aide"; but "cette aide", never "cet aide"
    else:
        new_det = forms[1] if gender == "f" else forms[0]
    sep = "" if new_det.endswith("'") else " "
    if det.group(1)[:1].isupper():
        new_det = new_det[:1].upper() + new_det[1:]
    return det.start(), new_det + sep, new


def replace_terms(text: str, glossary: Glossary, *, glue: str = " ") -> str:
    """Write a term's glossary ``replacement`` instead of the term.

    A replacement written "un ..." or "une ..." is a noun phrase of that gender: the
    article is not written, the determiner before the term agrees with it ("de
    l'accompagnement" -> "de l'aide", "la sensibilisation" -> "l'information"), a plural
    form gets the plural ("des primo-arrivants" -> "des personnes arrivées depuis peu").
    Where an adjective or participle agrees with the term, the term stays (and is
    explained in the box). Other replacements are written as they are. ``glue`` joins
    the words of a replacement (a word joiner keeps later cuts out of it).
    """
    out, pos = [], 0
    for match in glossary.find(text):
        replacement = match.term.replacement
        if not replacement or match.start < pos:
            continue
        noun = re.match(r"(un|une) (.+)$", replacement)
        if re.match(r"\s*(?:de|d'|d\u2019|des|du)\b", text[match.end :]):
            # "l'accompagnement du public" -> "l'aide du public": who helps whom? and
            # "outils pour apprendre d'enseignants": whose? The term stays, explained.
            continue
        if noun is None:
            out.append(text[pos : match.start])
            out.append(_keep_case(match.text, replacement).replace(" ", glue))
            pos = match.end
            continue
        done = _noun_replacement(text, match, "f" if noun.group(1) == "une" else "m", noun.group(2))
        if done is None:
            continue
        start, determiner, new = done
        if start < pos:
            continue

        if start == match.start:
            new = _keep_case(match.text, new)
        out.append(text[pos:start])
        out.append(determiner + new.replace(" ", glue))
        pos = match.end
    out.append(text[pos:])
    return "".join(out)


def _first_sentence(text: str) -> str:
    head = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    return head


def difficult_words(text: str, glossary: Glossary, *, limit: int = 6) -> dict[str, str]:
    """The "Mots difficiles" box: the glossary terms of ``text`` and their explanation.

    Short, so a leaflet keeps to 1 or 2 pages: acronyms first (the checker wants each
    explained), then the other terms in reading order, at most ``limit`` in all unless
    more acronyms need it; an acronym whose full name the text already writes needs no
    entry; an acronym gets its full name and one sentence of explanation.
    """
    plain = text.replace("\u2019", "'").lower()
    acronyms: dict[str, str] = {}
    others: dict[str, str] = {}
    for match in glossary.find(text):
        term = match.term
        if term.term in acronyms or term.term in others:
            continue
        if term.kind == "acronym" and term.expansion:
            if term.expansion.replace("\u2019", "'").lower() in plain:
                continue  # "le Centre public d'action sociale (CPAS)": said in the text
        explanation = term.explanation or term.expansion
        if term.kind in ("acronym", "name") and term.expansion and term.explanation:
            explanation = f"{term.expansion}. {_first_sentence(term.explanation)}"
        if term.kind == "acronym":
            acronyms[term.term] = explanation
        else:
            others[term.term] = explanation
    box = dict(acronyms)
    for term_name, explanation in others.items():
        if len(box) >= limit:
            break
        box[term_name] = explanation
    return box


def contract_expansions(text: str, glossary: Glossary, *, min_words: int = 4) -> str:
    """Write a long name as its acronym ("Centre public d'action sociale" -> "CPAS"):
    the "Mots difficiles" box explains it, and the sentence gets shorter."""
    for term in glossary.terms:
        if term.kind != "acronym" or len(term.expansion.split()) < min_words:
            continue
        # "une formation à la langue française" stays: "une FLF" reads worse than the words.
        pattern = re.compile(
            r"(?<![\w'])(?<!\bun )(?<!\bune )(?<!\bdes )"
            + re.escape(term.expansion).replace("'", "['\u2019]")
            + r"(?!\w)",
            re.IGNORECASE,
        )
        text = pattern.sub(term.term, text)
    return re.sub(r"\b(\w+) \(\1\)", r"\1", text)  # "CPAS (CPAS)" after a contraction


# ------------------------------------------------------------------- acronyms

#: Initials as the checker reads them ("MENA", "CPAS", "PISA"; not "AViQ", "UNamur").
_ACRONYM_TOKEN_RE = re.compile(r"(?<![\w-])([A-ZÀ-Ý][A-ZÀ-Ý0-9]*[A-ZÀ-Ý])(?![\w-])")
_ROMAN_RE = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_DEFINED_RE = re.compile(r"\(\s*([A-ZÀ-Ý][A-ZÀ-Ý0-9]*[A-ZÀ-Ý])\s*\)")
_SMALL_WORDS = frozenset("de d' du des la le les l' et à au aux en pour sur par".split())


def acronyms(text: str) -> list[str]:
    """The acronyms of a line, as the checker's acronym rule finds them (its list of
    everyday initials, « SMS », « WC », and of words in capitals, « ATTENTION »)."""
    from ..rules.words import NOT_ACRONYMS, capitalised_word  # (rules import simplify)

    out: list[str] = []
    for m in _ACRONYM_TOKEN_RE.finditer(text):
        word = m.group(1)
        if word in NOT_ACRONYMS or _ROMAN_RE.match(word) or word in out:
            continue
        if capitalised_word(word):
            continue  # "ATTENTION": a word in capitals
        out.append(word)
    return out


def _initials(words: list[str]) -> str:
    letters = ""
    for word in words:
        key = re.sub(r"^[dl]['\u2019]", "", word.lower())
        if word.lower() in _SMALL_WORDS or not key:
            continue
        letters += "".join(part[0] for part in key.split("-") if part)
    folded = unicodedata.normalize("NFKD", letters.upper())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def source_acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines, "mineurs étrangers non accompagnés (MENA)": each with the
    words its letters stand for (those letters, in order, from the first word's initial
    to the last word's)."""
    out: dict[str, str] = {}
    for m in _DEFINED_RE.finditer(text):
        acronym = m.group(1)
        if acronym in out or len(acronym) < 2:
            continue
        before = re.split(r"[,;:.()«»\n]", text[: m.start()])[-1].split()[-12:]
        for start in range(len(before) - 1, -1, -1):
            words = before[start:]
            if words[0].lower() in _SMALL_WORDS:
                continue
            letters = _initials(words)
            if (
                letters[:1] == acronym[0]
                and letters[-1:] == acronym[-1]
                and _subsequence(acronym, letters)
            ):
                out[acronym] = " ".join(words)
                break
    return out
