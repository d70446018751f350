//! `upstart-tools install-compat DIR`: the initctl names (`initctl`,
//! `start`, `stop`, `restart`, `reload`, `status`) as symlinks to this
//! executable, which behaves as `upstart-tools ctl` under those names.

use super::{Status, eprint, write_stdout};
use std::path::{Path, PathBuf};

/// The names the binary answers to as initctl.
pub(super) const NAMES: &[&str] = &["initctl", "start", "stop", "restart", "reload", "status"];

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Replace a file of one of those names that is not already our symlink.
    #[arg(long)]
    force: bool,
    /// The directory to create the names in (it must exist).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

/// What is at `link` now.
enum Found {
    Nothing,
    /// Our symlink already.
    Ours,
    /// Something else (with what it is).
    Other(String),
}

fn found(link: &Path, exe: &Path) -> std::io::Result<Found> {
    let meta = match std::fs::symlink_metadata(link) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(e),
    };
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(link)?;
        let same = target == exe
            || std::fs::canonicalize(link)
                .is_ok_and(|t| Some(t) == std::fs::canonicalize(exe).ok());
        return Ok(if same {
            Found::Ours
        } else {
            Found::Other(format!("a symlink to {}", target.display()))
        });
    }
    Ok(Found::Other(if meta.is_dir() {
        "a directory".to_string()
    } else {
        "a file".to_string()
    }))
}

/// Make `link` a symlink to `exe`, replacing what is there atomically
/// (a temporary link renamed over it).
fn link_over(exe: &Path, link: &Path, dir: &Path, name: &str) -> std::io::Result<()> {
    let tmp = dir.join(format!(".{name}.install-compat.{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(exe, &tmp)?;
    std::fs::rename(&tmp, link).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

pub(super) fn run(args: &Args) -> Status {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprint(&format!(
                "upstart-tools: cannot find this executable: {e}\n"
            ));
            return Status::Error;
        }
    };
    if !args.dir.is_dir() {
        eprint(&format!(
            "upstart-tools: {} is not a directory\n",
            args.dir.display()
        ));
        return Status::Error;
    }
    // Check every name first: nothing is changed when one is refused.
    let mut plan = Vec::new();
    let mut refused = false;
    for name in NAMES {
        let link = args.dir.join(name);
        match found(&link, &exe) {
            Ok(Found::Other(what)) if what == "a directory" || !args.force => {
                eprint(&format!(
                    "upstart-tools: {} is {what}, not a link to {}: not replacing it{}\n",
                    link.display(),
                    exe.display(),
                    if what == "a directory" {
                        ""
                    } else {
                        " (--force replaces it)"
                    }
                ));
                refused = true;
            }
            Ok(f) => plan.push((name, link, f)),
            Err(e) => {
                eprint(&format!("upstart-tools: {}: {e}\n", link.display()));
                refused = true;
            }
        }
    }
    if refused {
        return Status::Error;
    }
    let mut out = String::new();
    let mut status = Status::Clean;
    for (name, link, f) in plan {
        let done = match f {
            Found::Ours => Ok("already there"),
            Found::Nothing => std::os::unix::fs::symlink(&exe, &link).map(|()| "created"),
            Found::Other(_) => link_over(&exe, &link, &args.dir, name).map(|()| "replaced"),
        };
        match done {
            Ok(what) => out.push_str(&format!(
                "{} -> {} ({what})\n",
                link.display(),
                exe.display()
            )),
            Err(e) => {
                eprint(&format!("upstart-tools: {}: {e}\n", link.display()));
                status = Status::Error;
            }
        }
    }
    let _ = write_stdout(&out);
    status
}
