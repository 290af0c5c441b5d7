# Glose : la fenêtre en français.
# Pluriels : catégories CLDR du français (one : 0 et 1 ; other : 2 et plus).

## Nombres

count-actors =
    { $n ->
        [one] { $n } acteur
       *[other] { $n } acteurs
    }
count-annotated-articles =
    { $n ->
        [one] { $n } article annoté
       *[other] { $n } articles annotés
    }
count-articles =
    { $n ->
        [one] { $n } article
       *[other] { $n } articles
    }
count-files =
    { $n ->
        [one] { $n } fichier
       *[other] { $n } fichiers
    }
count-relations =
    { $n ->
        [one] { $n } relation
       *[other] { $n } relations
    }
count-spans =
    { $n ->
        [one] { $n } annotation
       *[other] { $n } annotations
    }
count-suggestions =
    { $n ->
        [one] { $n } suggestion
       *[other] { $n } suggestions
    }
count-suggestions-in-this-article =
    { $n ->
        [one] { $n } suggestion dans cet article
       *[other] { $n } suggestions dans cet article
    }
count-suggestions-rejected =
    { $n ->
        [one] { $n } suggestion refusée
       *[other] { $n } suggestions refusées
    }
count-things =
    { $n ->
        [one] { $n } point
       *[other] { $n } points
    }
count-unlinked-mentions =
    { $n ->
        [one] { $n } mention non liée
       *[other] { $n } mentions non liées
    }

## annotators

annotators-compare-annotators = Comparer les annotateurs
annotators-project-has-fewer-than-two = Ce projet a moins de deux annotateurs.
annotators-annotator = Annotateur A
annotators-annotator-b = Annotateur B
annotators-gold-annotator = Annotateur de référence
annotators-has-not-coded-article-articles = { $missing } n’a pas codé cet article. Articles codés par les deux :
annotators-more = et { $n } de plus
annotators-article-row-s =
    { $rows_len ->
        [one] Cet article : { $rows_len } ligne
       *[other] Cet article : { $rows_len } lignes
    }
annotators-accept-all-agreements = Accepter tous les accords
annotators-only = A seul
annotators-only-b = B seul
annotators-gold = dans la référence
annotators-accept = Accepter { $side } { $i }
annotators-accept-agreements = accepter les accords
annotators-vs-both-coded-tokens = { $a } / { $b } : { $articles } codés par les deux, { $tokens } mots
annotators-label = étiquette
annotators-agree = accord
annotators-differ = désaccord
annotators-spans = annotations A
annotators-spans-b = annotations B
annotators-f1-exact = F1 exact
annotators-f1-overlap = F1 chevauchement
annotators-u = uα
annotators-all-labels = toutes les étiquettes

## actions

actions-link-click-other-span-tab = Lier : cliquez sur l’autre annotation (ou Tab jusqu’à elle puis Entrée) ; Échap annule
actions-open-article-first = Ouvrez d’abord un article
actions-compare-needs-two-articles = La comparaison demande deux articles
actions-redo-failed = Rétablir a échoué : { $e }
actions-undo-failed = Annuler a échoué : { $e }
actions-not-done = Non fait : { $e }
actions-select-some-text-first-drag = Sélectionnez d’abord du texte (glisser, double-clic ou Maj+flèches)
actions-nothing-accept-those-places-are = Rien à accepter : ces passages sont déjà étiquetés
actions-accepted-suggestions-one-undo-step = { $n } suggestion(s) acceptée(s) (une seule étape d’annulation)
actions-select-text-add-span-then = Sélectionnez le texte à ajouter à cette annotation, puis Ctrl+G
actions-linked = Lié : { $name }

## background

background-exporting-articles = Export { $format } ({ $done } articles sur { $total })…
background-cancel-export = Annuler l’export
background-reading-annotations = Lecture des annotations…
background-stop-waiting = Ne plus attendre
background-reading-project-file-s-merge =
    { $files ->
        [one] Lecture de { $files } fichier de projet à fusionner…
       *[other] Lecture de { $files } fichiers de projet à fusionner…
    }
background-cancel-merge = Annuler la fusion
background-opening = Ouverture de { $name }…
background-stop-opening = Arrêter l’ouverture
background-export-stopped-unexpectedly-files-are = L’export s’est arrêté de façon inattendue ; ses fichiers sont incomplets
background-stopped-waiting-annotations-nothing-was = Attente des annotations abandonnée ; rien n’a été modifié
background-import-failed = L’import a échoué.{"\u000A"}{"\u000A"}{ $e }
background-reading-annotations-stopped-unexpectedly-nothing = La lecture des annotations s’est arrêtée de façon inattendue ; rien n’a été modifié
background-stopped-opening = Ouverture de { $path } arrêtée
background-reading-stopped-unexpectedly = La lecture de { $path } s’est arrêtée de façon inattendue
background-merge-cancelled-nothing-was-changed = Fusion annulée ; rien n’a été modifié
background-nothing-was-merged = Rien n’a été fusionné.{"\u000A"}{"\u000A"}{ $e }
background-reading-files-merge-stopped-unexpectedly = La lecture des fichiers à fusionner s’est arrêtée de façon inattendue ; rien n’a été modifié
background-exported-as = { $articles }, { $spans }, { $relations } exportés en { $format } ({ $files })
background-format-cannot-hold = { $msg }. { $n } que le format ne peut pas contenir :{"\u000A"}{"\u000A"}{ $list }
background-exported-with-notes = Exporté, avec des remarques
background-export-cancelled-files-written-so = Export annulé (les fichiers déjà écrits sont incomplets)
background-export-failed = L’export a échoué.{"\u000A"}{"\u000A"}{ $e }
background-imported-new-matched-text-already = Importé : { $spans } et { $relations } ({ $new } nouveaux, { $matched } reconnus par leur texte, { $duplicates } déjà présentes)
background-imported-with-notes = Importé, avec des remarques
background-merged-file-s-spans-relations = { $files } fichier(s) fusionné(s) : { $spans } annotations et { $relations } relations ajoutées, { $duplicates } déjà présentes ; { $articles } article(s) ajouté(s), { $matched } reconnu(s) par leur texte
background-thing-s-need-look-nothing = { $msg }.{"\u000A"}{"\u000A"}{ $n } à vérifier (rien n’a été perdu) :{"\u000A"}{ $list }
background-imported = Importé : { $summary }
background-cancelled-nothing-done = { $title } : annulé, rien n’a été fait

