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

brief-corridor-none = Aucun couloir n’a été vérifié : la base ne contient aucun stock bilatéral de migrants de ce pays, à partir duquel ses principaux partenaires sont choisis.
brief-corridor-intro = Chaque couloir reliant le pays à ses principaux partenaires est vérifié au regard des règles de couloir de Coherence ({ $file }). Chaque constatation indique les politiques, les caractéristiques des pays et les données sur lesquelles elle repose. Une règle portant sur les politiques d’un pays n’est évaluée que si le registre des politiques de ce pays est chargé : l’absence de registre ne prouve pas l’absence d’une politique.
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
brief-corridor-finding-meta = (gravité { $severity }, niveau { $level })
brief-corridor-policy = Politique { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } en { $year } ({ $test })
brief-corridor-figures-intro = Le couloir en chiffres (dernière année de chacun) :
brief-corridor-figure = { $name } ({ $place }) : { $value } { $unit } en { $year }
brief-corridor-absent = Manque : { $what }
brief-corridor-near-miss = Ne compte pas : { $id } — { $why }
brief-corridor-source = Source : { $source }

## Policy options (crates/report/src/scenario.rs)

brief-scenario-intro = Effets d’options stratégiques simulés par la méthode de Monte-Carlo : chaque graphique montre la médiane des tirages et, en zones ombrées ou en moustaches, les intervalles de 50 % et de 90 % (du 5e au 95e centile). Les intervalles traduisent l’incertitude des paramètres indiqués dans le fichier de scénario ; les options ont été simulées sur les mêmes tirages, de sorte que leurs différences ne sont pas brouillées par le bruit d’échantillonnage.
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

brief-not-available = n.d.
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n } k
brief-compact-m = { $n } M
brief-compact-bn = { $n } Md
brief-compact-tn = { $n } Bn

## Units and amounts

brief-persons = { $n ->
    [one] { $n } personne
    [many] { $n } de personnes
   *[other] { $n } personnes
}
# $n is the number already written.
# $n is a number.
brief-usd-billion = { $n ->
    [one] { $n } milliard de US$
   *[other] { $n } milliards de US$
}
brief-usd-million = { $n ->
    [one] { $n } million de US$
   *[other] { $n } millions de US$
}
brief-usd = { $n } US$
brief-usd-ppp = { $n } US$ PPA
brief-per-thousand = { $n } pour 1 000 habitants

## Sources and tables

brief-choice-note = valeur retenue selon la règle { $rule } ; valeurs écartées : { $beaten }
brief-provenance-cell = cellule : { $cell }
brief-provenance-derived = valeur dérivée : { $how }
brief-source-label = Source { $n }
brief-table-scrolls = Tableau (défilement horizontal sur les écrans étroits)
brief-note-each = { $column } : chaque valeur porte son propre renvoi
brief-note-break = { $column }, à partir de { $from } : les valeurs proviennent de { $new } et non plus de { $old }
brief-note-source = Source : { $list }.
brief-note-sources = Sources : { $list }.
brief-note-breaks = { $label } (la valeur signalée en marque le début) : { $breaks }.
brief-note-chosen = Les valeurs soulignées ont été retenues parmi celles de plusieurs jeux de données, selon la règle indiquée à la source { $rule }.
brief-note-cell = La cellule d’origine de chaque valeur figure dans son info-bulle et dans le profil JSON.
brief-figure-table-below = Les chiffres figurent dans le tableau ci-dessous.
# $what is the name of a part of the profile (e.g. "migrant stocks"); $gaps links to the Data gaps section.
brief-no-data = Ce profil ne contient aucune donnée sur { $what }. Voir { $gaps }.
brief-break = Rupture de série
brief-see = Voir { $link }.

## The header, contents and footer

brief-title = { $country } : note d’information sur les migrations et le développement
brief-fictional-label = Données fictives
brief-kicker = Note d’information sur les migrations et le développement
brief-iso3 = ISO 3166-1 alpha-3 : { $code }
brief-m49 = M49 de l’ONU : { $code }
brief-fictional-country = pays fictif du monde de démonstration
brief-pinned = Éditions lues à la place des plus récentes, comme demandé : { $editions }.
# $date is the date, $editions the datasets' editions, $about a link to "About this brief".
brief-generated = Établie le { $date } avec Coherence { $version } ({ $editions }) ; voir { $about }.
brief-footer = Note établie avec Coherence { $version } le { $date } à partir de statistiques officielles. Chaque valeur renvoie à sa source ; les mêmes données, la même date et la même version produisent toujours la même note.
brief-contents = Sommaire
brief-card-unavailable = Non disponible

