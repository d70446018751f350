//! Dependencies and `[Install]` as `start on` / `stop on` event
//! expressions.

use super::*;

pub(super) fn event(name: &str, args: &[&str]) -> EventExpr {
    EventExpr::Match {
        event: EventMatch {
            name: name.to_string(),
            name_span: Span::default(),
            args: args
                .iter()
                .map(|a| {
                    if a.contains('=') {
                        EventArg::from_token(a, Span::default())
                    } else {
                        EventArg::Positional {
                            pattern: (*a).to_string(),
                            span: Span::default(),
                        }
                    }
                })
                .collect(),
            span: Span::default(),
        },
        parens: 0,
    }
}

/// Most terms one `start on`/`stop on` chain gets: a chain of N terms is N
/// levels deep, and two chains nest, within the parser's depth limit.
pub(super) const MAX_TERMS: usize = crate::syntax::MAX_EXPR_DEPTH / 2;

pub(super) fn cap_terms(c: &mut Ctx<'_>, terms: &mut Vec<EventExpr>, which: &str) {
    if terms.len() > MAX_TERMS {
        c.loss(
            Code::UL702,
            Severity::Warning,
            Span::default(),
            format!(
                "{} conditions for `{which} on`: only the first {MAX_TERMS} are kept (upstart-tools refuses deeper expressions)",
                terms.len()
            ),
        );
        terms.truncate(MAX_TERMS);
    }
}

pub(super) fn combine(op: Operator, terms: Vec<EventExpr>) -> Option<EventExpr> {
    let mut it = terms.into_iter();
    let mut acc = it.next()?;
    for t in it {
        let mut t = t;
        if matches!(t, EventExpr::Op { .. }) {
            *t.parens_mut() += 1;
        }
        acc = EventExpr::Op {
            op,
            lhs: Box::new(acc),
            rhs: Box::new(t),
            op_span: Span::default(),
            parens: 0,
        };
    }
    Some(acc)
}

pub(super) fn on(expr: EventExpr) -> OnCondition {
    OnCondition {
        expr,
        comments: Vec::new(),
    }
}

/// The list settings whose values are unit names.
pub(super) const UNIT_LISTS: &[&str] = &[
    "WantedBy",
    "RequiredBy",
    "After",
    "Before",
    "Wants",
    "Requires",
    "PartOf",
    "BindsTo",
    "Conflicts",
];

/// systemd's `unit_name_is_valid` before specifiers are resolved: a
/// non-empty name of its allowed characters (`%` for specifiers) and a
/// suffix after the last dot.
pub(super) fn unit_name_ok(name: &str) -> bool {
    let Some((stem, suffix)) = name.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && !suffix.is_empty()
        && name.len() <= 255
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b":-_.\\@%".contains(&b))
}

