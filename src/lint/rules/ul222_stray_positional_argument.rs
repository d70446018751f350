use super::super::registry::{Check, rule};
use super::super::{SetCtx, SetFindings};
use super::event_matches;
use crate::ast::{EventArg, EventMatch, StanzaKind};
use crate::diag::Code;
use crate::facts::events::{self, EventVariables, More};
use crate::source::Span;
use std::collections::HashSet;

rule! {
    /// ## What it does
    /// Flags positional arguments of a standard event in `start on` /
    /// `stop on` that go beyond the variables the event carries, and the
    /// mistyped operators that usually cause them. Positional argument *i*
    /// is compared with the value of the event's *i*-th variable, in the
    /// order the event's emitter sets them:
    ///
    /// - an event whose emitter sends a fixed set of variables
    ///   (`net-device-up`: IFACE, LOGICAL, ADDRFAM, METHOD; `mounted`;
    ///   `socket`; `file`; `startup`, `filesystem` and the other events
    ///   without variables; …): any positional argument beyond them;
    /// - an event that may carry more (`starting`/`started`: JOB, INSTANCE,
    ///   then the variables the job exports; `stopping`/`stopped`: JOB,
    ///   INSTANCE, RESULT, PROCESS, EXIT_STATUS or EXIT_SIGNAL, then the
    ///   exported ones; udev `*-device-*` events and their properties;
    ///   `runlevel` with `telinit -e`): a positional argument beyond the
    ///   documented ones that looks like an operator (`adn`, `nad`, `ro`,
    ///   `AND`, `OR`) or like an event name (a standard event, one declared
    ///   by `emits` in the job set, or one in `known-events`);
    /// - at any position after the first, a word that looks like an
    ///   operator followed by one that looks like an event name, or a job
    ///   event (`starting`, `started`, `stopping`, `stopped`) followed by
    ///   another argument: an operator is missing (`stop on started $A
    ///   stopped $A`).
    ///
    /// Events the linter does not know (custom events, D-Bus signals) are
    /// not checked: they may carry anything.
    ///
    /// ## Why is this bad?
    /// Only `and` and `or`, unquoted and in lower case, are operators. A
    /// mistyped one turns itself and the following event into arguments of
    /// the event before it: `start on (started foo adn net-device-up)` waits
    /// for `started` with JOB=foo, INSTANCE=adn and a third variable equal to
    /// `net-device-up`, which never comes, so the job never starts and
    /// upstart says nothing. An argument beyond the variables an event ever
    /// carries never matches either.
    ///
    /// ## Example
    /// ```text
    /// start on (started foo adn net-device-up)
    /// stop on runlevel [!2345] OR stopping foo
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// start on (started foo and net-device-up)
    /// stop on runlevel [!2345] or stopping foo
    /// ```
    code: UL222,
    name: "stray-positional-argument",
    severity: Warning,
    default: true,
    summary: "positional argument beyond the variables a standard event carries (often a mistyped `and`/`or`): the event never matches",
    check: Check::Set(check),
}

/// Words that are one edit away from `and`/`or` but are ordinary values.
const NOT_TYPOS: &[&str] = &[
    "ok", "on", "of", "an", "at", "as", "end", "any", "add", "ant",
];

/// The operator `word` is probably a mistyped form of: `AND`, `Or`, a
/// quoted `and`, or one edit away (`adn`, `nad`, `ro`, `andd`, `amd`).
fn operator_typo(word: &str) -> Option<&'static str> {
    if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if NOT_TYPOS.contains(&lower.as_str()) {
        return None;
    }
    ["and", "or"]
        .into_iter()
        .find(|op| lower == *op || edit_distance_one(&lower, op))
}

/// Whether `a` becomes `b` by one insertion, deletion, substitution or swap
/// of two neighbouring letters.
fn edit_distance_one(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra.len() == rb.len() + 1 && ra[1..] == *rb,
        std::cmp::Ordering::Less => rb.len() == ra.len() + 1 && rb[1..] == *ra,
    }
}

