//! The graph of a job set, as upstart's `initctl2dot` drew it for a running
//! system: jobs (boxes) and events (diamonds); `start on` edges solid,
//! `stop on` edges dashed, `emits` edges from a job to its events. A job
//! event (`started apache`) is an edge from the job it names, labelled with
//! the event, so chains of jobs read directly.

use crate::ast::NamedJob;
use crate::ast::{EventArg, OnCondition, Resolved};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A node: a job of the set (or one named by a job event), or an event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Node {
    Job(String),
    Event(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    Start,
    Stop,
    Emits,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: Node,
    pub to: Node,
    pub kind: EdgeKind,
    /// The job event's name and the match's other arguments.
    pub label: String,
}

/// Jobs, events and edges, each sorted so the output is stable.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// The jobs read.
    pub jobs: BTreeSet<String>,
    /// Jobs named by job events but not in the set.
    pub foreign: BTreeSet<String>,
    pub events: BTreeSet<String>,
    pub edges: BTreeSet<Edge>,
}

impl Graph {
    /// Add a job and its `start on`, `stop on` and `emits`.
    pub fn add(&mut self, name: &str, r: &Resolved<'_>) {
        self.jobs.insert(name.to_string());
        self.foreign.remove(name);
        for (on, kind) in [(r.start_on, EdgeKind::Start), (r.stop_on, EdgeKind::Stop)] {
            if let Some(on) = on {
                self.add_condition(name, on, kind);
            }
        }
        for e in &r.emits {
            self.events.insert(e.value.clone());
            self.edges.insert(Edge {
                from: Node::Job(name.to_string()),
                to: Node::Event(e.value.clone()),
                kind: EdgeKind::Emits,
                label: String::new(),
            });
        }
    }

    fn add_condition(&mut self, job: &str, on: &OnCondition, kind: EdgeKind) {
        for m in on.expr.events() {
            let args: Vec<String> = m.args.iter().map(arg_text).collect();
            // `started apache`: an edge from the job the event names.
            let (from, label) = match m.named_job() {
                Some(NamedJob { index: i, name, .. }) => {
                    let other = name.to_string();
                    if !self.jobs.contains(&other) {
                        self.foreign.insert(other.clone());
                    }
                    let rest: Vec<&str> = args
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, a)| a.as_str())
                        .collect();
                    (Node::Job(other), join(&m.name, &rest))
                }
                None => {
                    self.events.insert(m.name.clone());
                    let rest: Vec<&str> = args.iter().map(String::as_str).collect();
                    (Node::Event(m.name.clone()), rest.join(" "))
                }
            };
            self.edges.insert(Edge {
                from,
                to: Node::Job(job.to_string()),
                kind,
                label,
            });
        }
    }

    /// Graphviz DOT.
    #[must_use]
    pub fn to_dot(&self) -> String {
        let mut out = String::from(
            "digraph upstart {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", fontsize=10];\n  edge [fontname=\"sans-serif\", fontsize=9];\n",
        );
        for j in &self.jobs {
            let _ = writeln!(
                out,
                "  {} [label={}, shape=box, style=filled, fillcolor=\"#dbe9f6\"];",
                id(&Node::Job(j.clone())),
                quote(j)
            );
        }
        for j in self.foreign.iter().filter(|j| !self.jobs.contains(*j)) {
            let _ = writeln!(
                out,
                "  {} [label={}, shape=box, style=dashed];",
                id(&Node::Job(j.clone())),
                quote(j)
            );
        }
        for e in &self.events {
            let _ = writeln!(
                out,
                "  {} [label={}, shape=diamond, style=filled, fillcolor=\"#f6f0db\"];",
                id(&Node::Event(e.clone())),
                quote(e)
            );
        }
        for e in &self.edges {
            let mut attrs = Vec::new();
            if !e.label.is_empty() {
                attrs.push(format!("label={}", quote(&e.label)));
            }
            match e.kind {
                EdgeKind::Start => {}
                EdgeKind::Stop => attrs.push("style=dashed, color=\"#b03030\"".to_string()),
                EdgeKind::Emits => attrs.push("style=bold, color=\"#3060b0\"".to_string()),
            }
            let attrs = if attrs.is_empty() {
                String::new()
            } else {
                format!(" [{}]", attrs.join(", "))
            };
            let _ = writeln!(out, "  {} -> {}{attrs};", id(&e.from), id(&e.to));
        }
        out.push_str("}\n");
        out
    }
}