## document

document-no-unsaved-project-recover = Aucun projet non enregistré à récupérer
document-open-project = Ouvrir un projet
document-open = Ouvrir
document-glose-projects-ron = Projets Glose (.ron)
document-save-project-as = Enregistrer le projet sous
document-import-articles = Importer des articles
document-import = Importer
document-articles-exports-documents-tables = Articles, exports, documents, tableaux
document-journal-discarded-edits-could-not = Le journal des modifications abandonnées n’a pas pu être supprimé : { $e }
document-closing-previous-project = Fermeture du projet précédent : { $e }
document-untitled = Sans titre
document-new-project-cannot-journaled-until = Ce nouveau projet ne peut pas être journalisé avant d’être enregistré : { $e }
document-unsaved-project-could-not-read = Un projet non enregistré n’a pas pu être relu ({ $file }) : { $e }
document-could-not-open-project = Impossible d’ouvrir le projet.{"\u000A"}{"\u000A"}{ $e }
document-opened-format-upgraded-saving-writes = { $path } ouvert (format { $v }, mis à jour ; l’enregistrement écrit le nouveau format)
document-problem-s-project-e-g =
    { $n ->
        [one] { $n } problème dans ce projet, par exemple { $p }
       *[other] { $n } problèmes dans ce projet, par exemple { $p }
    }
document-opened = { $path } ouvert
document-journal = Le journal : { $e }
document-span-s-relation-s-had =
    { $renumbered ->
        [one] { $renumbered } annotation ou relation avait un identifiant déjà pris (deux branches fusionnées) : nouvel identifiant donné ; enregistrez pour le garder
       *[other] { $renumbered } annotations ou relations avaient un identifiant déjà pris (deux branches fusionnées) : nouveaux identifiants donnés ; enregistrez pour les garder
    }
document-file-s-project-could-not =
    { $n ->
        [one] { $n } fichier de ce projet n’a pas pu être lu. Le reste du projet est ouvert ; ce fichier reste tel quel (l’enregistrement n’y touche pas).{"\u000A"}{"\u000A"}{ $list }
       *[other] { $n } fichiers de ce projet n’ont pas pu être lus. Le reste du projet est ouvert ; ces fichiers restent tels quels (l’enregistrement n’y touche pas).{"\u000A"}{"\u000A"}{ $list }
    }
document-restored-unsaved-edit-s-save =
    { $n ->
        [one] { $n } modification non enregistrée restaurée ; enregistrez pour la garder
       *[other] { $n } modifications non enregistrées restaurées ; enregistrez pour les garder
    }
document-unsaved-edits-could-not-restored = Les modifications non enregistrées n’ont pas pu être restaurées.{"\u000A"}{"\u000A"}{ $e }
document-edits-will-not-journaled = Les modifications ne seront pas journalisées : { $e }
document-project-was-not-saved = Le projet n’a pas été enregistré.{"\u000A"}{"\u000A"}{ $e }
document-autosaved = Enregistrement automatique : { $path } ({ $kb } Ko en { $millis } ms)
document-saved = { $path } enregistré ({ $kb } Ko en { $millis } ms)
document-saved-but-edits-from-now = Enregistré, mais les modifications à venir ne seront pas journalisées : { $e }

## app

app-untitled = Sans titre
app-not-done = Non fait : { $e }
app-edit-could-not-journaled-made = Cette modification n’a pas pu être journalisée (elle est faite, mais un plantage la perdrait) : { $e }

## articles

articles-articles = Articles
articles-import = Importer…
articles-new-article = Nouvel article…
articles-paste-text-as-new-article = Coller un texte comme nouvel article
articles-articles-2 = { $rows_len } articles sur { $all }
articles-filter = Filtrer
articles-all = toutes
articles-to = au
articles-contains = contient
articles-name = nom
articles-value = valeur
articles-title-source-text = titre, source, texte…
articles-language = Langue
articles-near-duplicate = ≈ quasi-doublon
articles-near-duplicate-click-compare-them = Quasi-doublon de « { $title } » : cliquez pour les comparer côte à côte
articles-more-filters = Plus de filtres (actifs)
articles-more-filters-2 = Plus de filtres
articles-source = Source
articles-from = Du
articles-detail = Détail
articles-clear-these-filters = Effacer ces filtres
articles-article-details = Détails de l’article
articles-article-removed-ctrl-z-brings = Article supprimé (Ctrl+Z le fait revenir)
articles-title = Titre
articles-author = Auteur
articles-published = Publié le
articles-near-duplicate-same-text-with = Quasi-doublon de « { $title } » (le même texte, à de petites retouches près).
articles-compare-side-side = Comparer côte à côte
articles-apply-details = Appliquer les détails
articles-revert = Rétablir
articles-remove-article = Supprimer l’article
articles-other-details = Autres détails
articles-none-yet-imports-from-press = Aucun pour l’instant : les imports des bases de presse renseignent rubrique, page, numéro de document…
articles-remove = Supprimer
articles-remove-detail = Supprimer le détail « { $k } »
articles-new-detail = Nouveau détail
articles-add-detail = Ajouter le détail
articles-new-article-2 = Nouvel article
articles-text = Texte
articles-add-article = Ajouter l’article

