"""One note limit (core/validation.MAX_NOTE), the same in every service that keeps a note."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from studyplanner.core.model import Availability
from studyplanner.core.validation import MAX_NOTE, InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials
from studyplanner.services.ceu_activities import ActivityInput
from studyplanner.services.database import open_database
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import module_statuses
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.services.study_log import log_session

TODAY = date(2026, 12, 2)
LONGEST, TOO_LONG = "n" * MAX_NOTE, "n" * (MAX_NOTE + 1)


def test_every_note_takes_the_limit_and_refuses_one_more(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    settings = PlanSettings(start=TODAY, availability=Availability((60,) * 7), weekly_minutes=420)
    create_plan(db, NewPlan(settings, template_id="cpc-certificate-program"), TODAY)
    module = module_statuses(db, TODAY)[0].id
    log_session(db, module, TODAY, 30, LONGEST, TODAY)
    with pytest.raises(InvalidInput, match=f"under {MAX_NOTE} characters"):
        log_session(db, module, TODAY, 30, TOO_LONG, TODAY)

    cpc = credentials.add_credential(db, "CPC", date(2025, 4, 10), TODAY, note=LONGEST)
    with pytest.raises(InvalidInput, match=f"under {MAX_NOTE} characters"):
        credentials.add_credential(db, "CCS", date(2025, 4, 10), TODAY, note=TOO_LONG)
    with pytest.raises(InvalidInput, match=f"under {MAX_NOTE} characters"):
        credentials.edit_credential(db, cpc.id, TODAY, note=TOO_LONG)

    def activity(note: str) -> ActivityInput:
        return ActivityInput(date(2026, 3, 1), "Webinar", Decimal(1), "coding", note=note)

    acts.add_activity(db, activity(LONGEST), [(cpc.current.id, Decimal(1))], TODAY)
    with pytest.raises(InvalidInput, match=f"under {MAX_NOTE} characters"):
        acts.add_activity(db, activity(TOO_LONG), [(cpc.current.id, Decimal(1))], TODAY)
