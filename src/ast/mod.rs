//! The upstart job AST: the one model that lint, convert and run read.
//!
//! Every node carries a byte [`Span`] into the original file. Values are
//! stored the way upstart 1.13.2 sees them after libnih's dequoting; the
//! printer (`crate::print`) turns them back into canonical job text.

mod event;
mod resolve;

pub use event::{EventArg, EventExpr, EventMatch, ExprComment, NamedJob, OnCondition, Operator};
pub use resolve::{Resolved, resolve};

use crate::source::Span;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A parsed job file: its stanzas, comments and blank-line runs in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub items: Vec<Item>,
}

impl Job {
    /// The stanzas in file order (comments and blank lines skipped).
    pub fn stanzas(&self) -> impl Iterator<Item = &Stanza> {
        self.items.iter().filter_map(|item| match item {
            Item::Stanza(s) => Some(s),
            _ => None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum Item {
    Stanza(Stanza),
    /// A comment on a line of its own.
    Comment(Comment),
    /// One or more consecutive blank lines (collapsed to one).
    Blank {
        span: Span,
    },
}

/// A `#` comment; `text` includes the `#` and excludes the newline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub text: CompactString,
    pub span: Span,
}

/// A value with the span of the token it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// A dequoted argument token. Its text is a `CompactString`: up to 24
/// bytes inline (most words of a job), so that a word costs no heap
/// allocation of its own.
pub type Word = Spanned<CompactString>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stanza {
    #[serde(flatten)]
    pub kind: StanzaKind,
    /// From the keyword to the end of the stanza's last line (comment excluded).
    pub span: Span,
    pub keyword_span: Span,
    /// A comment after the stanza on its (last) line (boxed: most stanzas
    /// have none, and every stanza of a file is one item of a `Vec`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub comment: Option<Box<Comment>>,
}

/// Every stanza of upstart 1.13.2, plus ChromiumOS's `import` and `tmpfiles`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stanza", rename_all = "kebab-case")]
pub enum StanzaKind {
    Instance {
        name: Word,
    },
    Description {
        text: Word,
    },
    Author {
        text: Word,
    },
    Version {
        text: Word,
    },
    Usage {
        text: Word,
    },
    Env {
        var: EnvVar,
    },
    Export {
        names: Vec<Word>,
    },
    /// The condition is boxed, as are the other rare large payloads: the
    /// common stanzas (`env`, `exec`) set the size of every stanza.
    StartOn {
        on: Box<OnCondition>,
    },
    StopOn {
        on: Box<OnCondition>,
    },
    Emits {
        events: Vec<Word>,
    },
    /// `exec`, `script`, and `pre-start`/`post-start`/`pre-stop`/`post-stop`.
    Process {
        process: ProcessKind,
        body: ProcessBody,
    },
    Expect {
        mode: Spanned<ExpectMode>,
    },
    Task,
    Respawn,
    RespawnLimit {
        limit: RespawnLimit,
    },
    KillTimeout {
        seconds: Spanned<u64>,
    },
    KillSignal {
        signal: Signal,
    },
    ReloadSignal {
        signal: Signal,
    },
    NormalExit {
        statuses: Vec<ExitStatus>,
    },
    Console {
        mode: Spanned<ConsoleMode>,
    },
    Umask {
        mask: Spanned<u32>,
    },
    Nice {
        value: Spanned<i32>,
    },
    Oom {
        oom: Spanned<Oom>,
    },
    /// The values are boxed: this stanza is rare, and 88 bytes inline
    /// would set the size of every stanza.
    Limit {
        resource: Spanned<Resource>,
        soft: Box<Spanned<LimitValue>>,
        hard: Box<Spanned<LimitValue>>,
    },
    Chroot {
        dir: Word,
    },
    Chdir {
        dir: Word,
    },
    Setuid {
        user: Word,
    },
    Setgid {
        group: Word,
    },
    Manual,
    Debug,
    ApparmorLoad {
        profile: Word,
    },
    ApparmorSwitch {
        profile: Word,
    },
    /// The optional words are boxed: this rare stanza would otherwise set
    /// the size of every stanza.
    Cgroup {
        controller: Word,
        name: Option<Box<Word>>,
        key: Option<Box<Word>>,
        value: Option<Box<Word>>,
    },
    /// ChromiumOS dialect: `import VAR` (not accepted by upstream upstart).
    Import {
        var: Word,
    },
    /// ChromiumOS dialect: `tmpfiles PATH...` (not accepted by upstream upstart).
    Tmpfiles {
        paths: Vec<Word>,
    },
    /// A stanza that failed to parse; the error is in the parse result.
    Invalid {
        keyword: CompactString,
    },
}

impl StanzaKind {
    /// Stanzas that only concern the main process (`respawn`, `expect`,
    /// `kill`, `normal exit`, `reload signal`, `apparmor switch`): a job
    /// without one has nothing for them to act on (UL211, and what
    /// systemd2upstart leaves out, UL708).
    #[must_use]
    pub fn acts_on_main_process_only(&self) -> bool {
        matches!(
            self,
            StanzaKind::Respawn
                | StanzaKind::RespawnLimit { .. }
                | StanzaKind::Expect { .. }
                | StanzaKind::NormalExit { .. }
                | StanzaKind::KillTimeout { .. }
                | StanzaKind::KillSignal { .. }
                | StanzaKind::ReloadSignal { .. }
                | StanzaKind::ApparmorSwitch { .. }
        )
    }

    /// Stanzas that set up every process of the job (`console`, `limit`,
    /// `setuid`, `setgid`, `umask`, `nice`, `oom score`, `chroot`, `chdir`).
    #[must_use]
    pub fn acts_on_every_process(&self) -> bool {
        matches!(
            self,
            StanzaKind::Console { .. }
                | StanzaKind::Limit { .. }
                | StanzaKind::Setuid { .. }
                | StanzaKind::Setgid { .. }
                | StanzaKind::Umask { .. }
                | StanzaKind::Nice { .. }
                | StanzaKind::Oom { .. }
                | StanzaKind::Chroot { .. }
                | StanzaKind::Chdir { .. }
        )
    }

    /// The stanza keyword as written in a job file (`start on`, `pre-start`, …).
    #[must_use]
    pub fn keyword(&self) -> &str {
        match self {
            Self::Instance { .. } => "instance",
            Self::Description { .. } => "description",
            Self::Author { .. } => "author",
            Self::Version { .. } => "version",
            Self::Usage { .. } => "usage",
            Self::Env { .. } => "env",
            Self::Export { .. } => "export",
            Self::StartOn { .. } => "start on",
            Self::StopOn { .. } => "stop on",
            Self::Emits { .. } => "emits",
            Self::Process { process, body } => match (process, body) {
                (ProcessKind::Main, ProcessBody::Exec { .. }) => "exec",
                (ProcessKind::Main, ProcessBody::Script { .. }) => "script",
                (p, _) => p.keyword(),
            },
            Self::Expect { .. } => "expect",
            Self::Task => "task",
            Self::Respawn => "respawn",
            Self::RespawnLimit { .. } => "respawn limit",
            Self::KillTimeout { .. } => "kill timeout",
            Self::KillSignal { .. } => "kill signal",
            Self::ReloadSignal { .. } => "reload signal",
            Self::NormalExit { .. } => "normal exit",
            Self::Console { .. } => "console",
            Self::Umask { .. } => "umask",
            Self::Nice { .. } => "nice",
            Self::Oom { .. } => "oom",
            Self::Limit { .. } => "limit",
            Self::Chroot { .. } => "chroot",
            Self::Chdir { .. } => "chdir",
            Self::Setuid { .. } => "setuid",
            Self::Setgid { .. } => "setgid",
            Self::Manual => "manual",
            Self::Debug => "debug",
            Self::ApparmorLoad { .. } => "apparmor load",
            Self::ApparmorSwitch { .. } => "apparmor switch",
            Self::Cgroup { .. } => "cgroup",
            Self::Import { .. } => "import",
            Self::Tmpfiles { .. } => "tmpfiles",
            Self::Invalid { keyword } => keyword,
        }
    }
}

/// `env KEY=VALUE` or `env KEY` (value copied from init's environment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvVar {
    pub key: CompactString,
    pub value: Option<CompactString>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProcessKind {
    Main,
    PreStart,
    PostStart,
    PreStop,
    PostStop,
}

impl ProcessKind {
    pub const ALL: [ProcessKind; 5] = [
        ProcessKind::PreStart,
        ProcessKind::Main,
        ProcessKind::PostStart,
        ProcessKind::PreStop,
        ProcessKind::PostStop,
    ];

    /// The stanza keyword (`main` has none: it is `exec` or `script`).
    #[must_use]
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Main => "main",
            Self::PreStart => "pre-start",
            Self::PostStart => "post-start",
            Self::PreStop => "pre-stop",
            Self::PostStop => "post-stop",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ProcessBody {
    /// Command text exactly as upstart stores it: quotes and backslashes kept,
    /// continuation lines joined with one space, comment and trailing blanks cut.
    Exec {
        command: Word,
        /// The text as written, kept only when libnih garbled an escape in it
        /// (UL117) or a NUL byte cut it (UL119): then no other text gives
        /// upstart the same command, and the printer writes this one.
        /// (Boxed: rare, and it would set the size of every stanza.)
        #[serde(skip_serializing_if = "Option::is_none", default)]
        written: Option<Box<str>>,
    },
    /// A script block after libnih's common-indentation stripping: the bytes
    /// upstart hands to `/bin/sh -e`. Every line keeps its newline, except
    /// one cut short by a NUL byte (libnih's `strncat`).
    Script {
        body: String,
        /// The body lines in the file (from the line after `script` to the
        /// start of the `end script` line).
        body_span: Span,
        /// Bytes of indentation removed from every body line.
        indent: usize,
        /// Boxed: rare, and it would set the size of every stanza.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        end_comment: Option<Box<Comment>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpectMode {
    Stop,
    Daemon,
    Fork,
    None,
}

impl ExpectMode {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stop => "stop",
            Self::Daemon => "daemon",
            Self::Fork => "fork",
            Self::None => "none",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsoleMode {
    None,
    Output,
    Owner,
    Log,
}

impl ConsoleMode {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Output => "output",
            Self::Owner => "owner",
            Self::Log => "log",
        }
    }
}

/// `respawn limit COUNT INTERVAL` or `respawn limit unlimited`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RespawnLimit {
    Unlimited {
        span: Span,
    },
    Count {
        count: Spanned<u64>,
        interval: Spanned<u64>,
    },
}

/// A signal given by name (as written, with or without `SIG`) or by number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<CompactString>,
    pub number: i64,
    pub span: Span,
}

/// One value of `normal exit`: an exit code or a signal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExitStatus {
    Code { code: i64, span: Span },
    Signal { signal: Signal },
}

impl ExitStatus {
    /// The status as upstart compares it: a code, or 256 × signal number.
    #[must_use]
    pub fn encoded(&self) -> i64 {
        match self {
            Self::Code { code, .. } => *code,
            Self::Signal { signal } => signal.number << 8,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Oom {
    /// Legacy `oom ADJ` (−17…15).
    Adjust { adj: i32 },
    /// `oom never` (legacy form).
    Never,
    /// `oom score SCORE` (−1000…1000).
    Score { score: i32 },
    /// `oom score never`.
    ScoreNever,
}

impl Oom {
    /// The `oom_score_adj` value upstart writes (C integer division as in 1.13.2).
    #[must_use]
    pub fn score(self) -> i32 {
        match self {
            Self::Adjust { adj } if adj < 0 => adj * 1000 / 17,
            Self::Adjust { adj } => adj * 1000 / 15,
            Self::Never | Self::ScoreNever => -1000,
            Self::Score { score } => score,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resource {
    As,
    Core,
    Cpu,
    Data,
    Fsize,
    Memlock,
    Msgqueue,
    Nice,
    Nofile,
    Nproc,
    Rss,
    Rtprio,
    Sigpending,
    Stack,
}

impl Resource {
    pub const ALL: [Resource; 14] = [
        Resource::As,
        Resource::Core,
        Resource::Cpu,
        Resource::Data,
        Resource::Fsize,
        Resource::Memlock,
        Resource::Msgqueue,
        Resource::Nice,
        Resource::Nofile,
        Resource::Nproc,
        Resource::Rss,
        Resource::Rtprio,
        Resource::Sigpending,
        Resource::Stack,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::As => "as",
            Self::Core => "core",
            Self::Cpu => "cpu",
            Self::Data => "data",
            Self::Fsize => "fsize",
            Self::Memlock => "memlock",
            Self::Msgqueue => "msgqueue",
            Self::Nice => "nice",
            Self::Nofile => "nofile",
            Self::Nproc => "nproc",
            Self::Rss => "rss",
            Self::Rtprio => "rtprio",
            Self::Sigpending => "sigpending",
            Self::Stack => "stack",
        }
    }

    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitValue {
    Unlimited,
    /// As C `strtoul` reads it: `-1` wraps to the maximum (unlimited on 64-bit).
    Value(u64),
}

/// Compare two jobs while ignoring every span (and `indent`, which records
/// layout only): the equality the printer's round trip promises. Compared
/// item by item, so that only one item at a time is turned into JSON.
#[must_use]
pub fn eq_ignoring_spans(a: &Job, b: &Job) -> bool {
    a.items.len() == b.items.len()
        && a.items
            .iter()
            .zip(&b.items)
            .all(|(x, y)| item_eq_ignoring_spans(x, y))
}

/// [`eq_ignoring_spans`] for one item.
#[must_use]
pub fn item_eq_ignoring_spans(a: &Item, b: &Item) -> bool {
    stripped(serde_json::to_value(a)) == stripped(serde_json::to_value(b))
}

/// The job as JSON with all span and layout fields removed.
#[must_use]
pub fn strip_layout(job: &Job) -> serde_json::Value {
    stripped(serde_json::to_value(job))
}

fn stripped(value: Result<serde_json::Value, serde_json::Error>) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| k != "span" && !k.ends_with("_span") && k != "indent");
                for val in map.values_mut() {
                    strip(val);
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = value.unwrap_or(serde_json::Value::Null);
    strip(&mut value);
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of a job file can be one item, all held at once: the
    /// size of an item is what a large file costs beyond its text (issue
    /// 20: 160 bytes an item once, for an 8-byte `env A=1` line). A rare
    /// stanza with a large payload boxes it rather than grow every item;
    /// `env` (its `EnvVar`) sets the size now. Lower these when it shrinks.
    #[test]
    fn items_stay_small() {
        assert!(size_of::<StanzaKind>() <= 72, "{}", size_of::<StanzaKind>());
        assert!(size_of::<Stanza>() <= 112, "{}", size_of::<Stanza>());
        assert!(size_of::<Item>() <= 112, "{}", size_of::<Item>());
    }

    proptest::proptest! {
        /// An event argument's text is the token it was split from.
        #[test]
        fn event_arg_text_is_its_token(token in "[A-Z=!x]{0,8}") {
            let arg = EventArg::from_token(&token, crate::source::Span::default());
            proptest::prop_assert_eq!(arg.text(), token);
        }
    }
}