## central

central-no-article-yet-file-import = Pas encore d’article. Fichier → Importer des articles… (ou déposez ici des fichiers .txt, .md, .html).
central-near-duplicate = ≈ quasi-doublon de « { $title } »
central-compare-side-side = Comparer côte à côte

## commands : les noms du registre, les noms des touches, les touches du lecteur (tableaux du README)

key-ctrl = Ctrl
key-alt = Alt
key-shift = Maj
keys-drag = glisser
keys-drag-does = sélectionner, aligné sur des mots entiers ; Alt glisse au caractère près
keys-double-click = double-clic
keys-double-click-does = sélectionner un mot
keys-click-highlight = clic sur un surlignage
keys-click-highlight-does = sélectionner son annotation ; recliquer pour passer d’une annotation superposée à l’autre
keys-arrows = ←/→, Ctrl+←/→, ↑/↓, Début/Fin
keys-arrows-do = déplacer le curseur (par caractère, mot, ligne)
keys-shift-arrows = Maj + l’une de celles-ci
keys-shift-arrows-do = étendre la sélection
keys-label-key = 1–9 (la touche de l’étiquette)
keys-label-key-does = étiqueter la sélection, ou réétiqueter l’annotation sélectionnée
keys-ctrl-label-key = Ctrl+1–9
keys-ctrl-label-key-does = rendre cette étiquette persistante : chaque nouvelle sélection la reçoit
keys-delete = Suppr / Retour arrière
keys-delete-does = supprimer l’annotation sélectionnée (et ses relations)
keys-alt-arrows = Alt+→ / Alt+←
keys-alt-arrows-do = allonger / raccourcir d’un mot la fin de l’annotation sélectionnée
keys-alt-shift-arrows = Alt+Maj+← / Alt+Maj+→
keys-alt-shift-arrows-do = allonger / raccourcir son début d’un mot
keys-plus-minus = + / −
keys-plus-minus-do = la position de l’annotation sélectionnée : d’accord / pas d’accord, ou monter / descendre l’échelle de son étiquette
keys-link = L
keys-link-does = lier l’annotation sélectionnée : cliquer sur l’autre, ou Tab/Maj+Tab jusqu’à elle puis Entrée ; ensuite 1–9 choisit le type
keys-tab = Tab / Maj+Tab
keys-tab-does = passer à la suggestion suivante / précédente (en pointillés : apprises de vos annotations)
keys-enter = Entrée, clic sur une suggestion
keys-enter-does = accepter la suggestion courante (une annotation à votre nom) ; la suivante devient courante
keys-reject = X / Retour arrière
keys-reject-does = refuser la suggestion courante (quand aucune annotation n’est sélectionnée) : plus jamais proposée à cet endroit
keys-escape = Échap
keys-escape-does = annuler la liaison, fermer la recherche, effacer la sélection et la suggestion courante
keys-zoom = Ctrl+Plus / Ctrl+Moins / Ctrl+0
keys-zoom-does = zoom

commands-new-project = Nouveau projet
commands-open = Ouvrir…
commands-save = Enregistrer
commands-save-as = Enregistrer sous…
commands-import-articles = Importer des articles…
commands-undo = Annuler
commands-redo = Rétablir
commands-find-article = Rechercher dans l’article
commands-find-next = Occurrence suivante
commands-find-previous = Occurrence précédente
commands-article-details = Détails de l’article…
commands-correct-article-text = Corriger le texte de l’article…
commands-add-selection-span = Ajouter la sélection à l’annotation

## compare

compare-compare = Comparer
compare-synchronised-scrolling = défilement synchronisé
compare-close-compare = Fermer la comparaison
compare-none = aucun
compare-with = avec
compare-passage-similar = Passage { $n } : similaire à { $similar }, { $words } mots
compare-what-each-has-other-lacks =
    { $n ->
        [one] Ce que chacun a et que l’autre n’a pas · { $n } passage commun
       *[other] Ce que chacun a et que l’autre n’a pas · { $n } passages communs
    }
compare-actors-only-here = Acteurs seulement ici : { $actors }
compare-links-only-here = Liens seulement ici : { $ls }
compare-claims-outside-shared-passages = Revendications hors des passages communs : { $claims }

## corpus

corpus-search-stopped-unexpectedly = La recherche s’est arrêtée de façon inattendue
corpus-corpus-overview = Vue d’ensemble du corpus
corpus-actors-articles = Acteurs × articles
corpus-label-counts = Comptes par étiquette
corpus-co-occurrence = Cooccurrence
corpus-search = Recherche
corpus-alliance-network = Réseau d’alliances
corpus-discourse-network = Réseau de discours
corpus-suggestions = Suggestions
corpus-actors-articles-mentions-each-actor = { $actors_len } acteurs × { $articles_len } articles : mentions de chaque acteur dans chaque article. Cliquez sur un nombre pour aller à la première.
corpus-jump-first-mention = Aller à la première mention
corpus-total = Total
corpus-mentions-all-articles = Mentions dans tous les articles
corpus-actor = Acteur
corpus-spans-per-label-articles-each = Annotations par étiquette dans les articles de chaque mois (empilées).
corpus-spans-per-label-each-article = Annotations par étiquette dans chaque article (empilées).
corpus-how-many-sentences-hold-spans = Combien de phrases contiennent des annotations des deux étiquettes.
corpus-search-project = Rechercher dans le projet
corpus-word-phrase-regex = mot, expression ou regex
corpus-match-case = respecter la casse
corpus-whole-words = mots entiers
corpus-inside-label = dans l’étiquette
corpus-any-actor = tout acteur
corpus-any = toute
corpus-anyone = tout le monde
corpus-by = par
corpus-linked = lié à
corpus-searching = Recherche…
corpus-stop-search = Arrêter la recherche
corpus-hit-s =
    { $n ->
        [one] { $n } résultat
       *[other] { $n } résultats
    }