## Section headings

brief-h-summary = Résumé
brief-h-headline = Principaux chiffres
brief-h-stocks = Stocks de migrants
brief-h-corridors = Destinations et origines
brief-h-remittances = Envois de fonds
brief-h-costs = Coût des envois de fonds
brief-h-sdg = Indicateurs des ODD relatifs aux migrations
brief-h-dependence = Dépendance à l’égard des envois de fonds
brief-h-diaspora = Diaspora
brief-h-skills = Compétences et personnels de santé
brief-h-governance = Conventions et mesures de sauvegarde
brief-h-labour = Migrations de travail
brief-h-displacement = Déplacements forcés
brief-h-assessments = Évaluations de la gouvernance des migrations
brief-h-policies = Registre des politiques
brief-h-corridor-coherence = Cohérence des couloirs
brief-h-options = Options stratégiques
brief-h-gaps = Lacunes dans les données
brief-h-about = À propos de cette note
brief-h-appendix = Annexe : tableaux
brief-h-sources = Sources

## Column headers of the tables

brief-col-year = Année
brief-col-total-persons = Total (personnes)
brief-col-female-persons = Femmes (personnes)
brief-col-male-persons = Hommes (personnes)
brief-col-share-of-population-pct = Part de la population (%)
brief-col-period = Période
brief-col-method = Méthode
brief-col-inflow-persons = Entrées (personnes)
brief-col-outflow-persons = Sorties (personnes)
brief-col-net-persons = Solde (personnes)
brief-col-rank = Rang
brief-col-iso-code = Code ISO
brief-col-migrants-persons = Migrants (personnes)
brief-col-sending-country = Pays d’envoi
brief-col-receiving-country = Pays de réception
brief-col-cost-pct-of-usd200 = Coût (% de 200 US$)
brief-col-compared-with-the-sdg-10-c-target = Par rapport à la cible 10.c des ODD
brief-col-indicator = Indicateur
brief-col-value = Valeur
brief-col-unit = Unité
brief-col-note = Note
brief-col-destination = Destination
brief-col-iso3 = ISO3
brief-col-m49 = M49
brief-col-persons = Personnes
brief-col-domain = Domaine
brief-col-answered = Renseignés
brief-col-answers = Réponses
brief-col-score = Score
brief-col-band = Niveau
brief-col-id = Identifiant
brief-col-policy = Politique
brief-col-ministry = Ministère
brief-col-area = Secteur
brief-col-migration-cycle-stages = Étapes du cycle migratoire
brief-col-partner-countries = Pays partenaires
brief-col-status = Statut
brief-col-register-change = Modification du registre

## Headline numbers

brief-term-year = { $term } ({ $year })
# $target is "3%" written in the language; $points a number.
brief-above-target = { $points ->
    [one] { $points } point de pourcentage au-dessus de la cible de { $target }
   *[other] { $points } points de pourcentage au-dessus de la cible de { $target }
}
brief-within-target = au niveau de la cible de { $target } ou en deçà
brief-remittances-received = Envois de fonds reçus
brief-remittances-paid = Envois de fonds versés
brief-remittances-note = Envois de fonds personnels, en US$ courants.
brief-remittances-paid-note = Envoyés depuis le pays par les personnes qui y résident.
# $share is a percentage, $source a footnote mark.
brief-share-gdp-official = { $share } du PIB en { $year } (ODD 17.3.2, série officielle){ $source }
brief-share-gdp-recomputed = { $share } du PIB en { $year } (recalculé ici ; la série officielle de l’ODD 17.3.2 n’est pas chargée){ $source }
brief-cost-to = Coût d’un envoi de 200 US$ vers { $country }
brief-cost-from = Coût d’un envoi de 200 US$ depuis { $country }
brief-cost-mean-to = Coût moyen d’un envoi de 200 US$ vers { $country } (ODD 10.c.1)
brief-cost-mean-from = Coût moyen d’un envoi de 200 US$ depuis { $country } (ODD 10.c.1)
brief-the-corridors = les couloirs
brief-cost-of-amount = du montant envoyé, frais et marge de change compris.
brief-cost-mean-note = Moyenne non pondérée sur { $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
}, dernière année disponible pour chacun ; voir { $link }.
brief-of-population = de la population
brief-immigrants-in = { $country } : immigrants résidant dans le pays
brief-emigrants-from = { $country } : émigrants résidant à l’étranger
brief-emigration-rate = Taux d’émigration
brief-emigration-rate-note = Émigrants en proportion de l’ensemble des personnes nées dans le pays : émigrants ÷ (résidents nés dans le pays + émigrants).
brief-net-migration = Solde migratoire
brief-net-migration-note = Immigrants moins émigrants sur l’année ; négatif lorsque les départs l’emportent sur les arrivées.
brief-skilled-rate = Taux d’émigration des personnes qualifiées
brief-skilled-rate-note = Émigrants diplômés de l’enseignement supérieur, en proportion de l’ensemble des diplômés de l’enseignement supérieur nés dans le pays.
brief-health-rate = Taux d’émigration des personnels de santé
brief-health-rate-note = Médecins et personnel infirmier nés dans le pays et exerçant à l’étranger, en proportion de l’ensemble de ceux qui exercent dans le pays ou à l’étranger.