/// "1st", "2nd", "3rd", "4th", …
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// What the value at position `i` (0-based) of `event` is.
fn variable_at(event: &str, vars: &EventVariables, i: usize) -> String {
    if let Some(p) = vars.positions.get(i) {
        return (*p).to_string();
    }
    let base = event.strip_prefix(":sys:").unwrap_or(event);
    match vars.more {
        More::Nothing => "nothing".into(),
        More::Rarely => "a variable that only `telinit -e` adds".into(),
        More::Open if events::JOB_EVENTS.iter().any(|j| base.starts_with(j)) => {
            "a variable the job exports (`export`)".into()
        }
        More::Open => "a udev property of the device".into(),
    }
}

/// The events known to exist: standard ones, those declared by `emits` in
/// the set (literal names only: a glob such as `*` would make any word an
/// event) and `known-events`.
struct KnownEvents<'a> {
    names: HashSet<&'a str>,
}

impl KnownEvents<'_> {
    fn contains(&self, word: &str) -> bool {
        events::is_standard_event(word) || self.names.contains(word)
    }
}

fn known_events<'a>(set: &'a SetCtx<'a>) -> KnownEvents<'a> {
    let mut names: HashSet<&str> = set.known_events.iter().map(String::as_str).collect();
    for ctx in set.jobs {
        for s in ctx.job().stanzas() {
            if let StanzaKind::Emits { events } = &s.kind {
                names.extend(
                    events
                        .iter()
                        .map(|e| e.value.as_str())
                        .filter(|e| !e.contains(['*', '?', '['])),
                );
            }
        }
    }
    KnownEvents { names }
}

