//! What a view draws with (rerun's `ViewerContext`, helix's views over a document it does not
//! own): [`ViewCx`] hands a panel or window read access to the open document, where the user
//! is ([`Nav`]), the settings, the counts derived from the project, and an outbox for what it
//! wants done — commands (applied and journaled by the app once the frame's views are drawn),
//! actions, windows to open, a status message. A view never changes the project and never
//! allocates an id: a command that adds something carries `NEW` ids, given when it is applied.

use super::app::Action;
use super::derived::{ArticleCounts, Cached, Counts};
use super::dialogs::Dialog;
use super::reader::ReaderState;
use super::{Settings, SideTab};
use crate::edit::{Command, Revision};
use crate::model::{ArticleId, EntityId, LabelId, Project, SpanId};
use crate::store::Session;
use std::sync::Arc;
use std::time::Instant;

/// Where the user is: the article shown, the reader's selection and marks, the chosen actor,
/// the sticky label, a link waiting for its type, the find bar, the right panel's tab. Shared
/// by the panels, the reader and the actions.
#[derive(Default)]
pub struct Nav {
    pub current: Option<ArticleId>,
    pub rs: ReaderState,
    pub side_tab: SideTab,
    pub sticky_label: Option<LabelId>,
    pub selected_entity: Option<EntityId>,
    /// A relation waiting for its type (from, to).
    pub pending_link: Option<(SpanId, SpanId)>,
    pub find: Find,
}

/// The find bar above the reader (its hits are in the reader state).
pub struct Find {
    pub open: bool,
    pub text: String,
    /// Only whole words ("IA" not inside "milliards"); on by default.
    pub whole_words: bool,
    pub case_sensitive: bool,
}

impl Default for Find {
    fn default() -> Self {
        Find { open: false, text: String::new(), whole_words: true, case_sensitive: false }
    }
}

/// What to do with the id a command's `NEW` object got, once applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Nothing,
    /// Select the new span in the reader and the inspector.
    JumpToSpan,
    /// Select the new actor in the Actors tab.
    SelectEntity,
    /// Show the new article.
    SelectArticle,
}

/// Every window, opened one way: [`Action::Show`].
#[derive(Debug)]
pub enum Window {
    /// Labels and relation types.
    Schema,
    ArticleDetails,
    NewArticle,
    CorrectText,
    ExportDataset,
    ImportAnnotations,
    Corpus,
    Annotators,
    /// The current article and the one sharing the most text with it.
    Compare,
    /// These two articles side by side (the first becomes the current one).
    ComparePair(ArticleId, ArticleId),
    /// Help → Keyboard shortcuts.
    Shortcuts,
    /// Help → About Glose.
    About,
    /// The built-in file dialog.
    Files(Box<super::files::FileDialog>),
    /// A modal question or message.
    Dialog(Dialog),
}

/// A message in the status bar.
pub struct Status {
    pub text: String,
    pub error: bool,
    pub at: Instant,
}

/// What views asked for during a frame.
#[derive(Default)]
pub struct Outbox {
    pub(super) commands: Vec<(Command, Then)>,
    pub(super) actions: Vec<Action>,
    pub(super) status: Option<Status>,
}

impl Outbox {
    pub fn push(&mut self, cmd: Command) {
        self.commands.push((cmd, Then::Nothing));
    }

    pub fn act(&mut self, action: Action) {
        self.actions.push(action);
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: false, at: Instant::now() });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: true, at: Instant::now() });
    }

    /// The status message and whether it is an error; other messages fade after 8 seconds.
    pub fn status_text(&self) -> Option<(&str, bool)> {
        let shown = |s: &&Status| s.error || s.at.elapsed() < std::time::Duration::from_secs(8);
        self.status.as_ref().filter(shown).map(|s| (s.text.as_str(), s.error))
    }
}

/// Values derived from the project, computed once per revision, shared by the views.
#[derive(Default)]
pub struct Derived {
    counts: Cached<(), Counts>,
    /// Each article's share of the counts (an edit counts one article again).
    count_parts: super::derived::CountTotals,
    /// The recommenders and the open article's suggestions.
    pub(super) suggest: super::suggest::SuggestState,
}

/// A view's access to the rest of the app for one frame.
pub struct ViewCx<'a> {
    /// The open document, read only.
    pub doc: &'a Session,
    pub settings: &'a mut Settings,
    pub nav: &'a mut Nav,
    pub(super) out: &'a mut Outbox,
    pub(super) derived: &'a mut Derived,
}

impl ViewCx<'_> {
    pub fn project(&self) -> &Project {
        self.doc.project()
    }

    /// The revision of the last change of any kind (what most caches key on).
    pub fn revision(&self) -> u64 {
        self.doc.history().revision()
    }

    /// The last change, and the last change of any article's text.
    pub fn revisions(&self) -> Revision {
        self.doc.history().revisions()
    }

    /// Asks for a change to the project (applied once the frame's views are drawn).
    pub fn push(&mut self, cmd: Command) {
        self.out.push(cmd);
    }

    /// Asks for a command that adds something (with `NEW` ids), and what to do with it after.
    pub fn create(&mut self, cmd: Command, then: Then) {
        self.out.commands.push((cmd, then));
    }

    pub fn act(&mut self, action: Action) {
        self.out.act(action);
    }

    /// Opens a window.
    pub fn show(&mut self, window: Window) {
        self.out.act(Action::Show(window));
    }

    pub fn dialog(&mut self, dialog: Dialog) {
        self.show(Window::Dialog(dialog));
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.out.info(text);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.out.error(text);
    }

    /// The article shown, if any.
    pub fn article(&self) -> Option<&crate::model::Article> {
        self.nav.current.and_then(|a| self.doc.project().article(a))
    }

    /// Uses of labels, relation types and actors, counted once per revision.
    pub fn counts(&mut self) -> Arc<Counts> {
        let rev = self.doc.history().revision();
        let project = self.doc.project();
        let parts = &mut self.derived.count_parts;
        self.derived.counts.get(rev, (), || parts.update(project, ArticleCounts::of))
    }

    /// The recommenders learned from the project (in a thread; the last ones meanwhile).
    pub fn suggestion_model(&mut self, ctx: &egui::Context) -> super::derived::Shown<crate::suggest::Recommenders> {
        let revision = self.revision();
        self.derived.suggest.model(self.doc.project(), revision, super::derived::repaint(ctx))
    }

    /// The open article's suggestions (none when they are switched off or not learned yet).
    pub fn suggestions(&mut self, ctx: &egui::Context) -> Arc<Vec<crate::suggest::Suggestion>> {
        let doc = self.doc;
        let article = self.nav.current.and_then(|a| doc.project().article(a));
        match article {
            Some(a) if self.settings.suggestions => {
                let revision = self.revision();
                self.derived.suggest.for_article(doc.project(), revision, a, super::derived::repaint(ctx))
            }
            _ => Arc::default(),
        }
    }

    /// Whether big derived values are computed in a thread: the project is big.
    pub fn threaded(&mut self) -> bool {
        self.counts().spans > super::derived::BACKGROUND_SPANS
    }

    /// Where file dialogs open: the folder last chosen from, else the project's.
    pub fn start_dir(&self) -> Option<&std::path::Path> {
        self.settings.last_dir.as_deref().or_else(|| self.doc.path().and_then(std::path::Path::parent))
    }
}
