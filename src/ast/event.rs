//! `start on` / `stop on` event expressions: the only recursive part of the AST.

use super::Comment;
use crate::source::Span;
use serde::{Deserialize, Serialize};

/// The argument of `start on` / `stop on`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnCondition {
    pub expr: EventExpr,
    /// Comments that end lines inside parentheses, each after the expression
    /// piece (event, operator or parenthesis) with the given index.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub comments: Vec<ExprComment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExprComment {
    /// Number of pieces (events, operators, parentheses) printed before it.
    pub after_piece: usize,
    pub comment: Comment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    And,
    Or,
}

impl Operator {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::And => "and",
            Self::Or => "or",
        }
    }
}

/// `and` and `or` have the same precedence and group to the left, so
/// `a or b and c` is `And(Or(a, b), c)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventExpr {
    Match {
        #[serde(flatten)]
        event: EventMatch,
        /// How many pairs of parentheses were written around this node.
        #[serde(skip_serializing_if = "is_zero", default)]
        parens: u32,
    },
    Op {
        op: Operator,
        lhs: Box<EventExpr>,
        rhs: Box<EventExpr>,
        /// The span of the operator word.
        op_span: Span,
        #[serde(skip_serializing_if = "is_zero", default)]
        parens: u32,
    },
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl EventExpr {
    #[must_use]
    pub fn parens(&self) -> u32 {
        match self {
            Self::Match { parens, .. } | Self::Op { parens, .. } => *parens,
        }
    }

    pub fn parens_mut(&mut self) -> &mut u32 {
        match self {
            Self::Match { parens, .. } | Self::Op { parens, .. } => parens,
        }
    }

    /// Tree depth (a lone event is 1).
    #[must_use]
    pub fn depth(&self) -> usize {
        match self {
            Self::Match { .. } => 1,
            Self::Op { lhs, rhs, .. } => 1 + lhs.depth().max(rhs.depth()),
        }
    }

    /// Every event match, left to right (tree order, as upstart collects
    /// environments).
    #[must_use]
    pub fn events(&self) -> Vec<&EventMatch> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            match node {
                Self::Match { event, .. } => out.push(event),
                Self::Op { lhs, rhs, .. } => {
                    stack.push(rhs);
                    stack.push(lhs);
                }
            }
        }
        out
    }
}

/// One event in an expression: its name and its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMatch {
    pub name: String,
    pub name_span: Span,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub args: Vec<EventArg>,
    /// From the name to the end of the last argument.
    pub span: Span,
}

/// An event argument: positional (`[2345]`) or named (`IFACE=eth0`, `IFACE!=lo`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventArg {
    Positional {
        pattern: String,
        span: Span,
    },
    Named {
        /// Everything before the first `!=`, or else before the first `=`.
        key: String,
        negated: bool,
        pattern: String,
        span: Span,
    },
}

impl EventArg {
    /// Split a dequoted argument as upstart's matcher does: a `!=` anywhere
    /// wins over an earlier `=` (`A=x!=y` is key `A=x`, negated, pattern `y`).
    #[must_use]
    pub fn from_token(token: &str, span: Span) -> Self {
        if let Some(i) = token.find("!=") {
            return Self::Named {
                key: token[..i].to_string(),
                negated: true,
                pattern: token[i + 2..].to_string(),
                span,
            };
        }
        match token.find('=') {
            Some(i) => Self::Named {
                key: token[..i].to_string(),
                negated: false,
                pattern: token[i + 1..].to_string(),
                span,
            },
            None => Self::Positional {
                pattern: token.to_string(),
                span,
            },
        }
    }

    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            Self::Positional { span, .. } | Self::Named { span, .. } => *span,
        }
    }

    /// The whole dequoted token, as upstart keeps it ([`EventArg::from_token`]
    /// reversed).
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Positional { pattern, .. } => pattern.clone(),
            Self::Named {
                key,
                negated,
                pattern,
                ..
            } => format!("{key}{}{pattern}", if *negated { "!=" } else { "=" }),
        }
    }
}

/// The job a job event names (see [`EventMatch::named_job`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamedJob<'a> {
    /// Its position in the match's arguments.
    pub index: usize,
    /// The name, or a pattern (`foo*`, `$JOB`) matching several jobs.
    pub name: &'a str,
    /// Where the argument is written.
    pub span: crate::source::Span,
}

impl EventMatch {
    /// The job this match names when it is a job event (one of
    /// [`JOB_EVENTS`](crate::facts::events::JOB_EVENTS)): its first
    /// argument that is positional or a `JOB=` that is not negated
    /// (`started foo`, `stopping JOB=foo`).
    #[must_use]
    pub fn named_job(&self) -> Option<NamedJob<'_>> {
        if !crate::facts::events::JOB_EVENTS.contains(&self.name.as_str()) {
            return None;
        }
        self.args
            .iter()
            .enumerate()
            .find_map(|(index, arg)| match arg {
                EventArg::Positional { pattern, span } => Some((index, pattern, *span)),
                EventArg::Named {
                    key,
                    negated: false,
                    pattern,
                    span,
                } if key == "JOB" => Some((index, pattern, *span)),
                EventArg::Named { .. } => None,
            })
            .map(|(index, name, span)| NamedJob { index, name, span })
    }
}
