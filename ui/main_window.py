"""The main window (the measure list and challenge form arrive with issue 3)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from challenge_app.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, demo: bool = False):
        super().__init__()
        self.store = store
        title = f"Challenge - {store.path.name if store.path else ''}"
        self.setWindowTitle(title + (" (demo)" if demo else ""))
        label = QLabel(f"{len(store.measures.all())} measures")
        label.setTextFormat(label.textFormat().PlainText)
        self.setCentralWidget(label)
        self.resize(1200, 800)
