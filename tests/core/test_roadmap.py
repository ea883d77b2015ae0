"""The career roadmap's CEU figures, each checked against the line of FACTS.md it rests on
(/work/shared/domain/FACTS.md; the rules data carry the figures, core/roadmap.py only reads them),
and its dated plans and exam formats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from studyplanner.bundled import load_track_templates, rule_book
from studyplanner.core.model import Availability
from studyplanner.core.roadmap import (
    CycleEffect,
    HeldCredential,
    StudyWeek,
    ceu_consequence,
    roadmap,
    roadmap_start,
    source_link,
)

TODAY = date(2026, 12, 3)
AAPC_END = date(2027, 6, 30)
AHIMA_END = date(2027, 9, 14)
WEEK = StudyWeek(Availability((90, 90, 90, 90, 90, 240, 0)), 11 * 60 + 30)


def held(*codes: str) -> list[HeldCredential]:
    book = rule_book()
    out = []
    for code in codes:
        body = book.credentials[code].body
        out.append(HeldCredential(code, body, AAPC_END if body == "AAPC" else AHIMA_END))
    return out


def effect(codes: tuple[str, ...], goal: str):  # type: ignore[no-untyped-def]
    book = rule_book()
    return ceu_consequence(book, held(*codes), book.credentials[goal])


# -- AAPC (FACTS.md 1.1, "How many CEUs" table and the quotas under it) ------------------------


def test_first_aapc_credential_opens_a_cycle_of_36() -> None:
    """FACTS.md 1.1 table: '| 1 | 36 |'."""
    c = effect((), "CPC")
    assert (c.before, c.after, c.effect) == (None, Decimal(36), CycleEffect.NEW_CYCLE)
    assert c.cycle_years == 2  # FACTS.md 1.1: 'Renewal cycle is 2 years.'


def test_second_aapc_credential_raises_36_to_40_in_the_shared_cycle() -> None:
    """FACTS.md 1.1 table: '| 2 | 40 |'; 6.1: CEU requirements are per person (one cycle)."""
    c = effect(("CPC",), "COC")
    assert (c.before, c.after) == (Decimal(36), Decimal(40))
    assert c.effect is CycleEffect.JOINS_SHARED_CYCLE and c.shared_cycle_end == AAPC_END


def test_cpma_brings_its_16_auditing_quota_inside_the_total() -> None:
    """FACTS.md 1.1: 'CPMA: 16 of the CEUs must be on auditing.' (inside the 40 of '| 2 | 40 |')."""
    c = effect(("CPC",), "CPMA")
    assert (c.before, c.after) == (Decimal(36), Decimal(40))
    assert c.quota is not None and (c.quota.category, c.quota.units) == ("auditing", Decimal(16))


def test_third_fourth_and_fifth_aapc_credentials() -> None:
    """FACTS.md 1.1 table: '| 3 | 44 |', '| 4 | 48 |', '| 5 or more | 52 |'."""
    assert effect(("CPC", "COC"), "CPCO").after == Decimal(44)
    assert effect(("CPC", "COC", "CIC"), "CPPM").after == Decimal(48)
    assert effect(("CPC", "COC", "CIC", "CRC"), "CDEO").after == Decimal(52)
    six = effect(("CPC", "COC", "CIC", "CRC", "CPB"), "CPMA")
    assert (six.before, six.after) == (Decimal(52), Decimal(52))


def test_cpco_cppm_cdeo_circc_and_specialty_quotas() -> None:
    """FACTS.md 1.1: 'CPCO: 16 on compliance.', 'CPPM: 16 on practice management.', 'CDEO: 16 on
    documentation.', 'CIRCC: 16 on interventional radiology / cardiovascular coding, and only from
    three contracted vendors', 'Every specialty credential: 8 specialty-specific CEUs each.'"""
    units = {code: effect(("CPC",), code).quota for code in ("CPCO", "CPPM", "CDEO", "CIRCC")}
    assert {k: (q.category, q.units) for k, q in units.items() if q} == {
        "CPCO": ("compliance", Decimal(16)),
        "CPPM": ("practice_management", Decimal(16)),
        "CDEO": ("documentation", Decimal(16)),
        "CIRCC": ("interventional_radiology_cardiovascular", Decimal(16)),
    }
    assert units["CIRCC"] is not None and len(units["CIRCC"].allowed_providers) == 3
    specialty = effect(("CPC",), "SPECIALTY").quota
    assert specialty is not None and specialty.units == Decimal(8)


# -- AHIMA (FACTS.md 1.2, "How many CEUs") ---------------------------------------------------


def test_first_ahima_credential_starts_its_own_cycle() -> None:
    """FACTS.md 1.2 table: '| CCA, CCS, CCS-P | 20 |'; 'For someone's first credential the cycle
    starts on the day the exam was passed.'"""
    c = effect(("CPC",), "CCS")  # an AAPC credential does not share AHIMA's cycle
    assert (c.before, c.after, c.effect) == (None, Decimal(20), CycleEffect.NEW_CYCLE)


