"""Guards against a broken Qt binding, which would crash officers' sessions.

PySide6 6.12.0 releases a reference to ``None`` every time a model index
returns no data. On Python 3.11 (where None is not immortal) the program
aborts after a few thousand table paints. pyproject.toml pins a sound
version; this test fails if an unsound one is installed again.
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel


def test_model_data_returning_nothing_keeps_none_alive(qapp):
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(1000):
        assert index.data(Qt.ItemDataRole.UserRole + 5) is None
    assert sys.getrefcount(None) >= before - 10
