"""The credential rule book parser: the shipped rules, and one broken thing at a time."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from studyplanner.bundled import credential_rules, rule_book
from studyplanner.core.ceu_rules import (
    SHARE_AHIMA_SOURCED,
    SHARE_HIIM,
    TOTALS_HIGHEST_PLUS,
    TOTALS_TABLE,
    RuleBook,
    RuleBookError,
    parse_rule_book,
)

CHECKED = date(2026, 11, 27)


def D(value: str | int) -> Decimal:
    return Decimal(str(value))


def fresh() -> dict[str, Any]:
    return copy.deepcopy(credential_rules())


def body(raw: dict[str, Any], code: str) -> dict[str, Any]:
    return next(b for b in raw["bodies"] if b["code"] == code)


def cred(raw: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for c in raw["credentials"] if c["code"] == code)


def category(raw: dict[str, Any], category_id: str) -> dict[str, Any]:
    return next(c for c in raw["categories"]["items"] if c["id"] == category_id)


# --------------------------------------------------------------------------------------------
# The shipped rules


def test_shipped_rules_parse() -> None:
    book = parse_rule_book(credential_rules())
    assert isinstance(book, RuleBook)
    assert set(book.bodies) == {"AAPC", "AHIMA"}
    assert book.checked == CHECKED
    assert book.oldest_check() == CHECKED


def test_bundled_rule_book_is_the_parsed_shipped_rules() -> None:
    assert rule_book() == parse_rule_book(credential_rules())


def test_parsing_leaves_the_input_unchanged() -> None:
    raw = fresh()
    before = copy.deepcopy(raw)
    parse_rule_book(raw)
    assert raw == before


def test_shipped_aapc_rules() -> None:
    aapc = rule_book().bodies["AAPC"]
    assert aapc.cycle_years == 2
    assert aapc.cycle_anchor == "membership_expiration_date"
    assert aapc.first_cycle_user_enters is True
    assert aapc.renewal_month_overlap is True
    assert aapc.membership_required is True
    assert aapc.totals_rule == TOTALS_TABLE
    assert aapc.totals_table == ((1, D(36)), (2, D(40)), (3, D(44)), (4, D(48)), (5, D(52)))
    assert aapc.shares == ()
    assert aapc.max_total is None
    assert aapc.submission_window_days == 30
    assert (aapc.grace_days, aapc.lapse_days) == (30, 90)
    assert aapc.notice_days_before == (90, 45, 15)
    assert aapc.cycle.checked == CHECKED
    assert aapc.cycle.sources and all(isinstance(s, str) for s in aapc.cycle.sources)
    assert aapc.membership.verify is True


def test_shipped_ahima_rules() -> None:
    ahima = rule_book().bodies["AHIMA"]
    assert ahima.cycle_years == 2
    assert ahima.cycle_anchor == "exam_pass_date"
    assert ahima.first_cycle_user_enters is False
    assert ahima.renewal_month_overlap is False
    assert ahima.membership_required is False
    assert ahima.totals_rule == TOTALS_HIGHEST_PLUS
    assert ahima.totals_table == ()
    assert (ahima.per_additional, ahima.max_total) == (D(10), D(50))
    assert [(s.id, s.kind, s.min_share, s.effective_from) for s in ahima.shares] == [
        ("hiim-domains", SHARE_HIIM, D("0.8"), None),
        ("ahima-sourced", SHARE_AHIMA_SOURCED, D("0.4"), date(2025, 1, 1)),
    ]
    assert ahima.submission_window_days is None
    assert (ahima.grace_days, ahima.lapse_days) == (0, 180)
    assert ahima.notice_days_before == ()


@pytest.mark.parametrize(
    ("code", "body_code", "ceus", "quota"),
    [
        ("CPC", "AAPC", 36, None),
        ("COC", "AAPC", 36, None),
        ("CPMA", "AAPC", 36, ("auditing", 16)),
        ("CPCO", "AAPC", 36, ("compliance", 16)),
        ("CPPM", "AAPC", 36, ("practice_management", 16)),
        ("CDEO", "AAPC", 36, ("documentation", 16)),
        ("CIRCC", "AAPC", 36, ("interventional_radiology_cardiovascular", 16)),
        ("SPECIALTY", "AAPC", 36, ("specialty_specific", 8)),
        ("CCA", "AHIMA", 20, None),
        ("CCS", "AHIMA", 20, None),
        ("CCS-P", "AHIMA", 20, None),
        ("RHIT", "AHIMA", 20, None),
        ("RHIA", "AHIMA", 30, None),
        ("CDIP", "AHIMA", 30, None),
        ("CHDA", "AHIMA", 30, None),
        ("CHPS", "AHIMA", 30, None),
    ],
)
def test_shipped_credentials(
    code: str, body_code: str, ceus: int, quota: tuple[str, int] | None
) -> None:
    rule = rule_book().credentials[code]
    assert (rule.code, rule.body, rule.ceus) == (code, body_code, D(ceus))
    assert rule.source.checked == CHECKED
    if quota is None:
        assert rule.quota is None
    else:
        assert rule.quota is not None
        assert (rule.quota.category, rule.quota.units) == (quota[0], D(quota[1]))


def test_shipped_special_rules() -> None:
    book = rule_book()
    assert book.credentials["RHIT"].superseded_by == "RHIA"
    assert len(book.credentials["RHIT"].notes) == 1
    # CPC-A becomes CPC when the "A" is removed (one credential, no second exam).
    assert book.credentials["CPC-A"].superseded_by == "CPC"
    assert {c for c, r in book.credentials.items() if r.superseded_by} == {"RHIT", "CPC-A"}
    # The discontinued coding self-review is kept as an inactive rule, not a note.
    assert book.credentials["CCS"].notes == ()
    circc = book.credentials["CIRCC"].quota
    assert circc is not None
    assert circc.allowed_providers == (
        "ZHealth Publishing",
        "MedLearn Publishing",
        "Medical Asset Management",
    )


def test_shipped_categories() -> None:
    cats = rule_book().categories
    assert cats["outside_hiim"].hiim_domain is False
    assert {c for c, v in cats.items() if not v.hiim_domain} == {"outside_hiim"}
    assert cats["auditing"].label == "Auditing"


def test_credential_lookup_and_body_of() -> None:
    book = rule_book()
    rule = book.credential(" cpc ")
    assert rule is not None and rule.code == "CPC"
    assert book.credential("XYZ") is None
    assert book.body_of("CCS").code == "AHIMA"
    assert book.body_of("CPMA").code == "AAPC"


def test_oldest_check_finds_the_oldest_rule() -> None:
    raw = fresh()
    cred(raw, "CPMA")["quota"]["checked"] = "2024-02-01"
    body(raw, "AHIMA")["shares"][1]["checked"] = "2024-03-01"
    assert parse_rule_book(raw).oldest_check() == date(2024, 2, 1)


def test_credential_codes_are_upper_cased() -> None:
    raw = fresh()
    cred(raw, "CPC")["code"] = "cpc"
    assert "CPC" in parse_rule_book(raw).credentials


def test_optional_sections_may_be_left_out() -> None:
    raw = fresh()
    aapc = body(raw, "AAPC")
    for key in ("membership", "submission", "grace_and_lapse", "notice_schedule_days", "shares"):
        del aapc[key]
    rules = parse_rule_book(raw).bodies["AAPC"]
    assert rules.membership_required is False
    assert rules.submission_window_days is None
    assert (rules.grace_days, rules.lapse_days) == (0, None)
    assert rules.notice_days_before == ()
    assert rules.shares == ()
    assert rules.grace.checked == CHECKED  # the body's own date stands in


# --------------------------------------------------------------------------------------------
# Broken rule books: one thing broken per case; the message names the place


Change = Callable[[dict[str, Any]], None]
Place = Callable[[dict[str, Any]], dict[str, Any]]


def _set(path: Place, key: str, value: Any) -> Change:
    def change(raw: dict[str, Any]) -> None:
        path(raw)[key] = value

    return change


def _del(path: Place, key: str) -> Change:
    def change(raw: dict[str, Any]) -> None:
        del path(raw)[key]

    return change


def top(raw: dict[str, Any]) -> dict[str, Any]:
    return raw


def aapc(raw: dict[str, Any]) -> dict[str, Any]:
    return body(raw, "AAPC")


def ahima(raw: dict[str, Any]) -> dict[str, Any]:
    return body(raw, "AHIMA")


def cpc(raw: dict[str, Any]) -> dict[str, Any]:
    return cred(raw, "CPC")


def cpma(raw: dict[str, Any]) -> dict[str, Any]:
    return cred(raw, "CPMA")


def cpma_quota(raw: dict[str, Any]) -> dict[str, Any]:
    quota: dict[str, Any] = cred(raw, "CPMA")["quota"]
    return quota


def rhit_rule(raw: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = cred(raw, "RHIT")["other_rules"][0]
    return rule


def _swap_table_rows(raw: dict[str, Any]) -> None:
    table = aapc(raw)["totals"]["table"]
    table[0], table[1] = table[1], table[0]


def _drop_auditing(raw: dict[str, Any]) -> None:
    items = raw["categories"]["items"]
    items.remove(category(raw, "auditing"))


BROKEN = [
    # The whole book
    ("format 2", _set(top, "format", 2), "Unknown rule book format 2; expected 1."),
    ("format text", _set(top, "format", "1"), "Unknown rule book format '1'; expected 1."),
    ("no format", _del(top, "format"), "Unknown rule book format None; expected 1."),
    ("no bodies", _del(top, "bodies"), "the rule book, field 'bodies': missing"),
    ("bodies object", _set(top, "bodies", {}), "the rule book, field 'bodies': wrong type dict"),
    ("no credentials", _del(top, "credentials"), "the rule book, field 'credentials': missing"),
    ("no categories", _del(top, "categories"), "the rule book, field 'categories': missing"),
    (
        "book checked",
        _set(top, "checked", "27/11/2026"),
        "the rule book, field 'checked': '27/11/2026' is not an ISO date",
    ),
    # A body
    ("body not object", lambda raw: raw["bodies"].append("AMA"), "a body: expected an object"),
    ("body code", _del(aapc, "code"), "a body, field 'code': missing"),
    ("body name", _set(aapc, "name", 42), "body AAPC, field 'name': wrong type int"),
    (
        "years text",
        _set(aapc, "cycle_years", "2"),
        "body AAPC, field 'cycle_years': wrong type str",
    ),
    (
        "years bool",
        _set(aapc, "cycle_years", True),
        "body AAPC, field 'cycle_years': wrong type bool",
    ),
    ("years 0", _set(aapc, "cycle_years", 0), "body AAPC, field 'cycle_years': 0 is out of range"),
    (
        "years 11",
        _set(ahima, "cycle_years", 11),
        "body AHIMA, field 'cycle_years': 11 is out of range",
    ),
    ("no anchor", _del(ahima, "cycle_anchor"), "body AHIMA, field 'cycle_anchor': missing"),
    ("cycle text", _set(aapc, "cycle", "2 years"), "body AAPC, field 'cycle': wrong type str"),
    (
        "cycle checked",
        _set(lambda r: aapc(r)["cycle"], "checked", "2026-02-30"),
        "body AAPC cycle, field 'checked': '2026-02-30' is not an ISO date",
    ),
    (
        "cycle no checked",
        _del(lambda r: aapc(r)["cycle"], "checked"),
        "body AAPC cycle, field 'checked': missing",
    ),
    (
        "cycle sources",
        _set(lambda r: aapc(r)["cycle"], "sources", "https://www.aapc.com"),
        "body AAPC cycle, field 'sources': expected a list of texts",
    ),
    (
        "cycle text type",
        _set(lambda r: aapc(r)["cycle"], "text", ["a"]),
        "body AAPC cycle, field 'text': wrong type list",
    ),
    ("no totals", _del(aapc, "totals"), "body AAPC, field 'totals': missing"),
    (
        "totals rule",
        _set(lambda r: aapc(r)["totals"], "rule", "sum"),
        "body AAPC totals, field 'rule': unknown rule 'sum'",
    ),
    (
        "table missing",
        _del(lambda r: aapc(r)["totals"], "table"),
        "body AAPC totals, field 'table': missing",
    ),
    (
        "table empty",
        _set(lambda r: aapc(r)["totals"], "table", []),
        "body AAPC totals: the table must list ascending credential counts",
    ),
    (
        "table order",
        _swap_table_rows,
        "body AAPC totals: the table must list ascending credential counts",
    ),
    (
        "row ceus text",
        _set(lambda r: aapc(r)["totals"]["table"][0], "ceus", "36"),
        "body AAPC totals, row 1, field 'ceus': wrong type str",
    ),
    (
        "row ceus negative",
        _set(lambda r: aapc(r)["totals"]["table"][2], "ceus", -1),
        "body AAPC totals, row 3, field 'ceus': -1 is out of range",
    ),
    (
        "row count missing",
        _del(lambda r: aapc(r)["totals"]["table"][1], "credentials"),
        "body AAPC totals, row 2, field 'credentials': missing",
    ),
    (
        "row count float",
        _set(lambda r: aapc(r)["totals"]["table"][1], "credentials", 2.5),
        "body AAPC totals, row 2, field 'credentials': wrong type float",
    ),
    (
        "per additional text",
        _set(lambda r: ahima(r)["totals"], "per_additional", "10"),
        "body AHIMA totals, field 'per_additional': wrong type str",
    ),
    (
        "max negative",
        _set(lambda r: ahima(r)["totals"], "max", -5),
        "body AHIMA totals, field 'max': -5 is out of range",
    ),
    (
        "totals checked",
        _set(lambda r: ahima(r)["totals"], "checked", "2026-11"),
        "body AHIMA totals, field 'checked': '2026-11' is not an ISO date",
    ),
    ("shares object", _set(ahima, "shares", {}), "body AHIMA, field 'shares': expected a list"),
    (
        "share kind",
        _set(lambda r: ahima(r)["shares"][0], "category", "hiim"),
        "body AHIMA, share 1, field 'category': unknown share 'hiim'",
    ),
    (
        "share too big",
        _set(lambda r: ahima(r)["shares"][1], "min_share", 1.5),
        "body AHIMA, share 2, field 'min_share': must be at most 1",
    ),
    (
        "share text",
        _set(lambda r: ahima(r)["shares"][0], "min_share", "80%"),
        "body AHIMA, share 1, field 'min_share': wrong type str",
    ),
    (
        "share no id",
        _del(lambda r: ahima(r)["shares"][0], "id"),
        "body AHIMA, share 1, field 'id': missing",
    ),
    (
        "share from",
        _set(lambda r: ahima(r)["shares"][1], "effective_from", "2025-13-01"),
        "body AHIMA, share 2, field 'effective_from': '2025-13-01' is not an ISO date",
    ),
    (
        "share not object",
        lambda raw: ahima(raw)["shares"].append(0.4),
        "body AHIMA, share 3: expected an object",
    ),
    (
        "submission window",
        _set(lambda r: aapc(r)["submission"], "window_days_before_due", "30"),
        "body AAPC, field 'window_days_before_due': wrong type str",
    ),
    (
        "grace days",
        _set(lambda r: aapc(r)["grace_and_lapse"], "grace_days", "30"),
        "body AAPC grace, field 'grace_days': wrong type str",
    ),
    (
        "lapse days",
        _set(lambda r: ahima(r)["grace_and_lapse"], "lapse_days", 180.5),
        "body AHIMA grace, field 'lapse_days': wrong type float",
    ),
    (
        "grace checked",
        _del(lambda r: ahima(r)["grace_and_lapse"], "checked"),
        "body AHIMA grace, field 'checked': missing",
    ),
    # A credential
    (
        "credential not object",
        lambda raw: raw["credentials"].append(["CPC"]),
        "a credential: expected an object",
    ),
    ("credential code", _del(cpc, "code"), "a credential, field 'code': missing"),
    ("credential name", _del(cpc, "name"), "credential CPC, field 'name': missing"),
    (
        "credential kind",
        _set(cpc, "kind", None),
        "credential CPC, field 'kind': wrong type NoneType",
    ),
    (
        "credential body",
        _set(cpc, "body", "AMA"),
        "credential CPC, field 'body': unknown body 'AMA'",
    ),
    ("credential no body", _del(cpc, "body"), "credential CPC, field 'body': missing"),
    ("ceus text", _set(cpc, "ceus", "36"), "credential CPC, field 'ceus': wrong type str"),
    ("ceus bool", _set(cpc, "ceus", True), "credential CPC, field 'ceus': wrong type bool"),
    (
        "ceus huge",
        _set(cpc, "ceus", 1e9),
        "credential CPC, field 'ceus': 1000000000.0 is out of range",
    ),
    (
        "ceus nan",
        _set(cpc, "ceus", float("nan")),
        "credential CPC, field 'ceus': nan is out of range",
    ),
    (
        "credential checked",
        _set(cpc, "checked", "2026-11-31"),
        "credential CPC, field 'checked': '2026-11-31' is not an ISO date",
    ),
    ("quota not object", _set(cpma, "quota", 16), "credential CPMA quota: expected an object"),
    (
        "quota category",
        _set(cpma_quota, "category", "audit"),
        "credential CPMA quota, field 'category': unknown category 'audit'",
    ),
    (
        "quota category gone",
        _drop_auditing,
        "credential CPMA quota, field 'category': unknown category 'auditing'",
    ),
    ("quota units", _del(cpma_quota, "units"), "credential CPMA quota, field 'units': missing"),
    (
        "quota units text",
        _set(cpma_quota, "units", "16"),
        "credential CPMA quota, field 'units': wrong type str",
    ),
    (
        "quota checked",
        _set(cpma_quota, "checked", "soon"),
        "credential CPMA quota, field 'checked': 'soon' is not an ISO date",
    ),
    ("other rule type", _del(rhit_rule, "type"), "credential RHIT rule 1, field 'type': missing"),
    ("superseded by whom", _del(rhit_rule, "by"), "credential RHIT rule 1, field 'by': missing"),
    (
        "superseded unknown",
        _set(rhit_rule, "by", "RHIA2"),
        "credential RHIT: superseded by unknown credential",
    ),
    # Categories
    (
        "items missing",
        _del(lambda r: r["categories"], "items"),
        "categories, field 'items': missing",
    ),
    (
        "category hiim text",
        _set(lambda r: r["categories"]["items"][0], "hiim_domain", "yes"),
        "category 1, field 'hiim_domain': wrong type str",
    ),
    (
        "category label",
        _del(lambda r: r["categories"]["items"][1], "label"),
        "category 2, field 'label': missing",
    ),
    (
        "categories checked",
        _del(lambda r: r["categories"], "checked"),
        "categories, field 'checked': missing",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [(c, m) for _, c, m in BROKEN], ids=[i for i, _, _ in BROKEN]
)
def test_broken_rule_book_names_the_place(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    raw = fresh()
    change(raw)
    with pytest.raises(RuleBookError, match=f"^{re.escape(message)}$"):
        parse_rule_book(raw)


@pytest.mark.parametrize("raw", [[], "rules", None, 1], ids=["list", "text", "null", "number"])
def test_rule_book_must_be_an_object(raw: Any) -> None:
    with pytest.raises(RuleBookError, match=r"^The rule book must be a JSON object\.$"):
        parse_rule_book(raw)


def test_rule_book_error_is_a_value_error() -> None:
    assert issubclass(RuleBookError, ValueError)


# A section of the wrong shape is a problem too: the docstring promises a RuleBookError naming
# the body and the field, not whatever exception the parser happens to hit.
SECTIONS = [
    ("membership text", _set(aapc, "membership", "required"), r"^body AAPC.*membership"),
    ("submission list", _set(aapc, "submission", [30]), r"^body AAPC.*submission"),
    ("grace text", _set(aapc, "grace_and_lapse", "30 days"), r"^body AAPC.*grace"),
    ("notices list", _set(aapc, "notice_schedule_days", [90, 45]), r"^body AAPC.*notice"),
    (
        "notice day text",
        _set(lambda r: aapc(r)["notice_schedule_days"], "before_due", ["ninety"]),
        r"^body AAPC.*before_due",
    ),
    (
        "providers text",
        _set(lambda r: cred(r, "CIRCC")["quota"], "allowed_providers", "ZHealth Publishing"),
        r"^credential CIRCC quota, field 'allowed_providers'",
    ),
]


@pytest.mark.parametrize(
    ("change", "pattern"), [(c, p) for _, c, p in SECTIONS], ids=[i for i, _, _ in SECTIONS]
)
def test_section_of_the_wrong_shape_raises_rule_book_error(
    change: Callable[[dict[str, Any]], None], pattern: str
) -> None:
    raw = fresh()
    change(raw)
    with pytest.raises(RuleBookError, match=pattern):
        parse_rule_book(raw)
