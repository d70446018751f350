//! `--focus NAME --depth N`: the neighbourhood of a job or an event, the
//! part of a large graph a person asks about.
//!
//! The neighbourhood is what leads to the node (followed backwards along
//! the edges, N hops) and what it leads to (followed forwards, N hops),
//! with the edges between the nodes kept. Siblings are not pulled in:
//! focusing on a job that starts on `runlevel` does not draw every other
//! job that does. A hop is one edge, so a job that starts on an event
//! another job emits is two hops from it (job → event → job).

use super::{Graph, Node};
use std::collections::BTreeSet;

/// The depth when `--depth` is not given: a job's events and the jobs
/// that emit them.
pub const DEFAULT_DEPTH: usize = 2;

/// A `--focus` that names nothing in the graph, with the names that come
/// close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    pub name: String,
    pub close: Vec<String>,
}

impl Graph {
    /// The nodes `name` designates: `job:NAME` or `event:NAME` one of them;
    /// a bare name the job and the event of that name, whichever exist.
    pub fn find(&self, name: &str) -> Result<Vec<Node>, Unknown> {
        let all: BTreeSet<Node> = self.nodes().collect();
        let wanted: Vec<Node> = if let Some(j) = name.strip_prefix("job:") {
            vec![Node::Job(j.to_string())]
        } else if let Some(e) = name.strip_prefix("event:") {
            vec![Node::Event(e.to_string())]
        } else {
            vec![Node::Job(name.to_string()), Node::Event(name.to_string())]
        };
        let found: Vec<Node> = wanted.into_iter().filter(|n| all.contains(n)).collect();
        if found.is_empty() {
            return Err(Unknown {
                name: name.to_string(),
                close: close_names(&all, name),
            });
        }
        Ok(found)
    }

    /// The subgraph around `roots`: their ancestors and descendants up to
    /// `depth` edges away, the edges among them, and `roots` marked as the
    /// focus.
    #[must_use]
    pub fn neighbourhood(&self, roots: &[Node], depth: usize) -> Graph {
        let mut keep: BTreeSet<Node> = roots.iter().cloned().collect();
        for forward in [true, false] {
            let mut frontier: BTreeSet<Node> = roots.iter().cloned().collect();
            for _ in 0..depth {
                let mut next = BTreeSet::new();
                for e in &self.edges {
                    let (from, to) = if forward {
                        (&e.from, &e.to)
                    } else {
                        (&e.to, &e.from)
                    };
                    if frontier.contains(from) && !keep.contains(to) {
                        next.insert(to.clone());
                    }
                }
                if next.is_empty() {
                    break;
                }
                keep.extend(next.iter().cloned());
                frontier = next;
            }
        }
        let job_kept = |j: &String| keep.contains(&Node::Job(j.clone()));
        Graph {
            jobs: self.jobs.iter().filter(|j| job_kept(j)).cloned().collect(),
            foreign: self
                .foreign
                .iter()
                .filter(|j| job_kept(j))
                .cloned()
                .collect(),
            events: self
                .events
                .iter()
                .filter(|e| keep.contains(&Node::Event((*e).clone())))
                .cloned()
                .collect(),
            edges: self
                .edges
                .iter()
                .filter(|e| keep.contains(&e.from) && keep.contains(&e.to))
                .cloned()
                .collect(),
            start: self
                .start
                .iter()
                .filter(|(j, _)| job_kept(j))
                .map(|(j, c)| (j.clone(), *c))
                .collect(),
            focus: roots.iter().cloned().collect(),
        }
    }
}

/// Up to five names of the graph near `name`: those that contain it or
/// that it contains, then those a few edits away, closest first.
fn close_names(all: &BTreeSet<Node>, name: &str) -> Vec<String> {
    let bare = name
        .strip_prefix("job:")
        .or_else(|| name.strip_prefix("event:"))
        .unwrap_or(name);
    let limit = (bare.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = all
        .iter()
        .filter_map(|n| {
            let (kind, text) = match n {
                Node::Job(j) => ("job", j.as_str()),
                Node::Event(e) => ("event", e.as_str()),
            };
            let d = strsim::osa_distance(bare, text);
            let near = d <= limit || (bare.len() >= 3 && text.contains(bare));
            near.then(|| (d, format!("{kind}:{text}")))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_str;

    fn graph() -> Graph {
        let jobs = [
            ("mountall", "start on startup\nemits local-filesystems\n"),
            ("db", "start on local-filesystems\n"),
            (
                "web",
                "start on started db and runlevel [2345]\nemits web-ready\n",
            ),
            ("worker", "start on web-ready\n"),
            ("cron", "start on runlevel [2345]\n"),
        ];
        let parsed: Vec<_> = jobs.iter().map(|(n, t)| (*n, parse_str(t))).collect();
        let mut g = Graph::default();
        for (n, p) in &parsed {
            g.add(n, &crate::ast::resolve(&[&p.job]));
        }
        g
    }

    fn names(g: &Graph) -> Vec<String> {
        g.nodes()
            .map(|n| match n {
                Node::Job(j) => j,
                Node::Event(e) => format!("({e})"),
            })
            .collect()
    }

    #[test]
    fn depth_follows_edges_both_ways_without_siblings() {
        let g = graph();
        let roots = g.find("web").unwrap_or_default();
        let one = g.neighbourhood(&roots, 1);
        assert_eq!(names(&one), ["db", "web", "(runlevel)", "(web-ready)"]);
        // cron also starts on runlevel: a sibling, not drawn.
        let two = g.neighbourhood(&roots, 2);
        assert_eq!(
            names(&two),
            [
                "db",
                "web",
                "worker",
                "(local-filesystems)",
                "(runlevel)",
                "(web-ready)"
            ]
        );
        assert!(two.focus.contains(&Node::Job("web".into())));
    }

    #[test]
    fn an_unknown_name_comes_with_close_ones() {
        let g = graph();
        let err = g.find("wrker").unwrap_err();
        assert_eq!(err.close, ["job:worker"]);
        let err = g.find("job:runlevel").unwrap_err();
        assert_eq!(
            err.close.first().map(String::as_str),
            Some("event:runlevel")
        );
        assert_eq!(
            g.find("event:runlevel").unwrap_or_default(),
            [Node::Event("runlevel".into())]
        );
    }
}