## Migrant stocks, flows, destinations and origins

brief-total = Total
brief-female = Femmes
brief-male = Hommes
brief-unit-persons = personnes
# $who is brief-what-immigrants or brief-what-emigrants.
brief-stock-summary = Graphique linéaire des { $who } par année et par sexe.
brief-stock-caption = { $heading }, par année et par sexe (personnes).
brief-stock-table = { $heading }, stock en milieu d’année
brief-what-immigrants = immigrants
brief-what-emigrants = émigrants
brief-flows = { $country } : flux migratoires estimés
brief-what-flows = les flux migratoires estimés
brief-flows-intro = Personnes entrées dans le pays et sorties du pays au cours de chaque période, estimées à partir de deux tableaux du stock bilatéral de migrants et additionnées sur l’ensemble des couloirs du pays. Il s’agit de résultats de modèles, non de dénombrements ; la méthode est indiquée à chaque ligne, avec sa source.
brief-flows-table = { $heading }, personnes sur chaque période (estimations enregistrées)
# $share is brief-share-emigrants or brief-share-immigrants, in lower case.
brief-corridor-summary = Diagramme en barres, par ordre décroissant ; le pourcentage indiqué est la { $share }.
brief-corridor-caption = { $heading }, en personnes ; entre parenthèses, la { $share }.
brief-where-emigrants = { $country } : pays de résidence des émigrants
brief-where-immigrants = { $country } : pays d’origine des immigrants
brief-what-destinations = les pays de résidence des émigrants
brief-what-origins = les pays d’origine des immigrants
brief-col-destination-country = Pays de destination
brief-col-origin-country = Pays d’origine
brief-share-emigrants = Part de l’ensemble des émigrants
brief-share-immigrants = Part de l’ensemble des immigrants
brief-col-share-emigrants-pct = Part de l’ensemble des émigrants (%)
brief-col-share-immigrants-pct = Part de l’ensemble des immigrants (%)
brief-map-heading = Où vit la diaspora
brief-map-demo = Le monde de démonstration ne peut être cartographié : ses pays fictifs n’ont pas de place sur une carte du monde réel.
brief-map-every-destination = toutes les destinations
brief-map-main-destinations = principales destinations seulement
brief-map-title = { $country } : pays de résidence des émigrants, { $year }
brief-map-description = { $country } : émigrants par pays de résidence, { $year } ({ $scope }) ; plus la teinte est foncée, plus ils sont nombreux.
brief-map-caption = { $country } : émigrants par pays de résidence, { $year }, en personnes ({ $scope }) ; le pays lui-même est hachuré.

## Remittances

brief-what-remittances = les envois de fonds
brief-what-remittances-flows = les envois de fonds reçus ou versés
brief-what-remittances-gdp = les envois de fonds en proportion du PIB
brief-remittances-title = { $country } : envois de fonds personnels reçus et versés
brief-received = Reçus
brief-paid = Versés
brief-remittances-summary = Graphique linéaire des envois de fonds personnels par année, en dollars des États-Unis courants.
brief-unit-current-usd = US$ courants
brief-remittances-caption = { $title } (US$ courants).
brief-remittances-table = { $country } : envois de fonds personnels, par année
brief-col-received-usd-million = Reçus (millions de US$ courants)
brief-col-paid-usd-million = Versés (millions de US$ courants)
brief-remittances-gdp-title = { $country } : envois de fonds reçus en proportion du PIB (ODD 17.3.2 et recalcul)
brief-remittances-gdp-summary = Graphique linéaire des envois de fonds personnels reçus en pourcentage du PIB, par année.
brief-unit-pct-gdp = % du PIB
brief-series-recomputed = Reçus, % du PIB (recalcul)
brief-series-official = ODD 17.3.2, série officielle (WDI)
brief-remittances-gdp-caption = { $title } (%).
brief-remittances-gdp-table = { $country } : envois de fonds reçus et PIB, par année
brief-col-sdg-17-3-2-official-pct = ODD 17.3.2, série officielle (%)
brief-col-received-pct-gdp-recomputed = Reçus (% du PIB), recalcul
brief-col-gdp-usd-million = PIB (millions de US$ courants)

