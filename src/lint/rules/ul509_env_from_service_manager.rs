use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags `env KEY` without `=VALUE`, which passes init's own value of the
    /// variable to the job; a conversion to systemd turns it into
    /// `PassEnvironment=KEY`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// systemd's PID 1 starts with an almost empty environment (no proxy
    /// settings, no locale), so the variable is usually unset in the unit even
    /// where upstart had it.
    ///
    /// ## Example
    /// ```text
    /// env HTTP_PROXY
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// env HTTP_PROXY=http://proxy.example:3128
    /// exec /usr/sbin/appd
    /// ```
    code: UL509,
    name: "env-from-service-manager",
    severity: Warning,
    default: false,
    summary: "`env KEY` without a value takes it from the service manager's environment",
    check: Check::Pass(Pass::Conversion),
}
