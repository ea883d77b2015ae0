"""The standalone app's entry point (PyInstaller freezes this script): the same start as
`python -m studyplanner`, the GUI without a command and the command line with one."""

from studyplanner.app import main

raise SystemExit(main())
