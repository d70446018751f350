//! Conversion between upstart jobs and systemd units.

pub mod from_systemd;
pub mod guard;
pub mod systemd_unit;
pub mod to_systemd;
pub mod unit_writer;

pub use to_systemd::{Conversion, EventMapping, Loss, OutputUnit, to_systemd};

/// For each loss of the merged job, whether the `.override` causes it: the
/// `.conf` converted alone does not produce it (matched one to one).
#[must_use]
pub fn from_override(merged: &[Loss], conf_alone: &[Loss]) -> Vec<bool> {
    let mut used = vec![false; conf_alone.len()];
    merged
        .iter()
        .map(|loss| {
            let same = conf_alone
                .iter()
                .enumerate()
                .position(|(i, l)| !used[i] && l == loss);
            match same {
                Some(i) => {
                    used[i] = true;
                    false
                }
                None => true,
            }
        })
        .collect()
}
