"""A dialog whose fields are checked on every edit: each problem shows under its field and OK
stays disabled until there is none (also for problems the service finds on saving)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from studyplanner.core.validation import Problem


class ValidatedDialog(QDialog):
    """Subclasses set `ok_button`, implement `problems()` and `problem_labels()`."""

    ok_button: QPushButton

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def problem_labels(self) -> dict[str, QLabel]:
        """Field name -> the label under that field."""
        raise NotImplementedError

    def show_problems(self, problems: Sequence[Problem]) -> None:
        for name, label in self.problem_labels().items():
            messages = [p.message for p in problems if p.field == name]
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))

    def _on_changed(self, *_args: object) -> None:
        problems = self.problems()
        self.show_problems(problems)
        self.ok_button.setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()
