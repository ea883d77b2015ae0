"""Progress use cases: the Dashboard's figures, the Modules screen's rows, the chart series,
marking modules done, and the catch-up choices. Everything is derived from the stored sessions,
completions and the accepted baseline (aggregated in SQL), never stored twice.

The study-log actions (sessions, timer) live in study_log.py and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from studyplanner.core.exam_sections import SectionScore
from studyplanner.core.headline import Situation, compute_headline
from studyplanner.core.model import ModuleKind
from studyplanner.core.progress import (
    PACE_WINDOW_DAYS,
    ModuleWork,
    compute_progress,
    planned_by,
    planned_curve,
    readiness,
)
from studyplanner.core.validation import InvalidInput, problem
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import read_active_plan
from studyplanner.services.snapshots import (
    BurnUpPoint,
    ExamScore,
    ModuleStatus,
    PlanChange,
    PlanSnapshot,
    ProgressSeries,
    ProgressSnapshot,
)

__all__ = [
    "ProgressFacts",
    "catch_up_changes",
    "mark_done",
    "module_statuses",
    "progress",
    "progress_from",
    "progress_series",
    "read_progress_facts",
    "reopen",
]


_STUDY_LOG = {
    "current_timer", "delete_session", "list_sessions", "log_session", "pause_timer",
    "restore_session", "resume_timer", "start_timer", "stop_timer", "update_session",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    """The study-log actions, re-exported lazily: they need the ORM, the Dashboard does not."""
    if name in _STUDY_LOG:
        from studyplanner.services import study_log

        return getattr(study_log, name)
    raise AttributeError(name)


# Plain SQL on the Dashboard's path (no statement compilation before the first paint); the
# day index (day, minutes) covers the sums.


def _daily_minutes(conn: Connection, first: date | None = None) -> list[tuple[date, int]]:
    rows = conn.exec_driver_sql(
        "SELECT day, SUM(minutes) FROM study_sessions WHERE day >= ? GROUP BY day ORDER BY day",
        ((first or date(1, 1, 1)).isoformat(),),
    )
    return [(date.fromisoformat(day), int(minutes)) for day, minutes in rows]


def _first_session(conn: Connection) -> date | None:
    first = conn.exec_driver_sql("SELECT MIN(day) FROM study_sessions").scalar()
    return date.fromisoformat(first) if first else None


def _scores(conn: Connection) -> dict[int, float]:
    rows = conn.exec_driver_sql(
        "SELECT module_id, score FROM module_completions WHERE score IS NOT NULL"
    )
    return {mid: float(score) for mid, score in rows}


def _work(plan: PlanSnapshot) -> list[ModuleWork]:
    return [
        ModuleWork(m.id, m.minutes, m.minutes_logged, m.done, m.done_on) for m in plan.track.modules
    ]


def _done_before(plan: PlanSnapshot) -> int:
    """Work counted as done when the current baseline was accepted (planned from the start).
    Modules the baseline could not place (a sitting no day can hold, and what requires it) are
    not done: they are left out."""
    total = sum(m.minutes for m in plan.track.modules)
    dates = {s.module_id: s.due for s in plan.schedule.modules}
    unplaced = sum(
        m.minutes for m in plan.track.modules if not m.done and m.id in dates and not dates[m.id]
    )
    return max(0, total - unplaced - sum(b.minutes for b in plan.schedule.blocks))


@dataclass(frozen=True, slots=True)
class ProgressFacts:
    """What the figures of `today` are made of, read in one go (see read_progress_facts)."""

    plan: PlanSnapshot
    recent: list[tuple[date, int]]
    first_session: date | None
    scores: dict[int, float]
    logged_today: tuple[tuple[int, int], ...]


def read_progress_facts(conn: Connection, today: date) -> ProgressFacts | None:
    """The active plan and the study figures of `today` on the caller's connection (None
    without a plan)."""
    plan = read_active_plan(conn)
    if plan is None:
        return None
    window_start = today - timedelta(days=PACE_WINDOW_DAYS - 1)
    return ProgressFacts(
        plan,
        _daily_minutes(conn, window_start),
        _first_session(conn),
        _scores(conn),
        _logged_on(conn, today),
    )


def progress(db: Database, today: date) -> ProgressSnapshot | None:
    """The Dashboard's figures for `today`, or None without a plan."""
    with db.read() as conn:
        facts = read_progress_facts(conn, today)
    return None if facts is None else progress_from(db, facts, today)