/// Why the positional arguments of an event match are stray.
struct Stray {
    /// The first stray argument (index into the positional arguments).
    at: usize,
    /// A mistyped operator at or just after `at` (index, the operator).
    typo: Option<(usize, &'static str)>,
    /// The stray argument names a known event.
    names_event: bool,
}

fn judge(
    vars: &EventVariables,
    positional: &[(&str, Span)],
    known: &KnownEvents<'_>,
) -> Option<Stray> {
    let looks_like_event = |i: usize| positional.get(i).is_some_and(|(w, _)| known.contains(w));
    // The first argument is a value (JOB, RUNLEVEL, …), unless the event
    // has no variables at all.
    let first = usize::from(!vars.positions.is_empty());
    // Beyond the documented variables.
    let beyond = (vars.positions.len()..positional.len()).find(|&i| {
        vars.more == More::Nothing
            || operator_typo(positional[i].0).is_some()
            || looks_like_event(i)
    });
    // A mistyped operator joining what looks like a second event.
    let joined = (first..positional.len())
        .find(|&i| operator_typo(positional[i].0).is_some() && looks_like_event(i + 1));
    // A missing operator: a job event and its job among the arguments
    // (`started $A stopped $A`).
    let missing = (first..positional.len().saturating_sub(1))
        .find(|&i| events::JOB_EVENTS.contains(&positional[i].0));
    let at = [beyond, joined, missing].into_iter().flatten().min()?;
    // The mistyped operator that explains the finding, if any: at the stray
    // argument or just after it (`foo adn bar`: `adn` is within INSTANCE,
    // `bar` is beyond).
    let typo = (first..positional.len().min(at + 2))
        .find_map(|i| operator_typo(positional[i].0).map(|op| (i, op)));
    Some(Stray {
        at,
        typo,
        names_event: looks_like_event(at),
    })
}

fn check(set: &SetCtx<'_>, out: &mut SetFindings) {
    let known = known_events(set);
    for ctx in set.jobs.iter().filter(|c| c.report) {
        for event in event_matches(ctx.job()) {
            let Some(vars) = events::event_variables(&event.name) else {
                continue;
            };
            let positional: Vec<(&str, Span)> = event
                .args
                .iter()
                .map_while(|a| match a {
                    EventArg::Positional { pattern, span } => Some((pattern.as_str(), *span)),
                    EventArg::Named { .. } => None,
                })
                .collect();
            if let Some(stray) = judge(&vars, &positional, &known) {
                let text = |s: Span| ctx.text(s);
                report(out, ctx.index, &text, event, &vars, &positional, &stray);
            }
        }
    }
}

fn report<'t>(
    out: &mut SetFindings,
    job: usize,
    text: &dyn Fn(Span) -> &'t str,
    event: &EventMatch,
    vars: &EventVariables,
    positional: &[(&str, Span)],
    stray: &Stray,
) {
    let name = event.name.as_str();
    let Some(&(_, last)) = positional.last() else {
        return;
    };
    let describe = |i: usize| {
        let (word, nth) = (positional[i].0, ordinal(i + 1));
        if i >= vars.positions.len() && vars.more == More::Nothing {
            format!("`{word}` ({nth} argument) has no variable to match")
        } else {
            format!(
                "`{word}` ({nth} argument) must equal {}",
                variable_at(name, vars, i)
            )
        }
    };
    if let Some((t, op)) = stray.typo {
        let (word, from) = positional[t];
        let mut label = format!(
            "only `and` and `or`, unquoted and in lower case, are operators: `{word}` and what follows are arguments of `{name}`: {}",
            describe(t)
        );
        if t + 1 < positional.len() {
            label.push_str(&format!(", {}", describe(t + 1)));
        }
        let fixed = format!(
            "{}{op}{}",
            text(Span::new(event.span.start, from.start)),
            text(Span::new(from.end, event.span.end))
        );
        out.add(
            job,
            Code::UL222,
            Span::new(from.start, last.end),
            format!("Mistyped operator `{word}` in an event match"),
        )
        .label(format!("{label}; the event match never matches"))
        .help(format!("did you mean `{op}`: `{fixed}`?"));
        return;
    }
    let (word, at) = positional[stray.at];
    let carries = if vars.positions.is_empty() {
        format!("`{name}` carries no variables")
    } else {
        format!("`{name}` carries {}", vars.positions.join(", "))
    };
    let label = if stray.at >= vars.positions.len() && vars.more == More::Nothing {
        format!(
            "{carries}: `{word}`, its {} positional argument, is compared with a variable it never has, so the event match never matches",
            ordinal(stray.at + 1)
        )
    } else {
        let mut label = describe(stray.at);
        if stray.names_event && stray.at + 1 < positional.len() {
            label.push_str(&format!(", {}", describe(stray.at + 1)));
        }
        let then = match vars.more {
            More::Nothing => String::new(),
            More::Rarely | More::Open => format!(
                ", then only {}",
                variable_at(name, vars, vars.positions.len())
            ),
        };
        format!("{carries}{then}: {label}; the event match never matches")
    };
    let help = if stray.names_event {
        let with_or = format!(
            "{}or {}",
            text(Span::new(event.span.start, at.start)),
            text(Span::new(at.start, event.span.end))
        );
        format!("`{word}` is an event: add `and` or `or` before it (e.g. `{with_or}`)")
    } else if vars.positions.is_empty() {
        format!("remove the argument: `{name}` carries no variables")
    } else {
        format!("remove the stray argument, or match a variable of `{name}` by name (`KEY=VALUE`)")
    };
    let message = if stray.names_event {
        "Event name among the arguments of another event"
    } else {
        "Positional argument beyond the event's variables"
    };
    out.add(job, Code::UL222, Span::new(at.start, last.end), message)
        .label(label)
        .help(help);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_typos() {
        for (w, op) in [
            ("adn", "and"),
            ("nad", "and"),
            ("AND", "and"),
            ("andd", "and"),
            ("amd", "and"),
            ("nd", "and"),
            ("ro", "or"),
            ("OR", "or"),
            ("Or", "or"),
            ("orr", "or"),
        ] {
            assert_eq!(operator_typo(w), Some(op), "{w}");
        }
        for w in [
            "ok", "on", "end", "a", "o", "foo", "[2345]", "a-d", "failed", "main",
        ] {
            assert_eq!(operator_typo(w), None, "{w}");
        }
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal).to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"
            ]
        );
    }
}
