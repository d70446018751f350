//! Conversion between upstart jobs and systemd units.

pub mod from_systemd;
pub mod guard;
pub mod systemd;
pub mod to_systemd;
pub mod unit;

pub use to_systemd::{Conversion, Loss, OutputUnit, to_systemd};
