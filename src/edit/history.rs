//! Undo and redo: each stack holds the commands that take the project one step back or forth.
//! Every change gets a revision number that no other change in the process ever had (not even
//! in another document), so a view caching on it can never show an older project's state after
//! Open or Reload.

use super::{Command, EditError};
use crate::model::Project;
use std::sync::atomic::{AtomicU64, Ordering};

static REVISIONS: AtomicU64 = AtomicU64::new(1);

/// A revision number never handed out before in this process.
pub fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

/// What views cache on: the last change of any kind, and the last change of any article's
/// text (a span edit repaints; only a text change lays the text out again).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Revision {
    pub change: u64,
    pub text: u64,
}

struct Step {
    /// What the user did, for "Undo add span".
    what: String,
    command: Command,
}

/// Undo/redo stacks for one project.
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Renewed on every change (do, undo, redo): views cache on it.
    revision: Revision,
}

impl Default for History {
    fn default() -> Self {
        let fresh = next_revision();
        History { undo: Vec::new(), redo: Vec::new(), revision: Revision { change: fresh, text: fresh } }
    }
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    fn bump(revision: &mut Revision, cmd: &Command) {
        revision.change = next_revision();
        if cmd.touches_text() {
            revision.text = revision.change;
        }
    }

    /// Applies `cmd` as a new step (giving its `NEW` ids); clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, mut cmd: Command) -> Result<(), EditError> {
        cmd.give_ids(project);
        let what = cmd.describe();
        let text = cmd.touches_text();
        let inverse = cmd.apply(project)?;
        self.undo.push(Step { what, command: inverse });
        self.redo.clear();
        self.revision.change = next_revision();
        if text {
            self.revision.text = self.revision.change;
        }
        Ok(())
    }

    /// Undoes the last step. Returns the command that was applied to do so, if any.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<Command>, EditError> {
        Self::shift(project, &mut self.undo, &mut self.redo, &mut self.revision)
    }

    /// Redoes the last undone step. Returns the command that was applied, if any.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<Command>, EditError> {
        Self::shift(project, &mut self.redo, &mut self.undo, &mut self.revision)
    }

    fn shift(
        project: &mut Project,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        rev: &mut Revision,
    ) -> Result<Option<Command>, EditError> {
        let Some(step) = from.pop() else { return Ok(None) };
        let applied = step.command.clone();
        match step.command.apply(project) {
            Ok(inverse) => {
                to.push(Step { what: step.what, command: inverse });
                Self::bump(rev, &applied);
                Ok(Some(applied))
            }
            Err(e) => {
                // The project no longer fits this step (should not happen): drop the stack.
                from.clear();
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the next undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.what.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.what.as_str())
    }

    /// The last change; a view whose cached revision differs must refresh. Unique in the
    /// process: two documents never share one.
    pub fn revision(&self) -> u64 {
        self.revision.change
    }

    /// The last change and the last text change.
    pub fn revisions(&self) -> Revision {
        self.revision
    }

    /// Forgets every step (the project was replaced, e.g. by a recovery): everything is new.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        let fresh = next_revision();
        self.revision = Revision { change: fresh, text: fresh };
    }
}
