//! The behavioural oracle (issue 15, section 5): run what each side would
//! really run, and compare what the program receives.
//!
//! The program of every tested `exec` line of a job (upstart → systemd) and
//! of every `Exec*=` command of a unit (systemd → upstart) is replaced by a
//! **recorder**: a generated `/bin/sh` script that writes its arguments
//! (NUL-separated), its environment (`env -0`) and `pwd -P` to files named
//! after the process, in a directory baked into it. Then
//!
//! * **upstart**: the real `upstart-run --foreground` runs the job (with
//!   `KEY=VALUE` for the variables of its `instance`), spawning every
//!   process as upstart 1.13.2 does (docs/language.md#spawning, #environment);
//! * **systemd**: systemd's own loader reads the unit (`systemd --test`,
//!   systemd_oracle.rs), and each command is executed here exactly as it
//!   parsed it, after systemd's exec-time `$`/`${}` expansion with the
//!   unit's `Environment=` values (spec B.3), with those values (plus the
//!   manager's `PATH`) as its environment and `WorkingDirectory=` (default
//!   `/`) as its directory;
//!
//! and the two records must agree on the arguments after the program, on
//! each variable the job (unit) sets itself, and on the directory. A
//! difference fails the test unless the converter reported a loss at that
//! very stanza (entry) — or at the stanza of a variable the argument
//! expands, whose own difference it reported: then it is counted as
//! reported. Losses about when a process runs (`UL504`…) or about what is
//! not compared (argv[0], privileges) account only for a process that one
//! side does not run. The figures are printed past libtest's capture.
//!
//! systemd2upstart's differences that are known and not fixed yet are
//! listed, with their reasons, in [`KNOWN_REVERSE`]; `ORACLE_STRICT=1` makes
//! them fail as well.
//!
//! Nothing of the jobs and units runs but the recorders: `exec` lines whose
//! shell text would start other programs (pipes, lists, redirections,
//! command substitution) are skipped, scripts are replaced (the textual
//! oracle of convert_units.rs covers their bodies), and so are the
//! stanzas/keys that would make a run unsafe or irrelevant here (events,
//! respawn, `expect`, users, console; `chroot`/`RootDirectory=` skip the
//! job). The main process holds (sleeps) while upstart runs it, so that
//! `pre-stop` runs: the test asks upstart-run to stop once the job is
//! running. Every process is bounded in time and killed if it outlives its
//! run.
//!
//! Like the other systemd tests, the oracle prints `skipped: …` and passes
//! when systemd, setpriv or root are missing, or ../shared is (but fails
//! then under `CI=true`).

use crate::common::{corpus_dir, files_in, fixture};
use crate::systemd_oracle::{
    INSTANCE, parse_section_raw, replace_env_argv, systemd_load, systemd_missing, unit_section,
};
use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead as _, Write as _};
use std::ops::Range;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use upstart_tools::ast::{
    ConsoleMode, Item, Job, ProcessBody, ProcessKind, Spanned, Stanza, StanzaKind,
};
use upstart_tools::convert::from_systemd::from_systemd;
use upstart_tools::convert::systemd_unit::{Entry, UnitFile, parse_unit};
use upstart_tools::convert::{Loss, to_systemd};
use upstart_tools::load::{LoadedJob, job_name};
use upstart_tools::print::print;
use upstart_tools::source::Span;
use upstart_tools::syntax::Dialect;

/// `PATH` of upstart's init (docs/language.md#environment): upstart-run's environment.
const UPSTART_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/bin:/usr/sbin:/sbin:/bin";
/// `PATH` systemd 252 gives services (`systemd-path
/// search-binaries-default` on Debian 12).
const SYSTEMD_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/// How long one side of one job may take before it is killed.
const RUN_LIMIT: Duration = Duration::from_secs(20);
/// How long a held main process sleeps at most.
const HOLD_SECONDS: u32 = 30;
/// Runs in parallel: the runs mostly wait for processes.
const WORKERS: usize = 4;

/// Set to `1` to make the known differences of [`KNOWN_REVERSE`] fail too
/// (to see whether they are fixed).
const STRICT_ENV: &str = "ORACLE_STRICT";

// ---------------------------------------------------------------------------
// The recorder

/// What a recorder was given.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Record {
    /// The arguments after the program.
    args: Vec<String>,
    env: BTreeMap<String, String>,
    /// `pwd -P`.
    cwd: String,
}

/// The recorders of one job (unit) and the directory they write to.
struct Recorders {
    dir: PathBuf,
}

impl Recorders {
    fn new(dir: PathBuf) -> Self {
        std::fs::create_dir_all(dir.join("out"))
            .unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
        Self { dir }
    }

    fn out(&self) -> PathBuf {
        self.dir.join("out")
    }

    fn path(&self, tag: &str) -> PathBuf {
        self.dir.join(format!("rec-{tag}"))
    }

    /// Write the recorder of process `tag`; with `hold` it sleeps after
    /// recording while the file `out/hold` exists (a main process that must
    /// be alive when the job stops).
    fn create(&self, tag: &str, hold: bool) -> String {
        let out = self.out().display().to_string();
        let o = format!("{out}/{tag}");
        let mut text = format!(
            "#!/bin/sh\n\
             # upstart-tools behavioural oracle: record what this process was given.\n\
             for a in \"$@\"; do printf '%s\\0' \"$a\"; done > '{o}.args'\n\
             /usr/bin/env -0 > '{o}.env'\n\
             pwd -P > '{o}.cwd'\n\
             : > '{o}.done'\n"
        );
        if hold {
            text.push_str(&format!(
                "if [ -e '{out}/hold' ]; then echo $$ > '{o}.pid'; exec /bin/sleep {HOLD_SECONDS}; fi\n"
            ));
        }
        let path = self.path(tag);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
        path.display().to_string()
    }

    fn hold(&self, on: bool) {
        let p = self.out().join("hold");
        if on {
            std::fs::write(&p, "").unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        } else {
            let _ = std::fs::remove_file(&p);
        }
    }

