use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Finds bash syntax in blocks and `exec` lines, which upstart runs with
    /// `/bin/sh` (dash on Debian, Ubuntu and ChromiumOS) and which dash
    /// parses but then runs differently or fails on: `[[ … ]]`, `source`,
    /// `==` in `[ … ]`, `$'…'`, `&>`, `NAME+=VALUE`, and bash parameter
    /// expansions (`${a[@]}`, `${x:0:1}`, `${x/a/b}`, `${!x}`, `${x,,}`).
    /// Bash syntax that dash rejects outright (`function f`, arrays,
    /// `<<<`) is reported as a syntax error (UL401). Found by UL401's pass,
    /// and only when shellcheck does not run (UL405 then reports these as
    /// SC3xxx findings).
    ///
    /// ## Why is this bad?
    /// dash has no `[[` or `source` command (the script stops with "not
    /// found", which fails the process under `set -e`), stops with "Bad
    /// substitution" at a bash expansion, and quietly does something else
    /// with `==`, `$'…'` and `&>` (which puts the command in the background
    /// and truncates the file).
    ///
    /// ## Example
    /// ```text
    /// script
    ///     [[ -n $DAEMON_OPTS ]] && source /etc/default/app
    ///     exec /usr/bin/app $DAEMON_OPTS &>/var/log/app.log
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// script
    ///     if [ -n "$DAEMON_OPTS" ]; then . /etc/default/app; fi
    ///     exec /usr/bin/app $DAEMON_OPTS >/var/log/app.log 2>&1
    /// end script
    /// ```
    code: UL407,
    name: "bashism",
    severity: Warning,
    default: true,
    summary: "bash syntax in shell that upstart runs with `/bin/sh` (when shellcheck does not run)",
    check: Check::Pass(Pass::Shell),
}
