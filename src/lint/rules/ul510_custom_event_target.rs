use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a `start on` event that is not one of upstart's standard events
    /// (one emitted with `initctl emit`). A conversion to systemd generates a
    /// target for it (`EVENT.target`, with `StopWhenUnneeded=yes`) and installs
    /// the service into it.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Whatever ran `initctl emit EVENT` must now run `systemctl start
    /// EVENT.target`, and the service must be enabled (`systemctl enable`) to
    /// be wanted by the target; event variables (`initctl emit EVENT K=V`) are
    /// no longer passed.
    ///
    /// ## Example
    /// ```text
    /// start on my_event
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # started with the other services at boot
    /// start on runlevel [2345]
    /// exec /usr/sbin/appd
    /// ```
    code: UL510,
    name: "custom-event-target",
    severity: Info,
    default: false,
    summary: "custom event: the conversion generates a target to start with `systemctl start`",
    check: Check::Pass(Pass::Conversion),
}