    /// The record of `tag`, if that process ran (and got to the end of its
    /// recording).
    fn read(&self, tag: &str) -> Option<Record> {
        let f = |ext: &str| self.out().join(format!("{tag}.{ext}"));
        if !f("done").exists() {
            return None;
        }
        let read = |ext: &str| {
            let p = f(ext);
            std::fs::read(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
        };
        let nul_list = |bytes: Vec<u8>| -> Vec<String> {
            bytes
                .split(|b| *b == 0)
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .collect::<Vec<_>>()
        };
        let mut args = nul_list(read("args"));
        // Every argument ends with a NUL: the last piece is empty.
        args.pop();
        let mut env_list = nul_list(read("env"));
        env_list.pop();
        let env = env_list
            .into_iter()
            .filter_map(|kv| {
                kv.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
            })
            .collect();
        let cwd = String::from_utf8_lossy(&read("cwd"))
            .trim_end_matches('\n')
            .to_string();
        Some(Record { args, env, cwd })
    }

    /// Forget every record (before the other side runs).
    fn clear(&self) {
        let out = self.out();
        if let Ok(dir) = std::fs::read_dir(&out) {
            for e in dir.flatten() {
                if e.file_name() != "hold" {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }

    /// Kill what is left of a held main process (its own process group:
    /// upstart-run made it a session leader).
    fn reap_held(&self) {
        let Ok(dir) = std::fs::read_dir(self.out()) else {
            return;
        };
        for e in dir.flatten() {
            if e.path().extension().is_none_or(|x| x != "pid") {
                continue;
            }
            let Some(pid) = std::fs::read_to_string(e.path())
                .ok()
                .and_then(|s| s.trim().parse::<i32>().ok())
            else {
                continue;
            };
            // Only the sleeping recorder itself, in the group it leads.
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let fields: Vec<&str> = stat
                .rsplit_once(')')
                .map(|(_, r)| r.split_whitespace().collect())
                .unwrap_or_default();
            if stat.contains("(sleep)") && fields.get(2) == Some(&pid.to_string().as_str()) {
                let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Running

/// Wait for `child` until `deadline`; kill its process group (and it) when
/// it outlives it. Whether it ended in time.
fn wait_bounded(child: &mut Child, deadline: Instant) -> bool {
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        if Instant::now() >= deadline {
            let pid = Pid::from_raw(i32::try_from(child.id()).unwrap_or(0));
            let _ = killpg(pid, Signal::SIGKILL);
            let _ = child.kill();
            let _ = child.wait();
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Run `conf` under `upstart-run --foreground --verbose` with the start
/// environment `start_env`; once the job is running and its main process
/// holds (the file `held` exists: the main recorder is done recording), or
/// once it has ended, ask it to stop (SIGTERM, upstart-run's `stop`).
/// Returns upstart-run's stderr, or why the run did not end in time.
fn run_upstart(
    conf: &Path,
    start_env: &[String],
    log_dir: &Path,
    held: Option<&Path>,
) -> Result<String, String> {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("upstart-run"))
        .args(["--foreground", "--verbose", "--log-dir"])
        .arg(log_dir)
        .arg(conf)
        .args(start_env)
        .env_clear()
        .env("PATH", UPSTART_PATH)
        // upstart's init runs in `/`: a relative `chdir` is relative to it.
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run upstart-run: {e}"));
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + RUN_LIMIT;
    let mut log = Vec::new();
    // Until the job runs, or upstart-run ends (the channel closes).
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        let running = line.ends_with("state changed to running");
        log.push(line);
        if running {
            // A main process that ends by itself ends the job too.
            while held.is_some_and(|h| !h.exists())
                && matches!(child.try_wait(), Ok(None))
                && Instant::now() < deadline
            {
                std::thread::sleep(Duration::from_millis(2));
            }
            let pid = Pid::from_raw(i32::try_from(child.id()).unwrap_or(0));
            let _ = kill(pid, Signal::SIGTERM);
            break;
        }
    }
    let in_time = wait_bounded(&mut child, deadline);
    let _ = reader.join();
    log.extend(rx.try_iter());
    let text = log.join("\n");
    if in_time {
        Ok(text)
    } else {
        Err(format!(
            "upstart-run did not end within {RUN_LIMIT:?}:\n{text}"
        ))
    }
}

/// Execute `argv` as systemd would after parsing and expanding it: `program`
/// with `argv[0]` as its name, `env` as its whole environment, in `cwd`.
/// `Err` when it could not start or did not end in time.
fn run_direct(
    program: &str,
    argv: &[String],
    env: &[(String, String)],
    cwd: &str,
) -> Result<(), String> {
    let mut cmd = Command::new(program);
    if let Some(name) = argv.first() {
        cmd.arg0(name);
    }
    let mut child = cmd
        .args(argv.iter().skip(1))
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("{program} in {cwd}: {e}"))?;
    if wait_bounded(&mut child, Instant::now() + RUN_LIMIT) {
        Ok(())
    } else {
        Err(format!("{program} did not end within {RUN_LIMIT:?}"))
    }
}

/// `f` over `items`, [`WORKERS`] at a time, results in order.
fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut out: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| panic!("a worker panicked")))
            .collect()
    });
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

/// What systemd's manager gives a command: its `PATH`, then the unit's
/// `Environment=` entries as the dump lists them (`KEY=VALUE`, the later
/// value of a key already in place).
fn systemd_env(dump_env: &[String]) -> Vec<(String, String)> {
    let mut env = vec![("PATH".to_string(), SYSTEMD_PATH.to_string())];
    for kv in dump_env {
        if let Some((k, v)) = kv.split_once('=') {
            env.retain(|(key, _)| key != k);
            env.push((k.to_string(), v.to_string()));
        }
    }
    env
}

/// The directory a command runs in: `WorkingDirectory=` as the dump shows
/// it; the user manager's home there means the unit set none (a system
/// service runs in `/`), or said `~` (root's home for a system service).
fn systemd_cwd(dump_wd: &str, home: &str, tilde: bool) -> String {
    if dump_wd.is_empty() || dump_wd == home {
        if tilde { "/root" } else { "/" }.to_string()
    } else {
        dump_wd.to_string()
    }
}

/// A directory of a job that is absent on this host: a stand-in of the
/// same path below `root`, so that both sides can enter it.
fn stand_in(dir: &str, root: &Path) -> Option<String> {
    if !dir.starts_with('/') || Path::new(dir).is_dir() {
        return None;
    }
    let p = root.join(dir.trim_start_matches('/'));
    std::fs::create_dir_all(&p).unwrap_or_else(|e| panic!("mkdir {}: {e}", p.display()));
    Some(p.display().to_string())
}

// ---------------------------------------------------------------------------
// Comparing

/// What differs between the two records of one process.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    /// One side ran the process, the other did not.
    Ran,
    Args,
    /// A variable the job (unit) sets.
    Var(String),
    Cwd,
}

struct Difference {
    field: Field,
    text: String,
}

fn show(r: Option<&Record>, f: impl Fn(&Record) -> String) -> String {
    r.map_or_else(|| "(did not run)".to_string(), f)
}

/// Compare the records of one process; `vars` are the job's own variables.
fn compare(
    upstart: Option<&Record>,
    systemd: Option<&Record>,
    vars: &BTreeSet<String>,
) -> Vec<Difference> {
    let (u, s) = match (upstart, systemd) {
        (Some(u), Some(s)) => (u, s),
        (None, None) => return Vec::new(),
        _ => {
            return vec![Difference {
                field: Field::Ran,
                text: format!(
                    "upstart: {}, systemd: {}",
                    show(upstart, |r| format!("ran with {:?}", r.args)),
                    show(systemd, |r| format!("ran with {:?}", r.args))
                ),
            }];
        }
    };
    let mut out = Vec::new();
    if u.args != s.args {
        out.push(Difference {
            field: Field::Args,
            text: format!("arguments: upstart {:?}, systemd {:?}", u.args, s.args),
        });
    }
    for v in vars {
        if u.env.get(v) != s.env.get(v) {
            out.push(Difference {
                field: Field::Var(v.clone()),
                text: format!(
                    "${v}: upstart {:?}, systemd {:?}",
                    u.env.get(v),
                    s.env.get(v)
                ),
            });
        }
    }
    if u.cwd != s.cwd {
        out.push(Difference {
            field: Field::Cwd,
            text: format!("directory: upstart {:?}, systemd {:?}", u.cwd, s.cwd),
        });
    }
    out
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// Losses about when or whether a process runs, or about what the oracle
/// does not compare (argv[0], privileges): they account for a process that
/// only one side runs, never for different arguments, variables or
/// directory.
fn lifecycle_only(l: &Loss) -> bool {
    matches!(
        l.code.as_str(),
        "UL504" | "UL506" | "UL508" | "UL513" | "UL514"
    ) || l.message.starts_with("upstart ignores the failure of")
        || l.message.starts_with("the Exec prefix `@`, `+` or `!`")
}

/// The loss, among `losses`, that reports a difference in `field` at one
/// of `spans`.
fn reported<'a>(losses: &'a [Loss], field: &Field, spans: &[Span]) -> Option<&'a Loss> {
    losses.iter().find(|l| {
        (*field == Field::Ran || !lifecycle_only(l)) && spans.iter().any(|s| overlaps(l.span, *s))
    })
}

/// The tallies of one direction.
#[derive(Default)]
struct Figures {
    /// Files read.
    sources: usize,
    /// Reason → the jobs (units) not run at all.
    jobs_skipped: BTreeMap<String, Vec<String>>,
    /// Reason → how many processes (commands) were not run.
    procs_skipped: BTreeMap<String, usize>,
    /// Reason → how often the test job (unit copy) was changed that way.
    adjusted: BTreeMap<String, usize>,
    jobs_compared: usize,
    procs_compared: usize,
    /// Processes neither side ran (both failed alike).
    neither: Vec<String>,
    /// Differences with the loss that reports them.
    reported: Vec<String>,
    /// Differences accepted as known (systemd → upstart only): reason →
    /// the commands.
    known: BTreeMap<&'static str, Vec<String>>,
    failing: Vec<String>,
}

impl Figures {
    fn skip_job(&mut self, why: &str, label: &str) {
        self.jobs_skipped
            .entry(why.to_string())
            .or_default()
            .push(label.to_string());
    }

