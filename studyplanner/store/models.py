"""SQLAlchemy 2.x typed ORM classes over the tables of store/tables.py (used to change data).

Dates are ISO dates; durations whole minutes. These classes never leave store/ and services/:
the GUI and the CLI see frozen snapshots.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from studyplanner.store import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Track(Base):
    """The user's own copy of a track (copied from a built-in template, or made from scratch)."""

    __table__ = tables.tracks

    id: Mapped[int]
    name: Mapped[str]
    template_id: Mapped[str | None]
    goal_credential: Mapped[str]
    body: Mapped[str]
    usual_min_months: Mapped[int | None]
    usual_max_months: Mapped[int | None]
    program_label: Mapped[str]
    pass_mark_percent: Mapped[float | None]
    term_count: Mapped[int]
    created_at: Mapped[datetime]

    modules: Mapped[list[Module]] = relationship(
        back_populates="track", cascade="all, delete-orphan", order_by="Module.position"
    )


class Module(Base):
    __table__ = tables.modules

    id: Mapped[int]
    track_id: Mapped[int]
    position: Mapped[int]
    key: Mapped[str | None]
    title: Mapped[str]
    topic: Mapped[str]
    kind: Mapped[str]
    estimated_minutes: Mapped[int]
    term: Mapped[int | None]
    credits: Mapped[float | None]
    sitting: Mapped[bool]

    track: Mapped[Track] = relationship(back_populates="modules")
    prerequisites: Mapped[list[ModulePrerequisite]] = relationship(
        foreign_keys="ModulePrerequisite.module_id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    completion: Mapped[ModuleCompletion | None] = relationship(
        cascade="all, delete-orphan", uselist=False, passive_deletes=True
    )


class ModulePrerequisite(Base):
    __table__ = tables.module_prerequisites

    module_id: Mapped[int]
    requires_id: Mapped[int]


class ModuleCompletion(Base):
    """A module marked complete (with the date, and a score for exams)."""

    __table__ = tables.module_completions

    module_id: Mapped[int]
    completed_on: Mapped[date]
    score: Mapped[float | None]


class SectionScore(Base):
    """A sitting's score on one exam section (questions asked, questions missed)."""

    __table__ = tables.section_scores

    module_id: Mapped[int]
    section_key: Mapped[str]
    title: Mapped[str]
    questions: Mapped[int]
    missed: Mapped[int]


class Plan(Base):
    __table__ = tables.plans

    id: Mapped[int]
    track_id: Mapped[int]
    start_date: Mapped[date]
    target_date: Mapped[date | None]
    weekly_minutes: Mapped[int | None]
    min_mon: Mapped[int]
    min_tue: Mapped[int]
    min_wed: Mapped[int]
    min_thu: Mapped[int]
    min_fri: Mapped[int]
    min_sat: Mapped[int]
    min_sun: Mapped[int]
    is_active: Mapped[bool]
    created_at: Mapped[datetime]
    allow_long_sittings: Mapped[bool]

    track: Mapped[Track] = relationship()
    blackouts: Mapped[list[Blackout]] = relationship(
        cascade="all, delete-orphan", order_by="Blackout.start_date"
    )
    terms: Mapped[list[PlanTerm]] = relationship(
        cascade="all, delete-orphan", order_by="PlanTerm.number"
    )
    baselines: Mapped[list[Baseline]] = relationship(
        cascade="all, delete-orphan", order_by="Baseline.number"
    )

    WEEKDAY_COLUMNS = tables.WEEKDAY_COLUMNS


class Blackout(Base):
    __table__ = tables.blackouts

    id: Mapped[int]
    plan_id: Mapped[int]
    start_date: Mapped[date]
    end_date: Mapped[date]
    label: Mapped[str]


class PlanTerm(Base):
    __table__ = tables.plan_terms

    id: Mapped[int]
    plan_id: Mapped[int]
    number: Mapped[int]
    start_date: Mapped[date]
    end_date: Mapped[date]


