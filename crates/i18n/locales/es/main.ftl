# Los mensajes de Coherence en español (las mismas claves que en.ftl).

## Palabras comunes

yes = sí
no = no

## coherence profile: tablas

profile-editions-pinned = Ediciones leídas en lugar de las más recientes (--edition): { $editions }
profile-stock-in = Inmigrantes que viven en el país
profile-stock-out = Emigrantes que viven en el extranjero
profile-no-data = (sin datos)
profile-usd-million = { $amount ->
        [one] { $amount } millón
       *[other] { $amount } millones
    }
profile-top-destinations = Principales destinos de los emigrantes
profile-top-origins = Principales orígenes de los inmigrantes
profile-flows = Flujos migratorios estimados (estimaciones guardadas)
profile-flows-none = (ninguna guardada; véase Lagunas de datos)
profile-flow-source = { $dataset } (importación { $import })
profile-economy = Remesas y economía
profile-cost-to = Costo de enviar 200 dólares EE. UU. al país (10.c.1)
profile-cost-from = Costo de enviar 200 dólares EE. UU. desde el país
profile-cost-above-5 = más del 5 %
profile-cost-above-3 = por encima de la meta del 3 %
profile-cost-within-3 = dentro de la meta del 3 %
profile-skills = Competencias y personal de salud
profile-skilled-rate = tasa de emigración de personas calificadas:
profile-health-rate = tasa de emigración del personal de salud:
profile-physicians = médicos por cada 1000 habitantes:
profile-who-list = lista de salvaguardias de la OMS:
profile-icmw = convención sobre los trabajadores migratorios:
profile-assessments = Evaluaciones según marcos (respuestas guardadas)
profile-none-stored = (ninguna guardada)
profile-not-computed = no calculado
profile-exactly = exactamente { $value }
profile-note = nota: { $note }
profile-answers = respuestas: versión { $version }, de { $file }, guardadas el { $at } por { $user } ({ $reason })
profile-overall = total: { $score }
profile-unanswered = sin respuesta: { $items }
profile-indicators = Indicadores de los ODS y de migración (último año)
profile-emigration-rate = tasa de emigración:
profile-net-migration = migración neta:
profile-sdg-17-3-2 = 17.3.2 remesas en % del PIB:
profile-received-pct-gdp = recibidas en % del PIB, recalculado:
profile-groups-recomputed = sus grupos, recalculados ponderados por el PIB (Σ remesas ÷ Σ PIB):
profile-group-members = { $year }; { $with_data } de { $members } miembros con datos
profile-cost-to-summary = 10.c.1 costo hacia el país: promedio de { $average } en { $corridors ->
        [one] { $corridors } corredor
       *[other] { $corridors } corredores
    } ({ $year }); { $share_above_5 } de los corredores cuestan más del 5 %; el promedio está { $gap } puntos porcentuales { $side ->
        [above] por encima de
       *[below] por debajo de
    } la meta del 3 %
profile-cost-from-summary = costo desde el país: promedio de { $average } en { $corridors ->
        [one] { $corridors } corredor
       *[other] { $corridors } corredores
    } ({ $year }); { $share_above_5 } de los corredores cuestan más del 5 %; el promedio está { $gap } puntos porcentuales { $side ->
        [above] por encima de
       *[below] por debajo de
    } la meta del 3 %
profile-concentration-destinations = concentración de los destinos: índice de Herfindahl { $index } entre { $partners ->
        [one] { $partners } socio
       *[other] { $partners } socios
    } ({ $year })
profile-concentration-senders = concentración de los países de envío: índice de Herfindahl { $index } entre { $partners ->
        [one] { $partners } socio
       *[other] { $partners } socios
    } ({ $year })
profile-members = Miembros de { $group } ({ $count })
profile-register = Registro de políticas ({ $count ->
        [one] { $count } política
       *[other] { $count } políticas
    })
profile-change-edited = modificada el { $date } por { $user }: { $reason }
profile-change-imported = importada de un archivo de registro el { $date } por { $user }: { $reason }
profile-gaps = Lagunas de datos
profile-sources = Fuente de cada valor: coherence profile { $iso3 } --format json (o csv)

## Encabezados de columna

col-year = año
col-total-persons = total (personas)
col-male = hombres
col-female = mujeres
col-pct-population = % de la población
col-country = país
col-persons = personas
col-share = proporción
col-period = período
col-method = método
col-inflow-persons = entradas (personas)
col-outflow = salidas
col-net = saldo
col-source = fuente
col-population = población
col-gdp-usd = PIB (dólares EE. UU.)
col-received-usd = recibidas (dólares EE. UU.)
col-paid-usd = pagadas (dólares EE. UU.)
col-sdg-17-3-2-official = 17.3.2 oficial (%)
col-received-pct-gdp = recibidas en % del PIB, recalculado
col-corridor = corredor
col-cost = costo
col-against-target = respecto de la meta de los ODS
col-id = id
col-ministry = ministerio
col-title = título
col-stages = etapas
col-status = estado
col-change = cambio en el registro

