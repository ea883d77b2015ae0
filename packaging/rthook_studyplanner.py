"""PyInstaller runtime hook: runs before the app in the frozen build.

- Alembic imports the migration scripts from files inside the bundle; Python must not write
  `__pycache__` beside them: the unpacked folder stays as it was shipped (it may be read-only).
- The bootloader points LD_LIBRARY_PATH at the bundle's own libraries. This process no longer
  needs it (the loader read it at start), but programs the app starts (the agent's checks,
  xdg-open, the file manager) must run with the system's libraries, not ours: the user's own
  value, if any, is put back.
"""

import os
import sys

sys.dont_write_bytecode = True

for _name in ("LD_LIBRARY_PATH",):
    _original = os.environ.pop(f"{_name}_ORIG", None)
    if _original is not None:
        os.environ[_name] = _original
    elif os.environ.get(_name, "").startswith(getattr(sys, "_MEIPASS", "\0")):
        del os.environ[_name]
