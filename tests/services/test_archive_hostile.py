"""Damaged and hostile archives: hypothesis starts from a valid export and breaks it (wrong types,
missing and extra fields, huge numbers, NaN, dangling references, duplicate keys, path-traversal
certificate names, wrong encodings, truncated or random bytes, zip bombs...).

Every one must end in InvalidInput naming the problem, never another exception, and leave the
database and the files exactly as they were: nothing written, no backup, no certificate copied,
nothing outside the data folder."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, String, Text, select, text

from studyplanner.core.exam_sections import SectionScore
from studyplanner.core.model import Availability, Blackout
from studyplanner.core.validation import InvalidInput
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.archive.transfer import (
    ARCHIVE_JSON,
    ArchiveError,
    export_archive,
    import_archive,
)
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import create_plan, suggest_terms
from studyplanner.services.progress import log_session, mark_done, module_statuses
from studyplanner.services.reminders import dismiss
from studyplanner.services.settings import AppSettings, save_app_settings
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.services.study_log import start_timer
from studyplanner.store import tables

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 18, 0)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MODES = st.sampled_from(["merge", "replace"])
HOSTILE = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RAW = "@@raw-json-token@@"
"""A value replaced, in the JSON text, by a raw token json.dumps cannot write (1e999, NaN...)."""


# -- a valid archive, and a data folder that must never change ----------------------------------


def _learner(folder: Path, scratch: Path) -> None:
    """Something in every table (the degree plan's schedule trimmed, to keep examples fast)."""
    db = open_database(folder)
    try:
        start = date(2026, 8, 24)
        degree = PlanSettings(
            start=start,
            availability=Availability((180, 180, 180, 180, 180, 120, 0)),
            target=date(2028, 8, 1),
            terms=suggest_terms("associate-degree-hit", start),
        )
        create_plan(db, NewPlan(degree, template_id="associate-degree-hit"), TODAY)
        cpc = PlanSettings(
            start=date(2026, 9, 7),
            availability=Availability((90, 90, 90, 90, 90, 180, 0)),
            weekly_minutes=600,
            blackouts=(Blackout(date(2026, 12, 21), date(2027, 1, 3), "Off"),),
        )
        create_plan(db, NewPlan(cpc, template_id="cpc-certificate-program"), TODAY)
        modules = module_statuses(db, TODAY)
        log_session(db, modules[0].id, date(2026, 9, 8), 50, "Ünïcode notes", TODAY)
        mark_done(db, modules[0].id, date(2026, 9, 20), None, TODAY)
        exam = next(m for m in modules if m.kind.is_exam)
        mark_done(db, exam.id, date(2026, 10, 1), 82.5, TODAY,
                  [SectionScore("anesthesia", "Anesthesia", 4, 1)])  # fmt: skip
        start_timer(db, modules[1].id, datetime(2026, 11, 27, 17, 45))
        cred = creds.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
        certificate = scratch / "certificate.pdf"
        certificate.write_bytes(PDF)
        for title, cert in [("Webinar", certificate), ("Chapter meeting", None)]:
            data = acts.ActivityInput(
                date(2026, 5, 1), title, Decimal("1"), "coding", certificate=cert
            )
            acts.add_activity(db, data, [(cred.current.id, Decimal("1"))], TODAY)
        dismiss(db, "study:overdue:1")
        save_app_settings(db, AppSettings(study_time="19:30"))
        with db.transaction() as session:
            session.execute(text("DELETE FROM baseline_blocks WHERE id > 40"))
    finally:
        db.close()


def _owner(folder: Path, scratch: Path) -> Database:
    """The folder imports are tried into: its own plan, session, credential and certificate."""
    db = open_database(folder)
    settings_ = PlanSettings(
        start=date(2026, 10, 5), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings_, template_id="ccs-exam-prep"), TODAY)
    module = module_statuses(db, TODAY)[0].id
    log_session(db, module, date(2026, 10, 6), 40, "mine", TODAY)
    cred = creds.add_credential(db, "CCS", date(2024, 5, 1), TODAY)
    own = scratch / "own.pdf"
    own.write_bytes(PDF + b"% mine\n")
    data = acts.ActivityInput(date(2026, 6, 1), "Mine", Decimal("2"), "coding", certificate=own)
    acts.add_activity(db, data, [(cred.current.id, Decimal("2"))], TODAY)
    dismiss(db, "study:overdue:1")
    return db