## El espacio de trabajo web: el marco de cada página

web-skip = Ir al contenido
web-nav = Principal
web-nav-home = Espacios de trabajo
web-nav-profiles = Perfiles
web-nav-datasets = Conjuntos de datos
web-nav-admin = Administración
web-nav-account = Cuenta
web-sign-out = Cerrar sesión
web-tabs = Espacio de trabajo
web-tab-overview = Resumen
web-tab-register = Registro de políticas
web-tab-answers = Cuestionarios
web-tab-workshop = Taller de impactos cruzados
web-tab-corridor = Corredor
web-tab-scenarios = Escenarios
web-tab-audit = Auditoría
web-table-scrolls = Tabla (se desplaza horizontalmente en pantallas estrechas)
web-demo-country = Un país del mundo de demostración ficticio: sus datos y políticas son inventados para la demostración y no describen ningún país real.
web-error = Esta página no se puede mostrar
web-error-back = Volver a sus espacios de trabajo
web-languages = Idioma

## Inicio de sesión y cuenta

web-signin-title = Iniciar sesión
web-signin-intro = Inicie sesión con el nombre y la contraseña que le dio su administrador.
web-signin-name = Nombre
web-signin-password = Contraseña
web-signin-submit = Iniciar sesión
web-signin-account = Su cuenta
web-signin-change = Cambiar su contraseña
web-signin-change-hint = Sustituya la contraseña de un solo uso que le dio un administrador. Se cerrará su sesión en todas partes y volverá a iniciarla con la nueva contraseña.
web-signin-current = Contraseña actual
web-signin-new = Nueva contraseña
web-signin-new-hint = De 12 a 1024 caracteres.
web-signin-save = Cambiar la contraseña
web-signin-changed = Su contraseña se ha cambiado. Inicie sesión con la nueva.
web-signin-signed-as = Sesión iniciada como
web-signin-admin = administrador de este Coherence

## La página de inicio

web-home-title = Sus espacios de trabajo
web-home-none = Todavía no es miembro de ningún espacio de trabajo. Un administrador lo añade al espacio de su gobierno o a una asociación de corredor.
web-home-none-admin = Todavía no existe ningún espacio de trabajo. Cree uno para un gobierno o una asociación de corredor en
web-home-administration = Administración
web-home-government = Espacio de trabajo de un gobierno
web-home-partnership = Asociación de corredor
web-home-role = Su función
web-home-admin-role = administrador (lee todo)
web-home-shared = socio: lee lo que se comparte
web-home-since = Desde su última visita
web-home-first = Es su primera visita: bienvenido.
web-home-nothing = no ha cambiado nada
web-home-changes = cambios de otras personas
web-home-also = También
web-home-profiles = Perfiles de países y grupos
web-home-profiles-why = perfiles migratorios de cualquier país a partir de los datos oficiales, con sus fuentes

## Resumen y miembros de un espacio de trabajo

web-ws-government = El espacio de trabajo del gobierno de
web-ws-profile = el perfil migratorio del país
web-ws-brief = la nota del espacio de trabajo
web-ws-partnership = Una asociación de corredor entre
web-ws-and = y
web-ws-partner-note = Usted lee lo que este gobierno comparte con su asociación.
web-ws-members = Miembros
web-ws-name = Nombre
web-ws-role = Función
web-ws-ministry = Ministerio
web-ws-actions = Acciones
web-ws-remove = Quitar
web-ws-add = Añadir un miembro o cambiar una función
web-ws-user = Nombre de usuario
web-ws-user-hint = El nombre de usuario de la persona (un administrador crea las cuentas).
web-ws-role-hint = Los lectores leen; los colaboradores modifican lo que pertenece a su ministerio; los coordinadores modifican todo, aprueban las respuestas y gestionan los miembros.
web-ws-ministry-hint = Solo para un colaborador: el ministerio para el que trabaja, tal como lo nombra el registro.
web-ws-reason = Motivo
web-ws-reason-hint = Se guarda en el registro de auditoría.
web-ws-save = Guardar la membresía
web-ws-remove-reason = quitado en la página del espacio de trabajo
web-ws-no-user = ningún usuario tiene este nombre de usuario
web-ws-saved = La membresía se ha guardado.
web-ws-removed = El miembro se ha quitado.

## Registro de auditoría

