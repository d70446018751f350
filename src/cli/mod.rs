//! Command-line interface. All clap types live in this module; each command
//! turns its arguments into plain options before doing any work.

mod ctl;
mod files;
mod fmt;
pub mod generate;
mod graph;
mod install_compat;
mod lint;
mod lsp;
mod man;
mod parse;
mod report;
mod rules;
mod run;
mod run_set;
mod show;
mod systemd2upstart;
mod upstart2systemd;
mod walk;
mod write;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

/// Exit statuses shared by every command, with one rule: the severity of
/// what is reported decides, never the command or the output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing at error level (warnings and infos may have been printed),
    /// and no difference under `--check`/`--diff`.
    Clean = 0,
    /// An error-level diagnostic (a parse error, an error-level conversion
    /// loss, a job or unit not converted, a lint finding at or above
    /// `--fail-on`), or a difference under `--check`/`--diff`.
    Problems = 1,
    /// Usage, configuration or I/O error.
    Error = 2,
}

/// `--dialect`: which upstart reads the job files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DialectArg {
    /// Upstream upstart 1.13.2 (`import` and `tmpfiles` are errors).
    Upstream,
    /// ChromiumOS's upstart, which also loads `import` and `tmpfiles`.
    Chromeos,
}

impl From<DialectArg> for crate::syntax::Dialect {
    fn from(d: DialectArg) -> Self {
        match d {
            DialectArg::Upstream => Self::Upstream,
            DialectArg::Chromeos => Self::Chromeos,
        }
    }
}

/// The status a converter's losses give: 1 when one is at error level;
/// warnings and infos do not change it.
pub(crate) fn loss_status(severities: impl IntoIterator<Item = crate::diag::Severity>) -> Status {
    if severities
        .into_iter()
        .any(|s| s == crate::diag::Severity::Error)
    {
        Status::Problems
    } else {
        Status::Clean
    }
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s as u8)
    }
}

