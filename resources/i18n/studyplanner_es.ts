<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>PDF or image</source>
        <translation>PDF o imagen</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Elija el certificado</translation>
    </message>
    <message>
        <source>CEU activities</source>
        <translation>Actividades de CEU</translation>
    </message>
    <message>
        <source>Show activities for credential</source>
        <translation>Mostrar actividades de la credencial</translation>
    </message>
    <message>
        <source>Show activities of period</source>
        <translation>Mostrar actividades del periodo</translation>
    </message>
    <message>
        <source>Find activities</source>
        <translation>Buscar actividades</translation>
    </message>
    <message>
        <source>title, provider, index number or note</source>
        <translation>título, proveedor, número de índice o nota</translation>
    </message>
    <message>
        <source>Activities summary</source>
        <translation>Resumen de actividades</translation>
    </message>
    <message>
        <source>C&amp;redential:</source>
        <translation>C&amp;redencial:</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;odo:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>No CEU activities yet: log the first one you completed.</source>
        <translation>Todavía no hay actividades de CEU: registre la primera que completó.</translation>
    </message>
    <message>
        <source>No activity matches the filters.</source>
        <translation>Ninguna actividad coincide con los filtros.</translation>
    </message>
    <message>
        <source>&amp;Log activity…</source>
        <translation>&amp;Registrar actividad…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Ed&amp;itar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Deshacer eliminación</translation>
    </message>
    <message>
        <source>Open &amp;certificate</source>
        <translation>Abrir &amp;certificado</translation>
    </message>
    <message>
        <source>All credentials</source>
        <translation>Todas las credenciales</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <source>{cycle} (closed)</source>
        <translation>{cycle} (cerrado)</translation>
    </message>
    <message>
        <source>{n} shown, {units} CEUs</source>
        <translation>{n} mostradas, {units} CEU</translation>
    </message>
    <message>
        <source>Evenings: 1 hour on weekdays</source>
        <translation>Noches: 1 hora entre semana</translation>
    </message>
    <message>
        <source>Evenings and Saturday: 1.5 h weekdays, 4 h Saturday</source>
        <translation>Noches y sábado: 1.5 h entre semana, 4 h el sábado</translation>
    </message>
    <message>
        <source>Weekends: 4 hours Saturday and Sunday</source>
        <translation>Fines de semana: 4 horas sábado y domingo</translation>
    </message>
    <message>
        <source>Part-time student: 4 h weekdays, 4 h Saturday (24 h)</source>
        <translation>Estudiante de medio tiempo: 4 h entre semana, 4 h el sábado (24 h)</translation>
    </message>
    <message>
        <source>Full-time student: 7 h weekdays, 6 h Saturday, 4 h Sunday (45 h)</source>
        <translation>Estudiante de tiempo completo: 7 h entre semana, 6 h el sábado, 4 h el domingo (45 h)</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>plans</source>
        <translation>planes</translation>
    </message>
    <message>
        <source>module</source>
        <translation>módulo</translation>
    </message>
    <message>
        <source>modules</source>
        <translation>módulos</translation>
    </message>
    <message>
        <source>study session</source>
        <translation>sesión de estudio</translation>
    </message>
    <message>
        <source>study sessions</source>
        <translation>sesiones de estudio</translation>
    </message>
    <message>
        <source>credential</source>
        <translation>credencial</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>credenciales</translation>
    </message>
    <message>
        <source>CEU activity</source>
        <translation>actividad de CEU</translation>
    </message>
    <message>
        <source>Backed up by you</source>
        <translation>Hecha por usted</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Antes de una importación</translation>
    </message>
    <message>
        <source>Before closing a cycle</source>
        <translation>Antes de cerrar un ciclo</translation>
    </message>
    <message>
        <source>Before deleting a credential</source>
        <translation>Antes de eliminar una credencial</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia de seguridad?</translation>
    </message>
    <message>
        <source>Your data will be replaced by the backup of %1 (%2).

Your current data is backed up first, so you can undo this by restoring that backup.</source>
        <translation>Sus datos se reemplazarán por la copia de seguridad del %1 (%2).

