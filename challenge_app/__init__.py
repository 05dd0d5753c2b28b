"""Challenge: minute council/provider performance challenge meetings.

This package is the core: domain rules, storage, import/export and the
command line. It never imports Qt, so it can be tested headless and the
command line works without a display. The Qt layer lives in ``ui``.
"""

# Kept equal to pyproject.toml's version by tests/core/test_version.py. A plain
# constant because importlib.metadata scans every installed distribution, which
# costs tens of milliseconds at each start-up (and finds nothing in a bundle).
__version__ = "0.1.0"
