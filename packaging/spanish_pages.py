"""Spanish for the reminders shown a page at a time (a plan far behind) and the plan's writes on
the worker: merged with packaging/spanish.py by packaging/translations.py. Same words and rules
as there."""

SPANISH: dict[str, str] = {
    "Show {n} more ({hidden} not shown)": "Mostrar {n} más ({hidden} sin mostrar)",
    "Show more reminders": "Mostrar más recordatorios",
    "Show the other {n}": "Mostrar los otros {n}",
    "Saving the plan…": "Guardando el plan…",
    "Planning…": "Planificando…",
}
