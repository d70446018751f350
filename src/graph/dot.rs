//! The graph as Graphviz DOT, laid out to stay legible for a whole
//! `/etc/init`.
//!
//! Measured on the 387 jobs of the shared corpus (Graphviz 2.43), the
//! drawing of `initctl2dot`'s style was 42 × 254 inches. What this layout
//! changes, each for a reason:
//!
//! - left to right (`rankdir=LR`), small boxes and events as small
//!   ellipses (`height`, `nodesep`): a boot reads from left to right, and
//!   the height of a column is its number of nodes;
//! - `stop on` edges do not rank nodes (`constraint=false`): a job is
//!   placed by what starts it, and the stop edges, which mostly run
//!   backwards (`stop on runlevel [!2345]`), no longer stretch the columns;
//! - in a large graph (more than [`LARGE`] nodes) edge labels are
//!   `xlabel`s, placed after the layout: a `label` is a node of its own in
//!   the middle of the edge and the 130 `[2345]` of a `runlevel` hub made a
//!   column of their own;
//! - in a large graph the small disconnected parts are chained by
//!   invisible edges (`style=invis`, after a `// layout only` comment),
//!   a few in a row, as Graphviz's `unflatten -c` does, instead of all
//!   stacked in the first column;
//! - `newrank=true`, so that clusters (`--group-by`) do not change ranks.
//!
//! The result for the corpus is about 31 × 81 inches (`tests/cli/graph.rs`
//! checks a bound); `--focus` gives the few nodes a question is about.

use super::{EdgeKind, Graph, Node, StartClass};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// How nodes are grouped into clusters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// A job's directory under the walked one (`net/if-up` → `net/`);
    /// jobs at the top and events are not grouped.
    Directory,
    /// The moment a job starts ([`StartClass`]); each standard event sits
    /// with the jobs of its moment, custom events with the jobs they start.
    Start,
}

/// What the DOT text shows.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    pub group_by: Option<GroupBy>,
}

/// Above this many nodes the layout of a large graph is used (xlabels,
/// chained components).
pub const LARGE: usize = 60;

