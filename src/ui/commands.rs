//! The one registry of the window's commands that have a keyboard shortcut: their name in the
//! menus, their shortcuts, whether they work while typing in a text field. The menus, the key
//! handling and the test of the README's shortcut table all read it (rerun's `UICommand`).

use super::app::Action;
use super::view::{ViewCx, Window};
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    NewProject,
    Open,
    Save,
    SaveAs,
    ImportArticles,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrevious,
    ArticleDetails,
    CorrectText,
    AddFragment,
}

/// The reader's keys and gestures that are not commands: (keys, what they do) as message ids
/// (`reader_keys` says them in the window's language; a test keeps the README's tables the same).
pub const READER_KEYS: &[(&str, &str)] = &[
    ("keys-drag", "keys-drag-does"),
    ("keys-double-click", "keys-double-click-does"),
    ("keys-click-highlight", "keys-click-highlight-does"),
    ("keys-arrows", "keys-arrows-do"),
    ("keys-shift-arrows", "keys-shift-arrows-do"),
    ("keys-label-key", "keys-label-key-does"),
    ("keys-ctrl-label-key", "keys-ctrl-label-key-does"),
    ("keys-delete", "keys-delete-does"),
    ("keys-alt-arrows", "keys-alt-arrows-do"),
    ("keys-alt-shift-arrows", "keys-alt-shift-arrows-do"),
    ("keys-plus-minus", "keys-plus-minus-do"),
    ("keys-link", "keys-link-does"),
    ("keys-tab", "keys-tab-does"),
    ("keys-enter", "keys-enter-does"),
    ("keys-reject", "keys-reject-does"),
    ("keys-escape", "keys-escape-does"),
    ("keys-zoom", "keys-zoom-does"),
];

/// The reader's keys and what they do, in the window's language.
pub fn reader_keys() -> Vec<(String, String)> {
    READER_KEYS.iter().map(|(k, w)| (super::i18n::message(k, None), super::i18n::message(w, None))).collect()
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl UiCommand {
    pub const ALL: [UiCommand; 13] = [
        UiCommand::NewProject,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::ImportArticles,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::Find,
        UiCommand::FindNext,
        UiCommand::FindPrevious,
        UiCommand::ArticleDetails,
        UiCommand::CorrectText,
        UiCommand::AddFragment,
    ];

    /// Its name in the menus.
    pub fn label(self) -> String {
        match self {
            UiCommand::NewProject => t!("commands-new-project"),
            UiCommand::Open => t!("commands-open"),
            UiCommand::Save => t!("commands-save"),
            UiCommand::SaveAs => t!("commands-save-as"),
            UiCommand::ImportArticles => t!("commands-import-articles"),
            UiCommand::Undo => t!("commands-undo"),
            UiCommand::Redo => t!("commands-redo"),
            UiCommand::Find => t!("commands-find-article"),
            UiCommand::FindNext => t!("commands-find-next"),
            UiCommand::FindPrevious => t!("commands-find-previous"),
            UiCommand::ArticleDetails => t!("commands-article-details"),
            UiCommand::CorrectText => t!("commands-correct-article-text"),
            UiCommand::AddFragment => t!("commands-add-selection-span"),
        }
    }

    /// Its shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [key(CTRL, Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [key(CTRL, Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [key(CTRL, Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [key(CTRL_SHIFT, Key::S)];
        const IMPORT: [KeyboardShortcut; 1] = [key(CTRL, Key::I)];
        const UNDO: [KeyboardShortcut; 1] = [key(CTRL, Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)];
        const FIND: [KeyboardShortcut; 1] = [key(CTRL, Key::F)];
        const NEXT: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::F3)];
        const PREVIOUS: [KeyboardShortcut; 1] = [key(Modifiers::SHIFT, Key::F3)];
        const DETAILS: [KeyboardShortcut; 1] = [key(CTRL, Key::E)];
        const CORRECT: [KeyboardShortcut; 1] = [key(CTRL_SHIFT, Key::E)];
        const FRAGMENT: [KeyboardShortcut; 1] = [key(CTRL, Key::G)];
        match self {
            UiCommand::NewProject => &NEW,
            UiCommand::Open => &OPEN,
            UiCommand::Save => &SAVE,
            UiCommand::SaveAs => &SAVE_AS,
            UiCommand::ImportArticles => &IMPORT,
            UiCommand::Undo => &UNDO,
            UiCommand::Redo => &REDO,
            UiCommand::Find => &FIND,
            UiCommand::FindNext => &NEXT,
            UiCommand::FindPrevious => &PREVIOUS,
            UiCommand::ArticleDetails => &DETAILS,
            UiCommand::CorrectText => &CORRECT,
            UiCommand::AddFragment => &FRAGMENT,
        }
    }

    /// Whether the shortcut works while a text field has the keyboard (Ctrl+Z there undoes
    /// the typing, not the project).
    pub fn while_typing(self) -> bool {
        !matches!(self, UiCommand::Undo | UiCommand::Redo | UiCommand::AddFragment)
    }

    /// "Ctrl+Shift+S" / "Ctrl+Maj+S", as the README and the keyboards of the window's language
    /// write it (egui's own symbols in macOS menus).
    pub fn shortcut_text(shortcut: &KeyboardShortcut) -> String {
        let mut parts = Vec::new();
        if shortcut.modifiers.command || shortcut.modifiers.ctrl {
            parts.push(t!("key-ctrl"));
        }
        if shortcut.modifiers.alt {
            parts.push(t!("key-alt"));
        }
        if shortcut.modifiers.shift {
            parts.push(t!("key-shift"));
        }
        parts.push(shortcut.logical_key.name().to_string());
        parts.join("+")
    }
}