Antes se hace una copia de seguridad de sus datos actuales, así que puede deshacerlo restaurando esa copia.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurar copia de seguridad</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backups are kept in %1</source>
        <translation>Las copias de seguridad se guardan en %1</translation>
    </message>
    <message>
        <source>Study Planner backs up automatically at start-up, every half hour while something changes, and before imports, restores and other big changes. Old backups are thinned: the newest ten, then one a day, a week and a month.</source>
        <translation>Study Planner hace copias de seguridad automáticamente al iniciar, cada media hora mientras algo cambia, y antes de importaciones, restauraciones y otros cambios grandes. Las copias antiguas se reducen: las diez más recientes, luego una por día, por semana y por mes.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Abrir la carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Restaurar la copia de seguridad seleccionada</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Copias de seguridad, la más reciente primero</translation>
    </message>
    <message>
        <source>Choose a backup to see what it holds.</source>
        <translation>Elija una copia de seguridad para ver qué contiene.</translation>
    </message>
    <message>
        <source>What the chosen backup holds</source>
        <translation>Qué contiene la copia de seguridad elegida</translation>
    </message>
    <message>
        <source>No backups yet: use “Back up now”.</source>
        <translation>Todavía no hay copias de seguridad: use “Hacer copia ahora”.</translation>
    </message>
    <message>
        <source>This backup cannot be restored: %1.</source>
        <translation>Esta copia de seguridad no se puede restaurar: %1.</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>Leyendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>It holds %1.</source>
        <translation>Contiene %1.</translation>
    </message>
    <message>
        <source>Backing up your data…</source>
        <translation>Haciendo una copia de seguridad de sus datos…</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Copia de seguridad guardada en %1.</translation>
    </message>
    <message>
        <source>Restored the backup of %1. Your data from before the restore is the backup of %2: restore it to undo.</source>
        <translation>Se restauró la copia de seguridad del %1. Sus datos de antes de la restauración son la copia del %2: restáurela para deshacer.</translation>
    </message>
    <message>
        <source>Restoring the backup of %1…</source>
        <translation>Restaurando la copia de seguridad del %1…</translation>
    </message>
    <message>
        <source>Put your study blocks, exams and CEU deadlines in your own calendar app, </source>
        <translation>Ponga sus bloques de estudio, exámenes y plazos de CEU en su propia aplicación de calendario, </translation>
    </message>
    <message>
        <source>with alarms. Importing a newer export updates the events already there.</source>
        <translation>con alarmas. Importar una exportación más reciente actualiza los eventos que ya están.</translation>
    </message>
    <message>
        <source>Export from</source>
        <translation>Exportar desde</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar hasta</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>&amp;Export to calendar (.ics)…</source>
        <translation>&amp;Exportar al calendario (.ics)…</translation>
    </message>
    <message>
        <source>Writing the calendar to {path}…</source>
        <translation>Escribiendo el calendario en {path}…</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Exportar al calendario</translation>
    </message>
    <message>
        <source>Problem with the dates</source>
        <translation>Problema con las fechas</translation>
    </message>
    <message>
        <source>Calendar export result</source>
        <translation>Resultado de la exportación al calendario</translation>
    </message>
    <message>
        <source>Choose the date you start studying.</source>
        <translation>Elija la fecha en que empieza a estudiar.</translation>
    </message>
    <message>
        <source>The start date must be between 2000 and {year}.</source>
        <translation>La fecha de inicio debe estar entre 2000 y {year}.</translation>
    </message>
    <message>
        <source>The start date is more than a year ago.</source>
        <translation>La fecha de inicio es de hace más de un año.</translation>
    </message>
    <message>
        <source>Give either a target date or a number of hours a week.</source>
        <translation>Indique una fecha meta o un número de horas por semana.</translation>
    </message>
    <message>
        <source>The target date is in the past.</source>
        <translation>La fecha meta ya pasó.</translation>
    </message>
    <message>
        <source>The target date must be after the start date.</source>
        <translation>La fecha meta debe ser posterior a la fecha de inicio.</translation>
    </message>
    <message>
        <source>The target date must be before {year}.</source>
        <translation>La fecha meta debe ser anterior a {year}.</translation>
    </message>
    <message>
        <source>Hours a week must be more than zero.</source>
        <translation>Las horas por semana deben ser más que cero.</translation>
    </message>
    <message>
        <source>That is more hours a week than anyone can study.</source>
        <translation>Son más horas por semana de las que nadie puede estudiar.</translation>
    </message>
    <message>
        <source>Give at least one day with some study time.</source>
        <translation>Indique al menos un día con algo de tiempo de estudio.</translation>
    </message>
    <message>
        <source>Your weekdays add up to only {hours} hours a week; raise the daily minutes or lower the weekly hours.</source>
        <translation>Sus días de la semana suman solo {hours} horas por semana; aumente los minutos diarios o reduzca las horas semanales.</translation>
    </message>
    <message>
        <source>Minutes cannot be negative.</source>
        <translation>Los minutos no pueden ser negativos.</translation>
    </message>
    <message>
        <source>More than 16 hours in a day is not realistic.</source>
        <translation>Más de 16 horas en un día no es realista.</translation>
    </message>
    <message>
        <source>A day off period ends before it starts.</source>
        <translation>Un periodo de días libres termina antes de empezar.</translation>
    </message>
    <message>
        <source>A day off period longer than a year is not realistic.</source>
        <translation>Un periodo de días libres de más de un año no es realista.</translation>
    </message>
    <message>
        <source>The days off {start} to {end} overlap {other_start} to {other_end}; join them into one period.</source>
        <translation>Los días libres del {start} al {end} se superponen con los del {other_start} al {other_end}; únalos en un solo periodo.</translation>
    </message>
    <message>
        <source>Give the module a title.</source>
        <translation>Ponga un título al módulo.</translation>
    </message>
    <message>
        <source>Keep the title under 200 characters.</source>
        <translation>El título debe tener menos de 200 caracteres.</translation>
    </message>
    <message>
        <source>Estimated hours must be more than zero.</source>
        <translation>Las horas estimadas deben ser más que cero.</translation>
    </message>
    <message>
        <source>More than 2,000 hours for one module looks like a typo.</source>
        <translation>Más de 2000 horas para un módulo parece un error de escritura.</translation>
    </message>
    <message>
        <source>Keep the note under {limit} characters.</source>
        <translation>La nota debe tener menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>Unknown credential &apos;{credential}&apos;. Known: {known}.</source>
        <translation>Credencial desconocida «{credential}». Conocidas: {known}.</translation>
    </message>
    <message>
        <source>Give the credential a name of 1 to 40 characters.</source>
        <translation>Ponga a la credencial un nombre de 1 a 40 caracteres.</translation>
    </message>
    <message>
        <source>The date earned must be between 1970 and today.</source>
        <translation>La fecha de obtención debe estar entre 1970 y hoy.</translation>
    </message>
    <message>
        <source>The renewal date is not a sensible date.</source>
        <translation>La fecha de renovación no es una fecha razonable.</translation>
    </message>
    <message>
        <source>You already have a credential called {name}.</source>
        <translation>Ya tiene una credencial llamada {name}.</translation>
    </message>
    <message>
        <source>There is no credential {id}.</source>
        <translation>No hay ninguna credencial {id}.</translation>
    </message>
    <message>
        <source>This credential has no open cycle.</source>
        <translation>Esta credencial no tiene un ciclo abierto.</translation>
    </message>
    <message>
        <source>The rules cannot judge the credential {credential} ({body}): an unknown code or dates out of range; its cycle cannot be closed.</source>
        <translation>Las reglas no pueden evaluar la credencial {credential} ({body}): un código desconocido o fechas fuera de rango; su ciclo no se puede cerrar.</translation>
    </message>
    <message>
        <source>The cycle start must be between 1970 and {year}.</source>
        <translation>El inicio del ciclo debe estar entre 1970 y {year}.</translation>
    </message>
    <message>
        <source>The cycle end must be between 1970 and {year}.</source>
        <translation>El fin del ciclo debe estar entre 1970 y {year}.</translation>
    </message>
    <message>
        <source>The cycle must end after it starts.</source>
        <translation>El ciclo debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>A cycle longer than ten years is not realistic.</source>
        <translation>Un ciclo de más de diez años no es realista.</translation>
    </message>
    <message>
        <source>The cycle starts long before the credential.</source>
        <translation>El ciclo empieza mucho antes que la credencial.</translation>
    </message>
    <message>
        <source>There is no cycle {id}.</source>
        <translation>No hay ningún ciclo {id}.</translation>
    </message>
    <message>
        <source>A closed cycle is kept as it was; it cannot change.</source>
        <translation>Un ciclo cerrado se conserva tal como estaba; no puede cambiar.</translation>
    </message>
    <message>
        <source>Give a number of CEUs between 0 and 500.</source>
        <translation>Indique un número de CEU entre 0 y 500.</translation>
    </message>
    <message>
        <source>Use at most two decimals.</source>
        <translation>Use como máximo dos decimales.</translation>
    </message>
    <message>
        <source>That session no longer exists.</source>
        <translation>Esa sesión ya no existe.</translation>
    </message>
    <message>
        <source>That session exists already.</source>
        <translation>Esa sesión ya existe.</translation>
    </message>
    <message>
        <source>Its module no longer exists.</source>
        <translation>Su módulo ya no existe.</translation>
    </message>
    <message>
        <source>Minutes must be more than zero.</source>
        <translation>Los minutos deben ser más que cero.</translation>
    </message>
    <message>
        <source>More than 16 hours in one session is not realistic.</source>
        <translation>Más de 16 horas en una sesión no es realista.</translation>
    </message>
    <message>
        <source>The date is before 2000.</source>
        <translation>La fecha es anterior a 2000.</translation>
    </message>
    <message>
        <source>No timer is running.</source>
        <translation>No hay ningún cronómetro en marcha.</translation>
    </message>
    <message>
        <source>A timer is already on for “{title}”; stop it first.</source>
        <translation>Ya hay un cronómetro en marcha para «{title}»; deténgalo primero.</translation>
    </message>
    <message>
        <source>A session cannot be in the future.</source>
        <translation>Una sesión no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>A module cannot be completed in the future.</source>
        <translation>Un módulo no se puede completar en el futuro.</translation>
    </message>
    <message>
        <source>There is no module {id} in your plan.</source>
        <translation>No hay ningún módulo {id} en su plan.</translation>
    </message>
    <message>
        <source>Module {id} is not marked done.</source>
        <translation>El módulo {id} no está marcado como terminado.</translation>
    </message>
    <message>
        <source>A score is a percentage from 0 to 100.</source>
        <translation>Una puntuación es un porcentaje de 0 a 100.</translation>
    </message>
    <message>
        <source>Only exams and practice exams have a score.</source>
        <translation>Solo los exámenes y los exámenes de práctica tienen puntuación.</translation>
    </message>
    <message>
        <source>A section is listed twice.</source>
        <translation>Una sección aparece dos veces.</translation>
    </message>
    <message>
        <source>There is no activity {id}.</source>
        <translation>No hay ninguna actividad {id}.</translation>
    </message>
    <message>
        <source>That activity exists already.</source>
        <translation>Esa actividad ya existe.</translation>
    </message>
    <message>
        <source>Give the activity a title.</source>
        <translation>Ponga un título a la actividad.</translation>
    </message>
    <message>
        <source>The completion date must be between 2000 and today.</source>
        <translation>La fecha de finalización debe estar entre 2000 y hoy.</translation>
    </message>
    <message>
        <source>CEUs must be a number.</source>
        <translation>Los CEU deben ser un número.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number of CEUs.</source>
        <translation>«{text}» no es un número de CEU.</translation>
    </message>
    <message>
        <source>Keep the title under 300 characters.</source>
        <translation>El título debe tener menos de 300 caracteres.</translation>
    </message>
    <message>
        <source>Keep the provider under 200 characters.</source>
        <translation>El proveedor debe tener menos de 200 caracteres.</translation>
    </message>
    <message>
        <source>Keep the index number under 100 characters.</source>
        <translation>El número de índice debe tener menos de 100 caracteres.</translation>
    </message>
    <message>
        <source>Unknown category &apos;{category}&apos;. Known: {known}.</source>
        <translation>Categoría desconocida «{category}». Conocidas: {known}.</translation>
    </message>
    <message>
        <source>There is no credential cycle {id}.</source>
        <translation>No hay ningún ciclo de credencial {id}.</translation>
    </message>
    <message>
        <source>The {credential} cycle ending {end} is closed; it cannot change.</source>
        <translation>El ciclo de {credential} que termina el {end} está cerrado; no puede cambiar.</translation>
    </message>
    <message>
        <source>{credential} is listed twice.</source>
        <translation>{credential} aparece dos veces.</translation>
    </message>
    <message>
        <source>Apply between 0 and {units} CEUs to {credential}.</source>
        <translation>Aplique entre 0 y {units} CEU a {credential}.</translation>
    </message>
    <message>
        <source>This activity counts in a closed cycle; it is kept as it was and cannot change.</source>
        <translation>Esta actividad cuenta en un ciclo cerrado; se conserva tal como estaba y no puede cambiar.</translation>
    </message>
    <message>
        <source>This activity counts in a closed cycle; it is kept as it was.</source>
        <translation>Esta actividad cuenta en un ciclo cerrado; se conserva tal como estaba.</translation>
    </message>
    <message>
        <source>{name} is not a PDF or an image (PNG, JPEG, ...).</source>
        <translation>{name} no es un PDF ni una imagen (PNG, JPEG, ...).</translation>
    </message>
    <message>
        <source>The certificate {path} is a symbolic link to nothing (what it points to does not exist).</source>
        <translation>El certificado {path} es un enlace simbólico a nada (lo que señala no existe).</translation>
    </message>
    <message>
        <source>The certificate {path} does not exist.</source>
        <translation>El certificado {path} no existe.</translation>
    </message>
    <message>
        <source>The certificate {path} is a folder, not a file.</source>
        <translation>El certificado {path} es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>The certificate {path} is {kind}, not a regular file.</source>
        <translation>El certificado {path} es {kind}, no un archivo normal.</translation>
    </message>
    <message>
        <source>The certificate {path} cannot be read: {why}.</source>
        <translation>No se puede leer el certificado {path}: {why}.</translation>
    </message>
    <message>
        <source>{name} is larger than 50 MB.</source>
        <translation>{name} ocupa más de 50 MB.</translation>
    </message>
    <message>
        <source>{name} is not really a {kind} file.</source>
        <translation>{name} no es realmente un archivo {kind}.</translation>
    </message>
    <message>
        <source>CEUs must be more than zero.</source>
        <translation>Los CEU deben ser más que cero.</translation>
    </message>
    <message>
        <source>More than {limit} CEUs for one activity is not realistic.</source>
        <translation>Más de {limit} CEU para una actividad no es realista.</translation>
    </message>
    <message>
        <source>Use at most two decimals (for example 0.25).</source>
        <translation>Use como máximo dos decimales (por ejemplo 0.25).</translation>
    </message>
    <message>
        <source>There is no plan yet: start the plan assistant first.</source>
        <translation>Todavía no hay un plan: primero inicie el asistente del plan.</translation>
    </message>
    <message>
        <source>Give the dates of all {count} terms.</source>
        <translation>Indique las fechas de los {count} periodos.</translation>
    </message>
    <message>
        <source>Term {term} starts before term {earlier} ends.</source>
        <translation>El periodo {term} empieza antes de que termine el periodo {earlier}.</translation>
    </message>
    <message>
        <source>Give the track a name.</source>
        <translation>Ponga un nombre al itinerario.</translation>
    </message>
    <message>
        <source>Two modules have the same reference.</source>
        <translation>Dos módulos tienen la misma referencia.</translation>
    </message>
    <message>
        <source>Module {n} cannot require itself.</source>
        <translation>El módulo {n} no puede requerirse a sí mismo.</translation>
    </message>
    <message>
        <source>Choose a term from 1 to {count}.</source>
        <translation>Elija un periodo de 1 a {count}.</translation>
    </message>
    <message>
        <source>Module “{title}” is not part of this track.</source>
        <translation>El módulo «{title}» no forma parte de este itinerario.</translation>
    </message>
    <message>
        <source>“{title}” is completed; reopen it before removing it.</source>
        <translation>«{title}» está terminado; vuelva a abrirlo antes de quitarlo.</translation>
    </message>
    <message>
        <source>“{title}” has study sessions logged; delete them before removing it.</source>
        <translation>«{title}» tiene sesiones de estudio registradas; elimínelas antes de quitarlo.</translation>
    </message>
    <message>
        <source>Give lead times between 0 and {limit} days.</source>
        <translation>Indique plazos de aviso entre 0 y {limit} días.</translation>
    </message>
    <message>
        <source>Give a number of days from 1 to {limit}.</source>
        <translation>Indique un número de días de 1 a {limit}.</translation>
    </message>
    <message>
        <source>Give the time as HH:MM, e.g. 18:30.</source>
        <translation>Indique la hora como HH:MM, p. ej., 18:30.</translation>
    </message>
    <message>
        <source>Snooze until a day after today, within a year.</source>
        <translation>Posponga hasta un día posterior a hoy, dentro de un año.</translation>
    </message>
    <message>
        <source>There is no backup {path}.</source>
        <translation>No hay ninguna copia de seguridad {path}.</translation>
    </message>
    <message>
        <source>The backup {name} cannot be restored: {why}.</source>
        <translation>La copia de seguridad {name} no se puede restaurar: {why}.</translation>
    </message>
    <message>
        <source>The end of the range is before its start.</source>
        <translation>El final del rango es anterior a su inicio.</translation>
    </message>
    <message>
        <source>Export at most three years at a time.</source>
        <translation>Exporte como máximo tres años a la vez.</translation>
    </message>
    <message>
        <source>{path} is Study Planner&apos;s own data; choose another file to write.</source>
        <translation>{path} son los datos propios de Study Planner; elija otro archivo para escribir.</translation>
    </message>
    <message>
        <source>{path} already exists; it was left as it is.</source>
        <translation>{path} ya existe; se dejó tal como estaba.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name.</source>
        <translation>{path} es una carpeta; indique un nombre de archivo.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <source>{path} cannot be written: {why}.</source>
        <translation>No se puede escribir {path}: {why}.</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a regular file; an export writes only regular files, so it was left as it is.</source>
        <translation>{path} es {kind}, no un archivo normal; una exportación solo escribe archivos normales, así que se dejó tal como estaba.</translation>
    </message>
    <message>
        <source>There is no credential called &apos;{name}&apos;; none is recorded yet.</source>
        <translation>No hay ninguna credencial llamada «{name}»; todavía no hay ninguna registrada.</translation>
    </message>
    <message>
        <source>There is no credential called &apos;{name}&apos;. Known: {known}.</source>
        <translation>No hay ninguna credencial llamada «{name}». Conocidas: {known}.</translation>
    </message>
    <message>
        <source>The rules cannot judge the credential {credential} (an unknown code or dates out of range); there is no report to make for it.</source>
        <translation>Las reglas no pueden evaluar la credencial {credential} (un código desconocido o fechas fuera de rango); no hay informe que hacer para ella.</translation>
    </message>
    <message>
        <source>The certificate of &apos;{title}&apos; ({path}) cannot be read: {why}.</source>
        <translation>No se puede leer el certificado de «{title}» ({path}): {why}.</translation>
    </message>
    <message>
        <source>is a folder, not an archive file</source>
        <translation>es una carpeta, no un archivo comprimido</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>cannot be read: {why}</source>
        <translation>no se puede leer: {why}</translation>
    </message>
    <message>
        <source>is larger than {gb} GB</source>
        <translation>ocupa más de {gb} GB</translation>
    </message>
    <message>
        <source>is not a Study Planner archive (not a zip file, or a damaged one)</source>
        <translation>no es un archivo de Study Planner (no es un archivo zip, o está dañado)</translation>
    </message>
    <message>
        <source>has no {document}: it is not a Study Planner archive</source>
        <translation>no tiene {document}: no es un archivo de Study Planner</translation>
    </message>
    <message>
        <source>is password-protected; Study Planner cannot read it</source>
        <translation>está protegido con contraseña; Study Planner no puede leerlo</translation>
    </message>
    <message>
        <source>the archive was written by a newer version of Study Planner ({version}); install the newer version to import it</source>
        <translation>el archivo lo escribió una versión más nueva de Study Planner ({version}); instale la versión más nueva para importarlo</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program, which kept it locked for more than five seconds.</source>
        <translation>La base de datos {path} está en uso por otro programa, que la mantuvo bloqueada más de cinco segundos.</translation>
    </message>
    <message>
        <source>Close the other program (or wait) and try again.</source>
        <translation>Cierre el otro programa (o espere) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; nothing was written.</source>
        <translation>El disco que contiene {path} está lleno; no se escribió nada.</translation>
    </message>
    <message>
        <source>Free some space and try again.</source>
        <translation>Libere algo de espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database {path} is read-only; nothing was written.</source>
        <translation>La base de datos {path} es de solo lectura; no se escribió nada.</translation>
    </message>
    <message>
        <source>Check the permissions of the file and its folder (the app needs to write there).</source>
        <translation>Revise los permisos del archivo y de su carpeta (la aplicación necesita escribir allí).</translation>
    </message>
    <message>
        <source>The disk holding {path} reported a read or write error.</source>
        <translation>El disco que contiene {path} informó un error de lectura o escritura.</translation>
    </message>
    <message>
        <source>Check the disk (or the network or removable drive it is on) and try again; your backups are in the data folder&apos;s backups folder.</source>
        <translation>Revise el disco (o la unidad de red o extraíble en la que está) e inténtelo de nuevo; sus copias de seguridad están en la carpeta de copias de seguridad de la carpeta de datos.</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be read.</source>
        <translation>La base de datos {path} está dañada y no se puede leer.</translation>
    </message>
    <message>
        <source>Restore a backup (they are in the data folder&apos;s backups folder); nothing more was written to it.</source>
        <translation>Restaure una copia de seguridad (están en la carpeta de copias de seguridad de la carpeta de datos); no se escribió nada más en ella.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: its folder is missing, unreadable or full.</source>
        <translation>No se puede abrir la base de datos {path}: su carpeta falta, no se puede leer o está llena.</translation>
    </message>
    <message>
        <source>Check the data folder and try again.</source>
        <translation>Revise la carpeta de datos e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>It was not backed up.</source>
        <translation>No se hizo la copia de seguridad.</translation>
    </message>
    <message>
        <source>It was not checked.</source>
        <translation>No se comprobó.</translation>
    </message>
    <message>
        <source>It was not upgraded.</source>
        <translation>No se actualizó.</translation>
    </message>
    <message>
        <source>It was not restored.</source>
        <translation>No se restauró.</translation>
    </message>
    <message>
        <source>It was not recovered.</source>
        <translation>No se recuperó.</translation>
    </message>
    <message>
        <source>two modules share the same id</source>
        <translation>dos módulos comparten el mismo id</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; requires a module that is not in the track (id {id})</source>
        <translation>«{title}» requiere un módulo que no está en el itinerario (id {id})</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; cannot require itself</source>
        <translation>«{title}» no puede requerirse a sí mismo</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; belongs to term {term}, which has no dates</source>
        <translation>«{title}» pertenece al periodo {term}, que no tiene fechas</translation>
    </message>
    <message>
        <source>&apos;{first}&apos; and &apos;{second}&apos; require each other</source>
        <translation>«{first}» y «{second}» se requieren mutuamente</translation>
    </message>
    <message>
        <source>the prerequisites go round in a circle: {links}</source>
        <translation>los requisitos previos forman un círculo: {links}</translation>
    </message>
    <message>
        <source>cannot be opened: {why}</source>
        <translation>no se puede abrir: {why}</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>está dañada</translation>
    </message>
    <message>
        <source>it is not a database ({why})</source>
        <translation>no es una base de datos ({why})</translation>
    </message>
    <message>
        <source>it holds no Study Planner data</source>
        <translation>no contiene datos de Study Planner</translation>
    </message>
    <message>
        <source>it was written by a newer version</source>
        <translation>la escribió una versión más nueva</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: {reason}</source>
        <translation>No se escribió nada en {path}: {reason}</translation>
    </message>
    <message>
        <source>{events} events with {alarms} alarms written to {path} ({first} to {last}).</source>
        <translation>{events} eventos con {alarms} alarmas escritos en {path} (del {first} al {last}).</translation>
    </message>
    <message>
        <source>An export is still running; wait for it to finish.</source>
        <translation>Todavía hay una exportación en curso; espere a que termine.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export audit &amp;packet…</source>
        <translation>Exportar &amp;paquete de auditoría…</translation>
    </message>
    <message>
        <source>Export audit packet</source>
        <translation>Exportar paquete de auditoría</translation>
    </message>
    <message>
        <source>Audit packet of which cycle</source>
        <translation>Paquete de auditoría de qué ciclo</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
    <message>
        <source>Export activities as CSV</source>
        <translation>Exportar actividades como CSV</translation>
    </message>
    <message>
        <source>{label}, current cycle (ends {end})</source>
        <translation>{label}, ciclo actual (termina el {end})</translation>
    </message>
    <message>
        <source>Save the audit packet of {label}</source>
        <translation>Guardar el paquete de auditoría de {label}</translation>
    </message>
    <message>
        <source>{label}-audit-packet-{end}.pdf</source>
        <translation>{label}-paquete-auditoria-{end}.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the audit packet of {label}: {pdf}</source>
        <translation>Se guardó el paquete de auditoría de {label}: {pdf}</translation>
    </message>
    <message>
        <source>and the certificates in {zip}.</source>
        <translation>y los certificados en {zip}.</translation>
    </message>
    <message>
        <source>{n} of {total} activities have no certificate.</source>
        <translation>{n} de {total} actividades no tienen certificado.</translation>
    </message>
    <message>
        <source>Writing the audit packet of {label}…</source>
        <translation>Escribiendo el paquete de auditoría de {label}…</translation>
    </message>
    <message>
        <source>Save the CEU activities</source>
        <translation>Guardar las actividades de CEU</translation>
    </message>
    <message>
        <source>ceu-activities-{date}.csv</source>
        <translation>actividades-ceu-{date}.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {n} activities to {path}.</source>
        <translation>Se guardaron {n} actividades en {path}.</translation>
    </message>
    <message>
        <source>Writing the CEU activities…</source>
        <translation>Escribiendo las actividades de CEU…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportación cancelada: no se escribió nada.</translation>
    </message>
    <message>
        <source>The export could not be written: {why}.</source>
        <translation>No se pudo escribir la exportación: {why}.</translation>
    </message>
    <message>
        <source>The export failed: {why}</source>
        <translation>La exportación falló: {why}</translation>
    </message>
    <message>
        <source>Rules change: what {body} has on record wins. Where your account shows other dates or figures, enter those.</source>
        <translation>Las reglas cambian: lo que {body} tiene registrado prevalece. Donde su cuenta muestre otras fechas o cifras, escriba esas.</translation>
    </message>
    <message>
        <source>Sources disagree or are old: check with the body.</source>
        <translation>Las fuentes no coinciden o son antiguas: consulte con el organismo.</translation>
    </message>
    <message>
        <source>{code}: {name}</source>
        <translation>{code}: {name}</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>From: {pages}.</source>
        <translation>Fuentes: {pages}.</translation>
    </message>
    <message>
        <source>Checked on {date}.</source>
        <translation>Verificado el {date}.</translation>
    </message>
    <message>
        <source>{ceus} CEUs every {years} years when it is your only {body} credential.</source>
        <translation>{ceus} CEU cada {years} años cuando es su única credencial de {body}.</translation>
    </message>
    <message>
        <source>{units} of them must be in the category “{category}”.</source>
        <translation>{units} de ellos deben ser de la categoría «{category}».</translation>
    </message>
    <message>
        <source>Those CEUs count only from {providers}.</source>
        <translation>Esos CEU solo cuentan si provienen de {providers}.</translation>
    </message>
    <message>
        <source>What it takes</source>
        <translation>Qué se necesita</translation>
    </message>
    <message>
        <source>A cycle lasts {years} years.</source>
        <translation>Un ciclo dura {years} años.</translation>
    </message>
    <message>
        <source>It ends on your {body} membership renewal date.</source>
        <translation>Termina en la fecha de renovación de su membresía de {body}.</translation>
    </message>
    <message>
        <source>The first one starts on the day you passed the exam.</source>
        <translation>El primero empieza el día en que aprobó el examen.</translation>
    </message>
    <message>
        <source>Your first cycle may be shorter: enter its dates and CEUs from your account.</source>
        <translation>Su primer ciclo puede ser más corto: ingrese sus fechas y CEU según su cuenta.</translation>
    </message>
    <message>
        <source>Several credentials</source>
        <translation>Varias credenciales</translation>
    </message>
    <message>
        <source>Where the CEUs come from</source>
        <translation>De dónde provienen los CEU</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Each activity has one category: {labels}.</source>
        <translation>Cada actividad tiene una categoría: {labels}.</translation>
    </message>
    <message>
        <source>What removes the “A”</source>
        <translation>Qué quita la “A”</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>También</translation>
    </message>
    <message>
        <source>Your {body} membership must stay current to keep the credential.</source>
        <translation>Su membresía de {body} debe estar vigente para conservar la credencial.</translation>
    </message>
    <message>
        <source>{body} membership is optional.</source>
        <translation>La membresía de {body} es opcional.</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Membresía</translation>
    </message>
    <message>
        <source>If you are late</source>
        <translation>Si se atrasa</translation>
    </message>
    <message>
        <source>{ceus} CEUs for one</source>
        <translation>{ceus} CEU para una</translation>
    </message>
    <message>
        <source>{ceus} for {n} or more</source>
        <translation>{ceus} para {n} o más</translation>
    </message>
    <message>
        <source>{ceus} for {n}</source>
        <translation>{ceus} para {n}</translation>
    </message>
    <message>
        <source>{body} counts one total for all your {body} credentials: {figures}.</source>
        <translation>{body} cuenta un solo total para todas sus credenciales de {body}: {figures}.</translation>
    </message>
    <message>
        <source>Each further {body} credential adds {ceus} CEUs to the total</source>
        <translation>Cada credencial adicional de {body} suma {ceus} CEU al total</translation>
    </message>
    <message>
        <source>, up to {ceus} CEUs in all</source>
        <translation>, hasta {ceus} CEU en total</translation>
    </message>
    <message>
        <source>At least {percent} % of each credential&apos;s CEUs must be in the health-information domains.</source>
        <translation>Al menos el {percent} % de los CEU de cada credencial deben ser de los dominios de información de salud.</translation>
    </message>
    <message>
        <source>At least {percent} % of the cycle&apos;s CEUs must come from {body} or a {body} state association.</source>
        <translation>Al menos el {percent} % de los CEU del ciclo deben provenir de {body} o de una asociación estatal de {body}.</translation>
    </message>
    <message>
        <source>Since {date}.</source>
        <translation>Desde el {date}.</translation>
    </message>
    <message>
        <source>After the cycle ends you have {days} days to catch up.</source>
        <translation>Al terminar el ciclo tiene {days} días para ponerse al día.</translation>
    </message>
    <message>
        <source>There is no grace period after the cycle ends.</source>
        <translation>No hay periodo de gracia al terminar el ciclo.</translation>
    </message>
    <message>
        <source>{days} days after the cycle ends without the CEUs, the credential is lost.</source>
        <translation>{days} días después de terminar el ciclo sin los CEU, se pierde la credencial.</translation>
    </message>
    <message>
        <source>Some of these pages disagree or are old: check the figures with {body}.</source>
        <translation>Algunas de estas páginas no coinciden o son antiguas: verifique las cifras con {body}.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>{label}: {status}</source>
        <translation>{label}: {status}</translation>
    </message>
    <message>
        <source>{name} · {body}</source>
        <translation>{name} · {body}</translation>
    </message>
    <message>
        <source>{earned} of {required} CEUs</source>
        <translation>{earned} de {required} CEU</translation>
    </message>
    <message>
        <source>CEUs earned for {label}</source>
        <translation>CEU obtenidos para {label}</translation>
    </message>
    <message>
        <source>{rule}: {earned} of {required}, {verdict}</source>
        <translation>{rule}: {earned} de {required}, {verdict}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>cumplido</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>no cumplido</translation>
    </message>
    <message>
        <source>&amp;Edit cycle…</source>
        <translation>&amp;Editar ciclo…</translation>
    </message>
    <message>
        <source>Edit the {label} cycle</source>
        <translation>Editar el ciclo de {label}</translation>
    </message>
    <message>
        <source>Clo&amp;se cycle…</source>
        <translation>Ce&amp;rrar ciclo…</translation>
    </message>
    <message>
        <source>Close the {label} cycle</source>
        <translation>Cerrar el ciclo de {label}</translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation>Re&amp;glas…</translation>
    </message>
    <message>
        <source>Rules and sources for {label}</source>
        <translation>Reglas y fuentes de {label}</translation>
    </message>
    <message>
        <source>{n} to go</source>
        <translation>Faltan {n}</translation>
    </message>
    <message>
        <source>All earned</source>
        <translation>Todo obtenido</translation>
    </message>
    <message>
        <source>cycle {start} – {end}</source>
        <translation>ciclo {start} – {end}</translation>
    </message>
    <message>
        <source>Earn {n} a month to finish on time.</source>
        <translation>Obtenga {n} al mes para terminar a tiempo.</translation>
    </message>
    <message>
        <source>Total shared with {others} ({body} counts one total).</source>
        <translation>Total compartido con {others} ({body} cuenta un solo total).</translation>
    </message>
    <message>
        <source>Pro-rated first cycle: enter the figure from your {body} account (Edit cycle).</source>
        <translation>Primer ciclo prorrateado: escriba la cifra de su cuenta de {body} (Editar ciclo).</translation>
    </message>
    <message>
        <source>Required CEUs as you entered them.</source>
        <translation>CEU requeridos tal como los escribió.</translation>
    </message>
    <message>
        <source>Grace period until {date}.</source>
        <translation>Periodo de gracia hasta el {date}.</translation>
    </message>
    <message>
        <source>The grace period ended on {date}.</source>
        <translation>El periodo de gracia terminó el {date}.</translation>
    </message>
    <message>
        <source>Lapses on {date} if still unmet.</source>
        <translation>Caduca el {date} si sigue sin cumplirse.</translation>
    </message>
    <message>
        <source>Report your CEUs from {date}.</source>
        <translation>Informe sus CEU a partir del {date}.</translation>
    </message>
    <message>
        <source>Complete</source>
        <comment>Credentials</comment>
        <translation>Completado</translation>
    </message>
    <message>
        <source>On track</source>
        <comment>Credentials</comment>
        <translation>Al día</translation>
    </message>
    <message>
        <source>At risk</source>
        <comment>Credentials</comment>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>Credentials</comment>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>1 CEU</source>
        <comment>Credentials</comment>
        <translation>1 CEU</translation>
    </message>
    <message>
        <source>{n} CEUs</source>
        <comment>Credentials</comment>
        <translation>{n} CEU</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <comment>Credentials</comment>
        <translation>Quedan {n} días</translation>
    </message>
    <message>
        <source>1 day left</source>
        <comment>Credentials</comment>
        <translation>Queda 1 día</translation>
    </message>
    <message>
        <source>ends today</source>
        <comment>Credentials</comment>
        <translation>termina hoy</translation>
    </message>
    <message>
        <source>ended yesterday</source>
        <comment>Credentials</comment>
        <translation>terminó ayer</translation>
    </message>
    <message>
        <source>ended {n} days ago</source>
        <comment>Credentials</comment>
        <translation>terminó hace {n} días</translation>
    </message>
    <message>
        <source>{label}, {start} – {end}</source>
        <comment>Credentials</comment>
        <translation>{label}, {start} – {end}</translation>
    </message>
    <message>
        <source>CEU audit report</source>
        <translation>Informe de auditoría de CEU</translation>
    </message>
    <message>
        <source>CEU audit report: {credential}</source>
        <translation>Informe de auditoría de CEU: {credential}</translation>
    </message>
    <message>
        <source>CEU audit report - {credential} - generated {date}</source>
        <translation>Informe de auditoría de CEU - {credential} - generado el {date}</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>Página {n} de {total}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>del {start} al {end}</translation>
    </message>
    <message>
        <source> (closed on {date})</source>
        <translation> (cerrado el {date})</translation>
    </message>
    <message>
        <source>Certifying body</source>
        <translation>Organismo certificador</translation>
    </message>
    <message>
        <source>Earned on</source>
        <translation>Obtenida el</translation>
    </message>
    <message>
        <source>CEU cycle</source>
        <translation>Ciclo de CEU</translation>
    </message>
    <message>
        <source>Report generated</source>
        <translation>Informe generado</translation>
    </message>
    <message>
        <source>Sharing the CEU total</source>
        <translation>Comparten el total de CEU</translation>
    </message>
    <message>
        <source>Holder name / member ID</source>
        <translation>Nombre del titular / n.º de miembro</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source> (cycle ended {date})</source>
        <translation> (el ciclo terminó el {date})</translation>
    </message>
    <message>
        <source> ({n} days left)</source>
        <translation> (quedan {n} días)</translation>
    </message>
    <message>
        <source> (1 day left)</source>
        <translation> (queda 1 día)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Faltan</translation>
    </message>
    <message>
        <source>{n} CEUs</source>
        <translation>{n} CEU</translation>
    </message>
    <message>
        <source>Not met yet: {checks}.</source>
        <translation>Aún no se cumple: {checks}.</translation>
    </message>
    <message>
        <source>{check}, {earned} earned so far</source>
        <translation>{check}, {earned} obtenidos hasta ahora</translation>
    </message>
    <message>
        <source>The required figure was entered by the holder.</source>
        <translation>La cifra requerida la introdujo el titular.</translation>
    </message>
    <message>
        <source>This is a first cycle, which the body may pro-rate: the figure shown is the full cycle&apos;s; the holder&apos;s account at the body shows the exact figure.</source>
        <translation>Es un primer ciclo, que el organismo puede prorratear: la cifra indicada es la del ciclo completo; la cuenta del titular en el organismo muestra la cifra exacta.</translation>
    </message>
    <message>
        <source>{credentials} share one total; an activity applied to several of them counts once toward it.</source>
        <translation>{credentials} comparten un total; una actividad aplicada a varias de ellas cuenta una sola vez para él.</translation>
    </message>
    <message>
        <source>To finish on time: {n} CEUs a month.</source>
        <translation>Para terminar a tiempo: {n} CEU al mes.</translation>
    </message>
    <message>
        <source>Rule checks</source>
        <translation>Comprobación de las reglas</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Cumplida</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(marked &apos;to verify&apos; in the rule book)</source>
        <translation>(marcada «por verificar» en el libro de reglas)</translation>
    </message>
    <message>
        <source>Activities applied to this cycle</source>
        <translation>Actividades aplicadas a este ciclo</translation>
    </message>
    <message>
        <source>No activity is applied to this cycle yet.</source>
        <translation>Aún no hay ninguna actividad aplicada a este ciclo.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Index / approval no.</source>
        <translation>N.º de índice / aprobación</translation>
    </message>
    <message>
        <source>Units
