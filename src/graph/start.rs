//! The moment a job starts, read from its `start on`: the grouping of
//! `upstart-tools graph --group-by start`.
//!
//! Each event is a moment of the boot (see `docs/language.md` for the
//! standard events); an expression takes, for `and`, the later of its two
//! sides (the job waits for both) and, for `or`, the earlier (either is
//! enough). A job event (`started dbus`) is "after another job", a custom
//! event (`initctl emit`) "on a custom event"; a job without `start on`
//! is started by hand.

use crate::ast::{EventExpr, EventMatch, Operator};
use crate::facts::events;

/// The moment a job starts, in boot order: the order decides `and`/`or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StartClass {
    /// `startup`: the first event of init.
    Startup,
    /// The filesystem events of mountall (`virtual-filesystems`,
    /// `local-filesystems`, `filesystem`, `mounted`, ...).
    Filesystems,
    /// udev's device events (`block-device-added`, ...).
    Devices,
    /// The network (`net-device-up`, `static-network-up`, ...).
    Network,
    /// `runlevel` (and `stopped rc`, the end of the runlevel's scripts).
    Runlevel,
    /// The other standard events: control-alt-delete, the bridges'
    /// `socket`/`file`/`dbus`, sessions, ...
    System,
    /// After another job (`started`, `stopping JOB`, ...).
    Jobs,
    /// A custom event (`initctl emit NAME`).
    Custom,
    /// No `start on`: started by hand.
    Manual,
}

impl StartClass {
    /// Every class, in order.
    pub const ALL: [Self; 9] = [
        Self::Startup,
        Self::Filesystems,
        Self::Devices,
        Self::Network,
        Self::Runlevel,
        Self::System,
        Self::Jobs,
        Self::Custom,
        Self::Manual,
    ];

    /// The class of a `start on` expression (None: no `start on`).
    #[must_use]
    pub fn of(expr: Option<&EventExpr>) -> Self {
        expr.map_or(Self::Manual, Self::of_expr)
    }

    fn of_expr(e: &EventExpr) -> Self {
        match e {
            EventExpr::Match { event, .. } => Self::of_match(event),
            EventExpr::Op { op, lhs, rhs, .. } => {
                let (l, r) = (Self::of_expr(lhs), Self::of_expr(rhs));
                if *op == Operator::And {
                    l.max(r)
                } else {
                    l.min(r)
                }
            }
        }
    }

    /// The class of one event match.
    #[must_use]
    pub fn of_match(m: &EventMatch) -> Self {
        if let Some(job) = m.named_job() {
            // rc runs the runlevel's SysV scripts: `stopped rc` is a
            // runlevel's end.
            return if job.name == "rc" {
                Self::Runlevel
            } else {
                Self::Jobs
            };
        }
        Self::of_event(&m.name)
    }

    /// The class of an event by its name.
    #[must_use]
    pub fn of_event(name: &str) -> Self {
        match name {
            "startup" => Self::Startup,
            "virtual-filesystems"
            | "local-filesystems"
            | "remote-filesystems"
            | "filesystem"
            | "all-swaps"
            | "mounting"
            | "mounted" => Self::Filesystems,
            "net-device-up" | "net-device-down" | "static-network-up" => Self::Network,
            "runlevel" => Self::Runlevel,
            n if n.contains("-device-") && events::is_standard_event(n) => Self::Devices,
            n if events::JOB_EVENTS.contains(&n) => Self::Jobs,
            n if events::is_standard_event(n) || n.starts_with(":sys:") => Self::System,
            _ => Self::Custom,
        }
    }

    /// A stable identifier (DOT cluster names).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Startup => "startup",
            Self::Filesystems => "filesystems",
            Self::Devices => "devices",
            Self::Network => "network",
            Self::Runlevel => "runlevel",
            Self::System => "system",
            Self::Jobs => "jobs",
            Self::Custom => "custom",
            Self::Manual => "manual",
        }
    }

    /// What the cluster says.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Startup => "start on startup",
            Self::Filesystems => "start on filesystems",
            Self::Devices => "start on devices (udev)",
            Self::Network => "start on the network",
            Self::Runlevel => "start on a runlevel",
            Self::System => "start on other system events",
            Self::Jobs => "start after other jobs",
            Self::Custom => "start on custom events",
            Self::Manual => "started by hand (no start on)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_str;

    fn class(text: &str) -> StartClass {
        let p = parse_str(text);
        let r = crate::ast::resolve(&[&p.job]);
        StartClass::of(r.start_on.map(|on| &on.expr))
    }

    #[test]
    fn and_takes_the_later_moment_and_or_the_earlier() {
        assert_eq!(class("start on startup\n"), StartClass::Startup);
        assert_eq!(
            class("start on local-filesystems and net-device-up IFACE!=lo\n"),
            StartClass::Network
        );
        assert_eq!(
            class("start on runlevel [2345] or static-network-up\n"),
            StartClass::Network
        );
        assert_eq!(class("start on started dbus\n"), StartClass::Jobs);
        assert_eq!(
            class("start on stopped rc RUNLEVEL=[2345]\n"),
            StartClass::Runlevel
        );
        assert_eq!(class("start on block-device-added\n"), StartClass::Devices);
        assert_eq!(class("start on control-alt-delete\n"), StartClass::System);
        assert_eq!(class("start on web-ready\n"), StartClass::Custom);
        assert_eq!(class("exec /bin/true\n"), StartClass::Manual);
    }
}
