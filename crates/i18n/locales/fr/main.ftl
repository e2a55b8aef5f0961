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

## L’espace de travail web : le cadre de chaque page

web-skip = Aller au contenu
web-nav = Principal
web-nav-home = Espaces de travail
web-nav-profiles = Profils
web-nav-datasets = Jeux de données
web-nav-admin = Administration
web-nav-account = Compte
web-sign-out = Se déconnecter
web-tabs = Espace de travail
web-tab-overview = Vue d’ensemble
web-tab-register = Registre des politiques
web-tab-answers = Questionnaires
web-tab-workshop = Atelier d’impacts croisés
web-tab-corridor = Couloir
web-tab-scenarios = Scénarios
web-tab-audit = Journal
web-table-scrolls = Tableau (défile horizontalement sur les écrans étroits)
web-demo-country = Un pays du monde de démonstration fictif : ses données et ses politiques sont inventées pour la démonstration et ne décrivent aucun pays réel.
web-error = Cette page ne peut pas être affichée
web-error-back = Retour à vos espaces de travail
web-languages = Langue

## Connexion et compte

web-signin-title = Se connecter
web-signin-intro = Connectez-vous avec le nom et le mot de passe que votre administrateur vous a donnés.
web-signin-name = Nom
web-signin-password = Mot de passe
web-signin-submit = Se connecter
web-signin-account = Votre compte
web-signin-change = Changer votre mot de passe
web-signin-change-hint = Remplacez le mot de passe à usage unique qu’un administrateur vous a donné. Vous serez déconnecté partout et vous vous reconnecterez avec le nouveau mot de passe.
web-signin-current = Mot de passe actuel
web-signin-new = Nouveau mot de passe
web-signin-new-hint = De 12 à 1 024 caractères.
web-signin-save = Changer le mot de passe
web-signin-changed = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
web-signin-signed-as = Connecté en tant que
web-signin-admin = administrateur de ce Coherence

## La page d’accueil

web-home-title = Vos espaces de travail
web-home-none = Vous n’êtes encore membre d’aucun espace de travail. Un administrateur vous ajoute à l’espace de votre gouvernement ou à un partenariat de couloir.
web-home-none-admin = Aucun espace de travail n’existe encore. Créez-en un pour un gouvernement ou un partenariat de couloir dans
web-home-administration = Administration
web-home-government = Espace de travail d’un gouvernement
web-home-partnership = Partenariat de couloir
web-home-role = Votre rôle
web-home-admin-role = administrateur (lit tout)
web-home-shared = partenaire : lit ce qui est partagé
web-home-since = Depuis votre dernière visite
web-home-first = C’est votre première visite : bienvenue.
web-home-nothing = rien n’a changé
web-home-changes = modifications par d’autres
web-home-also = Aussi
web-home-profiles = Profils de pays et de groupes
web-home-profiles-why = profils migratoires de tout pays à partir des données officielles, avec leurs sources

## Vue d’ensemble et membres d’un espace de travail

web-ws-government = L’espace de travail gouvernemental de
web-ws-profile = le profil migratoire du pays
web-ws-brief = la note de l’espace de travail
web-ws-partnership = Un partenariat de couloir entre
web-ws-and = et
web-ws-partner-note = Vous lisez ce que ce gouvernement partage avec votre partenariat.
web-ws-members = Membres
web-ws-name = Nom
web-ws-role = Rôle
web-ws-ministry = Ministère
web-ws-actions = Actions
web-ws-remove = Retirer
web-ws-add = Ajouter un membre ou changer un rôle
web-ws-user = Nom de connexion
web-ws-user-hint = Le nom de connexion de la personne (un administrateur crée les comptes).
web-ws-role-hint = Les lecteurs lisent ; les contributeurs modifient ce que leur ministère possède ; les coordonnateurs modifient tout, valident les réponses et gèrent les membres.
web-ws-ministry-hint = Pour un contributeur seulement : le ministère pour lequel il travaille, tel que le registre le nomme.
web-ws-reason = Motif
web-ws-reason-hint = Enregistré dans le journal d’audit.
web-ws-save = Enregistrer l’adhésion
web-ws-remove-reason = retiré sur la page de l’espace de travail
web-ws-no-user = aucun utilisateur n’a ce nom de connexion
web-ws-saved = L’adhésion a été enregistrée.
web-ws-removed = Le membre a été retiré.