applied</source>
        <translation>Unidades
aplicadas</translation>
    </message>
    <message>
        <source>Units
counted</source>
        <translation>Unidades
contadas</translation>
    </message>
    <message>
        <source>Certificate (file in the zip)</source>
        <translation>Certificado (archivo en el zip)</translation>
    </message>
    <message>
        <source>Not counted because</source>
        <translation>No cuenta porque</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>Total: 1 activity</source>
        <translation>Total: 1 actividad</translation>
    </message>
    <message>
        <source>Total: {n} activities</source>
        <translation>Total: {n} actividades</translation>
    </message>
    <message>
        <source>{n} of {total} on file</source>
        <translation>{n} de {total} archivados</translation>
    </message>
    <message>
        <source>Counted toward the cycle&apos;s total: {earned} of {required} CEUs required.</source>
        <translation>Contado para el total del ciclo: {earned} de {required} CEU requeridos.</translation>
    </message>
    <message>
        <source>Counted toward the cycle&apos;s total: {earned} of {required} CEUs required (shared by {credentials}).</source>
        <translation>Contado para el total del ciclo: {earned} de {required} CEU requeridos (compartido por {credentials}).</translation>
    </message>
    <message>
        <source>1 activity has no certificate on file (marked &apos;missing&apos;).</source>
        <translation>1 actividad no tiene certificado archivado (marcada «falta»).</translation>
    </message>
    <message>
        <source>{n} activities have no certificate on file (marked &apos;missing&apos;).</source>
        <translation>{n} actividades no tienen certificado archivado (marcadas «falta»).</translation>
    </message>
    <message>
        <source>Every activity&apos;s certificate is in the accompanying zip file.</source>
        <translation>El certificado de cada actividad está en el archivo zip adjunto.</translation>
    </message>
    <message>
        <source>I attest that I completed the activities listed above on the dates shown.</source>
        <translation>Declaro que completé las actividades indicadas arriba en las fechas mostradas.</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Index no.</source>
        <translation>N.º de índice</translation>
    </message>
    <message>
        <source>CEUs</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Counts for</source>
        <translation>Cuenta para</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>no certificate</source>
        <comment>Credentials</comment>
        <translation>sin certificado</translation>
    </message>
    <message>
        <source>From AHIMA or a state association</source>
        <comment>Credentials</comment>
        <translation>De AHIMA o de una asociación estatal</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Requeridos</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Obtenidos</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Cerrado el</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <comment>Credentials</comment>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>Closed cycles (read-only)</source>
        <comment>Credentials</comment>
        <translation>Ciclos cerrados (solo lectura)</translation>
    </message>
    <message>
        <source>Closed cycles</source>
        <comment>Credentials</comment>
        <translation>Ciclos cerrados</translation>
    </message>
    <message>
        <source>Rules and sources</source>
        <comment>Credentials</comment>
        <translation>Reglas y fuentes</translation>
    </message>
    <message>
        <source>Close the rules</source>
        <comment>Credentials</comment>
        <translation>Cerrar las reglas</translation>
    </message>
    <message>
        <source>Rules and sources: {code}</source>
        <comment>Credentials</comment>
        <translation>Reglas y fuentes: {code}</translation>
    </message>
    <message>
        <source>1 day behind</source>
        <translation>1 día de retraso</translation>
    </message>
    <message>
        <source>{n} days behind</source>
        <translation>{n} días de retraso</translation>
    </message>
    <message>
        <source>On plan</source>
        <translation>Según el plan</translation>
    </message>
    <message>
        <source>1 day ahead</source>
        <translation>1 día de adelanto</translation>
    </message>
    <message>
        <source>{n} days ahead</source>
        <translation>{n} días de adelanto</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>Cronometrar</translation>
    </message>
    <message>
        <source>Start the timer on {title}</source>
        <translation>Iniciar el temporizador en {title}</translation>
    </message>
    <message>
        <source>Log…</source>
        <translation>Registrar…</translation>
    </message>
    <message>
        <source>Log study on {title}</source>
        <translation>Registrar estudio de {title}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Done as planned</source>
        <translation>Hecho según el plan</translation>
    </message>
    <message>
        <source>{title}: logged as planned</source>
        <translation>{title}: registrado según el plan</translation>
    </message>
    <message>
        <source>Log {time} on {title} as planned</source>
        <translation>Registrar {time} de {title} según el plan</translation>
    </message>
    <message>
        <source>Nothing planned today: a day off, or time to catch up.</source>
        <translation>Nada planificado hoy: un día libre, o tiempo para ponerse al día.</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Study this week</source>
        <translation>Estudio de esta semana</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} de {planned}</translation>
    </message>
    <message>
        <source>This week&apos;s plan is done.</source>
        <translation>El plan de esta semana está hecho.</translation>
    </message>
    <message>
        <source>{left} left this week.</source>
        <translation>Quedan {left} esta semana.</translation>
    </message>
    <message>
        <source>Nothing is planned this week.</source>
        <translation>No hay nada planificado esta semana.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Percent complete</source>
        <translation>Porcentaje completado</translation>
    </message>
    <message>
        <source>Hours done</source>
        <translation>Horas hechas</translation>
    </message>
    <message>
        <source>Forecast finish</source>
        <translation>Fin pronosticado</translation>
    </message>
    <message>
        <source>Next exam or milestone</source>
        <translation>Próximo examen o hito</translation>
    </message>
    <message>
        <source>Planned finish</source>
        <translation>Fin planificado</translation>
    </message>
    <message>
        <source>&amp;Catch up…</source>
        <translation>&amp;Ponerse al día…</translation>
    </message>
    <message>
        <source>Catch up</source>
        <translation>Ponerse al día</translation>
    </message>
    <message>
        <source>{percent} % complete</source>
        <translation>{percent} % completado</translation>
    </message>
    <message>
        <source>{done} of {planned} planned to date</source>
        <translation>{done} de {planned} planificadas a la fecha</translation>
    </message>
    <message>
        <source>not enough study yet</source>
        <translation>todavía no hay suficiente estudio</translation>
    </message>
    <message>
        <source>none ahead</source>
        <translation>ninguno próximo</translation>
    </message>
    <message>
        <source>{title}, {date}</source>
        <translation>{title}, {date}</translation>
    </message>
    <message>
        <source>Your pace: {hours} a week over the last 4 weeks. The whole plan: {total}.</source>
        <translation>Su ritmo: {hours} a la semana en las últimas 4 semanas. El plan completo: {total}.</translation>
    </message>
    <message>
        <source>Practice exams</source>
        <translation>Exámenes de práctica</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>See the &amp;scores</source>
        <translation>Ver las &amp;puntuaciones</translation>
    </message>
    <message>
        <source>See the practice exam scores chart</source>
        <translation>Ver el gráfico de puntuaciones de exámenes de práctica</translation>
    </message>
    <message>
        <source>Pass mark: {mark} %</source>
        <translation>Nota para aprobar: {mark} %</translation>
    </message>
    <message>
        <source>No scores yet</source>
        <translation>Todavía no hay puntuaciones</translation>
    </message>
    <message>
        <source>Mark a practice exam done with its score to see how ready you are.</source>
        <translation>Marque un examen de práctica como hecho con su puntuación para ver qué tan preparado está.</translation>
    </message>
    <message>
        <source>Last score: {score} % on {date}.</source>
        <translation>Última puntuación: {score} % el {date}.</translation>
    </message>
    <message>
        <source>{score} % on average</source>
        <translation>{score} % de promedio</translation>
    </message>
    <message>
        <source>Above the pass mark</source>
        <translation>Por encima de la nota para aprobar</translation>
    </message>
    <message>
        <source>Below the pass mark</source>
        <translation>Por debajo de la nota para aprobar</translation>
    </message>
    <message>
        <source>Study Planner archive (*.zip)</source>
        <translation>Archivo de Study Planner (*.zip)</translation>
    </message>
    <message>
        <source>Import an archive</source>
        <translation>Importar un archivo</translation>
    </message>
    <message>
        <source>How should %1 come in?</source>
        <translation>¿Cómo debe entrar %1?</translation>
    </message>
    <message>
        <source>Either way your current data is backed up first.</source>
        <translation>En ambos casos, primero se hace una copia de seguridad de sus datos actuales.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Combinar</translation>
    </message>
    <message>
        <source>Replace my data</source>
        <translation>Reemplazar mis datos</translation>
    </message>
    <message>
        <source>Study Planner</source>
        <translation>Study Planner</translation>
    </message>
    <message>
        <source>It cannot be merged into your data: %1</source>
        <translation>No se puede combinar con sus datos: %1</translation>
    </message>
    <message>
        <source>Everything in it is already in your data (%1 records): merging would add nothing.</source>
        <translation>Todo lo que contiene ya está en sus datos (%1 registros): combinarlo no agregaría nada.</translation>
    </message>
    <message>
        <source>Merging adds %1 new records (%2); %3 are already in your data.</source>
        <translation>Combinar agrega %1 registros nuevos (%2); %3 ya están en sus datos.</translation>
    </message>
    <message>
        <source>Replacing makes your data exactly the archive&apos;s: %1.</source>
        <translation>Al reemplazar, sus datos quedan exactamente como los del archivo: %1.</translation>
    </message>
    <message>
        <source>An export or import is still running; wait for it to finish.</source>
        <translation>Todavía hay una exportación o importación en curso; espere a que termine.</translation>
    </message>
    <message>
        <source>An archive holds everything: plans, study sessions, credentials, CEU activities and their certificates. Use it to move to another computer or to keep a copy elsewhere.</source>
        <translation>Un archivo contiene todo: planes, sesiones de estudio, credenciales, actividades de CEU y sus certificados. Úselo para pasar a otra computadora o para guardar una copia en otro lugar.</translation>
    </message>
    <message>
        <source>&amp;Export everything…</source>
        <translation>&amp;Exportar todo…</translation>
    </message>
    <message>
        <source>Export everything as an archive</source>
        <translation>Exportar todo como un archivo</translation>
    </message>
    <message>
        <source>&amp;Import an archive…</source>
        <translation>&amp;Importar un archivo…</translation>
    </message>
    <message>
        <source>Study sessions as &amp;CSV…</source>
        <translation>Sesiones de estudio en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export study sessions as CSV</source>
        <translation>Exportar sesiones de estudio como CSV</translation>
    </message>
    <message>
        <source>CEU activities as CSV and audit packets are on the Credentials &amp; CEUs screen.</source>
        <translation>Las actividades de CEU en CSV y los paquetes de auditoría están en la pantalla Credenciales y CEU.</translation>
    </message>
    <message>
        <source>Export and import message</source>
        <translation>Mensaje de exportación e importación</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Exportar todo</translation>
    </message>
    <message>
        <source>Exported %1 and %2 to %3.</source>
        <translation>Se exportaron %1 y %2 a %3.</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>records</source>
        <translation>registros</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>certificado</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>certificados</translation>
    </message>
    <message>
        <source>Missing from the data folder: %1.</source>
        <translation>Falta en la carpeta de datos: %1.</translation>
    </message>
    <message>
        <source>certificate file</source>
        <translation>archivo de certificado</translation>
    </message>
    <message>
        <source>certificate files</source>
        <translation>archivos de certificado</translation>
    </message>
    <message>
        <source>Exporting everything…</source>
        <translation>Exportando todo…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Replaced your data with</source>
        <translation>Se reemplazaron sus datos con</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Se combinó</translation>
    </message>
    <message>
        <source>%1 %2: %3 added, %4 copied. Your data from before is in the backup %5.</source>
        <translation>%1 %2: %3 añadidos, %4 copiados. Sus datos de antes están en la copia de seguridad %5.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>study-sessions-{date}.csv</source>
        <translation>sesiones-de-estudio-{date}.csv</translation>
    </message>
    <message>
        <source>Export study sessions</source>
        <translation>Exportar sesiones de estudio</translation>
    </message>
    <message>
        <source>Saved %1 study sessions to %2.</source>
        <translation>Se guardaron %1 sesiones de estudio en %2.</translation>
    </message>
    <message>
        <source>Writing the study sessions…</source>
        <translation>Escribiendo las sesiones de estudio…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se escribió nada.</translation>
    </message>
    <message>
        <source>… {n} more</source>
        <translation>… {n} más</translation>
    </message>
    <message>
        <source>Nothing was written:</source>
        <translation>No se escribió nada:</translation>
    </message>
    <message>
        <source>Nothing was written: %1.</source>
        <translation>No se escribió nada: %1.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>No se escribió nada: %1</translation>
    </message>
    <message>
        <source>Something went wrong and the details could not be saved. The last action may not have been saved.</source>
        <translation>Algo salió mal y no se pudieron guardar los detalles. Es posible que la última acción no se haya guardado.</translation>
    </message>
    <message>
        <source>Something went wrong; the last action may not have been saved. Your data is safe. The details are in %1 (please include that file if you report the problem).</source>
        <translation>Algo salió mal; es posible que la última acción no se haya guardado. Sus datos están a salvo. Los detalles están en %1 (incluya ese archivo si informa del problema).</translation>
    </message>
    <message>
        <source>Study {hours} a week</source>
        <translation>Estudiar {hours} por semana</translation>
    </message>
    <message>
        <source>Move the target to {date}</source>
        <translation>Mover la meta al {date}</translation>
    </message>
    <message>
        <source>Spread over 1 more term (part-time)</source>
        <translation>Repartir en 1 periodo más (medio tiempo)</translation>
    </message>
    <message>
        <source>Spread over {n} more terms (part-time)</source>
        <translation>Repartir en {n} periodos más (medio tiempo)</translation>
    </message>
    <message>
        <source>Free Saturday for the exam</source>
        <translation>Liberar el sábado para el examen</translation>
    </message>
    <message>
        <source>Then it finishes on {date}, studying about {hours} a week.</source>
        <comment>PlanFix</comment>
        <translation>Así termina el {date}, estudiando unas {hours} por semana.</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>nothing of note</source>
        <translation>nada destacable</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lección</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Practice exam</source>
        <translation>Examen de práctica</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Externship</source>
        <translation>Práctica externa</translation>
    </message>
    <message>
        <source>1 day</source>
        <comment>Verdict</comment>
        <translation>1 día</translation>
    </message>
    <message>
        <source>{n} days</source>
        <comment>Verdict</comment>
        <translation>{n} días</translation>
    </message>
    <message>
        <source>{n} weeks</source>
        <comment>Verdict</comment>
        <translation>{n} semanas</translation>
    </message>
    <message>
        <source>Verdict unknown</source>
        <comment>Verdict</comment>
        <translation>Veredicto desconocido</translation>
    </message>
    <message>
        <source>Cannot be scheduled</source>
        <comment>Verdict</comment>
        <translation>No se puede programar</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <comment>Verdict</comment>
        <translation>No cabe</translation>
    </message>
    <message>
        <source>Fits, but longer than usual</source>
        <comment>Verdict</comment>
        <translation>Cabe, pero es más largo de lo habitual</translation>
    </message>
    <message>
        <source>Fits, but shorter than usual</source>
        <comment>Verdict</comment>
        <translation>Cabe, pero es más corto de lo habitual</translation>
    </message>
    <message>
        <source>Fits</source>
        <comment>Verdict</comment>
        <translation>Cabe</translation>
    </message>
    <message>
        <source>Term {n} does not fit in its dates: it needs about {need} a week; you gave {given}.</source>
        <translation>El periodo {n} no cabe en sus fechas: necesita unas {need} por semana; usted indicó {given}.</translation>
    </message>
    <message>
        <source>Term {n} does not fit in its dates: it needs about {need} a week.</source>
        <translation>El periodo {n} no cabe en sus fechas: necesita unas {need} por semana.</translation>
    </message>
    <message>
        <source>term {n} about {need}</source>
        <translation>periodo {n} unas {need}</translation>
    </message>
    <message>
        <source>Terms {terms} do not fit in their dates with {given} a week; they need: </source>
        <translation>Los periodos {terms} no caben en sus fechas con {given} por semana; necesitan: </translation>
    </message>
    <message>
        <source>Terms {terms} do not fit in their dates; they need: </source>
        <translation>Los periodos {terms} no caben en sus fechas; necesitan: </translation>
    </message>
    <message>
        <source>{list} a week.</source>
        <translation>{list} por semana.</translation>
    </message>
    <message>
        <source>Term {n} does not fit in its dates: its courses need more time each week.</source>
        <translation>El periodo {n} no cabe en sus fechas: sus cursos necesitan más tiempo cada semana.</translation>
    </message>
    <message>
        <source>Terms {list} do not fit in their dates: their courses need more time each week.</source>
        <translation>Los periodos {list} no caben en sus fechas: sus cursos necesitan más tiempo cada semana.</translation>
    </message>
    <message>
        <source>{exam} needs one day with {need}; your longest day is {day} with {longest}: give a {day} {need}, or allow long sittings.</source>
        <translation>{exam} necesita un día con {need}; su día más largo es el {day} con {longest}: dé {need} a un {day}, o permita sesiones largas.</translation>
    </message>
    <message>
        <source>The verdict saved with this plan cannot be read (it was written by another program). Re-plan to judge the plan again.</source>
        <translation>No se puede leer el veredicto guardado con este plan (lo escribió otro programa). Vuelva a planificar para evaluar el plan de nuevo.</translation>
    </message>
    <message>
        <source>Cannot be scheduled: there is no study time in your week.</source>
        <translation>No se puede programar: no hay tiempo de estudio en su semana.</translation>
    </message>
    <message>
        <source>Cannot be scheduled: days off and availability leave too little time.</source>
        <translation>No se puede programar: los días libres y la disponibilidad dejan muy poco tiempo.</translation>
    </message>
    <message>
        <source>Finishes on {date}, on your target date (about {weekly} a week).</source>
        <translation>Termina el {date}, en su fecha meta (unas {weekly} por semana).</translation>
    </message>
    <message>
        <source>Finishes on {date}, {distance} before your target (about {weekly} a week).</source>
        <translation>Termina el {date}, {distance} antes de su meta (unas {weekly} por semana).</translation>
    </message>
    <message>
        <source>Does not fit: finishes on {date}, {distance} after your target.</source>
        <translation>No cabe: termina el {date}, {distance} después de su meta.</translation>
    </message>
    <message>
        <source>It needs {hours} more a week.</source>
        <translation>Necesita {hours} más por semana.</translation>
    </message>
    <message>
        <source>It needs {hours} more a week, or a target of {date}.</source>
        <translation>Necesita {hours} más por semana, o una meta del {date}.</translation>
    </message>
    <message>
        <source>Finishes on {date} ({months} months at {weekly} a week).</source>
        <translation>Termina el {date} ({months} meses a {weekly} por semana).</translation>
    </message>
    <message>
        <source>This plan takes {months} months; {programs} usually take {low} to {high}.</source>
        <translation>Este plan dura {months} meses; los {programs} suelen durar de {low} a {high}.</translation>
    </message>
    <message>
        <source>Plan created</source>
        <translation>Plan creado</translation>
    </message>
    <message>
        <source>Plan changed</source>
        <translation>Plan cambiado</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Línea base</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>#{n} (current)</source>
        <translation>n.º {n} (actual)</translation>
    </message>
    <message>
        <source>Module {n}: {message}</source>
        <translation>Módulo {n}: {message}</translation>
    </message>
    <message>
        <source>A track needs at least one module.</source>
        <translation>Un itinerario necesita al menos un módulo.</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>One sitting</source>
        <translation>Una sola sesión</translation>
    </message>
    <message>
        <source>Done {date}</source>
        <translation>Hecho el {date}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Sat in one go: planned whole on one day, never split across days</source>
        <translation>Se presenta de una vez: se planifica entero en un día, nunca se divide entre días</translation>
    </message>
    <message>
        <source>New module</source>
        <translation>Nuevo módulo</translation>
    </message>
    <message>
        <source>Module kind</source>
        <translation>Tipo de módulo</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Logged</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Estimado</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{score} %</source>
        <translation>{score} %</translation>
    </message>
    <message>
        <source>Due before</source>
        <translation>Vence (antes)</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>Vence (después)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>same due date</source>
        <translation>misma fecha de vencimiento</translation>
    </message>
    <message>
        <source>{n} days later</source>
        <translation>{n} días después</translation>
    </message>
    <message>
        <source>{n} days earlier</source>
        <translation>{n} días antes</translation>
    </message>
    <message>
        <source>Today&apos;s study</source>
        <translation>Estudio de hoy</translation>
    </message>
    <message>
        <source>Modules past their due date</source>
        <translation>Módulos vencidos</translation>
    </message>
    <message>
        <source>No study logged for a while</source>
        <translation>Hace tiempo que no registra estudio</translation>
    </message>
    <message>
        <source>Exams coming up</source>
        <translation>Próximos exámenes</translation>
    </message>
    <message>
        <source>CEUs still missing before a cycle ends</source>
        <translation>CEU que aún faltan antes de que termine un ciclo</translation>
    </message>
    <message>
        <source>A CEU cycle ending: submit and pay</source>
        <translation>Un ciclo de CEU que termina: presentar y pagar</translation>
    </message>
    <message>
        <source>The submission window is open</source>
        <translation>El plazo de presentación está abierto</translation>
    </message>
    <message>
        <source>CEU quotas not met yet (CPMA auditing…)</source>
        <translation>Cuotas de CEU aún no cumplidas (auditoría CPMA…)</translation>
    </message>
    <message>
        <source>A cycle ended short of CEUs (grace, lapse)</source>
        <translation>Un ciclo terminó sin suficientes CEU (gracia, caducidad)</translation>
    </message>
    <message>
        <source>Membership renewal</source>
        <translation>Renovación de membresía</translation>
    </message>
    <message>
        <source>Time to back up your data</source>
        <translation>Es hora de hacer una copia de seguridad de sus datos</translation>
    </message>
    <message>
        <source>The credential rules are over a year old</source>
        <translation>Las reglas de credenciales tienen más de un año</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <source>Earliest finish</source>
        <translation>Fin más temprano</translation>
    </message>
    <message>
        <source>CEUs a cycle</source>
        <translation>CEU por ciclo</translation>
    </message>
    <message>
        <source>Credentials and CEUs</source>
        <translation>Credenciales y CEU</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Sus datos</translation>
    </message>
    <message>
        <source>Give at least one number of days, e.g. 30, 7, 1.</source>
        <translation>Indique al menos un número de días, p. ej., 30, 7, 1.</translation>
    </message>
    <message>
        <source>Give whole days from 0 to {max}, separated by commas, e.g. 30, 7, 1.</source>
        <translation>Indique días enteros de 0 a {max}, separados por comas, p. ej., 30, 7, 1.</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema con {field}</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Importante</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Log study…</source>
        <translation>Registrar estudio…</translation>
    </message>
    <message>
        <source>Log study on this module</source>
        <translation>Registrar estudio de este módulo</translation>
    </message>
    <message>
        <source>Log a CEU activity for this cycle</source>
        <translation>Registrar una actividad de CEU para este ciclo</translation>
    </message>
    <message>
        <source>Open the cycle</source>
        <translation>Abrir el ciclo</translation>
    </message>
    <message>
        <source>Open the cycle on the Credentials screen</source>
        <translation>Abrir el ciclo en la pantalla de Credenciales</translation>
    </message>
    <message>
        <source>Since {date}</source>
        <translation>Desde el {date}</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Vence el {date}</translation>
    </message>
    <message>
        <source>{severity}: {message} {when}.</source>
        <translation>{severity}: {message} {when}.</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>Hide this reminder for a while</source>
        <translation>Ocultar este recordatorio por un tiempo</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Posponer por</translation>
    </message>
    <message>
        <source>For 1 day</source>
        <translation>Por 1 día</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>Por 1 semana</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Hasta una fecha…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Hide this reminder for good</source>
        <translation>Ocultar este recordatorio para siempre</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Nada requiere su atención.</translation>
    </message>
    <message>
        <source>Show more reminders</source>
        <translation>Mostrar más recordatorios</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Reminders message</source>
        <translation>Mensaje de recordatorios</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Bring back the last reminder dismissed or snoozed (Ctrl+Z)</source>
        <translation>Traer de vuelta el último recordatorio descartado o pospuesto (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo dismiss or snooze</source>
        <translation>Deshacer descartar o posponer</translation>
    </message>
    <message>
        <source>1 reminder</source>
        <translation>1 recordatorio</translation>
    </message>
    <message>
        <source>{n} reminders</source>
        <translation>{n} recordatorios</translation>
    </message>
    <message>
        <source>{reminders}, {n} urgent</source>
        <translation>{reminders}, {n} urgentes</translation>
    </message>
    <message>
        <source>Show the other {n}</source>
        <translation>Mostrar los otros {n}</translation>
    </message>
    <message>
        <source>Show {n} more ({hidden} not shown)</source>
        <translation>Mostrar {n} más ({hidden} sin mostrar)</translation>
    </message>
    <message>
        <source>Dismissed: {message} Undo with Ctrl+Z.</source>
        <translation>Descartado: {message} Deshaga con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Snoozed until {date}: {message} Undo with Ctrl+Z.</source>
        <translation>Pospuesto hasta el {date}: {message} Deshaga con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Back: {message}</source>
        <translation>De nuevo: {message}</translation>
    </message>
    <message>
        <source>the same day as now</source>
        <translation>el mismo día que ahora</translation>
    </message>
    <message>
        <source>1 day later</source>
        <translation>1 día después</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>1 día antes</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Vacaciones</translation>
    </message>
    <message>
        <source>Catch up: more study each week</source>
        <translation>Ponerse al día: más estudio cada semana</translation>
    </message>
    <message>
        <source>Catch up: later finish</source>
        <translation>Ponerse al día: terminar más tarde</translation>
    </message>
    <message>
        <source>Catch up: days off</source>
        <translation>Ponerse al día: días libres</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <source>These files already exist:
%1

Replace them?</source>
        <translation>Estos archivos ya existen:
%1

¿Desea reemplazarlos?</translation>
    </message>
    <message>
        <source>%1 already exists.

Replace it?</source>
        <translation>%1 ya existe.

¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <source>Changes are saved as soon as you make them.</source>
        <translation>Los cambios se guardan en cuanto los hace.</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>Mensaje de configuración</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Saved: appearance ({theme}).</source>
        <translation>Guardado: apariencia ({theme}).</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Choose what Study Planner reminds you of, and how many days ahead. </source>
        <translation>Elija de qué le recuerda Study Planner y con cuántos días de antelación. </translation>
    </message>
    <message>
        <source>Reminders show on the Dashboard and, where the desktop allows, as notifications.</source>
        <translation>Los recordatorios aparecen en el Panel y, donde el escritorio lo permite, como notificaciones.</translation>
    </message>
    <message>
        <source>Days before an exam</source>
        <translation>Días antes de un examen</translation>
    </message>
    <message>
        <source>Days before a CEU cycle ends</source>
        <translation>Días antes de que termine un ciclo de CEU</translation>
    </message>
    <message>
        <source>Days without study before a reminder</source>
        <translation>Días sin estudiar antes de un recordatorio</translation>
    </message>
    <message>
        <source>Days before a membership renewal</source>
        <translation>Días antes de una renovación de membresía</translation>
    </message>
    <message>
        <source>Days without a backup before a reminder</source>
        <translation>Días sin copia de seguridad antes de un recordatorio</translation>
    </message>
    <message>
        <source>Age of the credential rules before a reminder</source>
        <translation>Antigüedad de las reglas de credenciales antes de un recordatorio</translation>
    </message>
    <message>
        <source>Days before the exam:</source>
        <translation>Días antes del examen:</translation>
    </message>
    <message>
        <source>Days before the cycle ends:</source>
        <translation>Días antes del fin del ciclo:</translation>
    </message>
    <message>
        <source>After this many days:</source>
        <translation>Después de estos días:</translation>
    </message>
    <message>
        <source>Days before renewal:</source>
        <translation>Días antes de la renovación:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Keep Study Planner in the tray when the window is closed</source>
        <translation>Mantener Study Planner en la bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits Study Planner.</source>
        <translation>Este escritorio no tiene bandeja del sistema: al cerrar la ventana se cierra Study Planner.</translation>
    </message>
    <message>
        <source>Remind me even when Study Planner is closed</source>
        <translation>Recordarme aunque Study Planner esté cerrado</translation>
    </message>
    <message>
        <source>Login entry</source>
        <translation>Entrada de inicio de sesión</translation>
    </message>
    <message>
        <source>Problem with the login entry</source>
        <translation>Problema con la entrada de inicio de sesión</translation>
    </message>
    <message>
        <source>Study time in the calendar:</source>
        <translation>Hora de estudio en el calendario:</translation>
    </message>
    <message>
        <source>Study time in the calendar</source>
        <translation>Hora de estudio en el calendario</translation>
    </message>
    <message>
        <source>Exported study blocks start at this time each day.</source>
        <translation>Los bloques de estudio exportados empiezan a esta hora cada día.</translation>
    </message>
    <message>
        <source>Starts at login from {path}.</source>
        <translation>Se inicia al iniciar sesión desde {path}.</translation>
    </message>
    <message>
        <source>The login entry {path} is missing: turn this off and on to write it again.</source>
        <translation>Falta la entrada de inicio de sesión {path}: desactive y active esta opción para escribirla de nuevo.</translation>
    </message>
    <message>
        <source>Off: reminders come only while Study Planner runs (in its window or the tray).</source>
        <translation>Desactivado: los recordatorios solo llegan mientras Study Planner está abierto (en su ventana o en la bandeja del sistema).</translation>
    </message>
    <message>
        <source>Saved: {what}.</source>
        <translation>Guardado: {what}.</translation>
    </message>
    <message>
        <source>Not saved: see the message next to the field.</source>
        <translation>No se guardó: vea el mensaje junto al campo.</translation>
    </message>
    <message>
        <source>reminders</source>
        <translation>recordatorios</translation>
    </message>
    <message>
        <source>tray</source>
        <translation>bandeja del sistema</translation>
    </message>
    <message>
        <source>study time</source>
        <translation>tiempo de estudio</translation>
    </message>
    <message>
        <source>Could not write the login entry: {reason}. The setting is unchanged.</source>
        <translation>No se pudo escribir la entrada de inicio de sesión: {reason}. La configuración no cambió.</translation>
    </message>
    <message>
        <source>the login folder</source>
        <translation>la carpeta de inicio de sesión</translation>
    </message>
    <message>
        <source>Could not {action} the login entry in {where}: {reason}. The setting is unchanged.</source>
        <translation>No se pudo {action} la entrada de inicio de sesión en {where}: {reason}. La configuración no cambió.</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escribir</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>quitar</translation>
    </message>
    <message>
        <source>Written to {path}. From your next login, reminders come even when Study Planner is closed.</source>
        <translation>Escrito en {path}. A partir de su próximo inicio de sesión, los recordatorios llegan aunque Study Planner esté cerrado.</translation>
    </message>
    <message>
        <source>Removed the login entry {path}.</source>
        <translation>Se quitó la entrada de inicio de sesión {path}.</translation>
    </message>
    <message>
        <source>Started a fresh database; the damaged file was kept as %1.</source>
        <translation>Se empezó una base de datos nueva; el archivo dañado se conservó como %1.</translation>
    </message>
    <message>
        <source>Restored the backup of %1; the damaged file was kept as %2.</source>
        <translation>Se restauró la copia de seguridad del %1; el archivo dañado se conservó como %2.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Term {number}</source>
        <translation>Periodo {number}</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planificado</translation>
    </message>
    <message>
        <source>{title} ({kind}, {hours}): {start} to {due}, {status}</source>
        <translation>{title} ({kind}, {hours}): del {start} al {due}, {status}</translation>
    </message>
    <message>
        <source>Study Planner: needs attention</source>
        <translation>Study Planner: requiere atención</translation>
    </message>
    <message>
        <source>Study Planner reminder</source>
        <translation>Recordatorio de Study Planner</translation>
    </message>
    <message>
        <source>&amp;Open Study Planner</source>
        <translation>&amp;Abrir Study Planner</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Nuevo plan…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Estudio</translation>
    </message>
    <message>
        <source>&amp;Log a session…</source>
        <translation>&amp;Registrar una sesión…</translation>
    </message>
    <message>
        <source>Start &amp;timer</source>
        <translation>Iniciar &amp;temporizador</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;About Study Planner</source>
        <translation>&amp;Acerca de Study Planner</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Study Planner: nothing needs your attention</source>
        <translation>Study Planner: nada requiere su atención</translation>
    </message>
    <message>
        <source>Study Planner: 1 reminder</source>
        <translation>Study Planner: 1 recordatorio</translation>
    </message>
    <message>
        <source>Study Planner: {n} reminders</source>
        <translation>Study Planner: {n} recordatorios</translation>
    </message>
    <message>
        <source>and {n} more: open Study Planner to see them.</source>
        <translation>y {n} más: abra Study Planner para verlos.</translation>
    </message>
    <message>
        <source>What-if kept</source>
        <translation>Simulación guardada</translation>
    </message>
    <message>
        <source>Modules changed</source>
        <translation>Módulos cambiados</translation>
    </message>
    <message>
        <source>Schedule changed</source>
        <translation>Calendario cambiado</translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semana</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <source>, on your target date</source>
        <translation>, en su fecha objetivo</translation>
    </message>
    <message>
        <source>, {distance} before your target</source>
        <translation>, {distance} antes de su objetivo</translation>
    </message>
    <message>
        <source>, on the planned finish</source>
        <translation>, en el fin previsto</translation>
    </message>
    <message>
        <source>, {distance} before the planned finish</source>
        <translation>, {distance} antes del fin previsto</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>All the time logged</source>
        <translation>Todo el tiempo registrado</translation>
    </message>
    <message>
        <source>{distance} late at your pace</source>
        <translation>{distance} de retraso a su ritmo</translation>
    </message>
    <message>
        <source>{distance} behind</source>
        <translation>{distance} de atraso</translation>
    </message>
    <message>
        <source>{distance} ahead</source>
        <translation>{distance} de adelanto</translation>
    </message>
    <message>
        <source>Every module is done: well done!</source>
        <translation>Todos los módulos están terminados: ¡bien hecho!</translation>
    </message>
    <message>
        <source>The planned time of every module is logged. Mark each module you have finished complete: {modules} not marked yet.</source>
        <translation>El tiempo previsto de todos los módulos está registrado. Marque como completado cada módulo que haya terminado: {modules} sin marcar todavía.</translation>
    </message>
    <message>
        <source>You are on plan: log your study to see when you finish at your pace.</source>
        <translation>Va según el plan: registre su estudio para ver cuándo termina a su ritmo.</translation>
    </message>
    <message>
        <source>You are {days} behind the plan, with no study in the last four weeks: log a session to see when you finish.</source>
        <translation>Lleva {days} de atraso respecto al plan, sin estudio en las últimas cuatro semanas: registre una sesión para ver cuándo termina.</translation>
    </message>
    <message>
        <source>You are {days} ahead of the plan: at your pace you finish {date}{relation}.</source>
        <translation>Lleva {days} de adelanto respecto al plan: a su ritmo termina el {date}{relation}.</translation>
    </message>
    <message>
        <source>You are on plan: at your pace you finish {date}{relation}.</source>
        <translation>Va según el plan: a su ritmo termina el {date}{relation}.</translation>
    </message>
    <message>
        <source>You are {days} behind the plan, but at your pace you still finish {date}{relation}.</source>
        <translation>Lleva {days} de atraso respecto al plan, pero a su ritmo aún termina el {date}{relation}.</translation>
    </message>
    <message>
        <source>At your pace you finish {date}, {distance} after your target</source>
        <translation>A su ritmo termina el {date}, {distance} después de su objetivo</translation>
    </message>
    <message>
        <source>At your pace you finish {date}, {distance} after the planned finish</source>
        <translation>A su ritmo termina el {date}, {distance} después del fin previsto</translation>
    </message>
    <message>
        <source>{where}: {more} more a week ({needed} a week in all) fixes it.</source>
        <translation>{where}: {more} más a la semana ({needed} a la semana en total) lo resuelve.</translation>
    </message>
    <message>
        <source>{where}: studying {needed} a week from now finishes on time.</source>
        <translation>{where}: estudiando {needed} a la semana desde ahora termina a tiempo.</translation>
    </message>
    <message>
        <source>{where}, and that date has passed: choose a way to catch up.</source>
        <translation>{where}, y esa fecha ya pasó: elija una forma de ponerse al día.</translation>
    </message>
    <message>
        <source>{distance} ago</source>
        <translation>hace {distance}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>in {distance}</source>
        <translation>en {distance}</translation>
    </message>
    <message>
        <source>Next deadline: your {label} cycle ends {date} ({left}), {missing} missing.</source>
        <translation>Próximo plazo: su ciclo de {label} termina el {date} ({left}), faltan {missing}.</translation>
    </message>
    <message>
        <source>Next deadline: {title}, {date} ({left}).</source>
        <translation>Próximo plazo: {title}, {date} ({left}).</translation>
    </message>
    <message>
        <source>Next deadline: your target, {date} ({left}).</source>
        <translation>Próximo plazo: su objetivo, {date} ({left}).</translation>
    </message>
    <message>
        <source>Where you are</source>
        <translation>Dónde está</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Próximo plazo</translation>
    </message>
    <message>
        <source>Study {hours} a week…</source>
        <translation>Estudiar {hours} a la semana…</translation>
    </message>
    <message>
        <source>Study {hours} a week: preview the change first</source>
        <translation>Estudiar {hours} a la semana: vea primero el cambio</translation>
    </message>
    <message>
        <source>Catch up…</source>
        <translation>Ponerse al día…</translation>
    </message>
    <message>
        <source>Choose a way to catch up</source>
        <translation>Elegir una forma de ponerse al día</translation>
    </message>
    <message>
        <source>Mark modules complete…</source>
        <translation>Marcar módulos como completados…</translation>
    </message>
    <message>
        <source>Open the Modules screen to mark modules complete</source>
        <translation>Abrir la pantalla Módulos para marcar módulos como completados</translation>
    </message>
    <message>
        <source>Log today&apos;s study…</source>
        <translation>Registrar el estudio de hoy…</translation>
    </message>
    <message>
        <source>Log today&apos;s study</source>
        <translation>Registrar el estudio de hoy</translation>
    </message>
    <message>
        <source>Log a CEU activity…</source>
        <translation>Registrar una actividad de CEU…</translation>
    </message>
    <message>
        <source>Log a CEU activity for {label}</source>
        <translation>Registrar una actividad de CEU para {label}</translation>
    </message>
    <message>
        <source>{ceus} in the cycle</source>
        <translation>{ceus} en el ciclo</translation>
    </message>
    <message>
        <source>{ceus} in “{category}” for {credential}</source>
        <translation>{ceus} de «{category}» para {credential}</translation>
    </message>
    <message>
        <source>{percent} % in the health-information (HIIM) domains ({ceus})</source>
        <translation>{percent} % en los dominios de información de salud (HIIM) ({ceus})</translation>
    </message>
    <message>
        <source>{percent} % from AHIMA or its state associations ({ceus})</source>
        <translation>{percent} % de AHIMA o de sus asociaciones estatales ({ceus})</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} y {last}</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>Today&apos;s study: {duration} of {titles}.</source>
        <translation>Estudio de hoy: {duration} de {titles}.</translation>
    </message>
    <message>
        <source>“{title}” was due {days} ago ({date}); mark it complete or re-plan.</source>
        <translation>«{title}» vencía hace {days} ({date}); márquelo como completado o vuelva a planificar.</translation>
    </message>
    <message>
        <source>“{title}” is {when} ({date}).</source>
        <translation>«{title}» es {when} ({date}).</translation>
    </message>
    <message>
        <source>No study logged for {days}. A short session today keeps the plan on track.</source>
        <translation>Sin estudio registrado desde hace {days}. Una sesión corta hoy mantiene el plan en marcha.</translation>
    </message>
    <message>
        <source>No study logged yet for {days}. A short session today keeps the plan on track.</source>
        <translation>Todavía sin estudio registrado tras {days}. Una sesión corta hoy mantiene el plan en marcha.</translation>
    </message>
    <message>
        <source>{names}: {missing} of {required} CEUs still missing; the cycle ends {when} ({date}) (about {pace} a month).</source>
        <translation>{names}: faltan aún {missing} de {required} CEU; el ciclo termina {when} ({date}) (unos {pace} al mes).</translation>
    </message>
    <message>
        <source>{names}: {missing} of {required} CEUs still missing; the cycle ends {when} ({date}).</source>
        <translation>{names}: faltan aún {missing} de {required} CEU; el ciclo termina {when} ({date}).</translation>
    </message>
    <message>
        <source>{names}: not met yet: {rule}; {earned} so far.</source>
        <translation>{names}: aún sin cumplir: {rule}; {earned} hasta ahora.</translation>
    </message>
    <message>
        <source>{names}: the cycle {start} – {end} ends {when}: submit your CEUs and pay any fee to {body} by {date}.</source>
        <translation>{names}: el ciclo {start} – {end} termina {when}: presente sus CEU y pague cualquier cuota a {body} a más tardar el {date}.</translation>
    </message>
    <message>
        <source>{names}: {body}&apos;s submission window is open since {opens}; the cycle ends on {end}.</source>
        <translation>{names}: el periodo de presentación de {body} está abierto desde el {opens}; el ciclo termina el {end}.</translation>
    </message>
    <message>
        <source>{names}: the cycle ended on {end} without {missing}; the grace period ends on {date}.</source>
        <translation>{names}: el ciclo terminó el {end} sin {missing}; el periodo de gracia termina el {date}.</translation>
    </message>
    <message>
        <source>{names}: the cycle ended on {end} without {missing}; the credential lapses on {date}.</source>
        <translation>{names}: el ciclo terminó el {end} sin {missing}; la credencial caduca el {date}.</translation>
    </message>
    <message>
        <source>{names}: the cycle ended on {end} without {missing}; check your status with the body: it may have lapsed.</source>
        <translation>{names}: el ciclo terminó el {end} sin {missing}; consulte su estado con el organismo: puede haber caducado.</translation>
    </message>
    <message>
        <source>Your {body} membership renews {when} ({date}); dues keep your credentials active.</source>
        <translation>Su membresía de {body} se renueva {when} ({date}); las cuotas mantienen activas sus credenciales.</translation>
    </message>
    <message>
        <source>Your data has never been backed up. Back up now to keep it safe.</source>
        <translation>Nunca se ha hecho una copia de seguridad de sus datos. Haga una ahora para mantenerlos a salvo.</translation>
    </message>
    <message>
        <source>Your data was last backed up on {date}. Back up now to keep it safe.</source>
        <translation>La última copia de seguridad de sus datos es del {date}. Haga una ahora para mantenerlos a salvo.</translation>
    </message>
    <message>
        <source>The credential rules were last checked on {date}; compare them with your body&apos;s current requirements and adjust your figures if needed.</source>
        <translation>Las reglas de las credenciales se revisaron por última vez el {date}; compárelas con los requisitos actuales de su organismo y ajuste sus cifras si hace falta.</translation>
    </message>
    <message>
        <source>Study Planner is already running with the data folder {folder}.</source>
        <translation>Study Planner ya está abierto con la carpeta de datos {folder}.</translation>
    </message>
    <message>
        <source>Study Planner cannot open your data</source>
        <translation>Study Planner no puede abrir sus datos</translation>
    </message>
    <message>
        <source>Study: {title}</source>
        <translation>Estudio: {title}</translation>
    </message>
    <message>
        <source>{minutes} minutes planned for {title}.</source>
        <translation>{minutes} minutos previstos para {title}.</translation>
    </message>
    <message>
        <source>Exam: {title}</source>
        <translation>Examen: {title}</translation>
    </message>
    <message>
        <source>{title}: one sitting of {minutes} minutes.</source>
        <translation>{title}: una sola sesión de {minutes} minutos.</translation>
    </message>
    <message>
        <source>The planned exam date of your study plan.</source>
        <translation>La fecha de examen prevista en su plan de estudio.</translation>
    </message>
    <message>
        <source>{label}: CEU cycle ends</source>
        <translation>{label}: termina el ciclo de CEU</translation>
    </message>
    <message>
        <source>Submit your CEUs to {body} by this day: {required} required, {earned} earned so far.</source>
        <translation>Envíe sus CEU a {body} a más tardar este día: {required} requeridos, {earned} obtenidos hasta ahora.</translation>
    </message>
    <message>
        <source>{label}: {body} submission window opens</source>
        <translation>{label}: se abre el periodo de envío de {body}</translation>
    </message>
    <message>
        <source>{body} membership renewal</source>
        <translation>Renovación de la membresía de {body}</translation>
    </message>
    <message>
        <source>Membership dues keep your credentials active.</source>
        <translation>Las cuotas de membresía mantienen activas sus credenciales.</translation>
    </message>
    <message>
        <source>&amp;What if…</source>
        <translation>¿&amp;Y si…?</translation>
    </message>
    <message>
        <source>Try a what-if</source>
        <translation>Probar una simulación</translation>
    </message>
    <message>
        <source>Busy time from calendars</source>
        <translation>Tiempo ocupado de los calendarios</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Ese archivo no existe.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>No se puede leer el archivo: {reason}.</translation>
    </message>
    <message>
        <source>The file is {size} MB; calendar files up to {limit} MB are read.</source>
        <translation>El archivo tiene {size} MB; se leen archivos de calendario de hasta {limit} MB.</translation>
    </message>
    <message>
        <source>This is not a calendar: the file is not text.</source>
        <translation>Esto no es un calendario: el archivo no es de texto.</translation>
    </message>
    <message>
        <source>This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.</source>
        <translation>Este no es un archivo iCalendar: no empieza con BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>The file is cut short: it does not end with END:VCALENDAR.</source>
        <translation>El archivo está cortado: no termina con END:VCALENDAR.</translation>
    </message>
    <message>
        <source>The file is not valid iCalendar: {reason}</source>
        <translation>El archivo no es iCalendar válido: {reason}</translation>
    </message>
    <message>
        <source>The file has {count} events; up to {limit} are read.</source>
        <translation>El archivo tiene {count} eventos; se leen hasta {limit}.</translation>
    </message>
    <message>
        <source>The file names the year {year}; dates from {first} to {last} are read.</source>
        <translation>El archivo menciona el año {year}; se leen fechas de {first} a {last}.</translation>
    </message>
    <message>
        <source>An event in the file repeats too often (every second, minute or hour for years).</source>
        <translation>Un evento del archivo se repite con demasiada frecuencia (cada segundo, minuto u hora durante años).</translation>
    </message>
    <message>
        <source>More than {limit} events fall within the plan&apos;s dates.</source>
        <translation>Más de {limit} eventos caen dentro de las fechas del plan.</translation>
    </message>
    <message>
        <source>Up to {limit} calendars can be used at once.</source>
        <translation>Se pueden usar hasta {limit} calendarios a la vez.</translation>
    </message>
    <message>
        <source>Reading the file took more than {seconds} seconds (a repeating event that never or hardly ever happens).</source>
        <translation>Leer el archivo llevó más de {seconds} segundos (un evento que se repite y nunca o casi nunca ocurre).</translation>
    </message>
    <message>
        <source>The file cannot be used ({code}).</source>
        <translation>No se puede usar el archivo ({code}).</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>subscribed, read on {day}</source>
        <translation>suscrito, leído el {day}</translation>
    </message>
    <message>
        <source>imported on {day}</source>
        <translation>importado el {day}</translation>
    </message>
    <message>
        <source>{events} events, {busy} busy from {first} to {last} ({how})</source>
        <translation>{events} eventos, {busy} ocupadas del {first} al {last} ({how})</translation>
    </message>
    <message>
        <source>{hours} of study from {start}; it cannot be scheduled at this week.</source>
        <translation>{hours} de estudio desde el {start}; no se puede programar con esta semana.</translation>
    </message>
    <message>
        <source>{hours} of study: {start} to {finish} at {weekly} a week.</source>
        <translation>{hours} de estudio: del {start} al {finish} a {weekly} a la semana.</translation>
    </message>
    <message>
        <source>{hours} of study in {terms} terms: {start} to {finish}.</source>
        <translation>{hours} de estudio en {terms} periodos: del {start} al {finish}.</translation>
    </message>
    <message>
        <source>no track</source>
        <translation>sin itinerario</translation>
    </message>
    <message>
        <source>The rules data give no exam format for {code}.</source>
        <translation>Los datos de las reglas no indican el formato del examen de {code}.</translation>
    </message>
    <message>
        <source>{n} questions</source>
        <translation>{n} preguntas</translation>
    </message>
    <message>
        <source>{n} % to pass</source>
        <translation>{n} % para aprobar</translation>
    </message>
    <message>
        <source>a scaled score of {n} of {of} to pass</source>
        <translation>una puntuación escalada de {n} sobre {of} para aprobar</translation>
    </message>
    <message>
        <source>Exam: {parts}.</source>
        <translation>Examen: {parts}.</translation>
    </message>
    <message>
        <source>Online it is sat in {n} parts of {time} each.</source>
        <translation>En línea se rinde en {n} partes de {time} cada una.</translation>
    </message>
    <message>
        <source>Sources disagree on some of this: check it with the body.</source>
        <translation>Las fuentes no coinciden en parte de esto: verifíquelo con el organismo.</translation>
    </message>
    <message>
        <source>{ceus} (new cycle)</source>
        <translation>{ceus} (ciclo nuevo)</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <source>{body}: a cycle of its own, {ceus} every {years} years.</source>
        <translation>{body}: un ciclo propio, {ceus} cada {years} años.</translation>
    </message>
    <message>
        <source>{body} CEUs: {before} → {after} every {years} years, for all your {body} credentials together.</source>
        <translation>CEU de {body}: {before} → {after} cada {years} años, para todas sus credenciales de {body} juntas.</translation>
    </message>
    <message>
        <source>It joins your shared cycle, which ends {date}.</source>
        <translation>Se une a su ciclo compartido, que termina el {date}.</translation>
    </message>
    <message>
        <source>It replaces {codes}: only its own CEUs are kept.</source>
        <translation>Reemplaza a {codes}: solo se mantienen sus propios CEU.</translation>
    </message>
    <message>
        <source>1 timed sitting: the exam.</source>
        <translation>1 sesión cronometrada: el examen.</translation>
    </message>
    <message>
        <source>{n} timed sittings (practice exams and the exam).</source>
        <translation>{n} sesiones cronometradas (exámenes de práctica y el examen).</translation>
    </message>
    <message>
        <source>No built-in track leads to {code} yet: build your own track in the plan assistant, or plan it with your training provider.</source>
        <translation>Todavía no hay un itinerario incorporado que lleve a {code}: cree su propio itinerario en el asistente del plan o planifíquelo con su centro de formación.</translation>
    </message>
    <message>
        <source>Rules change: confirm them with {body}.</source>
        <translation>Las reglas cambian: confírmelas con {body}.</translation>
    </message>
    <message>
        <source>completed before {credential} was earned ({date})</source>
        <translation>terminada antes de obtener {credential} ({date})</translation>
    </message>
    <message>
        <source>completed outside the cycle {start} to {end}</source>
        <translation>terminada fuera del ciclo del {start} al {end}</translation>
    </message>
    <message>
        <source>already counted in the cycle ending {date}</source>
        <translation>ya contada en el ciclo que termina el {date}</translation>
    </message>
    <message>
        <source>It will not count for {credential}: {why}.</source>
        <translation>No contará para {credential}: {why}.</translation>
    </message>
    <message>
        <source>The cycle of {credentials} already meets every requirement; extra CEUs do not carry over to the next cycle.</source>
        <translation>El ciclo de {credentials} ya cumple todos los requisitos; los CEU de más no pasan al ciclo siguiente.</translation>
    </message>
    <message>
        <source>It does not help with what the cycle of {credentials} still needs ({needs}); extra CEUs do not carry over.</source>
        <translation>No ayuda con lo que aún necesita el ciclo de {credentials} ({needs}); los CEU de más no pasan al ciclo siguiente.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Study Planner</source>
        <translation>Acerca de Study Planner</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>&amp;Licencias</translation>
    </message>
    <message>
        <source>Close About</source>
        <translation>Cerrar Acerca de</translation>
    </message>
    <message>
        <source>Study Planner {version}</source>
        <translation>Study Planner {version}</translation>
    </message>
    <message>
        <source>An offline planner for medical coding learners and certified coders: study plans that fit your week, progress and forecasts, credentials, CEUs and renewal cycles. No account and no network: your data stays on this computer.</source>
        <translation>Un planificador sin conexión para estudiantes de codificación médica y codificadores certificados: planes de estudio que se ajustan a su semana, progreso y pronósticos, credenciales, CEU y ciclos de renovación. Sin cuenta y sin red: sus datos se quedan en esta computadora.</translation>
    </message>
    <message>
        <source>Credential rules, exam formats and curricula come from the certifying bodies&apos; public pages (each with its source, in the Rules of each credential). Rules change: the bodies&apos; own records and rules always win over what this app shows.</source>
        <translation>Las reglas de las credenciales, los formatos de examen y los planes de estudio provienen de las páginas públicas de los organismos certificadores (cada uno con su fuente, en las Reglas de cada credencial). Las reglas cambian: los registros y reglas de los propios organismos siempre prevalecen sobre lo que muestra esta aplicación.</translation>
    </message>
    <message>
        <source>Your data folder:</source>
        <translation>Su carpeta de datos:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>Study Planner is built with Python, Qt for Python (PySide6, LGPL v3), SQLAlchemy and Alembic (MIT), platformdirs (MIT), python-dateutil (BSD/Apache), icalendar (BSD) and fpdf2 (LGPL v3). Bundled files and their licences follow.</source>
        <translation>Study Planner está hecho con Python, Qt for Python (PySide6, LGPL v3), SQLAlchemy y Alembic (MIT), platformdirs (MIT), python-dateutil (BSD/Apache), icalendar (BSD) y fpdf2 (LGPL v3). A continuación, los archivos incluidos y sus licencias.</translation>
    </message>
    <message>
        <source>Busy time from calendars is read with recurring-ical-events and x-wr-timezone (LGPL v3 or later).</source>
        <translation>El tiempo ocupado de los calendarios se lee con recurring-ical-events y x-wr-timezone (LGPL v3 o posterior).</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit CEU activity</source>
        <translation>Editar actividad de CEU</translation>
    </message>
    <message>
        <source>Log a CEU activity</source>
        <translation>Registrar una actividad de CEU</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Completado el</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>as on the certificate</source>
        <translation>como en el certificado</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>for example AAPC, AHIMA, a local chapter</source>
        <translation>por ejemplo AAPC, AHIMA, un capítulo local</translation>
    </message>
    <message>
        <source>Index or approval number</source>
        <translation>Número de índice o de aprobación</translation>
    </message>
    <message>
        <source>CEUs</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>From AHIMA or an AHIMA state &amp;association</source>
        <translation>De AHIMA o de una &amp;asociación estatal de AHIMA</translation>
    </message>
    <message>
        <source>From AHIMA or an AHIMA state association</source>
        <translation>De AHIMA o de una asociación estatal de AHIMA</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What the rules make of it</source>
        <translation>Qué dicen las reglas</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Archivo del certificado</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation>Elija un archivo de certificado</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the certificate</source>
        <translation>Quitar el certificado</translation>
    </message>
    <message>
        <source>O&amp;pen certificate</source>
        <translation>A&amp;brir certificado</translation>
    </message>
    <message>
        <source>Open certificate</source>
        <translation>Abrir certificado</translation>
    </message>
    <message>
        <source>Counts for</source>
        <translation>Cuenta para</translation>
    </message>
    <message>
        <source>{label} (cycle ends {end})</source>
        <translation>{label} (el ciclo termina el {end})</translation>
    </message>
    <message>
        <source>Counts for {label}</source>
        <translation>Cuenta para {label}</translation>
    </message>
    <message>
        <source>CEUs for {label}</source>
        <translation>CEU para {label}</translation>
    </message>
    <message>
        <source>No open credential cycle: add a credential first.</source>
        <translation>No hay ningún ciclo de credencial abierto: primero agregue una credencial.</translation>
    </message>
    <message>
        <source>Completed &amp;on:</source>
        <translation>Completado &amp;el:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pro&amp;veedor:</translation>
    </message>
    <message>
        <source>&amp;Index / approval no.:</source>
        <translation>N.º de í&amp;ndice / aprobación:</translation>
    </message>
    <message>
        <source>C&amp;EUs:</source>
        <translation>C&amp;EU:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>Cate&amp;goría:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificado:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Problem: {field}</source>
        <translation>Problema: {field}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>Registrar actividad</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Activity details</source>
        <translation>Detalles de la actividad</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Choose a PDF or an image (PNG, JPEG, …).</source>
        <translation>Elija un PDF o una imagen (PNG, JPEG, …).</translation>
    </message>
    <message>
        <source>Tick the credentials it counts for.</source>
        <translation>Marque las credenciales para las que cuenta.</translation>
    </message>
    <message>
        <source>Each ticked credential needs more than zero CEUs.</source>
        <translation>Cada credencial marcada necesita más de cero CEU.</translation>
    </message>
