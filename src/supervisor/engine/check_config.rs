//! `initctl check-config [-w] [-i EVENT,...] [JOB]`: the `start on` and
//! `stop on` conditions no job or init can satisfy, worded and ordered as
//! initctl's `check_config_action` prints them.
//!
//! initctl rebuilds each condition from init's reverse-Polish form, so an
//! operator's first child is its *right* operand: the errors of `a and b`
//! read `b` before `a`. An operand is in error when its event is neither
//! init's own, nor in some job's `emits` (globs allowed), nor ignored;
//! or when it is a job event naming a job that does not exist. An `and` is
//! in error when either side is, an `or` only when both are (`--warn`: when
//! either is). The first node in error, from the root down, is reported
//! with every failing operand under it, and the rest of that condition is
//! not looked at.

use super::expr::{Arg, Node, fnmatch};
use super::{Engine, Spawner};
use crate::supervisor::control::protocol::Reply;

/// Events init emits itself besides the job events (initctl's
/// `IS_INIT_EVENT`, system mode).
const INIT_EVENTS: &[&str] = &[
    "startup",
    "debug",
    "control-alt-delete",
    "kbdrequest",
    "power-status-changed",
];

const JOB_EVENTS: &[&str] = &["starting", "started", "stopping", "stopped"];

/// A condition node as initctl evaluates it.
struct Checked {
    /// TRUE when reachable.
    value: bool,
    /// The operand's unknown event and unknown job (an operand only).
    event_in_error: Option<String>,
    job_in_error: Option<String>,
    /// (first, second) = (right operand, left operand) for an operator.
    children: Option<Box<(Checked, Checked)>>,
}

struct Known<'a> {
    jobs: Vec<&'a str>,
    emits: Vec<&'a str>,
    ignored: &'a [String],
    warn: bool,
}

impl Known<'_> {
    /// `allow_event`.
    fn event(&self, name: &str) -> bool {
        self.emits
            .iter()
            .any(|p| fnmatch(p.as_bytes(), name.as_bytes()))
            || INIT_EVENTS.contains(&name)
            || JOB_EVENTS.contains(&name)
            || self.ignored.iter().any(|i| i == name)
    }

    /// `allow_job`: a `$VARIABLE` is taken as known.
    fn job(&self, name: &str) -> bool {
        self.jobs.contains(&name) || name.starts_with('$')
    }

    fn check(&self, node: &Node) -> Checked {
        match node {
            Node::Match { name, args, .. } => {
                let job = if JOB_EVENTS.contains(&name.as_str()) {
                    job_name(args)
                } else {
                    None
                };
                let job_in_error = job.filter(|j| !self.job(j));
                let event_in_error = (!self.event(name)).then(|| name.clone());
                Checked {
                    value: job_in_error.is_none() && event_in_error.is_none(),
                    event_in_error,
                    job_in_error,
                    children: None,
                }
            }
            Node::Op { and, lhs, rhs, .. } => {
                let first = self.check(rhs);
                let second = self.check(lhs);
                let value = if *and || self.warn {
                    first.value && second.value
                } else {
                    first.value || second.value
                };
                Checked {
                    value,
                    event_in_error: None,
                    job_in_error: None,
                    children: Some(Box::new((first, second))),
                }
            }
        }
    }
}

/// initctl's `GET_JOB_NAME` over a job event's arguments: the first
/// `JOB=name`, or a first positional argument.
fn job_name(args: &[Arg]) -> Option<String> {
    for (i, arg) in args.iter().enumerate() {
        match arg {
            Arg::Named {
                key,
                negated: false,
                pattern,
            } if key == "JOB" => return Some(pattern.clone()),
            Arg::Positional(p) if i == 0 && !p.contains('=') => return Some(p.clone()),
            _ => {}
        }
    }
    None
}

/// The first node in error from the root down (pre-order over the root and
/// the operators).
fn first_error(node: &Checked, root: bool) -> Option<&Checked> {
    if node.children.is_none() && !root {
        return None;
    }
    if !node.value {
        return Some(node);
    }
    let (first, second) = node.children.as_deref()?;
    first_error(first, false).or_else(|| first_error(second, false))
}

/// `display_check_errors`: every failing operand under `node`, post-order.
fn display(node: &Checked, condition: &str, out: &mut String) {
    if let Some((first, second)) = node.children.as_deref() {
        display(first, condition, out);
        display(second, condition, out);
    }
    if let Some(e) = &node.event_in_error {
        out.push_str(&format!("  {condition}: unknown event {e}\n"));
    }
    if let Some(j) = &node.job_in_error {
        out.push_str(&format!("  {condition}: unknown job {j}\n"));
    }
}

impl<S: Spawner> Engine<S> {
    /// initctl's answer to `check-config`: the unreachable conditions of
    /// every registered job (or of `job` alone), status 1 when any.
    pub(super) fn check_config(&self, job: Option<&str>, ignored: &[String], warn: bool) -> Reply {
        let known = Known {
            jobs: self.class_names(),
            emits: self
                .class_order
                .iter()
                .flat_map(|&c| self.classes[c].emits.iter().map(String::as_str))
                .collect(),
            ignored,
            warn,
        };
        if let Some(j) = job
            && !known.jobs.contains(&j)
        {
            return Reply::error(&format!("Invalid job class: {j}"));
        }
        let mut out = String::new();
        let mut errors = false;
        for &c in &self.class_order {
            let class = &self.classes[c];
            if job.is_some_and(|j| j != class.name) {
                continue;
            }
            let mut shown = false;
            for (condition, tree) in [("start on", &class.start_on), ("stop on", &class.stop_on)] {
                let Some(tree) = tree else { continue };
                let checked = known.check(tree);
                if let Some(bad) = first_error(&checked, true) {
                    errors = true;
                    if !shown {
                        out.push_str(&format!("{}\n", class.name));
                        shown = true;
                    }
                    display(bad, condition, &mut out);
                }
            }
        }
        Reply {
            stdout: out,
            stderr: String::new(),
            status: i32::from(errors),
        }
    }
}