/// The dependency lists of a unit, and which of their units the events
/// already say (the others are reported as approximated).
struct Deps<'u> {
    /// `WantedBy=` then `RequiredBy=`.
    wanted: Vec<(String, &'u Entry)>,
    after: Vec<(String, &'u Entry)>,
    before: Vec<(String, &'u Entry)>,
    wants: Vec<(String, &'u Entry)>,
    used: BTreeSet<String>,
}

impl Deps<'_> {
    fn has_after(&self, n: &str) -> bool {
        self.after.iter().any(|(a, _)| a == n)
    }

    fn has_before(&self, n: &str) -> bool {
        self.before.iter().any(|(a, _)| a == n)
    }
}

pub(super) fn events(c: &mut Ctx<'_>) {
    let wanted: Vec<(String, &Entry)> = {
        let mut w = c.list("Install", "WantedBy");
        w.extend(c.list("Install", "RequiredBy"));
        w
    };
    let after: Vec<(String, &Entry)> = c.list("Unit", "After");
    let before: Vec<(String, &Entry)> = c.list("Unit", "Before");
    let wants: Vec<(String, &Entry)> = c.list("Unit", "Wants");
    let mut d = Deps {
        wanted,
        after,
        before,
        wants,
        used: BTreeSet::new(),
    };
    let dd_no = c
        .last("Unit", "DefaultDependencies")
        .is_some_and(|e| matches!(e.value.as_str(), "no" | "false" | "0" | "off"));
    let (mut start, stop_runlevel) = install_terms(c, &mut d);
    let and_terms = ordering_terms(c, &mut d, start.is_empty());
    if dd_no {
        d.used.insert("shutdown.target".into());
    }
    let mut stop = stop_terms(c, stop_runlevel);
    report_approximated(c, &d);
    cap_terms(c, &mut start, "start");
    cap_terms(c, &mut stop, "stop");
    let mut terms = Vec::new();
    if let Some(s) = combine(Operator::Or, start) {
        terms.push(s);
    }
    if !terms.is_empty() {
        terms.extend(and_terms);
    }
    cap_terms(c, &mut terms, "start");
    template_without_instance(c, &d, &mut terms);
    if let Some(expr) = combine(Operator::And, terms) {
        c.items.push(item(StanzaKind::StartOn {
            on: Box::new(on(expr)),
        }));
    }
    if let Some(expr) = combine(Operator::Or, stop) {
        c.items.push(item(StanzaKind::StopOn {
            on: Box::new(on(expr)),
        }));
    }
}

/// `WantedBy=`/`RequiredBy=` targets as the `start on` terms joined by
/// `or`, and whether the job stops on leaving the runlevels.
fn install_terms<'u>(c: &mut Ctx<'u>, d: &mut Deps<'u>) -> (Vec<EventExpr>, bool) {
    let mut start: Vec<EventExpr> = Vec::new();
    let mut stop_runlevel = false;
    let mut shutdown = false;
    for (t, e) in &d.wanted {
        let term = match t.as_str() {
            "multi-user.target" | "default.target" => {
                stop_runlevel = true;
                if d.has_after("rc-local.service") {
                    d.used.insert("rc-local.service".into());
                    event("stopped", &["rc", "RUNLEVEL=[2345]"])
                } else {
                    event("runlevel", &["[2345]"])
                }
            }
            "graphical.target" => {
                stop_runlevel = true;
                if d.has_after("display-manager.service") {
                    d.used.insert("display-manager.service".into());
                    event("desktop-session-start", &[])
                } else {
                    event("runlevel", &["[5]"])
                }
            }
            // Pulled in by multi-user.target: the gettys of runlevels 2-5.
            "getty.target" => {
                stop_runlevel = true;
                event("runlevel", &["[2345]"])
            }
            "sysinit.target" | "basic.target" => event("startup", &[]),
            "rescue.target" => event("runlevel", &["S"]),
            "halt.target" | "poweroff.target" | "reboot.target" => {
                if shutdown {
                    continue;
                }
                shutdown = true;
                d.used.insert("shutdown.target".into());
                event("runlevel", &["[06]"])
            }
            "ctrl-alt-del.target" => event("control-alt-delete", &[]),
            "kbrequest.target" => event("keyboard-request", &[]),
            "sigpwr.target" => event("power-status-changed", &[]),
            "local-fs.target" => event("local-filesystems", &[]),
            "remote-fs.target" => event("remote-filesystems", &[]),
            "network-online.target" | "network.target" => event("net-device-up", &["IFACE!=lo"]),
            // `.service` / `.target` alone name no unit: left to the loss below.
            s if s.len() > ".service".len() && s.ends_with(".service") => {
                let job = s.strip_suffix(".service").unwrap_or(s);
                d.used.insert(s.to_string());
                if d.has_before(s) {
                    event("starting", &[job])
                } else {
                    event("started", &[job])
                }
            }
            s if s.len() > ".target".len() && s.ends_with(".target") => {
                d.used.insert(s.to_string());
                let name = s.strip_suffix(".target").unwrap_or(s);
                if !crate::facts::events::STANDARD_EVENTS.contains(&name) {
                    c.loss(
                        Code::UL702,
                        Severity::Warning,
                        e.value_span,
                        format!(
                            "`{s}` becomes the event `{name}`: upstart has no targets, and nothing emits `{name}` unless a job runs `initctl emit {name}` (upstart-lint: UL302, and UL303 if a job is named `{name}`)"
                        ),
                    );
                    c.help(&format!(
                        "emit it where systemd reaches {s}, or start the job on a standard event"
                    ));
                }
                event(name, &[])
            }
            s => {
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!("installing into `{s}` has no upstart event"),
                );
                continue;
            }
        };
        if !start.contains(&term) {
            start.push(term);
        }
    }
    (start, stop_runlevel)
}