## Journal d’audit

web-audit-title = Journal d’audit
web-audit-instance = Journal d’audit de ce Coherence
web-audit-intro = Chaque modification, avec son auteur, sa date, la valeur avant et après, et son motif.
web-audit-filter = Filtrer
web-audit-action = L’action commence par
web-audit-action-hint = Par exemple policy. ou membership.set
web-audit-user = Par
web-audit-anyone = n’importe qui
web-audit-since = À partir du (date)
web-audit-apply = Afficher
web-audit-when = Quand (UTC)
web-audit-who = Qui
web-audit-what = Action
web-audit-target = Cible
web-audit-change = Ancienne → nouvelle
web-audit-why = Motif
web-audit-console = administrateur en ligne de commande
web-audit-none = Aucune modification ne correspond.
web-audit-next = Modifications suivantes
web-audit-first = Depuis la première modification
web-audit-rows = Modifications

## Administration

web-admin-title = Administration
web-admin-users = Utilisateurs
web-admin-workspaces = Espaces de travail
web-admin-name = Nom de connexion
web-admin-name-hint = Lettres minuscules, chiffres, « . », « - » et « _ », en commençant par une lettre.
web-admin-display = Nom affiché aux autres
web-admin-is-admin = Administrateur de ce Coherence
web-admin-add-user = Ajouter un utilisateur
web-admin-state = État
web-admin-actions = Actions
web-admin-active = actif
web-admin-disabled = désactivé
web-admin-locked = verrouillé jusqu’au
web-admin-disable = Désactiver
web-admin-enable = Activer
web-admin-new-password = Nouveau mot de passe
web-admin-made = Le compte est prêt. Donnez ce mot de passe à usage unique à
web-admin-made-after = en personne ou par un autre canal ; il n’est affiché que maintenant. La personne le remplace sur sa page Compte après s’être connectée.
web-admin-reset = Un nouveau mot de passe à usage unique pour
web-admin-back = Retour à l’administration
web-admin-add-government = Créer l’espace de travail d’un gouvernement
web-admin-government-hint = Un par pays : son registre des politiques, ses réponses, ses ateliers et ses scénarios, sur lesquels travaillent ses ministères.
web-admin-ws-name = Nom de l’espace de travail
web-admin-country = Pays
web-admin-country-hint = Code ISO 3166-1 alpha-3, code M49 de l’ONU ou nom.
web-admin-add-partnership = Créer un partenariat de couloir
web-admin-partnership-hint = Réunit les espaces de travail des gouvernements d’origine et de destination d’un couloir ; chaque partie décide de ce qu’elle partage.
web-admin-origin = Gouvernement d’origine
web-admin-destination = Gouvernement de destination
web-admin-reason = Motif
web-admin-reason-hint = Enregistré dans le journal d’audit.
web-admin-make = Créer l’espace de travail
web-admin-kind = Type
web-admin-government = gouvernement
web-admin-partnership = partenariat
web-admin-no-governments = Créez d’abord deux espaces de travail gouvernementaux.
web-admin-audit = Le journal d’audit de l’instance
web-admin-disable-reason = modifié sur la page d’administration

## Le registre des politiques