web-audit-title = Registro de auditoría
web-audit-instance = Registro de auditoría de este Coherence
web-audit-intro = Cada cambio, con quién lo hizo, cuándo, el valor anterior y el nuevo, y por qué.
web-audit-filter = Filtrar
web-audit-action = La acción empieza por
web-audit-action-hint = Por ejemplo policy. o membership.set
web-audit-user = Por
web-audit-anyone = cualquiera
web-audit-since = Desde (fecha)
web-audit-apply = Mostrar
web-audit-when = Cuándo (UTC)
web-audit-who = Quién
web-audit-what = Acción
web-audit-target = Objeto
web-audit-change = Anterior → nuevo
web-audit-why = Por qué
web-audit-console = administrador en la línea de comandos
web-audit-none = Ningún cambio coincide.
web-audit-next = Cambios posteriores
web-audit-first = Desde el primer cambio
web-audit-rows = Cambios

## Administración

web-admin-title = Administración
web-admin-users = Usuarios
web-admin-workspaces = Espacios de trabajo
web-admin-name = Nombre de usuario
web-admin-name-hint = Letras minúsculas, cifras, «.», «-» y «_», empezando por una letra.
web-admin-display = Nombre que ven los demás
web-admin-is-admin = Administrador de este Coherence
web-admin-add-user = Añadir un usuario
web-admin-state = Estado
web-admin-actions = Acciones
web-admin-active = activo
web-admin-disabled = desactivado
web-admin-locked = bloqueado hasta
web-admin-disable = Desactivar
web-admin-enable = Activar
web-admin-new-password = Nueva contraseña
web-admin-made = La cuenta está lista. Entregue esta contraseña de un solo uso a
web-admin-made-after = en persona o por otro canal; solo se muestra ahora. La persona la sustituye en su página Cuenta después de iniciar sesión.
web-admin-reset = Una nueva contraseña de un solo uso para
web-admin-back = Volver a la administración
web-admin-add-government = Crear el espacio de trabajo de un gobierno
web-admin-government-hint = Uno por país: su registro de políticas, sus respuestas, talleres y escenarios, en los que trabajan sus ministerios.
web-admin-ws-name = Nombre del espacio de trabajo
web-admin-country = País
web-admin-country-hint = Código ISO 3166-1 alfa-3, código M49 de las Naciones Unidas o nombre.
web-admin-add-partnership = Crear una asociación de corredor
web-admin-partnership-hint = Une los espacios de trabajo de los gobiernos de origen y de destino de un corredor; cada parte decide lo que comparte.
web-admin-origin = Gobierno de origen
web-admin-destination = Gobierno de destino
web-admin-reason = Motivo
web-admin-reason-hint = Se guarda en el registro de auditoría.
web-admin-make = Crear el espacio de trabajo
web-admin-kind = Tipo
web-admin-government = gobierno
web-admin-partnership = asociación
web-admin-no-governments = Cree primero dos espacios de trabajo de gobierno.
web-admin-audit = El registro de auditoría de la instancia
web-admin-disable-reason = cambiado en la página de administración

## El registro de políticas

web-reg-register = Registro de políticas
web-reg-filters = Filtrar el registro
web-reg-any = Todos
web-reg-apply = Filtrar
web-reg-clear = Mostrar todo
web-reg-new = Nueva política
web-reg-caption = Políticas
web-reg-none = Ninguna política coincide con estos filtros.
web-reg-partial = Este gobierno comparte algunas políticas con su asociación: solo se muestran esas.
web-reg-history = Historial
web-reg-details = Detalles
web-reg-see-above = Solo lectura, como se indica arriba.
web-reg-history-caption = Cambios de esta política, del más antiguo al más reciente
web-reg-no-history = No hay ningún cambio registrado para esta política.
web-reg-when = Cuándo
web-reg-who = Quién
web-reg-action = Qué
web-reg-field = Campo
web-reg-change = Anterior → nuevo
web-reg-why = Por qué
web-reg-edit = Modificar esta política
web-reg-view = Volver a la política
web-reg-edit-title = Modificar la política
web-reg-save = Guardar los cambios
web-reg-create = Añadir la política
web-reg-saved = La política se ha guardado.
web-reg-created = La política se ha añadido al registro.
web-reg-read-only = Puede leer esta política, pero no modificarla.
web-reg-reason = Motivo del cambio
web-reg-reason-hint = Obligatorio. Diga por qué, para el historial (de 1 a 2000 caracteres).
web-reg-list-hint = Identificadores en minúsculas (letras, cifras, guiones) separados por ; (p. ej., nurses; seasonal-workers).
web-reg-partners-hint = Códigos ISO 3166-1 alfa-3 separados por ; (p. ej., XAB; GBR).
web-reg-ident-hint = Letras minúsculas, cifras y guiones (p. ej., labour).
web-reg-year-hint = Un año de 1900 a 2200, o vacío.
web-reg-id-hint = De 1 a 64 letras, cifras, «-», «_» o «.», único en el registro (p. ej., XAA-LAB-07).
web-reg-stages = Etapas del ciclo migratorio
web-reg-ministry-fixed = Solo un coordinador asigna una política a otro ministerio.
web-reg-new-ministry-fixed = Un colaborador solo añade políticas de su propio ministerio.
web-reg-version-gone = Alguien modificó esta política desde que la abrió. Vuelva a cargar la página para ver los cambios.
web-reg-dash = —

