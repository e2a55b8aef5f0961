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

brief-corridor-none = No se comprobó ningún corredor: el almacén no contiene ningún dato bilateral sobre el número de migrantes de este país, a partir del cual se eligen sus principales socios.
brief-corridor-intro = Cada corredor entre el país y sus principales socios se comprueba con las reglas de corredor de Coherence ({ $file }). Cada constatación indica las políticas, los atributos de los países y los datos en que se basa. Una regla sobre las políticas de un país solo se evalúa cuando está cargado el registro de políticas de ese país: la ausencia de un registro no demuestra la ausencia de una política.
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
brief-corridor-finding-meta = (gravedad { $severity }, nivel { $level })
brief-corridor-policy = Política { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } en { $year } ({ $test })
brief-corridor-figures-intro = El corredor en cifras (último año de cada una):
brief-corridor-figure = { $name } ({ $place }): { $value } { $unit } en { $year }
brief-corridor-absent = Falta: { $what }
brief-corridor-near-miss = No cuenta: { $id } — { $why }
brief-corridor-source = Fuente: { $source }

## Policy options (crates/report/src/scenario.rs)

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

brief-not-available = n.d.
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n } mil
brief-compact-m = { $n } M
brief-compact-bn = { $n } mil M
brief-compact-tn = { $n } B

## Units and amounts

brief-persons = { $n ->
    [one] { $n } persona
   *[other] { $n } personas
}
# $n is the number already written.
brief-usd-billion = US$ { $n } mil millones
brief-usd-million = US$ { $n } millones
brief-usd = US$ { $n }
brief-usd-ppp = US$ { $n } PPA
brief-per-thousand = { $n } por cada 1000 habitantes

## Sources and tables

brief-choice-note = cifra elegida según la regla { $rule }; valores descartados: { $beaten }
brief-provenance-cell = celda: { $cell }
brief-provenance-derived = cifra derivada: { $how }
brief-source-label = Fuente { $n }
brief-table-scrolls = Cuadro (se desplaza horizontalmente en pantallas estrechas)
brief-note-each = { $column }: cada cifra lleva su propio número de fuente
brief-note-break = { $column }, a partir de { $from }: las cifras proceden de { $new } en lugar de { $old }
brief-note-source = Fuente: { $list }.
brief-note-sources = Fuentes: { $list }.
brief-note-breaks = { $label } (comienza en la cifra marcada): { $breaks }.
brief-note-chosen = Las cifras subrayadas se eligieron entre los valores de varios conjuntos de datos según la regla indicada en { $rule }.
brief-note-cell = La celda de origen de cada cifra se indica en su texto emergente y en el perfil JSON.
brief-figure-table-below = Las cifras figuran en el cuadro siguiente.
# $what is the name of a part of the profile (e.g. "migrant stocks"); $gaps links to the Data gaps section.
brief-no-data = No hay datos sobre { $what } en este perfil. Véase la sección { $gaps }.
brief-break = Ruptura de serie
brief-see = Véase la sección { $link }.

## The header, contents and footer

brief-title = { $country }: nota informativa sobre migración y desarrollo
brief-fictional-label = Datos ficticios
brief-kicker = Nota informativa sobre migración y desarrollo
brief-iso3 = ISO 3166-1 alfa-3: { $code }
brief-m49 = M49 de las Naciones Unidas: { $code }
brief-fictional-country = un país ficticio del mundo de demostración
brief-pinned = Ediciones leídas en lugar de las más recientes, según lo solicitado: { $editions }.
# $date is the date, $editions the datasets' editions, $about a link to "About this brief".
brief-generated = Generada el { $date } por Coherence { $version } a partir de { $editions }; véase la sección { $about }.
brief-footer = Elaborada con Coherence { $version } el { $date } a partir de estadísticas oficiales. Cada cifra remite a su fuente; los mismos datos, la misma fecha y la misma versión producen siempre la misma nota informativa.
brief-contents = Índice
brief-card-unavailable = No disponible

## Section headings

