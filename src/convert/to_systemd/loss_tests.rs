use super::*;
use crate::ast::resolve;
use crate::syntax::parse_str;

fn losses(src: &str) -> Vec<String> {
    let parsed = parse_str(src);
    assert!(!parsed.has_errors(), "{:?}", parsed.errors);
    to_systemd("j", &resolve(&[&parsed.job]))
        .losses
        .into_iter()
        .map(|l| format!("{} {}", l.code, l.message))
        .collect()
}

/// `start JOB VAR=x` overrides `env VAR=default` (upstart applies the
/// variables given to `start` after the job's `env` stanzas), so the instance
/// value must be systemd's last assignment of the variable.
#[test]
fn the_instance_variable_overrides_its_env_default() {
    let parsed =
        parse_str("instance $IFACE\nenv IFACE=\"\"\nenv A=1\nexec /sbin/dhclient $IFACE\n");
    let conv = to_systemd("dhclient", &resolve(&[&parsed.job]));
    let env: Vec<&str> = conv.units[0].unit.sections[1]
        .entries
        .iter()
        .filter(|(k, _)| k == "Environment")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(env, ["\"IFACE=\"", "\"A=1\"", "\"IFACE=%I\""]);
}

#[test]
fn a_job_without_process_reports_the_settings_it_drops() {
    let l = losses("start on runlevel [2345]\nrespawn\nnice 5\n");
    assert!(
        l.iter()
            .any(|m| m == "UL501 the job has no process: respawn, nice dropped"),
        "{l:?}"
    );
    assert!(
        losses("start on runlevel [2345]\n")
            .iter()
            .all(|m| !m.contains("no process"))
    );
}

#[test]
fn expect_on_a_task_is_reported() {
    let l = losses("task\nexpect fork\nexec /usr/bin/x\n");
    assert!(
        l.iter()
            .any(|m| m.starts_with("UL501 `expect fork|daemon` on a task")),
        "{l:?}"
    );
    assert!(
        losses("expect fork\nexec /usr/bin/x\n")
            .iter()
            .all(|m| !m.contains("on a task"))
    );
}

fn convert(src: &str) -> Conversion {
    let parsed = parse_str(src);
    assert!(!parsed.has_errors(), "{:?}", parsed.errors);
    to_systemd("j", &resolve(&[&parsed.job]))
}

