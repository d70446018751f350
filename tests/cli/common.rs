//! Shared test helpers: fixtures, the golden-file harness and the corpus.

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// `../shared/<rel>` when present (developers and CI). In a user's clone,
/// where it is absent, `None`: the test says it skipped, on the terminal
/// (written past libtest's capture, which would hide it for a passing
/// test). Under `CI=true` an absent folder fails the test: CI must check
/// against the shared data.
pub fn shared_dir(rel: &str) -> Option<PathBuf> {
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
pub fn corpus_dir(kind: &str) -> Option<PathBuf> {
    shared_dir(&format!("corpus/{kind}"))
}

/// Sorted list of files with the given extension in `dir`.
pub fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// Compare `actual` with `snapshots/<name>.snap`. With `UPDATE_SNAPSHOTS=1`
/// the file is (re)written instead; review the diff before committing.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = root().join("snapshots").join(format!("{name}.snap"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing snapshot {} ({e}); run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    if expected != actual {
        let diff = similar::TextDiff::from_lines(&expected, actual)
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
pub fn bin(name: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    cmd.env("NO_COLOR", "1").current_dir(root());
    cmd
}
