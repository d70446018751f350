//! systemd's own unit loader as a test oracle : run `systemd --test --user` as uid 65534 over a directory of
//! units, read the dump back (`unit_section`, `parse_section`,
//! `parse_command_line`) and apply systemd's exec-time `$` expansion
//! (`exec_time` in the symbolic form the textual oracle compares,
//! `replace_env_argv` with values, for running a command as systemd would).
//! Shared by convert_units.rs (what the units say) and behaviour_oracle.rs
//! (what the programs receive).

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

/// systemd's manager binary, whose `--test` mode dumps the parsed units.
pub(crate) const SYSTEMD: &str = "/lib/systemd/systemd";
/// The unprivileged user the loader runs as (`nobody`); test mode refuses
/// to run as root.
pub(crate) const NOBODY: u32 = 65534;
/// The instance used to load a template unit (`JOB@tty3.service`).
pub(crate) const INSTANCE: &str = "tty3";
/// Seconds any external program may take.
pub(crate) const TIMEOUT: &str = "60";

/// One element of an argv as systemd will execute it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Arg {
    /// This exact string.
    Lit(String),
    /// A whole-word `$NAME`, which systemd replaces at exec time by the
    /// variable's value split at blanks (only `$MAINPID` is intended).
    Var(String),
}

pub(crate) fn lit(s: &str) -> Arg {
    Arg::Lit(s.to_string())
}

/// Why the systemd tests cannot run here, if they cannot.
pub(crate) fn systemd_missing(tool: &str) -> Option<String> {
    if tool == "systemd" && !Path::new(SYSTEMD).is_file() {
        return Some(format!("{SYSTEMD} is absent"));
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
    };
    if tool == "systemd" {
        if !on_path("setpriv") {
            return Some("setpriv is not installed".into());
        }
        // /proc/self belongs to the effective user.
        let euid = std::fs::metadata("/proc/self").map_or(u32::MAX, |m| m.uid());
        if euid != 0 {
            return Some("not running as root (setpriv needs root to switch to uid 65534)".into());
        }
    } else if !on_path(tool) {
        return Some(format!("{tool} is not installed"));
    }
    None
}

/// Write `units` into a fresh directory readable by everyone.
pub(crate) fn unit_dir(units: &BTreeMap<String, String>) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("upstart-tools-units")
        .tempdir()
        .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
    set_mode(dir.path(), 0o755);
    for (name, text) in units {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        set_mode(&path, 0o644);
    }
    dir
}

pub(crate) fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
}

/// What one run of systemd's loader printed.
pub(crate) struct Dump {
    /// The dump (standard output).
    pub text: String,
    /// The lines of standard error about our own unit files (unknown keys,
    /// bad escapes, values ignored, units refused).
    pub complaints: Vec<String>,
    /// The manager's home directory, which is also the `WorkingDirectory`
    /// the dump shows for a unit that sets none (a user manager's default;
    /// a system service's is `/`).
    pub home: String,
}

/// Run systemd's loader in test mode over `units` as uid 65534 and return
/// its dump, failing on any complaint about the units. An extra target
/// orders itself after every unit so that one run loads them all (`After=`
/// loads a unit without queueing a job for it).
pub(crate) fn systemd_dump(units: &BTreeMap<String, String>, names: &BTreeSet<String>) -> String {
    let dump = systemd_load(units, names);
    assert!(
        dump.complaints.is_empty(),
        "systemd complained about the units:\n{}",
        dump.complaints.join("\n")
    );
    dump.text
}

