"""PyInstaller runtime hook: runs before the app in the frozen build.

Alembic imports the migration scripts from files inside the bundle; Python must not write
`__pycache__` beside them: the unpacked folder stays as it was shipped (it may be read-only)."""

import sys

sys.dont_write_bytecode = True
