//! `parse(print(job)) == job` (spans aside): on every fixture, and as a
//! property over generated jobs.

use crate::common::{files_in, fixture};
use proptest::prelude::*;
use upstart_tools::ast::{
    Comment, ConsoleMode, EnvVar, EventArg, EventExpr, EventMatch, ExitStatus, ExpectMode, Item,
    Job, LimitValue, OnCondition, Oom, Operator, ProcessBody, ProcessKind, Resource, RespawnLimit,
    Signal, Spanned, Stanza, StanzaKind, Word, eq_ignoring_spans, strip_layout,
};
use upstart_tools::print::print;
use upstart_tools::source::Span;
use upstart_tools::syntax::script::strip_common_indent;
use upstart_tools::syntax::values::SIGNALS;
use upstart_tools::syntax::{Dialect, parse, parse_str};

#[test]
fn every_fixture_round_trips() {
    let mut files = files_in(&fixture("parse/ok"), "conf");
    files.extend(files_in(&fixture(""), "conf"));
    assert!(!files.is_empty(), "no fixtures found");
    for path in files {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let parsed = parse(&bytes);
        assert!(
            !parsed.has_errors(),
            "{}: {:?}",
            path.display(),
            parsed.errors
        );
        let text = print(&parsed.job).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again = parse_str(&text);
        assert!(
            !again.has_errors(),
            "{}: {:?}",
            path.display(),
            again.errors
        );
        assert!(
            eq_ignoring_spans(&again.job, &parsed.job),
            "{}: round trip changed the job",
            path.display()
        );
        assert_eq!(
            print(&again.job).ok().as_deref(),
            Some(text.as_str()),
            "{}",
            path.display()
        );
    }
}

fn sp() -> Span {
    Span::default()
}

fn word(s: String) -> Word {
    Spanned::new(s.into(), sp())
}

/// Any single-line value: the printer must quote it so it dequotes back.
fn value() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 \t\"'\\\\#$=()!*\\[\\]{};:.,/é-]{1,12}")
        .unwrap_or_else(|e| panic!("{e}"))
}

fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z_][a-zA-Z0-9_-]{0,8}").unwrap_or_else(|e| panic!("{e}"))
}

/// Command text as the parser stores it: no newline, no unquoted `#`, no
/// leading/trailing blank, no final backslash, balanced quotes.
fn command() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        proptest::string::string_regex("[a-zA-Z0-9/_.=$%-]{1,8}").unwrap_or_else(|e| panic!("{e}")),
        proptest::string::string_regex("\"([a-z #'$]|\\\\[a-z]){0,6}\"")
            .unwrap_or_else(|e| panic!("{e}")),
        proptest::string::string_regex("'[a-z #\"$]{0,6}'").unwrap_or_else(|e| panic!("{e}")),
        Just("\\$HOME".to_string()),
        Just("a\\ b".to_string()),
    ];
    (
        proptest::collection::vec(atom, 1..5),
        proptest::collection::vec(1usize..3, 5),
    )
        .prop_map(|(atoms, gaps)| {
            let mut s = String::new();
            for (i, a) in atoms.iter().enumerate() {
                if i > 0 {
                    s.push_str(&" ".repeat(gaps[i % gaps.len()]));
                }
                s.push_str(a);
            }
            s
        })
        // A blank right before an escape such as `\$` is garbled by libnih
        // (UL117): no text gives upstart such a command, so the AST never
        // holds one.
        .prop_filter("no blank before an escape", |s| {
            let b = s.as_bytes();
            !b.windows(3).any(|w| {
                matches!(w[0], b' ' | b'\t')
                    && w[1] == b'\\'
                    && !matches!(w[2], b'\\' | b' ' | b'\t')
            })
        })
}

