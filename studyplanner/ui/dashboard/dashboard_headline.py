"""The Dashboard's headline: one sentence rendered from core.headline's Headline (where you are
against the plan and the target) with a button for the one next thing to do, and the most
urgent deadline under it. Words only here: the figures come from the Headline and Deadline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from studyplanner.core.headline import Deadline, DeadlineKind, Headline, NextAction, Situation
from studyplanner.ui.dashboard.dashboard_card import wrapped_label
from studyplanner.ui.plan.fix_buttons import fix_details
from studyplanner.ui.shared.formatting import ceus_words, format_date, format_hours, how_many, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font


def _t(text: str) -> str:
    return tr(text, "Headline")


def distance_words(days: int) -> str:
    """3 days, 5 weeks, 4 months, 2 years: how far apart two dates are, roughly."""
    days = abs(days)
    if days < 14:
        return how_many(days, _t("day"), _t("days"))
    if days < 63:
        return how_many(round(days / 7), _t("week"), _t("weeks"))
    if days < 730:
        return how_many(round(days / 30.44), _t("month"), _t("months"))
    return how_many(round(days / 365.25), _t("year"), _t("years"))


def _relation(h: Headline) -> str:
    """ ", 3 weeks before your target" / ", on your target date" (the forecast against the
    reference: target, else planned finish)."""
    if h.reference is None or h.forecast_finish is None:
        return ""
    days = (h.reference - h.forecast_finish).days
    if h.target is not None:
        if days == 0:
            return _t(", on your target date")
        return _t(", {distance} before your target").format(distance=distance_words(days))
    if days == 0:
        return _t(", on the planned finish")
    return _t(", {distance} before the planned finish").format(distance=distance_words(days))


def status_words(h: Headline) -> tuple[str, str]:
    """(icon name, short words) for the Progress card's status, from the same headline: never
    "ahead" or "on plan" beside a late forecast."""
    if h.situation is Situation.FINISHED:
        return "check", _t("Finished")
    if h.situation is Situation.ALL_LOGGED:
        return "check", _t("All the time logged")
    if h.situation is Situation.LATE:
        return "warning", _t("{distance} late at your pace").format(
            distance=distance_words(h.days_late)
        )
    if h.days_ahead < 0:
        return "warning", _t("{distance} behind").format(distance=distance_words(h.days_ahead))
    if h.situation is Situation.AHEAD:
        return "check", _t("{distance} ahead").format(distance=distance_words(h.days_ahead))
    return "check", _t("On plan")


def headline_sentence(h: Headline) -> str:
    """The headline as one sentence (two for a late plan: where, and what fixes it)."""
    forecast = format_date(h.forecast_finish)
    if h.situation is Situation.FINISHED:
        return _t("Every module is done: well done!")
    if h.situation is Situation.ALL_LOGGED:
        return _t(
            "The planned time of every module is logged. Mark each module you have finished "
            "complete: {modules} not marked yet."
        ).format(modules=how_many(h.modules_open, _t("module"), _t("modules")))
    if h.situation is Situation.NO_FORECAST and h.days_ahead == 0:
        return _t("You are on plan: log your study to see when you finish at your pace.")
    if h.situation is Situation.NO_FORECAST:
        return _t(
            "You are {days} behind the plan, with no study in the last four weeks: log a "
            "session to see when you finish."
        ).format(days=distance_words(h.days_ahead))
    if h.situation is Situation.AHEAD:
        sentence = _t("You are {days} ahead of the plan: at your pace you finish {date}{relation}.")
        return sentence.format(
            days=distance_words(h.days_ahead), date=forecast, relation=_relation(h)
        )
    if h.situation is Situation.ON_PLAN:
        return _t("You are on plan: at your pace you finish {date}{relation}.").format(
            date=forecast, relation=_relation(h)
        )
    if h.situation is Situation.BEHIND:
        return _t(
            "You are {days} behind the plan, but at your pace you still finish {date}{relation}."
        ).format(days=distance_words(h.days_ahead), date=forecast, relation=_relation(h))
    late = distance_words(h.days_late)
    where = (
        _t("At your pace you finish {date}, {distance} after your target").format(
            date=forecast, distance=late
        )
        if h.target is not None
        else _t("At your pace you finish {date}, {distance} after the planned finish").format(
            date=forecast, distance=late
        )
    )
    needed = h.weekly_minutes_needed
    if h.next_action is NextAction.STUDY_MORE and needed is not None:
        return _t("{where}: {more} more a week ({needed} a week in all) fixes it.").format(
            where=where,
            more=format_hours(h.more_minutes_per_week),
            needed=format_hours(needed),
        )
    if h.next_action is NextAction.LOG_STUDY and needed is not None:
        return _t("{where}: studying {needed} a week from now finishes on time.").format(
            where=where, needed=format_hours(needed)
        )
    if h.next_action is NextAction.LOG_STUDY:
        return where + "."
    return _t("{where}, and that date has passed: choose a way to catch up.").format(where=where)


def deadline_sentence(d: Deadline) -> str:
    when = format_date(d.day)
    if d.days_left < 0:
        left = _t("{distance} ago").format(distance=distance_words(d.days_left))
    elif d.days_left == 0:
        left = _t("today")
    else:
        left = _t("in {distance}").format(distance=distance_words(d.days_left))
    if d.kind is DeadlineKind.CEU_CYCLE:
        sentence = _t("Next deadline: your {label} cycle ends {date} ({left}), {missing} missing.")
        return sentence.format(label=d.label, date=when, left=left, missing=ceus_words(d.missing))
    if d.kind is DeadlineKind.EXAM:
        return _t("Next deadline: {title}, {date} ({left}).").format(
            title=d.label, date=when, left=left
        )
    return _t("Next deadline: your target, {date} ({left}).").format(date=when, left=left)


class HeadlineBanner(QFrame):
    """The sentence, its action button, and the most urgent deadline with its own action."""

    action_requested = Signal(str)
    """A NextAction value: log today's study, preview the fix, or catch up."""
    deadline_action = Signal(object)
    """The Deadline whose action was clicked (log a CEU activity for its cycle)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_t("Where you are"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 12, 18, 12)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.picture = QLabel()
        self.sentence = wrapped_label()
        self.sentence.setFont(heading_font(self.font(), 1.15))
        self.sentence.setAccessibleName(_t("Where you are"))
        self.action_button = QPushButton()
        self.action_button.clicked.connect(
            lambda: (
                self.action_requested.emit(self._headline.next_action.value)
                if self._headline
                else None
            )
        )
        self.deadline_picture = QLabel()
        self.deadline = wrapped_label()
        self.deadline.setAccessibleName(_t("Next deadline"))
        self.deadline_button = QPushButton()
        self.deadline_button.clicked.connect(
            lambda: self.deadline_action.emit(self._deadline) if self._deadline else None
        )
        grid.addWidget(self.picture, 0, 0)
        grid.addWidget(self.sentence, 0, 1)
        grid.addWidget(self.action_button, 0, 2)
        grid.addWidget(self.deadline_picture, 1, 0)
        grid.addWidget(self.deadline, 1, 1)
        grid.addWidget(self.deadline_button, 1, 2)
        self._headline: Headline | None = None
        self._deadline: Deadline | None = None
        self._fix: object = None
        for w in (self.picture, self.sentence, self.action_button):
            w.hide()  # until there is a headline (without a plan: the deadline alone)
        self.show_deadline(None)

    def show_headline(self, h: Headline, fix: object = None) -> None:
        """`fix` is the catch-up fix (a PlanFixOffer) when the action is to study more."""
        self._headline, self._fix = h, fix
        self.sentence.setText(headline_sentence(h))
        self.picture.show()
        self.sentence.show()
        self.show()
        action = h.next_action
        # the fix's own sentence (as the Plan screen's fix buttons say it) where there is one
        self.action_button.setToolTip(fix_details(fix) if fix is not None else "")  # type: ignore[arg-type]
        if action is NextAction.STUDY_MORE and h.weekly_minutes_needed is not None:
            text = _t("Study {hours} a week…").format(hours=format_hours(h.weekly_minutes_needed))
            self.action_button.setAccessibleName(
                _t("Study {hours} a week: preview the change first").format(
                    hours=format_hours(h.weekly_minutes_needed)
                )
            )
        elif action in (NextAction.CATCH_UP, NextAction.STUDY_MORE):
            text = _t("Catch up…")
            self.action_button.setAccessibleName(_t("Choose a way to catch up"))
        elif action is NextAction.MARK_DONE:
            text = _t("Mark modules complete…")
            self.action_button.setAccessibleName(
                _t("Open the Modules screen to mark modules complete")
            )
        else:
            text = _t("Log today's study…")
            self.action_button.setAccessibleName(_t("Log today's study"))
        self.action_button.setText(text)
        self.action_button.setVisible(action is not NextAction.NONE)
        self._paint()

    def show_deadline(self, d: Deadline | None) -> None:
        self._deadline = d
        if self._headline is None:
            self.setVisible(d is not None)  # nothing to say without a plan and a deadline
        for w in (self.deadline_picture, self.deadline):
            w.setVisible(d is not None)
        self.deadline.setText(deadline_sentence(d) if d else "")
        ceu = d is not None and d.kind is DeadlineKind.CEU_CYCLE
        self.deadline_button.setVisible(ceu)
        self.deadline_button.setText(_t("Log a CEU activity…"))
        if d is not None and ceu:
            self.deadline_button.setAccessibleName(
                _t("Log a CEU activity for {label}").format(label=d.label)
            )
        self._paint()

    def _paint(self) -> None:
        h = self._headline
        good = h is not None and h.situation in (
            Situation.FINISHED, Situation.ALL_LOGGED, Situation.AHEAD, Situation.ON_PLAN
        )  # fmt: skip
        self.picture.setPixmap(icon("check" if good else "warning").pixmap(24, 24))
        urgent = self._deadline is not None and self._deadline.days_left <= 30
        self.deadline_picture.setPixmap(icon("urgent" if urgent else "calendar").pixmap(22, 22))
        action = h.next_action if h is not None else None
        self.action_button.setIcon(icon(
            {NextAction.LOG_STUDY: "study-log", NextAction.MARK_DONE: "modules"}.get(
                action, "refresh"  # type: ignore[arg-type]
            )
        ))  # fmt: skip
        self.deadline_button.setIcon(icon("certificate"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)
