"""Split long sentences at their joints, repeating the subject where the new one needs it.

Joints, in the order they are tried: ";", ":" (a clause, or a list that becomes
bullets), ", mais", ", qui ..." (relative clauses), "et <verb>" (coordinated verbs
sharing a subject). Each function takes one sentence and returns its pieces; one
piece means nothing was split. Nothing inside « guillemets » is split.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import french, lexicon

#: Pronouns that may stand between a subject and its verb ("leur" and "lui" are left
#: out: "et leur recherche" is far more often a determiner and a noun).
_CLITICS = {"se", "s'", "s\u2019", "ne", "n'", "n\u2019", "y", "en"}
_DETERMINERS = {
    "le": "Le",
    "la": "La",
    "les": "Les",
    "l'": "L'",
    "l\u2019": "L\u2019",
    "un": "Ce",
    "une": "Cette",
    "des": "Ces",
    "du": "Le",
    "au": "Le",
    "aux": "Les",
    "ce": "Ce",
    "cet": "Cet",
    "cette": "Cette",
    "ces": "Ces",
    "son": "Son",
    "sa": "Sa",
    "ses": "Ses",
    "leur": "Leur",
    "leurs": "Leurs",
    "notre": "Notre",
    "nos": "Nos",
}
_NOT_BEFORE_VERB = frozenset(
    "le la les un une des du au aux ce cet cette ces son sa ses leur leurs mon ma mes de d' "
    "l' notre nos votre vos quelques plusieurs chaque".split()
)
_QUANTIFIERS = frozenset(
    "certaines certains plusieurs quelques toutes tous chaque nombreuses nombreux".split()
)
_PRONOUNS = {"il": "Il", "elle": "Elle", "ils": "Ils", "elles": "Elles", "on": "On"}


#: A comma that can be a clause boundary: never the decimal comma of "85,50 €".
CLAUSE_COMMA = r"(?:(?<!\d),|,(?!\d))"
#: Any character but a clause comma (a decimal comma is part of its number).
NOT_CLAUSE_COMMA = r"(?:[^,]|(?<=\d),(?=\d))"

#: What a cut must never take away: a condition, an exception, a negation, a deadline,
#: an amount, a frequency. (Alternatives, "A ou B", may go whole, never one of them:
#: see safe_cut.)
_PROTECTED_RE = re.compile(
    r"(?:^|\s)sinon\s|\bdans la limite\b|\bmaximum\b|\bminimum\b"
    r"|\b(?:si|s['\u2019]ils?|sauf|sans|hormis|excepté|exceptés?|uniquement|seulement|"
    r"moyennant|faute|lorsqu['\u2019e]|quand)\b"
    r"|\bà condition\b|\bsous réserve\b|\bà moins\b|\bà l['\u2019]exception\b|\ben cas d"
    r"|\bpour autant\b|\bsur présentation\b|\bà défaut\b|\ble cas échéant\b"
    r"|\b(?:ne|n['\u2019])\s?\w+\s(?:pas|plus|jamais|rien|aucun|aucune|guère|que|qu['\u2019])\b"
    r"|\b(?:pas|non(?!-)|jamais|aucun|aucune|nul|nulle)\b"
    r"|\bavant (?:le|la|l['\u2019]|les|\d)|\bau plus (?:tard|tôt)\b|\bjusqu['\u2019]"
    r"|\bà partir d|\bdès (?:le|la|l['\u2019]|que|qu['\u2019]|\d)",
    re.IGNORECASE,
)
#: An amount or a frequency, protected where it hangs on the head ("685 € | par enfant"),
#: not in a later aside of its own (", soit une hausse de 18 %").
_MEASURE_RE = re.compile(
    r"\d\s?(?:€|%|euros?\b|EUR\b)|\bpour cent\b|\bmillions?\b|\bmilliards?\b|\bfois\b"
    r"|\bpar (?:mois|semaine|an|année|jour|heure|nuit|trimestre|personne|enfant|"
    r"ménage|adulte|famille|habitant|tête|animation|séance)\b"
    r"|\b(?:chaque|tous les|toutes les)\s(?:\d+\s)?(?:jours?|semaines?|mois|ans|années?|heures?"
    r"|matins?|soirs?|week-ends?|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?"
    r"|dimanches?|trimestres?)\b",
    re.IGNORECASE,
)
#: A head ending on these has lost what they announce (a deadline, an exception).
_OPEN_MARKER_RE = re.compile(
    r"\b(?:au plus (?:tard|tôt)|au moins|au minimum|au maximum|avant|après|jusqu'\w*|sauf"
    r"|sans|dès|à partir|excepté|hormis|uniquement|seulement)$",
    re.IGNORECASE,
)
#: Words a cut head must not end on: its unit or alternative is still to come.
_UNIT_HEADS = frozenset("fois".split())


def protected(part: str) -> bool:
    """Whether ``part`` says something a cut must not take away (see _PROTECTED_RE)."""
    return _PROTECTED_RE.search(part.replace("\u2019", "'")) is not None


def _first_phrase(tail: str) -> str:
    """The words of a cut-off tail up to its first finite verb or strong stop: the part
    that hangs on the head (a later clause has its own subject)."""
    words = tail.split()
    out: list[str] = []
    for i, word in enumerate(words):
        if i > 0 and verb_at(words, i):
            break
        if word in (";", ":") or word.endswith((";", ":")):
            out.append(word.rstrip(";:"))
            break
        out.append(word)
    return " ".join(out)


_LIST_PREPOSITIONS = frozenset("à au aux de du des d' par pour avec en dans sur chez".split())


def _kind(word: str) -> str:
    key = word.lower().replace("\u2019", "'")
    if key in _LIST_PREPOSITIONS or key.startswith("d'"):
        return "prep:" + ("de" if key in ("de", "du", "des") or key.startswith("d'") else key)
    if key in _DETERMINERS or key.startswith("l'"):
        return "det"
    entry = lexicon.entry(key)
    if entry is not None and "ADJ" in entry.cgram and "NOM" not in entry.cgram:
        return "adj"
    return "other"


def _continues_list(head: list[str], phrase: str) -> bool:
    """Whether a dropped phrase goes on with more items of a list whose first item ends
    the head: "la zone de police | , le SPW et le CPAS", "situation familiale | ,
    financière ou de logement", "à votre médecin | , à votre pharmacien ou au centre".
    "agent de réseau | , pour harmoniser et coordonner ...": a new phrase, not a list."""
    words = phrase.split()
    if not words or not re.search(r"(?:^|\s)(?:et|ou|ni)\s", " " + phrase):
        return False
    kind = _kind(words[0])
    tail_end = [w.lower().replace("\u2019", "'") for w in head[-6:]]
    if kind == "det":
        # The head ends on a noun phrase: a determiner among its last words, no verb after.
        return any(_kind(w) == "det" for w in tail_end[-5:])
    if kind.startswith("prep:"):
        return any(_kind(w) == kind for w in tail_end)
    if kind == "adj":
        return _kind(head[-1]) == "adj" or (
            (e := lexicon.entry(head[-1].strip(","))) is not None and "ADJ" in e.cgram
        )
    return False


#: "les plans récemment adoptés": when, not which; "les montants indûment perçus": which.
_WHEN_ADVERBS = frozenset(
    "récemment déjà nouvellement précédemment initialement officiellement progressivement "
    "finalement".split()
)


def _clause_follows(words: list[str]) -> bool:
    """Whether the words after "et" are a clause or an action ("le CAI estime",
    "répondre à", "publie"), not one more noun ("des permanences")."""
    if words and (_infinitive(words[0]) or verb_at(words, 0)):
        return True
    relative = re.compile(r"^(?:qui|que|dont|où|qu['\u2019]\w*)$", re.IGNORECASE)
    for i in range(1, len(words)):
        if verb_at(words, i) and not any(relative.match(w) for w in words[max(0, i - 3) : i]):
            return True  # "et le CAI, malgré qu'il ..., estime": not the verb of "qu'il"
    return False


#: What a reader must do, bring or meet: every item of such a sentence counts.
_DUTY_RE = re.compile(
    r"\b(?:doi[st]|doivent|devez|devra|devront|faut|obligatoires?|nécessaires?|exigée?s?|"
    r"requise?s?|conditions?|documents?|pièces?|apporte[rz]?|remettre|fourni[rs]|payer|"
    r"payez|avoir|être|seulement|uniquement|sauf|si|ou)\b|:",
    re.IGNORECASE,
)


def safe_cut(head: str, tail: str) -> bool:
    """Whether ``head`` may be kept alone, ``tail`` (what follows it) dropped, without
    changing what the head says: no alternative, condition, negation, deadline, amount
    or frequency goes, no list is cut after its first item, no restricting participle
    or adjective ("les montants indûment perçus") is taken from its noun."""
    head_words = head.rstrip(" ,").split()
    comma = tail.strip().startswith(",") or head.rstrip().endswith(",")
    tail = tail.strip().lstrip(",").strip()
    if not head_words or not tail:
        return True
    if head_words[-1].lower().strip(",") in _UNIT_HEADS:
        return False  # "2 fois | par mois"
    first_word = tail.split()[0]
    first_entry = lexicon.entry(first_word.strip(".,"))
    complement = not comma and (
        _kind(first_word) == "prep:de"
        or (
            first_entry is not None
            and (first_entry.is_past_participle or "ADJ" in first_entry.cgram)
        )
    )
    if complement and (
        any(w.lower() in ("ou", "ni") for w in head_words[-5:])
        or any(w.lower() == "et" for w in head_words[-3:])
    ):
        return False  # "par un avocat ou par un délégué | d'une organisation syndicale"
    if _OPEN_MARKER_RE.search(" ".join(head_words[-3:]).replace("\u2019", "'")):
        return False  # "est constituée au plus tard | à l'entrée dans les lieux"
    first = tail.split()[0].lower()
    last_segment = head.rstrip(" ,").split(", ")[-1].split() if ", " in head else []
    if (
        comma
        and last_segment
        and last_segment[0][:1].isupper()
        and last_segment[0].lower() not in _DETERMINERS
        and last_segment[0].lower() not in _PRONOUNS
        and not any(verb_at(last_segment, i) for i in range(len(last_segment)))
    ):
        return False  # "coordonne, autour du 18 décembre, Journée internationale ... |": a name
    if re.search(r"(?:^|,\s)mais\b", tail, re.I) and re.search(
        r"\b(?:ne|n['\u2019])\S*(?:\s\S+){0,3}\s(?:pas|plus)\b", " ".join(head_words[-8:])
    ):
        return False  # "n'est pas une fin en soi | , mais une occasion ...": the point is after
    if _NOT_ONLY_RE.search(" ".join(head_words)) and re.search(r"\bmais\b", tail, re.I):
        return False  # "il ne s'agit plus seulement d'accueillir | , mais aussi d'agir"
    phrase = _first_phrase(tail)
    if first in ("et", "ou", "ni"):
        # "..., et le CAI estime ...", "et répondre à ...": another clause or action may
        # go, whole; "et des permanences", "ou par un délégué": the second item of what
        # the head says may not, nor may any alternative.
        if first != "et":
            return False
        if len(head_words) >= 2 and head_words[-2].lower() == "entre":
            return False  # "entre 2015 | et 2017", "entre mars | et juin": a range
        # "sur la formation des intervenants | et la validation de leurs compétences":
        # in a story, the second item is a detail a summary may leave; in what a reader
        # must do, bring or meet, it is not.
        return _clause_follows(tail.split()[1:]) or not _DUTY_RE.search(head)
    attached = re.split(CLAUSE_COMMA + r"\s", phrase)[0]
    if protected(phrase) or (not comma and _MEASURE_RE.search(attached)):
        return False
    if (comma or first in _DETERMINERS or _kind(first) != "other") and _continues_list(
        head_words, phrase
    ):
        return False  # "la zone de police | , le SPW et le CPAS": a list cut after one item
    entry = lexicon.entry(first.strip(".,"))
    second = lexicon.entry(tail.split()[1].strip(".,")) if len(tail.split()) > 1 else None
    if (
        entry is not None
        and entry.cgram == frozenset({"ADV"})
        and second is not None
        and second.is_past_participle
    ):
        return False  # "les montants | indûment perçus"
    if entry is not None and (entry.is_past_participle or "ADJ" in entry.cgram):
        nxt = tail.split()[1].lower().strip(".,") if len(tail.split()) > 1 else ""
        bare = not nxt or nxt in ("et", "ou", "ni", ",") or tail.split()[0].endswith(",")
        before = lexicon.entry(head_words[-1].strip(","))
        adverb = (
            before is not None
            and before.cgram == frozenset({"ADV"})
            and head_words[-1].lower() not in _WHEN_ADVERBS
        )
        indefinite = (
            not comma
            and len(head_words) >= 2
            and (
                head_words[-2].lower().replace("\u2019", "'") in ("un", "une", "d'un", "d'une")
                # "en mémoire des personnes | décédées en Méditerranée": which ones
                or (head_words[-2].lower() in ("des", "les") and entry.is_past_participle)
            )
        )
        if bare or adverb or head_words[-1].lower() == "non" or indefinite:
            # "les montants indûment perçus", "les factures non payées"; "défendre une
            # approche | fondée sur la confiance": which one is said by what follows
            return False
    return True


#: Openers that say for whom, when, where or on which condition the sentence holds:
#: "Pour les seconds résidents, le montant ..." is false without them.
_RESTRICTIVE_OPENER_RE = re.compile(
    r"^(?:parmi|chez|sauf|excepté|hormis|si|s'ils?|lorsqu|quand|dès|jusqu"
    r"|(?:avant|après) (?:\d|(?:le|la|l') ?\d|de |d'|midi|minuit|avoir|être)"
    r"|à partir|à compter|à l'exception|au-delà|au-dessus|en dessous|en dehors|hors"
    r"|en cas|dans ce cas|dans ces cas|dans certains cas|dans les cas|dans tous les cas"
    r"|dans le cas|sous (?:réserve|condition|peine)|depuis (?:le|la|l'|\d)|à condition"
    r"|à défaut|faute|sans|pendant|durant|entre (?!autres)|en ce qui concerne"
    r"|quant aux? (?!lui\b|elle\b|eux\b|elles\b)|quant à (?:la|l')"
    r"|pour (?!ce faire\b|cela\b|toute? |tous |toutes |plus d|en savoir)"
    r"|par (?:personne|ménage|enfant|mois|an|jour|semaine|famille|adulte)"
    r"|selon (?:les cas|le cas|la situation|votre|vos|son|sa|ses|leur|leurs|l'âge|le revenu"
    r"|les revenus|le nombre|la durée|le type|la composition|le statut|la commune)"
    r"|uniquement|seulement|au plus|au moins)",
    re.IGNORECASE,
)


def restrictive_opener(segment: str, rest: str = "") -> bool:
    """Whether an opening segment ("Pour les seconds résidents", "Parmi elles", "À Namur")
    restricts who, what, when, where or under which condition ``rest`` holds. A place
    before a named subject says where the name is ("À Namur, le CAI accueille ..."): not
    a restriction; before anything else it is ("À Charleroi, les listes d'attente ...")."""
    plain = segment.replace("\u2019", "'").strip(" ,")
    words = plain.split()
    if not words:
        return False
    if words[0].lower() == "pour" and any(_infinitive(w) for w in words[1:3]):
        return False  # "Pour mieux comprendre, ...": a purpose
    if _RESTRICTIVE_OPENER_RE.match(plain):
        return True
    # "À Namur, ...", "En province de Namur, ...", "Dans les écoles de Jambes, ...": where.
    place = words[0].lower() in ("à", "en", "dans", "au", "aux", "sur") and any(
        w[:1].isupper() for w in words[1:]
    )
    after = rest.split()
    if place and after:
        name = after[1] if after[0].lower() in ("le", "la", "les", "l'") and len(after) > 1 else ""
        name = name or (after[0][2:] if re.match(r"^[Ll]['\u2019]", after[0]) else after[0])
        if name[:1].isupper() and after[0].lower() not in _PRONOUNS:
            return False
    return place


@lru_cache(maxsize=4096)
def count_words(text: str) -> int:
    """Words as the checker counts them (elisions split: "l'accueil" is 2)."""
    return len(french.words(text))


def finish(text: str) -> str:
    """A sentence with a capital letter and one final stop, spaces tidied."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:–-")
    # "Un quiz, « Vrai ou faux ? » est distribué": its closing comma went with an aside
    text = re.sub(r"^([^,«»]{2,40}), («[^«»]{1,60}») (?=[a-zé])", r"\1 \2 ", text)
    text = re.sub(r"\s+([,.])", r"\1", text)
    if not text:
        return text
    if text[0] == "«" or text[0].isdigit():
        pass
    else:
        text = text[0].upper() + text[1:]
    if text[-1] not in '.!?…»"':
        text += "."
    elif text[-1] in '»"' and not text.rstrip('»" ').endswith((".", "!", "?")):
        text += "."
    return text


