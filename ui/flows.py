"""Reaching the import, export and pack flows without depending on them.

Those flows live in their own ``ui`` modules (``export_flow``, ``import_flow``,
``pack_flow``). The window imports them only when the officer asks, and only
offers a menu item when its module is installed, so it never shows a command
that cannot work.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any


def available(module: str) -> bool:
    """True when ``ui.<module>`` can be imported."""
    try:
        return importlib.util.find_spec(f"ui.{module}") is not None
    except ImportError:
        return False


def flow(module: str, function: str) -> Callable[..., Any]:
    """The named function of ``ui.<module>``, imported now."""
    return getattr(importlib.import_module(f"ui.{module}"), function)
