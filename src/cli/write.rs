//! The output side shared by the two converters (`upstart2systemd`,
//! `systemd2upstart`): the files of one run placed in `-o DIR` with the
//! `--check` / `--diff` / `--force` conventions of [`super::files::place`],
//! counted for the summary line.

use super::Status;
use super::files::{Placed, Placement, place};
use std::path::{Path, PathBuf};

/// The help texts of [`WriteArgs`] for one converter: what it writes
/// ("units", "jobs") is in the words. No trailing period (clap's derive
/// drops it from a doc comment's one sentence; these texts match that).
pub(crate) trait WriteHelp {
    const OUTPUT: &'static str;
    const FORCE: &'static str;
    const CHECK: &'static str;
}

/// The write options of a converter, flattened into its `Args`: `-o DIR`,
/// `--force`, `--check`, `--diff`.
#[derive(Debug, clap::Args)]
pub(crate) struct WriteArgs<H: WriteHelp + Send + Sync + 'static> {
    #[arg(short, long, value_name = "DIR", help = H::OUTPUT)]
    pub(crate) output: Option<PathBuf>,
    #[arg(long, help = H::FORCE)]
    pub(crate) force: bool,
    #[arg(long, requires = "output", help = H::CHECK)]
    pub(crate) check: bool,
    /// Print unified diffs between DIR and the conversion (writes nothing).
    #[arg(long, requires = "output")]
    pub(crate) diff: bool,
    #[arg(skip)]
    help: std::marker::PhantomData<H>,
}

impl<H: WriteHelp + Send + Sync + 'static> WriteArgs<H> {
    /// Whether files are written into DIR (not stdout, not `--check`/`--diff`).
    pub(crate) fn writes(&self) -> bool {
        self.output.is_some() && !self.check && !self.diff
    }

    /// The batch of files for `-o DIR`; None without it (stdout).
    pub(crate) fn batch(&self) -> Option<Batch<'_>> {
        self.output.as_deref().map(|dir| {
            Batch::new(
                dir,
                Placement {
                    check: self.check,
                    diff: self.diff,
                    force: self.force,
                },
            )
        })
    }
}

/// The files of one run in DIR, and what became of them.
pub(crate) struct Batch<'a> {
    dir: &'a Path,
    how: Placement,
    written: usize,
    unchanged: usize,
    differ: usize,
}

impl<'a> Batch<'a> {
    pub(crate) fn new(dir: &'a Path, how: Placement) -> Self {
        Self {
            dir,
            how,
            written: 0,
            unchanged: 0,
            differ: 0,
        }
    }

    /// Place `text` as `name` in DIR (or compare it under `--check` /
    /// `--diff`), raising `status` on a difference or an error. True when
    /// the file in DIR now holds `text`: written, or found unchanged when
    /// writing.
    pub(crate) fn place(&mut self, name: &str, text: &str, status: &mut Status) -> bool {
        match place(self.dir, name, text, &self.how) {
            Ok(Placed::Unchanged) => {
                self.unchanged += 1;
                !(self.how.check || self.how.diff)
            }
            Ok(Placed::Differs) => {
                self.differ += 1;
                *status = (*status).max(Status::Problems);
                false
            }
            Ok(Placed::Written) => {
                self.differ += 1;
                self.written += 1;
                true
            }
            Err(s) => {
                self.differ += 1;
                *status = (*status).max(s);
                false
            }
        }
    }

    /// The end of the run: the written files made durable (a failure raises
    /// `status`), and the counts for the summary line (`2 written, 1
    /// unchanged`, or `1 differ, 2 unchanged` under `--check` / `--diff`).
    pub(crate) fn finish(self, status: &mut Status) -> String {
        if let Err(s) = super::files::sync_batch(self.dir, self.written) {
            *status = (*status).max(s);
        }
        if self.how.check || self.how.diff {
            format!("{} differ, {} unchanged", self.differ, self.unchanged)
        } else {
            format!("{} written, {} unchanged", self.written, self.unchanged)
        }
    }
}

/// `create_dir_all` of `-o DIR` when the run writes (`writes`): false, with
/// the error on stderr, when it cannot be created.
pub(crate) fn create_output_dir(dir: Option<&Path>, writes: bool) -> bool {
    if let Some(dir) = dir
        && writes
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        super::eprint(&format!("{}: cannot create: {e}\n", dir.display()));
        return false;
    }
    true
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
