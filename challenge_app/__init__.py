"""Challenge: minute council/provider performance challenge meetings.

This package is the core: domain rules, storage, import/export and the
command line. It never imports Qt, so it can be tested headless and the
command line works without a display. The Qt layer lives in ``ui``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("challenge-app")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
