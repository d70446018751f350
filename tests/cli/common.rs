//! Shared test helpers: fixtures, the golden-file harness and the corpus.

use std::path::{Path, PathBuf};

pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// `../shared/<rel>` when present (developers and CI). In a user's clone,
/// where it is absent, `None`: the test says it skipped, on the terminal
/// (written past libtest's capture, which would hide it for a passing
/// test). Under `CI=true` an absent folder fails the test: CI must check
/// against the shared data.
pub(crate) fn shared_dir(rel: &str) -> Option<PathBuf> {
    use std::io::Write as _;
    let dir = root().join("..").join("shared").join(rel);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{} is absent, and CI=true: CI runs with ../shared beside the project",
        dir.display()
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {} is absent (a test that needs it checks nothing)",
        dir.display()
    );
    None
}

/// `../shared/corpus/<kind>`: see [`shared_dir`].
pub(crate) fn corpus_dir(kind: &str) -> Option<PathBuf> {
    shared_dir(&format!("corpus/{kind}"))
}

/// Sorted list of files with the given extension in `dir`.
pub(crate) fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// The header of a snapshot file: what it was made from and how.
pub(crate) fn snapshot_header(input: &str, command: &str) -> String {
    format!("# input: {input}\n# command: {command}\n{SNAPSHOT_HEADER_END}\n")
}

const SNAPSHOT_HEADER_END: &str = "# ---";

/// `(header, body)` of a snapshot file's text; the header is empty when
/// the file has none.
pub(crate) fn split_snapshot(text: &str) -> (&str, &str) {
    if text.starts_with("# input: ") {
        let end = format!("\n{SNAPSHOT_HEADER_END}\n");
        if let Some(at) = text.find(&end) {
            return text.split_at(at + end.len());
        }
    }
    ("", text)
}

/// Compare `actual` with `snapshots/<name>.snap`, whose header names the
/// `input` and the `command` that gave it; the header is checked on its
/// own and stripped before the comparison. With `UPDATE_SNAPSHOTS=1` the
/// file is (re)written instead; review the diff before committing.
pub(crate) fn assert_snapshot(name: &str, input: &str, command: &str, actual: &str) {
    let path = root().join("snapshots").join(format!("{name}.snap"));
    let header = snapshot_header(input, command);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, format!("{header}{actual}"))
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing snapshot {} ({e}); run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    let (found, expected) = split_snapshot(&text);
    assert_eq!(
        found,
        header,
        "snapshot {} names another input or command (re-run with UPDATE_SNAPSHOTS=1)",
        path.display()
    );
    if expected != actual {
        let diff = similar::TextDiff::from_lines(expected, actual)
            .unified_diff()
            .header("expected", "actual")
            .to_string();
        let shown: String = diff.lines().take(80).collect::<Vec<_>>().join("\n");
        panic!(
            "snapshot {} differs:\n{shown}\n(re-run with UPDATE_SNAPSHOTS=1 to accept, then review `git diff snapshots/`)",
            path.display()
        );
    }
}

/// A command for one of the package's binaries, with deterministic output.
pub(crate) fn bin(name: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    cmd.env("NO_COLOR", "1").current_dir(root());
    cmd
}

/// One run of one of the package's binaries, written as a specification
/// (in the spirit of `just`'s `Test::new()`):
///
/// ```ignore
/// Test::new("upstart-lint")
///     .file("init/foo.conf", "exec /bin/true\n") // into the test's tempdir
///     .args(["--isolated", "init"])
///     .current_dir_in_tempdir()
///     .expect_status(0)
///     .expect_stdout("")
///     .run();
/// ```
///
/// Every test has its own temporary directory, created at once: `file`,
/// `dir`, `mode` and `symlink` prepare it, `tmp_arg` passes a path in it.
/// The command runs in the project root unless told otherwise, with
/// `NO_COLOR=1` and a timeout. `run` checks every expectation (the
/// message shows the command, the status, stdout and stderr) and returns
/// the [`Output`], which keeps the tempdir alive for further checks and
/// runs ([`Output::next`]).
#[must_use = "a Test does nothing until .run()"]
pub(crate) struct Test {
    bin: String,
    args: Vec<std::ffi::OsString>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
    env_remove: Vec<String>,
    cwd: Cwd,
    tempdir: tempfile::TempDir,
    timeout: std::time::Duration,
    utf8_stdout: bool,
    close_stdout: bool,
    status: Option<i32>,
    status_not: Vec<i32>,
    stdout: Option<String>,
    stdout_bytes: Option<Vec<u8>>,
    stderr: Option<String>,
    stdout_contains: Vec<String>,
    stdout_lacks: Vec<String>,
    stderr_contains: Vec<String>,
    stderr_lacks: Vec<String>,
}

enum Cwd {
    Root,
    Tempdir(String),
    Path(PathBuf),
}

