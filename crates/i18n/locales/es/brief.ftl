# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

## Charts and maps (crates/report/src/svg.rs, svg/, map.rs): the texts a chart or map
## writes itself. Values ($value, $x, $lower…) arrive already written by the
## language's conventions; $unit, $label and $name are the brief's words.

brief-chart-no-data = No hay datos disponibles
brief-chart-no-data-sentence = No hay datos disponibles.
brief-chart-list-separator = {"; "}
brief-chart-series-values = { $name }, { $unit }: { $values }.
brief-chart-series-values-gaps = { $name } (faltan algunos valores), { $unit }: { $values }.
brief-chart-series-no-data = { $name }: sin datos.
brief-chart-point = { $x }: { $y }
brief-chart-point-tip = { $name }, { $x }: { $y } { $unit }
brief-chart-item = { $label }: { $value }
brief-chart-item-share = { $label }: { $value } ({ $share } del total)
brief-chart-bar-share = { $value } ({ $share })
brief-chart-values-in = Unidad: { $unit }.
brief-chart-interval-item = { $label }: { $value }, { $interval } de { $lower } a { $upper }
brief-chart-interval-axis = { $unit }; barras: { $interval }
brief-chart-reference-line = Línea de referencia: { $label } en { $value }.
brief-chart-fan-point = { $x }: { $median } (intervalo del 90 % de { $lower } a { $upper })
brief-chart-fan-series = { $name }, mediana, { $unit }: { $values }.
brief-chart-fan-median = { $name } (mediana)
brief-chart-fan-bands = Intervalos del 50 % y del 90 % (sombreados)
brief-chart-fan-tip = { $name }, { $x }: mediana { $median } { $unit } (intervalo del 90 % de { $lower } a { $upper })
brief-chart-reference-at = { $label } en { $value }
brief-chart-reference-lines = Líneas de referencia: { $lines }.
brief-chart-above-count = { $above } de { $total } por encima de { $threshold }.
brief-chart-above = Por encima: { $name }
brief-chart-at-or-below = En el nivel o por debajo: { $name }
brief-map-boundary-note = Los límites y los nombres que figuran no implican su apoyo o aceptación oficial.
brief-map-source-note = Proyección Equal Earth. Límites: Natural Earth 1:50m (dominio público).
brief-map-class-all = todos
brief-map-class-under = menos de { $bound }
brief-map-class-or-more = { $bound } o más
brief-map-area-code = zona { $code }
brief-map-desc-world = Mapa mundial, proyección Equal Earth.
brief-map-desc-no-data = Ningún destino del mapa tiene datos; todos los países aparecen en gris.
brief-map-desc-item = { $name }: { $value }
brief-map-desc-largest = Los { $shown } principales de los { $total } destinos con datos, en personas:
brief-map-desc-all =
    { $total ->
        [one] El único destino con datos, en personas:
       *[other] Los { $total } destinos con datos, de mayor a menor, en personas:
    }
brief-map-not-drawn = No representados (sin contorno a esta escala): { $names }.
brief-map-desc-origin = El país de origen, { $name }, aparece rayado.
brief-map-name-separator = {", "}
brief-map-tip-persons =
    { $value ->
        [one] { $name }: { $value } persona
       *[other] { $name }: { $value } personas
    }
brief-map-tip-origin = { $name }: país de origen
brief-map-legend-title = Personas
brief-map-legend-no-data-any = ningún destino tiene datos
brief-map-legend-no-data = sin datos
brief-map-legend-origin = origen: { $name }

## Corridor checks (crates/report/src/corridor.rs)

brief-corridor-title = Coherencia de los corredores
brief-corridor-none = No se comprobó ningún corredor: el almacén no contiene ningún dato bilateral sobre el número de migrantes de este país, a partir del cual se eligen sus principales socios.
brief-corridor-intro = Cada corredor entre el país y sus principales socios se comprueba con las reglas de corredor de Coherence ({ $file }). Cada constatación indica las políticas, los atributos de los países y los datos en que se basa. Una regla sobre las políticas de un país solo se evalúa cuando está cargado el registro de políticas de ese país: la ausencia de un registro no demuestra la ausencia de una política.
brief-corridor-no-register-for = ningún registro de { $name } ({ $code })
brief-corridor-missing = faltan: { $items }
brief-corridor-unchecked-intro = Corredores que no pudieron comprobarse por completo, a falta de un registro de políticas:
brief-corridor-unchecked-item = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }): { $count } de { $total } { $total ->
        [one] regla
       *[other] reglas
    } sin evaluar — { $whose }
