use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags event conditions that a conversion to systemd can only
    /// approximate: `and` (systemd has no "both happened" trigger), variable
    /// filters such as `IFACE=eth0` or `RESULT=failed`, job events with a
    /// pattern instead of a job name, `start on stopping`/`stopped JOB`, `stop on
    /// stopped JOB`, shutdown runlevels, and standard events with no systemd
    /// counterpart.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Upstart starts a job when the events occur; systemd starts a unit because
    /// another one wants it and orders it with `After=`/`Before=`. An `and` becomes
    /// an ordering after every operand with the unit installed into one of them,
    /// a dropped filter makes the unit start in more cases than the job did, and
    /// `stopped JOB` has no trigger at all without a drop-in on the other unit.
    ///
    /// ## Example
    /// ```text
    /// start on (local-filesystems and net-device-up IFACE!=lo)
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # runlevel 2-5 comes after the filesystems and the static network
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd
    /// ```
    code: UL502,
    name: "complex-event-condition",
    severity: Warning,
    default: false,
    summary: "`start on`/`stop on` condition that systemd dependencies only approximate",
    check: Check::Pass(Pass::Conversion),
}
