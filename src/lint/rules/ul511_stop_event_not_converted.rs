use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags the `stop on` events that a conversion to systemd leaves out:
    /// everything but runlevels (default dependencies stop units at shutdown)
    /// and `stopping`/`stopped`/`starting JOB` (which become `PartOf=` or
    /// `Conflicts=`).
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// The converted unit no longer stops when the event happens. systemd stops
    /// units through dependencies, not events; a custom event, `stop on
    /// shutdown` (not a standard event) or a filtered job event needs a
    /// `Conflicts=` or `PartOf=` written by hand.
    ///
    /// ## Example
    /// ```text
    /// start on runlevel [2345]
    /// stop on my_event
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// start on runlevel [2345]
    /// stop on runlevel [!2345]
    /// exec /usr/sbin/appd
    /// ```
    code: UL511,
    name: "stop-event-not-converted",
    severity: Warning,
    default: false,
    summary: "`stop on` event that the conversion drops",
    check: Check::Pass(Pass::Conversion),
}