    fn skip_proc(&mut self, why: &str) {
        *self.procs_skipped.entry(why.to_string()).or_default() += 1;
    }

    fn adjust(&mut self, why: &str) {
        *self.adjusted.entry(why.to_string()).or_default() += 1;
    }

    /// The report, written past libtest's capture; `what` names the jobs
    /// (units) and their processes (commands).
    fn print(&self, title: &str, what: [&str; 2]) {
        let [jobs, procs] = what;
        let mut t = format!(
            "behavioural oracle, {title}: {} files; {} {jobs} compared ({} {procs}), {} differences reported by the converter, {} known, {} failing\n",
            self.sources,
            self.jobs_compared,
            self.procs_compared,
            self.reported.len(),
            self.known.values().map(Vec::len).sum::<usize>(),
            self.failing.len()
        );
        for (why, labels) in &self.jobs_skipped {
            let shown: Vec<&str> = labels.iter().take(6).map(String::as_str).collect();
            let more = if labels.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            t.push_str(&format!(
                "  skipped {} {jobs}: {why} ({}{more})\n",
                labels.len(),
                shown.join(", ")
            ));
        }
        for (why, n) in &self.procs_skipped {
            t.push_str(&format!("  skipped {n} {procs}: {why}\n"));
        }
        for (why, n) in &self.adjusted {
            t.push_str(&format!("  adjusted {n}×: {why}\n"));
        }
        if !self.neither.is_empty() {
            t.push_str(&format!(
                "  run by neither side ({}): {}\n",
                self.neither.len(),
                self.neither.join("; ")
            ));
        }
        for r in &self.reported {
            t.push_str(&format!("  reported: {r}\n"));
        }
        for (why, what) in &self.known {
            t.push_str(&format!("  known, {} ×: {why}\n", what.len()));
            for w in what {
                t.push_str(&format!("    {w}\n"));
            }
        }
        let _ = std::io::stderr().write_all(t.as_bytes());
    }
}

/// Whether the oracle cannot run here (systemd, setpriv or root missing);
/// says why on the terminal.
fn cannot_run() -> bool {
    if let Some(why) = systemd_missing("systemd") {
        let _ = writeln!(std::io::stderr(), "skipped: {why}");
        return true;
    }
    false
}

// ---------------------------------------------------------------------------
// upstart → systemd

/// Why an `exec` line is not run here, or the bytes of its program word
/// (the first word that is not a `NAME=value` assignment). A line upstart
/// runs through the shell is tokenised as the shell would, far enough to
/// see that it starts nothing but its program: no `|`, `;`, `&`,
/// redirection or subshell outside quotes, no command substitution
/// (`` ` ``, `$(`) outside single quotes.
fn program_word(cmd: &str) -> Result<Range<usize>, &'static str> {
    const OTHERS: &str =
        "the shell line starts other programs (pipe, list, redirection or subshell)";
    const SUBST: &str = "the shell line runs a command substitution";
    let b = cmd.as_bytes();
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if quote.is_none() && matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            if let Some(s) = start.take() {
                words.push(s..i);
            }
            i += 1;
            continue;
        }
        start.get_or_insert(i);
        match (quote, c) {
            (Some(b'\''), b'\'') | (Some(b'"'), b'"') => quote = None,
            (Some(b'\''), _) => {}
            (_, b'\\') => i += 1,
            (_, b'`') => return Err(SUBST),
            (_, b'$') if next == Some(b'(') => return Err(SUBST),
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(c),
            (None, b'|' | b'&' | b';' | b'<' | b'>' | b'(' | b')') => return Err(OTHERS),
            (None, _) => {}
        }
        i += 1;
    }
    if let Some(s) = start {
        words.push(s..b.len().min(i));
    }
    let assignment = |w: &[u8]| {
        let name = w.split(|c| *c == b'=').next().unwrap_or_default();
        w.contains(&b'=')
            && !name.is_empty()
            && !name[0].is_ascii_digit()
            && name.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
    };
    words
        .into_iter()
        .find(|w| !assignment(&b[w.clone()]))
        .ok_or("the line names no program")
}

/// The variables a text expands (`$NAME`, `${NAME…}`): those of an
/// `instance` value, or those an argument may come from.
fn variables_in(value: &str) -> Vec<String> {
    let b = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'$' {
            let from = i + 1 + usize::from(b.get(i + 1) == Some(&b'{'));
            let len = b[from..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count();
            if len > 0 {
                let name = value[from..from + len].to_string();
                if !out.contains(&name) {
                    out.push(name);
                }
            }
            i = from + len;
        } else {
            i += 1;
        }
    }
    out
}

fn stanza(kind: StanzaKind) -> Item {
    Item::Stanza(Stanza {
        kind,
        span: Span::default(),
        keyword_span: Span::default(),
        comment: None,
    })
}

fn word(value: &str) -> upstart_tools::ast::Word {
    Spanned::new(value.into(), Span::default())
}

/// One job made ready for both runs.
struct JobCase {
    label: String,
    rec: Recorders,
    conf: PathBuf,
    /// The test job as loaded (spans into `conf`).
    job: LoadedJob,
    losses: Vec<Loss>,
    /// The unit systemd loads (an instance for a template).
    load_name: String,
    units: Vec<(String, String)>,
    /// The processes whose records are compared.
    tested: Vec<ProcessKind>,
    /// `KEY=VALUE` for upstart-run: the instance variables.
    start_env: Vec<String>,
    /// The variables the job sets: `env` keys and instance variables.
    vars: BTreeSet<String>,
}

