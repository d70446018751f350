use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::ast::{EventArg, StanzaKind};
use crate::diag::Code;

rule! {
    /// ## What it does
    /// Flags a `$NAME` or `${...}` in the value of a `start on` event
    /// argument (`start on net-device-up IFACE=$IFACE`,
    /// `start on started JOB=${DEP}`).
    ///
    /// ## Why is this bad?
    /// Upstart expands variables in an event argument's value before it
    /// compares it with the event, against an environment: for `stop on`,
    /// the running instance's (`stop on stopping JOB=$JOB` works). For
    /// `start on`, upstart 1.13.2 supplies no environment at all, not even
    /// the job's `env` stanzas, so the expansion fails and that argument
    /// never matches: the job never starts on that event, and upstart says
    /// nothing. init(5) claims otherwise; the code decides. Only `${}` (a
    /// literal `$`) and a `$` not followed by a name or `{` stay as written.
    ///
    /// ## Example
    /// ```text
    /// env IFACE=eth0
    /// start on net-device-up IFACE=$IFACE
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// start on net-device-up IFACE=eth0
    /// ```
    code: UL223,
    name: "variable-in-start-on",
    severity: Warning,
    default: true,
    summary: "`$VAR` in a `start on` value: upstart expands no variable there, so the event never matches",
    check: Check::Job(check),
}

/// Whether upstart's expansion of `value` refers to a variable (and so
/// fails without an environment): `$` followed by a name character, or
/// `${` not closed at once.
fn refers_to_variable(value: &str) -> bool {
    let b = value.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'$'
            && match b.get(i + 1) {
                Some(n) if n.is_ascii_alphabetic() || *n == b'_' => true,
                Some(b'{') => b.get(i + 2) != Some(&b'}'),
                _ => false,
            }
    })
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    for s in ctx.job().stanzas() {
        let StanzaKind::StartOn { on } = &s.kind else {
            continue;
        };
        for event in on.expr.events() {
            for arg in &event.args {
                let (pattern, span) = match arg {
                    EventArg::Positional { pattern, span }
                    | EventArg::Named { pattern, span, .. } => (pattern, *span),
                };
                if refers_to_variable(pattern) {
                    out.add(
                        Code::UL223,
                        span,
                        "Variable in a `start on` match, which never matches",
                    )
                    .label(format!(
                        "`{pattern}` is matched as written against `{}`'s argument: `start on` expands no variable",
                        event.name
                    ))
                    .help("write the value itself; only `stop on` values expand variables (from the running instance)");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::refers_to_variable;

    #[test]
    fn what_upstart_would_try_to_expand() {
        for v in ["$IFACE", "a$B", "${X}", "${X:-y}", "$_x", "${"] {
            assert!(refers_to_variable(v), "{v}");
        }
        for v in ["eth0", "${}", "$", "a$", "$1", "$-", "[$]"] {
            assert!(!refers_to_variable(v), "{v}");
        }
    }
}