class Baseline(Base):
    """An accepted schedule, kept so progress can be judged against it (and shown as history)."""

    __table__ = tables.baselines

    id: Mapped[int]
    plan_id: Mapped[int]
    number: Mapped[int]
    accepted_at: Mapped[datetime]
    finish_date: Mapped[date | None]
    verdict_json: Mapped[str]
    note: Mapped[str]
    settings_json: Mapped[str]

    modules: Mapped[list[BaselineModule]] = relationship(cascade="all, delete-orphan")
    blocks: Mapped[list[BaselineBlock]] = relationship(cascade="all, delete-orphan")


class BaselineModule(Base):
    __table__ = tables.baseline_modules

    id: Mapped[int]
    baseline_id: Mapped[int]
    module_id: Mapped[int | None]
    title: Mapped[str]
    minutes: Mapped[int]
    start_date: Mapped[date | None]
    due_date: Mapped[date | None]


class BaselineBlock(Base):
    __table__ = tables.baseline_blocks

    id: Mapped[int]
    baseline_id: Mapped[int]
    day: Mapped[date]
    module_id: Mapped[int | None]
    minutes: Mapped[int]


class StudySession(Base):
    """Time studied on a module on one day."""

    __table__ = tables.study_sessions

    id: Mapped[int]
    module_id: Mapped[int]
    day: Mapped[date]
    minutes: Mapped[int]
    note: Mapped[str]
    created_at: Mapped[datetime]


class StudyTimer(Base):
    """The one study timer, stored so it survives closing the window (id is always 1)."""

    __table__ = tables.study_timer

    id: Mapped[int]
    module_id: Mapped[int]
    started_at: Mapped[datetime]
    banked_seconds: Mapped[int]
    running: Mapped[bool]


class Credential(Base):
    """A credential the user holds, with its cycles (oldest first)."""

    __table__ = tables.credentials

    id: Mapped[int]
    code: Mapped[str]
    label: Mapped[str]
    body: Mapped[str]
    earned_on: Mapped[date]
    renewal_on: Mapped[date | None]
    note: Mapped[str]
    created_at: Mapped[datetime]

    cycles: Mapped[list[CredentialCycle]] = relationship(
        back_populates="credential", order_by="CredentialCycle.start_on"
    )


class CredentialCycle(Base):
    __table__ = tables.credential_cycles

    id: Mapped[int]
    credential_id: Mapped[int]
    start_on: Mapped[date]
    end_on: Mapped[date]
    required_hundredths: Mapped[int | None]
    quota_hundredths: Mapped[int | None]
    closed_on: Mapped[date | None]

    credential: Mapped[Credential] = relationship(back_populates="cycles")


class CeuActivity(Base):
    """A continuing-education activity, with its certificate copied into the data folder."""

    __table__ = tables.ceu_activities

    id: Mapped[int]
    completed_on: Mapped[date]
    title: Mapped[str]
    provider: Mapped[str]
    index_number: Mapped[str]
    units_hundredths: Mapped[int]
    category: Mapped[str]
    ahima_sourced: Mapped[bool]
    note: Mapped[str]
    certificate_file: Mapped[str | None]
    certificate_name: Mapped[str | None]
    created_at: Mapped[datetime]

    allocations: Mapped[list[CeuAllocation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class CeuAllocation(Base):
    """Units of one activity applied to one credential's cycle."""

    __table__ = tables.ceu_allocations

    activity_id: Mapped[int]
    cycle_id: Mapped[int]
    units_hundredths: Mapped[int]


class ReminderStateRow(Base):
    """A dismissed or snoozed reminder, remembered by its key."""

    __table__ = tables.reminder_states

    key: Mapped[str]
    dismissed: Mapped[bool]
    snoozed_until: Mapped[date | None]
    updated_at: Mapped[datetime]


class AppSetting(Base):
    """One setting as JSON (reminder lead times, keep in tray, remind when closed...)."""

    __table__ = tables.app_settings

    key: Mapped[str]
    value: Mapped[str]
