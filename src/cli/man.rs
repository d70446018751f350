//! The man pages: one per binary (section 1), the configuration file
//! (`upstart-lint.toml(5)`) and the rules (`upstart-lint-rules(7)`).
//!
//! Each page is generated from what the program already says, so that no
//! text has a second copy: clap_mangen renders NAME, SYNOPSIS, DESCRIPTION,
//! the options and subcommands from the clap definitions; EXIT STATUS is
//! the exit-code table of `--help` (the command's `after_long_help`); the
//! configuration keys are [`config::KEYS`]; the rules page is the rule
//! registry's documentation (what `upstart-lint --explain` prints). The
//! rest (ENVIRONMENT, EXAMPLES, SEE ALSO, FILES beyond the configuration)
//! is the text of [`extra`] below, written as light Markdown (`code`
//! spans, blank-line paragraphs, `-` lists, fenced blocks) and turned into
//! roff by [`roff`].

use crate::lint::config;
use crate::lint::registry;
use std::fmt::Write as _;

/// The manual every page belongs to (the `.TH` line's last field).
const MANUAL: &str = "upstart-tools manual";

/// The hand-written sections of one binary's page.
struct Extra {
    /// FILES entries besides the configuration file: (path, what it is).
    files: &'static [(&'static str, &'static str)],
    /// Whether the binary reads `.upstart-lint.toml` (FILES lists its keys).
    reads_config: bool,
    /// ENVIRONMENT: (variable, what it does).
    environment: &'static [(&'static str, &'static str)],
    /// EXAMPLES: (what it does, command lines).
    examples: &'static [(&'static str, &'static str)],
    /// SEE ALSO, as `name(section)`.
    see_also: &'static [&'static str],
}

const NO_COLOR: (&str, &str) = (
    "NO_COLOR",
    "When set and not empty, reports are never coloured (they are coloured only on a terminal anyway).",
);
const PATH_SHELLCHECK: (&str, &str) = (
    "PATH",
    "Where `shellcheck` is looked for (UL405), unless `shellcheck-path` names it.",
);
const CONTROL: (&str, &str) = (
    "UPSTART_TOOLS_CONTROL",
    "The control socket of a running `upstart-run` job set, when `--control` is not given. `upstart-run` sets it in the environment of every job process, so that `initctl`, `start` and `stop` inside a job reach its job set.",
);
const XDG_RUNTIME_DIR: (&str, &str) = (
    "XDG_RUNTIME_DIR",
    "Without `--control` or `UPSTART_TOOLS_CONTROL`, the control socket is `$XDG_RUNTIME_DIR/upstart-tools/control`; without it, `/run/upstart-tools/control` for root and `/tmp/upstart-tools-$UID/control` for other users.",
);
const LOGDIR: (&str, &str) = (
    "UPSTART_LOGDIR",
    "The directory of `console log` output when `--log-dir` is not given (default `/var/log/upstart`), as upstart's own variable.",
);
const JOB_VARS: (&str, &str) = (
    "UPSTART_JOB, UPSTART_INSTANCE",
    "Inside a job process, `start`, `stop`, `restart` and `reload` without a job name act on this job, as with initctl.",
);

const LINT_EXAMPLES: &[(&str, &str)] = &[
    (
        "Lint every job of a directory (walked for `.conf` and `.override` files):",
        "upstart-lint /etc/init",
    ),
    (
        "One line per problem, failing only on errors:",
        "upstart-lint --format concise --fail-on error /etc/init",
    ),
    (
        "Run the opt-in conversion rules as well, without UL510:",
        "upstart-lint --extend-select UL5 --ignore UL510 /etc/init",
    ),
    (
        "Lint standard input as if it were `web.conf`:",
        "upstart-lint --stdin-filename web.conf - < web.conf",
    ),
    (
        "Show the safe fixes as a diff, then apply them:",
        "upstart-lint --diff /etc/init\nupstart-lint --fix /etc/init",
    ),
    (
        "The documentation of a rule:",
        "upstart-lint --explain UL302",
    ),
];

