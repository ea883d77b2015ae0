"""record identities: a uid on every record, derived from content for the records already there

Revision ID: 0005_record_identities
Revises: 0004_reminders_settings
Create Date: 2026-12-02 19:00:00

The uid column is added (with an empty default, as SQLite's ALTER TABLE needs for NOT NULL),
filled for every existing row by `identity.derive_uids` (so an archive exported before this
version derives the same uids and merging it adds nothing), then made unique. No table is
rebuilt: a rebuild would fire the foreign keys' ON DELETE actions on the rows it copies.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from studyplanner.store.identity import UID, TableShape, derive_uids

revision = "0005_record_identities"
down_revision = "0004_reminders_settings"
branch_labels = None
depends_on = None

TABLES = (
    "tracks", "modules", "plans", "blackouts", "plan_terms", "baselines", "baseline_modules",
    "baseline_blocks", "study_sessions", "credentials", "credential_cycles", "ceu_activities",
)  # fmt: skip
"""The tables with an id of their own (every table but the join, key-value and one-row ones)."""


def upgrade() -> None:
    conn = op.get_bind()
    reflected = sa.MetaData()
    reflected.reflect(conn, only=list(TABLES))
    shapes = []
    rows = {}
    for table in reflected.sorted_tables:
        references = {
            fk.parent.name: fk.column.table.name
            for fk in table.foreign_keys
            if fk.column.table.name in TABLES
        }
        shapes.append(TableShape(table.name, "id", references))
        rows[table.name] = [dict(r) for r in conn.execute(sa.select(table)).mappings()]
    uids = derive_uids(shapes, rows)
    for name in TABLES:
        op.add_column(
            name, sa.Column(UID, sa.String(length=32), server_default=sa.text("''"), nullable=False)
        )
        target = sa.table(name, sa.column("id", sa.Integer), sa.column(UID, sa.String))
        pairs = [{"row_id": i, "uid_value": u} for i, u in uids[name].items()]
        if pairs:
            conn.execute(
                target.update()
                .where(target.c.id == sa.bindparam("row_id"))
                .values({UID: sa.bindparam("uid_value")}),
                pairs,
            )
        op.create_index(op.f(f"ix_{name}_{UID}"), name, [UID], unique=True)


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_index(op.f(f"ix_{name}_{UID}"), table_name=name)
        op.execute(f'ALTER TABLE "{name}" DROP COLUMN "{UID}"')  # no rebuild (SQLite 3.35+)
