"""F1: a short page on how the window works and its keyboard shortcuts.

The text is ours, not the officer's, so it may be rich text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from challenge_app import __version__
from challenge_app.rag import SCREEN_ORDER

SHORTCUTS = (
    ("Tab / Shift+Tab", "Move between the meeting bar, the filters, the list and the form"),
    ("Up / Down", "Next or previous measure in the list"),
    ("Enter or F2", "In the list: write the selected measure's comment"),
    ("Escape", "In the form: back to the list"),
    (
        "Ctrl+Page Down / Ctrl+Page Up",
        "Next or previous measure, from anywhere; the cursor stays in the same field",
    ),
    ("Ctrl+Shift+T", "Show or fold away the trend chart"),
    ("Ctrl+F", "Filter the measure list (Escape clears the filter text)"),
    ("Ctrl+Shift+F", "Find words in every meeting; Enter opens the result chosen"),
    ("Ctrl+Shift+L", "Start this meeting's empty comment from last quarter's"),
    ("Ctrl+Shift+P", "Show or fold away the previous meetings beside the form"),
    ("Ctrl+N", "New meeting"),
    ("Ctrl+Shift+A", "New follow-up action"),
    ("Ctrl+Shift+Up / Ctrl+Shift+Down", "Move the selected measure up or down in its appendix"),
    ("Ctrl+E", "Export the appendices workbook"),
    ("Ctrl+Shift+E", "Export the report (Word)"),
    ("Ctrl+I", "Import a provider dataset"),
    ("Ctrl+Z", "Undo typing in a text box, or the last change to the questions list"),
    ("Ctrl+Enter", "In the questions list: add a question"),
    ("F2 / Enter", "In the questions list: edit the selected question / finish editing"),
    ("Del", "In the questions list: remove the selected question"),
    ("Alt+Up / Alt+Down", "In the questions list: move the selected question"),
    ("F1", "This help"),
    ("Ctrl+Q", "Quit (everything is already saved)"),
)


def help_html() -> str:
    statuses = "".join(
        f"<li><b>{s.short}</b> ({s.letter}): {s.report_wording}</li>" for s in SCREEN_ORDER
    )
    keys = "".join(f"<tr><td><b>{k}</b></td><td>{what}</td></tr>" for k, what in SHORTCUTS)
    return f"""
<h2>Challenge {__version__}</h2>
<p>Choose the meeting at the top. The list on the left shows every measure for the
quarter that meeting reviews; select one to write the challenge on the right. Your
typing is saved as you go, and when you move to another measure or meeting.</p>
<p>The <b>RAG</b> column always spells out the status:</p>
<ul>{statuses}</ul>
<p><b>Travel</b> compares the quarter with the one before, taking into account whether
higher or lower is better: &#9650; improving, &#9654; stable, &#9660; declining.
A &#9998; in the <b>Challenge</b> column means something has been written for the measure.
<b>Placement</b> in <i>italics</i> is the suggestion from status and travel; choose it in
the form to decide. Only what the meeting said is published: a measure appears in an
appendix when you placed it there, or when something is written for it and the
suggestion places it there. The number after the appendix (Appendix 1 &middot; 2) is
its place in the printed appendix; Ctrl+Shift+Up and Ctrl+Shift+Down move it.
Right-click the list's headings (or use View &gt; Columns) to show or
hide columns such as Latest month, Tolerance and Area.</p>
<p><b>Follow-up actions</b> that are still open carry forward to later meetings until
they are marked done or dropped.</p>
<p><b>Spelling</b> is checked in UK English as you type: a red wavy line marks a word the
dictionary does not know (codes such as A09 and acronyms such as DMBC are left alone).
Right-click the word, or press the Menu key, for suggestions or to add it to your own
dictionary, which is kept for next time.</p>
<h3>Keyboard</h3>
<table cellspacing="6">{keys}</table>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Challenge help")
        self.resize(560, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
