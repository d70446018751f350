//! What `systemd2upstart` writes passes `upstart-lint`: the shared systemd
//! corpus (`../shared/corpus/systemd`, absent in a user's clone: then the
//! test prints that it skipped) is converted and the jobs are linted as one
//! set. Every finding at warning or error level must be one the converter
//! reported itself for that unit (its loss diagnostics name the lint code,
//! e.g. `(upstart-lint: UL302)`), except the two that depend on which other
//! jobs are installed, which a conversion cannot know (see `SET_ONLY`).

use crate::common::{bin, corpus_dir, files_in};
use std::collections::BTreeMap;
use std::path::Path;
use upstart_tools::lint::registry;

/// Findings about the rest of the job set, not about a job: UL301 (a job
/// event names a job that is not in the linted set: the corpus holds a
/// sample of units, named with a number prefix, so `After=ui.service`
/// cannot find `008-ui.conf`) and UL308 (two jobs with `console owner`:
/// systemd's emergency and rescue shells, which conflict with each other).
const SET_ONLY: &[&str] = &["UL301", "UL308"];

/// The converter's diagnostics (with their `help:` lines) by unit file
/// stem (`008-ui`, `getty@`).
fn losses_by_unit(stderr: &str) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in stderr.lines() {
        if line.starts_with("  ") {
            if let Some(u) = &current {
                out.entry(u.clone()).or_default().push_str(line);
                out.entry(u.clone()).or_default().push('\n');
            }
            continue;
        }
        current = line.split_once(".service:").map(|(path, _)| {
            Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        if let Some(u) = &current {
            out.entry(u.clone()).or_default().push_str(line);
            out.entry(u.clone()).or_default().push('\n');
        }
    }
    out
}

#[test]
fn converted_corpus_draws_no_lint_finding_the_converter_did_not_report() {
    let Some(dir) = corpus_dir("systemd") else {
        return;
    };
    let units = files_in(&dir, "service").len();
    let t = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let out_dir = t.path().join("out");
    let conv = bin("systemd2upstart")
        .arg("-o")
        .arg(&out_dir)
        .arg(&dir)
        .output()
        .unwrap_or_else(|e| panic!("systemd2upstart: {e}"));
    let stderr = String::from_utf8_lossy(&conv.stderr).into_owned();
    // 1: error-level losses (sandboxing, units systemd refuses); never 2.
    assert!(
        matches!(conv.status.code(), Some(0 | 1)),
        "{:?}\n{stderr}",
        conv.status
    );
    assert!(
        stderr.contains(&format!("{units} units converted into {units} jobs")),
        "every unit is converted: {}",
        stderr.lines().last().unwrap_or_default()
    );
    // Every code the converter reports is registered (with its documentation).
    for code in stderr
        .split(['[', ']'])
        .filter(|w| w.len() == 5 && w.starts_with("UL7"))
    {
        assert!(
            registry::find(code).is_some_and(|r| !r.documentation().is_empty()),
            "{code} is not in the rule registry"
        );
    }
    let losses = losses_by_unit(&stderr);

    let lint = bin("upstart-lint")
        .args(["--isolated", "--shellcheck", "off", "--format", "json"])
        .arg(&out_dir)
        .output()
        .unwrap_or_else(|e| panic!("upstart-lint: {e}"));
    let report: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap_or_else(|e| {
        panic!(
            "upstart-lint JSON: {e}\n{}",
            String::from_utf8_lossy(&lint.stderr)
        )
    });
    let findings = report["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut unreported = Vec::new();
    let mut set_only = 0;
    for f in &findings {
        let severity = f["severity"].as_str().unwrap_or_default();
        if severity != "warning" && severity != "error" {
            continue;
        }
        let code = f["code"].as_str().unwrap_or_default();
        if SET_ONLY.contains(&code) {
            set_only += 1;
            continue;
        }
        let file = f["file"].as_str().unwrap_or_default();
        let job = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // `foo.conf` comes from foo.service or foo@.service; `foo@.conf`
        // from foo@.service.
        let said = [job.clone(), format!("{job}@")]
            .iter()
            .filter_map(|u| losses.get(u))
            .any(|text| text.contains(code));
        if !said {
            unreported.push(format!(
                "{job}: {severity}[{code}] {} {}",
                f["message"].as_str().unwrap_or_default(),
                f["detail"].as_str().unwrap_or_default()
            ));
        }
    }
    eprintln!(
        "{units} units converted; {} lint findings, {set_only} about the rest of the set ({})",
        findings.len(),
        SET_ONLY.join(", ")
    );
    assert!(
        unreported.is_empty(),
        "lint findings on the converted corpus that systemd2upstart did not report:\n{}",
        unreported.join("\n")
    );
}

/// Each `UL7xx` code the converter's source can emit is registered.
#[test]
fn every_conversion_loss_code_is_registered() {
    // The converter is the directory src/convert/from_systemd/: all its files.
    let dir = crate::common::root().join("src/convert/from_systemd");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let src: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    let mut codes: Vec<&str> = src
        .split('"')
        .filter(|w| {
            w.len() == 5 && w.starts_with("UL7") && w[2..].bytes().all(|b| b.is_ascii_digit())
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(codes.len() >= 9, "{codes:?}");
    for code in codes {
        let rule = registry::find(code).unwrap_or_else(|| panic!("{code} is not registered"));
        assert!(
            rule.summary.starts_with("systemd2upstart:"),
            "{code}: {}",
            rule.summary
        );
    }
}

#[test]
fn sshd_opts_is_no_argument_when_empty() {
    // The corpus-like unit of issue 15: `sshd -D $SSHD_OPTS` must not hand
    // sshd an empty argument when /etc/default/ssh leaves SSHD_OPTS empty.
    let t = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let unit = t.path().join("ssh.service");
    std::fs::write(
        &unit,
        "[Unit]\nDescription=OpenBSD Secure Shell server\nAfter=network.target auditd.service\n\
         ConditionPathExists=!/etc/ssh/sshd_not_to_be_run\n\n[Service]\n\
         EnvironmentFile=-/etc/default/ssh\nExecStartPre=/usr/sbin/sshd -t\n\
         ExecStart=/usr/sbin/sshd -D $SSHD_OPTS\nExecReload=/usr/sbin/sshd -t\n\
         ExecReload=/bin/kill -HUP $MAINPID\nKillMode=process\nRestart=on-failure\n\
         RestartPreventExitStatus=255\nType=notify\nRuntimeDirectory=sshd\n\
         RuntimeDirectoryMode=0755\n\n[Install]\nWantedBy=multi-user.target\nAlias=sshd.service\n",
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    let out = bin("systemd2upstart")
        .arg(&unit)
        .output()
        .unwrap_or_else(|e| panic!("systemd2upstart: {e}"));
    let job = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // Type=notify is an error-level loss: exit 1, the job written all the same.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        job.contains("script\n    set -f\n    exec /usr/sbin/sshd -D $SSHD_OPTS\nend script\n"),
        "{job}"
    );
    assert!(!job.contains("\"${SSHD_OPTS}\""), "{job}");
    assert!(
        stderr.contains("info[UL707] `$SSHD_OPTS` in ExecStart= is split at blanks by the shell"),
        "{stderr}"
    );
    // Run what upstart runs (`/bin/sh -e`) with an empty and a spaced value:
    // no argument, then two, and a `*` stays a `*`.
    // The job's own script, with printf in front of the daemon.
    let body: String = job
        .split("\nscript\n")
        .nth(1)
        .and_then(|rest| rest.split("end script").next())
        .unwrap_or_default()
        .lines()
        .map(|l| format!("{}\n", l.trim_start()))
        .collect::<String>()
        .replace("exec /usr/sbin/sshd", "exec printf '[%s]' /usr/sbin/sshd");
    for (value, argv) in [
        ("", "[/usr/sbin/sshd][-D]"),
        ("-o  Port=2222", "[/usr/sbin/sshd][-D][-o][Port=2222]"),
        ("-o *", "[/usr/sbin/sshd][-D][-o][*]"),
    ] {
        let run = std::process::Command::new("/bin/sh")
            .args(["-e", "-c", &body])
            .env("SSHD_OPTS", value)
            .current_dir(t.path())
            .output()
            .unwrap_or_else(|e| panic!("sh: {e}"));
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            argv,
            "SSHD_OPTS={value:?}"
        );
    }
}
