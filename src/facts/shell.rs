//! How upstart hands a process to the shell (init/job_process.c).

/// Bytes that make upstart run an `exec` command through `/bin/sh -e -c
/// "exec COMMAND"` instead of splitting it at blanks and exec'ing it
/// (`SHELL_CHARS` in job_process.c).
pub const SHELL_CHARS: &[u8] = b"~`!$^&*()=|\\{}[];\"'<>?";

/// Whether upstart runs this `exec` command through the shell.
#[must_use]
pub fn runs_through_shell(command: &str) -> bool {
    command.bytes().any(|b| SHELL_CHARS.contains(&b))
}

/// The shell upstart runs scripts and shell commands with.
pub const SHELL: &str = "/bin/sh";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_characters_are_upstarts() {
        assert!(!runs_through_shell("/sbin/getty -8 38400 tty1"));
        assert!(runs_through_shell("/usr/sbin/d --pidfile=/run/d.pid"));
        assert!(runs_through_shell("/bin/echo \"a  b\""));
        assert!(runs_through_shell("/bin/x $HOME"));
    }
}