const HEADER: &str = "digraph upstart {
  rankdir=LR;
  newrank=true;
  nodesep=0.08;
  ranksep=0.5;
  node [fontname=\"sans-serif\", fontsize=10, height=0.25, margin=\"0.06,0.02\"];
  edge [fontname=\"sans-serif\", fontsize=9];
";

/// The DOT text of `g`.
#[must_use]
pub fn render(g: &Graph, opts: &DotOptions) -> String {
    let nodes: Vec<Node> = g.nodes().collect();
    let large = nodes.len() > LARGE;
    let mut out = String::from(HEADER);
    let mut clusters: BTreeMap<(usize, String), (String, Vec<&Node>)> = BTreeMap::new();
    let mut loose: Vec<&Node> = Vec::new();
    for n in &nodes {
        match cluster(g, n, opts.group_by) {
            Some((key, title)) => clusters.entry(key).or_insert((title, Vec::new())).1.push(n),
            None => loose.push(n),
        }
    }
    for ((_, id), (title, members)) in &clusters {
        let _ = writeln!(
            out,
            "  subgraph {} {{\n    label={};\n    style=\"rounded,filled\";\n    fillcolor=\"#f7f7f7\";\n    color=\"#c8c8c8\";\n    fontname=\"sans-serif\";\n    fontsize=11;",
            quote(&format!("cluster_{id}")),
            quote(title)
        );
        for n in members {
            let _ = writeln!(out, "    {}", node_line(g, n));
        }
        out.push_str("  }\n");
    }
    for n in loose {
        let _ = writeln!(out, "  {}", node_line(g, n));
    }
    let label_key = if large { "xlabel" } else { "label" };
    for e in &g.edges {
        let mut attrs = Vec::new();
        if !e.label.is_empty() {
            attrs.push(format!("{label_key}={}", quote(&e.label)));
        }
        match e.kind {
            EdgeKind::Start => {}
            EdgeKind::Stop => {
                attrs.push("style=dashed, color=\"#b03030\", constraint=false".to_string());
            }
            EdgeKind::Emits => attrs.push("style=bold, color=\"#3060b0\"".to_string()),
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(out, "  {} -> {}{attrs};", id(&e.from), id(&e.to));
    }
    if large {
        let chain = chain_components(g, &nodes);
        if !chain.is_empty() {
            out.push_str("  // layout only: the small disconnected parts, a few in a row\n");
            for (a, b) in chain {
                let _ = writeln!(out, "  {} -> {} [style=invis];", id(a), id(b));
            }
        }
    }
    out.push_str("}\n");
    out
}

/// The cluster of a node: its sort key and id, and its title.
fn cluster(g: &Graph, n: &Node, by: Option<GroupBy>) -> Option<((usize, String), String)> {
    match (by?, n) {
        (GroupBy::Directory, Node::Job(j)) => {
            let (dir, _) = j.rsplit_once('/')?;
            Some(((0, format!("dir_{dir}")), format!("{dir}/")))
        }
        (GroupBy::Directory, Node::Event(_)) => None,
        (GroupBy::Start, Node::Job(j)) => {
            let class = g.start.get(j)?;
            Some(start_cluster(*class))
        }
        (GroupBy::Start, Node::Event(e)) => match StartClass::of_event(e) {
            StartClass::Jobs => None,
            class => Some(start_cluster(class)),
        },
    }
}

fn start_cluster(class: StartClass) -> ((usize, String), String) {
    let rank = StartClass::ALL
        .iter()
        .position(|c| *c == class)
        .unwrap_or_default();
    (
        (rank, format!("start_{}", class.id())),
        class.title().to_string(),
    )
}

fn node_line(g: &Graph, n: &Node) -> String {
    let focus = if g.focus.contains(n) {
        ", penwidth=2.5, color=\"#c04000\""
    } else {
        ""
    };
    match n {
        Node::Job(j) if g.jobs.contains(j) => format!(
            "{} [label={}, shape=box, style=filled, fillcolor=\"#dbe9f6\"{focus}];",
            id(n),
            quote(j)
        ),
        Node::Job(j) => format!(
            "{} [label={}, shape=box, style=dashed{focus}];",
            id(n),
            quote(j)
        ),
        Node::Event(e) => format!(
            "{} [label={}, shape=ellipse, style=filled, fillcolor=\"#f6f0db\", fontsize=8, height=0.2{focus}];",
            id(n),
            quote(e)
        ),
    }
}

/// Invisible edges that put the small connected components (all but the
/// largest) a few in a row: from a node of one without a successor to a
/// node of the next without a predecessor. About √n/2 in a row balances
/// the height they add with the width.
fn chain_components<'g>(g: &Graph, nodes: &'g [Node]) -> Vec<(&'g Node, &'g Node)> {
    let index: BTreeMap<&Node, usize> = nodes.iter().enumerate().map(|(i, n)| (n, i)).collect();
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut has_out = BTreeSet::new();
    let mut has_in = BTreeSet::new();
    for e in &g.edges {
        if let (Some(&a), Some(&b)) = (index.get(&e.from), index.get(&e.to)) {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra] = rb;
            if e.kind != EdgeKind::Stop {
                has_out.insert(a);
                has_in.insert(b);
            }
        }
    }
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        comps.entry(root(&mut parent, i)).or_default().push(i);
    }
    let mut comps: Vec<Vec<usize>> = comps.into_values().collect();
    // Largest first; equal sizes in node order, so the output is stable.
    comps.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let small = comps.get(1..).unwrap_or_default();
    // Rounded √n / 2, at least 1.
    let per_row = (1..=small.len().max(1))
        .find(|k| 4 * k * k >= small.len())
        .unwrap_or(1);
    let mut out = Vec::new();
    for row in small.chunks(per_row) {
        for pair in row.windows(2) {
            let sink = pair[0]
                .iter()
                .rev()
                .find(|i| !has_out.contains(*i))
                .unwrap_or(&pair[0][0]);
            let source = pair[1]
                .iter()
                .find(|i| !has_in.contains(*i))
                .unwrap_or(&pair[1][0]);
            out.push((&nodes[*sink], &nodes[*source]));
        }
    }
    out
}

/// A node id that no job name can make collide with an event of that name.
pub(super) fn id(n: &Node) -> String {
    match n {
        Node::Job(j) => quote(&format!("job:{j}")),
        Node::Event(e) => quote(&format!("event:{e}")),
    }
}

/// A DOT double-quoted string.
#[must_use]
pub fn quote(s: &str) -> String {
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
