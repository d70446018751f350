use super::*;
use crate::convert::systemd_unit::UnitSection;

fn unit(name: &str, text: &[(&str, &[(&str, &str)])]) -> UnitFile {
    UnitFile {
        name: name.into(),
        sections: text
            .iter()
            .map(|(s, es)| UnitSection {
                name: (*s).into(),
                span: Span::default(),
                entries: es
                    .iter()
                    .map(|(k, v)| Entry {
                        key: (*k).into(),
                        key_span: Span::default(),
                        value: (*v).into(),
                        value_span: Span::default(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn text(u: &UnitFile) -> (String, Vec<&'static str>) {
    let r = from_systemd(u);
    let t = crate::print::print(&r.job).expect("printable");
    let parsed = crate::syntax::parse_str(&t);
    assert!(!parsed.has_errors(), "{t}\n{:?}", parsed.errors);
    (t, r.losses.iter().map(|l| l.code.as_str()).collect())
}

#[test]
fn appendix_2() {
    let u = unit(
        "api.service",
        &[
            (
                "Unit",
                &[
                    ("Description", "Example API"),
                    ("After", "network-online.target"),
                    ("Wants", "network-online.target"),
                    ("StartLimitIntervalSec", "60"),
                    ("StartLimitBurst", "5"),
                ],
            ),
            (
                "Service",
                &[
                    ("Type", "notify"),
                    ("User", "api"),
                    ("EnvironmentFile", "-/etc/default/api"),
                    ("Environment", "\"LOG_LEVEL=info\""),
                    ("ExecStartPre", "/usr/bin/api migrate"),
                    ("ExecStart", "/usr/bin/api serve --port ${PORT}"),
                    ("Restart", "on-failure"),
                    ("RestartSec", "5"),
                    ("TimeoutStopSec", "1min 30s"),
                    ("PrivateTmp", "yes"),
                    ("LimitNOFILE", "65536"),
                ],
            ),
            ("Install", &[("WantedBy", "multi-user.target")]),
        ],
    );
    let (t, codes) = text(&u);
    for line in [
        "description \"Example API\"",
        "respawn limit 4 60",
        "setuid api",
        "env LOG_LEVEL=info",
        "limit nofile 65536 65536",
        "kill timeout 90",
        "pre-start exec /usr/bin/api migrate",
        "exec /usr/bin/api serve --port \"${PORT}\"",
        "stop on runlevel [!2345]",
        "normal exit 0 TERM HUP INT PIPE",
    ] {
        assert!(t.contains(line), "missing {line}:\n{t}");
    }
    assert!(
        t.contains("start on runlevel [2345] and net-device-up IFACE!=lo"),
        "{t}"
    );
    for code in ["UL703", "UL704", "UL701"] {
        assert!(codes.contains(&code), "{code} missing: {codes:?}");
    }
    assert_eq!(
        codes.iter().filter(|c| **c == "UL701").count(),
        2,
        "{codes:?}"
    );
}

#[test]
fn shell_wrappers_and_templates() {
    let u = unit(
        "tty@.service",
        &[(
            "Service",
            &[
                ("Environment", "\"TTY=%I\""),
                ("ExecStart", "/bin/sh -ec \"exec getty 38400 $$TTY\""),
                ("ExecStopPost", "/bin/sh -ec \"echo %i >/dev/null\""),
                ("ExecReload", "/bin/kill -USR1 $MAINPID"),
                ("Unknown", "x"),
            ],
        )],
    );
    let (t, codes) = text(&u);
    assert!(t.contains("instance $TTY\n"), "{t}");
    assert!(t.contains("exec getty 38400 $TTY\n"), "{t}");
    assert!(t.contains("echo ${TTY} >/dev/null"), "{t}");
    assert!(t.contains("reload signal USR1"), "{t}");
    assert!(!t.contains("env TTY"), "{t}");
    assert_eq!(codes, vec!["UL706"]);
}

fn parsed(name: &str, text: &str) -> (String, Vec<Loss>) {
    let (u, errors) = crate::convert::systemd_unit::parse_unit(name, text.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    let r = from_systemd(&u);
    let t = crate::print::print(&r.job).expect("printable");
    let parsed = crate::syntax::parse_str(&t);
    assert!(!parsed.has_errors(), "{t}\n{:?}", parsed.errors);
    (t, r.losses)
}

#[test]
fn conditions_become_pre_start_guards() {
    let text = "[Unit]\nConditionPathExists=!/etc/x/disabled\nConditionFileIsExecutable=/usr/sbin/xd\n\
        ConditionPathExists=|/etc/a\nConditionVirtualization=container\n\
        [Service]\nExecCondition=/bin/sh -ec \"grep -q yes /etc/x || exit 1\"\n\
        ExecCondition=/usr/bin/xd-check --quiet\nExecStartPre=/bin/mkdir -p /run/xd\n\
        ExecStart=/usr/sbin/xd\n";
    let (t, losses) = parsed("x.service", text);
    assert!(
        t.contains(
            "pre-start script\n    [ ! -e /etc/x/disabled ] || { stop; exit 0; }\n    \
             [ -x /usr/sbin/xd ] || { stop; exit 0; }\n    \
             grep -q yes /etc/x || { stop; exit 0; }\n    \
             /usr/bin/xd-check --quiet || { stop; exit 0; }\n    \
             /bin/mkdir -p /run/xd\nend script\n"
        ),
        "{t}"
    );
    let messages: Vec<String> = losses
        .iter()
        .filter(|l| l.code == "UL705")
        .map(|l| text[l.span.start..l.span.end].to_string())
        .collect();
    // A triggering condition, a key with no test, and the ExecCondition=
    // whose exit 255 systemd treated as a failure.
    assert_eq!(
        messages,
        ["|/etc/a", "/usr/bin/xd-check --quiet", "container"],
        "{losses:?}"
    );
}

#[test]
fn types_hooks_and_dependencies() {
    let text = "[Unit]\nDescription=D\nPartOf=web.service\nAfter=db.service\n\
        [Service]\nType=forking\nPIDFile=/run/x.pid\nExecStart=/usr/sbin/xd -d\n\
        ExecStop=/usr/sbin/xd stop\nPrivateTmp=yes\nConditionPathExists=/etc/x\n\
        [Install]\nWantedBy=db.service\n";
    let (t, losses) = parsed("x.service", text);
    for line in [
        "expect fork\n",
        "exec /usr/sbin/xd -d\n",
        "pre-stop exec /usr/sbin/xd stop\n",
        "start on started db\n",
        "stop on stopping web\n",
    ] {
        assert!(t.contains(line), "missing {line}:\n{t}");
    }
    let codes: Vec<&str> = losses.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "UL703").count(),
        1,
        "{codes:?}"
    );
    assert!(codes.contains(&"UL705"), "{codes:?}");
    // Every loss points at its value in the file.
    for l in &losses {
        let v = &text[l.span.start..l.span.end];
        assert!(
            ["/run/x.pid", "yes", "/etc/x", "/usr/sbin/xd stop"].contains(&v),
            "{}: {v:?}",
            l.message
        );
    }
}

#[test]
fn oneshot_commands_and_remaining_units() {
    let (t, losses) = parsed(
        "s.service",
        "[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=-/bin/b x\n\
         [Install]\nWantedBy=sysinit.target\n",
    );
    assert!(t.contains("task\n"), "{t}");
    assert!(
        t.contains("script\n    /bin/a\n    /bin/b x || true\nend script"),
        "{t}"
    );
    assert!(t.contains("start on startup\n"), "{t}");
    assert!(losses.is_empty(), "{losses:?}");
    let (t, _) = parsed(
        "r.service",
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/up\n\
         ExecStop=/bin/down\n[Install]\nWantedBy=graphical.target\n",
    );
    assert!(!t.contains("task"), "{t}");
    assert!(t.contains("pre-start exec /bin/up\n"), "{t}");
    assert!(t.contains("post-stop exec /bin/down\n"), "{t}");
    assert!(t.contains("start on runlevel [5]\n"), "{t}");
}

#[test]
fn exec_words_are_requoted() {
    let (t, _) = parsed(
        "q.service",
        "[Service]\nExecStart=/bin/echo \"a b\" it\\'s 100%% $$HOME #x\n",
    );
    assert!(
        t.contains("exec /bin/echo 'a b' 'it'\\''s' 100% '$HOME' '#x'\n"),
        "{t}"
    );
}

/// The job's text and its losses' (code, severity).
fn conv(text: &str) -> (String, Vec<(&'static str, Severity)>) {
    let (t, losses) = parsed("x.service", text);
    (
        t,
        losses
            .iter()
            .map(|l| (l.code.as_str(), l.severity))
            .collect(),
    )
}

#[test]
fn whole_word_dollar_var_splits_without_globbing() {
    // sshd -D $SSHD_OPTS: no argument at all when SSHD_OPTS is empty,
    // several when it has blanks; `set -f` keeps `*` in it literal.
    let (t, losses) = conv(
        "[Service]\nEnvironmentFile=-/etc/default/ssh\nExecStart=/usr/sbin/sshd -D $SSHD_OPTS\n",
    );
    assert!(
        t.contains("script\n    set -f\n    exec /usr/sbin/sshd -D $SSHD_OPTS\nend script\n"),
        "{t}"
    );
    // The value comes from the file: quotes in it would split otherwise.
    assert!(losses.contains(&("UL707", Severity::Info)), "{losses:?}");
    // Known from Environment= and plain: exact, nothing to report.
    let (t, losses) = conv("[Service]\nEnvironment=\"OPTS=-a -b\"\nExecStart=/bin/prog $OPTS\n");
    assert!(t.contains("    set -f\n    exec /bin/prog $OPTS\n"), "{t}");
    assert!(losses.iter().all(|(c, _)| *c != "UL707"), "{losses:?}");
    // Known, with quotes systemd removes: reported.
    let (_, losses) = conv("[Service]\nEnvironment=\"OPTS=-o 'a b'\"\nExecStart=/bin/prog $OPTS\n");
    assert!(losses.contains(&("UL707", Severity::Warning)), "{losses:?}");
}

#[test]
fn start_limit_burst_maps_to_what_upstart_can_store() {
    // Burst 1: no restart at all under systemd; upstart's `respawn limit
    // 0` would be no limit, so the job does not respawn (reported).
    let (t, losses) = conv("[Service]\nExecStart=/usr/bin/x\nRestart=always\nStartLimitBurst=1\n");
    assert!(!t.contains("respawn"), "{t}");
    assert!(losses.contains(&("UL702", Severity::Warning)), "{losses:?}");
    // A burst beyond upstart's C int: the largest count it keeps.
    let (t, _) = conv(
        "[Unit]\nStartLimitBurst=99999999999\n[Service]\nExecStart=/usr/bin/x\nRestart=always\n",
    );
    assert!(t.contains("respawn limit 2147483647 10\n"), "{t}");
    // The usual case: 5 starts in 10 s are 4 restarts.
    let (t, _) = conv("[Service]\nExecStart=/usr/bin/x\nRestart=always\nStartLimitBurst=5\n");
    assert!(t.contains("respawn\nrespawn limit 4 10\n"), "{t}");
}

#[test]
fn braced_var_is_one_word() {
    let (t, losses) = conv("[Service]\nExecStart=/bin/prog ${A} --x=${B}y\n");
    assert!(
        t.contains("exec /bin/prog \"${A}\" '--x='\"${B}\"'y'\n"),
        "{t}"
    );
    assert!(losses.is_empty(), "{losses:?}");
}

#[test]
fn dollar_var_inside_a_word_is_literal() {
    // systemd substitutes only `${NAME}` inside a word; `$NAME` there,
    // `${A:-d}` and `$$` are text (`$$` → `$`).
    let (t, _) = conv("[Service]\nExecStart=/bin/prog x$A ${A:-d} $$HOME a$$b\n");
    assert!(
        t.contains("exec /bin/prog 'x$A' '${A:-d}' '$HOME' 'a$b'\n"),
        "{t}"
    );
}

#[test]
fn words_systemd_drops() {
    // `$X/y` names the variable `X/y`, a lone `$` the empty name: none
    // can be set, so systemd passes no argument for them.
    let (t, losses) = conv("[Service]\nExecStart=/bin/prog $X/y $ z\n");
    assert!(t.contains("exec /bin/prog z\n"), "{t}");
    assert_eq!(
        losses,
        [("UL707", Severity::Info), ("UL707", Severity::Info)],
        "{t}"
    );
    // `${not a name}` is an empty argument; the `:` prefix turns
    // expansion off; the executable itself is never expanded.
    let (t, _) =
        conv("[Service]\nExecStart=/bin/prog \"${a b}\"\nExecStartPre=:/bin/pre $A ${B}\n");
    assert!(t.contains("exec /bin/prog ''\n"), "{t}");
    assert!(t.contains("pre-start exec /bin/pre '$A' '${B}'\n"), "{t}");
}

#[test]
fn split_vars_in_scripts_and_guards() {
    // Several commands: `set -f` before the first that needs it.
    let (t, _) = conv(
        "[Service]\nType=oneshot\nExecStart=/bin/a '*'\nExecStart=-/bin/b $OPTS\nExecStart=/bin/c $MORE\n",
    );
    assert!(
        t.contains("script\n    /bin/a '*'\n    set -f\n    /bin/b $OPTS || true\n    /bin/c $MORE\nend script"),
        "{t}"
    );
    // A guard with `$NAME`: globbing off around it only.
    let (t, _) = conv("[Service]\nExecCondition=/bin/check $OPTS\nExecStart=/bin/prog\n");
    assert!(
        t.contains("    set -f\n    /bin/check $OPTS || { stop; exit 0; }\n    set +f\n"),
        "{t}"
    );
    // The instance of a template is one word, as systemd resolves `%i`
    // before it runs anything.
    let (t, _) = parsed("t@.service", "[Service]\nExecStart=/bin/prog %i --tty=%I\n");
    assert!(
        t.contains("exec /bin/prog \"${INSTANCE}\" '--tty='\"${INSTANCE}\"\n"),
        "{t}"
    );
}

#[test]
fn mainpid_as_a_whole_word() {
    let (t, losses) = conv("[Service]\nExecStart=/bin/d\nExecReload=/bin/kill -USR2 $MAINPID\n");
    assert!(t.contains("reload signal USR2\n"), "{t}");
    assert!(losses.is_empty(), "{losses:?}");
}

#[test]
fn jobs_pass_the_linter_or_say_why() {
    // A refused ExecStart= (a build placeholder): systemd refuses the
    // unit (error), and the options for the missing process go.
    let (t, losses) = conv(
        "[Service]\nType=forking\nExecStart=@SBINDIR@/postfix start\nUser=postfix\n\
         KillSignal=INT\n[Install]\nWantedBy=multi-user.target\n",
    );
    assert!(
        !t.contains("expect") && !t.contains("setuid") && !t.contains("kill"),
        "{t}"
    );
    assert!(losses.contains(&("UL708", Severity::Error)), "{losses:?}");
    assert!(losses.contains(&("UL708", Severity::Warning)), "{losses:?}");
    // Without Type=, a unit with only SuccessAction= is a oneshot
    // systemd loads: no error.
    let (_, losses) = conv("[Unit]\nSuccessAction=reboot-force\n");
    assert!(!losses.iter().any(|(c, _)| *c == "UL708"), "{losses:?}");
    // A oneshot that remains has no main process: no `normal exit`.
    let (t, losses) = conv(
        "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/up\nSuccessExitStatus=76\n",
    );
    assert!(!t.contains("normal exit"), "{t}");
    assert!(losses.contains(&("UL708", Severity::Warning)), "{losses:?}");
    // Type=forking with `-`: the daemon is still exec'ed for `expect fork`.
    let (t, losses) = conv("[Service]\nType=forking\nExecStart=-/usr/sbin/d -b\n");
    assert!(
        t.contains("expect fork\n") && t.contains("exec /usr/sbin/d -b\n"),
        "{t}"
    );
    assert!(losses.contains(&("UL701", Severity::Warning)), "{losses:?}");
    // Environment= with `$`: the same text in both, said so.
    let (t, losses) = conv("[Service]\nEnvironment=PATH=${PATH}:/opt\nExecStart=/bin/d\n");
    assert!(t.contains("env PATH=${PATH}:/opt"), "{t}");
    assert_eq!(losses, [("UL709", Severity::Info)]);
}

#[test]
fn templates_start_only_with_a_default_instance() {
    let (t, losses) = parsed(
        "w@.service",
        "[Service]\nExecStart=/bin/w %i\n[Install]\nWantedBy=multi-user.target\n",
    );
    assert!(!t.contains("start on"), "{t}");
    assert!(t.contains("stop on runlevel [!2345]"), "{t}");
    assert!(
        losses
            .iter()
            .any(|l| l.code == "UL702" && l.message.contains("UL215")),
        "{losses:?}"
    );
    let (t, losses) = parsed(
        "getty@.service",
        "[Service]\nExecStart=/sbin/agetty %I\n[Install]\nWantedBy=getty.target\nDefaultInstance=tty1\n",
    );
    assert!(t.contains("env INSTANCE=tty1\n"), "{t}");
    assert!(t.contains("start on runlevel [2345]\n"), "{t}");
    assert!(losses.is_empty(), "{losses:?}");
    // A target that is no upstart event is reported.
    let (t, losses) = conv("[Service]\nExecStart=/bin/d\n[Install]\nWantedBy=cloud-init.target\n");
    assert!(t.contains("start on cloud-init\n"), "{t}");
    assert_eq!(losses, [("UL702", Severity::Warning)]);
}
