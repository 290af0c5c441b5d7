# Glose: the window in English.

## Counts (CLDR plural categories: English one / other)

count-actors =
    { $n ->
        [one] { $n } actor
       *[other] { $n } actors
    }
count-annotated-articles =
    { $n ->
        [one] { $n } annotated article
       *[other] { $n } annotated articles
    }
count-articles =
    { $n ->
        [one] { $n } article
       *[other] { $n } articles
    }
count-files =
    { $n ->
        [one] { $n } file
       *[other] { $n } files
    }
count-relations =
    { $n ->
        [one] { $n } relation
       *[other] { $n } relations
    }
count-spans =
    { $n ->
        [one] { $n } span
       *[other] { $n } spans
    }
count-suggestions =
    { $n ->
        [one] { $n } suggestion
       *[other] { $n } suggestions
    }
count-suggestions-in-this-article =
    { $n ->
        [one] { $n } suggestion in this article
       *[other] { $n } suggestions in this article
    }
count-suggestions-rejected =
    { $n ->
        [one] { $n } suggestion rejected
       *[other] { $n } suggestions rejected
    }
count-things =
    { $n ->
        [one] { $n } thing
       *[other] { $n } things
    }
count-unlinked-mentions =
    { $n ->
        [one] { $n } unlinked mention
       *[other] { $n } unlinked mentions
    }

## annotators

annotators-compare-annotators = Compare annotators
annotators-project-has-fewer-than-two = This project has fewer than two annotators.
annotators-annotator = Annotator A
annotators-annotator-b = Annotator B
annotators-gold-annotator = Gold annotator
annotators-has-not-coded-article-articles = { $missing } has not coded this article. Articles both coded:
annotators-more = and { $n } more
annotators-article-row-s =
    { $rows_len ->
        [one] This article: { $rows_len } row
       *[other] This article: { $rows_len } rows
    }
annotators-accept-all-agreements = Accept all agreements
annotators-only = only A
annotators-only-b = only B
annotators-gold = in gold
annotators-accept = Accept { $side } { $i }
annotators-accept-agreements = accept agreements
annotators-vs-both-coded-tokens = { $a } vs { $b }: { $articles } both coded, { $tokens } tokens
annotators-label = label
annotators-agree = agree
annotators-differ = differ
annotators-spans = spans A
annotators-spans-b = spans B
annotators-f1-exact = F1 exact
annotators-f1-overlap = F1 overlap
annotators-u = uα
annotators-all-labels = all labels

## actions

actions-link-click-other-span-tab = Link: click the other span (or Tab to it and press Enter); Esc cancels
actions-open-article-first = Open an article first
actions-compare-needs-two-articles = Compare needs two articles
actions-redo-failed = Redo failed: { $e }
actions-undo-failed = Undo failed: { $e }
actions-not-done = Not done: { $e }
actions-select-some-text-first-drag = Select some text first (drag, double-click, or Shift+arrows)
actions-nothing-accept-those-places-are = Nothing to accept: those places are labelled already
actions-accepted-suggestions-one-undo-step = Accepted { $n } suggestions (one undo step)
actions-select-text-add-span-then = Select the text to add to this span, then press Ctrl+G
actions-linked = Linked: { $name }

## background

background-exporting-articles = Exporting { $format } ({ $done } of { $total } articles)…
background-cancel-export = Cancel export
background-reading-annotations = Reading annotations…
background-stop-waiting = Stop waiting
background-reading-project-file-s-merge =
    { $files ->
        [one] Reading { $files } project file to merge…
       *[other] Reading { $files } project files to merge…
    }
background-cancel-merge = Cancel merge
background-opening = Opening { $name }…
background-stop-opening = Stop opening
background-export-stopped-unexpectedly-files-are = The export stopped unexpectedly; its files are incomplete
background-stopped-waiting-annotations-nothing-was = Stopped waiting for the annotations; nothing was changed
background-import-failed = The import failed.{"\u000A"}{"\u000A"}{ $e }
background-reading-annotations-stopped-unexpectedly-nothing = Reading the annotations stopped unexpectedly; nothing was changed
background-stopped-opening = Stopped opening { $path }
background-reading-stopped-unexpectedly = Reading { $path } stopped unexpectedly
background-merge-cancelled-nothing-was-changed = Merge cancelled; nothing was changed
background-nothing-was-merged = Nothing was merged.{"\u000A"}{"\u000A"}{ $e }
background-reading-files-merge-stopped-unexpectedly = Reading the files to merge stopped unexpectedly; nothing was changed
background-exported-as = Exported { $articles }, { $spans }, { $relations } as { $format } ({ $files })
background-format-cannot-hold = { $msg }. { $n } the format cannot hold:{"\u000A"}{"\u000A"}{ $list }
background-exported-with-notes = Exported, with notes
background-export-cancelled-files-written-so = Export cancelled (files written so far are incomplete)
background-export-failed = The export failed.{"\u000A"}{"\u000A"}{ $e }
background-imported-new-matched-text-already = Imported { $spans } and { $relations } ({ $new } new, { $matched } matched by text, { $duplicates } already there)
background-imported-with-notes = Imported, with notes
background-merged-file-s-spans-relations = Merged { $files } file(s): { $spans } spans and { $relations } relations added, { $duplicates } already there; { $articles } article(s) added, { $matched } matched by text
background-thing-s-need-look-nothing =
    { $n ->
        [one] { $msg }.{"\u000A"}{"\u000A"}{ $n } thing need a look (nothing was dropped):{"\u000A"}{ $list }
       *[other] { $msg }.{"\u000A"}{"\u000A"}{ $n } things need a look (nothing was dropped):{"\u000A"}{ $list }
    }
