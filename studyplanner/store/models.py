"""The schema, declared once: SQLAlchemy 2.x typed ORM classes, each with its table's columns,
constraints and indexes. The Alembic migrations build the same tables (a test compares them).

Code that works on whole tables (bulk inserts, the archive, restores) uses the Core tables of
these classes, `Model.__table__`, named in store/tables.py. Dates are ISO dates; durations whole
minutes. These classes never leave store/ and services/: the GUI and the CLI see frozen snapshots.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column, relationship

from studyplanner.store.identity import UID, new_uid

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

WEEKDAY_COLUMNS = ("min_mon", "min_tue", "min_wed", "min_thu", "min_fri", "min_sat", "min_sun")
"""The plan's minutes available per weekday, Monday first (the columns of `Plan`)."""

BUILT_IN_EXAM_KEYS = ("cpc-exam", "cca-exam", "ccs-exam", "rhit-exam")
"""The keys of the built-in tracks' final exams when sittings came (schema 0006): copies of them
made before then become sittings, by the migration and by the import of an older archive alike.
Fixed on purpose: later template changes do not reach back into old data."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


def _id() -> MappedColumn[int]:
    return mapped_column("id", Integer, primary_key=True)


def _uid() -> MappedColumn[str]:
    """The record's identity across data folders and archives (see store/identity.py). The
    empty server default only lets the column be added to existing tables; every insert
    through SQLAlchemy gets a fresh uid, and the unique index refuses a second empty one."""
    return mapped_column(
        UID, String(32), nullable=False, default=new_uid, server_default=text("''"),
        index=True, unique=True,
    )  # fmt: skip


def _fk(target: str, *, nullable: bool = False, on_delete: str = "CASCADE",
        index: bool = True) -> MappedColumn[int]:  # fmt: skip
    return mapped_column(
        Integer, ForeignKey(target, ondelete=on_delete), nullable=nullable, index=index
    )


class Track(Base):
    """The user's own copy of a track (copied from a built-in template, or made from scratch)."""

    __tablename__ = "tracks"

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    name: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[str | None] = mapped_column(String(100))
    goal_credential: Mapped[str] = mapped_column(String(20), default="")
    body: Mapped[str] = mapped_column(String(20), default="")
    usual_min_months: Mapped[int | None] = mapped_column(Integer)
    usual_max_months: Mapped[int | None] = mapped_column(Integer)
    program_label: Mapped[str] = mapped_column(String(100), default="programs like this")
    pass_mark_percent: Mapped[float | None] = mapped_column(Float)
    term_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    modules: Mapped[list[Module]] = relationship(
        back_populates="track", cascade="all, delete-orphan", order_by="Module.position"
    )


class Module(Base):
    __tablename__ = "modules"
    __table_args__ = (
        CheckConstraint("estimated_minutes > 0", name="positive_minutes"),
        CheckConstraint(
            "kind IN ('lesson', 'course', 'practice_exam', 'externship', 'exam')",
            name="known_kind",
        ),
    )

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    track_id: Mapped[int] = _fk("tracks.id")
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    estimated_minutes: Mapped[int] = mapped_column(Integer)
    term: Mapped[int | None] = mapped_column(Integer)
    credits: Mapped[float | None] = mapped_column(Float)
    # An exam sat in one go: scheduled whole on one day, never split (migration 0006).
    sitting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))

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
    __tablename__ = "module_prerequisites"

    module_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    requires_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ModuleCompletion(Base):
    """A module marked complete (with the date, and a score for exams)."""

    __tablename__ = "module_completions"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_percent"),
    )

    module_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    completed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[float | None] = mapped_column(Float)


