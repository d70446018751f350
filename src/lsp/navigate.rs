//! What is under the cursor (a stanza keyword, an event, a job named by a
//! job event), and what the workspace says about it: hover text, where an
//! event is emitted and used, where a job is defined and named; document
//! symbols and folding ranges.

use super::state::JobSet;
use super::text::LineIndex;
use crate::ast::{EventMatch, ProcessBody, Stanza, StanzaKind};
use crate::facts::events::{JOB_EVENTS, STANDARD_JOBS, event_variables, is_standard_event};
use crate::load::ParsedFile;
use crate::source::Span;
use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, Location, SymbolKind};

/// The project's description of the language: the hover of a stanza
/// keyword is its entry in the stanza reference (one copy of the text).
const LANGUAGE: &str = include_str!("../../docs/language.md");

/// What the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target<'a> {
    /// A stanza's keyword (both words of `start on`).
    Keyword { stanza: &'a Stanza, span: Span },
    /// An event name in `start on`/`stop on`, or declared by `emits`.
    Event { name: &'a str, span: Span },
    /// The job a job event names (`started X`, `stopping JOB=X`).
    Job { name: &'a str, span: Span },
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The keyword's span, both words of a two-word keyword included.
fn keyword_span(file: &ParsedFile, stanza: &Stanza) -> Span {
    let keyword = stanza.kind.keyword();
    let text = file.source.text();
    let Some((_, second)) = keyword.split_once(' ') else {
        return stanza.keyword_span;
    };
    let after = text.get(stanza.keyword_span.end..).unwrap_or("");
    let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
    if after[blanks..].starts_with(second) {
        Span::new(
            stanza.keyword_span.start,
            stanza.keyword_span.end + blanks + second.len(),
        )
    } else {
        stanza.keyword_span
    }
}

/// The target at `offset` of `file`.
pub(crate) fn target_at(file: &ParsedFile, offset: usize) -> Option<Target<'_>> {
    for stanza in file.parsed.job.stanzas() {
        if !contains(stanza.span, offset) {
            continue;
        }
        let span = keyword_span(file, stanza);
        if contains(span, offset) {
            return Some(Target::Keyword { stanza, span });
        }
        match &stanza.kind {
            StanzaKind::StartOn { on } | StanzaKind::StopOn { on } => {
                for event in on.expr.events() {
                    if contains(event.name_span, offset) {
                        return Some(Target::Event {
                            name: &event.name,
                            span: event.name_span,
                        });
                    }
                    if let Some(job) = event.named_job()
                        && contains(job.span, offset)
                    {
                        return Some(Target::Job {
                            name: job.name,
                            span: job.span,
                        });
                    }
                }
            }
            StanzaKind::Emits { events } => {
                if let Some(w) = events.iter().find(|w| contains(w.span, offset)) {
                    return Some(Target::Event {
                        name: &w.value,
                        span: w.span,
                    });
                }
            }
            _ => {}
        }
    }
    None
}

/// The rule code (`UL302`, or a shellcheck `SC2086`) under `offset` in a
/// comment, as in a suppression comment: its span and its documentation.
pub(crate) fn rule_at(file: &ParsedFile, offset: usize) -> Option<(Span, String)> {
    let text = file.source.text();
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..offset].contains('#') {
        return None;
    }
    let word = |b: u8| b.is_ascii_alphanumeric();
    let bytes = text.as_bytes();
    let mut start = offset;
    while start > line_start && word(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = offset;
    while end < bytes.len() && word(bytes[end]) {
        end += 1;
    }
    let code = &text[start..end];
    let span = Span::new(start, end);
    if let Some(rule) = crate::lint::registry::find(code) {
        return Some((
            span,
            format!(
                "**{} {}** ({}, {} by default)\n\n{}\n\n{}",
                rule.code,
                rule.name,
                rule.severity.as_str(),
                if rule.default { "on" } else { "off" },
                rule.summary,
                rule.documentation()
            ),
        ));
    }
    crate::lint::registry::is_shellcheck_code(code).then(|| {
        (
            span,
            format!(
                "**{code}**: a shellcheck finding (UL405)\n\nhttps://www.shellcheck.net/wiki/{code}"
            ),
        )
    })
}

/// The entry of the stanza reference of docs/language.md for `keyword`:
/// the first entry with a form whose literal words are the keyword, or
/// start with it.
pub(crate) fn stanza_doc(keyword: &str) -> Option<String> {
    let start = LANGUAGE.find("### Stanza reference")?;
    let section = &LANGUAGE[start..];
    let end = section[4..]
        .find("\n## ")
        .or_else(|| section[4..].find("\n### "))
        .map_or(section.len(), |e| e + 4);
    let section = &section[..end];
    for entry in section.split("\n#### ").skip(1) {
        let (heading, body) = entry.split_once('\n').unwrap_or((entry, ""));
        let matches = heading.split('`').skip(1).step_by(2).any(|form| {
            let literal: Vec<&str> = form
                .split(' ')
                .take_while(|w| {
                    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                })
                .collect();
            let literal = literal.join(" ");
            literal == keyword || literal.starts_with(&format!("{keyword} "))
        });
        if matches {
            let body = body.split("\n\n").filter(|p| !p.trim().is_empty());
            let body: Vec<String> = body.map(|p| p.trim().replace('\n', " ")).collect();
            return Some(format!("**{}**\n\n{}", heading.trim(), body.join("\n\n")));
        }
    }
    None
}

/// The jobs of the set that declare `emits EVENT`: (index, word span).
pub(crate) fn emitters(set: &JobSet, event: &str) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (i, input) in set.inputs.iter().enumerate() {
        for stanza in input.file.parsed.job.stanzas() {
            if let StanzaKind::Emits { events } = &stanza.kind {
                out.extend(
                    events
                        .iter()
                        .filter(|w| w.value == event)
                        .map(|w| (i, w.span)),
                );
            }
        }
    }
    out
}

/// Every event match of the set's `start on`/`stop on`: (index, match).
pub(crate) fn event_matches(set: &JobSet) -> Vec<(usize, &EventMatch)> {
    let mut out = Vec::new();
    for (i, input) in set.inputs.iter().enumerate() {
        for stanza in input.file.parsed.job.stanzas() {
            if let StanzaKind::StartOn { on } | StanzaKind::StopOn { on } = &stanza.kind {
                out.extend(on.expr.events().into_iter().map(|e| (i, e)));
            }
        }
    }
    out
}

/// The jobs of the set called `name` (a `.conf`, and its `.override`).
pub(crate) fn jobs_named(set: &JobSet, name: &str) -> Vec<usize> {
    set.inputs
        .iter()
        .enumerate()
        .filter(|(_, i)| i.name == name)
        .map(|(i, _)| i)
        .collect()
}

/// The location of `span` in job `index` of the set.
pub(crate) fn location(set: &JobSet, index: usize, span: Span) -> Option<Location> {
    let file = &set.inputs.get(index)?.file;
    let line_index = LineIndex::new(file.source.text());
    Some(Location::new(
        set.uri_of(index)?,
        line_index.range(span.start, span.end),
    ))
}

/// The hover text (markdown) of a target.
pub(crate) fn hover(set: &JobSet, target: &Target<'_>) -> Option<String> {
    match target {
        Target::Keyword { stanza, .. } => stanza_doc(stanza.kind.keyword()),
        Target::Event { name, .. } => Some(event_hover(set, name)),
        Target::Job { name, .. } => Some(job_hover(set, name)),
    }
}

fn event_hover(set: &JobSet, name: &str) -> String {
    let mut out = format!("**event `{name}`**");
    if is_standard_event(name) {
        out.push_str(": a standard event (init, its bridges or the standard tools emit it)");
        if let Some(vars) = event_variables(name) {
            if vars.positions.is_empty() {
                out.push_str("\n\nIt carries no variables.");
            } else {
                let list: Vec<String> = vars
                    .positions
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("{}. `{v}`", i + 1))
                    .collect();
                out.push_str(&format!(
                    "\n\nVariables, in order (positional arguments match them):\n{}",
                    list.join("\n")
                ));
            }
        }
        if JOB_EVENTS.contains(&name) {
            out.push_str(&format!(
                "\n\n`{name} JOB` names the job; `starting` and `stopping` wait for the jobs they start or stop."
            ));
        }
    }
    let emitters = emitters(set, name);
    if !emitters.is_empty() {
        out.push_str("\n\nDeclared by `emits` in:");
        for (i, _) in emitters {
            if let Some(input) = set.inputs.get(i) {
                out.push_str(&format!(
                    "\n- `{}` ({})",
                    input.name,
                    input.file.path.display()
                ));
            }
        }
    } else if !is_standard_event(name) {
        let known = set
            .configs
            .iter()
            .any(|c| c.known_events.iter().any(|e| e == name));
        if known {
            out.push_str(": listed in `known-events` of the config");
        } else {
            out.push_str("\n\nNo job of the workspace declares `emits ");
            out.push_str(name);
            out.push_str("`, and it is not a standard event.");
        }
    }
    out
}

