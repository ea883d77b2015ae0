"""Spanish for the reminders shown a page at a time (a plan far behind) and the plan's writes on
the worker: merged with packaging/spanish.py by packaging/translations.py. Same words and rules
as there."""

SPANISH: dict[str, str] = {
    "Show {n} more ({hidden} not shown)": "Mostrar {n} más ({hidden} sin mostrar)",
    "Show more reminders": "Mostrar más recordatorios",
    "Show the other {n}": "Mostrar los otros {n}",
    "Saving the plan…": "Guardando el plan…",
    "Planning…": "Planificando…",
    # the headline when every module's time is logged but some are not marked complete
    "All the time logged": "Todo el tiempo registrado",
    "The planned time of every module is logged. Mark each module you have finished complete: "
    "{modules} not marked yet.": "El tiempo previsto de todos los módulos está registrado. Marque "
    "como completado cada módulo que haya terminado: {modules} sin marcar todavía.",
    "Mark modules complete…": "Marcar módulos como completados…",
    "Open the Modules screen to mark modules complete": "Abrir la pantalla Módulos para marcar "
    "módulos como completados",
}