## Conjuntos de datos

web-data-title = Conjuntos de datos
web-data-intro = Los conjuntos de datos oficiales guardados en este Coherence, cada edición con su editor, su fuente y el SHA-256 de cada archivo leído. Cada cifra de los perfiles y las notas procede de uno de ellos.
web-data-none = Todavía no hay ningún conjunto de datos guardado.
web-data-stored = Conjuntos de datos guardados
web-data-dataset = Conjunto de datos
web-data-publisher = Editor
web-data-edition = Edición
web-data-files = Archivos
web-data-rows = Filas
web-data-imported = Importado
web-data-default = edición predeterminada
web-data-fictional = ficticio
web-data-upload = Subir un archivo oficial
web-data-upload-intro = El archivo se lee y se comprueba de inmediato (su tamaño, su estructura, sus zonas); una tarea lo guarda, completo o nada. Se rechaza un archivo que cambiaría datos guardados.
web-data-file = El archivo
web-data-file-hint = CSV, Excel o zip, tal como lo distribuye el editor.
web-data-kind = Estructura (opcional)
web-data-kind-hint = Vacío: se reconoce a partir del archivo. Si no, el nombre de una estructura, como lo acepta `coherence import --kind`.
web-data-send = Subir e importar
web-data-progress = Subida
web-data-imports = Importaciones recientes
web-data-job = Importación
web-data-status = Estado
web-data-fetch = Descargar los archivos oficiales
web-data-fetch-text = El catálogo de fuentes oficiales (DAES de las Naciones Unidas, Banco Mundial, OCDE, OIT, ACNUR y otras) se descarga en la línea de comandos del servidor y luego se importa:
web-data-fetch-later = Todavía no se pueden lanzar descargas desde esta página.
web-data-provenance = Procedencia
web-data-key = Clave
web-data-source = Fuente
web-data-licence = Licencia
web-data-not-stated = no indicada
web-data-name = Nombre
web-data-size = Bytes
web-data-areas = Zonas definidas
web-data-values = Valores de zonas
web-data-pairs = Valores de pares
web-data-policies = Políticas
web-data-recognised = Lo que se reconoció
web-data-layout = Estructura
web-data-detected = reconocida a partir del archivo
web-data-named = indicada por quien subió el archivo
web-data-checks = Comprobaciones y observaciones
web-data-no-notes = El lector no observó nada.
web-data-outcome = Resultado
web-data-duplicates = Valores ya guardados desde otro archivo de la edición
web-data-running = La importación está en curso
web-data-reload = Vuelva a cargar esta página para ver cómo avanza.
web-data-failed = La importación fue rechazada
web-data-open = Ver el conjunto de datos
web-data-back = Volver a los conjuntos de datos
web-data-no-file = elija un archivo para subir
web-data-not-import = no es una importación

## Una asociación de corredor

