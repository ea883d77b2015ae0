"""The bounds of one stored setting's JSON value (services/settings.py, the busy time and an
archive's settings are checked against them). Its own module: the Dashboard's read of the busy
time needs them without the settings' ORM."""

MAX_SETTING_DEPTH = 4
"""How deeply a setting's JSON value may nest (the app writes objects of lists: 2)."""
MAX_SETTING_TEXT = 100_000
"""Characters in one setting's JSON value (the app writes a few hundred)."""
