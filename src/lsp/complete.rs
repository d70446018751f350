//! Completion: stanza keywords (with snippets when the client takes
//! them), the sub-keywords of a stanza, events and job names in `start
//! on`/`stop on`/`emits`, and the `KEY=` variables an event carries.
//! The context is read from the text before the cursor, so it works in a
//! half-typed line that does not parse yet.

use super::navigate::{emitters, event_matches, stanza_doc};
use super::state::JobSet;
use crate::ast::{Resource, StanzaKind};
use crate::facts::events::{JOB_EVENTS, STANDARD_EVENTS, event_variables};
use crate::facts::signals::SIGNALS;
use crate::load::ParsedFile;
use lsp_types::{
    CompletionItem, CompletionItemKind, Documentation, InsertTextFormat, MarkupContent, MarkupKind,
};
use std::collections::BTreeSet;

/// Stanzas as they are offered at the start of a line: the text shown and
/// the snippet inserted.
const KEYWORDS: &[(&str, &str)] = &[
    ("description", "description \"$1\""),
    ("author", "author \"$1\""),
    ("version", "version \"$1\""),
    ("usage", "usage \"$1\""),
    ("start on", "start on ${1:event}"),
    ("stop on", "stop on ${1:event}"),
    ("emits", "emits ${1:event}"),
    ("exec", "exec ${1:command}"),
    ("script", "script\n    $0\nend script"),
    ("pre-start exec", "pre-start exec ${1:command}"),
    ("pre-start script", "pre-start script\n    $0\nend script"),
    ("post-start exec", "post-start exec ${1:command}"),
    ("post-start script", "post-start script\n    $0\nend script"),
    ("pre-stop exec", "pre-stop exec ${1:command}"),
    ("pre-stop script", "pre-stop script\n    $0\nend script"),
    ("post-stop exec", "post-stop exec ${1:command}"),
    ("post-stop script", "post-stop script\n    $0\nend script"),
    ("env", "env ${1:KEY}=${2:value}"),
    ("export", "export ${1:KEY}"),
    ("instance", "instance \\$${1:NAME}"),
    ("expect", "expect ${1|fork,daemon,stop,none|}"),
    ("task", "task"),
    ("respawn", "respawn"),
    ("respawn limit", "respawn limit ${1:10} ${2:5}"),
    ("kill timeout", "kill timeout ${1:5}"),
    ("kill signal", "kill signal ${1:TERM}"),
    ("reload signal", "reload signal ${1:HUP}"),
    ("normal exit", "normal exit ${1:0}"),
    ("console", "console ${1|log,none,output,owner|}"),
    ("umask", "umask ${1:022}"),
    ("nice", "nice ${1:0}"),
    ("oom score", "oom score ${1:0}"),
    (
        "limit",
        "limit ${1|as,core,cpu,data,fsize,memlock,msgqueue,nice,nofile,nproc,rss,rtprio,sigpending,stack|} ${2:soft} ${3:hard}",
    ),
    ("chroot", "chroot ${1:dir}"),
    ("chdir", "chdir ${1:dir}"),
    ("setuid", "setuid ${1:user}"),
    ("setgid", "setgid ${1:group}"),
    ("manual", "manual"),
    ("debug", "debug"),
    ("apparmor load", "apparmor load ${1:profile}"),
    ("apparmor switch", "apparmor switch ${1:profile}"),
    ("cgroup", "cgroup ${1:controller}"),
];

/// The completions at `offset` of `text` (the document of job `index`).
pub(crate) fn complete(
    set: &JobSet,
    file: &ParsedFile,
    offset: usize,
    snippets: bool,
) -> Vec<CompletionItem> {
    let text = file.source.text();
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    // Suppression comments work in script bodies too (as shell comments).
    if let Some(hash) = prefix.find('#') {
        return suppression_codes(&prefix[hash..]);
    }
    if in_script(&text[..line_start]) {
        return Vec::new();
    }
    let mut words: Vec<&str> = prefix.split_whitespace().collect();
    if !prefix.ends_with([' ', '\t']) {
        words.pop();
    }
    // An expression continued from an earlier line.
    if let Some(expr) = expression_before(file, offset) {
        return expression(set, expr);
    }
    match words.as_slice() {
        [] => keywords(snippets),
        ["start" | "stop", "on", ..] => {
            let start = line_start + prefix.find("on").map_or(0, |i| i + 2);
            expression(set, &text[start..offset])
        }
        ["emits", ..] => events(set),
        [first, rest @ ..] => sub_keywords(first, rest),
    }
}

