//! `start on` / `stop on` as dependencies, `[Install]` targets and the
//! event targets generated beside the unit.

use super::*;

/// What the `start on` events translate to.
pub(super) fn start_on(c: &mut Ctx, r: &Resolved<'_>) {
    let Some(on) = r.start_on else {
        if r.manual {
            c.loss(
                Code::UL501,
                Severity::Info,
                r.place("manual"),
                "`manual`: no [Install] section",
            )
            .help("the unit is only started by hand (systemctl start), like the job");
        }
        return;
    };
    if contains_and(&on.expr) {
        c.loss(Code::UL502, Severity::Warning, on.expr.events()[0].span, "`and` in `start on` is approximated")
            .help("systemd has no \"both events happened\" trigger: the unit is ordered after every operand and installed into the last one");
    }
    start_expr(c, &on.expr);
    if r.manual {
        c.unit.sections.retain(|s| s.name != "Install");
    }
}

/// Translate an event expression: `or` installs into every alternative;
/// `and` orders after every operand but installs only into the last one
/// that installs anywhere (systemd cannot wait for several start triggers
/// at once).
pub(super) fn start_expr(c: &mut Ctx, e: &EventExpr) {
    match e {
        EventExpr::Match { event, .. } => mapped(c, "start on", event, start_event),
        EventExpr::Op { op, lhs, rhs, .. } if *op == Operator::And => {
            let saved = take_install(&mut c.unit);
            start_expr(c, lhs);
            let first = take_install(&mut c.unit);
            start_expr(c, rhs);
            let last = take_install(&mut c.unit);
            let chosen = if last.is_empty() { first } else { last };
            for entries in [saved, chosen] {
                for (key, value) in entries {
                    for v in value.split(' ') {
                        c.unit.add_to_list("Install", &key, v);
                    }
                }
            }
        }
        EventExpr::Op { lhs, rhs, .. } => {
            start_expr(c, lhs);
            start_expr(c, rhs);
        }
    }
}

/// Remove and return the entries of `[Install]`.
pub(super) fn take_install(unit: &mut Unit) -> Vec<(String, String)> {
    unit.sections
        .iter_mut()
        .find(|s| s.name == "Install")
        .map(|s| std::mem::take(&mut s.entries))
        .unwrap_or_default()
}

/// Install a unit started on the runlevels `pattern` matches: any of 2-5
/// (or no pattern) → multi-user.target, 5 alone → graphical.target, 0 or 6
/// → halt/poweroff/reboot, single-user alone → rescue.target.
pub(super) fn runlevel_install(c: &mut Ctx, pattern: Option<&str>, span: Span) {
    let levels = pattern.map_or_else(Vec::new, runlevels);
    let boot = levels.iter().any(|l| matches!(l, '2'..='5'));
    let u = &mut c.unit;
    if levels.is_empty() {
        u.add_to_list("Install", "WantedBy", "multi-user.target");
    } else if !boot && levels.iter().any(|l| matches!(l, '0' | '6')) {
        // Halt or reboot (perhaps with single-user, as `[!2345]`): a job
        // started at shutdown.
        u.add_to_list("Unit", "DefaultDependencies", "no");
        u.add_to_list("Unit", "Before", "shutdown.target");
        for t in ["halt.target", "poweroff.target", "reboot.target"] {
            u.add_to_list("Install", "WantedBy", t);
        }
        c.loss(Code::UL502, Severity::Warning, span, "a job started at shutdown became a unit wanted by halt/poweroff/reboot")
            .help("check the order: a RemainAfterExit=yes unit whose ExecStop= does the work is often better");
        if levels.iter().any(|l| matches!(l, '1' | 'S')) {
            c.loss(
                Code::UL502,
                Severity::Warning,
                span,
                "the single-user runlevels of this condition are not converted",
            )
            .help("add WantedBy=rescue.target if the job must also run when entering rescue mode");
        }
    } else if !boot {
        u.add_to_list("Install", "WantedBy", "rescue.target");
    } else if levels == ['5'] {
        u.add_to_list("Install", "WantedBy", "graphical.target");
    } else {
        u.add_to_list("Install", "WantedBy", "multi-user.target");
    }
}

pub(super) fn contains_and(e: &EventExpr) -> bool {
    match e {
        EventExpr::Match { .. } => false,
        EventExpr::Op { op, lhs, rhs, .. } => {
            *op == Operator::And || contains_and(lhs) || contains_and(rhs)
        }
    }
}