## Appendix and costs

brief-appendix-caption = Tableau A{ $number }. { $caption }
brief-recent-caption = { $caption }, { $years ->
    [one] dernière année
   *[other] { $years } dernières années
}
brief-appendix-link = Toutes les années : tableau A{ $number } de l’annexe
brief-appendix-more = { $link } ({ $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}).
brief-appendix-intro = Les tableaux annuels dont les sections ci-dessus présentent les années récentes, ici avec toutes les années.
brief-what-costs-to = le coût des envois d’argent vers le pays
brief-what-costs-from = le coût des envois d’argent depuis le pays
# $target is "3%", $ceiling "5%", written in the language.
brief-cost-summary-from = Diagramme en barres du coût moyen d’un envoi de 200 US$ depuis chaque pays, en pourcentage du montant envoyé, par ordre décroissant, au regard de la cible 10.c des ODD ({ $target }) et du seuil de { $ceiling }.
brief-cost-summary-to = Diagramme en barres du coût moyen d’un envoi de 200 US$ vers chaque pays, en pourcentage du montant envoyé, par ordre décroissant, au regard de la cible 10.c des ODD ({ $target }) et du seuil de { $ceiling }.
brief-unit-pct-usd200 = % des 200 US$ envoyés
brief-sdg-target-line = Cible ODD { $target }
brief-cost-caption = { $heading } : coût total en pourcentage des 200 US$ envoyés ; tirets : cible 10.c des ODD ({ $target }) ; pointillés : { $ceiling }.
brief-h-costs-full = Coût des envois de fonds (ODD 10.c.1)
brief-sdg-10-c = Cible 10.c des ODD : « D’ici à 2030, faire baisser au-dessous de 3 pour cent les coûts de transaction des envois de fonds effectués par les migrants et éliminer les circuits d’envois de fonds dont les coûts sont supérieurs à 5 pour cent ».

## Skills, SDG indicators and dependence

brief-skilled-rate-row = Taux d’émigration des personnes qualifiées (diplômés du supérieur, %)
brief-health-rate-row = Taux d’émigration des personnels de santé (médecins et personnel infirmier, %)
brief-physicians-row = Médecins pour 1 000 habitants
brief-skills-table = Émigration des personnes qualifiées et des personnels de santé, dernière année disponible
brief-see-gaps = voir { $link }
brief-unit-ppp = US$ PPA ($ internationaux courants)
brief-unit-percent = %
brief-unit-per-thousand = pour 1 000 habitants
brief-unit-number = nombre
brief-unit-pct-sent = % du montant envoyé
brief-unit-pct-corridors = % des couloirs
brief-unit-points = points de pourcentage
brief-cost-average-to = Coût moyen des couloirs vers le pays ({ $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
})
brief-cost-average-from = Coût moyen des couloirs depuis le pays ({ $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
})
brief-cost-above-5-to = Couloirs vers le pays dont le coût dépasse { $ceiling }
brief-cost-above-5-from = Couloirs depuis le pays dont le coût dépasse { $ceiling }
brief-cost-gap-to = Écart entre la moyenne des couloirs vers le pays et la cible de { $target }
brief-cost-gap-from = Écart entre la moyenne des couloirs depuis le pays et la cible de { $target }
brief-cost-rpw-to = Moyenne nationale de Remittance Prices Worldwide, envois vers le pays
brief-cost-rpw-from = Moyenne nationale de Remittance Prices Worldwide, envois depuis le pays
# The official names of the indicators, from the UN's global indicator framework.
brief-sdg-17-3-2-code = Indicateur 17.3.2
brief-sdg-17-3-2-name = Volume des envois de fonds de travailleurs migrants (en dollars des États-Unis) en proportion du PIB total
brief-sdg-10-c-1-code = Indicateur 10.c.1
brief-sdg-10-c-1-name = Coût des envois de fonds en proportion du montant transféré
brief-sdg-17-3-2-row = 17.3.2 Envois de fonds, % du PIB — { $country }
brief-sdg-official-note = série officielle (publication de l’organisme responsable)
brief-recomputed-row = Envois de fonds reçus ÷ PIB, recalcul — { $country }
brief-recomputed-note = recalculé à partir des chiffres ci-dessus ; il ne s’agit pas de l’indicateur officiel
brief-group-row = Envois de fonds ÷ PIB, pondéré par le PIB, recalcul — { $group }
brief-group-note = Pondéré par le PIB sur { $with } des { $members } membres{ $missing ->
    [0] {""}
    [one]  ; { $missing } sans données (indiqué dans la source)
   *[other]  ; { $missing } sans données (indiqués dans la source)
}
brief-what-sdg = les indicateurs des ODD relatifs aux migrations
brief-sdg-table = ODD 17.3.2 (envois de fonds en % du PIB : la série officielle et les recalculs à partir des chiffres retenus ici, ceux des groupes étant pondérés par le PIB : Σ envois de fonds ÷ Σ PIB sur les membres disposant des deux valeurs) et ODD 10.c.1 (coût d’un envoi de 200 US$)
brief-herfindahl = Indice de Herfindahl sur { $partners ->
    [one] { $partners } partenaire
   *[other] { $partners } partenaires
} (1 = un seul partenaire)
brief-dep-official = ODD 17.3.2, envois de fonds reçus, % du PIB (série officielle)
brief-dep-recomputed = Envois de fonds reçus, % du PIB (recalcul)
brief-dep-exports = Envois de fonds reçus, % des exportations de biens et de services
brief-dep-per-person = Envois de fonds reçus par personne résidant dans le pays
brief-concentration-destinations = Concentration des émigrants selon les destinations
brief-concentration-senders = Concentration des envois de fonds selon les pays d’envoi
brief-dependence-table = Dépendance à l’égard des envois de fonds et concentration des couloirs, dernière année disponible

