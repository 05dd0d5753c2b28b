"""Bringing a widget into view wherever it sits: its tab chosen, scrolled to, focused.

Find and "Start from last quarter's comment" both put the cursor in a field
that may be on a tab not shown or below the fold of the form's scroll area.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget


def _ancestors(widget: QWidget) -> list[QWidget]:
    chain = []
    parent = widget.parentWidget()
    while parent is not None:
        chain.append(parent)
        parent = parent.parentWidget()
    return chain


def reveal(widget: QWidget) -> None:
    """Show the tab that holds ``widget``, scroll it into view and give it the focus."""
    chain = [widget, *_ancestors(widget)]
    for holder in chain:
        if isinstance(holder, QTabWidget):
            for page in chain:
                if holder.indexOf(page) >= 0:
                    holder.setCurrentWidget(page)
                    break
    for holder in chain:
        inner = holder.widget() if isinstance(holder, QScrollArea) else None
        if inner is not None and inner.isAncestorOf(widget):
            holder.ensureWidgetVisible(widget, 0, 24)
    widget.setFocus()
