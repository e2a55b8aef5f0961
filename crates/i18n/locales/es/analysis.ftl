# Lo que el análisis dice en frases (crates/analysis/src/said.rs): las lagunas de datos de un
# perfil (gap-) y las constataciones de las verificaciones de los corredores (check-). Todas las
# interfaces las formulan a partir de aquí. $country, $name y $destination llegan como nombres
# en el idioma; $datasets y $table son los títulos de los conjuntos de datos tal como los
# redactaron sus editores.

# Une los elementos de una lista dentro de una frase.
analysis-list-separator = ;{" "}

## Las lagunas de datos de un perfil (crates/analysis/src/profiles.rs, groups.rs, profile.rs).

# Un conjunto de datos y su edición, en una lista de conjuntos de datos.
gap-dataset-edition = { $title } (edición { $edition })
gap-not-loaded = { $topic }: datos no cargados; la fuente es { $source }.
gap-not-covered = { $topic }: { $count ->
    [one] el conjunto de datos { $datasets } está cargado, pero no contiene
   *[other] los conjuntos de datos { $datasets } están cargados, pero no contienen
} ningún valor al respecto para este país (el país no está abarcado, o no lo está en los años necesarios).

gap-topic-net-migration = Migración neta
gap-source-net-migration = la migración neta de UN WPP o WDI SM.POP.NETM
gap-topic-population = Población (necesaria para expresar la población migrante como proporción de la población)
gap-source-population = WDI SP.POP.TOTL o UN WPP
gap-topic-remittances-received = Remesas recibidas
gap-source-remittances-received = WDI BX.TRF.PWKR.CD.DT o el libro de datos de entradas de KNOMAD
gap-topic-remittances-paid = Remesas pagadas
gap-source-remittances-paid = WDI BM.TRF.PWKR.CD.DT o el libro de datos de salidas de KNOMAD
gap-topic-cost-to = ODS 10.c.1 (costo de las remesas enviadas a este país)
gap-source-cost-to = la base Remittance Prices Worldwide del Banco Mundial (corredores)
gap-topic-skilled = Tasa de emigración de personas calificadas (emigrantes y residentes con educación terciaria)
gap-source-skilled = OECD DIOC-E, que cuenta a los emigrantes que viven en países de la OCDE por país de nacimiento, y a los residentes por nivel educativo solo en los países de la OCDE
gap-topic-physicians = Médicos por cada 1000 habitantes
gap-source-physicians = WDI SH.MED.PHYS.ZS
gap-topic-icmw = Ratificación de la Convención de 1990 sobre los trabajadores migratorios (ICMW)
gap-source-icmw = el cuadro del estado de las ratificaciones (Colección de Tratados de las Naciones Unidas, capítulo IV-13)

gap-emigration-rate = Tasa de emigración: requiere los emigrantes, los inmigrantes y la población de un mismo año; importe los totales de UN DESA por origen y por destino, y WDI SP.POP.TOTL o UN WPP.
gap-bilateral-stock = Diáspora por destino, evolución de los corredores y concentración entre destinos: requieren la población migrante bilateral (stock, origen × destino); importe UN DESA International Migrant Stock por destino y origen o la matriz bilateral de migración del Banco Mundial.
gap-flows-estimable = Flujos migratorios estimados: { $stored ->
    [0] no hay ninguna estimación guardada
    [one] la única estimación de flujos guardada no abarca este país
   *[other] ninguna de las { $stored } estimaciones de flujos guardadas abarca este país
}; pueden estimarse a partir de los cuadros de { $from } y { $to } de { $table } (diferencia de stocks o contabilidad demográfica, docs/flows.md).
gap-flows-no-table = Flujos migratorios estimados: { $stored ->
    [0] no hay ninguna estimación guardada
    [one] la única estimación de flujos guardada no abarca este país
   *[other] ninguna de las { $stored } estimaciones de flujos guardadas abarca este país
}; para estimarlos se necesitan dos años de un mismo cuadro de la población migrante bilateral (UN DESA International Migrant Stock por destino y origen).
gap-immigrant-stock = Población inmigrante (stock): no se ha cargado ningún dato de población migrante hacia este país (ni los totales por destino de UN DESA ni un cuadro bilateral que lo abarque); la fuente es UN DESA International Migrant Stock.
gap-emigrant-stock = Población emigrante (stock): no se ha cargado ningún dato de población migrante procedente de este país (ni los totales por origen de UN DESA ni un cuadro bilateral que lo abarque); la fuente es UN DESA International Migrant Stock.
gap-pct-gdp = ODS 17.3.2 (remesas en % del PIB): falta el PIB de los años con remesas; importe WDI NY.GDP.MKTP.CD.
gap-pct-exports = Remesas en % de las exportaciones: no se han cargado las exportaciones de bienes y servicios de los años con remesas; importe WDI NE.EXP.GNFS.CD.
gap-sender-concentration = Concentración de las remesas por país de envío: requiere la matriz bilateral de remesas; importe la matriz bilateral de remesas del Banco Mundial/KNOMAD.
gap-skilled-no-residents = { gap-topic-skilled }: se han cargado los emigrantes con educación terciaria, pero no los residentes del país con educación terciaria; { gap-source-skilled }, por lo que un país que no pertenece a la OCDE tiene allí emigrantes pero ningún residente.
gap-skilled-no-emigrants = { gap-topic-skilled }: se han cargado los residentes con educación terciaria, pero ningún emigrante del país; la fuente es { gap-source-skilled }.
gap-health-workers = Tasa de emigración del personal de salud: requiere los médicos y el personal de enfermería en el extranjero y en el país; importe datos de la OCDE o de la OMS sobre el personal de salud.
gap-safeguards-fictional = Lista de apoyo y salvaguardias del personal de salud de la OMS: la lista abarca países reales; la situación de un país ficticio procede del archivo de países del mundo de demostración.
gap-register = Registro de políticas: no se ha cargado ninguna política de este país; un archivo de registro (TOML o CSV, docs/register.md) permite completarlo.
gap-answers = ODS 10.7.2 (políticas migratorias bien gestionadas): no se ha guardado ninguna respuesta de { $country } al cuestionario del indicador (filas item,answer; docs/assessment.md).