## Diaspora and conventions

brief-table-part = { $caption } (partie { $part } sur { $parts })
brief-what-diaspora = l’évolution des couloirs ou la diaspora par destination
brief-trend-destinations = Évolution du nombre d’émigrants dans les principales destinations (personnes)
brief-trend-origins = Évolution du nombre d’immigrants originaires des principaux pays d’origine (personnes)
brief-diaspora-all = { $count ->
    [one] La destination unique de la diaspora
   *[other] Les { $count } destinations de la diaspora
} en { $year } ({ $persons ->
    [one] { $persons } personne
    [many] { $persons } de personnes
   *[other] { $persons } personnes
})
brief-note-source-one = Source : { $source }
brief-diaspora-table = Émigrants par destination (personnes)
brief-ssl = Liste OMS d’appui et de sauvegarde pour les personnels de santé
brief-ssl-on = Inscrit sur la liste
brief-ssl-on-note = les pays de destination ne devraient pas recruter activement les personnels de santé de ce pays en dehors d’accords de gouvernement à gouvernement
brief-ssl-off = Non inscrit sur la liste
brief-icmw = Convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille (1990)
brief-icmw-party = État partie
brief-icmw-not-party = N’est pas État partie
brief-not-computed = non calculé
brief-exactly = exactement { $n }

## Assessments, members, register, gaps and the colophon

