//! Man pages and shell completions, generated from the clap definitions,
//! and the README's rules table, generated from the rule registry. They are
//! committed (`man/`, `completions/`, the README section between
//! [`RULES_START`] and [`RULES_END`]); tests regenerate them in memory and
//! fail when the committed files are stale.

use super::{Cli, ConvertCli, FromSystemdCli, LintCli, Status, eprint, write_stdout};
use crate::lint::registry;
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Write every man page and completion script under DIR (the project root),
    /// and the rules table of DIR/README.md.
    All {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Rewrite the rules table of a README (between the rules markers).
    RulesMd {
        #[arg(default_value = "README.md")]
        readme: PathBuf,
    },
}

/// The binaries that have a command-line definition.
pub const BINARIES: &[&str] = &[
    "upstart-tools",
    "upstart-lint",
    "upstart2systemd",
    "systemd2upstart",
    "upstart-run",
];

/// Shells we ship completions for.
pub const SHELLS: &[Shell] = &[
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// `upstart-tools completions SHELL [--bin BINARY]`.
#[derive(Debug, clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete in.
    shell: Shell,
    /// The binary to complete.
    #[arg(long = "bin", value_name = "BINARY", default_value = "upstart-tools",
          value_parser = clap::builder::PossibleValuesParser::new(BINARIES))]
    binary: String,
}

/// The man pages that are not a binary's: the configuration file (section
/// 5) and the rules (section 7).
pub const OTHER_PAGES: &[&str] = &["upstart-lint.toml", "upstart-lint-rules"];

/// `upstart-tools man [PAGE]`.
#[derive(Debug, clap::Args)]
pub(crate) struct ManArgs {
    /// The page to print: a binary's, the configuration file's (upstart-lint.toml) or the rules' (upstart-lint-rules).
    #[arg(default_value = "upstart-tools", value_name = "PAGE",
          value_parser = clap::builder::PossibleValuesParser::new(BINARIES.iter().chain(OTHER_PAGES)))]
    binary: String,
}

pub(crate) fn print_completions(args: &CompletionsArgs) -> Status {
    print_or_fail(completion(&args.binary, args.shell), &args.binary)
}

pub(crate) fn print_man(args: &ManArgs) -> Status {
    let page = match args.binary.as_str() {
        "upstart-lint.toml" => Some(super::man::config_page()),
        "upstart-lint-rules" => Some(super::man::rules_page()),
        binary => man_page(binary),
    };
    print_or_fail(page, &args.binary)
}

/// The clap definition of a binary.
#[must_use]
pub fn command(binary: &str) -> Option<clap::Command> {
    match binary {
        "upstart-tools" => Some(Cli::command()),
        "upstart-lint" => Some(LintCli::command()),
        "upstart2systemd" => Some(ConvertCli::command()),
        "systemd2upstart" => Some(FromSystemdCli::command()),
        "upstart-run" => Some(super::RunCli::command()),
        _ => None,
    }
}

/// The roff man page of a binary.
#[must_use]
pub fn man_page(binary: &str) -> Option<String> {
    man_page_of(command(binary)?)
}

/// The roff man page of a binary's clap definition (`super::man`).
#[must_use]
pub fn man_page_of(cmd: clap::Command) -> Option<String> {
    super::man::binary_page(&cmd)
}

/// The completion script of a binary for a shell.
#[must_use]
pub fn completion(binary: &str, shell: Shell) -> Option<String> {
    completion_of(command(binary)?, shell)
}

/// The completion script of a clap definition for a shell: hidden
/// subcommands are not offered, arguments that take rule codes offer the
/// registry's codes, and bash's script is repaired (see [`fix_bash_states`]).
#[must_use]
pub fn completion_of(cmd: clap::Command, shell: Shell) -> Option<String> {
    let mut cmd = visible(&cmd);
    let name = cmd.get_name().to_string();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, name.clone(), &mut out);
    let script = String::from_utf8(out).ok()?;
    Some(match shell {
        Shell::Bash => fix_bash_states(&script, &name),
        _ => script,
    })
}