/// A script body as the parser produces it: lines ending in `\n`, none of
/// them an `end script` terminator, with libnih's indentation already removed.
fn script_body() -> impl Strategy<Value = String> {
    let line = proptest::string::string_regex("[ \t]{0,3}[a-z\"'#$;|&(){} \\\\]{0,16}")
        .unwrap_or_else(|e| panic!("{e}"));
    proptest::collection::vec(line, 0..5).prop_map(|lines| {
        let text: String = lines
            .into_iter()
            .filter(|l| !l.trim_start().starts_with("end"))
            .map(|l| format!("{l}\n"))
            .collect();
        strip_common_indent(&text)
    })
}

fn signal() -> impl Strategy<Value = Signal> {
    prop_oneof![
        (0..SIGNALS.len(), any::<bool>()).prop_map(|(i, prefix)| {
            let (n, num) = SIGNALS[i];
            Signal {
                name: Some(if prefix {
                    format!("SIG{n}").into()
                } else {
                    n.into()
                }),
                number: num,
                span: sp(),
            }
        }),
        (0..=i64::from(i32::MAX)).prop_map(|number| Signal {
            name: None,
            number,
            span: sp(),
        }),
    ]
}

fn event_arg() -> impl Strategy<Value = (bool, EventArg)> {
    prop_oneof![
        value()
            .prop_filter("positional has no =", |v| !v.contains('='))
            .prop_map(|p| (
                false,
                EventArg::Positional {
                    pattern: p,
                    span: sp()
                }
            )),
        (name(), any::<bool>(), value()).prop_filter_map("split must round-trip", |(k, neg, p)| {
            if !neg && p.contains("!=") {
                return None;
            }
            Some((
                true,
                EventArg::Named {
                    key: k,
                    negated: neg,
                    pattern: p,
                    span: sp(),
                },
            ))
        }),
    ]
}

fn event_match() -> impl Strategy<Value = EventExpr> {
    (
        value(),
        proptest::collection::vec(event_arg(), 0..3),
        0u32..2,
    )
        .prop_map(|(n, args, parens)| {
            // Positional arguments must precede named ones.
            let mut args = args;
            args.sort_by_key(|(named, _)| *named);
            EventExpr::Match {
                event: EventMatch {
                    name: n,
                    name_span: sp(),
                    args: args.into_iter().map(|(_, a)| a).collect(),
                    span: sp(),
                },
                parens,
            }
        })
}

fn event_expr() -> impl Strategy<Value = EventExpr> {
    event_match().prop_recursive(4, 16, 2, |inner| {
        (inner.clone(), any::<bool>(), inner, 0u32..2).prop_map(|(lhs, and, rhs, parens)| {
            let mut rhs = rhs;
            // The parser never yields an unparenthesised compound right operand.
            if matches!(rhs, EventExpr::Op { .. }) && rhs.parens() == 0 {
                *rhs.parens_mut() = 1;
            }
            EventExpr::Op {
                op: if and { Operator::And } else { Operator::Or },
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
                op_span: sp(),
                parens,
            }
        })
    })
}

fn process_kind() -> impl Strategy<Value = ProcessKind> {
    proptest::sample::select(ProcessKind::ALL.to_vec())
}

fn limit_value() -> impl Strategy<Value = LimitValue> {
    prop_oneof![
        Just(LimitValue::Unlimited),
        any::<u64>().prop_map(LimitValue::Value)
    ]
}

