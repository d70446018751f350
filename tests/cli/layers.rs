//! The module layers of ARCHITECTURE.md, checked: every `crate::` path in a
//! top-level module points at its own layer or one above, the modules of one
//! layer form no cycle, and clap stays in `src/cli`.

use crate::common::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules by layer, lowest first (ARCHITECTURE.md's table).
const LAYERS: &[&[&str]] = &[
    &["source", "par"],
    &["facts"],
    &["diag"],
    &["syntax", "ast"],
    &["print", "show", "load", "shell"],
    &["lint", "convert", "supervisor", "graph", "report", "lsp"],
    &["cli", "fuzzing"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The code of a Rust file without comments and without its `#[cfg(test)]`
/// tail (unit tests may reach anywhere).
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::NAME` in `text`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect()
}

/// Top-level module → the top-level modules it names.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("src");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in rust_files(&src) {
        let rel = path.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "bin" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        let entry = deps.entry(module.clone()).or_default();
        for used in crate_paths(&code_of(&text)) {
            if used != module {
                entry.insert(used);
            }
        }
    }
    deps
}

#[test]
fn every_module_has_a_layer() {
    for module in dependencies().keys() {
        assert!(
            layer_of(module).is_some(),
            "src/{module} is in no layer: add it to ARCHITECTURE.md and to LAYERS here"
        );
    }
}

#[test]
fn no_module_uses_a_lower_layer() {
    let mut wrong = Vec::new();
    for (module, used) in dependencies() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for dep in used {
            if layer_of(&dep).is_some_and(|l| l > own) {
                wrong.push(format!("{module} -> {dep}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:?}");
}

#[test]
fn no_import_cycle() {
    let deps = dependencies();
    // Depth-first search for a path back to the start.
    fn reaches(
        deps: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in deps.get(from).into_iter().flatten() {
            if next == to {
                return true;
            }
            if seen.insert(next.clone()) && reaches(deps, next, to, seen) {
                return true;
            }
        }
        false
    }
    let cycles: Vec<&String> = deps
        .keys()
        .filter(|m| reaches(&deps, m, m, &mut BTreeSet::new()))
        .collect();
    assert!(cycles.is_empty(), "modules on an import cycle: {cycles:?}");
}

#[test]
fn clap_only_in_cli() {
    let src = root().join("src");
    let offenders: Vec<String> = rust_files(&src)
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&src).expect("under src");
            !rel.starts_with("cli") && !rel.starts_with("bin")
        })
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| code_of(&t).contains("clap")))
        .map(|p| p.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "clap outside src/cli: {offenders:?}");
}

#[test]
fn the_checker_sees_imports() {
    // The test above would pass vacuously if the scan found nothing.
    let deps = dependencies();
    assert!(deps["cli"].contains("lint"), "{deps:?}");
    assert!(deps["syntax"].contains("diag"), "{deps:?}");
    assert_eq!(
        crate_paths("use crate::a::b; crate::c(); // crate::d"),
        ["a", "c", "d"].iter().map(ToString::to_string).collect()
    );
    assert!(!code_of("// crate::x\nfn f() {}").contains("crate::x"));
}
