"""Use cases of logging study: sessions (log, edit, delete, undo), the stored timer, and module
completions. One transaction each; bad input raises InvalidInput and writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from studyplanner.core.exam_sections import SectionScore, total_percent
from studyplanner.core.model import MAX_MINUTES_PER_DAY, ModuleKind
from studyplanner.core.validation import EARLIEST_DATE, InvalidInput, Problem, check_note, problem
from studyplanner.services.database import Database
from studyplanner.services.snapshots import StudySessionInfo, TimerInfo
from studyplanner.store import models, tables


def _active_module_ids(session: Session) -> dict[int, tuple[str, str]]:
    """Modules of the active plan's track: id -> (title, kind)."""
    track_id = session.scalar(
        select(tables.plans.c.track_id)
        .where(tables.plans.c.is_active.is_(True))
        .order_by(tables.plans.c.id.desc())
        .limit(1)
    )
    if track_id is None:
        return {}
    rows = session.execute(
        select(tables.modules.c.id, tables.modules.c.title, tables.modules.c.kind).where(
            tables.modules.c.track_id == track_id
        )
    )
    return {mid: (title, kind) for mid, title, kind in rows}


def _module_and_day(
    modules: dict[int, tuple[str, str]], module_id: int, day: date, today: date, future: str
) -> list[Problem]:
    """The module must be in the active plan; the day not in the future (`future`, a problem
    code, says why)."""
    problems = []
    if module_id not in modules:
        problems.append(problem("module", "module_not_in_plan", id=str(module_id)))
    if day > today:
        problems.append(problem("day", future))
    elif day < EARLIEST_DATE:
        problems.append(problem("day", "session_before_2000"))
    return problems


def _check_session(
    modules: dict[int, tuple[str, str]], module_id: int, day: date, minutes: int, note: str,
    today: date,
) -> None:  # fmt: skip
    problems = _module_and_day(modules, module_id, day, today, "session_future")
    if minutes <= 0:
        problems.append(problem("minutes", "session_minutes_zero"))
    elif minutes > MAX_MINUTES_PER_DAY:
        problems.append(problem("minutes", "session_too_long"))
    problems.extend(check_note(note))
    if problems:
        raise InvalidInput(problems)


def _info(row: models.StudySession, title: str) -> StudySessionInfo:
    return StudySessionInfo(row.id, row.module_id, title, row.day, row.minutes, row.note)


def log_session(
    db: Database, module_id: int, day: date, minutes: int, note: str, today: date
) -> StudySessionInfo:
    with db.transaction() as session:
        modules = _active_module_ids(session)
        _check_session(modules, module_id, day, minutes, note, today)
        row = models.StudySession(
            module_id=module_id, day=day, minutes=minutes, note=note.strip(),
            created_at=datetime.now(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        return _info(row, modules[module_id][0])


def update_session(
    db: Database, session_id: int, module_id: int, day: date, minutes: int, note: str,
    today: date,
) -> StudySessionInfo:  # fmt: skip
    with db.transaction() as session:
        row = session.get(models.StudySession, session_id)
        if row is None:
            raise InvalidInput([problem("session", "session_gone")])
        modules = _active_module_ids(session)
        _check_session(modules, module_id, day, minutes, note, today)
        row.module_id, row.day, row.minutes, row.note = module_id, day, minutes, note.strip()
        session.flush()
        return _info(row, modules[module_id][0])


def delete_session(db: Database, session_id: int) -> StudySessionInfo:
    """Delete one session; returns it so the deletion can be undone (restore_session)."""
    with db.transaction() as session:
        row = session.get(models.StudySession, session_id)
        if row is None:
            raise InvalidInput([problem("session", "session_gone")])
        title = _active_module_ids(session).get(row.module_id, ("?", ""))[0]
        info = _info(row, title)
        session.delete(row)
        return info


def restore_session(db: Database, info: StudySessionInfo) -> StudySessionInfo:
    """Undo a deletion: the session comes back with its id, date, minutes and note (returned
    with its module's title as it is now)."""
    with db.transaction() as session:
        if session.get(models.StudySession, info.id) is not None:
            raise InvalidInput([problem("session", "session_exists")])
        module = session.get(models.Module, info.module_id)
        if module is None:
            raise InvalidInput([problem("module", "session_module_gone")])
        session.add(
            models.StudySession(
                id=info.id, module_id=info.module_id, day=info.day, minutes=info.minutes,
                note=info.note, created_at=datetime.now(),
            )
        )  # fmt: skip
        return replace(info, module_title=module.title)


def list_sessions(db: Database) -> tuple[StudySessionInfo, ...]:
    """Every session, newest first."""
    with db.read() as conn:
        s, m = tables.study_sessions, tables.modules
        rows = conn.execute(
            select(s.c.id, s.c.module_id, m.c.title, s.c.day, s.c.minutes, s.c.note)
            .join(m, m.c.id == s.c.module_id)
            .order_by(s.c.day.desc(), s.c.id.desc())
        )
        return tuple(StudySessionInfo(*row) for row in rows)


def count_sessions(db: Database) -> int:
    with db.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(tables.study_sessions)) or 0)


