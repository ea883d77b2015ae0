"""Spanish for the messages of the jobs moved to the one worker (Back up now, restore, the
calendar export, closing a cycle): merged with packaging/spanish.py by packaging/translations.py.
Same words and rules as there."""

# ruff: noqa: E501

SPANISH: dict[str, str] = {
    "Backing up your data…": "Haciendo una copia de seguridad de sus datos…",
    "Backing up, then closing the cycle of {labels}…": "Haciendo una copia de seguridad y cerrando después el ciclo de {labels}…",
    "Reading the backup…": "Leyendo la copia de seguridad…",
    "Restoring the backup of %1…": "Restaurando la copia de seguridad del %1…",
    "Writing the calendar to {path}…": "Escribiendo el calendario en {path}…",
}
