use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a file in a linted directory that is named like a job but that
    /// upstart does not load: `.conf` or `.override` is inside its name but
    /// not at the end (`nginx.conf.orig`, `nginx.conf~`, `nginx.conf.dpkg-old`,
    /// `nginx.conf.disabled`), or its name is just `.conf`.
    ///
    /// ## Why is this bad?
    /// Upstart takes the text after the last `.` as the extension and loads
    /// only `.conf` jobs and `.override` files. A backup left by an editor or
    /// a package upgrade is harmless, but a job renamed to disable it, or an
    /// upgraded job saved under the packaging name, silently does not run:
    /// what the directory shows is not what init loads.
    ///
    /// ## Example
    /// `/etc/init/nginx.conf.dpkg-new` beside an old `nginx.conf`.
    ///
    /// ## Use instead
    /// Delete the copy, or rename it to `nginx.conf` if it is the job that
    /// should run (`manual` in `nginx.override` disables a job).
    code: UL601,
    name: "ignored-file",
    severity: Info,
    default: true,
    summary: "a file named like a job that upstart does not load (`nginx.conf~`, `nginx.conf.dpkg-old`)",
    check: Check::Pass(Pass::Inputs),
}
