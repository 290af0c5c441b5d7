//! Undo and redo: each stack holds the commands that take the project one step back or forth.

use super::{Command, EditError};
use crate::model::Project;

struct Step {
    /// What the user did, for "Undo add span".
    what: String,
    command: Command,
}

/// Undo/redo stacks for one project.
#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Bumped on every change (do, undo, redo): views cache on it.
    revision: u64,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `cmd` as a new step; clears the redo stack. Returns the command as applied,
    /// for the journal.
    pub fn apply(&mut self, project: &mut Project, cmd: Command) -> Result<(), EditError> {
        let what = cmd.describe();
        let inverse = cmd.apply(project)?;
        self.undo.push(Step { what, command: inverse });
        self.redo.clear();
        self.revision += 1;
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
        rev: &mut u64,
    ) -> Result<Option<Command>, EditError> {
        let Some(step) = from.pop() else { return Ok(None) };
        let applied = step.command.clone();
        match step.command.apply(project) {
            Ok(inverse) => {
                to.push(Step { what: step.what, command: inverse });
                *rev += 1;
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

    /// Counts every change; a view whose cached revision differs must refresh.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
    }
}
