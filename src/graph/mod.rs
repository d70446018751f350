//! The graph of a job set, as upstart's `initctl2dot` drew it for a running
//! system: jobs (boxes) and events (small ellipses); `start on` edges solid,
//! `stop on` edges dashed, `emits` edges from a job to its events. A job
//! event (`started apache`) is an edge from the job it names, labelled with
//! the event, so chains of jobs read directly.
//!
//! [`focus`] cuts out the neighbourhood of a job or an event, [`dot`]
//! writes the DOT text (grouped in clusters by directory or by start
//! condition, laid out to stay legible for a whole `/etc/init`), and
//! [`start`] classifies a job by the moment its `start on` fires.

use crate::ast::NamedJob;
use crate::ast::{EventArg, OnCondition, Resolved};
use std::collections::{BTreeMap, BTreeSet};

pub mod dot;
pub mod focus;
pub mod mermaid;
pub mod start;

pub use dot::{DotOptions, GroupBy};
pub use start::StartClass;

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
    /// The moment each job of the set starts (`--group-by start`).
    pub start: BTreeMap<String, StartClass>,
    /// The nodes a `--focus` asked about (drawn highlighted).
    pub focus: BTreeSet<Node>,
}

impl Graph {
    /// Add a job and its `start on`, `stop on` and `emits`.
    pub fn add(&mut self, name: &str, r: &Resolved<'_>) {
        self.jobs.insert(name.to_string());
        self.foreign.remove(name);
        self.start.insert(
            name.to_string(),
            StartClass::of(r.start_on.map(|on| &on.expr)),
        );
        for (on, kind) in [(r.start_on, EdgeKind::Start), (r.stop_on, EdgeKind::Stop)] {
            if let Some(on) = on {
                self.add_condition(name, on, kind);
            }
        }
        for e in &r.emits {
            self.events.insert(e.value.to_string());
            self.edges.insert(Edge {
                from: Node::Job(name.to_string()),
                to: Node::Event(e.value.to_string()),
                kind: EdgeKind::Emits,
                label: String::new(),
            });
        }
    }

    fn add_condition(&mut self, job: &str, on: &OnCondition, kind: EdgeKind) {
        for m in on.expr.events() {
            let args: Vec<String> = m.args.iter().map(EventArg::text).collect();
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

    /// Graphviz DOT with the default options.
    #[must_use]
    pub fn to_dot(&self) -> String {
        dot::render(self, &DotOptions::default())
    }

    /// Every node: the jobs of the set, the jobs named by job events, the
    /// events.
    pub fn nodes(&self) -> impl Iterator<Item = Node> + '_ {
        self.jobs
            .iter()
            .chain(self.foreign.iter().filter(|j| !self.jobs.contains(*j)))
            .map(|j| Node::Job(j.clone()))
            .chain(self.events.iter().map(|e| Node::Event(e.clone())))
    }
}

fn join(first: &str, rest: &[&str]) -> String {
    std::iter::once(first)
        .chain(rest.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
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
        assert_eq!(dot::quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
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