brief-h-summary = Resumen
brief-h-headline = Cifras principales
brief-h-stocks = Población migrante (stock)
brief-h-corridors = Destinos y orígenes
brief-h-remittances = Remesas
brief-h-costs = Costo de las remesas
brief-h-sdg = Indicadores de los ODS relativos a la migración
brief-h-dependence = Dependencia de las remesas
brief-h-diaspora = Diáspora
brief-h-skills = Competencias y personal de salud
brief-h-governance = Convenciones y salvaguardias
brief-h-labour = Migración laboral
brief-h-displacement = Desplazamiento forzado
brief-h-assessments = Evaluaciones de la gobernanza de la migración
brief-h-policies = Registro de políticas
brief-h-corridor-coherence = Coherencia de los corredores
brief-h-options = Opciones de política
brief-h-gaps = Lagunas de datos
brief-h-about = Acerca de esta nota informativa
brief-h-appendix = Anexo: cuadros
brief-h-sources = Fuentes

## Column headers of the tables

brief-col-year = Año
brief-col-total-persons = Total (personas)
brief-col-female-persons = Mujeres (personas)
brief-col-male-persons = Hombres (personas)
brief-col-share-of-population-pct = Proporción de la población (%)
brief-col-period = Período
brief-col-method = Método
brief-col-inflow-persons = Entradas (personas)
brief-col-outflow-persons = Salidas (personas)
brief-col-net-persons = Saldo (personas)
brief-col-rank = Puesto
brief-col-iso-code = Código ISO
brief-col-migrants-persons = Migrantes (personas)
brief-col-sending-country = País de envío
brief-col-receiving-country = País receptor
brief-col-cost-pct-of-usd200 = Costo (% de US$ 200)
brief-col-compared-with-the-sdg-10-c-target = Respecto de la meta 10.c de los ODS
brief-col-indicator = Indicador
brief-col-value = Valor
brief-col-unit = Unidad
brief-col-note = Nota
brief-col-destination = Destino
brief-col-iso3 = ISO3
brief-col-m49 = M49
brief-col-persons = Personas
brief-col-domain = Ámbito
brief-col-answered = Respondidas
brief-col-answers = Respuestas
brief-col-score = Puntuación
brief-col-band = Nivel
brief-col-id = ID
brief-col-policy = Política
brief-col-ministry = Ministerio
brief-col-area = Área
brief-col-migration-cycle-stages = Etapas del ciclo migratorio
brief-col-partner-countries = Países asociados
brief-col-status = Estado
brief-col-register-change = Cambio en el registro

## Headline numbers

brief-term-year = { $term } ({ $year })
# $target is "3%" written in the language; $points a number.
brief-above-target = { $points } puntos porcentuales por encima de la meta del { $target }
brief-within-target = igual o inferior a la meta del { $target }
brief-remittances-received = Remesas recibidas
brief-remittances-paid = Remesas pagadas
brief-remittances-note = Remesas personales, US$ corrientes.
brief-remittances-paid-note = Enviadas desde el país por las personas que residen en él.
# $share is a percentage, $source a footnote mark.
brief-share-gdp-official = { $share } del PIB en { $year } (ODS 17.3.2, serie oficial){ $source }
brief-share-gdp-recomputed = { $share } del PIB en { $year } (cifra recalculada aquí; no se ha cargado la serie oficial del ODS 17.3.2){ $source }
brief-cost-to = Costo de enviar US$ 200 a { $country }
brief-cost-from = Costo de enviar US$ 200 desde { $country }
brief-cost-mean-to = Costo medio de enviar US$ 200 a { $country } (ODS 10.c.1)
brief-cost-mean-from = Costo medio de enviar US$ 200 desde { $country } (ODS 10.c.1)
brief-the-corridors = los corredores
brief-cost-of-amount = del monto enviado, incluidas todas las comisiones y el margen del tipo de cambio.
brief-cost-mean-note = Media no ponderada de { $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
}, con el último año disponible de cada uno; véase el gráfico de { $link }.
brief-of-population = de la población
brief-immigrants-in = Inmigrantes que viven en { $country }
brief-emigrants-from = Emigrantes de { $country } que viven en el extranjero
brief-emigration-rate = Tasa de emigración
brief-emigration-rate-note = Emigrantes en proporción del total de personas nacidas en el país: emigrantes ÷ (residentes nacidos en el país + emigrantes).
brief-net-migration = Migración neta
brief-net-migration-note = Inmigrantes menos emigrantes durante el año; es negativa cuando salen más personas de las que llegan.
brief-skilled-rate = Tasa de emigración de personas calificadas
brief-skilled-rate-note = Emigrantes con educación terciaria en proporción del total de personas con educación terciaria nacidas en el país.
brief-health-rate = Tasa de emigración del personal de salud
brief-health-rate-note = Médicos y personal de enfermería nacidos en el país que trabajan en el extranjero, en proporción del total de quienes ejercen en el país y en el extranjero.