web-cor-title = Corredor
web-cor-not-partnership = solo una asociación de corredor tiene página de corredor; el espacio de trabajo de un gobierno tiene un registro
web-cor-figures = El corredor en cifras
web-cor-figures-caption = Últimas cifras que leen las reglas del corredor, en ambos sentidos, con sus fuentes
web-cor-no-figures = No hay ninguna cifra de este corredor en la base.
web-cor-indicator = Indicador
web-cor-where = Dónde
web-cor-year = Año
web-cor-value = Valor
web-cor-unit = Unidad
web-cor-source = Fuente
web-cor-registers = Los registros, tal como se comparten con esta asociación
web-cor-origin = origen
web-cor-destination = destino
web-cor-shares-all = Comparte todo su registro.
web-cor-shares-none = No comparte ninguna política con esta asociación.
web-cor-shares-some = Comparte algunas políticas:
web-cor-id = Política
web-cor-policy-title = Título
web-cor-ministry = Ministerio
web-cor-status = Estado
web-cor-findings = Constataciones de las reglas del corredor
web-cor-findings-intro = Reglas comprobadas con las cifras y con las políticas compartidas con esta asociación.
web-cor-no-findings = Ninguna regla del corredor se activa con lo compartido.
web-cor-unevaluated = Reglas no evaluadas
web-cor-severity = gravedad
web-cor-level = nivel
web-cor-why = Por qué importa
web-cor-rule-source = Fuente de la regla
web-cor-policies = Políticas implicadas
web-cor-attributes = Datos de los países
web-cor-data = Datos examinados
web-cor-absences = Falta
web-cor-near = Cerca, pero no se cuenta
web-cor-notes = Notas entre los gobiernos
web-cor-no-notes = Todavía no hay notas.
web-cor-general = Notas generales sobre este corredor
web-cor-note = Su nota
web-cor-note-hint = De 1 a 4000 caracteres; ambos gobiernos la leen.
web-cor-add-note = Añadir la nota
web-cor-note-added = Su nota se ha añadido.
web-cor-note-reason = una nota sobre una constatación del corredor
web-cor-note-bad = una nota tiene de 1 a 4000 caracteres
web-cor-finding-bad = la constatación de la nota es el identificador de una regla del corredor o general
web-cor-sharing = Lo que su gobierno comparte con esta asociación
web-cor-share-whole = Compartir todo el registro
web-cor-share-whole-hint = El socio lee entonces cada política; si no, solo las políticas marcadas abajo.
web-cor-share-one = Políticas compartidas una a una
web-cor-share-reason = Motivo del cambio
web-cor-share-save = Guardar lo que se comparte
web-cor-shared-saved = Lo que comparte su gobierno se ha guardado.
web-cor-nothing-changed = No se ha cambiado nada.
web-cor-side = parte
web-cor-wrote = escribió el
web-cor-fictional = Datos ficticios

## Escenarios

web-sc-title = Escenarios
web-sc-intro = Simule opciones de política con su incertidumbre: parta de uno de los modelos de opciones o de un ejemplo incorporado, ejecútelo y añada el resultado a la nota.
web-sc-models = Modelos de opciones
web-sc-use-model = Rellenar un formulario para este modelo
web-sc-parameters = Parámetros
web-sc-parameters-of = Parámetros de
web-sc-parameter = Parámetro
web-sc-unit = Unidad
web-sc-domain = Valores
web-sc-default = Predeterminado
web-sc-source = Fuente del valor predeterminado
web-sc-fixed = fijo (un número, no una distribución)
web-sc-examples = Ejemplos
web-sc-examples-intro = Archivos de escenario del mundo de demostración, con varias opciones cada uno; abra uno para modificarlo y ejecutarlo.
web-sc-use-example = Abrir este ejemplo
web-sc-runs = Ejecuciones de este espacio de trabajo
web-sc-no-runs = Todavía no se ha ejecutado ningún escenario en este espacio de trabajo.
web-sc-run = Ejecución
web-sc-scenario = Escenario
web-sc-status = Estado
web-sc-draws = Extracciones
web-sc-seed = Semilla
web-sc-started = Iniciada
web-sc-in-brief = en la nota
web-sc-cannot-run = Los lectores consultan las ejecuciones; los colaboradores y coordinadores del espacio de trabajo las inician.
web-sc-compare = Comparar dos ejecuciones
web-sc-compare-intro = Las ejecuciones con la misma semilla y las mismas extracciones se comparan extracción por extracción (la segunda menos la primera), para cada opción del mismo nombre en ambas.
web-sc-first = Primera ejecución (A)
web-sc-second = Segunda ejecución (B)
web-sc-compare-submit = Comparar
web-sc-brief = La nota del espacio de trabajo
web-sc-brief-link = Abrir la nota con las ejecuciones añadidas
web-sc-new-title = Un nuevo escenario
web-sc-new-example = Un escenario a partir del ejemplo
web-sc-name = Nombre del escenario
web-sc-description = Descripción
web-sc-description-hint = Qué es la opción y por qué se simula (opcional).
web-sc-option = Nombre de la opción
web-sc-option-hint = Cómo nombran esta opción los gráficos y las tablas.
web-sc-baseline = Situación de referencia
web-sc-origin = País de origen (o el país)
web-sc-origin-hint = Un código ISO 3166-1 alfa-3, un código M49 o un nombre; los valores de referencia se leen de los datos guardados.
web-sc-destination = País de destino
web-sc-destination-hint = Déjelo vacío para un escenario de un solo país.
web-sc-year = Año de referencia
web-sc-year-hint = Los valores de referencia son los más recientes guardados hasta este año inclusive.
web-sc-run-options = La ejecución
web-sc-seed-hint = La misma semilla da los mismos números, aquí y en la línea de comandos.
web-sc-draws-hint = Extracciones de Monte Carlo: más extracciones dan intervalos más estables.
web-sc-file = Archivo de escenario (TOML)
web-sc-file-hint = El formato se describe en docs/scenarios.md; se comprueba antes de la ejecución.
web-sc-spread = incertidumbre, ± % del valor
web-sc-spread-hint = Opcional: el valor se extrae de una distribución triangular de este porcentaje a cada lado (dentro de sus valores permitidos).
web-sc-required = obligatorio
web-sc-from-baseline = vacío: el de la referencia
web-sc-start = Comprobar y ejecutar
web-sc-back = Volver a los escenarios
web-sc-running = La ejecución está en curso
web-sc-running-noscript = Vuelva a cargar esta página para ver cómo avanza.
web-sc-failed = La ejecución falló
web-sc-cancelled = La ejecución se canceló.
web-sc-summary = Resumen de las extracciones
web-sc-output = Resultado
web-sc-side = Para
web-sc-year-col = Año
web-sc-mean = Media
web-sc-files = Archivos de la ejecución
web-sc-the-file = El archivo de escenario
web-sc-add-brief = Añadir a la nota
web-sc-remove-brief = Quitar de la nota
web-sc-added = La ejecución está en la nota del espacio de trabajo.
web-sc-removed = La ejecución se quitó de la nota.
web-sc-add-reason = añadida a la nota desde la página de escenarios
web-sc-remove-reason = quitada de la nota desde la página de escenarios
web-sc-options-compare = Comparar dos opciones de esta ejecución
web-sc-option-a = Opción A
web-sc-option-b = Opción B
web-sc-compare-title = Comparación
web-sc-differences = Diferencias B − A en las extracciones
web-sc-share = Proporción de extracciones con B > A
web-sc-not-a-run = no es una ejecución de escenario terminada de este espacio de trabajo

