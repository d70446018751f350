//! systemd unit files: parser (systemd.syntax(7)) with spans, Exec-line
//! parsing, specifiers and drop-ins. The parser never panics and never
//! stops at the first problem.

use crate::source::Span;

/// One `Key=Value` assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    /// The value after continuation lines are joined (a line ending in `\`
    /// joins the next with one space; comment lines in between are dropped),
    /// leading/trailing blanks removed. Not yet unquoted.
    pub value: String,
    /// From the first to the last byte of the value in the file (it may
    /// span several lines).
    pub value_span: Span,
}

/// A `[Section]` with its entries in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitSection {
    pub name: String,
    pub span: Span,
    pub entries: Vec<Entry>,
}

/// A parsed unit file (after drop-ins are merged, if any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFile {
    /// Unit name, e.g. `foo.service`, `getty@.service`.
    pub name: String,
    pub sections: Vec<UnitSection>,
}

impl UnitFile {
    /// The values of `key` in `section`, in order, with list semantics: an
    /// empty assignment resets what came before.
    #[must_use]
    pub fn values(&self, section: &str, key: &str) -> Vec<&Entry> {
        let mut out: Vec<&Entry> = Vec::new();
        for s in self.sections.iter().filter(|s| s.name == section) {
            for e in s.entries.iter().filter(|e| e.key == key) {
                if e.value.is_empty() {
                    out.clear();
                } else {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The last value of a single-valued `key` in `section`.
    #[must_use]
    pub fn last(&self, section: &str, key: &str) -> Option<&Entry> {
        self.values(section, key).into_iter().last()
    }
}

/// A problem in a unit file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitError {
    pub span: Span,
    pub message: String,
}

/// Exec-line prefixes (systemd.service(5)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExecPrefixes {
    /// `-`: failure ignored.
    pub ignore_failure: bool,
    /// `@`: the second word is argv[0].
    pub argv0: bool,
    /// `:`: no environment variable substitution.
    pub no_env: bool,
    /// `+`: full privileges.
    pub privileged: bool,
    /// `!` / `!!`: no user/group change.
    pub no_setuid: bool,
}

/// One command of an `Exec*=` line: its argv after unquoting and C
/// escapes (specifiers already resolved by the caller if wanted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecCommand {
    pub prefixes: ExecPrefixes,
    pub argv: Vec<String>,
}
