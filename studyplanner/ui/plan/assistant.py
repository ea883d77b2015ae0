"""The plan assistant (first run, and File ▸ New plan): track, start and goal, weekly time and days
off, then a summary with the verdict. Finishing creates the plan and its first baseline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from studyplanner.core.model import Availability, Schedule, Term
from studyplanner.core.validation import InvalidInput, check_availability
from studyplanner.services.catalog import module_term_refs, track_defaults
from studyplanner.services.database import Database
from studyplanner.services.plan_fixes import PlanFixOffer, new_plan_fixes
from studyplanner.services.plans import (
    create_plan,
    list_track_templates,
    preview_new_plan,
)
from studyplanner.services.snapshots import (
    ModuleDraft,
    NewPlan,
    PlanSettings,
    PlanSnapshot,
    TrackTemplateInfo,
)
from studyplanner.ui.plan.availability_editor import PRESETS, AvailabilityEditor
from studyplanner.ui.plan.blackout_editor import BlackoutEditor
from studyplanner.ui.plan.fix_buttons import FixButtons
from studyplanner.ui.plan.goal_editor import GoalEditor
from studyplanner.ui.plan.module_editor import ModuleEditor
from studyplanner.ui.plan.timeline_view import TimelineRow, TimelineView
from studyplanner.ui.shared.focus_order import wizard_buttons_last
from studyplanner.ui.shared.formatting import (
    date_edit,
    format_date,
    format_hours,
    pydate,
    qdate,
    verdict_sentences,
    verdict_status,
)
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.on_worker import on_worker
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.preview_dialog import PreviewDialog
from studyplanner.ui.shared.problem_words import problem_words, problems_words
from studyplanner.ui.shared.screen_fit import fit_to_screen, scrolled_layout

CUSTOM = "__custom__"


class TrackPage(QWizardPage):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setTitle(self.tr("Which track do you follow?"))
        self.setSubTitle(
            self.tr("Choose a built-in track (you get your own copy to edit) or create your own.")
        )
        self.templates = {t.id: t for t in list_track_templates()}
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Tracks"))
        for t in self.templates.values():
            text = self.tr(
                "{name}\nPrepares for {credential} ({body}) · {modules} modules · about {hours}"
            ).format(
                name=t.name, credential=t.goal_credential, body=t.body, modules=t.module_count,
                hours=format_hours(t.total_minutes),
            )  # fmt: skip
            item = QListWidgetItem(icon("lesson" if t.is_degree else "book"), text)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, t.name)
            self.list.addItem(item)
        custom = QListWidgetItem(
            icon("edit"), self.tr("Create my own track\nStart from an empty list")
        )
        custom.setData(Qt.ItemDataRole.UserRole, CUSTOM)
        custom.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Create my own track"))
        self.list.addItem(custom)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("About the chosen track"))
        self.custom_box = QGroupBox(self.tr("Your own track"))
        form = QFormLayout(self.custom_box)
        self.custom_name = QLineEdit()
        self.custom_name.setAccessibleName(self.tr("Name of your track"))
        self.custom_name.setPlaceholderText(self.tr("e.g. My CPC review"))
        form.addRow(self.tr("&Name:"), self.custom_name)
        self.custom_modules = ModuleEditor()
        self.custom_modules.set_term_count(0)
        self.custom_modules.model.add_module(-1)
        form.addRow(self.custom_modules)
        self.custom_problem = problem_label()
        form.addRow(self.custom_problem)
        self.custom_box.hide()
        layout = scrolled_layout(self, self.title())
        layout.addWidget(self.list, 2)
        layout.addWidget(self.details)
        layout.addWidget(self.custom_box, 3)
        self.list.currentItemChanged.connect(self._on_choice)
        self.custom_name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.custom_modules.model.changed.connect(self.completeChanged.emit)
        self.list.setCurrentRow(0)

    def choice(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def template(self) -> TrackTemplateInfo | None:
        choice = self.choice()
        return self.templates.get(choice) if choice else None

    def _on_choice(self, *_args: object) -> None:
        template = self.template()
        self.custom_box.setVisible(self.choice() == CUSTOM)
        if template is not None and template.is_degree:
            low, high = template.usual_months
            defaults = track_defaults(template.id, self._today)
            text = self.tr(
                "Usually {low} to {high} months in {terms} terms. Full-time study is about "
                "{hours} a week during a term (about 45 hours of work per credit, 15 credits "
                "a term)."
            ).format(
                low=low,
                high=high,
                terms=template.term_count,
                hours=format_hours(defaults.minutes_per_week),
            )
            if template.part_time_terms:
                slower = track_defaults(template.id, self._today, part_time=True)
                years = round((slower.terms[-1].end - slower.terms[0].start).days / 365.25)
                text += " " + self.tr(
                    "Part-time, over {terms} terms in about {years} years: about {hours} a week."
                ).format(
                    terms=template.part_time_terms,
                    years=years,
                    hours=format_hours(slower.minutes_per_week),
                )
            text += " " + self.tr(
                "The hours are estimates: after choosing, you can edit your own copy."
            )
            self.details.setText(text)
            self.details.setToolTip(template.basis)
            self.details.show()
        elif template is not None:
            low, high = template.usual_months
            weeks_long, weeks_short = high * 4.35, low * 4.35
            slow = format_hours(int(template.total_minutes / weeks_long))
            fast = format_hours(int(template.total_minutes / weeks_short))
            self.details.setText(
                self.tr(
                    "Usually {low} to {high} months, that is about {slow} to {fast} of study a "
                    "week. The hours are estimates: after choosing, you can rename, re-estimate, "
                    "reorder, add or remove modules of your own copy."
                ).format(low=low, high=high, slow=slow, fast=fast)
            )
            self.details.setToolTip(template.basis)
            self.details.show()
        else:
            self.details.hide()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.choice() != CUSTOM:
            return self.template() is not None
        problems = self.custom_modules.model.problems()
        if not self.custom_name.text().strip():
            problems.insert(0, self.tr("Give your track a name."))
        self.custom_problem.setText("\n".join(problems))
        self.custom_problem.setVisible(bool(problems))
        return not problems

    def custom_drafts(self) -> tuple[ModuleDraft, ...]:
        return self.custom_modules.model.drafts()


class TermEditor(QGroupBox):
    """Start and end of each degree term, suggested from the start date and editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Term dates"), parent)
        outer = QVBoxLayout(self)
        self.part_time = QCheckBox()
        self.part_time.setAccessibleName(self.tr("Study part-time"))
        self.part_time.hide()
        outer.addWidget(self.part_time)
        rows = QWidget()
        outer.addWidget(rows)
        self._form = QFormLayout(rows)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._rows: list[tuple[QDateEdit, QDateEdit]] = []
        self.problem = problem_label()

    def set_terms(self, terms: tuple[Term, ...]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._rows = []
        for t in terms:
            first = date_edit(t.start, self.tr("Term {n} start").format(n=t.number))
            last = date_edit(t.end, self.tr("Term {n} end").format(n=t.number))
            row = QHBoxLayout()
            row.addWidget(first)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(last)
            row.addStretch(1)
            self._form.addRow(self.tr("Term {n}:").format(n=t.number), row)
            self._rows.append((first, last))
        self.problem = problem_label()
        self._form.addRow(self.problem)

    def terms(self) -> tuple[Term, ...]:
        result = []
        for number, (first, last) in enumerate(self._rows, start=1):
            start, end = pydate(first.date()), pydate(last.date())
            if end < start:
                raise ValueError(self.tr("Term {n} ends before it starts.").format(n=number))
            result.append(Term(number, start, end))
        return tuple(result)

    def edits(self) -> list[QDateEdit]:
        return [e for pair in self._rows for e in pair]


class GoalPage(QWizardPage):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("When do you start, and what is your goal?"))
        self.setSubTitle(
            self.tr(
                "Give a target date (for example your exam date) "
                "or the hours you want to study a week."
            )
        )
        self.goal = GoalEditor(today)
        self.terms = TermEditor()
        self.terms.hide()
        layout = scrolled_layout(self, self.title())
        layout.addWidget(self.goal)
        layout.addWidget(self.terms)
        layout.addStretch(1)
        self.goal.changed.connect(self._on_changed)
        self.terms.part_time.toggled.connect(lambda _on: self._on_changed())
        self._template_id: str | None = None
        self._terms_for: tuple[date, bool] | None = None
        self._defaults_for: str | None = None
        self._default_target: date | None = None

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, PlanAssistant)
        template = wizard.track_page.template()
        self._template_id = template.id if template and template.is_degree else None
        if template is not None and template.id != self._defaults_for:
            self.terms.part_time.setChecked(False)
            self._apply_defaults(template.id)
        part_time_terms = template.part_time_terms if template else 0
        self.terms.part_time.setText(
            self.tr("&Part-time: {n} terms, three a year (about three years)").format(
                n=part_time_terms
            )
        )
        self.terms.part_time.setVisible(part_time_terms > 0)
        self._suggest_terms(force=True)
        self.terms.setVisible(self._template_id is not None)

    def _apply_defaults(self, template_id: str) -> None:
        """The track's own defaults: a degree finishes at the end of its last term; a program
        studies the hours a week that land it inside its usual months."""
        self._defaults_for = template_id
        start = self.goal.start_date()
        defaults = track_defaults(template_id, start)
        self.goal.target.blockSignals(True)
        self.goal.target.setDate(qdate(defaults.target_if_chosen))
        self.goal.target.blockSignals(False)
        self.goal.set_values(start, defaults.target, defaults.weekly_minutes)
        self._default_target = defaults.target_if_chosen

    def _suggest_terms(self, force: bool = False) -> None:
        if self._template_id is None:
            return
        start = self.goal.start_date()
        part_time = self.terms.part_time.isChecked()
        if force or (start, part_time) != self._terms_for:
            defaults = track_defaults(self._template_id, start, part_time=part_time)
            terms = defaults.terms
            self.set_terms(terms)
            self._terms_for = (start, part_time)
            wizard = self.wizard()
            if isinstance(wizard, PlanAssistant):
                refs = module_term_refs(self._template_id, defaults.module_terms)
                wizard.set_module_terms(refs, terms)
            target = self.goal.target_date()
            if target is not None and target == self._default_target and terms:
                self._default_target = terms[-1].end  # the target follows the last term
                self.goal.target.setDate(qdate(terms[-1].end))

    def set_terms(self, terms: tuple[Term, ...]) -> None:
        self.terms.set_terms(terms)
        for edit in self.terms.edits():
            edit.dateChanged.connect(lambda *_: self.completeChanged.emit())

    def _on_changed(self) -> None:
        self._suggest_terms()
        self.completeChanged.emit()

    def term_dates(self) -> tuple[Term, ...]:
        return self.terms.terms() if self._template_id else ()

    def isComplete(self) -> bool:
        ok = not self.goal.problems()
        if self._template_id:
            try:
                self.term_dates()
                self.terms.problem.hide()
            except ValueError as exc:
                self.terms.problem.setText(str(exc))
                self.terms.problem.show()
                ok = False
        return ok