background-imported = Imported: { $summary }
background-cancelled-nothing-done = { $title }: cancelled, nothing done

## document

document-no-unsaved-project-recover = No unsaved project to recover
document-open-project = Open a project
document-open = Open
document-glose-projects-ron = Glose projects (.ron)
document-save-project-as = Save the project as
document-import-articles = Import articles
document-import = Import
document-articles-exports-documents-tables = Articles, exports, documents, tables
document-journal-discarded-edits-could-not = The journal of the discarded edits could not be removed: { $e }
document-closing-previous-project = Closing the previous project: { $e }
document-untitled = Untitled
document-new-project-cannot-journaled-until = This new project cannot be journaled until it is saved: { $e }
document-unsaved-project-could-not-read = An unsaved project could not be read back ({ $file }): { $e }
document-could-not-open-project = Could not open the project.{"\u000A"}{"\u000A"}{ $e }
document-opened-format-upgraded-saving-writes = Opened { $path } (format { $v }, upgraded; saving writes the new format)
document-problem-s-project-e-g =
    { $n ->
        [one] { $n } problem in this project, e.g. { $p }
       *[other] { $n } problems in this project, e.g. { $p }
    }
document-opened = Opened { $path }
document-journal = The journal: { $e }
document-span-s-relation-s-had =
    { $renumbered ->
        [one] { $renumbered } span or relation had an id another record has (two branches merged): given new ids; save to keep them
       *[other] { $renumbered } spans or relations had an id another record has (two branches merged): given new ids; save to keep them
    }
document-file-s-project-could-not =
    { $n ->
        [one] { $n } file of this project could not be read. The rest of the project is open; those files are left as they are (saving does not touch them).{"\u000A"}{"\u000A"}{ $list }
       *[other] { $n } files of this project could not be read. The rest of the project is open; those files are left as they are (saving does not touch them).{"\u000A"}{"\u000A"}{ $list }
    }
document-restored-unsaved-edit-s-save =
    { $n ->
        [one] Restored { $n } unsaved edit; save to keep them
       *[other] Restored { $n } unsaved edits; save to keep them
    }
document-unsaved-edits-could-not-restored = The unsaved edits could not be restored.{"\u000A"}{"\u000A"}{ $e }
document-edits-will-not-journaled = Edits will not be journaled: { $e }
document-project-was-not-saved = The project was not saved.{"\u000A"}{"\u000A"}{ $e }
document-autosaved = Autosaved: saved { $path } ({ $kb } KB in { $millis } ms)
document-saved = Saved { $path } ({ $kb } KB in { $millis } ms)
document-saved-but-edits-from-now = Saved, but edits from now on will not be journaled: { $e }

## app

app-untitled = Untitled
app-not-done = Not done: { $e }
app-edit-could-not-journaled-made = This edit could not be journaled (it is made, but a crash would lose it): { $e }

## articles

articles-articles = Articles
articles-import = Import…
articles-new-article = New article…
articles-paste-text-as-new-article = Paste a text as a new article
articles-articles-2 = { $rows_len } of { $all } articles
articles-filter = Filter
articles-all = all
articles-to = to
articles-contains = contains
articles-name = name
articles-value = value
articles-title-source-text = title, source, text…
articles-language = Language
articles-near-duplicate = ≈ near-duplicate
articles-near-duplicate-click-compare-them = Near-duplicate of «{ $title }»: click to compare them side by side
articles-more-filters = More filters (on)
articles-more-filters-2 = More filters
articles-source = Source
articles-from = From
articles-detail = Detail
articles-clear-these-filters = Clear these filters
articles-article-details = Article details
articles-article-removed-ctrl-z-brings = Article removed (Ctrl+Z brings it back)
articles-title = Title
articles-author = Author
articles-published = Published
articles-near-duplicate-same-text-with = Near-duplicate of «{ $title }» (the same text with small edits).
articles-compare-side-side = Compare side by side
articles-apply-details = Apply details
articles-revert = Revert
articles-remove-article = Remove article
articles-other-details = Other details
articles-none-yet-imports-from-press = None yet: imports from press databases fill in section, page, document number…
articles-remove = Remove
articles-remove-detail = Remove the detail «{ $k }»
articles-new-detail = New detail
articles-add-detail = Add detail
articles-new-article-2 = New article
articles-text = Text
articles-add-article = Add article

