"""The main window: meeting bar, measure list, challenge form, actions, status bar.

The window is wiring. It asks the core for the measure board of the chosen
meeting (one call), hands rows to the list, tells the form which measure to
show, and refreshes a single row when the form reports a save. Every write
happens in a dialog, the form or a flow module; with a read-only store none
of them is offered.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from challenge_app.board import BoardRow, board_for_meeting, build_board
from challenge_app.models import Challenge, Meeting, Parties
from challenge_app.periods import Month
from challenge_app.store import Store
from ui.actions.actions_panel import ActionsPanel
from ui.dialogs.layout import run_modal
from ui.form.challenge_form import ChallengeForm
from ui.history.previous_panel import PreviousMeetingsPanel
from ui.list.measure_list import MeasureList
from ui.window.appendix_moves import AppendixMoves
from ui.window.empty_banner import EmptyBanner
from ui.window.focus import FocusPane, KeyboardNavigation
from ui.window.meeting_bar import MeetingBar
from ui.window.status_line import StatusLine
from ui.window.window_state import WindowState, default_settings, fit_to_screen

DATASET_SUFFIXES = (".csv", ".xlsx")


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        *,
        demo: bool = False,
        settings: QSettings | None = None,
    ):
        super().__init__()
        self.store = store
        self.demo = demo
        self.meeting: Meeting | None = None
        self.writable = not store.readonly
        self.state = WindowState(settings if settings is not None else default_settings())

        self.meeting_bar = MeetingBar()
        self.banner = EmptyBanner()
        self.measures = MeasureList()
        self.form = ChallengeForm(store, self)
        self.actions_panel = ActionsPanel(store)
        self.previous = PreviousMeetingsPanel(store, self.form.comment, self.state.settings)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.challenge_splitter = self.previous.beside(self.form)
        self.tabs.addTab(self.challenge_splitter, "&Challenge")
        self.tabs.addTab(self.actions_panel, "Follow-up &actions")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.panes = [FocusPane(w) for w in (self.meeting_bar, self.measures, self.tabs)]
        self.splitter.addWidget(self.panes[1])
        self.splitter.addWidget(self.panes[2])
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.status_line = StatusLine(self.statusBar())

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panes[0])
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._connect()
        self.form.chart_fold.set_folded(self.state.chart_folded())
        self.keyboard = KeyboardNavigation(self, self.panes, self.measures.view, self.form)
        self.setAcceptDrops(self.writable)
        fit_to_screen(self, QSize(1360, 820))
        self.splitter.setSizes([780, 580])
        self.state.restore(self, *self._layout_parts())

        self.meeting_bar.set_writable(self.writable)
        self.actions_panel.set_writable(self.writable)
        self._apply_parties()
        self.reload_meetings()
        self._update_title()

    # -- building ---------------------------------------------------------
    def _add_action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # not the "checked" flag
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        if self.writable:
            self._add_action(file_menu, "&New meeting…", self.new_meeting, "Ctrl+N")
            self._add_action(file_menu, "&Edit meeting details…", self.edit_meeting)
            file_menu.addSeparator()
            self._add_action(
                file_menu, "&Import provider dataset…", self.import_dataset, "Ctrl+I",
                "Read a .csv or .xlsx in the import template (or drop the file on the window)",
            )  # fmt: skip
        self._add_action(
            file_menu, "E&xport appendices…", self.export_appendices, "Ctrl+E",
            "Write the Excel appendices for the chosen meeting",
        )  # fmt: skip
        self._add_action(
            file_menu, "Export &report (Word)…", self.export_report, "Ctrl+Shift+E",
            "Write the performance section of the scrutiny report as a Word document",
        )  # fmt: skip
        file_menu.addSeparator()
        self._add_action(file_menu, "Export challenge &pack…", self.export_pack)
        if self.writable:
            self._add_action(file_menu, "Import challenge pac&k…", self.import_pack)
        file_menu.addSeparator()
        if self.writable:
            self.request_responses_action = self._add_action(
                file_menu, "Req&uest responses…", self.request_responses,
                tip="Write the workbook the provider fills in with its responses",
            )  # fmt: skip
            self._add_action(
                file_menu, "I&mport responses…", self.import_responses,
                tip="Read the response workbook the provider sent back "
                "(or drop it on the window)",
            )  # fmt: skip
            file_menu.addSeparator()
        if self.writable:
            self._add_action(
                file_menu, "&Restore from backup…", self.restore_backup,
                tip="Replace this database with one of its daily backup copies",
            )  # fmt: skip
            file_menu.addSeparator()
        self.file_menu = file_menu
        self._add_action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        if self.writable:
            self._add_action(edit_menu, "&Parties and marking…", self.edit_parties)
            self._add_action(edit_menu, "New follow-up &action…", self._add_follow_up)
            edit_menu.addSeparator()
            self.moves = AppendixMoves(
                self,
                self.store,
                meeting=lambda: self.meeting,
                current=self.measures.current_row,
                before=self.form.flush,
                after=self._moved_in_appendix,
                announce=self.status_line.announce,
            )
            for action in self.moves.actions:
                edit_menu.addAction(action)
                self.measures.view.addAction(action)  # the list's context menu
            self.measures.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            edit_menu.addSeparator()
        self._add_action(edit_menu, "&Filter measures", self.measures.focus_filter, "Ctrl+F")
        self._add_action(edit_menu, "F&ind in all meetings…", self.find_anywhere, "Ctrl+Shift+F")
        if self.writable:
            edit_menu.addAction(self.previous.start_action)
        self._add_action(edit_menu, "&Clear filters", self.measures.filters.clear)

        view_menu = bar.addMenu("&View")
        self._add_action(view_menu, "&Next measure", lambda: self.measures.move(1), "Ctrl+PgDown")
        self._add_action(
            view_menu, "&Previous measure", lambda: self.measures.move(-1), "Ctrl+PgUp"
        )
        self._add_action(
            view_menu, "Follow-up &actions", lambda: self.tabs.setCurrentWidget(self.actions_panel)
        )
        view_menu.addAction(self.previous.fold_action)
        self.chart_action = self._add_action(
            view_menu, "Trend &chart", lambda: None, "Ctrl+Shift+T",
            "Show the trend chart on the form, or fold it away to see more of the record",
        )  # fmt: skip
        self.chart_action.setCheckable(True)
        self.chart_action.setChecked(not self.form.chart_fold.folded)
        self.chart_action.toggled.connect(lambda shown: self.form.chart_fold.set_folded(not shown))
        view_menu.addSeparator()
        view_menu.addMenu(self.measures.columns_menu)

        help_menu = bar.addMenu("&Help")
        self.help_menu = help_menu
        self._add_action(help_menu, "&Help", self.show_help, QKeySequence.StandardKey.HelpContents)
        self._add_action(help_menu, "Save blank import &template…", self.save_template)
        self._add_action(help_menu, "Open &data folder", self.open_data_folder)

    def _connect(self) -> None:
        self.meeting_bar.meeting_chosen.connect(self._meeting_chosen)
        self.meeting_bar.new_requested.connect(self.new_meeting)
        self.meeting_bar.edit_requested.connect(self.edit_meeting)
        self.meeting_bar.parties_requested.connect(self.edit_parties)
        self.banner.new_meeting.connect(self.new_meeting)
        self.banner.import_dataset.connect(self.import_dataset)
        self.measures.current_changed.connect(self._measure_chosen)
        self.measures.filters.changed.connect(self._update_status)
        self.actions_panel.changed.connect(self._actions_changed)
        self.actions_panel.changed.connect(lambda _open: self.previous.refresh())
        self.form.chart_fold.folded_changed.connect(self._chart_folded)
        self.form.saved.connect(self._challenge_saved)

    def _layout_parts(self) -> tuple[dict, dict]:
        return (
            {"main": self.splitter, "challenge": self.challenge_splitter},
            {
                "measures": self.measures.view.horizontalHeader(),
                "actions": self.actions_panel.view.horizontalHeader(),
            },
        )

    def _chart_folded(self, folded: bool) -> None:
        self.state.set_chart_folded(folded)
        self.chart_action.setChecked(not folded)

    # -- meetings and rows ------------------------------------------------
    def reload_meetings(self, chosen_id: int | None = None) -> None:
        """Refill the meeting bar (which then rebuilds the rows for its choice)."""
        meetings = self.store.meetings.all()
        self.meeting_bar.set_meetings(meetings, chosen_id)

    def reload_rows(self) -> None:
        self.measures.set_rows(self._board(), self.measures.current_code())
        self.actions_panel.set_meeting(self.meeting, self.measures.rows())
        self._update_banner()
        self._update_status()

    def _board(self) -> list[BoardRow]:
        if self.meeting is not None:
            return board_for_meeting(self.store, self.meeting)
        quarter = self.store.measures.latest_quarter()
        if quarter is None:
            quarter = Month(date.today().year, date.today().month).quarter.previous()
        return build_board(self.store, quarter)

    def _meeting_chosen(self, meeting: Meeting | None) -> None:
        self.form.flush()  # pending typing belongs to the meeting we are leaving
        self.meeting = meeting
        self.reload_rows()
        self._update_title()

    def _measure_chosen(self, row: BoardRow | None) -> None:
        self.form.show_measure(self.meeting, row)
        self.actions_panel.set_current_code(row.code if row else None)
        self.previous.show_measure(self.meeting, row)

    def _challenge_saved(self, challenge: Challenge) -> None:
        """Refresh one row's mark and placement: no need to rebuild the board."""
        if self.meeting is None or challenge.meeting_id != self.meeting.id:
            return  # saved for the meeting being left: the board shown is another's
        position = self.measures.model.position_of(challenge.code)
        if position is None:
            return
        old = self.measures.model.row_at(position)
        self.measures.update_row(replace(old, challenge=challenge))
        self._update_status()

    def _moved_in_appendix(self, code: str) -> None:
        """Show the new order (the list and the status bar), the measure still selected."""
        self.reload_rows()
        place = self.measures.model.appendix_place(code)
        row = self.measures.current_row()
        if place is not None and row is not None:
            self.status_line.announce(
                f"{code} is now number {place[0]} of {place[1]} in {row.published.label}."
            )

    # -- commands ---------------------------------------------------------
    def new_meeting(self) -> None:
        if not self.writable:
            return
        self.form.flush()
        from ui.dialogs.meeting_dialog import MeetingDialog  # dialogs load when first used

        dialog = MeetingDialog(self.store, None, self)
        if run_modal(dialog):
            self.reload_meetings(dialog.meeting.id)

    def edit_meeting(self) -> None:
        if not self.writable or self.meeting is None:
            return
        self.form.flush()
        from ui.dialogs.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(self.store, self.meeting, self)
        if run_modal(dialog):
            self.reload_meetings(dialog.meeting.id)

    def edit_parties(self) -> None:
        if not self.writable:
            return
        self.form.flush()
        from ui.dialogs.parties_dialog import PartiesDialog

        if run_modal(PartiesDialog(self.store, self)):
            self._apply_parties()
            self._update_banner()

    def show_help(self) -> None:
        from ui.dialogs.help_dialog import HelpDialog

        run_modal(HelpDialog(self))

    def import_dataset(self, path: Path | None = None) -> None:
        self.form.flush()
        from ui.flows.import_flow import import_file_interactively  # flows load when first used

        if import_file_interactively(self, self.store, path):
            self.reload_meetings(self.meeting.id if self.meeting else None)

    def export_appendices(self) -> None:
        self.form.flush()
        from ui.flows.export_flow import export_appendices_interactively

        written = export_appendices_interactively(self, self.store, self.meeting)
        if written:
            self.status_line.announce(f"Appendices written to {written}")

    def export_report(self) -> None:
        self.form.flush()
        from ui.flows.export_flow import export_report_interactively

        written = export_report_interactively(self, self.store, self.meeting)
        if written:
            self.status_line.announce(f"Report written to {written}")

    def request_responses(self) -> None:
        self.form.flush()
        from ui.flows.responses_flow import request_responses_interactively

        written = request_responses_interactively(self, self.store, self.meeting)
        if written:
            self.status_line.announce(f"Response workbook written to {written}")

    def import_responses(self, path: Path | None = None) -> None:
        self.form.flush()  # the officer's pending typing is recorded before comparing
        from ui.flows.responses_flow import import_responses_interactively

        if import_responses_interactively(self, self.store, self.meeting, path):
            self.reload_meetings(self.meeting.id if self.meeting else None)

    def export_pack(self) -> None:
        self.form.flush()
        from ui.flows.pack_flow import export_pack_interactively

        written = export_pack_interactively(self, self.store)
        if written:
            self.status_line.announce(f"Challenge pack written to {written}")

    def import_pack(self) -> None:
        self.form.flush()
        from ui.flows.pack_flow import import_pack_interactively

        if import_pack_interactively(self, self.store):
            self._apply_parties()
            self.reload_meetings(self.meeting.id if self.meeting else None)

    def restore_backup(self) -> None:
        self.form.flush()
        from ui.flows.backup_flow import restore_from_backup_interactively

        if restore_from_backup_interactively(self, self.store):
            self._apply_parties()
            self.reload_meetings()

    def open_data_folder(self) -> None:
        from ui.flows.backup_flow import open_data_folder

        open_data_folder(self, self.store)

    def save_template(self) -> None:
        from ui.flows.import_flow import save_template_interactively

        written = save_template_interactively(self)
        if written:
            self.status_line.announce(f"Blank import template saved to {written}")

    def find_anywhere(self) -> None:
        from ui.find.find_flow import find_anywhere  # loaded when first used

        find_anywhere(self)

    def _add_follow_up(self) -> None:
        self.tabs.setCurrentWidget(self.actions_panel)
        self.actions_panel.add()

    # -- small views of state ---------------------------------------------
    def _apply_parties(self) -> None:
        parties = self.store.settings.parties()
        if self.writable:
            self.request_responses_action.setText(
                f"Req&uest responses from {parties.provider.replace('&', '&&')}…"
            )
        self.meeting_bar.set_parties(parties)
        self.form.apply_parties(parties)

    def _actions_changed(self, open_count: int) -> None:
        label = "Follow-up &actions"
        index = self.tabs.indexOf(self.actions_panel)
        self.tabs.setTabText(index, f"{label} ({open_count} open)" if open_count else label)

    def _update_banner(self) -> None:
        self.banner.update_for(
            has_meetings=self.meeting is not None,
            has_measures=bool(self.measures.rows()),
            writable=self.writable,
            period=str(self.measures.rows()[0].quarter) if self.measures.rows() else "",
            parties_set=self.store.settings.parties() != Parties(),
        )

    def _update_status(self) -> None:
        self.status_line.show_rows(
            self.measures.rows(), self.measures.visible_count(), self.meeting
        )

    def _update_title(self) -> None:
        name = self.store.path.name if self.store.path else "Challenge"
        parts = [f"Challenge - {name}"]
        if self.meeting is not None:
            parts.append(f"- {self.meeting.period}")
        if self.demo:
            parts.append("(demo)")
        if self.store.readonly:
            parts.append("(read-only)")
        self.setWindowTitle(" ".join(parts))

    # -- window events ----------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_dataset(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_dataset(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        from challenge_app.responses.workbook_in import is_response_workbook

        if is_response_workbook(path):
            self.import_responses(path)
        else:
            self.import_dataset(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.form.flush()
        self.state.save(self, *self._layout_parts())
        event.accept()


def _dropped_dataset(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local .csv/.xlsx file being dropped (a dataset or a response workbook)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in DATASET_SUFFIXES else None
