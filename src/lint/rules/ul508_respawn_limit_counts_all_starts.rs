use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a respawning service whose respawn limit (upstart's default of 10
    /// respawns in 5 seconds when none is given) becomes systemd's
    /// `StartLimitBurst=`/`StartLimitIntervalSec=`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Upstart counts only automatic respawns; systemd counts every start of the
    /// unit, including the first one and each `systemctl start`/`restart`. The
    /// converter adds one to the burst, which matches a job that is started once;
    /// repeated manual restarts now count against the limit too and can leave
    /// the unit failed with "start request repeated too quickly".
    ///
    /// ## Example
    /// ```text
    /// respawn
    /// respawn limit 10 5
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # no limit: nothing to translate (systemd restarts forever too)
    /// respawn
    /// respawn limit unlimited
    /// exec /usr/sbin/appd
    /// ```
    code: UL508,
    name: "respawn-limit-counts-all-starts",
    severity: Info,
    default: false,
    summary: "respawn limit: systemd's start limit counts every start, not only respawns",
    check: Check::Pass(Pass::Conversion),
}
