"""Challenge: minute council/provider performance challenge meetings.

This package is the core: domain rules, storage, import/export and the
command line. It never imports Qt, so it can be tested headless and the
command line works without a display. The Qt layer lives in ``ui``.
"""

from __future__ import annotations

FALLBACK_VERSION = "0.1.0"


def _version() -> str:
    # importlib.metadata scans every installed distribution (~35 ms): too slow
    # to pay on every start-up, so the version is looked up only when asked for.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("challenge-app")
    except PackageNotFoundError:  # a source tree or a frozen bundle
        return FALLBACK_VERSION


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'challenge_app' has no attribute {name!r}")
