"""``python -m challenge_app`` does what the ``challenge-app`` command does.

The window belongs to the Qt layer, which the core never imports. The installed
``challenge-app`` console script knows where the window is, so we run it; where
the program is not installed (a bare checkout on the path), the subcommands
still work and asking for the window says so.
"""

import sys
from importlib.metadata import entry_points

from challenge_app.cli import main


def _console_script():
    for script in entry_points(group="console_scripts", name="challenge-app"):
        return script.load()
    return main


sys.exit(_console_script()())