/// [`systemd_dump`] for units that may be refused or warned about: the
/// complaints are returned, not judged.
pub(crate) fn systemd_load(units: &BTreeMap<String, String>, names: &BTreeSet<String>) -> Dump {
    let mut all = units.clone();
    let anchor = "zz-oracle-anchor.target";
    let after: Vec<&str> = names.iter().map(String::as_str).collect();
    all.insert(
        anchor.into(),
        format!(
            "[Unit]\nDescription=oracle anchor\nAfter={}\n",
            after.join(" ")
        ),
    );
    let dir = unit_dir(&all);
    let home = dir.path().join(".home");
    std::fs::create_dir(&home).unwrap_or_else(|e| panic!("mkdir {}: {e}", home.display()));
    std::os::unix::fs::chown(&home, Some(NOBODY), Some(NOBODY))
        .unwrap_or_else(|e| panic!("chown {}: {e}", home.display()));
    let out = Command::new("timeout")
        .arg(TIMEOUT)
        .arg("setpriv")
        .arg(format!("--reuid={NOBODY}"))
        .arg(format!("--regid={NOBODY}"))
        .arg("--clear-groups")
        .args(["env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin"])
        .arg(format!("HOME={}", home.display()))
        .arg(format!("XDG_RUNTIME_DIR={}", home.display()))
        .arg(format!("SYSTEMD_UNIT_PATH={}:", dir.path().display()))
        .args([SYSTEMD, "--test", "--user", "--no-pager"])
        .arg(format!("--unit={anchor}"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {SYSTEMD}: {e}"));
    let stdout = String::from_utf8(out.stdout)
        .unwrap_or_else(|e| panic!("the systemd dump is not UTF-8: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("-> Unit "),
        "systemd --test failed ({}):\n{stderr}",
        out.status
    );
    // Warnings about our own unit files (unknown keys, bad escapes, values
    // ignored) mean systemd did not read what we wrote.
    // systemd's advice against `User=nobody` is about the job's own choice
    // (see `verify`).
    let complaints = stderr
        .lines()
        .filter(|l| l.contains(&dir.path().display().to_string()))
        .filter(|l| !l.ends_with("Special user nobody configured, this is not safe!"))
        .map(str::to_string)
        .collect();
    Dump {
        text: stdout,
        complaints,
        home: home.display().to_string(),
    }
}

/// The lines of one unit in the dump: those after `\t-> Unit NAME:` that
/// are indented by two tabs or more (the next unit, or the `-> By jobs:`
/// list at the end, is indented less).
pub(crate) fn unit_section<'a>(dump: &'a str, name: &str) -> Option<&'a str> {
    let head = format!("\t-> Unit {name}:\n");
    let start = dump.find(&head)? + head.len();
    let rest = &dump[start..];
    let mut end = 0;
    for line in rest.split_inclusive('\n') {
        if !line.starts_with("\t\t") {
            break;
        }
        end += line.len();
    }
    Some(&rest[..end])
}

/// What the dump says about one unit.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub load_state: String,
    /// `ExecStart` etc. → each command's argv as parsed, before the
    /// exec-time `$` expansion.
    pub exec_raw: BTreeMap<String, Vec<Vec<String>>>,
    /// The same after [`exec_time`] (filled by [`parse_section`] only).
    pub exec: BTreeMap<String, Vec<Vec<Arg>>>,
    pub env: Vec<String>,
    pub description: String,
    pub working_directory: String,
}

/// Read one unit's section. Properties are `\t\tKey: value` lines; each
/// `Exec*` setting is a `\t\t-> ExecStart:` line followed by one
/// `\t\t\tCommand Line: …` line per command (plus status lines of commands
/// that ran, which test mode never has). `Environment` values are printed
/// raw, one per line; upstart values never contain a newline (a newline
/// inside quotes becomes a blank), so one line is one value.
pub(crate) fn parse_section(section: &str) -> Result<Parsed, String> {
    let mut p = parse_section_raw(section)?;
    for (key, cmds) in &p.exec_raw {
        let parsed = cmds
            .iter()
            .map(|argv| argv.iter().map(|a| exec_time(a)).collect())
            .collect::<Result<Vec<Vec<Arg>>, String>>()?;
        p.exec.insert(key.clone(), parsed);
    }
    Ok(p)
}

/// [`parse_section`] without the exec-time step: `exec` stays empty.
pub(crate) fn parse_section_raw(section: &str) -> Result<Parsed, String> {
    let mut p = Parsed::default();
    let mut exec: Option<String> = None;
    for line in section.lines() {
        if let Some(cmd) = line.strip_prefix("\t\t\tCommand Line: ") {
            let key = exec
                .clone()
                .ok_or_else(|| format!("a command outside an Exec block: {line:?}"))?;
            let argv = parse_command_line(cmd)?;
            p.exec_raw.entry(key).or_default().push(argv);
            continue;
        }
        if line.starts_with("\t\t\t") {
            continue;
        }
        exec = None;
        let Some(prop) = line.strip_prefix("\t\t") else {
            return Err(format!("unexpected dump line {line:?}"));
        };
        if let Some(key) = prop.strip_prefix("-> ").and_then(|k| k.strip_suffix(':')) {
            if key.starts_with("Exec") {
                exec = Some(key.to_string());
            }
            continue;
        }
        let (key, value) = prop
            .split_once(": ")
            .unwrap_or((prop.trim_end_matches(':'), ""));
        match key {
            "Unit Load State" => p.load_state = value.to_string(),
            "Environment" => p.env.push(value.to_string()),
            "Description" => p.description = value.to_string(),
            "WorkingDirectory" => p.working_directory = value.to_string(),
            _ => {}
        }
    }
    Ok(p)
}