/// Parse, lint, convert and run upstart job files.
#[derive(Debug, Parser)]
#[command(
    name = "upstart-tools",
    version,
    propagate_version = true,
    about,
    long_about = "Parse, lint, convert and run upstart job files (/etc/init/*.conf).\n\n\
                  Every command reads the same AST, built exactly as upstart 1.13.2 and libnih \
                  parse a job. `upstart-lint`, `upstart2systemd`, `systemd2upstart` and \
                  `upstart-run` are the same commands as `lint`, `convert`, `systemd2upstart` \
                  and `exec`.",
    after_long_help = EXIT_STATUS
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the AST of job files as versioned JSON.
    Parse(parse::Args),
    /// Print job files in canonical form, check or rewrite them.
    Fmt(fmt::Args),
    /// Show each job as upstart stores it: last stanza wins, env list, processes, numbers.
    #[command(
        long_about = "Show each job as upstart 1.13.2 stores it after parsing the .conf and a clean .override: the last of each repeated stanza, the accumulated env/export/emits/normal exit lists, the process table with the exact text upstart hands to the shell, and every number as upstart keeps it (defaults included). A file upstart rejects is reported on stderr and not shown. --format upstart-json prints one object a line in the shape of the conformance data recorded from upstart itself.",
        after_long_help = EXIT_STATUS
    )]
    Show(show::Args),
    /// Convert upstart jobs to systemd units.
    Convert(upstart2systemd::Args),
    /// Report the problems of job files.
    #[command(long_about = LINT_ABOUT, after_long_help = LINT_EXIT_STATUS)]
    Lint(Box<lint::Args>),
    /// List every rule: code, name, severity, on by default, fixable, summary.
    #[command(
        long_about = "List every rule code the tools report (lint rules, parse errors, conversion losses, meta codes): its name, default severity, whether it runs by default, whether --fix fixes it, and its one-line summary. `upstart-lint --explain CODE` prints a rule's documentation.",
        after_long_help = EXIT_STATUS
    )]
    Rules(rules::Args),
    /// Run a job under supervision with the semantics of upstart.
    #[command(after_long_help = RUN_EXIT_STATUS)]
    Exec(run::Args),
    /// Convert systemd units to upstart jobs.
    #[command(name = "systemd2upstart")]
    Systemd2upstart(systemd2upstart::Args),
    /// Draw the graph of jobs and events (Graphviz DOT or SVG).
    #[command(
        long_about = "Draw the graph of a job set as upstart's initctl2dot did for a running system, but offline: jobs are boxes, events diamonds; `start on` edges are solid, `stop on` edges dashed, `emits` edges bold. A job event (`started db`) is an edge from the job it names, labelled with the event; a job named but not given is a dashed box. --format svg renders with Graphviz's `dot`.",
        after_long_help = EXIT_STATUS
    )]
    Graph(graph::Args),
    /// Control a running `upstart-run` job set with initctl's commands.
    #[command(
        long_about = "Control a running `upstart-run` job set with initctl's commands: start, stop, restart, reload, status, list, emit, reload-configuration, show-config, check-config, version. The request goes over the job set's control socket (--control PATH, else $UPSTART_TOOLS_CONTROL, else $XDG_RUNTIME_DIR/upstart-tools/control, else /run/upstart-tools/control for root, else /tmp/upstart-tools-$UID/control); what initctl would print is printed, and the exit status is initctl's (0, or 1 on any error, no server included). The binary also runs as `initctl`, `start`, `stop`, `restart`, `reload` and `status` under those names (see install-compat).",
        after_long_help = CTL_EXIT_STATUS
    )]
    Ctl(ctl::Args),
    /// Create the initctl names (initctl, start, stop, restart, reload, status) as symlinks to this binary.
    #[command(
        long_about = "Create `initctl`, `start`, `stop`, `restart`, `reload` and `status` in DIR as symlinks to this executable; run under one of those names it behaves as `upstart-tools ctl` (`start web` is `upstart-tools ctl start web`). A file of one of those names that is not already such a symlink is left alone (and nothing is changed) unless --force is given.",
        after_long_help = EXIT_STATUS
    )]
    InstallCompat(install_compat::Args),
    /// Run the language server (LSP over stdio) for editors.
    #[command(
        long_about = "Run the language server for upstart job files, speaking the Language Server Protocol on standard input and output: diagnostics as upstart-lint reports them (with the job's workspace as context and .upstart-lint.toml applied), the safe fixes and suppression comments as code actions, hover, completion, go to definition and references for events and jobs, document symbols, formatting (as fmt) and folding. Files: *.conf and *.override under an init/ directory, and any document of language id `upstart`. The README shows how to set up Neovim, Helix, Emacs, VS Code and Zed.",
        after_long_help = EXIT_STATUS
    )]
    Lsp(lsp::Args),
    /// Print the shell completion script of a binary.
    Completions(generate::CompletionsArgs),
    /// Print the man page (roff) of a binary.
    Man(generate::ManArgs),
    /// Write man pages or shell completions (for maintainers and packagers).
    #[command(hide = true)]
    Generate(generate::Args),
}

/// The exit statuses of `ctl`, initctl's.
const CTL_EXIT_STATUS: &str = "Exit codes (initctl's):\n  \
    0  the request succeeded\n  \
    1  it failed (the message says why), no upstart-run is listening, or a job or event name is missing\n  \
    2  other usage errors (under the initctl names: 1, as initctl)";

/// `upstart-lint`'s description (also `upstart-tools lint`'s).
const LINT_ABOUT: &str = "Report every problem of upstart job files in one pass: the syntax and value errors upstart rejects a file for, single-job semantics, cross-file checks over the job set, and the embedded shell. Directories are walked for .conf and .override files; without a path, the current directory is linted (as ruff does). `upstart-tools rules` lists every rule, `upstart-lint --explain CODE` prints one's documentation.";

