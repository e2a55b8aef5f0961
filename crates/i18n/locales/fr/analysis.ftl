# Ce que l’analyse dit en phrases (crates/analysis/src/said.rs) : les lacunes dans les données
# d’un profil (gap-) et les constatations des vérifications des couloirs (check-). Toutes les
# interfaces les formulent à partir d’ici. $country, $name et $destination arrivent sous forme
# de noms dans la langue ; $datasets et $table sont les titres des jeux de données tels que
# leurs producteurs les ont rédigés.

# Relie les éléments d’une liste à l’intérieur d’une phrase.
analysis-list-separator = {" ; "}

## Les lacunes dans les données d’un profil (crates/analysis/src/profiles.rs, groups.rs, profile.rs).

# Un jeu de données et son édition, dans une liste de jeux de données.
gap-dataset-edition = { $title } (édition { $edition })
gap-not-loaded = { $topic } : données non chargées ; la source est { $source }.
gap-not-covered = { $topic } : { $count ->
    [one] le jeu de données { $datasets } est chargé, mais ne contient
   *[other] les jeux de données { $datasets } sont chargés, mais ne contiennent
} aucune valeur à ce sujet pour ce pays (le pays n’est pas couvert, ou ne l’est pas pour les années nécessaires).

gap-topic-net-migration = Migration nette
gap-source-net-migration = la migration nette de UN WPP ou WDI SM.POP.NETM
gap-topic-population = Population (nécessaire pour exprimer les stocks en proportion de la population)
gap-source-population = WDI SP.POP.TOTL ou UN WPP
gap-topic-remittances-received = Envois de fonds reçus
gap-source-remittances-received = WDI BX.TRF.PWKR.CD.DT ou le classeur KNOMAD des entrées
gap-topic-remittances-paid = Envois de fonds versés
gap-source-remittances-paid = WDI BM.TRF.PWKR.CD.DT ou le classeur KNOMAD des sorties
gap-topic-cost-to = ODD 10.c.1 (coût des envois de fonds vers ce pays)
gap-source-cost-to = la base Remittance Prices Worldwide de la Banque mondiale (couloirs)
gap-topic-skilled = Taux d’émigration des personnes qualifiées (émigrants et résidents ayant fait des études supérieures)
gap-source-skilled = OECD DIOC-E, qui recense les émigrants vivant dans les pays de l’OCDE par pays de naissance, et les résidents par niveau d’instruction pour les seuls pays de l’OCDE
gap-topic-physicians = Médecins pour 1 000 habitants
gap-source-physicians = WDI SH.MED.PHYS.ZS
gap-topic-icmw = Ratification de la Convention de 1990 sur les travailleurs migrants (ICMW)
gap-source-icmw = le tableau de l’état des ratifications (Collection des traités des Nations Unies, chapitre IV-13)