corpus-choose = choisir…
corpus-label-hits-as = étiqueter les résultats comme
corpus-jump-there = Y aller
corpus-label-hit = Étiqueter le résultat { $i }
corpus-actors-linked-alliance-green-opposes = Acteurs liés par des relations d’alliance (vert) et d’opposition (rouge) ; plus un lien est épais, plus d’articles l’affirment ; un anneau est une mention liée à aucun acteur (par son texte). Glissez un nœud ; cliquez sur un lien.
corpus-not-linked-actor = { $name } (lié à aucun acteur)
corpus-actor-node = Nœud acteur
corpus-mention-node = Nœud mention
corpus-article-s =
    { $articles_len ->
        [one] { $from } — { $to } ({ $kind }, { $articles_len } article)
       *[other] { $from } — { $to } ({ $kind }, { $articles_len } articles)
    }

## derived

derived-updating = Mise à jour…
derived-computing = Calcul…

## dialogs

dialogs-open-another-window = Ouvert dans une autre fenêtre
dialogs-project-already-open-another-glose = Ce projet est déjà ouvert dans une autre fenêtre de Glose (processus { $pid }). Les modifications faites dans les deux s’écraseront à l’enregistrement ; fermez l’une des deux.
dialogs-i-understand = J’ai compris
dialogs-problem = Problème
dialogs-create-project = Créer ce projet ?
dialogs-does-not-exist-yet-glose = { $path } n’existe pas encore. Glose peut y commencer un nouveau projet vide.
dialogs-create = Le créer
dialogs-not-now = Pas maintenant
dialogs-annotator-name = Nom de l’annotateur
dialogs-new-spans-relations-are-credited = Les nouvelles annotations et relations sont attribuées à ce nom (dans les exports et dans Comparer les annotateurs).
dialogs-name = Nom
dialogs-cancel = Annuler
dialogs-unsaved-changes = Modifications non enregistrées
dialogs-project-has-changes-are-not = Ce projet a des modifications qui ne sont pas enregistrées.
dialogs-save = Enregistrer
dialogs-discard-changes = Abandonner les modifications
dialogs-restore-unsaved-edits = Restaurer les modifications non enregistrées ?
dialogs-glose-was-closed-without-saving =
    { $n ->
        [one] Glose a été fermé sans enregistrer. Le journal contient { $n } modification faite après le dernier enregistrement.
       *[other] Glose a été fermé sans enregistrer. Le journal contient { $n } modifications faites après le dernier enregistrement.
    }
dialogs-project-file-changed-since-then = Le fichier du projet a changé depuis (un autre programme ou git). La restauration applique les modifications au fichier tel qu’il est maintenant ; vérifiez le résultat.
dialogs-very-last-edit-was-cut = La toute dernière modification a été interrompue par le plantage et ne peut pas être restaurée.
dialogs-restore-edits = Restaurer les modifications
dialogs-discard-them = Les abandonner
dialogs-delete = Supprimer { $what } « { $name } » ?
dialogs-use = { $uses } { $uses_word } l’utilisent.
dialogs-give-them = Leur donner { $what }
dialogs-reassign-delete = Réattribuer et supprimer
dialogs-delete-too = Supprimer aussi les { $uses } { $uses_word }
dialogs-span-s = annotation(s)
dialogs-label = l’étiquette
dialogs-type = le type
dialogs-relation-s = relation(s)
dialogs-file-changed-disk = Le fichier a changé sur le disque
dialogs-another-program-git-pull-changed = Un autre programme (ou git pull) a modifié ce fichier de projet depuis que Glose l’a lu.
dialogs-you-have-unsaved-edits-reloading = Vous avez des modifications non enregistrées : recharger les abandonne.
dialogs-reload-from-disk = Recharger depuis le disque
dialogs-keep-my-version = Garder ma version
dialogs-saving-will-overwrite-file-disk = Enregistrer écrasera le fichier sur le disque

## discourse