brief-corridor-heading = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }): { $fired } de { $total } { $total ->
        [one] regla activada
       *[other] reglas activadas
    }
brief-corridor-heading-unevaluated = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }): { $fired } de { $total } { $total ->
        [one] regla activada
       *[other] reglas activadas
    }; { $unevaluated } sin evaluar
brief-corridor-no-finding =
    { $count ->
        [one] No se activó la única regla evaluada para este corredor.
       *[other] No se activó ninguna de las { $count } reglas evaluadas para este corredor.
    }
brief-corridor-not-evaluated = Sin evaluar:
brief-corridor-gaps-intro = Lagunas de cobertura (etapa del ciclo migratorio × ámbito de política):
brief-corridor-unintended-intro = Políticas que favorecen el desarrollo sin proponérselo:
brief-corridor-gap-no-register = { $name }: no hay ningún registro cargado, por lo que se desconoce su cobertura
brief-corridor-gap-stages = { $name }: ninguna política vigente en la(s) etapa(s) { $stages }
brief-corridor-gap-areas = { $name }: ninguna política vigente en { $areas }
brief-corridor-gap-areas-stages = { $name }: ninguna política vigente en { $areas }; ninguna en la(s) etapa(s) { $stages }
brief-corridor-gap-between = Entre los dos países: ninguna política específica del corredor en la(s) etapa(s) { $stages }
brief-corridor-stage-before-departure = antes de la partida
brief-corridor-stage-recruitment-departure = contratación y partida
brief-corridor-stage-stay-abroad = estancia en el extranjero
brief-corridor-stage-return-reintegration = retorno y reintegración
brief-corridor-severity-high = alta
brief-corridor-severity-medium = media
brief-corridor-severity-low = baja
brief-corridor-level-institutional = institucional
brief-corridor-level-working = operativo
brief-corridor-level-between-countries = entre países
brief-corridor-finding-meta = (gravedad { $severity }, nivel { $level })
brief-corridor-policy = Política { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } en { $year } ({ $test })
brief-corridor-absent = Falta: { $what }
brief-corridor-near-miss = No cuenta: { $id } — { $why }
brief-corridor-source = Fuente: { $source }

## Policy options (crates/report/src/scenario.rs)

brief-scenario-title = Opciones de política
brief-scenario-intro = Efectos de las opciones de política simulados por el método de Montecarlo: cada gráfico muestra la mediana de las extracciones y, sombreados o como bigotes, los intervalos del 50 % y del 90 % (del percentil 5 al 95). Los intervalos expresan la incertidumbre de los parámetros indicados en el archivo del escenario; las opciones se simularon con las mismas extracciones, de modo que el ruido de muestreo no difumina sus diferencias.
brief-scenario-run =
    Situación de referencia: { $baseline }. { $draws ->
        [one] { $draws } extracción
       *[other] { $draws } extracciones
    }, semilla { $seed }, ejecución { $run }.
brief-scenario-baseline-caption = Valores de referencia de «{ $name }»
brief-scenario-col-value = Valor
brief-scenario-col-amount = Cantidad
brief-scenario-col-unit = Unidad
brief-scenario-col-source = Fuente
brief-scenario-chart-title = { $title } ({ $side })
brief-scenario-side-origin = origen
brief-scenario-side-destination = destino
brief-scenario-side-migrants = migrantes
brief-scenario-interval-summary = Mediana de las extracciones con el intervalo del 90 %.
brief-scenario-interval-label = intervalo del 90 %
brief-scenario-caption =
    { $title }: mediana e intervalos sobre { $draws ->
        [one] { $draws } extracción
       *[other] { $draws } extracciones
    }. Fuente: ejecución de escenario de Coherence { $run } (semilla { $seed }).
brief-scenario-caption-series =
    { $title }: mediana e intervalos sobre { $draws ->
        [one] { $draws } extracción
       *[other] { $draws } extracciones
    }. Eje horizontal: año de la política (1 = su primer año). Fuente: ejecución de escenario de Coherence { $run } (semilla { $seed }).
brief-scenario-totals-caption = Totales de «{ $name }» sobre las extracciones
brief-scenario-col-output = Resultado
brief-scenario-col-option = Opción
brief-scenario-col-mean = Media
brief-scenario-col-median = Mediana
brief-scenario-col-p05 = Percentil 5
brief-scenario-col-p95 = Percentil 95

## Numbers

brief-not-available = n/a
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n }k
brief-compact-m = { $n }M
brief-compact-bn = { $n }bn
brief-compact-tn = { $n }tn
