"""Every record's stable identity: the `uid` column, the same in every data folder and archive.

Ids are numbers local to one database (a restore or an import reuses them); a `uid` names the
record itself, so merging an archive whose records are already present adds nothing. New records
get a random uid. Records written before uids existed (by schema 0004 and earlier: in a database
being migrated, or in an archive exported by that version) get one derived from their content,
so the same record gets the same uid wherever it is derived: a database migrated to 0005 and an
old archive of it agree, and importing that archive adds nothing.

`derive_uids` is part of the data format: changing what it computes would make old archives
look new. It must never change.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

UID = "uid"
NAMESPACE = uuid.UUID("6d1d3c52-2a4e-4c1f-9a57-3b0d2f5e8c11")
"""Fixed forever: uids derived from content are uuid5 names in this namespace."""


def new_uid() -> str:
    """A fresh identity for a record made now (32 lower-case hex digits)."""
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class TableShape:
    """What derivation needs to know of a table: its name, its own id column, and which of its
    columns point at another table's id (column -> that table's name)."""

    name: str
    id_column: str
    references: Mapping[str, str]


def canonical(value: Any) -> str:
    """One spelling of a stored value, whichever way it was read (SQLite, JSON)."""
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep="T")
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if not isinstance(value, float) else repr(value)


def derive_uids(
    shapes: Sequence[TableShape], rows: Mapping[str, Iterable[Mapping[str, Any]]]
) -> dict[str, dict[int, str]]:
    """The derived uid of every row, table -> id -> uid. `shapes` lists the tables parents
    first; `rows` holds each table's rows (column -> value; a `uid` column is ignored).

    A row's uid names its table, every column but its id (in name order), each reference by the
    uid of the row it points at, and, for rows alike in all that, their place among them in id
    order (so two identical sessions stay two records)."""
    uids: dict[str, dict[int, str]] = {}
    for shape in shapes:
        seen: Counter[str] = Counter()
        mine: dict[int, str] = {}
        ordered = sorted(rows.get(shape.name, ()), key=lambda r: int(r[shape.id_column]))
        for row in ordered:
            parts = [shape.name]
            for column in sorted(row):
                if column in (shape.id_column, UID):
                    continue
                value = row[column]
                target = shape.references.get(column)
                if target is not None and value is not None:
                    value = uids.get(target, {}).get(int(value), f"missing:{value}")
                parts.append(f"{column}={canonical(value)}")
            content = "\x1f".join(parts)
            nth = seen[content]
            seen[content] += 1
            mine[int(row[shape.id_column])] = uuid.uuid5(NAMESPACE, f"{content}\x1e{nth}").hex
        uids[shape.name] = mine
    return uids