discourse-two-mode-actors-claims = biparti (acteurs × revendications)
discourse-one-mode-actors-actors = unimodal (acteurs × acteurs)
discourse-ignore = ignorer
discourse-congruence = congruence
discourse-conflict = conflit
discourse-subtract = soustraction
discourse-combine = combinaison
discourse-no = aucune
discourse-average = moyenne
discourse-jaccard = jaccard
discourse-cosine = cosinus
discourse-activity = activité
discourse-prominence = proéminence
discourse-include = toutes
discourse-per-article = par article
discourse-per-week = par semaine
discourse-per-month = par mois
discourse-per-year = par an
discourse-across-range = sur toute la période
discourse-statements = Énoncés
discourse-network = Réseau
discourse-variable-1 = Variable 1
discourse-variable-2 = Variable 2
discourse-none = (aucun)
discourse-qualifier = Qualificatif
discourse-aggregation = Agrégation
discourse-normalisation = Normalisation
discourse-duplicates = Doublons
discourse-keep-isolates = Garder les isolés
discourse-from = Du
discourse-to = Au
discourse-yyyy-mm-dd-empty-no = AAAA-MM-JJ ; vide : sans limite
discourse-not-date-like-2005-01 = pas une date comme 2005-01-26
discourse-time-window-days-0-none = Fenêtre temporelle (jours, 0 : aucune)
discourse-statements-counted-outside-range-with = { $statements } énoncés ; { $counted } comptés ({ $out_of_range } hors période, { $empty } avec une variable vide, { $duplicates } doublons).
discourse-no-window-fits-range-statements = Aucune fenêtre ne tient dans la période des dates des énoncés.
discourse-window = Fenêtre
discourse-step = pas
discourse-graph = Graphe
discourse-matrix = Matrice
discourse-statements-2 = { $rows_len } × { $columns_len } · { $statements } énoncés{ $dates }
discourse-save = Enregistrer…
discourse-graphml-csv-json-file-s = GraphML, CSV ou JSON, selon l’extension du fichier
discourse-save-network = Enregistrer le réseau
discourse-one-colour-per-community-label = ● une couleur par communauté (propagation d’étiquettes sur les liens positifs) ; plus épais : plus lourd ; rouge : négatif
discourse-rows-variable-1-columns-variable = ● lignes (variable 1) ■ colonnes (variable 2) ; plus épais : plus lourd ; rouge : négatif. Cliquez sur un nœud ou un lien.
discourse-statements-3 = { $title } : { $n } énoncés
discourse-no-date = (sans date)
discourse-heaviest-ties-are-drawn-matrix = Les { $edges } liens les plus lourds sur { $total } sont dessinés ; la matrice les a tous.
discourse-claim-node = Nœud revendication
discourse-actor-node = Nœud acteur
discourse-cell = Cellule { $name } — { $column } : { $value }
discourse-first-rows-columns-save-writes = Les { $max } premières lignes et colonnes ; Enregistrer… les écrit toutes.
discourse-no-network-computed-yet = Aucun réseau calculé pour l’instant
discourse-no-network-save = Aucun réseau à enregistrer
discourse-network-saved = Réseau enregistré dans { $path }

## exchange

exchange-brat-folder = dossier brat
exchange-doccano-jsonl = doccano JSONL
exchange-label-studio-json = Label Studio JSON
exchange-conll-iob = CoNLL / IOB
exchange-dna-database-dna = base DNA (.dna)
exchange-format = Format
exchange-utf-16-offsets-doccano-default = positions UTF-16 (défaut de doccano)
exchange-code-points-grapheme-mode = points de code (mode graphèmes)
exchange-overlapping-spans-keep = Annotations superposées : garder
exchange-inner = l’intérieure
exchange-outer = l’extérieure
exchange-only-article-shown = Seulement l’article affiché
exchange-labels = Étiquettes
exchange-annotators = Annotateurs
exchange-export-dataset = Exporter un jeu de données
exchange-destination = Destination
exchange-browse = Parcourir…
exchange-export-into-folder = Exporter dans un dossier
exchange-export-file = Exporter dans un fichier
exchange-folder-created-if-needed = Un dossier (créé au besoin).
exchange-file = Un fichier.
exchange-export = Exporter
exchange-import-annotations = Importer des annotations
exchange-code-points = points de code
exchange-files-one-per-line = Fichiers (un par ligne)
exchange-choose-brat-folders = Choisir des dossiers brat
exchange-choose-dataset-files = Choisir des fichiers de jeu de données
exchange-choose = Choisir
exchange-annotator-empty-as-file-says = Annotateur (vide : celui du fichier)
exchange-articles-whose-text-already-project = Les articles dont le texte est déjà dans le projet reçoivent les annotations ; les étiquettes inconnues sont ajoutées.
exchange-import = Importer

## files

files-system-s-here = ceux du système ici
files-built-here = celui de Glose ici
files-automatic = Automatique ({ $now })
files-glose-s-own = Ceux de Glose
files-system-s = Ceux du système
files-home = Dossier personnel
files-documents = Documents
files-desktop = Bureau
files-downloads = Téléchargements
files-working-folder = Dossier de travail
files-computer = Ordinateur
files-choose-folder = Choisir le dossier
files-save = Enregistrer
files-type-file-name = Saisissez un nom de fichier
files-exists-press-again-replace = { $path } existe : appuyez de nouveau sur { $verb } pour le remplacer
files-select-file-first = Sélectionnez d’abord un fichier
files-does-not-exist = { $path } n’existe pas
files-up = ⬆ Haut
files-parent-folder-backspace = Dossier parent (Retour arrière)
files-location = Emplacement
files-places = Raccourcis
files-nothing-here = (rien ici)
files-file-name = Nom du fichier
files-all-files = Tous les fichiers
files-show = Afficher
files-hidden-files = Fichiers cachés
files-cancel = Annuler
files-selected = { $n } sélectionné(s)
files-just-now = à l’instant
files-min-ago = il y a { $minutes } min
files-h-ago = il y a { $hours } h
files-days-ago = il y a { $days } jours
files-bytes = { $n } o
files-kb = { $n } Ko
files-mb = { $n } Mo
files-gb = { $n } Go

## help

help-keyboard-shortcuts = Raccourcis clavier
help-search-shortcuts = Rechercher un raccourci
help-no-shortcut-matches = Aucun raccourci ne correspond.
help-about-glose = À propos de Glose
help-glose = Glose { $env }
help-licence-at-your-choice = Licence : { $env } (au choix).
help-built-with-rust-eframe-egui = Construit avec Rust, eframe/egui, serde et RON, rusqlite (SQLite), Fluent et les crates listées dans Cargo.toml, chacune sous sa propre licence.
help-not-available-here = (non disponible ici)
help-settings = Préférences
help-unsaved-projects-journals = Journaux des projets non enregistrés
help-saved-project-s-journal-sits = Le journal d’un projet enregistré se trouve à côté de lui (PROJET.ron.journal) jusqu’au prochain enregistrement.