class TimePage(QWizardPage):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How much time do you have?"))
        self.setSubTitle(
            self.tr("Minutes you can study on each weekday, and days off such as vacations.")
        )
        self.availability = AvailabilityEditor()
        self.problem = problem_label()
        self.blackouts = BlackoutEditor(today)
        week = QGroupBox(self.tr("Each week"))
        week_layout = QVBoxLayout(week)
        week_layout.addWidget(self.availability)
        week_layout.addWidget(self.problem)
        off = QGroupBox(self.tr("Days off"))
        QVBoxLayout(off).addWidget(self.blackouts)
        layout = scrolled_layout(self, self.title())
        layout.addWidget(week)
        layout.addWidget(off)
        self.availability.changed.connect(self.completeChanged.emit)
        self.availability.set_availability(Availability(PRESETS[1][1]))
        self._defaults_for: tuple[str, bool] | None = None

    def initializePage(self) -> None:
        """For a newly chosen track, the smallest preset week that holds its default hours."""
        wizard = self.wizard()
        assert isinstance(wizard, PlanAssistant)
        template = wizard.track_page.template()
        part_time = wizard.goal_page.terms.part_time.isChecked()
        key = (template.id, part_time) if template else None
        if template is None or key == self._defaults_for:
            return
        self._defaults_for = key
        start = wizard.goal_page.goal.start_date()
        needed = track_defaults(template.id, start, part_time=part_time).minutes_per_week
        # A week whose longest day holds the track's longest exam sitting, where one does.
        sitting = template.longest_sitting_minutes
        holding = [m for _, m in PRESETS if max(m) >= sitting] or [m for _, m in PRESETS]
        weeks = sorted((sum(minutes), minutes) for minutes in holding)
        chosen = next((m for total, m in weeks if total >= needed), weeks[-1][1])
        self.availability.set_availability(Availability(chosen))

    def isComplete(self) -> bool:
        wizard = self.wizard()
        weekly = (
            wizard.goal_page.goal.weekly_minutes() if isinstance(wizard, PlanAssistant) else None
        )
        problems = check_availability(self.availability.availability(), weekly)
        self.problem.setText(problems_words(problems, " "))
        self.problem.setVisible(bool(problems))
        return not problems


class SummaryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your plan"))
        self.setSubTitle(
            self.tr("Check the verdict. Finish saves the plan; you can change it later.")
        )
        self.status_icon = QLabel()
        self.status_word = QLabel()
        self.verdict = PlainLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.fixes = FixButtons()
        self.fixes.chosen.connect(self._on_fix)
        self.problem = problem_label()
        row = QHBoxLayout()
        row.addWidget(self.status_icon)
        row.addWidget(self.status_word)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.fixes)
        layout.addWidget(self.facts)
        layout.addWidget(self.problem)
        self.timeline = TimelineView()
        self.timeline.setAccessibleName(self.tr("Timeline of the new plan"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Timeline of the new plan"))
        scroll.setWidget(self.timeline)
        layout.addWidget(scroll, 1)
        self._ok = False
        self._schedule: Schedule | None = None

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, PlanAssistant)
        self._ok = False
        self.fixes.set_offers(())
        try:
            new = wizard.new_plan()
            preview = preview_new_plan(new, wizard.today)
        except (InvalidInput, ValueError) as exc:
            messages = (
                [problem_words(p) for p in exc.problems]
                if isinstance(exc, InvalidInput)
                else [str(exc)]
            )
            self.problem.setText("\n".join(messages))
            self.problem.show()
            self.verdict.clear()
            self.completeChanged.emit()
            return
        self.problem.hide()
        self._schedule = preview.schedule
        verdict = preview.schedule.verdict
        if not verdict.fits:
            self.fixes.set_offers(new_plan_fixes(new, wizard.today))
        name, word = verdict_status(verdict)
        self.status_icon.setPixmap(icon(name).pixmap(22, 22))
        self.status_word.setText(f"<b>{word}</b>")
        self.verdict.setText(" ".join(verdict_sentences(verdict)))
        modules = len(preview.modules)
        hours = format_hours(sum(m.minutes for m in preview.modules))
        self.facts.setText(
            self.tr("{modules} modules, {hours} in all, from {start} to {finish}.").format(
                modules=modules,
                hours=hours,
                start=format_date(preview.settings.start, True),
                finish=format_date(preview.schedule.finish, True),
            )
        )
        scheduled = {m.module_id: m for m in preview.schedule.modules}
        rows = []
        for m in preview.modules:
            s = scheduled.get(m.id)
            start, due = (s.start, s.due) if s else (None, None)
            rows.append(TimelineRow(m.title, m.kind, start, due, m.minutes, m.done))
        self.timeline.set_rows(
            rows, wizard.today, preview.settings.target, preview.settings.blackouts
        )
        self._ok = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ok

    def _on_fix(self, offer: PlanFixOffer) -> None:
        """Preview the fix; accepted, the assistant's answers take its values."""
        wizard = self.wizard()
        assert isinstance(wizard, PlanAssistant)
        if self._schedule is None or offer.new_plan is None:
            return
        if not PreviewDialog.ask(offer.preview, self._schedule, self, self.tr("&Use this")):
            return
        wizard.use_answers(offer.new_plan)
        self.initializePage()


class PlanAssistant(QWizard):
    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.today = today
        self.created: PlanSnapshot | None = None
        self.module_terms: tuple[tuple[int, int], ...] = ()
        """Courses a fix moved to other terms (template ref, term), for these term dates."""
        self._module_terms_for: tuple[Term, ...] = ()
        self.setWindowTitle(self.tr("New study plan"))
        self.setWindowIcon(icon("wizard"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 420)  # a 1024x600 screen: the pages scroll, never the buttons
        self.track_page = TrackPage(today)
        self.goal_page = GoalPage(today)
        self.time_page = TimePage(today)
        self.summary_page = SummaryPage()
        for page in (self.track_page, self.goal_page, self.time_page, self.summary_page):
            self.addPage(page)
        wizard_buttons_last(self)  # Tab reads the page, then Back, Next and Cancel
        self.currentIdChanged.connect(lambda _page: wizard_buttons_last(self))
        fit_to_screen(self, QSize(960, 720))

    def new_plan(self) -> NewPlan:
        goal = self.goal_page.goal
        settings = PlanSettings(
            start=goal.start_date(),
            availability=self.time_page.availability.availability(),
            target=goal.target_date(),
            weekly_minutes=goal.weekly_minutes(),
            blackouts=self.time_page.blackouts.blackouts(),
            terms=self.goal_page.term_dates(),
        )
        choice = self.track_page.choice()
        module_terms = self.module_terms if settings.terms == self._module_terms_for else ()
        if choice == CUSTOM:
            return NewPlan(
                settings=settings,
                custom_name=self.track_page.custom_name.text().strip(),
                custom_modules=self.track_page.custom_drafts(),
            )
        return NewPlan(settings=settings, template_id=choice, module_terms=module_terms)

    def use_answers(self, new: NewPlan) -> None:
        """Fill the pages with a changed plan (a fix): goal, week and term dates."""
        settings = new.settings
        self.goal_page.goal.set_values(settings.start, settings.target, settings.weekly_minutes)
        self.time_page.availability.set_availability(settings.availability)
        if settings.terms:
            self.goal_page.set_terms(settings.terms)
        self.set_module_terms(new.module_terms, settings.terms)

    def set_module_terms(
        self, module_terms: tuple[tuple[int, int], ...], terms: tuple[Term, ...]
    ) -> None:
        """Courses in other terms than the track's (part-time, or a fix), for these terms."""
        self.module_terms = module_terms
        self._module_terms_for = terms

    def accept(self) -> None:
        new, today = self.new_plan(), self.today
        try:
            self.created = on_worker(
                self, self.tr("Saving the plan…"), lambda: create_plan(self._db, new, today)
            )
        except InvalidInput as exc:
            self.summary_page.problem.setText(problems_words(exc.problems))
            self.summary_page.problem.show()
            return
        super().accept()

    @classmethod
    def ask(cls, db: Database, today: date, parent: QWidget | None = None) -> PlanSnapshot | None:
        """Run the assistant; the created plan, or None when the user cancelled."""
        wizard = cls(db, today, parent)
        wizard.exec()
        return wizard.created