</context>
<context>
    <name>AppearancePanel</name>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apariencia:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>System follows your desktop&apos;s look. Light and Dark look the same on every computer.</source>
        <translation>Sistema sigue el aspecto de su escritorio. Claro y Oscuro se ven igual en todas las computadoras.</translation>
    </message>
</context>
<context>
    <name>AvailabilityEditor</name>
    <message>
        <source>Minutes available per weekday</source>
        <translation>Minutos disponibles por día de la semana</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>Elija una opción predefinida…</translation>
    </message>
    <message>
        <source>Availability preset</source>
        <translation>Disponibilidad predefinida</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Predefinido:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes on {day}</source>
        <translation>Minutos el {day}</translation>
    </message>
    <message>
        <source>Weekly total</source>
        <translation>Total semanal</translation>
    </message>
    <message>
        <source>In total {hours} a week.</source>
        <translation>En total {hours} por semana.</translation>
    </message>
</context>
<context>
    <name>BlackoutEditor</name>
    <message>
        <source>First day off</source>
        <translation>Primer día libre</translation>
    </message>
    <message>
        <source>Last day off</source>
        <translation>Último día libre</translation>
    </message>
    <message>
        <source>e.g. Vacation</source>
        <translation>p. ej., Vacaciones</translation>
    </message>
    <message>
        <source>What the days off are for</source>
        <translation>Para qué son los días libres</translation>
    </message>
    <message>
        <source>&amp;Add days off</source>
        <translation>&amp;Agregar días libres</translation>
    </message>
    <message>
        <source>Add days off</source>
        <translation>Agregar días libres</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;hasta</translation>
    </message>
    <message>
        <source>Problem with the days off</source>
        <translation>Problema con los días libres</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Días libres</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Quitar los seleccionados</translation>
    </message>
    <message>
        <source>Remove the selected days off</source>
        <translation>Quitar los días libres seleccionados</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>del {first} al {last}</translation>
    </message>
    <message>
        <source>The last day off is before the first one.</source>
        <translation>El último día libre es anterior al primero.</translation>
    </message>
    <message>
        <source>Days off longer than a year are not realistic.</source>
        <translation>Días libres de más de un año no son realistas.</translation>
    </message>
    <message>
        <source>These days overlap the days off from {first} to {last}{label}: change the dates, or remove that period and add one that covers both.</source>
        <translation>Estos días se superponen con los días libres del {first} al {last}{label}: cambie las fechas, o quite ese periodo y agregue uno que abarque ambos.</translation>
    </message>
