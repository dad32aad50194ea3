"""The ``cai-falc`` command: a thin click layer over the library.

Each verb lives in ``cai_falc/commands/<verb>.py``; it builds the settings, calls one
library function and reports. Library errors (:class:`CaiFalcError`) become clean
messages with the right exit code here, at the boundary: 0 ok, 1 findings,
2 bad input or usage. Stage modules are imported inside the commands, so
``cai-falc --help`` stays fast and one broken stage cannot break the others.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import CaiFalcError

F = TypeVar("F", bound=Callable[..., Any])


class CliError(click.ClickException):
    """A :class:`CaiFalcError` shown to the user, with its own exit code."""

    def __init__(self, error: CaiFalcError) -> None:
        super().__init__(str(error))
        # click declares exit_code on the class; ours depends on the error (1 or 2).
        self.exit_code = error.exit_code  # type: ignore[misc]

    def show(self, file: Any = None) -> None:
        click.echo(f"Erreur: {self.format_message()}", err=True)


@contextmanager
def reporting() -> Iterator[None]:
    """Turn library errors into clean CLI errors; never show a traceback to users."""
    try:
        yield
    except CaiFalcError as exc:
        raise CliError(exc) from exc
    except KeyboardInterrupt:
        click.echo("Interrompu.", err=True)
        sys.exit(130)


def project_option(func: F) -> F:
    """``--project DIR``: the folder holding ``cai-falc.toml`` (default: found upwards)."""
    return click.option(
        "--project",
        "-p",
        "project",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        envvar="CAI_FALC_PROJECT",
        help="Project folder (holding cai-falc.toml). Default: the current folder or a parent. "
        "Also set by CAI_FALC_PROJECT.",
    )(func)


def strict_option(func: F) -> F:
    """``--strict``: warnings count as errors (exit 1)."""
    return click.option(
        "--strict", is_flag=True, default=False, help="Treat warnings as errors (exit 1)."
    )(func)


def load_settings(project: Path | None) -> Any:
    """The project's settings, or a clean CLI error."""
    from . import config

    with reporting():
        return config.load(project)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="cai-falc")
def cli() -> None:
    """Easy-to-read (FALC) leaflets and web pages from the CAI's fiches, offline.

    \b
    Typical session:
      cai-falc import export.txt     bring the CMS export into fiches/
      cai-falc simplify              write FALC drafts next to the fiches
      cai-falc check fiches/         what still breaks the FALC rules
      cai-falc translate             machine drafts in PO catalogs, for review
      cai-falc build                 leaflets (PDF), web fragments, index, report

    Exit codes: 0 ok, 1 findings, 2 bad input or usage.
    """


def _register() -> None:
    from .commands import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="cai-falc")