/// `cmd` as a user is offered it in completions and man pages: without its
/// hidden subcommands (at every level, and so in the `help` subcommand clap
/// adds), and with the arguments that take rule codes
/// ([`RULE_CODE_VALUE_NAMES`]) offering the registry's codes, each with its
/// summary. clap_complete lists hidden subcommands, and clap has no way to
/// remove a subcommand, so the tree is rebuilt from what the generators
/// read: names, help texts, version, arguments, groups and the
/// help/version settings (a test asks bash for every flag of every
/// subcommand, so a setting lost here shows).
#[must_use]
pub fn visible(cmd: &clap::Command) -> clap::Command {
    let mut out = clap::Command::new(cmd.get_name().to_string())
        .visible_aliases(cmd.get_visible_aliases().map(str::to_string))
        .disable_help_flag(cmd.is_disable_help_flag_set())
        .disable_help_subcommand(cmd.is_disable_help_subcommand_set())
        .subcommand_required(cmd.is_subcommand_required_set())
        .propagate_version(cmd.is_propagate_version_set())
        .args(cmd.get_arguments().cloned().map(offer_rule_codes))
        .groups(cmd.get_groups().cloned())
        .subcommands(
            cmd.get_subcommands()
                .filter(|sub| !sub.is_hide_set())
                .map(visible),
        );
    if let Some(text) = cmd.get_about() {
        out = out.about(text.clone());
    }
    if let Some(text) = cmd.get_long_about() {
        out = out.long_about(text.clone());
    }
    if let Some(text) = cmd.get_after_help() {
        out = out.after_help(text.clone());
    }
    if let Some(text) = cmd.get_after_long_help() {
        out = out.after_long_help(text.clone());
    }
    if let Some(version) = cmd.get_version() {
        out = out.version(version.to_string());
    }
    if let Some(version) = cmd.get_long_version() {
        out = out.long_version(version.to_string());
    }
    // clap reports the version flag as disabled for a command without a
    // version of its own, which a subcommand gets from its parent only
    // when the tree is built: copying that would drop `--version` from
    // every subcommand.
    if cmd.get_version().is_some() && cmd.is_disable_version_flag_set() {
        out = out.disable_version_flag(true);
    }
    if let Some(name) = cmd.get_subcommand_value_name() {
        out = out.subcommand_value_name(name.to_string());
    }
    out
}

/// The `value_name`s of the arguments whose values are rule codes
/// (`--select CODES`, `--explain CODE`, ...): their completions offer every
/// code of the rule registry rather than file names. The parsers themselves
/// accept more (prefixes such as `UL3`, shellcheck's `SC2086`), so the
/// codes are attached here, for the completion scripts only.
pub const RULE_CODE_VALUE_NAMES: &[&str] = &["CODE", "CODES"];

/// `arg` offering every code of the rule registry when it takes rule codes.
fn offer_rule_codes(arg: clap::Arg) -> clap::Arg {
    let takes_codes = arg.get_value_names().is_some_and(|names| {
        names
            .iter()
            .any(|n| RULE_CODE_VALUE_NAMES.contains(&n.as_str()))
    });
    if !takes_codes {
        return arg;
    }
    // The summary is the description fish and zsh show beside a code.
    // clap_complete does not escape `$` in fish's double quotes (`${` is a
    // syntax error there) and quotes are fragile in every shell: plain
    // words only.
    let codes = registry::all().iter().map(|r| {
        let plain: String = r
            .summary
            .chars()
            .filter(|c| !matches!(c, '`' | '"' | '\'' | '$' | '\\'))
            .collect();
        clap::builder::PossibleValue::new(r.code.as_str()).help(plain)
    });
    arg.value_parser(clap::builder::PossibleValuesParser::new(codes))
        .hide_possible_values(true)
}

/// Repairs clap_complete's bash script for a binary whose name has a
/// hyphen (clap issue 6421, unfixed in clap_complete 4.6.12): the loop
/// that reads the words spells the state of `upstart-tools lint` as
/// `upstart__tools__subcmd__lint`, but the `case` arms that complete each
/// state spell it `upstart__subcmd__tools__subcmd__lint`, so no arm of a
/// subcommand ever matched and bash fell back to file names. The arms
/// (indented eight spaces, one per state) are renamed to the loop's
/// spelling; a script without the bug is left as it is.
#[must_use]
pub fn fix_bash_states(script: &str, binary: &str) -> String {
    let wrong = format!("\n        {}__subcmd__", binary.replace('-', "__subcmd__"));
    let right = format!("\n        {}__subcmd__", binary.replace('-', "__"));
    if wrong == right {
        script.to_string()
    } else {
        script.replace(&wrong, &right)
    }
}