class SectionScore(Base):
    """A sitting's score on one section of its exam (migration 0007): the questions it asked and
    how many were missed; the module's completion score is derived from these rows. Removed with
    the completion (reopening the module clears both)."""

    __tablename__ = "section_scores"
    __table_args__ = (
        CheckConstraint("questions > 0 AND questions <= 500", name="sane_questions"),
        CheckConstraint("missed >= 0 AND missed <= questions", name="missed_of_questions"),
    )

    module_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    section_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    questions: Mapped[int] = mapped_column(Integer)
    missed: Mapped[int] = mapped_column(Integer)


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint(
            "(target_date IS NULL) <> (weekly_minutes IS NULL)", name="target_xor_budget"
        ),
        CheckConstraint("weekly_minutes IS NULL OR weekly_minutes > 0", name="positive_budget"),
        CheckConstraint(
            " AND ".join(f"{name} >= 0" for name in WEEKDAY_COLUMNS),
            name="availability_not_negative",
        ),
    )

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    track_id: Mapped[int] = _fk("tracks.id")
    start_date: Mapped[date] = mapped_column(Date)
    target_date: Mapped[date | None] = mapped_column(Date)
    weekly_minutes: Mapped[int | None] = mapped_column(Integer)
    min_mon: Mapped[int] = mapped_column(Integer, default=0)  # the WEEKDAY_COLUMNS, in order
    min_tue: Mapped[int] = mapped_column(Integer, default=0)
    min_wed: Mapped[int] = mapped_column(Integer, default=0)
    min_thu: Mapped[int] = mapped_column(Integer, default=0)
    min_fri: Mapped[int] = mapped_column(Integer, default=0)
    min_sat: Mapped[int] = mapped_column(Integer, default=0)
    min_sun: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # May a sitting take a day whose availability is shorter than it? (migration 0006)
    allow_long_sittings: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("0")
    )

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

    WEEKDAY_COLUMNS: ClassVar[tuple[str, ...]] = WEEKDAY_COLUMNS


class Blackout(Base):
    __tablename__ = "blackouts"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="ordered_dates"),)

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    plan_id: Mapped[int] = _fk("plans.id")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")


class PlanTerm(Base):
    __tablename__ = "plan_terms"
    __table_args__ = (
        UniqueConstraint("plan_id", "number"),
        CheckConstraint("end_date >= start_date", name="ordered_dates"),
    )

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    plan_id: Mapped[int] = _fk("plans.id")
    number: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)


class Baseline(Base):
    """An accepted schedule, kept so progress can be judged against it (and shown as history)."""

    __tablename__ = "baselines"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    plan_id: Mapped[int] = _fk("plans.id")
    number: Mapped[int] = mapped_column(Integer)
    accepted_at: Mapped[datetime] = mapped_column(DateTime)
    finish_date: Mapped[date | None] = mapped_column(Date)
    verdict_json: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    settings_json: Mapped[str] = mapped_column(Text)

    modules: Mapped[list[BaselineModule]] = relationship(cascade="all, delete-orphan")
    blocks: Mapped[list[BaselineBlock]] = relationship(cascade="all, delete-orphan")


class BaselineModule(Base):
    __tablename__ = "baseline_modules"

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    baseline_id: Mapped[int] = _fk("baselines.id")
    module_id: Mapped[int | None] = _fk("modules.id", nullable=True, on_delete="SET NULL")
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)


class BaselineBlock(Base):
    __tablename__ = "baseline_blocks"

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    baseline_id: Mapped[int] = _fk("baselines.id")
    day: Mapped[date] = mapped_column(Date)
    module_id: Mapped[int | None] = _fk(
        "modules.id", nullable=True, on_delete="SET NULL", index=False
    )
    minutes: Mapped[int] = mapped_column(Integer)


class StudySession(Base):
    """Time studied on a module on one day."""

    __tablename__ = "study_sessions"
    __table_args__ = (
        CheckConstraint("minutes > 0 AND minutes <= 960", name="sane_minutes"),
        # Covering indexes: totals per module and per day are read from the index alone.
        Index("ix_study_sessions_module_minutes", "module_id", "minutes"),
        Index("ix_study_sessions_day_minutes", "day", "minutes"),
    )

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    # RESTRICT: a module with logged study cannot disappear with its history by accident.
    module_id: Mapped[int] = _fk("modules.id", on_delete="RESTRICT", index=False)
    day: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class StudyTimer(Base):
    """The one study timer, stored so it survives closing the window (id is always 1)."""

    __tablename__ = "study_timer"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_timer"),
        CheckConstraint("banked_seconds >= 0", name="banked_not_negative"),
    )

    id: Mapped[int] = _id()
    module_id: Mapped[int] = _fk("modules.id", index=False)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    banked_seconds: Mapped[int] = mapped_column(Integer, default=0)
    running: Mapped[bool] = mapped_column(Boolean, default=True)