def _outside_quotes(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``pattern`` that are not inside « guillemets » or "quotes"."""
    out = []
    for m in pattern.finditer(text):
        before = text[: m.start()]
        if (
            before.count("«") > before.count("»")
            or before.count("\u201c") > before.count("\u201d")
            or before.count('"') % 2
        ):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=8192)
def _is_finite(word: str) -> bool:
    if len(word) < 2 and word.lower() != "a":
        return False
    entry = lexicon.entry(word.strip(",.;:"))
    if entry is None or not ({"VER", "AUX"} & entry.cgram):
        return False
    if {"PRE", "CON", "ART:def", "ART:ind"} & entry.cgram:
        return False  # "entre", "or": read as the preposition or conjunction
    if any(v.startswith("inf") for v in entry.infover) and word.lower().endswith(
        ("er", "ir", "re", "oir")
    ):
        return False  # "et prévenir ...": an infinitive, whatever Lexique's other rows say
    finite = any(v.startswith(("ind:", "cnd:")) for v in entry.infover)
    # Third person, and "nous"/"vous" of letters; never 1s/2s, which collide with nouns.
    third = any(v.endswith(("3s", "3p", "1p", "2p")) for v in entry.infover)
    return finite and third


def verb_at(words: list[str], i: int) -> bool:
    """Whether a finite verb starts at ``words[i]`` (after optional clitics)."""
    before = re.sub(r"^(?:d|l|qu)['\u2019]", "", words[i - 1].lower()) if i > 0 else ""
    if before in _NOT_BEFORE_VERB:
        return False  # "une note", "d'une note", "la lance": a noun after a determiner
    if before in ("en", "à", "pour", "par", "sur", "avec", "sans"):
        entry = lexicon.entry(words[i].strip(",.;:"))
        if entry is not None and "NOM" in entry.cgram:
            return False  # "mis en place": a noun after a preposition
    start = i
    while i < len(words) and words[i].lower() in _CLITICS:
        i += 1
    if i > start and words[i - 1].lower() == "en" and i < len(words):
        entry = lexicon.entry(words[i].strip(",.;:"))
        if entry is not None and "NOM" in entry.cgram:
            return False  # "mis en place": "en" is the preposition, "place" a noun
    if i < len(words) and re.match(r"^[sn][’']", words[i].lower()):
        return _is_finite(words[i][2:])
    return i < len(words) and _is_finite(words[i])


def split_semicolons(text: str) -> list[str]:
    """ "X ; Y" becomes "X." and "Y."."""
    matches = _outside_quotes(text, re.compile(r"\s*;\s*"))
    if not matches:
        return [text]
    pieces, pos = [], 0
    for m in matches:
        pieces.append(text[pos : m.start()])
        pos = m.end()
    pieces.append(text[pos:])
    return [finish(p) for p in pieces if len(p.split()) >= 3] or [text]


_ITEM_CONDITION_RE = re.compile(
    r"(?:le cas échéant|si nécessaire|si besoin|si possible|au besoin|éventuellement|"
    r"selon les cas|s'il y a lieu)",
    re.IGNORECASE,
)


def _is_list(tail: str) -> list[str]:
    """Items of an enumeration ("A, B et C") with no finite verb, else []."""
    items = re.split(CLAUSE_COMMA + r"\s*", tail.rstrip(" .…"))
    closing = re.match(r"^(?:et|ou)\s+(?:enfin\s+|aussi\s+|surtout\s+)?", items[-1])
    if closing and len(items) >= 3:
        # "..., et enfin l'égalité entre les femmes et les hommes": the last item, whole
        items[-1] = items[-1][closing.end() :]
    else:
        last = re.split(r"\s+et\s+(?!d['\u2019]|de\s)", items[-1])
        if len(last) == 2 and len(items) >= 2:
            items = items[:-1] + last
    items = [i.strip() for i in items if i.strip() and i.strip(" .") != "etc"]
    merged: list[str] = []
    pending = ""
    for item in items:
        item = re.sub(r"\s+(?:et|ou)$", "", item)  # "le courrier reçu de la commune et"
        if _ITEM_CONDITION_RE.fullmatch(item):
            pending = item + ", "  # "le cas échéant": it says when the next item holds
            continue
        merged.append(pending + item)
        pending = ""
    if pending:
        return []
    items = merged
    if len(items) < 3 or any(q in tail for q in '«»\u201c\u201d"'):
        return []
    # "aide aux devoirs", "guide pratique": a noun first, whatever else it may be
    if any(verb_at(i.split(), k) for i in items for k in range(1, len(i.split()))):
        return []
    if any(
        verb_at(i.split(), 0) and i.split()[0].lower() in _PRONOUNS for i in items
    ):
        return []
    return items


def split_colon(text: str) -> list[str]:
    """ "X : Y" becomes "X." and "Y."; "X : A, B et C" becomes "X :" and bullets."""
    matches = _outside_quotes(text, re.compile(r"\s+:\s+"))
    if len(matches) != 1:
        return [text]
    m = matches[0]
    head, tail = text[: m.start()].strip(), text[m.end() :].strip()
    if len(head.split()) < 3 or len(tail.split()) < 2:
        return [text]
    items = _is_list(tail)
    if items:
        return [finish(head)[:-1] + " :", *(f"- {i.rstrip('.')}" for i in items)]
    if announces(head):
        # "Le constat est simple : les travailleurs ...": the head says nothing alone.
        clause = tail[_opening(tail) :] if _opening(tail) else tail
        return [finish(tail)] if starts_clause(clause) else [text]
    if not any(verb_at(tail.split(), i) for i in range(min(6, len(tail.split())))):
        return [text]
    return [finish(head), finish(tail)]


def _noun(word: str) -> bool:
    entry = lexicon.entry(word.strip(",.;:"))
    return entry is not None and "NOM" in entry.cgram


_ANNOUNCING_ENDS = frozenset(
    "suivant suivante suivants suivantes ainsi ceci suit simple simples clair claire double "
    "triple multiple multiples évident évidente".split()
)


def announces(head: str) -> bool:
    """Whether the words before a colon only announce what follows it: "Le demandeur doit
    fournir", "Le constat est simple", "Les enquêtes le montrent depuis 2000"."""
    words = head.rstrip(" :.").split()
    if len(words) < 2:
        return False
    last = words[-1].lower().strip(",")
    infinitive_object = _infinitive(last) and (
        verb_at(words, len(words) - 2) or words[-2].lower() in _CLITICS
    )
    if last in _ANNOUNCING_ENDS or verb_at(words, len(words) - 1) or infinitive_object:
        # "doit fournir", "se compose de la manière suivante"; not "un rôle à jouer"
        return True
    for i in range(1, len(words)):
        key = words[i - 1].lower().replace("’", "'")
        if key in ("le", "la") and i >= 2 and _is_finite(words[i]) and not _noun(words[i]):
            return True  # "le montrent": "le" points at what follows
        if key.startswith("l'") and _is_finite(key[2:]) and not _noun(key[2:]):
            return True  # "l'énonce"
    return False


def split_but(text: str) -> list[str]:
    """ "X, mais Y" becomes "X." and "Mais Y."."""
    matches = _outside_quotes(text, re.compile(r",\s+mais\s+"))
    if not matches:
        return [text]
    m = matches[0]
    head, tail = text[: m.start()], text[m.end() :]
    if len(head.split()) < 4 or len(tail.split()) < 3:
        return [text]
    if not starts_clause(tail):
        return [text]  # "mais affecte aussi ...": no subject of its own
    return [finish(head), finish("Mais " + tail)]


def _noun_phrase(words: list[str]) -> str | None:
    """The noun phrase ending ``words``, starting at its determiner, as a new subject."""
    for back in range(1, min(6, len(words)) + 1):
        word = words[-back]
        if back > 1 and word.endswith((",", ";", ":")):
            return None  # "une décision, délai": two noun phrases, not one
        key = word.lower().replace("\u2019", "'")
        rest = words[len(words) - back + 1 :]
        start = len(words) - back + 1
        if any(verb_at(words, k) for k in range(start, len(words))):
            return None  # "le racisme sont 2 objectifs": not a noun phrase
        if key in _DETERMINERS:
            return " ".join([_DETERMINERS[key], *rest]) if rest else None
        elided = re.match(r"^([ld])'(.+)$", key)
        if elided:
            inner = elided.group(2)
            if elided.group(1) == "d" and inner in _DETERMINERS:
                # "d'un débat" -> "Ce débat"
                return " ".join([_DETERMINERS[inner], *rest]) if rest else None
            if elided.group(1) == "l":
                return " ".join(["L'" + word[2:], *rest])
            if elided.group(1) == "d" and back == 1 and word[2:3].islower():
                continue  # "le parcours d'intégration": the complement of a noun
            return None
        if word[:1].isupper() and back == 1 and key not in _PRONOUNS:
            before = words[-2].lower() if len(words) > 1 else ""
            if before in ("le", "la", "les"):
                return f"{before.capitalize()} {word}"  # "le CAI"
            return word  # a name: "Myria"
    return None


def _agrees(subject: str, verb: str) -> bool:
    """Whether a singular or plural subject fits the verb ("le Forem" + "proposent": no;
    "ces enfants" + "n'est": no)."""
    entry = lexicon.entry(re.sub(r"^[nsl]['\u2019]", "", verb.lower()))
    if entry is None:
        return True
    persons = {v.rsplit(":", 1)[-1] for v in entry.infover if v.startswith(("ind", "cnd"))}
    first = subject.split()[0].lower()
    plural = first in ("les", "des", "ces", "leurs", "nos") or subject.endswith(("s", "x"))
    if persons and persons <= {"3p", "1p", "2p"} and not plural:
        return False
    if persons and persons <= {"3s", "1s", "2s"} and first in ("les", "ces", "des"):
        return False
    return True


_LINKS = frozenset("de d' du des contre pour sur à au aux en avec dans entre par".split())


def _ambiguous_antecedent(words: list[str], subject: str) -> bool:
    """Whether the noun phrase before "qui" hangs on another noun: in "son plan de lutte
    contre la pauvreté, qui mobilisera", "qui" is the plan, not the poverty."""
    size = len(subject.split())
    if size >= len(words):
        return False
    det_index = len(words) - size
    before = words[det_index - 1].lower().replace("\u2019", "'")
    first = words[det_index].lower().replace("\u2019", "'")
    if before in _LINKS:
        return True
    if first in ("du", "des", "au", "aux") or re.match(r"^d'", first):
        entry = lexicon.entry(before)
        return entry is not None and "NOM" in entry.cgram and "VER" not in entry.cgram
    return False


def split_relative(text: str) -> list[str]:
    """ "NP, qui V1, V2 ..." -> "NP V1." + "NP V2 ..."; "..., NP, qui V" -> two sentences."""
    matches = _outside_quotes(text, re.compile(r",\s+qui\s+"))
    if not matches:
        return [text]
    m = matches[0]
    head, tail = text[: m.start()], text[m.end() :]
    subject = _noun_phrase(head.split())
    if subject is None or not verb_at(tail.split(), 0) or not _agrees(subject, tail.split()[0]):
        return [text]
    close = tail.find(", ")
    head_words = head.split()
    if not any(verb_at(head_words, i) for i in range(len(head_words))):
        # "Dès 2010, le parcours d'accueil, qui devient ..., connait ...": the relative
        # sits inside the main clause; the head alone is no sentence.
        if close > 0 and len(head_words) <= 8 and verb_at(tail[close + 2 :].split(), 0):
            relative, main = tail[:close], tail[close + 2 :]
            return [finish(f"{subject} {relative}"), finish(f"{head} {main}")]
        return [text]
    if _ambiguous_antecedent(head.split(), subject) and close < 0:
        # Who is "qui"? Unsure: the relative clause goes rather than get a wrong subject.
        return [finish(head)] if len(head.split()) >= 5 and is_sentence(head) else [text]
    if close > 0 and verb_at(tail[close + 2 :].split(), 0) and len(head.split()) <= 6:
        # Embedded: "Ce numéro, qui paraît en juin 2017, reprend les actes."
        relative, main = tail[:close], tail[close + 2 :]
        return [finish(f"{subject} {relative}"), finish(f"{head} {main}")]
    if len(head.split()) < 4:
        return [text]
    return [finish(head), finish(f"{subject} {tail}")]


def split_bare_relative(text: str, *, limit: int = 8) -> list[str]:
    """ "X ... au parcours d'intégration qui devient obligatoire." (no comma) ->
    "X ... au parcours d'intégration." + "Le parcours d'intégration devient obligatoire."."""
    if count_words(text) <= limit:
        return [text]
    cleft = re.match(
        r"^C['\u2019]est ((?:ce|cette|ces|le|la|les|l['\u2019])\s?[^,]{2,60}?) qui (.+)$", text
    )
    if cleft and verb_at(cleft.group(2).split(), 0):
        # "C'est cette démarche qui concerne le public." -> "Cette démarche concerne le public."
        return [finish(f"{cleft.group(1)} {cleft.group(2)}")]
    for m in _outside_quotes(text, re.compile(r"(?<=\w)\s+qui\s+")):
        head, tail = text[: m.start()], text[m.end() :]
        resumed = re.search(r",\s([a-zéèêàâîôûç]\w+)$", head)
        if resumed and _noun(resumed.group(1)) and resumed.group(1).lower() not in _DETERMINERS:
            # "... pour prendre une décision, délai qui peut être prolongé": the bare noun
            # sums up what came before; its clause goes with it.
            short = head[: resumed.start()]
            if len(short.split()) >= 4 and is_sentence(short):
                return [finish(short)]
            return [text]
        if len(head.split()) < 4 or not verb_at(tail.split(), 0) or "," in tail:
            continue
        subject = _noun_phrase(head.split())
        if subject is None or not is_sentence(head) or not _agrees(subject, tail.split()[0]):
            continue
        apposed = re.search(r",\s(?:un|une|des)\s[^,\s]+$", head)
        if apposed:
            # "devient le Centre d'action interculturelle, un nom qui reflète ...": the
            # apposition becomes the subject of its own line and leaves the first one.
            if not is_sentence(head[: apposed.start()]):
                continue
            head = head[: apposed.start()]
        if _ambiguous_antecedent(head.split(), subject):
            continue
        return [finish(head), finish(f"{subject} {tail}")]
    return [text]


def _subject(words: list[str], verb: int) -> str | None:
    """The subject before the verb at ``verb``: the words after the last comma."""
    prefix = " ".join(words[:verb])
    subject = prefix.split(", ")[-1].strip()
    n = len(subject.split())
    if not subject or n > 7 or " qui " in f" {subject} " or " que " in f" {subject} ":
        return None
    first = subject.split()[0].lower()
    quantifier = first in _QUANTIFIERS
    if (
        first not in _DETERMINERS
        and first not in _PRONOUNS
        and not quantifier
        and not subject[0].isupper()
    ):
        return None
    return subject


def _adjective_pair(before: str, after: str) -> bool:
    """ "étrangère et seconde": an adjective before "et" and a word that can be one after."""
    left, right = lexicon.entry(before.strip(",")), lexicon.entry(after.strip(",."))
    return (
        left is not None
        and right is not None
        and "ADJ" in left.cgram
        and not left.cgram & {"VER", "AUX"}
        and "ADJ" in right.cgram
    )


_INNER_CLAUSE_OPENERS = frozenset(
    "où qui que qu' qu’ dont lorsque lorsqu' quand si il elle ils elles on".split()
)


def _inner_clause(words: list[str], first_verb: int, at: int) -> bool:
    """Whether a clause with its own subject opens between the main verb and "et" at
    ``at`` ("..., moment où ils perdent la tutelle et doivent ..."): the verb after "et"
    may belong to it, not to the main subject."""
    for k in range(first_verb + 1, at):
        key = words[k].lower().strip(",")
        elided = re.match(r"^(?:qu|lorsqu)['’]", key)
        if key in _INNER_CLAUSE_OPENERS or elided:
            if any(verb_at(words, j) for j in range(k + 1, at)):
                return True
    return False


def split_coordination(text: str) -> list[str]:
    """ "S V1 X et V2 Y" becomes "S V1 X." and "S V2 Y."."""
    words = text.split()
    verbs = [i for i in range(1, len(words)) if verb_at(words, i)]
    if not verbs:
        return [text]
    first_verb = verbs[0]
    # Skip clitics to find where the subject ends.
    start = first_verb
    while start > 0 and words[start - 1].lower() in _CLITICS:
        start -= 1
    subject = _subject(words, start)
    if subject is None or "," in subject or (start > 0 and words[start - 1].endswith(",")):
        return [text]  # "La communication par courriel, téléphone et ... devient": a list
    for i in range(first_verb + 2, len(words) - 2):
        if words[i] in ("et", "puis") and verb_at(words, i + 1):
            if _adjective_pair(words[i - 1], words[i + 1]):
                continue  # "langue étrangère et seconde": two adjectives, not two actions
            head = " ".join(words[:i]).rstrip(",")
            if head.count("«") != head.count("»"):
                continue
            if _inner_clause(words, first_verb, i):
                return [text]  # "... 18 ans, moment où ils perdent X et doivent Y": theirs
            if not _agrees(subject, words[i + 1]):
                return [text]  # "Le projet ... et doivent": the verb has another subject
            tail = " ".join(words[i + 1 :])
            key = subject.split()[0].lower()
            if key in _PRONOUNS:
                subj = _PRONOUNS[key] + subject[len(key) :]
            else:
                subj = subject[:1].upper() + subject[1:]
            second = finish(f"{subj} {tail}")
            if text.rstrip().endswith(":"):
                second = second[:-1].rstrip() + " :"  # the list intro stays one
            return [finish(head), second]
    return [text]


def split_comma(text: str, *, limit: int) -> list[str]:
    """Last resort for a sentence still over ``limit`` words: cut at ", ce qui"."""
    if len(text.split()) <= limit:
        return [text]
    for joint, new in ((", ce qui ", "Cela "),):
        i = text.find(joint)
        if i > 0 and len(text[:i].split()) >= 4:
            return [finish(text[:i]), finish(new + text[i + len(joint) :])]
    return [text]


_FIXED_AFTER_EN = frozenset(
    "place compte œuvre oeuvre charge évidence valeur pause question lien contact avant".split()
)
#: Complements of place and time that a sentence can lose without breaking.
_TAIL_STARTS = frozenset("en dans lors auprès via".split())


#: Nouns of verbal phrases that need their object: "faire face à", "faire partie de",
#: "prendre part à", "faire appel à", "faire référence à", "donner suite à".
_OPEN_LOCUTION_RE = re.compile(
    r"(?:point d'honneur|l'accent|(?:leur|son|sa|le|un) focus(?: de travail)?|"
    r"(?:leur|son|sa|l') attention|(?:pour|de) but|l'objectif|"
    r"en cas|au cours|en matière|en termes|à l'égard|au sein|en vue|à l'issue|au profit)$",
    re.IGNORECASE,
)
#: Nouns that count or measure what their "de" complement names.
_QUANTITY_NOUNS = frozenset(
    "millions million milliers millier centaines centaine dizaines dizaine milliards "
    "milliard nombre plupart partie majorité moitié tiers quart quarts ensemble reste "
    "série multitude foule beaucoup peu plus moins tant".split()
)
_LOCUTION_NOUNS = frozenset(
    "face partie part appel référence allusion suite preuve recours attention écho".split()
)


_NOUN_ADJ_END_RE = re.compile(
    r"(?:elles?|els?|iques?|tions?|ismes?|istes?|ités?|aires?|ales?|aux|ives?|ifs?|ances?|"
    r"ences?)$"
)


def _is_adverb(word: str) -> bool:
    entry = lexicon.entry(word.strip(","))
    return entry is not None and entry.cgram == frozenset({"ADV"})


def _ends_well(words: list[str]) -> bool:
    """Whether a cut sentence ends on a noun, a name, a number or a closing quote."""
    last = re.sub(r"^(?:d|l|qu)['\u2019](?=\w)", "", words[-1].strip(",;:"), flags=re.I)
    if last.lower().replace("\u2019", "'") in _BAD_ENDINGS | _DANGLING:
        return False
    if last.lower() in _LOCUTION_NOUNS and len(words) > 1 and (
        _is_finite(words[-2])
        or (len(words) > 2 and _is_adverb(words[-2]) and _is_finite(words[-3]))
    ):
        # "font face", "fait partie", "font souvent appel": the object is still to come
        return False
    if _OPEN_LOCUTION_RE.search(" ".join(words[-4:]).replace("\u2019", "'").rstrip(".,;: ")):
        return False  # "met un point d'honneur | à former", "met l'accent | sur"
    if last in ("»", '"') or last[:1].isupper() or last[:1].isdigit():
        return True
    entry = lexicon.entry(last)
    before = re.sub(r"^(?:d|l)['\u2019]", "", words[-2].lower()) if len(words) > 1 else ""
    if (entry is None or "NOM" in entry.cgram) and before in _NOT_BEFORE_VERB:
        return True  # "des avancées", "des primo-arrivants": a noun after a determiner
    if entry is None:
        # "socioprofessionnelle", "interculturalité": a compound Lexique lacks, a noun or
        # an adjective by its ending.
        return len(last) >= 8 and last.islower() and _NOUN_ADJ_END_RE.search(last) is not None
    previous = lexicon.entry(before) if before else None
    if "ADJ" in entry.cgram and previous is not None and previous.cgram == frozenset({"NOM"}):
        return True  # "la radicalisation violente": an adjective after a noun
    return bool({"NOM", "ADJ"} & entry.cgram) and not ({"VER", "PRE", "ART:def"} & entry.cgram)


def _ends_on_noun(words: list[str]) -> bool:
    last = words[-1].strip(",;:") if words else ""
    if last in ("»", '"') or last[:1].isupper():
        return True
    entry = lexicon.entry(last)
    return entry is not None and entry.cgram == frozenset({"NOM"})


_ADJ_BEFORE_NOUN = frozenset(
    "jeunes jeune nouveaux nouvelles nouveau nouvelle autres autre anciens anciennes ancien "
    "ancienne petits petites grands grandes vieux vieilles".split()
)


def _range_end(words: list[str], cut: int) -> bool:
    """Whether ``words[cut]`` ("au", "à") closes a span opened by "du"/"de" just before."""
    if cut >= len(words) or words[cut].lower() not in ("au", "aux", "à"):
        return False
    before = words[max(0, cut - 3) : cut]
    return any(w.lower() in ("du", "de", "des", "d'", "entre") for w in before)


def trim_tail(text: str, *, limit: int) -> str:
    """Cut trailing complements ("... en province de Namur") off a sentence over ``limit`` words."""
    words = text.rstrip(".").split()
    if count_words(text) <= limit:
        return text
    for cut in range(len(words) - 1, 5, -1):
        nxt = words[cut + 1] if cut + 1 < len(words) else ""
        place = words[cut] == "à" and (
            nxt[:1].isupper()
            or (nxt in ("la", "l'") and cut + 2 < len(words) and words[cut + 2][:1].isupper())
        )
        # "un nouveau guichet destiné aux personnes ...": the participle phrase can go.
        entry = lexicon.entry(words[cut])
        before = re.sub(r"^(?:d|l)['\u2019]", "", words[cut - 1].lower())
        # "les primo-arrivants résidant en province": a present participle may go too,
        # when enough is left ("des personnes ayant un projet" must stay whole).
        present = (
            entry is not None
            and "par:pre" in entry.infover
            and cut >= 8
            and cut + 2 < len(words)
            and words[cut + 1] in ("en", "à", "dans")
            and words[cut + 2][:1].isupper() | (words[cut + 2] == "province")
        )
        participle = (
            entry is not None
            and (entry.is_past_participle or present)
            # "sa revue" is a noun; "les actions menées" a participle.
            and not ("NOM" in entry.cgram and before in _NOT_BEFORE_VERB)
            # "des jeunes réfugiés": a noun after an adjective that comes first.
            and not ("NOM" in entry.cgram and before in _ADJ_BEFORE_NOUN)
            and not _is_finite(words[cut])
        )
        if participle and cut >= 3 and words[cut - 2].lower() in ("un", "une"):
            # "devient un moyen reconnu pour ...": the participle is what is said.
            copula = {lemma for lemma in lexicon.lemmas(words[cut - 3])}
            if copula & {"être", "devenir", "rester"}:
                participle = False
        # "au"/"aux" start a tail only after a noun or a name: "les motions « ... » aux
        # majorités politiques", never "un passage massif au télétravail".
        after_noun = words[cut].lower() in ("au", "aux") and _ends_on_noun(words[:cut])
        theme = words[cut] == "sur" and " ".join(words[cut + 1 : cut + 3]) in (
            "le thème",
            "le territoire",
            "la question",
            "la province",
        )
        # "... pour faire venir de la main-d'œuvre": a purpose the sentence can lose.
        purpose = (
            words[cut] in ("pour", "afin")
            and cut + 1 < len(words)
            and (_infinitive(words[cut + 1]) or words[cut + 1] == "de")
        )
        after_noun = after_noun or theme or purpose
        if (
            words[cut].lower() not in _TAIL_STARTS
            and not place
            and not participle
            and not after_noun
        ):
            continue
        if _range_end(words, cut):
            continue  # "du lundi au vendredi", "du 18 au 29 août": one span
        if words[cut] == "en" and (
            words[cut - 1].lower() in ("prise", "mise", "mis", "mises", "pris")
            or (cut + 1 < len(words) and words[cut + 1].strip(".,") in _FIXED_AFTER_EN)
        ):
            continue  # "la mise en place", "la prise en compte": one expression
        if words[cut] == "en" and cut >= 2 and words[cut - 2].lower() == "de":
            continue  # "de mieux en mieux", "de plus en plus": one expression
        if not safe_cut(" ".join(words[:cut]), " ".join(words[cut:])):
            continue  # "des montants indûment perçus", "par un avocat ou par ..."
        head = words[:cut]
        adverb = lexicon.entry(head[-1])
        if participle and adverb is not None and adverb.cgram == frozenset({"ADV"}):
            head = head[:-1]  # "les plans récemment adoptés" -> "les plans"
        joined = " ".join(head)
        if count_words(joined) > limit:
            continue
        tail = words[cut:]
        if any(verb_at(tail, i) for i in range(1, len(tail))):
            continue  # the tail holds a clause of its own: cutting would break it
        if joined.count("«") != joined.count("»") or not _ends_well(head):
            continue
        if not any(verb_at(head, i) for i in range(len(head))):
            continue
        # "..., à un moment." says nothing once its participle is gone: drop it too.
        segment = joined.rsplit(", ", 1)
        if len(segment) == 2 and len(segment[1].split()) <= 4:
            parts = segment[1].split()
            first_word = parts[0].lower() if parts else ""
            if (
                first_word in ("à", "au", "aux", "en", "dans", "avec", "sur", "entre")
                and len(parts) > 1
                and not _infinitive(parts[1])
                and is_sentence(segment[0])
                and _ends_well(segment[0].split())
                and safe_cut(segment[0], ", " + segment[1])
            ):
                return finish(segment[0])
        return finish(joined)
    return text


#: Words a sentence cannot end on (determiners, negation left without its verb).
_DANGLING = frozenset(
    "sa son ses leur leurs ce cet cette ces pas plus jamais rien mon ma mes".split()
)
_BAD_ENDINGS = frozenset(
    "de d' à au aux le la les l' des du un une et ou que qu' qui pour avec par en dans sur "
    "ainsi donc notamment comme tels telles tel telle suivants suivantes lutte "
    # "le module d'accueil est.": the participle or attribute was cut away
    "est sont était étaient sera seront soit soient "
    # "se concentre surtout.": where, or on what, is gone
    "surtout principalement essentiellement particulièrement majoritairement".split()
)
#: Verbs that need an object: "Le Centre organise à Walcourt." has lost it.
_NEEDS_OBJECT = frozenset(
    "organiser développer lancer créer proposer mettre réaliser demander".split()
)


_SUBORDINATORS = (
    "si ",
    "s'il",
    "lorsque",
    "lorsqu'",
    "quand ",
    "comme ",
    "bien que",
    "alors que",
    "puisque",
    "parce que",
    "tandis que",
    "même si",
    "dès que",
    "afin que",
)
_WEAK_LAST = frozenset({"ADV", "PRE", "ART:def", "ART:ind", "CON", "PRO:rel"})


_NOT_ONLY_RE = re.compile(
    r"\b(?:pas|plus|non) (?:seulement|uniquement|simplement)\b", re.IGNORECASE
)
_CONDITION_TAIL_RE = re.compile(
    r",\s(?:si (?:nécessaire|besoin|possible)|le cas échéant|au besoin|en cas de besoin)$",
    re.IGNORECASE,
)


def is_sentence(line: str) -> bool:
    """Whether a line reads as a sentence: a main verb, and no dangling last word."""
    words = line.rstrip(".!?:… ").split()
    if len(words) < 3:
        return False
    last = words[-1].lower().replace("\u2019", "'").strip(",")
    if last in _BAD_ENDINGS:
        return False
    entry = lexicon.entry(last)
    if entry is not None and entry.cgram and entry.cgram <= _WEAK_LAST:
        return False  # "Le CAI organise également."
    if line.replace("\u2019", "'").lower().startswith(_SUBORDINATORS) and not _main_clause_after(
        line
    ):
        return False  # "Si la Flandre applique ..." says half of something
    if line.count("«") != line.count("»"):
        return False
    if _CONDITION_TAIL_RE.search(line.rstrip(".!?… ")):
        return False  # "Il a lieu, si nécessaire.": what the condition was about is gone
    for i in range(len(words) - 1):
        if verb_at(words, i) and _gap_after(words[i], words[i + 1]):
            return False  # "Le Centre engage dédié à ...": a word is missing in the source
    verbs = [i for i in range(len(words)) if verb_at(words, i)]
    if _noun_list_start(line):
        return False  # "Permanence téléphonique, rencontres mensuelles et guide ...": items
    if _only_relative_verbs(line):
        return False  # "Ce financement européen, qui se jumelle à d'autres.": no main verb
    if _LOST_INFINITIVE_RE.search(line.rstrip(".!?… ")):
        return False  # "pour permettre aux 2 personnes.": to do what?
    if (
        len(verbs) == 1
        and set(lexicon.lemmas(words[verbs[0]])) & (_NEEDS_OBJECT | _TRANSITIVE)
        and _ONLY_WHEN_RE.fullmatch(" ".join(words[verbs[0] + 1 :]).lower())
    ):
        return False  # "Depuis 2008, le CAI coordonne chaque année.": coordinates what?
    if _open_que(words, verbs):
        return False  # "Il demande que les psychologues de première ligne.": no verb after
    if (
        len(verbs) == 1
        and verbs[0] + 2 < len(words)
        and words[verbs[0] + 1].lower() in ("à", "en", "dans")
        and set(lexicon.lemmas(words[verbs[0]])) & _NEEDS_OBJECT
        and all(
            w[:1].isupper() or w.lower() in ("la", "le", "les", "l'", "l\u2019")
            or re.match(r"^[lL]['\u2019][A-ZÉ]", w) is not None
            for w in words[verbs[0] + 2 :]
        )
    ):
        return False  # "Le Centre organise à Walcourt.": the object is gone
    if verbs == [len(words) - 1]:
        entry = lexicon.entry(last)
        if entry is not None and "NOM" in entry.cgram:
            return False  # "L'ouverture d'un second centre.": a noun, not "centrer"
        before_last = lexicon.entry(words[-2].strip(",")) if len(words) > 1 else None
        if (
            entry is not None
            and "ADJ" in entry.cgram
            and before_last is not None
            and "NOM" in before_last.cgram
        ):
            return False  # "la thématique de la radicalisation violente.": no verb
    return bool(verbs)


#: "permettre à X" with no "de ..." after it: the infinitive was cut away.
_LOST_INFINITIVE_RE = re.compile(
    r"\b(?:permet|permettent|permettre|permettait|permettra|donne|donnent|donner|offre|"
    r"offrent|offrir|apporte|apportent|apporter)"
    r" (?:à|au|aux) (?:(?!\bde\b|\bd['\u2019])[^,;:])*$",
    re.IGNORECASE,
)


def _noun_list_start(line: str) -> bool:
    """ "Hébergement, cours de français, aide aux devoirs.": a list of bare nouns (no
    determiner) that a colon once announced, not a sentence."""
    m = re.match(r"^([A-ZÀ-Ý][a-zà-ÿœ-]+)(?: [a-zà-ÿœ-]+)?, (.+)$", line)
    if m is None:
        return False
    entry = lexicon.entry(m.group(1).lower())
    if entry is None or "NOM" not in entry.cgram or entry.cgram & {"ADV", "PRE", "CON"}:
        return False
    return not starts_clause(m.group(2))


def _only_relative_verbs(line: str) -> bool:
    """ "Ce financement européen, qui se jumelle à d'autres.": the only verbs are in a
    relative clause that runs to the end; the main clause has none."""
    m = re.search(r",\s(?:qui|dont|que|qu['\u2019]|où)\s?", line)
    if m is None:
        # "Le programme, construit avec 20 associations.": a participle aside, no verb
        m = re.search(r",\s(\w+)\s", line)
        entry = lexicon.entry(m.group(1)) if m else None
        if m is None or entry is None or not entry.is_past_participle:
            return False
    head = line[: m.start()].split()
    if any(verb_at(head, i) for i in range(len(head))):
        return False
    rest = line[m.end() :]
    # "..., qui V ..., V2 ...": the main verb comes after the clause
    return ", " not in rest


_TRANSITIVE = frozenset(
    "coordonner mener soutenir financer animer publier diffuser accueillir former "
    "rassembler réunir".split()
)
#: Nothing but when or how often: "chaque année", "en 2015", "aussi".
_ONLY_WHEN_RE = re.compile(
    r"(?:\s*(?:chaque (?:année|mois|semaine|jour)|(?:tous|toutes) les (?:ans|mois|semaines|"
    r"jours)|cette année|en \d{4}|depuis \d{4}|dès \d{4}|aussi|également|encore|déjà|"
    r"régulièrement|souvent|ensuite|alors|désormais|maintenant|toujours))*"
)


_SKIPPED_BEFORE_QUE = frozenset("aussi également encore donc alors surtout enfin".split())


def _open_que(words: list[str], verbs: list[int]) -> bool:
    """A "que" opening a clause after a verb ("demande que", "estime aussi que") with no
    finite verb after it: the cut took the clause's verb."""
    for k, word in enumerate(words):
        key = word.lower().replace("’", "'")
        if key != "que" and not key.startswith("qu'"):
            continue
        if any(w.lower() in ("ne", "n'") or w.lower().startswith(("n'", "n’"))
               for w in words[:k]):
            continue  # "ne ... que": only
        back = k - 1
        while back >= 0 and words[back].lower() in _SKIPPED_BEFORE_QUE:
            back -= 1
        if back < 0 or back not in verbs:
            continue
        after = words[k:]
        if key.startswith("qu'"):
            after = [word[3:], *words[k + 1 :]]
        if not any(verb_at(after, j) or _subjunctive(after[j]) for j in range(1, len(after))):
            return True
    return False


def _subjunctive(word: str) -> bool:
    """ "soient", "puisse": the verb of a "que" clause."""
    entry = lexicon.entry(word.strip(",.;:"))
    return (
        entry is not None
        and bool({"VER", "AUX"} & entry.cgram)
        and any(v.startswith("sub:") for v in entry.infover)
    )


def _main_clause_after(line: str) -> bool:
    """Whether a sentence opening on "Si ...", "Lorsque ..." goes on to its main clause:
    "Si vous n'êtes pas d'accord, vous pouvez introduire un recours."."""
    for m in _outside_quotes(line, re.compile(CLAUSE_COMMA + r"\s")):
        rest = line[m.end() :]
        if starts_clause(rest):
            return True
    return False


_LINKING = frozenset("être avoir devenir rester sembler paraître demeurer".split())


def _gap_after(verb: str, nxt: str) -> bool:
    entry = lexicon.entry(nxt)
    if entry is None or not entry.is_past_participle or "NOM" in entry.cgram:
        return False
    return not (set(lexicon.lemmas(verb)) & _LINKING)


_DROPPABLE_TAIL = frozenset(
    "pour afin qui en avec dans sur car puis dont où notamment comme tout sans grâce via "
    "tels telles tel telle lors auprès ainsi".split()
)


def trim_at_comma(text: str, *, limit: int) -> str:
    """For a sentence over ``limit`` words, keep the longest head before a comma that
    is a sentence on its own: "Le CAI agit comme agent de réseau, pour harmoniser ..."."""
    if count_words(text) <= limit:
        return text
    commas = [m.start() for m in _outside_quotes(text, re.compile(r",\s"))]
    for pos in reversed(commas):
        head, tail = text[:pos], text[pos + 2 :]
        tail_start = tail.split()[0].lower() if tail.split() else ""
        # An object or a "de ..." complement cannot go: "permet, ..., de travailler".
        if tail_start not in _DROPPABLE_TAIL and not _participle(tail_start):
            continue
        last_segment = head.split(", ")[-1].split()
        if not any(verb_at(last_segment, i) for i in range(len(last_segment))):
            continue
        if (
            count_words(head) <= limit
            and is_sentence(head)
            and _ends_well(head.split())
            and safe_cut(head, ", " + tail)
        ):
            return finish(head)
    return text


def _infinitive(word: str) -> bool:
    entry = lexicon.entry(word)
    return entry is not None and "inf" in entry.moods()


def _participle(word: str) -> bool:
    entry = lexicon.entry(word)
    return entry is not None and any(v.startswith("par:") for v in entry.infover)


def starts_clause(text: str) -> bool:
    """Whether ``text`` starts with a subject (determiner, pronoun or name) and has a verb."""
    words = text.split()
    if len(words) < 3:
        return False
    first = words[0].lower()
    subject = (
        first in _DETERMINERS
        or first in _QUANTIFIERS
        or first in ("près", "environ", "plus", "moins")
        or first[:1].isdigit()
        or first in _PRONOUNS
        or first in ("nous", "vous", "votre", "vos", "chaque", "on")
        or re.match(r"^l['\u2019]", first) is not None
        # a name ("Myria"), never an elided word ("D'une mise à jour ...")
        or (
            words[0][:1].isupper()
            and lexicon.entry(words[0]) is None
            and not re.search(r"['\u2019]", words[0])
        )
    )
    return bool(subject) and any(verb_at(words, i) for i in range(1, min(len(words), 12)))


_DEMONSTRATIVE = {
    "le": ("Ce", "ms"),
    "un": ("Ce", "ms"),
    "ce": ("Ce", "ms"),
    "cet": ("Cet", "ms"),
    "la": ("Cette", "fs"),
    "une": ("Cette", "fs"),
    "cette": ("Cette", "fs"),
    "les": ("Ces", "p"),
    "des": ("Ces", "p"),
    "ces": ("Ces", "p"),
}
_PRONOUN_NUMBER = {"Il": "ms", "Elle": "fs", "Ils": "p", "Elles": "p"}


def subject_of(line: str) -> tuple[str, str] | None:
    """The subject noun phrase at the start of a line, as a demonstrative ("Ces activités")
    with its gender/number ("ms", "fs", "p"), or None."""
    words = line.split()
    if not words or words[0].lower() not in _DEMONSTRATIVE:
        return None
    for i in range(1, min(len(words), 5)):
        if verb_at(words, i) or words[i].lower() in _CLITICS:
            noun = words[1:i]
            if not noun or any(w.endswith(",") for w in noun):
                return None
            det, number = _DEMONSTRATIVE[words[0].lower()]
            if noun[0][:1].isupper():
                det = words[0][:1].upper() + words[0][1:]  # "Le CAI", not "Ce CAI"
            elif det == "Ce" and noun[0][:1].lower() in "aeiouyéèêh":
                det = "Cet"
            return " ".join([det, *noun]), number
    return None


def resolve_pronoun(line: str, previous: str) -> str | None:
    """ "Elles aspirent à ..." after "Des activités sont organisées ..." ->
    "Ces activités aspirent à ..."; None when the pronoun cannot be resolved safely."""
    words = line.split()
    if not words or words[0] not in _PRONOUN_NUMBER or not verb_at(words, 1):
        return None
    found = subject_of(previous)
    if found is None or found[1] != _PRONOUN_NUMBER[words[0]]:
        return None
    return " ".join([found[0], *words[1:]])


_ITEM_START = re.compile(r"^(?:le|la|les|l['\u2019]|un|une|des|du|de|d['\u2019])", re.IGNORECASE)


def split_enumeration(text: str, *, limit: int = 12) -> list[str]:
    """ "Le plan prévoit A, B et C." (too long) -> "Le plan prévoit :" and one bullet each."""
    if count_words(text) <= limit:
        return [text]
    words = text.rstrip(".").split()
    verbs = [i for i in range(1, min(len(words), 8)) if verb_at(words, i)]
    if not verbs:
        return [text]
    cut = verbs[0] + 1
    head, rest = " ".join(words[:cut]), " ".join(words[cut:])
    items = [i.strip() for i in re.split(r",\s+", rest) if i.strip()]
    if len(items) < 2:
        return [text]
    last = re.split(r"\s+et\s+(?=(?:le|la|les|l['\u2019]|un|une|des|du)\b)", items[-1])
    items = items[:-1] + last
    if len(items) < 3 or not all(_ITEM_START.match(i) for i in items):
        return [text]
    if any(verb_at(i.split(), k) for i in items for k in range(len(i.split()))):
        return [text]
    if head.count("«") != head.count("»") or not starts_clause(head + " x"):
        return [text]
    return [finish(head)[:-1] + " :", *(f"- {i}" for i in items)]


#: Joints where a sentence too long to keep whole may be cut, its head kept.
_RESCUE_JOINTS = re.compile(
    r"\s:\s|\s;\s|,?\smais\b|,\s|,?\s(?:et|ou|puis)\s"
    r"|\s(?:qui|dont|pour|afin|avec|en|dans|sur|par|à|au|aux|grâce|depuis|lors|auprès|chez|vers|entre|contre|selon|alors|tandis|car|puisque|"
    r"lorsque|quand|où)\s"
    # "ouvertes du 18 au 29 août | du lundi au jeudi": a second span of time can go.
    r"|\s(?=(?:du|dès le|à partir du) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)"
)
_COORD_RE = re.compile(r",?\s(?:et|puis)\s")
_AUXILIARY_FORMS = frozenset(
    "est sont été a ont était étaient sera seront être avoir avait avaient fut".split()
)


_HALF_SAID = frozenset(
    "que qu' qu\u2019 ceux celles celui celle dont où lequel laquelle lesquels lesquelles "
    "contrairement qui".split()
)
#: "décidé de l'envisager": an object pronoun whose noun was cut away.
_LOST_OBJECT_RE = re.compile(
    r"\b(?:de|d['\u2019]|à|pour) (?:l['\u2019]\w+|(?:le|la|les) \w+(?:er|ir|re))\b"
)


_TIME_HEAD_RE = re.compile(
    r"^(?:(?:En|Dès|Depuis|Fin|Début|Le|Au|À partir de|Toujours en)\b[^,]{0,30}\d{4}"
    r"|Aujourd'hui|Aujourd\u2019hui|Ensuite|Puis|Alors|Maintenant), "
)


_TIME_SEGMENT_RE = re.compile(
    r"^(?:en|dès|depuis|fin|début|au début de|à partir de|jusqu'en)\s[^,]{0,25}\b(?:1[89]|20)\d\d$",
    re.IGNORECASE,
)


#: A subject that counts a share of people the opener names: "7 sur 10", "64 %",
#: "la moitié" (not "40 élèves", which says who).
SHARE_SUBJECT_RE = re.compile(
    r"^(?:(?:(?:près|plus|moins) de |environ )?\d+(?:[,.]\d+)? ?(?:%|pour cent|sur \d)|"
    r"(?:la|une) (?:moitié|majorité|minorité)|la plupart|(?:un|deux) tiers|"
    r"(?:un|trois) quarts?)",
    re.IGNORECASE,
)


def bare_count(text: str) -> bool:
    """ "71 avaient obtenu ...": a number with no noun, counting what came before."""
    words = text.split()
    return len(words) >= 2 and re.fullmatch(r"\d+", words[0]) is not None and verb_at(words, 1)


def _segments_verb(segment: str) -> bool:
    words = segment.split()
    return any(verb_at(words, i) and not _noun_head(words, i) for i in range(len(words)))


def _noun_head(words: list[str], i: int) -> bool:
    """ "Porte d'entrée du parcours, ...": a noun opening a segment, with its complement,
    not the verb "porter"."""
    return (
        i == 0
        and len(words) > 1
        and _noun(words[0])
        and re.match(r"^(?:de|du|des|d['\u2019])", words[1].lower()) is not None
    )


def _drop_opener_and_apposition(text: str, *, keep_time: bool = True) -> str:
    """ "En observant ..., le CAI décide ..." -> "Le CAI décide ..."; "le parcours, dispositif
    mis en place en 2010, cède ..." -> "le parcours cède ..." (asides without a verb)."""
    time = _TIME_HEAD_RE.match(text)
    prefix, rest = (text[: time.end()], text[time.end() :]) if time else ("", text)
    parts = rest.split(", ")
    # An opener: leading comma segments with no finite verb, before a clause.
    for k in range(1, min(len(parts), 4)):
        head, tail = ", ".join(parts[:k]), ", ".join(parts[k:])
        if _segments_verb(head) or head.count("«") != head.count("»"):
            break
        if head.split()[0].lower() in _DETERMINERS:
            break  # "les travailleurs sociaux des CPAS, des hôpitaux ... font": a subject
        if restrictive_opener(head, tail):
            break  # "Parmi elles, 742 ...", "Pour les seconds résidents, ...": it stays
        if SHARE_SUBJECT_RE.match(tail) or bare_count(tail):
            break  # "Selon une enquête auprès de 600 jeunes, 7 sur 10 ...": 7 of whom?
        if starts_clause(tail) and not starts_clause(head + "."):
            rest = tail
            # "Pourtant, en 2014, l'offre ...": the year stays, the connector goes.
            when = [p for p in parts[:k] if _TIME_SEGMENT_RE.match(p)]
            if not prefix and when and keep_time:
                prefix = when[-1][:1].upper() + when[-1][1:] + ", "
            break
    # An apposition between commas right after the subject, before its verb.
    m = re.match(r"^((?:\S+ ){1,5}?\S+), ([^,«»]{3,80}), (\S+)", rest)
    if m and not _segments_verb(m.group(1)) and not _segments_verb(m.group(2)):
        after = rest[m.end(2) + 2 :].split()
        if after and verb_at(after, 0):
            rest = m.group(1) + " " + rest[m.end(2) + 2 :]
    if prefix and rest[:1].isupper() and not rest.split()[0].isupper():
        first = rest.split()[0]
        if lexicon.entry(first) is not None:
            rest = rest[:1].lower() + rest[1:]
    return prefix + rest


#: "destinée aux habitants" says who an event is meant for: it can go ("Une séance aura
#: lieu ..." stays true). "réservée aux habitants" says who alone may come: it stays.
_SUBJECT_COMPLEMENT = frozenset(
    "pour destiné destinée destinés destinées relatif relative relatifs relatives".split()
)


_TOPIC_COMPLEMENT = frozenset("relatif relative relatifs relatives".split())


def _trim_subject(text: str, *, words_of: frozenset[str] = _SUBJECT_COMPLEMENT) -> str:
    """ "Une séance d'information pour les habitants du quartier aura lieu le ..." ->
    "Une séance d'information aura lieu le ...": a long subject loses its complement;
    "En 1996, le décret wallon relatif à l'intégration ... reconnaît" -> "En 1996, le
    décret wallon reconnaît" (a date before the subject stays)."""
    time = _TIME_HEAD_RE.match(text)
    if time and words_of is _SUBJECT_COMPLEMENT:
        rest = text[time.end() :]
        # After a date, only "relatif à ..." goes: "ce besoin d'aide pour la demande de
        # nationalité" says what the need is.
        trimmed = _trim_subject(rest, words_of=_TOPIC_COMPLEMENT)
        return text if trimmed == rest else text[: time.end()] + trimmed
    words = text.split()
    verb = next((i for i in range(1, min(len(words), 16)) if verb_at(words, i)), None)
    if verb is None or verb < 5 or any(w.endswith(",") for w in words[:verb]):
        return text
    start = verb
    while start > 0 and words[start - 1].lower() in _CLITICS:
        start -= 1
    for i in range(2, start):
        if words[i].lower() in words_of:
            return " ".join(words[:i] + words[start:])
    return text


def _opening(line: str) -> int:
    """Length of what opens ``line`` before its main clause: a date ("En 2016, "), a
    restricting opener ("Pour les seconds résidents, ") or a condition ("Si vous n'êtes
    pas d'accord avec cette décision, "); 0 when there is none."""
    time = _TIME_HEAD_RE.match(line)
    if time:
        return time.end()
    m = re.match(r"^(" + NOT_CLAUSE_COMMA + r"{3,120}?)" + CLAUSE_COMMA + r"\s", line)
    if m is None or m.group(1).count("«") != m.group(1).count("»"):
        return 0
    head = m.group(1)
    plain = head.replace("\u2019", "'").lower()
    condition = plain.startswith(_SUBORDINATORS) and len(head.split()) <= 14
    if condition or (restrictive_opener(head) and not _segments_verb(head)):
        return m.end()
    return 0


def plain_clause(line: str) -> bool:
    """A cut line that reads whole: subject, then its finite verb within the first words,
    no clause left open ("que ...", "ceux ...") and no list or colon."""
    line = line[_opening(line) :]
    if not starts_clause(line) or any(c in line for c in ":;–—"):
        return False
    words = line.rstrip(".").split()
    if any(w.lower().strip(",") in _HALF_SAID or w.lower().startswith(("qu'", "qu\u2019"))
           for w in words):
        return False
    first = next((i for i in range(len(words)) if verb_at(words, i)), None)
    if first is None or not 1 <= first <= 8:
        return False
    entry = lexicon.entry(words[first])
    if words[first - 1].lower() in ("et", "ou") and entry is not None and (
        {"ADJ", "NOM"} & entry.cgram
    ):
        return False  # "Le cadre législatif et pratique ...": an adjective, not a verb
    for m in _LOST_OBJECT_RE.finditer(line):
        verb = re.sub(r"^l['\u2019]", "", m.group().split()[-1])
        if _infinitive(verb):
            return False
    for i in range(1, first):
        if _infinitive(words[i]) and words[i - 1].lower() not in _LINKS | {"sans", "d'"}:
            return False  # "Le CAI prévenir ...": a list item glued to a subject
    for i, w in enumerate(words[first + 1 : -1], start=first + 1):
        e = lexicon.entry(w.strip(","))
        if (
            e is not None
            and "par:pre" in e.infover
            and w.lower().endswith("ant")
            and re.match(r"^(?:le|la|les|l['\u2019]|un|une|des|du)$|^l['\u2019]", words[i + 1])
            is not None
        ):
            return False  # "... contraignant le CAI": a participle clause cut short
    if words[-1][:1].isdigit() and words[-2].lower() in _NOT_BEFORE_VERB:
        return False  # "prennent en charge les 4": the noun after the number is gone
    return True


def rescue(text: str, *, limit: int, soft: int = 12, keep_time: bool = True) -> list[str]:
    """Lines that say the core of a sentence too long to keep whole: its longest head
    that is a sentence on its own, and a coordinated clause with its own subject
    ("X est important et le CAI estime ..." -> two lines). Empty when nothing reads well.
    A year said in a dropped opener ("Pourtant, en 2014, ...") stays when it fits."""
    without = finish(_drop_opener_and_apposition(finish(text), keep_time=False))
    if keep_time:
        timed = finish(_drop_opener_and_apposition(finish(text), keep_time=True))
        if timed != without:
            return _rescue(timed, limit=limit, soft=soft) or _rescue(
                without, limit=limit, soft=soft
            )
    return _rescue(without, limit=limit, soft=soft)


def _rescue(text: str, *, limit: int, soft: int) -> list[str]:
    if count_words(text) > limit:
        text = _trim_subject(text)
    if count_words(text) <= limit and is_sentence(text) and plain_clause(text):
        return [text]
    listed = split_enumeration(text, limit=soft)
    if len(listed) > 1 and all(count_words(p.removeprefix("- ")) <= limit for p in listed):
        return listed  # "Le parcours comprend :" and one bullet per part
    lines: list[str] = []
    body = text
    for m in _outside_quotes(text, _COORD_RE):
        tail = text[m.end() :]
        if not plain_clause(finish(tail)):
            continue
        head_lines = rescue(text[: m.start()], limit=limit, soft=soft)
        if head_lines:
            return head_lines + rescue(tail, limit=limit, soft=soft)
        body = text
        break
    heads: list[tuple[int, str]] = []
    for m in _outside_quotes(body, _RESCUE_JOINTS):
        head = body[: m.start()].rstrip(" ,")
        words = head.split()
        if len(words) >= 6 and words[-2].lower() not in _AUXILIARY_FORMS:
            final, previous = lexicon.entry(words[-1]), lexicon.entry(words[-2])
            if (
                final is not None
                and final.is_past_participle
                # "de mieux en mieux ciblé", "fortement sollicité": the participle is said.
                and not (previous is not None and "ADV" in previous.cgram)
                # "une permanence spécialisée": the participle says which one.
                and words[-3].lower().replace("\u2019", "'") not in ("un", "une", "d'un", "d'une")
            ):
                # "les actions de lutte contre X menées | dans ...": the participle goes too.
                words = words[:-1]
                head = " ".join(words)
        joint = m.group().strip(" ,")
        after_joint = body[m.end() :].split()
        if (
            joint in ("et", "ou")
            and words
            and after_joint
            and _adjective_pair(words[-1], after_joint[0])
        ):
            continue  # "le parcours scolaire | et professionnel": both say which one
        if joint == ":" and announces(head):
            continue  # "Le constat est simple | : ...": what it announces is gone
        if joint in ("à", "au", "aux") and _range_end([*words, joint], len(words)):
            continue  # "du lundi | au vendredi"
        if joint == "en" and len(words) >= 2 and words[-2].lower() == "de":
            continue  # "de mieux | en mieux": one expression
        if words and words[-1].lower() in ("du", "de", "des", "le", "la", "les", "un", "une"):
            continue
        n = count_words(head)
        if len(words) < 4 or n > limit:
            continue
        if ", " in head:
            last = head.rsplit(", ", 1)[-1].split()
            if not any(verb_at(last, i) for i in range(len(last))):
                continue  # "..., Journée internationale": an apposition cut in two
        candidate = finish(head)
        if (
            is_sentence(candidate)
            and _ends_well(words)
            and plain_clause(candidate)
            and safe_cut(head, body[len(head) :])
        ):
            heads.append((n, candidate))
    if not heads:
        # Last resort: before a "de" complement ("des cours | de français langue étrangère").
        for m in _outside_quotes(body, re.compile(r"\s(?=de\s|d['\u2019])")):
            head = body[: m.start()].rstrip(" ,")
            n = count_words(head)
            time = _TIME_HEAD_RE.match(head)
            if n > limit or n < 6 or ", " in head[time.end() if time else 0 :]:
                continue  # "En 2012, ..." may open it; an apposition may not be cut
            tail_words = head.split()[-2:]
            before_pair = head.split()[-3:-2]
            if (
                re.match(r"^l['\u2019]", tail_words[-1], re.IGNORECASE)
                or tail_words[0].lower() in ("le", "la", "les")
                # "devient le premier motif | d'ouverture d'un dossier": which one is after
                or (before_pair and before_pair[0].lower() in ("le", "la", "les"))
            ):
                continue  # "montre l'aspect | de ...": a definite noun needs its complement
            if tail_words[0].lower() in ("à", "au", "aux", "pour", "par", "chez"):
                continue  # "accordée aux bénéficiaires | de l'intervention majorée": who
            if tail_words[-1].lower().strip(",") in _QUANTITY_NOUNS:
                continue  # "pousse des millions | de personnes": millions of what?
            if any(
                re.fullmatch(r"\d[\d.,]*", w) and not re.fullmatch(r"(?:1[89]|20)\d\d", w)
                for w in head.split()[-3:-1]
            ):
                # "22 000 personnes | de nationalité étrangère", "les 8 centres régionaux |
                # d'intégration": what is counted is said after
                continue
            if any(w[:1].isupper() for w in tail_words):
                continue  # "le premier Plan local | d'intégration": a name is never cut
            if not safe_cut(head, body[m.start() :]):
                continue
            candidate = finish(head)
            if is_sentence(candidate) and _ends_well(head.split()) and plain_clause(candidate):
                heads.append((n, candidate))
    best: str | None = None
    if heads:
        n_best, best = max(heads)
        shorter = [h for h in heads if h[0] <= soft]
        if n_best > soft and shorter and max(shorter)[0] >= 0.8 * n_best:
            best = max(shorter)[1]  # nearly as much said, under the checker's warning
    if best is not None:
        lines.append(best)
    return lines


_NAMED_SUBJECT_RE = re.compile(
    r"^(?:[^,]{0,60}, )?(?:[Ll]e |[Ll]a |[Ll]['\u2019])?((?:[A-Z][A-Za-z]+ )?[A-Z]{2,}[a-z]*)\s"
)
_PRONOUN_LEAD_RE = re.compile(
    r"^((?:(?:En|Dès|Depuis|Fin|Début)\b[^,]{0,25}\d{4}, )?)(Il|Elle|il|elle)(?= )"
)


def resolve_to_name(line: str, previous: str) -> str | None:
    """ "En 2016, elle développe ..." after "Depuis sa création, le CAI a ..." ->
    "En 2016, le CAI développe ..."; only a named subject (an acronym) is taken."""
    m = _PRONOUN_LEAD_RE.match(line)
    if m is None:
        return None
    words = line.split()
    head = len(m.group(1).split())
    if not verb_at(words, head + 1):
        return None
    name_match = _NAMED_SUBJECT_RE.match(previous.strip())
    if name_match is None:
        return None
    rest = previous[name_match.end(1) :].split()
    if not rest or not verb_at(rest, 0):
        return None  # the name is not the subject of the sentence before
    article = previous[: name_match.start(1)].rsplit(", ", 1)[-1].strip().lower()
    name = f"{article} {name_match.group(1)}".strip() if article else name_match.group(1)
    name = name.replace("l' ", "l'").replace("l\u2019 ", "l\u2019")
    if not m.group(1):
        name = name[:1].upper() + name[1:]
    return m.group(1) + name + line[m.end() :]


_OPENING_DEMONSTRATIVE = {"Ce": "Un", "Cet": "Un", "Cette": "Une", "Ces": "Des"}


def indefinite_opening(line: str) -> str:
    """ "Ce séminaire présente ..." as a fiche's first line -> "Un séminaire présente ...":
    nothing before it says which one."""
    first, _, rest = line.partition(" ")
    if first not in _OPENING_DEMONSTRATIVE or not rest or rest[:1].isdigit():
        return line
    return f"{_OPENING_DEMONSTRATIVE[first]} {rest}"