gap-emigration-rate = Taux d’émigration : nécessite les émigrants, les immigrants et la population pour une même année ; importer les totaux UN DESA par origine et par destination, ainsi que WDI SP.POP.TOTL ou UN WPP.
gap-bilateral-stock = Diaspora par destination, évolution des couloirs et concentration selon les destinations : nécessitent le stock bilatéral de migrants (origine × destination) ; importer UN DESA International Migrant Stock par destination et origine ou la matrice bilatérale des migrations de la Banque mondiale.
gap-flows-estimable = Flux migratoires estimés : { $stored ->
    [0] aucune estimation n’est enregistrée
    [one] l’unique estimation de flux enregistrée ne couvre pas ce pays
   *[other] aucune des { $stored } estimations de flux enregistrées ne couvre ce pays
} ; ils peuvent être estimés à partir des tableaux des années { $from } et { $to } de { $table } (différence des stocks ou comptabilité démographique, docs/flows.md).
gap-flows-no-table = Flux migratoires estimés : { $stored ->
    [0] aucune estimation n’est enregistrée
    [one] l’unique estimation de flux enregistrée ne couvre pas ce pays
   *[other] aucune des { $stored } estimations de flux enregistrées ne couvre ce pays
} ; leur estimation nécessite deux années d’un même tableau du stock bilatéral de migrants (UN DESA International Migrant Stock par destination et origine).
gap-immigrant-stock = Stock d’immigrants : aucun stock de migrants vers ce pays n’est chargé (ni les totaux UN DESA par destination, ni un tableau bilatéral qui le couvre) ; la source est UN DESA International Migrant Stock.
gap-emigrant-stock = Stock d’émigrants : aucun stock de migrants en provenance de ce pays n’est chargé (ni les totaux UN DESA par origine, ni un tableau bilatéral qui le couvre) ; la source est UN DESA International Migrant Stock.
gap-pct-gdp = ODD 17.3.2 (envois de fonds en % du PIB) : le PIB manque pour les années où figurent des envois de fonds ; importer WDI NY.GDP.MKTP.CD.
gap-pct-exports = Envois de fonds en % des exportations : les exportations de biens et de services ne sont pas chargées pour les années où figurent des envois de fonds ; importer WDI NE.EXP.GNFS.CD.
gap-sender-concentration = Concentration des envois de fonds selon les pays d’envoi : nécessite la matrice bilatérale des envois de fonds ; importer la matrice bilatérale des envois de fonds de la Banque mondiale/KNOMAD.
gap-skilled-no-residents = { gap-topic-skilled } : les émigrants ayant fait des études supérieures sont chargés, mais pas les résidents du pays ayant fait des études supérieures ; { gap-source-skilled }, de sorte qu’un pays non membre de l’OCDE y figure avec des émigrants mais sans résidents.
gap-skilled-no-emigrants = { gap-topic-skilled } : les résidents ayant fait des études supérieures sont chargés, mais aucun émigrant du pays ; la source est { gap-source-skilled }.
gap-health-workers = Taux d’émigration des personnels de santé : nécessite le nombre de médecins et d’infirmiers à l’étranger et dans le pays ; importer les données de l’OCDE ou de l’OMS sur les personnels de santé.
gap-safeguards-fictional = Liste d’appui et de sauvegarde de l’OMS pour les personnels de santé : la liste porte sur des pays réels ; le statut d’un pays fictif provient du fichier des pays du monde de démonstration.
gap-register = Registre des politiques : aucune politique de ce pays n’est chargée ; un fichier de registre (TOML ou CSV, docs/register.md) permet de le remplir.
gap-answers = ODD 10.7.2 (politiques migratoires bien gérées) : aucune réponse de ce pays ({ $country }) au questionnaire de l’indicateur n’est enregistrée (lignes item,answer ; docs/assessment.md).

# Ce qui n’est pas montré à la personne qui lit l’espace de travail d’un autre gouvernement.
gap-register-partly-shared = { $country } : sur les { $total } politiques de son registre, conservé dans l’espace de travail de son gouvernement, { $shared ->
    [0] aucune n’est partagée
    [one] { $shared } est partagée
   *[other] { $shared } sont partagées
} avec vous ; les vérifications des couloirs, qui lisent l’ensemble du registre, sont omises.
gap-register-withheld = { $country } : le registre des politiques est conservé dans l’espace de travail de son gouvernement et n’est pas partagé avec vous ; il en va de même des vérifications des couloirs qui le lisent.
gap-answers-withheld = { $country } : les réponses aux cadres d’évaluation sont conservées dans l’espace de travail de son gouvernement et ne sont pas partagées avec vous.
gap-checks-withheld = { $count ->
    [one] { $count } vérification de couloir est omise : elle lit
   *[other] { $count } vérifications de couloir sont omises : elles lisent
} le registre d’un gouvernement qui ne le partage pas avec vous.

