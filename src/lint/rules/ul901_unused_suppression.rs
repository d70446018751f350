use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a code in a `# upstart-lint: disable=…` comment that silenced
    /// nothing on its line or the next one (or, for `disable-file=`, in the
    /// file).
    ///
    /// ## Why is this bad?
    /// Stale suppressions hide the next real problem of that kind and
    /// mislead readers about what the line does.
    ///
    /// ## Example
    /// ```text
    /// description "web"  # upstart-lint: disable=UL202
    /// ```
    ///
    /// ## Use instead
    /// Remove the code, or the comment.
    code: UL901,
    name: "unused-suppression",
    severity: Warning,
    default: true,
    summary: "a suppression comment that silenced nothing",
    check: Check::Pass(Pass::Suppressions),
}