impl Test {
    pub(crate) fn new(bin: &str) -> Self {
        Self::with_tempdir(
            bin,
            tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}")),
        )
    }

    /// A run in an existing temporary directory (see also [`Output::next`]).
    pub(crate) fn with_tempdir(bin: &str, tempdir: tempfile::TempDir) -> Self {
        Self {
            bin: bin.to_string(),
            args: Vec::new(),
            stdin: None,
            env: Vec::new(),
            env_remove: Vec::new(),
            cwd: Cwd::Root,
            tempdir,
            timeout: std::time::Duration::from_mins(1),
            utf8_stdout: false,
            close_stdout: false,
            status: None,
            status_not: Vec::new(),
            stdout: None,
            stdout_bytes: None,
            stderr: None,
            stdout_contains: Vec::new(),
            stdout_lacks: Vec::new(),
            stderr_contains: Vec::new(),
            stderr_lacks: Vec::new(),
        }
    }

    pub(crate) fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub(crate) fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// The absolute path of `rel` in the tempdir, as an argument.
    pub(crate) fn tmp_arg(self, rel: &str) -> Self {
        let path = self.path(rel);
        self.arg(path)
    }

    /// The path of `rel` in the tempdir.
    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        in_dir(self.tempdir.path(), rel)
    }

    /// Write `contents` to `rel` in the tempdir (parents created).
    pub(crate) fn file(self, rel: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        self
    }

    /// Create the directory `rel` in the tempdir (`.git` makes it a repository).
    pub(crate) fn dir(self, rel: &str) -> Self {
        let path = self.path(rel);
        std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("mkdir {}: {e}", path.display()));
        self
    }

    /// Set the permission bits of `rel` in the tempdir.
    pub(crate) fn mode(self, rel: &str, mode: u32) -> Self {
        use std::os::unix::fs::PermissionsExt as _;
        let path = self.path(rel);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
            .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
        self
    }

    /// Make `rel` in the tempdir a symlink to `target` (taken as written).
    pub(crate) fn symlink(self, target: impl AsRef<Path>, rel: &str) -> Self {
        let path = self.path(rel);
        std::os::unix::fs::symlink(target.as_ref(), &path)
            .unwrap_or_else(|e| panic!("symlink {}: {e}", path.display()));
        self
    }

    pub(crate) fn stdin(mut self, stdin: impl AsRef<[u8]>) -> Self {
        self.stdin = Some(stdin.as_ref().to_vec());
        self
    }

    pub(crate) fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub(crate) fn env_remove(mut self, key: &str) -> Self {
        self.env_remove.push(key.to_string());
        self
    }

    /// Run in the tempdir (the default is the project root).
    pub(crate) fn current_dir_in_tempdir(self) -> Self {
        self.current_dir_in_tempdir_sub("")
    }

    /// Run in `rel` under the tempdir.
    pub(crate) fn current_dir_in_tempdir_sub(mut self, rel: &str) -> Self {
        self.cwd = Cwd::Tempdir(rel.to_string());
        self
    }

    pub(crate) fn current_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cwd = Cwd::Path(dir.into());
        self
    }

    /// The longest the command may run (60 s unless told).
    #[allow(dead_code)] // no converted test needs another bound yet
    pub(crate) fn timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Fail unless stdout is valid UTF-8 (otherwise it is read lossily).
    pub(crate) fn utf8_stdout(mut self) -> Self {
        self.utf8_stdout = true;
        self
    }

    /// Close the reading end of stdout at once, as `| head -0` would
    /// (stdout is then empty; there is no timeout).
    pub(crate) fn close_stdout(mut self) -> Self {
        self.close_stdout = true;
        self
    }

    /// The prepared tempdir, for a series of runs in it
    /// ([`Test::with_tempdir`]); nothing runs.
    pub(crate) fn into_tempdir(self) -> tempfile::TempDir {
        self.tempdir
    }

    pub(crate) fn expect_status(mut self, code: i32) -> Self {
        self.status = Some(code);
        self
    }

    /// Any outcome but exit status `code` (a signal is not `code`).
    pub(crate) fn expect_status_not(mut self, code: i32) -> Self {
        self.status_not.push(code);
        self
    }

    /// Stdout is exactly `text`.
    pub(crate) fn expect_stdout(mut self, text: &str) -> Self {
        self.stdout = Some(text.to_string());
        self
    }

    /// Stdout is exactly these bytes.
    pub(crate) fn expect_stdout_bytes(mut self, bytes: impl AsRef<[u8]>) -> Self {
        self.stdout_bytes = Some(bytes.as_ref().to_vec());
        self
    }

    /// Stderr is exactly `text`.
    pub(crate) fn expect_stderr(mut self, text: &str) -> Self {
        self.stderr = Some(text.to_string());
        self
    }

    pub(crate) fn stdout_contains(mut self, text: &str) -> Self {
        self.stdout_contains.push(text.to_string());
        self
    }

    pub(crate) fn stdout_lacks(mut self, text: &str) -> Self {
        self.stdout_lacks.push(text.to_string());
        self
    }

    pub(crate) fn stderr_contains(mut self, text: &str) -> Self {
        self.stderr_contains.push(text.to_string());
        self
    }

    pub(crate) fn stderr_lacks(mut self, text: &str) -> Self {
        self.stderr_lacks.push(text.to_string());
        self
    }

    /// The command as a shell would show it (tempdir paths as `$TMP`).
    fn command_line(&self) -> String {
        let tmp = self.tempdir.path().display().to_string();
        std::iter::once(self.bin.clone())
            .chain(
                self.args
                    .iter()
                    .map(|a| a.to_string_lossy().replace(&tmp, "$TMP")),
            )
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Run the command and check every expectation.
    pub(crate) fn run(self) -> Output {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin(&self.bin));
        cmd.env("NO_COLOR", "1")
            .current_dir(root())
            .args(&self.args);
        match &self.cwd {
            Cwd::Root => {}
            Cwd::Tempdir(rel) => {
                cmd.current_dir(self.path(rel));
            }
            Cwd::Path(dir) => {
                cmd.current_dir(dir);
            }
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        for k in &self.env_remove {
            cmd.env_remove(k);
        }
        let command = self.command_line();
        let out = if self.close_stdout {
            use std::process::Stdio;
            let stdin = if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            };
            let mut child = cmd
                .stdin(stdin)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("`{command}` did not run: {e}"));
            drop(child.stdout.take());
            if let (Some(mut pipe), Some(bytes)) = (child.stdin.take(), &self.stdin) {
                use std::io::Write as _;
                let _ = pipe.write_all(bytes);
            }
            child
                .wait_with_output()
                .unwrap_or_else(|e| panic!("`{command}` did not run: {e}"))
        } else {
            let mut cmd = assert_cmd::Command::from_std(cmd);
            cmd.timeout(self.timeout);
            if let Some(stdin) = &self.stdin {
                cmd.write_stdin(stdin.clone());
            }
            cmd.output()
                .unwrap_or_else(|e| panic!("`{command}` did not run: {e}"))
        };
        let stdout = if self.utf8_stdout {
            String::from_utf8(out.stdout.clone())
                .unwrap_or_else(|e| panic!("`{command}`: stdout is not UTF-8: {e}"))
        } else {
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let output = Output {
            command,
            status: out.status.code(),
            stdout,
            stdout_bytes: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            in_tempdir: matches!(self.cwd, Cwd::Tempdir(_)),
            tempdir: self.tempdir,
        };
        let fail = |what: String| -> ! { panic!("{what}\n{}", output.report()) };
        if let Some(code) = self.status
            && output.status != Some(code)
        {
            fail(format!("expected exit status {code}"));
        }
        for code in &self.status_not {
            if output.status == Some(*code) {
                fail(format!("expected an exit status other than {code}"));
            }
        }
        if let Some(text) = &self.stdout
            && output.stdout != *text
        {
            fail(format!("expected stdout:\n{text}"));
        }
        if let Some(bytes) = &self.stdout_bytes
            && output.stdout_bytes != *bytes
        {
            fail(format!(
                "expected stdout (bytes):\n{}",
                String::from_utf8_lossy(bytes)
            ));
        }
        if let Some(text) = &self.stderr
            && output.stderr != *text
        {
            fail(format!("expected stderr:\n{text}"));
        }
        for text in &self.stdout_contains {
            if !output.stdout.contains(text.as_str()) {
                fail(format!("stdout should contain {text:?}"));
            }
        }
        for text in &self.stdout_lacks {
            if output.stdout.contains(text.as_str()) {
                fail(format!("stdout should not contain {text:?}"));
            }
        }
        for text in &self.stderr_contains {
            if !output.stderr.contains(text.as_str()) {
                fail(format!("stderr should contain {text:?}"));
            }
        }
        for text in &self.stderr_lacks {
            if output.stderr.contains(text.as_str()) {
                fail(format!("stderr should not contain {text:?}"));
            }
        }
        output
    }
}

