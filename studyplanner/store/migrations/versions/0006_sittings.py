"""sittings: exams sat in one go, and whether a sitting may take a day longer than its hours

Revision ID: 0006_sittings
Revises: 0005_record_identities
Create Date: 2026-12-03 02:00:00

`modules.sitting` marks a module the scheduler places whole on one day (an exam, a timed
practice exam); `plans.allow_long_sittings` lets a sitting take a day whose availability is
shorter. Both are added with a false default (no plan allows long sittings), then the final
exams copied from the built-in tracks (CPC, CCA, CCS, RHIT: kind 'exam' with the template's key,
their hours already the sitting's) become sittings, so the next re-plan keeps them whole. Timed
practice exams of earlier copies stay as they were: their hours include the answer review (the
templates now ship the review as its own module), so the user marks them when splitting them.
No table is rebuilt (a rebuild would fire the foreign keys' ON DELETE actions on the rows it
copies).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from studyplanner.store.tables import BUILT_IN_EXAM_KEYS

revision = "0006_sittings"
down_revision = "0005_record_identities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "modules",
        sa.Column("sitting", sa.Boolean(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "plans",
        sa.Column(
            "allow_long_sittings", sa.Boolean(), server_default=sa.text("0"), nullable=False
        ),
    )
    op.execute(
        "UPDATE modules SET sitting = 1 WHERE kind = 'exam'"
        f" AND key IN ({', '.join(repr(k) for k in BUILT_IN_EXAM_KEYS)})"
        " AND track_id IN (SELECT id FROM tracks WHERE template_id IS NOT NULL)"
    )


def downgrade() -> None:
    op.drop_column("plans", "allow_long_sittings")
    op.drop_column("modules", "sitting")