web-reg-register = Registre des politiques
web-reg-filters = Filtrer le registre
web-reg-any = Tous
web-reg-apply = Filtrer
web-reg-clear = Tout afficher
web-reg-new = Nouvelle politique
web-reg-caption = Politiques
web-reg-none = Aucune politique ne correspond à ces filtres.
web-reg-partial = Ce gouvernement partage certaines politiques avec votre partenariat : seules celles-ci sont affichées.
web-reg-history = Historique
web-reg-details = Détails
web-reg-see-above = En lecture seule, comme indiqué ci-dessus.
web-reg-history-caption = Modifications de cette politique, de la plus ancienne à la plus récente
web-reg-no-history = Aucune modification n’est enregistrée pour cette politique.
web-reg-when = Quand
web-reg-who = Qui
web-reg-action = Quoi
web-reg-field = Champ
web-reg-change = Ancienne → nouvelle
web-reg-why = Motif
web-reg-edit = Modifier cette politique
web-reg-view = Retour à la politique
web-reg-edit-title = Modifier la politique
web-reg-save = Enregistrer les modifications
web-reg-create = Ajouter la politique
web-reg-saved = La politique a été enregistrée.
web-reg-created = La politique a été ajoutée au registre.
web-reg-read-only = Vous pouvez lire cette politique mais pas la modifier.
web-reg-reason = Motif de la modification
web-reg-reason-hint = Obligatoire. Dites pourquoi, pour l’historique (de 1 à 2 000 caractères).
web-reg-list-hint = Identifiants en minuscules (lettres, chiffres, traits d’union) séparés par ; (p. ex. nurses; seasonal-workers).
web-reg-partners-hint = Codes ISO 3166-1 alpha-3 séparés par ; (p. ex. XAB; GBR).
web-reg-ident-hint = Lettres minuscules, chiffres et traits d’union (p. ex. labour).
web-reg-year-hint = Une année de 1900 à 2200, ou vide.
web-reg-id-hint = De 1 à 64 lettres, chiffres, « - », « _ » ou « . », unique dans le registre (p. ex. XAA-LAB-07).
web-reg-stages = Étapes du cycle migratoire
web-reg-ministry-fixed = Seul un coordonnateur attribue une politique à un autre ministère.
web-reg-new-ministry-fixed = Un contributeur n’ajoute que des politiques de son propre ministère.
web-reg-version-gone = Quelqu’un a modifié cette politique depuis que vous l’avez ouverte. Rechargez la page pour voir les modifications.
web-reg-dash = —

## Jeux de données

web-data-title = Jeux de données
web-data-intro = Les jeux de données officiels enregistrés dans ce Coherence, chaque édition avec son éditeur, sa source et le SHA-256 de chaque fichier lu. Chaque chiffre des profils et des notes provient de l’un d’eux.
web-data-none = Aucun jeu de données n’est encore enregistré.
web-data-stored = Jeux de données enregistrés
web-data-dataset = Jeu de données
web-data-publisher = Éditeur
web-data-edition = Édition
web-data-files = Fichiers
web-data-rows = Lignes
web-data-imported = Importé
web-data-default = édition par défaut
web-data-fictional = fictif
web-data-upload = Téléverser un fichier officiel
web-data-upload-intro = Le fichier est lu et vérifié aussitôt (sa taille, sa structure, ses zones) ; il est enregistré par une tâche, entièrement ou pas du tout. Un fichier qui modifierait des données enregistrées est refusé.
web-data-file = Le fichier
web-data-file-hint = CSV, Excel ou zip, tel que l’éditeur le distribue.
web-data-kind = Structure (facultatif)
web-data-kind-hint = Vide : reconnue d’après le fichier. Sinon, le nom d’une structure, comme l’accepte `coherence import --kind`.
web-data-send = Téléverser et importer
web-data-progress = Téléversement
web-data-imports = Importations récentes
web-data-job = Importation
web-data-status = État
web-data-fetch = Récupérer les fichiers officiels
web-data-fetch-text = Le catalogue des sources officielles (DAES de l’ONU, Banque mondiale, OCDE, OIT, HCR et autres) est récupéré en ligne de commande sur le serveur, puis importé :
web-data-fetch-later = Lancer une récupération depuis cette page n’est pas encore possible.
web-data-provenance = Provenance
web-data-key = Clé
web-data-source = Source
web-data-licence = Licence
web-data-not-stated = non indiquée
web-data-name = Nom
web-data-size = Octets
web-data-areas = Zones définies
web-data-values = Valeurs de zones
web-data-pairs = Valeurs de paires
web-data-policies = Politiques
web-data-recognised = Ce qui a été reconnu
web-data-layout = Structure
web-data-detected = reconnue d’après le fichier
web-data-named = indiquée par la personne qui a téléversé
web-data-checks = Vérifications et remarques
web-data-no-notes = Le lecteur n’a rien relevé.
web-data-outcome = Résultat
web-data-duplicates = Valeurs déjà enregistrées depuis un autre fichier de l’édition
web-data-running = L’importation est en cours
web-data-reload = Rechargez cette page pour voir où elle en est.
web-data-failed = L’importation a été refusée
web-data-open = Voir le jeu de données
web-data-back = Retour aux jeux de données
web-data-no-file = choisissez un fichier à téléverser
web-data-not-import = n’est pas une importation