## El taller de impactos cruzados

web-wk-title = Taller de impactos cruzados
web-wk-intro = Una matriz de impactos cruzados pregunta, para cada par ordenado de objetivos o políticas: si se avanza en el primero, ¿cómo influye en el avance del segundo? Cada evaluador puntúa cada par de −3 a +3 con un motivo; los resultados muestran la mediana, dónde discrepan los evaluadores y cómo se influyen los objetivos como red.
web-wk-matrices = Matrices
web-wk-no-matrices = Todavía no hay ninguna matriz.
web-wk-no-matrices-ask = Un coordinador del espacio de trabajo crea una.
web-wk-elements = elementos
web-wk-cells = pares que puntuar
web-wk-finished = evaluadores han terminado
web-wk-progress = Puntuaciones dadas
web-wk-make = Crear una matriz
web-wk-make-intro = Elija políticas del registro y escriba objetivos: juntos forman las filas y columnas de la matriz (de 2 a 200). Se pide a cada colaborador y coordinador del espacio de trabajo que la puntúe.
web-wk-name = Nombre de la matriz
web-wk-name-hint = De 1 a 200 caracteres, distinto del nombre de otra matriz de aquí.
web-wk-policies = Políticas del registro
web-wk-no-policies = El registro todavía no contiene ninguna política de este gobierno.
web-wk-objectives = Objetivos
web-wk-objectives-hint = Uno por línea: un identificador (letras, cifras, - _ o .), dos puntos y el objetivo, p. ej., «health: Cobertura sanitaria universal». Una línea sin identificador recibe uno (o1, o2, …).
web-wk-reason = Motivo
web-wk-reason-hint = Por qué (se guarda en el registro de auditoría).
web-wk-submit-make = Crear la matriz
web-wk-scale = La escala
web-wk-not-scored = Sin puntuar todavía
web-wk-score-title = Sus puntuaciones
web-wk-score-intro = Elija una puntuación y dé un motivo para cada par; puede guardar parte de la matriz y volver más tarde. Guardar de nuevo sustituye sus puntuaciones anteriores (el registro de auditoría las conserva).
web-wk-next = Ir a su siguiente par sin puntuar
web-wk-all-done = Ha puntuado todos los pares.
web-wk-row-legend = Si se avanza en
web-wk-row-legend-after = ¿cómo influye en el avance de…
web-wk-left = por puntuar
web-wk-why = Motivo
web-wk-save = Guardar mis puntuaciones
web-wk-saved = puntuaciones guardadas.
web-wk-nothing-saved = No ha cambiado nada: no se guardó ninguna puntuación.
web-wk-cannot-score = Puntuar requiere la función de colaborador o coordinador en este espacio de trabajo; puede seguir el avance y leer los resultados.
web-wk-needs-score = Elija una puntuación para este motivo, o borre el motivo.
web-wk-bad-score = Una puntuación es un número entero de −3 a +3.
web-wk-fix = Algunas puntuaciones no se guardaron: vea los pares marcados abajo.
web-wk-tracker = Quién ha puntuado qué
web-wk-tracker-caption = Avance por evaluador
web-wk-assessor = Evaluador
web-wk-role = Función
web-wk-scored = Puntuados
web-wk-unscored = Pares sin puntuar todavía
web-wk-former = ya no es miembro
web-wk-no-assessors = El espacio de trabajo todavía no tiene colaboradores ni coordinadores para puntuarla.
web-wk-everyone = Todos han puntuado todos los pares.
web-wk-scores-left = puntuaciones por dar
web-wk-not-finished = Sin terminar
web-wk-and = y
web-wk-more = más
web-wk-you = usted
web-wk-results = Resultados
web-wk-results-link = Resultados: medianas, discrepancias, red
web-wk-back = Todas las matrices
web-wk-scoring-link = Puntuación y avance
web-wk-no-scores = Todavía no se ha puntuado ningún par: los resultados aparecen con la primera puntuación.
web-wk-medians = Puntuaciones medianas
web-wk-medians-intro = Cada celda es la mediana de las puntuaciones de los evaluadores para «la fila influye en la columna». Marcadas con ! y resaltadas: los evaluadores discrepan (unas positivas y otras negativas, o separadas por 3 puntos o más).
web-wk-heat-title = Mapa de calor de las puntuaciones medianas
web-wk-medians-caption = Puntuación mediana por par (la fila influye en la columna)
web-wk-influences = El avance en ↓ influye en →
web-wk-disagree = los evaluadores discrepan
web-wk-reasons = Puntuaciones y motivos lado a lado
web-wk-reasons-caption = La puntuación y el motivo de cada evaluador, primero los pares con discrepancias
web-wk-pair = Par
web-wk-median = Mediana
web-wk-range = Rango
web-wk-network = La red
web-wk-network-title = Diagrama de red de las puntuaciones medianas
web-wk-metrics = Métricas de la red
web-wk-most-influential = Los más influyentes (fuerza de salida: suma de las influencias positivas ejercidas)
web-wk-most-influenced = Los más influidos (fuerza de entrada: suma de las influencias positivas recibidas)
web-wk-metrics-caption = Métricas de cada objetivo
web-wk-objective = Objetivo
web-wk-conflicts = Conflictos
web-wk-conflicts-intro = Pares cuya mediana es −2 (contrarrestan) o menos, primero la más negativa.
web-wk-no-conflicts = Ningún par tiene una mediana de −2 o menos.
web-wk-opposite = Signos distintos
web-wk-yes = sí
web-wk-no = no
web-wk-ripples = Efectos en cadena (segundo orden)
web-wk-ripples-intro = Las influencias indirectas más fuertes a través de un objetivo intermedio (i → j → k, sumadas sobre j).
web-wk-ripples-caption = Influencias de segundo orden más fuertes
web-wk-no-ripples = Ninguna influencia indirecta: ninguna cadena de dos vínculos no nulos.
web-wk-via = Influencia de segundo orden
web-wk-downloads = Descargas
web-wk-csv = Juicios (CSV, para coherence matrix metrics)
web-wk-xlsx = Celdas, métricas y juicios (Excel)
web-wk-graphml = Red (GraphML, para Gephi, yEd, Cytoscape)
web-wk-nothing-to-export = nada que exportar: todavía no se ha puntuado ningún par de esta matriz