def progress_from(db: Database, facts: ProgressFacts, today: date) -> ProgressSnapshot:
    """The figures of `today` from facts already read (the database is read again only when
    the plan is late, for the catch-up offer)."""
    plan, recent, first_session = facts.plan, facts.recent, facts.first_session
    scores, logged_today = facts.scores, facts.logged_today
    blocks = [(b.day, b.minutes) for b in plan.schedule.blocks]
    figures = compute_progress(
        _work(plan), blocks, _done_before(plan), recent, first_session, today
    )
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    titles = {m.id: m.title for m in plan.track.modules}
    done_ids = {m.id for m in plan.track.modules if m.done}
    scheduled = {m.module_id: m for m in plan.schedule.modules}
    exams = sorted(
        (scheduled[m.id].due, m.title)
        for m in plan.track.modules
        if m.kind.is_exam and not m.done and m.id in scheduled and scheduled[m.id].due
    )
    exam_scores = _exam_scores(plan, scores)
    pass_mark = plan.track.pass_mark_percent
    reference = plan.settings.target or plan.schedule.finish
    # the week's study the plan asks for now (the same measure as the catch-up's figure)
    given = plan.schedule.verdict.weekly_minutes_used
    if not given:  # a verdict stored before the load was recorded: the time given
        budget = plan.settings.weekly_minutes
        given = plan.settings.availability.weekly_minutes
        given = given if budget is None else min(given, budget)
    headline = compute_headline(figures, plan.schedule.finish, plan.settings.target, today, given)
    catch_up = None
    if headline.situation is Situation.LATE and reference is not None and reference > today:
        from studyplanner.services.plan_fixes import catch_up as keep_finish

        kept = keep_finish(db, today, plan)
        catch_up = kept.fix
        headline = compute_headline(
            figures, plan.schedule.finish, plan.settings.target, today, given,
            kept.weekly_minutes,
        )  # fmt: skip
    return ProgressSnapshot(
        today=today,
        percent_done=figures.percent_done,
        hours_done=round(figures.minutes_done / 60, 1),
        hours_planned_to_date=round(figures.minutes_planned_to_date / 60, 1),
        hours_total=round(figures.minutes_total / 60, 1),
        days_ahead=figures.days_ahead,
        forecast_finish=figures.forecast_finish,
        baseline_finish=plan.schedule.finish,
        pace_minutes_per_week=figures.pace_minutes_per_week,
        week_planned_minutes=sum(m for d, m in blocks if monday <= d <= sunday),
        week_done_minutes=sum(m for d, m in recent if monday <= d <= sunday),
        today_blocks=tuple(
            (b.module_id, titles.get(b.module_id, "?"), b.minutes)
            for b in plan.schedule.blocks
            if b.day == today and b.module_id not in done_ids
        ),
        next_exam=(exams[0][1], exams[0][0]) if exams else None,  # type: ignore[arg-type]
        pass_mark_percent=pass_mark,
        exam_scores=exam_scores,
        readiness=readiness(
            [s.score for s in exam_scores if _kind(plan, s.module_id) is ModuleKind.PRACTICE_EXAM],
            pass_mark,
        ),
        today_logged=logged_today,
        headline=headline,
        catch_up=catch_up,
    )


def _logged_on(conn: Connection, day: date) -> tuple[tuple[int, int], ...]:
    rows = conn.exec_driver_sql(
        "SELECT module_id, SUM(minutes) FROM study_sessions WHERE day = ? GROUP BY module_id "
        "ORDER BY module_id",
        (day.isoformat(),),
    )
    return tuple((int(module), int(minutes)) for module, minutes in rows)


def _kind(plan: PlanSnapshot, module_id: int) -> ModuleKind:
    return plan.track.module(module_id).kind


def _exam_scores(plan: PlanSnapshot, scores: dict[int, float]) -> tuple[ExamScore, ...]:
    return tuple(
        sorted(
            (
                ExamScore(m.id, m.title, m.done_on, scores[m.id])
                for m in plan.track.modules
                if m.id in scores and m.done_on is not None
            ),
            key=lambda s: (s.day, s.module_id),
        )
    )


def module_statuses(db: Database, today: date) -> tuple[ModuleStatus, ...]:
    """Every module of the active plan with its status against the baseline, in track order."""
    with db.read() as conn:
        plan = read_active_plan(conn)
        if plan is None:
            return ()
        scores = _scores(conn)
    scheduled = {m.module_id: m for m in plan.schedule.modules}
    rows = []
    for m in plan.track.modules:
        due = scheduled[m.id].due if m.id in scheduled else None
        if m.done:
            status = "done"
        elif due is not None and due < today:
            status = "overdue"
        elif m.minutes_logged:
            status = "in_progress"
        else:
            status = "not_started"
        rows.append(
            ModuleStatus(
                id=m.id, position=m.position, title=m.title, kind=m.kind,
                minutes_estimated=m.minutes, minutes_logged=m.minutes_logged, due=due,
                done=m.done, done_on=m.done_on, score=scores.get(m.id), status=status,
            )
        )  # fmt: skip
    return tuple(rows)


def _status(db: Database, module_id: int, today: date) -> ModuleStatus:
    for row in module_statuses(db, today):
        if row.id == module_id:
            return row
    raise InvalidInput([problem("module", "module_not_in_plan", id=str(module_id))])


def mark_done(
    db: Database,
    module_id: int,
    day: date,
    score: float | None,
    today: date,
    sections: Sequence[SectionScore] | None = None,
) -> ModuleStatus:
    """Mark a module done; a sitting may carry its score per exam section (the score is then
    derived from them, see study_log.set_completion)."""
    from studyplanner.services.study_log import set_completion

    set_completion(db, module_id, day, score, today, sections)
    return _status(db, module_id, today)