/// Ordering on standard targets and `RequiresMountsFor=`: extra `and` terms.
fn ordering_terms<'u>(c: &mut Ctx<'u>, d: &mut Deps<'u>, no_start: bool) -> Vec<EventExpr> {
    let mut and_terms: Vec<EventExpr> = Vec::new();
    if !no_start {
        for (t, _) in &d.after {
            let term = match t.as_str() {
                "local-fs.target" => event("local-filesystems", &[]),
                "remote-fs.target" => event("remote-filesystems", &[]),
                "network-online.target" | "network.target" => {
                    event("net-device-up", &["IFACE!=lo"])
                }
                "swap.target" => event("all-swaps", &[]),
                _ => continue,
            };
            d.used.insert(t.clone());
            if !and_terms.contains(&term) {
                and_terms.push(term);
            }
        }
    }
    for (mp, e) in c.list("Unit", "RequiresMountsFor") {
        if no_start {
            c.loss(
                Code::UL702,
                Severity::Warning,
                e.value_span,
                format!("`RequiresMountsFor={mp}` without an install target is not converted"),
            );
        } else {
            and_terms.push(event("mounted", &[&format!("MOUNTPOINT={mp}")]));
        }
    }
    and_terms
}

/// `PartOf=`, `BindsTo=`, `Conflicts=` (and leaving the runlevels) as the
/// `stop on` terms joined by `or`.
fn stop_terms(c: &mut Ctx<'_>, stop_runlevel: bool) -> Vec<EventExpr> {
    let mut stop: Vec<EventExpr> = Vec::new();
    if stop_runlevel {
        stop.push(event("runlevel", &["[!2345]"]));
    }
    for key in ["PartOf", "BindsTo", "Conflicts"] {
        for (t, e) in c.list("Unit", key) {
            if t == "shutdown.target" {
                continue;
            }
            if let Some(job) = t.strip_suffix(".service") {
                stop.push(event(
                    if key == "Conflicts" {
                        "starting"
                    } else {
                        "stopping"
                    },
                    &[job],
                ));
            } else {
                c.loss(
                    Code::UL702,
                    Severity::Warning,
                    e.value_span,
                    format!("`{key}={t}` has no upstart equivalent"),
                );
            }
        }
    }
    stop
}

/// The orderings the events do not say, and `Requires=`/`Requisite=`.
fn report_approximated(c: &mut Ctx<'_>, d: &Deps<'_>) {
    for (key, list) in [
        ("After", &d.after),
        ("Before", &d.before),
        ("Wants", &d.wants),
    ] {
        for (t, e) in list {
            if d.used.contains(t) || (key == "Before" && t == "shutdown.target") {
                continue;
            }
            c.loss(
                Code::UL702,
                Severity::Warning,
                e.value_span,
                format!("`{key}={t}` is only approximated by upstart's events"),
            );
            c.help("upstart has no dependency engine: add `and started X` or `pre-start exec start X || true` by hand");
        }
    }
    for key in ["Requires", "Requisite"] {
        for (t, e) in c.list("Unit", key) {
            c.loss(
                Code::UL702,
                Severity::Warning,
                e.value_span,
                format!("`{key}={t}` is only approximated"),
            );
        }
    }
}

/// A template is installed for the instances `systemctl enable` names;
/// an upstart event that does not carry the instance cannot start one:
/// without `DefaultInstance=` the job gets no `start on`.
fn template_without_instance(c: &mut Ctx<'_>, d: &Deps<'_>, terms: &mut Vec<EventExpr>) {
    if c.unit.name.contains("@.") && !terms.is_empty() {
        let var = c.instance_var();
        let default = c
            .last("Install", "DefaultInstance")
            .map(|e| c.spec(e.value.trim()))
            .filter(|v| !v.is_empty() && !v.contains(char::is_whitespace));
        if let Some(v) = default {
            // `DefaultInstance=`: the instance the events start.
            c.items.push(item(StanzaKind::Env {
                var: EnvVar {
                    key: var.into(),
                    value: Some(v.into()),
                    span: Span::default(),
                },
            }));
        } else {
            let span = d
                .wanted
                .first()
                .map_or_else(Span::default, |(_, e)| e.value_span);
            c.loss(
                Code::UL702,
                Severity::Warning,
                span,
                "a template is installed for each instance `systemctl enable` names; the events of upstart cannot say which instance to start, so the job has no `start on` (upstart-lint: UL215)".to_string(),
            );
            c.help(&format!(
                "start instances with `start JOB {var}=NAME`, or add `env {var}=NAME` and a `start on` for one default instance"
            ));
            terms.clear();
        }
    }
}