/// Whether the text before a line leaves it inside a script block.
fn in_script(before: &str) -> bool {
    let mut inside = false;
    for line in before.lines() {
        let words: Vec<&str> = line
            .split('#')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        match words.as_slice() {
            ["end", "script"] => inside = false,
            ["script"]
            | [
                "pre-start" | "post-start" | "pre-stop" | "post-stop",
                "script",
            ] if !inside => {
                inside = true;
            }
            _ => {}
        }
    }
    inside
}

/// The `start on`/`stop on` stanza that the cursor continues (on a later
/// line of it); its text from after `on` to the cursor.
fn expression_before(file: &ParsedFile, offset: usize) -> Option<&str> {
    let start = expr_start(file, offset);
    (start < offset).then(|| file.source.text().get(start..offset))?
}

fn expr_start(file: &ParsedFile, offset: usize) -> usize {
    let text = file.source.text();
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    file.parsed
        .job
        .stanzas()
        .find(|s| {
            matches!(
                s.kind,
                StanzaKind::StartOn { .. } | StanzaKind::StopOn { .. }
            ) && s.span.start < line_start
                && offset <= s.span.end
        })
        .map_or(usize::MAX, |s| {
            let after = &text[s.keyword_span.end..];
            s.keyword_span.end + after.find("on").map_or(0, |i| i + 2)
        })
}

/// Completions inside an event expression, given its text up to the cursor.
fn expression(set: &JobSet, expr: &str) -> Vec<CompletionItem> {
    let spaced = expr.replace(['(', ')'], " ( ");
    let mut tokens: Vec<&str> = spaced.split_whitespace().collect();
    if !expr.ends_with([' ', '\t', '\n', '(', ')']) {
        tokens.pop();
    }
    let mut event_position = true;
    let mut event: Option<&str> = None;
    let mut args = 0;
    for t in tokens {
        match t {
            "and" | "or" | "(" => event_position = true,
            ")" => event_position = false,
            _ if event_position => {
                event = Some(t);
                args = 0;
                event_position = false;
            }
            _ => args += 1,
        }
    }
    if event_position {
        return events(set);
    }
    let mut out = Vec::new();
    if let Some(event) = event {
        if JOB_EVENTS.contains(&event) && args == 0 {
            let names: BTreeSet<&str> = set.inputs.iter().map(|i| i.name.as_str()).collect();
            out.extend(
                names
                    .into_iter()
                    .map(|n| item(n, CompletionItemKind::MODULE, Some("job of the workspace"))),
            );
        }
        if let Some(vars) = event_variables(event) {
            out.extend(vars.names().map(|v| {
                let mut i = item(
                    &format!("{v}="),
                    CompletionItemKind::VARIABLE,
                    Some(&format!("variable of `{event}`")),
                );
                i.insert_text = Some(format!("{v}="));
                i
            }));
        }
    }
    out.extend(["and", "or"].map(|k| item(k, CompletionItemKind::OPERATOR, None)));
    out
}