/// Split a `Command Line:` of the dump back into arguments.
///
/// systemd 252 prints each argument with `shell_maybe_quote()`
/// (found by experiment, see `dump_format_is_understood`): an argument
/// without blanks, control characters or any of ``"\`$*?[]'()<>|&;!`` is
/// printed as is (UTF-8 included); any other argument is wrapped in `"…"`
/// with `\"`, `\\`, `` \` ``, `\$`, the C escapes `\a \b \t \n \v \f \r`
/// and `\ooo` (three octal digits) for other control bytes and DEL; the
/// empty argument is `""`. Arguments are separated by one blank.
pub(crate) fn parse_command_line(s: &str) -> Result<Vec<String>, String> {
    let b = s.as_bytes();
    let mut args = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        let mut arg = Vec::new();
        let mut quoted = false;
        while i < b.len() && (quoted || b[i] != b' ') {
            let c = b[i];
            i += 1;
            match c {
                b'"' => quoted = !quoted,
                b'\\' if quoted => {
                    let e = *b
                        .get(i)
                        .ok_or_else(|| format!("a lone backslash at the end of {s:?}"))?;
                    i += 1;
                    match e {
                        b'a' => arg.push(7),
                        b'b' => arg.push(8),
                        b't' => arg.push(b'\t'),
                        b'n' => arg.push(b'\n'),
                        b'v' => arg.push(11),
                        b'f' => arg.push(12),
                        b'r' => arg.push(b'\r'),
                        b'0'..=b'7' => {
                            let digits = b
                                .get(i - 1..i + 2)
                                .filter(|d| d.iter().all(|x| (b'0'..=b'7').contains(x)))
                                .ok_or_else(|| format!("a bad octal escape in {s:?}"))?;
                            let v = digits
                                .iter()
                                .fold(0u32, |acc, d| acc * 8 + u32::from(d - b'0'));
                            arg.push(
                                u8::try_from(v)
                                    .map_err(|_| format!("octal escape > 255 in {s:?}"))?,
                            );
                            i += 2;
                        }
                        b'"' | b'\\' | b'`' | b'$' => arg.push(e),
                        _ => return Err(format!("unknown escape \\{} in {s:?}", e as char)),
                    }
                }
                b'\\' | b'\'' | b'$' | b'`' if !quoted => {
                    return Err(format!("an unquoted {:?} in {s:?}", c as char));
                }
                _ => arg.push(c),
            }
        }
        if quoted {
            return Err(format!("an unterminated quote in {s:?}"));
        }
        args.push(String::from_utf8(arg).map_err(|e| format!("{s:?}: not UTF-8: {e}"))?);
    }
    Ok(args)
}

/// What systemd 252 makes of a parsed argument when it executes the command
/// (`replace_env_argv()` in src/core/execute.c, spec B.3). The dump shows
/// arguments *before* this step, so a script body with `$` appears there
/// with `$$`; this function applies the step to compare with upstart's argv:
///
/// * an argument that starts with `$` not followed by `{` or `$` is a
///   whole-word variable reference, replaced by the value split at blanks →
///   [`Arg::Var`];
/// * in any other argument `$$` becomes `$` and `${NAME}` is replaced by the
///   variable's value. The converter never means to use `${…}`, so one left
///   after undoubling is an error;
/// * any other `$` stays.
pub(crate) fn exec_time(arg: &str) -> Result<Arg, String> {
    if let Some(name) = arg.strip_prefix('$')
        && !name.starts_with(['{', '$'])
        && !name.is_empty()
    {
        return Ok(Arg::Var(name.to_string()));
    }
    let mut out = String::with_capacity(arg.len());
    let mut chars = arg.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            match chars.peek() {
                Some('$') => {
                    chars.next();
                }
                Some('{') => {
                    return Err(format!(
                        "systemd would substitute a variable in {arg:?} (`${{` not written as `$${{`)"
                    ));
                }
                _ => {}
            }
        }
        out.push(c);
    }
    Ok(Arg::Lit(out))
}