@dataclass
class World:
    root: Path
    db: Database
    inbox: Path
    document: dict[str, Any]
    certificates: dict[str, bytes]  # zip entry -> bytes
    before: dict[str, list[tuple[Any, ...]]]
    files: set[str]


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in tables.metadata.sorted_tables
        }


def files_under(folder: Path) -> set[str]:
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    }


_WORLD: dict[str, World] = {}


def the_world() -> World:
    """The module's world. (Not a fixture argument of the @given tests: with one, hypothesis
    reports a failing example as "inconsistent data generation" instead of showing it.)"""
    return _WORLD["world"]


@pytest.fixture(scope="module", autouse=True)
def _build_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    root = tmp_path_factory.mktemp("hostile")
    scratch = root / "scratch"
    scratch.mkdir()
    _learner(root / "learner", scratch)
    learner = open_database(root / "learner")
    valid = root / "valid.zip"
    export_archive(learner, valid, now=NOW)
    learner.close()
    shutil.rmtree(root / "learner")
    with zipfile.ZipFile(valid) as zf:
        document = json.loads(zf.read(ARCHIVE_JSON))
        certificates = {n: zf.read(n) for n in zf.namelist() if n != ARCHIVE_JSON}
    assert all(document["tables"].values()), "the valid archive has rows in every table"
    assert len(certificates) == 1
    db = _owner(root / "data", scratch)
    inbox = root / "inbox" / "archive.zip"
    inbox.parent.mkdir()
    inbox.write_bytes(b"")
    _WORLD["world"] = World(root, db, inbox, document, certificates, dump(db), files_under(root))
    yield
    _WORLD.clear()
    db.close()


@pytest.fixture
def world() -> World:
    return the_world()


