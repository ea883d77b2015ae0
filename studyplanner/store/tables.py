"""The Core tables of the schema declared in models.py, by name, for code that works on whole
tables or in bulk (inserts of many rows, sums, the archive, restores). Nothing is declared here:
each is its ORM class's `__table__`, so the schema has one definition."""

from __future__ import annotations

from sqlalchemy import Table

from studyplanner.store import models
from studyplanner.store.models import BUILT_IN_EXAM_KEYS, WEEKDAY_COLUMNS, metadata

__all__ = ["BUILT_IN_EXAM_KEYS", "WEEKDAY_COLUMNS", "metadata"]


def _table(model: type[models.Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


tracks = _table(models.Track)
modules = _table(models.Module)
module_prerequisites = _table(models.ModulePrerequisite)
module_completions = _table(models.ModuleCompletion)
section_scores = _table(models.SectionScore)
plans = _table(models.Plan)
blackouts = _table(models.Blackout)
plan_terms = _table(models.PlanTerm)
baselines = _table(models.Baseline)
baseline_modules = _table(models.BaselineModule)
baseline_blocks = _table(models.BaselineBlock)
study_sessions = _table(models.StudySession)
study_timer = _table(models.StudyTimer)
credentials = _table(models.Credential)
credential_cycles = _table(models.CredentialCycle)
ceu_activities = _table(models.CeuActivity)
ceu_allocations = _table(models.CeuAllocation)
reminder_states = _table(models.ReminderStateRow)
app_settings = _table(models.AppSetting)
