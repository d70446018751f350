use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags `console log`, whose output a conversion to systemd sends to the
    /// journal.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Log rotation, monitoring and people look for `/var/log/upstart/JOB.log`,
    /// which no longer grows. Upstart also gave the job a pseudo-terminal; the
    /// journal is a socket, so programs that buffer output when it is not a
    /// terminal now write it in blocks, later.
    ///
    /// ## Example
    /// ```text
    /// console log
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # the daemon writes its own log file
    /// console none
    /// exec /usr/sbin/appd --log-file /var/log/appd.log
    /// ```
    code: UL506,
    name: "log-path-changes",
    severity: Info,
    default: false,
    summary: "`console log` output moves from /var/log/upstart/JOB.log to the journal",
    check: Check::Pass(Pass::Conversion),
}