/// The value of `name` in `env` (the last entry wins), as systemd's
/// `strv_env_get()` finds it.
fn env_get<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
    env.iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// systemd 252's exec-time expansion of a parsed command,
/// `replace_env_argv()` of src/basic/env-util.c, with the unit's
/// environment `env` (spec B.3):
///
/// * an argument that starts with `$` not followed by `{` or `$` names a
///   variable with all the rest of it: it is replaced by the value split at
///   whitespace, quotes honoured and removed ([`split_env_value`]) — zero
///   or more arguments. An unset variable gives none; so does a name with
///   other characters (`$A/b` looks up `A/b`);
/// * in any other argument, [`replace_env`].
pub(crate) fn replace_env_argv(argv: &[String], env: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for a in argv {
        if let Some(name) = a.strip_prefix('$')
            && !name.starts_with(['{', '$'])
        {
            if let Some(v) = env_get(env, name) {
                out.extend(split_env_value(v));
            }
            continue;
        }
        out.push(replace_env(a, env));
    }
    out
}

/// `replace_env()` without flags (systemd 252): `$$` is `$`, `${NAME}` is
/// the variable's value (empty when unset); `${NAME:-x}` and `${NAME:+x}`
/// are not supported there and stay as written, as does any other `$`.
pub(crate) fn replace_env(word: &str, env: &[(String, String)]) -> String {
    #[derive(PartialEq)]
    enum State {
        Word,
        Curly,
        Variable,
    }
    let b = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut state = State::Word;
    // Start of the text not copied yet.
    let mut from = 0;
    for (e, &c) in b.iter().enumerate() {
        match state {
            State::Word => {
                if c == b'$' {
                    state = State::Curly;
                }
            }
            State::Curly => {
                if c == b'{' {
                    out.push_str(&word[from..e - 1]);
                    from = e - 1;
                    state = State::Variable;
                } else if c == b'$' {
                    out.push_str(&word[from..e]);
                    from = e + 1;
                    state = State::Word;
                } else {
                    state = State::Word;
                }
            }
            State::Variable => {
                if c == b'}' {
                    out.push_str(env_get(env, &word[from + 2..e]).unwrap_or(""));
                    from = e + 1;
                    state = State::Word;
                } else if c == b':' {
                    // Unsupported syntax: no replacement.
                    state = State::Word;
                }
            }
        }
    }
    out.push_str(&word[from..]);
    out
}

/// A variable's value split into arguments as `strv_split_full(…,
/// WHITESPACE, EXTRACT_RELAX|EXTRACT_UNQUOTE)` does: words at blanks,
/// `'…'` and `"…"` group and are removed (an unterminated one runs to the
/// end), a backslash takes the next character literally (a final one is
/// dropped); a word of quotes only is an empty argument.
pub(crate) fn split_env_value(value: &str) -> Vec<String> {
    let sep = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let mut out = Vec::new();
    let mut chars = value.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| sep(*c)) {
            chars.next();
        }
        if chars.peek().is_none() {
            return out;
        }
        let mut word = String::new();
        let mut quote: Option<char> = None;
        while let Some(c) = chars.next() {
            match quote {
                _ if c == '\\' => {
                    if let Some(next) = chars.next() {
                        word.push(next);
                    }
                }
                Some(q) if c == q => quote = None,
                Some(_) => word.push(c),
                None if c == '\'' || c == '"' => quote = Some(c),
                None if sep(c) => break,
                None => word.push(c),
            }
        }
        out.push(word);
    }
}

fn test_env() -> Vec<(String, String)> {
    [("A", "one  two"), ("Q", "x 'y z' \"\" w\\ v"), ("E", "")]
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

#[test]
fn exec_time_expansion_follows_systemd() {
    let argv: Vec<String> = [
        "/p", "$A", "${A}", "$E", "${E}", "$UNSET", "$A/b", "a$A", "$$A", "x${A}y", "${A:-d}",
        "$Q", "$", "100$",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    assert_eq!(
        replace_env_argv(&argv, &test_env()),
        [
            "/p",
            "one",
            "two",
            "one  two",
            "",
            "a$A",
            "$A",
            "xone  twoy",
            "${A:-d}",
            "x",
            "y z",
            "",
            "w v",
            "100$"
        ]
    );
}