brief-no-assessments = Aucune réponse à un cadre d’évaluation n’est enregistrée pour ce pays : les réponses du gouvernement au questionnaire de l’indicateur 10.7.2 des ODD, une fois enregistrées, sont notées ici.
# $framework, $file and $sha are code; $at a time, $by a user, $reason the reason given.
brief-answers-line = Réponses : version { $version } des réponses au cadre { $framework }, issues de { $file } (SHA-256 { $sha }), enregistrées le { $at } par { $by } — { $reason }.
brief-answered-of = { $answered } sur { $items }
brief-assessment-caption = { $framework } — { $country }, par domaine
brief-checklist = Liste de contrôle : les réponses sont dénombrées, jamais notées ni classées.
brief-overall = Ensemble
brief-rule-not-computed = Un domaine comportant un élément sans réponse n’est pas calculé, conformément à la règle de non-réponse du cadre ; l’absence de réponse n’est pas comptée comme un « non ».
brief-rule-exclude = Les éléments sans réponse sont exclus du score de leur domaine.
brief-rule-zero = Les éléments sans réponse comptent pour 0, comme le prévoit la règle du cadre (pour l’indicateur 10.7.2 des ODD, les métadonnées attribuent la valeur 0 aux valeurs manquantes au niveau national).
brief-unanswered = Sans réponse : { $items }.
brief-change-edited = Modifiée le { $date } par { $user } : { $reason }
brief-change-imported = Importée d’un fichier de registre le { $date } par { $user } : { $reason }
brief-members = { $group } : pays membres
brief-members-note = { $kind } — { $count ->
    [one] { $count } membre
   *[other] { $count } membres
} ; composition selon { $source }. Les stocks, la population, le PIB et les envois de fonds sont des sommes sur les membres disposant d’une valeur ; les envois de fonds en proportion du PIB sont recalculés avec une pondération par le PIB (il ne s’agit pas de l’indicateur officiel 17.3.2 des ODD).
brief-no-policies = Aucune politique n’est encore enregistrée pour ce pays.
brief-register-changed = Le registre tel qu’il se présente après ses modifications auditées : { $changed ->
    [0] aucune de ces politiques n’a été modifiée
    [one] { $changed } de ces politiques a été modifiée
   *[other] { $changed } de ces politiques ont été modifiées
} depuis leur importation ; le journal d’audit du registre conserve chaque modification.
brief-policies-caption = { $country } : politiques intéressant les migrations ({ $count })
brief-no-gaps = Le profil ne signale aucune lacune dans les données.
brief-gaps-intro = Les indicateurs suivants n’ont pas pu être calculés à partir des données disponibles ; pour chacun est indiqué ce qui permettrait de combler la lacune :
brief-editions = { $count ->
    [0] aucun jeu de données
    [one] { $count } édition de jeu de données
   *[other] { $count } éditions de jeux de données
}
brief-about-country = Pays
brief-about-generated = Date d’établissement
brief-about-version = Version de Coherence
brief-about-editions-chosen = Éditions choisies
brief-about-editions-used = Éditions de jeux de données utilisées
brief-about-no-values = Aucune : le profil ne contient aucune valeur.
brief-about-reference-data = données de référence fournies avec Coherence
brief-about-import = importation de données n° { $id }
brief-about-method = Méthode
brief-about-method-text = Les valeurs sont présentées telles qu’elles sont enregistrées, dans leurs unités de base (personnes, US$ courants, %). Le coût moyen d’un envoi de 200 US$ est la moyenne non pondérée des coûts des couloirs présentés. Les mêmes données, la même date et la même version produisent toujours la même note.
brief-no-sources = Aucune valeur n’est citée.
brief-source-rule = lorsque d’autres jeux de données contenaient la même valeur, choix selon la règle { $rule } (l’info-bulle de chaque valeur indique les valeurs écartées)

## Summary

brief-key-figures = Chiffres clés
brief-findings = Constats
# $figure is the figure with its unit, $source a footnote mark.
brief-kf-immigrants = Immigrants : { $figure } ({ $year }){ $source }
brief-kf-emigrants = Émigrants : { $figure } ({ $year }){ $source }
brief-kf-received = Envois de fonds reçus : { $figure } ({ $year }){ $source }
brief-kf-paid = Envois de fonds versés : { $figure } ({ $year }){ $source }
brief-kf-share-gdp = Envois de fonds reçus en proportion du PIB : { $figure } ({ $year }){ $source }
brief-kf-net = Solde migratoire : { $figure } ({ $year }){ $source }
brief-finding-gdp = Les envois de fonds reçus ont représenté { $share } du PIB en { $year }{ $source }.
brief-finding-gdp-world = Les envois de fonds reçus ont représenté { $share } du PIB en { $year }{ $source }, contre { $world } pour l’ensemble du monde (moyenne pondérée par le PIB){ $world_source }.
brief-finding-grew = { $country } : le nombre d’émigrants a augmenté, passant de { $from } en { $first } à { $to } en { $last } ({ $change }){ $source }.
brief-finding-fell = { $country } : le nombre d’émigrants a diminué, passant de { $from } en { $first } à { $to } en { $last } ({ $change }){ $source }.
brief-finding-top = La principale destination des émigrants est { $partner }, avec { $stock } ({ $share } de l’ensemble des émigrants, { $year }){ $source }.
brief-finding-cost-to-above = Le coût d’un envoi de 200 US$ vers { $country } s’est établi en moyenne à { $mean } sur { $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
}{ $source }, au-dessus de la cible de { $target } fixée par les ODD ; { $above ->
    [0] aucun ne coûte plus de { $ceiling }
    [one] { $above } d’entre eux coûte plus de { $ceiling }
   *[other] { $above } d’entre eux coûtent plus de { $ceiling }
}.
brief-finding-cost-to-within = Le coût d’un envoi de 200 US$ vers { $country } s’est établi en moyenne à { $mean } sur { $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
}{ $source }, au niveau de la cible de { $target } fixée par les ODD ou en deçà ; { $above ->
    [0] aucun ne coûte plus de { $ceiling }
    [one] { $above } d’entre eux coûte plus de { $ceiling }
   *[other] { $above } d’entre eux coûtent plus de { $ceiling }
}.
brief-finding-cost-from-above = Le coût d’un envoi de 200 US$ depuis { $country } s’est établi en moyenne à { $mean } sur { $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
}{ $source }, au-dessus de la cible de { $target } fixée par les ODD ; { $above ->
    [0] aucun ne coûte plus de { $ceiling }
    [one] { $above } d’entre eux coûte plus de { $ceiling }
   *[other] { $above } d’entre eux coûtent plus de { $ceiling }
}.
brief-finding-cost-from-within = Le coût d’un envoi de 200 US$ depuis { $country } s’est établi en moyenne à { $mean } sur { $count ->
    [one] { $count } couloir
   *[other] { $count } couloirs
}{ $source }, au niveau de la cible de { $target } fixée par les ODD ou en deçà ; { $above ->
    [0] aucun ne coûte plus de { $ceiling }
    [one] { $above } d’entre eux coûte plus de { $ceiling }
   *[other] { $above } d’entre eux coûtent plus de { $ceiling }
}.