/// The exit statuses of the linter, with how the display filters count.
const LINT_EXIT_STATUS: &str = "Exit codes:\n  \
    0  no finding shown at or above --fail-on (default warning; info never fails)\n  \
    1  a finding shown at or above --fail-on (syntax errors always count); with --diff: the safe fixes would change a file\n  \
    2  usage, configuration or I/O error (an unreadable input is UL903; the other inputs are still linted)\n\
    Only what is shown counts, as with shellcheck's -S: a finding hidden by --severity does not make the status 1. --quiet and --statistics change the output, not the status. --exit-zero turns 1 into 0, never 2.";

/// The exit statuses of `upstart-run` (and `exec`): the job's fate.
const RUN_EXIT_STATUS: &str = "Exit codes:\n  \
    0  the job ended normally or was stopped on request (a job set: every job stopped on request)\n  \
    1  the job failed: pre-start failed, the respawn limit was reached, or the main process failed without respawn (a job set: a job was left out for errors)\n  \
    2  usage error, or a job file with errors: nothing was started (a job set: it could not start, e.g. no job or the control socket in use)";

/// The exit-status table shown by `--help` of every binary.
const EXIT_STATUS: &str = "Exit codes:\n  \
    0  nothing at error level, and no difference under --check/--diff\n  \
    1  an error-level diagnostic (a parse error, an error-level conversion loss, a job not converted; upstart-lint: a finding at or above --fail-on), or a difference under --check/--diff; upstart-run: the job failed\n  \
    2  usage, configuration or I/O error (the other inputs are still processed)\n\
    The same rule for every command; warnings and infos do not change the status (upstart-lint: see --fail-on).";

/// Entry point of the `upstart-tools` binary.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let status = match cli.command {
        Command::Ctl(args) => {
            let names = ctl::Names {
                program: "initctl".to_string(),
                help: "upstart-tools ctl".to_string(),
            };
            return ctl::run(args, &names);
        }
        Command::InstallCompat(args) => install_compat::run(&args),
        Command::Parse(args) => parse::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Show(args) => show::run(args),
        Command::Lint(args) => lint::run(*args),
        Command::Rules(args) => rules::run(&args),
        Command::Exec(args) => run::run(&args),
        Command::Convert(args) => upstart2systemd::run(&args),
        Command::Systemd2upstart(args) => systemd2upstart::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Completions(args) => generate::print_completions(&args),
        Command::Man(args) => generate::print_man(&args),
        Command::Generate(args) => generate::run(&args),
    };
    status.into()
}

/// `initctl` (and `start`, `stop`, ...): the binary run under an initctl
/// name, the same command as `upstart-tools ctl`.
#[derive(Debug, Parser)]
#[command(
    name = "initctl",
    version,
    about = "Control a running upstart-run job set (initctl's commands)",
    after_long_help = CTL_EXIT_STATUS
)]
struct InitctlCli {
    #[command(flatten)]
    args: ctl::Args,
}

/// When the binary runs as `initctl`, `start`, `stop`, `restart`, `reload`
/// or `status` (`argv0` is the basename it was invoked as), behave as
/// `upstart-tools ctl` (`start X` is `ctl start X`); `None` for any other
/// name. Usage errors end with status 1, as initctl's.
#[must_use]
pub fn compat_main(argv0: &str) -> Option<ExitCode> {
    if !install_compat::NAMES.contains(&argv0) {
        return None;
    }
    let mut argv = vec![std::ffi::OsString::from("initctl")];
    if argv0 != "initctl" {
        argv.push(argv0.into());
    }
    argv.extend(std::env::args_os().skip(1));
    let names = ctl::Names {
        program: argv0.to_string(),
        help: argv0.to_string(),
    };
    Some(match InitctlCli::try_parse_from(argv) {
        Ok(cli) => ctl::run(cli.args, &names),
        Err(e) => {
            let _ = e.print();
            if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    })
}

/// `upstart-lint`: the same command as `upstart-tools lint`.
#[derive(Debug, Parser)]
#[command(
    name = "upstart-lint",
    version,
    about = "Report the problems of upstart job files",
    long_about = LINT_ABOUT,
    after_long_help = LINT_EXIT_STATUS
)]
pub struct LintCli {
    #[command(flatten)]
    args: lint::Args,
}

