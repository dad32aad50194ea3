"""Offline translation models: Argos Translate packages, found, checked and installed.

A package (``.argosmodel``) is a zip with one top folder holding ``metadata.json``, a
CTranslate2 ``model/`` and ``sentencepiece.model``. Installed packages live in Argos
Translate's own folder, so both tools share them: ``ARGOS_PACKAGES_DIR`` if set, else
the ``ARGOS_PACKAGES_DIR`` of Argos's ``settings.json``, else
``$XDG_DATA_HOME/argos-translate/packages``. Argos computes that folder once, when
``argostranslate.settings`` is imported; we compute it at each call so a changed
environment (tests, ``--project`` runs) is honoured.

We install with our own code rather than ``argostranslate.package.install_from_path``:
that function extracts any zip as it is (``..`` or absolute paths included) and then
imports ``argostranslate.translate``, which imports stanza and torch.
``argostranslate.package`` itself is light (checked: no torch in ``sys.modules``); we use
it to read installed packages and to name downloadable ones.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import ModelError

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: Seconds to wait for the package index or a download before giving up.
NETWORK_TIMEOUT = 10.0
#: An archive that expands beyond this is refused (real packages are about 100 MB).
MAX_UNPACKED_BYTES = 4 * 1024**3

_CODE_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_FOLDER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class ModelPackage:
    """An installed translation package."""

    from_code: str
    to_code: str
    version: str
    path: Path
    #: A token some multilingual packages expect first in the output (metadata.json).
    target_prefix: str = ""

    @property
    def code(self) -> str:
        """The argospm name, e.g. ``translate-fr_en``."""
        return package_code(self.from_code, self.to_code)

    @property
    def name(self) -> str:
        """Name and version, as written in PO comments: ``translate-fr_en 1.0``."""
        return f"{self.code} {self.version}".strip()


def package_code(from_code: str, to_code: str) -> str:
    """The argospm name of the package translating ``from_code`` into ``to_code``."""
    return f"translate-{from_code}_{to_code}"


# ----------------------------------------------------------------------------- folders


def _xdg(name: str, default: str) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else Path.home() / default


def packages_dir() -> Path:
    """Where Argos Translate packages are installed (same rules as argostranslate)."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    settings_file = _xdg("XDG_CONFIG_HOME", ".config") / "argos-translate" / "settings.json"
    try:
        data = json.loads(settings_file.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("ARGOS_PACKAGES_DIR"), str):
            return Path(data["ARGOS_PACKAGES_DIR"])
    except (OSError, ValueError):
        pass
    return _xdg("XDG_DATA_HOME", ".local/share") / "argos-translate" / "packages"


