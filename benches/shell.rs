//! The embedded-shell pass over the corpus: in-process (the default path:
//! the fast recognizer, yash-syntax for the texts it cannot prove clean; on
//! worker threads and on one), yash-syntax alone, and `sh -n` (dash), one
//! process per shell text. Before timing, prints how many texts each one
//! rejects and which, so that speed and agreement are measured together.
//!
//! Run: `cargo bench --bench shell`. Needs `../shared/corpus` (prints that it
//! skipped otherwise); the `sh -n` figure needs `/bin/sh`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use upstart_tools::lint::shell::{
    Embedded, Origin, Subject, analyze, analyze_all, analyze_with_yash, extract,
};
use upstart_tools::load::ParsedFile;

/// `sh -n -c TEXT`: whether dash accepts the text.
fn sh_accepts(text: &str) -> bool {
    Command::new("/bin/sh")
        .args(["-n", "-c", text])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether the in-process pass reports a syntax error (as `sh -n` would).
fn yash_rejects(subject: &Subject<'_>) -> bool {
    analyze(subject)
        .iter()
        .any(|n| matches!(n.code.as_str(), "UL401" | "UL402" | "UL404"))
}

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/upstart");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let mut texts: Vec<(String, Embedded)> = Vec::new();
    for p in &paths {
        let Ok(file) = ParsedFile::read(p) else {
            continue;
        };
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        texts.extend(extract(&file).into_iter().map(|e| (name.clone(), e)));
    }
    let subjects: Vec<Subject<'_>> = texts
        .iter()
        .map(|(_, e)| Subject {
            text: &e.text,
            origin: e.origin,
            indent: e.indent,
            after: "",
        })
        .collect();
    let blocks = texts
        .iter()
        .filter(|(_, e)| e.origin == Origin::Block)
        .count();
    let bytes: usize = texts.iter().map(|(_, e)| e.text.len()).sum();
    eprintln!(
        "{} shell texts ({blocks} blocks, {} exec lines), {bytes} bytes",
        texts.len(),
        texts.len() - blocks
    );
    for ((name, e), s) in texts.iter().zip(&subjects) {
        let (yash, sh) = (yash_rejects(s), !sh_accepts(&e.text));
        if yash || sh {
            eprintln!(
                "{name} {}: yash-syntax {}, sh -n {}",
                e.process.keyword(),
                if yash { "rejects" } else { "accepts" },
                if sh { "rejects" } else { "accepts" }
            );
        }
    }

    let mut group = c.benchmark_group(format!("corpus: {} shell texts", texts.len()));
    group.sample_size(10);
    group.bench_function("yash-syntax in-process, worker threads (default)", |b| {
        b.iter(|| black_box(analyze_all(&subjects)));
    });
    group.bench_function(
        "fast recognizer, yash-syntax for the rest, one thread",
        |b| {
            b.iter(|| black_box(subjects.iter().map(analyze).collect::<Vec<_>>()));
        },
    );
    group.bench_function("yash-syntax alone, one thread (before issue 20)", |b| {
        b.iter(|| black_box(subjects.iter().map(analyze_with_yash).collect::<Vec<_>>()));
    });
    group.bench_function("sh -n, one process per text", |b| {
        b.iter(|| black_box(texts.iter().filter(|(_, e)| sh_accepts(&e.text)).count()));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