/// Entry point of the `upstart-lint` binary.
#[must_use]
pub fn lint_main() -> ExitCode {
    match LintCli::try_parse() {
        Ok(cli) => lint::run(cli.args).into(),
        Err(e) => clap_exit(&e),
    }
}

/// `upstart2systemd`: the same command as `upstart-tools convert`.
#[derive(Debug, Parser)]
#[command(
    name = "upstart2systemd",
    version,
    about = "Convert upstart jobs to systemd units",
    long_about = "Convert upstart jobs to systemd service units (systemd 252 syntax). Every stanza that does not map exactly is reported as a UL5xx loss diagnostic on stderr. Files are written only with -o DIR, atomically, and never over a different file without --force.",
    after_long_help = EXIT_STATUS
)]
pub struct ConvertCli {
    #[command(flatten)]
    args: upstart2systemd::Args,
}

/// Entry point of the `upstart2systemd` binary.
#[must_use]
pub fn convert_main() -> ExitCode {
    match ConvertCli::try_parse() {
        Ok(cli) => upstart2systemd::run(&cli.args).into(),
        Err(e) => clap_exit(&e),
    }
}

/// `systemd2upstart`: the same command as `upstart-tools systemd2upstart`.
#[derive(Debug, Parser)]
#[command(
    name = "systemd2upstart",
    version,
    about = "Convert systemd units to upstart jobs",
    long_about = "Convert systemd service units (with their NAME.service.d drop-ins) to upstart jobs. Whatever upstart cannot express is reported as a UL7xx loss diagnostic on stderr. Files are written only with -o DIR, atomically, and never over a different file without --force.",
    after_long_help = EXIT_STATUS
)]
pub struct FromSystemdCli {
    #[command(flatten)]
    args: systemd2upstart::Args,
}

/// Entry point of the `systemd2upstart` binary.
#[must_use]
pub fn from_systemd_main() -> ExitCode {
    match FromSystemdCli::try_parse() {
        Ok(cli) => systemd2upstart::run(&cli.args).into(),
        Err(e) => clap_exit(&e),
    }
}

/// `upstart-run`: supervise one job, or a job set.
#[derive(Debug, Parser)]
#[command(
    name = "upstart-run",
    version,
    about = "Run an upstart job, or a whole job set, under supervision",
    long_about = "Run one upstart job with the supervision semantics of upstart 1.13: pre-start, main, post-start, respawn and its limit, normal exit, kill signal and timeout, pre-stop, post-stop, expect fork/daemon/stop, console log. SIGTERM or SIGINT stops the job; SIGHUP sends its reload signal.\n\nGiven a directory (or several files), run the whole job set as upstart's init does: emit the startup event, start and stop jobs on their start on/stop on conditions, with job events, instances and initctl control through `upstart-tools ctl` (or the initctl names of `upstart-tools install-compat`). SIGTERM or SIGINT stops every job; as PID 1 it also reaps every orphan.",
    after_long_help = RUN_EXIT_STATUS
)]
pub struct RunCli {
    #[command(flatten)]
    args: run::Args,
}

/// Entry point of the `upstart-run` binary.
#[must_use]
pub fn run_main() -> ExitCode {
    match RunCli::try_parse() {
        Ok(cli) => run::run(&cli.args).into(),
        Err(e) => clap_exit(&e),
    }
}

/// clap prints help/version with success and usage errors with status 2.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let _ = e.print();
    if e.use_stderr() {
        Status::Error.into()
    } else {
        Status::Clean.into()
    }
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Whether to colour diagnostics on stderr (`NO_COLOR` disables it).
pub(crate) fn stderr_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

pub(crate) fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