def test_second_ahima_credential_is_the_highest_plus_10() -> None:
    """FACTS.md 1.2: 'Examples AHIMA gives: CCS + CCS-P = 30; RHIT + CHPS = 40;
    RHIA + CDIP = 40'."""
    ccs = effect(("CCS",), "CCS-P")
    assert (ccs.before, ccs.after) == (Decimal(20), Decimal(30))
    assert ccs.effect is CycleEffect.JOINS_SHARED_CYCLE and ccs.shared_cycle_end == AHIMA_END
    assert effect(("RHIT",), "CHPS").after == Decimal(40)
    assert effect(("RHIA",), "CDIP").after == Decimal(40)
    assert effect(("CCA",), "CCS").after == Decimal(30)


def test_ahima_total_is_capped_at_50() -> None:
    """FACTS.md 1.2: 'add 10 CEUs for each additional credential, **maximum 50**';
    'RHIA + CCS + CCS-P = 50'."""
    assert effect(("RHIA", "CCS"), "CCS-P").after == Decimal(50)
    capped = effect(("RHIA", "CCS", "CCS-P"), "CDIP")
    assert (capped.before, capped.after) == (Decimal(50), Decimal(50))


def test_rhia_replaces_rhit() -> None:
    """FACTS.md 1.2: 'Passing RHIA replaces RHIT; afterwards only RHIA's CEUs are maintained'."""
    c = effect(("RHIT",), "RHIA")
    assert (c.before, c.after, c.replaces) == (Decimal(20), Decimal(30), ("RHIT",))


def test_every_figure_names_its_sources() -> None:
    c = effect(("CPC",), "CPMA")
    links = [source_link(s)[0] for rule in c.sources for s in rule.sources]
    assert links and all(link and link.startswith("https://") for link in links)


@given(st.lists(st.sampled_from(sorted(rule_book().credentials)), max_size=7), st.data())
def test_adding_a_credential_never_lowers_a_total(codes: list[str], data: st.DataObject) -> None:
    book = rule_book()
    goal = book.credentials[data.draw(st.sampled_from(sorted(book.credentials)))]
    c = ceu_consequence(book, held(*codes), goal)
    body = book.bodies[goal.body]
    if c.before is not None and not c.replaces:
        assert c.after >= c.before
    if body.max_total is not None:
        assert c.after <= body.max_total


# -- exams and dated plans -------------------------------------------------------------------


def test_exam_formats_from_the_rules_data() -> None:
    """FACTS.md 2.1: '100 multiple-choice questions, 4 hours, pass mark 70%' and 'online
    (remote-proctored) purchase ... split into two 2-hour parts'; 2.2: '105 items (90 scored +
    15 unscored pretest), 2 hours ... 300 passes'; 2.3: 'store only "4 hours, pass 300" as firm'."""
    book = rule_book()
    cpc, cca, ccs = (book.credentials[c].exam for c in ("CPC", "CCA", "CCS"))
    assert cpc is not None and (cpc.questions, cpc.minutes, cpc.pass_kind, cpc.pass_value) == (
        100, 240, "percent", 70,
    )  # fmt: skip
    assert cpc.online_parts_minutes == (120, 120)
    assert cca is not None and (cca.questions, cca.scored_questions, cca.minutes) == (105, 90, 120)
    assert (cca.pass_kind, cca.pass_value, cca.pass_of) == ("scaled", 300, 400)
    assert ccs is not None and (ccs.questions, ccs.minutes, ccs.pass_value) == (None, 240, 300)
    assert ccs.source.verify


def test_a_plan_starts_after_the_active_plan() -> None:
    assert roadmap_start(None, TODAY) == TODAY
    assert roadmap_start(date(2026, 1, 1), TODAY) == TODAY
    assert roadmap_start(date(2027, 5, 4), TODAY) == date(2027, 5, 5)


def test_roadmap_lists_tracks_first_and_skips_what_is_held() -> None:
    start = date(2027, 5, 5)
    entries = roadmap(rule_book(), load_track_templates(), held("CPC"), WEEK, start, TODAY)
    codes = [e.code for e in entries]
    assert "CPC" not in codes and "CPC-A" not in codes
    assert codes[:3] == ["CCA", "CCS", "RHIT"]
    assert all(e.tracks for e in entries[:3]) and not any(e.tracks for e in entries[3:])
    ccs = entries[1].tracks[0]
    assert ccs.minutes == 135 * 60 and ccs.start == start and ccs.weekly_minutes == 690
    assert ccs.schedule is not None and ccs.finish is not None and ccs.finish > start
    assert ccs.sittings == 3  # two timed practice exams and the exam


def test_source_link() -> None:
    assert source_link("https://www.aapc.com/x (undated)") == (
        "https://www.aapc.com/x",
        "(undated)",
    )
    assert source_link("AAPC blog") == (None, "AAPC blog")


def test_an_apprentice_is_not_offered_its_own_full_credential() -> None:
    """FACTS.md 1.1: 'Passing without proof of 2 years' experience gives CPC-A / COC-A' and 'The
    "A" is removed on proof equivalent to 2 years' experience' (no second exam, one credential)."""
    entries = roadmap(rule_book(), load_track_templates(), held("CPC-A"), WEEK, TODAY, TODAY)
    assert "CPC" not in [e.code for e in entries]
    cpma = next(e for e in entries if e.code == "CPMA")
    assert (cpma.ceus.before, cpma.ceus.after) == (Decimal(36), Decimal(40))
    assert effect(("CPC-A", "CPC"), "CPMA").after == Decimal(40)  # CPC-A and CPC count once
