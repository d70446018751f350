//! Facts about upstart that every layer reads: the standard events and the
//! variables they carry, the characters that make upstart use a shell, the
//! signal names, the stanza table. No logic beyond lookups, and no
//! dependency on the rest of the crate, so the parser, the linter, the
//! converters, the supervisor and the graph can all use it.

pub mod events;
pub mod shell;
pub mod signals;
pub mod stanzas;
