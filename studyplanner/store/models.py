"""SQLAlchemy 2.x typed ORM models. Dates are stored as ISO dates; durations as whole minutes.

These classes never leave store/ and services/: the GUI and the CLI see frozen snapshots.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Track(Base):
    """The user's own copy of a track (copied from a built-in template, or made from scratch)."""

    __tablename__ = "tracks"

    id: Mapped[int] = mapped_column(primary_key=True)
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
            "kind IN ('lesson', 'course', 'practice_exam', 'externship', 'exam')", name="known_kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    estimated_minutes: Mapped[int] = mapped_column(Integer)
    term: Mapped[int | None] = mapped_column(Integer)
    credits: Mapped[float | None] = mapped_column(Float)

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
        ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    requires_id: Mapped[int] = mapped_column(
        ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ModuleCompletion(Base):
    """A module marked complete (with the date, and a score for exams)."""

    __tablename__ = "module_completions"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_percent"),
    )

    module_id: Mapped[int] = mapped_column(
        ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True
    )
    completed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[float | None] = mapped_column(Float)


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint(
            "(target_date IS NULL) <> (weekly_minutes IS NULL)", name="target_xor_budget"
        ),
        CheckConstraint("weekly_minutes IS NULL OR weekly_minutes > 0", name="positive_budget"),
        CheckConstraint(
            "min_mon >= 0 AND min_tue >= 0 AND min_wed >= 0 AND min_thu >= 0 AND min_fri >= 0"
            " AND min_sat >= 0 AND min_sun >= 0",
            name="availability_not_negative",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    target_date: Mapped[date | None] = mapped_column(Date)
    weekly_minutes: Mapped[int | None] = mapped_column(Integer)
    min_mon: Mapped[int] = mapped_column(Integer, default=0)
    min_tue: Mapped[int] = mapped_column(Integer, default=0)
    min_wed: Mapped[int] = mapped_column(Integer, default=0)
    min_thu: Mapped[int] = mapped_column(Integer, default=0)
    min_fri: Mapped[int] = mapped_column(Integer, default=0)
    min_sat: Mapped[int] = mapped_column(Integer, default=0)
    min_sun: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)

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

    WEEKDAY_COLUMNS = ("min_mon", "min_tue", "min_wed", "min_thu", "min_fri", "min_sat", "min_sun")


class Blackout(Base):
    __tablename__ = "blackouts"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="ordered_dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")


class PlanTerm(Base):
    __tablename__ = "plan_terms"
    __table_args__ = (
        UniqueConstraint("plan_id", "number"),
        CheckConstraint("end_date >= start_date", name="ordered_dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)


class Baseline(Base):
    """An accepted schedule, kept so progress can be judged against it (and shown as history)."""

    __tablename__ = "baselines"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
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

    id: Mapped[int] = mapped_column(primary_key=True)
    baseline_id: Mapped[int] = mapped_column(
        ForeignKey("baselines.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("modules.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)


class BaselineBlock(Base):
    __tablename__ = "baseline_blocks"

    id: Mapped[int] = mapped_column(primary_key=True)
    baseline_id: Mapped[int] = mapped_column(
        ForeignKey("baselines.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    module_id: Mapped[int | None] = mapped_column(ForeignKey("modules.id", ondelete="SET NULL"))
    minutes: Mapped[int] = mapped_column(Integer)