def sessions_by_date(
    db: Database, *, newest_first: bool, after: StudySessionInfo | None, limit: int
) -> tuple[StudySessionInfo, ...]:
    """Up to `limit` sessions in date order (equal dates by id, the same way round), starting
    just after `after` in that order: the Study log reads its rows a page at a time."""
    with db.read() as conn:
        s, m = tables.study_sessions, tables.modules
        query = select(s.c.id, s.c.module_id, m.c.title, s.c.day, s.c.minutes, s.c.note).join(
            m, m.c.id == s.c.module_id
        )
        if newest_first:
            query = query.order_by(s.c.day.desc(), s.c.id.desc())
            if after is not None:
                query = query.where(
                    s.c.day <= after.day, or_(s.c.day < after.day, s.c.id < after.id)
                )
        else:
            query = query.order_by(s.c.day, s.c.id)
            if after is not None:
                query = query.where(
                    s.c.day >= after.day, or_(s.c.day > after.day, s.c.id > after.id)
                )
        return tuple(StudySessionInfo(*row) for row in conn.execute(query.limit(limit)))


# -- the stored timer -----------------------------------------------------------------------


def _timer_info(session: Session, row: models.StudyTimer) -> TimerInfo:
    title = session.scalar(
        select(tables.modules.c.title).where(tables.modules.c.id == row.module_id)
    )
    return TimerInfo(row.module_id, title or "?", row.started_at, row.banked_seconds, row.running)


def current_timer(db: Database) -> TimerInfo | None:
    with db.transaction() as session:
        row = session.get(models.StudyTimer, 1)
        return None if row is None else _timer_info(session, row)


def start_timer(db: Database, module_id: int, now: datetime) -> TimerInfo:
    with db.transaction() as session:
        existing = session.get(models.StudyTimer, 1)
        if existing is not None:
            running = _timer_info(session, existing)
            raise InvalidInput([problem("timer", "timer_running", title=running.module_title)])
        if module_id not in _active_module_ids(session):
            raise InvalidInput([problem("module", "module_not_in_plan", id=str(module_id))])
        row = models.StudyTimer(
            id=1, module_id=module_id, started_at=now, banked_seconds=0, running=True
        )
        session.add(row)
        session.flush()
        return _timer_info(session, row)


def _timer(session: Session) -> models.StudyTimer:
    row = session.get(models.StudyTimer, 1)
    if row is None:
        raise InvalidInput([problem("timer", "timer_not_running")])
    return row


def pause_timer(db: Database, now: datetime) -> TimerInfo:
    with db.transaction() as session:
        row = _timer(session)
        if row.running:
            row.banked_seconds += max(0, int((now - row.started_at).total_seconds()))
            row.running = False
        return _timer_info(session, row)


def resume_timer(db: Database, now: datetime) -> TimerInfo:
    with db.transaction() as session:
        row = _timer(session)
        if not row.running:
            row.started_at = now
            row.running = True
        return _timer_info(session, row)


def stop_timer(db: Database, now: datetime, today: date) -> StudySessionInfo | None:
    """Stop the timer and log what it counted (nothing under a minute; at most 16 hours)."""
    with db.transaction() as session:
        row = _timer(session)
        info = _timer_info(session, row)
        session.delete(row)
        minutes = min(round(info.elapsed_seconds(now) / 60), MAX_MINUTES_PER_DAY)
        if minutes < 1:
            return None
        day = min(now.date(), today)
        logged = models.StudySession(
            module_id=info.module_id, day=day, minutes=minutes, note="", created_at=now
        )
        session.add(logged)
        session.flush()
        return _info(logged, info.module_title)


# -- completions ------------------------------------------------------------------------------


def set_completion(
    db: Database,
    module_id: int,
    day: date,
    score: float | None,
    today: date,
    sections: Sequence[SectionScore] | None = None,
) -> None:
    """Mark the module done on `day`. With `sections` (a sitting's score per exam section) the
    score is derived from them and they are stored with it; otherwise any earlier ones go."""
    if sections:
        score = total_percent(sections)
    with db.transaction() as session:
        modules = _active_module_ids(session)
        problems = _module_and_day(modules, module_id, day, today, "completion_future")
        if score is not None:
            if not 0 <= score <= 100:
                problems.append(problem("score", "score_range"))
            elif module_id in modules and not ModuleKind(modules[module_id][1]).is_exam:
                problems.append(problem("score", "score_not_exam"))
        if sections and len({s.key for s in sections}) != len(sections):
            problems.append(problem("sections", "section_twice"))
        if problems:
            raise InvalidInput(problems)
        session.execute(
            delete(tables.section_scores).where(tables.section_scores.c.module_id == module_id)
        )
        session.add_all(
            models.SectionScore(
                module_id=module_id, section_key=s.key, title=s.title[:200],
                questions=s.questions, missed=s.missed,
            )
            for s in sections or ()
        )  # fmt: skip
        row = session.get(models.ModuleCompletion, module_id)
        if row is None:
            session.add(models.ModuleCompletion(module_id=module_id, completed_on=day, score=score))
        else:
            row.completed_on, row.score = day, score


def clear_completion(db: Database, module_id: int) -> None:
    with db.transaction() as session:
        session.execute(
            delete(tables.section_scores).where(tables.section_scores.c.module_id == module_id)
        )
        deleted = session.execute(
            delete(tables.module_completions).where(
                tables.module_completions.c.module_id == module_id
            )
        )
        if not deleted.rowcount:  # type: ignore[attr-defined]
            raise InvalidInput([problem("module", "module_not_done", id=str(module_id))])
