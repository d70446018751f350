use super::super::registry::{Check, rule};
use super::super::{JobCtx, JobFindings};
use super::ul2_common::{
    Tok, anchor, basename, commands, is_expect, lex, stanza_of_body, tracks_forks,
};
use crate::ast::{ExpectMode, ProcessBody};
use crate::diag::Code;
use crate::source::Span;

/// Long flags that keep a program in the foreground, whatever the program.
const FOREGROUND: &[&str] = &[
    "--foreground",
    "--nodaemon",
    "--no-daemon",
    "--nofork",
    "--no-fork",
];
/// Long flags that make a program detach itself.
const DAEMONISE: &[&str] = &["--daemon", "--daemonize", "--daemonise", "--fork"];

/// One-letter flags mean different things to different programs (`-d` is
/// "foreground" for dhclient and "daemon" for libvirtd), so they only count
/// for programs known to use them: (program, foreground flags, daemonising
/// flags).
const SHORT_FLAGS: &[(&str, &[&str], &[&str])] = &[
    ("sshd", &["-D"], &[]),
    ("avahi-daemon", &[], &["-D"]),
    ("dhclient", &["-d"], &[]),
    ("deluged", &["-d"], &[]),
    ("dnsmasq", &["-d", "-k"], &[]),
    ("rsyslogd", &["-n"], &[]),
    ("smbd", &["-F"], &["-D"]),
    ("nmbd", &["-F"], &["-D"]),
    ("winbindd", &["-F"], &["-D"]),
    ("cron", &["-f"], &[]),
    ("crond", &["-n"], &[]),
    ("atd", &["-f"], &[]),
    ("acpid", &["-f"], &[]),
    ("ntpd", &["-n"], &[]),
    ("chronyd", &["-d"], &[]),
    ("named", &["-f", "-g"], &[]),
    ("snmpd", &["-f"], &[]),
    ("cupsd", &["-f", "-F"], &[]),
    ("rpcbind", &["-f"], &[]),
    ("smartd", &["-n"], &[]),
    ("lighttpd", &["-D"], &[]),
    ("php-fpm", &["-F"], &["-D"]),
    ("haproxy", &["-db"], &["-D"]),
    ("memcached", &[], &["-d"]),
    ("libvirtd", &[], &["-d"]),
    ("virtlockd", &[], &["-d"]),
    ("virtlogd", &[], &["-d"]),
];

/// Programs that run another program: their flags are not the daemon's.
const LAUNCHERS: &[&str] = &[
    "start-stop-daemon",
    "su",
    "sudo",
    "runuser",
    "env",
    "nohup",
    "setsid",
    "chpst",
    "setuidgid",
    "minijail0",
    "chroot",
    "nice",
    "ionice",
    "taskset",
    "numactl",
    "sh",
    "bash",
    "dash",
    "daemon",
];

rule! {
    /// ## What it does
    /// Compares the main `exec` line's flags with `expect`:
    /// - a foreground flag together with `expect fork` or `expect daemon`;
    /// - a daemonising flag without `expect`.
    ///
    /// Long flags count for any program: `--foreground`, `--nodaemon`,
    /// `--no-daemon`, `--nofork`, `--no-fork` keep it in the foreground;
    /// `--daemon`, `--daemonize`, `--daemonise`, `--fork` detach it.
    /// One-letter flags mean different things to different programs (`-d` is
    /// "stay in the foreground" for dhclient and "daemonise" for libvirtd),
    /// so they only count for a built-in list of programs: `sshd -D`,
    /// `avahi-daemon -D`, `dhclient -d`, `dnsmasq -d`, `rsyslogd -n`,
    /// `smbd -F`, `cron -f`, `memcached -d`, `libvirtd -d`, and others.
    /// Words after `--` and programs started through a launcher
    /// (`start-stop-daemon`, `su`, `env`, `minijail0`, …) are not checked.
    ///
    /// ## Why is this bad?
    /// With `expect fork`/`daemon` upstart waits for the process to fork
    /// once or twice. A program kept in the foreground never forks, so the
    /// job hangs in `start` forever (or tracks a helper child). A program
    /// that detaches without `expect` looks to upstart as if it exited at
    /// once: the job stops (or respawns in a loop) while the real daemon
    /// runs unsupervised.
    ///
    /// ## Example
    /// ```text
    /// expect daemon
    /// exec /usr/sbin/sshd -D
    /// ```
    ///
    /// ## Use instead
    /// `-D` keeps sshd in the foreground, which is what upstart wants
    /// without `expect`:
    /// ```text
    /// exec /usr/sbin/sshd -D
    /// ```
    code: UL205,
    name: "expect-vs-daemon-flags",
    severity: Warning,
    default: true,
    summary: "foreground flag (`--foreground`, `sshd -D`, …) with `expect fork/daemon`, or daemonising flag without `expect`",
    check: Check::Job(check),
}

/// The first word of `cmd` after the program (and before any `--`) that is
/// one of `long` or, for this program, one of `short`.
fn find_flag<'t>(cmd: &[&'t Tok], long: &[&str], short: &[&str]) -> Option<&'t Tok> {
    cmd.iter()
        .skip(1)
        .take_while(|t| t.unquoted() != "--")
        .find(|t| {
            let word = t.unquoted();
            long.contains(&word.as_str()) || short.contains(&word.as_str())
        })
        .copied()
}

fn check(ctx: &JobCtx<'_>, out: &mut JobFindings) {
    // Reported in the file that holds the effective `exec` (the `.conf`, or
    // the `.override` that replaced it).
    let Some(main @ ProcessBody::Exec { command, .. }) = ctx.resolved.main() else {
        return;
    };
    if stanza_of_body(ctx, main).is_none() {
        return;
    }
    let text = ctx.text(command.span);
    let toks = lex(text);
    let cmds = commands(&toks);
    let Some(cmd) = cmds.first() else { return };
    let program = cmd.first().map(|t| t.unquoted()).unwrap_or_default();
    let program = basename(&program);
    if LAUNCHERS.contains(&program) {
        return;
    }
    let (short_fg, short_bg) = SHORT_FLAGS
        .iter()
        .find(|(p, _, _)| *p == program)
        .map_or((&[][..], &[][..]), |(_, fg, bg)| (*fg, *bg));
    let at = |t: &Tok| Span::new(command.span.start + t.start, command.span.start + t.end);
    let mode = ctx.resolved.expect;
    if tracks_forks(mode) {
        let Some(flag) = find_flag(cmd, FOREGROUND, short_fg) else {
            return;
        };
        let expect = mode.map_or("", ExpectMode::as_str);
        let f = out.add(
            Code::UL205,
            at(flag),
            format!("Foreground flag with `expect {expect}`"),
        );
        f.label(format!(
            "`{}` keeps `{program}` in the foreground, but `expect {expect}` waits for it to fork",
            flag.unquoted()
        ))
        .help("drop the `expect` stanza (upstart supervises foreground programs best), or drop the flag");
        let e = anchor(ctx.job(), &[&is_expect]);
        if e != Span::new(0, 0) {
            f.related(e, "`expect` here");
        }
    } else if mode.is_none_or(|m| m == ExpectMode::None) {
        let Some(flag) = find_flag(cmd, DAEMONISE, short_bg) else {
            return;
        };
        out.add(Code::UL205, at(flag), "Daemonising flag without `expect`")
            .label(format!(
                "`{}` makes `{program}` detach, but without `expect` upstart tracks the parent, which exits at once",
                flag.unquoted()
            ))
            .help("run the program in the foreground (preferred), or add `expect fork` / `expect daemon` to match how often it forks");
    }
}