## Migrant stocks, flows, destinations and origins

brief-total = Total
brief-female = Mujeres
brief-male = Hombres
brief-unit-persons = personas
# $who is brief-what-immigrants or brief-what-emigrants.
brief-stock-summary = Gráfico de líneas de { $who } por año y sexo.
brief-stock-caption = { $heading }, por año y sexo (personas).
brief-stock-table = { $heading }, stock a mitad de año
brief-what-immigrants = inmigrantes
brief-what-emigrants = emigrantes
brief-flows = Flujos migratorios estimados de { $country }
brief-what-flows = flujos migratorios estimados
brief-flows-intro = Personas que entraron en el país o salieron de él en cada período, estimadas a partir de dos cuadros de la población migrante bilateral (stock) y sumadas en el conjunto de los corredores del país. Se trata de resultados de modelos, no de recuentos; cada fila indica el método empleado y su fuente.
brief-flows-table = { $heading }, personas en cada período (estimaciones guardadas)
# $share is brief-share-emigrants or brief-share-immigrants, in lower case.
brief-corridor-summary = Gráfico de barras, de mayor a menor; el porcentaje indica la { $share }.
brief-corridor-caption = { $heading }, en personas; entre paréntesis, la { $share }.
brief-where-emigrants = Dónde viven los emigrantes de { $country }
brief-where-immigrants = De dónde proceden los inmigrantes que viven en { $country }
brief-what-destinations = dónde viven los emigrantes
brief-what-origins = de dónde proceden los inmigrantes
brief-col-destination-country = País de destino
brief-col-origin-country = País de origen
brief-share-emigrants = Proporción del total de emigrantes
brief-share-immigrants = Proporción del total de inmigrantes
brief-col-share-emigrants-pct = Proporción del total de emigrantes (%)
brief-col-share-immigrants-pct = Proporción del total de inmigrantes (%)
brief-map-heading = Dónde vive la diáspora
brief-map-demo = El mundo de demostración no puede representarse en un mapa: sus países ficticios no tienen lugar en un mapa del mundo real.
brief-map-every-destination = todos los destinos
brief-map-main-destinations = solo los destinos principales
brief-map-title = Dónde viven los emigrantes de { $country }, { $year }
brief-map-description = Emigrantes de { $country } por país de residencia, { $year } ({ $scope }); cuanto más oscuro es el color, más emigrantes hay.
brief-map-caption = Emigrantes de { $country } por país de residencia, { $year }, en personas ({ $scope }); { $country } figura con un rayado.

## Remittances

brief-what-remittances = remesas
brief-what-remittances-flows = remesas recibidas o pagadas
brief-what-remittances-gdp = remesas en proporción al PIB
brief-remittances-title = Remesas personales recibidas y pagadas por { $country }
brief-received = Recibidas
brief-paid = Pagadas
brief-remittances-summary = Gráfico de líneas de las remesas personales por año, en dólares corrientes de los Estados Unidos.
brief-unit-current-usd = US$ corrientes
brief-remittances-caption = { $title } (US$ corrientes).
brief-remittances-table = Remesas personales de { $country }, por año
brief-col-received-usd-million = Recibidas (millones de US$ corrientes)
brief-col-paid-usd-million = Pagadas (millones de US$ corrientes)
brief-remittances-gdp-title = Remesas recibidas por { $country } en proporción al PIB (ODS 17.3.2 y recálculo)
brief-remittances-gdp-summary = Gráfico de líneas de las remesas personales recibidas en porcentaje del PIB, por año.
brief-unit-pct-gdp = % del PIB
brief-series-recomputed = Recibidas, % del PIB (recalculado)
brief-series-official = ODS 17.3.2, serie oficial (WDI)
brief-remittances-gdp-caption = { $title } (%).
brief-remittances-gdp-table = Remesas recibidas por { $country } y PIB, por año
brief-col-sdg-17-3-2-official-pct = ODS 17.3.2, serie oficial (%)
brief-col-received-pct-gdp-recomputed = Recibidas (% del PIB), recalculado
brief-col-gdp-usd-million = PIB (millones de US$ corrientes)

