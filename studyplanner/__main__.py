"""`python -m studyplanner`: the same as the `studyplanner` launcher."""

from studyplanner.app import main

raise SystemExit(main())