impl UiCommand {
    /// What it does: one action, whether from its shortcut or its menu entry.
    pub fn action(self) -> Action {
        match self {
            UiCommand::NewProject => Action::New,
            UiCommand::Open => Action::OpenDialog,
            UiCommand::Save => Action::Save,
            UiCommand::SaveAs => Action::SaveAsDialog,
            UiCommand::ImportArticles => Action::ImportDialog,
            UiCommand::Undo => Action::Undo,
            UiCommand::Redo => Action::Redo,
            UiCommand::Find => Action::OpenFind,
            UiCommand::FindNext => Action::FindNext { back: false },
            UiCommand::FindPrevious => Action::FindNext { back: true },
            UiCommand::ArticleDetails => Action::Show(Window::ArticleDetails),
            UiCommand::CorrectText => Action::Show(Window::CorrectText),
            UiCommand::AddFragment => Action::AddFragment,
        }
    }
}

/// Fires the commands whose shortcut was pressed. The most specific shortcuts are tried first
/// (Ctrl+Shift+S before Ctrl+S: egui matches Ctrl+S on Ctrl+Shift+S too).
pub fn command_shortcuts(cx: &mut ViewCx<'_>, ctx: &egui::Context) {
    let typing = ctx.text_edit_focused();
    let mut all: Vec<(UiCommand, &KeyboardShortcut)> =
        UiCommand::ALL.iter().flat_map(|&c| c.shortcuts().iter().map(move |s| (c, s))).collect();
    let weight = |s: &KeyboardShortcut| {
        let m = s.modifiers;
        u8::from(m.command || m.ctrl) + u8::from(m.shift) + u8::from(m.alt)
    };
    all.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s)));
    for (c, s) in all {
        if (typing && !c.while_typing()) || !ctx.input_mut(|i| i.consume_shortcut(s)) {
            continue;
        }
        cx.act(c.action());
    }
}

/// A menu entry for a registry command, with its shortcut shown.
pub fn command_button(ui: &mut egui::Ui, cx: &mut ViewCx<'_>, c: UiCommand, label: Option<String>, enabled: bool) {
    let text = label.unwrap_or_else(|| c.label().to_string());
    let mut button = egui::Button::new(text);
    if let Some(s) = c.shortcuts().first() {
        let text = if cfg!(target_os = "macos") { ui.ctx().format_shortcut(s) } else { UiCommand::shortcut_text(s) };
        button = button.shortcut_text(text);
    }
    if ui.add_enabled(enabled, button).clicked() {
        cx.act(c.action());
    }
}
