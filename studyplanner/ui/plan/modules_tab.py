"""The Plan screen's Modules tab: edit the track's modules, then ask for a preview."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studyplanner.services.snapshots import PlanChange, PlanSnapshot
from studyplanner.ui.plan.module_editor import ModuleEditor
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label


class ModulesTab(QWidget):
    preview_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: PlanSnapshot | None = None
        hint = QLabel(
            self.tr(
                "Rename, re-estimate, reorder, add or remove modules of your own copy of the "
                "track. Completed modules cannot be changed. Nothing is saved until you accept "
                "the preview."
            )
        )
        hint.setWordWrap(True)
        self.editor = ModuleEditor()
        self.problems_label = problem_label()
        self.problems_label.setAccessibleName(self.tr("Problems with the modules"))
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        self.discard_button.setAccessibleName(self.tr("Discard changes"))
        self.discard_button.clicked.connect(self._on_discard)
        self.preview_button = QPushButton(icon("refresh"), self.tr("&Preview changes…"))
        self.preview_button.setAccessibleName(self.tr("Preview changes"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self._on_preview)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(buttons)
        self.editor.model.changed.connect(self._on_edited)

    def fill(self, plan: PlanSnapshot) -> None:
        self._plan = plan
        self._on_discard()

    def _on_discard(self) -> None:
        if self._plan is None:
            return
        self.editor.model.set_modules(self._plan.track.modules, self._plan.track.term_count)
        self.editor.set_term_count(self._plan.track.term_count)
        self.problems_label.hide()
        self.preview_button.setEnabled(False)
        self.discard_button.setEnabled(False)

    def _on_edited(self) -> None:
        problems = self.editor.model.problems()
        self.problems_label.setText("\n".join(problems))
        self.problems_label.setVisible(bool(problems))
        self.preview_button.setEnabled(not problems)
        self.discard_button.setEnabled(True)

    def _on_preview(self) -> None:
        self.preview_requested.emit(PlanChange(modules=self.editor.model.drafts()))