fn job_hover(set: &JobSet, name: &str) -> String {
    let mut out = format!("**job `{name}`**");
    let found = jobs_named(set, name);
    if found.is_empty() {
        if STANDARD_JOBS.contains(&name) {
            out.push_str(": a job of a standard Ubuntu system (not in this workspace)");
        } else {
            out.push_str(": no job of this name in the workspace");
        }
        return out;
    }
    for i in found {
        let input = &set.inputs[i];
        let resolved = crate::ast::resolve(&[&input.file.parsed.job]);
        if let Some(d) = resolved.description {
            out.push_str(&format!("\n\n{}", d.value));
        }
        out.push_str(&format!("\n\n{}", input.file.path.display()));
    }
    out
}

/// The document's stanzas as symbols.
pub(crate) fn symbols(file: &ParsedFile) -> Vec<DocumentSymbol> {
    let index = LineIndex::new(file.source.text());
    let text = file.source.text();
    file.parsed
        .job
        .stanzas()
        .map(|s| {
            let first_line = text
                .get(s.span.start..s.span.end)
                .and_then(|t| t.lines().next())
                .unwrap_or("");
            let kind = match &s.kind {
                StanzaKind::Process { .. } => SymbolKind::FUNCTION,
                StanzaKind::StartOn { .. }
                | StanzaKind::StopOn { .. }
                | StanzaKind::Emits { .. } => SymbolKind::EVENT,
                StanzaKind::Env { .. } | StanzaKind::Export { .. } => SymbolKind::VARIABLE,
                StanzaKind::Description { .. } | StanzaKind::Author { .. } => SymbolKind::STRING,
                _ => SymbolKind::PROPERTY,
            };
            let keyword = s.kind.keyword();
            let detail = first_line
                .trim()
                .strip_prefix(keyword)
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string);
            #[allow(deprecated)] // `deprecated` is a required field of the struct
            DocumentSymbol {
                name: keyword.to_string(),
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: index.range(s.span.start, s.span.end),
                selection_range: index.range(s.keyword_span.start, s.keyword_span.end),
                children: None,
            }
        })
        .collect()
}