## Un partenariat de couloir

web-cor-title = Couloir
web-cor-not-partnership = seul un partenariat de couloir a une page de couloir ; l’espace de travail d’un gouvernement a un registre
web-cor-figures = Le couloir en chiffres
web-cor-figures-caption = Derniers chiffres lus par les règles de couloir, dans les deux sens, avec leurs sources
web-cor-no-figures = Aucun chiffre de ce couloir ne figure dans la base.
web-cor-indicator = Indicateur
web-cor-where = Où
web-cor-year = Année
web-cor-value = Valeur
web-cor-unit = Unité
web-cor-source = Source
web-cor-registers = Les registres, tels que partagés avec ce partenariat
web-cor-origin = origine
web-cor-destination = destination
web-cor-shares-all = Partage tout son registre.
web-cor-shares-none = Ne partage aucune politique avec ce partenariat.
web-cor-shares-some = Partage certaines politiques :
web-cor-id = Politique
web-cor-policy-title = Intitulé
web-cor-ministry = Ministère
web-cor-status = Statut
web-cor-findings = Constats des règles de couloir
web-cor-findings-intro = Règles vérifiées sur les chiffres et sur les politiques partagées avec ce partenariat.
web-cor-no-findings = Aucune règle de couloir ne se déclenche sur ce qui est partagé.
web-cor-unevaluated = Règles non évaluées
web-cor-severity = gravité
web-cor-level = niveau
web-cor-why = Pourquoi c’est important
web-cor-rule-source = Source de la règle
web-cor-policies = Politiques concernées
web-cor-attributes = Faits sur les pays
web-cor-data = Données testées
web-cor-absences = Manquant
web-cor-near = Proche, mais non compté
web-cor-notes = Notes entre les gouvernements
web-cor-no-notes = Aucune note pour l’instant.
web-cor-general = Notes générales sur ce couloir
web-cor-note = Votre note
web-cor-note-hint = De 1 à 4 000 caractères ; les deux gouvernements la lisent.
web-cor-add-note = Ajouter la note
web-cor-note-added = Votre note a été ajoutée.
web-cor-note-reason = une note sur un constat du couloir
web-cor-note-bad = une note compte de 1 à 4 000 caractères
web-cor-finding-bad = le constat de la note est l’identifiant d’une règle de couloir ou general
web-cor-sharing = Ce que votre gouvernement partage avec ce partenariat
web-cor-share-whole = Partager tout le registre
web-cor-share-whole-hint = Le partenaire lit alors chaque politique ; sinon, seulement les politiques cochées ci-dessous.
web-cor-share-one = Politiques partagées une par une
web-cor-share-reason = Motif de la modification
web-cor-share-save = Enregistrer ce qui est partagé
web-cor-shared-saved = Ce que partage votre gouvernement a été enregistré.
web-cor-nothing-changed = Rien n’a été modifié.
web-cor-side = partie
web-cor-wrote = a écrit le
web-cor-fictional = Données fictives

## Scénarios