## Appendix and costs

brief-appendix-caption = Cuadro A{ $number }. { $caption }
brief-recent-caption = { $caption }, últimos { $years } años
brief-appendix-link = Todos los años: cuadro A{ $number } del anexo
brief-appendix-more = { $link } ({ $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
}).
brief-appendix-intro = Los cuadros anuales completos, con todos los años, de los que las secciones anteriores muestran los años más recientes.
brief-what-costs-to = el costo de enviar dinero al país
brief-what-costs-from = el costo de enviar dinero desde el país
# $target is "3%", $ceiling "5%", written in the language.
brief-cost-summary-from = Gráfico de barras del costo medio de enviar US$ 200 desde cada país, en porcentaje del monto enviado, de mayor a menor, en comparación con la meta 10.c de los ODS del { $target } y con la línea del { $ceiling }.
brief-cost-summary-to = Gráfico de barras del costo medio de enviar US$ 200 a cada país, en porcentaje del monto enviado, de mayor a menor, en comparación con la meta 10.c de los ODS del { $target } y con la línea del { $ceiling }.
brief-unit-pct-usd200 = % de los US$ 200 enviados
brief-sdg-target-line = Meta de los ODS: { $target }
brief-cost-caption = { $heading }: costo total en porcentaje de los US$ 200 enviados; línea discontinua: meta 10.c de los ODS del { $target }; línea de puntos: { $ceiling }.
brief-h-costs-full = Costo del envío de remesas (ODS 10.c.1)
brief-sdg-10-c = Meta 10.c de los ODS: de aquí a 2030, reducir a menos del 3% los costos de transacción de las remesas de los migrantes y eliminar los corredores de remesas con un costo superior al 5%.

## Skills, SDG indicators and dependence

brief-skilled-rate-row = Tasa de emigración de personas calificadas (con educación terciaria, %)
brief-health-rate-row = Tasa de emigración del personal de salud (médicos y personal de enfermería, %)
brief-physicians-row = Médicos por cada 1000 habitantes
brief-skills-table = Emigración de personas calificadas y de personal de salud, último año
brief-see-gaps = véase la sección { $link }
brief-unit-ppp = US$ PPA ($ internacionales corrientes)
brief-unit-percent = %
brief-unit-per-thousand = por cada 1000 habitantes
brief-unit-number = número
brief-unit-pct-sent = % del monto enviado
brief-unit-pct-corridors = % de los corredores
brief-unit-points = puntos porcentuales
brief-cost-average-to = Costo medio de los corredores hacia el país ({ $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
})
brief-cost-average-from = Costo medio de los corredores desde el país ({ $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
})
brief-cost-above-5-to = Corredores hacia el país con un costo superior al { $ceiling }
brief-cost-above-5-from = Corredores desde el país con un costo superior al { $ceiling }
brief-cost-gap-to = Distancia entre la media de los corredores hacia el país y la meta del { $target }
brief-cost-gap-from = Distancia entre la media de los corredores desde el país y la meta del { $target }
brief-cost-rpw-to = Media nacional de Remittance Prices Worldwide hacia el país
brief-cost-rpw-from = Media nacional de Remittance Prices Worldwide desde el país
# The official names of the indicators, from the UN's global indicator framework.
brief-sdg-17-3-2-code = Indicador 17.3.2
brief-sdg-17-3-2-name = Volumen de las remesas (en dólares de los Estados Unidos) en proporción al PIB total
brief-sdg-10-c-1-code = Indicador 10.c.1
brief-sdg-10-c-1-name = Costo de las remesas en proporción a las sumas remitidas
brief-sdg-17-3-2-row = 17.3.2 Remesas, % del PIB — { $country }
brief-sdg-official-note = serie oficial (publicación del organismo custodio)
brief-recomputed-row = Remesas recibidas ÷ PIB, recalculado — { $country }
brief-recomputed-note = recalculado a partir de las cifras anteriores; no es el indicador oficial
brief-group-row = Remesas ÷ PIB, ponderado por el PIB, recalculado — { $group }
brief-group-note = ponderado por el PIB con { $with } de { $members } miembros{ $missing ->
    [0] {""}
    [one] ; { $missing } sin datos (indicado en la fuente)
   *[other] ; { $missing } sin datos (enumerados en la fuente)
}
brief-what-sdg = los indicadores de los ODS relativos a la migración
brief-sdg-table = ODS 17.3.2 (remesas en % del PIB: la serie oficial y los recálculos a partir de las cifras elegidas aquí; los de los grupos, ponderados por el PIB: Σ remesas ÷ Σ PIB de los miembros que disponen de ambos datos) y ODS 10.c.1 (costo de enviar US$ 200)
brief-herfindahl = Índice de Herfindahl sobre { $partners ->
    [one] { $partners } socio
   *[other] { $partners } socios
} (1 = un único socio)
brief-dep-official = ODS 17.3.2, remesas recibidas, % del PIB (serie oficial)
brief-dep-recomputed = Remesas recibidas, % del PIB (recalculado)
brief-dep-exports = Remesas recibidas, % de las exportaciones de bienes y servicios
brief-dep-per-person = Remesas recibidas por persona residente en el país
brief-concentration-destinations = Concentración de los emigrantes por destino
brief-concentration-senders = Concentración de las remesas por país de envío
brief-dependence-table = Dependencia de las remesas y concentración de los corredores, último año