## central

central-no-article-yet-file-import = No article yet. File → Import articles… (or drop .txt, .md, .html files here).
central-near-duplicate = ≈ near-duplicate of «{ $title }»
central-compare-side-side = Compare side by side

## commands: the registry's names, the keys' names, the reader's keys (README's tables)

key-ctrl = Ctrl
key-alt = Alt
key-shift = Shift
keys-drag = drag
keys-drag-does = select, snapped to whole words; Alt drags exact characters
keys-double-click = double-click
keys-double-click-does = select a word
keys-click-highlight = click a highlight
keys-click-highlight-does = select its span; click again to cycle through overlapping spans
keys-arrows = ←/→, Ctrl+←/→, ↑/↓, Home/End
keys-arrows-do = move the caret (by character, word, line)
keys-shift-arrows = Shift + any of those
keys-shift-arrows-do = extend the selection
keys-label-key = 1–9 (the label's key)
keys-label-key-does = label the selection, or relabel the selected span
keys-ctrl-label-key = Ctrl+1–9
keys-ctrl-label-key-does = make that label sticky: every new selection gets it
keys-delete = Del / Backspace
keys-delete-does = delete the selected span (and its relations)
keys-alt-arrows = Alt+→ / Alt+←
keys-alt-arrows-do = grow / shrink the selected span's end by a word
keys-alt-shift-arrows = Alt+Shift+← / Alt+Shift+→
keys-alt-shift-arrows-do = grow / shrink its start by a word
keys-plus-minus = + / −
keys-plus-minus-do = the selected span's stance: agree / disagree, or up / down its label's scale
keys-link = L
keys-link-does = link the selected span: click the other span, or Tab/Shift+Tab to it and Enter; then 1–9 picks the type
keys-tab = Tab / Shift+Tab
keys-tab-does = make the next / previous suggestion current (outlined: learned from your spans)
keys-enter = Enter, click a suggestion
keys-enter-does = accept the current suggestion (a span credited to you), the next becomes current
keys-reject = X / Backspace
keys-reject-does = reject the current suggestion (when no span is selected): never suggested there again
keys-escape = Esc
keys-escape-does = cancel linking, close find, clear the selection and the current suggestion
keys-zoom = Ctrl+Plus / Ctrl+Minus / Ctrl+0
keys-zoom-does = zoom

commands-new-project = New project
commands-open = Open…
commands-save = Save
commands-save-as = Save as…
commands-import-articles = Import articles…
commands-undo = Undo
commands-redo = Redo
commands-find-article = Find in article
commands-find-next = Find next
commands-find-previous = Find previous
commands-article-details = Article details…
commands-correct-article-text = Correct article text…
commands-add-selection-span = Add the selection to the span

## compare

compare-compare = Compare
compare-synchronised-scrolling = synchronised scrolling
compare-close-compare = Close compare
compare-none = none
compare-with = with
compare-passage-similar = Passage { $n }: { $similar } similar, { $words } words
compare-what-each-has-other-lacks =
    { $n ->
        [one] What each has that the other lacks · { $n } shared passage
       *[other] What each has that the other lacks · { $n } shared passages
    }
compare-actors-only-here = Actors only here: { $actors }
compare-links-only-here = Links only here: { $ls }
compare-claims-outside-shared-passages = Claims outside the shared passages: { $claims }

## corpus

corpus-search-stopped-unexpectedly = The search stopped unexpectedly
corpus-corpus-overview = Corpus overview
corpus-actors-articles = Actors × articles
corpus-label-counts = Label counts
corpus-co-occurrence = Co-occurrence
corpus-search = Search
corpus-alliance-network = Alliance network
corpus-discourse-network = Discourse network
corpus-suggestions = Suggestions
corpus-actors-articles-mentions-each-actor = { $actors_len } actors × { $articles_len } articles: mentions of each actor in each article. Click a count to jump to the first.
corpus-jump-first-mention = Jump to the first mention
corpus-total = Total
corpus-mentions-all-articles = Mentions in all articles
corpus-actor = Actor
corpus-spans-per-label-articles-each = Spans per label in the articles of each month (stacked).
corpus-spans-per-label-each-article = Spans per label in each article (stacked).
corpus-how-many-sentences-hold-spans = How many sentences hold spans of both labels.
corpus-search-project = Search the project
corpus-word-phrase-regex = word, phrase or regex
corpus-match-case = match case
corpus-whole-words = whole words
corpus-inside-label = inside label
corpus-any-actor = any actor
corpus-any = any
corpus-anyone = anyone
corpus-by = by
corpus-linked = linked to
corpus-searching = Searching…
corpus-stop-search = Stop search
corpus-hit-s =
    { $n ->
        [one] { $n } hit
       *[other] { $n } hits
    }
corpus-choose = choose…
corpus-label-hits-as = label hits as
corpus-jump-there = Jump there
corpus-label-hit = Label hit { $i }
corpus-actors-linked-alliance-green-opposes = Actors linked by alliance (green) and opposes (red) relations; thicker edges are asserted by more articles; a ring is a mention linked to no actor (by its text). Drag a node; click an edge.
corpus-not-linked-actor = { $name } (not linked to an actor)
corpus-actor-node = Actor node
corpus-mention-node = Mention node
corpus-article-s =
    { $articles_len ->
        [one] { $from } — { $to } ({ $kind }, { $articles_len } article)
       *[other] { $from } — { $to } ({ $kind }, { $articles_len } articles)
    }

## derived

derived-updating = Updating…
derived-computing = Computing…

## dialogs

dialogs-open-another-window = Open in another window
dialogs-project-already-open-another-glose = This project is already open in another Glose window (process { $pid }). Edits made in both will overwrite each other when saved; close one of them.
dialogs-i-understand = I understand
dialogs-problem = Problem
dialogs-create-project = Create this project?
dialogs-does-not-exist-yet-glose = { $path } does not exist yet. Glose can start a new, empty project there.
dialogs-create = Create it
dialogs-not-now = Not now
dialogs-annotator-name = Annotator name
dialogs-new-spans-relations-are-credited = New spans and relations are credited to this name (in exports and in Compare annotators).
dialogs-name = Name
dialogs-cancel = Cancel
dialogs-unsaved-changes = Unsaved changes
dialogs-project-has-changes-are-not = This project has changes that are not saved.
dialogs-save = Save
dialogs-discard-changes = Discard changes
dialogs-restore-unsaved-edits = Restore unsaved edits?
dialogs-glose-was-closed-without-saving =
    { $n ->
        [one] Glose was closed without saving. The journal holds { $n } edit made after the last save.
       *[other] Glose was closed without saving. The journal holds { $n } edits made after the last save.
    }
dialogs-project-file-changed-since-then = The project file changed since then (another program or git). Restoring applies the edits to the file as it is now; check the result.
dialogs-very-last-edit-was-cut = The very last edit was cut short by the crash and cannot be restored.
dialogs-restore-edits = Restore edits
dialogs-discard-them = Discard them
dialogs-delete = Delete { $what } “{ $name }”?
dialogs-use = { $uses } { $uses_word } use it.
dialogs-give-them = Give them the { $what }
dialogs-reassign-delete = Reassign and delete
dialogs-delete-too = Delete the { $uses } { $uses_word } too
dialogs-span-s = span(s)
dialogs-label = label
dialogs-type = type
dialogs-relation-s = relation(s)
dialogs-file-changed-disk = The file changed on disk
dialogs-another-program-git-pull-changed = Another program (or git pull) changed this project file since Glose read it.
dialogs-you-have-unsaved-edits-reloading = You have unsaved edits: reloading drops them.
dialogs-reload-from-disk = Reload from disk
dialogs-keep-my-version = Keep my version
dialogs-saving-will-overwrite-file-disk = Saving will overwrite the file on disk

## discourse

discourse-two-mode-actors-claims = two-mode (actors × claims)
discourse-one-mode-actors-actors = one-mode (actors × actors)
discourse-ignore = ignore
discourse-congruence = congruence
discourse-conflict = conflict
discourse-subtract = subtract
discourse-combine = combine
discourse-no = no
discourse-average = average
discourse-jaccard = jaccard
discourse-cosine = cosine
discourse-activity = activity
discourse-prominence = prominence
discourse-include = include
discourse-per-article = per article
discourse-per-week = per week
discourse-per-month = per month
discourse-per-year = per year
discourse-across-range = across the range
discourse-statements = Statements
discourse-network = Network
discourse-variable-1 = Variable 1
discourse-variable-2 = Variable 2
discourse-none = (none)
discourse-qualifier = Qualifier
discourse-aggregation = Aggregation
discourse-normalisation = Normalisation
discourse-duplicates = Duplicates
discourse-keep-isolates = Keep isolates
discourse-from = From
discourse-to = To
discourse-yyyy-mm-dd-empty-no = YYYY-MM-DD; empty: no limit
discourse-not-date-like-2005-01 = not a date like 2005-01-26
discourse-time-window-days-0-none = Time window (days, 0: none)
discourse-statements-counted-outside-range-with = { $statements } statements; { $counted } counted ({ $out_of_range } outside the range, { $empty } with an empty variable, { $duplicates } duplicates).
discourse-no-window-fits-range-statements = No window fits in the range of the statements' dates.
discourse-window = Window
discourse-step = step
discourse-graph = Graph
discourse-matrix = Matrix
discourse-statements-2 = { $rows_len } × { $columns_len } · { $statements } statements{ $dates }
discourse-save = Save…
discourse-graphml-csv-json-file-s = GraphML, CSV or JSON, by the file's extension
discourse-save-network = Save the network
discourse-one-colour-per-community-label = ● one colour per community (label propagation over positive ties); thicker: heavier; red: negative
discourse-rows-variable-1-columns-variable = ● rows (variable 1) ■ columns (variable 2); thicker: heavier; red: negative. Click a node or an edge.
discourse-statements-3 = { $title }: { $n } statements
discourse-no-date = (no date)
discourse-heaviest-ties-are-drawn-matrix = The { $edges } heaviest of { $total } ties are drawn; the matrix has them all.
discourse-claim-node = Claim node
discourse-actor-node = Actor node
discourse-cell = Cell { $name } — { $column }: { $value }
discourse-first-rows-columns-save-writes = The first { $max } rows and columns; Save… writes them all.
discourse-no-network-computed-yet = No network computed yet
discourse-no-network-save = No network to save
discourse-network-saved = Network saved to { $path }

## exchange

exchange-brat-folder = brat folder
exchange-doccano-jsonl = doccano JSONL
exchange-label-studio-json = Label Studio JSON
exchange-conll-iob = CoNLL / IOB
exchange-dna-database-dna = DNA database (.dna)
exchange-format = Format
exchange-utf-16-offsets-doccano-default = UTF-16 offsets (doccano default)
exchange-code-points-grapheme-mode = code points (grapheme mode)
exchange-overlapping-spans-keep = Overlapping spans: keep the
exchange-inner = inner
exchange-outer = outer
exchange-only-article-shown = Only the article shown
exchange-labels = Labels
exchange-annotators = Annotators
exchange-export-dataset = Export dataset
exchange-destination = Destination
exchange-browse = Browse…
exchange-export-into-folder = Export into a folder
exchange-export-file = Export to a file
exchange-folder-created-if-needed = A folder (created if needed).
exchange-file = A file.
exchange-export = Export
exchange-import-annotations = Import annotations
exchange-code-points = code points
exchange-files-one-per-line = Files (one per line)
exchange-choose-brat-folders = Choose brat folders
exchange-choose-dataset-files = Choose dataset files
exchange-choose = Choose
exchange-annotator-empty-as-file-says = Annotator (empty: as the file says)
exchange-articles-whose-text-already-project = Articles whose text is already in the project get the annotations; unknown labels are added.
exchange-import = Import

## files

files-system-s-here = the system's here
files-built-here = built-in here
files-automatic = Automatic ({ $now })
files-glose-s-own = Glose's own
files-system-s = The system's
files-home = Home
files-documents = Documents
files-desktop = Desktop
files-downloads = Downloads
files-working-folder = Working folder
files-computer = Computer
files-choose-folder = Choose folder
files-save = Save
files-type-file-name = Type a file name
files-exists-press-again-replace = { $path } exists: press { $verb } again to replace it
files-select-file-first = Select a file first
files-does-not-exist = { $path } does not exist
files-up = ⬆ Up
files-parent-folder-backspace = Parent folder (Backspace)
files-location = Location
files-places = Places
files-nothing-here = (nothing here)
files-file-name = File name
files-all-files = All files
files-show = Show
files-hidden-files = Hidden files
files-cancel = Cancel
files-selected = { $n } selected
files-just-now = just now
files-min-ago = { $minutes } min ago
files-h-ago = { $hours } h ago
files-days-ago = { $days } days ago
files-bytes = { $n } B
files-kb = { $n } KB
files-mb = { $n } MB
files-gb = { $n } GB

## help

help-keyboard-shortcuts = Keyboard shortcuts
help-search-shortcuts = Search shortcuts
help-no-shortcut-matches = No shortcut matches.
help-about-glose = About Glose
help-glose = Glose { $env }
help-licence-at-your-choice = Licence: { $env } (at your choice).
help-built-with-rust-eframe-egui = Built with Rust, eframe/egui, serde and RON, rusqlite (SQLite), and the crates listed in Cargo.toml, each under its own licence.
help-not-available-here = (not available here)
help-settings = Settings
help-unsaved-projects-journals = Unsaved projects' journals
help-saved-project-s-journal-sits = A saved project's journal sits beside it (PROJECT.ron.journal) until the next save.

## import

import-import-articles = Import articles
import-near-duplicate-of = near-duplicate ({ $similar }) of { $of }
import-reading-file-s =
    { $total ->
        [one] Reading { $done } of { $total } file…
       *[other] Reading { $done } of { $total } files…
    }
import-stop-reading = Stop reading
import-import-article =
    { $n ->
        [one] Import { $n } article
       *[other] Import { $n } articles
    }
import-add-files = Add files…
import-cancel = Cancel
import-file-s-read =
    { $read ->
        [one] { $read } file read
       *[other] { $read } files read
    }
import-article-s-add =
    { $to_add ->
        [one] { $to_add } article to add
       *[other] { $to_add } articles to add
    }
import-duplicate-s-left-out =
    { $dup ->
        [one] { $dup } duplicate left out
       *[other] { $dup } duplicates left out
    }
import-near-duplicate-s-marked =
    { $near ->
        [one] { $near } near-duplicate marked
       *[other] { $near } near-duplicates marked
    }
import-part-s-skipped =
    { $skipped ->
        [one] { $skipped } part skipped
       *[other] { $skipped } parts skipped
    }
import-file-s-not-read =
    { $failed ->
        [one] { $failed } file not read
       *[other] { $failed } files not read
    }
import-reading-was-stopped-only-files = Reading was stopped: only the files read so far are shown.
import-not-recognised = not recognised
import-article = { $file } — { $format } — { $new }
import-duplicate =
    { $dups ->
        [one] , { $dups } duplicate
       *[other] , { $dups } duplicates
    }
import-skipped = skipped: { $s }
import-more = … and { $n } more
import-text-encoding = Text encoding: { $enc }
import-duplicate-left-out = duplicate of { $project }: left out
import-characters = { $chars } characters
import-more-2 = … and { $n } more
import-article-2 = article { $id }
import-import = «{ $title }» in this import
import-which-column-which-field-other = Which column is which field (the other columns become article details):
import-none = (none)
import-column-text = Text column
import-column-title = Title column
import-column-source = Source column
import-column-author = Author column
import-column-published = Published column
import-column-url = URL column
import-column-language = Language column
import-column-id = Id column
import-comma = comma ,
import-semicolon = semicolon ;
import-tab = tab
import-bar = bar |
import-delimiter = Delimiter
import-encoding = Encoding
import-sheet = Sheet

## menu

menu-file = File
menu-edit = Edit
menu-view = View
menu-help = Help
menu-keyboard-shortcuts = Keyboard shortcuts…
menu-about-glose = About Glose…
menu-open-recent = Open recent
menu-none-yet = (none yet)
menu-recover-unsaved-project = Recover unsaved project…
menu-never-saved-project-left-crash = A never-saved project left by a crash
menu-import-annotations = Import annotations…
menu-export-dataset = Export dataset…
menu-merge-project-files = Merge project files…
menu-merge-project-files-2 = Merge project files
menu-merge = Merge
menu-glose-projects-ron = Glose projects (.ron)
menu-quit = Quit
menu-undo = Undo { $l }
menu-redo = Redo { $l }
menu-labels-relation-types = Labels and relation types…
menu-corpus-overview = Corpus overview…
menu-compare-two-articles = Compare two articles
menu-compare-annotators = Compare annotators…
menu-dark-theme = Dark theme
menu-select-exact-characters-else-whole = Select exact characters (else whole words; Alt inverts)
menu-show-suggestions-learned-from-your = Show suggestions (learned from your spans)
menu-language = Language: { $lang }
menu-language-system = The system's ({ $lang })
menu-file-dialogs = File dialogs: { $kind }
menu-reading-size = Reading size
menu-pt = {" "}pt
menu-zoom = Zoom
menu-ctrl-minus = Ctrl+Minus
menu-ctrl-plus = Ctrl+Plus
menu-autosave-after-0-off = Autosave after (0: off)
menu-autosave-when-window-loses-focus = Autosave when the window loses focus
menu-annotator = Annotator: { $annotator }…
menu-saving = Saving…
menu-sticky-label = Sticky label: { $label }
menu-find = Find
menu-word-phrase = word or phrase
menu-whole-words = Whole words
menu-match-case = Match case
menu-no-match = no match
menu-of = { $at } of { $n }
menu-previous = Previous
menu-next = Next
menu-close-find = Close find
menu-linking-click-other-span-tab = Linking: click the other span, or Tab to it and press Enter.
menu-cancel-link = Cancel link
menu-no-relation-type-links-these = No relation type links these two labels (Edit → Labels and relation types sets what each type links).
menu-relation-type = Relation type:


## reader

reader-article-text = Article text
reader-relation = Relation { $kind } { $id }
reader-suggested = Suggested: { $line }
reader-click-enter-accepts-x-backspace = Click or Enter accepts; X or Backspace rejects; Tab goes to the next.

## retext

retext-correct-article-text = Correct article text
retext-text-corrected-span-s-moved =
    { $moved ->
        [one] Text corrected; { $moved } span moved with it
       *[other] Text corrected; { $moved } spans moved with it
    }
retext-text-corrected-span-s-moved-2 =
    { $moved ->
        [one] Text corrected; { $moved } span moved with it, { $flagged } marked “{ $review }” (Spans tab → Needs review)
       *[other] Text corrected; { $moved } spans moved with it, { $flagged } marked “{ $review }” (Spans tab → Needs review)
    }
retext-whole-text-spans-follow-your = The whole text. Spans follow your corrections; spans whose own text you change are marked for review.
retext-characters-paragraphs-around-selection-spans = Characters { $range }–{ $range2 } (the paragraphs around the selection). Spans follow your corrections; spans whose own text you change are marked for review.
retext-corrected-text = Corrected text
retext-span-s-keep-their-text =
    { $flagged_len ->
        [one] { $flagged_len } span keep their text ({ $moved } move, { $reanchored } found again by their quote); { $flagged_len2 } will be marked for review.
       *[other] { $flagged_len } spans keep their text ({ $moved } move, { $reanchored } found again by their quote); { $flagged_len2 } will be marked for review.
    }
retext-more = … and { $n } more
retext-article-needs-some-text = An article needs some text.
retext-apply-correction = Apply correction
retext-cancel-correction = Cancel correction

## schema

schema-labels-relation-types = Labels and relation types
schema-labels = Labels
schema-new-label = New label
schema-add-label = Add label
schema-key = key { $i }
schema-top-level = top level
schema-parent = parent
schema-under = under { $label }
schema-under-2 = under { $label }
schema-stance-s-spans-take-agree = The stance { $label }'s spans take: +/− (agree / disagree) or a scale
schema-relation-types = Relation types
schema-new-relation-type = New relation type
schema-stance = stance
schema-symmetric = symmetric
schema-add-relation-type = Add relation type
schema-up = Up
schema-down = Down
schema-merge-into = Merge into…
schema-delete = Delete { $name }
schema-colour = Colour
schema-preset-colours = Preset colours
schema-colour-2 = Colour { $c }
schema-hex = Hex
schema-colour-presets = Colour presets
schema-preset-colours-hex-code = Preset colours and hex code
schema-any-label = any label
schema-labels-accepts-at-end = Labels “{ $kind }” accepts at its { $end } end
schema-any-label-2 = Any label

## side

side-annotate = Annotate
side-spans = Spans
side-actors = Actors
side-suggestions = Suggestions
side-labels = Labels
side-head-key = key
side-head-here = here
side-head-sticky = sticky
side-head-show = show
side-edit-labels = Edit labels…
side-spans-label-article = Spans of this label in the article
side-sticky = sticky { $label }
side-apply-label-every-new-selection = Apply this label to every new selection (Ctrl+key)
side-show = show { $label }
side-show-label-s-spans-reader = Show this label's spans in the reader (both panes when comparing)
side-selected-characters-press-label-key = Selected { $s }–{ $e } ({ $value } characters). Press a label key or click a label.
side-select-text-label-click-highlight = Select text to label it, or click a highlight to edit its span.
side-span-note = Span note
side-link-l = Link… (L)
side-add-selection-as-fragment-ctrl = Add selection as fragment (Ctrl+G)
side-keep-first-fragment-only = Keep first fragment only
side-delete-span-del = Delete span (Del)
side-alt-grows-shrinks-end-word = Alt+→/← grows/shrinks the end by a word; Alt+Shift+←/→ the start.
side-selected-span = Selected span
side-needs-review = Needs review: { $why }
side-mark-reviewed = Mark reviewed
side-keep-span-where-now = Keep the span where it is now
side-resize-alt-arrows-delete = or resize it (Alt+arrows), or delete it.
side-unknown-annotator = unknown annotator
side-discontinuous = {" "}· discontinuous
side-span-label = Span label
side-none = (none)
side-linked-claim = Linked claim
side-linked-actor = Linked actor
side-new-from-text = New { $what } from this text
side-new = new { $what }
side-stance = Stance
side-keyboard = + / − on the keyboard
side-stance-2 = Stance: { $value }
side-none-counted-as-agree = (none: counted as agree)
side-now = now: { $v }
side-attributes = Attributes
side-remove-attribute = Remove attribute { $k }
side-key = Key
side-value = Value
side-set-attribute = Set attribute
side-relations = Relations
side-reverse = Reverse
side-swap-two-ends = Swap the two ends
side-delete = Delete
side-delete-relation = Delete this relation
side-article = { $spans_len } in this article
side-needs-review-only = Needs review only ({ $to_review })
side-spans-whose-text-correction-changed = Spans whose text a correction changed or deleted
side-label = Label
side-text = Text
side-actor = Actor
side-new-actor = New actor
side-add-actor = Add actor
side-new-claim = New claim
side-add-claim = Add claim
side-claims = Claims
side-actor-2 = Actor: { $name }
side-name = Name
side-kind = Kind
side-external-id = External id
side-actor-note = Actor note
side-aliases-any-language = Aliases (any language)
side-remove-alias = Remove alias { $a }
side-alias = Alias
side-add-alias = Add alias
side-choose = choose…
side-merge-into = Merge into
side-merge-actors = Merge actors
side-find-unlinked-mentions = Find unlinked mentions
side-delete-actor = Delete actor
side-no-unlinked-mention-article = No unlinked mention in this article.
side-code-points = “{ $form }”, code points { $start }–{ $end }
side-link = Link
side-accept = Accept
side-mention = { $what } mention { $i }
side-accept-all-mentions = Accept all mentions
side-link-mentions = link mentions
side-spans-2 = Spans by
side-everyone = everyone

## suggest

suggest-accept-suggestions =
    { $n ->
        [one] accept { $n } suggestion
       *[other] accept { $n } suggestions
    }
suggest-let-go-apply = Let go to apply ({ $score }, { $f1 })
suggest-suggestions-are-off = Suggestions are off.
suggest-show-suggestions = Show suggestions
suggest-learning-from-project-s-spans = Learning from the project's spans…
suggest-learned-from = Learned from { $learned }.
suggest-learning-again-from-your-latest = Learning again from your latest edits…
suggest-no-suggestion-article = No suggestion in this article.
suggest-tab-shift-tab-go-through = Tab / Shift+Tab go through the suggestions; Enter or a click accepts one, X or Backspace rejects it.
suggest-current-suggestion = Current suggestion
suggest-linked = linked to { $name }
suggest-accept-enter = Accept (Enter)
suggest-reject-x = Reject (X)
suggest-accept-all-here = Accept all «{ $short }» here ({ $n })
suggest-accept-all-corpus = Accept all «{ $short }» in the corpus…
suggest-settings = Settings
suggest-show-from-score = Show from score
suggest-switch-off-below-f1 = Switch off below F1
suggest-forms-match-whatever-case = Forms match whatever the case
suggest-forms-match-whatever-accents = Forms match whatever the accents
suggest-forget-rejections = Forget rejections
suggest-self-evaluation = Self-evaluation
suggest-needs-two-annotated-articles-more = Needs two annotated articles or more (one held out against the others).
suggest-held-out-spans-annotated-articles = Held-out spans of { $articles } annotated articles, five folds.
suggest-label = Label
suggest-source = Source
suggest-source-string = string
suggest-source-registry = registry
suggest-source-tagger = tagger
suggest-all = all
suggest-off = off
suggest-suggestions-are-off-view-show = Suggestions are off (View → Show suggestions).
suggest-forms = { $suggestions } of { $rows_len } forms.
suggest-all-labels = All labels
suggest-suggestions-label = Suggestions of label
suggest-form = Form
suggest-suggestions = Suggestions
suggest-articles = Articles
suggest-show = Show «{ $form }»
suggest-accept-all = Accept all «{ $form }» ({ $n })
suggest-described = «{ $form }» { $label } ({ $source } { $score })

## undo: what Edit → Undo / Redo names (the ids are `edit::Command::describe` with dashes)

undo-add-article = add article
undo-remove-article = remove article
undo-correct-article-text = correct article text
undo-edit-article-details = edit article details
undo-add-span = add span
undo-delete-span = delete span
undo-change-label = change label
undo-resize-span = resize span
undo-link-actor = link actor
undo-edit-note = edit note
undo-edit-attributes = edit attributes
undo-add-relation = add relation
undo-delete-relation = delete relation
undo-change-relation-type = change relation type
undo-edit-relation-note = edit relation note
undo-reverse-relation = reverse relation
undo-add-label = add label
undo-edit-label = edit label
undo-reorder-labels = reorder labels
undo-delete-label = delete label
undo-merge-labels = merge labels
undo-add-relation-type = add relation type
undo-edit-relation-type = edit relation type
undo-reorder-relation-types = reorder relation types
undo-delete-relation-type = delete relation type
undo-merge-relation-types = merge relation types
undo-add-actor = add actor
undo-edit-actor = edit actor
undo-delete-actor = delete actor
undo-merge-actors = merge actors
undo-rename-project = rename project
undo-change-suggestion-settings = change suggestion settings
undo-reject-suggestion = reject suggestion
undo-take-back-a-rejection = take back a rejection
