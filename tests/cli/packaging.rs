//! Packaging metadata (issue 7): `cargo install --path .` installs every
//! binary, and the `cargo deb` assets put binaries, man pages and completions
//! in their standard places and name only files that exist.

use crate::common::root;
use clap_complete::Shell;
use upstart_tools::cli::generate::{BINARIES, completion_path};

fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    text.parse().expect("Cargo.toml is TOML")
}

/// (source, destination) of each `package.metadata.deb.assets` entry.
fn deb_assets() -> Vec<(String, String)> {
    let m = manifest();
    let assets = m["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .expect("deb assets");
    assets
        .iter()
        .map(|a| {
            let a = a.as_array().expect("asset is [src, dest, mode]");
            assert_eq!(a.len(), 3, "{a:?}");
            (
                a[0].as_str().expect("src").to_string(),
                a[1].as_str().expect("dest").to_string(),
            )
        })
        .collect()
}

#[test]
fn every_binary_is_a_cargo_bin_target() {
    let m = manifest();
    let bins: Vec<&str> = m["bin"]
        .as_array()
        .expect("[[bin]]")
        .iter()
        .filter_map(|b| b["name"].as_str())
        .collect();
    for bin in BINARIES {
        assert!(bins.contains(bin), "{bin} is not a [[bin]] target");
        assert!(
            root().join("src/bin").join(format!("{bin}.rs")).is_file(),
            "{bin}.rs"
        );
    }
}

#[test]
fn deb_assets_exist_and_land_in_standard_places() {
    let assets = deb_assets();
    for (src, _) in &assets {
        if !src.starts_with("target/") {
            assert!(root().join(src).is_file(), "deb asset {src} does not exist");
        }
    }
    let has = |src: &str, dest: &str| assets.iter().any(|(s, d)| s == src && d.starts_with(dest));
    // The configuration file's page and the rules' page, in their sections.
    assert!(has("man/upstart-lint.toml.5", "usr/share/man/man5/"));
    assert!(has("man/upstart-lint-rules.7", "usr/share/man/man7/"));
    // Every generated man page is packaged, in the directory of its section.
    for (path, _) in upstart_tools::cli::generate::all_files() {
        let path = path.to_string_lossy().into_owned();
        if let Some(name) = path.strip_prefix("man/") {
            let section = name.rsplit('.').next().unwrap_or_default();
            assert!(
                has(&path, &format!("usr/share/man/man{section}/")),
                "{path} is not a deb asset in man{section}"
            );
        }
    }
    for bin in BINARIES {
        assert!(has(&format!("target/release/{bin}"), "usr/bin/"), "{bin}");
        assert!(
            has(&format!("man/{bin}.1"), "usr/share/man/man1/"),
            "{bin}.1"
        );
        for (shell, dest) in [
            (Shell::Bash, "usr/share/bash-completion/completions/"),
            (Shell::Zsh, "usr/share/zsh/vendor-completions/"),
            (Shell::Fish, "usr/share/fish/vendor_completions.d/"),
        ] {
            let file = completion_path(bin, shell);
            assert!(has(&file.to_string_lossy(), dest), "{}", file.display());
        }
    }
}