## Diaspora and conventions

brief-table-part = { $caption } (parte { $part } de { $parts })
brief-what-diaspora = la evolución de los corredores ni sobre la diáspora por destino
brief-trend-destinations = Evolución del número de emigrantes en los principales destinos (personas)
brief-trend-origins = Evolución del número de inmigrantes procedentes de los principales orígenes (personas)
brief-diaspora-all = { $count ->
    [one] El único destino
   *[other] Los { $count } destinos
} de la diáspora en { $year } ({ $persons ->
    [one] { $persons } persona
   *[other] { $persons } personas
})
brief-note-source-one = Fuente: { $source }
brief-diaspora-table = Emigrantes por destino (personas)
brief-ssl = Lista de apoyo y salvaguardias relativas al personal de salud de la OMS
brief-ssl-on = Figura en la lista
brief-ssl-on-note = los países de destino no deberían contratar activamente a su personal de salud fuera de los acuerdos entre gobiernos
brief-ssl-off = No figura en la lista
brief-icmw = Convención internacional sobre la protección de los derechos de todos los trabajadores migratorios y de sus familiares (1990)
brief-icmw-party = Estado parte
brief-icmw-not-party = No es Estado parte
brief-not-computed = no calculado
brief-exactly = exactamente { $n }

## Assessments, members, register, gaps and the colophon

