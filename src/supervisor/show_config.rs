//! `initctl show-config [-e] [JOB]...`: each job's `emits`, `start on` and
//! `stop on` in initctl's own format. Every operator is parenthesised
//! (`(a and (b or c))`), arguments are printed bare; with `-e` each event of
//! a condition is a line of its own, a job event's job named apart:
//! `  start on started (job: db, env: X=1)`.

use crate::ast::{EventArg, EventExpr, EventMatch, Resolved};

/// The text of `show-config` for `jobs` (name and stored values), in the
/// order given.
#[must_use]
pub fn render(jobs: &[(&str, Resolved<'_>)], enumerate: bool) -> String {
    let mut out = String::new();
    for (name, r) in jobs {
        out.push_str(name);
        out.push('\n');
        for e in &r.emits {
            out.push_str(&format!("  emits {}\n", e.value));
        }
        for (stanza, on) in [("start on", r.start_on), ("stop on", r.stop_on)] {
            let Some(on) = on else { continue };
            if enumerate {
                let mut events = Vec::new();
                on.expr.collect_matches(&mut events);
                for m in events {
                    out.push_str(&enumerated(stanza, m));
                }
            } else {
                out.push_str(&format!("  {stanza} {}\n", infix(&on.expr)));
            }
        }
    }
    out
}

fn infix(e: &EventExpr) -> String {
    match e {
        EventExpr::Match { event, .. } => std::iter::once(event.name.clone())
            .chain(event.args.iter().map(EventArg::text))
            .collect::<Vec<_>>()
            .join(" "),
        EventExpr::Op { op, lhs, rhs, .. } => {
            format!("({} {} {})", infix(lhs), op.as_str(), infix(rhs))
        }
    }
}

fn enumerated(stanza: &str, m: &EventMatch) -> String {
    let named = m.named_job().map(|n| n.index);
    let env: String = m
        .args
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != named)
        .map(|(_, a)| format!(" {}", a.text()))
        .collect();
    let job = m
        .named_job()
        .map_or_else(String::new, |n| format!(" {}", n.name));
    format!("  {stanza} {} (job:{job}, env:{env})\n", m.name)
}

trait Matches {
    fn collect_matches<'a>(&'a self, out: &mut Vec<&'a EventMatch>);
}

impl Matches for EventExpr {
    fn collect_matches<'a>(&'a self, out: &mut Vec<&'a EventMatch>) {
        match self {
            Self::Match { event, .. } => out.push(event),
            Self::Op { lhs, rhs, .. } => {
                lhs.collect_matches(out);
                rhs.collect_matches(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::LoadedJob;

    fn show(text: &str, enumerate: bool) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("j.conf");
        std::fs::write(&path, text).expect("write");
        let job = LoadedJob::load(&path, "j".into()).expect("load");
        render(&[("j", job.resolved())], enumerate)
    }

    #[test]
    fn as_initctl_prints_it() {
        // Recorded from upstart 1.13.2 (conformance events/14_emits).
        assert_eq!(
            show("emits foo\nstart on startup\nexec true\n", false),
            "j\n  emits foo\n  start on startup\n"
        );
        assert_eq!(
            show(
                "start on a and (b X=1 or c)\nstop on stopping JOB!=x or d\n",
                false
            ),
            "j\n  start on (a and (b X=1 or c))\n  stop on (stopping JOB!=x or d)\n"
        );
        assert_eq!(
            show(
                "start on started db X=1 or net-device-up IFACE=eth0\n",
                true
            ),
            "j\n  start on started (job: db, env: X=1)\n  start on net-device-up (job:, env: IFACE=eth0)\n"
        );
    }
}
