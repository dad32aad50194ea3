"""The Jinja environment shared by every rendered page, leaflet and report.

Templates are looked up in the project's ``templates/`` folder first, then in the
packaged defaults; ``{% extends "default:leaflet.html" %}`` reaches the packaged
one explicitly, so a project can override a block without copying a whole file
(Datasette's convention). Autoescape is on for HTML/XML and ``StrictUndefined``
turns a missing value into an error instead of an empty string.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from .errors import TemplateError

PACKAGED = Path(__file__).parent / "templates"


def environment(project_templates: Path | None = None, **globals_: Any) -> jinja2.Environment:
    """A Jinja environment: project templates first, then packaged ones (``default:``)."""
    searched: list[str] = []
    loaders: list[jinja2.BaseLoader] = []
    if project_templates is not None and project_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(project_templates)))
        searched.append(str(project_templates))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGED)))
    searched.append(str(PACKAGED))
    loader = jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(PACKAGED))}, delimiter=":")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([loader, *loaders]),
        bytecode_cache=_bytecode_cache(),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg"], default=True),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(globals_)
    env.globals["_searched_paths"] = searched
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user cache: compiling them costs more than a small
    rebuild. Jinja keys them by the template's source, so an edited template recompiles."""
    from .storage import user_cache_dir

    folder = user_cache_dir() / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only home only costs time
    return jinja2.FileSystemBytecodeCache(str(folder))


def get_template(env: jinja2.Environment, name: str) -> jinja2.Template:
    """A template by name, or a :class:`TemplateError` listing the folders searched."""
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        searched = ", ".join(env.globals.get("_searched_paths", []))  # type: ignore[arg-type]
        raise TemplateError(
            f"template '{exc.name}' not found (searched: {searched})",
            hint="Check the name, or remove the project's override so the packaged one is used.",
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{exc.filename or name}:{exc.lineno}: template syntax error: {exc.message}"
        ) from exc


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render a template; a missing value or a template bug is a :class:`TemplateError`."""
    template = get_template(env, name)
    try:
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:
        # An {% include %} or {% import %} of a missing template, found only when rendering.
        searched = ", ".join(env.globals.get("_searched_paths", []))  # type: ignore[arg-type]
        raise TemplateError(
            f"template '{template.filename or name}' uses '{exc.name}', which is not found "
            f"(searched: {searched})",
            hint="Check the name in the include, or add the missing template to templates/.",
        ) from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"template '{name}': {exc.message}",
            hint="A value the template uses was not given; check the variable name.",
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{exc.filename or name}:{exc.lineno}: template syntax error: {exc.message}"
        ) from exc