/// The sources of the upstart → systemd direction: the fixtures, then the
/// corpus when present.
fn upstart_sources() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in ["convert", "parse/ok"] {
        for p in files_in(&fixture(dir), "conf") {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((format!("fixtures/{dir}/{}", name.unwrap_or_default()), p));
        }
    }
    if let Some(dir) = corpus_dir("upstart") {
        for p in files_in(&dir, "conf") {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((format!("corpus/{}", name.unwrap_or_default()), p));
        }
    }
    out
}

/// Build the test job of `src` in `dir` (see the module comment), or say
/// why the job is not run.
// One pass over the job's stanzas, each arm a stanza's stand-in.
#[allow(clippy::too_many_lines)]
fn prepare_job(
    label: &str,
    src: &Path,
    idx: usize,
    work: &Path,
    fig: &mut Figures,
) -> Option<JobCase> {
    if label.ends_with("-in.conf") {
        fig.skip_job("autoconf template (*-in.conf)", label);
        return None;
    }
    let orig = LoadedJob::load(src, job_name(src, None))
        .unwrap_or_else(|e| panic!("cannot read {label}: {e}"))
        .for_dialect(Dialect::Chromeos);
    if orig.conf.parsed.has_errors() {
        fig.skip_job("upstart rejects the job (parse errors)", label);
        return None;
    }
    let r = orig.resolved();
    if r.chroot.is_some() {
        fig.skip_job("chroot", label);
        return None;
    }
    let dir = work.join(format!("j{idx:03}"));
    let rec = Recorders::new(dir.clone());
    let mut items = Vec::new();
    let mut start_env = Vec::new();
    let mut vars = BTreeSet::new();
    if let Some(i) = r.instance {
        items.push(stanza(StanzaKind::Instance { name: i.clone() }));
        for v in variables_in(&i.value) {
            start_env.push(format!("{v}={INSTANCE}"));
            vars.insert(v);
        }
    }
    for v in &r.env {
        items.push(stanza(StanzaKind::Env { var: (*v).clone() }));
        vars.insert(v.key.to_string());
    }
    if !r.export.is_empty() {
        items.push(stanza(StanzaKind::Export {
            names: r.export.iter().map(|w| (*w).clone()).collect(),
        }));
    }
    if let Some(d) = r.chdir {
        let abs = if d.value.starts_with('/') {
            d.value.to_string()
        } else {
            format!("/{}", d.value)
        };
        let value = match stand_in(&abs, &work.join("absent-dirs")) {
            Some(s) => {
                fig.adjust("chdir to a directory absent here: a stand-in of the same path below the test's directory");
                s
            }
            None => d.value.to_string(),
        };
        items.push(stanza(StanzaKind::Chdir { dir: word(&value) }));
    }
    if r.task {
        items.push(stanza(StanzaKind::Task));
    }
    items.push(stanza(StanzaKind::Console {
        mode: Spanned::new(ConsoleMode::None, Span::default()),
    }));
    let mut tested = Vec::new();
    for kind in ProcessKind::ALL {
        let Some(body) = r.processes.get(&kind) else {
            continue;
        };
        let tag = kind.keyword();
        let recorder = rec.create(tag, kind == ProcessKind::Main);
        let command = match body {
            ProcessBody::Script { .. } => {
                fig.skip_proc("script (its body is the textual oracle's: convert_units.rs)");
                recorder
            }
            ProcessBody::Exec {
                written: Some(_), ..
            } => {
                fig.skip_proc("exec line garbled by libnih (UL117)");
                recorder
            }
            ProcessBody::Exec { command, .. } => match program_word(&command.value) {
                Ok(w) => {
                    tested.push(kind);
                    let c = &command.value;
                    format!("{}{recorder}{}", &c[..w.start], &c[w.end..])
                }
                Err(why) => {
                    fig.skip_proc(why);
                    recorder
                }
            },
        };
        items.push(stanza(StanzaKind::Process {
            process: kind,
            body: ProcessBody::Exec {
                command: word(&command),
                written: None,
            },
        }));
    }
    if tested.is_empty() {
        fig.skip_job("no exec line to run", label);
        return None;
    }
    for (what, present) in [
        (
            "start on/stop on dropped",
            r.start_on.is_some() || r.stop_on.is_some(),
        ),
        ("respawn dropped", r.respawn),
        ("expect dropped", r.expect.is_some()),
        (
            "setuid/setgid dropped",
            r.setuid.is_some() || r.setgid.is_some(),
        ),
        (
            "apparmor dropped",
            r.apparmor_load.is_some() || r.apparmor_switch.is_some(),
        ),
        (
            "console became none",
            r.console.is_some_and(|c| c != ConsoleMode::None),
        ),
        (
            "limit/nice/oom/umask dropped",
            !r.limits.is_empty() || r.nice.is_some() || r.oom.is_some() || r.umask.is_some(),
        ),
    ] {
        if present {
            fig.adjust(what);
        }
    }
    let stem = src
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = format!("o{idx:03}-{stem}");
    let text = print(&Job { items }).unwrap_or_else(|e| panic!("{label}: test job: {e}"));
    let conf = dir.join(format!("{name}.conf"));
    std::fs::write(&conf, &text).unwrap_or_else(|e| panic!("write {}: {e}", conf.display()));
    let job = LoadedJob::load(&conf, name.clone())
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", conf.display()));
    assert!(
        !job.conf.parsed.has_errors(),
        "{label}: the test job does not parse: {:?}\n{text}",
        job.conf.parsed.errors
    );
    let conv = to_systemd(&name, &job.resolved());
    let first = &conv.units[0].file_name;
    let load_name = match first.strip_suffix("@.service") {
        Some(t) => format!("{t}@{INSTANCE}.service"),
        None => first.clone(),
    };
    let units = conv
        .units
        .iter()
        .map(|u| (u.file_name.clone(), u.unit.render()))
        .collect();
    Some(JobCase {
        label: label.to_string(),
        rec,
        conf,
        losses: conv.losses,
        job,
        load_name,
        units,
        tested,
        start_env,
        vars,
    })
}

/// The spans in the test job that a loss must touch to report a
/// difference in `field` of process `kind`.
fn job_spans(case: &JobCase, kind: ProcessKind, field: &Field) -> Vec<Span> {
    let mut out = Vec::new();
    for s in case.job.conf.parsed.job.stanzas() {
        let hit = match (&s.kind, field) {
            (StanzaKind::Process { process, .. }, Field::Ran | Field::Args) => *process == kind,
            (StanzaKind::Env { var }, Field::Var(v)) => var.key == *v,
            (StanzaKind::Instance { name }, Field::Var(v)) => variables_in(&name.value).contains(v),
            (StanzaKind::Chdir { .. }, Field::Cwd) => true,
            _ => false,
        };
        if hit {
            out.push(s.span);
        }
    }
    out
}

/// One difference found in a run.
struct Found {
    /// Where: the process (`main`…) or the `Exec*=` key.
    place: String,
    text: String,
    /// The loss that reports it, if any.
    by: Option<String>,
}

/// One job's (unit's) comparison: the processes compared, those neither
/// side ran, the differences; or why it could not be compared.
type Outcome = Result<(usize, Vec<String>, Vec<Found>), String>;