# Credentials and CEUs. CEU units are stored as whole hundredths (0.5 CEU = 50) so sums are exact.


class Credential(Base):
    """A credential the user holds, with its cycles (oldest first)."""

    __tablename__ = "credentials"
    __table_args__ = (UniqueConstraint("label"),)

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    code: Mapped[str] = mapped_column(String(20))  # the rule's code: CPC, CCS, SPECIALTY...
    label: Mapped[str] = mapped_column(String(40))  # what the user calls it (CEMC for a specialty)
    body: Mapped[str] = mapped_column(String(20))
    earned_on: Mapped[date] = mapped_column(Date)
    renewal_on: Mapped[date | None] = mapped_column(Date)  # membership renewal, where used
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    cycles: Mapped[list[CredentialCycle]] = relationship(
        back_populates="credential", order_by="CredentialCycle.start_on"
    )


class CredentialCycle(Base):
    __tablename__ = "credential_cycles"
    __table_args__ = (
        CheckConstraint("end_on > start_on", name="ends_after_start"),
        CheckConstraint(
            "required_hundredths IS NULL OR required_hundredths >= 0",
            name="required_not_negative",
        ),
        CheckConstraint(
            "quota_hundredths IS NULL OR quota_hundredths >= 0", name="quota_not_negative"
        ),
    )

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    # RESTRICT: a credential's cycle history cannot vanish with it by accident.
    credential_id: Mapped[int] = _fk("credentials.id", on_delete="RESTRICT")
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    required_hundredths: Mapped[int | None] = mapped_column(Integer)  # NULL = from the rules
    quota_hundredths: Mapped[int | None] = mapped_column(Integer)
    closed_on: Mapped[date | None] = mapped_column(Date)  # set when the next cycle starts

    credential: Mapped[Credential] = relationship(back_populates="cycles")


class CeuActivity(Base):
    """A continuing-education activity, with its certificate copied into the data folder."""

    __tablename__ = "ceu_activities"
    __table_args__ = (
        CheckConstraint("units_hundredths > 0 AND units_hundredths <= 10000", name="sane_units"),
        Index("ix_ceu_activities_completed_on", "completed_on"),
    )

    id: Mapped[int] = _id()
    uid: Mapped[str] = _uid()
    completed_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200), default="")
    index_number: Mapped[str] = mapped_column(String(100), default="")
    units_hundredths: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(60))
    ahima_sourced: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # The copy inside the data folder's certificates/ (never the user's original path).
    certificate_file: Mapped[str | None] = mapped_column(String(300))
    certificate_name: Mapped[str | None] = mapped_column(String(300))  # the original name
    created_at: Mapped[datetime] = mapped_column(DateTime)

    allocations: Mapped[list[CeuAllocation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class CeuAllocation(Base):
    """Units of one activity applied to one credential's cycle."""

    __tablename__ = "ceu_allocations"
    __table_args__ = (CheckConstraint("units_hundredths > 0", name="units_positive"),)

    activity_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("ceu_activities.id", ondelete="CASCADE"), primary_key=True
    )
    cycle_id: Mapped[int] = mapped_column(
        Integer,
        ForeignKey("credential_cycles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
    units_hundredths: Mapped[int] = mapped_column(Integer)


# Reminders and settings.


class ReminderStateRow(Base):
    """A dismissed or snoozed reminder, remembered by its key."""

    __tablename__ = "reminder_states"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # the reminder's stable key
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AppSetting(Base):
    """One setting as JSON (reminder lead times, keep in tray, remind when closed...)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