fn stanza_kind() -> impl Strategy<Value = StanzaKind> {
    let words = || proptest::collection::vec(value().prop_map(word), 1..4);
    prop_oneof![
        value().prop_map(|v| StanzaKind::Instance { name: word(v) }),
        value().prop_map(|v| StanzaKind::Description { text: word(v) }),
        value().prop_map(|v| StanzaKind::Author { text: word(v) }),
        value().prop_map(|v| StanzaKind::Usage { text: word(v) }),
        value().prop_map(|v| StanzaKind::Chdir { dir: word(v) }),
        value().prop_map(|v| StanzaKind::Setuid { user: word(v) }),
        value().prop_map(|v| StanzaKind::ApparmorSwitch { profile: word(v) }),
        (
            value().prop_filter("key has no =", |k| !k.contains('=')),
            proptest::option::of(
                proptest::string::string_regex("[a-z =$\"'#\\\\]{0,8}")
                    .unwrap_or_else(|e| panic!("{e}"))
            )
        )
            .prop_map(|(key, value)| StanzaKind::Env {
                var: EnvVar {
                    key: key.into(),
                    value: value.map(Into::into),
                    span: sp()
                }
            }),
        words().prop_map(|names| StanzaKind::Export { names }),
        words().prop_map(|events| StanzaKind::Emits { events }),
        event_expr().prop_map(|expr| StanzaKind::StartOn {
            on: Box::new(OnCondition {
                expr,
                comments: vec![]
            })
        }),
        event_expr().prop_map(|expr| StanzaKind::StopOn {
            on: Box::new(OnCondition {
                expr,
                comments: vec![]
            })
        }),
        (process_kind(), command()).prop_map(|(process, c)| StanzaKind::Process {
            process,
            body: ProcessBody::Exec {
                command: word(c),
                written: None
            }
        }),
        (
            process_kind(),
            script_body(),
            proptest::option::of("# [a-z ]{0,6}")
        )
            .prop_map(|(process, body, end)| StanzaKind::Process {
                process,
                body: ProcessBody::Script {
                    body,
                    body_span: sp(),
                    indent: 0,
                    end_comment: end.map(|text| Box::new(Comment {
                        text: text.into(),
                        span: sp()
                    })),
                }
            }),
        proptest::sample::select(vec![
            ExpectMode::Stop,
            ExpectMode::Daemon,
            ExpectMode::Fork,
            ExpectMode::None
        ])
        .prop_map(|m| StanzaKind::Expect {
            mode: Spanned::new(m, sp())
        }),
        Just(StanzaKind::Task),
        Just(StanzaKind::Respawn),
        Just(StanzaKind::Manual),
        Just(StanzaKind::Debug),
        prop_oneof![
            Just(RespawnLimit::Unlimited { span: sp() }),
            // The count is kept in a C int (UL118), the interval in a long.
            (0..=i32::MAX as u64, 0..=i64::MAX as u64).prop_map(|(c, i)| RespawnLimit::Count {
                count: Spanned::new(c, sp()),
                interval: Spanned::new(i, sp())
            })
        ]
        .prop_map(|limit| StanzaKind::RespawnLimit { limit }),
        (0..=i64::MAX as u64).prop_map(|s| StanzaKind::KillTimeout {
            seconds: Spanned::new(s, sp())
        }),
        signal().prop_map(|signal| StanzaKind::KillSignal { signal }),
        signal().prop_map(|signal| StanzaKind::ReloadSignal { signal }),
        proptest::collection::vec(
            prop_oneof![
                (0..=i64::from(i32::MAX)).prop_map(|code| ExitStatus::Code { code, span: sp() }),
                signal()
                    .prop_filter("named", |s| s.name.is_some())
                    .prop_map(|signal| ExitStatus::Signal { signal }),
            ],
            1..4
        )
        .prop_map(|statuses| StanzaKind::NormalExit { statuses }),
        proptest::sample::select(vec![
            ConsoleMode::None,
            ConsoleMode::Output,
            ConsoleMode::Owner,
            ConsoleMode::Log
        ])
        .prop_map(|m| StanzaKind::Console {
            mode: Spanned::new(m, sp())
        }),
        (0u32..=0o777).prop_map(|m| StanzaKind::Umask {
            mask: Spanned::new(m, sp())
        }),
        (-20i32..=19).prop_map(|v| StanzaKind::Nice {
            value: Spanned::new(v, sp())
        }),
        prop_oneof![
            (-17i32..=15).prop_map(|adj| Oom::Adjust { adj }),
            Just(Oom::Never),
            (-1000i32..=1000).prop_map(|score| Oom::Score { score }),
            Just(Oom::ScoreNever),
        ]
        .prop_map(|o| StanzaKind::Oom {
            oom: Spanned::new(o, sp())
        }),
        (
            proptest::sample::select(Resource::ALL.to_vec()),
            limit_value(),
            limit_value()
        )
            .prop_map(|(r, s, h)| {
                StanzaKind::Limit {
                    resource: Spanned::new(r, sp()),
                    soft: Box::new(Spanned::new(s, sp())),
                    hard: Box::new(Spanned::new(h, sp())),
                }
            }),
        (value(), 0usize..4, value(), value(), value()).prop_map(|(c, n, a, b, d)| {
            let (name, key, val) = match n {
                0 => (None, None, None),
                1 => (Some(word(a)), None, None),
                2 => (None, Some(word(a)), Some(word(b))),
                _ => (Some(word(a)), Some(word(b)), Some(word(d))),
            };
            StanzaKind::Cgroup {
                controller: word(c),
                name: name.map(Box::new),
                key: key.map(Box::new),
                value: val.map(Box::new),
            }
        }),
        value().prop_map(|v| StanzaKind::Import { var: word(v) }),
    ]
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        6 => (stanza_kind(), proptest::option::of("#[a-z \"'\\\\#]{0,8}")).prop_map(|(kind, c)| {
            Item::Stanza(Stanza {
                kind,
                span: sp(),
                keyword_span: sp(),
                comment: c.map(|text| Box::new(Comment {
                    text: text.into(),
                    span: sp()
                })),
            })
        }),
        1 => "#[a-z \"'\\\\#]{0,8}".prop_map(|text| Item::Comment(Comment {
            text: text.into(),
            span: sp()
        })),
        1 => Just(Item::Blank { span: sp() }),
    ]
}