/// Run one job on both sides and compare.
fn run_job(case: &JobCase, dump: &str, home: &str) -> Outcome {
    let section = unit_section(dump, &case.load_name)
        .ok_or_else(|| format!("{} is not in the dump", case.load_name))?;
    let parsed = parse_section_raw(section).map_err(|e| format!("{}: {e}", case.load_name))?;
    if parsed.load_state != "loaded" {
        return Err(format!(
            "systemd did not load {} ({})",
            case.load_name, parsed.load_state
        ));
    }
    // upstart
    case.rec.clear();
    case.rec.hold(true);
    let held = case
        .job
        .resolved()
        .main()
        .map(|_| case.rec.out().join("main.pid"));
    let ran = run_upstart(&case.conf, &case.start_env, &case.rec.dir, held.as_deref());
    case.rec.reap_held();
    case.rec.hold(false);
    let log = ran?;
    let upstart: BTreeMap<ProcessKind, Option<Record>> = case
        .tested
        .iter()
        .map(|k| (*k, case.rec.read(k.keyword())))
        .collect();
    case.rec.clear();
    // systemd
    let env = systemd_env(&parsed.env);
    let cwd = systemd_cwd(&parsed.working_directory, home, false);
    let mut neither = Vec::new();
    let mut diffs = Vec::new();
    for kind in &case.tested {
        let tag = kind.keyword();
        let recorder = case.rec.path(tag).display().to_string();
        let found = parsed
            .exec_raw
            .values()
            .flatten()
            .find(|argv| argv.iter().any(|a| a.contains(&recorder)));
        let systemd = match found {
            Some(argv) => {
                let expanded = replace_env_argv(argv, &env);
                if let Some(program) = expanded.first() {
                    // A failure to start is a difference like any other.
                    let _ = run_direct(program, &expanded, &env, &cwd);
                }
                case.rec.read(tag)
            }
            None => None,
        };
        let u = upstart.get(kind).and_then(Option::as_ref);
        if u.is_none() && systemd.is_none() {
            neither.push(format!("{} {tag}", case.label));
        }
        let found_note = if found.is_none() {
            " (the unit runs no command with the recorder)"
        } else {
            ""
        };
        let line = match case.job.resolved().processes.get(kind) {
            Some(ProcessBody::Exec { command, .. }) => command.value.to_string(),
            _ => String::new(),
        };
        let ds = compare(u, systemd.as_ref(), &case.vars);
        // The reported differences of the job's variables, which also
        // account for the arguments they expand to.
        let mut var_losses: BTreeMap<String, String> = BTreeMap::new();
        for d in &ds {
            if let Field::Var(v) = &d.field
                && let Some(l) = reported(&case.losses, &d.field, &job_spans(case, *kind, &d.field))
            {
                var_losses.insert(v.clone(), format!("{} {}", l.code, l.message));
            }
        }
        for d in ds {
            let spans = job_spans(case, *kind, &d.field);
            let mut by = reported(&case.losses, &d.field, &spans)
                .map(|l| format!("{} {}", l.code, l.message));
            if by.is_none() && d.field == Field::Args {
                by = variables_in(&line)
                    .iter()
                    .find_map(|v| var_losses.get(v).map(|l| format!("follows from ${v}: {l}")));
            }
            let mut text = format!("{} {tag}: {}{found_note}", case.label, d.text);
            if by.is_none() && d.field == Field::Ran && u.is_none() {
                text.push_str(&format!("\n    upstart-run said:\n{log}"));
            }
            diffs.push(Found {
                place: tag.to_string(),
                text,
                by,
            });
        }
        case.rec.clear();
    }
    Ok((case.tested.len(), neither, diffs))
}

#[test]
fn upstart_jobs_run_alike_under_systemd() {
    if cannot_run() {
        return;
    }
    let work = tempfile::Builder::new()
        .prefix("upstart-tools-oracle")
        .tempdir()
        .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
    let mut fig = Figures::default();
    let mut cases = Vec::new();
    for (idx, (label, path)) in upstart_sources().iter().enumerate() {
        fig.sources += 1;
        if let Some(c) = prepare_job(label, path, idx, work.path(), &mut fig) {
            cases.push(c);
        }
    }
    let mut units = BTreeMap::new();
    let mut names = BTreeSet::new();
    for c in &cases {
        units.extend(c.units.iter().cloned());
        names.insert(c.load_name.clone());
    }
    let dump = systemd_load(&units, &names);
    assert!(
        dump.complaints.is_empty(),
        "systemd complained about the converted units:\n{}",
        dump.complaints.join("\n")
    );
    let outcomes = parallel(&cases, |c| run_job(c, &dump.text, &dump.home));
    for (c, o) in cases.iter().zip(outcomes) {
        match o {
            Ok((n, neither, diffs)) => {
                fig.jobs_compared += 1;
                fig.procs_compared += n;
                fig.neither.extend(neither);
                for f in diffs {
                    match f.by {
                        Some(loss) => fig.reported.push(format!("{} [{loss}]", f.text)),
                        None => fig.failing.push(f.text),
                    }
                }
            }
            Err(e) => fig.failing.push(format!("{}: {e}", c.label)),
        }
    }
    fig.print("upstart → systemd", ["jobs", "processes"]);
    assert!(
        fig.failing.is_empty(),
        "{} differences between upstart and systemd that the converter does not report:\n\n{}",
        fig.failing.len(),
        fig.failing.join("\n\n")
    );
    assert!(
        fig.jobs_compared > 0 && fig.procs_compared >= fig.jobs_compared,
        "nothing was compared"
    );
}

#[test]
fn program_word_sees_what_the_shell_would_start() {
    let w = |c: &str| program_word(c).map(|r| c[r].to_string());
    assert_eq!(w("/bin/prog a b"), Ok("/bin/prog".into()));
    assert_eq!(w("  prog\ta"), Ok("prog".into()));
    assert_eq!(w("A=1 B=\"x y\" /bin/prog --o=$X"), Ok("/bin/prog".into()));
    assert_eq!(w("\"$DAEMON\" -f 'a;b' \"c|d\""), Ok("\"$DAEMON\"".into()));
    assert_eq!(w("prog \\; x"), Ok("prog".into()));
    assert!(w("prog a | tee log").is_err());
    assert!(w("prog > /dev/null 2>&1").is_err());
    assert!(w("prog a; other").is_err());
    assert!(w("prog && other").is_err());
    assert!(w("prog $(other)").is_err());
    assert!(w("prog \"`other`\"").is_err());
    assert!(w("prog \"$(other)\"").is_err());
    assert_eq!(w("prog '$(not run)' '`x`'"), Ok("prog".into()));
    assert!(w("A=1").is_err());
    assert_eq!(
        variables_in("${cluster:-ceph}/$id-$X$Y"),
        ["cluster", "id", "X", "Y"]
    );
}

// ---------------------------------------------------------------------------
// systemd → upstart

/// The differences of systemd2upstart (and one of upstart-run) known and
/// not fixed yet, as (unit, `Exec*=` key, reason): they are listed as known instead of failing the
/// test. Set `ORACLE_STRICT=1` to make them fail. An entry that no longer
/// differs fails the test: remove it from the list.
const KNOWN_REVERSE: &[(&str, &str, &str)] = &[];

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

/// The commands that become upstart processes (`ExecReload=` does not).
const EXEC_KEYS: [&str; 6] = [
    "ExecCondition",
    "ExecStartPre",
    "ExecStart",
    "ExecStartPost",
    "ExecStop",
    "ExecStopPost",
];

