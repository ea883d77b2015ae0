"""The credentials service on a real SQLite file: what is written, what is refused, and that a
refused action writes nothing (no row, no certificate copy)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from studyplanner.core.ceu_reasons import WarningCode, english
from studyplanner.core.ceu_status import CeuStatus
from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as svc
from studyplanner.services.database import Database, open_database

TODAY = date(2026, 11, 27)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _activity(day: date, units: str, category: str = "coding", **kw: object) -> acts.ActivityInput:
    return acts.ActivityInput(day, kw.pop("title", "Webinar"), Decimal(units), category, **kw)  # type: ignore[arg-type]


def test_two_aapc_credentials_share_one_cycle_and_one_total(db: Database) -> None:
    added = date(2025, 8, 1)  # both entered when CPMA was earned: the first cycle was current
    cpc = svc.add_credential(db, "CPC", date(2025, 3, 10), added, renewal_on=date(2026, 6, 30))
    cpma = svc.add_credential(db, "cpma", date(2025, 8, 1), added)
    assert cpc.current.end == date(2026, 6, 30)  # June: an even month, due in an even year
    assert cpma.current.end == cpc.current.end  # one membership, one cycle
    assert cpma.renewal_on == date(2026, 6, 30)
    statuses = {s.label: s for s in svc.ceu_statuses(db, date(2026, 1, 5))}
    assert statuses["CPC"].required == statuses["CPMA"].required == Decimal(40)
    assert statuses["CPC"].pool == ("CPC", "CPMA")


def test_certificate_is_copied_so_the_original_may_go(db: Database, tmp_path: Path) -> None:
    cpc = svc.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    original = tmp_path / "Certificate (1).PDF"
    original.write_bytes(PDF)
    data = _activity(date(2025, 6, 1), "1.5", certificate=original)
    saved = acts.add_activity(db, data, [(cpc.current.id, Decimal("1.5"))], TODAY)
    original.unlink()
    assert saved.certificate is not None and saved.certificate.read_bytes() == PDF
    assert saved.certificate.parent == db.data_dir / "certificates"
    assert saved.certificate_name == "Certificate (1).PDF"
    assert oct(saved.certificate.stat().st_mode & 0o777) == "0o600"
    assert acts.list_activities(db)[0].applied[0].units == Decimal("1.5")


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("notes.txt", b"hello", "certificate"),
        ("fake.pdf", b"GIF89a....", "certificate"),
        ("scan.png", b"%PDF-1.4", "certificate"),
    ],
)
def test_a_bad_certificate_is_refused_and_nothing_is_written(
    db: Database, tmp_path: Path, name: str, content: bytes, field: str
) -> None:
    cpc = svc.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as err:
        acts.add_activity(db, _activity(date(2025, 6, 1), "1", certificate=path),
                         [(cpc.current.id, Decimal(1))], TODAY)  # fmt: skip
    assert err.value.for_field(field)
    assert acts.list_activities(db) == []
    assert not (db.data_dir / "certificates").exists() or not any(
        (db.data_dir / "certificates").iterdir()
    )


def test_a_missing_certificate_is_named(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        acts.add_activity(db, _activity(date(2025, 6, 1), "1", certificate=tmp_path / "gone.pdf"),
                         [], TODAY)  # fmt: skip


def test_failed_transaction_removes_the_new_certificate_copy(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(PDF)
    with pytest.raises(InvalidInput, match="no credential cycle"):
        data = _activity(date(2025, 6, 1), "1", certificate=path)
        acts.add_activity(db, data, [(999, Decimal(1))], TODAY)
    assert list((db.data_dir / "certificates").glob("*.pdf")) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [("0", "more than zero"), ("-1", "more than zero"), ("abc", "not a number"),
     ("1.234", "two decimals"), ("1000", "not realistic"), ("NaN", "a number"),
     ("Infinity", "a number")],
)  # fmt: skip
def test_units_are_checked(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        acts.parse_units(text)


def test_units_accept_a_decimal_comma() -> None:
    assert acts.parse_units(" 1,25 ") == Decimal("1.25")


@pytest.mark.parametrize(
    ("code", "earned", "field"),
    [("XYZ", date(2025, 1, 1), "code"), ("CPC", date(2027, 1, 1), "earned_on"),
     ("CPC", date(1960, 1, 1), "earned_on")],
)  # fmt: skip
def test_bad_credentials_are_refused(db: Database, code: str, earned: date, field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        svc.add_credential(db, code, earned, TODAY)
    assert err.value.for_field(field)
    assert svc.list_credentials(db) == []


def test_the_same_label_twice_is_refused(db: Database) -> None:
    svc.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    with pytest.raises(InvalidInput, match="already have"):
        svc.add_credential(db, "cpc", date(2025, 1, 2), TODAY)


def test_a_specialty_credential_takes_the_users_name(db: Database) -> None:
    cemc = svc.add_credential(db, "SPECIALTY", date(2025, 1, 2), TODAY, label="cemc")
    assert (cemc.label, cemc.code) == ("CEMC", "SPECIALTY")


def test_delete_then_undo_restores_everything(db: Database, tmp_path: Path) -> None:
    cpc = svc.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    path = tmp_path / "c.pdf"
    path.write_bytes(PDF)
    saved = acts.add_activity(db, _activity(date(2025, 6, 1), "2", certificate=path),
                             [(cpc.current.id, Decimal(2))], TODAY)  # fmt: skip
    deleted = acts.delete_activity(db, saved.id)
    assert acts.list_activities(db) == []
    assert saved.certificate is not None and saved.certificate.exists()
    assert acts.restore_activity(db, deleted) == saved
    assert svc.ceu_statuses(db, TODAY)[0].earned == Decimal(2)


def test_closing_a_cycle_opens_the_next_and_keeps_the_old_read_only(
    db: Database, tmp_path: Path
) -> None:
    ccs = svc.add_credential(db, "CCS", date(2024, 11, 1), date(2025, 2, 1))
    rhit = svc.add_credential(db, "RHIT", date(2025, 2, 1), date(2025, 2, 1))
    assert rhit.current.end == ccs.current.end == date(2026, 10, 31)  # AHIMA: one shared cycle
    act = acts.add_activity(db, _activity(date(2025, 6, 1), "4"), [(ccs.current.id, Decimal(4))],
                           TODAY)  # fmt: skip
    backup = svc.close_cycle(db, ccs.id, TODAY, datetime(2026, 11, 27, 10, 0))
    assert backup.exists()
    after = {c.label: c for c in svc.list_credentials(db)}
    for cred in after.values():
        assert cred.cycles[0].closed_on == TODAY
        assert (cred.current.start, cred.current.end) == (date(2026, 11, 1), date(2028, 10, 31))
    with pytest.raises(InvalidInput, match="closed"):
        acts.delete_activity(db, act.id)
    with pytest.raises(InvalidInput, match="closed"):
        svc.update_cycle(db, ccs.cycles[0].id, date(2024, 11, 1), date(2026, 10, 31), None, None,
                         TODAY)  # fmt: skip
    history = [s for s in svc.ceu_statuses(db, TODAY, include_closed=True) if s.closed]
    assert {s.label for s in history} == {"CCS", "RHIT"}
    assert all(s.earned == Decimal(4) and s.status is CeuStatus.OVERDUE for s in history)


def test_user_figures_override_the_rules(db: Database) -> None:
    added = date(2025, 9, 1)  # entered the day it was earned: a pro-rated first cycle
    cpc = svc.add_credential(db, "CPC", added, added, renewal_on=date(2026, 4, 30))
    status = svc.ceu_statuses(db, TODAY)[0]
    assert status.needs_user_figure and status.required == Decimal(36)
    svc.update_cycle(db, cpc.current.id, cpc.current.start, cpc.current.end, Decimal(27), None,
                     TODAY)  # fmt: skip
    status = svc.ceu_statuses(db, TODAY)[0]
    assert (status.required, status.required_from_user, status.needs_user_figure) == (
        Decimal(27), True, False,
    )  # fmt: skip


def test_warnings_before_saving_name_the_problem(db: Database) -> None:
    cpc = svc.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    early = svc.application_warnings(db, _activity(date(2025, 2, 1), "1"),
                                     [(cpc.current.id, Decimal(1))], TODAY)  # fmt: skip
    assert [english(w) for w in early] == [
        "It will not count for CPC: completed before CPC was earned (2025-03-10)."
    ]
    assert early[0].code is WarningCode.WILL_NOT_COUNT and early[0].why is not None
    assert early[0].why.earned_on == date(2025, 3, 10)
    fine = svc.application_warnings(db, _activity(date(2025, 5, 1), "1"),
                                    [(cpc.current.id, Decimal(1))], TODAY)  # fmt: skip
    assert fine == []
    assert acts.list_activities(db) == []


def test_applying_more_than_the_activity_is_refused(db: Database) -> None:
    cpc = svc.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    with pytest.raises(InvalidInput, match="Apply between"):
        acts.add_activity(
            db, _activity(date(2025, 5, 1), "1"), [(cpc.current.id, Decimal(2))], TODAY
        )
    assert acts.list_activities(db) == []


def test_a_credential_earned_long_ago_joins_the_shared_cycle_from_its_start(db: Database) -> None:
    cpc = svc.add_credential(db, "CPC", date(2018, 3, 1), TODAY, cycle_start=date(2025, 7, 1),
                             cycle_end=date(2027, 6, 30))  # fmt: skip
    cpma = svc.add_credential(db, "CPMA", date(2020, 5, 1), TODAY)
    assert (cpma.current.start, cpma.current.end) == (cpc.current.start, cpc.current.end)
    status = svc.ceu_statuses(db, TODAY)[0]
    assert not status.needs_user_figure  # not a pro-rated first cycle: certified since 2018


def test_today_on_29_february_is_fine(db: Database) -> None:
    leap = date(2028, 2, 29)
    assert svc.add_credential(db, "CCS", date(2027, 2, 1), leap).current.end == date(2029, 1, 31)


def test_a_credential_held_for_years_starts_in_the_cycle_containing_today(db: Database) -> None:
    """Issue 12's first situation: CPC earned 2019-03-10, membership renewing 2027-06-30."""
    today = date(2026, 12, 2)
    cpc = svc.add_credential(db, "CPC", date(2019, 3, 10), today, renewal_on=date(2027, 6, 30))
    assert (cpc.current.start, cpc.current.end) == (date(2026, 7, 1), date(2028, 6, 30))
    status = svc.ceu_statuses(db, today)[0]
    assert status.status is not CeuStatus.OVERDUE and status.days_left == 576  # not 2,346 late
    assert status.required == Decimal(36)
    assert not status.needs_user_figure  # a whole cycle, not a pro-rated first one
    cca = svc.add_credential(db, "CCA", date(2022, 1, 10), today)
    assert (cca.current.start, cca.current.end) == (date(2026, 1, 10), date(2028, 1, 9))
    warned = svc.application_warnings(db, _activity(date(2026, 10, 1), "2"),
                                      [(cpc.current.id, Decimal(2))], today)  # fmt: skip
    assert warned == []  # a 2026 CEU is inside the cycle


def test_the_proposed_cycle_says_why(db: Database) -> None:
    today = date(2026, 12, 2)
    choice = svc.proposed_cycle(db, "CCA", date(2022, 1, 10), None, today)
    assert choice.reason == "pass_date" and choice.cycle_number == 3
    svc.add_credential(db, "CPC", date(2019, 3, 10), today, renewal_on=date(2027, 6, 30))
    joins = svc.proposed_cycle(db, "CPMA", date(2026, 10, 1), None, today)
    assert joins.reason == "shared" and joins.end == date(2028, 6, 30) and joins.first_cycle