fn job() -> impl Strategy<Value = Job> {
    proptest::collection::vec(item(), 0..8).prop_map(|mut items| {
        // The parser collapses runs of blank lines into one item.
        items.dedup_by(|a, b| matches!((a, b), (Item::Blank { .. }, Item::Blank { .. })));
        Job { items }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_jobs_round_trip(job in job()) {
        let text = print(&job).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Generated jobs use ChromiumOS's `import` and `tmpfiles` too.
        let parsed = parse_str(&text).for_dialect(Dialect::Chromeos);
        prop_assert!(!parsed.has_errors(), "errors {:?} in\n{}", parsed.errors, text);
        prop_assert_eq!(strip_layout(&parsed.job), strip_layout(&job), "printed:\n{}", text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let parsed = parse(&bytes);
        for e in &parsed.errors {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= bytes.len());
        }
        // A file that parses cleanly also prints and re-parses to the same job.
        // NUL bytes truncate script lines in libnih; `fmt` refuses them.
        if !parsed.has_errors() && std::str::from_utf8(&bytes).is_ok() && !bytes.contains(&0) {
            let text = print(&parsed.job).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(eq_ignoring_spans(&parse_str(&text).job, &parsed.job), "{}", text);
        }
    }

    #[test]
    fn job_like_text_never_panics(lines in proptest::collection::vec(
        "(start on|stop on|exec|script|end script|env|limit|respawn|normal exit|kill|oom|\\(|\\)|\"|'|\\\\|#| |and|or|[a-z=!\\[\\]*$]{1,5}){0,8}", 0..12)) {
        let text = lines.join("\n");
        let parsed = parse_str(&text);
        for e in &parsed.errors {
            prop_assert!(e.span.end <= text.len());
        }
        if !parsed.has_errors() {
            let printed = print(&parsed.job).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(eq_ignoring_spans(&parse_str(&printed).job, &parsed.job), "{}\n---\n{}", text, printed);
        }
    }
}

#[test]
fn the_ast_survives_json_both_ways() {
    let src = "instance $X # c\nenv A=\"b c\"\nstart on (a or b) and c [2345] K!=v\nkill signal SIGTERM\nnormal exit 0 TERM\n\
               limit nofile 1 unlimited\noom score -100\nrespawn limit 10 5\numask 022\nnice -5\nexpect fork\n\
               console log\ncgroup memory g k v\npre-start script\n  echo hi\nend script  # e\n# alone\n\nexec /bin/x\n";
    let parsed = parse_str(src);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let json = serde_json::to_string(&parsed.job).unwrap_or_else(|e| panic!("{e}"));
    let back: Job = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(back, parsed.job);
}
