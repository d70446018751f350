//! The README's pre-commit snippets work as written, run by the real
//! `pre-commit` in a scratch git repository, without network: the
//! `repo: local` snippet as it is, and the snippet that takes the hooks from
//! this repository with `repo:` pointing at this checkout and `rev:` at its
//! current commit (pre-commit clones it like any remote), using the
//! `upstart-lint-system` hook (the `upstart-lint` hook builds the linter
//! with cargo, minutes of a release build: an ignored test runs it). A good
//! job passes; a job with an error fails, naming the error.

use crate::common::root;
use assert_cmd::cargo::cargo_bin;
use std::path::Path;
use std::process::{Command, Output};

fn readme_block(start: &str, end: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let from = readme
        .find(start)
        .unwrap_or_else(|| panic!("README lacks {start}"));
    let to = readme
        .find(end)
        .unwrap_or_else(|| panic!("README lacks {end}"));
    let block = &readme[from + start.len()..to];
    let body = block
        .split("```yaml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap_or_else(|| panic!("no yaml block between {start} and {end}"));
    body.to_string()
}

fn pre_commit_installed() -> bool {
    let ok = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pre-commit is not installed (.ci/run installs it)"
        );
        eprintln!("skipped: pre-commit is not installed");
    }
    ok
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A scratch repository with `config` as its `.pre-commit-config.yaml`,
/// a good job and a bad one; `pre-commit run --files` on each.
fn check_config(config: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("etc/init")).expect("mkdir");
    git(&repo, &["init", "-q"]);
    std::fs::write(repo.join(".pre-commit-config.yaml"), config).expect("write");
    std::fs::copy(
        root().join("fixtures/lint/UL003/good.conf"),
        repo.join("etc/init/good.conf"),
    )
    .expect("copy");
    std::fs::copy(
        root().join("fixtures/lint/UL003/bad.conf"),
        repo.join("etc/init/bad.conf"),
    )
    .expect("copy");
    git(&repo, &["add", "."]);
    let bin_dir = cargo_bin("upstart-lint")
        .parent()
        .expect("binary directory")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |file: &str| {
        Command::new("pre-commit")
            .args(["run", "--files", file])
            .current_dir(&repo)
            .env("PATH", &path)
            // pre-commit's cache (clones of hook repositories) in the
            // scratch directory, not the user's ~/.cache.
            .env("PRE_COMMIT_HOME", dir.path().join("cache"))
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("pre-commit")
    };
    let good = run("etc/init/good.conf");
    let text = |o: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert_eq!(
        good.status.code(),
        Some(0),
        "a good job fails:\n{config}\n{}",
        text(&good)
    );
    assert!(text(&good).contains("Passed"), "{}", text(&good));
    let bad = run("etc/init/bad.conf");
    assert_eq!(
        bad.status.code(),
        Some(1),
        "a bad job passes:\n{config}\n{}",
        text(&bad)
    );
    assert!(text(&bad).contains("UL003"), "{}", text(&bad));
}

#[test]
fn precommit_local_snippet_works_as_written() {
    if !pre_commit_installed() {
        return;
    }
    let config = readme_block(
        "<!-- pre-commit-local:start -->",
        "<!-- pre-commit-local:end -->",
    );
    assert!(config.contains("repo: local"), "{config}");
    check_config(&config);
}

/// The README's second snippet at this checkout's commit, with `hook`
/// active; `None` outside a git checkout.
fn repository_snippet(hook: &str) -> Option<String> {
    // This checkout at its current commit stands for the published
    // repository at a release tag.
    let head = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(head) = head else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI runs in a git clone"
        );
        eprintln!("skipped: the project is not a git checkout");
        return None;
    };
    let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
    let config = readme_block(
        "<!-- pre-commit-repo:start -->",
        "<!-- pre-commit-repo:end -->",
    );
    let mut config = config.replace(
        "https://github.com/upstart-tools/upstart-tools",
        &format!("file://{}", root().display()),
    );
    if hook == "upstart-lint-system" {
        config = config
            .replace("      - id: upstart-lint  ", "      # - id: upstart-lint  ")
            .replace(
                "      # - id: upstart-lint-system",
                "      - id: upstart-lint-system",
            );
    }
    let rev = config
        .lines()
        .find_map(|l| l.trim().strip_prefix("rev: "))
        .map(|r| r.split_whitespace().next().unwrap_or_default().to_string())
        .expect("the snippet has a rev");
    config = config.replace(&format!("rev: {rev}"), &format!("rev: {head}"));
    assert!(config.contains(&format!("      - id: {hook} ")), "{config}");
    Some(config)
}

#[test]
fn precommit_hooks_of_this_repository_work() {
    if !pre_commit_installed() {
        return;
    }
    if let Some(config) = repository_snippet("upstart-lint-system") {
        check_config(&config);
    }
}

/// The snippet exactly as written (its `upstart-lint` hook, which
/// pre-commit builds with `cargo install` from the clone): a release build,
/// about ten minutes on two cores, so run by hand:
/// `cargo test --test cli precommit_rust_hook -- --ignored`.
#[test]
#[ignore = "builds the linter in release mode (minutes)"]
fn precommit_rust_hook_builds_and_runs() {
    assert!(pre_commit_installed(), "pre-commit is not installed");
    let config = repository_snippet("upstart-lint").expect("a git checkout");
    check_config(&config);
}