web-sc-title = Scénarios
web-sc-intro = Simulez des options de politique avec leur incertitude : partez de l’un des modèles d’options ou d’un exemple intégré, exécutez-le et ajoutez le résultat à la note.
web-sc-models = Modèles d’options
web-sc-use-model = Remplir un formulaire pour ce modèle
web-sc-parameters = Paramètres
web-sc-parameters-of = Paramètres de
web-sc-parameter = Paramètre
web-sc-unit = Unité
web-sc-domain = Valeurs
web-sc-default = Par défaut
web-sc-source = Source de la valeur par défaut
web-sc-fixed = fixe (un nombre, pas une distribution)
web-sc-examples = Exemples
web-sc-examples-intro = Fichiers de scénario du monde de démonstration, avec plusieurs options chacun ; ouvrez-en un pour le modifier et l’exécuter.
web-sc-use-example = Ouvrir cet exemple
web-sc-runs = Exécutions de cet espace de travail
web-sc-no-runs = Aucun scénario n’a encore été exécuté dans cet espace de travail.
web-sc-run = Exécution
web-sc-scenario = Scénario
web-sc-status = État
web-sc-draws = Tirages
web-sc-seed = Graine
web-sc-started = Commencée
web-sc-in-brief = dans la note
web-sc-cannot-run = Les lecteurs consultent les exécutions ; les contributeurs et les coordonnateurs de l’espace de travail les lancent.
web-sc-compare = Comparer deux exécutions
web-sc-compare-intro = Les exécutions de même graine et de mêmes tirages sont comparées tirage par tirage (la seconde moins la première), pour chaque option de même nom dans les deux.
web-sc-first = Première exécution (A)
web-sc-second = Seconde exécution (B)
web-sc-compare-submit = Comparer
web-sc-brief = La note de l’espace de travail
web-sc-brief-link = Ouvrir la note avec les exécutions ajoutées
web-sc-new-title = Un nouveau scénario
web-sc-new-example = Un scénario à partir de l’exemple
web-sc-name = Nom du scénario
web-sc-description = Description
web-sc-description-hint = Ce qu’est l’option et pourquoi elle est simulée (facultatif).
web-sc-option = Nom de l’option
web-sc-option-hint = Le nom de cette option dans les graphiques et les tableaux.
web-sc-baseline = Situation de référence
web-sc-origin = Pays d’origine (ou le pays)
web-sc-origin-hint = Un code ISO 3166-1 alpha-3, un code M49 ou un nom ; les valeurs de référence sont lues dans les données enregistrées.
web-sc-destination = Pays de destination
web-sc-destination-hint = Laissez vide pour un scénario d’un seul pays.
web-sc-year = Année de référence
web-sc-year-hint = Les valeurs de référence sont les plus récentes enregistrées jusqu’à cette année incluse.
web-sc-run-options = L’exécution
web-sc-seed-hint = La même graine donne les mêmes nombres, ici et en ligne de commande.
web-sc-draws-hint = Tirages de Monte-Carlo : plus de tirages donnent des intervalles plus stables.
web-sc-file = Fichier de scénario (TOML)
web-sc-file-hint = Le format est décrit dans docs/scenarios.md ; il est vérifié avant l’exécution.
web-sc-spread = incertitude, ± % de la valeur
web-sc-spread-hint = Facultatif : la valeur est tirée d’une distribution triangulaire de ce pourcentage de part et d’autre (dans ses valeurs permises).
web-sc-required = obligatoire
web-sc-from-baseline = vide : celle de la référence
web-sc-start = Vérifier et exécuter
web-sc-back = Retour aux scénarios
web-sc-running = L’exécution est en cours
web-sc-running-noscript = Rechargez cette page pour voir où elle en est.
web-sc-failed = L’exécution a échoué
web-sc-cancelled = L’exécution a été annulée.
web-sc-summary = Résumé des tirages
web-sc-output = Résultat
web-sc-side = Pour
web-sc-year-col = Année
web-sc-mean = Moyenne
web-sc-files = Fichiers de l’exécution
web-sc-the-file = Le fichier de scénario
web-sc-add-brief = Ajouter à la note
web-sc-remove-brief = Retirer de la note
web-sc-added = L’exécution figure dans la note de l’espace de travail.
web-sc-removed = L’exécution a été retirée de la note.
web-sc-add-reason = ajoutée à la note depuis la page des scénarios
web-sc-remove-reason = retirée de la note depuis la page des scénarios
web-sc-options-compare = Comparer deux options de cette exécution
web-sc-option-a = Option A
web-sc-option-b = Option B
web-sc-compare-title = Comparaison
web-sc-differences = Différences B − A sur les tirages
web-sc-share = Part des tirages où B > A
web-sc-not-a-run = n’est pas une exécution de scénario terminée de cet espace de travail

