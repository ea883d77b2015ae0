"""The Credentials screen's exports: an audit packet (PDF report and certificates zip) of one
cycle, and every activity as CSV. Each runs on the background worker behind a progress dialog
that can cancel; the window stays usable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QProgressDialog, QPushButton, QWidget

from studyplanner.core.ceu_status import CredentialStatus
from studyplanner.core.validation import InvalidInput
from studyplanner.services.credentials import CredentialInfo
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.credentials.credentials_model import cycle_words
from studyplanner.ui.credentials.packet_words import packet_words
from studyplanner.ui.shared import file_dialogs
from studyplanner.ui.shared.background_job import BackgroundJob, JobRunner, ProgressJobs
from studyplanner.ui.shared.formatting import format_date, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import shortcut_safe
from studyplanner.ui.shared.problem_words import problems_words, store_words
from studyplanner.ui.shared.save_target import save_target


def _t(text: str) -> str:
    return tr(text)


class ExportControl(QObject):
    finished = Signal(str, bool)  # what to tell the user, whether it worked

    def __init__(self, db: Database, clock: Callable[[], date], parent: QWidget) -> None:
        super().__init__(parent)
        self._db, self._clock, self._parent = db, clock, parent
        running = _t("An export is still running; wait for it to finish.")
        self.jobs = ProgressJobs(parent, _t("Export"), self._failure, self._set_busy, running)
        self.jobs.finished.connect(self.finished)
        self.packet_button = QPushButton(icon("export"), _t("Export audit &packet…"))
        self.packet_button.setAccessibleName(_t("Export audit packet"))
        self.packet_button.setProperty("icon_name", "export")
        self.packet_menu = QMenu(parent)
        self.packet_menu.setAccessibleName(_t("Audit packet of which cycle"))
        self.packet_button.setMenu(self.packet_menu)
        self.csv_button = QPushButton(icon("spreadsheet"), _t("Export C&SV…"))
        self.csv_button.setAccessibleName(_t("Export activities as CSV"))
        self.csv_button.setProperty("icon_name", "spreadsheet")
        self.csv_button.clicked.connect(lambda: self.export_csv())

    def set_choices(
        self, credentials: Sequence[CredentialInfo], statuses: Sequence[CredentialStatus]
    ) -> None:
        """One menu entry per cycle: open cycles first, then closed ones, newest first."""
        self.packet_menu.clear()
        ordered = sorted(statuses, key=lambda s: (s.closed, s.label, -s.cycle_end.toordinal()))
        for s in ordered:
            if s.closed:
                text = _t("{cycle} (closed)").format(
                    cycle=cycle_words(s.label, s.cycle_start, s.cycle_end)
                )
            else:
                text = _t("{label}, current cycle (ends {end})").format(
                    label=s.label, end=format_date(s.cycle_end)
                )
            action = self.packet_menu.addAction(shortcut_safe(text))
            action.triggered.connect(
                lambda _=False, s=s: self.export_packet(s.label, s.cycle_id, s.cycle_end)
            )
        self.packet_button.setEnabled(bool(ordered))
        del credentials

    def choose_path(self, title: str, suggested: str, kind: str) -> Path | None:
        """Ask where to save (the seam tests replace)."""
        return file_dialogs.save_file(self._parent, title, suggested, kind)

    def busy(self) -> bool:
        return self.jobs.busy()

    # -- the two exports ---------------------------------------------------------------------
    def export_packet(self, label: str, cycle_id: int, end: date) -> BackgroundJob | None:
        from studyplanner.services import ceu_export

        chosen = self.choose_path(
            _t("Save the audit packet of {label}").format(label=label),
            _t("{label}-audit-packet-{end}.pdf").format(label=label, end=end.isoformat()),
            _t("PDF (*.pdf)"),
        )
        target = save_target(
            self._parent, chosen, ".pdf", lambda pdf: (ceu_export.packet_zip(pdf),)
        )
        if target is None:
            return None
        today = self._clock()
        words = packet_words()  # translated here, on the GUI thread

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return ceu_export.write_audit_packet(
                self._db,
                label,
                target.path,
                today,
                cycle_id=cycle_id,
                progress=progress,
                cancelled=cancelled,
                force=target.force,
                words=words,
            )

        def done(packet: Any) -> str:
            text = _t("Saved the audit packet of {label}: {pdf}").format(
                label=label, pdf=packet.pdf
            )
            if packet.certificates_zip is not None:
                text += " " + _t("and the certificates in {zip}.").format(
                    zip=packet.certificates_zip
                )
            if packet.missing_certificates:
                text += " " + _t("{n} of {total} activities have no certificate.").format(
                    n=packet.missing_certificates, total=packet.activities
                )
            return text

        return self._start(
            work, done, _t("Writing the audit packet of {label}…").format(label=label)
        )

    def export_csv(self) -> BackgroundJob | None:
        from studyplanner.services import ceu_export

        chosen = self.choose_path(
            _t("Save the CEU activities"),
            _t("ceu-activities-{date}.csv").format(date=self._clock().isoformat()),
            _t("CSV (*.csv)"),
        )
        target = save_target(self._parent, chosen, ".csv")
        if target is None:
            return None

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return ceu_export.write_activities_csv(self._db, target.path, force=target.force)

        return self._start(
            work,
            lambda n: _t("Saved {n} activities to {path}.").format(n=n, path=target.path),
            _t("Writing the CEU activities…"),
        )

    # -- running -----------------------------------------------------------------------------
    @property
    def job(self) -> BackgroundJob | None:
        return self.jobs.job

    @property
    def progress(self) -> QProgressDialog | None:
        return self.jobs.progress

    @property
    def runner(self) -> JobRunner:
        return self.jobs.runner

    def _start(self, work: Any, done: Callable[[Any], str], label: str) -> BackgroundJob | None:
        return self.jobs.start(work, done, label)

    def cancel(self) -> None:
        """Ask the running export to stop (it removes what it wrote)."""
        self.jobs.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.packet_button.setEnabled(not busy and not self.packet_menu.isEmpty())
        self.csv_button.setEnabled(not busy)

    @staticmethod
    def _failure(exc: BaseException, cancel_requested: bool) -> tuple[str, bool]:
        from studyplanner.services.ceu_export import ExportCancelled

        if isinstance(exc, ExportCancelled) or cancel_requested:
            return _t("Export cancelled: nothing was written."), True
        if isinstance(exc, InvalidInput):
            return problems_words(exc.problems), False
        if isinstance(exc, StoreProblem):
            return store_words(exc), False
        if isinstance(exc, OSError):
            return _t("The export could not be written: {why}.").format(
                why=exc.strerror or exc
            ), False
        return _t("The export failed: {why}").format(why=exc), False