brief-no-assessments = No se han guardado respuestas a ningún marco de evaluación para este país; cuando se guarden las respuestas del Gobierno al cuestionario del indicador 10.7.2 de los ODS, se puntuarán aquí.
# $framework, $file and $sha are code; $at a time, $by a user, $reason the reason given.
brief-answers-line = Respuestas: versión { $version } de las respuestas al marco { $framework }, procedentes de { $file } (SHA-256 { $sha }), guardadas el { $at } por { $by } — { $reason }.
brief-answered-of = { $answered } de { $items }
brief-assessment-caption = { $framework } de { $country }, por ámbito
brief-checklist = Lista de verificación: las respuestas se cuentan, nunca se puntúan ni se clasifican.
brief-overall = Global
brief-rule-not-computed = Un ámbito con algún elemento sin respuesta no se calcula, conforme a la regla del marco sobre la falta de respuesta; la falta de respuesta no se cuenta como «no».
brief-rule-exclude = Los elementos sin respuesta se excluyen de la puntuación de su ámbito.
brief-rule-zero = Los elementos sin respuesta cuentan como 0, conforme a la regla del marco (en el caso del indicador 10.7.2 de los ODS, sus metadatos asignan el valor 0 a los datos faltantes a nivel de país).
brief-unanswered = Sin respuesta: { $items }.
brief-change-edited = Modificada el { $date } por { $user }: { $reason }
brief-change-imported = Importada de un archivo de registro el { $date } por { $user }: { $reason }
brief-members = Miembros de { $group }
brief-members-note = { $kind } — { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
}; composición según { $source }. La población migrante (stock), la población, el PIB y las remesas son sumas de los miembros que disponen de un valor; las remesas en proporción al PIB se recalculan ponderadas por el PIB (no corresponden al indicador oficial 17.3.2 de los ODS).
brief-no-policies = Todavía no hay políticas registradas para este país.
brief-register-changed = El registro tal como queda tras sus cambios auditados: { $changed ->
    [one] { $changed } de estas políticas ha cambiado
   *[other] { $changed } de estas políticas han cambiado
} desde su importación; el registro de auditoría conserva todos los cambios.
brief-policies-caption = Políticas de { $country } relacionadas con la migración ({ $count })
brief-no-gaps = El perfil no registra lagunas de datos.
brief-gaps-intro = Estos indicadores no han podido calcularse con los datos disponibles; se indica qué permitiría colmar cada laguna:
brief-editions = { $count ->
    [0] ningún conjunto de datos
    [one] { $count } edición de un conjunto de datos
   *[other] { $count } ediciones de conjuntos de datos
}
brief-about-country = País
brief-about-generated = Fecha de generación
brief-about-version = Versión de Coherence
brief-about-editions-chosen = Ediciones elegidas
brief-about-editions-used = Ediciones de conjuntos de datos utilizadas
brief-about-no-values = Ninguna: el perfil no contiene valores.
brief-about-reference-data = datos de referencia incluidos en Coherence
brief-about-import = importación de datos { $id }
brief-about-method = Método
brief-about-method-text = Las cifras se presentan tal como están guardadas, en sus unidades básicas (personas, US$ corrientes, %). El costo medio de enviar US$ 200 es la media no ponderada de los costos de los corredores indicados. Los mismos datos, la misma fecha y la misma versión producen siempre la misma nota informativa.
brief-no-sources = No se cita ninguna cifra.
brief-source-rule = cuando otros conjuntos de datos contenían la misma cifra, se eligió según la regla { $rule } (el texto emergente de cada cifra indica los valores descartados)

## Summary

brief-key-figures = Cifras clave
brief-findings = Conclusiones
# $figure is the figure with its unit, $source a footnote mark.
brief-kf-immigrants = Inmigrantes: { $figure } ({ $year }){ $source }
brief-kf-emigrants = Emigrantes: { $figure } ({ $year }){ $source }
brief-kf-received = Remesas recibidas: { $figure } ({ $year }){ $source }
brief-kf-paid = Remesas pagadas: { $figure } ({ $year }){ $source }
brief-kf-share-gdp = Remesas recibidas en proporción al PIB: { $figure } ({ $year }){ $source }
brief-kf-net = Migración neta: { $figure } ({ $year }){ $source }
brief-finding-gdp = Las remesas recibidas representaron el { $share } del PIB en { $year }{ $source }.
brief-finding-gdp-world = Las remesas recibidas representaron el { $share } del PIB en { $year }{ $source }, frente al { $world } en el conjunto del mundo (ponderado por el PIB){ $world_source }.
brief-finding-grew = El número de emigrantes de { $country } aumentó de { $from } en { $first } a { $to } en { $last } ({ $change }){ $source }.
brief-finding-fell = El número de emigrantes de { $country } disminuyó de { $from } en { $first } a { $to } en { $last } ({ $change }){ $source }.
brief-finding-top = El principal destino de los emigrantes es { $partner }, con { $stock } ({ $share } del total de emigrantes, { $year }){ $source }.
brief-finding-cost-to-above = El costo medio de enviar US$ 200 a { $country } fue del { $mean } en { $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
}{ $source }, por encima de la meta de los ODS del { $target }; { $above ->
    [one] { $above } de ellos cuesta
   *[other] { $above } de ellos cuestan
} más del { $ceiling }.
brief-finding-cost-to-within = El costo medio de enviar US$ 200 a { $country } fue del { $mean } en { $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
}{ $source }, igual o inferior a la meta de los ODS del { $target }; { $above ->
    [one] { $above } de ellos cuesta
   *[other] { $above } de ellos cuestan
} más del { $ceiling }.
brief-finding-cost-from-above = El costo medio de enviar US$ 200 desde { $country } fue del { $mean } en { $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
}{ $source }, por encima de la meta de los ODS del { $target }; { $above ->
    [one] { $above } de ellos cuesta
   *[other] { $above } de ellos cuestan
} más del { $ceiling }.
brief-finding-cost-from-within = El costo medio de enviar US$ 200 desde { $country } fue del { $mean } en { $count ->
    [one] { $count } corredor
   *[other] { $count } corredores
}{ $source }, igual o inferior a la meta de los ODS del { $target }; { $above ->
    [one] { $above } de ellos cuesta
   *[other] { $above } de ellos cuestan
} más del { $ceiling }.