</context>
<context>
    <name>BusyCalendarsDialog</name>
    <message>
        <source>Busy time from calendars</source>
        <translation>Tiempo ocupado de los calendarios</translation>
    </message>
    <message>
        <source>Busy time in these calendars (work shifts, family events) is taken off each day&apos;s study time. A day that is busy all day has no study. Subscribed files are read again when you choose Re-read calendars.</source>
        <translation>El tiempo ocupado de estos calendarios (turnos de trabajo, eventos familiares) se descuenta del tiempo de estudio de cada día. Un día ocupado por completo no tiene estudio. Los archivos a los que está suscrito se vuelven a leer cuando elige Volver a leer los calendarios.</translation>
    </message>
    <message>
        <source>Calendars in use</source>
        <translation>Calendarios en uso</translation>
    </message>
    <message>
        <source>No calendars yet: import a .ics file or subscribe to one.</source>
        <translation>Todavía no hay calendarios: importe un archivo .ics o suscríbase a uno.</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importar archivos…</translation>
    </message>
    <message>
        <source>&amp;Subscribe to a file…</source>
        <translation>&amp;Suscribirse a un archivo…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Re-rea&amp;d calendars</source>
        <translation>&amp;Volver a leer los calendarios</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Calendars are still being read.</source>
        <translation>Todavía se están leyendo los calendarios.</translation>
    </message>
    <message>
        <source>Calendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation>Archivos de calendario (*.ics *.ical *.ifb);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Subscribe to a calendar file</source>
        <translation>Suscribirse a un archivo de calendario</translation>
    </message>
    <message>
        <source>Import calendars</source>
        <translation>Importar calendarios</translation>
    </message>
    <message>
        <source>Reading the calendar files…</source>
        <translation>Leyendo los archivos de calendario…</translation>
    </message>
    <message>
        <source>Re-planning without the chosen calendars…</source>
        <translation>Replanificando sin los calendarios elegidos…</translation>
    </message>
    <message>
        <source>Reading the calendars again…</source>
        <translation>Volviendo a leer los calendarios…</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>&amp;Use this busy time</source>
        <translation>&amp;Usar este tiempo ocupado</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
    <message>
        <source>Saved: the plan now leaves out the busy time.</source>
        <translation>Guardado: el plan ahora deja fuera el tiempo ocupado.</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>Study blocks of the chosen day</source>
        <translation>Bloques de estudio del día elegido</translation>
    </message>
    <message>
        <source>Nothing planned on this day.</source>
        <translation>No hay nada planificado este día.</translation>
    </message>
    <message>
        <source>In total {hours}</source>
        <translation>En total {hours}</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <source>Mark module complete</source>
        <translation>Marcar módulo como completado</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; ({kind})</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; ({kind})</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>Fecha de finalización</translation>
    </message>
    <message>
        <source>Problem with the completion date</source>
        <translation>Problema con la fecha de finalización</translation>
    </message>
    <message>
        <source>Score in percent</source>
        <translation>Puntuación en porcentaje</translation>
    </message>
    <message>
        <source>for example 74</source>
        <translation>por ejemplo 74</translation>
    </message>
    <message>
        <source>Problem with the score</source>
        <translation>Problema con la puntuación</translation>
    </message>
    <message>
        <source>&amp;Completed on:</source>
        <translation>&amp;Completado el:</translation>
    </message>
    <message>
        <source>Enter the &amp;missed questions by section</source>
        <translation>Indicar las preguntas &amp;falladas por sección</translation>
    </message>
    <message>
        <source>Enter the missed questions by section</source>
        <translation>Indicar las preguntas falladas por sección</translation>
    </message>
    <message>
        <source>&amp;Score (%):</source>
        <translation>&amp;Puntuación (%):</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Marcar como completado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A module cannot be completed in the future.</source>
        <translation>Un módulo no se puede completar en el futuro.</translation>
    </message>
    <message>
        <source>Enter the score as a number, like 74.</source>
        <translation>Escriba la puntuación como número, por ejemplo 74.</translation>
    </message>
    <message>
        <source>A score is a percentage from 0 to 100.</source>
        <translation>Una puntuación es un porcentaje de 0 a 100.</translation>
    </message>
