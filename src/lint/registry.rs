//! The rule registry: the one table of every rule code, its name, default
//! severity, whether it runs by default, its one-line summary and its
//! documentation (the rule's doc comment, which `--explain` prints and the
//! README's rules table reuses). Codes are never reused.

use super::{JobCtx, JobFindings, SetCtx, SetFindings};
use crate::diag::Code;
use crate::diag::Severity;

/// How a rule finds its problems.
#[derive(Clone, Copy)]
pub enum Check {
    /// Looks at one job file (run by [`Pass::JobRules`]).
    Job(fn(&JobCtx<'_>, &mut JobFindings)),
    /// Looks at the whole set of jobs linted together (run by
    /// [`Pass::SetRules`]).
    Set(fn(&SetCtx<'_>, &mut SetFindings)),
    /// Reported by a pass shared with other rules; the rule's file holds
    /// only its documentation.
    Pass(Pass),
}

/// A pass: one piece of work that finds the problems of several rules.
/// The rules that name a pass (and, for [`Pass::JobRules`] and
/// [`Pass::SetRules`], the rules with their own check) are the codes it may
/// emit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// The parser's errors and warnings (every file is parsed before it is
    /// linted).
    Parse,
    /// Every rule with its own [`Check::Job`].
    JobRules,
    /// Every rule with its own [`Check::Set`].
    SetRules,
    /// The embedded shell, parsed in-process (`lint::shell`).
    Shell,
    /// shellcheck over the embedded shell (`lint::shell`).
    Shellcheck,
    /// The conversion to systemd, whose losses are reported
    /// (`lint::conversion`).
    Conversion,
    /// The suppression comments, applied to what the passes above found
    /// (`lint::suppress`).
    Suppressions,
    /// The command line, while it gathers the files to lint (`cli::lint`).
    Inputs,
    /// The systemd2upstart converter (`convert::from_systemd`); never the
    /// linter, which reads upstart jobs.
    Systemd2upstart,
}

/// What runs a pass of [`crate::lint::lint`] over the job set.
pub type Run = fn(&SetCtx<'_>, &mut SetFindings);

impl Pass {
    /// The passes [`crate::lint::lint`] runs, in order, with what runs
    /// them. [`Pass::Suppressions`] comes after them; the other passes are
    /// outside the linter's driver.
    #[must_use]
    pub fn lint_passes() -> [(Self, Run); 6] {
        [
            (Self::Parse, super::passes::parse),
            (Self::JobRules, super::passes::job_rules),
            (Self::SetRules, super::passes::set_rules),
            (Self::Shell, super::shell::check_in_process),
            (Self::Shellcheck, super::shell::check_shellcheck),
            (Self::Conversion, super::conversion::check),
        ]
    }

    /// Runs even when none of its codes is enabled: syntax errors are
    /// always reported.
    #[must_use]
    pub fn always(self) -> bool {
        self == Self::Parse
    }

    /// The rules whose problems this pass reports.
    pub fn rules(self) -> impl Iterator<Item = &'static Rule> {
        all().iter().filter(move |r| r.pass() == self)
    }
}

/// One rule.
#[derive(Clone, Copy)]
pub struct Rule {
    pub code: Code,
    pub name: &'static str,
    pub severity: Severity,
    /// Runs without being selected.
    pub default: bool,
    pub summary: &'static str,
    /// Markdown with the headings What it does / Why is this bad? / Example /
    /// Use instead (from the doc comment, one leading space per line).
    pub doc: &'static str,
    pub check: Check,
}

/// The codes with a safe fix (`--fix`) in some or all cases; `lint::fix`
/// and the rules' files hold the fixes, and a test checks that every fix
/// the linter offers has its code here.
pub const FIXABLE: &[Code] = &[Code::UL006, Code::UL011, Code::UL012, Code::UL217];

impl Rule {
    /// Whether `--fix` can fix some of this rule's problems.
    #[must_use]
    pub fn fixable(&self) -> bool {
        FIXABLE.contains(&self.code)
    }

    /// The pass that reports this rule's problems.
    #[must_use]
    pub fn pass(&self) -> Pass {
        match self.check {
            Check::Job(_) => Pass::JobRules,
            Check::Set(_) => Pass::SetRules,
            Check::Pass(pass) => pass,
        }
    }

    /// The documentation without rustdoc's leading space on each line.
    #[must_use]
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// Declare a rule: its doc comment is its documentation.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        code: $code:ident,
        name: $name:literal,
        severity: $sev:ident,
        default: $default:literal,
        summary: $summary:literal,
        check: $check:expr $(,)?
    ) => {
        $(#[doc = $doc])*
        pub(crate) const RULE: $crate::lint::registry::Rule = $crate::lint::registry::Rule {
            code: $crate::diag::Code::$code,
            name: $name,
            severity: $crate::diag::Severity::$sev,
            default: $default,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use rule;

/// Every rule, ordered by code.
#[must_use]
pub fn all() -> &'static [Rule] {
    super::rules::RULES
}

/// The rule with this code.
#[must_use]
pub fn find(code: impl AsRef<str>) -> Option<&'static Rule> {
    let code = code.as_ref();
    all().iter().find(|r| r.code == code)
}

/// Whether `pattern` (a code like `UL302` or a prefix like `UL3` / `UL`)
/// selects `code`.
#[must_use]
pub fn matches(pattern: &str, code: impl AsRef<str>) -> bool {
    pattern == "ALL" || code.as_ref().starts_with(pattern)
}

/// Whether `pattern` names at least one rule (or is a shellcheck code).
#[must_use]
pub fn is_known_pattern(pattern: &str) -> bool {
    is_shellcheck_code(pattern) || all().iter().any(|r| matches(pattern, r.code))
}

/// The shellcheck code (`SC2086`) of a diagnostic shellcheck reported
/// (UL405), if any.
#[must_use]
pub fn shellcheck_code_of(d: &crate::diag::Diagnostic) -> Option<String> {
    d.shellcheck
        .map(|n| format!("SC{n:04}"))
        .filter(|code| is_shellcheck_code(code))
}

/// Whether `pattern` selects the diagnostic: by its code, or for a
/// shellcheck finding by its SC code.
#[must_use]
pub fn matches_diagnostic(pattern: &str, d: &crate::diag::Diagnostic) -> bool {
    matches(pattern, d.code.as_str()) || shellcheck_code_of(d).is_some_and(|sc| sc == pattern)
}

/// `SC` followed by four digits: a shellcheck code passed through.
#[must_use]
pub fn is_shellcheck_code(code: &str) -> bool {
    code.len() == 6 && code.starts_with("SC") && code[2..].bytes().all(|b| b.is_ascii_digit())
}

/// The README's rules table (between the markers in README.md). Each code
/// carries an anchor (`#ul302`), which SARIF's `helpUri` points at.
#[must_use]
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "| Code | Name | Severity | Default | Fix | Summary |\n|---|---|---|---|---|---|\n",
    );
    for r in all() {
        out.push_str(&format!(
            "| <a id=\"{}\"></a>{} | {} | {} | {} | {} | {} |\n",
            r.code.as_str().to_ascii_lowercase(),
            r.code,
            r.name,
            r.severity.as_str(),
            if r.default { "on" } else { "off" },
            if r.fixable() { "yes" } else { "" },
            r.summary.replace('|', "\\|")
        ));
    }
    out
}
