"""User-facing words and dates: through Qt's translation functions and the user's locale."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit

from studyplanner.core.durations import duration_parts
from studyplanner.core.model import ModuleKind, SittingShortfall, Verdict, VerdictKind


def tr(text: str, disambiguation: str | None = None) -> str:
    """`text` in the user's language: the translation of a message outside any class.

    `pyside6-lupdate` files a free `tr("...")` (and the `_t`/`t` wrappers, aliases of `tr` given
    to it by `packaging/translations.py`) under the empty context, with the second argument as
    the disambiguation, so this looks it up the same way; `self.tr` in a class uses the class
    name. Texts held in tables are marked with `QT_TRANSLATE_NOOP("", "...")`."""
    return QCoreApplication.translate("", text, disambiguation)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for lupdate under `context` ("" for a free `tr`); it is translated where
    it is shown. PySide6's own returns `object` to type checkers."""
    return source


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: datetime) -> QDateTime:
    """A naive local date and time as Qt's (the same wall-clock reading)."""
    return QDateTime(
        qdate(moment.date()),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def format_date(day: date | None, long: bool = False) -> str:
    """A date in the user's locale (short or long form); never ISO."""
    if day is None:
        return "–"
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        # The C locale's short form is "dd MM yyyy"; show an unambiguous one instead.
        return locale.toString(qdate(day), "ddd d MMM yyyy" if long else "d MMM yyyy")
    if long:
        return locale.toString(qdate(day), QLocale.FormatType.LongFormat)
    return locale.toString(qdate(day), short_date_format(locale))


def short_date_format(locale: QLocale) -> str:
    """The locale's short date form with a four-digit year ("M/d/yy" -> "M/d/yyyy"): "9/1/26"
    could be 1926 or 2026, and a plan or a cycle spans years."""
    form = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in form:
        form = form.replace("yy", "yyyy")
    return form


def format_datetime(moment: datetime) -> str:
    """A moment (local time) in the user's locale: the date as format_date, then the time."""
    locale = QLocale()
    time_text = locale.toString(qdatetime(moment).time(), QLocale.FormatType.ShortFormat)
    return f"{format_date(moment.date())} {time_text}"


class DateEdit(QDateEdit):
    """A date field the user can type a whole date into, separators and all ("3/15/2027",
    "15 Mar 2027"). Qt alone refuses both: with the text all selected (Ctrl+A, a triple click)
    it checks the first key against the whole format and drops it; and once a part is complete
    ("15") it moves on to the next part by itself, so the separator typed next skipped a part."""

    _moved_on = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        if not typed or not typed.isprintable():
            self._moved_on = False
            super().keyPressEvent(event)
            return
        if self._moved_on and not typed.isalnum():
            self._moved_on = False  # the separator of the part Qt already left
            return
        line = self.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            self.setSelectedSection(self.sectionAt(0))  # typing over everything: start over
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = typed.isalnum() and self.currentSectionIndex() != section

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._moved_on = False
        super().focusOutEvent(event)


def date_edit(day: date, accessible_name: str) -> QDateEdit:
    """A date field with a calendar pop-up, showing dates as format_date does (a four-digit year,
    so the date the user types is the one they read)."""
    edit = DateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setAccessibleName(accessible_name)
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        edit.setDisplayFormat("d MMM yyyy")
    else:
        edit.setDisplayFormat(short_date_format(locale))
    return edit


def format_hours(minutes: int) -> str:
    """The one duration style (core/durations.py): "45 min", "6 h", "1 h 30 min", "2,734 h",
    with the locale's digits."""
    hours, rest = duration_parts(minutes)
    locale = QLocale()
    if not hours:
        return tr("{m} min").format(m=locale.toString(rest))
    if not rest:
        return tr("{h} h").format(h=locale.toString(hours))
    return tr("{h} h {m} min").format(h=locale.toString(hours), m=locale.toString(rest))


RECORD_WORDS = {
    "plans": (QT_TRANSLATE_NOOP("", "plan"), QT_TRANSLATE_NOOP("", "plans")),
    "modules": (QT_TRANSLATE_NOOP("", "module"), QT_TRANSLATE_NOOP("", "modules")),
    "study_sessions": (
        QT_TRANSLATE_NOOP("", "study session"),
        QT_TRANSLATE_NOOP("", "study sessions"),
    ),
    "credentials": (QT_TRANSLATE_NOOP("", "credential"), QT_TRANSLATE_NOOP("", "credentials")),
    "ceu_activities": (
        QT_TRANSLATE_NOOP("", "CEU activity"),
        QT_TRANSLATE_NOOP("", "CEU activities"),
    ),
}
"""The records a learner counts (table -> singular, plural), for previews of backups and
archives."""


def how_many(n: int, one: str, many: str) -> str:
    """ "1 certificate", "1,204 records": the count in the locale's digits, the noun singular or
    plural (`one` and `many` are already translated)."""
    return f"{QLocale().toString(n)} {one if n == 1 else many}"


def count_records(
    counts: Mapping[str, int],
    tables: tuple[str, ...] = tuple(RECORD_WORDS),
    *,
    zeros: bool = False,
) -> str:
    """ "1 plan, 40 study sessions, 2 credentials": the counts of `tables` (zeros only when
    `zeros`, as where an empty backup must look empty)."""
    parts = []
    for table in tables:
        n = counts.get(table, 0)
        one, many = RECORD_WORDS[table]
        if n or zeros:
            parts.append(f"{QLocale().toString(n)} {tr(one) if n == 1 else tr(many)}")
    return ", ".join(parts) if parts else tr("nothing of note")


def kind_name(kind: ModuleKind) -> str:
    return {
        ModuleKind.LESSON: tr("Lesson"),
        ModuleKind.COURSE: tr("Course"),
        ModuleKind.PRACTICE_EXAM: tr("Practice exam"),
        ModuleKind.EXAM: tr("Exam"),
        ModuleKind.EXTERNSHIP: tr("Externship"),
    }[kind]


def kind_icon_name(kind: ModuleKind) -> str:
    return {
        ModuleKind.LESSON: "lesson",
        ModuleKind.COURSE: "book",
        ModuleKind.PRACTICE_EXAM: "exam",
        ModuleKind.EXAM: "exam",
        ModuleKind.EXTERNSHIP: "externship",
    }[kind]


def _distance(days: int) -> str:
    days = abs(days)
    if days == 1:
        return tr("1 day", "Verdict")
    if days < 14:
        return tr("{n} days", "Verdict").format(n=days)
    return tr("{n} weeks", "Verdict").format(n=round(days / 7))


def verdict_status(verdict: Verdict) -> tuple[str, str]:
    """(icon name, short word) for the verdict: never colour alone."""
    if verdict.kind is VerdictKind.UNKNOWN:
        return "warning", tr("Verdict unknown", "Verdict")
    if verdict.kind is VerdictKind.IMPOSSIBLE:
        return "error", tr("Cannot be scheduled", "Verdict")
    if not verdict.fits:
        return "warning", tr("Does not fit", "Verdict")
    if verdict.outside_usual and verdict.usual_months:
        if verdict.months > verdict.usual_months[1]:
            return "warning", tr("Fits, but longer than usual", "Verdict")
        return "warning", tr("Fits, but shorter than usual", "Verdict")
    return "check", tr("Fits", "Verdict")


def _late_term_sentences(verdict: Verdict) -> list[str]:
    """Each late term with the weekly hours it needs against those given (verdicts stored
    before these figures were kept get one sentence naming the terms)."""

    def t(text: str) -> str:
        return tr(text)

    needs = {n.number: n.minutes_per_week for n in verdict.term_needs}
    given = verdict.weekly_minutes_given
    out: list[str] = []
    plain = [term for term in verdict.late_terms if term not in needs]
    figured = [term for term in verdict.late_terms if term in needs]
    if len(figured) == 1:
        term = figured[0]
        if given:
            out.append(
                t(
                    "Term {n} does not fit in its dates: it needs about {need} a week; "
                    "you gave {given}."
                ).format(n=term, need=format_hours(needs[term]), given=format_hours(given))
            )
        else:
            out.append(
                t("Term {n} does not fit in its dates: it needs about {need} a week.").format(
                    n=term, need=format_hours(needs[term])
                )
            )
    elif figured:
        each = [
            t("term {n} about {need}").format(n=term, need=format_hours(needs[term]))
            for term in figured
        ]
        locale = QLocale()
        terms = locale.createSeparatedList([str(n) for n in figured])
        if given:
            text = t("Terms {terms} do not fit in their dates with {given} a week; they need: ")
        else:
            text = t("Terms {terms} do not fit in their dates; they need: ")
        out.append(
            text.format(terms=terms, given=format_hours(given))
            + t("{list} a week.").format(list=locale.createSeparatedList(each))
        )
    if len(plain) == 1:
        out.append(
            t("Term {n} does not fit in its dates: its courses need more time each week.").format(
                n=plain[0]
            )
        )
    elif plain:
        out.append(
            t(
                "Terms {list} do not fit in their dates: their courses need more time each week."
            ).format(list=QLocale().createSeparatedList([str(n) for n in plain]))
        )
    return out


def sitting_shortfall_sentence(shortfall: SittingShortfall) -> str:
    """A sitting no day can hold, in translatable words with the locale's weekday name."""
    day = QLocale().dayName(shortfall.longest_weekday + 1)  # Qt counts Monday as 1
    need = format_hours(shortfall.minutes)
    return tr(
        "{exam} needs one day with {need}; your longest day is {day} with {longest}: "
        "give a {day} {need}, or allow long sittings."
    ).format(
        exam=shortfall.title,
        need=need,
        day=day,
        longest=format_hours(shortfall.longest_minutes),
    )


def verdict_sentences(verdict: Verdict) -> list[str]:
    """The verdict in plain, translatable words."""

    def t(text: str) -> str:
        return tr(text)

    if verdict.kind is VerdictKind.UNKNOWN:
        return [
            t(
                "The verdict saved with this plan cannot be read (it was written by another "
                "program). Re-plan to judge the plan again."
            )
        ]
    finish = verdict.finish
    sittings = [sitting_shortfall_sentence(s) for s in verdict.sittings_too_long]
    if verdict.kind is not VerdictKind.IMPOSSIBLE and finish is None and sittings:
        return sittings  # only sittings (and what requires them) are left
    if verdict.kind is VerdictKind.IMPOSSIBLE or finish is None:
        if verdict.weekly_minutes_used == 0:
            return [t("Cannot be scheduled: there is no study time in your week.")]
        return [t("Cannot be scheduled: days off and availability leave too little time.")]
    out = sittings  # first what keeps a sitting off the calendar: the finish is without it
    weekly = format_hours(verdict.weekly_minutes_used)
    if verdict.kind is VerdictKind.FITS:
        if verdict.days_early == 0:
            out.append(
                t("Finishes on {date}, on your target date (about {weekly} a week).").format(
                    date=format_date(finish, True), weekly=weekly
                )
            )
        else:
            out.append(
                t(
                    "Finishes on {date}, {distance} before your target (about {weekly} a week)."
                ).format(
                    date=format_date(finish, True),
                    distance=_distance(verdict.days_early),
                    weekly=weekly,
                )
            )
    elif verdict.kind is VerdictKind.TOO_LATE:
        out.append(
            t("Does not fit: finishes on {date}, {distance} after your target.").format(
                date=format_date(finish, True), distance=_distance(verdict.days_early)
            )
        )
        if verdict.extra_minutes_per_week and verdict.late_terms:  # a later target is no help
            out.append(
                t("It needs {hours} more a week.").format(
                    hours=format_hours(verdict.extra_minutes_per_week)
                )
            )
        elif verdict.extra_minutes_per_week and verdict.suggested_target:
            out.append(
                t("It needs {hours} more a week, or a target of {date}.").format(
                    hours=format_hours(verdict.extra_minutes_per_week),
                    date=format_date(verdict.suggested_target, True),
                )
            )
    else:
        out.append(
            t("Finishes on {date} ({months} months at {weekly} a week).").format(
                date=format_date(finish, True),
                months=QLocale().toString(verdict.months, "g", 3),
                weekly=weekly,
            )
        )
    out += _late_term_sentences(verdict)
    if verdict.outside_usual and verdict.usual_months:
        low, high = verdict.usual_months
        out.append(
            t("This plan takes {months} months; {programs} usually take {low} to {high}.").format(
                months=round(verdict.months), programs=verdict.program_label, low=low, high=high
            )
        )
    return out


def units_text(units: Decimal) -> str:
    """CEUs in the user's locale: 36, 1.5, 0.25 (no trailing zeros)."""
    text = f"{units.normalize():f}"
    return text.replace(".", QLocale().decimalPoint())


def ceus_words(units: Decimal) -> str:
    """ "1 CEU", "1.5 CEUs", "36 CEUs" (here rather than with the credentials' words: the
    Dashboard's headline uses it before anything of the credentials is loaded)."""
    if units == 1:
        return tr("1 CEU", "Credentials")
    return tr("{n} CEUs", "Credentials").format(n=units_text(units))
