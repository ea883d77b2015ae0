"""Shared by the schema tests: what alembic's compare_metadata leaves out."""

from __future__ import annotations

from studyplanner.store.change_token import TABLE


def not_the_token(name: str | None, type_: str, _parent: object) -> bool:
    """The change token's table is the store's bookkeeping, kept out of the ORM's schema on
    purpose (store/change_token.py); everything else is compared."""
    return not (type_ == "table" and name == TABLE)
