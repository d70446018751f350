//! `start on` / `stop on` trees as the engine evaluates them over time
//! (docs/language.md#latching): each event match latches the
//! first event that satisfied it and holds (blocks) it until the tree is reset.

use super::EventId;
use crate::ast::{EventArg, EventExpr, Operator};

/// One argument of an event match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Compared with the value of the event's variable at the same index.
    Positional(String),
    /// Compared with the value of `key` anywhere in the event (absent: no match).
    Named {
        key: String,
        negated: bool,
        pattern: String,
    },
}

/// A node of an event expression with its evaluation state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Match {
        name: String,
        args: Vec<Arg>,
        value: bool,
        event: Option<EventId>,
    },
    Op {
        and: bool,
        lhs: Box<Node>,
        rhs: Box<Node>,
        value: bool,
    },
}

impl Node {
    /// The owned, unlatched tree of an AST expression.
    #[must_use]
    pub fn from_ast(expr: &EventExpr) -> Self {
        match expr {
            EventExpr::Match { event, .. } => Node::Match {
                name: event.name.clone(),
                args: event
                    .args
                    .iter()
                    .map(|a| match a {
                        EventArg::Positional { pattern, .. } => Arg::Positional(pattern.clone()),
                        EventArg::Named {
                            key,
                            negated,
                            pattern,
                            ..
                        } => Arg::Named {
                            key: key.clone(),
                            negated: *negated,
                            pattern: pattern.clone(),
                        },
                    })
                    .collect(),
                value: false,
                event: None,
            },
            EventExpr::Op { op, lhs, rhs, .. } => Node::Op {
                and: *op == Operator::And,
                lhs: Box::new(Self::from_ast(lhs)),
                rhs: Box::new(Self::from_ast(rhs)),
                value: false,
            },
        }
    }

    #[must_use]
    pub fn value(&self) -> bool {
        match self {
            Node::Match { value, .. } | Node::Op { value, .. } => *value,
        }
    }

    /// Offer an event to every FALSE match (post-order); a match that takes
    /// it latches it and pushes its id on `held` (the caller blocks it).
    /// Returns whether any match took the event.
    pub fn handle(
        &mut self,
        id: EventId,
        name: &str,
        env: &[(String, String)],
        expand_env: Option<&[(String, String)]>,
        held: &mut Vec<EventId>,
    ) -> bool {
        match self {
            Node::Match {
                name: n,
                args,
                value,
                event,
            } => {
                if !*value && n == name && matches(args, env, expand_env) {
                    *value = true;
                    *event = Some(id);
                    held.push(id);
                    true
                } else {
                    false
                }
            }
            Node::Op {
                and,
                lhs,
                rhs,
                value,
            } => {
                let a = lhs.handle(id, name, env, expand_env, held);
                let b = rhs.handle(id, name, env, expand_env, held);
                *value = if *and {
                    lhs.value() && rhs.value()
                } else {
                    lhs.value() || rhs.value()
                };
                a || b
            }
        }
    }

    /// The events of the TRUE matches reachable through TRUE nodes, in tree
    /// order (what started or stopped the job).
    pub fn true_events(&self, out: &mut Vec<EventId>) {
        if !self.value() {
            return;
        }
        match self {
            Node::Match { event, .. } => out.extend(event.iter().copied()),
            Node::Op { lhs, rhs, .. } => {
                lhs.true_events(out);
                rhs.true_events(out);
            }
        }
    }

    /// Every event a match holds, TRUE path or not (post-order).
    pub fn held_events(&self, out: &mut Vec<EventId>) {
        match self {
            Node::Match { event, .. } => out.extend(event.iter().copied()),
            Node::Op { lhs, rhs, .. } => {
                lhs.held_events(out);
                rhs.held_events(out);
            }
        }
    }

    /// Clear every node; the released events are pushed on `released`.
    pub fn reset(&mut self, released: &mut Vec<EventId>) {
        match self {
            Node::Match { value, event, .. } => {
                *value = false;
                if let Some(e) = event.take() {
                    released.push(e);
                }
            }
            Node::Op {
                lhs, rhs, value, ..
            } => {
                lhs.reset(released);
                rhs.reset(released);
                *value = false;
            }
        }
    }
}

