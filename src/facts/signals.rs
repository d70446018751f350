//! Signal names as libnih reads and upstart prints them.

/// Signal names of libnih's table on Linux (x86-64 numbering). `EMT` and
/// `LOST` are absent on Linux; `UNUSED` is the glibc alias of 31 that the
/// Ubuntu builds of upstart had.
pub const SIGNALS: &[(&str, i64)] = &[
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("ILL", 4),
    ("TRAP", 5),
    ("ABRT", 6),
    ("IOT", 6),
    ("BUS", 7),
    ("FPE", 8),
    ("KILL", 9),
    ("USR1", 10),
    ("SEGV", 11),
    ("USR2", 12),
    ("PIPE", 13),
    ("ALRM", 14),
    ("TERM", 15),
    ("STKFLT", 16),
    ("CHLD", 17),
    ("CLD", 17),
    ("CONT", 18),
    ("STOP", 19),
    ("TSTP", 20),
    ("TTIN", 21),
    ("TTOU", 22),
    ("URG", 23),
    ("XCPU", 24),
    ("XFSZ", 25),
    ("VTALRM", 26),
    ("PROF", 27),
    ("WINCH", 28),
    ("IO", 29),
    ("POLL", 29),
    ("PWR", 30),
    ("SYS", 31),
    ("UNUSED", 31),
];

/// `nih_signal_from_name`: upper-case name with an optional `SIG` prefix.
#[must_use]
pub fn signal_from_name(name: &str) -> Option<i64> {
    let bare = name.strip_prefix("SIG").unwrap_or(name);
    SIGNALS
        .iter()
        .find(|(n, _)| *n == bare)
        .map(|(_, num)| *num)
}

/// The name upstart prints for a signal number (without `SIG`).
#[must_use]
pub fn signal_name(number: i64) -> Option<&'static str> {
    SIGNALS
        .iter()
        .find(|(_, n)| *n == number)
        .map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_names() {
        assert_eq!(signal_from_name("TERM"), Some(15));
        assert_eq!(signal_from_name("SIGTERM"), Some(15));
        assert_eq!(signal_from_name("sigterm"), None);
        assert_eq!(signal_from_name("SIG"), None);
        assert_eq!(signal_name(17), Some("CHLD"));
    }
}