fn arg_text(a: &EventArg) -> String {
    match a {
        EventArg::Positional { pattern, .. } => pattern.clone(),
        EventArg::Named {
            key,
            negated,
            pattern,
            ..
        } => format!("{key}{}{pattern}", if *negated { "!=" } else { "=" }),
    }
}

fn join(first: &str, rest: &[&str]) -> String {
    std::iter::once(first)
        .chain(rest.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A node id that no job name can make collide with an event of that name.
fn id(n: &Node) -> String {
    match n {
        Node::Job(j) => quote(&format!("job:{j}")),
        Node::Event(e) => quote(&format!("event:{e}")),
    }
}

/// A DOT double-quoted string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::resolve;
    use crate::syntax::parse_str;

    fn graph(jobs: &[(&str, &str)]) -> Graph {
        let parsed: Vec<_> = jobs.iter().map(|(n, t)| (*n, parse_str(t))).collect();
        let mut g = Graph::default();
        for (n, p) in &parsed {
            g.add(n, &resolve(&[&p.job]));
        }
        g
    }

    #[test]
    fn job_events_link_jobs_and_other_events_are_nodes() {
        let g = graph(&[
            (
                "db",
                "start on runlevel [2345]\nstop on runlevel [!2345]\nemits db-ready\n",
            ),
            (
                "web",
                "start on started db and net-device-up IFACE!=lo\nstop on stopping db\n",
            ),
        ]);
        assert!(g.edges.contains(&Edge {
            from: Node::Job("db".into()),
            to: Node::Job("web".into()),
            kind: EdgeKind::Start,
            label: "started".into(),
        }));
        assert!(g.edges.contains(&Edge {
            from: Node::Job("db".into()),
            to: Node::Job("web".into()),
            kind: EdgeKind::Stop,
            label: "stopping".into(),
        }));
        assert!(g.edges.contains(&Edge {
            from: Node::Event("net-device-up".into()),
            to: Node::Job("web".into()),
            kind: EdgeKind::Start,
            label: "IFACE!=lo".into(),
        }));
        assert!(g.edges.contains(&Edge {
            from: Node::Job("db".into()),
            to: Node::Event("db-ready".into()),
            kind: EdgeKind::Emits,
            label: String::new(),
        }));
        assert_eq!(
            g.events.iter().map(String::as_str).collect::<Vec<_>>(),
            ["db-ready", "net-device-up", "runlevel"]
        );
        assert!(g.foreign.is_empty());
    }

    #[test]
    fn a_job_outside_the_set_is_drawn_dashed() {
        let g = graph(&[("web", "start on started mysql\n")]);
        assert!(g.foreign.contains("mysql"));
        assert!(
            g.to_dot()
                .contains("\"job:mysql\" [label=\"mysql\", shape=box, style=dashed];")
        );
    }

    #[test]
    fn names_are_quoted_for_dot() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        let g = graph(&[("net/if-up", "start on \"odd\\\"event\"\n")]);
        let dot = g.to_dot();
        assert!(
            dot.contains("\"job:net/if-up\" [label=\"net/if-up\""),
            "{dot}"
        );
        // upstart keeps the backslash of `\"` in the name; DOT shows both.
        assert!(dot.contains("\"event:odd\\\\\\\"event\""), "{dot}");
    }
}