const CONVERT_EXAMPLES: &[(&str, &str)] = &[
    (
        "Print the units of a job (losses and next steps on standard error):",
        "upstart2systemd /etc/init/ssh.conf",
    ),
    (
        "Write one file per unit, never over a different one unless `--force`:",
        "upstart2systemd -o /etc/systemd/system /etc/init",
    ),
    (
        "Exit 1 when a unit in `out/` would change, or show the differences:",
        "upstart2systemd -o out --check /etc/init\nupstart2systemd -o out --diff /etc/init",
    ),
    (
        "Convert, then check the result with systemd-analyze verify:",
        "upstart2systemd --verify job.conf",
    ),
];

const FROM_SYSTEMD_EXAMPLES: &[(&str, &str)] = &[
    (
        "Print the job of a unit (its drop-ins merged):",
        "systemd2upstart /lib/systemd/system/ssh.service",
    ),
    (
        "Write a job for every `*.service` of a directory:",
        "systemd2upstart -o /etc/init units/",
    ),
];

const RUN_EXAMPLES: &[(&str, &str)] = &[
    (
        "Run one job in the foreground, with a variable as `start JOB KEY=VALUE` would set it:",
        "upstart-run --foreground job.conf PORT=8080",
    ),
    (
        "Log `console log` output under /tmp/logs and print upstart's `-v` account:",
        "upstart-run --foreground --log-dir /tmp/logs -v job.conf",
    ),
    (
        "Start the job as if `net-device-up IFACE=eth0` had started it:",
        "upstart-run --foreground --event net-device-up job.conf IFACE=eth0",
    ),
    (
        "Run a whole job set as upstart's init does, and emit an event to it:",
        "upstart-run --foreground /etc/init &\nupstart-tools ctl emit my_event",
    ),
];

const TOOLS_EXAMPLES: &[(&str, &str)] = &[
    (
        "The AST of a job as JSON, and the job as upstart stores it:",
        "upstart-tools parse --pretty /etc/init/ssh.conf\nupstart-tools show /etc/init/ssh.conf",
    ),
    (
        "Check that every job is in canonical form (a diff, exit 1 if not):",
        "upstart-tools fmt --check /etc/init",
    ),
    (
        "Draw the job/event graph with Graphviz:",
        "upstart-tools graph --format svg -o jobs.svg /etc/init",
    ),
    (
        "Control a running `upstart-run` job set as initctl would:",
        "upstart-tools ctl status web\nupstart-tools ctl emit --no-wait net-device-up IFACE=eth0",
    ),
    (
        "Install the bash completion and read a man page:",
        "upstart-tools completions bash > ~/.local/share/bash-completion/completions/upstart-tools\nupstart-tools man upstart-lint | man -l -",
    ),
];

const LOG_DIR_FILE: (&str, &str) = (
    "/var/log/upstart/JOB.log",
    "The output of a `console log` job (`JOB-INSTANCE.log` for an instance), unless `--log-dir` or `UPSTART_LOGDIR` names another directory.",
);
const CONTROL_FILE: (&str, &str) = (
    "/run/upstart-tools/control",
    "The control socket of a job set run by root (see ENVIRONMENT for the others); it is 0600 in a 0700 directory, and only its owner and root are answered.",
);