/// Standard events, the events jobs of the set declare or wait for, and
/// the config's known events.
fn events(set: &JobSet) -> Vec<CompletionItem> {
    let mut names: BTreeSet<String> = STANDARD_EVENTS.iter().map(ToString::to_string).collect();
    let mut declared: BTreeSet<String> = BTreeSet::new();
    for input in &set.inputs {
        for stanza in input.file.parsed.job.stanzas() {
            if let StanzaKind::Emits { events } = &stanza.kind {
                declared.extend(events.iter().map(|w| w.value.to_string()));
            }
        }
    }
    for (_, m) in event_matches(set) {
        names.insert(m.name.clone());
    }
    for config in &set.configs {
        names.extend(config.known_events.iter().cloned());
    }
    names.extend(declared.iter().cloned());
    names
        .into_iter()
        .filter(|n| !n.is_empty() && !n.contains('$'))
        .map(|n| {
            let detail = if STANDARD_EVENTS.contains(&n.as_str()) {
                "standard event".to_string()
            } else if declared.contains(&n) {
                let who: Vec<String> = emitters(set, &n)
                    .into_iter()
                    .filter_map(|(i, _)| set.inputs.get(i).map(|j| j.name.clone()))
                    .collect();
                format!("emitted by {}", who.join(", "))
            } else {
                "event".to_string()
            };
            item(&n, CompletionItemKind::EVENT, Some(&detail))
        })
        .collect()
}

fn keywords(snippets: bool) -> Vec<CompletionItem> {
    KEYWORDS
        .iter()
        .map(|(keyword, snippet)| {
            let mut i = item(keyword, CompletionItemKind::KEYWORD, None);
            i.documentation = stanza_doc(keyword).map(|value| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                })
            });
            if snippets && *snippet != *keyword {
                i.insert_text = Some((*snippet).to_string());
                i.insert_text_format = Some(InsertTextFormat::SNIPPET);
            }
            i
        })
        .collect()
}

/// The words that may follow `first` (and `rest`) on a stanza's line.
fn sub_keywords(first: &str, rest: &[&str]) -> Vec<CompletionItem> {
    let signals = || -> Vec<&str> { SIGNALS.iter().map(|(n, _)| *n).collect() };
    let words: Vec<&str> = match (first, rest) {
        ("expect", []) => vec!["fork", "daemon", "stop", "none"],
        ("console", []) => vec!["log", "none", "output", "owner"],
        ("kill", []) => vec!["timeout", "signal"],
        ("reload", []) => vec!["signal"],
        ("kill" | "reload", ["signal"]) => signals(),
        ("normal", []) => vec!["exit"],
        ("normal", ["exit", ..]) => signals(),
        ("respawn", []) => vec!["limit"],
        ("respawn", ["limit"]) => vec!["unlimited"],
        ("limit", []) => Resource::ALL.iter().map(|r| r.as_str()).collect(),
        ("limit", [_] | [_, _]) => vec!["unlimited"],
        ("oom", []) => vec!["score", "never"],
        ("oom", ["score"]) => vec!["never"],
        ("apparmor", []) => vec!["load", "switch"],
        ("start" | "stop", []) => vec!["on"],
        ("pre-start" | "post-start" | "pre-stop" | "post-stop", []) => vec!["exec", "script"],
        ("end", []) => vec!["script"],
        _ => Vec::new(),
    };
    words
        .into_iter()
        .map(|w| item(w, CompletionItemKind::KEYWORD, None))
        .collect()
}

/// Rule codes after `disable=` or `,` in a suppression comment.
fn suppression_codes(comment: &str) -> Vec<CompletionItem> {
    let Some(at) = comment.find("upstart-lint:") else {
        return Vec::new();
    };
    let after = &comment[at..];
    let Some(eq) = after.find('=') else {
        return Vec::new();
    };
    let list = &after[eq + 1..];
    if list.contains("--") {
        return Vec::new();
    }
    let last = list.rsplit(',').next().unwrap_or("").trim_start();
    if last.contains(' ') {
        return Vec::new();
    }
    crate::lint::registry::all()
        .iter()
        .map(|r| {
            item(
                r.code.as_str(),
                CompletionItemKind::VALUE,
                Some(&format!("{}: {}", r.name, r.summary)),
            )
        })
        .collect()
}

fn item(label: &str, kind: CompletionItemKind, detail: Option<&str>) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: detail.map(ToString::to_string),
        ..CompletionItem::default()
    }
}
