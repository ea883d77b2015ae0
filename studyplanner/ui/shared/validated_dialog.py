"""A dialog whose fields are checked on every edit: each problem shows under its field and OK
stays disabled until there is none (also for problems the service finds on saving).

Nothing is called wrong before the user has typed anything (an empty form is not a mistake), and
a problem appearing or going never moves the fields: its line keeps its room while hidden."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from studyplanner.core.validation import Problem
from studyplanner.ui.shared.problem_words import problem_words


class ValidatedDialog(QDialog):
    """Subclasses set `ok_button`, implement `problems()` and `problem_labels()`."""

    ok_button: QPushButton

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def problem_labels(self) -> dict[str, QLabel]:
        """Field name -> the label under that field."""
        raise NotImplementedError

    _edited = False

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for name, label in self.problem_labels().items():
            policy = label.sizePolicy()
            if not policy.retainSizeWhenHidden():
                policy.setRetainSizeWhenHidden(True)
                label.setSizePolicy(policy)
            messages = [problem_words(p) for p in problems if p.field == name]
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))

    def _on_changed(self, *_args: object) -> None:
        if self.sender() is not None:
            self._edited = True  # a field changed by the user (not the dialog filling itself)
        problems = self.problems()
        self.show_problems(problems if self._edited else [])
        self.ok_button.setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()