## import

import-import-articles = Importer des articles
import-near-duplicate-of = quasi-doublon ({ $similar }) de { $of }
import-reading-file-s =
    { $done ->
        [one] Lecture de { $done } fichier sur { $total }…
       *[other] Lecture de { $done } fichiers sur { $total }…
    }
import-stop-reading = Arrêter la lecture
import-import-article =
    { $n ->
        [one] Importer { $n } article
       *[other] Importer { $n } articles
    }
import-add-files = Ajouter des fichiers…
import-cancel = Annuler
import-file-s-read =
    { $read ->
        [one] { $read } fichier lu
       *[other] { $read } fichiers lus
    }
import-article-s-add =
    { $to_add ->
        [one] { $to_add } article à ajouter
       *[other] { $to_add } articles à ajouter
    }
import-duplicate-s-left-out =
    { $dup ->
        [one] { $dup } doublon écarté
       *[other] { $dup } doublons écartés
    }
import-near-duplicate-s-marked =
    { $near ->
        [one] { $near } quasi-doublon signalé
       *[other] { $near } quasi-doublons signalés
    }
import-part-s-skipped =
    { $skipped ->
        [one] { $skipped } partie ignorée
       *[other] { $skipped } parties ignorées
    }
import-file-s-not-read =
    { $failed ->
        [one] { $failed } fichier non lu
       *[other] { $failed } fichiers non lus
    }
import-reading-was-stopped-only-files = La lecture a été arrêtée : seuls les fichiers déjà lus sont montrés.
import-not-recognised = non reconnu
import-article = { $file } — { $format } — { $new }
import-duplicate =
    { $dups ->
        [one] , { $dups } doublon
       *[other] , { $dups } doublons
    }
import-skipped = ignoré : { $s }
import-more = … et { $n } de plus
import-text-encoding = Encodage du texte : { $enc }
import-duplicate-left-out = doublon de { $project } : écarté
import-characters = { $chars } caractères
import-more-2 = … et { $n } de plus
import-article-2 = article { $id }
import-import = « { $title } » dans cet import
import-which-column-which-field-other = Quelle colonne est quel champ (les autres colonnes deviennent des détails de l’article) :
import-none = (aucune)
import-column-text = Colonne texte
import-column-title = Colonne titre
import-column-source = Colonne source
import-column-author = Colonne auteur
import-column-published = Colonne date de publication
import-column-url = Colonne URL
import-column-language = Colonne langue
import-column-id = Colonne identifiant
import-comma = virgule ,
import-semicolon = point-virgule ;
import-tab = tabulation
import-bar = barre |
import-delimiter = Séparateur
import-encoding = Encodage
import-sheet = Feuille

## menu

menu-file = Fichier
menu-edit = Édition
menu-view = Affichage
menu-help = Aide
menu-keyboard-shortcuts = Raccourcis clavier…
menu-about-glose = À propos de Glose…
menu-open-recent = Ouvrir un projet récent
menu-none-yet = (aucun pour l’instant)
menu-recover-unsaved-project = Récupérer un projet non enregistré…
menu-never-saved-project-left-crash = Un projet jamais enregistré laissé par un plantage
menu-import-annotations = Importer des annotations…
menu-export-dataset = Exporter un jeu de données…
menu-merge-project-files = Fusionner des fichiers de projet…
menu-merge-project-files-2 = Fusionner des fichiers de projet
menu-merge = Fusionner
menu-glose-projects-ron = Projets Glose (.ron)
menu-quit = Quitter
menu-undo = Annuler { $l }
menu-redo = Rétablir { $l }
menu-labels-relation-types = Étiquettes et types de relations…
menu-corpus-overview = Vue d’ensemble du corpus…
menu-compare-two-articles = Comparer deux articles
menu-compare-annotators = Comparer les annotateurs…
menu-dark-theme = Thème sombre
menu-select-exact-characters-else-whole = Sélectionner au caractère près (sinon mots entiers ; Alt inverse)
menu-show-suggestions-learned-from-your = Afficher les suggestions (apprises de vos annotations)
menu-language = Langue : { $lang }
menu-language-system = Celle du système ({ $lang })
menu-file-dialogs = Boîtes de dialogue de fichiers : { $kind }
menu-reading-size = Taille de lecture
menu-pt = {" "}pt
menu-zoom = Zoom
menu-ctrl-minus = Ctrl+Moins
menu-ctrl-plus = Ctrl+Plus
menu-autosave-after-0-off = Enregistrement automatique après (0 : jamais)
menu-autosave-when-window-loses-focus = Enregistrer quand la fenêtre perd le focus
menu-annotator = Annotateur : { $annotator }…
menu-saving = Enregistrement…
menu-sticky-label = Étiquette persistante : { $label }
menu-find = Rechercher
menu-word-phrase = mot ou expression
menu-whole-words = Mots entiers
menu-match-case = Respecter la casse
menu-no-match = aucun résultat
menu-of = { $at } sur { $n }
menu-previous = Précédent
menu-next = Suivant
menu-close-find = Fermer la recherche
menu-linking-click-other-span-tab = Liaison : cliquez sur l’autre annotation, ou Tab jusqu’à elle puis Entrée.
menu-cancel-link = Annuler la liaison
menu-no-relation-type-links-these = Aucun type de relation ne relie ces deux étiquettes (Édition → Étiquettes et types de relations définit ce que chaque type relie).
menu-relation-type = Type de relation :

## reader

