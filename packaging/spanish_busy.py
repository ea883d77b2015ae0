"""Spanish for the messages of busy time from calendars (issue 16): the Plan screen's
"Busy time from calendars…" dialog, its summary on the Availability tab and what it says about
calendar files it refuses. Merged with packaging/spanish.py by packaging/translations.py.

Words: tiempo ocupado (busy time), calendario, archivo .ics, suscribirse (subscribe), volver a
leer (re-read). {placeholders} and accelerators (&) are kept."""

# ruff: noqa: E501

SPANISH: dict[str, str] = {
    "&Busy time from calendars…": "Tiempo &ocupado de los calendarios…",
    "&Close": "&Cerrar",
    "&Import files…": "&Importar archivos…",
    "&Subscribe to a file…": "&Suscribirse a un archivo…",
    "&Use this busy time": "&Usar este tiempo ocupado",
    "An event in the file repeats too often (every second, minute or hour for years).": "Un evento del archivo se repite con demasiada frecuencia (cada segundo, minuto u hora durante años).",
    "Busy time from calendars": "Tiempo ocupado de los calendarios",
    "Busy time from calendars: {time} on {days}.": "Tiempo ocupado de los calendarios: {time} en {days}.",
    "Busy time in these calendars (work shifts, family events) is taken off each day's study time. A day that is busy all day has no study. Subscribed files are read again when you choose Re-read calendars.": "El tiempo ocupado de estos calendarios (turnos de trabajo, eventos familiares) se descuenta del tiempo de estudio de cada día. Un día ocupado por completo no tiene estudio. Los archivos a los que está suscrito se vuelven a leer cuando elige Volver a leer los calendarios.",
    "Busy time from calendars is read with recurring-ical-events and x-wr-timezone (LGPL v3 or later).": "El tiempo ocupado de los calendarios se lee con recurring-ical-events y x-wr-timezone (LGPL v3 o posterior).",
    "Calendar files (*.ics *.ical *.ifb);;All files (*)": "Archivos de calendario (*.ics *.ical *.ifb);;Todos los archivos (*)",
    "Calendars are still being read.": "Todavía se están leyendo los calendarios.",
    "Calendars in use": "Calendarios en uso",
    "Close": "Cerrar",
    "Import calendars": "Importar calendarios",
    "More than {limit} events fall within the plan's dates.": "Más de {limit} eventos caen dentro de las fechas del plan.",
    "No busy time from calendars.": "Sin tiempo ocupado de calendarios.",
    "No calendars yet: import a .ics file or subscribe to one.": "Todavía no hay calendarios: importe un archivo .ics o suscríbase a uno.",
    "Nothing was changed.": "No se cambió nada.",
    "Reading the file took more than {seconds} seconds (a repeating event that never or hardly ever happens).": "Leer el archivo llevó más de {seconds} segundos (un evento que se repite y nunca o casi nunca ocurre).",
    "Re-planning without the chosen calendars…": "Replanificando sin los calendarios elegidos…",
    "Re-rea&d calendars": "&Volver a leer los calendarios",
    "Reading the calendar files…": "Leyendo los archivos de calendario…",
    "Reading the calendars again…": "Volviendo a leer los calendarios…",
    "Saved: the plan now leaves out the busy time.": "Guardado: el plan ahora deja fuera el tiempo ocupado.",
    "Subscribe to a calendar file": "Suscribirse a un archivo de calendario",
    "The file cannot be read: {reason}.": "No se puede leer el archivo: {reason}.",
    "The file cannot be used ({code}).": "No se puede usar el archivo ({code}).",
    "The file has {count} events; up to {limit} are read.": "El archivo tiene {count} eventos; se leen hasta {limit}.",
    "The file is cut short: it does not end with END:VCALENDAR.": "El archivo está cortado: no termina con END:VCALENDAR.",
    "The file is not valid iCalendar: {reason}": "El archivo no es iCalendar válido: {reason}",
    "The file is {size} MB; calendar files up to {limit} MB are read.": "El archivo tiene {size} MB; se leen archivos de calendario de hasta {limit} MB.",
    "The file names the year {year}; dates from {first} to {last} are read.": "El archivo menciona el año {year}; se leen fechas de {first} a {last}.",
    "There is no such file.": "Ese archivo no existe.",
    "This is not a calendar: the file is not text.": "Esto no es un calendario: el archivo no es de texto.",
    "This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.": "Este no es un archivo iCalendar: no empieza con BEGIN:VCALENDAR.",
    "Up to {limit} calendars can be used at once.": "Se pueden usar hasta {limit} calendarios a la vez.",
    "What happened": "Qué pasó",
    "imported on {day}": "importado el {day}",
    "subscribed, read on {day}": "suscrito, leído el {day}",
    "{events} events, {busy} busy from {first} to {last} ({how})": "{events} eventos, {busy} ocupadas del {first} al {last} ({how})",
    "{name}: {problem}": "{name}: {problem}",
}
