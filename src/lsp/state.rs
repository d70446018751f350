//! What the server knows: the open documents and the job sets they belong
//! to, each set with its jobs (the open text where a job is open, else the
//! file on disk) and the configs of `.upstart-lint.toml` that apply.
//!
//! A set is every job file under an `init` directory of a workspace folder
//! (one job set, as the jobs of a ChromiumOS tree end up in one
//! `/etc/init`), or, for a file outside every folder, the jobs of its
//! directory (as `upstart-lint FILE` reads its siblings).

use super::uri;
use crate::diag::Diagnostic;
use crate::lint::config::{Config, Overrides, ShellcheckMode, discover};
use crate::lint::{Input, lint};
use crate::load::{ParsedFile, file_kind, job_name, read_file};
use lsp_types::Uri;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Which set a document belongs to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SetKey {
    /// The jobs under a workspace folder.
    Folder(PathBuf),
    /// The jobs of a directory outside every folder.
    Dir(PathBuf),
    /// A document without a file (`untitled:`): alone.
    Alone(String),
}

/// An open document.
pub(crate) struct Document {
    pub uri: Uri,
    pub path: PathBuf,
    pub text: String,
    pub version: i32,
    pub set: SetKey,
    /// The diagnostics last published, for code actions.
    pub diagnostics: Vec<Diagnostic>,
    /// The last publication left out the slow passes (shellcheck), or the
    /// context changed since: lint again when the client is idle.
    pub stale: bool,
    /// The number of lines at the last slow lint (whose shellcheck
    /// findings are kept while it stays the same).
    pub slow_lines: Option<usize>,
}

/// One job set.
#[derive(Default)]
pub(crate) struct JobSet {
    pub inputs: Vec<Input>,
    pub configs: Vec<Config>,
    /// The same configs without shellcheck: what runs on each keystroke.
    fast_configs: Vec<Config>,
    config_of_dir: BTreeMap<PathBuf, usize>,
    /// Job names are relative to this directory (or to an `init`
    /// directory below it).
    root: Option<PathBuf>,
    /// Problems with config files, said once to the client.
    pub config_errors: Vec<String>,
}

