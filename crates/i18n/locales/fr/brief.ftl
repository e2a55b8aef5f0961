# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

## Charts and maps (crates/report/src/svg.rs, svg/, map.rs): the texts a chart or map
## writes itself. Values ($value, $x, $lower…) arrive already written by the
## language's conventions; $unit, $label and $name are the brief's words.

brief-chart-no-data = Aucune donnée disponible
brief-chart-no-data-sentence = Aucune donnée disponible.
brief-chart-list-separator = {" ; "}
brief-chart-series-values = { $name }, { $unit } : { $values }.
brief-chart-series-values-gaps = { $name } (certaines valeurs manquent), { $unit } : { $values }.
brief-chart-series-no-data = { $name } : aucune donnée.
brief-chart-point = { $x } : { $y }
brief-chart-point-tip = { $name }, { $x } : { $y } { $unit }
brief-chart-item = { $label } : { $value }
brief-chart-item-share = { $label } : { $value } ({ $share } du total)
brief-chart-bar-share = { $value } ({ $share })
brief-chart-values-in = Unité : { $unit }.
brief-chart-interval-item = { $label } : { $value }, { $interval } de { $lower } à { $upper }
brief-chart-interval-axis = { $unit } ; barres : { $interval }
brief-chart-reference-line = Ligne de référence : { $label } à { $value }.
brief-chart-fan-point = { $x } : { $median } (intervalle de 90 % de { $lower } à { $upper })
brief-chart-fan-series = { $name }, médiane, { $unit } : { $values }.
brief-chart-fan-median = { $name } (médiane)
brief-chart-fan-bands = Intervalles de 50 % et de 90 % (zones ombrées)
brief-chart-fan-tip = { $name }, { $x } : médiane { $median } { $unit } (intervalle de 90 % de { $lower } à { $upper })
brief-chart-reference-at = { $label } à { $value }
brief-chart-reference-lines = Lignes de référence : { $lines }.
brief-chart-above-count = { $above } sur { $total } au-dessus de { $threshold }.
brief-chart-above = Au-dessus : { $name }
brief-chart-at-or-below = Au niveau ou en dessous : { $name }
brief-map-boundary-note = Les frontières et les noms indiqués n’impliquent ni approbation ni acceptation officielles.
brief-map-source-note = Projection Equal Earth. Frontières : Natural Earth 1:50m (domaine public).
brief-map-class-all = toutes
brief-map-class-under = moins de { $bound }
brief-map-class-or-more = { $bound } ou plus
brief-map-area-code = zone { $code }
brief-map-desc-world = Carte du monde, projection Equal Earth.
brief-map-desc-no-data = Aucune destination de la carte n’a de données ; tous les pays sont en gris.
brief-map-desc-item = { $name } : { $value }
brief-map-desc-largest = Les { $shown } principales destinations sur les { $total } ayant des données, en personnes :
brief-map-desc-all =
    { $total ->
        [one] La seule destination ayant des données, en personnes :
       *[other] Les { $total } destinations ayant des données, de la plus importante à la moins importante, en personnes :
    }
brief-map-not-drawn = Non représentées (pas de contour à cette échelle) : { $names }.
brief-map-desc-origin = Le pays d’origine, { $name }, est hachuré.
brief-map-name-separator = {", "}
brief-map-tip-persons =
    { $value ->
        [one] { $name } : { $value } personne
       *[other] { $name } : { $value } personnes
    }
brief-map-tip-origin = { $name } : pays d’origine
brief-map-legend-title = Personnes
brief-map-legend-no-data-any = aucune destination n’a de données
brief-map-legend-no-data = pas de données
brief-map-legend-origin = origine : { $name }

## Corridor checks (crates/report/src/corridor.rs)

brief-corridor-title = Cohérence des couloirs
brief-corridor-none = Aucun couloir n’a été vérifié : la base ne contient aucun stock bilatéral de migrants de ce pays, à partir duquel ses principaux partenaires sont choisis.
brief-corridor-intro = Chaque couloir reliant le pays à ses principaux partenaires est vérifié au regard des règles de couloir de Coherence ({ $file }). Chaque constatation indique les politiques, les caractéristiques des pays et les données sur lesquelles elle repose. Une règle portant sur les politiques d’un pays n’est évaluée que si le registre des politiques de ce pays est chargé : l’absence de registre ne prouve pas l’absence d’une politique.
brief-corridor-no-register-for = aucun registre pour { $name } ({ $code })
brief-corridor-missing = données manquantes : { $items }
brief-corridor-unchecked-intro = Couloirs qui n’ont pas pu être entièrement vérifiés, faute de registre des politiques :
brief-corridor-unchecked-item = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }) : { $count ->
        [one] { $count } règle sur { $total } non évaluée
       *[other] { $count } règles sur { $total } non évaluées
    } — { $whose }