</context>
<context>
    <name>CredentialDialog</name>
    <message>
        <source>Edit the open cycle</source>
        <translation>Editar el ciclo abierto</translation>
    </message>
    <message>
        <source>Add a credential</source>
        <translation>Agregar una credencial</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Specialty credential name</source>
        <translation>Nombre de la credencial de especialidad</translation>
    </message>
    <message>
        <source>as on your certificate, for example CEMC</source>
        <translation>como en su certificado, por ejemplo CEMC</translation>
    </message>
    <message>
        <source>Date earned</source>
        <translation>Fecha de obtención</translation>
    </message>
    <message>
        <source>Cycle starts</source>
        <translation>Inicio del ciclo</translation>
    </message>
    <message>
        <source>Cycle ends</source>
        <translation>Fin del ciclo</translation>
    </message>
    <message>
        <source>Membership renews on</source>
        <translation>La membresía se renueva el</translation>
    </message>
    <message>
        <source>Required CEUs</source>
        <translation>CEU requeridos</translation>
    </message>
    <message>
        <source>Quota CEUs</source>
        <translation>CEU de cuota</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>member ID, where the certificate is… (optional)</source>
        <translation>n.º de miembro, dónde está el certificado… (opcional)</translation>
    </message>
    <message>
        <source>Suggested cycle</source>
        <translation>Ciclo sugerido</translation>
    </message>
    <message>
        <source>Use the suggested &amp;dates</source>
        <translation>Usar las &amp;fechas sugeridas</translation>
    </message>
    <message>
        <source>Use the suggested dates</source>
        <translation>Usar las fechas sugeridas</translation>
    </message>
    <message>
        <source>What removes the A</source>
        <translation>Qué quita la A</translation>
    </message>
    <message>
        <source>Rules and sources</source>
        <translation>Reglas y fuentes</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>&amp;Credencial:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Date &amp;earned:</source>
        <translation>Fecha de &amp;obtención:</translation>
    </message>
    <message>
        <source>Membership &amp;renews on:</source>
        <translation>La membresía se &amp;renueva el:</translation>
    </message>
    <message>
        <source>Cycle &amp;starts:</source>
        <translation>El ciclo &amp;empieza:</translation>
    </message>
    <message>
        <source>Cycle en&amp;ds:</source>
        <translation>El ciclo &amp;termina:</translation>
    </message>
    <message>
        <source>Re&amp;quired CEUs:</source>
        <translation>CEU re&amp;queridos:</translation>
    </message>
    <message>
        <source>&amp;Quota CEUs:</source>
        <translation>CEU de &amp;cuota:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>Problem: {field}</source>
        <translation>Problema: {field}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Add credential</source>
        <translation>Agregar credencial</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{code} – {name} ({body})</source>
        <translation>{code} – {name} ({body})</translation>
    </message>
    <message>
        <source>It shares your open {body} cycle, {start} – {end}.</source>
        <translation>Comparte su ciclo abierto de {body}, {start} – {end}.</translation>
    </message>
    <message>
        <source>even</source>
        <translation>pares</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>impares</translation>
    </message>
    <message>
        <source>{body} CEUs are due every {years} years on your membership expiration date ({day}, in {parity} years): this cycle runs {start} – {end}.</source>
        <translation>Los CEU de {body} vencen cada {years} años en la fecha de vencimiento de su membresía ({day}, en años {parity}): este ciclo va de {start} – {end}.</translation>
    </message>
    <message>
        <source>Give your membership expiration date for {body}&apos;s real cycle; until then cycles run {years} years from the date earned.</source>
        <translation>Indique la fecha de vencimiento de su membresía para el ciclo real de {body}; hasta entonces, los ciclos duran {years} años desde la fecha de obtención.</translation>
    </message>
    <message>
        <source>{body} cycles run {years} years from the day you passed: this is your cycle number {n}, {start} – {end}.</source>
        <translation>Los ciclos de {body} duran {years} años desde el día en que aprobó: este es su ciclo número {n}, {start} – {end}.</translation>
    </message>
    <message>
        <source>{body} cycles run {years} years from the day you passed: {start} – {end}.</source>
        <translation>Los ciclos de {body} duran {years} años desde el día en que aprobó: {start} – {end}.</translation>
    </message>
    <message>
        <source>You earned it during this cycle, your first.</source>
        <translation>La obtuvo durante este ciclo, el primero.</translation>
    </message>
    <message>
        <source>{n} from the rules</source>
        <translation>{n} según las reglas</translation>
    </message>
    <message>
        <source>empty: the rules&apos; figure</source>
        <translation>vacío: la cifra de las reglas</translation>
    </message>
    <message>
        <source>&lt;b&gt;What removes the “A”:&lt;/b&gt; {notes}</source>
        <translation>&lt;b&gt;Qué quita la “A”:&lt;/b&gt; {notes}</translation>
    </message>
    <message>
        <source>Your dates differ from the rules&apos;. </source>
        <translation>Sus fechas difieren de las de las reglas. </translation>
    </message>
    <message>
        <source>Pro-rated first cycle: enter the figure from your {body} account.</source>
        <translation>Primer ciclo prorrateado: escriba la cifra de su cuenta de {body}.</translation>
    </message>
    <message>
        <source>Give the specialty credential&apos;s name.</source>
        <translation>Indique el nombre de la credencial de especialidad.</translation>
    </message>
    <message>
        <source>You already have {label}.</source>
        <translation>Ya tiene {label}.</translation>
    </message>
    <message>
        <source>The date earned cannot be in the future.</source>
        <translation>La fecha de obtención no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>Enter a number of CEUs, like 36 or 17.5.</source>
        <translation>Escriba un número de CEU, como 36 o 17.5.</translation>
    </message>
</context>
<context>
    <name>CredentialsScreen</name>
    <message>
        <source>Credentials and CEUs</source>
        <translation>Credenciales y CEU</translation>
    </message>
    <message>
        <source>No credentials yet: add the credential you earned</source>
        <translation>Todavía no hay credenciales: agregue la credencial que obtuvo</translation>
    </message>
    <message>
        <source>The app then tracks your CEUs, cycle dates and what the rules ask for, and keeps your certificates ready for an audit.</source>
        <translation>La aplicación sigue entonces sus CEU, las fechas de su ciclo y lo que piden las reglas, y tiene sus certificados listos para una auditoría.</translation>
    </message>
    <message>
        <source>&amp;Add credential…</source>
        <translation>&amp;Agregar credencial…</translation>
    </message>
    <message>
        <source>Add a goal crede&amp;ntial…</source>
        <translation>Agregar credencial &amp;meta…</translation>
    </message>
    <message>
        <source>Credentials &amp; CEUs</source>
        <translation>Credenciales y CEU</translation>
    </message>
    <message>
        <source>Add &amp;credential…</source>
        <translation>Agregar &amp;credencial…</translation>
    </message>
    <message>
        <source>&amp;Log activity…</source>
        <translation>&amp;Registrar actividad…</translation>
    </message>
    <message>
        <source>Credentials message</source>
        <translation>Mensaje de credenciales</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Credentials the rules do not know</source>
        <translation>Credenciales que las reglas no conocen</translation>
    </message>
    <message>
        <source>Your credentials</source>
        <translation>Sus credenciales</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer eliminación</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Eliminar actividad</translation>
    </message>
    <message>
        <source>Rules change, and what {bodies} has on record wins: where your account shows other dates or figures, enter those (Edit cycle). Each rule&apos;s sources are under Rules…; the rules were checked on {date}.</source>
        <translation>Las reglas cambian, y lo que {bodies} tiene registrado prevalece: donde su cuenta muestre otras fechas o cifras, escriba esas (Editar ciclo). Las fuentes de cada regla están en Reglas…; las reglas se revisaron el {date}.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>unknown credential. The rules do not know it, so its CEUs cannot be judged.</source>
        <translation>credencial desconocida. Las reglas no la conocen, así que sus CEU no se pueden evaluar.</translation>
    </message>
    <message>
        <source>a date of this credential or its cycles is outside 1900 to 2200, so its CEUs cannot be judged. Correct it with Edit cycle.</source>
        <translation>una fecha de esta credencial o de sus ciclos está fuera de 1900 a 2200, así que sus CEU no se pueden evaluar. Corríjala con Editar ciclo.</translation>
    </message>
    <message>
        <source>{label} ({code}, {body}): {why}</source>
        <translation>{label} ({code}, {body}): {why}</translation>
    </message>
    <message>
        <source>Added {label}: its cycle runs {cycle}.</source>
        <translation>Se agregó {label}: su ciclo va de {cycle}.</translation>
    </message>
    <message>
        <source>Your plan toward {code} is ready on the Plan screen, from {start}. When you pass its exam, mark it done under Modules to add {code} here.</source>
        <translation>Su plan hacia {code} está listo en la pantalla Plan, desde el {start}. Cuando apruebe su examen, márquelo como completado en Módulos para agregar {code} aquí.</translation>
    </message>
    <message>
        <source>Saved the {label} cycle.</source>
        <translation>Se guardó el ciclo de {label}.</translation>
    </message>
    <message>
        <source>Close the cycle {cycle} of {labels}? It is kept as it was, read-only, and the next cycle opens. A backup of your data is taken first.</source>
        <translation>¿Cerrar el ciclo {cycle} de {labels}? Se conserva tal como está, de solo lectura, y se abre el siguiente ciclo. Antes se hace una copia de seguridad de sus datos.</translation>
    </message>
    <message>
        <source>{ceus} are still missing.</source>
        <translation>Todavía faltan {ceus}.</translation>
    </message>
    <message>
        <source>The cycle ends tomorrow.</source>
        <translation>El ciclo termina mañana.</translation>
    </message>
    <message>
        <source>The cycle ends in {n} days.</source>
        <translation>El ciclo termina en {n} días.</translation>
    </message>
    <message>
        <source>Close cycle</source>
        <translation>Cerrar ciclo</translation>
    </message>
    <message>
        <source>Closed the cycle of {labels}; the next one is open. A backup was saved first: {path}</source>
        <translation>Se cerró el ciclo de {labels}; el siguiente está abierto. Antes se guardó una copia de seguridad: {path}</translation>
    </message>
    <message>
        <source>Backing up, then closing the cycle of {labels}…</source>
        <translation>Haciendo una copia de seguridad y cerrando después el ciclo de {labels}…</translation>
    </message>
    <message>
        <source>Logged {title}: {units}.</source>
        <translation>Se registró {title}: {units}.</translation>
    </message>
    <message>
        <source>Saved {title}.</source>
        <translation>Se guardó {title}.</translation>
    </message>
    <message>
        <source>Deleted {title}. Undo with Ctrl+Z.</source>
        <translation>Se eliminó {title}. Deshaga con Ctrl+Z.</translation>
    </message>
    <message>
        <source>{title} is back.</source>
        <translation>{title} está de vuelta.</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>No plan yet: start the assistant</source>
        <translation>Todavía no hay plan: inicie el asistente</translation>
    </message>
    <message>
        <source>The dashboard shows what to study today and whether you are on plan. First, let the assistant build your study plan.</source>
        <translation>El panel muestra qué estudiar hoy y si va según el plan. Primero, deje que el asistente cree su plan de estudio.</translation>
    </message>
    <message>
        <source>&amp;Start the plan assistant</source>
        <translation>&amp;Iniciar el asistente del plan</translation>
    </message>
    <message>
        <source>Start the plan assistant</source>
        <translation>Iniciar el asistente del plan</translation>
    </message>
    <message>
        <source>Dashboard cards</source>
        <translation>Tarjetas del panel</translation>
    </message>
    <message>
        <source>What was logged</source>
        <translation>Qué se registró</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the session just logged</source>
        <translation>Deshacer la sesión recién registrada</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
    <message>
        <source>Logged {time} on {title} ({day}).</source>
        <translation>Se registró {time} de {title} ({day}).</translation>
    </message>
    <message>
        <source>Removed the session just logged.</source>
        <translation>Se quitó la sesión recién registrada.</translation>
    </message>
