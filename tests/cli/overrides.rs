//! `.override` files beside a `.conf`, loaded from disk (docs/language.md#files).

use upstart_tools::ast::ProcessBody;
use upstart_tools::load::{LoadedJob, job_name};

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

#[test]
fn a_clean_override_merges_into_its_conf() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let conf = write(
        tmp.path(),
        "foo.conf",
        "start on startup\nenv A=1\nlimit nofile 10 10\nexec /usr/bin/foo\n",
    );
    write(
        tmp.path(),
        "foo.override",
        "manual\nenv B=2\nlimit core 0 0\nexec /usr/bin/foo --debug\n",
    );
    let job =
        LoadedJob::load(&conf, job_name(&conf, Some(tmp.path()))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(job.name, "foo");
    let r = job.resolved();
    assert!(
        r.start_on.is_none(),
        "`manual` in the override cancels the conf's start on"
    );
    let env: Vec<_> = r
        .env
        .iter()
        .map(|v| (v.key.as_str(), v.value.as_deref()))
        .collect();
    assert_eq!(
        env,
        vec![("A", Some("1")), ("B", Some("2"))],
        "env accumulates"
    );
    assert_eq!(r.limits.len(), 2, "limits merge per resource");
    match r.main() {
        Some(ProcessBody::Exec { command, .. }) => {
            assert_eq!(command.value, "/usr/bin/foo --debug");
        }
        other => panic!("main process: {other:?}"),
    }
}

#[test]
fn an_invalid_override_is_ignored_as_upstart_does() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let conf = write(
        tmp.path(),
        "bar.conf",
        "start on startup\nexec /usr/bin/bar\n",
    );
    write(tmp.path(), "bar.override", "manual\nnice 99\n");
    let job = LoadedJob::load(&conf, "bar".into()).unwrap_or_else(|e| panic!("{e}"));
    let ovr = job
        .override_file
        .as_ref()
        .unwrap_or_else(|| panic!("override not found"));
    assert!(ovr.parsed.has_errors());
    assert!(job.resolved().start_on.is_some(), "the .conf alone applies");
}

#[test]
fn a_lone_override_or_missing_conf_is_not_a_job() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), "baz.override", "manual\n");
    assert!(LoadedJob::load(&tmp.path().join("baz.conf"), "baz".into()).is_err());
}
