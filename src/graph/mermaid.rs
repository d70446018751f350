//! The graph as a Mermaid flowchart, which GitHub and GitLab draw inside a
//! Markdown document (the migration report's graph).
//!
//! Mermaid ids are generated (`n0`, `n1`, ...), so no job or event name is
//! ever read as syntax; labels are double-quoted with `"` written as
//! `#quot;` (Mermaid's entity), and `<`, `>`, `&` as entities too, since
//! GitHub renders labels as HTML.

use super::{EdgeKind, Graph, Node};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Mermaid's default limit (`maxEdges`, 500): above it the diagram is not
/// drawn at all, so a larger graph is given as DOT instead.
pub const MAX_EDGES: usize = 500;

/// The flowchart text, or None when the graph has more than [`MAX_EDGES`]
/// edges.
#[must_use]
pub fn render(g: &Graph) -> Option<String> {
    if g.edges.len() > MAX_EDGES {
        return None;
    }
    let mut out = String::from("flowchart LR\n");
    let mut ids: BTreeMap<Node, String> = BTreeMap::new();
    for (i, n) in g.nodes().enumerate() {
        let id = format!("n{i}");
        let _ = match &n {
            Node::Job(j) if g.jobs.contains(j) => writeln!(out, "  {id}[\"{}\"]", label(j)),
            // A job outside the set: a rounded box, the DOT's dashed one.
            Node::Job(j) => writeln!(out, "  {id}(\"{}\")", label(j)),
            Node::Event(e) => writeln!(out, "  {id}([\"{}\"])", label(e)),
        };
        ids.insert(n, id);
    }
    for e in &g.edges {
        let (Some(from), Some(to)) = (ids.get(&e.from), ids.get(&e.to)) else {
            continue;
        };
        let arrow = match e.kind {
            EdgeKind::Start => "-->",
            EdgeKind::Stop => "-.->",
            EdgeKind::Emits => "==>",
        };
        if e.label.is_empty() {
            let _ = writeln!(out, "  {from} {arrow} {to}");
        } else {
            let _ = writeln!(out, "  {from} {arrow}|\"{}\"| {to}", label(&e.label));
        }
    }
    Some(out)
}

/// A label inside double quotes.
fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' => out.push_str("#35;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_str;

    #[test]
    fn names_never_become_syntax() {
        let p = parse_str("start on started \"a\\\"]b\" or \"ev<x>#1\"\nemits done\n");
        let mut g = Graph::default();
        g.add("we|b", &crate::ast::resolve(&[&p.job]));
        let text = render(&g).unwrap_or_default();
        assert_eq!(
            text,
            "flowchart LR\n  n0[\"we|b\"]\n  n1(\"a\\#quot;]b\")\n  n2([\"done\"])\n  n3([\"ev#lt;x#gt;#35;1\"])\n  n1 -->|\"started\"| n0\n  n0 ==> n2\n  n3 --> n0\n"
        );
    }
}