</context>
<context>
    <name>FixButtons</name>
    <message>
        <source>Ways to make the plan fit</source>
        <translation>Formas de hacer que el plan quepa</translation>
    </message>
    <message>
        <source>Make it fit:</source>
        <translation>Hacer que quepa:</translation>
    </message>
</context>
<context>
    <name>GoalEditor</name>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>&amp;Start studying on:</source>
        <translation>&amp;Empezar a estudiar el:</translation>
    </message>
    <message>
        <source>Finish by a &amp;target date</source>
        <translation>Terminar para una &amp;fecha meta</translation>
    </message>
    <message>
        <source>Study a number of &amp;hours a week</source>
        <translation>Estudiar una cantidad de &amp;horas por semana</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source> h a week</source>
        <translation> h a la semana</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Meta:</translation>
    </message>
</context>
<context>
    <name>GoalPage</name>
    <message>
        <source>When do you start, and what is your goal?</source>
        <translation>¿Cuándo empieza y cuál es su meta?</translation>
    </message>
    <message>
        <source>Give a target date (for example your exam date) or the hours you want to study a week.</source>
        <translation>Indique una fecha meta (por ejemplo la fecha de su examen) o las horas que quiere estudiar por semana.</translation>
    </message>
    <message>
        <source>&amp;Part-time: {n} terms, three a year (about three years)</source>
        <translation>&amp;Medio tiempo: {n} periodos, tres al año (unos tres años)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Your first plan</source>
        <translation>Su primer plan</translation>
    </message>
    <message>
        <source>Logging your study every day</source>
        <translation>Registrar su estudio cada día</translation>
    </message>
    <message>
        <source>Catching up when life happens</source>
        <translation>Ponerse al día cuando surgen imprevistos</translation>
    </message>
    <message>
        <source>Credentials and CEUs</source>
        <translation>Credenciales y CEU</translation>
    </message>
    <message>
        <source>The audit packet</source>
        <translation>El paquete de auditoría</translation>
    </message>
    <message>
        <source>Backups, export and import</source>
        <translation>Copias de seguridad, exportar e importar</translation>
    </message>
    <message>
        <source>Study Planner user guide</source>
        <translation>Guía del usuario de Study Planner</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>Temas de ayuda</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Página de ayuda</translation>
    </message>
    <message>
        <source>Close the user guide</source>
        <translation>Cerrar la guía del usuario</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Each accepted plan is kept as a baseline, so you can see how the plan changed and judge progress against it.</source>
        <translation>Cada plan aceptado se guarda como línea base, para que vea cómo cambió el plan y mida su progreso frente a él.</translation>
    </message>
    <message>
        <source>Accepted baselines</source>
        <translation>Líneas base aceptadas</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>KindLegend</name>
    <message>
        <source>Legend of module kinds</source>
        <translation>Leyenda de tipos de módulo</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Días libres</translation>
    </message>
</context>
<context>
    <name>LanguageField</name>
    <message>
        <source>System ({language})</source>
        <translation>Sistema ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language message</source>
        <translation>Mensaje del idioma</translation>
    </message>
    <message>
        <source>The new language shows the next time Study Planner starts.</source>
        <translation>El nuevo idioma se verá la próxima vez que se inicie Study Planner.</translation>
    </message>
    <message>
        <source>System follows your computer&apos;s language: Spanish or else English.</source>
        <translation>Sistema sigue el idioma de su computadora: español, o si no, inglés.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Study Planner</source>
        <translation>Study Planner</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Pantallas</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Study log</source>
        <translation>Registro de estudio</translation>
    </message>
    <message>
        <source>Credentials &amp; CEUs</source>
        <translation>Credenciales y CEU</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Export and import</source>
        <translation>Exportar e importar</translation>
    </message>
    <message>
        <source>Dashboard, 1 reminder</source>
        <translation>Panel, 1 recordatorio</translation>
    </message>
    <message>
        <source>Dashboard, {n} reminders</source>
        <translation>Panel, {n} recordatorios</translation>
    </message>
</context>
<context>
    <name>ModuleEditor</name>
    <message>
        <source>Modules of the track</source>
        <translation>Módulos del itinerario</translation>
    </message>
    <message>
        <source>&amp;Add module</source>
        <translation>&amp;Agregar módulo</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
</context>
<context>
    <name>ModulesScreen</name>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>No plan yet</source>
        <translation>Todavía no hay plan</translation>
    </message>
    <message>
        <source>Create a plan on the Plan screen first; its modules are listed here.</source>
        <translation>Primero cree un plan en la pantalla Plan; sus módulos aparecen aquí.</translation>
    </message>
    <message>
        <source>&amp;Start the plan assistant</source>
        <translation>&amp;Iniciar el asistente del plan</translation>
    </message>
    <message>
        <source>Filter by title or kind</source>
        <translation>Filtrar por título o tipo</translation>
    </message>
    <message>
        <source>Filter modules</source>
        <translation>Filtrar módulos</translation>
    </message>
    <message>
        <source>Show status</source>
        <translation>Mostrar estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Modules summary</source>
        <translation>Resumen de módulos</translation>
    </message>
    <message>
        <source>Modules of the plan</source>
        <translation>Módulos del plan</translation>
    </message>
    <message>
        <source>No module matches the filter.</source>
        <translation>Ningún módulo coincide con el filtro.</translation>
    </message>
    <message>
        <source>&amp;Mark complete…</source>
        <translation>&amp;Marcar como completado…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Reabrir</translation>
    </message>
    <message>
        <source>&amp;Log time…</source>
        <translation>&amp;Registrar tiempo…</translation>
    </message>
    <message>
        <source>Start t&amp;imer</source>
        <translation>Iniciar t&amp;emporizador</translation>
    </message>
    <message>
        <source>Readiness by &amp;section…</source>
        <translation>Preparación por &amp;sección…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>{done} de {total} hechos</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} vencidos</translation>
    </message>
    <message>
        <source>Congratulations on passing {exam}! Add your {code} credential now, so the app tracks its CEUs and cycle?</source>
        <translation>¡Felicitaciones por aprobar {exam}! ¿Agregar ahora su credencial {code} para que la aplicación siga sus CEU y su ciclo?</translation>
    </message>
    <message>
        <source>If you passed {exam}: add your {code} credential now, so the app tracks its CEUs and cycle?</source>
        <translation>Si aprobó {exam}: ¿agregar ahora su credencial {code} para que la aplicación siga sus CEU y su ciclo?</translation>
    </message>
    <message>
        <source>(Without two years of coding experience AAPC awards CPC-A: choose it in the list.)</source>
        <translation>(Sin dos años de experiencia en codificación, AAPC otorga la CPC-A: elíjala en la lista).</translation>
    </message>
    <message>
        <source>Add the credential</source>
        <translation>Agregar la credencial</translation>
    </message>
    <message>
        <source>Reopen module</source>
        <translation>Reabrir módulo</translation>
    </message>
    <message>
        <source>Reopen “{title}”? Its completion date and score are removed.</source>
        <translation>¿Reabrir “{title}”? Se quitan su fecha de finalización y su puntuación.</translation>
    </message>
</context>
<context>
    <name>ModulesTab</name>
    <message>
        <source>Rename, re-estimate, reorder, add or remove modules of your own copy of the track. Completed modules cannot be changed. Nothing is saved until you accept the preview.</source>
        <translation>Cambie el nombre, la estimación o el orden, o agregue o quite módulos de su propia copia del itinerario. Los módulos completados no se pueden cambiar. No se guarda nada hasta que acepte la vista previa.</translation>
    </message>
    <message>
        <source>Problems with the modules</source>
        <translation>Problemas con los módulos</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>&amp;Preview changes…</source>
        <translation>&amp;Vista previa de los cambios…</translation>
    </message>
    <message>
        <source>Preview changes</source>
        <translation>Vista previa de los cambios</translation>
    </message>
</context>
<context>
    <name>PlanAssistant</name>
    <message>
        <source>New study plan</source>
        <translation>Nuevo plan de estudio</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
</context>
<context>
    <name>PlanHeader</name>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Study a week</source>
        <translation>Estudio por semana</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Status: {word}</source>
        <translation>Estado: {word}</translation>
    </message>
    <message>
        <source>Weekly budget</source>
        <translation>Presupuesto semanal</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>{done} de {total} hechos</translation>
    </message>
</context>
<context>
    <name>PlanScreen</name>
    <message>
        <source>No plan yet</source>
        <translation>Todavía no hay plan</translation>
    </message>
    <message>
        <source>Choose a track, tell Study Planner when you start and how much time you have, and it builds a dated study plan that fits your week.</source>
        <translation>Elija un itinerario, indique a Study Planner cuándo empieza y cuánto tiempo tiene, y creará un plan de estudio con fechas que se ajusta a su semana.</translation>
    </message>
    <message>
        <source>&amp;Start the plan assistant</source>
        <translation>&amp;Iniciar el asistente del plan</translation>
    </message>
    <message>
        <source>Start the plan assistant</source>
        <translation>Iniciar el asistente del plan</translation>
    </message>
    <message>
        <source>Plan views</source>
        <translation>Vistas del plan</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Cronograma</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendario</translation>
    </message>
    <message>
        <source>&amp;Modules</source>
        <translation>&amp;Módulos</translation>
    </message>
    <message>
        <source>&amp;Availability and dates</source>
        <translation>&amp;Disponibilidad y fechas</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>{track}: what-if, not saved</source>
        <translation>{track}: simulación, sin guardar</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planificando…</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview of the new plan</source>
        <translation>Vista previa del nuevo plan</translation>
    </message>
    <message>
        <source>Finish: {before} → {after}</source>
        <translation>Fin: {before} → {after}</translation>
    </message>
    <message>
        <source>The new plan&apos;s {n} modules and their due dates:</source>
        <translation>Los {n} módulos del nuevo plan y sus fechas de vencimiento:</translation>
    </message>
    <message>
        <source>{n} modules change their due date:</source>
        <translation>{n} módulos cambian su fecha de vencimiento:</translation>
    </message>
    <message>
        <source>No module changes its due date.</source>
        <translation>Ningún módulo cambia su fecha de vencimiento.</translation>
    </message>
    <message>
        <source>Modules that move</source>
        <translation>Módulos que se mueven</translation>
    </message>
    <message>
        <source>&amp;Accept and save</source>
        <translation>&amp;Aceptar y guardar</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
</context>
<context>
    <name>ProgressCharts</name>
    <message>
        <source>Burn-up chart: planned and done hours</source>
        <translation>Gráfico de avance: horas planificadas y hechas</translation>
    </message>
    <message>
        <source>Practice exam scores chart</source>
        <translation>Gráfico de puntuaciones de exámenes de práctica</translation>
    </message>
    <message>
        <source>Hours studied each week chart</source>
        <translation>Gráfico de horas estudiadas cada semana</translation>
    </message>
    <message>
        <source>Hours: planned and done</source>
        <translation>Horas: planificadas y hechas</translation>
    </message>
    <message>
        <source>Planned (baseline)</source>
        <translation>Planificado (línea base)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Forecast at your pace</source>
        <translation>Pronóstico a su ritmo</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>Practice exam scores</source>
        <translation>Puntuaciones de exámenes de práctica</translation>
    </message>
    <message>
        <source>No practice exam scores yet</source>
        <translation>Todavía no hay puntuaciones de exámenes de práctica</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Pass mark {mark} %</source>
        <translation>Nota para aprobar {mark} %</translation>
    </message>
    <message>
        <source>Hours studied each week</source>
        <translation>Horas estudiadas cada semana</translation>
    </message>
    <message>
        <source>Hours studied</source>
        <translation>Horas estudiadas</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <source>Readiness by exam section</source>
        <translation>Preparación por sección del examen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Posponer</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
</context>
<context>
    <name>ReplanDialog</name>
    <message>
        <source>Catch up</source>
        <translation>Ponerse al día</translation>
    </message>
    <message>
        <source>How do you want to catch up?</source>
        <translation>¿Cómo quiere ponerse al día?</translation>
    </message>
    <message>
        <source>Your plan now finishes on {date}. Each choice shows its new finish date; nothing is saved until you accept. Work already done never moves.</source>
        <translation>Su plan termina ahora el {date}. Cada opción muestra su nueva fecha de fin; no se guarda nada hasta que acepte. El trabajo ya hecho nunca se mueve.</translation>
    </message>
    <message>
        <source>&amp;Keep the finish date and study more each week</source>
        <translation>&amp;Mantener la fecha de fin y estudiar más cada semana</translation>
    </message>
    <message>
        <source>Keep your weekly time and &amp;move the finish date</source>
        <translation>Mantener su tiempo semanal y &amp;mover la fecha de fin</translation>
    </message>
    <message>
        <source>Add &amp;days off (a vacation) and see the effect</source>
        <translation>Agregar &amp;días libres (unas vacaciones) y ver el efecto</translation>
    </message>
    <message>
        <source>New finish date</source>
        <translation>Nueva fecha de fin</translation>
    </message>
    <message>
        <source>Verdict for the chosen way</source>
        <translation>Veredicto de la opción elegida</translation>
    </message>
    <message>
        <source>&amp;Accept and save</source>
        <translation>&amp;Aceptar y guardar</translation>
    </message>
    <message>
        <source>Accept and save the new plan</source>
        <translation>Aceptar y guardar el nuevo plan</translation>
    </message>
    <message>
        <source>Cancel: keep the plan as it is</source>
        <translation>Cancelar: dejar el plan como está</translation>
    </message>
    <message>
        <source>First day off</source>
        <translation>Primer día libre</translation>
    </message>
    <message>
        <source>Last day off</source>
        <translation>Último día libre</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;hasta</translation>
    </message>
    <message>
        <source>No amount of weekly study keeps the finish date.</source>
        <translation>Ninguna cantidad de estudio semanal mantiene la fecha de fin.</translation>
    </message>
    <message>
        <source>Not available without a plan.</source>
        <translation>No disponible sin un plan.</translation>
    </message>
    <message>
        <source>finishes on {date} ({shift})</source>
        <translation>termina el {date} ({shift})</translation>
    </message>
    <message>
        <source>cannot be scheduled</source>
        <translation>no se puede programar</translation>
    </message>
    <message>
        <source>Study {new} a week instead of {old}: {finish}.</source>
        <translation>Estudiar {new} por semana en lugar de {old}: {finish}.</translation>
    </message>
    <message>
        <source>Study {weekly} a week: {finish}.</source>
        <translation>Estudiar {weekly} a la semana: {finish}.</translation>
    </message>
    <message>
        <source>With these days off: {finish}.</source>
        <translation>Con estos días libres: {finish}.</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
</context>
<context>
    <name>RoadmapDialog</name>
    <message>
        <source>Add a goal credential</source>
        <translation>Agregar una credencial meta</translation>
    </message>
    <message>
        <source>Credentials you could add</source>
        <translation>Credenciales que podría agregar</translation>
    </message>
    <message>
        <source>Study track</source>
        <translation>Itinerario de estudio</translation>
    </message>
    <message>
        <source>Study &amp;track:</source>
        <translation>Itinerario de &amp;estudio:</translation>
    </message>
    <message>
        <source>What it would cost</source>
        <translation>Lo que costaría</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Preview plan…</source>
        <translation>&amp;Vista previa del plan…</translation>
    </message>
    <message>
        <source>Preview plan</source>
        <translation>Vista previa del plan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>What each credential would cost you, studying {weekly} a week after your plan “{plan}”, which finishes {finish}:</source>
        <translation>Lo que le costaría cada credencial, estudiando {weekly} a la semana después de su plan “{plan}”, que termina el {finish}:</translation>
    </message>
    <message>
        <source>What each credential would cost you, studying {weekly} a week from today (your week in “{plan}”):</source>
        <translation>Lo que le costaría cada credencial, estudiando {weekly} a la semana desde hoy (su semana en “{plan}”):</translation>
    </message>
    <message>
        <source>What each credential would cost you, studying {weekly} a week from today (no plan yet: a usual week of evenings and Saturday):</source>
        <translation>Lo que le costaría cada credencial, estudiando {weekly} a la semana desde hoy (aún sin plan: una semana habitual de tardes y sábado):</translation>
    </message>
    <message>
        <source>Creating it makes it the plan you follow; {plan} is kept with its history but is no longer the active plan.</source>
        <translation>Al crearlo pasa a ser el plan que sigue; {plan} se conserva con su historial, pero deja de ser el plan activo.</translation>
    </message>
    <message>
        <source>&amp;Create this plan</source>
        <translation>&amp;Crear este plan</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
</context>
<context>
    <name>ScheduleSettings</name>
    <message>
        <source>Availability and dates</source>
        <translation>Disponibilidad y fechas</translation>
    </message>
    <message>
        <source>Start and goal</source>
        <translation>Inicio y meta</translation>
    </message>
    <message>
        <source>Time available each week</source>
        <translation>Tiempo disponible cada semana</translation>
    </message>
    <message>
        <source>&amp;Allow an exam day longer than that day&apos;s study time</source>
        <translation>&amp;Permitir un día de examen más largo que el tiempo de estudio de ese día</translation>
    </message>
    <message>
        <source>Allow long exam sittings</source>
        <translation>Permitir sesiones de examen largas</translation>
    </message>
    <message>
        <source>An exam is sat in one go and is never split across days. Without this, it goes only on a day whose study time holds it; with it, it may take any study day, alone.</source>
        <translation>Un examen se presenta de una sola vez y nunca se divide entre días. Sin esta opción, solo va en un día cuyo tiempo de estudio lo abarque; con ella, puede ocupar cualquier día de estudio, solo.</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Días libres</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>&amp;Preview changes…</source>
        <translation>&amp;Vista previa de los cambios…</translation>
    </message>
    <message>
        <source>Preview changes</source>
        <translation>Vista previa de los cambios</translation>
    </message>
    <message>
        <source>&amp;Busy time from calendars…</source>
        <translation>Tiempo &amp;ocupado de los calendarios…</translation>
    </message>
    <message>
        <source>Busy time from calendars</source>
        <translation>Tiempo ocupado de los calendarios</translation>
    </message>
    <message>
        <source>No busy time from calendars.</source>
        <translation>Sin tiempo ocupado de calendarios.</translation>
    </message>
    <message>
        <source>Busy time from calendars: {time} on {days}.</source>
        <translation>Tiempo ocupado de los calendarios: {time} en {days}.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
