# Les messages de Coherence en français (mêmes clés que en.ftl).

## Mots communs

yes = oui
no = non

## coherence profile : tableaux

profile-editions-pinned = Éditions lues à la place des plus récentes (--edition) : { $editions }
profile-stock-in = Immigrants vivant dans le pays
profile-stock-out = Émigrants vivant à l’étranger
profile-no-data = (aucune donnée)
profile-usd-million = { $amount ->
        [one] { $amount } million
       *[other] { $amount } millions
    }
profile-top-destinations = Principales destinations des émigrants
profile-top-origins = Principales origines des immigrants
profile-flows = Flux migratoires estimés (estimations enregistrées)
profile-flows-none = (aucune enregistrée ; voir Lacunes des données)
profile-flow-source = { $dataset } (importation { $import })
profile-economy = Envois de fonds et économie
profile-cost-to = Coût de l’envoi de 200 dollars É.-U. vers le pays (10.c.1)
profile-cost-from = Coût de l’envoi de 200 dollars É.-U. depuis le pays
profile-cost-above-5 = plus de 5 %
profile-cost-above-3 = au-dessus de la cible de 3 %
profile-cost-within-3 = dans la cible de 3 %
profile-skills = Compétences et personnels de santé
profile-skilled-rate = taux d’émigration des personnes qualifiées :
profile-health-rate = taux d’émigration des personnels de santé :
profile-physicians = médecins pour 1 000 habitants :
profile-who-list = liste OMS de sauvegarde :
profile-icmw = convention sur les travailleurs migrants :
profile-assessments = Évaluations par cadre (réponses enregistrées)
profile-none-stored = (aucune enregistrée)
profile-not-computed = non calculé
profile-exactly = exactement { $value }
profile-note = note : { $note }
profile-answers = réponses : version { $version }, de { $file }, enregistrées le { $at } par { $user } ({ $reason })
profile-overall = ensemble : { $score }
profile-unanswered = sans réponse : { $items }
profile-indicators = Indicateurs des ODD et des migrations (dernière année)
profile-emigration-rate = taux d’émigration :
profile-net-migration = migration nette :
profile-sdg-17-3-2 = 17.3.2 envois de fonds en % du PIB :
profile-received-pct-gdp = reçus en % du PIB, recalculé :
profile-groups-recomputed = ses groupes, recalculés pondérés par le PIB (Σ envois de fonds ÷ Σ PIB) :
profile-group-members = { $year } ; { $with_data } membres sur { $members } avec des données
profile-cost-to-summary = 10.c.1 coût vers le pays : moyenne de { $average } sur { $corridors ->
        [one] { $corridors } couloir
       *[other] { $corridors } couloirs
    } ({ $year }) ; { $share_above_5 } des couloirs coûtent plus de 5 % ; la moyenne est { $gap } point(s) de pourcentage { $side ->
        [above] au-dessus de
       *[below] en dessous de
    } la cible de 3 %
profile-cost-from-summary = coût depuis le pays : moyenne de { $average } sur { $corridors ->
        [one] { $corridors } couloir
       *[other] { $corridors } couloirs
    } ({ $year }) ; { $share_above_5 } des couloirs coûtent plus de 5 % ; la moyenne est { $gap } point(s) de pourcentage { $side ->
        [above] au-dessus de
       *[below] en dessous de
    } la cible de 3 %
profile-concentration-destinations = concentration des destinations : indice de Herfindahl { $index } sur { $partners ->
        [one] { $partners } partenaire
       *[other] { $partners } partenaires
    } ({ $year })
profile-concentration-senders = concentration des pays d’envoi : indice de Herfindahl { $index } sur { $partners ->
        [one] { $partners } partenaire
       *[other] { $partners } partenaires
    } ({ $year })
profile-members = Membres de { $group } ({ $count })
profile-register = Registre des politiques ({ $count ->
        [one] { $count } politique
       *[other] { $count } politiques
    })
profile-change-edited = modifiée le { $date } par { $user } : { $reason }
profile-change-imported = importée d’un fichier de registre le { $date } par { $user } : { $reason }
profile-gaps = Lacunes des données
profile-sources = Source de chaque valeur : coherence profile { $iso3 } --format json (ou csv)

## En-têtes de colonnes

col-year = année
col-total-persons = total (personnes)
col-male = hommes
col-female = femmes
col-pct-population = % de la population
col-country = pays
col-persons = personnes
col-share = part
col-period = période
col-method = méthode
col-inflow-persons = entrées (personnes)
col-outflow = sorties
col-net = solde
col-source = source
col-population = population
col-gdp-usd = PIB (dollars É.-U.)
col-received-usd = reçus (dollars É.-U.)
col-paid-usd = versés (dollars É.-U.)
col-sdg-17-3-2-official = 17.3.2 officiel (%)
col-received-pct-gdp = reçus en % du PIB, recalculé
col-corridor = couloir
col-cost = coût
col-against-target = par rapport à la cible des ODD
col-id = id
col-ministry = ministère
col-title = intitulé
col-stages = étapes
col-status = statut
col-change = modification du registre