#[test]
fn losses_point_at_their_stanza() {
    let src = "exec /usr/bin/x
respawn
respawn limit 3 9
kill timeout 0
console log
";
    let conv = convert(src);
    for (code, stanza) in [
        (Code::UL508, "respawn limit 3 9"),
        (Code::UL513, "kill timeout 0"),
        (Code::UL506, "console log"),
    ] {
        let loss = conv
            .losses
            .iter()
            .find(|l| l.code == code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(&src[loss.span.start..loss.span.end], stanza, "{code}");
    }
}

#[test]
fn pre_start_guards_become_conditions_and_the_rest_stays() {
    let src = "pre-start script\n    # only where installed\n    [ -x /usr/sbin/food ] || { stop; exit 0; }\n    [ \"$RUN\" = yes ] || { stop; exit 0; }\n    mkdir -p /run/food\nend script\nexec /usr/sbin/food\n";
    let conv = convert(src);
    let unit = &conv.units[0].unit;
    assert_eq!(
        unit.get("Unit", "ConditionFileIsExecutable"),
        Some("/usr/sbin/food")
    );
    assert_eq!(
        unit.get("Service", "ExecCondition"),
        Some("/bin/sh -ec \"[ \\\"$$RUN\\\" = yes ] || exit 1\"")
    );
    assert_eq!(
        unit.get("Service", "ExecStartPre"),
        Some("/bin/sh -ec \"mkdir -p /run/food\"")
    );
    let guards: Vec<&Loss> = conv
        .losses
        .iter()
        .filter(|l| l.code == Code::UL514)
        .collect();
    assert_eq!(guards.len(), 2, "{:?}", conv.losses);
    assert_eq!(
        &src[guards[0].span.start..guards[0].span.end],
        "[ -x /usr/sbin/food ] || { stop; exit 0; }"
    );
    assert!(
        conv.losses.iter().all(|l| l.code != Code::UL512),
        "{:?}",
        conv.losses
    );
}

#[test]
fn a_pre_start_of_guards_only_leaves_no_exec_start_pre() {
    let conv = convert(
        "pre-start script\n  test -d /var/lib/x || { stop; exit 0; }\nend script\nexec /usr/bin/x\n",
    );
    let unit = &conv.units[0].unit;
    assert_eq!(
        unit.get("Unit", "ConditionPathIsDirectory"),
        Some("/var/lib/x")
    );
    assert_eq!(unit.get("Service", "ExecStartPre"), None);
}

#[test]
fn setuid_nobody_is_kept_and_reported_with_the_dynamic_user_alternative() {
    let conv = convert("setuid nobody\nexec /usr/bin/x\n");
    let unit = &conv.units[0].unit;
    assert_eq!(unit.get("Service", "User"), Some("nobody"));
    assert_eq!(unit.get("Service", "DynamicUser"), None);
    let notes: Vec<&Loss> = conv
        .losses
        .iter()
        .filter(|l| l.code == Code::UL515)
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", conv.losses);
    assert_eq!(notes[0].severity, Severity::Info);
    assert_eq!(
        notes[0].span,
        Span::new(0, 13),
        "the `setuid nobody` stanza"
    );
    let help = notes[0].help.as_deref().unwrap_or("");
    for want in [
        "DynamicUser=yes",
        "ProtectSystem=strict",
        "ProtectHome=read-only",
        "PrivateTmp=yes",
        "RemoveIPC=yes",
        "StateDirectory=",
    ] {
        assert!(help.contains(want), "{want} not in {help}");
    }
    // Another user, or nobody only as the group: nothing to say.
    for job in [
        "setuid appd\nexec /usr/bin/x\n",
        "setgid nogroup\nexec /usr/bin/x\n",
    ] {
        assert!(
            convert(job).losses.iter().all(|l| l.code != Code::UL515),
            "{job}"
        );
    }
}

#[test]
fn guards_in_a_chroot_or_as_another_user_run_there() {
    let conv = convert(
        "setuid nobody\npre-start script\n  test -d /var/lib/x || { stop; exit 0; }\nend script\nexec /usr/bin/x\n",
    );
    let unit = &conv.units[0].unit;
    assert_eq!(unit.get("Unit", "ConditionPathIsDirectory"), None);
    assert_eq!(
        unit.get("Service", "ExecCondition"),
        Some("/bin/sh -ec \"test -d /var/lib/x || exit 1\"")
    );
}

#[test]
fn job_control_commands_in_processes_are_reported() {
    for (text, cmd) in [
        ("stop; exit 0\n", Some("stop")),
        (
            "if status lightdm | grep running; then\n  stop\nfi\n",
            Some("status"),
        ),
        ("[ -f /x ] && { restart foo; }\n", Some("restart")),
        ("echo stop\n", None),
        ("case \"$1\" in\n  start) echo go ;;\nesac\n", None),
        (
            "case \"$1\" in\n  start|'') echo go ;;\n  stop) stop ;;\nesac\n",
            Some("stop"),
        ),
        ("# stop here\nexec /bin/x\n", None),
    ] {
        assert_eq!(job_control_command(text).map(|(c, _)| c), cmd, "{text}");
    }
    // The finding points at the line, past an empty one.
    let src = "script\n  echo hi\n\n  stop; exit 0\nend script\n";
    let conv = convert(src);
    let loss = conv
        .losses
        .iter()
        .find(|l| l.code == Code::UL512)
        .unwrap_or_else(|| panic!("no UL512: {:?}", conv.losses));
    assert_eq!(&src[loss.span.start..loss.span.end], "stop; exit 0");
    let l = losses("script\n  stop; exit 0\nend script\n");
    assert!(
        l.iter()
            .any(|m| m
                == "UL512 the process runs upstart's `stop` command, which systemd does not have"),
        "{l:?}"
    );
}

#[test]
fn each_event_records_what_it_became() {
    let conv = convert(
        "start on local-filesystems and (socket PROTO=inet PORT=80 or my-event)\nstop on runlevel [!2345] or stopping db\nexec /usr/bin/x\n",
    );
    type Row<'a> = (&'a str, &'a str, Vec<&'a str>, Vec<Code>, Option<&'a str>);
    let rows: Vec<Row<'_>> = conv
        .events
        .iter()
        .map(|e| {
            (
                e.stanza,
                e.event.as_str(),
                e.directives.iter().map(String::as_str).collect(),
                e.losses.clone(),
                e.note,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "start on",
                "local-filesystems",
                vec!["After=local-fs.target", "WantedBy=multi-user.target"],
                vec![],
                None
            ),
            (
                "start on",
                "socket PROTO=inet PORT=80",
                vec![],
                vec![Code::UL503],
                None
            ),
            (
                "start on",
                "my-event",
                vec!["After=my-event.target", "WantedBy=my-event.target"],
                vec![Code::UL510],
                None
            ),
            (
                "stop on",
                "runlevel [!2345]",
                vec![],
                vec![],
                Some("stopped at shutdown by systemd's default dependencies")
            ),
            (
                "stop on",
                "stopping db",
                vec!["PartOf=db.service"],
                vec![],
                None
            ),
        ]
    );
}
