//! Linting the corpus versus `systemd-analyze verify` on the systemd corpus,
//! in one run.
//!
//! Run: `cargo bench --bench lint`. Needs `../shared/corpus` (prints that it
//! skipped otherwise) and `systemd-analyze` on PATH for the peer figure.
//! Both peers are timed as whole processes; the in-process figure shows the
//! linter's own cost without process start and file reading.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use upstart_tools::lint::config::{Config, Overrides, ShellcheckMode};
use upstart_tools::lint::{Input, lint};
use upstart_tools::load::{ParsedFile, job_name};

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

fn quiet(cmd: &mut Command) {
    let status = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status();
    black_box(status.ok());
}

fn bench(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let upstart = files(&corpus.join("upstart"), "conf");
    let systemd = files(&corpus.join("systemd"), "service");
    if upstart.is_empty() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let bytes: Vec<(PathBuf, Vec<u8>)> = upstart
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (p.clone(), b)))
        .collect();
    let overrides = Overrides {
        shellcheck: Some(ShellcheckMode::Off),
        ..Overrides::default()
    };
    let config = Config::build(None, &overrides).unwrap_or_default();
    let configs = vec![config];

    let mut group = c.benchmark_group(format!(
        "corpus: {} upstart jobs vs {} systemd units",
        upstart.len(),
        systemd.len()
    ));
    group.sample_size(20);
    group.bench_function(
        "upstart-lint in-process (parse + all rules, no shellcheck)",
        |b| {
            b.iter(|| {
                let inputs: Vec<Input> = bytes
                    .iter()
                    .map(|(p, b)| Input {
                        name: job_name(p, None),
                        file: ParsedFile::from_bytes(p, b.clone()),
                        config: 0,
                        report: true,
                    })
                    .collect();
                black_box(lint(&inputs, &configs).diagnostics.len())
            });
        },
    );
    let bin = env!("CARGO_BIN_EXE_upstart-lint");
    let upstart_dir = corpus.join("upstart");
    group.bench_function("upstart-lint process (whole corpus directory)", |b| {
        b.iter(|| {
            quiet(
                Command::new(bin)
                    .args(["--isolated", "--shellcheck", "off", "--format", "json"])
                    .arg(&upstart_dir),
            );
        });
    });
    let have_verify = Command::new("systemd-analyze")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if have_verify && !systemd.is_empty() {
        group.bench_function("peer: systemd-analyze verify (whole systemd corpus)", |b| {
            b.iter(|| {
                quiet(
                    Command::new("systemd-analyze")
                        .args(["verify", "--man=no"])
                        .args(&systemd),
                );
            });
        });
    } else {
        eprintln!("skipped peer: systemd-analyze not found or no units");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
