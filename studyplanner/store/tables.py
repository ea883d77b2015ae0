"""The schema as SQLAlchemy Core tables: the one definition of every table and constraint.

The ORM classes in models.py map onto these tables. Code that only reads (the start-up path)
queries the tables directly and never pays for setting up the ORM mappers.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from studyplanner.store.identity import UID, new_uid

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _uid() -> Column[str]:
    """The record's identity across data folders and archives (see store/identity.py). The
    empty server default only lets the column be added to existing tables; every insert
    through SQLAlchemy gets a fresh uid, and the unique index refuses a second empty one."""
    return Column(
        UID, String(32), nullable=False, default=new_uid, server_default=text("''"),
        index=True, unique=True,
    )  # fmt: skip


def _fk(name: str, target: str, *, nullable: bool = False, on_delete: str = "CASCADE",
        index: bool = True) -> Column[int]:  # fmt: skip
    return Column(
        name, Integer, ForeignKey(target, ondelete=on_delete), nullable=nullable, index=index
    )


tracks = Table(
    "tracks",
    metadata,
    _id(),
    _uid(),
    Column("name", String(200), nullable=False),
    Column("template_id", String(100)),
    Column("goal_credential", String(20), nullable=False, default=""),
    Column("body", String(20), nullable=False, default=""),
    Column("usual_min_months", Integer),
    Column("usual_max_months", Integer),
    Column("program_label", String(100), nullable=False, default="programs like this"),
    Column("pass_mark_percent", Float),
    Column("term_count", Integer, nullable=False, default=0),
    Column("created_at", DateTime, nullable=False),
)

modules = Table(
    "modules",
    metadata,
    _id(),
    _uid(),
    _fk("track_id", "tracks.id"),
    Column("position", Integer, nullable=False),
    Column("key", String(100)),
    Column("title", String(200), nullable=False),
    Column("topic", Text, nullable=False, default=""),
    Column("kind", String(20), nullable=False),
    Column("estimated_minutes", Integer, nullable=False),
    Column("term", Integer),
    Column("credits", Float),
    # An exam sat in one go: scheduled whole on one day, never split (migration 0006).
    Column("sitting", Boolean, nullable=False, default=False, server_default=text("0")),
    CheckConstraint("estimated_minutes > 0", name="positive_minutes"),
    CheckConstraint(
        "kind IN ('lesson', 'course', 'practice_exam', 'externship', 'exam')", name="known_kind"
    ),
)

BUILT_IN_EXAM_KEYS = ("cpc-exam", "cca-exam", "ccs-exam", "rhit-exam")
"""The keys of the built-in tracks' final exams when sittings came (schema 0006): copies of them
made before then become sittings, by the migration and by the import of an older archive alike.
Fixed on purpose: later template changes do not reach back into old data."""

module_prerequisites = Table(
    "module_prerequisites",
    metadata,
    Column("module_id", Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "requires_id",
        Integer,
        ForeignKey("modules.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

module_completions = Table(
    "module_completions",
    metadata,
    Column("module_id", Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True),
    Column("completed_on", Date, nullable=False),
    Column("score", Float),
    CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_percent"),
)

section_scores = Table(
    "section_scores",
    metadata,
    # A sitting's score on one section of its exam (migration 0007): the questions it asked and
    # how many were missed; the module's completion score is derived from these rows. Removed
    # with the completion (reopening the module clears both).
    Column("module_id", Integer, ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True),
    Column("section_key", String(60), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("questions", Integer, nullable=False),
    Column("missed", Integer, nullable=False),
    CheckConstraint("questions > 0 AND questions <= 500", name="sane_questions"),
    CheckConstraint("missed >= 0 AND missed <= questions", name="missed_of_questions"),
)

WEEKDAY_COLUMNS = ("min_mon", "min_tue", "min_wed", "min_thu", "min_fri", "min_sat", "min_sun")

plans = Table(
    "plans",
    metadata,
    _id(),
    _uid(),
    _fk("track_id", "tracks.id"),
    Column("start_date", Date, nullable=False),
    Column("target_date", Date),
    Column("weekly_minutes", Integer),
    *(Column(name, Integer, nullable=False, default=0) for name in WEEKDAY_COLUMNS),
    Column("is_active", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
    # May a sitting take a day whose availability is shorter than it? (migration 0006)
    Column("allow_long_sittings", Boolean, nullable=False, default=False, server_default=text("0")),
    CheckConstraint("(target_date IS NULL) <> (weekly_minutes IS NULL)", name="target_xor_budget"),
    CheckConstraint("weekly_minutes IS NULL OR weekly_minutes > 0", name="positive_budget"),
    CheckConstraint(
        " AND ".join(f"{name} >= 0" for name in WEEKDAY_COLUMNS),
        name="availability_not_negative",
    ),
)

blackouts = Table(
    "blackouts",
    metadata,
    _id(),
    _uid(),
    _fk("plan_id", "plans.id"),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("label", String(200), nullable=False, default=""),
    CheckConstraint("end_date >= start_date", name="ordered_dates"),
)

plan_terms = Table(
    "plan_terms",
    metadata,
    _id(),
    _uid(),
    _fk("plan_id", "plans.id"),
    Column("number", Integer, nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    UniqueConstraint("plan_id", "number"),
    CheckConstraint("end_date >= start_date", name="ordered_dates"),
)

baselines = Table(
    "baselines",
    metadata,
    _id(),
    _uid(),
    _fk("plan_id", "plans.id"),
    Column("number", Integer, nullable=False),
    Column("accepted_at", DateTime, nullable=False),
    Column("finish_date", Date),
    Column("verdict_json", Text, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("settings_json", Text, nullable=False),
    UniqueConstraint("plan_id", "number"),
)

baseline_modules = Table(
    "baseline_modules",
    metadata,
    _id(),
    _uid(),
    _fk("baseline_id", "baselines.id"),
    _fk("module_id", "modules.id", nullable=True, on_delete="SET NULL"),
    Column("title", String(200), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("start_date", Date),
    Column("due_date", Date),
)

baseline_blocks = Table(
    "baseline_blocks",
    metadata,
    _id(),
    _uid(),
    _fk("baseline_id", "baselines.id"),
    Column("day", Date, nullable=False),
    _fk("module_id", "modules.id", nullable=True, on_delete="SET NULL", index=False),
    Column("minutes", Integer, nullable=False),
)

study_sessions = Table(
    "study_sessions",
    metadata,
    _id(),
    _uid(),
    # RESTRICT: a module with logged study cannot disappear with its history by accident.
    _fk("module_id", "modules.id", on_delete="RESTRICT", index=False),
    Column("day", Date, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("minutes > 0 AND minutes <= 960", name="sane_minutes"),
    # Covering indexes: totals per module and per day are read from the index alone.
    Index("ix_study_sessions_module_minutes", "module_id", "minutes"),
    Index("ix_study_sessions_day_minutes", "day", "minutes"),
)

study_timer = Table(
    "study_timer",
    metadata,
    Column("id", Integer, primary_key=True),
    _fk("module_id", "modules.id", index=False),
    Column("started_at", DateTime, nullable=False),
    Column("banked_seconds", Integer, nullable=False, default=0),
    Column("running", Boolean, nullable=False, default=True),
    CheckConstraint("id = 1", name="single_timer"),
    CheckConstraint("banked_seconds >= 0", name="banked_not_negative"),
)

# Credentials and CEUs. CEU units are stored as whole hundredths (0.5 CEU = 50) so sums are exact.

credentials = Table(
    "credentials",
    metadata,
    _id(),
    _uid(),
    Column("code", String(20), nullable=False),  # the rule's code: CPC, CCS, SPECIALTY...
    Column("label", String(40), nullable=False),  # what the user calls it (CEMC for a specialty)
    Column("body", String(20), nullable=False),
    Column("earned_on", Date, nullable=False),
    Column("renewal_on", Date),  # membership renewal date, for bodies that use one
    Column("note", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("label"),
)

credential_cycles = Table(
    "credential_cycles",
    metadata,
    _id(),
    _uid(),
    # RESTRICT: a credential's cycle history cannot vanish with it by accident.
    _fk("credential_id", "credentials.id", on_delete="RESTRICT"),
    Column("start_on", Date, nullable=False),
    Column("end_on", Date, nullable=False),
    Column("required_hundredths", Integer),  # the user's own figure; NULL = from the rules
    Column("quota_hundredths", Integer),
    Column("closed_on", Date),  # set when the next cycle starts; closed cycles are read-only
    CheckConstraint("end_on > start_on", name="ends_after_start"),
    CheckConstraint(
        "required_hundredths IS NULL OR required_hundredths >= 0", name="required_not_negative"
    ),
    CheckConstraint("quota_hundredths IS NULL OR quota_hundredths >= 0", name="quota_not_negative"),
)

ceu_activities = Table(
    "ceu_activities",
    metadata,
    _id(),
    _uid(),
    Column("completed_on", Date, nullable=False),
    Column("title", String(300), nullable=False),
    Column("provider", String(200), nullable=False, default=""),
    Column("index_number", String(100), nullable=False, default=""),
    Column("units_hundredths", Integer, nullable=False),
    Column("category", String(60), nullable=False),
    Column("ahima_sourced", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    # The copy inside the data folder's certificates/ (never the user's original path).
    Column("certificate_file", String(300)),
    Column("certificate_name", String(300)),  # the original file name, to show and export
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("units_hundredths > 0 AND units_hundredths <= 10000", name="sane_units"),
    Index("ix_ceu_activities_completed_on", "completed_on"),
)

ceu_allocations = Table(
    "ceu_allocations",
    metadata,
    Column(
        "activity_id",
        Integer,
        ForeignKey("ceu_activities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "cycle_id",
        Integer,
        ForeignKey("credential_cycles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("units_hundredths", Integer, nullable=False),
    CheckConstraint("units_hundredths > 0", name="units_positive"),
)

# Reminders and settings.

reminder_states = Table(
    "reminder_states",
    metadata,
    Column("key", String(200), primary_key=True),  # the reminder's stable key
    Column("dismissed", Boolean, nullable=False, default=False),
    Column("snoozed_until", Date),
    Column("updated_at", DateTime, nullable=False),
)

app_settings = Table(
    "app_settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)
