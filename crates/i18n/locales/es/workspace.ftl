# The workspace's profile page, workshop and policy-cycle words. Keys begin with ws-.

## The profile pages (crates/server/src/web/profiles.rs)

ws-prof-title = Perfiles
ws-prof-intro = El perfil migratorio de cualquier país o grupo, elaborado a partir de los datos oficiales de este Coherence, cada cifra con su fuente.
ws-prof-area = País o grupo
ws-prof-area-hint = Un nombre en inglés, un código ISO 3166-1 alfa-3, un código M49 de las Naciones Unidas o un grupo como world, region:002, sdg:SSA o income:LIC.
ws-prof-show = Mostrar el perfil
ws-prof-countries = Países y zonas
ws-prof-groups = Grupos
ws-prof-fictional = ficticio (mundo de demostración)
ws-prof-downloads = Descargas
ws-prof-csv = CSV (un valor por fila, con su unidad y su fuente)
ws-prof-xlsx = Libro de Excel
ws-prof-json = JSON (cada valor con su unidad y su fuente)
ws-prof-brief = Nota HTML (un único archivo autónomo)
ws-prof-pdf = Nota PDF (A4; tamaño carta de EE. UU.: añada ?paper=letter)
ws-prof-no-chromium = Las notas PDF se imprimen con Chromium, que este servidor no tiene; la nota HTML imprime las mismas páginas desde un navegador. El administrador del servidor puede instalarlo (`apt-get install chromium` en Debian) o indicar su ruta en COHERENCE_CHROMIUM.
ws-prof-view-brief = Abrir la nota como página

## The cross-impact scale (Nilsson, Griggs and Visbeck 2016), from +3 to −3

ws-scale-indivisible = Indivisible
ws-scale-indivisible-what = el avance en uno está ligado de forma inseparable al avance en el otro
ws-scale-reinforcing = Reforzador
ws-scale-reinforcing-what = contribuye al logro del otro
ws-scale-enabling = Habilitador
ws-scale-enabling-what = crea condiciones que favorecen al otro
ws-scale-consistent = Compatible
ws-scale-consistent-what = ninguna interacción positiva o negativa significativa
ws-scale-constraining = Restrictivo
ws-scale-constraining-what = limita las opciones del otro
ws-scale-counteracting = Contrarrestante
ws-scale-counteracting-what = choca con el otro
ws-scale-cancelling = Anulador
ws-scale-cancelling-what = hace imposible alcanzar el otro

## The workshop's network metrics

ws-metric-out-influence = Influencia de salida (suma de la fila)
ws-metric-out-positive = Fuerza de salida (+)
ws-metric-out-negative = Salida (−)
ws-metric-in-influence = Influencia de entrada (suma de la columna)
ws-metric-in-positive = Fuerza de entrada (+)
ws-metric-in-negative = Entrada (−)
ws-metric-second-order-out = Salida de segundo orden
ws-metric-second-order-in = Entrada de segundo orden
ws-metric-combined-out = Salida combinada
ws-metric-combined-in = Entrada combinada
ws-metric-pagerank = PageRank (red positiva)
ws-metric-n-out-negative = Vínculos negativos emitidos

## The stages of the migration cycle (IOM)

ws-stage-before-departure = Antes de la partida
ws-stage-recruitment-departure = Contratación y partida
ws-stage-stay-abroad = Estancia en el extranjero
ws-stage-return-reintegration = Retorno y reintegración

## The statuses of a policy

ws-status-planned = prevista
ws-status-active = en vigor
ws-status-suspended = suspendida
ws-status-ended = finalizada

## The upload of an official file (static/app.js writes them, the file name or status after)

ws-upload-uploading = Subiendo
ws-upload-failed = La carga ha fallado; estado de la respuesta del servidor:
ws-upload-unreachable = La carga ha fallado: no se pudo contactar con el servidor.
