"""Alembic environment: always run in code with the app's own connection (see store/migrate.py)."""

from __future__ import annotations

from alembic import context

from studyplanner.store import models  # noqa: F401 (the mapped classes complete the schema)
from studyplanner.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic` on the command line would get here
    raise RuntimeError("run migrations through studyplanner.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
