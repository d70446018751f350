use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use crate::diag::Code;
use crate::source::Span;

rule! {
    /// ## What it does
    /// Flags a job whose name (its path under the configuration directory,
    /// without `.conf`) has whitespace, a leading dot in any part, or a
    /// character the shell treats specially.
    ///
    /// ## Why is this bad?
    /// Upstart loads such a job, but every `start`, `stop` and `status`
    /// command line, every `started NAME` condition and every script that
    /// names the job must quote it, and tools that walk the directory skip
    /// dot files. Converted to systemd, the name is escaped (`\x20`…) and no
    /// longer what operators type.
    ///
    /// ## Example
    /// `/etc/init/my job.conf`, `/etc/init/.web.conf`, `/etc/init/db(old).conf`
    ///
    /// ## Use instead
    /// `/etc/init/my-job.conf`: letters, digits, `-`, `_`, `.`, `@`, `+`,
    /// `:` and `/` for subdirectories.
    code: UL602,
    name: "bad-job-name",
    severity: Warning,
    default: true,
    summary: "job name with whitespace, a leading dot or shell-hostile characters",
    check: Check::Job(check),
}

/// Why `name` is awkward, if it is.
fn problem(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|c| c.is_whitespace()) {
        return Some(format!("it contains whitespace ({c:?})"));
    }
    if name.split('/').any(|part| part.starts_with('.')) {
        return Some("a part of it starts with `.` (a hidden file)".into());
    }
    name.chars()
        .find(|c| {
            !(c.is_alphanumeric()
                || matches!(c, '-' | '_' | '.' | '@' | '+' | ':' | '/' | ',' | '%' | '='))
        })
        .map(|c| format!("it contains `{c}`, which the shell treats specially"))
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    // Once per job: on the .conf, not again on its override.
    if ctx.is_override {
        return;
    }
    let Some(why) = problem(&ctx.name) else {
        return;
    };
    out.add(Code::UL602, Span::new(0, 0), "Awkward job name")
        .label(format!("the job `{}`: {why}", ctx.name))
        .help("rename the file to letters, digits and `-`, `_`, `.` (every command and condition naming the job must quote it otherwise)");
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn names() {
        for ok in ["web", "net/if-up", "getty@tty1", "x11-common", "a.b_c+d:e"] {
            assert_eq!(problem(ok), None, "{ok}");
        }
        for bad in [
            "my job",
            ".web",
            "net/.hidden",
            "db(old)",
            "a$b",
            "x*",
            "tab\tname",
            "q\"uote",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
    }
}
