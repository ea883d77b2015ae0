"""Spanish for the Plan screen's live what-if (ui/plan/what_if_panel.py), merged with
packaging/spanish.py by packaging/translations.py. Same words as there: plan, línea base,
fecha meta, veredicto."""

# ruff: noqa: E501

SPANISH: dict[str, str] = {
    "&Keep this": "&Quedarse con esto",
    "&What if…": "¿&Y si…?",
    "Aim for a target date": "Apuntar a una fecha meta",
    "Choose at least one weekday to study on.": "Elija al menos un día de la semana para estudiar.",
    "Close the what-if": "Cerrar la simulación",
    "Close what-&if": "Cerrar la &simulación",
    "Ho&urs a week:": "Ho&ras por semana:",
    "Hours a week slider": "Control deslizante de horas por semana",
    "Keep this as the plan": "Guardar esto como el plan",
    "R&eset": "Res&tablecer",
    "Reset to the saved plan": "Volver al plan guardado",
    "Study on {day}": "Estudiar el {day}",
    "Study on:": "Estudiar:",
    "Ta&rget date:": "&Fecha meta:",
    "Target date slider": "Control deslizante de la fecha meta",
    "Try a what-if": "Probar una simulación",
    "What-if kept": "Simulación guardada",
    "What-if, not saved": "Simulación, sin guardar",
    "What-if: nothing here is saved. The verdict, the finish date and the timeline show the plan as it would be; Keep this saves it as your plan.": "Simulación: aquí no se guarda nada. El veredicto, la fecha de fin y el cronograma muestran el plan tal como quedaría; Quedarse con esto lo guarda como su plan.",
    "{track}: what-if, not saved": "{track}: simulación, sin guardar",
}