/// The hand-written sections of a binary's page.
fn extra(binary: &str) -> Option<Extra> {
    Some(match binary {
        "upstart-tools" => Extra {
            files: &[LOG_DIR_FILE, CONTROL_FILE],
            reads_config: true,
            environment: &[NO_COLOR, PATH_SHELLCHECK, CONTROL, XDG_RUNTIME_DIR, LOGDIR],
            examples: TOOLS_EXAMPLES,
            see_also: &[
                "upstart-lint(1)",
                "upstart2systemd(1)",
                "systemd2upstart(1)",
                "upstart-run(1)",
                "upstart-lint.toml(5)",
                "upstart-lint-rules(7)",
                "init(5)",
                "initctl(8)",
                "systemd.service(5)",
            ],
        },
        "upstart-lint" => Extra {
            files: &[],
            reads_config: true,
            environment: &[NO_COLOR, PATH_SHELLCHECK],
            examples: LINT_EXAMPLES,
            see_also: &[
                "upstart-lint.toml(5)",
                "upstart-lint-rules(7)",
                "upstart-tools(1)",
                "shellcheck(1)",
                "init(5)",
            ],
        },
        "upstart2systemd" => Extra {
            files: &[],
            reads_config: false,
            environment: &[NO_COLOR],
            examples: CONVERT_EXAMPLES,
            see_also: &[
                "systemd2upstart(1)",
                "upstart-lint-rules(7)",
                "upstart-tools(1)",
                "systemd.service(5)",
                "systemd-analyze(1)",
                "init(5)",
            ],
        },
        "systemd2upstart" => Extra {
            files: &[],
            reads_config: false,
            environment: &[NO_COLOR],
            examples: FROM_SYSTEMD_EXAMPLES,
            see_also: &[
                "upstart2systemd(1)",
                "upstart-lint-rules(7)",
                "upstart-tools(1)",
                "systemd.service(5)",
                "systemd.unit(5)",
                "init(5)",
            ],
        },
        "upstart-run" => Extra {
            files: &[LOG_DIR_FILE, CONTROL_FILE],
            reads_config: false,
            environment: &[LOGDIR, CONTROL, XDG_RUNTIME_DIR, JOB_VARS],
            examples: RUN_EXAMPLES,
            see_also: &[
                "upstart-tools(1)",
                "upstart-lint(1)",
                "init(5)",
                "initctl(8)",
            ],
        },
        _ => return None,
    })
}

/// The roff page of a binary's clap definition (`None` for a command that
/// is not one of the binaries).
#[must_use]
pub(crate) fn binary_page(cmd: &clap::Command) -> Option<String> {
    let extra = extra(cmd.get_name())?;
    let mut cmd = super::generate::visible(cmd);
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone())
        .manual(MANUAL)
        .source(format!("upstart-tools {}", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    man.render_title(&mut out).ok()?;
    man.render_name_section(&mut out).ok()?;
    out.extend(synopsis(&cmd).bytes());
    man.render_description_section(&mut out).ok()?;
    let mut options = Vec::new();
    man.render_options_section(&mut options).ok()?;
    out.extend(options_as_subsections(&String::from_utf8(options).ok()?).bytes());
    let mut page = String::from_utf8(out).ok()?;
    page.push_str(&commands(&cmd));
    page.push_str(&exit_status(&cmd));
    page.push_str(&files(&extra));
    page.push_str(&section(
        "ENVIRONMENT",
        &definitions(extra.environment.iter().copied()),
    ));
    page.push_str(&examples(extra.examples));
    page.push_str(&see_also(extra.see_also));
    Some(page)
}

/// The subcommands that are also a binary of their own, with its page.
const SAME_AS: &[(&str, &str)] = &[
    ("lint", "upstart-lint(1)"),
    ("convert", "upstart2systemd(1)"),
    ("systemd2upstart", "systemd2upstart(1)"),
    ("exec", "upstart-run(1)"),
];

/// COMMANDS: each subcommand with its summary (clap_mangen's section
/// points at a page per subcommand, which the project does not have; the
/// subcommands that are binaries point at the binary's page).
fn commands(cmd: &clap::Command) -> String {
    let mut body = String::new();
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let same = SAME_AS
            .iter()
            .find(|(name, _)| *name == sub.get_name())
            .map(|(_, page)| format!(" The same command as {page}."))
            .unwrap_or_default();
        let nested: Vec<String> = sub
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .map(|s| format!("`{}`", s.get_name()))
            .collect();
        let nested = if nested.is_empty() {
            String::new()
        } else {
            format!(" Commands: {}.", nested.join(", "))
        };
        body.push_str(&format!(
            ".TP\n{}\n{}",
            bold(sub.get_name()),
            roff(&format!("{}.{same}{nested}", about.trim_end_matches('.')))
        ));
    }
    if body.is_empty() {
        String::new()
    } else {
        section("COMMANDS", &body)
    }
}