/// Where a binary's completion script for a shell is committed.
#[must_use]
pub fn completion_path(binary: &str, shell: Shell) -> PathBuf {
    let name = match shell {
        Shell::Bash => format!("{binary}.bash"),
        Shell::Zsh => format!("_{binary}"),
        Shell::Elvish => format!("{binary}.elv"),
        Shell::PowerShell => format!("{binary}.ps1"),
        _ => format!("{binary}.{shell}"),
    };
    Path::new("completions").join(name)
}

/// The marker line before the README's rules table.
pub const RULES_START: &str = "<!-- rules:start -->";
/// The marker line after the README's rules table.
pub const RULES_END: &str = "<!-- rules:end -->";

/// `readme` with the text between the rules markers replaced by the
/// current rules table ([`registry::rules_markdown`]).
///
/// # Errors
/// When a marker is missing or they are out of order.
pub fn readme_with_rules(readme: &str) -> Result<String, String> {
    let start = readme
        .find(RULES_START)
        .ok_or_else(|| format!("no `{RULES_START}` marker"))?;
    let end = readme
        .find(RULES_END)
        .ok_or_else(|| format!("no `{RULES_END}` marker"))?;
    if end < start {
        return Err(format!("`{RULES_END}` comes before `{RULES_START}`"));
    }
    let head = &readme[..start + RULES_START.len()];
    let tail = &readme[end..];
    Ok(format!("{head}\n{}{tail}", registry::rules_markdown()))
}

fn write_rules_md(readme: &Path) -> Status {
    let updated = std::fs::read_to_string(readme)
        .map_err(|e| e.to_string())
        .and_then(|text| readme_with_rules(&text))
        .and_then(|text| std::fs::write(readme, text).map_err(|e| e.to_string()));
    match updated {
        Ok(()) => Status::Clean,
        Err(e) => {
            eprint(&format!("cannot update {}: {e}\n", readme.display()));
            Status::Error
        }
    }
}

/// Every generated file: (path relative to the project root, contents).
#[must_use]
pub fn all_files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for bin in BINARIES {
        if let Some(page) = man_page(bin) {
            files.push((Path::new("man").join(format!("{bin}.1")), page));
        }
        for shell in SHELLS {
            if let Some(script) = completion(bin, *shell) {
                files.push((completion_path(bin, *shell), script));
            }
        }
    }
    files.push((
        Path::new("man").join("upstart-lint.toml.5"),
        super::man::config_page(),
    ));
    files.push((
        Path::new("man").join("upstart-lint-rules.7"),
        super::man::rules_page(),
    ));
    files
}

/// The generated files under `root` that differ from `expected`, each with
/// what is wrong ("stale" or "missing").
#[must_use]
pub fn stale_files(root: &Path, expected: &[(PathBuf, String)]) -> Vec<String> {
    expected
        .iter()
        .filter_map(
            |(rel, text)| match std::fs::read_to_string(root.join(rel)) {
                Ok(actual) if actual == *text => None,
                Ok(_) => Some(format!("{} is stale", rel.display())),
                Err(e) => Some(format!("{} is missing ({e})", rel.display())),
            },
        )
        .collect()
}

pub(crate) fn run(args: &Args) -> Status {
    match &args.what {
        What::All { dir } => {
            for (rel, text) in all_files() {
                let path = dir.join(&rel);
                let written = path
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::write(&path, text));
                if let Err(e) = written {
                    eprint(&format!("cannot write {}: {e}\n", path.display()));
                    return Status::Error;
                }
            }
            let readme = dir.join("README.md");
            if readme.is_file() {
                write_rules_md(&readme)
            } else {
                Status::Clean
            }
        }
        What::RulesMd { readme } => write_rules_md(readme),
    }
}

fn print_or_fail(text: Option<String>, binary: &str) -> Status {
    match text {
        Some(t) if write_stdout(&t).is_ok() => Status::Clean,
        Some(_) => Status::Error,
        None => {
            eprint(&format!(
                "unknown binary `{binary}` (known: {})\n",
                BINARIES.join(", ")
            ));
            Status::Error
        }
    }
}