reader-article-text = Texte de l’article
reader-relation = Relation { $kind } { $id }
reader-suggested = Suggéré : { $line }
reader-click-enter-accepts-x-backspace = Clic ou Entrée accepte ; X ou Retour arrière refuse ; Tab passe à la suivante.

## retext

retext-correct-article-text = Corriger le texte de l’article
retext-text-corrected-span-s-moved =
    { $moved ->
        [one] Texte corrigé ; { $moved } annotation déplacée avec lui
       *[other] Texte corrigé ; { $moved } annotations déplacées avec lui
    }
retext-text-corrected-span-s-moved-2 = Texte corrigé ; { $moved } annotation(s) déplacée(s) avec lui, { $flagged } marquée(s) « { $review } » (onglet Annotations → À revoir)
retext-whole-text-spans-follow-your = Le texte entier. Les annotations suivent vos corrections ; celles dont vous changez le texte sont marquées à revoir.
retext-characters-paragraphs-around-selection-spans = Caractères { $range }–{ $range2 } (les paragraphes autour de la sélection). Les annotations suivent vos corrections ; celles dont vous changez le texte sont marquées à revoir.
retext-corrected-text = Texte corrigé
retext-span-s-keep-their-text =
    { $flagged_len ->
        [one] { $flagged_len } annotation garde son texte ({ $moved } déplacées, { $reanchored } retrouvées par leur citation) ; { $flagged_len2 } seront marquées à revoir.
       *[other] { $flagged_len } annotations gardent leur texte ({ $moved } déplacées, { $reanchored } retrouvées par leur citation) ; { $flagged_len2 } seront marquées à revoir.
    }
retext-more = … et { $n } de plus
retext-article-needs-some-text = Un article a besoin d’un peu de texte.
retext-apply-correction = Appliquer la correction
retext-cancel-correction = Annuler la correction

## schema

schema-labels-relation-types = Étiquettes et types de relations
schema-labels = Étiquettes
schema-new-label = Nouvelle étiquette
schema-add-label = Ajouter l’étiquette
schema-key = touche { $i }
schema-top-level = premier niveau
schema-parent = parent
schema-under = sous { $label }
schema-under-2 = sous { $label }
schema-stance-s-spans-take-agree = La position que prennent les annotations { $label } : +/− (d’accord / pas d’accord) ou une échelle
schema-relation-types = Types de relations
schema-new-relation-type = Nouveau type de relation
schema-stance = position
schema-symmetric = symétrique
schema-add-relation-type = Ajouter le type de relation
schema-up = Monter
schema-down = Descendre
schema-merge-into = Fusionner dans…
schema-delete = Supprimer { $name }
schema-colour = Couleur
schema-preset-colours = Couleurs prédéfinies
schema-colour-2 = Couleur { $c }
schema-hex = Hex
schema-colour-presets = Couleurs prédéfinies
schema-preset-colours-hex-code = Couleurs prédéfinies et code hexadécimal
schema-any-label = toute étiquette
schema-labels-accepts-at-end = Étiquettes que « { $kind } » accepte à son extrémité { $end }
schema-any-label-2 = Toute étiquette

## side

side-annotate = Annoter
side-spans = Annotations
side-actors = Acteurs
side-suggestions = Suggestions
side-labels = Étiquettes
side-head-key = touche
side-head-here = ici
side-head-sticky = persist.
side-head-show = voir
side-edit-labels = Modifier les étiquettes…
side-spans-label-article = Annotations de cette étiquette dans l’article
side-sticky = persistante { $label }
side-apply-label-every-new-selection = Appliquer cette étiquette à chaque nouvelle sélection (Ctrl+touche)
side-show = afficher { $label }
side-show-label-s-spans-reader = Afficher les annotations de cette étiquette dans le lecteur (les deux volets en comparaison)
side-selected-characters-press-label-key = Sélection { $s }–{ $e } ({ $value } caractères). Appuyez sur la touche d’une étiquette ou cliquez sur une étiquette.
side-select-text-label-click-highlight = Sélectionnez du texte pour l’étiqueter, ou cliquez sur un surlignage pour modifier son annotation.
side-span-note = Note de l’annotation
side-link-l = Lier… (L)
side-add-selection-as-fragment-ctrl = Ajouter la sélection comme fragment (Ctrl+G)
side-keep-first-fragment-only = Ne garder que le premier fragment
side-delete-span-del = Supprimer l’annotation (Suppr)
side-alt-grows-shrinks-end-word = Alt+→/← allonge/raccourcit la fin d’un mot ; Alt+Maj+←/→ le début.
side-selected-span = Annotation sélectionnée
side-needs-review = À revoir : { $why }
side-mark-reviewed = Marquer comme revue
side-keep-span-where-now = Garder l’annotation où elle est maintenant
side-resize-alt-arrows-delete = ou la redimensionner (Alt+flèches), ou la supprimer.
side-unknown-annotator = annotateur inconnu
side-discontinuous = {" "}· discontinue
side-span-label = Étiquette de l’annotation
side-none = (aucun)
side-linked-claim = Revendication liée
side-linked-actor = Acteur lié
side-new-from-text = Nouveau { $what } à partir de ce texte
side-new = nouveau { $what }
side-stance = Position
side-keyboard = + / − au clavier
side-stance-2 = Position : { $value }
side-none-counted-as-agree = (aucune : comptée comme d’accord)
side-now = actuellement : { $v }
side-attributes = Attributs
side-remove-attribute = Supprimer l’attribut { $k }
side-key = Clé
side-value = Valeur
side-set-attribute = Définir l’attribut
side-relations = Relations
side-reverse = Inverser
side-swap-two-ends = Échanger les deux extrémités
side-delete = Supprimer
side-delete-relation = Supprimer cette relation
side-article = { $spans_len } dans cet article
side-needs-review-only = Seulement à revoir ({ $to_review })
side-spans-whose-text-correction-changed = Annotations dont une correction a changé ou supprimé le texte
side-label = Étiquette
side-text = Texte
side-actor = Acteur
side-new-actor = Nouvel acteur
side-add-actor = Ajouter l’acteur
side-new-claim = Nouvelle revendication
side-add-claim = Ajouter la revendication
side-claims = Revendications
side-actor-2 = Acteur : { $name }
side-name = Nom
side-kind = Genre
side-external-id = Identifiant externe
side-actor-note = Note sur l’acteur
side-aliases-any-language = Alias (toutes langues)
side-remove-alias = Supprimer l’alias { $a }
side-alias = Alias
side-add-alias = Ajouter l’alias
side-choose = choisir…
side-merge-into = Fusionner dans
side-merge-actors = Fusionner les acteurs
side-find-unlinked-mentions = Trouver les mentions non liées
side-delete-actor = Supprimer l’acteur
side-no-unlinked-mention-article = Aucune mention non liée dans cet article.
side-code-points = « { $form } », points de code { $start }–{ $end }
side-link = Lier
side-accept = Accepter
side-mention = { $what } mention { $i }
side-accept-all-mentions = Accepter toutes les mentions
side-link-mentions = lier les mentions
side-spans-2 = Annotations de
side-everyone = tout le monde