## L’atelier d’impacts croisés

web-wk-title = Atelier d’impacts croisés
web-wk-intro = Une matrice d’impacts croisés pose, pour chaque paire ordonnée d’objectifs ou de politiques, la question : si l’on progresse sur le premier, comment cela influence-t-il les progrès sur le second ? Chaque évaluateur note chaque paire de −3 à +3 avec un motif ; les résultats montrent la médiane, les désaccords entre évaluateurs et la manière dont les objectifs s’influencent en réseau.
web-wk-matrices = Matrices
web-wk-no-matrices = Aucune matrice pour l’instant.
web-wk-no-matrices-ask = Un coordonnateur de l’espace de travail en crée une.
web-wk-elements = éléments
web-wk-cells = paires à noter
web-wk-finished = évaluateurs ont terminé
web-wk-progress = Notes données
web-wk-make = Créer une matrice
web-wk-make-intro = Choisissez des politiques du registre et saisissez des objectifs : ensemble, ils forment les lignes et les colonnes de la matrice (de 2 à 200). Chaque contributeur et coordonnateur de l’espace de travail est invité à la noter.
web-wk-name = Nom de la matrice
web-wk-name-hint = De 1 à 200 caractères, différent du nom d’une autre matrice ici.
web-wk-policies = Politiques du registre
web-wk-no-policies = Le registre ne contient encore aucune politique de ce gouvernement.
web-wk-objectives = Objectifs
web-wk-objectives-hint = Un par ligne : un identifiant (lettres, chiffres, - _ ou .), deux-points et l’objectif, p. ex. « health: Couverture sanitaire universelle ». Une ligne sans identifiant en reçoit un (o1, o2, …).
web-wk-reason = Motif
web-wk-reason-hint = Pourquoi (conservé dans le journal d’audit).
web-wk-submit-make = Créer la matrice
web-wk-scale = L’échelle
web-wk-not-scored = Pas encore noté
web-wk-score-title = Vos notes
web-wk-score-intro = Choisissez une note et donnez un motif pour chaque paire ; vous pouvez enregistrer une partie de la matrice et revenir plus tard. Un nouvel enregistrement remplace vos notes précédentes (le journal d’audit les conserve).
web-wk-next = Aller à votre prochaine paire non notée
web-wk-all-done = Vous avez noté toutes les paires.
web-wk-row-legend = Si l’on progresse sur
web-wk-row-legend-after = comment cela influence-t-il les progrès sur…
web-wk-left = restant à noter
web-wk-why = Motif
web-wk-save = Enregistrer mes notes
web-wk-saved = notes enregistrées.
web-wk-nothing-saved = Rien n’a changé : aucune note n’a été enregistrée.
web-wk-cannot-score = Noter exige le rôle de contributeur ou de coordonnateur dans cet espace de travail ; vous pouvez suivre l’avancement et lire les résultats.
web-wk-needs-score = Choisissez une note pour ce motif, ou effacez le motif.
web-wk-bad-score = Une note est un nombre entier de −3 à +3.
web-wk-fix = Certaines notes n’ont pas été enregistrées : voir les paires signalées ci-dessous.
web-wk-tracker = Qui a noté quoi
web-wk-tracker-caption = Avancement par évaluateur
web-wk-assessor = Évaluateur
web-wk-role = Rôle
web-wk-scored = Notées
web-wk-unscored = Paires pas encore notées
web-wk-former = n’est plus membre
web-wk-no-assessors = L’espace de travail n’a encore aucun contributeur ni coordonnateur pour la noter.
web-wk-everyone = Tout le monde a noté toutes les paires.
web-wk-scores-left = notes restant à donner
web-wk-not-finished = Non terminé
web-wk-and = et
web-wk-more = de plus
web-wk-you = vous
web-wk-results = Résultats
web-wk-results-link = Résultats : médianes, désaccords, réseau
web-wk-back = Toutes les matrices
web-wk-scoring-link = Notation et avancement
web-wk-no-scores = Aucune paire n’a encore été notée : les résultats apparaissent avec la première note.
web-wk-medians = Notes médianes
web-wk-medians-intro = Chaque cellule est la médiane des notes des évaluateurs pour « la ligne influence la colonne ». Marquées d’un ! et surlignées : les évaluateurs sont en désaccord (notes positives et négatives, ou écart de 3 points ou plus).
web-wk-heat-title = Carte de chaleur des notes médianes
web-wk-medians-caption = Note médiane par paire (la ligne influence la colonne)
web-wk-influences = Les progrès sur ↓ influencent →
web-wk-disagree = les évaluateurs sont en désaccord
web-wk-reasons = Notes et motifs côte à côte
web-wk-reasons-caption = Note et motif de chaque évaluateur, les paires en désaccord d’abord
web-wk-pair = Paire
web-wk-median = Médiane
web-wk-range = Étendue
web-wk-network = Le réseau
web-wk-network-title = Diagramme de réseau des notes médianes
web-wk-metrics = Mesures du réseau
web-wk-most-influential = Les plus influents (force sortante : somme des influences positives exercées)
web-wk-most-influenced = Les plus influencés (force entrante : somme des influences positives reçues)
web-wk-metrics-caption = Mesures de chaque objectif
web-wk-objective = Objectif
web-wk-conflicts = Conflits
web-wk-conflicts-intro = Paires dont la médiane est de −2 (contrariant) ou moins, la plus négative d’abord.
web-wk-no-conflicts = Aucune paire n’a une médiane de −2 ou moins.
web-wk-opposite = Signes différents
web-wk-yes = oui
web-wk-no = non
web-wk-ripples = Effets d’entraînement (second ordre)
web-wk-ripples-intro = Les influences indirectes les plus fortes à travers un objectif intermédiaire (i → j → k, sommées sur j).
web-wk-ripples-caption = Influences de second ordre les plus fortes
web-wk-no-ripples = Aucune influence indirecte : aucune chaîne de deux liens non nuls.
web-wk-via = Influence de second ordre
web-wk-downloads = Téléchargements
web-wk-csv = Jugements (CSV, pour coherence matrix metrics)
web-wk-xlsx = Cellules, mesures et jugements (Excel)
web-wk-graphml = Réseau (GraphML, pour Gephi, yEd, Cytoscape)
web-wk-nothing-to-export = rien à exporter : aucune paire de cette matrice n’est encore notée

