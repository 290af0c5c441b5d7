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

/// The reader's keys and gestures that are not commands, as the README's table writes them
/// (a test keeps the two the same).
pub const READER_KEYS: &[(&str, &str)] = &[
    ("drag", "select, snapped to whole words; Alt drags exact characters"),
    ("double-click", "select a word"),
    ("click a highlight", "select its span; click again to cycle through overlapping spans"),
    ("←/→, Ctrl+←/→, ↑/↓, Home/End", "move the caret (by character, word, line)"),
    ("Shift + any of those", "extend the selection"),
    ("1–9 (the label's key)", "label the selection, or relabel the selected span"),
    ("Ctrl+1–9", "make that label sticky: every new selection gets it"),
    ("Del / Backspace", "delete the selected span (and its relations)"),
    ("Alt+→ / Alt+←", "grow / shrink the selected span's end by a word"),
    ("Alt+Shift+← / Alt+Shift+→", "grow / shrink its start by a word"),
    ("+ / −", "the selected span's stance: agree / disagree, or up / down its label's scale"),
    ("L", "link the selected span: click the other span, or Tab/Shift+Tab to it and Enter; then 1–9 picks the type"),
    ("Tab / Shift+Tab", "make the next / previous suggestion current (outlined: learned from your spans)"),
    ("Enter, click a suggestion", "accept the current suggestion (a span credited to you), the next becomes current"),
    ("X / Backspace", "reject the current suggestion (when no span is selected): never suggested there again"),
    ("Esc", "cancel linking, close find, clear the selection and the current suggestion"),
    ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "zoom"),
];

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
    pub fn label(self) -> &'static str {
        match self {
            UiCommand::NewProject => "New project",
            UiCommand::Open => "Open…",
            UiCommand::Save => "Save",
            UiCommand::SaveAs => "Save as…",
            UiCommand::ImportArticles => "Import articles…",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::Find => "Find in article",
            UiCommand::FindNext => "Find next",
            UiCommand::FindPrevious => "Find previous",
            UiCommand::ArticleDetails => "Article details…",
            UiCommand::CorrectText => "Correct article text…",
            UiCommand::AddFragment => "Add the selection to the span",
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

    /// "Ctrl+Shift+S", as the README writes it (egui's own text on this platform in menus).
    pub fn shortcut_text(shortcut: &KeyboardShortcut) -> String {
        let mut parts = Vec::new();
        if shortcut.modifiers.command || shortcut.modifiers.ctrl {
            parts.push("Ctrl".to_string());
        }
        if shortcut.modifiers.alt {
            parts.push("Alt".to_string());
        }
        if shortcut.modifiers.shift {
            parts.push("Shift".to_string());
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
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    if ui.add_enabled(enabled, button).clicked() {
        cx.act(c.action());
    }
}