# Groupes de pays (régions, groupes de revenu, le monde).
gap-group-income-unclassified = Membres des groupes de revenu : aucune classification de la Banque mondiale n’est chargée ; importer le classeur CLASS de la Banque mondiale (groupes de revenu).
gap-group-no-members = Le groupe n’a aucun membre.
gap-group-immigrant-stock = Stock d’immigrants : aucun membre ne dispose d’un total publié ni d’un stock bilatéral ; importer UN DESA International Migrant Stock.
gap-group-population = Population : aucun membre ne dispose d’une valeur ; importer WDI SP.POP.TOTL ou UN WPP.
gap-group-remittances-received = Envois de fonds reçus : aucun membre ne dispose d’une valeur ; importer WDI BX.TRF.PWKR.CD.DT ou le classeur KNOMAD des entrées.
gap-group-net-migration = Migration nette : aucun membre ne dispose d’une valeur ; importer WDI SM.POP.NETM ou la migration nette de UN WPP.
gap-group-scope = Les couloirs, la diaspora, les flux estimés, le coût des envois de fonds (ODD 10.c.1), l’émigration des personnes qualifiées et des personnels de santé, la liste de sauvegarde, le statut au regard de l’ICMW et les politiques figurent dans les profils des membres eux-mêmes, et non pour les groupes.

## Les constatations des vérifications des couloirs (crates/analysis/src/corridor.rs). Les étiquettes,
## les groupes cibles et les codes d’indicateurs sont les identifiants du fichier de règles et restent tels quels.

# Relie des options (« en vigueur ou prévue »), des conditions (« marquée a et b ») et les
# parties d’un modèle de politique.
analysis-or = {" "}ou{" "}
analysis-and = {" "}et{" "}
analysis-comma = ,{" "}

# Ce qu’une règle recherche dans un registre : « (pays : Népal (NPL), en vigueur, marquée … ».
check-pattern-of = pays : { $country } ({ $code })
check-pattern-of-either = pays : { $origin } ({ $origin-code }) ou { $destination } ({ $destination-code })
check-pattern-tags = marquée { $tags }
check-pattern-groups = visant { $groups }
check-pattern-stages = étape : { $stages }
check-pattern-meet = visant les groupes cibles des politiques « { $name } »
check-pattern-partner = partenaire désigné : { $other }
check-pattern-partner-or-none = partenaire désigné : { $other } ou aucun
check-the-other-country = l’autre pays
check-country = { $country } ({ $code })
# Constatation d’une règle selon laquelle un registre ne contient pas ce qu’elle recherche.
check-no-policy = aucune politique ({ $pattern })
# Pourquoi une politique proche de ce qui manque n’est pas prise en compte.
check-near-miss = serait prise en compte, mais : { $reasons }
check-near-status = statut : { $status }
check-near-partner = ne désigne pas { $other } (partenaires : { $partners })
check-no-partners = aucun
check-unintended = marquée unintended-development-effect

# Caractéristiques des pays, telles qu’une constatation les énonce ($value vaut yes ou no) et
# telles qu’une règle qui n’a pas pu être évaluée les signale comme manquantes.
check-attribute-who-ssl = { $country } ({ $code }) { $value ->
    [yes] figure
   *[no] ne figure pas
} sur la liste d’appui et de sauvegarde de l’OMS pour les personnels de santé
check-attribute-icmw-party = { $country } ({ $code }) { $value ->
    [yes] est partie
   *[no] n’est pas partie
} à la convention sur les travailleurs migrants (ICMW)
check-attribute-ilo-c97-party = { $country } ({ $code }) { $value ->
    [yes] est partie
   *[no] n’est pas partie
} à la convention ILO C97
check-attribute-ilo-c143-party = { $country } ({ $code }) { $value ->
    [yes] est partie
   *[no] n’est pas partie
} à la convention ILO C143
check-whether-who-ssl = l’information indiquant si { $country } ({ $code }) figure sur la liste d’appui et de sauvegarde de l’OMS pour les personnels de santé
check-whether-icmw-party = l’information indiquant si { $country } ({ $code }) est partie à la convention sur les travailleurs migrants (ICMW)
check-whether-ilo-c97-party = l’information indiquant si { $country } ({ $code }) est partie à la convention ILO C97
check-whether-ilo-c143-party = l’information indiquant si { $country } ({ $code }) est partie à la convention ILO C143

