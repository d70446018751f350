//! Control of a running job set: the request/reply protocol, the server
//! socket `upstart-run` listens on, and the `ctl` client.
//!
//! Both sides find the socket with [`resolve_path`]: an explicit
//! `--control PATH` first, then [`default_path`].
//!
//! **The caller's own job.** `start`, `stop`, `restart` and `reload`
//! without a job name act on the job process that runs them, as initctl
//! does with `UPSTART_JOB` and `UPSTART_INSTANCE`. initctl then sends no
//! `KEY=VALUE` at all (the first word would be the job name), so the
//! request's `env` is free: the client sends `job: None` with
//! `env: ["UPSTART_JOB=<job>", "UPSTART_INSTANCE=<instance>"]`
//! ([`caller_env`]), and the server reads them back with [`caller_of`].
//! The instance is a name (empty for a singleton), not `KEY=VALUE`s to
//! expand.

pub mod client;
pub mod protocol;
pub mod server;

use std::path::{Path, PathBuf};

/// The environment variable naming the control socket.
pub const PATH_VAR: &str = "UPSTART_TOOLS_CONTROL";

/// The control socket when no `--control PATH` is given:
/// `$UPSTART_TOOLS_CONTROL`, else `$XDG_RUNTIME_DIR/upstart-tools/control`,
/// else `/run/upstart-tools/control` for root, else
/// `/tmp/upstart-tools-$UID/control`. Empty variables count as unset; a
/// relative `XDG_RUNTIME_DIR` is ignored (the XDG rule).
#[must_use]
pub fn default_path() -> PathBuf {
    path_from(
        std::env::var_os(PATH_VAR).map(PathBuf::from),
        std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from),
        nix::unistd::getuid().as_raw(),
    )
}

/// `explicit` (`--control PATH`) if given, else [`default_path`].
#[must_use]
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    explicit.map_or_else(default_path, Path::to_path_buf)
}

/// [`default_path`] from its inputs.
fn path_from(control: Option<PathBuf>, runtime_dir: Option<PathBuf>, uid: u32) -> PathBuf {
    if let Some(p) = control.filter(|p| !p.as_os_str().is_empty()) {
        return p;
    }
    if let Some(dir) = runtime_dir.filter(|d| d.is_absolute()) {
        return dir.join("upstart-tools").join("control");
    }
    if uid == 0 {
        PathBuf::from("/run/upstart-tools/control")
    } else {
        PathBuf::from(format!("/tmp/upstart-tools-{uid}/control"))
    }
}

/// The `env` of a request without a job name: the caller's own job
/// (`UPSTART_JOB`) and instance name (`UPSTART_INSTANCE`, empty for a
/// singleton). See the module documentation.
#[must_use]
pub fn caller_env(job: &str, instance: &str) -> Vec<String> {
    vec![
        format!("UPSTART_JOB={job}"),
        format!("UPSTART_INSTANCE={instance}"),
    ]
}

/// The caller's `(job, instance)` from the `env` of a request sent with
/// `job: None` ([`caller_env`]); `None` when they are not both there.
#[must_use]
pub fn caller_of(env: &[String]) -> Option<(String, String)> {
    let get = |key: &str| {
        env.iter()
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            .map(str::to_string)
    };
    Some((get("UPSTART_JOB")?, get("UPSTART_INSTANCE")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_rules_in_order() {
        let p = |c: Option<&str>, x: Option<&str>, uid| {
            path_from(c.map(PathBuf::from), x.map(PathBuf::from), uid)
        };
        assert_eq!(p(Some("/a/s"), Some("/x"), 0), PathBuf::from("/a/s"));
        assert_eq!(
            p(Some(""), Some("/run/user/5"), 5),
            PathBuf::from("/run/user/5/upstart-tools/control")
        );
        assert_eq!(
            p(None, Some("rel"), 0),
            PathBuf::from("/run/upstart-tools/control")
        );
        assert_eq!(
            p(None, Some(""), 1000),
            PathBuf::from("/tmp/upstart-tools-1000/control")
        );
    }

    #[test]
    fn caller_round_trips() {
        let env = caller_env("web", "");
        assert_eq!(caller_of(&env), Some(("web".into(), String::new())));
        assert_eq!(caller_of(&["UPSTART_JOB=x".into()]), None);
        assert_eq!(
            caller_of(&caller_env("w", "a=b")),
            Some(("w".into(), "a=b".into()))
        );
    }
}