def make_zip(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are wanted here
        with zipfile.ZipFile(buffer, "w", compression=compression) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return buffer.getvalue()


def archive_bytes(
    world: World,
    document: Any = None,
    *,
    raw: str | None = None,
    json_text: str | None = None,
    extra: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """A zip like the valid one, with `document` (or JSON text, or a RAW value's token) instead."""
    if json_text is None:
        json_text = json.dumps(world.document if document is None else document)
        if raw is not None:
            json_text = json_text.replace(json.dumps(RAW), raw)
    members = [(ARCHIVE_JSON, json_text.encode("utf-8")), *world.certificates.items()]
    return make_zip(members + (extra or []))


def copy_document(world: World) -> dict[str, Any]:
    copied: dict[str, Any] = json.loads(json.dumps(world.document))
    return copied


def assert_refused(world: World, data: bytes, mode: str, where: str | None = None) -> InvalidInput:
    """Import `data` and expect a clear refusal that changed nothing anywhere."""
    world.inbox.write_bytes(data)
    with pytest.raises(InvalidInput) as caught:
        import_archive(world.db, world.inbox, mode, now=NOW)  # type: ignore[arg-type]
    problems = caught.value.problems
    assert problems and all(p.field and p.message for p in problems), problems
    assert isinstance(caught.value, ArchiveError)  # whose sentences name the place:
    assert [s.split(": ")[0] for s in caught.value.sentences()] == [
        p.field.split(": ")[0] for p in problems
    ]
    if where is not None:
        assert problems[0].field == where, problems
    assert dump(world.db) == world.before
    assert files_under(world.root) == world.files
    return caught.value


def where(table: str, row: int, column: str | None = None) -> str:
    place = f"{ARCHIVE_JSON}: table {table}, row {row}"
    return place if column is None else f"{place}, field {column}"


def test_the_untouched_archive_imports(world: World, tmp_path: Path) -> None:
    """The starting point is valid: what follows is refused for what was broken, not for less."""
    path = tmp_path / "valid.zip"
    path.write_bytes(archive_bytes(world))
    db = open_database(tmp_path / "fresh")
    try:
        summary = import_archive(db, path, "replace", now=NOW)
        assert summary.total_added == sum(len(rows) for rows in world.document["tables"].values())
    finally:
        db.close()


# -- wrong values --------------------------------------------------------------------------------

SMALL = st.integers(-(10**20), 10**20)
"""(Longer numbers are refused for the whole document, before any row: see the next test.)"""
JUNK = st.one_of(
    st.lists(SMALL, max_size=3),
    st.dictionaries(st.text(max_size=4), SMALL, max_size=2),
)
HUGE = st.one_of(
    st.integers(min_value=2**53, max_value=10**29),
    st.integers(min_value=-(10**29), max_value=-(2**53)),
)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATETIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?")


def bad_values(column: Column[Any], *, is_id: bool) -> st.SearchStrategy[Any]:
    """Values that can never be right for `column` (RAW stands for the token in `raw`)."""
    kind = column.type
    choices: list[st.SearchStrategy[Any]] = [JUNK]
    if not column.nullable:
        choices.append(st.none())
    if isinstance(kind, Boolean):
        choices += [SMALL, st.text(max_size=6), FINITE]
    elif isinstance(kind, DateTime):
        choices += [
            SMALL,
            st.booleans(),
            FINITE,
            st.text(max_size=25).filter(lambda s: not DATETIME_RE.fullmatch(s)),
            st.sampled_from(
                [
                    "2027-01-01",
                    "2027-01-01T25:00:00",
                    "2027-02-30T10:00:00",
                    "2027-01-01T10:00:00+02:00",
                    "2027-01-01T10:00:00Z",
                    "２０２７-01-01T10:00:00",
                ]
            ),
        ]
    elif isinstance(kind, Date):
        choices += [
            SMALL,
            st.booleans(),
            FINITE,
            st.text(max_size=12).filter(lambda s: not DATE_RE.fullmatch(s)),
            st.sampled_from(
                [
                    "2027-02-30",
                    "2027-13-01",
                    "0000-01-01",
                    "2027-1-1",
                    "2027-01-01T00:00:00",
                    "27-01-01",
                    "２０２７-01-01",
                ]
            ),
        ]
    elif isinstance(kind, Integer):
        choices += [st.text(max_size=8), FINITE, st.booleans(), HUGE, st.just(RAW)]
        if is_id:
            choices.append(st.integers(min_value=-1000, max_value=0))
    elif isinstance(kind, Float):
        choices += [st.text(max_size=8), st.booleans(), HUGE, st.just(RAW)]
    elif isinstance(kind, String):
        limit = kind.length or 1_000_000
        choices += [
            SMALL,
            FINITE,
            st.booleans(),
            st.text(max_size=8).map(lambda s: s + "\x00"),
            st.text(max_size=8).map(lambda s: s + "\ud800"),
        ]
        if kind.length:
            choices.append(st.integers(1, 50).map(lambda n: "x" * (limit + n)))
    else:
        raise AssertionError(f"no bad values for {column}")
    return st.one_of(choices)


def _serial(table_name: str) -> str | None:
    table = tables.metadata.tables[table_name]
    keys = list(table.primary_key.columns)
    ok = len(keys) == 1 and isinstance(keys[0].type, Integer) and not keys[0].foreign_keys
    return keys[0].name if ok and table_name != "study_timer" else None


TABLE_NAMES = st.sampled_from([t.name for t in tables.metadata.sorted_tables])


@HOSTILE
@given(data=st.data(), mode=MODES)
def test_a_wrong_value_is_refused_naming_its_place(data: st.DataObject, mode: str) -> None:
    world = the_world()
    document = copy_document(world)
    name = data.draw(TABLE_NAMES, label="table")
    rows = document["tables"][name]
    number = data.draw(st.integers(1, len(rows)), label="row")
    column = data.draw(st.sampled_from(list(tables.metadata.tables[name].columns)), label="col")
    value = data.draw(bad_values(column, is_id=column.name == _serial(name)), label="value")
    raw = data.draw(st.sampled_from(["1e999", "-1e999"])) if value == RAW else None
    rows[number - 1][column.name] = value
    assert_refused(
        world, archive_bytes(world, document, raw=raw), mode, where(name, number, column.name)
    )


@HOSTILE
@given(
    data=st.data(),
    mode=MODES,
    token=st.sampled_from(["NaN", "Infinity", "-Infinity", "1" + "0" * 40, "-" + "9" * 31]),
)
def test_numbers_json_cannot_hold_are_refused(data: st.DataObject, mode: str, token: str) -> None:
    world = the_world()
    document = copy_document(world)
    name = data.draw(TABLE_NAMES, label="table")
    rows = document["tables"][name]
    column = data.draw(st.sampled_from(list(tables.metadata.tables[name].columns)), label="col")
    rows[data.draw(st.integers(0, len(rows) - 1), label="row")][column.name] = RAW
    error = assert_refused(world, archive_bytes(world, document, raw=token), mode)
    assert error.problems[0].field == ARCHIVE_JSON


# -- damaged rows --------------------------------------------------------------------------------


@HOSTILE
@given(
    data=st.data(),
    mode=MODES,
    damage=st.sampled_from(["missing", "extra", "not_a_row", "duplicate", "dangling"]),
)
def test_a_damaged_row_is_refused_naming_its_place(
    data: st.DataObject, mode: str, damage: str
) -> None:
    world = the_world()
    document = copy_document(world)
    if damage == "dangling":
        name, column = data.draw(
            st.sampled_from(
                [
                    (t.name, c.name)
                    for t in tables.metadata.sorted_tables
                    for c in t.columns
                    if c.foreign_keys
                ]
            ),
            label="reference",
        )
    else:
        name = data.draw(TABLE_NAMES, label="table")
        column = data.draw(st.sampled_from([c.name for c in tables.metadata.tables[name].columns]))
    rows = document["tables"][name]
    number = data.draw(st.integers(1, len(rows)), label="row")
    row = rows[number - 1]
    expected: str | None = where(name, number, column)
    if damage == "missing":
        del row[column]
    elif damage == "extra":
        extra = "x-" + data.draw(st.text(max_size=10), label="extra")  # no column starts so
        row[extra] = data.draw(st.one_of(st.none(), SMALL, st.text(max_size=5)))
        expected = where(name, number, extra)
    elif damage == "not_a_row":
        rows[number - 1] = data.draw(
            st.one_of(st.none(), SMALL, st.text(max_size=5), st.lists(SMALL, max_size=3))
        )
        expected = where(name, number)
    elif damage == "duplicate":
        rows.append(dict(row))
        expected = None  # names the key's fields, of the added row
    else:
        (target,) = tables.metadata.tables[name].c[column].foreign_keys
        present = [r[target.column.name] for r in document["tables"][target.column.table.name]]
        below = data.draw(st.booleans(), label="below")
        step = data.draw(st.integers(1, 2**40), label="step")
        row[column] = min(present) - step if below else max(present) + step
    error = assert_refused(world, archive_bytes(world, document), mode, expected)
    if damage == "duplicate":
        assert error.problems[0].field.startswith(where(name, len(rows)) + ", field ")
        assert "unique" in error.problems[0].message


# -- certificates --------------------------------------------------------------------------------

ESCAPING = st.one_of(
    st.sampled_from(
        [
            "../../x.pdf",
            "../evil.pdf",
            "/etc/passwd",
            "/tmp/evil.pdf",
            "C:\\x.pdf",
            "C:x.pdf",
            "a/b.pdf",
            "a\\b.pdf",
            "..",
            ".",
            "",
            "certificates/../../evil.pdf",
            "x.pdf\x00.png",
            "\\\\server\\share\\x.pdf",
            "~/x.pdf",
            "..\\..\\x.pdf",
            "x/../../../y.pdf",
        ]
    ),
    st.tuples(
        st.text(max_size=8), st.sampled_from(["/", "\\", "..", ":", "\x00"]), st.text(max_size=8)
    ).map("".join),
)
ODD = st.one_of(
    st.sampled_from(
        [
            "CON.pdf",
            "nul.png",
            ".hidden.pdf",
            "évil.pdf",
            "x.exe",
            "x",
            "x.pdf ",
            "x" * 301 + ".pdf",
            "-rf.pdf" + "\n",
            "x.PDF.exe",
        ]
    ),
    st.text(min_size=1, max_size=20).filter(lambda s: not re.fullmatch(r"[A-Za-z0-9._-]+", s)),
)
ABSENT = st.from_regex(r"[0-9a-f]{24}\.(pdf|png|jpg)", fullmatch=True)


@HOSTILE
@given(
    data=st.data(),
    mode=MODES,
    family=st.sampled_from(["escaping", "odd", "absent"]),
    in_zip=st.booleans(),
)
def test_a_certificate_name_that_is_not_a_plain_file_of_the_archive_is_refused(
    data: st.DataObject, mode: str, family: str, in_zip: bool
) -> None:
    world = the_world()
    document = copy_document(world)
    rows = document["tables"]["ceu_activities"]
    number = data.draw(st.integers(1, len(rows)), label="row")
    name = data.draw({"escaping": ESCAPING, "odd": ODD, "absent": ABSENT}[family], label="name")
    present = {entry.removeprefix("certificates/") for entry in world.certificates}
    if family == "absent" and name in present:
        return
    rows[number - 1]["certificate_file"] = name
    extra = [(f"certificates/{name}", PDF)] if in_zip and family != "absent" else []
    certificates = world.db.data_dir / "certificates"
    targets = [certificates / name, world.root / name.replace("\\", "/").lstrip("/")]
    existed = [os.path.lexists(t) for t in targets] if "\x00" not in name else []
    assert_refused(
        world,
        archive_bytes(world, document, extra=extra),
        mode,
        where("ceu_activities", number, "certificate_file"),
    )
    if existed:
        assert [os.path.lexists(t) for t in targets] == existed


def test_a_certificate_that_is_not_what_its_name_says_is_refused(world: World) -> None:
    document = copy_document(world)
    document["tables"]["ceu_activities"][0]["certificate_file"] = "fake.pdf"
    data = archive_bytes(world, document, extra=[("certificates/fake.pdf", b"MZ\x90\x00 exe")])
    error = assert_refused(world, data, "merge", "certificates/fake.pdf")
    assert "not really a PDF" in error.problems[0].message


# -- damaged bytes -------------------------------------------------------------------------------


@HOSTILE
@given(
    data=st.data(),
    mode=MODES,
    damage=st.sampled_from(
        [
            "random",
            "truncated_zip",
            "bad_utf8",
            "utf16",
            "latin1",
            "truncated_json",
            "nested",
            "duplicate_key",
        ]
    ),
)
def test_damaged_bytes_are_refused(data: st.DataObject, mode: str, damage: str) -> None:
    world = the_world()
    valid_text = json.dumps(world.document, ensure_ascii=False)
    if damage == "random":
        blob = data.draw(
            st.one_of(
                st.binary(max_size=600), st.binary(max_size=60).map(lambda b: b"PK\x03\x04" + b)
            )
        )
    elif damage == "truncated_zip":
        whole = archive_bytes(world)
        blob = whole[: data.draw(st.integers(0, len(whole) - 1), label="cut")]
    elif damage in ("bad_utf8", "utf16", "latin1"):
        raw = valid_text.encode("utf-8")
        if damage == "bad_utf8":
            at = data.draw(st.integers(0, len(raw)), label="at")
            junk = data.draw(
                st.sampled_from(
                    [
                        b"\xff",
                        b"\xc3\x28",
                        b"\xed\xa0\x80",
                        b"\x80",
                        b"\xf8\x88\x80\x80\x80",
                        b"\xe2\x82",
                    ]
                )
            )
            raw = raw[:at] + junk + raw[at:]
        elif damage == "utf16":
            raw = valid_text.encode(data.draw(st.sampled_from(["utf-16", "utf-16-be", "utf-32"])))
        else:
            raw = valid_text.encode("latin-1", "replace")  # the note's Ü, ï: not UTF-8 so
        blob = make_zip([(ARCHIVE_JSON, raw), *world.certificates.items()])
    elif damage == "truncated_json":
        cut = data.draw(st.integers(0, len(valid_text.rstrip()) - 1), label="cut")
        blob = archive_bytes(world, json_text=valid_text[:cut])
    elif damage == "nested":
        depth = data.draw(st.integers(1_000, 100_000), label="depth")
        opener = data.draw(st.sampled_from(["[", '{"a":']))
        closer = "]" if opener == "[" else "}"
        blob = archive_bytes(world, json_text=opener * depth + "1" + closer * depth)
    else:
        key = data.draw(st.sampled_from(["format", "schema", "tables", "exported_at"]))
        blob = archive_bytes(world, json_text=valid_text.replace("{", f'{{"{key}": 1, ', 1))
    assert_refused(world, blob, mode)


# -- damaged documents and zips: fixed cases -----------------------------------------------------


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(document: dict[str, Any]) -> Any:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return document

    return change


def _delete(*path: str) -> Callable[[dict[str, Any]], Any]:
    def change(document: dict[str, Any]) -> Any:
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return document

    return change


DOCUMENTS: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "newer format": (_set(("format",), 2), "newer version"),
    "format zero": (_set(("format",), 0), "unknown archive format"),
    "format as text": (_set(("format",), "1"), "not a whole number"),
    "format true": (_set(("format",), True), "not a whole number"),
    "no format": (_delete("format"), "not a whole number"),
    "unknown schema": (_set(("schema",), "0099_future"), "newer version"),
    "schema as number": (_set(("schema",), 4), "not text"),
    "no schema": (_delete("schema"), "not text"),
    "exported_at garbage": (_set(("exported_at",), "yesterday"), "YYYY-MM-DD"),
    "no exported_at": (_delete("exported_at"), "null is not allowed"),
    "tables a list": (_set(("tables",), []), "not an object of tables"),
    "no tables": (_delete("tables"), "not an object of tables"),
    "unknown table": (_set(("tables", "passwords"), []), "not a table of Study Planner"),
    "missing table": (_delete("tables", "modules"), "missing from the archive"),
    "rows an object": (_set(("tables", "plans"), {"1": {}}), "expected a list of rows"),
    "extra top-level key": (_set(("comment",), "hi"), "not part of a Study Planner archive"),
    "a list at the top": (lambda d: [d], "JSON object at the top"),
    "null at the top": (lambda d: None, "JSON object at the top"),
    "score over 100": (
        _set(("tables", "module_completions", 1, "score"), 100.5),
        "breaks the rule",
    ),
    "ends before it starts": (
        _set(("tables", "blackouts", 0, "end_date"), "2026-12-01"),
        "breaks the rule",
    ),
    "two timers": (_set(("tables", "study_timer", 0, "id"), 2), "breaks the rule id = 1"),
    "zero minutes": (_set(("tables", "study_sessions", 0, "minutes"), 0), "breaks the rule"),
    "unknown module kind": (_set(("tables", "modules", 0, "kind"), "party"), "breaks the rule"),
}


@pytest.mark.parametrize("case", list(DOCUMENTS))
@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_a_damaged_document_is_refused(world: World, case: str, mode: str) -> None:
    change, message = DOCUMENTS[case]
    document = change(copy_document(world))
    error = assert_refused(world, archive_bytes(world, json_text=json.dumps(document)), mode)
    assert message in str(error)


def _patched(blob: bytes, field_offset: int, fmt: str, value: int) -> bytes:
    """The zip with one field of its first (the JSON entry's) central header replaced."""
    at = blob.index(b"PK\x01\x02") + field_offset
    return blob[:at] + struct.pack(fmt, value) + blob[at + struct.calcsize(fmt) :]


def _stored_json(world: World) -> bytes:
    return make_zip([(ARCHIVE_JSON, json.dumps(world.document).encode())], zipfile.ZIP_STORED)


def _broken_crc(world: World) -> bytes:
    stored = _stored_json(world)
    at = stored.index(b'"format"')
    return stored[:at] + b"'" + stored[at + 1 :]


def _json_declared(size: int) -> Callable[[World], bytes]:
    """The JSON entry's central header claims `size` bytes, packed and unpacked."""

    def build(world: World) -> bytes:
        blob = _patched(archive_bytes(world), 20, "<I", size)
        return _patched(blob, 24, "<I", size)

    return build


ZIP_CASES: dict[str, tuple[Callable[[World], bytes], str]] = {
    "no JSON": (lambda w: make_zip(list(w.certificates.items())), "has no " + ARCHIVE_JSON),
    "empty zip": (lambda w: make_zip([]), "has no " + ARCHIVE_JSON),
    "JSON elsewhere": (lambda w: make_zip([("data/" + ARCHIVE_JSON, b"{}")]), "has no"),
    "JSON a folder": (lambda w: make_zip([(ARCHIVE_JSON + "/", b"")]), "has no"),
    "JSON twice": (
        lambda w: make_zip(
            [(ARCHIVE_JSON, json.dumps(w.document).encode()), (ARCHIVE_JSON, b"{}")]
        ),
        "appears twice",
    ),
    "declared 3 GB": (
        lambda w: _patched(archive_bytes(w), 24, "<I", 3 * 1024**3),
        "unpacks to more than 2 GB",
    ),
    "declared 300 MB": (_json_declared(300 * 1024**2), "larger than 200 MB"),
    "lying size": (lambda w: _patched(_stored_json(w), 24, "<I", 10), "damaged"),
    "zip bomb": (lambda w: make_zip([(ARCHIVE_JSON, b" " * 30_000_000)]), "zip bomb"),
    "password": (lambda w: _patched(archive_bytes(w), 8, "<H", 0x1), "password-protected"),
    "unknown compression": (
        lambda w: _patched(archive_bytes(w), 10, "<H", 99),
        "compressed in a way",
    ),
    "broken CRC": (_broken_crc, "damaged"),
    "not a zip": (lambda w: b"{}", "not a Study Planner archive"),
    "empty file": (lambda w: b"", "not a Study Planner archive"),
}


@pytest.mark.parametrize("case", list(ZIP_CASES))
def test_a_damaged_zip_is_refused(world: World, case: str) -> None:
    build, message = ZIP_CASES[case]
    error = assert_refused(world, build(world), "replace")
    assert message in str(error)


def test_a_certificate_over_50_mb_is_refused_by_its_header(world: World) -> None:
    blob = archive_bytes(world)
    (entry,) = world.certificates
    central = blob.index(entry.encode(), blob.index(b"PK\x01\x02")) - 46  # its central header
    assert blob[central : central + 4] == b"PK\x01\x02"
    for offset in (20, 24):  # packed and unpacked sizes
        blob = (
            blob[: central + offset]
            + struct.pack("<I", 60 * 1024**2)
            + blob[central + offset + 4 :]
        )
    error = assert_refused(world, blob, "merge", entry)
    assert "larger than 50 MB" in str(error)


def test_what_is_not_an_archive_file_is_refused(world: World) -> None:
    for path in (world.root / "missing.zip", world.root / "inbox"):
        with pytest.raises(InvalidInput):
            import_archive(world.db, path, "merge", now=NOW)
    assert dump(world.db) == world.before and files_under(world.root) == world.files


def test_the_strategies_know_every_kind_of_column() -> None:
    """Guard for the strategies above: a new kind of column needs its own bad values."""
    kinds = {type(c.type) for t in tables.metadata.sorted_tables for c in t.columns}
    assert kinds <= {Boolean, Date, DateTime, Float, Integer, String, Text}