/// The commands of an `Exec*=` value as written: each a list of the byte
/// ranges of its words, split as systemd splits them (blanks outside
/// quotes, `\` taking the next character, a stand-alone `;` between
/// commands; see `parse_exec`).
fn raw_commands(value: &str) -> Vec<Vec<Range<usize>>> {
    let b = value.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
    let mut out = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b';' && b.get(i + 1).is_none_or(|c| ws(*c)) {
            i += 1;
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let start = i;
        let mut quote: Option<u8> = None;
        while i < b.len() {
            let c = b[i];
            match quote {
                None if ws(c) => break,
                _ if c == b'\\' => i += 1,
                None if c == b'"' || c == b'\'' => quote = Some(c),
                Some(q) if c == q => quote = None,
                _ => {}
            }
            i += 1;
        }
        current.push(start..i.min(b.len()));
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// One command of a unit made ready for both runs.
struct CmdCase {
    key: &'static str,
    /// Its place among the commands of `key`.
    idx: usize,
    tag: String,
    /// The `@` prefix: the dump's argv[0] is the name, not the program.
    argv0: bool,
    /// The `:` prefix: no `$` expansion.
    no_env: bool,
    /// Its entry's value in the copy.
    span: Span,
    /// The entry's text, for the variables it expands.
    value: String,
}

/// One unit made ready for both runs.
struct UnitCase {
    label: String,
    rec: Recorders,
    /// The copy's unit name and text.
    name: String,
    text: String,
    /// The unit systemd loads (an instance for a template).
    load_name: String,
    cmds: Vec<CmdCase>,
    /// The tag of the command that holds (the last of `ExecStart=`).
    held: Option<String>,
    /// `WorkingDirectory=~`.
    tilde: bool,
    /// The copy as parsed, for the spans of its entries.
    unit: UnitFile,
}

/// The sources of the systemd → upstart direction: the unit fixture, the
/// services upstart2systemd makes of `fixtures/convert` (written to
/// `work`; the round-trip tests feed them to systemd2upstart too), then the
/// corpus when present.
fn systemd_sources(work: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = files_in(&fixture("systemd"), "service")
        .into_iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (format!("fixtures/systemd/{}", name.unwrap_or_default()), p)
        })
        .collect();
    let generated = work.join("generated");
    std::fs::create_dir_all(&generated)
        .unwrap_or_else(|e| panic!("mkdir {}: {e}", generated.display()));
    for p in files_in(&fixture("convert"), "conf") {
        let job = LoadedJob::load(&p, job_name(&p, None))
            .unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
        let conv = to_systemd(&job.name, &job.resolved());
        let unit = &conv.units[0];
        if !unit.file_name.ends_with(".service") {
            continue;
        }
        let path = generated.join(&unit.file_name);
        std::fs::write(&path, unit.unit.render())
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        out.push((
            format!("fixtures/convert/{}.conf → {}", job.name, unit.file_name),
            path,
        ));
    }
    if let Some(dir) = corpus_dir("systemd") {
        for p in files_in(&dir, "service") {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((format!("corpus/{}", name.unwrap_or_default()), p));
        }
    }
    out
}

/// Build the copy of `src` in `dir`, or say why the unit is not run: the
/// unit's commands with recorders for programs, its `Environment=`,
/// `PassEnvironment=`, `WorkingDirectory=` (a stand-in when absent here),
/// `Type=oneshot` and `RemainAfterExit=`; nothing else.
// One pass over the unit's directives, each arm a directive's stand-in.
#[allow(clippy::too_many_lines)]
fn prepare_unit(
    label: &str,
    src: &Path,
    idx: usize,
    work: &Path,
    fig: &mut Figures,
) -> Option<UnitCase> {
    let bytes = std::fs::read(src).unwrap_or_else(|e| panic!("read {label}: {e}"));
    let file_name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (orig, _) = parse_unit(&file_name, &bytes);
    let svc = |key: &str| orig.last("Service", key);
    if svc("RootDirectory").is_some() {
        fig.skip_job("RootDirectory= (chroot)", label);
        return None;
    }
    let name = format!("u{idx:03}-{file_name}");
    let dir = work.join(format!("u{idx:03}"));
    let oneshot = svc("Type").is_some_and(|e| e.value == "oneshot");
    let remain = svc("RemainAfterExit")
        .is_some_and(|e| matches!(e.value.as_str(), "yes" | "true" | "1" | "on"));
    let has_main = !(oneshot && remain);
    let mut text = String::from("[Service]\n");
    if oneshot {
        text.push_str("Type=oneshot\n");
    } else if let Some(t) = svc("Type").filter(|t| t.value != "simple") {
        fig.adjust(&format!("Type={} became simple", t.value));
    }
    if let Some(e) = svc("RemainAfterExit") {
        text.push_str(&format!("RemainAfterExit={}\n", e.value));
    }
    for key in ["Environment", "PassEnvironment"] {
        for e in orig.values("Service", key) {
            text.push_str(&format!("{key}={}\n", e.value));
        }
    }
    let mut tilde = false;
    if let Some(e) = svc("WorkingDirectory") {
        let (dash, path) = match e.value.strip_prefix('-') {
            Some(p) => ("-", p),
            None => ("", e.value.as_str()),
        };
        tilde = path == "~";
        let value = if path.contains('%') {
            path.to_string()
        } else if let Some(s) = stand_in(path, &work.join("absent-dirs")) {
            fig.adjust("WorkingDirectory= absent here: a stand-in of the same path below the test's directory");
            s
        } else {
            path.to_string()
        };
        text.push_str(&format!("WorkingDirectory={dash}{value}\n"));
    }
    for (key, what) in [
        ("User", "User=/Group= dropped"),
        ("Group", "User=/Group= dropped"),
        ("EnvironmentFile", "EnvironmentFile= dropped"),
    ] {
        if svc(key).is_some() {
            fig.adjust(what);
        }
    }
    for _ in orig
        .values("Service", "ExecReload")
        .iter()
        .flat_map(|e| raw_commands(&e.value))
    {
        fig.skip_proc("ExecReload= (no upstart process: `reload signal` at best)");
    }
    let rec = Recorders::new(dir);
    let mut cmds = Vec::new();
    // systemd ignores a line with an `@` command that has no argv[0] word
    // (autoconf templates: `-@SBINDIR@/x` reads as the prefixes `-@`).
    let ignored = |v: &str| {
        raw_commands(v).iter().any(|words| {
            let w = &v[words[0].clone()];
            let prefix: String = w.chars().take_while(|c| "-@:+!".contains(*c)).collect();
            prefix.contains('@') && words.len() < 2
        })
    };
    let kept = |key: &str| -> Vec<&Entry> {
        orig.values("Service", key)
            .into_iter()
            .filter(|e| !ignored(&e.value))
            .collect()
    };
    // The last command of ExecStart= holds: the main process runs them
    // one after the other.
    let starts: usize = kept("ExecStart")
        .iter()
        .map(|e| raw_commands(&e.value).len())
        .sum();
    let held = (has_main && starts > 0).then(|| format!("ExecStart-{}", starts - 1));
    for key in EXEC_KEYS {
        for e in orig.values("Service", key) {
            if ignored(&e.value) {
                fig.skip_proc("`@` without an argv[0] word: systemd ignores the line");
            }
        }
    }
    for key in EXEC_KEYS {
        let mut n = 0;
        for e in kept(key) {
            let v = &e.value;
            let mut value = String::new();
            let mut from = 0;
            for words in raw_commands(v) {
                let first = words[0].clone();
                let prefix = v[first.clone()]
                    .bytes()
                    .take_while(|c| b"-@:+!".contains(c))
                    .count();
                let prefixes = &v[first.start..first.start + prefix];
                let tag = format!("{key}-{n}");
                let recorder = rec.create(&tag, held.as_ref() == Some(&tag));
                value.push_str(&v[from..first.start + prefix]);
                value.push_str(&recorder);
                from = first.end;
                cmds.push(CmdCase {
                    key,
                    idx: n,
                    tag,
                    argv0: prefixes.contains('@'),
                    no_env: prefixes.contains(':'),
                    span: Span::default(),
                    value: v.clone(),
                });
                n += 1;
            }
            value.push_str(&v[from..]);
            text.push_str(&format!("{key}={value}\n"));
        }
    }
    if cmds.is_empty() {
        fig.skip_job("no command to run", label);
        return None;
    }
    // The spans of the entries in the copy (the losses point there).
    let (unit, _) = parse_unit(&name, text.as_bytes());
    for c in &mut cmds {
        let entries = unit.values("Service", c.key);
        let mut n = 0;
        for e in entries {
            let k = raw_commands(&e.value).len();
            if c.idx < n + k {
                c.span = e.value_span;
                break;
            }
            n += k;
        }
    }
    let load_name = match name.strip_suffix("@.service") {
        Some(t) => format!("{t}@{INSTANCE}.service"),
        None => name.clone(),
    };
    Some(UnitCase {
        label: label.to_string(),
        rec,
        name,
        text,
        load_name,
        cmds,
        held,
        tilde,
        unit,
    })
}