/// SYNOPSIS with each option's argument (clap_mangen writes `[--format]`
/// for `--format FORMAT`). A command with subcommands has one line per
/// subcommand, with its arguments and `[OPTIONS]`.
fn synopsis(cmd: &clap::Command) -> String {
    let mut lines = Vec::new();
    let name = bold(cmd.get_name());
    let subcommands: Vec<&clap::Command> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .collect();
    // Options first, then the operands.
    let args: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional())
        .chain(cmd.get_arguments().filter(|a| a.is_positional()))
        .filter_map(synopsis_arg)
        .collect();
    if subcommands.is_empty() {
        lines.push(format!("{name} {}", args.join(" ")));
    } else {
        lines.push(format!("{name} {} \\fICOMMAND\\fR", args.join(" ")));
        for sub in subcommands {
            let mut words = vec![format!("{name} {}", bold(sub.get_name()))];
            if sub.get_subcommands().any(|s| s.get_name() != "help") {
                words.push("\\fICOMMAND\\fR".to_string());
            }
            words.push("[\\fIOPTIONS\\fR]".to_string());
            words.extend(
                sub.get_arguments()
                    .filter(|a| a.is_positional())
                    .filter_map(synopsis_arg),
            );
            lines.push(words.join(" "));
        }
    }
    section("SYNOPSIS", &format!("{}\n", lines.join("\n.br\n")))
}

/// One argument in a synopsis: `[--format FORMAT]`, `[-o|--output DIR]`,
/// `[--shellcheck[=SHELLCHECK]]`, `[PATH]...`.
fn synopsis_arg(arg: &clap::Arg) -> Option<String> {
    if arg.is_hide_set() {
        return None;
    }
    let value_name = || {
        arg.get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string)
    };
    let repeats = matches!(arg.get_action(), clap::ArgAction::Append)
        || arg.get_num_args().is_some_and(|n| n.max_values() > 1);
    let mut text = if arg.is_positional() {
        format!("\\fI{}\\fR", escape_inner(&value_name()))
    } else {
        let mut flags = Vec::new();
        if let Some(short) = arg.get_short() {
            flags.push(bold(&format!("-{short}")));
        }
        if let Some(long) = arg.get_long() {
            flags.push(bold(&format!("--{long}")));
        }
        let mut text = flags.join("|");
        if arg.get_action().takes_values() {
            let optional = arg.get_num_args().is_some_and(|n| n.min_values() == 0);
            let value = format!("\\fI{}\\fR", escape_inner(&value_name()));
            text = if optional {
                format!("{text}[={value}]")
            } else {
                format!("{text} {value}")
            };
        }
        text
    };
    if !arg.is_required_set() {
        text = format!("[{text}]");
    }
    if repeats {
        text.push_str("...");
    }
    Some(text)
}