def reopen(db: Database, module_id: int, today: date | None = None) -> ModuleStatus:
    from studyplanner.services.study_log import clear_completion

    clear_completion(db, module_id)
    return _status(db, module_id, today or date.today())


def progress_series(
    db: Database, today: date, snapshot: ProgressSnapshot | None = None
) -> ProgressSeries | None:
    """Weekly burn-up (planned vs done, with the forecast), weekly and daily study minutes.

    `snapshot` is progress(db, today) when the caller has it already."""
    with db.read() as conn:
        plan = read_active_plan(conn)
        if plan is None:
            return None
        daily = _daily_minutes(conn)
        scores = _scores(conn)
    snapshot = snapshot or progress(db, today)
    assert snapshot is not None
    return _series(plan, daily, scores, snapshot, today)


def progress_and_series(
    db: Database, today: date
) -> tuple[ProgressSnapshot, ProgressSeries] | None:
    """The Dashboard's figures and its charts' series from one read (None without a plan)."""
    with db.read() as conn:
        facts = read_progress_facts(conn, today)
        if facts is None:
            return None
        daily = _daily_minutes(conn)
    snapshot = progress_from(db, facts, today)
    return snapshot, _series(facts.plan, daily, facts.scores, snapshot, today)


def _series(
    plan: PlanSnapshot,
    daily: list[tuple[date, int]],
    scores: dict[int, float],
    snapshot: ProgressSnapshot,
    today: date,
) -> ProgressSeries:
    blocks = [(b.day, b.minutes) for b in plan.schedule.blocks]
    done_before = _done_before(plan)
    days, cumulative = planned_curve(blocks, done_before)
    start = min([plan.settings.start, *(d for d, _ in daily[:1])])
    end = max(d for d in (plan.schedule.finish, snapshot.forecast_finish, today) if d is not None)
    credit = _completion_credit(plan)
    burn_up = []
    week_end = start + timedelta(days=6 - start.weekday())
    logged_so_far, index = 0, 0
    while week_end <= end + timedelta(days=6):
        while index < len(daily) and daily[index][0] <= week_end:
            logged_so_far += daily[index][1]
            index += 1
        actual = None
        if week_end - timedelta(days=6) <= today:
            extra = sum(m for d, m in credit if d <= week_end)
            actual = round((logged_so_far + extra) / 60, 1)
        planned = planned_by(days, cumulative, done_before, week_end) if days else done_before
        burn_up.append(BurnUpPoint(week_end, round(planned / 60, 1), actual))
        week_end += timedelta(days=7)
    forecast: tuple[tuple[date, float], ...] = ()
    if snapshot.forecast_finish is not None:
        forecast = ((today, snapshot.hours_done), (snapshot.forecast_finish, snapshot.hours_total))
    weekly: dict[date, int] = {}
    for day, minutes in daily:
        monday = day - timedelta(days=day.weekday())
        weekly[monday] = weekly.get(monday, 0) + minutes
    recent_from = today - timedelta(weeks=26)
    return ProgressSeries(
        burn_up=tuple(burn_up),
        forecast=forecast,
        weekly_minutes=tuple(sorted(weekly.items())),
        daily_minutes=tuple((d, m) for d, m in daily if recent_from < d <= today),
        exam_scores=_exam_scores(plan, scores),
        pass_mark_percent=snapshot.pass_mark_percent,
    )


def _completion_credit(plan: PlanSnapshot) -> list[tuple[date, int]]:
    """Completed modules count in full from their completion day, beyond the time logged."""
    return [
        (m.done_on, max(0, m.minutes - m.minutes_logged))
        for m in plan.track.modules
        if m.done and m.done_on is not None
    ]


def catch_up_changes(db: Database, today: date) -> tuple[tuple[str, PlanChange], ...]:
    """Two ways to catch up, to preview: ("raise_minutes", keep the finish date and study more
    each week: the catch-up fix, the one figure the headline shows too) and ("move_target",
    keep the weekly time and let the finish move). "raise_minutes" is left out when no amount
    of weekly study keeps the finish date."""
    from studyplanner.services.plan_fixes import catch_up, keep_finish_settings
    from studyplanner.services.plans import preview_plan_change

    with db.read() as conn:
        plan = read_active_plan(conn)
    if plan is None:
        return ()
    settings = plan.settings
    by_target = keep_finish_settings(plan, today)
    keep = by_target.target
    assert keep is not None
    preview = preview_plan_change(db, PlanChange(settings=by_target), today, plan)
    changes: list[tuple[str, PlanChange]] = []
    if preview.schedule.verdict.fits:  # the time given already keeps the finish date
        changes.append(("raise_minutes", PlanChange(settings=by_target)))
    else:
        fix = catch_up(db, today, plan).fix
        if fix is not None and fix.change is not None:
            changes.append(("raise_minutes", fix.change))
    if settings.target is not None:
        later = preview.schedule.verdict.suggested_target or preview.schedule.finish or keep
        changes.append(
            ("move_target", PlanChange(settings=replace(settings, target=max(later, keep))))
        )
    else:
        changes.append(("move_target", PlanChange(settings=settings)))
    return tuple(changes)
