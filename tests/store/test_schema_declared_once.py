"""The schema is declared once (the ORM classes of store/models.py), and the migrations build
exactly it: columns, types, nullability, defaults, keys, indexes and CHECK constraints, which
alembic's compare_metadata does not look at, are compared in SQLite itself."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from studyplanner.services.database import open_database
from studyplanner.store import models, tables
from tests.store.schema_compare import not_the_token


def test_every_table_is_declared_by_one_orm_class() -> None:
    mapped = [mapper.local_table for mapper in models.Base.registry.mappers]
    assert len(mapped) == len(set(mapped))
    assert set(mapped) == set(tables.metadata.sorted_tables)
    for table in tables.metadata.sorted_tables:  # the named Core tables are those very objects
        assert getattr(tables, table.name) is table


def test_migrated_head_has_no_difference_from_the_declared_schema(data_dir: Path) -> None:
    db = open_database(data_dir)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "compare_server_default": True,
                    "include_name": not_the_token,
                },
            )
            assert compare_metadata(context, tables.metadata) == []
    finally:
        db.close()


def _checks(sql: str) -> set[tuple[str, str]]:
    """The named CHECK constraints of a CREATE TABLE statement, spaces normalized."""
    found = set()
    for name, body in re.findall(r'CONSTRAINT\s+"?(\w+)"?\s+CHECK\s*\((.*?)\)(?=,\s*\n|\s*\n\))',
                                 sql, flags=re.S):  # fmt: skip
        found.add((name, re.sub(r"\s+", " ", body).strip()))
    return found


def _shape(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        shape: dict[str, object] = {}
        names = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT IN ('alembic_version', 'sqlite_sequence', 'change_token')"
                " ORDER BY name"
            )
        ]
        for name in names:
            columns = {
                row[1]: (row[2].upper(), row[3], row[4], row[5])  # type, notnull, default, pk
                for row in conn.execute(f"PRAGMA table_xinfo({name})")
            }
            indexes = {}
            for _seq, index, unique, origin, _partial in conn.execute(f"PRAGMA index_list({name})"):
                cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({index})"))
                key = index if origin == "c" else (origin, cols)  # auto-named: by what it holds
                indexes[str(key)] = (cols, unique)
            foreign = {
                (r[2], r[3], r[4], r[6]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")
            }
            (sql,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
            shape[name] = {
                "columns": columns,
                "indexes": indexes,
                "foreign keys": foreign,
                "checks": _checks(sql),
            }
        return shape
    finally:
        conn.close()


def test_migrations_build_what_the_classes_declare_in_sqlite(tmp_path: Path) -> None:
    db = open_database(tmp_path / "migrated")
    migrated = db.path
    db.close()
    declared = tmp_path / "declared.sqlite3"
    engine = create_engine(f"sqlite:///{declared}")
    tables.metadata.create_all(engine)
    engine.dispose()
    want, got = _shape(declared), _shape(migrated)
    assert list(want) == list(got)
    for name in want:
        assert got[name] == want[name], name
    assert any(shape["checks"] for shape in want.values())  # type: ignore[index]