## suggest

suggest-accept-suggestions =
    { $n ->
        [one] accepter { $n } suggestion
       *[other] accepter { $n } suggestions
    }
suggest-let-go-apply = Relâchez pour appliquer ({ $score }, { $f1 })
suggest-suggestions-are-off = Les suggestions sont désactivées.
suggest-show-suggestions = Afficher les suggestions
suggest-learning-from-project-s-spans = Apprentissage à partir des annotations du projet…
suggest-learned-from = Appris de { $learned }.
suggest-learning-again-from-your-latest = Nouvel apprentissage à partir de vos dernières modifications…
suggest-no-suggestion-article = Aucune suggestion dans cet article.
suggest-tab-shift-tab-go-through = Tab / Maj+Tab parcourent les suggestions ; Entrée ou un clic en accepte une, X ou Retour arrière la refuse.
suggest-current-suggestion = Suggestion courante
suggest-linked = liée à { $name }
suggest-accept-enter = Accepter (Entrée)
suggest-reject-x = Refuser (X)
suggest-accept-all-here = Tout accepter « { $short } » ici ({ $n })
suggest-accept-all-corpus = Tout accepter « { $short } » dans le corpus…
suggest-settings = Réglages
suggest-show-from-score = Afficher à partir du score
suggest-switch-off-below-f1 = Désactiver sous un F1 de
suggest-forms-match-whatever-case = Les formes correspondent quelle que soit la casse
suggest-forms-match-whatever-accents = Les formes correspondent quels que soient les accents
suggest-forget-rejections = Oublier les refus
suggest-self-evaluation = Auto-évaluation
suggest-needs-two-annotated-articles-more = Il faut au moins deux articles annotés (l’un mis de côté face aux autres).
suggest-held-out-spans-annotated-articles = Annotations mises de côté de { $articles } articles annotés, cinq plis.
suggest-label = Étiquette
suggest-source = Source
suggest-source-string = chaîne
suggest-source-registry = registre
suggest-source-tagger = étiqueteur
suggest-all = toutes
suggest-off = désactivé
suggest-suggestions-are-off-view-show = Les suggestions sont désactivées (Affichage → Afficher les suggestions).
suggest-forms = { $suggestions } sur { $rows_len } formes.
suggest-all-labels = Toutes les étiquettes
suggest-suggestions-label = Suggestions de l’étiquette
suggest-form = Forme
suggest-suggestions = Suggestions
suggest-articles = Articles
suggest-show = Afficher « { $form } »
suggest-accept-all = Tout accepter « { $form } » ({ $n })
suggest-described = « { $form } » { $label } ({ $source } { $score })

## undo: what Edit → Undo / Redo names (the ids are `edit::Command::describe` with dashes)

undo-add-article = ajout d’article
undo-remove-article = suppression d’article
undo-correct-article-text = correction du texte
undo-edit-article-details = modification des détails de l’article
undo-add-span = ajout d’annotation
undo-delete-span = suppression d’annotation
undo-change-label = changement d’étiquette
undo-resize-span = redimensionnement d’annotation
undo-link-actor = liaison à un acteur
undo-edit-note = modification de la note
undo-edit-attributes = modification des attributs
undo-add-relation = ajout de relation
undo-delete-relation = suppression de relation
undo-change-relation-type = changement de type de relation
undo-edit-relation-note = modification de la note de relation
undo-reverse-relation = inversion de relation
undo-add-label = ajout d’étiquette
undo-edit-label = modification d’étiquette
undo-reorder-labels = réordonnancement des étiquettes
undo-delete-label = suppression d’étiquette
undo-merge-labels = fusion d’étiquettes
undo-add-relation-type = ajout de type de relation
undo-edit-relation-type = modification de type de relation
undo-reorder-relation-types = réordonnancement des types de relations
undo-delete-relation-type = suppression de type de relation
undo-merge-relation-types = fusion de types de relations
undo-add-actor = ajout d’acteur
undo-edit-actor = modification d’acteur
undo-delete-actor = suppression d’acteur
undo-merge-actors = fusion d’acteurs
undo-rename-project = renommage du projet
undo-change-suggestion-settings = modification des réglages des suggestions
undo-reject-suggestion = refus de suggestion
undo-take-back-a-rejection = retrait d’un refus