/// Do the arguments of a match accept an event's environment? Patterns are
/// expanded against `expand_env` (`None`: no environment, so any variable
/// reference fails and the argument does not match).
fn matches(
    args: &[Arg],
    env: &[(String, String)],
    expand_env: Option<&[(String, String)]>,
) -> bool {
    for (i, arg) in args.iter().enumerate() {
        let (value, pattern, negated) = match arg {
            Arg::Positional(p) => match env.get(i) {
                Some((_, v)) => (v, p, false),
                None => return false,
            },
            Arg::Named {
                key,
                negated,
                pattern,
            } => match env.iter().find(|(k, _)| k == key) {
                Some((_, v)) => (v, pattern, *negated),
                None => return false,
            },
        };
        let Ok(pattern) = crate::supervisor::expand(pattern, expand_env.unwrap_or(&[])) else {
            return false;
        };
        if fnmatch(pattern.as_bytes(), value.as_bytes()) == negated {
            return false;
        }
    }
    true
}

/// `fnmatch(pattern, text, 0)`: `*` and `?` match any byte, `/` and a
/// leading `.` included; `[...]` with `!` or `^` negation and ranges;
/// a backslash quotes the next character. An unclosed `[` is literal.
#[must_use]
pub fn fnmatch(p: &[u8], t: &[u8]) -> bool {
    // Iterative matcher with backtracking to the last `*`.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if pi < p.len() {
            match p[pi] {
                b'*' => {
                    while pi < p.len() && p[pi] == b'*' {
                        pi += 1;
                    }
                    star = Some((pi, ti));
                    continue;
                }
                b'?' if ti < t.len() => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                b'[' if ti < t.len() => {
                    if let Some((ok, next)) = bracket(p, pi, t[ti]) {
                        if ok {
                            pi = next;
                            ti += 1;
                            continue;
                        }
                    } else if t[ti] == b'[' {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
                b'\\' if pi + 1 < p.len() && ti < t.len() && t[ti] == p[pi + 1] => {
                    pi += 2;
                    ti += 1;
                    continue;
                }
                b'\\' if pi + 1 < p.len() => {}
                c if c != b'?' && c != b'[' && ti < t.len() && t[ti] == c => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                _ => {}
            }
        } else if ti == t.len() {
            return true;
        }
        // Mismatch: let the last `*` take one more byte.
        match star {
            Some((sp, st)) if st < t.len() => {
                star = Some((sp, st + 1));
                pi = sp;
                ti = st + 1;
            }
            _ => return false,
        }
    }
}

/// Match `c` against the bracket expression at `p[start] == '['`:
/// `Some((matched, index after ']'))`, or `None` when it is not closed.
fn bracket(p: &[u8], start: usize, c: u8) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = matches!(p.get(i), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let mut lo = *p.get(i)?;
        if lo == b']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if lo == b'\\' {
            i += 1;
            lo = *p.get(i)?;
        }
        i += 1;
        if p.get(i) == Some(&b'-') && p.get(i + 1).is_some_and(|&b| b != b']') {
            let mut hi = p[i + 1];
            i += 2;
            if hi == b'\\' {
                hi = *p.get(i)?;
                i += 1;
            }
            if lo <= c && c <= hi {
                matched = true;
            }
        } else if lo == c {
            matched = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fnmatch;

    #[test]
    fn fnmatch_like_glibc() {
        let m = |p: &str, t: &str| fnmatch(p.as_bytes(), t.as_bytes());
        assert!(m("f_*", "f_ok"));
        assert!(m("*", "a/b"));
        assert!(m("*", ".hidden"));
        assert!(m("a*b*c", "axxbyyc"));
        assert!(!m("a*b*c", "axxbyy"));
        assert!(m("[2345]", "2"));
        assert!(!m("[!2345]", "2"));
        assert!(m("[!2345]", "6"));
        assert!(m("[^S]", "2"));
        assert!(m("[0-6]", "5"));
        assert!(!m("[0-6]", "7"));
        assert!(m("[]]", "]"));
        assert!(m("[", "["));
        assert!(m("\\*", "*"));
        assert!(!m("\\*", "x"));
        assert!(m("?", "/"));
        assert!(!m("?", ""));
        assert!(m("", ""));
        assert!(!m("x", ""));
    }
}