## The country's role

# $basis lists the figures the role rests on (brief-role-stocks, brief-role-paid-…), joined by "; ".
brief-role-origin = { $country } es principalmente un país de origen: { $basis }.
brief-role-destination = { $country } es principalmente un país de destino: { $basis }.
brief-role-both = { $country } es a la vez un país de origen y de destino: { $basis }.
brief-role-unknown = El perfil no contiene datos de población migrante (stock) ni de remesas pagadas y recibidas de { $country }, por lo que no se conoce su función como país de origen o de destino; las cifras principales muestran ambas vertientes.{ $basis }
brief-million = { $n } millones
brief-years-and = { $a } y { $b }
brief-role-stocks = una población inmigrante de { $immigrants } frente a una población emigrante de { $emigrants } ({ $years })
brief-role-paid-exceed = las remesas pagadas ({ $paid }) superaron a las recibidas ({ $received }) en { $year }
brief-role-paid-short = las remesas pagadas ({ $paid }) fueron inferiores a las recibidas ({ $received }) en { $year }

## Printed pages

# "page 3 of 12" in the footer of a printed brief.
brief-page = página
brief-page-of = de

## SDG codes

# The short code of indicator 10.c.1, before the rows of its table.
brief-sdg-10-c-1-short = 10.c.1

## The demo world

# The banner of every brief of the fictional demo world.
brief-demo-notice = MUNDO DE DEMOSTRACIÓN FICTICIO: todos los países, cifras y políticas son inventados con fines de demostración y no describen ningún país real.

## What changed since the previous editions

brief-changes = Qué ha cambiado desde las ediciones anteriores
# $editions lists the previous editions compared, as "key edition E; …".
brief-changes-intro = Comparación con las mismas cifras leídas en las ediciones anteriores de los conjuntos de datos ({ $editions }):
brief-changes-none = Ninguna cifra clave ha cambiado.
brief-change-immigrants = Inmigrantes
brief-change-emigrants = Emigrantes
brief-change-received = Remesas recibidas
brief-change-paid = Remesas enviadas
brief-change-share-gdp = Remesas recibidas en proporción al PIB (ODS 17.3.2)
brief-change-net = Migración neta
# $what is a figure's name, $figure its value with its unit, $source a footnote mark.
brief-change-new = { $what }: { $figure } ({ $year }){ $source }, ausente de las ediciones anteriores.
brief-change-later = { $what }: { $figure } ({ $year }){ $source }; la última cifra de las ediciones anteriores era { $before } ({ $before_year }).
brief-change-revised = { $what }: { $figure } ({ $year }){ $source }, revisada; las ediciones anteriores daban { $before }.

## Breaks in a chart's series

# A part of a series drawn from one dataset: its name and its source's number.
brief-series-part = { $name } [{ $source }]
brief-chart-breaks = Un cambio de conjunto de datos interrumpe una serie: cada parte se traza por separado y lleva el número de su fuente.

## Migración laboral y desplazamiento forzado (crates/report/src/brief/labour.rs).
## $country es el nombre del país.

