"""Spelling of French words: hunspell-fr through spylls, optional.

The Debian ``hunspell-fr`` dictionary (``/usr/share/hunspell/fr_FR.aff|.dic``) is read
with spylls, a pure-Python hunspell. Loading it takes seconds, so it is loaded once per
process and cached; each word's verdict is cached too. Words that Lexique 3.83 knows
(through :mod:`cai_falc.lexicon`) are accepted without asking hunspell (a dictionary
lookup instead of milliseconds of affix analysis), which keeps big exports fast.
``suggest()`` is never called: it costs seconds per word. When the dictionary is absent,
:func:`load_speller` returns None and :func:`unavailable_note` says how to install it.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

#: Where Debian, Fedora and Homebrew put hunspell dictionaries.
SEARCH_PATHS = (
    Path("/usr/share/hunspell"),
    Path("/usr/share/myspell/dicts"),
    Path("/usr/share/myspell"),
    Path("/usr/local/share/hunspell"),
    Path("/opt/homebrew/share/hunspell"),
)
DEFAULT_DICTIONARY = "fr_FR"

#: A French word: letters, with inner apostrophes (elisions) and hyphens. Tokens glued to
#: digits ("Net2Work", "A2") are matched whole so that they can be skipped.
WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
_ELISION_RE = re.compile(r"^(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)


class _Lookup(Protocol):
    def lookup(self, word: str) -> bool: ...


def find_dictionary(name: str = DEFAULT_DICTIONARY) -> Path | None:
    """The path (without extension) of the hunspell dictionary ``name``, or None."""
    candidate = Path(name)
    if candidate.suffix in (".aff", ".dic"):
        candidate = candidate.with_suffix("")
    if candidate.parent != Path("."):
        paths: Iterable[Path] = (candidate,)
    else:
        paths = (folder / name for folder in SEARCH_PATHS)
    for path in paths:
        if path.with_suffix(".aff").is_file() and path.with_suffix(".dic").is_file():
            return path
    return None


def unavailable_note(name: str = DEFAULT_DICTIONARY) -> str:
    """Why spelling is not checked, and how to get it (French, for the user)."""
    if importlib.util.find_spec("spylls") is None:
        return (
            "Orthographe non vérifiée : le module Python « spylls » n’est pas installé "
            "(pip install spylls)."
        )
    return (
        f"Orthographe non vérifiée : le dictionnaire hunspell « {name} » est introuvable "
        "(sous Debian/Ubuntu : apt-get install hunspell-fr)."
    )


class Speller:
    """Says whether a French word is spelled right; every verdict is cached."""

    def __init__(self, dictionary: _Lookup, known: Callable[[str], bool] | None = None) -> None:
        self._dictionary = dictionary
        self._known = known or (lambda word: False)
        self._cache: dict[str, bool] = {}
        #: Words worth reporting before the glossary and the context are considered.
        self._suspect: dict[str, bool] = {}

    def is_correct(self, word: str) -> bool:
        """True if hunspell (or Lexique) accepts ``word``; elided forms are split first."""
        verdict = self._cache.get(word)
        if verdict is None:
            verdict = self._check(word)
            self._cache[word] = verdict
        return verdict

    def _check(self, word: str) -> bool:
        plain = word.replace("’", "'")
        bare = _ELISION_RE.sub("", plain)
        if not bare:
            return True
        if self._known(bare) or self._known(plain):
            return True
        if self._lookup(plain) or (bare != plain and self._lookup(bare)):
            return True
        if "-" in bare:
            return all(self.is_correct(part) for part in bare.split("-") if part)
        # The 1990 spelling reform drops the circumflex on i and u ("connait", "entrainer"),
        # and welds some compounds ("entretemps"); hunspell-fr "classique" lacks them.
        for variant in _reform_variants(bare):
            if self._known(variant) or self._lookup(variant):
                return True
        return False

    def _lookup(self, word: str) -> bool:
        try:
            return bool(self._dictionary.lookup(word))
        except Exception:  # spylls may choke on odd input; do not fail the import
            return True

    def misspelled(self, text: str, *, skip: frozenset[str] = frozenset()) -> Iterator[str]:
        """The words of ``text`` to check, in order, once each; names and acronyms skipped."""
        seen: set[str] = set()
        tokens = [m.group() for m in WORD_RE.finditer(text)]
        for n, word in enumerate(tokens):
            if word in seen:
                continue
            seen.add(word)
            suspect = self._suspect.get(word)
            if suspect is None:
                suspect = should_check(word) and not self.is_correct(word)
                self._suspect[word] = suspect
            if not suspect or not should_check(word, skip=skip):
                continue
            # Short words inside a name ("Beyond the Horizon", "Huis van het Nederlands").
            if (
                len(word) <= 4
                and 0 < n < len(tokens) - 1
                and any(t[:1].isupper() for t in tokens[max(n - 2, 0) : n])
                and any(t[:1].isupper() for t in tokens[n + 1 : n + 3])
            ):
                continue
            # "mentor-mentoré": only the parts that are neither right nor in the glossary count.
            parts = [p for p in word.split("-") if p] if "-" in word else [word]
            if len(parts) == 1 or any(
                should_check(p, skip=skip) and not self.is_correct(p) for p in parts
            ):
                yield _ELISION_RE.sub("", word)  # "l’acceuil" -> "acceuil"


def _reform_variants(word: str) -> Iterator[str]:
    for i, char in enumerate(word):
        if char in "iu" and i > 0:
            yield word[:i] + ("î" if char == "i" else "û") + word[i + 1 :]
    if word.startswith("entre") and len(word) > 7:
        yield "entre-" + word[5:]


def should_check(word: str, *, skip: frozenset[str] = frozenset()) -> bool:
    """False for names (capitalised), acronyms, one-letter words and glossary words."""
    if any(c.isdigit() or c == "_" for c in word):
        return False
    bare = _ELISION_RE.sub("", word.replace("’", "'"))
    if len(bare) < 3 or not bare[0].islower():
        return False
    if any(c.isupper() for c in bare[1:]):
        return False
    lowered = bare.lower()
    return lowered not in skip and word.lower() not in skip


@lru_cache(maxsize=4)
def _load(path: Path) -> Any:
    """The spylls dictionary, from a pickle in the user cache when one matches the files.

    Parsing the French affix file takes 3-5 s; the pickle loads in about a third of that.
    The cache is keyed by the spylls version and the dictionary files' sizes and dates.
    """
    import gc
    import pickle
    from importlib.metadata import version

    from spylls.hunspell import Dictionary

    from .lexicon import cache_dir

    stamps = []
    for suffix in (".aff", ".dic"):
        stat = path.with_suffix(suffix).stat()
        stamps.append(f"{stat.st_size}-{int(stat.st_mtime)}")
    cache = cache_dir() / f"hunspell-{path.name}-{version('spylls')}-{'-'.join(stamps)}.pickle"
    try:
        gc.disable()  # hundreds of thousands of small objects: the collector would crawl them
        try:
            with cache.open("rb") as fh:
                return pickle.load(fh)
        finally:
            gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        pass
    dictionary = Dictionary.from_files(str(path))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(dictionary, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
        for old in cache.parent.glob(f"hunspell-{path.name}-*.pickle"):
            if old != cache:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError, TypeError):
        pass  # no cache only costs time
    return dictionary


def load_speller(name: str = DEFAULT_DICTIONARY) -> Speller | None:
    """The French speller (loaded once per process), or None if hunspell-fr is absent."""
    if importlib.util.find_spec("spylls") is None:
        return None
    path = find_dictionary(name)
    if path is None:
        return None
    try:
        dictionary = _load(path)
    except Exception:  # a broken dictionary must not stop the import
        return None
    return _cached_speller(path, dictionary)


def _in_lexique(word: str) -> bool:
    # Lexique only: wordfreq also counts frequent misspellings ("acceuil").
    from .lexicon import entry

    return entry(word) is not None


@lru_cache(maxsize=4)
def _cached_speller(path: Path, dictionary: Any) -> Speller:
    return Speller(dictionary, _in_lexique)
