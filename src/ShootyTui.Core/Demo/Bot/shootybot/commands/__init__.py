"""Slash commands. Each module in this package defines NAME and handle(db, player) -> str."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def load_commands() -> dict[str, ModuleType]:
    """Import every command module and return them by command name, sorted."""
    commands = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        name = getattr(module, "NAME", None)
        if not isinstance(name, str) or not callable(getattr(module, "handle", None)):
            raise TypeError(
                f"command module {module.__name__} must define NAME and handle(db, player)"
            )
        commands[name] = module
    return dict(sorted(commands.items()))
