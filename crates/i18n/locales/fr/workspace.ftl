# The workspace's profile page, workshop and policy-cycle words. Keys begin with ws-.

## The profile pages (crates/server/src/web/profiles.rs)

ws-prof-title = Profils
ws-prof-intro = Le profil migratoire de tout pays ou groupe, établi à partir des données officielles de ce Coherence, chaque chiffre avec sa source.
ws-prof-area = Pays ou groupe
ws-prof-area-hint = Un nom en anglais, un code ISO 3166-1 alpha-3, un code M49 de l’ONU ou un groupe tel que world, region:002, sdg:SSA ou income:LIC.
ws-prof-show = Afficher le profil
ws-prof-countries = Pays et zones
ws-prof-groups = Groupes
ws-prof-fictional = fictif (monde de démonstration)
ws-prof-downloads = Téléchargements
ws-prof-csv = CSV (une valeur par ligne, avec son unité et sa source)
ws-prof-xlsx = Classeur Excel
ws-prof-json = JSON (chaque valeur avec son unité et sa source)
ws-prof-brief = Note HTML (un seul fichier autonome)
ws-prof-pdf = Note PDF (A4 ; format Letter américain : ajouter ?paper=letter)
ws-prof-no-chromium = Les notes PDF sont imprimées avec Chromium, dont ce serveur n’est pas doté ; la note HTML imprime les mêmes pages depuis un navigateur. L’administrateur du serveur peut l’installer (`apt-get install chromium` sous Debian) ou indiquer son chemin dans COHERENCE_CHROMIUM.
ws-prof-view-brief = Ouvrir la note comme une page

## The cross-impact scale (Nilsson, Griggs and Visbeck 2016), from +3 to −3

ws-scale-indivisible = Indissociable
ws-scale-indivisible-what = les progrès de l’un sont indissociables des progrès de l’autre
ws-scale-reinforcing = Renforçant
ws-scale-reinforcing-what = aide à atteindre l’autre
ws-scale-enabling = Favorisant
ws-scale-enabling-what = crée des conditions propices à l’autre
ws-scale-consistent = Compatible
ws-scale-consistent-what = aucune interaction positive ou négative notable
ws-scale-constraining = Contraignant
ws-scale-constraining-what = limite les options de l’autre
ws-scale-counteracting = Contrecarrant
ws-scale-counteracting-what = va à l’encontre de l’autre
ws-scale-cancelling = Annulant
ws-scale-cancelling-what = rend l’autre impossible à atteindre

## The workshop's network metrics

ws-metric-out-influence = Influence sortante (somme de la ligne)
ws-metric-out-positive = Force sortante (+)
ws-metric-out-negative = Sortante (−)
ws-metric-in-influence = Influence entrante (somme de la colonne)
ws-metric-in-positive = Force entrante (+)
ws-metric-in-negative = Entrante (−)
ws-metric-second-order-out = Sortante de second ordre
ws-metric-second-order-in = Entrante de second ordre
ws-metric-combined-out = Sortante combinée
ws-metric-combined-in = Entrante combinée
ws-metric-pagerank = PageRank (réseau positif)
ws-metric-n-out-negative = Liens négatifs émis

## The stages of the migration cycle (IOM)

ws-stage-before-departure = Avant le départ
ws-stage-recruitment-departure = Recrutement et départ
ws-stage-stay-abroad = Séjour à l’étranger
ws-stage-return-reintegration = Retour et réintégration

## The statuses of a policy

ws-status-planned = prévue
ws-status-active = en vigueur
ws-status-suspended = suspendue
ws-status-ended = terminée

## The upload of an official file (static/app.js writes them, the file name or status after)

ws-upload-uploading = Envoi de
ws-upload-failed = L’envoi a échoué ; statut de la réponse du serveur :
ws-upload-unreachable = L’envoi a échoué : le serveur est injoignable.
