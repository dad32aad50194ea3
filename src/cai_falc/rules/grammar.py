"""Grammar rules: passive, negation, condition (hypotheses, conditional, subjunctive),
nominalisation. Precision first: each pattern lists the look-alikes it must not flag."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import lexicon
from ..french import Sentence, Token
from . import Context, Finding, rule

ETRE = frozenset(
    """suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons
    serez seront serais serait serions seriez seraient sois soit soyons soyez soient fus fut
    fûmes furent fût être étant été""".split()
)
AVOIR = frozenset(
    """ai as a avons avez ont avais avait avions aviez avaient aurai auras aura aurons aurez
    auront aurais aurait aurions auriez auraient aie aies ait ayons ayez aient avoir ayant
    eu eut""".split()
)
#: Verbs conjugated with « être » in the active voice (« il est venu »): never passive.
ETRE_VERBS = frozenset(
    """aller venir devenir revenir redevenir arriver partir repartir entrer rentrer sortir
    ressortir rester tomber retomber naître renaître mourir décéder retourner passer
    repasser monter remonter descendre redescendre parvenir intervenir survenir
    apparaître advenir provenir demeurer convenir""".split()
)
#: Participles read as adjectives after « être » (« le bureau est ouvert »): passive
#: only when an agent (« par ... ») follows.
STATIVE = frozenset(
    """ouvert ouverte ouverts ouvertes fermé fermée fermés fermées situé située situés situées
    né née nés nées mort morte morts mortes composé composée composés composées obligé obligée
    obligés obligées concerné concernée concernés concernées intéressé intéressée intéressés
    intéressées marié mariée mariés mariées divorcé divorcée divorcés divorcées séparé séparée
    séparés séparées âgé âgée âgés âgées fatigué fatiguée fatigués fatiguées occupé occupée
    occupés occupées perdu perdue perdus perdues habitué habituée habitués habituées
    satisfait satisfaite satisfaits satisfaites inquiet destiné destinée destinés destinées
    basé basée basés basées engagé engagée engagés engagées convaincu convaincue convaincus
    convaincues prêt prête prêts prêtes fini finie finis finies désolé désolée désolés
    désolées ravi ravie ravis ravies disposé disposée disposés disposées
    connu connue connus connues tenu tenue tenus tenues inscrit inscrite inscrits inscrites
    compris comprise inclus incluse incluses assuré assurée assurés assurées domicilié
    domiciliée domiciliés domiciliées installé installée installés installées limité limitée
    limités limitées réservé réservée réservés réservées interdit interdite interdits
    interdites réfugié réfugiée réfugiés réfugiées retraité retraitée retraités retraitées
    salarié salariée salariés salariées handicapé handicapée handicapés handicapées
    diplômé diplômée diplômés diplômées employé employée employés employées""".split()
)
#: « être fait de » (made of) describes a thing, it is not an action.
_MADE_OF = frozenset("fait faite faits faites composé composée composés composées".split())
#: Adverbs and negation words that may stand between « être » and the participle.
_BETWEEN = frozenset(
    """pas plus jamais bien très souvent toujours déjà aussi encore parfois vraiment tout
    mieux mal généralement également notamment ainsi alors donc ici maintenant désormais""".split()
)
_REFLEXIVE = frozenset(["se", "s'", "me", "m'", "te", "t'"])
_DETERMINERS = frozenset(
    """le la les l' un une des du de d' ce cet cette ces mon ma mes ton ta tes son sa ses
    notre nos votre vos leur leurs chaque""".split()
)
_SUBJECTS = frozenset("je j' tu il elle on nous vous ils elles".split())


def _words(s: Sentence) -> list[Token]:
    return [t for t in s.tokens if t.is_word]


def _between(ws: list[Token], norms: list[str], j: int) -> bool:
    """Words between « être » and its participle: « sont vivement recommandés »,
    « soient dûment complétées », « seront d’office considérés »."""
    if norms[j] in _BETWEEN:
        return True
    if norms[j] == "d'":
        return j + 1 < len(norms) and norms[j + 1] == "office"
    e = lexicon.entry(ws[j].text)
    return e is not None and e.cgram == {"ADV"} and norms[j].endswith("ment")


def _is_participle(tok: Token) -> bool:
    e = lexicon.entry(tok.text)
    if e is None:
        return _unlisted_participle(tok.norm)
    return "VER" in e.cgram and e.is_past_participle


def _unlisted_participle(word: str) -> bool:
    """A participle Lexique lacks (« scolarisés », « réorientée »): an -é(e)(s) form
    whose -er verb it knows (« scolariser »)."""
    stem = re.sub(r"é(?:e|es|s)?$", "", word)
    if stem == word or len(stem) < 3:
        return False
    e = lexicon.entry(stem + "er")
    return e is not None and "VER" in e.cgram


def _lemma_is_etre_verb(tok: Token) -> bool:
    e = lexicon.entry(tok.text)
    return e is not None and any(lemma in ETRE_VERBS for lemma in e.lemmas)


# ------------------------------------------------------------------------ passive


@rule("passive", "warning", "Voix active")
def passive(ctx: Context) -> Iterator[Finding]:
    """« être » + past participle, not pronominal (« s’est »), not « il est venu »."""
    for s in ctx.sentences:
        ws = _words(s)
        norms = [t.norm for t in ws]
        done: set[int] = set()
        i = 0
        while i < len(ws):
            n = norms[i]
            if n not in ETRE or (n == "été" and (i == 0 or norms[i - 1] not in AVOIR)):
                i += 1
                continue
            prev = norms[i - 1] if i else ""
            prev2 = norms[i - 2] if i > 1 else ""
            if prev in _REFLEXIVE or (prev in ("nous", "vous") and prev2 == prev):
                i += 1
                continue  # pronominal: « il s’est inscrit », « vous vous êtes inscrits »
            if prev == "ne" and prev2 in _REFLEXIVE:
                i += 1
                continue
            if prev in _DETERMINERS and n in ("est", "être", "été"):
                i += 1
                continue  # « à l’est », « un être », « l’été »
            if prev in ("c'", "ce", "ça", "cela"):
                i += 1
                continue  # « c’est fini », « c’est fermé »: a state, not an action
            if i + 1 < len(ws) and norms[i + 1] == "ce" and n in ("est", "sont"):
                i += 1
                continue  # « est-ce »
            j = i + 1
            while j < len(ws) and j <= i + 3 and _between(ws, norms, j):
                j += 2 if norms[j] == "d'" else 1
            if j < len(ws) and norms[j] == "été":
                i = j
                continue  # « sera été »: let « été » be examined with its own participle
            if j >= len(ws) or not _is_participle(ws[j]) or _lemma_is_etre_verb(ws[j]):
                i += 1
                continue
            agent = "par" in norms[j + 1 : j + 8]
            perfect = n == "été"
            if norms[j] in STATIVE and not agent and not perfect:
                i += 1
                continue  # « le bureau est ouvert », « vous êtes tenu de »: a state
            nxt = norms[j + 1] if j + 1 < len(norms) else ""
            if norms[j] in _MADE_OF and nxt in ("de", "d'", "du", "des") and not perfect:
                i += 1
                continue  # « le projet est fait d’actions »: what it is made of
            start = i - 1 if perfect and i else i
            done.add(j)
            yield ctx.finding(
                "passive",
                ws[start : j + 1],
                "Phrase à la voix passive. Dites qui fait l’action : "
                "« Le CAI organise la fête » plutôt que « La fête est organisée par le CAI ».",
            )
            i = j + 1
        for j in range(1, len(ws) - 2):
            if _to_be_done(ws, norms, j):
                yield ctx.finding(
                    "passive",
                    ws[j : j + 3],
                    f"Tournure passive (« {ws[j].text} à {ws[j + 2].text} »). Dites qui doit "
                    "le faire : « Envoyez le formulaire » plutôt que « Le formulaire est à "
                    "envoyer ».",
                )
        for j in range(len(ws) - 2):
            if j not in done and _participle_with_agent(ws, norms, j):
                yield ctx.finding(
                    "passive",
                    ws[j : j + 2],
                    f"Tournure passive (« {ws[j].text} par ... »). Dites qui fait l’action : "
                    "« Le décret crée le parcours » plutôt que « Créé par le décret, le "
                    "parcours... ».",
                )


#: After « par », what says how, when or how often, not who acts: « envoyé par la
#: poste », « payé par virement », « remboursé par mois ».
_NOT_AGENTS = frozenset(
    """poste courrier téléphone mail e-mail email internet virement carte écrit exemple jour
    semaine mois an année heure personne ailleurs hasard erreur cœur chance
    bus train voiture avion""".split()
)
_AGENT_DETERMINERS = frozenset(
    "le la les l' un une des son sa ses leur leurs votre vos notre nos ce cette ces".split()
)


def _to_be_done(ws: list[Token], norms: list[str], j: int) -> bool:
    """« Les inscriptions sont à envoyer », « le formulaire est à remplir »: « être à » and
    an infinitive after a noun (« il est à travailler » says where someone is busy)."""
    if norms[j] not in ETRE or norms[j + 1] != "à" or norms[j - 1] in _SUBJECTS:
        return False
    if norms[j - 1] in ("c'", "ce", "ça", "cela", "ne", "n'"):
        return False  # « c’est à vous de... »
    e = lexicon.entry(ws[j + 2].text)
    return e is not None and "inf" in e.infover and "VER" in e.cgram


def _participle_with_agent(ws: list[Token], norms: list[str], j: int) -> bool:
    """« Instauré par le décret », « les plafonds fixés par le Code »: a past participle
    and its agent without « être » (a passive all the same)."""
    if norms[j + 1] != "par" or ws[j].kind != "word" or (ws[j].text[:1].isupper() and j):
        return False
    e = lexicon.entry(ws[j].text)
    if e is None or "VER" not in e.cgram or not e.is_past_participle:
        return False
    if any(v.split(":", 1)[0] in ("ind", "sub", "cnd", "imp", "inf") for v in e.infover):
        return False  # « fait », « dit », « mis »... also finite: let the verb rule see them
    if _lemma_is_etre_verb(ws[j]):
        return False  # « passé par la gare »
    before = norms[max(0, j - 3) : j]
    if any(b in ETRE or b in AVOIR or b in _REFLEXIVE for b in before):
        return False  # « a été créé par », « il a envoyé par » : the main rule's, or active
    agent = ws[j + 2]
    if norms[j + 2] in _AGENT_DETERMINERS:
        return j + 3 < len(ws) and norms[j + 3] not in _NOT_AGENTS
    return agent.kind == "word" and agent.text[:1].isupper()


# ----------------------------------------------------------------------- negation

_CLOSERS = frozenset(
    "pas plus jamais rien personne aucun aucune guère nullement point nulle ni".split()
)
_NEG_SUBJECTS = frozenset("personne rien aucun aucune nul nulle jamais".split())
#: Verbs that make a negation with « ne » alone, in written French: « le dossier ne
#: pourra être traité », « il n’ose demander », « il ne cesse de ».
_NE_ALONE = frozenset(["pouvoir", "savoir", "oser", "cesser"])
#: Pronouns between « ne » and its verb (« ne le pourra », « n’y peut »).
_NE_PRONOUNS = frozenset("le la les l' lui leur y en me m' te t' se s' nous vous".split())
#: « sans doute » (probably), « sans cesse » (always): not negations for a reader.
_SANS_FIXED = frozenset("doute cesse arrêt faute encombre".split())


@rule("negation", "warning", "Phrases positives")
def negation(ctx: Context) -> Iterator[Finding]:
    """« ne ... pas/plus/jamais/rien/personne/aucun », « ni », « sans »; not the
    expletive « ne » (« avant qu’il ne parte ») nor « ne ... que »."""
    message = (
        "Phrase négative. Dites plutôt ce qui est vrai ou possible : "
        "« Restez chez vous » plutôt que « Ne sortez pas »."
    )
    for s in ctx.sentences:
        ws = _words(s)
        norms = [t.norm for t in ws]
        used: set[int] = set()
        for i, n in enumerate(norms):
            if n not in ("ne", "n'"):
                continue
            # « Personne ne vient », « Rien n’est gratuit », « Aucun papier n’est demandé »
            for back in range(max(0, i - 3), i):
                if norms[back] in _NEG_SUBJECTS and (
                    back == 0
                    or (norms[back - 1] not in _DETERMINERS and ws[back - 1].kind != "number")
                ):  # « 1 personne sur 3 n’a pas » : a noun, the negation is « n’a pas »
                    used.update(range(back, i + 1))
                    yield ctx.finding("negation", ws[back : i + 1], message)
                    break
            else:
                closed = False
                for j in range(i + 1, min(len(ws), i + 9)):
                    if norms[j] in ("ne", "n'") or _clause_break(s, ws[i], ws[j]):
                        break
                    if norms[j] in ("que", "qu'"):
                        closed = True
                        break  # « ne ... que » means « only », not a negation
                    if norms[j] in _CLOSERS:
                        closed = True
                        after = norms[j + 1] if j + 1 < len(norms) else ""
                        if norms[j] == "plus" and after in ("que", "qu'"):
                            break  # « vous ne payez plus que 1 € »: « only », not a negation
                        used.update(range(i, j + 1))
                        yield ctx.finding("negation", ws[i : j + 1], message)
                        break
                if not closed and (verb := _ne_alone(ws, norms, i)):
                    used.update(range(i, verb + 1))
                    yield ctx.finding("negation", ws[i : verb + 1], message)
        if norms[:1] == ["pas"] and norms[1:2] not in ([], ["à"]) and ws[0].text[:1].isupper():
            used.add(0)  # « Pas de panique ! », « Pas besoin de rendez-vous. »
            yield ctx.finding("negation", ws[:2], message)
        for i, n in enumerate(norms):
            if n == "non" and i not in used and _non_adjective(ws, norms, i):
                yield ctx.finding("negation", ws[i : i + 2], message)
        for i, n in enumerate(norms):
            if i in used:
                continue
            if n == "ni":
                yield ctx.finding("negation", [ws[i]], message)
                break
        for i, n in enumerate(norms):
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            if n == "sans" and i not in used and nxt not in _SANS_FIXED:
                yield ctx.finding(
                    "negation",
                    ws[i : i + 2],
                    "« sans » est une négation. Si possible, dites ce qu’il faut ou ce qui "
                    "est possible.",
                    severity="info",
                )


#: Words before « que » that call for an expletive « ne » (« avant qu’il ne... »).
_EXPLETIVE_BEFORE = frozenset(
    "avant moins peur crainte plus autre autrement mieux pire tard tôt".split()
)


def _ne_alone(ws: list[Token], norms: list[str], i: int) -> int:
    """The index of « pourra » in « ne pourra être traité » (« ne » + pouvoir, savoir,
    oser or cesser + an infinitive or « de », with no « pas »), else 0. Not the expletive
    « ne » (« à moins qu’il ne puisse venir », « plus tard qu’on ne pouvait le croire »)."""
    for k in range(max(0, i - 4), i):
        if norms[k] in ("que", "qu'") and k and norms[k - 1] in _EXPLETIVE_BEFORE:
            return 0
    j = i + 1
    while j < len(ws) and norms[j] in _NE_PRONOUNS:
        j += 1
    if j + 1 >= len(ws):
        return 0
    e = lexicon.entry(ws[j].text)
    if e is None or not e.cgram & {"VER", "AUX"} or not set(e.lemmas) & _NE_ALONE:
        return 0
    nxt = lexicon.entry(ws[j + 1].text)
    infinitive = nxt is not None and "inf" in nxt.infover
    return j if infinitive or norms[j + 1] in ("de", "d'", "quoi") else 0


def _non_adjective(ws: list[Token], norms: list[str], i: int) -> bool:
    """« un rendez-vous non annulé », « des prestataires non conventionnés »: « non »
    before an adjective or a participle; not « oui ou non », « non plus », « non loin »."""
    if i + 1 >= len(ws) or (i and norms[i - 1] in ("ou", "que", "qu'", "si")):
        return False
    nxt = ws[i + 1]
    if nxt.kind != "word" or nxt.text[:1].isupper() or nxt.norm in ("plus", "seulement", "loin"):
        return False
    e = lexicon.entry(nxt.text)
    if e is None:
        return _unlisted_participle(nxt.norm)
    return bool(e.cgram & {"ADJ"}) or ("VER" in e.cgram and e.is_past_participle)


def _clause_break(s: Sentence, a: Token, b: Token) -> bool:
    """A comma, semicolon or colon between two tokens of a sentence."""
    return any(c in ",;:" for c in s.text[a.end - s.start : b.start - s.start])


# ---------------------------------------------------------------------- condition

#: After « si », words that make it « so » (« si grand ») rather than « if ».
_SI_SO = frozenset(
    """bien peu grand grande grands grandes important importante importants importantes souvent
    longtemps loin tard tôt vite beaucoup nombreux nombreuses difficile difficiles facile
    faciles simple simples fort forte mal petit petite petits petites cher chère chers
    jeune jeunes vieux belle beau beaux rare rares fréquent fréquents""".split()
)
#: Verbs before an indirect question « si » (« je ne sais pas si », « vérifiez si »).
_ASK = frozenset(
    "savoir demander vérifier voir regarder dire ignorer décider choisir chercher".split()
)
_SI_NEXT = _SUBJECTS | _DETERMINERS | frozenset(
    """c' ce cela ça tout toute tous toutes plusieurs certains certaines quelqu'un
    aucun aucune personne rien""".split()
)
_CONDITION_PHRASES: tuple[tuple[str, ...], ...] = (
    ("à", "condition"),
    ("au", "cas", "où"),
    ("dans", "le", "cas", "où"),
    ("en", "cas", "de"),
    ("en", "cas", "d'"),
    ("pourvu", "que"),
    ("pourvu", "qu'"),
    ("à", "moins", "que"),
    ("à", "moins", "qu'"),
    ("à", "moins", "de"),
    ("le", "cas", "échéant"),
    ("pour", "autant", "que"),
    ("pour", "autant", "qu'"),
    ("pour", "peu", "que"),
    ("pour", "peu", "qu'"),
    ("à", "supposer", "que"),
    ("à", "supposer", "qu'"),
    ("à", "défaut"),
    ("faute", "de", "quoi"),
    ("sous", "réserve"),
    ("dans", "l'", "hypothèse"),
    ("dans", "l'", "éventualité"),
)
_PHRASE_STARTS = frozenset(p[0] for p in _CONDITION_PHRASES)
_FINITE = ("ind", "cnd", "sub", "imp")


#: Subjunctive forms written for a past participle: « la TVA est inclue » (for « incluse »).
_PARTICIPLE_LOOKALIKES = frozenset(["inclue", "inclues"])


def _only_mood(tok: Token, mood: str, prev: str = "") -> bool:
    """True if every finite reading of an unambiguous verb form is in ``mood``.

    A form that is also a past participle (« conclue », « enfuie ») is that participle
    (« la convention est conclue »), unless a subject pronoun comes just before it
    (« qu’il conclue »); after « être », a form is never the subjunctive.
    """
    found, participle = _mood_of(tok.text)
    if found != mood:
        return False
    if prev in ETRE:
        return False  # « est conclue », « soit inclue »: a participle or an adjective
    participle = participle or tok.norm in _PARTICIPLE_LOOKALIKES
    return not participle or prev in _SUBJECTS


@lru_cache(maxsize=65536)
def _passe_simple(form: str) -> bool:
    """« signa », « furent », « devint »: a form that can only be the passé simple."""
    e = lexicon.entry(form)
    if e is None or not e.cgram or not e.cgram <= {"VER", "AUX"}:
        return False
    if any(v.split(":", 1)[0] in ("par", "inf") for v in e.infover):
        return False
    finite = [v for v in e.infover if v.split(":", 1)[0] in _FINITE]
    return bool(finite) and all(v.startswith("ind:pas") for v in finite)


@lru_cache(maxsize=65536)
def _mood_of(form: str) -> tuple[str, bool]:
    """The one finite mood of an unambiguous verb form (« pourrait » -> cnd), else "";
    and whether the form is also a past participle or an infinitive."""
    e = lexicon.entry(form)
    if e is None or not e.cgram or not e.cgram <= {"VER", "AUX"}:
        return "", False
    all_moods = {v.split(":", 1)[0] for v in e.infover}
    moods = all_moods & set(_FINITE)
    return (moods.pop() if len(moods) == 1 else ""), bool(all_moods & {"par", "inf"})


@rule("condition", "warning", "Pas d’hypothèses ; le présent")
def condition(ctx: Context) -> Iterator[Finding]:
    """« si » meaning « if », « à condition que », « au cas où », conditional and
    subjunctive forms; not « si » meaning « so » or « whether »."""
    hyp = (
        "Hypothèse (« si », « au cas où »...). Écrivez des phrases simples au présent : "
        "« Vous avez un enfant ? Vous pouvez... »."
    )
    for s in ctx.sentences:
        ws = _words(s)
        norms = [t.norm for t in ws]
        moods: set[int] = set()
        for i, n in enumerate(norms):
            nxt = norms[i + 1] if i + 1 < len(ws) else ""
            if i not in moods and (k := _subjunctive_after(s, ws, norms, i)):
                moods.add(k)
                yield ctx.finding(
                    "condition",
                    [ws[k]],
                    f"Verbe au subjonctif (« {ws[k].text} »). Écrivez une phrase simple au "
                    "présent : « Vous devez venir » plutôt que « Il faut que vous veniez ».",
                )
            if n == "s'" and nxt in ("il", "ils"):
                yield ctx.finding("condition", ws[i : i + 2], hyp)
            elif n == "si" and _si_is_if(ws, norms, i):
                yield ctx.finding("condition", ws[i : i + 2], hyp)
            elif n in _PHRASE_STARTS and (
                size := next(
                    (len(p) for p in _CONDITION_PHRASES if tuple(norms[i : i + len(p)]) == p), 0
                )
            ):
                yield ctx.finding("condition", ws[i : i + size], hyp)
            elif ws[i].text[:1].isupper() and i > 0:
                continue  # a name (« Vienne », « Rennes »), not a verb
            elif ws[i].kind == "word" and _only_mood(ws[i], "cnd", norms[i - 1] if i else ""):
                yield ctx.finding(
                    "condition",
                    [ws[i]],
                    f"Verbe au conditionnel (« {ws[i].text} »). Écrivez au présent : "
                    "« vous pouvez » plutôt que « vous pourriez ».",
                )
            elif i in moods:
                continue
            elif ws[i].kind == "word" and _passe_simple(ws[i].text):
                yield ctx.finding(
                    "condition",
                    [ws[i]],
                    f"Verbe au passé simple (« {ws[i].text} »). Écrivez au présent ou au passé "
                    "composé : « Le CAI a signé » plutôt que « Le CAI signa ».",
                )
            elif ws[i].kind == "word" and _only_mood(ws[i], "sub", norms[i - 1] if i else ""):
                moods.add(i)
                yield ctx.finding(
                    "condition",
                    [ws[i]],
                    f"Verbe au subjonctif (« {ws[i].text} »). Écrivez une phrase simple au "
                    "présent.",
                )


#: Words after which « que » calls for the subjunctive: « il faut que vous veniez »,
#: « pour que », « avant qu’il parte », « il est important que ».
_SUBJ_TRIGGERS = frozenset(
    """faut fallait faudra pour afin avant bien sans jusqu'à ce sorte important importante
    nécessaire essentiel indispensable obligatoire souhaitable possible préférable importe
    convient veut voulons voulez souhaite souhaitons souhaitez demande demandons""".split()
)


def _subjunctive_after(s: Sentence, ws: list[Token], norms: list[str], i: int) -> int:
    """The verb after « il faut que », « pour que »... that can be a subjunctive
    (« veniez », « ferme »): it is one there. Index of the verb, else 0."""
    if norms[i] not in ("que", "qu'") or i == 0 or norms[i - 1] not in _SUBJ_TRIGGERS:
        return 0
    if norms[i - 1] == "ce" and (i < 2 or norms[i - 2] != "à"):
        return 0  # « ce que » (what), but « jusqu’à ce que »
    for k in range(i + 1, min(len(ws), i + 6)):
        if _clause_break(s, ws[i], ws[k]):
            return 0
        e = lexicon.entry(ws[k].text)
        if e is None or not e.cgram & {"VER", "AUX"}:
            continue
        if norms[k] in ETRE or norms[k] in AVOIR:
            nxt = ws[k + 1] if k + 1 < len(ws) else None
            if nxt is None or _is_participle(nxt) or nxt.norm == "été":
                return 0  # « soit fini », « ait été »: an auxiliary of a participle
            return k if "sub" in {v.split(":", 1)[0] for v in e.infover} else 0
        moods = {v.split(":", 1)[0] for v in e.infover}
        if "sub" in moods or e.infover & {"ind:imp:1p", "ind:imp:2p"}:
            return k  # « veniez », « apportions »: the subjunctive has the same form
        if moods & {"ind", "cnd", "imp"}:
            return 0  # an indicative verb: not a subjunctive clause (or a mistake)
    return 0


def _si_is_if(ws: list[Token], norms: list[str], i: int) -> bool:
    if i + 1 >= len(ws):
        return False  # « Mais si. »
    prev = norms[i - 1] if i else ""
    if prev in ("même", "comme"):
        return False  # « même si » (concession), « comme si » (comparison)
    for back in range(max(0, i - 4), i):
        e = lexicon.entry(ws[back].text)
        if e is not None and "VER" in e.cgram and any(lem in _ASK for lem in e.lemmas):
            return False  # indirect question: « vérifiez si le dossier est complet »
    nxt_tok = ws[i + 1]
    nxt = norms[i + 1]
    if nxt in ("oui", "non", "besoin", "nécessaire", "possible", "nécessaires", "possibles"):
        return True  # « si besoin », « si possible, venez tôt »
    if nxt in _SI_SO:
        return False
    if nxt in _SI_NEXT or nxt_tok.kind == "number":
        return True
    if nxt_tok.text[:1].isupper():
        return True  # « si Marie vient »
    e = lexicon.entry(nxt_tok.text)
    if e is not None and e.cgram & {"ADJ", "ADV"}:
        return False  # « si souvent », « si utile »
    return e is not None and "NOM" in e.cgram


# ---------------------------------------------------------------- nominalisation

_NOMINAL_ENDINGS = ("tion", "sion", "ment", "age", "ance", "ence")


def _nominalisation(tok: Token) -> bool:
    n = tok.norm
    if len(n) < 7 or not n.rstrip("s").endswith(_NOMINAL_ENDINGS):
        return False
    e = lexicon.entry(tok.text)
    if e is None or "NOM" not in e.cgram or e.cgram & {"ADV", "VER"}:
        return False
    # Everyday nouns (« moment », « logement ») are not the heavy style this rule targets.
    return lexicon.zipf(tok.text, lemma_aware=False) < 4.5


@rule("nominalisation", "info", "Des verbes plutôt que des noms")
def nominalisation(ctx: Context) -> Iterator[Finding]:
    """More nouns in -tion/-ment/-age/-ance than the threshold in one sentence."""
    limit = ctx.settings.max_nominalisations
    for s in ctx.sentences:
        nouns = [t for t in s.tokens if t.kind == "word" and _nominalisation(t)]
        if len(nouns) > limit:
            listed = ", ".join(f"« {t.text} »" for t in nouns[:4])
            yield ctx.finding(
                "nominalisation",
                s,
                f"Beaucoup de noms abstraits ({listed}). Utilisez des verbes : "
                "« Le CAI accompagne » plutôt que « l’accompagnement par le CAI ».",
            )
