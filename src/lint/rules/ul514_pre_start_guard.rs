use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a `pre-start` script whose first lines are guards of the form
    /// `TEST || { stop; exit 0; }` (or `TEST && { stop; exit 0; }`), and says
    /// what the conversion makes of each.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Under upstart, `stop` in a job's own pre-start ends the start quietly.
    /// systemd has no `stop` command: kept as is, the line fails the unit.
    /// The converter lifts leading guards out of the script instead. A plain
    /// file test (`-e`, `-d`, `-L`, `-x`, `-s` on a literal absolute path)
    /// becomes a `Condition…=` key, which PID 1 checks before anything runs;
    /// `-x` and `-s` map to keys that also require a regular file. Any other test, or any test in a job with `chroot`, `setuid`
    /// or `setgid` (Conditions are checked on the host, as root), becomes
    /// `ExecCondition=` (systemd 243 or later), where exit 1 skips the unit.
    /// Either way the unit is skipped, not failed, like the upstart job; but
    /// upstart still ran `post-stop` after such a stop and systemd runs
    /// nothing. Guards later in the script are not lifted: rewrite them.
    ///
    /// ## Example
    /// ```text
    /// pre-start script
    ///     [ -x /usr/sbin/appd ] || { stop; exit 0; }
    ///     mkdir -p /run/appd
    /// end script
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # the conversion writes ConditionFileIsExecutable=/usr/sbin/appd
    /// # and ExecStartPre= for the mkdir; nothing to change in the job
    /// ```
    code: UL514,
    name: "pre-start-guard",
    severity: Info,
    default: false,
    summary: "`pre-start` guard (`TEST || { stop; exit 0; }`) that becomes `Condition…=` or `ExecCondition=`",
    check: Check::Pass(Pass::Conversion),
}