/// What a [`Test`] run gave; it owns the test's tempdir.
pub(crate) struct Output {
    /// The command line (tempdir paths as `$TMP`).
    pub command: String,
    pub status: Option<i32>,
    /// Stdout, lossily decoded unless the test asked for `utf8_stdout`.
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
    pub tempdir: tempfile::TempDir,
    in_tempdir: bool,
}

impl Output {
    /// The command, status and both streams, for assertion messages.
    pub(crate) fn report(&self) -> String {
        format!(
            "command: {}\nstatus: {:?}\nstdout:\n{}\nstderr:\n{}",
            self.command, self.status, self.stdout, self.stderr
        )
    }

    /// Stdout as JSON.
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{}", self.report()))
    }

    /// The path of `rel` in the tempdir.
    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        in_dir(self.tempdir.path(), rel)
    }

    /// The text of `rel` in the tempdir.
    pub(crate) fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Another run in the same tempdir (and in it, if this one was).
    pub(crate) fn next(self, bin: &str) -> Test {
        let in_tempdir = self.in_tempdir;
        let test = Test::with_tempdir(bin, self.tempdir);
        if in_tempdir {
            test.current_dir_in_tempdir()
        } else {
            test
        }
    }
}

/// `dir/rel`, or `dir` itself for an empty `rel` (no trailing slash).
fn in_dir(dir: &Path, rel: &str) -> PathBuf {
    if rel.is_empty() {
        dir.to_path_buf()
    } else {
        dir.join(rel)
    }
}
