//! Walking a job directory as upstart's init does: recursively, following
//! symlinks, in name order, skipping hidden, backup and version-control
//! directories. Every command that takes a directory walks it here, so they
//! all find the same jobs and report the same problems in the same words.

use crate::load::{FileKind, file_kind, job_name};
use std::path::{Path, PathBuf};

/// One result of a walk.
pub(crate) enum Entry {
    /// A file of a wanted kind, with the job name it has under the root.
    File { path: PathBuf, name: String },
    /// A path that could not be walked, and why in words.
    Unreadable { path: PathBuf, why: String },
    /// A file named like a job that upstart does not load (`foo.conf~`,
    /// `foo.conf.dpkg-old`, `foo.override.bak`): lint reports it (UL601).
    Ignored { path: PathBuf },
}

/// The files under `root` whose kind `want` accepts, in name order, and the
/// paths that could not be walked. A broken link whose name upstart would
/// not load anyway is no input and not reported.
pub(crate) fn walk(root: &Path, want: fn(FileKind) -> bool) -> impl Iterator<Item = Entry> + '_ {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !e.file_name().to_str().is_some_and(skipped_dir)
        })
        .filter_map(move |entry| match entry {
            Ok(e) => {
                if e.file_type().is_dir() {
                    return None;
                }
                match file_kind(e.path()) {
                    Some(kind) if want(kind) => {}
                    None if looks_like_a_job(e.file_name()) => {
                        return Some(Entry::Ignored {
                            path: e.path().to_path_buf(),
                        });
                    }
                    _ => return None,
                }
                Some(Entry::File {
                    name: job_name(e.path(), Some(root)),
                    path: e.path().to_path_buf(),
                })
            }
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let why = match (err.loop_ancestor(), err.io_error()) {
                    (Some(ancestor), _) => {
                        format!("symlink loop (it leads back to {})", ancestor.display())
                    }
                    (None, _) if err.depth() > 0 && !file_kind(&path).is_some_and(want) => {
                        return None;
                    }
                    (None, Some(io)) => match std::fs::symlink_metadata(&path) {
                        Ok(m)
                            if m.file_type().is_symlink()
                                && io.kind() == std::io::ErrorKind::NotFound =>
                        {
                            "dangling symlink (its target does not exist)".to_string()
                        }
                        _ => describe(io),
                    },
                    (None, None) => err.to_string(),
                };
                Some(Entry::Unreadable { path, why })
            }
        })
}

/// The paths of a command line, in order: a directory gives the files under
/// it that `want` accepts, a file (or `-`) itself; each file once.
pub(crate) fn expand(paths: &[PathBuf], want: fn(FileKind) -> bool) -> Vec<Entry> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            out.extend(walk(p, want).filter(|e| match e {
                Entry::File { path, .. } => seen.insert(path.clone()),
                Entry::Unreadable { .. } | Entry::Ignored { .. } => true,
            }));
        } else if p.as_os_str() == "-" || seen.insert(p.clone()) {
            out.push(Entry::File {
                path: p.clone(),
                name: job_name(p, None),
            });
        }
    }
    out
}

/// A name with `.conf` or `.override` inside it followed by a suffix (a
/// backup, an editor or packaging copy, a disabled job), or just `.conf`:
/// upstart takes the text after the last `.` as the extension and skips it.
fn looks_like_a_job(name: &std::ffi::OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    // What editors and packaging tools append: `~`, `.bak`, `-old`, `#`…
    let suffix_start = |c: char| matches!(c, '.' | '~' | '-' | '_' | '#' | ',');
    name == ".conf"
        || [".conf", ".override"].iter().any(|ext| {
            name.get(1..).is_some_and(|rest| {
                rest.match_indices(ext)
                    .any(|(i, _)| rest[i + ext.len()..].starts_with(suffix_start))
            })
        })
}

/// Directories upstart does not load jobs from.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || matches!(name, "RCS" | "CVS" | "SCCS" | "lost+found")
        || name.ends_with(".dpkg-old")
        || name.ends_with(".dpkg-new")
}

/// An I/O error in words (without the `(os error N)` suffix).
pub(crate) fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(40) => {
            "symlink loop (too many levels of symbolic links)".into()
        }
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_what_upstart_skips() {
        for name in [
            ".git",
            "old~",
            "RCS",
            "CVS",
            "SCCS",
            "lost+found",
            "x.dpkg-old",
            "x.dpkg-new",
        ] {
            assert!(skipped_dir(name), "{name}");
        }
        for name in ["net", "dpkg", "conf.d"] {
            assert!(!skipped_dir(name), "{name}");
        }
    }

    #[test]
    fn job_lookalikes_are_told_apart() {
        for name in [
            "foo.conf~",
            "foo.conf.dpkg-old",
            "foo.conf.bak",
            "foo.conf.disabled",
            "foo.override.orig",
            ".conf",
        ] {
            assert!(looks_like_a_job(std::ffi::OsStr::new(name)), "{name}");
        }
        for name in [
            "README",
            "foo.sh",
            ".confrc",
            "conf",
            "foo.config",
            "x.overrides",
        ] {
            assert!(!looks_like_a_job(std::ffi::OsStr::new(name)), "{name}");
        }
    }

    #[test]
    fn describes_errors_without_os_codes() {
        let e = std::io::Error::from_raw_os_error(40);
        assert_eq!(
            describe(&e),
            "symlink loop (too many levels of symbolic links)"
        );
        let e = std::io::Error::from_raw_os_error(21);
        assert_eq!(describe(&e), "Is a directory");
    }
}