pub(super) fn positional(e: &EventMatch, i: usize) -> Option<&str> {
    e.args
        .iter()
        .filter_map(|a| match a {
            EventArg::Positional { pattern, .. } => Some(pattern.as_str()),
            EventArg::Named { .. } => None,
        })
        .nth(i)
}

pub(super) fn named<'e>(e: &'e EventMatch, key: &str) -> Option<(&'e str, bool)> {
    e.args.iter().find_map(|a| match a {
        EventArg::Named {
            key: k,
            negated,
            pattern,
            ..
        } if k == key => Some((pattern.as_str(), *negated)),
        _ => None,
    })
}

/// The runlevels a glob such as `[2345]`, `[!016]`, `2` or `S` matches.
pub(super) fn runlevels(pattern: &str) -> Vec<char> {
    let all = ['0', '1', '2', '3', '4', '5', '6', 'S'];
    let Some(inner) = pattern.strip_prefix('[').and_then(|p| p.strip_suffix(']')) else {
        return all
            .into_iter()
            .filter(|c| pattern == c.to_string() || pattern == "*")
            .collect();
    };
    let (negate, set) = match inner.strip_prefix(['!', '^']) {
        Some(s) => (true, s),
        None => (false, inner),
    };
    let mut chars: Vec<char> = Vec::new();
    let s: Vec<char> = set.chars().collect();
    let mut i = 0;
    while i < s.len() {
        if i + 2 < s.len() && s[i + 1] == '-' {
            let (a, b) = (s[i], s[i + 2]);
            chars.extend(all.iter().filter(|c| **c >= a && **c <= b));
            i += 3;
        } else {
            chars.push(s[i]);
            i += 1;
        }
    }
    all.into_iter()
        .filter(|c| chars.contains(c) != negate)
        .collect()
}

pub(super) fn start_event(c: &mut Ctx, e: &EventMatch) {
    let name = e.name.as_str();
    let stopped_rc = name == "stopped" && job_arg(e) == Some("rc");
    if !system_event(c, e) && !job_event(c, e, stopped_rc) {
        other_event(c, e);
    }
    dropped_filters(c, e, stopped_rc);
}

/// The job a job event (`started JOB`) names: its first positional
/// argument or a `JOB=` that is not negated.
fn job_arg(e: &EventMatch) -> Option<&str> {
    positional(e, 0).or_else(|| named(e, "JOB").filter(|(_, n)| !n).map(|(p, _)| p))
}

