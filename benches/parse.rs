//! How long parsing (and formatting) the whole real-world corpus takes, and
//! the parser's throughput on large generated files (issue 20).
//!
//! Run: `cargo bench --bench parse`. The corpus group needs
//! `../shared/corpus/upstart` and prints that it skipped otherwise. The
//! "newline scan" baseline reads the same bytes once (the floor for any
//! parser), so the report gives a ratio. The large group generates the
//! two shapes of issue 20 in memory: one stanza repeated (`env A=1`, the
//! AST costs most against the text) and distinct ones (`env VARi=valuei`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn corpus() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/upstart");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    if files.is_empty() {
        return;
    }
    let bytes: usize = files.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group(format!(
        "corpus ({} files, {} KiB)",
        files.len(),
        bytes / 1024
    ));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for f in &files {
                black_box(upstart_tools::syntax::parse(black_box(f)));
            }
        });
    });
    group.bench_function("parse + fmt", |b| {
        b.iter(|| {
            for f in &files {
                let parsed = upstart_tools::syntax::parse(black_box(f));
                black_box(upstart_tools::print::print(&parsed.job).ok());
            }
        });
    });
    group.bench_function("baseline: newline scan", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for f in &files {
                n += black_box(f).iter().filter(|&&c| c == b'\n').count();
            }
            black_box(n)
        });
    });
    group.finish();
}

/// Lines of each generated file: 250 000 (2 MB and 6 MB), a tenth of
/// issue 20's files, so that one iteration stays well under a second.
const LARGE_LINES: usize = 250_000;

fn large(c: &mut Criterion) {
    let shapes: [(&str, Vec<u8>); 2] = [
        ("dup", "env A=1\n".repeat(LARGE_LINES).into_bytes()),
        (
            "distinct",
            (0..LARGE_LINES)
                .map(|i| format!("env VAR{i}=value{i}\n"))
                .collect::<String>()
                .into_bytes(),
        ),
    ];
    let mut group = c.benchmark_group(format!("large ({LARGE_LINES} lines)"));
    group.sample_size(20);
    for (name, text) in &shapes {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("parse {name}"), |b| {
            b.iter(|| black_box(upstart_tools::syntax::parse(black_box(text))));
        });
        // The floor in the same run: one read of the same bytes.
        group.bench_function(format!("baseline: newline scan {name}"), |b| {
            b.iter(|| black_box(text).iter().filter(|&&c| c == b'\n').count());
        });
    }
    group.finish();
}

criterion_group!(benches, bench, large);
criterion_main!(benches);