/// clap_mangen gives every help heading its own `.SH`: make them `.SS`
/// subsections of one OPTIONS section.
fn options_as_subsections(roff: &str) -> String {
    let mut out = String::from(".SH OPTIONS\n");
    for line in roff.lines() {
        match line.strip_prefix(".SH ") {
            Some("OPTIONS") => {}
            Some(heading) => {
                let heading = heading.trim_matches('"');
                let mut chars = heading.chars();
                let title: String = chars
                    .next()
                    .into_iter()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect();
                out.push_str(&format!(".SS \"{title}\"\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// EXIT STATUS from the exit-code table at the end of `--help` (the lines
/// `  N  meaning`); the lines after it are a closing paragraph.
fn exit_status(cmd: &clap::Command) -> String {
    let help = cmd
        .get_after_long_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut entries = Vec::new();
    let mut after = Vec::new();
    for line in help.lines().skip(1) {
        let trimmed = line.trim_start();
        let code: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        if line.starts_with("  ") && !code.is_empty() {
            entries.push((code.clone(), trimmed[code.len()..].trim().to_string()));
        } else {
            after.push(line.trim());
        }
    }
    let mut body = definitions(entries.iter().map(|(c, m)| (c.as_str(), m.as_str())));
    if !after.is_empty() {
        body.push_str(".PP\n");
        body.push_str(&roff(&after.join(" ")));
    }
    section("EXIT STATUS", &body)
}

/// FILES: the configuration file and its keys, and the binary's own files.
fn files(extra: &Extra) -> String {
    let mut body = String::new();
    if extra.reads_config {
        let names = config::FILE_NAMES
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        body.push_str(&format!(
            ".TP\n{}\n{}",
            bold(config::FILE_NAMES[0]),
            roff(&format!(
                "The configuration, {names}, looked for in the directory of each input, then \
                 its parents, up to the repository root (a directory with `.git`, `.hg` or \
                 `.svn`); the first one found applies to that input. `--config FILE` uses one \
                 file for every input, `--isolated` none. Command-line options win over the \
                 file. Unknown keys and codes are errors (exit 2). Its keys (upstart-lint.toml(5) \
                 has the details):"
            ))
        ));
        body.push_str(".RS\n");
        body.push_str(&key_list());
        body.push_str(".RE\n");
    }
    body.push_str(&definitions(extra.files.iter().copied()));
    if body.is_empty() {
        String::new()
    } else {
        section("FILES", &body)
    }
}

/// The configuration keys as a definition list.
fn key_list() -> String {
    let mut out = String::new();
    for key in config::KEYS {
        out.push_str(&format!(
            ".TP\n{} \\fR(\\fI{}\\fR)\n{}",
            bold(key.name),
            escape(key.value),
            roff(key.doc)
        ));
    }
    out
}

fn examples(examples: &[(&str, &str)]) -> String {
    let mut body = String::new();
    for (what, lines) in examples {
        body.push_str(".PP\n");
        body.push_str(&roff(what));
        body.push_str(".PP\n.RS 4\n.nf\n");
        for line in lines.lines() {
            body.push_str(&format!("\\fB{}\\fR\n", escape(line)));
        }
        body.push_str(".fi\n.RE\n");
    }
    section("EXAMPLES", &body)
}

fn see_also(pages: &[&str]) -> String {
    let refs: Vec<String> = pages
        .iter()
        .map(|p| match p.split_once('(') {
            Some((name, rest)) => format!("\\fB{}\\fR({rest}", escape(name)),
            None => escape(p),
        })
        .collect();
    section("SEE ALSO", &format!("{}\n", refs.join(",\n")))
}

/// upstart-lint.toml(5): the configuration file.
#[must_use]
pub(crate) fn config_page() -> String {
    let mut page = title("UPSTART-LINT.TOML", "5");
    page.push_str(&section(
        "NAME",
        "upstart\\-lint.toml \\- configuration of upstart\\-lint\n",
    ));
    page.push_str(&section(
        "SYNOPSIS",
        &format!(
            "{}\n",
            config::FILE_NAMES
                .iter()
                .map(|n| bold(n))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ));
    page.push_str(&section(
        "DESCRIPTION",
        &roff(
            "upstart-lint (and `upstart-tools lint`) reads its configuration from a TOML file, \
             `.upstart-lint.toml` or `upstart-lint.toml`, looked for in the directory of each \
             input, then its parents, up to the repository root (a directory with `.git`, `.hg` \
             or `.svn`); the first one found applies to that input. `--config FILE` uses one \
             file for every input, `--isolated` none.\n\n\
             Command-line options win over the file: `--select` replaces `select`; `--ignore`, \
             `--extend-select`, `--known-event` and `--known-job` add to the file's lists. \
             Unknown keys and unknown codes are errors, reported with the file's line and \
             column (exit status 2).\n\n\
             Codes are rule codes (`UL302`) or prefixes (`UL3`, `UL`); shellcheck's codes \
             (`SC2086`) are accepted where findings are filtered. Syntax errors (a file \
             upstart would reject) cannot be ignored, deselected or downgraded.",
        ),
    ));
    page.push_str(&section("KEYS", &key_list()));
    page.push_str(&section(
        "EXAMPLE",
        &roff(
            "```\n\
             select = [\"UL\"]\n\
             ignore = [\"UL5\", \"UL603\"]\n\
             fail-on = \"error\"\n\
             known-events = [\"my_event\"]\n\
             known-jobs = [\"mysql\"]\n\
             target-version = \"1.5\"\n\
             shellcheck = \"off\"\n\
             \n\
             [per-file-ignores]\n\
             \"legacy/*.conf\" = [\"UL2\"]\n\
             \n\
             [severity]\n\
             UL302 = \"error\"\n\
             ```",
        ),
    ));
    page.push_str(&see_also(&["upstart-lint(1)", "upstart-lint-rules(7)"]));
    page
}

/// upstart-lint-rules(7): every rule of the registry with its
/// documentation.
#[must_use]
pub(crate) fn rules_page() -> String {
    let mut page = title("UPSTART-LINT-RULES", "7");
    page.push_str(&section(
        "NAME",
        "upstart\\-lint\\-rules \\- the rules of upstart\\-lint\n",
    ));
    page.push_str(&section(
        "DESCRIPTION",
        &roff(
            "Every code upstart-lint and the converters report, with its name, its default \
             severity, whether it runs without being selected, and its documentation (the \
             text `upstart-lint --explain CODE` prints). Rules are selected with `select`, \
             `extend-select` and `ignore` (upstart-lint.toml(5)) or the options of the same \
             names; their severity is changed with `[severity]`.",
        ),
    ));
    let mut body = String::new();
    for rule in registry::all() {
        let _ = write!(
            body,
            ".SS \"{} \\- {}\"\n{}, {} by default: {}",
            rule.code,
            escape(rule.name),
            rule.severity.as_str(),
            if rule.default { "on" } else { "off" },
            roff(rule.summary)
        );
        body.push_str(".PP\n");
        body.push_str(&roff(&rule.documentation()));
    }
    page.push_str(&section("RULES", &body));
    page.push_str(&see_also(&["upstart-lint(1)", "upstart-lint.toml(5)"]));
    page
}

fn title(name: &str, section: &str) -> String {
    format!(
        ".TH {name} {section} \"\" \"upstart-tools {}\" \"{MANUAL}\"\n",
        env!("CARGO_PKG_VERSION")
    )
}

fn section(name: &str, body: &str) -> String {
    format!(".SH \"{name}\"\n{body}")
}

/// A `.TP` definition list.
fn definitions<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    items
        .map(|(term, text)| format!(".TP\n{}\n{}", bold(term), roff(text)))
        .collect()
}

fn bold(text: &str) -> String {
    format!("\\fB{}\\fR", escape(text))
}

/// Text for roff: backslashes and hyphens escaped, and a `.` or `'` that
/// would start a line made literal.
fn escape(text: &str) -> String {
    literal_start(escape_inner(text))
}

fn escape_inner(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

fn literal_start(line: String) -> String {
    if line.starts_with(['.', '\'']) {
        format!("\\&{line}")
    } else {
        line
    }
}

/// Inline Markdown of one line: `code` and **strong** become bold,
/// `[text](url)` its text.
fn inline(line: &str) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("\\fB{}\\fR", escape_inner(part)));
        } else {
            out.push_str(&escape_inner(&part.replace("**", "")));
        }
    }
    literal_start(out)
}

/// Light Markdown (paragraphs, `#` headings, `-` lists, fenced blocks,
/// tables kept as they are written) as roff. The first paragraph continues
/// what comes before (a `.TP` term, a section heading); callers that want
/// a new paragraph start one.
fn roff(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    let mut in_table = false;
    let mut paragraph_open = true;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            if in_code {
                out.push_str(".fi\n.RE\n");
            } else {
                out.push_str(".PP\n.RS 4\n.nf\n");
            }
            in_code = !in_code;
            paragraph_open = false;
            continue;
        }
        if in_code {
            out.push_str(&format!("{}\n", escape(line)));
            continue;
        }
        let is_table = line.starts_with('|');
        if is_table != in_table {
            out.push_str(if is_table { ".PP\n.nf\n" } else { ".fi\n" });
            in_table = is_table;
        }
        if is_table {
            if !line.starts_with("|--") && !line.starts_with("|-") {
                out.push_str(&format!("{}\n", inline(line)));
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            paragraph_open = false;
        } else if let Some(heading) = trimmed.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim();
            out.push_str(&format!(".PP\n\\fI{}\\fR\n", escape(heading)));
            paragraph_open = false;
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            out.push_str(&format!(".IP \\(bu 2\n{}\n", inline(item)));
            paragraph_open = true;
        } else {
            if !paragraph_open {
                out.push_str(".PP\n");
                paragraph_open = true;
            }
            out.push_str(&format!("{}\n", inline(trimmed)));
        }
    }
    if in_table {
        out.push_str(".fi\n");
    }
    if in_code {
        out.push_str(".fi\n.RE\n");
    }
    out
}
