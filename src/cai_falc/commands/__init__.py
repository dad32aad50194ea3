"""One module per ``cai-falc`` verb; each defines one click command.

A command builds the settings, calls one library function, reports the result.
"""

from __future__ import annotations

import click

from . import build, check, config, import_, models, report, simplify, translate, validate

COMMANDS: list[click.Command] = [
    import_.command,
    validate.command,
    simplify.command,
    check.command,
    models.command,
    translate.command,
    report.command,
    build.command,
    config.command,
]