brief-what-labour = las salidas de nacionales para trabajar en el extranjero ni sobre los migrantes admitidos por categoría
brief-deployments-caption = Nacionales de { $country } que salieron a trabajar al extranjero, por año
brief-deployments-by-sex-caption = Hombres y mujeres que salieron a trabajar ({ $country }), por destino
brief-col-deployments-persons = Salieron a trabajar al extranjero (personas)
brief-where-workers-went = Adónde fueron a trabajar los nacionales de { $country }
brief-what-deployment-destinations = adónde fueron a trabajar los nacionales
brief-share-deployments = Proporción del total de salidas por trabajo
brief-col-share-deployments-pct = Proporción del total de salidas por trabajo (%)
brief-channels-caption = Nacionales que salieron a trabajar al extranjero, por canal o nivel de calificación ({ $year })
brief-col-channel = Canal o nivel de calificación
brief-reentry-note = Los reingresos (trabajadores que vuelven con un empleador en el extranjero tras una visita a su país) representaron el { $share } de las salidas del año.
brief-channels-rest = Los canales mostrados no suman las { $total } salidas del año: { $rest } no figuran en ningún canal publicado aquí (en los cuadros de Nepal, por ejemplo, permisos de trabajadores regularizados en el extranjero).
brief-turnover-heading = Salidas por trabajo frente a la población migrante (stock)
brief-turnover-intro = Salidas por trabajo de un año como porcentaje de la población migrante (stock) del corredor: una proporción elevada indica una migración temporal y circular, en la que muchas de las personas que están en el extranjero vuelven a salir cada año.
brief-col-stock-year = Año del stock
brief-col-turnover-pct = Salidas ÷ stock (%)
brief-temporary-caption = Migrantes temporales admitidos por { $country }, por categoría (personas)
brief-permanent-caption = Migrantes de tipo permanente admitidos por { $country }, por categoría (personas)
brief-what-displacement = los refugiados, los solicitantes de asilo ni los desplazados internos
brief-displacement-caption = Refugiados y solicitantes de asilo acogidos por { $country } y procedentes de { $country }, y desplazados internos, al final de cada año (personas)
brief-col-refugees-hosted = Refugiados acogidos
brief-col-asylum-seekers-hosted = Solicitantes de asilo acogidos
brief-col-refugees-abroad = Refugiados en el extranjero
brief-col-asylum-seekers-abroad = Solicitantes de asilo en el extranjero
brief-col-idps = Desplazados internos
brief-refugee-origins = De dónde proceden los refugiados acogidos por { $country }
brief-what-refugee-origins = de dónde proceden los refugiados acogidos
brief-share-refugees-hosted = Proporción del total de refugiados acogidos
brief-col-share-refugees-hosted-pct = Proporción del total de refugiados acogidos (%)
brief-col-refugees-persons = Refugiados (personas)
brief-refugee-asylum = Dónde se acoge a los refugiados procedentes de { $country }
brief-what-refugee-asylum = dónde se acoge a los refugiados procedentes del país
brief-col-asylum-country = País de asilo
brief-share-refugees-abroad = Proporción del total de refugiados procedentes del país
brief-col-share-refugees-abroad-pct = Proporción del total de refugiados procedentes del país (%)

## Gráficos de la migración laboral y el desplazamiento forzado; $title es el título del gráfico.

brief-labour-chart-caption = { $title }.
brief-series-deployments = Salieron a trabajar al extranjero
brief-deployments-summary = Gráfico de líneas de los nacionales que salieron a trabajar al extranjero, por año.
brief-inflows-summary = Gráfico de líneas de los migrantes admitidos, por año, una línea por categoría.
brief-displacement-summary = Gráfico de líneas de los refugiados y solicitantes de asilo acogidos y en el extranjero, y de los desplazados internos, por año, una línea por grupo.
brief-scenario-fit-caption = «{ $name }» frente a lo observado (opción «{ $option }», calibrada)
brief-scenario-col-observed = Observado
brief-scenario-col-gap = Diferencia (mediana)
brief-scenario-fit-output-year = { $output } (año { $year })
brief-scenario-fit-parameter = { $name } { $median } (intervalo del 90 %: de { $low } a { $high }; distribución a priori uniforme de { $min } a { $max })
brief-scenario-fit-note = Los parámetros que ninguna fuente publica para este corredor se ajustaron de modo que cada simulación retenida reproduzca cada cifra observada con un margen del { $tolerance } % (computación bayesiana aproximada); las opciones parten de ese ajuste, por lo que su incertidumbre está en sus intervalos. Ajustados: { $parameters }. Un ajuste muestra que el modelo puede reproducir el corredor con estos valores, no que sean los verdaderos: los demás parámetros son los del archivo de escenario.