## Questionnaires

web-ans-title = Questionnaires
web-ans-intro = Chaque ministère propose les réponses aux questions qui lui sont attribuées, avec un commentaire et ses justificatifs. Le coordonnateur tranche les réponses divergentes, enregistre les réponses en une version et valide une version. Les scores sont ceux du cadre ; une liste de contrôle est seulement décomptée ; rien n’est classé.
web-ans-frameworks = Cadres
web-ans-kind = Type
web-ans-scored = noté
web-ans-checklist = liste de contrôle (décomptée, jamais notée)
web-ans-latest = Dernière version
web-ans-none-stored = aucune enregistrée
web-ans-signed = validée
web-ans-not-signed = non validée
web-ans-adaptation = Adaptation
web-ans-items = questions
web-ans-assigned = attribuées
web-ans-proposed = avec une proposition
web-ans-conflicts = en conflit
web-ans-answered = répondues dans la dernière version
web-ans-progress-label = Questions prêtes à enregistrer
web-ans-of = sur
web-ans-versions = Versions et validation
web-ans-score = Score de la dernière version
web-ans-overall = Ensemble
web-ans-domain = Domaine
web-ans-n-answered = Répondues
web-ans-band = Tranche
web-ans-percent = Score (%)
web-ans-not-computed = non calculé
web-ans-tally = Décompte
web-ans-item = Question
web-ans-assigned-to = Attribuée à
web-ans-nobody = aucun ministère (le coordonnateur répond)
web-ans-current = Dans la dernière version
web-ans-unanswered = sans réponse
web-ans-conflict = conflit : des ministères proposent des réponses différentes
web-ans-decided = tranché par le coordonnateur
web-ans-agreed = à enregistrer
web-ans-proposals = Propositions pour la question
web-ans-no-proposal = Aucune proposition pour l’instant.
web-ans-ministry = Ministère
web-ans-answer = Réponse
web-ans-comment = Commentaire
web-ans-evidence = Justificatif
web-ans-evidence-hint = Une loi, un décret, un document ou un lien qui étaye la réponse.
web-ans-by = Par
web-ans-when = Quand (UTC)
web-ans-coordinator-name = Décision du coordonnateur
web-ans-choose = — choisissez une réponse —
web-ans-propose = Proposer cette réponse
web-ans-decide = Trancher cette réponse
web-ans-decide-summary = Trancher la réponse à la question
web-ans-propose-summary = La réponse de votre ministère à la question
web-ans-decide-hint = En tant que coordonnateur, votre réponse est la décision : elle tranche un conflit.
web-ans-not-yours = cette question est attribuée à
web-ans-not-yours-end = ; un contributeur ne répond qu’aux questions de son propre ministère
web-ans-unassigned = cette question n’est attribuée à aucun ministère ; seul le coordonnateur y répond
web-ans-read-only = vous lisez ce questionnaire ; répondre exige le rôle de contributeur ou de coordonnateur
web-ans-coordination = Coordination
web-ans-store = Enregistrer les réponses en une nouvelle version
web-ans-store-hint = La décision pour chaque question, sinon la réponse que tous les ministères proposent ; les autres questions gardent la réponse de la dernière version.
web-ans-store-blocked = Tranchez d’abord les conflits : décidez la réponse de chaque question en conflit.
web-ans-reason = Motif de cette version
web-ans-assign-reason = Motif de cette attribution
web-ans-assign = Attribuer une question à un ministère
web-ans-assign-item = Question à attribuer
web-ans-assign-ministry = Ministère
web-ans-assign-hint = Vide : aucun ministère (le coordonnateur y répond).
web-ans-assign-submit = Attribuer
web-ans-done-proposed = Votre proposition est enregistrée.
web-ans-done-assigned = La question est attribuée.
web-ans-done-stored = Les réponses sont enregistrées en une nouvelle version.
web-ans-done-unchanged = La dernière version contient déjà ces réponses : aucune version n’a été ajoutée.
web-ans-done-signed = La version est validée.
web-ans-version = Version
web-ans-stored-at = Enregistrée (UTC)
web-ans-stored-by = Enregistrée par
web-ans-why = Motif
web-ans-signoff = Validation
web-ans-sign = Valider
web-ans-note = Note de validation de la version
web-ans-signed-by = Validée par
web-ans-on = le
web-ans-no-version = Aucune version n’est encore enregistrée.
web-ans-signed-read-only = Une version validée est en lecture seule : elle reste telle qu’elle a été validée.
web-ans-compare = Comparer deux versions
web-ans-from = Version la plus ancienne
web-ans-to = Version la plus récente
web-ans-compare-submit = Comparer
web-ans-compare-title = Ce qui a changé
web-ans-changed = Questions dont la réponse a changé
web-ans-nothing-changed = Aucune réponse n’a changé.
web-ans-scores = Évolution du score
web-ans-change = Variation (points de pourcentage)
web-ans-tallies = Évolution des décomptes
web-ans-back = Retour au questionnaire
web-ans-to-versions = Versions et validation

web-reg-owned-by = Cette politique appartient au { $owner } ; vous contribuez pour le { $mine } et ne modifiez que ses politiques.
web-reg-field-id = Identifiant
web-reg-field-country = Pays
web-reg-field-ministry = Ministère
web-reg-field-title = Intitulé
web-reg-field-instrument = Instrument
web-reg-field-stages = Étapes
web-reg-field-area = Domaine d’action
web-reg-field-partners = Pays partenaires
web-reg-field-target-groups = Groupes cibles
web-reg-field-status = Statut
web-reg-field-start-year = Année de début
web-reg-field-end-year = Année de fin
web-reg-field-objectives = Objectifs
web-reg-field-tags = Mots-clés
web-reg-field-source = Document source
web-reg-field-layer = Enregistré comme
web-reg-field-stage = Étape
web-reg-field-partner = Pays partenaire
web-reg-field-other = Champ
