//! Converting the whole corpus both ways: upstart jobs to systemd units and
//! systemd units to upstart jobs, with `systemd-analyze verify` of the same
//! units as the peer in the same run.
//!
//! Run: `cargo bench --bench convert`. Needs `../shared/corpus/upstart`
//! (prints that it skipped otherwise). Before timing it prints how many
//! losses of each UL5xx code the corpus produces.
//!
//! In-process: parse + resolve + `to_systemd` + render of every job (the
//! jobs upstart rejects are parsed and skipped, as the CLI does). Process:
//! `upstart2systemd --check -o DIR CORPUS` (reads, converts and compares
//! every unit, writes nothing).

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use upstart_tools::ast::resolve;
use upstart_tools::convert::from_systemd::from_systemd;
use upstart_tools::convert::systemd_unit::parse_unit;
use upstart_tools::convert::to_systemd;
use upstart_tools::load::job_name;
use upstart_tools::syntax::parse;

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

/// `BIN --check -o OUT DIR` as a process: reads, converts and compares every
/// file, writes nothing.
fn check_process(bin: &str, out: &Path, dir: &Path) -> Option<std::process::ExitStatus> {
    Command::new(bin)
        .arg("--check")
        .arg("-o")
        .arg(out)
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()
}

/// Convert every job; returns (jobs converted, units, total bytes rendered).
fn convert_all(jobs: &[(String, Vec<u8>)]) -> (usize, usize, usize) {
    let (mut converted, mut units, mut bytes) = (0, 0, 0);
    for (name, text) in jobs {
        let parsed = parse(text);
        if parsed.has_errors() {
            continue;
        }
        let conv = to_systemd(name, &resolve(&[&parsed.job]));
        converted += 1;
        for u in &conv.units {
            units += 1;
            bytes += u.unit.render().len();
        }
        black_box(&conv.losses);
    }
    (converted, units, bytes)
}

/// How many losses of each code the corpus gives, and how many jobs have one.
fn loss_table(jobs: &[(String, Vec<u8>)]) {
    let mut count: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let (mut valid, mut with_loss, mut total) = (0, 0, 0);
    for (name, text) in jobs {
        let parsed = parse(text);
        if parsed.has_errors() {
            continue;
        }
        valid += 1;
        let conv = to_systemd(name, &resolve(&[&parsed.job]));
        if !conv.losses.is_empty() {
            with_loss += 1;
        }
        let mut seen = Vec::new();
        for l in &conv.losses {
            total += 1;
            let e = count.entry(l.code.as_str()).or_default();
            e.0 += 1;
            if !seen.contains(&l.code) {
                seen.push(l.code);
                e.1 += 1;
            }
        }
    }
    eprintln!(
        "losses over {valid} valid jobs ({} rejected by upstart): {total} in {with_loss} jobs",
        jobs.len() - valid
    );
    eprintln!("| code | name | losses | jobs |\n|---|---|---|---|");
    for (code, (n, j)) in &count {
        let name = upstart_tools::lint::registry::find(code).map_or("?", |r| r.name);
        eprintln!("| {code} | {name} | {n} | {j} |");
    }
}

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/upstart");
    let paths = files(&dir, "conf");
    if paths.is_empty() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let jobs: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (job_name(p, None), b)))
        .collect();
    loss_table(&jobs);
    let (converted, units, bytes) = convert_all(&jobs);
    eprintln!("{converted} jobs convert into {units} units ({bytes} bytes)");

    let mut group = c.benchmark_group(format!("convert corpus: {} upstart jobs", jobs.len()));
    group.sample_size(30);
    group.bench_function(
        "in-process: parse + resolve + to_systemd + render, every job",
        |b| b.iter(|| black_box(convert_all(&jobs))),
    );
    let out = tempfile::tempdir().ok();
    if let Some(out) = &out {
        let bin = env!("CARGO_BIN_EXE_upstart2systemd");
        group.bench_function(
            "process: upstart2systemd --check -o DIR (whole corpus)",
            |b| b.iter(|| black_box(check_process(bin, out.path(), &dir))),
        );
    }
    group.finish();
}

/// Parse every unit, convert it and print the job; returns the bytes printed.
fn convert_units(units: &[(String, Vec<u8>)]) -> usize {
    let mut bytes = 0;
    for (name, text) in units {
        let (unit, errors) = parse_unit(name, text);
        black_box(&errors);
        let conv = from_systemd(&unit);
        bytes += upstart_tools::print::print(&conv.job).map_or(0, |t| t.len());
        black_box(&conv.losses);
    }
    bytes
}

fn bench_reverse(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/systemd");
    let paths = files(&dir, "service");
    if paths.is_empty() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let units: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            std::fs::read(p).ok().map(|b| (name, b))
        })
        .collect();
    let mut group = c.benchmark_group(format!("convert corpus: {} systemd units", units.len()));
    group.sample_size(20);
    group.bench_function(
        "in-process: parse_unit + from_systemd + print, every unit",
        |b| {
            b.iter(|| black_box(convert_units(&units)));
        },
    );
    let out = tempfile::tempdir().ok();
    if let Some(out) = &out {
        let bin = env!("CARGO_BIN_EXE_systemd2upstart");
        group.bench_function(
            "process: systemd2upstart --check -o DIR (whole corpus)",
            |b| b.iter(|| black_box(check_process(bin, out.path(), &dir))),
        );
    }
    // The peer: systemd's own check of the same units, one process.
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok()
    {
        let names: Vec<&String> = units.iter().map(|(n, _)| n).collect();
        group.bench_function("peer: systemd-analyze verify (same units)", |b| {
            b.iter(|| {
                let status = Command::new("systemd-analyze")
                    .args(["verify", "--man=no"])
                    .args(names.iter().map(|n| format!("./{n}")))
                    .current_dir(&dir)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
                black_box(status.ok())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_reverse);
criterion_main!(benches);
