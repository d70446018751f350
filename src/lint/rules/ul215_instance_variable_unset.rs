use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::StanzaKind;
use crate::diag::Code;
use crate::facts::events;

rule! {
    /// ## What it does
    /// Flags `instance $VAR` where nothing gives VAR a value when the job is
    /// started by its `start on` events: no `env VAR=…` default, and every
    /// event of `start on` is a standard event whose variables are known
    /// (upstart-events(7) lists them) and none of them is VAR. Jobs without `start on`
    /// (started by hand, `start JOB VAR=…`) and conditions with custom, job,
    /// udev or D-Bus events (which may carry anything) are not checked.
    ///
    /// ## Why is this bad?
    /// Upstart expands the instance name in the environment of the start.
    /// An unset variable makes the expansion fail ("Unknown parameter"), so
    /// every start by the event fails and the job never runs.
    ///
    /// ## Example
    /// ```text
    /// instance $PORT
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd --port $PORT
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// instance $PORT
    /// env PORT=8080
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd --port $PORT
    /// ```
    code: UL215,
    name: "instance-variable-unset",
    severity: Warning,
    default: true,
    summary: "`instance $VAR` where neither `env` nor the `start on` events set VAR",
    check: Check::Job(check),
}

/// The variables a standard event carries ([`events::event_variables`]); None
/// for an event that may carry others (job, udev, D-Bus, custom events).
fn event_variables(event: &str) -> Option<Vec<&'static str>> {
    events::event_variables(event)
        .filter(|v| v.more != events::More::Open)
        .map(|v| v.names().collect())
}

/// The variables an instance name expands without a default: `$A`, `${A}`
/// (not `${A:-x}`, `${A-x}`, `${A:=x}`, `${A=x}`).
fn required_variables(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        let braced = rest.starts_with('{');
        let body = if braced { &rest[1..] } else { rest };
        let end = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        let name = &body[..end];
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let after = &body[end..];
        if braced && !after.starts_with('}') {
            // `${A:-x}` and friends have a value either way.
            continue;
        }
        out.push(name);
    }
    out
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    let r = &ctx.resolved;
    let Some(instance) = r.instance else { return };
    // Report where the stanza is: in this file, not in its .conf/.override.
    let here = ctx.job().stanzas().any(|s| match &s.kind {
        StanzaKind::Instance { name } => std::ptr::eq(name, instance),
        _ => false,
    });
    let Some(start_on) = r.start_on else { return };
    if !here {
        return;
    }
    let mut provided: Vec<&str> = Vec::new();
    let mut names = Vec::new();
    for event in start_on.expr.events() {
        let Some(vars) = event_variables(&event.name) else {
            return;
        };
        provided.extend(vars);
        if !names.contains(&event.name.as_str()) {
            names.push(event.name.as_str());
        }
    }
    for name in required_variables(&instance.value) {
        if name.starts_with("UPSTART_")
            || provided.contains(&name)
            || r.env.iter().any(|v| v.key == name)
        {
            continue;
        }
        out.add(Code::UL215, instance.span, "Instance variable never set")
            .label(format!(
                "`${name}` has no `env {name}=…` default and `{}` does not carry {name}",
                names.join("`, `")
            ))
            .help(format!(
                "add `env {name}=DEFAULT`, or start the job only by hand (`start JOB {name}=…`, without `start on`); otherwise every start by the event fails (\"Unknown parameter\")"
            ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_without_defaults() {
        assert_eq!(required_variables("$PORT"), ["PORT"]);
        assert_eq!(required_variables("${A}-$B_2.x"), ["A", "B_2"]);
        assert!(required_variables("${A:-x}${B-y}${C:=z}$$ $1 tty").is_empty());
    }

    #[test]
    fn known_and_unknown_events() {
        assert_eq!(
            event_variables(":sys:runlevel"),
            event_variables("runlevel")
        );
        assert_eq!(event_variables("startup"), Some(vec![]));
        for open in ["started", "net-device-added", "dbus", "my-event"] {
            assert_eq!(event_variables(open), None, "{open}");
        }
    }
}