def package_index_url() -> str:
    """The argospm index (``ARGOS_PACKAGE_INDEX`` overrides it, as in argostranslate)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


# --------------------------------------------------------------------------- discovery


def _read_metadata(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read metadata.json ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise ModelError(
            f"{path}:{exc.lineno}: metadata.json is not valid JSON ({exc.msg})"
        ) from exc
    return _check_metadata(data, str(path))


def _check_metadata(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ModelError(f"{where}: metadata.json must hold a JSON object")
    for key in ("from_code", "to_code"):
        value = data.get(key)
        if not isinstance(value, str) or not _CODE_RE.match(value):
            raise ModelError(
                f"{where}: metadata.json: '{key}' must be a language code such as 'fr', "
                f"got {value!r}",
                hint="This is not a translation package from argospm; ask its author.",
            )
    if data.get("type", "translate") != "translate":
        raise ModelError(f"{where}: package type {data.get('type')!r} is not 'translate'")
    return data


def installed(folder: Path | None = None) -> list[ModelPackage]:
    """The installed translation packages, sorted by language pair.

    Folders that are not valid packages are skipped: one broken package must not hide
    the others (``models list`` shows problems through :func:`problems`).
    """
    return [pkg for pkg in _scan(folder) if isinstance(pkg, ModelPackage)]


def problems(folder: Path | None = None) -> list[str]:
    """Messages about folders of the packages folder that are not usable packages."""
    return [p for p in _scan(folder) if isinstance(p, str)]


def _scan(folder: Path | None) -> list[ModelPackage | str]:
    root = folder or packages_dir()
    if not root.is_dir():
        return []
    found: list[ModelPackage | str] = []
    for path in sorted(root.iterdir()):
        if not path.is_dir() or path.name.startswith("."):
            continue
        try:
            meta = _read_metadata(path / "metadata.json")
        except ModelError as exc:
            found.append(str(exc))
            continue
        if not (path / "model" / "model.bin").is_file():
            found.append(f"{path}: no model/model.bin (incomplete package)")
            continue
        if not (path / "sentencepiece.model").is_file():
            found.append(f"{path}: no sentencepiece.model (BPE packages are not supported)")
            continue
        found.append(
            ModelPackage(
                from_code=meta["from_code"],
                to_code=meta["to_code"],
                version=str(meta.get("package_version", "")),
                path=path,
                target_prefix=str(meta.get("target_prefix") or ""),
            )
        )
    found.sort(
        key=lambda p: (0, p.from_code, p.to_code, p.version)
        if isinstance(p, ModelPackage)
        else (1, p, "", "")
    )
    return found


def route(
    source: str, target: str, packages: list[ModelPackage], *, pivot: str = "en"
) -> list[ModelPackage] | None:
    """The packages to chain from ``source`` to ``target``: direct, else through ``pivot``."""
    by_pair: dict[tuple[str, str], ModelPackage] = {}
    for pkg in packages:
        # Highest version wins when two versions of a pair are installed.
        current = by_pair.get((pkg.from_code, pkg.to_code))
        if current is None or _version_key(pkg.version) > _version_key(current.version):
            by_pair[(pkg.from_code, pkg.to_code)] = pkg
    if (source, target) in by_pair:
        return [by_pair[(source, target)]]
    if pivot not in (source, target) and (source, pivot) in by_pair and (pivot, target) in by_pair:
        return [by_pair[(source, pivot)], by_pair[(pivot, target)]]
    return None


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def missing_message(source: str, target: str, *, pivot: str = "en") -> str:
    """Plain-French advice for a language pair without a model."""
    direct = package_code(source, target)
    via = ""
    if pivot not in (source, target):
        via = f" (ou {package_code(source, pivot)} et {package_code(pivot, target)})"
    return (
        f"pas de modèle de traduction {source} -> {target} : installez {direct}{via} avec "
        f"'cai-falc models install {direct}.argosmodel', ou "
        f"'cai-falc models download {source} {target}' sur une machine reliée à internet."
    )


def missing_pairs(langs: list[str], *, settings: Any) -> list[str]:
    """One message per target language that no installed model (or pivot) reaches."""
    source = settings.project.source_language
    pivot = settings.translate.pivot_language
    packages = installed()
    return [
        missing_message(source, lang, pivot=pivot)
        for lang in langs
        if lang != source and route(source, lang, packages, pivot=pivot) is None
    ]


# ---------------------------------------------------------------------------- install


def validate_archive(path: Path) -> tuple[str, dict[str, Any]]:
    """Check an ``.argosmodel`` before anything is extracted; return its folder and metadata."""
    where = str(path)
    if not path.is_file():
        raise ModelError(f"{where}: no such file")
    if not zipfile.is_zipfile(path):
        raise ModelError(
            f"{where}: not a zip archive, so not an Argos Translate package",
            hint="Packages end in .argosmodel and come from argospm (or 'models download').",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            tops: set[str] = set()
            total = 0
            for info in infos:
                _check_member(info, where)
                tops.add(PurePosixPath(info.filename).parts[0])
                total += info.file_size
            if total > MAX_UNPACKED_BYTES:
                raise ModelError(f"{where}: the archive would unpack to {total / 1e9:.1f} GB")
            if len(tops) != 1:
                raise ModelError(
                    f"{where}: the archive must hold exactly one top folder, "
                    f"found {len(tops)} ({', '.join(sorted(tops)) or 'none'})"
                )
            (top,) = tops
            if not _FOLDER_RE.match(top):
                raise ModelError(f"{where}: unexpected top folder name {top!r}")
            names = {info.filename.rstrip("/") for info in infos}
            if f"{top}/metadata.json" not in names:
                raise ModelError(f"{where}: no {top}/metadata.json in the archive")
            try:
                meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ModelError(f"{where}: {top}/metadata.json is not valid JSON ({exc})") from exc
            meta = _check_metadata(meta, f"{where}: {top}")
            for needed in ("model/model.bin", "sentencepiece.model"):
                if f"{top}/{needed}" not in names:
                    raise ModelError(f"{where}: no {top}/{needed} in the archive")
    except zipfile.BadZipFile as exc:
        raise ModelError(f"{where}: corrupt zip archive ({exc})") from exc
    return top, meta


def _check_member(info: zipfile.ZipInfo, where: str) -> None:
    name = info.filename
    mode = info.external_attr >> 16
    pure = PurePosixPath(name)
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name) or pure.is_absolute():
        raise ModelError(f"{where}: refused: absolute path in the archive ({name!r})")
    if ".." in pure.parts:
        raise ModelError(f"{where}: refused: '..' in a path of the archive ({name!r})")
    kind = stat.S_IFMT(mode)  # 0 when the archiver wrote no file type (writestr does)
    if kind == stat.S_IFLNK:
        raise ModelError(f"{where}: refused: symbolic link in the archive ({name!r})")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise ModelError(f"{where}: refused: special file in the archive ({name!r})")


def install(path: Path, *, folder: Path | None = None) -> ModelPackage:
    """Validate then install an ``.argosmodel``; an older copy of the same folder is replaced."""
    top, meta = validate_archive(path)
    root = folder or packages_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    except OSError as exc:
        raise ModelError(f"{root}: cannot create the packages folder ({exc.strerror})") from exc
    try:
        with zipfile.ZipFile(path) as zf:
            # Safe: every member was checked above (relative, no '..', no links).
            zf.extractall(staging)
        target = root / top
        if target.exists():
            old = root / f".old-{top}"
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            (staging / top).rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            (staging / top).rename(target)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{path}: installation failed ({exc})") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ModelPackage(
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        version=str(meta.get("package_version", "")),
        path=root / top,
    )


# --------------------------------------------------------------------------- download


def _fetch(url: str, *, timeout: float) -> bytes:
    import urllib.request  # only for downloads: listing and installing stay light

    request = urllib.request.Request(url, headers={"User-Agent": "cai-falc (ArgosTranslate)"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read()
    return data


def download(
    source: str, target: str, *, folder: Path | None = None, timeout: float = NETWORK_TIMEOUT
) -> ModelPackage:
    """Fetch the ``source -> target`` package from the argospm index, check it, install it."""
    index_url = package_index_url()
    offline_hint = (
        "On a machine without internet, copy the .argosmodel file here and run "
        "'cai-falc models install FILE.argosmodel'."
    )
    try:
        index = json.loads(_fetch(index_url, timeout=timeout).decode("utf-8"))
    except OSError as exc:  # URLError and TimeoutError are OSErrors
        reason = getattr(exc, "reason", exc)
        raise ModelError(
            f"cannot reach the Argos package index {index_url} ({reason})", hint=offline_hint
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{index_url}: the package index is not valid JSON ({exc})") from exc
    if not isinstance(index, list):
        raise ModelError(f"{index_url}: the package index must be a JSON list")

    from argostranslate.package import AvailablePackage, argospm_package_name

    candidates = []
    for entry in index:
        if isinstance(entry, dict) and entry.get("type", "translate") == "translate":
            available = AvailablePackage(entry)
            if available.from_code == source and available.to_code == target:
                candidates.append(available)
    if not candidates:
        raise ModelError(
            f"the package index has no {package_code(source, target)} package",
            hint=f"Translate through English: 'cai-falc models download {source} en' and "
            f"'cai-falc models download en {target}'.",
        )
    best = max(candidates, key=lambda p: _version_key(str(p.package_version)))
    links = [link for link in best.links if isinstance(link, str)]
    errors = []
    for link in links:
        try:
            data = _fetch(link, timeout=timeout * 30)
        except OSError as exc:  # URLError and TimeoutError are OSErrors
            errors.append(f"{link}: {getattr(exc, 'reason', exc)}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"{argospm_package_name(best)}.argosmodel"
            file.write_bytes(data)
            return install(file, folder=folder)
    raise ModelError(
        f"cannot download {package_code(source, target)}: "
        + ("; ".join(errors) or "the index gives no link"),
        hint=offline_hint,
    )