/// The spans in the copy that a loss must touch to report a difference in
/// `field` of command `cmd`.
fn unit_spans(case: &UnitCase, cmd: &CmdCase, field: &Field) -> Vec<Span> {
    let entries = |key: &str| -> Vec<&Entry> { case.unit.values("Service", key) };
    match field {
        Field::Ran | Field::Args => vec![cmd.span],
        Field::Var(v) => entries("Environment")
            .into_iter()
            .chain(entries("PassEnvironment"))
            .filter(|e| e.value.contains(v.as_str()))
            .map(|e| e.value_span)
            .collect(),
        Field::Cwd => entries("WorkingDirectory")
            .into_iter()
            .map(|e| e.value_span)
            .collect(),
    }
}

/// Convert one unit, run it on both sides and compare.
fn run_unit(case: &UnitCase, dump: &str, home: &str) -> Outcome {
    let section = unit_section(dump, &case.load_name)
        .ok_or_else(|| format!("{} is not in the dump", case.load_name))?;
    let parsed = parse_section_raw(section).map_err(|e| format!("{}: {e}", case.load_name))?;
    if parsed.load_state != "loaded" {
        return Err(format!(
            "systemd did not load the copy ({})",
            parsed.load_state
        ));
    }
    // upstart: the converted job.
    let conv = std::panic::catch_unwind(|| from_systemd(&case.unit))
        .map_err(|_| "from_systemd panicked".to_string())?;
    let job_text =
        print(&conv.job).map_err(|e| format!("the converted job does not print: {e}"))?;
    let conf = case.rec.dir.join("job.conf");
    std::fs::write(&conf, &job_text).unwrap_or_else(|e| panic!("write {}: {e}", conf.display()));
    let job = LoadedJob::load(&conf, "job".into())
        .unwrap_or_else(|e| panic!("read {}: {e}", conf.display()));
    if job.conf.parsed.has_errors() {
        return Err(format!(
            "the converted job does not parse: {:?}\n{job_text}",
            job.conf.parsed.errors
        ));
    }
    let start_env: Vec<String> = job
        .resolved()
        .instance
        .map(|i| {
            variables_in(&i.value)
                .into_iter()
                .map(|v| format!("{v}={INSTANCE}"))
                .collect()
        })
        .unwrap_or_default();
    case.rec.clear();
    case.rec.hold(true);
    let held = case
        .held
        .as_ref()
        .map(|t| case.rec.out().join(format!("{t}.pid")));
    let ran = run_upstart(&conf, &start_env, &case.rec.dir, held.as_deref());
    case.rec.reap_held();
    case.rec.hold(false);
    let log = ran?;
    let upstart: BTreeMap<&str, Option<Record>> = case
        .cmds
        .iter()
        .map(|c| (c.tag.as_str(), case.rec.read(&c.tag)))
        .collect();
    case.rec.clear();
    // systemd: each command as it parsed it.
    let env = systemd_env(&parsed.env);
    let vars: BTreeSet<String> = parsed
        .env
        .iter()
        .filter_map(|kv| kv.split_once('=').map(|(k, _)| k.to_string()))
        .collect();
    let cwd = systemd_cwd(&parsed.working_directory, home, case.tilde);
    let mut neither = Vec::new();
    let mut diffs = Vec::new();
    for cmd in &case.cmds {
        let recorder = case.rec.path(&cmd.tag).display().to_string();
        let argv = parsed
            .exec_raw
            .get(cmd.key)
            .and_then(|l| l.get(cmd.idx))
            .ok_or_else(|| format!("{} has no {}[{}]", case.load_name, cmd.key, cmd.idx))?;
        if !cmd.argv0 && argv.first() != Some(&recorder) {
            return Err(format!(
                "{}[{}] of the dump is {argv:?}, not the recorder",
                cmd.key, cmd.idx
            ));
        }
        let expanded = if cmd.no_env {
            argv.clone()
        } else {
            replace_env_argv(argv, &env)
        };
        let _ = run_direct(&recorder, &expanded, &env, &cwd);
        let systemd = case.rec.read(&cmd.tag);
        let u = upstart.get(cmd.tag.as_str()).and_then(Option::as_ref);
        let what = format!("{} {}={}", case.label, cmd.key, cmd.value);
        if u.is_none() && systemd.is_none() {
            neither.push(what.clone());
        }
        let ds = compare(u, systemd.as_ref(), &vars);
        let mut var_losses: BTreeMap<String, String> = BTreeMap::new();
        for d in &ds {
            if let Field::Var(v) = &d.field
                && let Some(l) = reported(&conv.losses, &d.field, &unit_spans(case, cmd, &d.field))
            {
                var_losses.insert(v.clone(), format!("{} {}", l.code, l.message));
            }
        }
        for d in ds {
            let spans = unit_spans(case, cmd, &d.field);
            let mut by = reported(&conv.losses, &d.field, &spans)
                .map(|l| format!("{} {}", l.code, l.message));
            if by.is_none() && d.field == Field::Args {
                by = variables_in(&cmd.value)
                    .iter()
                    .find_map(|v| var_losses.get(v).map(|l| format!("follows from ${v}: {l}")));
            }
            let mut text = format!("{what}\n    {}", d.text);
            if by.is_none() {
                text.push_str(&format!(
                    "\n    the job:\n{}",
                    job_text
                        .lines()
                        .map(|l| format!("      {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                ));
                if d.field == Field::Ran && u.is_none() {
                    text.push_str(&format!("\n    upstart-run said:\n{log}"));
                }
            }
            diffs.push(Found {
                place: cmd.key.to_string(),
                text,
                by,
            });
        }
        case.rec.clear();
    }
    Ok((case.cmds.len(), neither, diffs))
}

#[test]
fn systemd_units_run_alike_under_upstart() {
    if cannot_run() {
        return;
    }
    let strict = std::env::var(STRICT_ENV).is_ok_and(|v| v == "1");
    let work = tempfile::Builder::new()
        .prefix("upstart-tools-oracle")
        .tempdir()
        .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
    let mut fig = Figures::default();
    let mut cases = Vec::new();
    for (idx, (label, path)) in systemd_sources(work.path()).iter().enumerate() {
        fig.sources += 1;
        if let Some(c) = prepare_unit(label, path, idx, work.path(), &mut fig) {
            cases.push(c);
        }
    }
    let mut units = BTreeMap::new();
    let mut names = BTreeSet::new();
    for c in &cases {
        units.insert(c.name.clone(), c.text.clone());
        names.insert(c.load_name.clone());
    }
    let dump = systemd_load(&units, &names);
    // Units systemd refuses (or warns about) are not the converter's
    // business: they are not run.
    let mut runnable = Vec::new();
    for c in cases {
        let refused: Vec<&String> = dump
            .complaints
            .iter()
            .filter(|l| l.contains(&format!("/{}:", c.name)))
            .collect();
        let loaded = unit_section(&dump.text, &c.load_name)
            .is_some_and(|s| s.contains("\t\tUnit Load State: loaded\n"));
        if !loaded {
            fig.skip_job("systemd refuses the unit", &c.label);
        } else if let Some(first) = refused.first() {
            // `DIR/NAME:LINE: message`: the message only.
            let why = first
                .split_once(&format!("/{}:", c.name))
                .and_then(|(_, r)| r.split_once(": "))
                .map_or(first.as_str(), |(_, m)| m);
            fig.skip_job(&format!("systemd warns about the unit: {why}"), &c.label);
        } else {
            runnable.push(c);
        }
    }
    let outcomes = parallel(&runnable, |c| run_unit(c, &dump.text, &dump.home));
    // (unit, key) of the known differences that showed.
    let mut known_hit: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (c, o) in runnable.iter().zip(outcomes) {
        match o {
            Ok((n, neither, diffs)) => {
                fig.jobs_compared += 1;
                fig.procs_compared += n;
                fig.neither.extend(neither);
                for f in diffs {
                    let known = KNOWN_REVERSE
                        .iter()
                        .find(|(l, k, _)| *l == c.label && *k == f.place);
                    match (f.by, known) {
                        (Some(loss), _) => fig.reported.push(format!("{} [{loss}]", f.text)),
                        (None, Some((l, k, why))) if !strict => {
                            known_hit.insert((l, k));
                            fig.known
                                .entry(why)
                                .or_default()
                                .push(first_line(&f.text).to_string());
                        }
                        (None, _) => fig.failing.push(f.text),
                    }
                }
            }
            Err(e) => fig.failing.push(format!("{}: {e}", c.label)),
        }
    }
    if !strict {
        for (l, k, _) in KNOWN_REVERSE {
            if runnable.iter().any(|c| c.label == *l) && !known_hit.contains(&(*l, *k)) {
                fig.failing.push(format!(
                    "{l} {k}= no longer differs: remove it from KNOWN_REVERSE"
                ));
            }
        }
    }
    fig.print("systemd → upstart", ["units", "commands"]);
    assert!(
        fig.failing.is_empty(),
        "{} differences between systemd and upstart that the converter does not report:\n\n{}",
        fig.failing.len(),
        fig.failing.join("\n\n")
    );
    assert!(fig.jobs_compared > 0, "nothing was compared");
}

#[test]
fn raw_commands_split_as_systemd_does() {
    let v = r#"-@/bin/a "x y" 'z;' \; ; /bin/b c\ d;e ;"#;
    let cmds: Vec<Vec<&str>> = raw_commands(v)
        .into_iter()
        .map(|ws| ws.into_iter().map(|r| &v[r]).collect())
        .collect();
    assert_eq!(
        cmds,
        [
            vec!["-@/bin/a", "\"x y\"", "'z;'", "\\;"],
            vec!["/bin/b", "c\\ d;e"]
        ]
    );
}

/// Both sides of the oracle on hand-written input, independently of the
/// converters: upstart-run gives a shell line's program what `sh` makes of
/// it, in the job's directory; systemd's side drops an unset whole-word
/// `$A`, passes `${B}` as one (empty) argument, splits `$C` honouring its
/// quotes, turns `$$` into `$` and `%%` into `%`, and runs in `/`.
#[test]
fn oracle_sides_record_what_each_system_gives() {
    if cannot_run() {
        return;
    }
    let work = tempfile::Builder::new()
        .prefix("upstart-tools-oracle")
        .tempdir()
        .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
    let rec = Recorders::new(work.path().join("r"));
    let prog = rec.create("main", true);
    let conf = work.path().join("j.conf");
    std::fs::write(
        &conf,
        format!("env X=\"a  b\"\nchdir /tmp\nconsole none\nexec {prog} --o=$X \"q r\" $X\n"),
    )
    .unwrap_or_else(|e| panic!("write {}: {e}", conf.display()));
    rec.hold(true);
    let ran = run_upstart(&conf, &[], &rec.dir, Some(&rec.out().join("main.pid")));
    rec.reap_held();
    rec.hold(false);
    ran.unwrap_or_else(|e| panic!("{e}"));
    let u = rec
        .read("main")
        .unwrap_or_else(|| panic!("upstart-run did not run it"));
    assert_eq!(u.args, ["--o=a", "b", "q r", "a", "b"]);
    assert_eq!(u.env.get("X").map(String::as_str), Some("a  b"));
    assert_eq!(u.env.get("PATH").map(String::as_str), Some(UPSTART_PATH));
    assert_eq!(u.cwd, "/tmp");
    rec.clear();

    let unit = format!(
        "[Service]\nEnvironment=B= \"C=x 'y z'\"\nExecStart={prog} $A ${{B}} $C $$C 100%%\n"
    );
    let units = BTreeMap::from([("t.service".to_string(), unit)]);
    let dump = systemd_load(&units, &BTreeSet::from(["t.service".to_string()]));
    assert!(dump.complaints.is_empty(), "{:?}", dump.complaints);
    let section = unit_section(&dump.text, "t.service")
        .unwrap_or_else(|| panic!("t.service is not in the dump"));
    let parsed = parse_section_raw(section).unwrap_or_else(|e| panic!("{e}"));
    let env = systemd_env(&parsed.env);
    let argv = replace_env_argv(&parsed.exec_raw["ExecStart"][0], &env);
    let cwd = systemd_cwd(&parsed.working_directory, &dump.home, false);
    run_direct(&argv[0], &argv, &env, &cwd).unwrap_or_else(|e| panic!("{e}"));
    let s = rec
        .read("main")
        .unwrap_or_else(|| panic!("the command did not run"));
    assert_eq!(s.args, ["", "x", "y z", "$C", "100%"]);
    assert_eq!(s.env.get("C").map(String::as_str), Some("x 'y z'"));
    assert_eq!(s.env.get("PATH").map(String::as_str), Some(SYSTEMD_PATH));
    assert_eq!(s.cwd, "/");
}
