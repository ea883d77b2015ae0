"""change token: a value every write changes

Revision ID: 0008_change_token
Revises: 0007_section_scores
Create Date: 2026-12-03 14:40:00

`change_token` holds one row of eight random bytes, replaced by triggers after every insert,
update and delete on every table (store/change_token.py). Start-up paints the Dashboard from the
figures it kept at the last read when the token is still the one read with them. No existing row
changes; a table added by a later migration gets its triggers there (a test checks every table
has them).
"""

from __future__ import annotations

from alembic import op

from studyplanner.store.change_token import TABLE, UNWATCHED, create_statements, trigger_names

revision = "0008_change_token"
down_revision = "0007_section_scores"
branch_labels = None
depends_on = None


def _tables() -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    )
    return [name for (name,) in rows if name not in UNWATCHED]


def upgrade() -> None:
    op.execute(f"CREATE TABLE {TABLE} (token BLOB NOT NULL)")
    op.execute(f"INSERT INTO {TABLE} (token) VALUES (randomblob(8))")
    for table in _tables():
        for statement in create_statements(table):
            op.execute(statement)


def downgrade() -> None:
    for table in _tables():
        for name in trigger_names(table):
            op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.execute(f"DROP TABLE {TABLE}")