/// The events of the system's boot and session (runlevels, filesystems,
/// network, keys) as targets and orderings; false for any other event.
fn system_event(c: &mut Ctx, e: &EventMatch) -> bool {
    let u = &mut c.unit;
    let name = e.name.as_str();
    match name {
        "runlevel" => {
            let pattern = positional(e, 0)
                .or_else(|| named(e, "RUNLEVEL").filter(|(_, n)| !n).map(|(p, _)| p));
            runlevel_install(c, pattern, e.span);
        }
        "startup" | "virtual-filesystems" => {
            u.add_to_list("Unit", "DefaultDependencies", "no");
            u.add_to_list("Unit", "Conflicts", "shutdown.target");
            u.add_to_list("Unit", "Before", "shutdown.target");
            u.add_to_list("Install", "WantedBy", "sysinit.target");
        }
        "local-filesystems" => {
            u.add_to_list("Unit", "After", "local-fs.target");
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "remote-filesystems" => {
            u.add_to_list("Unit", "After", "remote-fs.target");
            u.add_to_list("Unit", "Wants", "remote-fs.target");
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "filesystem" => {
            for t in ["local-fs.target", "remote-fs.target", "swap.target"] {
                u.add_to_list("Unit", "After", t);
            }
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "all-swaps" => {
            u.add_to_list("Unit", "After", "swap.target");
            u.add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "mounted" | "mounting" => {
            match named(e, "MOUNTPOINT") {
                Some((m, false)) if m.starts_with('/') && !m.contains(['*', '?', '[', '$']) => {
                    u.add_to_list("Unit", "RequiresMountsFor", &plain(m));
                }
                _ => {
                    c.loss(
                        Code::UL502,
                        Severity::Warning,
                        e.span,
                        format!("`{name}` without a fixed MOUNTPOINT is approximated"),
                    )
                    .help("systemd orders on mount units: add RequiresMountsFor=/path");
                    c.unit.add_to_list("Unit", "After", "local-fs.target");
                }
            }
            c.unit
                .add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "net-device-up" | "static-network-up" => {
            match named(e, "IFACE") {
                Some((iface, false)) if !iface.contains(['*', '?', '[', '$']) => {
                    let dev = format!(
                        "{}.device",
                        path_unit_name(&format!("/sys/subsystem/net/devices/{iface}"))
                    );
                    u.add_to_list("Unit", "BindsTo", &dev);
                    u.add_to_list("Unit", "After", &dev);
                    c.loss(
                        Code::UL502,
                        Severity::Warning,
                        e.span,
                        format!(
                            "`IFACE={iface}` became the device's presence, not its configuration"
                        ),
                    )
                    .help("use network-online.target if the address must be configured");
                }
                _ => {
                    u.add_to_list("Unit", "Wants", "network-online.target");
                    u.add_to_list("Unit", "After", "network-online.target");
                }
            }
            c.unit
                .add_to_list("Install", "WantedBy", "multi-user.target");
        }
        "control-alt-delete" => u.add_to_list("Install", "WantedBy", "ctrl-alt-del.target"),
        "keyboard-request" => u.add_to_list("Install", "WantedBy", "kbrequest.target"),
        "power-status-changed" => u.add_to_list("Install", "WantedBy", "sigpwr.target"),
        "desktop-session-start" | "login-session-start" => {
            u.add_to_list("Unit", "After", "display-manager.service");
            u.add_to_list("Install", "WantedBy", "graphical.target");
        }
        _ => return false,
    }
    true
}

/// `started`/`starting`/`stopping`/`stopped JOB` as orderings on its unit;
/// false for any other event.
fn job_event(c: &mut Ctx, e: &EventMatch, stopped_rc: bool) -> bool {
    let u = &mut c.unit;
    let name = e.name.as_str();
    match name {
        "started" | "starting" => match job_arg(e) {
            Some(j) if !j.contains(['*', '?', '[', '$']) => {
                let svc = format!("{}.service", unit_name(j));
                u.add_to_list(
                    "Unit",
                    if name == "started" { "After" } else { "Before" },
                    &svc,
                );
                u.add_to_list("Install", "WantedBy", &svc);
            }
            _ => {
                c.loss(
                    Code::UL502,
                    Severity::Warning,
                    e.span,
                    format!("`{name}` without a fixed job name cannot be converted"),
                )
                .help("name the unit in After=/WantedBy= by hand");
            }
        },
        "stopped" if stopped_rc => {
            // rc has run the SysV scripts of the new runlevel: late jobs
            // such as gettys.
            u.add_to_list("Unit", "After", "rc-local.service");
            let pattern = named(e, "RUNLEVEL").filter(|(_, n)| !n).map(|(p, _)| p);
            runlevel_install(c, pattern, e.span);
        }
        "stopping" | "stopped" => {
            c.loss(Code::UL502, Severity::Warning, e.span, format!("`start on {name} JOB` has no direct systemd form"))
                .help("add to that unit a drop-in with OnSuccess=/OnFailure= (stopped) or ExecStop=-systemctl start --no-block (stopping)");
        }
        _ => return false,
    }
    true
}

/// Bridge and udev events, the other standard events, and custom events
/// (a target generated beside the unit).
fn other_event(c: &mut Ctx, e: &EventMatch) {
    let name = e.name.as_str();
    match name {
        "socket" | "file" | "dbus" => {
            c.loss(Code::UL503, Severity::Warning, e.span, format!("the `{name}` bridge event needs a different unit type"))
                .help("socket → a .socket unit, file → a .path unit, dbus → D-Bus activation; the program may need changes (LISTEN_FDS)");
        }
        n if n.contains("-device-") && events::is_standard_event(n) => {
            c.loss(Code::UL503, Severity::Warning, e.span, format!("the udev event `{n}` needs a udev rule"))
                .help("TAG+=\"systemd\", ENV{SYSTEMD_WANTS}+=\"JOB.service\" in a udev rule, or a .device unit in WantedBy=");
        }
        n if events::is_standard_event(n) => {
            c.loss(
                Code::UL502,
                Severity::Warning,
                e.span,
                format!("the event `{n}` has no systemd equivalent"),
            )
            .help("install the unit into the target that matches the moment by hand");
        }
        n => {
            // A custom event (`initctl emit n`): a target to start instead.
            let target = format!("{}.target", unit_name(n));
            if !c.extra.iter().any(|x| x.file_name == target) {
                let mut t = Unit::default();
                t.set("Unit", "Description", plain(&format!("upstart event {n}")));
                t.set("Unit", "StopWhenUnneeded", "yes");
                c.extra.push(OutputUnit {
                    file_name: target.clone(),
                    unit: t,
                });
            }
            c.unit.add_to_list("Unit", "After", &target);
            c.unit.add_to_list("Install", "WantedBy", &target);
            c.notes.push(format!(
                "`initctl emit {n}` becomes `systemctl start {target}` (after `systemctl enable`); event variables are not passed"
            ));
            c.loss(Code::UL510, Severity::Info, e.span, format!("the event `{n}` became {target}"))
                .help(format!("start it with `systemctl start {target}` where the job was started by `initctl emit {n}`"));
        }
    }
}

/// The event variables a unit cannot filter on (`UL502`).
fn dropped_filters(c: &mut Ctx, e: &EventMatch, stopped_rc: bool) {
    let name = e.name.as_str();
    // The bridge events' variables are part of the UL503 finding already.
    let bridge = matches!(name, "socket" | "file" | "dbus") || name.contains("-device-");
    for a in &e.args {
        if let EventArg::Named { key, .. } = a
            && !bridge
            && !matches!(
                (name, key.as_str()),
                ("runlevel", "RUNLEVEL")
                    | (_, "JOB")
                    | ("mounted" | "mounting", "MOUNTPOINT")
                    | ("net-device-up", "IFACE")
            )
            && !(stopped_rc && key == "RUNLEVEL")
        {
            c.loss(
                Code::UL502,
                Severity::Warning,
                a.span(),
                format!("the filter `{key}` on `{name}` is dropped"),
            )
            .help("systemd cannot filter on event variables");
        }
    }
}

pub(super) fn stop_on(c: &mut Ctx, r: &Resolved<'_>) {
    let Some(on) = r.stop_on else { return };
    for e in on.expr.events() {
        mapped(c, "stop on", e, stop_event);
    }
}

/// Run `convert` for the event `e` of `stanza` and record what it added to
/// the unit and which losses it caused ([`EventMapping`]).
fn mapped(c: &mut Ctx, stanza: &'static str, e: &EventMatch, convert: fn(&mut Ctx, &EventMatch)) {
    let before = directives(&c.unit);
    let losses = c.losses.len();
    convert(c, e);
    let directives = directives(&c.unit)
        .into_iter()
        .filter(|d| !before.contains(d))
        .collect();
    let mut event = e.name.clone();
    for a in &e.args {
        event.push(' ');
        event.push_str(&a.text());
    }
    let losses = c.losses[losses..].iter().map(|l| l.code).collect();
    let note = c.event_note.take();
    c.events.push(EventMapping {
        stanza,
        event,
        directives,
        losses,
        note,
    });
}

/// Every `Key=value` of a unit, one value of a list each, in order.
fn directives(unit: &Unit) -> Vec<String> {
    unit.sections
        .iter()
        .flat_map(|s| s.entries.iter())
        .flat_map(|(k, v)| v.split(' ').map(move |w| format!("{k}={w}")))
        .collect()
}

/// One event of `stop on`.
fn stop_event(c: &mut Ctx, e: &EventMatch) {
    let name = e.name.as_str();
    let job = positional(e, 0).or_else(|| named(e, "JOB").filter(|(_, n)| !n).map(|(p, _)| p));
    match (name, job) {
        // Default dependencies already stop the unit at shutdown, which
        // is when these events come.
        (
            "runlevel"
            | "unmounting-filesystem"
            | "deconfiguring-networking"
            | "unmounted-remote-filesystems",
            _,
        ) => c.event_note = Some("stopped at shutdown by systemd's default dependencies"),
        ("stopping" | "stopped", Some(j)) if !j.contains(['*', '?', '[', '$']) => {
            c.unit
                .add_to_list("Unit", "PartOf", &format!("{}.service", unit_name(j)));
            if name == "stopped" {
                c.loss(
                    Code::UL502,
                    Severity::Info,
                    e.span,
                    "`stop on stopped JOB` became PartOf= (stops with it, not after it)",
                );
            }
        }
        ("starting", Some(j)) if !j.contains(['*', '?', '[', '$']) => {
            c.unit
                .add_to_list("Unit", "Conflicts", &format!("{}.service", unit_name(j)));
        }
        _ => {
            c.loss(
                Code::UL511,
                Severity::Warning,
                e.span,
                format!("`stop on {name}` is not converted"),
            )
            .help("systemd stops units by dependencies: use PartOf=/Conflicts= by hand if needed");
        }
    }
}