## Cuestionarios

web-ans-title = Cuestionarios
web-ans-intro = Cada ministerio propone las respuestas a las preguntas que se le asignan, con un comentario y sus pruebas. El coordinador resuelve las respuestas que difieren, guarda las respuestas como una versión y aprueba una versión. Las puntuaciones son las del propio marco; una lista de verificación solo se cuenta; no se clasifica nada.
web-ans-frameworks = Marcos
web-ans-kind = Tipo
web-ans-scored = puntuado
web-ans-checklist = lista de verificación (se cuenta, nunca se puntúa)
web-ans-latest = Última versión
web-ans-none-stored = ninguna guardada
web-ans-signed = aprobada
web-ans-not-signed = sin aprobar
web-ans-adaptation = Adaptación
web-ans-items = preguntas
web-ans-assigned = asignadas
web-ans-proposed = con una propuesta
web-ans-conflicts = en conflicto
web-ans-answered = respondidas en la última versión
web-ans-progress-label = Preguntas listas para guardar
web-ans-of = de
web-ans-versions = Versiones y aprobación
web-ans-score = Puntuación de la última versión
web-ans-overall = Total
web-ans-domain = Ámbito
web-ans-n-answered = Respondidas
web-ans-band = Banda
web-ans-percent = Puntuación (%)
web-ans-not-computed = no calculada
web-ans-tally = Recuento
web-ans-item = Pregunta
web-ans-assigned-to = Asignada a
web-ans-nobody = ningún ministerio (responde el coordinador)
web-ans-current = En la última versión
web-ans-unanswered = sin respuesta
web-ans-conflict = conflicto: los ministerios proponen respuestas distintas
web-ans-decided = decidida por el coordinador
web-ans-agreed = para guardar
web-ans-proposals = Propuestas para la pregunta
web-ans-no-proposal = Todavía no hay propuestas.
web-ans-ministry = Ministerio
web-ans-answer = Respuesta
web-ans-comment = Comentario
web-ans-evidence = Prueba
web-ans-evidence-hint = Una ley, un decreto, un documento o un enlace que respalda la respuesta.
web-ans-by = Por
web-ans-when = Cuándo (UTC)
web-ans-coordinator-name = Decisión del coordinador
web-ans-choose = — elija una respuesta —
web-ans-propose = Proponer esta respuesta
web-ans-decide = Decidir esta respuesta
web-ans-decide-summary = Decidir la respuesta a la pregunta
web-ans-propose-summary = La respuesta de su ministerio a la pregunta
web-ans-decide-hint = Como coordinador, su respuesta es la decisión: resuelve un conflicto.
web-ans-not-yours = esta pregunta está asignada a
web-ans-not-yours-end = ; un colaborador solo responde las preguntas de su propio ministerio
web-ans-unassigned = esta pregunta no está asignada a ningún ministerio; solo la responde el coordinador
web-ans-read-only = usted lee este cuestionario; responder requiere la función de colaborador o coordinador
web-ans-coordination = Coordinación
web-ans-store = Guardar las respuestas como una nueva versión
web-ans-store-hint = La decisión de cada pregunta o, si no, la respuesta que proponen todos los ministerios; las demás preguntas conservan la respuesta de la última versión.
web-ans-store-blocked = Resuelva primero los conflictos: decida la respuesta de cada pregunta en conflicto.
web-ans-reason = Motivo de esta versión
web-ans-assign-reason = Motivo de esta asignación
web-ans-assign = Asignar una pregunta a un ministerio
web-ans-assign-item = Pregunta que asignar
web-ans-assign-ministry = Ministerio
web-ans-assign-hint = Vacío: ningún ministerio (la responde el coordinador).
web-ans-assign-submit = Asignar
web-ans-done-proposed = Su propuesta se ha registrado.
web-ans-done-assigned = La pregunta está asignada.
web-ans-done-stored = Las respuestas se han guardado como una nueva versión.
web-ans-done-unchanged = La última versión ya contiene estas respuestas: no se añadió ninguna versión.
web-ans-done-signed = La versión está aprobada.
web-ans-version = Versión
web-ans-stored-at = Guardada (UTC)
web-ans-stored-by = Guardada por
web-ans-why = Por qué
web-ans-signoff = Aprobación
web-ans-sign = Aprobar
web-ans-note = Nota de aprobación de la versión
web-ans-signed-by = Aprobada por
web-ans-on = el
web-ans-no-version = Todavía no hay ninguna versión guardada.
web-ans-signed-read-only = Una versión aprobada es de solo lectura: queda tal como se aprobó.
web-ans-compare = Comparar dos versiones
web-ans-from = Versión anterior
web-ans-to = Versión posterior
web-ans-compare-submit = Comparar
web-ans-compare-title = Qué cambió
web-ans-changed = Preguntas cuya respuesta cambió
web-ans-nothing-changed = No cambió ninguna respuesta.
web-ans-scores = Cómo cambió la puntuación
web-ans-change = Cambio (puntos porcentuales)
web-ans-tallies = Cómo cambiaron los recuentos
web-ans-back = Volver al cuestionario
web-ans-to-versions = Versiones y aprobación

web-reg-owned-by = Esta política pertenece al { $owner }; usted colabora para el { $mine } y solo modifica sus políticas.
web-reg-field-id = Identificador
web-reg-field-country = País
web-reg-field-ministry = Ministerio
web-reg-field-title = Título
web-reg-field-instrument = Instrumento
web-reg-field-stages = Etapas
web-reg-field-area = Ámbito de política
web-reg-field-partners = Países asociados
web-reg-field-target-groups = Grupos destinatarios
web-reg-field-status = Estado
web-reg-field-start-year = Año de inicio
web-reg-field-end-year = Año de finalización
web-reg-field-objectives = Objetivos
web-reg-field-tags = Etiquetas
web-reg-field-source = Documento de origen
web-reg-field-layer = Registrado como
web-reg-field-stage = Etapa
web-reg-field-partner = País asociado
web-reg-field-other = Campo