## The country's role

# $basis lists the figures the role rests on (brief-role-stocks, brief-role-paid-…), joined by "; ".
brief-role-origin = { $country } est principalement un pays d’origine : { $basis }.
brief-role-destination = { $country } est principalement un pays de destination : { $basis }.
brief-role-both = { $country } est à la fois un pays d’origine et un pays de destination : { $basis }.
brief-role-unknown = { $country } : le profil ne contient ni stocks de migrants ni envois de fonds versés et reçus ; le rôle du pays comme pays d’origine ou de destination n’est donc pas connu, et les principaux chiffres présentent les deux versants.{ $basis }
# $n is a number.
brief-million = { $n ->
    [one] { $n } million
   *[other] { $n } millions
}
brief-years-and = { $a } et { $b }
brief-role-stocks = un stock d’immigrants de { $immigrants } contre un stock d’émigrants de { $emigrants } ({ $years })
brief-role-paid-exceed = les envois de fonds versés ({ $paid }) dépassent les envois reçus ({ $received }) en { $year }
brief-role-paid-short = les envois de fonds versés ({ $paid }) sont inférieurs aux envois reçus ({ $received }) en { $year }

## Printed pages

# "page 3 of 12" in the footer of a printed brief.
brief-page = page
brief-page-of = sur

## SDG codes

# The short code of indicator 10.c.1, before the rows of its table.
brief-sdg-10-c-1-short = 10.c.1

## The demo world

# The banner of every brief of the fictional demo world.
brief-demo-notice = MONDE DE DÉMONSTRATION FICTIF : tous les pays, chiffres et politiques sont inventés pour la démonstration et ne décrivent aucun pays réel.

## What changed since the previous editions

brief-changes = Ce qui a changé depuis les éditions précédentes
# $editions lists the previous editions compared, as "key edition E; …".
brief-changes-intro = Comparaison avec les mêmes chiffres lus dans les éditions précédentes des jeux de données ({ $editions }) :
brief-changes-none = Aucun chiffre clé n’a changé.
brief-change-immigrants = Immigrants
brief-change-emigrants = Émigrants
brief-change-received = Envois de fonds reçus
brief-change-paid = Envois de fonds versés
brief-change-share-gdp = Envois de fonds reçus en proportion du PIB (ODD 17.3.2)
brief-change-net = Solde migratoire
# $what is a figure's name, $figure its value with its unit, $source a footnote mark.
brief-change-new = { $what } : { $figure } ({ $year }){ $source }, absent des éditions précédentes.
brief-change-later = { $what } : { $figure } ({ $year }){ $source } ; le dernier chiffre des éditions précédentes était de { $before } ({ $before_year }).
brief-change-revised = { $what } : { $figure } ({ $year }){ $source }, révisé ; les éditions précédentes donnaient { $before }.

## Breaks in a chart's series

# A part of a series drawn from one dataset: its name and its source's number.
brief-series-part = { $name } [{ $source }]
brief-chart-breaks = Un changement de jeu de données interrompt une série : chaque partie est tracée à part et porte le numéro de sa source.

## Migrations de travail et déplacements forcés (crates/report/src/brief/labour.rs).
## $country est le nom du pays.

