use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags what a conversion to systemd (`upstart2systemd`) drops because
    /// systemd has nothing like it: `export`, `expect stop`, `cgroup`, `debug`,
    /// the ChromiumOS `import` and `tmpfiles` stanzas, a `respawn limit` without
    /// `respawn`, and (as information) `manual`, which leaves the unit without an
    /// `[Install]` section.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// The unit behaves differently from the job and nothing in it says so.
    /// `expect stop` is upstart's readiness protocol (the daemon stops itself
    /// with SIGSTOP once ready); systemd has no such protocol and considers the
    /// service started as soon as the process runs. `export` passed variables to
    /// the events of other jobs; systemd units cannot pass variables to other
    /// units' activations. Resource limits set through `cgroup` are not applied.
    ///
    /// ## Example
    /// ```text
    /// expect stop
    /// exec /usr/sbin/appd
    /// export APP_PORT
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// exec /usr/sbin/appd --foreground
    /// ```
    code: UL501,
    name: "no-systemd-equivalent",
    severity: Warning,
    default: false,
    summary: "stanza with no systemd equivalent: dropped or kept as an `X-Upstart-` key",
    check: Check::Pass(Pass::Conversion),
}
