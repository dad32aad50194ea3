"""The build cache: content-addressed, so a build with nothing changed does almost nothing.

Each output file is recorded in a manifest with the key of everything it was made
from (inputs, settings, templates, model versions, cai-falc's version). When a
build asks for an output whose key is unchanged and whose file is still there,
byte for byte, the work is skipped. Results of pure computations (checks) are
stored by key as JSON. Deleting the cache folder only costs time.

The manifest is written after the outputs it describes, atomically: a build
killed at any moment leaves a manifest that claims nothing that was not written.
It names outputs relative to the project folder, so a project that is moved or
copied elsewhere keeps its cache.

Every change of a text adds results under new keys; the old ones are only ever read
again if the text comes back. :meth:`Cache.prune` deletes those nobody used for
:data:`KEEP_DAYS` days, so that a project edited for years keeps a small cache.
"""

from __future__ import annotations

import functools
import json
import os
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, storage

MANIFEST = "manifest.json"
#: Stored results not used for this many days are deleted (:meth:`Cache.prune`).
KEEP_DAYS = 30
#: When the cache was last pruned (its date is what counts).
PRUNED = "pruned"
_DAY = 86_400.0


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """A digest of cai-falc's own code: results made by other code are never reused."""
    package = Path(__file__).parent
    return storage.digest(
        *(p.read_bytes() for p in sorted(package.rglob("*.py")) if "__pycache__" not in p.parts),
        length=32,
    )


def key(*parts: Any) -> str:
    """A cache key from any JSON-serialisable parts, cai-falc's version and code included."""
    blob = json.dumps(
        [__version__, code_key(), *parts], sort_keys=True, ensure_ascii=False, default=str
    )
    return storage.digest(blob, length=32)


def files_key(*folders: Path, patterns: tuple[str, ...] = ("*",)) -> str:
    """A key of every file under the given folders (names and contents)."""
    parts: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for pattern in patterns:
            for path in sorted(folder.rglob(pattern)):
                if path.is_file() and "__pycache__" not in path.parts:
                    parts.append(str(path.relative_to(folder)))
                    parts.append(storage.digest(path.read_bytes(), length=32))
    return storage.digest(*parts, length=32)


