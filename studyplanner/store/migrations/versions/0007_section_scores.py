"""section scores: a sitting's score per exam section

Revision ID: 0007_section_scores
Revises: 0006_sittings
Create Date: 2026-12-03 09:30:00

`section_scores` holds, for a practice exam or exam marked done, the questions each section of
its exam asked and how many were missed (the sections are data of the track template). The
completion's score is derived from these rows when they exist. A new table only: no existing
row changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_section_scores"
down_revision = "0006_sittings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "section_scores",
        sa.Column("module_id", sa.Integer(), nullable=False),
        sa.Column("section_key", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("questions", sa.Integer(), nullable=False),
        sa.Column("missed", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "missed >= 0 AND missed <= questions",
            name=op.f("ck_section_scores_missed_of_questions"),
        ),
        sa.CheckConstraint(
            "questions > 0 AND questions <= 500", name=op.f("ck_section_scores_sane_questions")
        ),
        sa.ForeignKeyConstraint(
            ["module_id"],
            ["modules.id"],
            name=op.f("fk_section_scores_module_id_modules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("module_id", "section_key", name=op.f("pk_section_scores")),
    )


def downgrade() -> None:
    op.drop_table("section_scores")