</context>
<context>
    <name>SectionGrid</name>
    <message>
        <source>Missed questions by section</source>
        <translation>Preguntas falladas por sección</translation>
    </message>
    <message>
        <source>Missed questions: {section}</source>
        <translation>Preguntas falladas: {section}</translation>
    </message>
    <message>
        <source>of {count} questions</source>
        <translation>de {count} preguntas</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>de {count}</translation>
    </message>
    <message>
        <source>Questions missed in each section:</source>
        <translation>Preguntas falladas en cada sección:</translation>
    </message>
    <message>
        <source>Derived score</source>
        <translation>Puntuación calculada</translation>
    </message>
    <message>
        <source>* Section sizes marked so are estimates, not published figures.</source>
        <translation>* Los tamaños de sección así marcados son estimaciones, no cifras publicadas.</translation>
    </message>
    <message>
        <source>Score: {score} % ({missed} of {asked} questions missed)</source>
        <translation>Puntuación: {score} % ({missed} de {asked} preguntas falladas)</translation>
    </message>
</context>
<context>
    <name>SectionReadinessView</name>
    <message>
        <source>Readiness by exam section</source>
        <translation>Preparación por sección del examen</translation>
    </message>
    <message>
        <source>Readiness summary</source>
        <translation>Resumen de la preparación</translation>
    </message>
    <message>
        <source>Section scores chart</source>
        <translation>Gráfico de puntuaciones por sección</translation>
    </message>
    <message>
        <source>Section scores table</source>
        <translation>Tabla de puntuaciones por sección</translation>
    </message>
    <message>
        <source>Review verdict</source>
        <translation>Veredicto del repaso</translation>
    </message>
    <message>
        <source>&amp;Plan the review…</source>
        <translation>&amp;Planificar el repaso…</translation>
    </message>
    <message>
        <source>Plan the review</source>
        <translation>Planificar el repaso</translation>
    </message>
    <message>
        <source>The plan&apos;s track has no exam sections: scores by section need a track made from a built-in template.</source>
        <translation>El itinerario del plan no tiene secciones de examen: las puntuaciones por sección necesitan un itinerario creado a partir de una plantilla incluida.</translation>
    </message>
    <message>
        <source>No section scores</source>
        <translation>Sin puntuaciones por sección</translation>
    </message>
    <message>
        <source>{exam}: each section against the pass mark of {mark} %.</source>
        <translation>{exam}: cada sección frente a la nota de aprobado del {mark} %.</translation>
    </message>
    <message>
        <source>Some section sizes (and, for scaled-score exams, the mark) are estimates.</source>
        <translation>Algunos tamaños de sección (y, en los exámenes con puntuación escalada, la nota) son estimaciones.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Última</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>sin puntuación aún</translation>
    </message>
    <message>
        <source>below the pass mark</source>
        <translation>por debajo del aprobado</translation>
    </message>
    <message>
        <source>at or above the pass mark</source>
        <translation>en el aprobado o por encima</translation>
    </message>
    <message>
        <source>Section scores</source>
        <translation>Puntuaciones por sección</translation>
    </message>
    <message>
        <source>No section scores yet</source>
        <translation>Aún no hay puntuaciones por sección</translation>
    </message>
    <message>
        <source>{title}, {date}</source>
        <translation>{title}, {date}</translation>
    </message>
    <message>
        <source>Pass mark {mark} %</source>
        <translation>Nota para aprobar {mark} %</translation>
    </message>
    <message>
        <source>before {title} ({date})</source>
        <translation>antes de {title} ({date})</translation>
    </message>
    <message>
        <source>before the next sitting</source>
        <translation>antes del próximo examen</translation>
    </message>
    <message>
        <source>No section scores yet: mark a practice exam complete and enter the questions missed in each section.</source>
        <translation>Aún no hay puntuaciones por sección: marque un examen de práctica como completado e indique las preguntas falladas en cada sección.</translation>
    </message>
    <message>
        <source>Every section is at or above the pass mark.</source>
        <translation>Todas las secciones están en el aprobado o por encima.</translation>
    </message>
    <message>
        <source>Every section under the pass mark already has review in the plan.</source>
        <translation>Todas las secciones por debajo del aprobado ya tienen repaso en el plan.</translation>
    </message>
    <message>
        <source>No practice exam or exam is left to review for.</source>
        <translation>No queda ningún examen de práctica ni examen para el que repasar.</translation>
    </message>
    <message>
        <source>{section}: {time}</source>
        <translation>{section}: {time}</translation>
    </message>
    <message>
        <source>Review {time} {before}:</source>
        <translation>Repaso de {time} {before}:</translation>
    </message>
    <message>
        <source>Time is short: {time} of the {wanted} of review wanted fit {before}. Put these sections first: {first}.</source>
        <translation>El tiempo es escaso: caben {time} de las {wanted} de repaso deseadas {before}. Dé prioridad a estas secciones: {first}.</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Guardando el plan…</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit study session</source>
        <translation>Editar sesión de estudio</translation>
    </message>
    <message>
        <source>Log a study session</source>
        <translation>Registrar una sesión de estudio</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>{title} (done)</source>
        <translation>{title} (hecho)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What did you study? (optional)</source>
        <translation>¿Qué estudió? (opcional)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>&amp;Módulo:</translation>
    </message>
    <message>
        <source>M&amp;inutes:</source>
        <translation>M&amp;inutos:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Problem: {field}</source>
        <translation>Problema: {field}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Log session</source>
        <translation>Registrar sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sessions cannot be in the future; up to 16 hours each.</source>
        <translation>Las sesiones no pueden estar en el futuro; hasta 16 horas cada una.</translation>
    </message>
    <message>
        <source>Choose the module you studied.</source>
        <translation>Elija el módulo que estudió.</translation>
    </message>
    <message>
        <source>A session cannot be in the future.</source>
        <translation>Una sesión no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>Enter at least 1 minute.</source>
        <translation>Escriba al menos 1 minuto.</translation>
    </message>
    <message>
        <source>At most 960 minutes (16 hours) in one session.</source>
        <translation>Como máximo 960 minutos (16 horas) en una sesión.</translation>
    </message>
    <message>
        <source>Keep the note under {n} characters.</source>
        <translation>La nota debe tener menos de {n} caracteres.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Secciones de la configuración</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until a date</source>
        <translation>Posponer hasta una fecha</translation>
    </message>
    <message>
        <source>Show the reminder again on</source>
        <translation>Mostrar el recordatorio de nuevo el</translation>
    </message>
    <message>
        <source>Show it again on:</source>
        <translation>Mostrarlo de nuevo el:</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>Choose a day after today, within a year.</source>
        <translation>Elija un día posterior a hoy, dentro de un año.</translation>
    </message>
</context>
<context>
    <name>StartProblemDialog</name>
    <message>
        <source>Study Planner found your data damaged</source>
        <translation>Study Planner encontró sus datos dañados</translation>
    </message>
    <message>
        <source>Study Planner cannot open your data</source>
        <translation>Study Planner no puede abrir sus datos</translation>
    </message>
    <message>
        <source>Your data file is damaged</source>
        <translation>Su archivo de datos está dañado</translation>
    </message>
    <message>
        <source>Your data file cannot be opened</source>
        <translation>No se puede abrir su archivo de datos</translation>
    </message>
    <message>
        <source>Study Planner cannot use this data file</source>
        <translation>Study Planner no puede usar este archivo de datos</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué está mal</translation>
    </message>
    <message>
        <source>Nothing has been changed or deleted. Choose what to do:</source>
        <translation>No se ha cambiado ni eliminado nada. Elija qué hacer:</translation>
    </message>
    <message>
        <source>The file has not been changed.</source>
        <translation>El archivo no se ha cambiado.</translation>
    </message>
    <message>
        <source>Restore the backup of %1</source>
        <translation>Restaurar la copia de seguridad del %1</translation>
    </message>
    <message>
        <source>It holds %1.</source>
        <translation>Contiene %1.</translation>
    </message>
    <message>
        <source>The newest good backup (%1) holds %2.</source>
        <translation>La copia de seguridad buena más reciente (%1) contiene %2.</translation>
    </message>
    <message>
        <source>There is no good backup to restore.</source>
        <translation>No hay ninguna copia de seguridad buena para restaurar.</translation>
    </message>
    <message>
        <source>Start with a fresh database</source>
        <translation>Empezar con una base de datos nueva</translation>
    </message>
    <message>
        <source>The damaged file is moved aside in the data folder, not deleted.</source>
        <translation>El archivo dañado se aparta en la carpeta de datos, no se elimina.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>StudyCalendar</name>
    <message>
        <source>Calendar of study days</source>
        <translation>Calendario de días de estudio</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Días del mes</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>off</source>
        <translation>libre</translation>
    </message>
</context>
<context>
    <name>StudyLogScreen</name>
    <message>
        <source>Study log</source>
        <translation>Registro de estudio</translation>
    </message>
    <message>
        <source>No plan yet</source>
        <translation>Todavía no hay plan</translation>
    </message>
    <message>
        <source>Create a plan on the Plan screen first; then log your study here.</source>
        <translation>Primero cree un plan en la pantalla Plan; luego registre aquí su estudio.</translation>
    </message>
    <message>
        <source>&amp;Start the plan assistant</source>
        <translation>&amp;Iniciar el asistente del plan</translation>
    </message>
    <message>
        <source>Study sessions</source>
        <translation>Sesiones de estudio</translation>
    </message>
    <message>
        <source>No study sessions yet: start the timer or log a session by hand.</source>
        <translation>Todavía no hay sesiones de estudio: inicie el temporizador o registre una sesión a mano.</translation>
    </message>
    <message>
        <source>&amp;Log a session…</source>
        <translation>&amp;Registrar una sesión…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Deshacer eliminación</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer eliminación</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <source>Study log message</source>
        <translation>Mensaje del registro de estudio</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Saved {time} on {module}, {day}.</source>
        <translation>Se guardó {time} de {module}, {day}.</translation>
    </message>
    <message>
        <source>Deleted {time} on {module}, {day}. Undo with Ctrl+Z.</source>
        <translation>Se eliminó {time} de {module}, {day}. Deshaga con Ctrl+Z.</translation>
    </message>
    <message>
        <source>The deleted session is back.</source>
        <translation>La sesión eliminada está de vuelta.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Your plan</source>
        <translation>Su plan</translation>
    </message>
    <message>
        <source>Check the verdict. Finish saves the plan; you can change it later.</source>
        <translation>Revise el veredicto. Finalizar guarda el plan; puede cambiarlo después.</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Timeline of the new plan</source>
        <translation>Cronograma del nuevo plan</translation>
    </message>
    <message>
        <source>{modules} modules, {hours} in all, from {start} to {finish}.</source>
        <translation>{modules} módulos, {hours} en total, del {start} al {finish}.</translation>
    </message>
    <message>
        <source>&amp;Use this</source>
        <translation>&amp;Usar esto</translation>
    </message>
</context>
<context>
    <name>TermEditor</name>
    <message>
        <source>Term dates</source>
        <translation>Fechas de los periodos</translation>
    </message>
    <message>
        <source>Study part-time</source>
        <translation>Estudiar a medio tiempo</translation>
    </message>
    <message>
        <source>Term {n} start</source>
        <translation>Inicio del periodo {n}</translation>
    </message>
    <message>
        <source>Term {n} end</source>
        <translation>Fin del periodo {n}</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Term {n}:</source>
        <translation>Periodo {n}:</translation>
    </message>
    <message>
        <source>Term {n} ends before it starts.</source>
        <translation>El periodo {n} termina antes de empezar.</translation>
    </message>
</context>
<context>
    <name>TimePage</name>
    <message>
        <source>How much time do you have?</source>
        <translation>¿Cuánto tiempo tiene?</translation>
    </message>
    <message>
        <source>Minutes you can study on each weekday, and days off such as vacations.</source>
        <translation>Minutos que puede estudiar cada día de la semana, y días libres como las vacaciones.</translation>
    </message>
    <message>
        <source>Each week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Días libres</translation>
    </message>
</context>
<context>
    <name>TimelineHeader</name>
    <message>
        <source>Dates of the timeline</source>
        <translation>Fechas del cronograma</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Hoy, {date}</translation>
    </message>
    <message>
        <source>Target, {date}</source>
        <translation>Meta, {date}</translation>
    </message>
    <message>
        <source>Term {number}: {start} to {end}</source>
        <translation>Periodo {number}: del {start} al {end}</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Cronograma</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Show the whole plan ({keys})</source>
        <translation>Mostrar todo el plan ({keys})</translation>
    </message>
    <message>
        <source>{action} ({keys}, or Ctrl+wheel over the timeline)</source>
        <translation>{action} ({keys}, o Ctrl+rueda sobre el cronograma)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline of modules</source>
        <translation>Cronograma de módulos</translation>
    </message>
    <message>
        <source>No modules.</source>
        <translation>No hay módulos.</translation>
    </message>
</context>
<context>
    <name>TimerBar</name>
    <message>
        <source>Study timer</source>
        <translation>Temporizador de estudio</translation>
    </message>
    <message>
        <source>Timer status</source>
        <translation>Estado del temporizador</translation>
    </message>
    <message>
        <source>Time studied</source>
        <translation>Tiempo estudiado</translation>
    </message>
    <message>
        <source>Module to time</source>
        <translation>Módulo a cronometrar</translation>
    </message>
    <message>
        <source>&amp;Start timer</source>
        <translation>&amp;Iniciar temporizador</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>S&amp;top and log</source>
        <translation>De&amp;tener y registrar</translation>
    </message>
    <message>
        <source>Timer message</source>
        <translation>Mensaje del temporizador</translation>
    </message>
    <message>
        <source>No timer running. Study:</source>
        <translation>No hay temporizador en marcha. Estudiar:</translation>
    </message>
    <message>
        <source>Studying {module}</source>
        <translation>Estudiando {module}</translation>
    </message>
    <message>
        <source>Paused: {module}</source>
        <translation>En pausa: {module}</translation>
    </message>
    <message>
        <source>Under a minute: nothing was logged.</source>
        <translation>Menos de un minuto: no se registró nada.</translation>
    </message>
    <message>
        <source>Logged {time} on {module}.</source>
        <translation>Se registró {time} de {module}.</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <source>Which track do you follow?</source>
        <translation>¿Qué itinerario sigue?</translation>
    </message>
    <message>
        <source>Choose a built-in track (you get your own copy to edit) or create your own.</source>
        <translation>Elija un itinerario incluido (recibe su propia copia para editar) o cree el suyo.</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Itinerarios</translation>
    </message>
    <message>
        <source>{name}
Prepares for {credential} ({body}) · {modules} modules · about {hours}</source>
        <translation>{name}
Prepara para {credential} ({body}) · {modules} módulos · unas {hours}</translation>
    </message>
    <message>
        <source>Create my own track
Start from an empty list</source>
        <translation>Crear mi propio itinerario
Empezar con una lista vacía</translation>
    </message>
    <message>
        <source>Create my own track</source>
        <translation>Crear mi propio itinerario</translation>
    </message>
    <message>
        <source>About the chosen track</source>
        <translation>Sobre el itinerario elegido</translation>
    </message>
    <message>
        <source>Your own track</source>
        <translation>Su propio itinerario</translation>
    </message>
    <message>
        <source>Name of your track</source>
        <translation>Nombre de su itinerario</translation>
    </message>
    <message>
        <source>e.g. My CPC review</source>
        <translation>p. ej., Mi repaso de CPC</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Usually {low} to {high} months in {terms} terms. Full-time study is about {hours} a week during a term (about 45 hours of work per credit, 15 credits a term).</source>
        <translation>Normalmente de {low} a {high} meses en {terms} periodos. Estudiar a tiempo completo son unas {hours} por semana durante un periodo (unas 45 horas de trabajo por crédito, 15 créditos por periodo).</translation>
    </message>
    <message>
        <source>Part-time, over {terms} terms in about {years} years: about {hours} a week.</source>
        <translation>Medio tiempo, en {terms} periodos en unos {years} años: unas {hours} por semana.</translation>
    </message>
    <message>
        <source>The hours are estimates: after choosing, you can edit your own copy.</source>
        <translation>Las horas son estimaciones: después de elegir, puede editar su propia copia.</translation>
    </message>
    <message>
        <source>Usually {low} to {high} months, that is about {slow} to {fast} of study a week. The hours are estimates: after choosing, you can rename, re-estimate, reorder, add or remove modules of your own copy.</source>
        <translation>Normalmente de {low} a {high} meses, es decir, unas {slow} a {fast} de estudio por semana. Las horas son estimaciones: después de elegir, puede cambiar el nombre, la estimación o el orden, o agregar o quitar módulos de su propia copia.</translation>
    </message>
    <message>
        <source>Give your track a name.</source>
        <translation>Ponga un nombre a su itinerario.</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>What-if, not saved</source>
        <translation>Simulación, sin guardar</translation>
    </message>
    <message>
        <source>What-if: nothing here is saved. The verdict, the finish date and the timeline show the plan as it would be; Keep this saves it as your plan.</source>
        <translation>Simulación: aquí no se guarda nada. El veredicto, la fecha de fin y el cronograma muestran el plan tal como quedaría; Quedarse con esto lo guarda como su plan.</translation>
    </message>
    <message>
        <source>Hours a week slider</source>
        <translation>Control deslizante de horas por semana</translation>
    </message>
    <message>
        <source> h a week</source>
        <translation> h a la semana</translation>
    </message>
    <message>
        <source>Hours a week</source>
        <translation>Horas por semana</translation>
    </message>
    <message>
        <source>Ho&amp;urs a week:</source>
        <translation>Ho&amp;ras por semana:</translation>
    </message>
    <message>
        <source>Ta&amp;rget date:</source>
        <translation>&amp;Fecha meta:</translation>
    </message>
    <message>
        <source>Aim for a target date</source>
        <translation>Apuntar a una fecha meta</translation>
    </message>
    <message>
        <source>Target date slider</source>
        <translation>Control deslizante de la fecha meta</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>Study on:</source>
        <translation>Estudiar:</translation>
    </message>
    <message>
        <source>Study on {day}</source>
        <translation>Estudiar el {day}</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>Res&amp;tablecer</translation>
    </message>
    <message>
        <source>Reset to the saved plan</source>
        <translation>Volver al plan guardado</translation>
    </message>
    <message>
        <source>&amp;Keep this</source>
        <translation>&amp;Quedarse con esto</translation>
    </message>
    <message>
        <source>Keep this as the plan</source>
        <translation>Guardar esto como el plan</translation>
    </message>
    <message>
        <source>Close what-&amp;if</source>
        <translation>Cerrar la &amp;simulación</translation>
    </message>
    <message>
        <source>Close the what-if</source>
        <translation>Cerrar la simulación</translation>
    </message>
    <message>
        <source>Choose at least one weekday to study on.</source>
        <translation>Elija al menos un día de la semana para estudiar.</translation>
    </message>
</context>
</TS>