# Lo que no se muestra a quien lee el espacio de trabajo de otro gobierno.
gap-register-partly-shared = Del registro de políticas de { $country }, que se conserva en el espacio de trabajo de su gobierno, { $shared ->
    [one] se comparte con usted { $shared } de { $total } políticas
   *[other] se comparten con usted { $shared } de { $total } políticas
}; se omiten las verificaciones de los corredores, que leen todo el registro.
gap-register-withheld = El registro de políticas de { $country } se conserva en el espacio de trabajo de su gobierno y no se comparte con usted; tampoco las verificaciones de los corredores que lo leen.
gap-answers-withheld = Las respuestas de { $country } a los marcos de evaluación se conservan en el espacio de trabajo de su gobierno y no se comparten con usted.
gap-checks-withheld = { $count ->
    [one] Se omite { $count } verificación de corredor: lee
   *[other] Se omiten { $count } verificaciones de corredores: leen
} el registro de un gobierno que no lo comparte con usted.

# Grupos de países (regiones, grupos de ingresos, el mundo).
gap-group-income-unclassified = Miembros de los grupos de ingresos: no se ha cargado ninguna clasificación del Banco Mundial; importe el libro de datos CLASS del Banco Mundial (grupos de ingresos).
gap-group-no-members = El grupo no tiene miembros.
gap-group-immigrant-stock = Población inmigrante (stock): ningún miembro tiene un total publicado ni datos bilaterales; importe UN DESA International Migrant Stock.
gap-group-population = Población: ningún miembro tiene un valor; importe WDI SP.POP.TOTL o UN WPP.
gap-group-remittances-received = Remesas recibidas: ningún miembro tiene un valor; importe WDI BX.TRF.PWKR.CD.DT o el libro de datos de entradas de KNOMAD.
gap-group-net-migration = Migración neta: ningún miembro tiene un valor; importe WDI SM.POP.NETM o la migración neta de UN WPP.
gap-group-scope = Los corredores, la diáspora, los flujos estimados, el costo de las remesas (ODS 10.c.1), la emigración de personas calificadas y del personal de salud, la lista de salvaguardias, la situación respecto de la ICMW y las políticas figuran en los perfiles de los propios miembros, no en los de los grupos.

## Las constataciones de las verificaciones de los corredores (crates/analysis/src/corridor.rs). Las
## etiquetas, los grupos destinatarios y los códigos de indicadores son los identificadores del
## archivo de reglas y se mantienen tal como están escritos.

# Une alternativas («en vigor o prevista»), condiciones («etiquetada como a y b») y las
# partes de un modelo de política.
analysis-or = {" "}o{" "}
analysis-and = {" "}y{" "}
analysis-comma = ,{" "}

# Lo que una regla busca en un registro: «de Nepal (NPL), en vigor, etiquetada como …».
check-pattern-of = de { $country } ({ $code })
check-pattern-of-either = de { $origin } ({ $origin-code }) o de { $destination } ({ $destination-code })
check-pattern-tags = etiquetada como { $tags }
check-pattern-groups = dirigida a { $groups }
check-pattern-stages = en la etapa { $stages }
check-pattern-meet = dirigida a los grupos destinatarios de las políticas «{ $name }»
check-pattern-partner = con { $other } como país asociado
check-pattern-partner-or-none = con { $other } como país asociado o sin país asociado
check-the-other-country = el otro país
check-country = { $country } ({ $code })
# Constatación de una regla de que un registro no contiene lo que busca.
check-no-policy = ninguna política { $pattern }
# Por qué no se tiene en cuenta una política cercana a lo que falta.
check-near-miss = se tendría en cuenta, pero: { $reasons }
check-near-status = estado: { $status }
check-near-partner = no designa a { $other } (países asociados: { $partners })
check-no-partners = ninguno
check-unintended = etiquetada como unintended-development-effect