@dataclass
class Cache:
    """A manifest of outputs and their keys, and a store of computed results."""

    folder: Path
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    root: Path | None = None
    #: Names of the outputs this build made or found fresh (see :meth:`sweep`).
    claimed: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path, root: Path | None = None) -> Cache:
        """Open the cache in ``folder``; a missing or damaged manifest means an empty cache.

        Outputs under ``root`` (the project folder) are named relative to it.
        """
        cache = cls(folder, root=root)
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("outputs"), dict):
                cache.outputs = {
                    k: v
                    for k, v in data["outputs"].items()
                    if isinstance(v, dict) and "key" in v and "digest" in v
                }
        except (OSError, ValueError):
            pass
        return cache

    def fresh(self, path: Path, key_: str) -> bool:
        """True when ``path`` exists, was made with ``key_``, and nobody changed it since."""
        entry = self.outputs.get(self._name(path))
        if entry is None or entry["key"] != key_:
            self.misses += 1
            return False
        try:
            ok = storage.digest(path.read_bytes(), length=32) == entry["digest"]
        except OSError:
            ok = False
        if ok:
            self.hits += 1
            self.claimed.add(self._name(path))
        else:
            self.misses += 1
        return ok

    def record(self, path: Path, key_: str, data: bytes) -> None:
        """Remember that ``path`` now holds ``data``, made with ``key_``."""
        name = self._name(path)
        self.outputs[name] = {"key": key_, "digest": storage.digest(data, length=32)}
        self.claimed.add(name)

    def _name(self, path: Path) -> str:
        """How the manifest names ``path``: relative to the project when inside it."""
        return str(path) if self.root is None else storage.project_name(path, self.root)

    def _path(self, name: str) -> Path:
        """The file the manifest calls ``name`` (the inverse of :meth:`_name`)."""
        path = Path(name)
        return path if path.is_absolute() or self.root is None else self.root / path

    def sweep(self, folder: Path, keep: tuple[Path, ...] = ()) -> list[Path]:
        """Delete the outputs under ``folder`` that this build neither made nor found fresh
        (their fiche or language left the project), and forget them; return them.

        Only files this cache recorded are touched, and only while they hold what was
        recorded: a file someone changed, or put there, stays. Records of files that are
        gone (a removed fiche's draft) are forgotten; files outside ``folder`` are never
        deleted, nor those under ``keep``. Call it after a whole build, when every output
        still wanted is claimed.
        """
        removed: list[Path] = []
        inside = folder.resolve()
        kept = [k.resolve() for k in keep]
        for name, entry in sorted(self.outputs.items()):
            if name in self.claimed:
                continue
            path = self._path(name)
            try:
                path.stat()
            except FileNotFoundError:
                del self.outputs[name]
                continue
            except OSError:
                continue
            where = path.resolve()
            if not where.is_relative_to(inside) or any(where.is_relative_to(k) for k in kept):
                continue  # a draft in fiches/, a kept language: never read, never deleted
            try:
                if storage.digest(path.read_bytes(), length=32) != entry["digest"]:
                    continue
            except OSError:
                continue
            try:
                path.unlink()
            except OSError:
                continue
            del self.outputs[name]
            removed.append(path)
            try:
                path.parent.rmdir()  # a language folder left empty
            except OSError:
                pass
        return removed

    def write_output(self, path: Path, key_: str, data: bytes) -> None:
        """Write an output atomically and record it."""
        storage.write_bytes(path, data)
        self.record(path, key_, data)

    def get_result(self, key_: str) -> Any | None:
        """A stored computed result, or None."""
        path = self.folder / "results" / f"{key_}.json"
        try:
            value = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        _used(path)
        return value

    def put_result(self, key_: str, value: Any) -> None:
        """Store a computed result (JSON-serialisable)."""
        storage.write_text(
            self.folder / "results" / f"{key_}.json",
            json.dumps(value, ensure_ascii=False, sort_keys=True),
        )

    def get_object(self, key_: str) -> Any | None:
        """A stored Python object (pickled by this cache, in this cache's own folder)."""
        path = self.folder / "objects" / f"{key_}.pickle"
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        _used(path)
        return value

    def put_object(self, key_: str, value: Any) -> None:
        """Store a Python object; only this cache reads it back."""
        storage.write_bytes(
            self.folder / "objects" / f"{key_}.pickle",
            pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
        )

    def save(self) -> None:
        """Write the manifest atomically."""
        storage.write_text(
            self.folder / MANIFEST,
            json.dumps({"version": __version__, "outputs": self.outputs}, indent=1, sort_keys=True),
        )

    def prune(self, *, now: float | None = None, days: int = KEEP_DAYS) -> int:
        """Delete stored results and objects unused for ``days`` days; count them.

        Runs at most once a day (the date of the ``pruned`` file), so that a build
        with nothing to do does not list the cache. Outputs' records are never pruned.
        """
        now = time.time() if now is None else now
        marker = self.folder / PRUNED
        try:
            if now - marker.stat().st_mtime < _DAY:
                return 0
        except OSError:
            pass
        removed = 0
        for name in ("results", "objects"):
            try:
                entries = list(os.scandir(self.folder / name))
            except OSError:
                continue
            for entry in entries:
                try:
                    if now - entry.stat().st_mtime > days * _DAY:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    pass
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            marker.touch()
            os.utime(marker, (now, now))
        except OSError:
            pass
        return removed


def _used(path: Path) -> None:
    """Mark a stored result as used (its date), at most once a day: pruning keeps it."""
    try:
        now = time.time()
        if now - path.stat().st_mtime > _DAY:
            os.utime(path, (now, now))
    except OSError:
        pass