brief-corridor-heading = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }) : { $fired ->
        [one] { $fired } règle déclenchée
       *[other] { $fired } règles déclenchées
    } sur { $total }
brief-corridor-heading-unevaluated = { $origin } ({ $origin-code }) → { $destination } ({ $destination-code }) : { $fired ->
        [one] { $fired } règle déclenchée
       *[other] { $fired } règles déclenchées
    } sur { $total } ; { $unevaluated ->
        [one] { $unevaluated } non évaluée
       *[other] { $unevaluated } non évaluées
    }
brief-corridor-no-finding =
    { $count ->
        [one] Aucune règle ne s’est déclenchée ({ $count } évaluée pour ce couloir).
       *[other] Aucune des { $count } règles évaluées pour ce couloir ne s’est déclenchée.
    }
brief-corridor-not-evaluated = Non évaluées :
brief-corridor-gaps-intro = Lacunes de couverture (étape du cycle migratoire × domaine d’action) :
brief-corridor-unintended-intro = Politiques qui favorisent le développement sans l’avoir recherché :
brief-corridor-gap-no-register = { $name } : aucun registre chargé, sa couverture est donc inconnue
brief-corridor-gap-stages = { $name } : aucune politique en vigueur aux étapes suivantes : { $stages }
brief-corridor-gap-areas = { $name } : aucune politique en vigueur dans les domaines suivants : { $areas }
brief-corridor-gap-areas-stages = { $name } : aucune politique en vigueur dans les domaines suivants : { $areas } ; aucune aux étapes suivantes : { $stages }
brief-corridor-gap-between = Entre les deux pays : aucune politique propre au couloir aux étapes suivantes : { $stages }
brief-corridor-stage-before-departure = avant le départ
brief-corridor-stage-recruitment-departure = recrutement et départ
brief-corridor-stage-stay-abroad = séjour à l’étranger
brief-corridor-stage-return-reintegration = retour et réintégration
brief-corridor-severity-high = élevée
brief-corridor-severity-medium = moyenne
brief-corridor-severity-low = faible
brief-corridor-level-institutional = institutionnel
brief-corridor-level-working = opérationnel
brief-corridor-level-between-countries = entre pays
brief-corridor-finding-meta = (gravité { $severity }, niveau { $level })
brief-corridor-policy = Politique { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } en { $year } ({ $test })
brief-corridor-absent = Manque : { $what }
brief-corridor-near-miss = Ne compte pas : { $id } — { $why }
brief-corridor-source = Source : { $source }

## Policy options (crates/report/src/scenario.rs)

brief-scenario-title = Options de politique
brief-scenario-intro = Effets d’options de politique simulés par la méthode de Monte-Carlo : chaque graphique montre la médiane des tirages et, en zones ombrées ou en moustaches, les intervalles de 50 % et de 90 % (du 5e au 95e centile). Les intervalles traduisent l’incertitude des paramètres indiqués dans le fichier de scénario ; les options ont été simulées sur les mêmes tirages, de sorte que leurs différences ne sont pas brouillées par le bruit d’échantillonnage.
brief-scenario-run =
    Situation de référence : { $baseline }. { $draws ->
        [one] { $draws } tirage
       *[other] { $draws } tirages
    }, graine { $seed }, exécution { $run }.
brief-scenario-baseline-caption = Valeurs de référence de « { $name } »
brief-scenario-col-value = Valeur
brief-scenario-col-amount = Montant
brief-scenario-col-unit = Unité
brief-scenario-col-source = Source
brief-scenario-chart-title = { $title } ({ $side })
brief-scenario-side-origin = origine
brief-scenario-side-destination = destination
brief-scenario-side-migrants = migrants
brief-scenario-interval-summary = Médiane des tirages avec l’intervalle de 90 %.
brief-scenario-interval-label = intervalle de 90 %
brief-scenario-caption =
    { $title } : médiane et intervalles sur { $draws ->
        [one] { $draws } tirage
       *[other] { $draws } tirages
    }. Source : exécution de scénario Coherence { $run } (graine { $seed }).
brief-scenario-caption-series =
    { $title } : médiane et intervalles sur { $draws ->
        [one] { $draws } tirage
       *[other] { $draws } tirages
    }. Axe horizontal : année de la politique (1 = sa première année). Source : exécution de scénario Coherence { $run } (graine { $seed }).
brief-scenario-totals-caption = Totaux de « { $name } » sur l’ensemble des tirages
brief-scenario-col-output = Résultat
brief-scenario-col-option = Option
brief-scenario-col-mean = Moyenne
brief-scenario-col-median = Médiane
brief-scenario-col-p05 = 5e centile
brief-scenario-col-p95 = 95e centile

## Numbers

brief-not-available = n/a
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n }k
brief-compact-m = { $n }M
brief-compact-bn = { $n }bn
brief-compact-tn = { $n }tn