# Atributos de los países, tal como los enuncia una constatación ($value es yes o no) y tal
# como los echa en falta una regla que no pudo evaluarse.
check-attribute-who-ssl = { $country } ({ $code }) { $value ->
    [yes] figura
   *[no] no figura
} en la lista de apoyo y salvaguardias del personal de salud de la OMS
check-attribute-icmw-party = { $country } ({ $code }) { $value ->
    [yes] es parte
   *[no] no es parte
} en la Convención sobre los trabajadores migratorios (ICMW)
check-attribute-ilo-c97-party = { $country } ({ $code }) { $value ->
    [yes] es parte
   *[no] no es parte
} en el Convenio ILO C97
check-attribute-ilo-c143-party = { $country } ({ $code }) { $value ->
    [yes] es parte
   *[no] no es parte
} en el Convenio ILO C143
check-whether-who-ssl = si { $country } ({ $code }) figura en la lista de apoyo y salvaguardias del personal de salud de la OMS
check-whether-icmw-party = si { $country } ({ $code }) es parte en la Convención sobre los trabajadores migratorios (ICMW)
check-whether-ilo-c97-party = si { $country } ({ $code }) es parte en el Convenio ILO C97
check-whether-ilo-c143-party = si { $country } ({ $code }) es parte en el Convenio ILO C143

# Las pruebas que una regla aplica a un valor.
check-test-above = por encima de { $value }
check-test-below = por debajo de { $value }

# Por qué no se evaluó una regla.
check-no-register-for = no hay registro de { $country } ({ $code })
check-register-of = registro de { $country } ({ $code })
check-missing = faltan datos: { $items }
check-missing-data = { $indicator } para { $place }

# Etapas del ciclo migratorio en el texto corriente (en los archivos de reglas, sus identificadores en inglés).
check-stage-before-departure = antes de la partida
check-stage-recruitment-departure = contratación y partida
check-stage-stay-abroad = estancia en el extranjero
check-stage-return-reintegration = retorno y reintegración

# Una frase compuesta solo de elementos (una lista, las partes de un modelo); cada elemento se formula por separado.
analysis-items = { $items }

# Gravedad de una constatación y nivel de coherencia.
check-severity-high = alta
check-severity-medium = media
check-severity-low = baja
check-level-institutional = institucional
check-level-working = operativo
check-level-between-countries = entre países

# Migración laboral y desplazamiento forzado (crates/analysis/src/labour.rs).
gap-topic-deployments = Salidas de nacionales para trabajar en el extranjero (la mayoría de los países no las publica)
gap-source-deployments = las salidas de nacionales por motivos de empleo por país de destino de ILOSTAT, o las estadísticas nacionales de salidas del país (docs/data.md)
gap-topic-inflows = Migrantes temporales y de tipo permanente admitidos, por categoría
gap-source-inflows = las entradas estandarizadas de la Base de Datos sobre Migración Internacional de la OCDE (solo países de destino de la OCDE)
gap-topic-refugees = Refugiados y solicitantes de asilo
gap-source-refugees = el Refugee Data Finder del ACNUR (población por país de origen y de asilo)

# Indicadores nombrados en cuadros y gráficos (analysis::said::indicator_key): canales y
# niveles de calificación de las salidas, categorías de entradas.
ind-deployments-agency = por medio de agencias de contratación
ind-deployments-individual = de forma individual (nuevas salidas)
ind-deployments-g2g = de gobierno a gobierno
ind-deployments-reentry = reingresos
ind-deployments-skilled = calificados
ind-deployments-low-skilled = poco calificados
ind-temporary-inflow-seasonal = trabajadores de temporada
ind-temporary-inflow-working-holiday = vacaciones y trabajo
ind-temporary-inflow-intra-company = traslados intraempresariales
ind-temporary-inflow-trainees = personas en prácticas
ind-temporary-inflow-other-workers = otros trabajadores temporales
ind-temporary-inflow-students = estudiantes internacionales
ind-permanent-inflow-work = trabajo
ind-permanent-inflow-accompanying-family = familiares que acompañan a trabajadores
ind-permanent-inflow-family = familia
ind-permanent-inflow-humanitarian = humanitaria
ind-permanent-inflow-free-movement = libre circulación
ind-permanent-inflow-other = otras
ind-migrant-stock = población migrante
ind-deployments = nacionales que salieron a trabajar en el año
ind-bilateral-remittances = remesas enviadas al país
ind-remittance-cost-200 = costo de enviar 200 US$ (% del monto)
ind-health-workers-abroad = trabajadores de la salud en el extranjero
ind-health-workers-home = trabajadores de la salud en el país
ind-physicians-per-1000 = médicos por cada 1000 habitantes

# Año publicado en cuadros mensuales (Nepal) al que le faltan meses: se omite.
gap-parts-missing = Salidas del año de { $dataset }: se han guardado { $count } de sus 12 cuadros mensuales; el total del año no se muestra hasta que se importen los doce.