impl JobSet {
    /// The set of every job file under `root` (workspace folder) or in
    /// `dir` only.
    pub(crate) fn load(dir: &Path, recursive: bool) -> Self {
        let mut set = Self {
            root: recursive.then(|| dir.to_path_buf()),
            ..Self::default()
        };
        let walk = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .max_depth(if recursive { usize::MAX } else { 1 });
        let files: Vec<PathBuf> = walk
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !e.file_type().is_dir()
                    || !e.file_name().to_str().is_some_and(skipped_dir)
            })
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && file_kind(e.path()).is_some())
            // In a folder, only jobs under an `init` directory: a
            // repository's other `.conf` files are not upstart's.
            .filter(|e| !recursive || is_job_document(e.path(), ""))
            .map(walkdir::DirEntry::into_path)
            .collect();
        for path in files {
            if let Ok(bytes) = read_file(&path) {
                set.upsert(&path, bytes);
            }
        }
        set
    }

    /// A set of one document that has no file.
    pub(crate) fn alone(path: &Path, text: &str) -> Self {
        let mut set = Self::default();
        set.configs.push(Config::default());
        set.fast_configs.push(fast(Config::default()));
        set.inputs.push(Input {
            name: job_name(path, None),
            file: ParsedFile::from_bytes(path, text.as_bytes().to_vec()),
            config: 0,
            report: false,
        });
        set
    }

    pub(crate) fn index_of(&self, path: &Path) -> Option<usize> {
        self.inputs.iter().position(|i| i.file.path == path)
    }

    /// Put `bytes` in as the job at `path` (replacing it); its index.
    pub(crate) fn upsert(&mut self, path: &Path, bytes: Vec<u8>) -> usize {
        let file = ParsedFile::from_bytes(path, bytes);
        if let Some(i) = self.index_of(path) {
            self.inputs[i].file = file;
            return i;
        }
        let config = self.config_for(path);
        self.inputs.push(Input {
            name: self.name_of(path),
            file,
            config,
            report: false,
        });
        self.inputs.len() - 1
    }

    pub(crate) fn remove(&mut self, path: &Path) {
        self.inputs.retain(|i| i.file.path != path);
    }

    /// Forget the configs (a config file changed) and find them again.
    pub(crate) fn reload_configs(&mut self) {
        self.configs.clear();
        self.fast_configs.clear();
        self.config_of_dir.clear();
        self.config_errors.clear();
        for i in 0..self.inputs.len() {
            let path = self.inputs[i].file.path.clone();
            self.inputs[i].config = self.config_for(&path);
        }
    }

    /// The job name: relative to the nearest `init` directory below the
    /// folder, else to the folder; the file stem outside a folder.
    fn name_of(&self, path: &Path) -> String {
        let Some(root) = &self.root else {
            return job_name(path, None);
        };
        let init = path
            .ancestors()
            .skip(1)
            .take_while(|a| a.starts_with(root))
            .find(|a| a.file_name().is_some_and(|n| n == "init"));
        job_name(path, Some(init.unwrap_or(root)))
    }

    /// The config of the directory of `path`, loaded once.
    fn config_for(&mut self, path: &Path) -> usize {
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        if let Some(&i) = self.config_of_dir.get(&dir) {
            return i;
        }
        let config = match discover(&dir) {
            Some(file) => Config::load(&file, &Overrides::default()).unwrap_or_else(|e| {
                self.config_errors.push(e);
                Config::default()
            }),
            None => Config::default(),
        };
        let i = match self.configs.iter().position(|c| c.path == config.path) {
            Some(i) => i,
            None => {
                self.fast_configs.push(fast(config.clone()));
                self.configs.push(config);
                self.configs.len() - 1
            }
        };
        self.config_of_dir.insert(dir, i);
        i
    }

    /// Lint the job at `index` with the others as context; `slow` runs
    /// shellcheck too (when its config wants it).
    pub(crate) fn lint_one(&mut self, index: usize, slow: bool) -> Vec<Diagnostic> {
        for (i, input) in self.inputs.iter_mut().enumerate() {
            input.report = i == index;
        }
        let configs = if slow {
            &self.configs
        } else {
            &self.fast_configs
        };
        lint(&self.inputs, configs).diagnostics
    }

    /// Whether the fast lint of the job at `index` leaves a pass out.
    pub(crate) fn has_slow_passes(&self, index: usize) -> bool {
        self.inputs
            .get(index)
            .and_then(|i| self.configs.get(i.config))
            .is_some_and(|c| c.shellcheck != ShellcheckMode::Off)
    }

    /// Lint every job of the set: the diagnostics of each, by index.
    pub(crate) fn lint_all(&mut self) -> Vec<Vec<Diagnostic>> {
        for input in &mut self.inputs {
            input.report = true;
        }
        let result = lint(&self.inputs, &self.configs);
        let by_name: BTreeMap<&str, usize> = self
            .inputs
            .iter()
            .enumerate()
            .map(|(i, input)| (input.file.source.name.as_str(), i))
            .collect();
        let mut out = vec![Vec::new(); self.inputs.len()];
        for d in result.diagnostics {
            if let Some(&i) = by_name.get(d.file.as_str()) {
                out[i].push(d);
            }
        }
        out
    }

    /// The URI of a job of the set.
    pub(crate) fn uri_of(&self, index: usize) -> Option<Uri> {
        uri::from_path(&self.inputs.get(index)?.file.path)
    }
}

/// The config without shellcheck.
fn fast(mut config: Config) -> Config {
    config.shellcheck = ShellcheckMode::Off;
    config
}

/// Directories no job set has: version control, build output, editors'.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') || matches!(name, "target" | "node_modules" | "build" | "out")
}

/// Whether the server handles a document: language id `upstart`, or a
/// `.conf`/`.override` file under an `init` directory.
pub(crate) fn is_job_document(path: &Path, language_id: &str) -> bool {
    language_id == "upstart"
        || (file_kind(path).is_some()
            && path
                .ancestors()
                .skip(1)
                .any(|a| a.file_name().is_some_and(|n| n == "init")))
}