/// Script blocks and stanzas over several lines fold.
pub(crate) fn folding(file: &ParsedFile) -> Vec<FoldingRange> {
    let index = LineIndex::new(file.source.text());
    let mut out = Vec::new();
    for s in file.parsed.job.stanzas() {
        let start = index.line_of(s.span.start) as u32;
        let end = index.line_of(s.span.end.saturating_sub(1).max(s.span.start)) as u32;
        if end > start {
            let script = matches!(
                s.kind,
                StanzaKind::Process {
                    body: ProcessBody::Script { .. },
                    ..
                }
            );
            out.push(FoldingRange {
                start_line: start,
                start_character: None,
                end_line: end,
                end_character: None,
                kind: (!script).then_some(FoldingRangeKind::Region),
                collapsed_text: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stanza_has_its_entry() {
        let mut keywords: Vec<&str> = crate::facts::stanzas::STANZAS.to_vec();
        keywords.extend([
            "start on",
            "stop on",
            "respawn limit",
            "kill timeout",
            "kill signal",
            "reload signal",
            "normal exit",
            "apparmor load",
            "apparmor switch",
            "import",
            "tmpfiles",
        ]);
        for k in keywords {
            assert!(
                stanza_doc(k).is_some(),
                "no entry for `{k}` in docs/language.md"
            );
        }
        let doc = stanza_doc("respawn").expect("respawn");
        assert!(doc.starts_with("**`respawn`**"), "{doc}");
        let doc = stanza_doc("kill timeout").expect("kill");
        assert!(doc.contains("SIGKILL"), "{doc}");
        assert_eq!(stanza_doc("bogus"), None);
    }
}