brief-what-labour = les départs de ressortissants pour un emploi à l’étranger ou les migrants admis par catégorie
brief-deployments-caption = { $country } : ressortissants partis travailler à l’étranger, par année
brief-deployments-by-sex-caption = Hommes et femmes partis travailler ({ $country }), par destination
brief-col-deployments-persons = Partis travailler à l’étranger (personnes)
brief-where-workers-went = { $country } : pays où les ressortissants sont partis travailler
brief-what-deployment-destinations = les pays où les ressortissants sont partis travailler
brief-share-deployments = Part de l’ensemble des départs pour un emploi
brief-col-share-deployments-pct = Part de l’ensemble des départs pour un emploi (%)
brief-channels-caption = Ressortissants partis travailler à l’étranger, par canal ou niveau de qualification ({ $year })
brief-col-channel = Canal ou niveau de qualification
brief-reentry-note = Les réentrées (travailleurs qui retournent chez un employeur à l’étranger après un séjour au pays) ont représenté { $share } des départs de l’année.
brief-channels-rest = Les canaux présentés ne totalisent pas les { $total } départs de l’année : { $rest } ne relèvent d’aucun canal publié ici (dans les tableaux du Népal, par exemple, les permis de travailleurs régularisés à l’étranger).
brief-turnover-heading = Départs pour un emploi et stock de migrants
brief-turnover-intro = Départs pour un emploi au cours d’une année, en pourcentage du stock de migrants du couloir : une part élevée signale une migration temporaire et circulaire, où nombre de ceux qui sont à l’étranger repartent chaque année.
brief-col-stock-year = Année du stock
brief-col-turnover-pct = Départs ÷ stock (%)
brief-temporary-caption = { $country } : migrants temporaires admis, par catégorie (personnes)
brief-permanent-caption = { $country } : migrants de type permanent admis, par catégorie (personnes)
brief-what-displacement = les réfugiés, les demandeurs d’asile ou les personnes déplacées internes
brief-displacement-caption = { $country } : réfugiés et demandeurs d’asile accueillis par le pays ou originaires du pays, et personnes déplacées internes, en fin d’année (personnes)
brief-col-refugees-hosted = Réfugiés accueillis
brief-col-asylum-seekers-hosted = Demandeurs d’asile accueillis
brief-col-refugees-abroad = Réfugiés à l’étranger
brief-col-asylum-seekers-abroad = Demandeurs d’asile à l’étranger
brief-col-idps = Déplacés internes
brief-refugee-origins = { $country } : pays d’origine des réfugiés accueillis
brief-what-refugee-origins = les pays d’origine des réfugiés accueillis
brief-share-refugees-hosted = Part de l’ensemble des réfugiés accueillis
brief-col-share-refugees-hosted-pct = Part de l’ensemble des réfugiés accueillis (%)
brief-col-refugees-persons = Réfugiés (personnes)
brief-refugee-asylum = { $country } : pays d’accueil des réfugiés originaires du pays
brief-what-refugee-asylum = les pays d’accueil des réfugiés originaires du pays
brief-col-asylum-country = Pays d’asile
brief-share-refugees-abroad = Part de l’ensemble des réfugiés originaires du pays
brief-col-share-refugees-abroad-pct = Part de l’ensemble des réfugiés originaires du pays (%)

## Graphiques des migrations de travail et des déplacements forcés ; $title est le titre du graphique.

brief-labour-chart-caption = { $title }.
brief-series-deployments = Partis travailler à l’étranger
brief-deployments-summary = Graphique linéaire des ressortissants partis travailler à l’étranger, par année.
brief-inflows-summary = Graphique linéaire des migrants admis, par année, une ligne par catégorie.
brief-displacement-summary = Graphique linéaire des réfugiés et demandeurs d’asile accueillis par le pays ou originaires du pays, et des personnes déplacées internes, par année, une ligne par groupe.
brief-scenario-fit-caption = « { $name } » face aux données observées (option « { $option } », calibrée)
brief-scenario-col-observed = Observé
brief-scenario-col-gap = Écart (médiane)
brief-scenario-fit-output-year = { $output } (année { $year })
brief-scenario-fit-parameter = { $name } { $median } (intervalle à 90 % de { $low } à { $high } ; loi a priori uniforme de { $min } à { $max })
brief-scenario-fit-note = Les paramètres qu’aucune source ne publie pour ce corridor ont été ajustés de sorte que chaque simulation retenue reproduise chaque chiffre observé à { $tolerance } % près (calcul bayésien approché) ; les options partent de cet ajustement, dont l’incertitude figure donc dans leurs intervalles. Paramètres ajustés : { $parameters }. Un ajustement montre que le modèle peut reproduire le corridor avec ces valeurs, non qu’elles sont les vraies : les autres paramètres sont ceux du fichier de scénario.