# Les critères qu’une règle applique à une valeur.
check-test-above = au-dessus de { $value }
check-test-below = en dessous de { $value }

# Pourquoi une règle n’a pas été évaluée.
check-no-register-for = aucun registre des politiques ({ $country }, { $code })
check-register-of = registre des politiques ({ $country }, { $code })
check-missing = éléments manquants : { $items }
check-missing-data = { $indicator } pour { $place }

# Les étapes du cycle migratoire dans le texte courant (identifiants anglais dans les fichiers de règles).
check-stage-before-departure = avant le départ
check-stage-recruitment-departure = recrutement et départ
check-stage-stay-abroad = séjour à l’étranger
check-stage-return-reintegration = retour et réintégration

# Une phrase composée uniquement d’éléments (une liste, les parties d’un modèle) ; chaque élément est formulé séparément.
analysis-items = { $items }

# Gravité d’une constatation et niveau de cohérence.
check-severity-high = élevée
check-severity-medium = moyenne
check-severity-low = faible
check-level-institutional = institutionnel
check-level-working = opérationnel
check-level-between-countries = entre pays

# Migrations de travail et déplacements forcés (crates/analysis/src/labour.rs).
gap-topic-deployments = Départs de ressortissants pour un emploi à l’étranger (la plupart des pays n’en publient pas)
gap-source-deployments = les sorties de ressortissants pour un emploi par pays de destination d’ILOSTAT, ou les statistiques nationales de départs du pays (docs/data.md)
gap-topic-inflows = Migrants temporaires et permanents admis, par catégorie
gap-source-inflows = les entrées standardisées de la Base de données sur les migrations internationales de l’OCDE (pays de destination de l’OCDE seulement)
gap-topic-refugees = Réfugiés et demandeurs d’asile
gap-source-refugees = le Refugee Data Finder du HCR (population par pays d’origine et pays d’asile)

# Indicateurs nommés dans les tableaux et graphiques (analysis::said::indicator_key) : canaux et
# niveaux de qualification des départs, catégories d’entrées.
ind-deployments-agency = par l’intermédiaire d’agences de recrutement
ind-deployments-individual = à titre individuel (nouveaux départs)
ind-deployments-g2g = de gouvernement à gouvernement
ind-deployments-reentry = réentrées
ind-deployments-skilled = qualifiés
ind-deployments-low-skilled = peu qualifiés
ind-temporary-inflow-seasonal = travailleurs saisonniers
ind-temporary-inflow-working-holiday = vacances-travail
ind-temporary-inflow-intra-company = mutations intra-entreprise
ind-temporary-inflow-trainees = stagiaires
ind-temporary-inflow-other-workers = autres travailleurs temporaires
ind-temporary-inflow-students = étudiants internationaux
ind-permanent-inflow-work = travail
ind-permanent-inflow-accompanying-family = famille accompagnant les travailleurs
ind-permanent-inflow-family = famille
ind-permanent-inflow-humanitarian = humanitaire
ind-permanent-inflow-free-movement = libre circulation
ind-permanent-inflow-other = autres
ind-migrant-stock = stock de migrants
ind-deployments = ressortissants partis travailler dans l’année
ind-bilateral-remittances = fonds envoyés au pays
ind-remittance-cost-200 = coût d’un envoi de 200 $ US (% du montant)
ind-health-workers-abroad = personnels de santé travaillant à l’étranger
ind-health-workers-home = personnels de santé dans le pays
ind-physicians-per-1000 = médecins pour 1 000 habitants

# Année publiée en tableaux mensuels (Népal) dont des mois manquent : omise.
gap-parts-missing = Départs de l’année de { $dataset } : { $count } de ses 12 tableaux mensuels sont enregistrés ; le total de l’année n’est pas présenté tant que les douze ne sont pas importés.
