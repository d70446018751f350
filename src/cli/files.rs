//! Writing generated files: atomic replacement, and the `--check` /
//! `--diff` / `--force` conventions shared by the converters.

use super::{Status, eprint, write_stdout};
use std::io::Write;
use std::path::Path;

/// Replace a file's contents atomically: write a temporary file in the same
/// directory, copy the permissions, then rename it over the target (through
/// a symlink, the file it points to is replaced).
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let perms = std::fs::metadata(&target)?.permissions();
    persist(&target, contents, perms)
}

/// Create (or replace) `target` atomically with mode 0644.
pub(crate) fn create_atomic(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    persist(
        target,
        contents,
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
}

/// A temporary file beside `target`, synced, given `perms`, renamed over it.
/// The temporary file is removed on any error.
fn persist(target: &Path, contents: &[u8], perms: std::fs::Permissions) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".upstart-tools-")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff from `old` (None: the file does not exist) to `new`.
pub(crate) fn unified_diff(old: Option<&str>, new: &str, old_name: &str, new_name: &str) -> String {
    let old_name = if old.is_some() { old_name } else { "/dev/null" };
    similar::TextDiff::from_lines(old.unwrap_or(""), new)
        .unified_diff()
        .header(old_name, new_name)
        .to_string()
}

/// How a converter places its output files.
pub(crate) struct Placement {
    /// Report files that would change, write nothing (the caller exits 1).
    pub check: bool,
    /// Print diffs against the files on disk, write nothing.
    pub diff: bool,
    /// Overwrite a file with other contents.
    pub force: bool,
}

/// What happened to one output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placed {
    /// The file already has these contents.
    Unchanged,
    /// `--check`/`--diff`: it would change (reported).
    Differs,
    Written,
}

/// Compare `text` with `target` on disk, then report (`--check`, `--diff`)
/// or write it atomically. Problems are reported on stderr with the path;
/// the error is the status they set.
pub(crate) fn place(target: &Path, text: &str, how: &Placement) -> Result<Placed, Status> {
    let shown = target.display();
    let existing = match crate::load::read_file(target) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            eprint(&format!("{shown}: error: cannot read: {e}\n"));
            return Err(Status::Error);
        }
    };
    if existing.as_deref() == Some(text.as_bytes()) {
        return Ok(Placed::Unchanged);
    }
    if how.check || how.diff {
        if how.diff {
            let old = existing.as_deref().map(String::from_utf8_lossy);
            let name = shown.to_string();
            if write_stdout(&unified_diff(old.as_deref(), text, &name, &name)).is_err() {
                return Err(Status::Error);
            }
        }
        if how.check {
            let what = if existing.is_some() {
                "would change"
            } else {
                "would be created"
            };
            eprint(&format!("{shown}: {what}\n"));
        }
        return Ok(Placed::Differs);
    }
    if existing.is_some() && !how.force {
        eprint(&format!(
            "{shown}: error: exists with other contents; not overwritten (use --force)\n"
        ));
        return Err(Status::Error);
    }
    create_atomic(target, text.as_bytes()).map_err(|e| {
        eprint(&format!("{shown}: error: cannot write: {e}\n"));
        Status::Error
    })?;
    Ok(Placed::Written)
}
